"""Kind ``phrases``: literal words or phrases (spaCy PhraseMatcher).

``phrases`` is a list of strings, or a mapping phrase -> suggestion(s) whose
suggestions come first for that phrase. ``attr`` is LOWER (default), ORTH or NORM.
Phrases are tokenised with the pipeline's own tokenizer, so they match whole
tokens only: "man" never matches inside "manager".
"""

from __future__ import annotations

from vacaturelint.yamlsource import shown

OPTIONS = {"attr"}
_ATTRS = ("LOWER", "ORTH", "NORM")


def validate(spec, options) -> frozenset[str]:
    if isinstance(spec, dict):
        items = spec
        for phrase, suggestion in items.items():
            if isinstance(suggestion, str):
                continue
            if not (isinstance(suggestion, list) and all(isinstance(s, str) for s in suggestion)):
                raise ValueError(f"suggestie voor {shown(phrase)} moet tekst of een lijst teksten zijn")
    elif isinstance(spec, list):
        items = spec
    else:
        raise ValueError("verwacht een lijst woorden/zinsdelen of een mapping woord -> suggestie")
    if not items:
        raise ValueError("lege lijst")
    for phrase in items:
        if not isinstance(phrase, str) or not phrase.strip():
            raise ValueError("elk zinsdeel moet niet-lege tekst zijn")
    attr = options.get("attr", "LOWER")
    if attr not in _ATTRS:
        raise ValueError(f"attr moet een van {', '.join(_ATTRS)} zijn")
    return frozenset()


def anchors(spec, options):
    """A phrase matches only where its longest run of letters or digits occurs in the
    text (lower-cased for LOWER); NORM forms cannot be told before tokenising: None."""
    import re

    attr = options.get("attr", "LOWER")
    if attr == "NORM":
        return None
    alternatives = []
    for phrase in spec:
        pieces = re.findall(r"[^\W\d_]+|\d+", phrase)
        if not pieces:
            return None
        piece = max(pieces, key=len)
        flags = re.IGNORECASE if attr == "LOWER" else 0
        alternatives.append([("TEXT", re.escape(piece), flags)])
    return alternatives


class Runner:
    def __init__(self, nlp) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.matchers = {attr: PhraseMatcher(nlp.vocab, attr=attr) for attr in _ATTRS}
        self.used: set[str] = set()
        self.suggestions: dict[tuple[str, str], tuple[str, ...]] = {}

    def add(self, key: str, spec, options) -> None:
        attr = options.get("attr", "LOWER")
        phrases = list(spec)
        docs = [self.nlp.make_doc(p.lower() if attr == "LOWER" else p) for p in phrases]
        self.matchers[attr].add(key, docs)
        self.used.add(attr)
        if isinstance(spec, dict):
            for phrase, suggestion in spec.items():
                value = (suggestion,) if isinstance(suggestion, str) else tuple(suggestion)
                self.suggestions[(key, phrase.lower())] = value

    def __call__(self, doc) -> list[tuple[str, int, int, dict]]:
        hits = []
        for attr in self.used:
            matcher = self.matchers[attr]
            for match_id, start, end in matcher(doc):
                key = doc.vocab.strings[match_id]
                span = doc[start:end]
                info = {}
                suggestion = self.suggestions.get((key, span.text.lower()))
                if suggestion:
                    info["suggestions"] = suggestion
                hits.append((key, span.start_char, span.end_char, info))
        return hits


def compile(clauses, nlp, provides):
    runner = Runner(nlp)
    for key, clause in clauses:
        runner.add(key, clause.spec, clause.options)
    return runner
