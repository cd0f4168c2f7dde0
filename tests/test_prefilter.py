"""The token-pattern prefilter (rules/prefilter.py) skips work, never matches:
on real Docs it returns exactly what one spaCy Matcher with all patterns returns."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from tests.conftest import CORPUS
from vacaturelint.rules import lemmas
from vacaturelint.rules.prefilter import ClauseMatchers

# Operators, attributes and predicates the prefilter reasons about.
SYNTHETIC = {
    "NEG": ([[{"LOWER": "niet", "OP": "!"}, {"LOWER": "zwanger"}]], None),
    "QUANT": ([[{"LOWER": "heel", "OP": "{2}"}, {"LOWER": "jong"}], [{"LOWER": "x", "OP": "{0,2}"},
                                                                      {"LOWER": "team"}]], None),
    "REGEX": ([[{"LOWER": {"REGEX": "^jong(e|er)?$"}}, {"LEMMA": {"IN": ["team", "collega"]}}]], None),
    "TEXT": ([[{"TEXT": {"IN": ["ABN", "M/V"]}}], [{"ORTH": "("}, {"LOWER": "m/v"}, {"ORTH": ")"}]], None),
    "GREEDY": ([[{"LOWER": {"IN": ["zeer", "heel"]}, "OP": "+"}, {"LOWER": "jong"}],
                [{"LOWER": "jong"}]], "LONGEST"),
    "NOANCHOR": ([[{"IS_DIGIT": True}, {"LOWER": {"NOT_IN": ["jaar"]}}]], None),
}
TEXTS = [
    "Wij zoeken een heel heel jong team en een zeer heel jong collega.",
    "Je bent niet zwanger, of je bent zwanger. Spreekt ABN (m/v) en ( M/V ).",
    "Een jonge collega voor ons jongere team, 25 jaar of 30 kandidaten.",
    "Je bent zwanger.",  # '!' and '{0,2}' tokens are not required
    "Ons team.",
    "",
]


def _texts(linter) -> list[str]:
    texts = list(TEXTS)
    for rule in linter.ruleset(linter.config_for(None)).rules:
        texts += [e.text for e in (*rule.bad_examples, *rule.good_examples)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("vacatures/*.txt"))[:60]]
    return texts


@pytest.fixture(scope="module")
def compiled(linter):
    config = linter.config_for(None)
    ruleset = linter.ruleset(config)
    pipeline = linter.pipeline([ruleset], config)
    single, filtered = Matcher(pipeline.nlp.vocab), ClauseMatchers(pipeline.nlp.vocab)
    for rule in ruleset.rules:
        for clause in rule.clauses:
            key = f"{rule.id}#{clause.index}"
            if clause.kind == "lemmas":
                patterns, greedy = lemmas.token_patterns(clause.spec, clause.options, "LEMMA" in pipeline.provides), None
            elif clause.kind == "tokens":
                patterns, greedy = [list(p) for p in clause.spec], clause.options.get("greedy")
            else:
                continue
            single.add(key, patterns, greedy=greedy)
            filtered.add(key, patterns, greedy=greedy)
    for key, (patterns, greedy) in SYNTHETIC.items():
        single.add(key, patterns, greedy=greedy)
        filtered.add(key, patterns, greedy=greedy)
    return pipeline, single, filtered


def test_prefiltered_matches_equal_one_matcher(linter, compiled):
    pipeline, single, filtered = compiled
    total = 0
    for doc in pipeline.nlp.pipe(_texts(linter)):
        expected = sorted(single(doc))
        assert sorted(filtered(doc)) == expected, doc.text[:200]
        total += len(expected)
    assert total > 20  # the comparison saw real matches


def test_synthetic_patterns_match(compiled):
    pipeline, _, filtered = compiled
    strings = pipeline.nlp.vocab.strings
    found = {(strings[k], s, e) for k, s, e in filtered(pipeline.nlp(TEXTS[0] + " " + TEXTS[1]))}
    keys = {k for k, _, _ in found}
    assert {"NEG", "QUANT", "GREEDY", "TEXT"} <= keys
