"""Plain text: no markup; bullets are masked and blocks follow the layout."""

from __future__ import annotations

from vacaturelint.extract.base import Extraction, OffsetMap, split_blocks


def extract(text: str) -> Extraction:
    return Extraction(blocks=split_blocks(text, OffsetMap()))
