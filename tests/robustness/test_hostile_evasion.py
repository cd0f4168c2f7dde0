"""Evasion with invisible characters (issue 15, item 12): zero-width space, joiner,
non-joiner, word joiner, an inner byte-order mark and the soft hyphen split a word for
the matchers but not for a reader. They are removed for matching only: findings point at
the original characters (CLI offsets, LSP UTF-16 ranges) and --fix never leaves a
half-replaced word behind."""

from __future__ import annotations

import pytest

from tests.robustness.conftest import assert_positions, findings

EVASIONS = [
    ("Wij zoeken een jon\u200bge collega voor ons team.\n", "LFT001", "jon\u200bge collega"),
    ("Wij zoeken een jonge\u200d collega voor ons team.\n", "LFT001", "jonge\u200d collega"),
    ("Wij zoeken een jonge\u200c collega voor ons team.\n", "LFT001", "jonge\u200c collega"),
    ("Wij zoeken een jon\u2060ge col\ufefflega voor ons team.\n", "LFT001", "jon\u2060ge col\ufefflega"),
    ("Wij zoeken een Verkoop\u00adster voor onze winkel.\n", "GSL002", "Verkoop\u00adster"),
]


@pytest.mark.parametrize("kind", ["txt", "md", "html"])
def test_invisible_characters_do_not_hide_a_finding(cli, write, kind):
    """One CLI run per format over one file per evasion."""
    files = {}
    for number, (text, rule, matched) in enumerate(EVASIONS):
        body = "😀 " + (f"<p>{text.strip()}</p>\n" if kind == "html" else text)  # astral first: code points
        files[str(write(f"v{number}.{kind}", body))] = (body, rule, matched)
    result = cli("check", "--isolated", "--format", "json", *files)
    assert result.returncode == 1, result.stderr
    found = findings(result)
    for path, (body, rule, matched) in files.items():
        mine = [f for f in found if f["path"] == path]
        assert [f["text"] for f in mine if f["rule"] == rule] == [matched], path
        assert_positions(body, mine)


def test_html_entities_for_invisible_characters_map_to_the_entity(cli, write):
    text = "<p>Wij zoeken een jon&#8203;ge collega en een verkoop&shy;ster.</p>\n"
    path = write("vacature.html", text)
    result = cli("check", "--isolated", "--format", "json", str(path))
    found = findings(result)
    assert {f["text"] for f in found} >= {"jon&#8203;ge collega", "verkoop&shy;ster"}
    assert_positions(text, found)


def test_a_span_with_invisible_characters_gets_no_safe_fix(cli, write):
    # GSL001 '(m/v)' has a safe fix; with a zero-width space inside it is still found,
    # but --fix leaves it (and everything else) exactly as it was.
    text = "Verkoper (m/\u200bv) gezocht. Ook een kassamedewerker (m/v).\n"
    path = write("vacature.txt", text)
    result = cli("check", "--isolated", "--format", "json", str(path))
    found = [f for f in findings(result) if f["rule"] == "GSL001"]
    assert [f["text"] for f in found] == ["(m/\u200bv)", "(m/v)"]
    assert found[0]["fix"] is None and found[1]["fix"]
    fixed = cli("check", "--isolated", "--fix", str(path))
    assert "Traceback" not in fixed.stderr
    after = path.read_text(encoding="utf-8")
    assert after.startswith("Verkoper (m/\u200bv) gezocht. Ook een kassamedewerker (m/v/x)"), after


def test_a_block_of_only_invisible_characters_is_harmless(cli, write):
    text = "\u200b\u200d\u00ad\n\nWij zoeken een collega.\u200b\n\n\ufeff\u2060\n"
    path = write("vacature.md", text)
    result = cli("check", "--isolated", "--format", "json", str(path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_word_documents_are_normalised_too(cli, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Wij zoeken een jon\u200bge collega en een Verkoop\u00adster.")
    path = tmp_path / "vacature.docx"
    document.save(path)
    result = cli("check", "--isolated", "--format", "json", str(path))
    found = findings(result)
    assert {f["text"] for f in found} >= {"jon\u200bge collega", "Verkoop\u00adster"}
    for f in found:
        assert (f["line"], f["column"]) == (1, "Wij zoeken een jon\u200bge collega en een Verkoop\u00adster.".index(
            f["text"]) + 1)
