"""The spaCy pipeline: loaded once per process, with only the components needed.

Annotations rules can ask for, and the components that produce them:
``LEMMA`` (lemmatizer), ``POS``/``MORPH``/``TAG`` (morphologizer/tagger), ``DEP``
(parser). ``ner`` is never needed. ``--model blank`` gives a tokenizer and a
sentencizer only; rules needing annotations are then skipped (the caller reports
which).
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache

from vacaturelint.errors import ModelError

DEFAULT_MODEL = "nl_core_news_sm"
BLANK = "blank"
ANNOTATIONS = ("LEMMA", "POS", "MORPH", "TAG", "DEP")
INSTALL_HINT = (
    "installeer het met 'python -m spacy download nl_core_news_sm', "
    "of geef een pad naar een spaCy-pipeline met --model of VACATURELINT_MODEL"
)
_lock = threading.Lock()


BLANK_HINT = "of draai zonder model met --model blank (minder regels)"


def missing_model_message(name: str) -> str:
    """Why ``name`` could not be found: a package that is not installed, a path that
    does not exist, or a folder that is not a spaCy pipeline."""
    looks_like_path = os.sep in name or "/" in name or name.startswith(".") or os.path.exists(name)
    if not looks_like_path:
        install = f"installeer het met 'python -m spacy download {name}' (internet nodig)" if name == DEFAULT_MODEL \
            else f"controleer de naam (het standaardmodel: 'python -m spacy download {DEFAULT_MODEL}')"
        return (f"spaCy-model '{name}' is niet geïnstalleerd: {install}, geef een pad naar een spaCy-pipeline "
                f"met --model of VACATURELINT_MODEL, {BLANK_HINT}")
    if not os.path.exists(name):
        return f"spaCy-model '{name}': dit pad bestaat niet; geef het pad naar een spaCy-pipeline, {BLANK_HINT}"
    return (f"spaCy-model '{name}': deze map is geen spaCy-pipeline (er staat geen config.cfg in); "
            f"geef de map van een pipeline (met config.cfg en meta.json), {BLANK_HINT}")


def resolve_model(cli_value: str | None = None, config_value: str | None = None) -> str:
    """Model name or path: --model, then $VACATURELINT_MODEL, then config, then default."""
    return cli_value or os.environ.get("VACATURELINT_MODEL") or config_value or DEFAULT_MODEL


class Pipeline:
    """A loaded pipeline and what it can annotate."""

    def __init__(self, name: str, nlp, provides: frozenset[str]) -> None:
        self.name = name
        self.nlp = nlp
        self.provides = provides

    def pipe(self, texts, max_batch_chars: int = 40_000, max_batch_docs: int = 64):
        """Docs for ``texts``, in order, in batches bounded by size as well as count,
        so memory stays bounded for huge files (blocks are at most a few thousand
        characters each)."""
        batch: list[str] = []
        size = 0
        for text in texts:
            if batch and (size + len(text) > max_batch_chars or len(batch) >= max_batch_docs):
                yield from self.nlp.pipe(batch, batch_size=len(batch))
                batch, size = [], 0
            batch.append(text)
            size += len(text)
        if batch:
            yield from self.nlp.pipe(batch, batch_size=len(batch))

    def analyse(self, docs, max_batch_chars: int = 40_000, max_batch_docs: int = 64):
        """Run the pipeline's components over tokenizer Docs (in place), in bounded batches.
        The analysed Docs lose their ``tensor`` (tok2vec output, a few hundred bytes per
        token): rules read annotations only."""
        batch: list = []
        size = 0
        for doc in docs:
            if batch and (size + len(doc.text) > max_batch_chars or len(batch) >= max_batch_docs):
                yield from self._annotated(batch)
                batch, size = [], 0
            batch.append(doc)
            size += len(doc.text)
        if batch:
            yield from self._annotated(batch)

    def _annotated(self, batch: list):
        import numpy

        for doc in self.nlp.pipe(batch, batch_size=len(batch)):
            doc.tensor = numpy.zeros((0,), dtype="float32")
            yield doc

    def make_doc(self, text: str):
        return self.nlp.make_doc(text)


def load(name: str, needs: frozenset[str] = frozenset(ANNOTATIONS)) -> Pipeline:
    with _lock:
        return _load(name, needs)


@lru_cache(maxsize=8)
def _load(name: str, needs: frozenset[str]) -> Pipeline:
    import spacy  # imported lazily: the CLI's --help and error paths stay fast

    if name == BLANK:
        nlp = spacy.blank("nl")
        nlp.add_pipe("sentencizer")
        return Pipeline(name, nlp, frozenset())
    exclude = ["ner", "senter"]
    if "DEP" not in needs:
        exclude.append("parser")
    if not needs & {"LEMMA", "POS", "MORPH", "TAG"}:
        exclude += ["morphologizer", "tagger", "attribute_ruler", "lemmatizer"]
    try:
        nlp = spacy.load(name, exclude=exclude)
    except OSError as exc:
        if "E050" in str(exc) or "E053" in str(exc) or "Can't find model" in str(exc):
            raise ModelError(missing_model_message(name)) from None
        raise ModelError(f"spaCy-model '{name}' kan niet worden geladen: {exc}") from None
    except Exception as exc:  # corrupt or incompatible model
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"spaCy-model '{name}' kan niet worden geladen: {first}") from None
    if nlp.lang != "nl":
        raise ModelError(f"spaCy-model '{name}' is voor taal '{nlp.lang}', niet voor Nederlands (nl)")
    names = set(nlp.pipe_names)
    provides = set()
    if "lemmatizer" in names:
        provides.add("LEMMA")
    if names & {"morphologizer", "tagger"}:
        provides |= {"POS", "MORPH", "TAG"}
    if "parser" in names:
        provides.add("DEP")
    else:
        nlp.add_pipe("sentencizer")
    return Pipeline(name, nlp, frozenset(provides))
