"""'perfect/uitstekend/vloeiend Nederlands' without a CEFR level (rule HKM004).

Finds a superlative or fluency word tied to Dutch as a language:

- "perfect Nederlands", "je spreekt en schrijft vloeiend Nederlands (en Engels)",
  "foutloos Nederlands", "fluent Dutch";
- "uitstekende beheersing van de Nederlandse taal", "zeer goede beheersing van de
  Nederlandse- en Engelse taal", "uitstekende communicatieve vaardigheden in het
  Nederlands en Engels";
- "je beheerst de Nederlandse taal uitstekend (in woord en geschrift)";
- a raised degree word: "zeer goed", "heel sterk", "ijzersterk in de Nederlandse taal".

Silent when the sentence states a level ("op B2-niveau", "C1", "ERK", "taalniveau 3F"),
when "Nederlandse" is not the language ("uitstekende kennis van de Nederlandse
markt"), for plain "goed Nederlands" / "goede beheersing", and when the sentence
itself says the job is about writing or language ("het schrijven van teksten",
redactie, vertalen): the College accepts "uitstekend Nederlands" for a nieuwslezer.
"""

from __future__ import annotations

import re

from vacaturelint.rules import annotate
from vacaturelint.rules.checks.registry import check
from vacaturelint.rules.lazyre import lazy

OPTIONS: set[str] = set()

INTENSIFIERS = {
    "perfect", "perfecte", "uitstekend", "uitstekende", "vloeiend", "vloeiende", "foutloos", "foutloze",
    "excellent", "excellente", "uitmuntend", "uitmuntende", "vlekkeloos", "vlekkeloze", "onberispelijk",
    "onberispelijke", "vlot", "vlotte", "fluent", "fluency", "flawless", "perfectly", "fluently", "impeccable",
}
# "volledig(e)" is a degree word only for command of a language ("je beheerst het Nederlands
# volledig", "volledige beheersing van"), not for "je werkt volledig in het Nederlands"
_FULL = {"volledig", "volledige"}
_COMMAND = lazy(re, r"\bbeheers", re.IGNORECASE)
# degree words: plain "goed Nederlands" / "sterk in de Nederlandse taal" pass; raised by a
# degree adverb ("zeer goed", "heel sterk") or an intensifying prefix ("ijzersterk",
# "supergoed", "keigoede") they say the same as "uitstekend"
_GOOD = {"goed", "goede", "sterk", "sterke"}
_DEGREE_PREFIXES = ("ijzer", "super", "kei", "hyper", "oer", "bere", "beren", "top", "zeer", "extra")
_LANGUAGES = {"nederlands", "nederlandse", "engels", "engelse", "duits", "duitse", "frans", "franse", "spaans",
              "spaanse", "english", "dutch", "german", "french"}
_VERY = {"zeer", "heel", "erg", "uiterst", "bijzonder"}
# tokens that may stand between the intensifier and the language
_BRIDGE = {
    "beheersing", "kennis", "taalvaardigheid", "taalbeheersing", "communicatieve", "vaardigheden", "skills",
    "schriftelijke", "mondelinge", "en", "van", "de", "het", "in", "zowel", "als", "op", "gebied", "taal",
    "spreek", "spreekt", "spreken", "schrijf", "schrijft", "schrijven", "lees", "leest", "lezen", "beheerst",
    "beheers", "beheersen", "woord", "geschrift", "schrift", "spraak", "engels", "engelse", "duits", "duitse", "frans",
    "franse", "english", "german", "/", ",", "-", "&", "taalvaardig", "communicatief", "vaardig",
    "zijn", "is", "bent", "ben", "je", "jij", "u", "command", "of", "written", "spoken", "and", "both",
    "ontwikkelde", "mondeling", "schriftelijk", "nederlands", "nederlandse", "nederlandse-", "dutch",
    "taal-", "uitdrukkingsvaardigheid", "uitdrukkingsvaardigheden", "communicatievaardigheden",
    "taalvaardigheden", "vaardigheid", "én", "communicatie",
}
# skill compounds bridge too: "schrijfvaardigheden", "spreekvaardigheid", "taalbeheersing"
_SKILL_ENDINGS = ("vaardigheid", "vaardigheden", "beheersing")
_LEVEL = lazy(re,
    r"\b(?:[abc][12](?:[-+]|\b)|erk|cefr|ek|taalniveau|niveau\s*[1-4]f?|[1-4]f|staatsexamen|nt2|"
    r"common european framework)", re.IGNORECASE)
_CORE_TASK = lazy(re,
    r"\b(?:schrijven van (?:teksten|artikelen|content|nieuws)|teksten schrijven|tekstschrijv\w*|copywrit\w*|"
    r"redact\w*|redig\w*|vertaler\w*|vertaalwerk|vertalingen|vertalen van (?:teksten|documenten)|tolk\w*|corrector\w*|eindredact\w*|nieuwslezer\w*|presentator\w*|"
    r"journalist\w*|taaldocent\w*|docent nederlands|leraar nederlands|nt2-docent|"
    # the same sentence says the language is for writing texts: "dankzij jouw uitstekende beheersing
    # van de Nederlandse taal zet jij pakkende teksten op papier", "je schrijft teksten in ..."
    r"schrijf\w*(?:\s+[\w-]+){0,5}\s+teksten|teksten(?:\s+[\w-]+){0,5}\s+(?:schrijf\w*|op papier)|schrijftalent)",
    re.IGNORECASE)
# what may follow a language named by its adjective alone ("van Nederlandse, zowel mondeling ...")
_MODES = {"mondeling", "schriftelijk", "woord", "geschrift", "spreken", "schrijven"}
_ITEM_END = {";", ".", "!", "\n"}
_NOT_LANGUAGE = {
    "markt", "wetgeving", "wet", "recht", "rechtssysteem", "overheid", "zorg", "samenleving", "cultuur",
    "bedrijf", "bedrijven", "arbeidsmarkt", "economie", "regelgeving", "onderwijs", "belastingrecht",
}


def _language(doc, i) -> bool:
    """Is doc[i] Dutch as a language?"""
    token = doc[i]
    low = token.lower_.rstrip("-")
    if low in ("nederlands", "dutch"):
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return not (nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ not in ("taal", "taalvaardigheid") and nxt.is_alpha)
    if low == "nederlandse":
        for t in doc[i + 1:i + 6]:
            low_t = t.lower_.rstrip("-")
            if low_t in ("taal", "talen", "schrift", "skills") or low_t.endswith(_SKILL_ENDINGS):
                return True  # "de Nederlandse taal", "Nederlandse én Engelse communicatie skills"
            if t.lower_ in _NOT_LANGUAGE or t.pos_ == "NOUN" and t.lower_ not in _BRIDGE | _MODES:
                return False
            if low_t in _MODES or t.text in _ITEM_END:
                # the adjective used as the language's name, no noun after it: "beheersing van
                # Nederlandse, zowel mondeling als schriftelijk", "kennis van Nederlandse;"
                return i > 0 and doc[i - 1].lower_ in ("van", "het", "in")
        return i + 1 == len(doc) and i > 0 and doc[i - 1].lower_ in ("van", "het", "in")
    return False


def _prefixed_degree(low: str) -> bool:
    """'ijzersterk', 'supergoede', 'kei-goed': a degree word raised by an intensifying prefix."""
    return any(low.startswith(p) and low[len(p):].lstrip("-") in _GOOD for p in _DEGREE_PREFIXES)


def _intensifier(doc, i, command: bool = False) -> int | None:
    """Start index of an intensifier at doc[i] ('uitstekende', 'zeer goede'), else None.
    ``command``: the sentence is about command of a language (then 'volledig' counts)."""
    low = doc[i].lower_
    if low in INTENSIFIERS or _prefixed_degree(low) or command and low in _FULL:
        return i
    if low in _GOOD and i > 0 and doc[i - 1].lower_ in _VERY:
        return i - 1
    return None


def _language_after(doc, i) -> bool:
    """Does a language name follow the intensifier at ``i`` ("zeer goed Engels", "vloeiende
    beheersing van Frans")? Then the intensifier is that language's, not the one before it."""
    for t in doc[i + 1:i + 6]:
        low = t.lower_.rstrip("-")
        if low in _LANGUAGES:
            return True
        if t.lower_ in ("en", "of", "én", ",", "&", "/") or t.lower_ not in _BRIDGE and not t.lower_.endswith(_SKILL_ENDINGS):
            return False  # a next item ("... uitstekend en het Engels goed") keeps the one before
    return False


def _new_clause(doc, a, b) -> bool:
    """'Je Engels is vloeiend en je Nederlands is goed': 'en je' opens the next clause, whose
    language has its own degree word."""
    return any(doc[k].lower_ in ("en", ",") and doc[k + 1].lower_ in ("je", "jij", "u", "jouw") for k in range(a, b - 1))


def _bridged(doc, a, b) -> bool:
    return all(_bridge(t) or t.is_punct and t.text in ",/-&(" for t in doc[a:b])


def _bridge(t) -> bool:
    """A word that may stand between the degree word and the language; a truncated part of a
    coordinated compound counts as its whole ("spreek- en schrijfvaardigheden")."""
    low = t.lower_
    if low.endswith("-") and len(low) > 1:
        low = low.rstrip("-")
    return low in _BRIDGE or low.endswith(_SKILL_ENDINGS)


@check("language_level", needs={"pos"}, scope="block")
def run(doc, options):
    for sent in annotate.sentences(doc):  # cut at punctuation, bullets, line breaks; not at commas
        if _LEVEL.search(sent.text) or _CORE_TASK.search(sent.text):
            continue
        if re.search(r"moedertaal|native", sent.text, re.IGNORECASE):
            continue  # rule HKM001
        languages = [t.i for t in sent if _language(doc, t.i)]
        if not languages:
            continue
        taken = -1
        command = bool(_COMMAND.search(sent.text))
        for t in sent:
            start = _intensifier(doc, t.i, command)
            if start is None or t.i <= taken:
                continue
            best = None
            for li in languages:
                if li > t.i and li - t.i <= 12 and _bridged(doc, t.i + 1, li) and not _new_clause(doc, t.i + 1, li):
                    best = (start, li)
                    break
                # the degree word before the intensifier is no bridge: "je beheerst de Nederlandse
                # (en Engelse) taal zeer goed" reads from the language up to "zeer"
                # ... but not "vloeiend Nederlands en zeer goed Engels": "zeer goed" is Engels's
                if li < t.i and li > taken and t.i - li <= 12 and _bridged(doc, li + 1, start) \
                        and not _language_after(doc, t.i):
                    best = (li, t.i)
            if best is None:
                continue
            first, last = doc[best[0]], doc[best[1]]
            if last.lower_.startswith("nederlandse"):
                # extend to 'taal' so the span reads 'uitstekende beheersing van de Nederlandse taal'
                for k in range(last.i + 1, min(len(doc), last.i + 6)):
                    if doc[k].lower_.rstrip("-") == "taal":
                        last = doc[k]
                        break
            taken = max(best[1], last.i)
            yield first.idx, last.idx + len(last.text), {}

# First pass: no finding without Dutch named as a language.
ANCHORS = [r"nederlands|dutch"]
