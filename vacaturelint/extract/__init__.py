"""Extractors by input kind. The one contract: a Source in, its text (the text
findings point into) and an Extraction out: blocks of prose with their offset map,
directives, problems and format parts. Every format builds and masks its blocks
with the helpers in base.py."""

from __future__ import annotations

from vacaturelint.extract import html, markdown, plain
from vacaturelint.extract.base import Block, Directive, Extraction, Part
from vacaturelint.source import Source

TEXT_EXTRACTORS = {"plain": plain.extract, "markdown": markdown.extract, "html": html.extract}

__all__ = ["TEXT_EXTRACTORS", "Block", "Directive", "Extraction", "Part", "extract"]


def extract(source: Source) -> tuple[str, Extraction]:
    """The text of ``source`` and its extraction. Raises InputError for a broken file."""
    if source.kind == "docx":
        from vacaturelint.extract import docx  # python-docx is imported only for Word files

        return docx.extract(source.raw, source.path)
    return source.text, TEXT_EXTRACTORS[source.kind](source.text)
