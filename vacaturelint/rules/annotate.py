"""The annotation layer: who or what a sentence is about, run once per Doc after nlp
and before the rules.

For every Doc (one block) it records:

- ``sentences``: the one notion of a sentence used by conditions and checks: cut at
  end punctuation (. ! ? ;), bullets, line breaks, glued tokens ("inzetbaar;Je") and list
  items glued without a mark ("apparatuur|Rijbewijs", split by the tokenizer),
  not by the parser, so it is the same with every model (the stand-in parser cuts
  "Ben jij | een jonge kok?" and "Je spreekt vlot | Nederlands"); only a run of more
  than 40 tokens without an end mark (scraped text glued together) is cut where the
  pipeline starts a sentence;
- ``referent`` per token: who a noun, pronoun or adjective is about: ``candidate``
  (je/jij/u, kandidaat, sollicitant, iemand, the person sought in "wij zoeken een
  X", "ben jij een X", "als X ... je"), ``team`` (team, collega's, afdeling,
  werkomgeving, "onze verkopers"), ``client`` (cliënten, klanten, leerlingen, the
  object of helpen/begeleiden/ondersteunen, "voor de vakman", the people who live
  where the candidate works: "binnen de locatie wonen mannen en vrouwen"), ``organisation``
  (bedrijf, wij/ons, a product or a name: "Wonen in ...", "onze community"),
  ``named`` (a person named in the text: "zijn secretaresse Anke"), ``quoted``
  (inside quotation marks), ``person`` (a person noun not resolved further), or None;
- ``negated`` per token: in the scope of geen, niet, nooit, zonder, "hoeft niet",
  "is niet nodig" (geen/zonder: the noun phrase after it; the others: the clause);
- ``inclusive`` per sentence: an either/or or welcome sentence that includes
  everyone ("starter of ervaren, iedereen is welkom", "of je nu ... of ...",
  "ook ... welkom", "komen ook in aanmerking", "maakt niet uit", "ongeacht").

Decisions read lemmas, POS and dependencies when the pipeline has them, and always
fall back to word forms and order, so they hold with a weak parser and with
``--model blank`` (then POS-based refinements are simply not made). Word lists come
from the ``lists:`` section of rules.yaml; person nouns are an open class: the
derived lexicon (lexicon/persons.txt, lexicon/verbs.txt), person morphology and the
``person_nouns`` list.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from vacaturelint.doctext import text_of
from vacaturelint.nlp import GLUED_WORD, ITEM_OPENERS
from vacaturelint.rules import lists as lists_module
from vacaturelint.rules.lazyre import lazy

KEY = "vacaturelint.annotation"
SENTENCES_KEY = "vacaturelint.sentences"  # the sentence split alone (_split)
REFERENTS_KEY = "vacaturelint.referents"  # referents of some sentences (referent)
REFERENTS = ("candidate", "team", "client", "organisation", "named", "quoted", "person")
_LEXICON = Path(__file__).resolve().parent / "lexicon"
_END = {".", "!", "?", ";", "…", "•", "·", "●", "▪"}
_GLUED = lazy(re, r"[a-zà-ÿ][a-zà-ÿ)][.!?;][A-ZÀ-Þ]")  # the cut is before the capital ("(must)!Woonachtig" too)
# "apparatuur|Rijbewijs": a list item glued on without a mark (split by the tokenizer, nlp.py)
_GLUED_TEXT = lazy(re, r"(?<![\w-])[a-zà-ÿ]+" + GLUED_WORD)  # the word before starts lower-case ("Power|Point": no cut)
LONG_RUN = 40  # tokens without an end mark before the pipeline's sentence cuts are trusted
_SCARE_DETERMINERS = {"een", "de", "onze", "jouw", "uw"}
_QUOTES_OPEN = {'"', "“", "„", "‘", "'", "«"}
_QUOTES_CLOSE = {'"', "”", "’", "'", "»", "“"}
_CANDIDATE_PRONOUNS = {"je", "jij", "jou", "jouw", "u", "uw", "jezelf", "jullie"}
_ORG_PRONOUNS = {"wij", "we", "ons", "onze"}
_POSSESSIVE_OTHER = {"zijn", "haar", "hun", "mijn"}
# "een kans voor een starter", "niet makkelijk voor een starter": the one the position is for
_OFFERED = {"kans", "kansen", "geschikt", "ideaal", "ideale", "uitdaging", "opstap", "plek", "plaats", "positie",
            "makkelijk", "gemakkelijk", "moeilijk", "lastig", "eenvoudig", "uitdagend", "leerzaam", "interessant"}
_FUNCTION_POS = {"DET", "PRON", "ADP", "CCONJ", "PUNCT", "NUM", "SYM", "PART", "INTJ"}
_SEEK = {"zoeken", "zoek", "zoekt", "gezocht", "gevraagd", "vacature", "versterking", "solliciteer", "solliciteren"}
_ARTICLES = {"een", "de", "het", "die", "deze", "dit", "onze", "ons", "jouw", "je", "uw"}
_CLAUSE_BREAK = {",", ";", ":", "maar", "want", "terwijl", "(", ")", "–", "—", "-"}  # "-": a dash or glued list mark
_NEG_NP = {"geen", "géén", "zonder"}
_NEG_CLAUSE = {"niet", "nooit", "niets", "niks", "hoeft", "hoef", "hoeven", "hoefde"}
_NOT_NEGATION_AFTER = {"alleen", "enkel", "uitsluitend", "slechts", "zomaar", "voor niets"}
_PERSON_SUFFIXES = ("medewerker", "medewerkster", "kundige", "kracht", "eur", "euse", "ist", "iste", "man", "vrouw",
                    "ster", "trice", "loog", "loge", "arts", "aris", "ant", "ator", "iteur", "manager", "leider",
                    "houder", "nemer", "gever", "werker", "er")
_NOT_PERSON = {"kleur", "deur", "geur", "humeur", "lijst", "kist", "mist", "restaurant", "krant", "kant", "plant",
               "roman", "register", "venster", "monster", "kracht", "mankracht", "werkkracht", "rooster",
               "assortiment", "manier", "interieur", "procent", "moment", "vestiging", "omgeving", "leverancier"}


@dataclass
class Annotation:
    sentences: list[tuple[int, int]]  # token [start, end) per sentence
    sent_of: list[int]  # sentence index per token
    referent: list[str | None]
    negated: list[bool]
    inclusive: list[bool]  # per sentence
    char_sentences: list[tuple[int, int]]  # the same sentences as character ranges (glued text split)


# -- lexicon -------------------------------------------------------------------

@cache  # two files (persons.txt, verbs.txt), read once each
def _words(name: str) -> frozenset[str]:
    path = _LEXICON / name
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


def _list(name: str) -> frozenset[str]:
    return lists_module.builtin().get(name, frozenset())


@lru_cache(maxsize=1)
def _person_heads() -> frozenset[str]:
    """Person nouns: the rules.yaml list and the treebank lexicon."""
    return _list("person_nouns") | _words("persons.txt")


@lru_cache(maxsize=20000)
def is_person_noun(word: str) -> bool:
    """Does ``word`` (any case, singular or plural) name a person or a job title?"""
    w = word.lower().replace("\u2019", "'").strip("-")
    if len(w) < 3 or not re.fullmatch(r"[a-zà-ÿ'-]+", w):
        return False
    if re.fullmatch(r"[a-z]{2,5}'ers?", w):
        return True  # an abbreviation made a person: "IT'ers", "hbo'er", "ICT'er"
    if re.fullmatch(r"[a-z0-9]{1,6}-(?:man|vrouw)", w):
        return True  # an abbreviation compound: "E-man" (elektromonteur), "BHV-vrouw"
    for form in _singular_forms(w):
        if form in _NOT_PERSON:
            return False
        if form in _person_heads():
            return True
        if _compound_person(form) or _agent_noun(form):
            return True
    return False


def _singular_forms(w: str) -> list[str]:
    forms = [w]
    if w.endswith("'s"):
        forms.append(w[:-2])
    elif w.endswith("s") and len(w) > 4:
        forms.append(w[:-1])
    if w.endswith("en") and len(w) > 5:
        stem = w[:-2]
        forms.append(stem)
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.append(stem[:-1])  # collega's / monteurs / koks -> kok
        if stem.endswith("ig"):
            forms.append(stem + "e")
    if w.endswith("n") and w[:-1].endswith(("kundige", "ige")):
        forms.append(w[:-1])
    return forms


def _listed_person(w: str) -> bool:
    return any(f in _person_heads() for f in _singular_forms(w))


def _compound_person(w: str) -> bool:
    """A compound whose head is a person noun ("accountmanager", "thuiszorgmedewerker")
    or a word with strong person morphology (-medewerker, -kundige, -eur, -ist, ...)."""
    for suffix in ("medewerker", "medewerkster", "kundige", "kracht"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2 and w not in _NOT_PERSON:
            return True
    for suffix in ("eur", "ist", "iste", "trice", "loog", "loge"):
        if w.endswith(suffix) and len(w) >= len(suffix) + 4 and not any(w.endswith(n) for n in _NOT_PERSON):
            return True
    for suffix in ("man", "vrouw"):
        if w.endswith(suffix) and len(w) >= len(suffix) + 3 and not w.endswith(("roman", "talisman")):
            return True
    heads = _person_heads()
    for cut in range(3, len(w) - 3):
        head = w[cut:]
        if len(head) >= 4 and head in heads and head not in _NOT_PERSON:
            return True
    return False


def _agent_noun(w: str) -> bool:
    """verb stem + er/ster: verkoper <- verkopen, bezorger <- bezorgen (lexicon/verbs.txt)."""
    verbs = _words("verbs.txt")
    for suffix in ("er", "ster"):
        if not w.endswith(suffix) or len(w) < len(suffix) + 4:
            continue
        stem = w[: -len(suffix)]
        for cut in (0, *range(3, max(3, len(stem) - 3))):
            part = stem[cut:]
            if len(part) < 4 and cut:
                break
            candidates = {part + "en", part[:-1] + "en" if part[-1:] == part[-2:-1] else "",
                          single_vowel(part) + "en"}
            if verbs & (candidates - {""}):
                return True
    return False


def single_vowel(stem: str) -> str:
    """verkoop -> verkop (verkopen), maak -> mak (maken): a doubled vowel in the last syllable is written single."""
    m = re.search(r"(aa|ee|oo|uu)([^aeiou]+)$", stem)
    return stem[: m.start()] + m.group(1)[0] + m.group(2) if m else stem


# -- sentences -------------------------------------------------------------------

def char_sentences(doc) -> list[tuple[int, int]]:
    """Sentences as character ranges of ``text_of(doc)``: they end after an end mark that is
    a token of its own (. ! ? ; … or a bullet; not inside "5.000", and not a "." or ";"
    before a lower-case word: "incl. foto", "goede conditie; dit in verband met"), at a line break, and inside a glued token
    ("integer;Parttime": the new sentence starts at "Parttime")."""
    text = text_of(doc)
    cuts = {0, len(text)}
    for t in doc:
        end = t.idx + len(t.text)
        if "\n" in t.whitespace_ or (t.is_space and "\n" in t.text):
            cuts.add(end + len(t.whitespace_))
        elif t.text in _END and not (t.text in {".", ";"} and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].islower()
                                     and (t.whitespace_ or t.text == ".")):
            # "incl. foto", "o.a. kennis": an abbreviation, no cut; a ";" glued to a lower-case
            # word is a list separator ("een pré;uitstekende communicatieve vaardigheden")
            cuts.add(end + len(t.whitespace_))
        elif _glued_dash(doc, t):
            cuts.add(t.idx)  # "conditie- je kunt ...", "tillen- Je kan ...": the dash opens the next item
    # glued text, found on the whole text at once (not per token): "integer;Parttime",
    # "inzetbaar.Je" (the cut before the capital) and a list item glued on without a mark
    # ("apparatuur|Rijbewijs": the word before starts lower-case, so "Power|Point" is no cut)
    cuts.update(m.end() - 1 for m in _GLUED.finditer(text))
    cuts.update(m.end() for m in _GLUED_TEXT.finditer(text))
    ordered = sorted(c for c in cuts if 0 <= c <= len(text))
    if _has_sentence_starts(doc):
        # scraped text glued without punctuation ("representatieve instellinggoed inzicht"):
        # only inside a run of more than LONG_RUN tokens are the pipeline's own cuts used
        starts = [t.idx for t in doc]
        for a, b in zip(ordered, ordered[1:]):
            run = doc[bisect_left(starts, a):bisect_left(starts, b)]
            if len(run) > LONG_RUN:
                cuts.update(t.idx for t in run[1:] if t.is_sent_start)
        ordered = sorted(c for c in cuts if 0 <= c <= len(text))
    return [(a, b) for a, b in zip(ordered, ordered[1:]) if text[a:b].strip()]


def _glued_dash(doc, t) -> bool:
    """A list dash the tokenizer split off the word before (nlp.GluedTokenizer): glued to a
    lower-case word, then a space and a capital or je/jij/u/wij ("leren- je hebt ...")."""
    if t.text != "-" or not t.i or t.i + 1 >= len(doc) or t.whitespace_ != " ":
        return False
    prev, nxt = doc[t.i - 1], doc[t.i + 1]
    if prev.whitespace_ or not prev.text[-3:].isalpha() or not prev.text[-3:].islower():
        return False
    return nxt.text[:1].isupper() and nxt.text[1:2].islower() or nxt.text in ITEM_OPENERS


def _has_sentence_starts(doc) -> bool:
    """doc.has_annotation("SENT_START"), read from one array (that walks the tokens in Python)."""
    from spacy.attrs import SENT_START

    return bool(doc.to_array([SENT_START]).any())


def _sentence_bounds(doc, chars: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token sentences: the tokens that start in each character sentence (a glued token
    belongs to the sentence it starts in)."""
    bounds: list[tuple[int, int]] = []
    k = 0
    first = 0
    for t in doc:
        while k + 1 < len(chars) and t.idx >= chars[k + 1][0]:
            k += 1
            if t.i > first:
                bounds.append((first, t.i))
                first = t.i
    if len(doc) > first:
        bounds.append((first, len(doc)))
    return bounds


def token_sentences(doc) -> list[tuple[int, int]]:
    """Sentences as token ranges (start, end): the character sentences' tokens."""
    return _sentence_bounds(doc, char_sentences(doc)) if len(doc) else []


def _split(doc) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[int]]:
    """(character sentences, token sentences, sentence index per token) of an analysed
    Doc: the annotation's when it is computed, else computed alone and kept on the Doc
    (asking for a sentence does not compute referents and negation)."""
    ann = doc.user_data.get(KEY)
    if ann is not None:
        return ann.char_sentences, ann.sentences, ann.sent_of
    found = doc.user_data.get(SENTENCES_KEY)
    if found is None:
        chars = char_sentences(doc) if len(doc) else []
        bounds = _sentence_bounds(doc, chars)
        sent_of = [0] * len(doc)
        for index, (a, b) in enumerate(bounds):
            sent_of[a:b] = [index] * (b - a)
        found = doc.user_data[SENTENCES_KEY] = (chars, bounds, sent_of)
    return found


def sentence_chars(doc) -> list[tuple[int, int]]:
    """The sentences of an analysed ``doc`` as character ranges (:func:`char_sentences`),
    kept on the Doc."""
    return _split(doc)[0]


def sentence(doc, i: int):
    """The sentence (a Span) around token ``i``, in the one notion of a sentence."""
    _, bounds, sent_of = _split(doc)
    start, end = bounds[sent_of[i]]
    return doc[start:end]


def sentences(doc) -> list:
    """The sentences (Spans) of an analysed ``doc``, without the rest of the annotation
    (the same split, see :func:`token_sentences`)."""
    return [doc[a:b] for a, b in _split(doc)[1]]


def sentence_char_bounds(doc, start_char: int, end_char: int) -> tuple[int, int, int, int]:
    """Character bounds of the sentence(s) covering ``start_char``..``end_char``, and the
    indexes of the first and last of them in :func:`sentence_chars`."""
    chars = _split(doc)[0]
    if not chars:
        return 0, len(text_of(doc)), 0, 0
    starts = [a for a, _ in chars]  # sorted, sentences do not overlap: bisect, not a scan
    first = bisect_left(starts, start_char + 1) - 1
    if first < 0 or not chars[first][0] <= start_char < chars[first][1]:
        first = 0
    end = max(end_char, start_char + 1)
    last = bisect_left(starts, end) - 1
    if last < 0 or not chars[last][0] < end <= chars[last][1]:
        last = len(chars) - 1
    last = max(first, last)
    return chars[first][0], chars[last][1], first, last


# -- annotation ------------------------------------------------------------------

def get(doc) -> Annotation:
    """The annotation of ``doc``, computed on first use and kept on the Doc."""
    ann = doc.user_data.get(KEY)
    if ann is None:
        ann = doc.user_data[KEY] = annotate(doc)
    return ann


def annotate(doc) -> Annotation:
    chars, bounds, sent_of = _split(doc)
    referent: list[str | None] = [None] * len(doc)
    negated = [False] * len(doc)
    inclusive = []
    quoted = _quoted(doc)
    for a, b in bounds:
        sent = doc[a:b]
        _sentence_referents(doc, a, b, quoted, referent)
        _negate(doc, a, b, negated)
        inclusive.append(_inclusive(sent))
    # a question answered by an inclusive sentence: "Ben je net afgestudeerd? Dan ben je ook
    # van harte welkom." (read before this loop changes it: the next sentence's own verdict)
    answered = [inclusive[k + 1] and b > a and doc[b - 1].text == "?" for k, (a, b) in enumerate(bounds[:-1])]
    for k, yes in enumerate(answered):
        inclusive[k] = inclusive[k] or yes
    # two questions as alternatives, the second for experienced people: "Ben jij (bijna)
    # afgestudeerd? Of heb jij al enige ervaring?": both welcome, like "starter of ervaren"
    for k in range(len(bounds) - 1):
        if _alternative_questions(doc, bounds[k], bounds[k + 1]):
            inclusive[k] = inclusive[k + 1] = True
    return Annotation(bounds, sent_of, referent, negated, inclusive, chars)


_EXPERIENCED_RE = lazy(re, r"\b(ervaring|werkervaring|ervaren|senior|al jaren|jaren)\b", re.IGNORECASE)


def _alternative_questions(doc, first: tuple[int, int], second: tuple[int, int]) -> bool:
    (a, b), (c, d) = first, second
    if b <= a or d <= c or doc[b - 1].text != "?" or doc[d - 1].text != "?":
        return False
    return _w(doc[c]) in {"of", "óf"} and bool(_EXPERIENCED_RE.search(doc[c:d].text))


def _sentence_referents(doc, a: int, b: int, quoted: list[bool], referent: list) -> None:
    """The referents of the tokens of sentence ``a``..``b`` (read and written there only)."""
    sent = doc[a:b]
    words = [_w(t) for t in sent]
    seeking = bool(set(words) & _SEEK) or _addresses_candidate(words)
    for t in sent:
        referent[t.i] = "quoted" if quoted[t.i] else _referent(doc, t, a, b, seeking)
    _org_names(doc, a, b, referent)
    for t in sent:  # adjectives take the referent of the noun they describe
        if referent[t.i] is None and _adjective_like(t):
            noun = described_noun(doc, t.i, b)
            if noun is not None:
                referent[t.i] = referent[noun]


def referent(doc, i: int) -> str | None:
    """``get(doc).referent[i]``, computed for token ``i``'s sentence only when the
    annotation is not computed yet (kept on the Doc per sentence)."""
    ann = doc.user_data.get(KEY)
    if ann is not None:
        return ann.referent[i]
    _, bounds, sent_of = _split(doc)
    partial = doc.user_data.get(REFERENTS_KEY)
    if partial is None:
        partial = doc.user_data[REFERENTS_KEY] = ([None] * len(doc), _quoted(doc), set())
    found, quoted, done = partial
    k = sent_of[i]
    if k not in done:
        _sentence_referents(doc, *bounds[k], quoted, found)
        done.add(k)
    return found[i]


def _w(token) -> str:
    return token.lower_.replace("\u2019", "'")


def _addresses_candidate(words: list[str]) -> bool:
    text = " ".join(words)
    return bool(re.search(r"\b(ben|bent|word|wordt) (je|jij|u)\b|\b(je|jij|u) (bent|bent een|wordt)\b|^als\b", text))


def _scare_quoted(doc, open_at: int, close_at: int) -> bool:
    """'Een ‘vakbroeder’ waar ...': one noun after an article in quotes is the ad's own
    word marked as figurative, not somebody else's words."""
    return (close_at - open_at == 2 and open_at > 0 and doc[open_at - 1].lower_ in _SCARE_DETERMINERS
            and (doc[open_at + 1].pos_ == "NOUN" or is_person_noun(doc[open_at + 1].text)))


def _quoted(doc) -> list[bool]:
    flags = [False] * len(doc)
    open_at = None
    for t in doc:
        if open_at is None and t.text in _QUOTES_OPEN and t.i + 1 < len(doc) and not t.whitespace_:
            open_at = t.i
        elif open_at is not None and t.text in _QUOTES_CLOSE:
            if t.i - open_at <= 12 and not _scare_quoted(doc, open_at, t.i):
                for k in range(open_at + 1, t.i):
                    flags[k] = True
            open_at = None
        elif open_at is not None and (t.text in _END or t.i - open_at > 12):
            open_at = None
    return flags


def _noun_like(token) -> bool:
    if token.pos_ in ("NOUN", "PROPN", "X") or not token.pos_:
        return token.is_alpha or "'" in token.text or "-" in token.text
    return False


def _adjective_like(token) -> bool:
    """An adjective, also when a weak tagger calls it a verb or noun ("jonge" as VERB)."""
    if token.pos_ in ("ADJ", ""):
        return True
    return token.dep_ == "amod" or token.lower_ in {"jong", "jonge", "jonger", "jongere", "oud", "oude", "oudere",
                                                    "jeugdig", "jeugdige", "mobiele"}


def described_noun(doc, i: int, end: int | None = None) -> int | None:
    """The noun an adjective at ``i`` describes: its dependency head when the parser
    says so, else the first noun-like word to its right over adjectives, commas and
    'en' (at most four words)."""
    end = len(doc) if end is None else end
    token = doc[i]
    if token.dep_ == "amod" and token.head.i > i and token.head.i < end and _noun_like(token.head):
        return token.head.i
    passed = 0
    for j in range(i + 1, min(end, i + 6)):
        t = doc[j]
        w = _w(t)
        if t.text in {",", "&", "/", "-"} or w in {"en", "of"}:
            continue
        if t.is_punct or t.like_num or w in _ARTICLES or w in {"is", "zijn", "ben", "bent", "van", "met", "voor", "in"}:
            return None
        if is_person_noun(w) or w in _list("team_nouns") or w in _list("client_nouns") \
                or w in _list("organisation_nouns") or (t.pos_ == "NOUN"):
            return j
        passed += 1
        if passed > 3:
            return None
    return None


def _referent(doc, t, a: int, b: int, seeking: bool) -> str | None:
    w = _w(t)
    if w in _CANDIDATE_PRONOUNS:
        return "candidate"
    if w in _ORG_PRONOUNS:
        return "organisation"
    if w in _list("candidate_nouns"):
        return "candidate"
    if w in _list("client_nouns"):
        return "client"
    if w in _list("organisation_nouns"):
        if w in _AREA_ORGANISATIONS and _after_place_preposition(doc, t, a):
            return None  # a place: "woonachtig in of rondom de gemeente Schagen"
        return "organisation"
    if t.text[:1].isupper() and is_person_noun(w) and _role_list(doc, t, a):
        return "candidate"  # a capitalised role in a list ("mogelijkheden als Hovenier, Opperman"), not a name
    if _is_name(doc, t, a) and (_person_before(doc, t, a) or _person_after(doc, t, b)):
        return "named"
    if w in _list("team_nouns"):
        return "client" if _client_context(doc, t, a, b) else "team"
    if t.pos_ in ("NOUN", "PROPN", "X", ""):
        if not is_person_noun(w):
            return None
    elif t.pos_ in _FUNCTION_POS or not _listed_person(w):
        return None  # a weak tagger may call "kok" AUX ("elektriciens" ADV, "professionals" SCONJ): then only listed person nouns count
    # a person noun: whose?
    before = [_w(x) for x in doc[max(a, t.i - 3): t.i]]
    if _newcomer(before):
        return "candidate"  # "wij bieden onze nieuwe Leraar Mechatronica ...": the person hired, not a named one
    if _named_next(doc, t, b):
        return "named"
    if before and before[-1] in _POSSESSIVE_OTHER and not seeking:
        return "named"
    if _after_als(doc, t, a, before) and {_w(x) for x in doc[a:b]} & {"je", "jij", "u"}:
        return "candidate"  # "wat doe je bij ons als stagiaire", "als kok werk je ...", "je start als beginnende Tax Adviser"
    if (len(before) >= 3 and before[-3] in _OFFERED and before[-2] == "voor") or (
            len(before) >= 2 and before[-2] in _OFFERED and before[-1] == "voor"):
        return "candidate"  # "we hebben plek voor een stagiaire", "mooie kans voor een starter": the position offered
    if len(before) >= 2 and before[-2] in {"betreft", "betreffen"} and before[-1] == "een":
        return "candidate"  # "het betreft een stagiaire voor 32 uur": what the vacancy is for
    if _grows_into(doc, t, a) and {_w(x) for x in doc[a:b]} & {"je", "jij", "u"}:
        return "candidate"  # "doorgroeien van instructeur tot (volwaardig) leraar": the role the reader grows into
    if _role_list(doc, t, a):
        return "candidate"  # "ervaring als management assistent/teamsecretaresse", "mogelijkheden als Hovenier, ..., Opperman"
    if _client_context(doc, t, a, b) or not seeking and _residents(doc, a, b):
        return "client"
    if _after_via_possessive(before):
        return "named"
    if set(before[-2:]) & {"onze", "ons", "hun"} or _team_members(doc, t, a):
        return "team"
    if seeking or _in_heading(doc, a, b):
        return "candidate"
    return "person"


_NEW = {"nieuwe", "nieuw", "toekomstige", "toekomstig", "aankomende", "aanstaande"}
_GROW = re.compile(r"(?:door|uit)?groei\w*|opgeleid|opleid\w*|opleiding|\w*traject|omscho\w*|omgeschoold")


def _newcomer(before: list[str]) -> bool:
    """'onze nieuwe leraar', 'ons toekomstige teamlid': the person to be hired is the candidate."""
    return len(before) >= 2 and before[-1] in _NEW and before[-2] in {"onze", "ons"}


def _grows_into(doc, t, a: int) -> bool:
    """'doorgroeien (van instructeur) tot (volwaardig) leraar', 'opgeleid tot monteur', 'een
    traject tot leraar': the role the reader grows into ('tot' at most one modifier before
    the noun, a growth word at most four words before 'tot')."""
    k = t.i - 1
    if k >= a and _w(doc[k]) != "tot":
        k -= 1  # one modifier: "tot volwaardig leraar"
    if k <= a or _w(doc[k]) != "tot":
        return False
    return any(_GROW.fullmatch(_w(x)) for x in doc[max(a, k - 4): k])


def _after_als(doc, t, a: int, before: list[str]) -> bool:
    """The role after "als", also over modifiers: "als kok", "als beginnende Tax Adviser";
    not the role of someone named before "als" ("je leidt nieuwe collega's als beginnend
    gedragsdeskundige op")."""
    if "als" not in before:
        return False
    k = len(before) - 1 - before[::-1].index("als")
    if not all(re.fullmatch(r"[a-zà-ÿ-]+", x) and x not in {"en", "of", "de", "het", "een", "met", "van"}
               for x in before[k + 1:]):
        return False
    if k == len(before) - 1:
        return True  # "als kok": as before
    als = t.i - (len(before) - k)
    prev = _w(doc[als - 1]) if als - 1 >= a else ""
    if prev == "'s" and als - 2 >= a:
        prev = _w(doc[als - 2]) + prev  # "collega's" split in two
    return not (is_person_noun(prev) or prev in _list("team_nouns") or prev in _list("client_nouns")
                or prev in _list("candidate_nouns"))


# an organisation that is also an area: after "in", "rondom", ... it names the place
_AREA_ORGANISATIONS = {"gemeente"}
_PLACE_PREPOSITIONS = {"in", "rond", "rondom", "nabij", "binnen", "buiten", "uit"}


def _after_place_preposition(doc, t, a: int) -> bool:
    k = t.i - 1
    while k >= a and _w(doc[k]) in {"de", "het", "een", "deze", "die"}:
        k -= 1
    return k >= a and _w(doc[k]) in _PLACE_PREPOSITIONS


def _team_members(doc, t, a: int) -> bool:
    """'een team/club van (ongeveer 25) jonge IT'ers': the people a team is made of."""
    j = t.i - 1
    while j > a and (doc[j].like_num or doc[j].pos_ in ("ADJ", "ADV", "NUM") or _w(doc[j]) in {",", "en"}) and t.i - j < 5:
        j -= 1
    return j > a and _w(doc[j]) in {"van", "met", "vol"} and _w(doc[j - 1]) in _list("team_nouns")


# "<word> als X, Y en Z": X, Y and Z are roles the candidate had or is offered
_ROLE_HEADS = {"ervaring", "werkervaring", "achtergrond", "mogelijkheden", "functies", "posities",
               "vacatures", "rollen", "banen", "openstaande"}
_ROLE_LINKS = {",", "/", "-", "(", ")", "&"}


def _role_list(doc, t, a: int) -> bool:
    """Is ``t`` an item of "ervaring als ..." or "mogelijkheden als ..." (a list of
    roles, up to a clause break)?"""
    for j in range(t.i - 1, max(a, t.i - 40) - 1, -1):
        x = doc[j]
        w = _w(x)
        if w == "als":
            return j > a and _w(doc[j - 1]) in _ROLE_HEADS
        if x.is_punct and x.text not in _ROLE_LINKS or x.like_num or w in _CANDIDATE_PRONOUNS | _ORG_PRONOUNS \
                or w in _ARTICLES or x.pos_ in ("ADP", "PRON", "DET", "SCONJ") and w not in {"en", "of"} \
                or x.pos_ in ("VERB", "AUX") and not x.text[:1].isupper():  # "Meewerkend voorman"
            return False
    return False


def _after_via_possessive(before: list[str]) -> bool:
    return len(before) >= 2 and before[-2] in {"via", "met", "door", "van", "bij"} and before[-1] in _POSSESSIVE_OTHER


def _is_name(doc, t, a: int) -> bool:
    """A name: PROPN, or a capitalised word that does not open the sentence, is no
    known word and is not the candidate's title in a heading."""
    if t.i == a or not t.text[:1].isupper() or not t.is_alpha:
        return False
    if t.text.isupper() and len(t.text) <= 4:
        return False  # HBO, MBO, ICT
    prev = doc[t.i - 1]
    if prev.text in {"(", "“", '"', "-", "•", ":"} or prev.is_space:
        return False
    if t.pos_ == "PROPN":
        return True
    return not t.pos_ and not is_person_noun(t.text)


def _person_before(doc, t, a: int) -> bool:
    j = t.i - 1
    while j >= a and doc[j].text[:1].isupper() and doc[j].is_alpha and j > a:
        j -= 1  # "secretaresse Anke de Vries"
    return j >= a and is_person_noun(_w(doc[j])) and not doc[j].text[:1].isupper()


def _person_after(doc, t, b: int) -> bool:
    """'Anna de Vries, secretaresse van ...'"""
    for j in range(t.i + 1, min(b, t.i + 4)):
        if doc[j].text == ",":
            return j + 1 < b and is_person_noun(_w(doc[j + 1]))
        if not (doc[j].text[:1].isupper() or _w(doc[j]) in {"de", "van", "der", "den", "ter"}):
            return False
    return False


def _org_names(doc, a: int, b: int, referent: list) -> None:
    """A capitalised phrase used as a name ("Wonen in Utrecht is een woningcorporatie",
    "bij Wonen in Utrecht"): every word of it is about the organisation."""
    words = [_w(t) for t in doc[a:b]]
    for i in range(a, b):
        t = doc[i]
        if not (t.text[:1].isupper() and t.is_alpha and not t.text.isupper()):
            continue
        at_start = i == a
        after_prep = i > a and _w(doc[i - 1]) in {"bij", "van", "voor", "met", "namens"}
        if not (at_start or after_prep):
            continue
        j = i + 1
        while j < b and j - i <= 5 and (doc[j].text[:1].isupper() or _w(doc[j]) in {"in", "en", "&", "de", "het", "van", "voor"}):
            j += 1
        last = doc[j - 1]
        if j - i < 2 or not last.text[:1].isupper():
            continue
        rest = words[j - a: j - a + 4]
        named_subject = at_start and rest[:1] and rest[0] in {"is", "zoekt", "biedt", "heeft", "werkt", "bestaat"} and (
            rest[0] == "zoekt" or set(rest) & _list("organisation_nouns") or set(words) & _list("organisation_nouns"))
        if (named_subject or after_prep) and _w(t) not in _CANDIDATE_PRONOUNS | _ORG_PRONOUNS | {"als", "ben", "bent"}:
            if after_prep and not is_verb_form(_w(t)):
                continue
            for k in range(i, j):
                referent[k] = "organisation"


def is_verb_form(w: str) -> bool:
    """A verb in a name ("Wonen in Utrecht", "Werken bij ..."): the derived verb lemmas."""
    return w in _words("verbs.txt")


def _named_next(doc, t, b: int) -> bool:
    """'zijn secretaresse Anke', 'onze controller Jeroen' (the title of a named person);
    not a heading such as "Secretaresse Den Haag" (no determiner before the title)."""
    if not any(_w(x) in _ARTICLES | _POSSESSIVE_OTHER for x in doc[max(0, t.i - 2): t.i]):
        return False
    if any(_w(x) == "een" for x in doc[max(0, t.i - 2): t.i]):
        return False  # "op zoek naar een: Student-assistent Education Desk": a title, not a named person
    j = t.i + 1
    if j < b and doc[j].text == ",":
        j += 1
    return j < b and doc[j].text[:1].isupper() and doc[j].is_alpha and (
        doc[j].pos_ == "PROPN" or not is_person_noun(doc[j].text)) and not doc[j].text.isupper()


def _client_context(doc, t, a: int, b: int) -> bool:
    """The noun is the object of a service verb (helpen, begeleiden, ...), or the
    audience of a shop or service ("voor de vakman", "werken met jongeren")."""
    verbs = _list("client_verbs")
    window = doc[max(a, t.i - 5): t.i]
    for x in window:
        lx = _w(x)
        if lx.endswith("ende") and x.i == t.i - 1:
            continue  # "een coachende leraar": a present participle describing the noun, not its verb
        lemma = x.lemma_.lower()
        if lx in verbs or lemma in verbs or any(lx.startswith(v) for v in verbs if len(v) >= 6):
            return True
    if t.dep_ in ("obj", "obl", "iobj") and t.head.i < t.i and t.head.lemma_.lower() in verbs:
        return True
    before = [_w(x) for x in doc[max(a, t.i - 3): t.i]]
    words = {_w(x) for x in doc[a:b]}
    # "voor de vakman" (a shop's audience); not "een mooie kans voor een starter" (the position offered)
    if "voor" in before[-3:] and not words & (_SEEK | {"je", "jij", "u", "functie", "baan", "vacature", "rol"} | _OFFERED):
        return True
    return len(before) >= 1 and before[-1] == "met" and any(w in {"werken", "werkt", "werk"} for w in before)


_LIVE = {"wonen", "woont", "woonde", "woonden", "verblijven", "verblijft", "verbleef", "verbleven"}
# Places where people live and the candidate works: "binnen de locatie wonen ...", "op de groep wonen ..."
_HOME = lazy(re, r"^(?:\w*locatie|\w*groep|huis|woning(?:en)?|appartement(?:en)?|\w*complex|woonvorm|voorziening"
                 r"|afdeling|unit|instelling|paviljoen|etage|verdieping|huiskamer|leefgroep)$")


def _residents(doc, a: int, b: int) -> bool:
    """Does the sentence say who lives at the place where the candidate works ("Binnen
    de locatie wonen zowel mannen als vrouwen", "op de groep wonen acht jongens")? Its
    people are residents, i.e. clients; not a sentence that addresses the candidate
    ("je woont in de buurt")."""
    words = [_w(x) for x in doc[a:b]]
    if not set(words) & _LIVE or set(words) & _CANDIDATE_PRONOUNS:
        return False
    for k, w in enumerate(words):
        if w in {"in", "op", "binnen", "bij"}:
            for nxt in words[k + 1: k + 4]:
                if _HOME.match(nxt):
                    return True
                if nxt not in _ARTICLES and nxt not in {"deze", "onze", "het", "de"} and not nxt.endswith("e"):
                    break
    return False


def _in_heading(doc, a: int, b: int) -> bool:
    """A short line without a verb, e.g. a job title heading."""
    return a == 0 and b == len(doc) and b - a <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in doc)


def _clause_break(token) -> bool:
    """A comma, dash, 'maar', ...; also a list mark glued to the word before it ("je schuift
    niet af- je beschikt over ...": the "-" ends the item)."""
    text = token.text
    return (text in _CLAUSE_BREAK or _w(token) in _CLAUSE_BREAK
            or (len(text) > 1 and text.endswith("-") and bool(token.whitespace_)))


def _negate(doc, a: int, b: int, negated: list[bool]) -> None:
    for t in doc[a:b]:
        w = _w(t)
        if w in _NEG_NP:
            if t.i + 1 < b and _w(doc[t.i + 1]) in {"probleem", "punt", "bezwaar", "zorgen"}:
                continue
            for j in range(t.i + 1, min(b, t.i + 6)):
                if doc[j].text in _CLAUSE_BREAK or _w(doc[j]) in {"maar", "en", "of"}:
                    break
                negated[j] = True
        elif w in _NEG_CLAUSE:
            nxt = _w(doc[t.i + 1]) if t.i + 1 < b else ""
            if nxt in _NOT_NEGATION_AFTER or (w == "niet" and nxt == "alleen"):
                continue
            left = t.i
            while left > a and not _clause_break(doc[left - 1]):
                left -= 1
            right = t.i + 1
            while right < b and not _clause_break(doc[right]):
                right += 1
            for j in range(left, right):
                negated[j] = True


_INCLUSIVE_RE = lazy(re,
    r"\bof je nu\b|\bongeacht\b|\bmaakt (het |ons )?(niet|geen bal|niets) uit\b|\bniet uit of\b"
    r"|\b(iedereen|allen|alle \w+|jong en oud|jong of oud)\b[^.!?]{0,30}\bwelkom\b"
    r"|\b(ook|eveneens|net zo)\b[^.!?]{0,60}\b(welkom|in aanmerking|uitgenodigd)\b"
    r"|\b(ook|eveneens)\b[^.!?]{0,40}\b(kan|kunnen|mag|mogen)\s+(ook\s+)?(reageren|solliciteren)\b|\bwelkom\b[^.!?]{0,40}\b(ook|eveneens|iedereen)\b"
    r"|\bzowel\b[^.!?]{1,60}\bals\b|\bvan jong tot oud\b|\bmet of zonder\b|\balle leeftijden\b"
    r"|\b(staan|staat|sta)\s+(wij\s+|we\s+)?ook\s+open\s+voor\b",
    re.IGNORECASE)


def _inclusive(sent) -> bool:
    text = sent.text
    if _INCLUSIVE_RE.search(text):
        return True
    low = text.lower()
    return any(re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", low) for p in _list("inclusive_phrases"))


# -- questions for conditions and checks --------------------------------------------

def span_referents(span) -> set[str]:
    """Who a matched span is about: the referents of its own nouns and pronouns, else
    of the noun it describes, else of the candidate when the sentence addresses
    'je/jij/u' and names nobody else."""
    ann = get(span.doc)
    found = {ann.referent[t.i] for t in span if ann.referent[t.i] is not None}
    if found:
        return found
    end = ann.sentences[ann.sent_of[span[-1].i]][1]
    noun = described_noun(span.doc, span[-1].i, end)
    if noun is not None and ann.referent[noun] is not None:
        return {ann.referent[noun]}
    # "onze community van native speakers": the phrase belongs to the noun before 'van'
    doc = span.doc
    start = ann.sentences[ann.sent_of[span.start]][0]
    if span.start - 2 >= start and _w(doc[span.start - 1]) in {"van", "voor", "met"}:
        head = ann.referent[span.start - 2]
        if head is not None:
            return {head}
    return set()


def span_negated(span) -> bool:
    ann = get(span.doc)
    return any(ann.negated[t.i] for t in span)


def span_inclusive(span) -> bool:
    ann = get(span.doc)
    return any(ann.inclusive[ann.sent_of[t.i]] for t in span)
