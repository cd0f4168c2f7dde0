"""Kind ``check``: named Python checks for what patterns cannot say.

Each check is a module in this package whose ``run`` is declared with
``@check(name, needs, scope)`` (registry.py says what these mean). ``info`` in what
``run`` yields may carry ``message_args`` (for ``{placeholders}`` in the message),
``suggestions`` and ``severity``.
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


def _entries(clauses, scopes: tuple[str, ...]):
    return [(key, get(clause.spec), clause.options.get("options", {}))
            for key, clause in clauses if get(clause.spec).scope in scopes]


def _calls(found: Check, doc, options):
    if found.scope == "sentence":
        for sent in doc.sents:
            yield from found.run(sent, options)
    else:
        yield from found.run(doc, options)


def compile(clauses, nlp, provides):
    """Sentence and block checks, run per block Doc."""
    entries = _entries(clauses, ("sentence", "block"))

    def run(doc):
        return [(key, start, end, info) for key, found, options in entries
                for start, end, info in _calls(found, doc, options)]

    return run if entries else None


def compile_document(clauses, nlp, provides):
    """Document checks, run once per file over [(block, doc), ...]."""
    entries = _entries(clauses, ("document",))

    def run(pairs):
        return [(key, index, start, end, info) for key, found, options in entries
                for index, start, end, info in found.run(pairs, options)]

    return run if entries else None
