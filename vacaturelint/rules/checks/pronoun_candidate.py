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

Only a pronoun whose antecedent is the candidate is reported. Paired forms
("hij/zij", "zijn of haar", "hem (of haar)") and plural "zij" ("Zij zijn ...",
"zij zullen je wegwijs maken") are never reported.
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


def _mention(token):
    """'candidate', 'other' or None for one token."""
    lemma = token.lemma_.lower()
    low = token.lower_
    if (token.pos_ in ("NOUN", "PROPN", "X") and lemma not in CANDIDATE_NOUNS and low not in CANDIDATE_NOUNS
            and not _plural(token) and not low.endswith(("'s", "s", "en")) and annotate.is_person_noun(low)
            and _seeks(token.doc) and annotate.referent(token.doc, token.i) == "candidate"):
        # the annotation layer: "wij zoeken een ervaren Network Engineer", "ben jij een X";
        # counted only for a pronoun in its own relative clause ("... die zijn collega's helpt")
        return "sought"
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


_SEEKS_TEXT = lazy(re, r"(?<!\w)(?:zoeken|zoek|zoekt|gezocht|versterking|ben\s+(?:je|jij|u))(?!\w)", re.IGNORECASE)
_SEEKS_KEY = "vacaturelint.pronoun_candidate.seeks"


def _you_are(token) -> bool:
    """'je bent iemand', 'ben jij iemand': the reader described."""
    before = [t.lower_ for t in token.doc[max(0, token.i - 3):token.i]]
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
        if nxt is None or nxt.pos_ not in ("NOUN", "ADJ", "NUM", "PROPN", "ADV"):
            return False
        if token.pos_ in ("PRON", "DET") or "Yes" in token.morph.get("Poss"):
            return True
        # the tagger may call it AUX: after a preposition or a lexical verb it is still
        # possessive ('met zijn collega's', 'levert zijn cv in'), unlike 'er zijn kansen'
        prev = token.nbor(-1) if token.i > 0 else None
        if prev is not None and prev.lower_ in ("die", "dat") and nxt.pos_ in ("NOUN", "ADJ"):
            # "iemand die zijn kennis graag deelt": a lexical verb follows in the clause
            clause = sentence(token.doc, token.i)
            return any(t.pos_ == "VERB" and t.lemma_ != "zijn" for t in token.doc[token.i + 2:clause.end])
        return prev is not None and (prev.pos_ == "ADP" or prev.pos_ == "VERB" and prev.lemma_ != "zijn")
    if low == "haar":
        return token.pos_ in ("PRON", "DET")
    return token.pos_ == "PRON"


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
    return any(v.pos_ in ("AUX", "VERB") and _plural(v) for v in verbs) or any(
        v.lower_ in ("zijn", "hebben", "zullen", "kunnen", "willen", "worden", "gaan", "mogen", "moeten") for v in verbs)


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
    return any(t.lower_ == "die" for t in between[:4]) and not any(t.text in (".", ";", ":", "?", "!") for t in between)


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
    history: list[list[str]] = []  # mentions per previous block
    for index, (block, doc) in enumerate(docs):
        if getattr(block, "kind", "") == "heading" and history:
            history.append([])
        mentions: list[str] = []
        last_at = -1  # token index of the last mention in this block
        for token in doc:
            kind = _mention(token)
            if kind is not None:
                mentions.append(kind)
                last_at = token.i
                continue
            if not _target(token) or _paired(doc, token) or _plural_zij(token):
                continue
            previous = mentions[-1] if mentions else next(
                (block_mentions[-1] for block_mentions in reversed(history[-lookback:] if lookback else [])
                 if block_mentions), None)
            if previous == "candidate" or previous == "sought" and _own_relative_clause(doc, last_at, token):
                yield index, token.idx, token.idx + len(token.text), {"suggestions": _suggestions(token.lower_)}
        history.append([("other" if kind == "sought" else kind) for kind in mentions])


def context_blocks(options) -> int:
    """A big file, window by window: how many blocks before a window ``run`` reads."""
    return options.get("lookback_blocks", 2)


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
    someone = re.compile(r"(?<!\w)iemand(?!\w)", re.IGNORECASE)
    # the person sought ("wij zoeken een monteur", "ben jij een X"): the annotation decides;
    # it counts only within its own block, for a pronoun in its relative clause ("... die
    # zijn collega's helpt") or opening the next sentence ("Hij ...")
    sought = _SEEKS_TEXT
    sought_pronoun = re.compile(r"(?<!\w)die\s[^.;:!?]{0,80}?(?<!\w)(?:zijn|hij|hem)(?!\w)|[.!?]\s+(?:Hij|Zij)(?!\w)",
                                re.IGNORECASE)

    def mentions_candidate(text):
        return candidate.search(text) or markable.search(text) and marked.search(text) or someone.search(text)

    def sought_pair(text):
        return sought.search(text) and sought_pronoun.search(text)

    def choose(texts):
        chosen: set[int] = set()
        for i, text in enumerate(texts):
            if _PRONOUN_ANCHOR.search(text):
                window = range(max(0, i - lookback), i + 1)
                if any(mentions_candidate(texts[j]) for j in window):
                    chosen.update(window)
                elif sought_pair(text):
                    chosen.add(i)
        return chosen

    def sentences(texts):
        """Within a chosen block: the sentences with a pronoun or a possible candidate
        mention (the block as a whole already holds a pair)."""
        return {i for i, text in enumerate(texts)
                if _PRONOUN_ANCHOR.search(text) or mentions_candidate(text) or sought.search(text)}

    choose.sentences = sentences
    return choose
