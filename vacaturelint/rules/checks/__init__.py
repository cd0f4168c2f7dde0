"""Kind ``check``: named Python checks for what patterns cannot say.

Each check is a module in this package with:

- ``NEEDS``: annotations it reads (LEMMA, POS, MORPH, DEP);
- ``SCOPE``: ``"span"`` (runs per block Doc) or ``"document"`` (sees all blocks);
- optionally, for the first pass (selection.py): ``ANCHORS`` (regexes, or a function
  returning them: a block where none matches can hold no finding and is not analysed),
  ``TEXT_ONLY = True`` (reads text and block structure only) or ``select(options)``
  (a callable: block texts -> indices of the blocks it reads); a check with none of
  these sends every file through the full pipeline;
- ``OPTIONS``: allowed option keys, and optionally ``validate_options(options)``;
- ``run(doc, options)`` yielding ``(start_char, end_char, info)`` for span checks,
  or ``run(docs, options)`` over ``[(block, doc), ...]`` yielding
  ``(doc_index, start_char, end_char, info)`` for document checks.

``info`` may carry ``message_args`` (for ``{placeholders}`` in the message),
``suggestions`` and ``severity``.
"""

from __future__ import annotations

import importlib
import pkgutil

OPTIONS = {"options"}


def available() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def get(name: str):
    if name not in available():
        raise ValueError(f"onbekende check '{name}' (beschikbaar: {', '.join(available())})")
    return importlib.import_module(f"{__name__}.{name}")


def validate(spec, options) -> frozenset[str]:
    if not isinstance(spec, str):
        raise ValueError("verwacht de naam van een check")
    module = get(spec)
    opts = options.get("options", {})
    if not isinstance(opts, dict):
        raise ValueError("options moet een mapping zijn")
    unknown = set(opts) - set(getattr(module, "OPTIONS", set()))
    if unknown:
        raise ValueError(f"onbekende optie(s) voor check '{spec}': {', '.join(sorted(unknown))}")
    validator = getattr(module, "validate_options", None)
    if validator is not None:
        validator(opts)
    return frozenset(getattr(module, "NEEDS", ()))


def scope(spec) -> str:
    return getattr(get(spec), "SCOPE", "span")


def check_scope(spec, options, rule_scope: str) -> None:
    """A document check needs ``scope: document`` unless it reports spans."""
    module = get(spec)
    if scope(spec) == "document" and rule_scope != "document" and not getattr(module, "SPAN_FINDINGS", False):
        raise ValueError(f"check '{spec}' werkt op documentniveau: zet scope: document")


def select(spec, options):
    """First-pass chooser for a named check (see selection.py): the check's own
    ``select(options)``, else ``TEXT_ONLY`` (no block needs the pipeline), else its
    ``ANCHORS`` (regexes a block must match); None when the check declares none."""
    from vacaturelint.rules.anchors import Chooser, TextOnly

    module = get(spec)
    opts = options.get("options", {})
    if hasattr(module, "select"):
        return module.select(opts)
    if getattr(module, "TEXT_ONLY", False):
        return TextOnly()
    anchors = getattr(module, "ANCHORS", None)
    return Chooser(anchors() if callable(anchors) else anchors) if anchors is not None else None


def _entries(clauses, wanted_scope: str):
    return [(key, get(clause.spec), clause.options.get("options", {}))
            for key, clause in clauses if scope(clause.spec) == wanted_scope]


def compile(clauses, nlp, provides):
    """Span checks, run per block Doc."""
    entries = _entries(clauses, "span")

    def run(doc):
        return [(key, start, end, info) for key, module, options in entries
                for start, end, info in module.run(doc, options)]

    return run if entries else None


def compile_document(clauses, nlp, provides):
    """Document checks, run once per file over [(block, doc), ...]."""
    entries = _entries(clauses, "document")

    def run(pairs, analysed=None):
        """``analysed``: indices of the blocks the pipeline annotated (None: all). A check
        declaring ``SELECTED_ONLY = True`` (its first pass names every block it can use)
        sees an empty Doc for the others instead of walking their tokens."""
        hidden = None
        if analysed is not None and any(getattr(m, "SELECTED_ONLY", False) for _, m, _ in entries):
            from spacy.tokens import Doc

            hidden = [(b, d if i in analysed else Doc(d.vocab, words=[])) for i, (b, d) in enumerate(pairs)]
        return [(key, index, start, end, info) for key, module, options in entries
                for index, start, end, info in module.run(
                    hidden if hidden is not None and getattr(module, "SELECTED_ONLY", False) else pairs, options)]

    run.accepts_analysed = True
    return run if entries else None
