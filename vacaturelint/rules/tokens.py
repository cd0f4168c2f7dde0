"""Kind ``tokens``: verbatim spaCy Matcher token patterns (a list of patterns).

Optional ``greedy``: FIRST or LONGEST (passed to Matcher.add).
"""

from __future__ import annotations

from vacaturelint.rules.patterns import blank_vocab, first_line, needs_of_token_attrs

OPTIONS = {"greedy"}


def validate(spec, options) -> frozenset[str]:
    from spacy.matcher import Matcher

    if not isinstance(spec, list) or not spec or not all(isinstance(p, list) and p for p in spec):
        raise ValueError("verwacht een lijst spaCy-tokenpatronen (elk een lijst van dicts)")
    greedy = options.get("greedy")
    if greedy not in (None, "FIRST", "LONGEST"):
        raise ValueError("greedy moet FIRST of LONGEST zijn")
    needs: set[str] = set()
    for pattern in spec:
        for token in pattern:
            if not isinstance(token, dict):
                raise ValueError("elk token in een patroon moet een mapping zijn")
            needs |= needs_of_token_attrs(token)
    try:
        Matcher(blank_vocab(), validate=True).add("check", [list(p) for p in spec])
    except Exception as exc:
        raise ValueError(f"ongeldig spaCy-tokenpatroon: {first_line(exc)}") from None
    return frozenset(needs)
