"""A maximum or a range of years of experience: indirect age distinction.

Flags "maximaal 3 jaar werkervaring", "tussen 2 en 5 jaar ervaring", "0-2 jaar
ervaring", "niet meer dan 4 jaar ervaring". Leaves alone "minimaal 3 jaar
ervaring" (a minimum may be needed) and "plusminus/circa 3 jaar" (oordeel
2022-84: readable as a minimum). An approximation after an upper-bound word is
still a cap: "tot circa drie jaar werkervaring".
"""

from __future__ import annotations

from vacaturelint.doctext import text_of
from vacaturelint.rules.checks._numbers import DASH, NUM, YEAR, compile_, value
from vacaturelint.rules.checks.registry import check
from vacaturelint.spans import overlaps_any

OPTIONS: set[str] = set()

_APPROX_WORD = r"(?:plusminus|\+/-|±|circa|ca\.|ongeveer|zo'n|grofweg)"
_EXPERIENCE = r"(?:\s+\w+){0,2}?\s+(?:relevante\s+|aantoonbare\s+|praktische\s+|professionele\s+)?(?:werk|praktijk|beroeps|vak)?ervaring"
_PATTERNS = [
    # ranges first, so "vijf tot acht jaar" is one range and not "tot acht jaar"
    compile_(rf"(?:\b|(?<=[^\W\d])(?=\d))(?:tussen\s+(?:de\s+)?)?(?P<a>{NUM}){DASH}(?P<b>{NUM})\s*{YEAR}{_EXPERIENCE}"),
    compile_(rf"\b(?:werk)?ervaring\s+van\s+(?:tussen\s+(?:de\s+)?)?(?P<a>{NUM}){DASH}(?P<b>{NUM})\s*{YEAR}"),
    # "werkervaring (2 tot 4 jaar)", "Werkervaring: 0-2 jaar"
    compile_(rf"\b(?:werk|praktijk|beroeps|vak)?ervaring(?:[^.;:()\n]{{0,30}}?\(|\s*:)\s*(?:tussen\s+(?:de\s+)?)?(?P<a>{NUM}){DASH}(?P<b>{NUM})\s*{YEAR}\)?"),
    # an approximation after the cap word keeps it a cap ("tot circa drie jaar"): the
    # silent "circa/plusminus N jaar" of oordeel 2022-84 has no upper-bound word
    compile_(rf"(?<!\d\s)(?<!\d)\b(?:max(?:imaal|\.)?|maximum|hooguit|niet\s+meer\s+dan|ten\s+hoogste|tot)\s+(?:{_APPROX_WORD}\s*)?(?P<b>{NUM})\s*{YEAR}{_EXPERIENCE}"),
    compile_(rf"\b(?:werk)?ervaring\s+van\s+(?:max(?:imaal|\.)?|hooguit|ten\s+hoogste)\s+(?P<b>{NUM})\s*{YEAR}"),
]
# A lower bound before a range makes it a minimum ("minimaal 3-5 jaar"): silent.
_MINIMUM = compile_(r"(?:minimaal|min\.|minimum|ten\s+minste|tenminste|minstens|ruim|meer\s+dan|vanaf)\s*$")
# An approximation before a range softens it (oordeel 2022-84 on "plusminus"): info only.
_APPROX = compile_(r"(?:plusminus|\+/-|±|circa|ca\.|ongeveer|zo'n|rond(?:om)?|grofweg)\s*$")


@check("experience_cap", needs=(), scope="block")
def run(doc, options):
    text = text_of(doc)
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if overlaps_any(start, end, taken):
                continue
            taken.append((start, end))
            a = value(m.group("a")) if m.groupdict().get("a") else None
            b = value(m.group("b"))
            if b is None or b > 40 or (a is not None and a >= b):
                continue
            lead = text[max(0, start - 20) : start]
            if _MINIMUM.search(lead):
                continue
            info: dict = {"message_args": {"max": b}}
            if a is not None and _APPROX.search(lead):
                info["severity"] = "info"
            elif a is None and _APPROX.search(lead):
                continue
            yield start, end, info

def select(options):
    """First pass: a block where no pattern matches holds no finding (every pattern
    needs 'jaar', 'jaren' or 'jr': a cheap test first)."""
    years = compile_(r"ja(?:ar|ren)|jr")

    def choose(texts):
        return {i for i, t in enumerate(texts) if years.search(t) and any(p.search(t) for p in _PATTERNS)}

    choose.per_text = True  # each text judged alone: it also chooses the sentences of a block
    return choose
