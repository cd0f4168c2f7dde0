"""Extraction masks markup without moving text: offsets stay exact."""

from __future__ import annotations

import pytest

from vacaturelint.extract import extract
from vacaturelint.lineindex import LineIndex
from vacaturelint.source import Source

pytestmark = pytest.mark.fast  # the fast tier (README): seconds per test, no external programs


def test_markdown_masks_markup_and_keeps_offsets():
    text = "# Titel\n\nEen **jong** [team](https://jong.example/team) en `code jong`.\n"
    blocks = extract(Source(path="x.md", text=text, kind="markdown"))[1].blocks
    body = next(b for b in blocks if "team" in b.text)
    assert "https" not in body.text and "code" not in body.text and "**" not in body.text
    i = body.text.index("jong")
    assert text[body.to_source(i) : body.to_source(i + 4)] == "jong"


def test_markdown_code_front_matter_and_comments_are_not_prose(linter):
    text = "---\ntitel: jong team\n---\n\n```\njong team\n```\n\n<!-- jong team -->\nGoed.\n"
    assert linter.lint_text(text, "v.md", "markdown").findings == []


def test_html_entities_and_tags_map_back(linter):
    text = "<ul><li>Je bent max. 30&nbsp;jaar</li><li>Verkoop&shy;ster</li></ul><script>jong team</script>"
    result = linter.lint_text(text, "v.html", "html")
    for f in result.findings:
        assert text[f.start : f.end] == f.text
    assert any(f.rule == "LFT002" and f.text == "max. 30&nbsp;jaar" for f in result.findings)


def test_list_items_are_separate_blocks():
    text = "Wat wij vragen:\n- een rijbewijs\n- jong\n"
    blocks = extract(Source(path="x.txt", text=text, kind="plain"))[1].blocks
    assert [b.kind for b in blocks] == ["heading", "list_item", "list_item"]
    assert blocks[1].section == "wat wij vragen"


def test_line_index_uses_editor_line_terminators():
    text = "a\r\nb\rc\u2028d\ne"
    index = LineIndex(text)
    assert index.position(text.index("b")) == (1, 0)
    assert index.position(text.index("c")) == (2, 0)
    assert index.position(text.index("d")) == (2, 2)  # U+2028 does not end a line
    assert index.position(text.index("e")) == (3, 0)
    assert index.utf16_column(len("a\r\nb\rc\u2028d\n")) == (3, 0)
    emoji = "🎉 jong"
    assert LineIndex(emoji).utf16_column(emoji.index("jong")) == (0, 3)


def test_long_glued_words_are_kept_but_other_long_runs_are_blanked():
    glued = "opCollegiaalRepresentatiefGastvriendelijkStressbestendigFlexibelZowel"  # 70 characters
    url = "https://www.voorbeeld.nl/vacatures/medewerker-klantenservice-amsterdam?id=12345"
    text = f"Je pikt dingen snel {glued} zelfstandig.\n\nZie {url}\n\nEn {'&' * 80} of {'ab.' * 200}\n"
    _, extraction = extract(Source(path="v.txt", text=text, kind="plain"))
    prose = " ".join(block.text for block in extraction.blocks)
    assert glued in prose
    assert url not in prose and "https" not in prose
    assert "&&" not in prose and "ab.ab." not in prose  # punctuation runs and runs over 400 characters
    first = extraction.blocks[0]  # offsets still exact
    start = first.offsets.to_source(first.prose_start)
    assert text[start:start + len(first.text)] == first.text
