"""Kind ``tokens``: verbatim spaCy Matcher token patterns (a list of patterns).

Optional ``greedy``: FIRST or LONGEST (passed to Matcher.add).
"""

from __future__ import annotations

from vacaturelint.rules.patterns import blank_vocab, first_line, needs_of_token_attrs
from vacaturelint.rules.token_regex import TEXT_ATTRS

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
            for attr, value in token.items():
                if isinstance(value, dict) and "REGEX" in value and attr not in TEXT_ATTRS:
                    raise ValueError(f"REGEX kan alleen op een tekstattribuut ({', '.join(sorted(TEXT_ATTRS))})")
            needs |= needs_of_token_attrs(token)
    try:
        Matcher(blank_vocab(), validate=True).add("check", [list(p) for p in spec])
    except Exception as exc:
        raise ValueError(f"ongeldig spaCy-tokenpatroon: {first_line(exc)}") from None
    return frozenset(needs)


def anchors(spec, options):
    """First-pass anchors per pattern; None when a pattern has no literal anchor."""
    from vacaturelint.rules.prefilter import anchors as pattern_anchors

    alternatives = [pattern_anchors(list(p)) for p in spec]
    return None if any(not a for a in alternatives) else alternatives


def compile(clauses, nlp, provides):
    """One anchor-indexed matcher over all token-pattern clauses."""
    from vacaturelint.rules.prefilter import ClauseMatchers

    matchers = ClauseMatchers(nlp.vocab)
    for key, clause in clauses:
        matchers.add(key, [list(p) for p in clause.spec], greedy=clause.options.get("greedy"))
    return token_matches(matchers)


def token_matches(matchers):
    """Hits of a ClauseMatchers as (key, start_char, end_char, info)."""

    def run(doc, only=None):
        """``only``: the ids of the rules whose clauses run (None: all)."""
        strings = doc.vocab.strings
        return [(strings[match_id], doc[start:end].start_char, doc[start:end].end_char, {})
                for match_id, start, end in matchers(doc, only)]

    run.accepts_only = True
    return run
