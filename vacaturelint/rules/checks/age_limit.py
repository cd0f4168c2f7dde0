"""Explicit ages or age ranges asked of the candidate or team.

Finds "maximaal 35 jaar", "max. 35 jr", "tussen de 25 en 35 jaar", "26-32 jaar",
"20–40 jaar oud", "minimaal 18 jaar", "ten minste 18 jaar",
"minstens 16 jaar", "25 jaar of jonger", "vanaf 16 jaar", "niet ouder dan 40",
"leeftijd: 25-35", "ben je 18+", and tells them apart from
years of experience, contract length, company age and the ages of clients or
pupils ("kinderen van 4 tot 12 jaar"), youth wage tables ("16 jaar € 4,96"),
age-based benefits ("vanaf 50 jaar extra vakantiedagen") and the age of a
certificate ("VOG niet ouder dan 5 jaar"). "gemiddelde leeftijd" is rule LFT010.
"""

from __future__ import annotations

from vacaturelint.doctext import text_of
from vacaturelint.rules import annotate, lists
from vacaturelint.rules.checks._numbers import DASH, NUM, YEAR, compile_, lemma_set, tokens_after, tokens_before, value
from vacaturelint.rules.checks.registry import check
from vacaturelint.spans import overlaps_any

OPTIONS = {"min_age", "max_age"}

# a word start, also of a list item glued on without a space ("instellingMinimaal 17 jaar")
_START = r"(?:\b|(?<=(?-i:[a-zà-ÿ]))(?=(?-i:[A-Z])))"
_CANDIDATES = [
    # (regex, kind); kind decides how much extra evidence is needed
    (compile_(rf"\b(?:tussen\s+(?:de\s+)?)?(?P<a>{NUM}){DASH}(?P<b>{NUM})\s*{YEAR}(?:\s+oud)?"), "range"),
    (compile_(rf"(?<!\d\s)(?<!\d){_START}(?:max(?:imaal|\.)?|maximum|hooguit|niet\s+ouder\s+dan|jonger\s+dan|onder\s+de|tot)\s+(?P<a>{NUM})\s*(?:{YEAR}(?:\s+oud)?)?(?!\s*(?:%|procent|uur|euro|maanden|weken|dagen))"), "upper"),
    (compile_(rf"{_START}(?:min(?:imaal|\.)?|minimum|minstens|ten\s*minste|tenminste|vanaf|ouder\s+dan|boven\s+de)\s+(?P<a>{NUM})\s*(?:{YEAR}(?:\s+oud)?|\+)?"), "lower"),
    (compile_(rf"\b(?P<a>{NUM})\s*(?:{YEAR}\s+(?:of\s+)?(?:ouder|jonger)|\+\s*(?:jaar|jr)\b|{YEAR}\s+oud)"), "explicit"),
    (compile_(rf"\b(?:je\s+bent|ben\s+je|ben\s+jij|leeftijd\s*:?)\s+(?P<s>(?P<a>{NUM})\s*\+)(?!\w)"), "explicit"),
    (compile_(rf"(?<!gemiddelde\s)\bleeftijd(?:s?(?:grens|indicatie|categorie|eis))?(?:\s+(?:van|is|ligt|tussen|rond|:|circa|ca\.))*\s*(?:de\s+)?(?P<a>{NUM})(?:{DASH}(?P<b>{NUM}))?(?:\s*{YEAR})?"), "explicit"),
]
# Words that make 'N jaar' a duration, not an age.
_DURATION = {
    "ervaring", "werkervaring", "dienst", "dienstverband", "contract", "bestaan", "bestaat", "sinds",
    "geleden", "periode", "looptijd", "garantie", "jubileum", "actief", "werkzaam", "gewerkt", "ervaren",
    "maand", "maanden", "week", "weken", "uur", "uren", "opleiding", "studie", "traject", "lang", "al",
    "ruim", "vast", "tijdelijk", "verlenging", "jaarcontract", "proeftijd", "loopbaan", "carrière",
    "praktijkervaring", "relevante", "aantoonbare", "leidinggevende", "bedrijf", "organisatie", "bestaande",
}
# People whose ages a vacancy may state: clients, pupils, patients.
_OTHERS = {
    "jongere", "peuter", "peuters", "tiener", "student", "studenten", "jeugdige", "jeugdigen", "scholier",
    "scholieren", "meisje", "meisjes", "jongen", "jongens", "oudere", "volwassene", "slachtoffer", "slachtoffers",
} | lists.get("client_nouns")  # rules.yaml lists: client_nouns
# Age as a condition of pay or benefits: youth wage tables, extra leave from 50.
_TERMS = {
    "€", "euro", "salaris", "loon", "uurloon", "jeugdloon", "minimumloon", "bruto", "netto", "vakantiedag",
    "vakantiedagen", "verlof", "seniorendagen", "pensioen", "pensioenregeling", "pensioenopbouw", "toeslag",
    "uurlonen", "ouderschapsverlof", "leeftijdsdagen", "ouderendagen", "cao", "schaal", "loonschaal",
}
# Things whose age is meant: certificates, documents, cars.
_THINGS = {
    "vog", "certificaat", "certificaten", "diploma", "verklaring", "document", "documenten", "bewijs",
    "auto", "rijbewijs", "foto", "pasfoto", "uittreksel", "keuring", "cursus", "training",
}
# "25 jaar of jonger", "50 jaar of ouder": an age by itself.
# "minimaal 13 jaar en 3 uur per week": the next demand, not a wage ("of" stays: "18 jaar of ouder")
_NEXT_DEMAND = {"en", "&"}
_OLDER_YOUNGER = compile_(rf"{YEAR}\s+(?:of\s+)?(?:ouder|jonger)\b")
_AGE_WORDS = {"oud", "leeftijd", "jarige", "leeftijdsgroep", "leeftijdscategorie"}
_CANDIDATE = {"je", "jij", "u", "kandidaat", "sollicitant", "sollicitanten", "kandidaten", "bent", "ben", "team",
              "collega", "collega's", "medewerker", "medewerkers", "solliciteren", "solliciteer", "bijbaan",
              "bijbaantje", "werken", "vakkenvuller", "vakkenvullers", "geschikt", "leeftijd"}


def _clause(tokens: list) -> list:
    """The tokens after the last clause end (";", ".", "!", "?", a line break): the
    previous list item's "18 jaar of ouder" says nothing about "minimaal 16 uur"."""
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].text in {";", ".", "!", "?"} or "\n" in tokens[k].text:
            return tokens[k + 1:]
    return tokens


def _about_others(doc, start: int) -> bool:
    """The sentence up to the age is about clients or a named person and not about the
    candidate or the team (annotation layer): their age, not a requirement."""
    before = [t for t in doc if t.idx < start]
    if not before:
        return False
    sent = annotate.sentence(doc, before[-1].i)
    found = {annotate.referent(doc, t.i) for t in sent if t.idx < start} - {None}
    if found & {"client", "named"} and not found & {"candidate", "team"}:
        return True
    if "leeftijd" in text_of(doc)[max(0, start - 20):start + 12].lower():
        # "(je werkt op een woning waar) 8 cliënten wonen ... in de leeftijd van 23 tot 38 jaar":
        # "in de leeftijd van" describes the nearest person before it
        # ("... en bent in de leeftijd van": the copula's subject, the candidate)
        for t in reversed([t for t in sent if t.idx < start]):
            if t.lower_ in ("ben", "bent", "is", "wordt", "word"):
                return False
            found = annotate.referent(doc, t.i)
            if found is not None:
                return found in ("client", "named")
    return False


def _until_next_demand(tokens: list) -> list:
    """``tokens`` (after the match) up to "en": "minimaal 13 jaar en 3 uur per week"
    ends the age before the next demand's hours."""
    for k, t in enumerate(tokens):
        if t.lower_ in _NEXT_DEMAND:
            return tokens[:k]
    return tokens


def _in_sentence_of(doc, start: int, tokens: list) -> list:
    """``tokens`` (before the match) from where the match's sentence starts: the glued
    item before ("17 jaar of ouder|Minimaal 36 uur") says nothing about this one."""
    first = next((t for t in doc if t.idx >= start), None)
    if first is None:
        return tokens
    sent = annotate.sentence(doc, first.i)
    return [t for t in tokens if t.i >= sent.start]


def _same_sentence(doc, end: int, tokens: list) -> list:
    """``tokens`` (after the match) cut where the match's sentence ends: a list item glued
    on ("17 jaar of ouder|Minimaal 36 uur") is not a wage table after the age."""
    last = [t for t in doc if t.idx < end]
    if not last:
        return tokens
    sent = annotate.sentence(doc, last[-1].i)
    return [t for t in tokens if t.i < sent.end]


# Pay or benefit words, also as the end of a compound ("volwassensalaris", "jeugdloon").
_PAY_ENDS = ("salaris", "loon", "lonen", "toeslag", "vergoeding", "vakantiedagen", "verlof", "bonus")


def _benefit_answer(doc, end: int) -> bool:
    """The age is a question answered by a benefit: "Ben je jonger dan 22 jaar? Dan ontvang
    je gewoon een volwassensalaris!": a condition of pay, not a demand."""
    last = [t for t in doc if t.idx < end]
    if not last:
        return False
    sent = annotate.sentence(doc, last[-1].i)
    if not any(t.text == "?" for t in doc[last[-1].i + 1: sent.end]) or sent.end >= len(doc):
        return False
    nxt = annotate.sentence(doc, sent.end)
    words = [t.lower_ for t in nxt if t.is_alpha]
    return bool(words) and words[0] == "dan" and any(w.endswith(_PAY_ENDS) for w in words)


def _aged_thing(doc, end: int) -> bool:
    """'N jaar oud' says how old a thing is, not a person: the noun it describes ("een
    veertig jaar oud mainframesysteem", "een 100 jaar oude boerderij") or the subject it
    is said of ("ons pand is 80 jaar oud") is no person, candidate or team."""
    old = next((t for t in doc if t.idx <= end - 1 < t.idx + len(t.text)), None)
    if old is None or old.lower_ not in ("oud", "oude"):
        return False
    sent = annotate.sentence(doc, old.i)
    noun = None
    if old.i + 1 < sent.end:  # attributive: the noun right after it ("oud systeem", not "oud en woont")
        nxt = doc[old.i + 1]
        if nxt.pos_ in ("NOUN", "PROPN") and nxt.is_alpha and not annotate.is_verb_form(nxt.lower_):
            noun = nxt.i
    if noun is None:
        subjects = [c for c in old.children if c.dep_ in ("nsubj", "nsubj:pass")]
        noun = subjects[0].i if subjects and subjects[0].pos_ in ("NOUN", "PROPN") else None
    if noun is None:
        return False
    ann = annotate.get(doc)
    return ann.referent[noun] not in {"candidate", "team", "person"} and not annotate.is_person_noun(doc[noun].text)


@check("age_limit", needs={"lemma"}, scope="block")
def run(doc, options):
    low, high = options.get("min_age", 13), options.get("max_age", 70)
    text = text_of(doc)
    taken: list[tuple[int, int]] = []
    for pattern, kind in _CANDIDATES:
        for m in pattern.finditer(text):
            start, end = m.span("s") if m.groupdict().get("s") else m.span()
            if overlaps_any(start, end, taken):
                continue
            numbers = [value(m.group(g)) for g in ("a", "b") if m.groupdict().get(g)]
            if not numbers or any(n is None for n in numbers):
                continue
            if not all(low <= n <= high for n in numbers):
                continue
            if len(numbers) == 2 and numbers[0] >= numbers[1]:
                continue
            matched = m.group(0).lower()
            after = lemma_set(_until_next_demand(tokens_after(doc, end, 4)))
            before_tokens = _clause(_in_sentence_of(doc, start, tokens_before(doc, start, 8)))
            before = lemma_set(before_tokens[-3:])
            sentence_before = lemma_set(before_tokens)
            explicit = (bool(_AGE_WORDS & (after | sentence_before)) or "oud" in matched or "leeftijd" in matched
                        or _OLDER_YOUNGER.search(matched) is not None)
            if not explicit:
                if (after | before) & _DURATION:
                    continue
                if not matched.rstrip().endswith(("jaar", "jr", "jr.", "jaren", "+")) and kind != "range":
                    continue
                if kind == "lower" and not (sentence_before & _CANDIDATE):
                    continue
            if sentence_before & _OTHERS and not sentence_before & {"je", "jij", "u", "bent", "ben", "kandidaat"}:
                continue
            if _about_others(doc, start):
                continue  # "binnen de locatie wonen zowel mannen als vrouwen, in leeftijd variërend van 20 tot 65 jaar"
            if before & _OTHERS:
                continue  # "oudere mensen vanaf 65 jaar", "jongeren tot 21 jaar"
            near_after = _same_sentence(doc, end, tokens_after(doc, end, 3))
            # a wage follows the age at once ("16 jaar € 4,96", "16 jaar - 5,41"), not after a
            # conjunction that starts the next demand ("minimaal 13 jaar en 3 uur per week beschikbaar")
            wage_zone = near_after[:1] if near_after and near_after[0].lower_ in _NEXT_DEMAND else near_after[:2]
            if lemma_set(near_after) & _TERMS or any(t.text in {"€", ":"} or t.like_num for t in wage_zone):
                continue  # youth wage table "18 jaar: € 842", "vanaf 50 jaar extra vakantiedagen"
            if before & _THINGS or lemma_set(before_tokens[-4:]) & _TERMS:
                continue  # "pensioenregeling (vanaf 20 jaar)", "VOG niet ouder dan 5 jaar"
            if _benefit_answer(doc, end):
                continue  # "Ben je jonger dan 22 jaar? Dan ontvang je een volwassensalaris!"
            if _aged_thing(doc, end):
                continue  # "een veertig jaar oud mainframesysteem", "ons pand is 80 jaar oud"
            taken.append((start, end))
            yield start, end, {}

# First pass: a block where no candidate pattern matches holds no finding.
ANCHORS = [pattern for pattern, _ in _CANDIDATES]
