"""Kind ``lemmas``: single tokens whose lemma (or lower-case form) is in a set.

Compiled to spaCy Matcher patterns ``{"LEMMA": {"IN": [...]}}`` plus the same set
on ``LOWER``, so an inflected form the lemmatizer gets wrong is still caught.
Optional ``pos``: a list of UPOS tags the token must have. Without a lemmatizer
(``--model blank``) only the lower-case forms are matched, so the rule still runs.
"""

from __future__ import annotations

OPTIONS = {"pos"}


def validate(spec, options) -> frozenset[str]:
    if not isinstance(spec, list) or not spec or not all(isinstance(x, str) and x.strip() for x in spec):
        raise ValueError("verwacht een niet-lege lijst lemma's (tekst)")
    pos = options.get("pos")
    needs = set()
    if pos is not None:
        if not isinstance(pos, list) or not all(isinstance(p, str) for p in pos):
            raise ValueError("pos moet een lijst UPOS-tags zijn")
        needs.add("POS")
    return frozenset(needs)


def token_patterns(spec, options, with_lemma: bool = True) -> list[list[dict]]:
    words = sorted({w.lower() for w in spec})
    extra = {"POS": {"IN": list(options["pos"])}} if options.get("pos") else {}
    lower = [{"LOWER": {"IN": words}, **extra}]
    return [[{"LEMMA": {"IN": words}, **extra}], lower] if with_lemma else [lower]


def anchors(spec, options):
    """First-pass anchors: the lemma, or the lower-case form (see selection.py)."""
    words = sorted({w.lower() for w in spec})
    return [[("LEMMA", words)], [("LOWER", words)]]


def compile(clauses, nlp, provides):
    """Lemma clauses as token patterns (LEMMA when the pipeline has it, else LOWER)."""
    from vacaturelint.rules.prefilter import ClauseMatchers
    from vacaturelint.rules.tokens import token_matches

    matchers = ClauseMatchers(nlp.vocab)
    for key, clause in clauses:
        matchers.add(key, token_patterns(clause.spec, clause.options, "LEMMA" in provides))
    return token_matches(matchers)
