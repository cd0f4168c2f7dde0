"""The spaCy pipeline: loaded once per process, with only the components needed.

Annotations rules can ask for, and the components that produce them:
``LEMMA`` (lemmatizer), ``POS``/``MORPH``/``TAG`` (morphologizer/tagger), ``DEP``
(parser). ``ner`` is never needed. ``--model blank`` gives a tokenizer and a
sentencizer only; rules needing annotations are then skipped (the caller reports
which).
"""

from __future__ import annotations

import os
import re
import threading
from functools import lru_cache

from vacaturelint.doctext import KEY as TEXT_KEY
from vacaturelint.doctext import text_of
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

    def analyse(self, docs, parse: bool = True, max_batch_chars: int = 40_000, max_batch_docs: int = 64):
        """Run the pipeline's components over tokenizer Docs (in place), in bounded
        batches. ``parse=False``: all but the parser (lemmas, POS and morphology come
        from components that listen to the shared tok2vec, not to the parse); each Doc
        is then one sentence without a tree (see :func:`flat`). The analysed Docs lose
        their ``tensor`` (tok2vec output, a few hundred bytes per token): rules read
        annotations only."""
        batch: list = []
        size = 0
        for doc in docs:
            if batch and (size + len(text_of(doc)) > max_batch_chars or len(batch) >= max_batch_docs):
                yield from self._run(batch, parse)
                batch, size = [], 0
            batch.append(doc)
            size += len(text_of(doc))
        if batch:
            yield from self._run(batch, parse)

    def _run(self, batch: list, parse: bool):
        import numpy

        if parse or "parser" not in self.nlp.pipe_names:
            docs = self.nlp.pipe(batch, batch_size=len(batch))
        else:
            docs = batch
            for name, component in self.nlp.pipeline:
                if name != "parser":
                    docs = list(component.pipe(docs, batch_size=len(batch)))
            for doc in docs:
                flat(doc)
        for doc in docs:
            doc.tensor = numpy.zeros((0,), dtype="float32")
            yield doc

    def make_doc(self, text: str):
        return self.nlp.make_doc(text)


# Scraped vacancies glue list items together: "inzetbaar;Je hebt", "taal;Ervaring",
# "(Nederlands en Engels)- Uitstekende", and without any mark: "apparatuurRijbewijs B",
# "dragenMaximaal 45 minuten", "préWoonachtig". spaCy's Dutch tokenizer keeps such a word
# whole, so no rule or sentence cut sees the words inside it. The split without a mark
# needs three lower-case letters before a capital that starts a lower-case word, so
# "iPhone", "McDonald" and "LinkedIn" stay whole ("PowerPoint" becomes two tokens, which
# no rule minds).
# A list item glued on without a mark: three lower-case letters, then a capital that
# starts a lower-case word ("apparatuur|Rijbewijs"); annotate.py cuts sentences there too.
# Also a glued short word that opens a list item or sentence: "voor jouJe bent", "eisenWe
# vragen", "verplichtEr is" (a capital and one letter or none would also cut "LinkedIn").
_SHORT_START = r"(?:Je|We|Er|Om|Op|Ik|U)(?![\w-])"
GLUED_WORD = r"(?<=[a-zà-ÿ]{3})(?=[A-ZÀ-Þ][a-zà-ÿ]{2}|" + _SHORT_START + ")"
_GLUED_ANY = re.compile(r"[^\s;];[^\s;]|[a-zà-ÿ)][!?][A-ZÀ-Þ][a-zà-ÿ]{2}|[a-zà-ÿ]{3}(?:[A-ZÀ-Þ][a-zà-ÿ]{2}|" + _SHORT_START + r")|[;)]-(?!\S)|[a-zà-ÿ]{3}- (?:[A-ZÀ-Þ]|(?:je|jij|u|jouw|uw|wij|we|ik)\b)|[a-zà-ÿ.]\*[A-ZÀ-Þ]")  # anything to split?
# where a token is cut: around a glued ";", at GLUED_WORD, after a "!" or "?" glued to the next
# item ("(must)!Woonachtig", "jou?Stuur"), around a "*" bullet between a word
# and a capital ("taal*Het", "is.*Woont"), before a "-" after ")" or ";"
# the cuts inside running text: around a glued ";" and at GLUED_WORD (also unglued())
_WORD_CUTS = (r"(?<=[^\s;])(?=;)", r"(?<=;)(?=[^\s;])", GLUED_WORD)
_GLUED_CUTS = re.compile("|".join((*_WORD_CUTS,
                                    r"(?<=[a-zà-ÿ)][!?])(?=[A-ZÀ-Þ][a-zà-ÿ]{2})",
                                    r"(?<=[a-zà-ÿ.])(?=\*[A-ZÀ-Þ])", r"(?<=[a-zà-ÿ.]\*)(?=[A-ZÀ-Þ])",
                                    r"(?<=\S)(?=\)-$)", r"(?<=[;)])(?=-$)")))
_UNGLUE = re.compile("|".join(_WORD_CUTS))


def unglued(text: str) -> str:
    """``text`` with a space where the tokenizer cuts glued list items ("vakmanGoede"
    -> "vakman Goede", "taal;Ervaring" -> "taal ; Ervaring"), so that a regex over the
    text sees the word boundaries the tokens have (the first pass's text anchors)."""
    return text if _GLUED_ANY.search(text) is None else _UNGLUE.sub(" ", text)


class GluedTokenizer:
    """spaCy's tokenizer, then the glued-list splits. Done after tokenizing (a split of
    the few tokens concerned) rather than by changing the tokenizer's infix and suffix
    rules: changing those makes spaCy rebuild its ~4,700 special cases once per changed
    setting, about 0.5 s at every start."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        doc = self.tokenizer(text)
        doc.user_data[TEXT_KEY] = text  # doctext.text_of: Doc.text joins all tokens on every access
        if _GLUED_ANY.search(text) is None:
            return doc
        splits = []
        starts = set()  # character offsets where a glued-on list item starts a sentence
        for token in doc:
            word = token.text
            if len(word) < 3 or token.like_email or token.like_url or "@" in word:
                continue
            if _dash_bullet(token):  # "zware producten tillen- Je kan ...": a list dash glued to the item before
                splits.append((token, [word[:-1], "-"]))
                starts.add(token.idx + len(word) - 1)  # the dash opens the next item
                continue
            cuts = sorted({m.start() for m in _GLUED_CUTS.finditer(word)} - {0, len(word)})
            if cuts:
                bounds = [0, *cuts, len(word)]
                pieces = [word[a:b] for a, b in zip(bounds, bounds[1:])]
                splits.append((token, pieces))
                if word[0].islower():  # "apparatuur|Rijbewijs", "taal;|Ervaring"; not "Power|Point"
                    for k, (a, piece) in enumerate(zip(bounds, pieces)):
                        if a and piece[0].isupper():  # a "*" bullet opens the item it precedes
                            starts.add(token.idx + (bounds[k - 1] if pieces[k - 1] == "*" else a))
        if splits:
            with doc.retokenize() as retokenizer:
                for token, orths in splits:
                    # each piece its own head, as in any Doc the tokenizer makes (no tree: a
                    # partial one would make the parser loop)
                    retokenizer.split(token, orths, heads=[(token, i) for i in range(len(orths))])
            # the parser keeps a preset sentence start: "redelijk jong|Jullie rapporteren"
            # is parsed as two sentences, as it would be with the full stop the scrape lost
            for token in doc:
                if token.idx in starts:
                    token.is_sent_start = True
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)


# a lower-case list item glued on by a dash opens with the reader or the writer ("conditie- je
# kunt ..."); other words may follow an elided part ("woon- werkverkeer", "kinder- naar")
ITEM_OPENERS = frozenset({"je", "jij", "u", "jouw", "uw", "wij", "we", "ik"})


def _dash_bullet(token) -> bool:
    """A word with a dash glued on, then a space and a capital, or je/jij/u/wij ("conditie- je
    kunt ...", scraped lists of '- je ...' items): a list dash, not the Dutch elision
    ("denk- en werkniveau", "Noord- en Zuid-Holland", "woon- werkverkeer")."""
    word = token.text
    if len(word) < 4 or not word.endswith("-") or not word[-4:-1].isalpha() or not word[-4:-1].islower():
        return False
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is None or token.whitespace_ != " ":
        return False
    if nxt.text[:1].isupper() and nxt.text[1:2].islower():
        return True
    return nxt.text in ITEM_OPENERS


def split_glued(nlp) -> None:
    """Let the pipeline's tokenizer split glued list items (in place)."""
    if not isinstance(nlp.tokenizer, GluedTokenizer):
        nlp.tokenizer = GluedTokenizer(nlp.tokenizer)


_NOT_START = (1 << 64) - 1  # -1 (not a sentence start) in spaCy's uint64 arrays
_PART_ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD")


def flat(doc) -> None:
    """Every token its own head, no labels, one sentence: a Doc without a parse whose
    tokens can still be walked (children, subtree). A tokenizer Doc's tree edges are
    not set, and spaCy reads past them."""
    from spacy.attrs import DEP, HEAD, SENT_START

    if not len(doc):
        return
    tree = doc.to_array([HEAD, DEP])
    tree[:, 0] = 0
    tree[:, 1] = doc.vocab.strings.add("dep")
    doc.from_array([HEAD, DEP], tree)  # a label, so spaCy sets the edges ...
    doc.from_array([DEP], tree[:, 1:2] * 0)  # ... and none left
    starts = doc.to_array([SENT_START]).reshape(-1, 1)
    starts[:] = _NOT_START
    starts[0, 0] = 1
    doc.from_array([SENT_START], starts)


def merge_parts(doc, ranges: list[tuple[int, int]], parts) -> None:
    """Write the annotations of ``parts`` (analysed Docs of token ranges ``ranges`` of
    the tokenizer Doc ``doc``) into ``doc``. Each stretch left out becomes one sentence
    without annotations; the parts keep the pipeline's sentences."""
    from spacy.attrs import SENT_START

    attrs = list(_PART_ATTRS)
    if not any(part.has_annotation("DEP") for part in parts):
        flat(doc)
        attrs = attrs[:-2]  # no parse to copy
    values = doc.to_array(attrs)
    starts = doc.to_array([SENT_START]).reshape(-1, 1)
    starts[:] = _NOT_START
    previous = 0
    for (a, b), part in zip(ranges, parts):
        values[a:b] = part.to_array(attrs)
        starts[a:b, 0] = part.to_array([SENT_START])
        if a > previous:
            starts[previous, 0] = 1
        previous = b
    if previous < len(doc):
        starts[previous, 0] = 1
    doc.from_array(attrs, values)
    doc.from_array([SENT_START], starts)


DISK_TOKENIZER = "vacaturelint.DiskTokenizer.v1"


def _disk_tokenizer():
    """A tokenizer factory that starts empty: ``Language.from_disk`` then loads every
    setting of the tokenizer (special cases, affix patterns, token and URL match) from
    the pipeline's own ``tokenizer`` file. The default factory first builds the
    language's ~4,700 special cases, which ``from_disk`` throws away and builds again:
    about 0.3 s of every start for nothing."""
    from spacy.tokenizer import Tokenizer

    def create(nlp):
        return Tokenizer(nlp.vocab)

    return create


# the model's own tokenizer is spaCy's rule-based one (the only one DISK_TOKENIZER stands in for)
_PLAIN_TOKENIZER = re.compile(r'^\[nlp\.tokenizer\]\s*^@tokenizers\s*=\s*"spacy\.Tokenizer\.v1"\s*$', re.MULTILINE)


def _config_text(name: str) -> str | None:
    """The config.cfg of a pipeline folder or installed pipeline package, or None."""
    import importlib.util
    from pathlib import Path

    folder = Path(name)
    if not folder.is_dir():
        try:
            spec = importlib.util.find_spec(name) if name.isidentifier() else None
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            return None
        folder = Path(next(iter(spec.submodule_search_locations)))
    found = [folder / "config.cfg"] if (folder / "config.cfg").is_file() else sorted(folder.glob("*/config.cfg"))
    try:
        return found[0].read_text(encoding="utf-8") if len(found) == 1 else None
    except (OSError, UnicodeDecodeError):
        return None


def load_spacy(name: str, exclude: list[str]):
    """``spacy.load(name, exclude=exclude)`` with the tokenizer built once, from the
    pipeline's files (see :func:`_disk_tokenizer`): the same pipeline, since
    ``Tokenizer.from_disk`` resets every setting before it reads them. A pipeline with
    another tokenizer (or whose config cannot be read here) is loaded as spaCy does."""
    import spacy

    text = _config_text(name)
    if text is None or not _PLAIN_TOKENIZER.search(text):
        return spacy.load(name, exclude=exclude)
    if DISK_TOKENIZER not in spacy.registry.tokenizers:
        spacy.registry.tokenizers.register(DISK_TOKENIZER, func=_disk_tokenizer)
    return spacy.load(name, exclude=exclude, config={"nlp": {"tokenizer": {"@tokenizers": DISK_TOKENIZER}}})


def load(name: str, needs: frozenset[str] = frozenset(ANNOTATIONS)) -> Pipeline:
    with _lock:
        return _load(name, needs)


@lru_cache(maxsize=8)
def _load(name: str, needs: frozenset[str]) -> Pipeline:
    import spacy  # imported lazily: the CLI's --help and error paths stay fast

    if name == BLANK:
        nlp = spacy.blank("nl")
        nlp.add_pipe("sentencizer")
        split_glued(nlp)
        return Pipeline(name, nlp, frozenset())
    exclude = ["ner", "senter"]
    if "DEP" not in needs:
        exclude.append("parser")
    if not needs & {"LEMMA", "POS", "MORPH", "TAG"}:
        exclude += ["morphologizer", "tagger", "attribute_ruler", "lemmatizer"]
    try:
        nlp = load_spacy(name, exclude)
    except OSError as exc:
        if "E050" in str(exc) or "E053" in str(exc) or "Can't find model" in str(exc):
            raise ModelError(missing_model_message(name)) from None
        raise ModelError(f"spaCy-model '{name}' kan niet worden geladen: {exc}") from None
    except Exception as exc:  # corrupt or incompatible model
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"spaCy-model '{name}' kan niet worden geladen: {first}") from None
    if nlp.lang != "nl":
        raise ModelError(f"spaCy-model '{name}' is voor taal '{nlp.lang}', niet voor Nederlands (nl)")
    split_glued(nlp)
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
