"""A maximum or a range of years of experience: indirect age distinction.

Flags "maximaal 3 jaar werkervaring", "tussen 2 en 5 jaar ervaring", "0-2 jaar
ervaring", "niet meer dan 4 jaar ervaring". Leaves alone "minimaal 3 jaar
ervaring" (a minimum may be needed) and "plusminus/circa 3 jaar" (oordeel
2022-84: readable as a minimum).
"""

from __future__ import annotations

from vacaturelint.rules.checks._numbers import DASH, NUM, YEAR, compile_, value

NEEDS = frozenset()
SCOPE = "span"
OPTIONS: set[str] = set()

_EXPERIENCE = r"(?:\s+\w+){0,2}?\s+(?:relevante\s+|aantoonbare\s+|praktische\s+|professionele\s+)?(?:werk|praktijk|beroeps|vak)?ervaring"
_PATTERNS = [
    compile_(rf"\b(?:max(?:imaal|\.)?|maximum|hooguit|niet\s+meer\s+dan|ten\s+hoogste|tot)\s+(?P<b>{NUM})\s*{YEAR}{_EXPERIENCE}"),
    compile_(rf"\b(?:tussen\s+(?:de\s+)?)?(?P<a>{NUM}){DASH}(?P<b>{NUM})\s*{YEAR}{_EXPERIENCE}"),
    compile_(rf"\b(?:werk)?ervaring\s+van\s+(?:max(?:imaal|\.)?|hooguit|ten\s+hoogste)\s+(?P<b>{NUM})\s*{YEAR}"),
    compile_(rf"\b(?:werk)?ervaring\s+van\s+(?:tussen\s+(?:de\s+)?)?(?P<a>{NUM}){DASH}(?P<b>{NUM})\s*{YEAR}"),
]
_HEDGES = compile_(r"(?:plusminus|\+/-|±|circa|ca\.|ongeveer|zo'n|rond(?:om)?|minimaal|min\.|ten\s+minste|tenminste|minstens|ruim|meer\s+dan)\s*$")


def run(doc, options):
    text = doc.text
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            a = value(m.group("a")) if m.groupdict().get("a") else None
            b = value(m.group("b"))
            if b is None or b > 40 or (a is not None and a >= b):
                continue
            if a is not None and _HEDGES.search(text[max(0, start - 20) : start]):
                continue
            taken.append((start, end))
            yield start, end, {"message_args": {"max": b}}
