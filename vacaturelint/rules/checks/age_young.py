"""'jong' (or 'oud') describing the candidate, the colleagues or the team.

Flags "jong en dynamisch team", "jonge collega's", "team met jonge
professionals", "jonge en inspirerende werkomgeving", "jonge hond", "ons team
is jong", "ben jij jong en ambitieus?", "oudere kandidaten". Leaves alone the
age of a company ("een jong en groeiend bedrijf", "jonge organisatie"), of
clients or pupils ("het jonge kind", "jongeren", "zowel jong als oud"),
jongerenwerker (one token), and sentences that describe a mixed team ("een mix
van jong en ervaren", "balans tussen ervaren en jonge medewerkers").

An organisation that is 'jong' together with an adjective of temperament or
working culture (rules.yaml list trait_adjectives, and -gericht compounds) is
read as its people: "een jong en dynamisch bedrijf", "jonge, actieve en
servicegerichte organisatie" are reported; growth and company-age words
("jong en groeiend", "jong en innovatief") leave it the company's age, and so do
a founding date in the sentence ("opgericht in 2013"), "nog een jong ... bedrijf"
and a past employer ("ervaring opgedaan in een jong, dynamisch bedrijf").

Beyond the closed list of nouns below, 'jong' before any person noun (an open
class: annotate.is_person_noun) that the annotation layer resolves to the
candidate or the team is reported ("wij zoeken een jonge verkoper/kok/monteur",
"een jonge afdeling"), and "jongeman"/"jongedame" for the candidate; nouns it
resolves to clients, an organisation, a named person or quoted words stay silent
("wij helpen jonge ondernemers"), and so do inclusive sentences ("jong of oud,
iedereen is welkom").

The parse is used when it helps (amod head, nsubj of a predicative 'jong'),
but the token scan works without it: the stand-in parser often tags the
adjectives in "jong gedreven team" as verbs or nouns.
"""

from __future__ import annotations

from vacaturelint.rules import annotate, lists
from vacaturelint.rules.checks._numbers import sentence_tokens, word
from vacaturelint.rules.checks.registry import check

OPTIONS: set[str] = set()
ANCHORS = [r"(?<!\w)(?:jong|jeugdig|young|oude)"]  # first pass: a YOUNG or OLD word

YOUNG = {"jong", "jonge", "jonger", "jongere", "jeugdig", "jeugdige", "young"}
OLD = {"oude", "oudere"}

# Nouns for the candidate, colleagues, team or the working environment.
TARGETS = {
    "team", "teams", "collega", "collega's", "collegas", "medewerker", "medewerkers", "werknemer",
    "werknemers", "kandidaat", "kandidaten", "sollicitant", "sollicitanten", "teamlid", "teamleden",
    "club", "ploeg", "crew", "personeel", "bezetting", "talent", "talenten", "professional",
    "professionals", "hond", "honden", "enthousiasteling", "enthousiastelingen", "aanwas", "bloed",
    "starter", "starters", "afstudeerder", "afstudeerders", "afgestudeerde", "afgestudeerden",
    "engineer", "engineers", "developer", "developers", "ontwikkelaar", "ontwikkelaars", "consultant",
    "consultants", "adviseur", "adviseurs", "werkomgeving", "omgeving", "werksfeer", "sfeer",
    "bedrijfscultuur", "mens", "mensen", "man", "mannen", "vrouw", "vrouwen", "dame", "dames", "kerel",
    "kerels", "persoon", "personen", "meid", "meiden", "gozer", "gozers", "vent", "graduate", "graduates",
    # a unit of the staff: "een (relatief) jonge (sales) afdeling" describes its people
    "afdeling", "afdelingen", "unit",
}
# Units whose 'jong' may be their founding date: "een jonge afdeling, opgericht in 2021".
UNITS = {"afdeling", "afdelingen", "unit"}
# Ambiguous people nouns: clients in care and education vacancies.
AMBIGUOUS = {"mens", "mensen", "man", "mannen", "vrouw", "vrouwen", "persoon", "personen", "dame", "dames", "meid", "meiden"}
TARGET_SUFFIXES = ("team", "teams", "medewerker", "medewerkers", "collega", "collega's", "afdeling")
# Nouns that make 'jong' the age of something else: stop, no finding.
OTHERS = {
    "bedrijf", "bedrijfje", "bedrijven", "organisatie", "organisaties", "stichting", "onderneming",
    "merk", "start-up", "startup", "scale-up", "scaleup", "kantoor", "praktijk", "vestiging",
    "wijk", "stad", "gebouw", "school", "instelling", "markt", "sector", "branche", "product", "concept",
    "ouder", "moeder", "moeders", "vader", "vaders", "makers", "maker",
    "kunstenaar", "kunstenaars", "artiesten", "dieren", "dier", "wijn", "plant", "planten", "geschiedenis",
} | lists.get("client_nouns")
CLIENT_CONTEXT = {
    "begeleiden", "begeleid", "begeleidt", "begeleiding", "ondersteunen", "ondersteuning", "zorg",
    "behandelen", "behandeling", "doelgroep", "les", "lesgeven", "hulp", "helpen", "hulpverlening",
} | lists.get("client_nouns") | lists.get("client_verbs")  # rules.yaml lists
# A sentence that describes a mix of ages is not a preference.
MIX = {"mix", "mengeling", "balans", "combinatie", "afspiegeling", "zowel", "ongeacht", "variërend", "gemengd"}
OPPOSITE = {"oud", "oude", "ouder", "oudere", "ervaren", "senior", "seniors", "senioren", "jong", "jonge"}
COORD = {"en", "tot", "als", "of", "én", "&", "/"}
# Words the scan may pass between 'jong' and its noun.
STOP = {
    "de", "het", "een", "met", "van", "in", "voor", "op", "die", "dat", "wij", "we", "je", "jij", "u", "is",
    "zijn", "ben", "bent", "bij", "naar", "om", "te", "aan", "uit", "door", "als", "wat", "waar", "hun",
    "ons", "onze", "jouw", "mijn", "zich", "er", "zo", "dan", "of", "tot", "over", "onder", "heeft",
    "hebben", "hebt", "wordt", "worden", "kan", "kunnen", "wil", "willen", "gaat", "gaan",
}
NAMED = {
    "programma", "program", "programme", "traineeship", "traineeprogramma", "academy", "academie", "pool",
    "award", "prijs", "netwerk", "platform", "dag", "event", "fonds", "beurs",
}
# What a programme for 'young' people offers to those already employed (a staff network,
# a prize, an event): silent. A programme that recruits them ("ons Young Talent
# Programma", a traineeship) is not: it names the candidates young.
OFFERED = {"award", "prijs", "netwerk", "network", "platform", "dag", "event", "fonds", "beurs", "community"}
COPULA = {"ben", "bent", "is", "zijn", "blijf", "blijft", "blijven", "voel", "voelt", "voelen", "lijkt"}
SUBJECTS = {"je", "jij", "u", "team", "wij", "we", "collega's", "collega", "kandidaat", "medewerkers", "afdeling"}
YOUNG_PERSON = {"jongeman", "jongemannen", "jongedame", "jongedames", "jongeheer"}
WELCOME = {"welkom", "uitnodigen", "nodigen", "aanmoedigen", "moedigen", "uitgenodigd", "ongeacht"}
# Heads of organisation nouns, also as the end of a compound ("ingenieursbureau").
ORG_HEADS = ("bedrijf", "bedrijfje", "bedrijven", "organisatie", "organisaties", "onderneming", "ondernemingen",
             "bureau", "bureaus", "kantoor", "kantoren", "start-up", "startup", "scale-up", "scaleup", "firma")
ORG_NOUNS = lists.get("organisation_nouns") - {"product", "producten", "app", "platform", "merk", "label", "programma",
                                               "concept", "dienst", "community", "zaak", "keten", "school", "scholen"}
TRAITS = lists.get("trait_adjectives")  # rules.yaml lists


def _is_target(token) -> bool:
    w = word(token)
    return w in TARGETS or token.lemma_.lower() in TARGETS or (len(w) > 6 and w.endswith(TARGET_SUFFIXES)) \
        or _glued_article(token) is not None


def _glued_article(token) -> int | None:
    """Length of a target noun with the next list item's article glued on in lower case
    ("een jong en gezellig teameen zeer ambitieus bedrijf": "team|een"), else None. Only
    here, where 'jong' already points at a noun: as a general tokenizer split it is not
    safe without a vocabulary ("alleen", "meteen", "bijeen" end in "een" too), and no
    target noun followed by "een" is itself a Dutch word."""
    w = word(token)
    if not (w.endswith("een") and token.text[:1].islower()):
        return None
    stem = w[:-3]
    return len(stem) if stem in TARGETS and stem not in AMBIGUOUS else None


def _end(token) -> int:
    """Where the reported span ends: after the noun, not after a glued-on article."""
    glued = _glued_article(token) if word(token) not in TARGETS else None
    return token.idx + (glued if glued is not None else len(token.text))


def _is_other(token) -> bool:
    return word(token) in OTHERS or token.lemma_.lower() in OTHERS


def _scan_right(doc, i: int, sent_end: int) -> int | None:
    """Index of the target noun 'jong' qualifies, scanning over adjectives and 'en';
    -1 when it qualifies something else (a company, a child)."""
    passed = 0
    for j in range(i + 1, min(sent_end, i + 7)):
        t = doc[j]
        if _is_target(t):
            return j
        if _is_other(t):
            return -1
        if t.is_punct and t.text not in {",", "&", "/", "-"}:
            return None
        if word(t) in STOP or t.like_num:
            return None
        if t.text in {",", "&", "/", "-"} or word(t) == "en":
            continue
        passed += 1
        if passed > 3:
            return None
    return None


def _in_name(doc, token, target: int, sent) -> bool:
    """Capitalised 'Jong' + capitalised noun inside a sentence: the name of a programme
    or a title, not the lower-case description. English 'Young' + a person noun is no
    such name: "Young Talent", "Young Professional(s)" is the borrowed label for young
    candidates ("Wat doe je als Young Talent", "ons Young Talent Programma", "functie van
    Young Talent Oracle DBA"); only what it offers to staff stays silent (_named_after)."""
    if word(token) == "young":
        return False
    return token.text[:1].isupper() and doc[target].text[:1].isupper() and token.i != sent.start


def _recruiting_programme(doc, token, target: int) -> bool:
    """'Young' + person noun + programme ("ons Young Talent Programma", "Young Professional
    Traineeship"): the organisation's programme, recruiting young candidates."""
    return word(token) == "young" and target + 1 < len(doc) and word(doc[target + 1]) in NAMED - OFFERED


def _named_after(doc, token, target: int) -> bool:
    """The noun is followed by a name's head: "Jong Talent Award", "Young Professionals
    netwerk". For English 'young' only what is offered to staff counts (OFFERED)."""
    if target + 1 >= len(doc):
        return False
    after = word(doc[target + 1])
    return after in (OFFERED if word(token) == "young" else NAMED)


def _mixed(doc, i: int, sent) -> bool:
    words = {word(t) for t in sent}
    if words & MIX:
        return True
    for a, b in ((i - 2, i - 1), (i + 2, i + 1)):
        if 0 <= a < len(doc) and 0 <= b < len(doc) and word(doc[b]) in COORD and word(doc[a]) in OPPOSITE:
            return True
    return False


def _trait(token) -> bool:
    """An adjective of temperament or working culture, in any inflection
    ("dynamische", "actieve", "ambitieuze", "hippe", "servicegerichte")."""
    w = word(token)
    forms = {w, token.lemma_.lower()}
    if w.endswith("e") and len(w) > 4:
        stem = w[:-1]
        forms |= {stem, stem[:-1] + "f" if stem.endswith("v") else stem, stem[:-1] + "s" if stem.endswith("z") else stem}
        if len(stem) > 3 and stem[-1] == stem[-2]:
            forms.add(stem[:-1])  # hippe -> hip, frisse -> fris
    return bool(forms & TRAITS) or any(f.endswith("gericht") and len(f) > 9 for f in forms)


def _is_org(token) -> bool:
    w = word(token)
    return w in ORG_NOUNS or (w.endswith(ORG_HEADS) and len(w) >= 6 and w not in TARGETS)


def _trait_org(doc, i: int, sent) -> int | None:
    """'jong' coordinated with a temperament or culture adjective before an
    organisation noun ("een jong en dynamisch bedrijf", "jonge, actieve en
    servicegerichte organisatie"): the organisation noun, else None. A plain "jong
    bedrijf" or "jong en groeiend bedrijf" is the company's age and stays None."""
    traits = 0
    passed = 0
    for j in range(i - 1, max(sent[0].i, i - 8) - 1, -1):  # "een dynamisch en jong bedrijf"
        t = doc[j]
        if t.text in {",", "&", "/"} or word(t) == "en":
            continue
        if t.is_punct or word(t) in STOP or t.like_num:
            break
        traits += _trait(t)
        passed += 1
        if passed > 4:
            break
    passed = 0
    for j in range(i + 1, min(sent[-1].i + 1, i + 9)):
        t = doc[j]
        if _is_org(t):
            return j if traits else None
        if t.text in {",", "&", "/", "-"} or word(t) == "en":
            continue
        if t.is_punct or word(t) in STOP or t.like_num or _is_target(t) or _is_other(t):
            return None
        traits += _trait(t)
        passed += 1
        if passed > 4:
            return None
    return None


# The organisation's own age is the subject ("opgericht in 2013", "we zijn nog een jong
# bedrijf"), or it is a past employer ("ervaring opgedaan in een jong, dynamisch bedrijf").
FOUNDED = {"opgericht", "oprichting", "opgestart", "gestart", "sinds", "bestaat", "bestaan", "jubileum"}
PAST = {"ervaring", "werkervaring", "opgedaan", "gewerkt", "werkte", "werkzaam"}


def _company_age_or_past(doc, i: int, sent) -> bool:
    words = {word(t) for t in sent}
    before = [word(t) for t in doc[max(sent[0].i, i - 8): i]]
    return bool(words & FOUNDED) or "nog" in before[-2:] or bool(set(before) & PAST)


def _serves(doc, i: int, sent) -> bool:
    """'jong' inside the object of a service verb or after 'voor' ("wij helpen jonge,
    ambitieuze bedrijven", "voor jonge, dynamische ondernemingen"): clients."""
    before = [word(t) for t in doc[max(sent[0].i, i - 6): i]]
    return bool(set(before) & CLIENT_CONTEXT) or "voor" in before[-2:]


# Nouns before "van" that make the people after it the staff: "een team van jonge mensen".
GROUPS = {"groep", "club", "ploeg", "team", "teams", "clubje", "groepje", "bestaat", "bestaan", "vol", "aantal"}


def _of_others(doc, i: int, sent) -> bool:
    """'jong' + an ambiguous people noun after "van" and a noun that is not a team or group
    ("de talenten van jonge mensen", "de toekomst van jonge mensen"): the people whose
    talents or future it is, the work's audience, not the candidate or colleagues."""
    j = i - 1
    if j > sent[0].i and word(doc[j]) in {"de", "deze", "die", "veel", "alle"}:
        j -= 1
    if j <= sent[0].i or word(doc[j]) != "van":
        return False
    head = doc[j - 1]
    w = word(head)
    if w in GROUPS or w in lists.get("team_nouns") or w in ORG_NOUNS or w.endswith(ORG_HEADS):
        return False
    return head.is_alpha and len(w) > 3 and w not in STOP


def _open_class(doc, token, sent, old: bool) -> int | None:
    """The person or team noun 'jong'/'oud' describes, when the annotation layer says
    it is the candidate (or, for 'jong', the team)."""
    sent_end = sent[-1].i + 1
    noun = annotate.described_noun(doc, token.i, sent_end)
    if noun is None:
        return None
    ann = annotate.get(doc)
    about = ann.referent[noun]
    wanted = {"candidate"} if old else {"candidate", "team"}
    if about not in wanted or ann.inclusive[ann.sent_of[token.i]] or ann.negated[token.i]:
        return None
    if not (annotate.is_person_noun(word(doc[noun])) or about == "team"):
        return None
    return noun


@check("age_young", needs={"dep", "lemma", "sents"}, scope="block")
def run(doc, options):
    for token in doc:
        w = word(token)
        if w in YOUNG_PERSON and annotate.get(doc).referent[token.i] == "candidate" \
                and not annotate.get(doc).inclusive[annotate.get(doc).sent_of[token.i]]:
            yield token.idx, token.idx + len(token.text), {}
            continue
        young = w in YOUNG
        old = w in OLD
        if not (young or old):
            continue
        sent = sentence_tokens(doc, token.i)
        sent_end = sent[-1].i + 1
        if _mixed(doc, token.i, sent):
            continue
        words = {word(t) for t in sent}
        target = _scan_right(doc, token.i, sent_end)
        if young and target in (-1, None):
            org = _trait_org(doc, token.i, sent)
            if org is not None:
                ann = annotate.get(doc)  # computed only here: most blocks hold no 'jong'
                ok = ann.referent[org] not in {"client", "named", "quoted"} and not ann.negated[token.i]
                ok = ok and not _serves(doc, token.i, sent) and not _company_age_or_past(doc, token.i, sent)
                if ok and not ann.inclusive[ann.sent_of[token.i]]:
                    yield token.idx, doc[org].idx + len(doc[org].text), {}
                continue
        if target == -1:
            continue
        if target is not None and annotate.get(doc).referent[target] in {"client", "named", "organisation", "quoted"} \
                and not _recruiting_programme(doc, token, target):
            continue
        if target is None and not (token.dep_ == "amod" and _is_target(token.head) and token.head.i > token.i):
            target = _open_class(doc, token, sent, old)
            named = target is not None and (_in_name(doc, token, target, sent) or _named_after(doc, token, target))
            if target is not None and not named:
                end = doc[target]
                yield token.idx, end.idx + len(end.text), {}
            if target is not None:
                continue
        if target is None and token.dep_ == "amod" and _is_target(token.head) and token.head.i > token.i:
            target = token.head.i
        if target is not None:
            noun = word(doc[target])
            if _named_after(doc, token, target):
                continue  # "Jong Talent Award", "Young Professionals netwerk": a name
            if _in_name(doc, token, target, sent):
                continue  # "het Quintor - Young Professional": a programme named after the company
            if noun in AMBIGUOUS and _of_others(doc, token.i, sent):
                continue  # "de talenten van jonge mensen": whose talents, an audience, not the staff
            if noun in AMBIGUOUS and words & CLIENT_CONTEXT:
                lead = {word(t) for t in doc[max(sent[0].i, token.i - 4) : token.i]}
                if not lead & {"team", "collega's", "collega"}:
                    continue
            if (noun in UNITS or noun.endswith("afdeling")) and _company_age_or_past(doc, token.i, sent):
                continue  # "een jonge afdeling, opgericht in 2021": the unit's own age
            if old:
                if noun not in {"kandidaat", "kandidaten", "sollicitant", "sollicitanten", "werknemer", "werknemers"}:
                    continue
                if words & WELCOME or any(word(t) in {"ook", "eveneens"} for t in doc[max(0, token.i - 3) : token.i]):
                    continue
            yield token.idx, _end(doc[target]), {}
            continue
        if old:
            continue
        # predicative: "ons team is jong", "ben jij jong en ambitieus?"
        if w not in {"jong", "jeugdig"}:
            continue
        nxt = doc[token.i + 1] if token.i + 1 < sent_end else None  # the sentence may end unmarked ("jong|Jullie")
        if nxt is not None and not nxt.is_punct and word(nxt) not in {"en", "van", "of"} and nxt.pos_ not in {"ADJ", "ADV"}:
            continue
        if token.i > 0 and word(doc[token.i - 1]) in {"een", "het", "de", "dit", "ons", "onze"}:
            continue  # attributive without a known noun ("een jong, hip merk")
        before = [word(t) for t in doc[max(sent[0].i, token.i - 5) : token.i]]
        by_parse = any(c.dep_ in {"nsubj", "nsubj:pass"} and word(c) in SUBJECTS for c in token.children) and any(
            c.dep_ == "cop" for c in token.children
        )
        by_words = bool(set(before) & COPULA) and bool(set(before) & SUBJECTS)
        if by_parse or by_words:
            yield token.idx, token.idx + len(token.text), {}
