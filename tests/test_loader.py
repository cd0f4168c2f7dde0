"""Unit tests for the rule loader and the kind registry (no trained model)."""

from __future__ import annotations

import pytest

from tests.conftest import RULE_FILE
from vacaturelint.errors import RulesError
from vacaturelint.rules import kinds
from vacaturelint.rules.loader import load_ruleset

pytestmark = pytest.mark.fast  # the fast tier (README): seconds per test, no external programs

RULE = RULE_FILE  # tests.conftest: one test rule file, with {extra} keys and a {match} list


def _load(tmp_path, match: str, extra: str = ""):
    path = tmp_path / "regels.yaml"
    path.write_text(RULE.format(match=match, extra=extra), encoding="utf-8")
    return load_ruleset([str(path)], builtin=False)


def test_every_kind_implements_the_interface():
    assert set(kinds.KINDS) == {"phrases", "lemmas", "tokens", "dependency", "regex", "check"}
    for module in kinds.KINDS.values():
        assert isinstance(module.OPTIONS, set) and callable(module.validate) and callable(module.compile)


def test_register_refuses_a_module_without_the_interface():
    class Incomplete:
        OPTIONS = set()

    with pytest.raises(TypeError, match="lacks validate"):
        kinds.register("kapot", Incomplete)
    assert "kapot" not in kinds.KINDS


@pytest.mark.parametrize(("match", "needs"), [
    ("      - phrases: [kwartiermaker]", set()),
    ("      - lemmas: [kwartiermaker]", set()),
    ("      - lemmas: [kwartiermaker]\n        pos: [NOUN]", {"POS"}),
    ("      - tokens: [[{LEMMA: kwartiermaker}]]", {"LEMMA"}),
    ("      - dependency: [{RIGHT_ID: a, RIGHT_ATTRS: {LOWER: kwartiermaker}}]", {"DEP"}),
    ("      - regex: 'kwartier\\w+'", set()),
])
def test_each_kind_loads_and_declares_what_it_needs(tmp_path, match, needs):
    (rule,) = _load(tmp_path, match).rules
    assert rule.id == "TST001" and rule.needs >= needs and len(rule.clauses) == 1


def test_a_document_check_needs_document_scope(tmp_path):
    with pytest.raises(RulesError, match="werkt op documentniveau: zet scope: document"):
        _load(tmp_path, "      - check: gender_coded")
    (rule,) = _load(tmp_path, "      - check: gender_coded", extra="    scope: document\n").rules
    assert rule.scope == "document"


def test_two_kinds_in_one_clause_are_refused(tmp_path):
    with pytest.raises(RulesError, match="precies één soort"):
        _load(tmp_path, "      - {phrases: [a], regex: b}")


def test_unknown_option_names_the_kind(tmp_path):
    with pytest.raises(RulesError, match="onbekende optie voor phrases"):
        _load(tmp_path, "      - phrases: [kwartiermaker]\n        greedy: LONGEST")


def test_builtin_rules_load_with_unique_ids():
    ruleset = load_ruleset()
    ids = [r.id for r in ruleset.rules]
    assert len(ids) == len(set(ids)) and len(ids) > 20
