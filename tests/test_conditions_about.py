"""Unit tests for the annotation conditions (about, negated, inclusive) and the
shared ``lists:`` section, on the blank pipeline (tokenizer + sentencizer): the
conditions must work without a parse."""

from __future__ import annotations

import pytest

from vacaturelint import nlp as nlp_module
from vacaturelint.errors import RulesError
from vacaturelint.extract import extract
from vacaturelint.rules import conditions, lists
from vacaturelint.rules.loader import load_ruleset
from vacaturelint.source import Source

pytestmark = pytest.mark.fast


@pytest.fixture(scope="module")
def blank():
    return nlp_module.load(nlp_module.BLANK).nlp


def _context(blank, text: str, match: str):
    _, extraction = extract(Source(path="x", text=text, kind="plain"))
    docs = [blank(b.text) for b in extraction.blocks]
    for block, doc in zip(extraction.blocks, docs):
        at = doc.text.find(match)
        if at >= 0:
            span = doc.char_span(at, at + len(match), alignment_mode="expand")
            return conditions.Context(doc, span, block, conditions.DocumentView(docs, text))
    raise AssertionError(f"{match!r} not in {text!r}")


@pytest.mark.parametrize(("text", "match", "about"), [
    ("Wij zoeken een jonge verkoper.", "jonge", "candidate"),
    ("Je komt in een jong team.", "jong", "team"),
    ("Onze cliënten zijn jongeren.", "jongeren", "client"),
    ("Wij helpen jonge ondernemers.", "jonge", "client"),
    ("Wij zijn een jong bedrijf.", "jong", "organisation"),
    ("Mail zijn secretaresse Anke.", "secretaresse", "named"),
    ("Onze community van native speakers helpt je.", "native speakers", "organisation"),
])
def test_about(blank, text, match, about):
    ctx = _context(blank, text, match)
    assert conditions.holds("about", about, ctx)
    assert conditions.holds("about", [about, "quoted"], ctx)
    others = [r for r in ("candidate", "team", "client", "organisation", "named") if r != about]
    assert not conditions.holds("about", others, ctx)


def test_negated(blank):
    assert conditions.holds("negated", True, _context(blank, "Een foto is niet nodig.", "foto"))
    assert conditions.holds("negated", False, _context(blank, "Stuur een foto mee.", "foto"))
    assert not conditions.holds("negated", True, _context(blank, "Stuur een foto mee. Geen cv.", "foto"))


def test_inclusive(blank):
    assert conditions.holds("inclusive", True, _context(blank, "Starter of ervaren, iedereen is welkom.", "Starter"))
    assert conditions.holds("inclusive", False, _context(blank, "Starters zijn welkom. Iedereen is welkom.", "Starters"))


def test_sentence_has_uses_the_one_sentence_notion(blank):
    ctx = _context(blank, "Wij zoeken een kok\nrijbewijs is een pré", "kok")
    assert not conditions.holds("sentence_has", {"phrases": ["pré"]}, ctx)


@pytest.mark.parametrize(("kind", "spec", "message"), [
    ("about", "klant", "about verwacht"),
    ("about", [], "about verwacht"),
    ("negated", "ja", "true of false"),
    ("inclusive", 1, "true of false"),
])
def test_validate_rejects_bad_annotation_conditions(kind, spec, message):
    with pytest.raises(ValueError, match=message):
        conditions.validate(kind, spec)


RULES = """\
schema_version: 1
lists:
  vakmensen: [kwartiermaker, kwartiermakers]
rules:
  - id: TST001
    name: test-regel
    category: leeftijd
    severity: warning
    message: "Test"
    explanation: "Uitleg."
    legal: {ground: leeftijd, distinction: direct, refs: ["WGBL art. 3"]}
    match:
      - tokens:
          - [{LOWER: {IN: "@vakmensen"}}]
    unless:
      - near: {before: 3, lemmas: ["@client_nouns", extra]}
    examples:
      bad: ["Wij zoeken een kwartiermaker."]
      good: ["Wij zoeken een collega."]
"""


def test_lists_are_referenced_from_patterns_and_conditions(tmp_path):
    path = tmp_path / "regels.yaml"
    path.write_text(RULES, encoding="utf-8")
    (rule,) = load_ruleset([str(path)]).rules[-1:]
    assert rule.clauses[0].spec == [[{"LOWER": {"IN": ["kwartiermaker", "kwartiermakers"]}}]]
    near = rule.unless[0].spec["lemmas"]
    assert "cliënten" in near and near[-1] == "extra"


def test_unknown_list_names_file_and_line(tmp_path):
    path = tmp_path / "regels.yaml"
    path.write_text(RULES.replace('"@vakmensen"', '"@vakvrouwen"'), encoding="utf-8")
    with pytest.raises(RulesError, match=r"regels\.yaml:\d+: regel TST001: match\[0\]\.tokens: onbekende lijst '@vakvrouwen'"):
        load_ruleset([str(path)])


def test_a_list_may_not_be_defined_twice(tmp_path):
    path = tmp_path / "regels.yaml"
    path.write_text(RULES.replace("vakmensen: [", "client_nouns: [").replace("@vakmensen", "@client_nouns"),
                    encoding="utf-8")
    with pytest.raises(RulesError, match="lijst 'client_nouns' bestaat al"):
        load_ruleset([str(path)])


def test_builtin_lists_are_read_from_rules_yaml():
    assert "cliënten" in lists.get("client_nouns")
    assert "kok" in lists.get("person_nouns")
    with pytest.raises(ValueError, match="niet-lege lijst"):
        lists.validate({"leeg": []})
