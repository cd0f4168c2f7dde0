"""Shared helpers and fixtures for the rule tests, one file per category.

Helpers run the real pipeline through a ``Linter`` (the session ``linter``
fixture in tests/conftest.py, or ``linter_per_model``) and pick findings by
rule id or category. Import them as ``from tests.rules.conftest import ...``.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from vacaturelint.engine import Linter, Options

MODELS = ROOT.parent / "shared" / "models"
STAND_INS = [p for p in (MODELS / "nl_ud_selftrained_sm-0.1.0", MODELS / "nl_ud_alpino_sm-0.1.0") if p.is_dir()]


@pytest.fixture(scope="module", params=STAND_INS, ids=lambda p: p.name)
def linter_per_model(request):
    """A linter per stand-in model: a test using it runs once with each model."""
    return Linter(Options(model=str(request.param), isolated=True))


def hits(linter, text, rule=None, category=None, kind="plain"):
    """Findings for ``text``, optionally only those of one rule id and/or category."""
    found = linter.lint_text(text, path="vacature.md" if kind == "markdown" else "vacature.txt", kind=kind).findings
    return [f for f in found if (rule is None or f.rule == rule) and (category is None or f.category == category)]


def by_rule(linter, text, rule, kind="plain"):
    """Findings of one rule id."""
    return hits(linter, text, rule=rule, kind=kind)


def texts(linter, text, rule, kind="plain"):
    """The reported spans of one rule id."""
    return [f.text for f in hits(linter, text, rule=rule, kind=kind)]


def rule_hits(linter, text):
    """All findings as a set of (rule id, reported span)."""
    return {(f.rule, f.text) for f in linter.lint_text(text).findings}
