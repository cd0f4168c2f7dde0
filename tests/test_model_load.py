"""Loading the pipeline: ``nlp.load`` builds the tokenizer once, from the pipeline's
own files, and must give the same pipeline as ``spacy.load`` (same tokenizer settings,
same components, same annotations)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy
from spacy.tokenizer import Tokenizer

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



class _OwnTokenizer(Tokenizer):
    """A tokenizer of another kind than spaCy's rule-based one, for the test below."""


def test_a_pipeline_with_another_tokenizer_keeps_it(tmp_path):
    model = STAND_INS[0]
    if not model.is_dir():
        pytest.skip(f"no stand-in model at {model}")
    name = "vacaturelint.test.OwnTokenizer.v1"
    if name not in spacy.registry.tokenizers:
        spacy.registry.tokenizers.register(name, func=lambda: lambda nlp: _OwnTokenizer(nlp.vocab))
    copy = tmp_path / "eigen-tokenizer"
    shutil.copytree(model, copy)
    config = copy / "config.cfg"
    config.write_text(config.read_text(encoding="utf-8").replace('"spacy.Tokenizer.v1"', f'"{name}"'),
                      encoding="utf-8")
    ours = nlp_module.load_spacy(str(copy), ["ner", "senter"])
    assert type(ours.tokenizer) is _OwnTokenizer
    assert ours.tokenizer.to_bytes() == spacy.load(str(model), exclude=["ner", "senter"]).tokenizer.to_bytes()


def test_the_stand_in_is_loaded_with_the_tokenizer_built_once():
    model = STAND_INS[0]
    if not model.is_dir():
        pytest.skip(f"no stand-in model at {model}")
    ours = nlp_module.load_spacy(str(model), ["ner", "senter"])
    assert ours.config["nlp"]["tokenizer"]["@tokenizers"] == nlp_module.DISK_TOKENIZER
