"""Older people (AOW-gerechtigden, 65-plussers, senioren) as the target group of candidates.

Flags "Als AOW-gerechtigde kunt u ...", "steeds meer 65-plussers die nog graag
hun kennis inzetten", "wij zoeken senioren", "bijbaan voor gepensioneerden".
Leaves alone older people as clients ("dagbesteding voor 65-plussers",
"je verzorgt senioren"), "senior" as a job level ("Senior Inkoper"), and the
stale 2014-2017 labour-market sentence ("50-plussers in het kader van ..."),
which rule LFT008 reports.
"""

from __future__ import annotations

import re

from vacaturelint.rules import lists
from vacaturelint.rules.checks._numbers import sentence_tokens, word
from vacaturelint.rules.checks.registry import check
from vacaturelint.rules.lazyre import lazy

OPTIONS: set[str] = set()
ANCHORS = [r"aow|plusser|\d\d\+|gepensioneerd|pensionado|senioren"]  # first pass

# Words that name an age group by themselves.
_EXPLICIT = lazy(re,
    r"^(?:aow-?gerechtigden?|aow'?ers?|(?:[4-7][05]|vijftig|zestig|zeventig)-?plussers?|(?:[4-7][05])\+-?ers?)$"
)
# Words that name an age group only when the sentence recruits them.
_SOFT = {"senioren", "gepensioneerde", "gepensioneerden", "pensionado", "pensionado's"}
_CLIENT = {
    "zorg", "verzorgen", "verzorgt", "verzorging", "begeleiden", "begeleidt", "begeleiding", "ondersteunen",
    "ondersteunt", "ondersteuning", "dagbesteding", "dementie", "verpleeghuis", "woonzorgcentrum", "thuiszorg",
    "activiteiten", "ouderenzorg", "behandeling", "behandelen", "helpen",
    "hulp", "kortingen", "korting", "ov", "vervoer", "les", "cursus",
} | (lists.get("client_nouns") - _SOFT - {"ouderen", "volwassenen", "leden"})  # rules.yaml lists: client_nouns
_RECRUIT = {"zoeken", "zoekt", "zoek", "gezocht", "sollicitatie", "solliciteren", "vacature", "vacatures", "bijbaan", "baan", "werk", "banen"}


@check("age_older_group", needs={"lemma", "sents"}, scope="block")
def run(doc, options):
    for token in doc:
        w = word(token)
        explicit = bool(_EXPLICIT.match(w))
        if not explicit and w not in _SOFT:
            continue
        sent = sentence_tokens(doc, token.i)
        words = {word(t) for t in sent} | {t.lemma_.lower() for t in sent}
        if words & _CLIENT:
            continue
        if "kader" in words and "in" in words:
            continue  # "in het kader van ...": LFT008 (stale exception)
        if not explicit and not words & _RECRUIT:
            continue
        start, end = token.idx, token.idx + len(token.text)
        if token.i > 0 and word(doc[token.i - 1]) == "als":
            start = doc[token.i - 1].idx
        yield start, end, {}
