"""A range of years as the value of an experience field: "Werkervaring / 3-4 jaar".

Job boards append fields to an ad, each on its own line: a label and its value
("Werkervaring" then "3-4 jaar"), or only the values, the education level first
("MBO" then "3 tot 5 jaar"). A line that holds nothing but a range of years is the
experience asked when the line before is such a label or an education level; its
upper bound is then a maximum of experience (rule LFT004). A range in running text
is experience_cap's. A bare line of ages ("22-28 jaar") is rule LFT002's: ranges
above 15 years are not taken here, and "0-4 jaar" after "Leeftijd kinderen" has no
label of experience before it.

Some boards list the value as ticked brackets: "Van 1 tot 2 jaar, Van 2 tot 5 jaar"
after "Hbo" (or "Havo, Vwo, Mbo"). Together they ask 1 to 5 years; a list that ends
open ("..., Meer dan 10 jaar") has no maximum and stays silent.
"""

from __future__ import annotations

from vacaturelint.rules.checks._numbers import DASH, NUM, YEAR, compile_, value
from vacaturelint.rules.checks.registry import check

OPTIONS: set[str] = set()

_VALUE = compile_(rf"^\s*(?:tussen\s+(?:de\s+)?)?(?P<a>{NUM}){DASH}(?P<b>{NUM})\s*{YEAR}\s*$")
# The line before: an experience label, or an education level (the field before experience).
_LABEL = compile_(r"^\s*(?:(?:relevante\s+)?(?:werk|praktijk|beroeps|vak)?ervaring|ervaringsniveau|jaren\s+ervaring)\s*:?\s*$")
_ONE_LEVEL = r"(?:v?mbo|hbo|wo|havo|vwo|bachelor|master|universitair|academisch|ongeschoold)(?:[\s-]*[1-4])?"
_LEVEL = compile_(rf"^\s*{_ONE_LEVEL}(?:\s*,\s*{_ONE_LEVEL})*\s*$")
# one bracket of a ticked list: "Van 2 tot 5 jaar"; an open one: "Meer dan 10 jaar"
_BRACKET = compile_(rf"^\s*van\s+(?P<a>{NUM}){DASH}(?P<b>{NUM})\s*{YEAR}\s*$")
_OPEN = compile_(rf"^\s*(?:meer\s+dan|vanaf|minimaal)\s+{NUM}\s*{YEAR}\s*$|^\s*{NUM}\s*\+\s*{YEAR}\s*$")


def _range(text: str) -> tuple[int, int] | None:
    """The years a value line asks: "3-4 jaar", or a list of brackets "Van 1 tot 2 jaar, Van 2 tot 5 jaar"."""
    m = _VALUE.match(text)
    if m is not None:
        a, b = value(m.group("a")), value(m.group("b"))
        return (a, b) if a is not None and b is not None else None
    low, high = None, None
    for item in text.split(","):
        if _OPEN.match(item):
            return None  # no maximum
        m = _BRACKET.match(item)
        if m is None:
            return None
        a, b = value(m.group("a")), value(m.group("b"))
        if a is None or b is None:
            return None
        low = a if low is None else min(low, a)
        high = b if high is None else max(high, b)
    return (low, high) if low is not None else None


@check("experience_field", needs=(), scope="document", span_findings=True)
def run(docs, options):
    before = ""  # the last non-empty line before the block
    for index, (block, _doc) in enumerate(docs):
        text = block.text
        years = _range(text) if "\n" not in text.strip() else None
        if years is not None and (_LABEL.match(before) or _LEVEL.match(before)):
            a, b = years
            if a < b <= 15:
                start = len(text) - len(text.lstrip())
                yield index, start, len(text.rstrip()), {}
        lines = [line for line in text.splitlines() if line.strip()]
        if lines:
            before = lines[-1]


TEXT_ONLY = True
