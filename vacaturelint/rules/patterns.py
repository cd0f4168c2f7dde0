"""Helpers shared by the kinds that embed spaCy's own pattern formats."""

from __future__ import annotations

from functools import lru_cache

_ANNOTATION_OF = {
    "LEMMA": "LEMMA",
    "POS": "POS",
    "TAG": "TAG",
    "MORPH": "MORPH",
    "DEP": "DEP",
}


@lru_cache(maxsize=1)
def blank_vocab():
    """A bare Vocab for validating patterns: no language data, so it costs
    microseconds, where ``spacy.blank("nl")`` builds a tokenizer (about a second)."""
    from spacy.vocab import Vocab

    return Vocab()


def needs_of_token_attrs(attrs: dict) -> set[str]:
    return {_ANNOTATION_OF[key] for key in attrs if key in _ANNOTATION_OF}


def first_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:300] if text else type(exc).__name__
