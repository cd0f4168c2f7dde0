"""A person noun marked as young or studying, for the candidate: indirect age distinction.

Two forms, both as options so the rules say which words count:

- ``modifiers``: a word before the person noun that puts the person at the start of
  a career: "wij zoeken startende technisch tekenaars", "een beginnende
  accountant". Up to two words may come between ("startende Technisch
  Tekenaars"), and education levels ("startend MBO of HBO Verpleegkundige"). The
  person noun is an open class (annotate.is_person_noun).
- ``prefixes``: a compound whose first part is the group and whose head is a
  person noun: "student-assistent", "studentmedewerker". Only the singular
  prefix: "studentendecaan" or "studentenbegeleider" serve students, they are not
  students.

A past role ("jaren ervaring als startend ontwikkelaar") is not the one sought.
Only nouns the annotation layer resolves to the candidate are reported: "wij
helpen startende ondernemers" (clients), "je begeleidt beginnende collega's"
(the team) and negated or inclusive sentences stay silent.
"""

from __future__ import annotations

import re

from vacaturelint.rules import annotate
from vacaturelint.rules.anchors import Chooser
from vacaturelint.rules.checks._numbers import word
from vacaturelint.rules.checks.registry import check

OPTIONS = {"modifiers", "prefixes"}
# Heads that make a prefixed compound a place, a course or a helper of the group, not a member.
_NOT_MEMBER = ("stage", "stagiair", "stagiaire", "stagiaires", "stagiairs", "decaan", "begeleider", "adviseur", "coach",
               "coördinator", "coordinator", "raad", "vereniging", "organisatie", "bureau", "uitzendbureau")


# An education level before a person noun: "startend MBO of HBO Verpleegkundige", "beginnende hbo-jurist".
_LEVEL = re.compile(r"(?:v?mbo|hbo|wo|havo|vwo|bachelor|master)(?:-?[1-4])?-?")


def validate_options(options):
    for key in OPTIONS:
        value = options.get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise ValueError(f"{key} moet een lijst woorden zijn")
    if not options.get("modifiers") and not options.get("prefixes"):
        raise ValueError("geef modifiers of prefixes (een lijst woorden)")


def _candidate(ann, i: int) -> bool:
    return ann.referent[i] == "candidate" and not ann.negated[i] and not ann.inclusive[ann.sent_of[i]]


def _modified(doc, token, ann, sent_end: int) -> int | None:
    """The person noun after a modifier, over at most two words ("Technisch") and over
    education levels joined by of/en/slash ("startend MBO of HBO Verpleegkundige")."""
    words = 0
    for j in range(token.i + 1, min(sent_end, token.i + 8)):
        t = doc[j]
        w = word(t)
        if _LEVEL.fullmatch(w):
            continue
        if w in {"of", "en", "/", "-"} and j > token.i + 1 and _LEVEL.fullmatch(word(doc[j - 1])) \
                and j + 1 < sent_end and _LEVEL.fullmatch(word(doc[j + 1])):
            continue  # "MBO of HBO", "mbo/hbo"
        if _coordinated_adjective(doc, j, sent_end):
            continue  # "startende, ambitieuze fysiotherapeut", "startende en enthousiaste fysiotherapeut"
        if t.is_punct or t.like_num:
            return None
        if annotate.is_person_noun(w):
            return j if _candidate(ann, j) else None
        if w in {"en", "of", "de", "het", "een", "met", "in", "voor", "van", "die", "dat"}:
            return None
        words += 1
        if words > 2:
            return None
    return None


def _coordinated_adjective(doc, j: int, sent_end: int) -> bool:
    """A comma or "en" that joins another inflected adjective to the modifier: the next
    word ends in -e (by its form, not its tag) and is no person noun itself."""
    if doc[j].text != "," and word(doc[j]) != "en":
        return False
    if j + 1 >= sent_end:
        return False
    nxt = doc[j + 1]
    w = word(nxt)
    return nxt.is_alpha and nxt.text[:1].islower() and len(w) > 3 and w.endswith("e") \
        and not annotate.is_person_noun(w)


def _prefixed(token, prefixes: tuple[str, ...]) -> bool:
    w = word(token)
    for prefix in prefixes:
        if not w.startswith(prefix) or len(w) <= len(prefix) + 3:
            continue
        head = w[len(prefix):].lstrip("-")
        if w[len(prefix):].startswith("en") and not w[len(prefix):].startswith("en-") and not annotate.is_person_noun(head):
            continue
        if head.startswith(_NOT_MEMBER) or head.endswith(_NOT_MEMBER):
            return False
        return annotate.is_person_noun(head)
    return False


@check("age_target_person", needs={"sents"}, scope="block")
def run(doc, options):
    modifiers = {w.lower() for w in options.get("modifiers", [])}
    prefixes = tuple(sorted((w.lower() for w in options.get("prefixes", [])), key=len, reverse=True))
    if not len(doc):
        return
    ann = None  # the annotation only for a block that holds a modifier or a prefix (most hold none)
    for token in doc:
        w = word(token)
        if w in modifiers:
            ann = ann or annotate.get(doc)
            if any(word(t) in {"ervaring", "werkervaring", "gewerkt"} for t in doc[max(0, token.i - 4): token.i]):
                continue  # "jaren ervaring als startend ontwikkelaar": a past role, not the one sought
            end = ann.sentences[ann.sent_of[token.i]][1]
            noun = _modified(doc, token, ann, end)
            if noun is not None:
                yield token.idx, doc[noun].idx + len(doc[noun].text), {}
        elif prefixes and re.match(r"[a-zà-ÿ]", w) and _prefixed(token, prefixes):
            ann = ann or annotate.get(doc)
            if ann.referent[token.i] in {"client", "named", "quoted", "organisation"} or ann.negated[token.i]:
                continue
            if ann.inclusive[ann.sent_of[token.i]]:
                continue
            yield token.idx, token.idx + len(token.text), {}


def select(options):
    """First pass: a block holds a finding only where a modifier or prefix occurs."""
    words = [w.lower() for w in (*options.get("modifiers", []), *options.get("prefixes", []))]
    return Chooser([r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"])
