"""The registry of named checks, declared where each check is defined.

A check module in this package decorates its ``run`` function::

    @check("age_limit", needs={"lemma", "sents"}, scope="block")
    def run(doc, options): ...

- ``needs``: the annotations the check reads: ``lemma``, ``pos``, ``morph``, ``dep``
  and ``sents`` (sentence boundaries; every pipeline has them, from the parser or
  the sentencizer). A rule using the check is skipped on a pipeline that lacks one.
- ``scope``: what one call of ``run`` sees. ``"sentence"``: a sentence Span,
  yielding ``(start_char, end_char, info)`` in block offsets; ``"block"``: a block's
  Doc, yielding the same; ``"document"``: all ``[(block, doc), ...]`` of a file,
  yielding ``(block_index, start_char, end_char, info)``.
- ``span_findings``: a document check whose findings are about one span (a
  pronoun), not the whole document, so a rule with ``scope: span`` may use it.

The module may define ``OPTIONS`` (allowed option keys) and
``validate_options(options)`` (raise ValueError with one Dutch line).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

# annotation a check may declare -> what the pipeline must provide (nlp.ANNOTATIONS)
NEEDS = {"lemma": "LEMMA", "pos": "POS", "morph": "MORPH", "dep": "DEP", "sents": None}
SCOPES = ("sentence", "block", "document")


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable
    needs: frozenset[str]
    scope: str
    span_findings: bool
    module: ModuleType

    @property
    def annotations(self) -> frozenset[str]:
        """What the pipeline must provide for this check (nlp.ANNOTATIONS names)."""
        return frozenset(NEEDS[n] for n in self.needs if NEEDS[n] is not None)

    @property
    def options(self) -> frozenset[str]:
        return frozenset(getattr(self.module, "OPTIONS", ()))

    def validate_options(self, options: dict) -> None:
        validator = getattr(self.module, "validate_options", None)
        if validator is not None:
            validator(options)


REGISTRY: dict[str, Check] = {}


def check(name: str, needs=(), scope: str = "block", span_findings: bool = False):
    """Register the decorated function as the named check ``name``."""
    unknown = set(needs) - NEEDS.keys()
    if unknown:
        raise TypeError(f"check '{name}': unknown needs {sorted(unknown)} (known: {sorted(NEEDS)})")
    if scope not in SCOPES:
        raise TypeError(f"check '{name}': scope must be one of {SCOPES}, not {scope!r}")
    if span_findings and scope != "document":
        raise TypeError(f"check '{name}': span_findings only applies to scope 'document'")

    def register(func: Callable) -> Callable:
        known = REGISTRY.get(name)
        if known is not None and known.module.__name__ != func.__module__:
            raise TypeError(f"check '{name}' is registered twice ({known.module.__name__}, {func.__module__})")
        REGISTRY[name] = Check(name=name, run=func, needs=frozenset(needs), scope=scope,
                               span_findings=span_findings, module=sys.modules[func.__module__])
        return func

    return register
