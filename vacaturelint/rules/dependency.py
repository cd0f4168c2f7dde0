"""Kind ``dependency``: a verbatim spaCy DependencyMatcher pattern.

``highlight`` lists the RIGHT_IDs whose tokens form the reported span (first to
last); default: all nodes.
"""

from __future__ import annotations

from vacaturelint.rules.patterns import blank_vocab, first_line, needs_of_token_attrs

OPTIONS = {"highlight"}


def validate(spec, options) -> frozenset[str]:
    from spacy.matcher import DependencyMatcher

    if not isinstance(spec, list) or not spec or not all(isinstance(n, dict) for n in spec):
        raise ValueError("verwacht een spaCy-DependencyMatcher-patroon (lijst van knopen)")
    ids = [node.get("RIGHT_ID") for node in spec]
    highlight = options.get("highlight", ids)
    if not isinstance(highlight, list) or any(h not in ids for h in highlight):
        raise ValueError(f"highlight moet RIGHT_ID's uit het patroon noemen ({', '.join(map(str, ids))})")
    needs = {"DEP"}
    for node in spec:
        needs |= needs_of_token_attrs(node.get("RIGHT_ATTRS", {}))
    try:
        DependencyMatcher(blank_vocab(), validate=True).add("check", [list(spec)])
    except Exception as exc:
        raise ValueError(f"ongeldig DependencyMatcher-patroon: {first_line(exc)}") from None
    return frozenset(needs)


def highlight_indices(spec, options) -> list[int]:
    ids = [node["RIGHT_ID"] for node in spec]
    return [ids.index(h) for h in options.get("highlight", ids)]


def anchors(spec, options):
    """First-pass anchors: every node must match a token, so each node's literal
    attributes are anchors; None when no node has one."""
    from vacaturelint.rules.prefilter import anchors as pattern_anchors

    found = pattern_anchors([node.get("RIGHT_ATTRS", {}) for node in spec])
    return [found] if found else None


def compile(clauses, nlp, provides):
    """One DependencyMatcher; a hit spans the highlighted nodes."""
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(nlp.vocab)
    highlights = {}
    for key, clause in clauses:
        matcher.add(key, [list(clause.spec)])
        highlights[key] = highlight_indices(clause.spec, clause.options)

    def run(doc):
        hits = []
        for match_id, token_ids in matcher(doc):
            key = doc.vocab.strings[match_id]
            chosen = [token_ids[i] for i in highlights[key]]
            first, last = doc[min(chosen)], doc[max(chosen)]
            hits.append((key, first.idx, last.idx + len(last.text), {}))
        return hits

    return run
