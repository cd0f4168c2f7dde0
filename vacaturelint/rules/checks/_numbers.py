"""Shared parsing of Dutch number phrases with 'jaar' (ages and durations)."""

from __future__ import annotations

import re

from vacaturelint.rules import annotate
from vacaturelint.rules.lazyre import lazy

WORD_NUMBERS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20, "dertig": 30,
    "veertig": 40, "vijftig": 50, "zestig": 60,
}
NUM = r"(?:\d{1,3}|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
YEAR = r"(?:jaar|jr\.?|jaren)"
DASH = r"\s*(?:-|–|—|tot|t/m|à|a|en)\s*"


def value(text: str) -> int | None:
    text = text.lower()
    if text.isdigit():
        return int(text)
    return WORD_NUMBERS.get(text)


def compile_(pattern: str):
    """The pattern, case-insensitive, compiled on first use (rules/lazyre.py)."""
    return lazy(re, pattern, re.IGNORECASE)


def tokens_after(doc, char: int, count: int) -> list:
    """Up to ``count`` tokens starting at or after character ``char``."""
    out = []
    for token in doc:
        if token.idx >= char:
            out.append(token)
            if len(out) == count:
                break
    return out


def tokens_before(doc, char: int, count: int) -> list:
    out = [t for t in doc if t.idx + len(t.text) <= char]
    return out[-count:]


def lemma_set(tokens) -> set[str]:
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


def word(token) -> str:
    """Lower-case token text with typographic apostrophes normalised."""
    return token.lower_.replace("\u2019", "'")


def sentence_tokens(doc, i: int):
    """The sentence around token ``i`` (annotate.sentence: the one notion of a sentence)."""
    return annotate.sentence(doc, i)
