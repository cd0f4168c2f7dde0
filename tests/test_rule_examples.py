"""Every good/bad example in rules.yaml runs as a test against the real pipeline."""

from __future__ import annotations

import pytest

from vacaturelint.rules import load_ruleset

RULES = load_ruleset().rules
BAD = [pytest.param(r, e, id=f"{r.id}-bad-{i}") for r in RULES for i, e in enumerate(r.bad_examples)]
GOOD = [pytest.param(r, e, id=f"{r.id}-good-{i}") for r in RULES for i, e in enumerate(r.good_examples)]


def _findings(linter, rule, text):
    result = linter.lint_text(text, path="voorbeeld.txt")
    return [f for f in result.findings if f.rule == rule.id]


@pytest.mark.parametrize(("rule", "example"), BAD)
def test_bad_example_is_flagged(linter, rule, example):
    found = _findings(linter, rule, example.text)
    assert found, f"{rule.id} meldt niets in: {example.text!r}"
    if example.match is not None:
        assert example.match in [f.text for f in found], [f.text for f in found]


@pytest.mark.parametrize(("rule", "example"), GOOD)
def test_good_example_is_silent(linter, rule, example):
    found = _findings(linter, rule, example.text)
    assert not found, f"{rule.id} meldt ten onrechte {[f.text for f in found]} in: {example.text!r}"


def test_every_rule_has_two_examples_each_way():
    thin = [r.id for r in RULES if len(r.bad_examples) < 2 or len(r.good_examples) < 2]
    assert not thin, f"regels met te weinig voorbeelden: {thin}"


def test_at_least_three_rules_in_core_categories():
    for category in ("leeftijd", "geslacht", "herkomst", "functie-eisen"):
        assert sum(r.category == category for r in RULES) >= 3, category
