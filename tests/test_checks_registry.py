"""Unit tests for the registry of named checks (``@check(name, needs, scope)``):
every check module declares itself, the loader validates ``check:`` names
against the registry, and each scope is called with what it promises."""

from __future__ import annotations

import pkgutil

import pytest
import spacy

from tests.test_loader import _load
from vacaturelint.errors import RulesError
from vacaturelint.rules import checks
from vacaturelint.rules.checks import registry
from vacaturelint.rules.model import Clause

pytestmark = pytest.mark.fast  # the fast tier (README): seconds per test, no external programs


def test_every_check_module_declares_exactly_its_own_check():
    modules = {m.name for m in pkgutil.iter_modules(checks.__path__)
               if not m.name.startswith("_") and m.name != "registry"}
    declared = checks.registered()
    assert set(declared) == modules
    for name, found in declared.items():
        assert found.module.__name__ == f"vacaturelint.rules.checks.{name}"
        assert found.scope in registry.SCOPES and found.needs <= registry.NEEDS.keys()
        assert found.module.run is found.run


def test_needs_map_to_pipeline_annotations():
    assert checks.get("pronoun_candidate").annotations == {"LEMMA", "POS", "MORPH", "DEP"}
    # sentence boundaries come from the parser or the sentencizer: every pipeline has them
    assert checks.get("requirements_residence").needs == {"sents"}
    assert checks.get("requirements_residence").annotations == frozenset()


def test_the_loader_refuses_an_undeclared_check(tmp_path):
    with pytest.raises(RulesError, match=r"onbekende check 'age_limiet' \(beschikbaar: age_limit, "):
        _load(tmp_path, "      - check: age_limiet")
    with pytest.raises(RulesError, match="verwacht de naam van een check"):
        _load(tmp_path, "      - check: [age_limit]")


def test_the_loader_takes_a_rules_needs_from_the_declaration(tmp_path):
    (rule,) = _load(tmp_path, "      - check: age_young").rules
    assert rule.needs == {"LEMMA", "DEP"}


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"needs": {"lemmas"}}, "unknown needs"),
    ({"scope": "span"}, "scope must be one of"),
    ({"scope": "block", "span_findings": True}, "span_findings only applies"),
])
def test_a_bad_declaration_is_refused_at_import(kwargs, message):
    with pytest.raises(TypeError, match=message):
        registry.check("kapot", **kwargs)
    assert "kapot" not in registry.REGISTRY


def test_a_name_declared_by_two_modules_is_refused():
    def run(doc, options):  # this test module is not age_limit's module
        return []

    with pytest.raises(TypeError, match="registered twice"):
        registry.check("age_limit")(run)
    assert checks.get("age_limit").module.__name__.endswith(".age_limit")


def test_a_sentence_check_is_called_once_per_sentence(monkeypatch):
    seen = []

    def run(sent, options):
        seen.append(sent.text)
        yield sent.start_char, sent.start_char + len(sent[0].text), {}

    monkeypatch.setitem(registry.REGISTRY, "probe_sentences", None)  # removed again after the test
    registry.check("probe_sentences", scope="sentence")(run)
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    doc = nlp("Eerste zin hier. Tweede zin daar.")
    matcher = checks.compile([("TST001#0", Clause(kind="check", spec="probe_sentences", options={}, line=1, index=0))],
                             nlp, frozenset())
    assert checks.compile_document([("TST001#0", Clause(kind="check", spec="probe_sentences", options={},
                                                        line=1, index=0))], nlp, frozenset()) is None
    assert matcher(doc) == [("TST001#0", 0, 6, {}), ("TST001#0", 17, 23, {})]
    assert seen == ["Eerste zin hier.", "Tweede zin daar."]

