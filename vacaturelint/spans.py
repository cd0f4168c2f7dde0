"""Half-open character spans ``[start, end)``: the one overlap test."""

from __future__ import annotations

from collections.abc import Iterable


def overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    """True when ``[start, end)`` and ``[other_start, other_end)`` share a character."""
    return start < other_end and other_start < end


def overlaps_any(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(overlaps(start, end, s, e) for s, e in spans)
