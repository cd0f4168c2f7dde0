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


def test_all_condition_holds_only_when_every_part_holds(tmp_path):
    extra = ("    unless:\n      - all:\n          - document_has: {regex: stage}\n"
             "          - match_has: {lemmas: [kwartiermaker]}\n")
    (rule,) = _load(tmp_path, "      - lemmas: [kwartiermaker]", extra=extra).rules
    (condition,) = rule.unless
    assert condition.kind == "all" and [c.kind for c in condition.spec] == ["document_has", "match_has"]
    assert [c.kind for c in rule.conditions] == ["document_has", "match_has"]  # what the rule reads


@pytest.mark.parametrize("body, message", [
    ("      - all: {document_has: {regex: stage}}\n", "unless\\[0\\].all: moet een lijst van minstens twee"),
    ("      - all:\n          - document_has: {regex: stage}\n", "minstens twee voorwaarden"),
    ("      - all:\n          - document_has: {regex: stage}\n          - somewhere: {regex: x}\n",
     "unless\\[0\\].all\\[1\\]"),
])
def test_bad_all_condition_is_refused_with_its_place(tmp_path, body, message):
    with pytest.raises(RulesError, match=message):
        _load(tmp_path, "      - lemmas: [kwartiermaker]", extra="    unless:\n" + body)
