"""Kind ``check``: named Python checks for what patterns cannot say.

Each check is a module in this package with:

- ``NEEDS``: annotations it reads (LEMMA, POS, MORPH, DEP);
- ``SCOPE``: ``"span"`` (runs per block Doc) or ``"document"`` (sees all blocks);
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
