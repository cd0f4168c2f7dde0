"""Positions between code-point offsets and the three LSP position encodings, and the
settings object editors send."""

from __future__ import annotations

import pytest
from lsprotocol import types

from vacaturelint.lineindex import LineIndex
from vacaturelint.lsp import convert
from vacaturelint.lsp.server import Settings, document_kind, parse_settings

pytestmark = pytest.mark.fast  # the fast tier (README): seconds per test, no external programs

TEXT = "Één 🎉 regel\u2028nog steeds regel 0\r\nzoek 👩‍💻 een jonge collega\rlaatste"


def units(s: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(s.encode("utf-8"))
    if encoding == "utf-16":
        return len(s.encode("utf-16-le")) // 2
    return len(s)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_positions_round_trip_in_every_encoding(encoding):
    index = LineIndex(TEXT)
    for offset in range(len(TEXT) + 1):
        position = convert.to_position(index, offset, encoding)
        line = index.line_of(offset)
        assert position.line == line
        assert position.character == units(TEXT[index.line_starts[line]:offset], encoding)
        if offset == len(TEXT) or TEXT[offset] not in "\r\n":
            assert convert.to_offset(index, position, encoding) == offset


def test_lines_end_only_at_lsp_terminators():
    index = LineIndex(TEXT)
    start = TEXT.index("jonge")
    assert convert.to_position(index, start, "utf-16") == types.Position(line=1, character=len("zoek 👩‍💻 een ") + 2)
    assert convert.to_position(index, TEXT.index("laatste"), "utf-16") == types.Position(line=2, character=0)


def test_out_of_range_positions_are_clamped():
    index = LineIndex(TEXT)
    for encoding in ("utf-8", "utf-16", "utf-32"):
        assert convert.to_offset(index, types.Position(line=99, character=5), encoding) == len(TEXT)
        end_of_line0 = TEXT.index("\r\n")
        assert convert.to_offset(index, types.Position(line=0, character=10_000), encoding) == end_of_line0


def test_replacement_suggestions_exclude_instructions():
    assert convert.is_replacement("enthousiast team")
    assert convert.is_replacement("(m/v/x)")
    assert not convert.is_replacement("laat de leeftijd weg")
    assert not convert.is_replacement("je hebt ervaring met ...")


def test_settings_are_flat_or_nested_and_validated():
    flat, warnings = parse_settings({"model": "nl_core_news_md", "select": ["leeftijd"], "ignore": [],
                                     "minSeverity": "warning", "config": None})
    assert flat == Settings(model="nl_core_news_md", select=("leeftijd",), min_severity="warning")
    assert warnings == []
    nested, _ = parse_settings({"settings": {"vacaturelint": {"ignore": "LFT001, GSL002"}}})
    assert nested.ignore == ("LFT001", "GSL002")
    assert parse_settings(None) == (None, [])
    bad, warnings = parse_settings({"minSeverity": "hoog", "select": 5, "debounceMs": -1})
    assert bad == Settings() and len(warnings) == 3
    assert parse_settings({"select": {}})[0].select == ()  # an empty Lua table


@pytest.mark.parametrize(("uri", "language", "kind"), [
    ("file:///a/v.md", "markdown", "markdown"),
    ("file:///a/v", "plaintext", "plain"),
    ("file:///a/v", "text", "plain"),
    ("file:///a/v.htm", "html", "html"),
    ("untitled:Untitled-1", "markdown", "markdown"),
    ("file:///a/v.md", "unknown", "markdown"),
    ("file:///a/v.txt", None, "plain"),
    ("file:///a/.vacaturelint.yaml", "yaml", None),
    ("file:///a/script.py", "python", None),
])
def test_document_kind(uri, language, kind):
    assert document_kind(uri, language) == kind


def test_preferred_quick_fix_is_the_fix_check_applies(linter, cli, tmp_path):
    """One definition of a fix: the editor's preferred action makes the same edit as ``check --fix``."""
    text = "Adviseur (m/v) gezocht\nJe bent maximaal 35 jaar.\n"
    result = linter.lint_text(text, path="v.md", kind="markdown")
    index = LineIndex(text)
    diagnostics = {f: convert.diagnostic(f, index) for f in result.findings}
    actions = convert.code_actions(result.findings, diagnostics, "file:///v.md", 1, "markdown", index)
    preferred = [a for a in actions if a.is_preferred]
    assert [a.title for a in preferred] == ["Herstel: vervang door ‘(m/v/x)’"]
    (edit,) = preferred[0].edit.changes["file:///v.md"]
    start = index.offset_from_utf16(edit.range.start.line, edit.range.start.character)
    end = index.offset_from_utf16(edit.range.end.line, edit.range.end.character)
    edited = text[:start] + edit.new_text + text[end:]
    path = tmp_path / "v.md"
    path.write_text(text, encoding="utf-8")
    assert cli("check", "--fix", "-q", str(path)).returncode == 1  # the age limit is left for a human
    assert path.read_text(encoding="utf-8") == edited == text.replace("(m/v)", "(m/v/x)")
    age = next(f for f in result.findings if f.rule == "LFT002")
    assert age.fix is None and not any(a.is_preferred for a in actions if diagnostics[age] in a.diagnostics)
