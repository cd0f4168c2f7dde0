"""Extractors by input kind: source text -> blocks of prose + directives."""

from __future__ import annotations

from vacaturelint.extract import html, markdown, plain
from vacaturelint.extract.base import Block, Directive, Extraction

EXTRACTORS = {"plain": plain.extract, "markdown": markdown.extract, "html": html.extract}

__all__ = ["EXTRACTORS", "Block", "Directive", "Extraction", "extract"]


def extract(text: str, kind: str) -> Extraction:
    return EXTRACTORS[kind](text)
