"""A range of years as the value of an experience field: "Werkervaring / 3-4 jaar".

Job boards append fields to an ad, each on its own line: a label and its value
("Werkervaring" then "3-4 jaar"), or only the values, the education level first
("MBO" then "3 tot 5 jaar"). A line that holds nothing but a range of years is the
experience asked when the line before is such a label or an education level; its
upper bound is then a maximum of experience (rule LFT004). A range in running text
is experience_cap's. A bare line of ages ("22-28 jaar") is rule LFT002's: ranges
above 15 years are not taken here, and "0-4 jaar" after "Leeftijd kinderen" has no
label of experience before it.
"""

from __future__ import annotations

from vacaturelint.rules.checks._numbers import DASH, NUM, YEAR, compile_, value
from vacaturelint.rules.checks.registry import check

OPTIONS: set[str] = set()

_VALUE = compile_(rf"^\s*(?:tussen\s+(?:de\s+)?)?(?P<a>{NUM}){DASH}(?P<b>{NUM})\s*{YEAR}\s*$")
# The line before: an experience label, or an education level (the field before experience).
_LABEL = compile_(r"^\s*(?:(?:relevante\s+)?(?:werk|praktijk|beroeps|vak)?ervaring|ervaringsniveau|jaren\s+ervaring)\s*:?\s*$")
_LEVEL = compile_(r"^\s*(?:v?mbo|hbo|wo|havo|vwo|bachelor|master|universitair|academisch)(?:[\s-]*[1-4])?\s*$")


@check("experience_field", needs=(), scope="document", span_findings=True)
def run(docs, options):
    before = ""  # the last non-empty line before the block
    for index, (block, _doc) in enumerate(docs):
        text = block.text
        m = _VALUE.match(text)
        if m is not None and (_LABEL.match(before) or _LEVEL.match(before)):
            a, b = value(m.group("a")), value(m.group("b"))
            if a is not None and b is not None and a < b <= 15:
                start = len(text) - len(text.lstrip())
                yield index, start, len(text.rstrip()), {}
        lines = [line for line in text.splitlines() if line.strip()]
        if lines:
            before = lines[-1]


TEXT_ONLY = True
