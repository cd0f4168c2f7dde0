"""Surface anchors shared by the first pass (selection.py) and the checks that
declare their own: what a block must contain before the pipeline can find anything
in it. No spaCy here, so checks can import it without cycles."""

from __future__ import annotations

import re


def lemma_prefix(lemma: str) -> str:
    """The start every inflected form of ``lemma`` shares, generously short:
    verbs (ending in -en) and short words keep two letters ("zocht" - "zoeken",
    "heren" - "heer"), longer words lose their last three ("ambitieuze" - "ambitieus")."""
    low = lemma.lower()
    if len(low) <= 4 or low.endswith("en"):
        return low[:2]
    return low[: max(3, len(low) - 3)]


def lemma_regex(lemmas) -> str:
    """A regex (for lower-case text) met where a word may have one of ``lemmas``."""
    prefixes = sorted({lemma_prefix(w) for w in lemmas if w.strip()}, key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(re.escape(p) for p in prefixes) + ")"


def any_of(words) -> str:
    """A regex met where one of ``words`` occurs anywhere (no word boundaries)."""
    return "(?:" + "|".join(re.escape(w.lower()) for w in sorted(set(words), key=len, reverse=True)) + ")"


class Chooser:
    """Blocks (texts) where any of ``patterns`` (compiled or case-insensitive strings) matches."""

    text_only = False
    per_text = True

    def __init__(self, patterns) -> None:
        self.searches = [(p if hasattr(p, "search") else re.compile(p, re.IGNORECASE)).search for p in patterns]

    def __call__(self, texts) -> set[int]:
        return {i for i, text in enumerate(texts) if any(search(text) for search in self.searches)}


class TextOnly:
    """A check that reads text and block structure only: no block needs the pipeline."""

    text_only = True
    per_text = True

    def __call__(self, texts) -> set[int]:
        return set()
