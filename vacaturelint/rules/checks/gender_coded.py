"""Document-level balance of masculine- and feminine-coded words (rule GSL005).

Counts lemmas from ``vacaturelint/rules/data/gender_coded_words.yaml`` over the
whole document (so "ambitieuze" counts as "ambitieus"; "zelfstandige" as
"zelfstandig") and reports one ``info`` finding when one side clearly dominates,
listing the words found. The word list is a documented hint list, not a validated
norm: see the comment at the top of the data file.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from vacaturelint.rules import lists
from vacaturelint.rules.checks.registry import check

SELECTED_ONLY = True  # blocks its first pass (select) leaves out hold nothing it counts
OPTIONS = {"min_words", "min_share"}



def validate_options(options):
    if not isinstance(options.get("min_words", 5), int) or options.get("min_words", 5) < 1:  # distinct words
        raise ValueError("min_words moet een positief geheel getal zijn")
    share = options.get("min_share", 0.8)
    if not isinstance(share, (int, float)) or not 0.5 < share <= 1:
        raise ValueError("min_share moet een getal tussen 0,5 en 1 zijn")


@lru_cache(maxsize=1)
def word_lists() -> tuple[frozenset[str], frozenset[str]]:
    data = lists.data_file("gender_coded_words.yaml")
    return frozenset(data["masculine"]), frozenset(data["feminine"])


def _base(token) -> set[str]:
    """Lemma plus a light de-inflection for adjectives the lemmatizer left alone."""
    lemma = token.lemma_.lower()
    low = token.lower_
    forms = {lemma, low}
    for word in (lemma, low):
        if word.endswith("e") and len(word) > 4:
            stem = word[:-1]
            forms.add(stem)
            if stem.endswith("z"):
                forms.add(stem[:-1] + "s")
            if stem.endswith("v"):
                forms.add(stem[:-1] + "f")
    return forms


# Nouns an adjective may describe and still say something about the person sought
# ("een ambitieuze collega"); "een uitdagende functie", "het sociaal domein" or "een
# commerciële afdeling" describe the job or the organisation and are not counted.
_PERSONAL = {
    "collega", "kandidaat", "professional", "persoon", "persoonlijkheid", "houding", "instelling",
    "mentaliteit", "werkhouding", "teamspeler", "teamplayer", "medewerker", "aanpak", "karakter", "type",
    "natuur", "manier", "opstelling", "kracht", "talent", "vakman", "specialist", "adviseur", "leider",
}


def _counts(token) -> bool:
    """Adjectives count when predicative or describing a person or trait, not a thing."""
    if token.pos_ not in ("ADJ", "VERB") or token.i + 1 >= len(token.doc):
        return True
    nxt = token.doc[token.i + 1]
    if token.lower_ in ("verantwoordelijk", "verantwoordelijke") and nxt.lower_ in ("voor", "zijn", "bent"):
        return False  # "je bent verantwoordelijk voor ...": a duty, not a trait
    if nxt.pos_ in ("NOUN", "PROPN") and nxt.is_alpha:
        return nxt.lemma_.lower() in _PERSONAL or nxt.lower_ in _PERSONAL
    return True


def count(docs, start: int = 0) -> tuple[Counter, Counter, dict]:
    """Coded words per side over ``[(block, doc), ...]`` (block indices from ``start``),
    and where each side's first word is."""
    masculine, feminine = word_lists()
    found_m: Counter = Counter()
    found_f: Counter = Counter()
    first: dict[str, tuple[int, int, int]] = {}
    for index, (_, doc) in enumerate(docs):
        for token in doc:
            if not token.is_alpha:
                continue
            if not _counts(token):
                continue
            forms = _base(token)
            for side, words, counter in (("m", masculine, found_m), ("f", feminine, found_f)):
                hit = next((w for w in forms if w in words), None)
                if hit is not None:
                    counter[hit] += 1
                    first.setdefault(side, (start + index, token.idx, token.idx + len(token.text)))
                    break
    return found_m, found_f, first


@check("gender_coded", needs={"lemma"}, scope="document")
def run(docs, options):
    return _verdict(count(docs), options)


# A big file, window by window (checks/__init__.py): one count per window, summed.
partial = count


def conclude(parts, options):
    found_m: Counter = Counter()
    found_f: Counter = Counter()
    first: dict = {}
    for part_m, part_f, part_first in parts:  # in file order: first words and word order as in one count
        found_m.update(part_m)
        found_f.update(part_f)
        for side, where in part_first.items():
            first.setdefault(side, where)
    return _verdict((found_m, found_f, first), options)


def _verdict(counted, options):
    min_words = options.get("min_words", 5)
    min_share = options.get("min_share", 0.8)
    found_m, found_f, first = counted
    # distinct words decide, so one repeated word ("commercieel" in a sales text) does not
    m, f = len(found_m), len(found_f)
    total = m + f
    if total < min_words:
        return
    if m / total >= min_share:
        side, label, words = "m", "mannelijk", found_m
    elif f / total >= min_share:
        side, label, words = "f", "vrouwelijk", found_f
    else:
        return
    listed = ", ".join(f"{w} ({n}×)" if n > 1 else w for w, n in words.most_common())
    index, start, end = first[side]
    yield index, start, end, {
        "message_args": {"side": label, "masculine": m, "feminine": f, "words": listed},
    }



@lru_cache(maxsize=1)
def _stems() -> tuple[dict[str, set[str]], object]:
    """Where each coded word or one of its inflected forms can start ("ambitieu" for
    ambitieuze, "zorgzam" for zorgzame, "commerci" for commerciële; short words whole): stem -> words, and one
    regex finding any stem at the start of a word in lower-case text."""
    import re

    words_of: dict[str, set[str]] = {}
    for word in word_lists()[0] | word_lists()[1]:
        stem = word if len(word) <= 4 else word[:-1]
        if len(stem) > 4 and stem[-1] == stem[-2] and stem[-1] in "aeou":
            stem = stem[:-1]
        if word.endswith("eel"):  # commercieel - commerciële
            stem = word[:-3]
        words_of.setdefault(stem, set()).add(word)
    alternation = "|".join(re.escape(s) for s in sorted(words_of, key=len, reverse=True))
    return words_of, re.compile(r"(?<!\w)(?:" + alternation + ")")


def select(options):
    """First pass: the blocks that may hold a coded word, and none when fewer than
    ``min_words`` distinct coded words can occur in the whole file (no finding then)."""
    min_words = options.get("min_words", 5)

    def choose(texts):
        words_of, anywhere = _stems()
        lowered = [t.lower() for t in texts]
        chosen, words = set(), set()
        for i, text in enumerate(lowered):
            for m in anywhere.finditer(text):
                chosen.add(i)
                rest = text[m.start():m.start() + 40]
                for stem, stem_words in words_of.items():
                    if rest.startswith(stem):
                        words |= stem_words
        return chosen if len(words) >= min_words else set()

    def sentences(texts):
        """Within a chosen block: the sentences that may hold a coded word."""
        anywhere = _stems()[1]
        return {i for i, text in enumerate(texts) if anywhere.search(text.lower())}

    choose.sentences = sentences
    return choose
