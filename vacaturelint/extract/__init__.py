"""Extractors by input kind. The one contract: a Source in, its text (the text
findings point into) and an Extraction out: blocks of prose with their offset map,
directives, problems and format parts. Every format builds and masks its blocks
with the helpers in base.py."""

from __future__ import annotations

from importlib import import_module

from vacaturelint.extract.base import Block, Directive, Extraction, Part
from vacaturelint.source import Source

# the extractor module of each text kind, imported when a file of that kind is met
TEXT_EXTRACTORS = {"plain": "plain", "markdown": "markdown", "html": "html"}

__all__ = ["TEXT_EXTRACTORS", "Block", "Directive", "Extraction", "Part", "extract"]


def extract(source: Source) -> tuple[str, Extraction]:
    """The text of ``source`` and its extraction. Raises InputError for a broken file."""
    if source.kind == "docx":
        from vacaturelint.extract import docx  # python-docx is imported only for Word files

        return docx.extract(source.raw, source.path)
    return source.text, import_module(f"{__name__}.{TEXT_EXTRACTORS[source.kind]}").extract(source.text)
