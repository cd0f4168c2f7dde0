"""Loading the pipeline: ``nlp.load`` builds the tokenizer once, from the pipeline's
own files, and must give the same pipeline as ``spacy.load`` (same tokenizer settings,
same components, same annotations)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from vacaturelint import nlp as nlp_module

pytestmark = pytest.mark.fast  # the fast tier (README): seconds per test, no external programs

MODELS = Path(__file__).resolve().parents[2] / "shared" / "models"
STAND_INS = [MODELS / "nl_ud_selftrained_sm-0.1.0", MODELS / "nl_ud_alpino_sm-0.1.0"]
TEXT = ("Wij zoeken een enthousiaste verkoopster (m/v) van max. 30 jaar, bijv. voor 's avonds; "
        "mail naar vacatures@example.nl of kijk op https://example.nl/werken-bij.")


def _annotations(doc):
    return [(t.text, t.whitespace_, t.lemma_, t.pos_, str(t.morph), t.dep_, t.head.i, t.is_sent_start)
            for t in doc]


@pytest.mark.parametrize("model", STAND_INS, ids=lambda p: p.name)
def test_the_pipeline_equals_spacy_load(model):
    if not model.is_dir():
        pytest.skip(f"no stand-in model at {model}")
    ours = nlp_module.load_spacy(str(model), ["ner", "senter"])
    reference = spacy.load(str(model), exclude=["ner", "senter"])
    assert ours.tokenizer.to_bytes() == reference.tokenizer.to_bytes()
    assert len(ours.tokenizer.rules) > 1000  # the special cases really are there
    assert ours.tokenizer.faster_heuristics == reference.tokenizer.faster_heuristics
    assert ours.pipe_names == reference.pipe_names
    assert _annotations(ours(TEXT)) == _annotations(reference(TEXT))

