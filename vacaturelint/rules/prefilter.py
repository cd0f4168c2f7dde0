"""Token patterns run only on Docs that can match them; matches as one Matcher gives.

spaCy's Matcher tries every pattern at every token, and ``IN`` sets and ``REGEX``
are Python predicates, so one Matcher holding all clauses costs tokens x patterns
Python calls (on the corpus about a third of the pipeline's own time). Nearly every
pattern has mandatory tokens constrained to literal values
(``{"LOWER": {"IN": [...]}}``, ``{"LEMMA": "foto"}``) or a ``REGEX``, and can only
match a Doc that has, for each such constraint, a token meeting it.
``doc.count_by`` gives a Doc's distinct values in C; an index maps them to the
constraints they meet (regex verdicts cached per vocabulary entry); only patterns
whose constraints are all met run, each in its own Matcher (a whole clause shares
one when it uses ``greedy``, which filters across its patterns).
"""

from __future__ import annotations

import re

from vacaturelint.rules import budget, token_regex

# Pattern keys whose values the Doc's own vocabulary can be checked against.
_ANCHOR_ATTRS = {"LOWER": "LOWER", "LEMMA": "LEMMA", "ORTH": "ORTH", "TEXT": "ORTH"}
_QUANTIFIER = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


def _mandatory(token: dict) -> bool:
    op = token.get("OP")
    if op is None or op in ("+", "1"):
        return True
    if op in ("?", "*", "!"):
        return False
    m = _QUANTIFIER.match(str(op))
    return bool(m and m.group(1) and int(m.group(1)) >= 1)


def anchors(pattern: list[dict]) -> list[tuple[str, frozenset[str] | str]]:
    """(attribute, literal values or a regex) for each constraint of a mandatory token:
    some token of the Doc must meet each of them for the pattern to match."""
    found: list[tuple[str, frozenset[str] | str]] = []
    for token in pattern:
        if not isinstance(token, dict) or not _mandatory(token):
            continue
        for key, attr in _ANCHOR_ATTRS.items():
            value = token.get(key)
            if isinstance(value, str):
                found.append((attr, frozenset([value])))
            elif isinstance(value, dict):
                values = value.get("IN")
                if isinstance(values, list) and all(isinstance(v, str) for v in values):
                    found.append((attr, frozenset(values)))
                if isinstance(value.get("REGEX"), str):
                    found.append((attr, value["REGEX"]))
    return found


class ClauseMatchers:
    """``add(key, patterns, greedy)`` as Matcher.add; calling returns (key hash, start, end)."""

    def __init__(self, vocab) -> None:
        self._vocab = vocab
        self._matchers: list = []  # one per group of patterns
        self._owners: list[str] = []  # the rule id of each group
        self._patterns: list[tuple[int, frozenset[int]]] = []  # (group, anchor ids it needs)
        self._pattern_of: list[int] = []  # anchor id -> pattern
        self._always: list[int] = []  # patterns without anchors
        self._literal: dict[str, dict[int, list[int]]] = {}  # attr -> value hash -> anchor ids
        self._regexes: dict[str, list[tuple[int, object]]] = {}  # attr -> (anchor id, search)
        self._verdicts: dict[str, dict[int, tuple[int, ...]]] = {}  # attr -> hash -> regex anchor ids met

    def __bool__(self) -> bool:
        return bool(self._matchers)

    def add(self, key: str, patterns: list[list[dict]], greedy: str | None = None) -> None:
        from spacy.matcher import Matcher

        owners = (budget.owner_of(key),)

        # Without ``greedy`` a key's matches are the union of its patterns' matches,
        # so each pattern gets its own Matcher; ``greedy`` filters across them.
        for group in ([patterns] if greedy else [[p] for p in patterns]):
            matcher = Matcher(self._vocab)
            matcher.add(key, [token_regex.bounded(p, owners) for p in group], greedy=greedy)
            self._matchers.append(matcher)
            self._owners.append(owners[0])
            for pattern in group:
                pid = len(self._patterns)
                ids = []
                for attr, test in anchors(pattern):
                    aid = len(self._pattern_of)
                    self._pattern_of.append(pid)
                    ids.append(aid)
                    if isinstance(test, str):  # spaCy's REGEX: search on the attribute text
                        self._regexes.setdefault(attr, []).append((aid, budget.compile_user(test), owners))
                    else:
                        for value in test:
                            self._literal.setdefault(attr, {}).setdefault(self._vocab.strings.add(value), []).append(aid)
                self._patterns.append((len(self._matchers) - 1, frozenset(ids)))
                if not ids:
                    self._always.append(pid)
        self._verdicts = {}

    def __call__(self, doc, only: set[str] | None = None):
        """``only``: the ids of the rules whose patterns run (None: all)."""
        from spacy import attrs

        strings = doc.vocab.strings
        met: set[int] = set()
        for attr in self._literal.keys() | self._regexes.keys():
            literal = self._literal.get(attr, {})
            regexes = self._regexes.get(attr)
            verdicts = self._verdicts.setdefault(attr, {})
            for value in doc.count_by(getattr(attrs, attr)):
                ids = literal.get(value)
                if ids:
                    met.update(ids)
                if regexes:
                    hits = verdicts.get(value)
                    if hits is None:
                        hits = self._regex_verdicts(strings[value], regexes)
                        if hits is None:  # undecided in time: let the Matcher decide
                            hits = tuple(aid for aid, _, _ in regexes)
                        else:
                            verdicts[value] = hits
                    met.update(hits)
        candidates = set(self._always)
        candidates.update(self._pattern_of[aid] for aid in met)
        groups = sorted({self._patterns[p][0] for p in candidates if self._patterns[p][1] <= met})
        if only is not None:
            groups = [group for group in groups if self._owners[group] in only]
        matches: dict[tuple[int, int, int], None] = {}  # one Matcher also reports a match once
        for group in groups:
            matches.update(dict.fromkeys(self._matchers[group](doc)))
        return list(matches)

    @staticmethod
    def _regex_verdicts(text: str, regexes) -> tuple[int, ...] | None:
        """Anchor ids whose regex finds ``text``; None when one did not decide in
        time (the pattern's rule is skipped; the anchor counts as met, uncached)."""
        spent = budget.current()
        hits = []
        for aid, pattern, owners in regexes:
            found = spent.search(pattern, text, owners)
            if found is budget.UNDECIDED:
                return None
            if found is not None:
                hits.append(aid)
        return tuple(hits)
