"""Unit tests for the context conditions (rules/conditions.py), on a blank
pipeline (tokenizer + sentencizer): fast, and no parse to depend on."""

from __future__ import annotations

import pytest

from vacaturelint import nlp as nlp_module
from vacaturelint.extract import extract
from vacaturelint.rules import conditions
from vacaturelint.source import Source

pytestmark = pytest.mark.fast  # the fast tier (README): seconds per test, no external programs


@pytest.fixture(scope="module")
def blank():
    return nlp_module.load(nlp_module.BLANK).nlp


def _context(blank, text: str, match: str, kind: str = "plain", block_index: int | None = None):
    """A Context for the first occurrence of ``match`` in ``text``."""
    _, extraction = extract(Source(path="x", text=text, kind=kind))
    docs = [blank(b.text) for b in extraction.blocks]
    for index, (block, doc) in enumerate(zip(extraction.blocks, docs)):
        if block_index is not None and index != block_index:
            continue
        at = doc.text.find(match)
        if at >= 0:
            span = doc.char_span(at, at + len(match), alignment_mode="expand")
            return conditions.Context(doc, span, block, conditions.DocumentView(docs, text))
    raise AssertionError(f"{match!r} not in {text!r}")


def test_sentence_has_looks_only_at_the_sentence(blank):
    ctx = _context(blank, "Wij zoeken een jong team. Het salaris is goed.", "jong")
    assert conditions.holds("sentence_has", {"phrases": ["zoeken"]}, ctx)
    assert not conditions.holds("sentence_has", {"phrases": ["salaris"]}, ctx)
    assert conditions.holds("block_has", {"phrases": ["salaris"]}, ctx)


def test_phrases_match_whole_words_case_insensitively(blank):
    ctx = _context(blank, "Een Jonge collega.", "Jonge")
    assert conditions.holds("match_has", {"phrases": ["jonge"]}, ctx)
    assert not conditions.holds("match_has", {"phrases": ["jong"]}, ctx)  # not inside a word


def test_lemmas_fall_back_to_lower_case_forms_without_a_lemmatizer(blank):
    ctx = _context(blank, "Je bent Student of schoolverlater.", "Student")
    assert conditions.holds("match_has", {"lemmas": ["student"]}, ctx)


def test_near_uses_a_token_window_around_the_match(blank):
    text = "een twee drie vier jong vijf zes zeven acht"
    ctx = _context(blank, text, "jong")
    assert conditions.holds("near", {"phrases": ["vier"], "before": 1}, ctx)
    assert not conditions.holds("near", {"phrases": ["twee"], "before": 1}, ctx)
    assert conditions.holds("near", {"phrases": ["twee"], "before": 3}, ctx)
    assert not conditions.holds("near", {"phrases": ["jong"]}, ctx)  # the match itself is not its context
    assert conditions.holds("near", {"phrases": ["zeven"], "after": 3}, ctx)


def test_near_with_sentence_stays_inside_the_sentence(blank):
    ctx = _context(blank, "Een pluspunt. Eigen vervoer is nodig.", "Eigen vervoer")
    assert conditions.holds("near", {"phrases": ["pluspunt"], "before": 4}, ctx)
    assert not conditions.holds("near", {"phrases": ["pluspunt"], "before": 4, "sentence": True}, ctx)
    assert conditions.holds("near", {"phrases": ["nodig"], "after": 4, "sentence": True}, ctx)


def test_document_has_sees_other_blocks(blank):
    ctx = _context(blank, "Wij zoeken een jonge collega.\n\nJe rijdt met de bestelbus.", "jonge", block_index=0)
    assert conditions.holds("document_has", {"phrases": ["bestelbus"]}, ctx)
    assert not conditions.holds("block_has", {"phrases": ["bestelbus"]}, ctx)
    assert conditions.holds("document_has", {"lemmas": ["bestelbus"]}, ctx)


def test_regex_condition(blank):
    ctx = _context(blank, "Je bent minimaal 18 jaar (Alcoholwet).", "18 jaar")
    assert conditions.holds("sentence_has", {"regex": r"alcohol\w*"}, ctx)  # case-insensitive
    assert not conditions.holds("sentence_has", {"regex": r"\bdrank\b"}, ctx)


def test_section_and_block_kind(blank):
    text = "# Wat vragen wij\n\n- Je hebt een rijbewijs.\n\nWij bieden een leaseauto.\n"
    ctx = _context(blank, text, "rijbewijs", kind="markdown")
    assert conditions.holds("section", "vragen", ctx)
    assert not conditions.holds("section", "bieden", ctx)
    assert conditions.holds("block_kind", "list_item", ctx)
    assert conditions.holds("block_kind", ["heading", "list_item"], ctx)
    assert not conditions.holds("block_kind", "paragraph", ctx)


@pytest.mark.parametrize(("kind", "spec", "message"), [
    ("somewhere_has", {"phrases": ["x"]}, "onbekende voorwaarde"),
    ("sentence_has", ["x"], "verwacht een mapping"),
    ("sentence_has", {"words": ["x"]}, "onbekende sleutel"),
    ("near", {"phrases": ["x"], "before": 99}, "getal van 0 tot 50"),
    ("near", {"phrases": ["x"], "sentence": "ja"}, "true of false"),
    ("sentence_has", {"regex": "("}, "ongeldige reguliere expressie"),
    ("section", 3, "reguliere expressie"),
    ("block_kind", "tabel", "paragraph, list_item of heading"),
])
def test_validate_rejects_bad_conditions(kind, spec, message):
    with pytest.raises(ValueError, match=message):
        conditions.validate(kind, spec)


def test_validate_reports_needs():
    assert conditions.validate("sentence_has", {"pos": ["NOUN"]}) == {"POS"}
    assert conditions.validate("sentence_has", {"lemmas": ["student"]}) == frozenset()


def test_all_needs_every_part(blank):
    from vacaturelint.rules.model import Condition

    ctx = _context(blank, "Stage bij ons.\n\nJe bent minimaal 4 dagen beschikbaar.", "4 dagen")
    document = Condition("document_has", {"regex": "(?i)stage"}, 1)
    days = Condition("match_has", {"regex": "dagen"}, 1)
    hours = Condition("match_has", {"regex": "uur"}, 1)
    assert conditions.holds("all", (document, days), ctx)
    assert not conditions.holds("all", (document, hours), ctx)
