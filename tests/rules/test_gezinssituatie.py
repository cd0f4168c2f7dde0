"""gezinssituatie (GZS) rules on the real pipeline: questions about marital
status, pregnancy, children."""

from __future__ import annotations

import pytest

from tests.rules.conftest import by_rule


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        ("Vermeld in je sollicitatie je burgerlijke staat.", "GZS001", "burgerlijke staat"),
        ("Je bent niet zwanger.", "GZS002", "Je bent niet zwanger"),
        ("Je hebt geen kinderwens.", "GZS002", "geen kinderwens"),
        ("Je hebt geen jonge kinderen.", "GZS003", "geen jonge kinderen"),
    ],
)
def test_family_questions_are_found(linter, text, rule, expected):
    assert [f.text for f in by_rule(linter, text, rule)] == [expected]
