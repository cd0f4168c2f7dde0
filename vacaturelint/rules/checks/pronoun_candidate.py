"""'hij/zijn/hem' or 'zij/haar' for the unknown candidate (rule GSL004).

The check resolves each third-person singular pronoun to the nearest preceding
person-like mention, looking in the same block and the blocks before it:

- candidate mentions: kandidaat, sollicitant, "(onze) nieuwe collega", "de ideale
  ...", "de gezochte ...", "de medewerker"/"de functionaris" in a job profile, and
  every noun the annotation layer marks as the candidate (the person sought in "wij
  zoeken een X", "ben jij een X");
- other mentions: named people (PROPN), role nouns (manager, directeur, teamleider,
  klant, cliënt, leerling, ...), organisations (bedrijf, gemeente, afdeling, ...),
  plural nouns and generic "iedereen".

The ad's title on its own first line ("Jamrunner") counts as the role offered, like
"als X" and "wij zoeken een X". A plural noun is no antecedent of "hij"/"hem" (nor, inside
a prepositional phrase, of "zijn"/"haar").

Only a pronoun whose antecedent is the candidate is reported. Paired forms
("hij/zij", "zijn of haar", "hem (of haar)") and plural "zij" ("Zij zijn ...",
"zij zullen je wegwijs maken", "de kandidaat die zij zoeken") are never reported.
"""

from __future__ import annotations

import re

from vacaturelint.doctext import text_of
from vacaturelint.rules import annotate, lists
from vacaturelint.rules.annotate import sentence
from vacaturelint.rules.checks.registry import check
from vacaturelint.rules.lazyre import lazy

_SEEK = {"zoeken", "zoek", "zoekt", "gezocht", "zochten"}
SELECTED_ONLY = True  # blocks its first pass (select) leaves out hold nothing it counts
OPTIONS = {"lookback_blocks"}

_MASC = {"hij", "hem", "zijn"}
_FEM = {"zij", "haar"}
_YOU = {"je", "jij", "u"}
_OPPOSITE = {"hij": _FEM | {"ze"}, "hem": _FEM, "zijn": _FEM, "zij": _MASC, "haar": _MASC}
_PAIR_RE = lazy(re, r"^\s*(?:/|\(|\bof\b|\ben\b|&)\s*\(?\s*(\w+)", re.IGNORECASE)
_PAIR_BEFORE_RE = lazy(re, r"(\w+)\s*\)?\s*(?:/|\bof|\ben|&|\()\s*$", re.IGNORECASE)

CANDIDATE_NOUNS = {"kandidaat", "sollicitant", "sollicitante", "aanvrager", "aspirant", "functionaris"}
# nouns that are the candidate only with a marking modifier ("onze nieuwe collega")
MARKABLE_NOUNS = {"collega", "medewerker", "teamlid", "teamgenoot", "werknemer", "professional", "kracht",
                  "versterking", "talent", "persoon", "specialist", "adviseur"}
MARKERS = {"nieuw", "nieuwe", "toekomstig", "toekomstige", "ideaal", "ideale", "gezocht", "gezochte",
           "beoogd", "beoogde", "geschikt", "geschikte", "juist", "juiste"}
ROLE_NOUNS = {
    "manager", "directeur", "teamleider", "leidinggevende", "klant", "cliënt", "client", "patiënt", "bewoner",
    "leerling", "student", "kind", "jongen", "meisje", "arts", "eigenaar", "oprichter", "voorzitter",
    "bestuurder", "recruiter", "consultant", "coördinator", "begeleider", "mentor", "buddy", "vader",
    "moeder", "ouder", "man", "vrouw", "dochter", "zoon", "broer", "zus", "opdrachtgever", "gast",
    "deelnemer", "docent", "leraar", "hoofd", "chef", "baas", "partner", "zorgvrager", "cursist",
    "iedereen", "niemand", "ieder", "elk", "elke", "wethouder", "burgemeester", "minister", "profeet",
} | lists.get("client_nouns")  # rules.yaml lists
ORG_NOUNS = {
    "bedrijf", "organisatie", "gemeente", "afdeling", "school", "onderneming", "team", "stichting",
    "instelling", "ziekenhuis", "firma", "vereniging", "praktijk", "kantoor", "groep", "concern",
    "sector", "overheid", "provincie", "universiteit", "hogeschool", "winkel", "zaak", "merk", "land",
    "stad", "regio", "vestiging", "werkgever", "opleiding", "functie", "rol", "vacature",
}


def validate_options(options):
    value = options.get("lookback_blocks", 2)
    if not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError("lookback_blocks moet een getal van 0 tot 10 zijn")


def _plural(token) -> bool:
    return "Plur" in token.morph.get("Number")


def _mention(token, titles=None):
    """'candidate', 'sought', 'other' or None for one token (``titles``: the ad's job
    titles, :func:`_titles`)."""
    lemma = token.lemma_.lower()
    low = token.lower_.replace("\u2019", "'")  # "collega’s"
    if (token.pos_ in ("NOUN", "PROPN", "X") and lemma not in CANDIDATE_NOUNS and low not in CANDIDATE_NOUNS
            and not _plural(token) and not low.endswith(("'s", "s", "en")) and annotate.is_person_noun(low)
            and _seeks(token.doc) and annotate.referent(token.doc, token.i) == "candidate"):
        # the annotation layer: "wij zoeken een ervaren Network Engineer", "ben jij een X";
        # counted only for a pronoun in its own relative clause ("... die zijn collega's helpt")
        return "sought"
    if token.pos_ in ("NOUN", "PROPN") and not token.whitespace_ and token.i + 1 < len(token.doc) \
            and token.doc[token.i + 1].text in ("'s", "\u2019s"):
        return "other"  # "collega’s" split by the tokenizer: a plural
    if token.pos_ in ("NOUN", "PROPN", "X") and not _plural(token) and _after_een(token, ("bent",), ("ben",)):
        return "candidate"  # "Je bent een multitasker die zijn mannetje staat", "ben jij een host die ..."
    if titles and _title_mention(token, titles):
        # "Als arts ben jij ... Waar nodig verleent de arts eerste hulp"; with the reader in the
        # same sentence it is another one ("de monteur van dienst bel je als ...")
        return "other" if any(t.lower_ in _YOU for t in sentence(token.doc, token.i)) else "candidate"
    if token.pos_ == "PROPN" or (token.pos_ in ("NOUN", "X") and token.text[:1].isupper() and not token.is_sent_start
                                 and lemma not in CANDIDATE_NOUNS | MARKABLE_NOUNS):
        return "other"
    if token.pos_ == "PRON" and low in ("iedereen", "niemand", "ieder"):
        return "other"
    if low == "iemand" and (_SEEK & {t.lower_ for t in sentence(token.doc, token.i)} or _you_are(token)):
        return "candidate"  # "wij zoeken iemand die zijn kennis graag deelt", "je bent iemand die ..."
    if token.pos_ != "NOUN":
        return None
    if _plural(token) or low.endswith(("'s", "en")) and lemma != low:
        return "other"
    if lemma in CANDIDATE_NOUNS or low in CANDIDATE_NOUNS:
        # 'Zo maak je de kandidaat blij met zijn nieuwe baan' (a recruiter's candidate): when the
        # reader ('je') acts on the candidate in the same sentence, it is somebody else.
        if any(t.lower_ in ("je", "jij", "u") and t.dep_.startswith("nsubj") for t in sentence(token.doc, token.i)):
            return "other"
        return "candidate"
    if lemma in MARKABLE_NOUNS or low in MARKABLE_NOUNS or lemma.endswith(("medewerker", "kracht", "specialist")):
        if _after_een(token, ("zoeken", "zoekt", "zoek"), ()):
            return "sought"  # "wij zoeken een collega die ... met zijn team werkt"
        mods = {c.lower_ for c in token.children} | {c.lemma_.lower() for c in token.children}
        before = {t.lower_ for t in token.doc[max(0, token.i - 3):token.i]}
        if (mods | before) & MARKERS:
            return "candidate"
        if any(c.pos_ == "PROPN" for c in token.children):
            return "other"
        if lemma.endswith("medewerker") and token.i > 0 and token.doc[token.i - 1].lower_ == "de":
            return "candidate"
        return "other"
    if lemma in ROLE_NOUNS or low in ROLE_NOUNS or lemma in ORG_NOUNS or low in ORG_NOUNS:
        return "other"
    return None


def _after_een(token, verbs, inverted) -> bool:
    """'(je) bent een (echte) X', 'ben jij een X', 'zoeken wij een X', 'op zoek naar een X':
    the noun after 'een' (and adjectives) right after one of ``verbs`` (with a subject or
    'naar' between), or after one of ``inverted`` followed by je/jij/u."""
    doc = token.doc
    j = token.i - 1
    while j >= 0 and token.i - j < 4 and (doc[j].pos_ == "ADJ" or doc[j].text == ","
                                          or doc[j].pos_ in ("PROPN", "NOUN") and doc[j].text[:1].isupper()):
        j -= 1  # also the first words of a title: "een ervaren Firewall Beheerder"
    if j >= 1 and doc[j].lower_ in ("die", "de") and inverted:
        # "Ben jij die proactieve Firewall Beheerder die ...", "ben jij de collega die ...": the
        # reader described (only right after "ben jij", not "bent" with another subject)
        before = [t.lower_ for t in doc[max(0, j - 2):j]]
        return len(before) == 2 and before[0] in inverted and before[1] in _YOU
    if j < 1 or doc[j].lower_ != "een":
        return False
    before = [t.lower_ for t in doc[max(0, j - 3):j]]
    if any(b in verbs for b in before[-2:]) or "naar" in before[-1:] and any(b in verbs for b in before):
        return True
    if any(b in inverted for b in before) and bool(_YOU & set(before)):
        return True
    return bool(inverted) and _listed_after_you_are(doc, j)


def _listed_after_you_are(doc, j) -> bool:
    """'ben jij communicatief vaardig, leidinggevend sterk en een teamplayer die ...': 'een X'
    as the last item of a list of properties after 'ben jij' / 'je bent' (no other verb or
    clause between)."""
    if doc[j - 1].lower_ not in ("en", ","):
        return False
    own = sentence(doc, j)
    for k in range(j - 2, max(own.start, j - 20) - 1, -1):
        t = doc[k]
        if t.lower_ in ("ben", "bent"):
            near = {x.lower_ for x in doc[max(own.start, k - 1):k + 2]}
            return bool(_YOU & near)
        if t.lower_ in _CLAUSE_STOP - {"en", "of"} or t.text in (".", ";", ":", "?", "!") \
                or t.pos_ in ("VERB", "AUX") and t.lower_ not in ("ben", "bent"):
            return False
    return False


_SEEKS_TEXT = lazy(re, r"(?<!\w)(?:zoeken|zoek|zoekt|gezocht|versterking|ben\s+(?:je|jij|u))(?!\w)", re.IGNORECASE)
_SEEKS_KEY = "vacaturelint.pronoun_candidate.seeks"


def _you_are(token) -> bool:
    """'je bent iemand', 'ben jij iemand': the reader described."""
    before = [t.lower_ for t in token.doc[max(0, token.i - 3):token.i]]
    if before and before[-1] == "bent":
        return True  # only je/jij/u take "bent" ("...regio Amsterdamje bent iemand die": glued text)
    return any(b in ("bent", "ben") for b in before) and bool(_YOU & set(before))


def _seeks(doc) -> bool:
    """Does the block seek somebody ("wij zoeken", "ben jij")? Only then can the annotation
    layer make a noun the person sought; asked once per block, so most blocks are never
    annotated by this check."""
    found = doc.user_data.get(_SEEKS_KEY)
    if found is None:
        found = doc.user_data[_SEEKS_KEY] = _SEEKS_TEXT.search(text_of(doc)) is not None
    return found


def _paired(doc, token) -> bool:
    text = text_of(doc)
    low = token.lower_
    end = token.idx + len(token.text)
    m = _PAIR_RE.match(text[end:end + 20])
    if m and m.group(1).lower() in _OPPOSITE[low]:
        return True
    m = _PAIR_BEFORE_RE.search(text[max(0, token.idx - 20):token.idx])
    return bool(m and m.group(1).lower() in _OPPOSITE[low])


def _target(token) -> bool:
    low = token.lower_
    if low not in _MASC | _FEM:
        return False
    if low == "zijn":
        # possessive only: 'zijn kennis', not the verb 'zijn'
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is None or nxt.pos_ not in ("NOUN", "ADJ", "NUM", "PROPN", "ADV") or nxt.lower_ in _NOT_AFTER_POSSESSIVE:
            return False  # "Wat zijn jouw taken?": a determiner or pronoun after it, the verb
        prev = token.nbor(-1) if token.i > 0 else None
        if prev is not None and (prev.lower_ in _VERB_ONLY_BEFORE or prev.pos_ in ("NOUN", "VERB")
                                 and prev.lower_.endswith(("en", "'s", "\u2019s")) and prev.lower_ != "eigen"):
            return False  # "er zijn", "wij zijn", "de arbeidsvoorwaarden zijn conform": the verb
        if prev is not None and prev.i == sentence(token.doc, token.i).start and prev.pos_ != "ADP" \
                and prev.lower_ not in _PREPOSITIONS and prev.is_alpha:
            return False  # "Verder zijn uitstekende sociale vaardigheden van belang": inversion, the verb
        if token.pos_ in ("PRON", "DET") or "Yes" in token.morph.get("Poss") or nxt.lower_ == "eigen":
            return True  # "zijn eigen klanten": only the possessive
        # the tagger may call it AUX: after a preposition or a lexical verb it is still
        # possessive ('met zijn collega's', 'levert zijn cv in'), unlike 'er zijn kansen'
        prev = token.nbor(-1) if token.i > 0 else None
        if prev is not None and prev.lower_ in ("die", "dat") and nxt.pos_ in ("NOUN", "ADJ"):
            # "iemand die zijn kennis graag deelt": a lexical verb follows in the clause
            clause = sentence(token.doc, token.i)
            return any(t.pos_ == "VERB" and t.lemma_ != "zijn" for t in token.doc[token.i + 2:clause.end])
        if prev is not None and (prev.pos_ == "ADP" or prev.pos_ == "VERB" and prev.lemma_ != "zijn"):
            return True
        return _noun_then_verb(token, prev, nxt)
    if low == "haar":
        return token.pos_ in ("PRON", "DET")
    return token.pos_ == "PRON"


_NOT_AFTER_POSSESSIVE = {"jouw", "je", "uw", "onze", "ons", "hun", "mijn", "zijn", "haar", "de", "het", "een", "deze",
                         "die", "dit", "dat", "er", "wij", "we", "zij", "ze", "jullie", "niet", "ook", "nog", "wel"}
_VERB_ONLY_BEFORE = {"er", "wij", "we", "ze", "jullie", "wat", "welke", "wie", "hoe", "waar"}
_VERB_SUBJECTS = {"er", "wij", "we", "ze", "zij", "jullie", "dat", "dit", "die", "wat", "het", "welke", "hier", "daar",
                  "waar", "deze", "ook", "nu", "dan", "ik", "u"}
_CLAUSE_STOP = {"die", "dat", "en", "of", "als", "wat", "waar", "zodat", "om", "maar", "want", "omdat", "wanneer"}


def _noun_then_verb(token, prev, nxt) -> bool:
    """'te allen tijde zijn hoofd koel kan houden': 'zijn', a noun and then a lexical verb
    in the same clause is the possessive (the verb 'zijn' has no second verb: 'er zijn
    kansen', 'onze klanten zijn bedrijven die ...'); not after a subject of the verb
    (er, wij, dat, a plural noun) or at the start of a sentence."""
    if prev is None or nxt.pos_ != "NOUN" or prev.lower_ in _VERB_SUBJECTS or _plural(prev) \
            or prev.is_punct or token.i == sentence(token.doc, token.i).start:
        return False
    if prev.pos_ == "PROPN" or annotate.is_person_noun(prev.lower_) or _mention(prev) is not None:
        return False  # "dat de kandidaat zijn werkzaamheden gaat overnemen": whose is open
    end = sentence(token.doc, token.i).end
    for t in token.doc[nxt.i + 1:min(end, nxt.i + 7)]:
        if t.is_punct or t.lower_ in _CLAUSE_STOP:
            return False
        if t.pos_ == "VERB" and t.lemma_ != "zijn":
            return True
    return False


def _plural_zij(token) -> bool:
    """'Zij zijn ...', 'zij zullen je wegwijs maken': plural verb agreement."""
    if token.lower_ != "zij":
        return False
    verbs = [token.head] + [c for c in token.head.children if c.pos_ in ("AUX", "VERB")]
    sentence_end = sentence(token.doc, token.i).end
    for t in token.doc[token.i + 1:min(sentence_end, token.i + 4)]:
        if t.pos_ in ("AUX", "VERB"):
            verbs.append(t)
            break
    for t in token.doc[max(sentence(token.doc, token.i).start, token.i - 2):token.i]:
        if t.pos_ in ("AUX", "VERB"):
            verbs.append(t)
    if any(v.pos_ in ("AUX", "VERB") and _plural(v) for v in verbs) or any(
            v.lower_ in ("zijn", "hebben", "zullen", "kunnen", "willen", "worden", "gaan", "mogen", "moeten") for v in verbs):
        return True
    # "De kandidaat die zij zoeken heeft ...": the first verb after 'zij' in its clause is a
    # plural finite form in -en (the singular is 'zoekt'), not a participle ('gegeven')
    for t in token.doc[token.i + 1:min(sentence_end, token.i + 6)]:
        if t.is_punct or t.lower_ in _CLAUSE_STOP:
            break
        if t.pos_ in ("AUX", "VERB"):
            # (the tagger may call it an infinitive; it is one only after a finite verb before 'zij')
            return (t.lower_.endswith("en") and not t.lower_.startswith("ge")
                    and "Part" not in t.morph.get("VerbForm") and not _verb_before(token))
    return False


def _verb_before(token) -> bool:
    """A finite verb between the clause start and 'zij' ('die zij moet zoeken' has 'moet' after;
    'Morgen gaat zij ...' before): then a later -en form is an infinitive."""
    own = sentence(token.doc, token.i)
    return any(t.pos_ in ("AUX", "VERB") for t in token.doc[max(own.start, token.i - 2):token.i])


def _own_relative_clause(doc, mention: int, token) -> bool:
    """'een ervaren monteur die samen met zijn collega's ...': a masculine pronoun in the
    relative clause (die) right after the sought person, in the same sentence; or 'Hij'/'Zij'
    opening the next sentence."""
    if mention < 0:
        return False
    own = sentence(doc, token.i)
    if token.lower_ in ("hij", "zij") and token.i == own.start and own.start > 0 \
            and sentence(doc, own.start - 1).start == sentence(doc, mention).start:
        return True  # "Wij zoeken een kok. Hij bereidt ...": the subject of the next sentence
    if token.lower_ not in _MASC or token.i - mention > 12:
        return False
    if sentence(doc, mention).start != own.start:
        return False
    between = doc[mention + 1:token.i]
    if any(t.text in (".", ";", ":", "?", "!") for t in between):
        return False
    if any(t.lower_ == "die" for t in between[:4]):
        return True
    # "een ervaren Projectmanager Vastgoed met passie voor zijn vak": the possessive in a
    # 'met' phrase of the person sought (its own title words first), no verb or clause between
    k = 0
    while k < len(between) - 1 and between[k].text[:1].isupper() and between[k].is_alpha:
        k += 1
    rest = between[k:]
    return (len(rest) <= 6 and bool(rest) and rest[0].lower_ == "met"
            and not any(t.pos_ in ("VERB", "AUX") or t.lower_ in _CLAUSE_STOP or t.text == "," for t in rest))


# -- the ad's own job title ("Als arts ben jij ...", "wij zoeken een kok") ------------------

# "als X" with the reader in the sentence names the role offered; not after these words
# ("ervaring als kok", "net als de monteur", "werkzaam als ...": a past or other role)
_NOT_TITLE_BEFORE = {"ervaring", "werkervaring", "achtergrond", "gewerkt", "werkzaam", "geweest", "net", "zowel",
                     "evenals", "opleiding", "diploma", "functies", "mogelijkheden", "rollen", "zoals"}
# person nouns that are no job title ("als collega", "als ouder", "als klant")
_NOT_TITLE = {"collega", "teamlid", "teamgenoot", "persoon", "mens", "iemand", "ouder", "vader", "moeder", "man",
              "vrouw", "eerste", "geen", "werknemer", "medewerker", "professional", "kracht", "starter", "talent",
              "team", "werkgever", "opdrachtgever", "partner", "klant", "eigenaar", "oprichter", "directeur"}
_OTHER_SUBJECT = {"wij", "we", "ik", "zij", "ze", "hij"}
_AS_TITLE = lazy(re, r"(?<![\w-])([\w-]+\s+)?(?:als|Als|ALS)\s+([^\W\d_][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})")
_SEEK_TITLE = lazy(re, r"(?<![\w-])(?:zoeken|zoekt|zoek naar|op zoek naar)\s+(?:[\w-]+\s+){0,4}?(?:een|a|an)\s+"
                       r"((?:[\w'-]+\s+){0,2}[\w'-]+)", re.IGNORECASE)
_READER = lazy(re, r"(?<![\w-])(?:je|jij|jou|jouw|u|uw)(?![\w-])", re.IGNORECASE)
_SENTENCE_MARK = lazy(re, r"[.!?\n]")


def _sentence_text(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _SENTENCE_MARK.finditer(text, 0, start)), default=0)
    right = _SENTENCE_MARK.search(text, end)
    return text[left:right.start() if right else len(text)]


def _title_words(words: list[str]) -> tuple[str, ...] | None:
    """The title in a run of words: up to its last person noun ("Business Development
    Manager", "Makelaar" of "Makelaar K-RMT")."""
    heads = [k for k, w in enumerate(words) if annotate.is_person_noun(w) and w.lower() not in _NOT_TITLE
             and w.lower() not in lists.get("client_nouns")]
    if not heads or annotate.is_person_noun(words[0]) and words[0].lower() in _NOT_TITLE:
        return None
    return tuple(words[:heads[-1] + 1])


def _titles(text: str) -> tuple[frozenset[str], frozenset[tuple[str, ...]], frozenset[str]]:
    """The job titles one block gives the role offered: "als X" in a sentence that
    addresses the reader ("Als arts ben jij ...", "jouw uitdagingen als Business
    Development Manager") and the person sought ("wij zoeken een ervaren kok"). Returns
    (head words, title phrases, acronyms of multiword titles: "BDM")."""
    heads: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    acronyms: set[str] = set()
    for m in _AS_TITLE.finditer(text):
        if m.group(1) and m.group(1).strip().lower() in _NOT_TITLE_BEFORE:
            continue
        if not _READER.search(_sentence_text(text, m.start(), m.end())):
            continue
        if set(text[m.end():m.end() + 20].lower().split()[:2]) & _OTHER_SUBJECT:
            continue  # "Als werkgever bieden wij je ...": the role of somebody else
        words = m.group(2).split()
        if not annotate.is_person_noun(words[0]) and not (len(words) > 1 and words[0][:1].isupper()):
            continue
        found = _title_words(words)
        if found:
            phrases.add(tuple(w.lower() for w in found))
    for m in _SEEK_TITLE.finditer(text):
        if _READER.search(m.group(0)) or _READER.search(text[max(0, m.start() - 12):m.start()]):
            continue  # "Ben je op zoek naar een werkgever die ...": the reader seeks
        words = m.group(1).split()
        k = next((k for k, w in enumerate(words) if annotate.is_person_noun(w)), None)
        if k is not None and words[k].lower() not in _NOT_TITLE and words[k].lower() not in lists.get("client_nouns"):
            phrases.add((words[k].lower(),))
    for phrase in phrases:
        heads.add(phrase[-1])
        if len(phrase) >= 2:
            acronyms.add("".join(w[0] for w in phrase).upper())
    return frozenset(heads), frozenset(phrases), frozenset(acronyms)


_AGENT_END = lazy(re, r"(?:er|or|eur|ist|ant|ent|ier|kundige|medewerker|manager)$", re.IGNORECASE)
_TITLE_LINE_WORD = lazy(re, r"[^\W\d_][\w'-]*")


def _title_line(text: str) -> tuple:
    """The ad's title on its own first line (": JAMRUNNER", "Monteur"): a short line of at most
    four words whose last word is a person noun or has an agent ending (-er, -eur, -ist, ...),
    not an organisation or role of somebody else. Empty sets otherwise."""
    empty = (frozenset(), frozenset(), frozenset())
    line = text.strip().split("\n", 1)[0]
    words = _TITLE_LINE_WORD.findall(line)
    if not 1 <= len(words) <= 4 or re.search(r"[.!?]", line):
        return empty
    last = words[-1].lower()
    if last in ORG_NOUNS | ROLE_NOUNS | _NOT_TITLE or last in lists.get("client_nouns"):
        return empty
    if not (annotate.is_person_noun(last) or _AGENT_END.search(last)):
        return empty
    phrase = tuple(w.lower() for w in words)
    acronyms = frozenset({"".join(w[0] for w in phrase).upper()} if len(phrase) >= 2 else ())
    return frozenset({last}), frozenset({phrase}), acronyms


def _merge_titles(found: list) -> tuple:
    return tuple(frozenset().union(*(f[k] for f in found)) for k in range(3)) if found else None


def _title_mention(token, titles) -> bool:
    """'de arts', 'de Business Development Manager', 'van de BDM': the definite title of
    the role offered, right after 'de' (not 'de begeleidende ervaren arts': someone else)."""
    heads, phrases, acronyms = titles
    low = token.lower_
    acronym = len(token.text) >= 2 and token.text in acronyms
    if not (low in heads or acronym) or _plural(token) or not token.pos_:
        return False  # (not in a sentence the pipeline left out, like every other mention)
    words = {w for phrase in phrases for w in phrase}
    for j in range(token.i - 1, max(-1, token.i - 5), -1):
        t = token.doc[j]
        if t.lower_ == "de":
            return True
        if acronym or t.lower_ not in words:
            return False
    return False


def _plural_noun(token) -> bool:
    """A common noun in the plural by its morphology ('gebiedslocaties', 'collega's'); not a
    name, 'iedereen' or a singular that merely ends in -en."""
    if token.pos_ != "NOUN":
        return False
    return _plural(token) or not token.whitespace_ and token.i + 1 < len(token.doc) \
        and token.doc[token.i + 1].text in ("'s", "\u2019s")


def _predicate_of_candidate(doc, token, mentions) -> bool:
    """'de kandidaat is een echte teamspeler': a singular noun after 'is/wordt een (ADJ)' whose
    subject, right before the verb, is the candidate."""
    if not mentions or mentions[-1][0] != "candidate" or _plural(token):
        return False
    at = mentions[-1][1]
    if token.i - at > 6 or at + 1 >= token.i or doc[at + 1].lower_ not in ("is", "wordt", "blijft"):
        return False
    between = doc[at + 2:token.i]
    return bool(between) and between[0].lower_ == "een" and all(t.pos_ in ("ADJ", "ADV", "DET") or t.lower_ in (
        "startend", "startende", "beginnend", "beginnende") for t in between[1:])


def _continues(doc, token, mentions) -> bool:
    """'een vrachtwagenchauffeur ADR', 'de Business Development Manager (BDM)': a code right
    after the candidate's title belongs to it (not 'onze nieuwe collega Anke': a name)."""
    if not mentions or mentions[-1][0] not in ("candidate", "sought"):
        return False
    at = mentions[-1][1]
    if (token.text.isupper() and len(token.text) >= 2 and token.i - at <= 3
            and all(t.text in ("(", "-", "/") or t.text.isupper() for t in doc[at + 1:token.i])):
        return True
    # a capitalised title goes on in capitalised words: "een ervaren Projectmanager Vastgoed"
    # (not "onze nieuwe collega Anke": a lower-case noun and a name)
    return (doc[at].text[:1].isupper() and not doc[at].is_sent_start and token.text[:1].isupper()
            and token.is_alpha and token.i - at <= 3 and all(t.text[:1].isupper() and t.is_alpha for t in doc[at + 1:token.i]))


# -- the possessive inside a relative clause and idioms ------------------------------------

_PREPOSITIONS = {"met", "van", "aan", "voor", "bij", "naar", "op", "in", "uit", "over", "door", "onder", "tussen",
                 "tegen", "zonder", "namens", "binnen", "tijdens", "rond", "om", "samen"}
_NP_WORDS = {"de", "het", "een", "onze", "ons", "zijn", "haar", "hun", "deze", "dit", "die", "dat"}
# a new subject or clause between 'die' and the possessive: the clause is not the relative's own
_NEW_CLAUSE = {"dat", "omdat", "zodat", "als", "wanneer", "terwijl", "waar", "waarbij", "hij", "zij", "ze", "je",
               "jij", "u", "wij", "we", "die", "wie", "jullie", "iedereen"}


def _in_pp(doc, token) -> bool:
    """'samen met de eigenaar', 'van de organisatie': a noun inside a prepositional phrase."""
    for j in range(token.i - 1, max(-1, token.i - 4), -1):
        t = doc[j]
        if t.lower_ in _PREPOSITIONS or t.pos_ == "ADP":
            return True
        if not (t.pos_ in ("DET", "ADJ", "NUM") or t.lower_ in _NP_WORDS):
            return False
    return False


def _relative_subject(doc, mentions, token) -> str | None:
    """'een specialist, die graag samen met de eigenaar aan het roer komt te staan van de
    organisatie en zijn eigen klantenportefeuille wil beheren': a possessive in the relative
    clause of the candidate refers to its subject ('die'); nouns inside prepositional
    phrases in between do not compete. Not when 'die' is an object ('die de klant ...') or
    a new clause or subject comes between."""
    if token.lower_ != "zijn":
        return None
    own = sentence(doc, token.i)
    for kind, at, in_pp, _ in reversed(mentions):
        if at < own.start or token.i - at > 30:
            return None
        if kind in ("candidate", "sought"):
            die = next((t.i for t in doc[at + 1:min(token.i, at + 6)] if t.lower_ == "die"), None)
            if die is None or doc[die + 1].lower_ in ("de", "het", "een", "ons", "onze", "deze", "dit"):
                return None
            if any(t.lower_ in _NEW_CLAUSE or t.text in (".", ";", ":", "!", "?") for t in doc[die + 1:token.i]):
                return None
            return kind
        if not in_pp:
            return None
    return None


# "tot zijn recht komen", "stevig in zijn schoenen staan", "zijn mannetje staan": fixed
# expressions, reported as a hint (info); (word before 'zijn' or None, word after)
_IDIOMS = {("tot", "recht"), ("in", "schoenen"), (None, "mannetje"), (None, "draai"), ("zijn", "ei"),
           (None, "steentje"), ("in", "element"), ("op", "plek"), ("op", "plaats"),
           ("op", "beurt")}


def _idiom(doc, token) -> bool:
    if token.lower_ != "zijn" or token.i + 1 >= len(doc):
        return False
    before = doc[token.i - 1].lower_ if token.i else ""
    after = doc[token.i + 1].lower_
    return any(a == after and (b is None or b == before or b == "zijn") for b, a in _IDIOMS)


def _implicit_candidate(doc, token) -> bool:
    """'Wat wij vinden dat je nodig hebt om in deze functie goed tot zijn recht te komen':
    an idiom in an 'om ... te' clause without a subject of its own, in a sentence that
    addresses the reader: the reader (the candidate) is meant."""
    own = sentence(doc, token.i)
    start = token.i - 1 if doc[token.i - 1].lower_ in _PREPOSITIONS else token.i
    for j in range(start - 1, max(own.start - 1, start - 9), -1):
        t = doc[j]
        if t.lower_ == "om":
            after = [x.lower_ for x in doc[token.i + 1:min(own.end, token.i + 6)]]
            return "te" in after and "laten" not in after and any(
                x.lower_ in _YOU and x.i < j for x in own)
        if t.pos_ in ("NOUN", "PROPN", "PRON") and not _in_pp(doc, t) or t.lower_ in _NP_WORDS - {"de", "het", "een", "deze", "dit"} and not _in_pp(doc, doc[min(j + 1, token.i)]):
            return False
    return False


_SUBJECT_WORDS = {"je", "jij", "u", "hij", "zij", "ze", "wij", "we", "ik", "men", "iedereen", "niemand", "er", "het",
                  "dit", "dat", "die", "wie", "wat"}


def _finite_third_person(token) -> bool:
    """'Signaleert', 'Doet', 'Ondersteunt': a present-tense verb in the third person singular
    (by its -t ending and the tagger or the known verbs), not a participle in ge-...-d/t."""
    low = token.lower_
    if len(low) < 4 or not low.endswith("t") or not token.is_alpha or low in _SUBJECT_WORDS:
        return False
    stem = low[:-1]
    infinitives = {stem + "en", stem + "n", annotate.single_vowel(stem) + "en"}
    if low.endswith("eert"):
        infinitives.add(low[:-2] + "ren")
    known = any(annotate.is_verb_form(w) for w in infinitives)
    # (a weak tagger may call 'Doet' a participle: a participle in -t starts with ge-)
    return known or token.pos_ in ("VERB", "AUX") and ("Part" not in token.morph.get("VerbForm")
                                                        or not low.startswith("ge"))


def _profile_subject(doc, token) -> bool:
    """'Signaleert knelpunten. Doet voorstellen aan zijn leidinggevende.': a profile written
    without a subject, the sentence opening with a verb in the third person singular; its
    subject is the holder of the job (the candidate). Not when a person, organisation or
    subject word stands between the verb and 'zijn' ('Ondersteunt de manager bij zijn ...')."""
    if token.lower_ != "zijn":
        return False
    own = sentence(doc, token.i)
    first = doc[own.start]
    if first.i >= token.i - 1 or not first.text[:1].isupper() or not _finite_third_person(first):
        return False
    for t in doc[own.start + 1:token.i]:
        low = t.lower_
        if t.text in (",", ";", ":") or low in _SUBJECT_WORDS | _CLAUSE_STOP or t.pos_ == "PROPN" \
                or (t.pos_ == "NOUN" and not _plural(t) and (annotate.is_person_noun(low) or _mention(t) is not None)):
            return False
    return True


def _neuter_before(doc, token) -> bool:
    """'het bedrijf en zijn klanten', 'het product met zijn ...': 'zijn' is also the
    possessive of a het-word right before it (not 'in het bezit is van zijn ...': there the
    het-word is inside a prepositional phrase)."""
    if token.lower_ != "zijn" or token.i < 2:
        return False
    j = token.i - 1
    if doc[j].lower_ in ("en", "of", "met", ","):
        j -= 1
    t = doc[j]
    if t.pos_ not in ("NOUN", "PROPN") or _plural(t) or _in_pp(doc, t):
        return False
    k = j - 1
    while k >= 0 and doc[k].pos_ == "ADJ" and j - k < 3:
        k -= 1
    return k >= 0 and doc[k].lower_ in ("het", "dit", "elk", "ieder")

def _suggestions(low):
    return {
        "hij": ("je/jij", "hij of zij", "die"),
        "zij": ("je/jij", "hij of zij", "die"),
        "hem": ("jou", "hem of haar", "die persoon"),
        "zijn": ("je/jouw", "zijn of haar", "diens"),
        "haar": ("je/jouw", "zijn of haar", "diens"),
    }[low]


@check("pronoun_candidate", needs={"dep", "lemma", "morph", "pos", "sents"}, scope="document", span_findings=True)
def run(docs, options):
    lookback = options.get("lookback_blocks", 2)
    pairs = list(docs)
    # the ad's job titles per block, from the block text (also of blocks the first pass left out)
    block_titles = [_titles(getattr(block, "text", None) or text_of(doc)) for block, doc in pairs]
    # the ad's title on its first line holds for the whole ad
    first = _title_line(getattr(pairs[0][0], "text", None) or text_of(pairs[0][1])) if pairs else None
    history: list[list[str]] = []  # mentions per previous block
    # a block's mentions matter only to a pronoun in it or in the ``lookback`` blocks after it
    # (history is read ``lookback`` entries deep): other blocks are not scanned token by token
    targets = _MASC | _FEM
    has_pronoun = [any(t.lower_ in targets for t in doc) for _, doc in pairs]
    for index, (block, doc) in enumerate(pairs):
        if getattr(block, "kind", "") == "heading" and history:
            history.append([])
        if not any(has_pronoun[index:index + lookback + 1]):
            history.append([])
            continue
        titles = _merge_titles([t for t in [*block_titles[max(0, index - lookback):index + 1], first] if t and t[0]])
        # (kind, token index, inside a prepositional phrase, a plural noun)
        mentions: list[tuple[str, int, bool, bool]] = []
        for token in doc:
            kind = _mention(token, titles)
            if kind is not None:
                if kind == "other" and _continues(doc, token, mentions):
                    continue
                if kind == "other" and _predicate_of_candidate(doc, token, mentions):
                    kind = "candidate"  # "De Jamrunner is een startend medewerker die ...": the same person
                mentions.append((kind, token.i, _in_pp(doc, token), kind == "other" and _plural_noun(token)))
                continue
            if not _target(token) or _paired(doc, token) or _plural_zij(token) or _neuter_before(doc, token):
                continue
            # a plural noun is no antecedent of hij/hem ("... op alle gebiedslocaties inzetbaar is.
            # Het is van belang dat hij ..."), nor inside a prepositional phrase of zijn/haar; 'zij'
            # may be plural ("wespen en muizen ..., zij wel voor jou"), and a plural object still
            # blocks a possessive ("dat de kandidaat zijn werkzaamheden in aanloop van zijn vertrek")
            singular = [m for m in mentions
                        if not (m[3] and (token.lower_ in ("hij", "hem") or m[2] and token.lower_ != "zij"))]
            last_at = singular[-1][1] if singular else -1
            previous = singular[-1][0] if singular else next(
                (block_mentions[-1] for block_mentions in reversed(history[-lookback:] if lookback else [])
                 if block_mentions), None)
            idiom = _idiom(doc, token)
            profile = _profile_subject(doc, token)
            if (previous == "candidate" or previous == "sought" and _own_relative_clause(doc, last_at, token)
                    or _relative_subject(doc, mentions, token) or idiom and _implicit_candidate(doc, token) or profile):
                info = {"suggestions": _suggestions(token.lower_)}
                if idiom or profile and previous != "candidate":
                    info["severity"] = "info"  # (the subject is only implied)
                yield index, token.idx, token.idx + len(token.text), info
        history.append([("other" if kind == "sought" else kind) for kind, _, _, _ in mentions])


def context_blocks(options) -> int:
    """A big file, window by window: how many blocks before a window ``run`` reads."""
    return options.get("lookback_blocks", 2)


_IDIOM_OM = lazy(re, r"(?<!\w)om\s[^.;:!?]{0,60}?(?<!\w)zijn\s(?:recht|schoenen|mannetje|draai|steentje|element|plek|plaats|beurt)(?!\w)",
                 re.IGNORECASE)
# a sentence opening with a verb in -t and 'zijn' after it ("Doet voorstellen aan zijn ..."): see
# _profile_subject (the annotation decides)
_VERB_FIRST_ZIJN = lazy(re, r"(?:^|[.!?;:\n]\s*|[.!?;:](?=[A-Z]))(?-i:[A-Z])[a-zà-ÿ]{2,}t\s[^.;:!?\n]{0,60}?(?<!\w)zijn\s",
                        re.IGNORECASE)
_PRONOUN_ANCHOR = lazy(re, r"(?<!\w)(?:hij|hem|zijn|zij|haar)(?!\w)", re.IGNORECASE)


def select(options):
    """First pass: a pronoun block with a possible candidate mention in it or in the
    ``lookback_blocks`` blocks before; those blocks are all read (for the nearest mention)."""
    from vacaturelint.rules.anchors import any_of, lemma_regex

    lookback = options.get("lookback_blocks", 2)
    candidate = re.compile(lemma_regex(CANDIDATE_NOUNS), re.IGNORECASE)
    markable = re.compile(lemma_regex(MARKABLE_NOUNS) + "|" + any_of({"medewerk", "kracht", "specialist"}), re.IGNORECASE)
    marked = re.compile(lemma_regex(MARKERS) + r"|(?<!\w)de\s+[\w-]*medewerk", re.IGNORECASE)

    # "wij zoeken iemand die zijn kennis deelt": 'iemand' is the candidate when the
    # sentence seeks (the annotation decides; the first pass only needs 'iemand')
    someone = re.compile(r"(?<!\w)(?:iemand|bent\s+een|ben\s+(?:je|jij|u)\s+een)(?!\w)", re.IGNORECASE)
    # the person sought ("wij zoeken een monteur", "ben jij een X"): the annotation decides;
    # it counts only within its own block, for a pronoun in its relative clause ("... die
    # zijn collega's helpt") or opening the next sentence ("Hij ...")
    sought = _SEEKS_TEXT
    # ... or in its 'met' phrase ("een monteur met passie voor zijn vak")
    sought_pronoun = re.compile(r"(?<!\w)(?:die|met)\s[^.;:!?]{0,80}?(?<!\w)(?:zijn|hij|hem)(?!\w)|[.!?]\s+(?:Hij|Zij)(?!\w)",
                                re.IGNORECASE)

    def mentions_candidate(text):
        return candidate.search(text) or markable.search(text) and marked.search(text) or someone.search(text)

    def sought_pair(text):
        return sought.search(text) and sought_pronoun.search(text)

    def titled(text, window_texts):
        """'de arts ... hij' after 'Als arts ben jij' (the ad's title, :func:`_titles`)"""
        found = _merge_titles([t for t in [*map(_titles, window_texts), first_line[0]] if t and t[0]])
        if not found:
            return False
        heads, _, acronyms = found
        return any(w.lower() in heads or w in acronyms for w in re.findall(r"(?<=\b[Dd]e )[\w'-]+", text)) or any(
            re.search(r"(?<!\w)" + re.escape(a) + r"(?!\w)", text) for a in acronyms)

    first_line = [None]  # the ad's title line (:func:`_title_line`), set per document

    def choose(texts):
        chosen: set[int] = set()
        first_line[0] = _title_line(texts[0]) if texts else None
        for i, text in enumerate(texts):
            if _PRONOUN_ANCHOR.search(text):
                window = range(max(0, i - lookback), i + 1)
                if any(mentions_candidate(texts[j]) for j in window):
                    chosen.update(window)
                elif sought_pair(text) or _IDIOM_OM.search(text) or _VERB_FIRST_ZIJN.search(text):
                    chosen.add(i)
                elif titled(text, [texts[j] for j in window]):
                    chosen.update(window)
        return chosen

    def sentences(texts):
        """Within a chosen block: the sentences with a pronoun or a possible candidate
        mention (the block as a whole already holds a pair)."""
        return {i for i, text in enumerate(texts)
                if _PRONOUN_ANCHOR.search(text) or mentions_candidate(text) or sought.search(text)}

    choose.sentences = sentences
    return choose
