"""Compiles a RuleSet against a loaded pipeline and runs it over a file's Docs.

Each clause kind (kinds.py) compiles all clauses of its kind into one matcher;
match keys are ``RULEID#clause`` so every match traces back to its clause. Rules needing annotations the pipeline lacks are not
compiled (``skipped``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from vacaturelint.rules import budget, conditions
from vacaturelint.rules.kinds import KINDS
from vacaturelint.rules.model import Rule, RuleSet
from vacaturelint.spans import overlaps_any


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
        self._memoized = memoize(self._raw_hits) if memoize is not None else None
        self._selector = None
        enabled = [r for r in ruleset.rules if r.enabled]
        self.rules = [r for r in enabled if r.needs <= pipeline.provides]
        self.skipped = [r for r in enabled if not r.needs <= pipeline.provides]
        self._rules_by_id = {r.id: r for r in self.rules}
        self._by_key: dict[str, tuple[Rule, object]] = {}
        by_kind: dict[str, list] = defaultdict(list)
        for rule in self.rules:
            for clause in rule.clauses:
                key = f"{rule.id}#{clause.index}"
                self._by_key[key] = (rule, clause)
                by_kind[clause.kind].append((key, clause))
        self._matchers = []
        self._document_matchers = []
        for name, kind in KINDS.items():
            if not by_kind[name]:
                continue
            matcher = kind.compile(by_kind[name], pipeline.nlp, pipeline.provides)
            if matcher is not None:
                self._matchers.append(matcher)
            document = getattr(kind, "compile_document", None)
            matcher = document(by_kind[name], pipeline.nlp, pipeline.provides) if document else None
            if matcher is not None:
                self._document_matchers.append(matcher)

    @property
    def selector(self):
        """The first pass for these rules (built on first use)."""
        if self._selector is None:
            from vacaturelint.rules.selection import Selector

            self._selector = Selector(self.rules)
        return self._selector

    def raw_hits(self, doc, only: set[str] | None = None) -> list[tuple[str, int, int, dict]]:
        """Unfiltered matches of all clauses in one Doc: (clause key, start, end, info).
        ``only``: the ids of the rules to run (None: every rule); a matcher that can
        (``accepts_only``) runs only their clauses, the others' hits are filtered."""
        if only is not None:
            return self._raw_hits(doc, only)
        return self._memoized(doc) if self._memoized is not None else self._raw_hits(doc)

    def _raw_hits(self, doc, only: set[str] | None = None) -> list[tuple[str, int, int, dict]]:
        spent = budget.current()
        before = len(spent.skipped)
        if only is None:
            hits = [hit for matcher in self._matchers for hit in matcher(doc)]
        else:
            hits = []
            for matcher in self._matchers:
                if getattr(matcher, "accepts_only", False):
                    hits += matcher(doc, only)
                else:
                    hits += [hit for hit in matcher(doc) if hit[0].partition("#")[0] in only]
        # Rules whose regex ran out of time on this Doc: a marker, so that hits
        # memoized for the Doc (editors) skip the rule again.
        hits.extend(("", -1, -1, {"skipped": rule_id}) for rule_id in list(spent.skipped)[before:])
        return hits

    def run(self, blocks, docs, text: str, analysed=None, chosen_by=None) -> tuple[list[Hit], list[str]]:
        """All hits for one file, plus notes (a rule skipped because one of its
        regular expressions ran out of the document's time budget).

        ``analysed``: the indices of the blocks the pipeline annotated (None: all);
        span clauses run only there (the first pass found nothing elsewhere), document
        clauses see every block. ``chosen_by``: block index -> the ids of the rules
        whose first pass chose the block (None: every rule runs on every analysed
        block); a rule's span clauses run only on the blocks it chose."""
        with budget.document() as spent:
            found = self._run(blocks, docs, text, analysed, chosen_by)
        return self._noted(found, spent)

    def run_windows(self, blocks, windows, docs_of, text: str, analysed) -> tuple[list[Hit], list[str]]:
        """As :meth:`run` for a big file, window by window: ``windows`` are ``(start,
        end)`` block ranges in order, ``docs_of(start, end)`` makes the Docs of one
        range (analysed where ``analysed`` says). Only one window's Docs (and a few
        blocks of context for the document checks that look back) are alive at a time.
        Only for a rule set that is :attr:`windowable`."""
        with budget.document() as spent:
            found = self._run_windows(blocks, windows, docs_of, text, analysed)
        return self._noted(found, spent)

    @property
    def windowable(self) -> bool:
        """Can a file be checked window by window with the same findings? Not when a
        document check needs every Doc at once, nor when a ``document_has`` condition
        asks for lemmas (read from every Doc of the file)."""
        if any(getattr(m, "windows", None) is None for m in self._document_matchers):
            return False
        return not any(c.kind == "document_has" and "lemmas" in c.spec for rule in self.rules
                       for c in rule.conditions)

    def _noted(self, found: list[Hit], spent) -> tuple[list[Hit], list[str]]:
        skipped = [rule_id for rule_id in spent.skipped if rule_id in self._rules_by_id]
        notes = [f"regel {rule_id} overgeslagen: een reguliere expressie kostte te veel tijd "
                 f"(samen hooguit {budget.DOCUMENT_SECONDS:g} s per document)" for rule_id in skipped]
        if skipped:
            found = [hit for hit in found if hit.rule.id not in spent.skipped]
        return found, notes

    def _run(self, blocks, docs, text: str, analysed, chosen_by) -> list[Hit]:
        view = conditions.DocumentView(docs, text)
        found = self._span_hits(blocks, docs, 0, analysed, view, chosen_by)
        pairs = list(zip(blocks, docs))
        for matcher in self._document_matchers:
            found_here = matcher(pairs, analysed, chosen_by) if getattr(matcher, "accepts_analysed", False) \
                else matcher(pairs)
            for key, index, start, end, info in found_here:
                rule, _ = self._by_key[key]
                hit = self._judge(rule, index, blocks[index], docs[index], start, end, info, view)
                if hit is not None:
                    found.append(hit)
        return found

    def _run_windows(self, blocks, windows, docs_of, text: str, analysed) -> list[Hit]:
        view = conditions.DocumentView(None, text)  # its lemmas are never asked (windowable)
        found: list[Hit] = []
        passes = [matcher.windows() for matcher in self._document_matchers]
        document_hits: dict[tuple[int, int], list[Hit]] = defaultdict(list)  # (matcher, entry) -> hits

        def judge(number, entry, key, index, start, end, info, doc):
            rule, _ = self._by_key[key]
            hit = self._judge(rule, index, blocks[index], doc, start, end, info, view)
            if hit is not None:
                document_hits[number, entry].append(hit)

        for first, last in windows:
            budget.current().renew(sum(len(b.text) for b in blocks[first:last]))  # the regex time, per window
            docs = docs_of(first, last)
            found += self._span_hits(blocks[first:last], docs, first, analysed, view)
            for number, window_pass in enumerate(passes):
                for entry, key, index, start, end, info in window_pass.feed(blocks[first:last], docs, first, analysed):
                    judge(number, entry, key, index, start, end, info, docs[index - first])
            del docs
        for number, window_pass in enumerate(passes):
            for entry, key, index, start, end, info in window_pass.finish(blocks):
                judge(number, entry, key, index, start, end, info, docs_of(index, index + 1)[0])
        for number in range(len(passes)):  # in the order of a whole-file run
            for entry in sorted(e for n, e in document_hits if n == number):
                found += document_hits[number, entry]
        return found

    def _span_hits(self, blocks, docs, offset: int, analysed, view, chosen_by=None) -> list[Hit]:
        """Hits of the span clauses in ``blocks`` (the file's blocks from ``offset`` on)."""
        found: list[Hit] = []
        spent = budget.current()
        for number, (block, doc) in enumerate(zip(blocks, docs)):
            index = offset + number
            if analysed is not None and index not in analysed:
                continue
            only = None if chosen_by is None else chosen_by.get(index, set())
            if only is not None and not only:
                continue
            per_rule: dict[str, list[tuple[int, int, dict]]] = defaultdict(list)
            for key, start, end, info in self.raw_hits(doc, only):
                if "skipped" in info:
                    spent.skip((info["skipped"],))
                    continue
                rule, _ = self._by_key[key]
                per_rule[rule.id].append((start, end, info))
            for rule_id, spans in per_rule.items():
                rule = self._rules_by_id[rule_id]
                for start, end, info in _longest(spans):
                    hit = self._judge(rule, index, block, doc, start, end, info, view)
                    if hit is not None:
                        found.append(hit)
        return found

    @staticmethod
    def _judge(rule, index, block, doc, start, end, info, view) -> Hit | None:
        if rule.id in budget.current().skipped:
            return None  # its regex ran out of time in this document
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        ctx = conditions.Context(doc, span, block, view, rule.id)
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
        if not overlaps_any(span[0], span[1], ((k[0], k[1]) for k in kept)):
            kept.append(span)
    return sorted(kept, key=lambda s: s[0])
