"""Suppression comments that are not comments (issue 15, item 11): a
``vacaturelint-disable-file`` shown as code, in front matter, in an attribute value or
in a text-only element must not silence a file, and a reason of invisible characters
is no reason."""

from __future__ import annotations

from tests.robustness.conftest import findings

DISABLE = "<!-- vacaturelint-disable-file -- voorbeeld uit de handleiding -->"
BAD = "Wij zoeken een jonge collega voor ons team."

NOT_A_COMMENT = {
    "fenced": ("md", f"Zo zet je de controle uit:\n\n```html\n{DISABLE}\n```\n\n{BAD}\n"),
    "tilde-fence": ("md", f"~~~\n{DISABLE}\n~~~\n\n{BAD}\n"),
    "inline-code": ("md", f"Zet `{DISABLE}` bovenaan.\n\n{BAD}\n"),
    "double-backticks": ("md", f"Zet ``{DISABLE}`` bovenaan.\n\n{BAD}\n"),
    "indented-code": ("md", f"Voorbeeld:\n\n    {DISABLE}\n\n{BAD}\n"),
    "front-matter": ("md", f"---\ntitel: \"{DISABLE}\"\n---\n\n{BAD}\n"),
    "md-attribute": ("md", f'<a title="{DISABLE}">uitleg</a>\n\n{BAD}\n'),
    "md-textarea": ("md", f"<textarea>\n{DISABLE}\n</textarea>\n\n{BAD}\n"),
    "html-attribute": ("html", f"<p data-x='{DISABLE}'>Uitleg.</p>\n<p>{BAD}</p>\n"),
    "html-textarea": ("html", f"<form><textarea>{DISABLE}</textarea></form>\n<p>{BAD}</p>\n"),
    "html-title": ("html", f"<title>{DISABLE}</title>\n<p>{BAD}</p>\n"),
}


REAL_COMMENT = {
    "md": ("md", f"{DISABLE}\n\n{BAD}\n"),
    "md-list": ("md", f"- punt\n\n  {DISABLE}\n\n{BAD}\n"),  # inside a list item: a real comment
    "md-after-code": ("md", f"Tekst met `code`.\n{DISABLE}\n\n{BAD}\n"),
    "html": ("html", f"{DISABLE}\n<p title=\"a > b\">{BAD}</p>\n"),
    "html-after-textarea": ("html", f"<textarea>x</textarea>{DISABLE}<p>{BAD}</p>\n"),
}


def test_only_real_comments_disable_a_file(cli, write):
    """One CLI run over all cases (each its own file): the disguised ones are flagged,
    the real comments still silence their file."""
    paths = {name: write(f"{name}.{kind}", text) for name, (kind, text) in {**NOT_A_COMMENT, **REAL_COMMENT}.items()}
    result = cli("check", "--isolated", "--format", "json", *map(str, paths.values()))
    assert result.returncode == 1, result.stderr
    flagged = {f["path"] for f in findings(result) if f["rule"] == "LFT001"}
    assert sorted(n for n, p in paths.items() if str(p) in flagged) == sorted(NOT_A_COMMENT)


def test_textarea_text_is_linted_and_positions_hold(cli, write):
    text = f"<p>Intro.</p><textarea>Wij zoeken een jonge &amp; collega</textarea>\n<p>{BAD}</p>\n"
    path = write("vacature.html", text)
    found = findings(cli("check", "--isolated", "--format", "json", str(path)))
    spans = [(f["offset"], f["end_offset"], f["text"]) for f in found if f["rule"] == "LFT001"]
    assert len(spans) == 2
    assert all(text[a:b] == t for a, b, t in spans)


def test_a_reason_of_invisible_characters_is_missing(cli, write):
    invisible = ["\u200b", "\u200b\u200d\ufeff", " \u2060 \u00a0 ", "\u200e\u2063"]
    paths = [write(f"v{i}.md", f"<!-- vacaturelint-disable-next-line LFT001 -- {reason} -->\n{BAD}\n")
             for i, reason in enumerate(invisible)]
    visible = write("zichtbaar.md", f"<!-- vacaturelint-disable-next-line LFT001 -- \u200bcitaat\u200b -->\n{BAD}\n")
    result = cli("check", "--isolated", "--format", "json", *map(str, paths), str(visible))
    found = findings(result)
    for path in paths:  # still suppressed, but the missing reason is reported
        assert [f["rule"] for f in found if f["path"] == str(path)] == ["VLT001"], path
    assert [f for f in found if f["path"] == str(visible)] == []
