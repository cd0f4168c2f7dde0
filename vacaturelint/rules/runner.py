"""Compiles a RuleSet against a loaded pipeline and runs it over a file's Docs.

All clauses of all rules share one Matcher, one DependencyMatcher and one
PhraseMatcher per attribute; match keys are ``RULEID#clause`` so every match
traces back to its clause. Rules needing annotations the pipeline lacks are not
compiled (``skipped``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from vacaturelint.rules import checks, conditions, dependency, lemmas, phrases
from vacaturelint.rules import regex as regex_kind
from vacaturelint.rules.model import Rule, RuleSet
from vacaturelint.rules.prefilter import ClauseMatchers


@dataclass
class Hit:
    """A rule matching a span of one block (block-relative character offsets)."""

    rule: Rule
    block_index: int
    start: int
    end: int
    severity: str
    info: dict = field(default_factory=dict)


class CompiledRules:
    def __init__(self, ruleset: RuleSet, pipeline, memoize=None) -> None:
        """``memoize`` optionally wraps the per-Doc matching (a pure function of the
        Doc), e.g. DocCache.memoize in editors, where unchanged blocks recur."""
        from spacy.matcher import DependencyMatcher

        nlp = pipeline.nlp
        self._memoized = memoize(self._raw_hits) if memoize is not None else None
        enabled = [r for r in ruleset.rules if r.enabled]
        self.rules = [r for r in enabled if r.needs <= pipeline.provides]
        self.skipped = [r for r in enabled if not r.needs <= pipeline.provides]
        self._rules_by_id = {r.id: r for r in self.rules}
        self._by_key: dict[str, tuple[Rule, object]] = {}
        self._matcher = ClauseMatchers(nlp.vocab)  # runs only the token patterns a Doc can match
        self._dep = DependencyMatcher(nlp.vocab)
        self._phrases = phrases.Runner(nlp)
        self._regexes: list[tuple[str, object, str | None]] = []
        self._span_checks: list[tuple[str, object, dict]] = []
        self._doc_checks: list[tuple[str, object, dict]] = []
        self._has_matcher = self._has_dep = self._has_phrases = False
        for rule in self.rules:
            for clause in rule.clauses:
                key = f"{rule.id}#{clause.index}"
                self._by_key[key] = (rule, clause)
                if clause.kind == "phrases":
                    self._phrases.add(key, clause.spec, clause.options)
                    self._has_phrases = True
                elif clause.kind == "lemmas":
                    self._matcher.add(key, lemmas.token_patterns(clause.spec, clause.options,
                                                                 "LEMMA" in pipeline.provides))
                    self._has_matcher = True
                elif clause.kind == "tokens":
                    self._matcher.add(key, [list(p) for p in clause.spec], greedy=clause.options.get("greedy"))
                    self._has_matcher = True
                elif clause.kind == "dependency":
                    self._dep.add(key, [list(clause.spec)])
                    self._has_dep = True
                elif clause.kind == "regex":
                    pattern = regex_kind.compile_pattern(clause.spec, clause.options)
                    self._regexes.append((key, pattern, clause.options.get("group")))
                elif clause.kind == "check":
                    module = checks.get(clause.spec)
                    target = self._doc_checks if getattr(module, "SCOPE", "span") == "document" else self._span_checks
                    target.append((key, module, clause.options.get("options", {})))

    def raw_hits(self, doc) -> list[tuple[str, int, int, dict]]:
        """Unfiltered matches of all clauses in one Doc: (clause key, start, end, info)."""
        return self._memoized(doc) if self._memoized is not None else self._raw_hits(doc)

    def _raw_hits(self, doc) -> list[tuple[str, int, int, dict]]:
        hits: list[tuple[str, int, int, dict]] = []
        strings = doc.vocab.strings
        if self._has_matcher:
            for match_id, start, end in self._matcher(doc):
                span = doc[start:end]
                hits.append((strings[match_id], span.start_char, span.end_char, {}))
        if self._has_dep:
            for match_id, token_ids in self._dep(doc):
                key = strings[match_id]
                _, clause = self._by_key[key]
                chosen = [token_ids[i] for i in dependency.highlight_indices(clause.spec, clause.options)]
                first, last = doc[min(chosen)], doc[max(chosen)]
                hits.append((key, first.idx, last.idx + len(last.text), {}))
        if self._has_phrases:
            hits.extend(self._phrases(doc))
        for key, pattern, group in self._regexes:
            try:
                for m in pattern.finditer(doc.text, timeout=regex_kind.TIMEOUT_SECONDS):
                    start, end = m.span(group) if group else m.span()
                    if end > start:
                        hits.append((key, start, end, {}))
            except TimeoutError:
                hits.append((key, -1, -1, {"timeout": True}))
        for key, module, options in self._span_checks:
            for start, end, info in module.run(doc, options):
                hits.append((key, start, end, info))
        return hits

    def run(self, blocks, docs, text: str) -> tuple[list[Hit], list[str]]:
        """All hits for one file, plus notes (e.g. a regex that timed out)."""
        view = conditions.DocumentView(docs, text)
        found: list[Hit] = []
        notes: list[str] = []
        for index, (block, doc) in enumerate(zip(blocks, docs)):
            per_rule: dict[str, list[tuple[int, int, dict]]] = defaultdict(list)
            for key, start, end, info in self.raw_hits(doc):
                rule, _ = self._by_key[key]
                if info.get("timeout"):
                    notes.append(f"regel {rule.id}: reguliere expressie duurde te lang en is overgeslagen")
                    continue
                per_rule[rule.id].append((start, end, info))
            for rule_id, spans in per_rule.items():
                rule = self._rules_by_id[rule_id]
                for start, end, info in _longest(spans):
                    hit = self._judge(rule, index, block, doc, start, end, info, view)
                    if hit is not None:
                        found.append(hit)
        for key, module, options in self._doc_checks:
            rule, _ = self._by_key[key]
            for index, start, end, info in module.run(list(zip(blocks, docs)), options):
                hit = self._judge(rule, index, blocks[index], docs[index], start, end, info, view)
                if hit is not None:
                    found.append(hit)
        return found, notes

    @staticmethod
    def _judge(rule, index, block, doc, start, end, info, view) -> Hit | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        ctx = conditions.Context(doc, span, block, view)
        if any(conditions.holds(c.kind, c.spec, ctx) for c in rule.unless):
            return None
        if not all(conditions.holds(c.kind, c.spec, ctx) for c in rule.requires):
            return None
        severity = info.get("severity", rule.severity)
        for change in rule.severity_when:
            if all(conditions.holds(c.kind, c.spec, ctx) for c in change.when):
                severity = change.severity
                info = {**info, "note": change.note}
                break
        return Hit(rule=rule, block_index=index, start=start, end=end, severity=severity, info=info)


def _longest(spans: list[tuple[int, int, dict]]) -> list[tuple[int, int, dict]]:
    """Within one rule, keep the longest of overlapping spans (first wins ties)."""
    ordered = sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0]))
    kept: list[tuple[int, int, dict]] = []
    for span in ordered:
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s[0])
