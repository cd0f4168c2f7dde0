"""The registry of clause kinds, and the interface each kind implements.

A kind is a module (one per kind, in this package) with:

- ``OPTIONS``: the option keys a clause of this kind may carry;
- ``validate(spec, options) -> frozenset``: raise ValueError (one Dutch line) for a
  bad clause, else return the annotations it needs (LEMMA, POS, MORPH, DEP);
- ``compile(clauses, nlp, provides)``: ``clauses`` are ``(key, Clause)`` pairs; return
  a callable ``doc -> [(key, start_char, end_char, info), ...]``, or None. A callable
  with ``accepts_only = True`` takes ``(doc, only)`` as well: ``only`` is the set of
  rule ids whose clauses run (the rules whose first pass chose the block); the runner
  filters the hits of the others;
- optionally ``check_scope(spec, options, rule_scope)`` (raise ValueError when the
  clause does not fit the rule's scope) and ``compile_document(clauses, nlp,
  provides)``: a callable ``[(block, doc), ...] -> [(key, block_index, start, end,
  info), ...]`` for clauses that judge a whole file (with ``accepts_analysed = True``
  it takes ``(pairs, analysed, chosen_by)``: the blocks the pipeline annotated, and
  block index -> the ids of the rules that chose it).

The loader validates through this interface and the runner compiles through it:
neither knows the kinds by name. A new kind is a module plus one line here.
"""

from __future__ import annotations

from vacaturelint.rules import checks, dependency, lemmas, phrases, regex, tokens

KINDS = {}


def register(name: str, module) -> None:
    for attr in ("OPTIONS", "validate", "compile"):
        if not hasattr(module, attr):
            raise TypeError(f"clause kind '{name}' lacks {attr}")
    KINDS[name] = module


for _name, _module in (("lemmas", lemmas), ("tokens", tokens), ("dependency", dependency),
                       ("phrases", phrases), ("regex", regex), ("check", checks)):
    register(_name, _module)
