"""Kind ``check``: named Python checks for what patterns cannot say.

Each check is a module in this package whose ``run`` is declared with
``@check(name, needs, scope)`` (registry.py says what these mean). ``info`` in what
``run`` yields may carry ``message_args`` (for ``{placeholders}`` in the message),
``suggestions`` and ``severity``.

For the first pass (selection.py) a check module declares one of: ``ANCHORS`` (regexes,
or a function returning them: a block where none matches can hold no finding and is not
analysed), ``TEXT_ONLY = True`` (reads text and block structure only) or
``select(options)`` (block texts -> indices of the blocks it reads); a check with none
of these sends every file through the full pipeline. ``SELECTED_ONLY = True``: a
document check that sees an empty Doc for the blocks its first pass left out.

A big file is checked window by window (engine.py); a document check then says how it
can work without every Doc at once, with the same findings: ``TEXT_ONLY = True`` (it
reads block structure and ``doc.text`` only: it runs once at the end, over text
stand-ins), ``context_blocks(options)`` (it looks back at most that many blocks: it
runs per window, after that many blocks of the window before), or ``partial(pairs,
start)`` and ``conclude(parts, options)`` (a summary per window, whose block indices
start at ``start``; one verdict at the end). A check with none of these keeps the
whole file in memory.
"""

from __future__ import annotations

import importlib
import pkgutil

from vacaturelint.rules.checks.registry import REGISTRY, Check
from vacaturelint.yamlsource import shown

OPTIONS = {"options"}
_loaded = False


def registered() -> dict[str, Check]:
    """All declared checks by name (imports the check modules once)."""
    global _loaded
    if not _loaded:
        for module in pkgutil.iter_modules(__path__):
            if not module.name.startswith("_") and module.name != "registry":
                importlib.import_module(f"{__name__}.{module.name}")
        _loaded = True
    return REGISTRY


def available() -> list[str]:
    return sorted(registered())


def get(name) -> Check:
    found = registered().get(name) if isinstance(name, str) else None
    if found is None:
        raise ValueError(f"onbekende check {shown(name, available())} (beschikbaar: {', '.join(available())})")
    return found


def validate(spec, options) -> frozenset[str]:
    if not isinstance(spec, str):
        raise ValueError("verwacht de naam van een check")
    found = get(spec)
    opts = options.get("options", {})
    if not isinstance(opts, dict):
        raise ValueError("options moet een mapping zijn")
    unknown = set(opts) - found.options
    if unknown:
        raise ValueError(f"onbekende optie(s) voor check '{spec}': {', '.join(shown(k, found.options) for k in sorted(unknown, key=str))}")
    found.validate_options(opts)
    return found.annotations


def check_scope(spec, options, rule_scope: str) -> None:
    """A document check needs ``scope: document`` unless it reports spans."""
    found = get(spec)
    if found.scope == "document" and rule_scope != "document" and not found.span_findings:
        raise ValueError(f"check '{spec}' werkt op documentniveau: zet scope: document")


def select(spec, options):
    """First-pass chooser for a named check (see selection.py): the check's own
    ``select(options)``, else ``TEXT_ONLY`` (no block needs the pipeline), else its
    ``ANCHORS`` (regexes a block must match); None when the check declares none."""
    from vacaturelint.rules.anchors import Chooser, TextOnly

    module = get(spec).module
    opts = options.get("options", {})
    if hasattr(module, "select"):
        return module.select(opts)
    if getattr(module, "TEXT_ONLY", False):
        return TextOnly()
    anchors = getattr(module, "ANCHORS", None)
    return Chooser(anchors() if callable(anchors) else anchors) if anchors is not None else None


def _entries(clauses, scopes: tuple[str, ...]):
    return [(key, get(clause.spec), clause.options.get("options", {}))
            for key, clause in clauses if get(clause.spec).scope in scopes]


def _calls(found: Check, doc, options):
    if found.scope == "sentence":
        from vacaturelint.rules.annotate import sentences  # the one sentence notion

        for sent in sentences(doc):
            yield from found.run(sent, options)
    else:
        yield from found.run(doc, options)


def compile(clauses, nlp, provides):
    """Sentence and block checks, run per block Doc."""
    entries = _entries(clauses, ("sentence", "block"))

    def run(doc, only=None):
        """``only``: the rule ids to run (None: all); the runner passes the rules whose
        first pass chose the block."""
        return [(key, start, end, info) for key, found, options in entries
                if only is None or key.partition("#")[0] in only
                for start, end, info in _calls(found, doc, options)]

    run.accepts_only = True
    return run if entries else None


def _selected_only(found: Check) -> bool:
    return bool(getattr(found.module, "SELECTED_ONLY", False))


def _hide(found: Check, blocks, docs, start: int, analysed):
    """(block, doc) pairs as ``found`` sees them: an empty Doc for the blocks the first
    pass left out, when it declares SELECTED_ONLY."""
    if analysed is None or not _selected_only(found):
        return list(zip(blocks, docs))
    from spacy.tokens import Doc

    return [(b, d if start + i in analysed else Doc(d.vocab, words=[])) for i, (b, d) in enumerate(zip(blocks, docs))]


def compile_document(clauses, nlp, provides):
    """Document checks, run once per file over [(block, doc), ...]."""
    entries = _entries(clauses, ("document",))

    def run(pairs, analysed=None, chosen_by=None):
        """``analysed``: indices of the blocks the pipeline annotated (None: all). A check
        declaring ``SELECTED_ONLY = True`` (its first pass names every block it can use)
        sees an empty Doc for the others instead of walking their tokens; with
        ``chosen_by`` (block index -> ids of the rules that chose it) only the blocks
        its own rule chose count as its."""
        blocks = [b for b, _ in pairs]
        docs = [d for _, d in pairs]
        found_all = []
        for key, found, options in entries:
            mine = analysed
            if chosen_by is not None and analysed is not None:
                rule_id = key.partition("#")[0]
                mine = {index for index, ids in chosen_by.items() if rule_id in ids}
            found_all += [(key, index, start, end, info)
                          for index, start, end, info in found.run(_hide(found, blocks, docs, 0, mine), options)]
        return found_all

    run.accepts_analysed = True
    if all(_window_mode(found) is not None for _, found, _ in entries):
        run.windows = lambda: Windows(entries)
    else:
        run.windows = None
    return run if entries else None


def _window_mode(found: Check) -> str | None:
    module = found.module
    if hasattr(module, "partial") and hasattr(module, "conclude"):
        return "summary"
    if hasattr(module, "context_blocks"):
        return "context"
    if getattr(module, "TEXT_ONLY", False):
        return "text"
    return None


class TextDoc:
    """What a TEXT_ONLY document check reads of a block's Doc in a windowed run."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Windows:
    """One file's document checks, fed window by window (see the module docstring).

    ``feed`` and ``finish`` return ``(entry, key, block_index, start, end, info)``;
    ``entry`` numbers the checks in rule order, so that the caller can list the
    findings as a whole-file run does."""

    def __init__(self, entries) -> None:
        self.entries = entries
        self.modes = [_window_mode(found) for _, found, _ in entries]
        self.tails: dict[int, list] = {}  # context checks: (block, doc) pairs of the blocks before
        self.parts: dict[int, list] = {}  # summary checks: one part per window

    def feed(self, blocks, docs, start: int, analysed) -> list:
        found_here = []
        for entry, ((key, found, options), mode) in enumerate(zip(self.entries, self.modes)):
            if mode == "text":
                continue
            pairs = _hide(found, blocks, docs, start, analysed)
            if mode == "summary":
                self.parts.setdefault(entry, []).append(found.module.partial(pairs, start))
                continue
            tail = self.tails.get(entry, [])
            first = start - len(tail)
            for index, a, b, info in found.run(tail + pairs, options):
                if first + index >= start:
                    found_here.append((entry, key, first + index, a, b, info))
            keep = found.module.context_blocks(options)
            self.tails[entry] = (tail + pairs)[-keep:] if keep > 0 else []
        return found_here

    def finish(self, blocks) -> list:
        found_here = []
        for entry, ((key, found, options), mode) in enumerate(zip(self.entries, self.modes)):
            if mode == "summary":
                results = found.module.conclude(self.parts.get(entry, []), options)
            elif mode == "text":
                results = found.run([(b, TextDoc(b.text)) for b in blocks], options)
            else:
                continue
            found_here += [(entry, key, index, a, b, info) for index, a, b, info in results]
        return found_here
