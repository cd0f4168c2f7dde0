"""Severities, ordered from least to most serious."""

from __future__ import annotations

SEVERITIES = ("info", "warning", "error")

LABELS_NL = {"error": "fout", "warning": "waarschuwing", "info": "info"}


def rank(severity: str) -> int:
    return SEVERITIES.index(severity)


def at_least(severity: str, minimum: str | None) -> bool:
    return minimum is None or rank(severity) >= rank(minimum)
