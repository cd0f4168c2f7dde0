"""Older people (AOW-gerechtigden, 65-plussers, senioren) as the target group of candidates.

Flags "Als AOW-gerechtigde kunt u ...", "steeds meer 65-plussers die nog graag
hun kennis inzetten", "wij zoeken senioren", "bijbaan voor gepensioneerden", the
status as a demand ("bent u AOW-gerechtigd"), AOW compounds that name a person
("AOW-medewerkers", "AOW'ers", "gepensioneerden/AOW'ers gezocht") and a pensioner
as the one sought ("chauffeur gezocht (gepensioneerd)").
Leaves alone older people as clients ("dagbesteding voor 65-plussers",
"je verzorgt senioren"), "senior" as a job level ("Senior Inkoper"), the AOW as a
regulation or an age ("tot de AOW-gerechtigde leeftijd", "AOW-uitkering"),
negated or inclusive sentences ("gepensioneerden zijn ook welkom"), the
predicate "ben je gepensioneerd" (rule LFT012), and the stale 2014-2017
labour-market sentence ("50-plussers in het kader van ..."), which rule LFT008 reports.
"""

from __future__ import annotations

import re

from vacaturelint.rules import annotate, lists
from vacaturelint.rules.checks._numbers import sentence_tokens, word
from vacaturelint.rules.checks.registry import check
from vacaturelint.rules.lazyre import lazy

OPTIONS: set[str] = set()
ANCHORS = [r"aow|plusser|\d\d\+|gepensioneerd|pensionado|senioren"]  # first pass

# Words that name an age group by themselves ("AOW-gerechtigd" also as a predicate: "bent u AOW-gerechtigd").
_EXPLICIT = lazy(re,
    r"^(?:aow-?gerechtigd(?:e|en)?|aow(?:'|-)?ers?|(?:[4-7][05]|vijftig|zestig|zeventig)-?plussers?|(?:[4-7][05])\+-?ers?)$"
)
# A compound of AOW and a person noun: "AOW-medewerkers", "AOW-chauffeur" (not "AOW-leeftijd", "AOW-uitkering").
_AOW_COMPOUND = lazy(re, r"^aow-([a-zà-ÿ']{4,})$")
# Words that name an age group only when the sentence recruits them.
_SOFT = {"senioren", "gepensioneerde", "gepensioneerden", "gepensioneerd", "pensionado", "pensionado's"}
# "ben je gepensioneerd" is LFT012's; "hij is gepensioneerd" is someone else
_PREDICATE = {"ben", "bent", "is", "zijn", "was", "waren", "wordt", "word", "raakt", "raak"}
_CLIENT = {
    "zorg", "verzorgen", "verzorgt", "verzorging", "begeleiden", "begeleidt", "begeleiding", "ondersteunen",
    "ondersteunt", "ondersteuning", "dagbesteding", "dementie", "verpleeghuis", "woonzorgcentrum", "thuiszorg",
    "activiteiten", "ouderenzorg", "behandeling", "behandelen", "helpen",
    "hulp", "kortingen", "korting", "ov", "vervoer", "les", "cursus",
} | (lists.get("client_nouns") - _SOFT - {"ouderen", "volwassenen", "leden"})  # rules.yaml lists: client_nouns
_RECRUIT = {"zoeken", "zoekt", "zoek", "gezocht", "sollicitatie", "solliciteren", "vacature", "vacatures", "bijbaan", "baan", "werk", "banen"}


def _parts(token) -> list[tuple[str, int, int]]:
    """The token's word and, for a slash pair ("gepensioneerden/AOW'ers"), each part with its offsets."""
    w = word(token)
    if "/" not in w.strip("/"):
        return [(w, token.idx, token.idx + len(token.text))]
    parts, pos = [], token.idx
    for part in w.split("/"):
        parts.append((part, pos, pos + len(part)))
        pos += len(part) + 1
    return parts


def _explicit(doc, token, w: str) -> bool:
    if _EXPLICIT.match(w):
        return True
    m = _AOW_COMPOUND.match(w)
    if m:
        return annotate.is_person_noun(m.group(1))
    # "AOW gerechtigd" in two words
    return w == "aow" and token.i + 1 < len(doc) and word(doc[token.i + 1]).startswith("gerechtigd")


def _regulation(doc, token, w: str) -> bool:
    """The AOW status describing a thing, not a person: "tot de AOW-gerechtigde leeftijd"."""
    if not (w.startswith("aow") and "gerechtigd" in w) and w != "aow":
        return False
    j = token.i + 1
    if w == "aow":
        j += 1  # over "gerechtigd(e)"
    if j >= len(doc):
        return False
    nxt = word(doc[j])
    if nxt.endswith(("leeftijd", "datum", "grens", "uitkering", "pensioen")):
        return True
    person = annotate.is_person_noun(nxt) or nxt in lists.get("candidate_nouns")
    return doc[j].pos_ == "NOUN" and nxt.isalpha() and not person


# "Wij helpen AOW-gerechtigden aan een leuke baan": an agency placing the group in work recruits it.
_PLACED = {"baan", "baantje", "bijbaan", "job", "werk", "functie", "werkplek"}
# Clause negators; "Bent u AOW-gerechtigd en wilt u niet stoppen": the negation is the next clause's.
_NEG = {"niet", "nooit", "geen", "niets", "niks", "zonder", "hoeft", "hoef"}
_PRONOUNS = {"je", "jij", "u", "we", "wij", "ik", "ze", "zij"}


def _placed(sent) -> bool:
    """"helpen ... aan een (leuke) baan": placing people in work, not helping clients."""
    words = [word(t) for t in sent]
    for k, w in enumerate(words):
        if w == "aan" and any(x in _PLACED for x in words[k + 1: k + 5]):
            return bool({"helpen", "helpt", "hielp", "hielpen", "help"} & set(words[:k]))
    return False


def _negation_elsewhere(doc, token) -> bool:
    """The negation is in a later clause joined by "en/of" + verb + pronoun ("bent u
    AOW-gerechtigd en wilt u nog niet stoppen"): the group word itself is not negated."""
    sent = sentence_tokens(doc, token.i)
    end = sent[-1].i + 1
    for j in range(token.i + 1, end):
        if word(doc[j]) in _NEG:
            return False
        if word(doc[j]) in {"en", "of"} and j + 2 < end and word(doc[j + 2]) in _PRONOUNS:
            return not any(word(t) in _NEG for t in doc[sent[0].i: token.i])
    return False


def _hit(doc, token, w: str) -> bool:
    explicit = _explicit(doc, token, w)
    if not explicit and w not in _SOFT:
        return False
    if _regulation(doc, token, w):
        return False
    if w == "gepensioneerd" and any(word(t) in _PREDICATE for t in doc[max(0, token.i - 3): token.i]):
        return False
    sent = sentence_tokens(doc, token.i)
    words = {word(t) for t in sent} | {t.lemma_.lower() for t in sent}
    if words & _CLIENT and not _placed(sent):
        return False
    if "kader" in words and "in" in words:
        return False  # "in het kader van ...": LFT008 (stale exception)
    return explicit or bool(words & _RECRUIT)


@check("age_older_group", needs={"lemma", "sents", "pos"}, scope="block")
def run(doc, options):
    ann = None
    for token in doc:
        for w, start, end in _parts(token):
            if not _hit(doc, token, w):
                continue
            ann = ann or annotate.get(doc)
            if (ann.negated[token.i] and not _negation_elsewhere(doc, token)) or ann.inclusive[ann.sent_of[token.i]]:
                continue
            if start == token.idx and token.i > 0 and word(doc[token.i - 1]) == "als":
                start = doc[token.i - 1].idx
            if w == "aow":
                end = doc[token.i + 1].idx + len(doc[token.i + 1].text)
            yield start, end, {}
            break
