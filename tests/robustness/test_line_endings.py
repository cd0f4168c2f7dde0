"""Line endings: only \\n, \\r\\n and \\r end a line (LSP and editors); U+2028 does not."""

from __future__ import annotations

import pytest

from tests.robustness.conftest import assert_positions

pytestmark = pytest.mark.fast  # the fast tier (README): seconds per test, no external programs

LINES = ["Over ons", "Wij zijn een bedrijf.", "Wij zoeken een jonge collega."]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("kind", ["plain", "markdown", "html"])
def test_line_and_column_follow_the_editor(linter, newline, kind):
    text = newline.join(LINES) + newline
    result = linter.lint_text(text, "v", kind)
    hit = next(f for f in result.findings if f.rule == "LFT001")
    assert (hit.line, hit.column) == (3, LINES[2].index("jonge") + 1)
    assert (hit.end_line, hit.end_column) == (3, LINES[2].index("jonge") + 1 + len("jonge collega"))
    assert_positions(text, result.findings)


def test_u2028_and_other_unicode_breaks_do_not_end_a_line(linter):
    text = "Wij zijn een bedrijf.\u2028\x0c\x85Wij zoeken een jonge collega.\n"
    hit = next(f for f in linter.lint_text(text, "v", "plain").findings if f.rule == "LFT001")
    assert hit.line == 1
    assert hit.column == text.index("jonge") + 1
    assert_positions(text, [hit])


def test_cli_reports_crlf_positions(cli, write):
    text = "\r\n".join(LINES) + "\r\n"
    path = write("v.txt", text)
    result = cli("check", str(path))
    assert f"{path}:3:{LINES[2].index('jonge') + 1}: fout [LFT001]" in result.stdout
    assert "\r" not in result.stdout.replace("\r\n", "\n")  # the shown source line has no stray CR


def test_missing_final_newline_end_position_is_inside_the_document(linter):
    text = "Wij zoeken een jonge collega"
    hit = next(f for f in linter.lint_text(text, "v", "plain").findings if f.rule == "LFT001")
    assert (hit.end_line, hit.end_column) == (1, len(text) + 1)
