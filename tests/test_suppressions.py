"""Inline suppressions with a required reason, in Markdown and HTML."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.fast  # the fast tier (README): seconds per test, no external programs


def rules_of(result):
    return [f.rule for f in result.findings]


def test_disable_next_line_with_reason(linter):
    text = ("<!-- vacaturelint-disable-next-line LFT002 -- Alcoholwet: minimumleeftijd 18 -->\n"
            "Je bent minimaal 18 jaar.\n\nJe bent maximaal 35 jaar.\n")
    result = linter.lint_text(text, "v.md", "markdown")
    assert rules_of(result) == ["LFT002"]
    assert result.findings[0].text == "maximaal 35 jaar"


def test_missing_reason_still_suppresses_but_is_reported(linter):
    text = "<!-- vacaturelint-disable-next-line LFT002 -->\nJe bent minimaal 18 jaar.\n"
    result = linter.lint_text(text, "v.md", "markdown")
    assert rules_of(result) == ["VLT001"]
    assert result.findings[0].line == 1


def test_range_disable_enable_by_category(linter):
    text = ("<!-- vacaturelint-disable geslacht -- citaat uit de cao -->\n"
            "Verkoopster gezocht.\n<!-- vacaturelint-enable geslacht -->\n\nVerkoopster gezocht.\n")
    result = linter.lint_text(text, "v.md", "markdown")
    assert [(f.rule, f.line) for f in result.findings] == [("GSL002", 5)]


def test_unclosed_range_runs_to_end_of_file(linter):
    text = "<!-- vacaturelint-disable GSL002 -- archief -->\nVerkoopster.\n\nVerkoopster.\n"
    assert rules_of(linter.lint_text(text, "v.md", "markdown")) == []


def test_unknown_rule_and_missing_selector_are_reported(linter):
    text = ("<!-- vacaturelint-disable-next-line XYZ999 -- reden -->\nTekst.\n"
            "<!-- vacaturelint-disable -- reden -->\nTekst.\n")
    assert sorted(rules_of(linter.lint_text(text, "v.md", "markdown"))) == ["VLT002", "VLT003"]


def test_html_suppression_and_exact_positions(linter):
    text = ("<p>Wij zoeken een <b>caf&eacute;medewerker</b>.</p>\n"
            "<!-- vacaturelint-disable-next-line HKM001 -- tolk-vertaler -->\n"
            "<p>Je hebt Nederlands als moedertaal.</p>\n<p>Stuur je cv met pasfoto.</p>\n")
    result = linter.lint_text(text, "v.html", "html")
    assert rules_of(result) == ["FNE001"]
    f = result.findings[0]
    assert text[f.start : f.end] == f.text == "pasfoto"
    assert (f.line, f.column) == (4, 20)


def test_file_level_disable(linter):
    text = "<!-- vacaturelint-disable-file -- oude vacature uit het archief -->\nVerkoopster (m/v).\n"
    assert rules_of(linter.lint_text(text, "v.md", "markdown")) == []
