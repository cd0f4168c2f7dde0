"""Kind ``regex``: a regular expression over the block text.

Uses the ``regex`` module with a time limit, so a catastrophic pattern in a
user's rule file cannot hang the linter. ``flags``: IGNORECASE, MULTILINE, ...;
``group``: the named group to report (default: the whole match).
"""

from __future__ import annotations

import regex as re_module

OPTIONS = {"flags", "group"}
TIMEOUT_SECONDS = 1.0
_FLAGS = {"IGNORECASE": re_module.IGNORECASE, "MULTILINE": re_module.MULTILINE, "DOTALL": re_module.DOTALL,
          "VERBOSE": re_module.VERBOSE}


def compile_pattern(spec, options):
    flags = 0
    for flag in options.get("flags", []):
        flags |= _FLAGS[flag]
    return re_module.compile(spec, flags | re_module.V0)


def validate(spec, options) -> frozenset[str]:
    if not isinstance(spec, str) or not spec:
        raise ValueError("verwacht een reguliere expressie (tekst)")
    flags = options.get("flags", [])
    if not isinstance(flags, list) or any(f not in _FLAGS for f in flags):
        raise ValueError(f"flags moeten uit {', '.join(_FLAGS)} komen")
    try:
        pattern = compile_pattern(spec, options)
    except re_module.error as exc:
        raise ValueError(f"ongeldige reguliere expressie: {exc}") from None
    group = options.get("group")
    if group is not None and group not in pattern.groupindex:
        raise ValueError(f"groep '{group}' komt niet voor in de reguliere expressie")
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
    """Each pattern over the block text, bounded by TIMEOUT_SECONDS; a timeout is a
    hit with ``info["timeout"]`` (the runner reports the skipped rule)."""
    patterns = [(key, compile_pattern(clause.spec, clause.options), clause.options.get("group"))
                for key, clause in clauses]

    def run(doc):
        hits = []
        for key, pattern, group in patterns:
            try:
                for m in pattern.finditer(doc.text, timeout=TIMEOUT_SECONDS):
                    start, end = m.span(group) if group else m.span()
                    if end > start:
                        hits.append((key, start, end, {}))
            except TimeoutError:
                hits.append((key, -1, -1, {"timeout": True}))
        return hits

    return run
