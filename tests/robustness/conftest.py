"""Helpers for the robustness tests: write files, run the CLI as a subprocess."""

from __future__ import annotations

import json

import pytest

CLEAN = "Wij zoeken een collega met oog voor detail.\n"
BAD = "Wij zoeken een jonge collega voor ons café.\n"  # LFT001 'jonge collega'


def findings(result) -> list[dict]:
    return json.loads(result.stdout) if result.stdout.strip() else []


def assert_positions(text: str, found) -> None:
    """text[start:end] == finding text, and line/column agree with LSP line ends."""
    from vacaturelint.lineindex import LineIndex

    index = LineIndex(text)
    for f in found:
        start = f["offset"] if isinstance(f, dict) else f.start
        end = f["end_offset"] if isinstance(f, dict) else f.end
        get = f.__getitem__ if isinstance(f, dict) else f.__getattribute__
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == get("text")
        assert index.offset(get("line") - 1, get("column") - 1) == start
        assert index.offset(get("end_line") - 1, get("end_column") - 1) == end


@pytest.fixture
def write(tmp_path):
    def _write(name: str, data: bytes | str):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return _write
