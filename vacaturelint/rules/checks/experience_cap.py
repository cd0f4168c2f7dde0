"""A maximum or a range of years of experience: indirect age distinction.

Flags "maximaal 3 jaar werkervaring", "tussen 2 en 5 jaar ervaring", "0-2 jaar
ervaring", "niet meer dan 4 jaar ervaring", "4 a 6 ervaring" (jaar left out). Leaves alone "minimaal 3 jaar
ervaring" (a minimum may be needed), "zeker 6-10 jaar" (a lower bound before a range)
and "plusminus/circa 3 jaar" (oordeel 2022-84: readable as a minimum). An
approximation after an upper-bound word is still a cap: "tot circa drie jaar
werkervaring".

A range without the word ervaring right after it is years of experience when the
sentence says so otherwise: "je hebt 5-10 jaar in een commerciële rol" (years one
has), "wij denken aan één tot drie jaar in technisch commerciële functies" (years
in roles) after "we zoeken iemand met enige werkervaring" (experience named in the
sentence or the one before). Not when the range is an age ("kinderen van 4 tot 12 jaar", "leeftijd"), a contract,
a period ahead ("de komende 2-3 jaar") or about clients. Nor when the sentence
describes the present staff and not the candidate ("het team bestaat uit tekenaars met
allen 2 tot 10 jaar werkervaring").
"""

from __future__ import annotations

from vacaturelint.doctext import text_of
from vacaturelint.rules import annotate
from vacaturelint.rules.checks._numbers import DASH, NUM, YEAR, compile_, value
from vacaturelint.rules.checks.registry import check
from vacaturelint.spans import overlaps_any

OPTIONS: set[str] = set()

_APPROX_WORD = r"(?:plusminus|\+/-|±|circa|ca\.|ongeveer|zo'n|grofweg)"
_EXPERIENCE = r"(?:\s+\w+){0,2}?\s+(?:relevante\s+|aantoonbare\s+|praktische\s+|professionele\s+)?(?:werk|praktijk|beroeps|vak)?ervaring"
# the word jaar left out: "4 a 6 Ervaring in online advertising" (not a level: "niveau 3-4 ervaring")
_NO_YEAR = compile_(
    r"(?<!niveau\s)(?<!nivo\s)(?<!level\s)(?<!mbo\s)(?<!mbo-)\b(?P<a>\d{1,2})\s*(?:-|–|tot|à|a)\s*(?P<b>\d{1,2})"
    r"\s+(?:relevante\s+|aantoonbare\s+)?(?:werk|praktijk|beroeps|vak)?ervaring\b")
# "1 of 2 jaar ervaring": two neighbouring numbers with "of" are a narrow range too
_DASH_OR = rf"(?:{DASH}|\s+of\s+)"
_PATTERNS = [
    # ranges first, so "vijf tot acht jaar" is one range and not "tot acht jaar"
    compile_(rf"(?:\b|(?<=[^\W\d])(?=\d))(?:tussen\s+(?:de\s+)?)?(?P<a>{NUM}){_DASH_OR}(?P<b>{NUM})\s*{YEAR}{_EXPERIENCE}"),
    compile_(rf"\b(?:werk)?ervaring\s+van\s+(?:tussen\s+(?:de\s+)?)?(?P<a>{NUM}){DASH}(?P<b>{NUM})\s*{YEAR}"),
    _NO_YEAR,
    # "werkervaring (2 tot 4 jaar)", "Werkervaring: 0-2 jaar"
    compile_(rf"\b(?:werk|praktijk|beroeps|vak)?ervaring(?:[^.;:()\n]{{0,30}}?\(|\s*:)\s*(?:tussen\s+(?:de\s+)?)?(?P<a>{NUM}){DASH}(?P<b>{NUM})\s*{YEAR}\)?"),
    # an approximation after the cap word keeps it a cap ("tot circa drie jaar"): the
    # silent "circa/plusminus N jaar" of oordeel 2022-84 has no upper-bound word
    compile_(rf"(?<!\d\s)(?<!\d)\b(?:max(?:imaal|\.)?|maximum|hooguit|niet\s+meer\s+dan|ten\s+hoogste|tot)\s+(?:{_APPROX_WORD}\s*)?(?P<b>{NUM})\s*{YEAR}{_EXPERIENCE}"),
    compile_(rf"\b(?:werk)?ervaring\s+van\s+(?:max(?:imaal|\.)?|hooguit|ten\s+hoogste)\s+(?P<b>{NUM})\s*{YEAR}"),
]
# A bare range: years of experience only with more evidence in the sentence (_bare_experience).
_BARE = compile_(rf"(?:\b|(?<=[^\W\d])(?=\d))(?:tussen\s+(?:de\s+)?)?(?P<a>{NUM}){DASH}(?P<b>{NUM})\s*{YEAR}\b")
# "je hebt 5-10 jaar ...", "heb je 3 tot 5 jaar ...": years one has
_HAVE = compile_(r"\b(?:heb|hebt|heeft|hebben|bezit|bezitten)(?:\s+(?:je|jij|u|ruim))?\s*$")
# "... jaar in (technisch commerciële) functies", "... jaar als accountmanager": years in a role
_ROLE_AFTER = compile_(r"^\s+(?:in|als|op|bij)\b[^.;:!?\n]{0,50}?\b(?:functies?|rol(?:len)?|posities?|vakgebied|werkveld|vergelijkbare|soortgelijke|relevante)\b")
_EXPERIENCE_WORD = compile_(r"\b(?:[^\W\d]*ervaring|ervaren)(?![^\W\d])")  # also glued: "Werkervaring3-4 jaar"
# The range is an age, a period ahead, a contract or the like: not experience.
_NOT_EXPERIENCE = compile_(
    r"\b(?:leeftijd\w*|oud|jarige\w*|contract\w*|dienstverband|looptijd|periode|komende|volgende|afgelopen"
    r"|binnen|na|over|sinds|geleden|traject|opleiding|studie|project\w*|pensioen|garantie|bestaa?n|bestaat|per"
    r"|van|voor|tot|t/m|vanaf|duur|duurt|waarvan|daarvan|minimaal|min\.|minimum|minstens|ruim|zeker|ten\s+minste|tenminste)\b")

# A lower bound before a range makes it a minimum ("minimaal 3-5 jaar"): silent.
# "zeker 6-10 jaar" reads as "at least 6 years" too.
_MINIMUM = compile_(r"(?:minimaal|min\.|minimum|ten\s+minste|tenminste|minstens|zeker|ruim|meer\s+dan|vanaf)\s*$")
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
            if _describes_staff(doc, start, end):
                continue
            info: dict = {"message_args": {"max": b}}
            if a is not None and _APPROX.search(lead):
                info["severity"] = "info"
            elif a is None and _APPROX.search(lead):
                continue
            yield start, end, info
    for m in _BARE.finditer(text):
        start, end = m.span()
        if overlaps_any(start, end, taken):
            continue
        a, b = value(m.group("a")), value(m.group("b"))
        if a is None or b is None or a >= b or b > 15:
            continue
        if _MINIMUM.search(text[max(0, start - 20) : start]) or not _bare_experience(doc, text, start, end):
            continue
        taken.append((start, end))
        yield start, end, ({"severity": "info"} if _APPROX.search(text[max(0, start - 20) : start]) else {})


def _bare_experience(doc, text: str, start: int, end: int) -> bool:
    """Does the sentence make a bare range years of experience? Years one has or years
    in a role, or experience named in this sentence or the one before (nothing that
    makes the range an age, a contract, a period ahead or a part of a minimum ("waarvan"),
    and nobody else's)."""
    first_char, last_char, first, _ = annotate.sentence_char_bounds(doc, start, end)
    lead = text[first_char:start]
    words_before = lead.split()[-2:]
    tail = text[end:last_char]
    near_after = " ".join(tail.split()[:2])
    if _NOT_EXPERIENCE.search(" ".join(words_before)) or _NOT_EXPERIENCE.search(near_after):
        return False
    if _other_people(doc, start, end):
        return False
    if _HAVE.search(lead) or _ROLE_AFTER.search(tail):
        return True
    chars = annotate.sentence_chars(doc)
    context = text[chars[first - 1][0] if first > 0 else first_char : last_char]
    return bool(_EXPERIENCE_WORD.search(context)) and not _NOT_EXPERIENCE.search(lead.split("\n")[-1][-40:])


_COMPOSITION = compile_(r"\b(?:bestaa?t|bestaan|bestond|bestonden)\s+uit\b|\b(?:allen|allemaal)\b")


def _describes_staff(doc, start: int, end: int) -> bool:
    """The sentence describes who works there now, not the candidate: "de tekenkamer bestaat
    uit 5 tekenaars met allen een hbo-diploma en 2 tot 10 jaar werkervaring"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    sent = annotate.sentence(doc, span.start)
    if not _COMPOSITION.search(sent.text):
        return False
    ann = annotate.get(doc)
    return "candidate" not in {ann.referent[t.i] for t in sent}


def _other_people(doc, start: int, end: int) -> bool:
    """Clients, a named person or an organisation in the sentence and not the candidate:
    "de jongeren zijn twee tot drie jaar in zorg"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    sent = annotate.sentence(doc, span.start)
    ann = annotate.get(doc)
    found = {ann.referent[t.i] for t in sent} - {None}
    return bool(found & {"client", "named"}) and "candidate" not in found


def select(options):
    """First pass: a block where no pattern matches holds no finding (every pattern
    but _NO_YEAR needs 'jaar', 'jaren' or 'jr': a cheap test first)."""
    years = compile_(r"ja(?:ar|ren)|jr")

    def choose(texts):
        return {i for i, t in enumerate(texts)
                if (years.search(t) or _NO_YEAR.search(t)) and any(p.search(t) for p in (*_PATTERNS, _BARE))}

    choose.per_text = True  # each text judged alone: it also chooses the sentences of a block
    return choose
