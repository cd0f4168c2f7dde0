"""Kind ``regex``: a regular expression over the block text.

Searched within the document's time budget (:mod:`vacaturelint.rules.budget`), so a
catastrophic pattern in a user's rule file cannot hang the linter. ``flags``: IGNORECASE, MULTILINE, ...;
``group``: the named group to report (default: the whole match).
"""

from __future__ import annotations

import regex

from vacaturelint.doctext import text_of
from vacaturelint.rules import budget
from vacaturelint.yamlsource import shown

OPTIONS = {"flags", "group"}
TIMEOUT_SECONDS = budget.PATTERN_SECONDS  # the validation's empty-text test
_FLAGS = {"IGNORECASE": regex.IGNORECASE, "MULTILINE": regex.MULTILINE, "DOTALL": regex.DOTALL,
          "VERBOSE": regex.VERBOSE}


def compile_pattern(spec, options):
    flags = 0
    for flag in options.get("flags", []):
        flags |= _FLAGS[flag]
    return budget.compile_user(spec, flags)


def validate(spec, options) -> frozenset[str]:
    if not isinstance(spec, str) or not spec:
        raise ValueError("verwacht een reguliere expressie (tekst)")
    flags = options.get("flags", [])
    if not isinstance(flags, list) or any(f not in _FLAGS for f in flags):
        raise ValueError(f"flags moeten uit {', '.join(_FLAGS)} komen")
    try:
        pattern = compile_pattern(spec, options)
    except regex.error as exc:
        raise ValueError(f"ongeldige reguliere expressie: {exc}") from None
    group = options.get("group")
    if group is not None and group not in pattern.groupindex:
        raise ValueError(f"groep {shown(group)} komt niet voor in de reguliere expressie")
    try:  # a pattern that matches the empty string would flag every position
        if pattern.fullmatch("", timeout=TIMEOUT_SECONDS):
            raise ValueError("de reguliere expressie past op lege tekst")
    except TimeoutError:
        pass
    return frozenset()


def anchors(spec, options):
    """The first pass runs the expression itself on the block text."""
    flags = 0
    for flag in options.get("flags", []):
        flags |= _FLAGS[flag]
    return [[("TEXT", spec, flags)]]


def compile(clauses, nlp, provides):
    """Each pattern over the block text, within the document's time budget
    (:mod:`vacaturelint.rules.budget`): a pattern that runs out of time skips its rule
    for the document, and the runner says so."""
    patterns = [(key, (budget.owner_of(key),), compile_pattern(clause.spec, clause.options),
                 clause.options.get("group")) for key, clause in clauses]

    def run(doc, only=None):
        """``only``: the rule ids to run (None: all)."""
        hits = []
        spent = budget.current()
        for key, owners, pattern, group in patterns:
            if only is not None and owners[0] not in only:
                continue
            for m in spent.finditer(pattern, text_of(doc), owners):
                start, end = m.span(group) if group else m.span()
                if end > start:
                    hits.append((key, start, end, {}))
        return hits

    run.accepts_only = True
    return run
