"""The one engine: sources -> extraction -> one nlp.pipe -> rules -> findings ->
annotation (rules/annotate.py: sentences, referents, negation, inclusive
sentences) -> filters (config, inline suppressions). CLI, pre-commit hook and LSP server are thin
shells over :class:`Linter`.
"""

from __future__ import annotations

import bisect
import os
import re
from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import lru_cache

from vacaturelint import nlp as nlp_module
from vacaturelint.config import Config, config_for
from vacaturelint.errors import VacaturelintError
from vacaturelint.extract import Extraction, extract
from vacaturelint.extract.base import INVISIBLE, trim_invisible
from vacaturelint.findings import FileResult, Finding
from vacaturelint.lineindex import LineIndex
from vacaturelint.meta import META_CATEGORY, META_RULES, UNCLOSED_COMMENT
from vacaturelint.rules.loader import load_ruleset
from vacaturelint.rules.model import CATEGORIES, RuleSet, selector_matches
from vacaturelint.rules.runner import CompiledRules, Hit
from vacaturelint.severity import at_least
from vacaturelint.source import Source
from vacaturelint.suppressions import MetaHit, is_suppressed, resolve


@dataclass(frozen=True)
class Options:
    """Run-wide settings from the command line, editor or API caller."""

    model: str | None = None
    config: str | None = None  # explicit config file
    isolated: bool = False  # ignore config files
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: str | None = None
    max_size: int | None = None  # bytes read from one input (--max-size); None: env, config, default
    extra_rules: tuple[str, ...] = ()  # rule files named on the command line
    selective: bool = True  # analyse only the blocks a rule can match (False: every block, the reference)


class Linter:
    """Holds loaded rule sets and the pipeline; reusable across many lint calls."""

    def __init__(self, options: Options = Options(), doc_cache: DocCache | None = None) -> None:
        self.options = options
        self.doc_cache = doc_cache  # optional: reuse Docs of unchanged blocks (editors)
        self._rulesets: dict[tuple[str, ...], RuleSet] = {}
        self._compiled: dict[tuple[tuple[str, ...], str], CompiledRules] = {}

    # -- configuration -------------------------------------------------
    def config_for(self, path: str | None) -> Config:
        base = config_for(path, self.options.config, self.options.isolated)
        return base.with_cli(self.options.select, self.options.ignore, self.options.min_severity,
                             self.options.extra_rules)

    def ruleset(self, config: Config) -> RuleSet:
        key = config.extra_rules
        if key not in self._rulesets:
            self._rulesets[key] = load_ruleset(config.extra_rules)
        return self._rulesets[key]

    def model_name(self, config: Config | None = None) -> str:
        return nlp_module.resolve_model(self.options.model, config.model if config else None)

    def pipeline(self, rulesets: list[RuleSet], config: Config | None = None):
        # Lemmas are always wanted: lemma clauses and conditions use them when present.
        needs = frozenset({"LEMMA"}).union(*(r.needs for rs in rulesets for r in rs.rules if r.enabled))
        return nlp_module.load(self.model_name(config), needs)

    def compiled(self, ruleset: RuleSet, pipeline, key) -> CompiledRules:
        cache_key = (key, pipeline.name)
        if cache_key not in self._compiled:
            memoize = self.doc_cache.memoize if self.doc_cache is not None else None
            self._compiled[cache_key] = CompiledRules(ruleset, pipeline, memoize=memoize)
        return self._compiled[cache_key]

    def skipped_rules(self, config: Config | None = None) -> list:
        config = config or self.config_for(None)
        ruleset = self.ruleset(config)
        pipe = self.pipeline([ruleset], config)
        return self.compiled(ruleset, pipe, config.extra_rules).skipped

    # -- linting ---------------------------------------------------------
    def lint_text(self, text: str, path: str = "<tekst>", kind: str = "plain") -> FileResult:
        return self.lint_sources([Source(path=path, text=text, kind=kind)])[0]

    def lint_sources(self, sources: list[Source], configs: list[Config] | None = None) -> list[FileResult]:
        """Lint several sources with one pass of the pipeline over all their blocks
        (one pass per model, when configs name different models).

        Per-file problems (a bad docx, ...) become ``FileResult.error``; config,
        rule and model errors raise VacaturelintError for the caller to report.
        """
        configs = configs or [self.config_for(s.path) for s in sources]
        results: list[FileResult | None] = [None] * len(sources)
        by_model: dict[str, list[int]] = {}
        for i, config in enumerate(configs):
            by_model.setdefault(self.model_name(config), []).append(i)
        for indices in by_model.values():
            group = self._lint_group([sources[i] for i in indices], [configs[i] for i in indices])
            for i, result in zip(indices, group):
                results[i] = result
        return results

    def _lint_group(self, sources: list[Source], configs: list[Config]) -> list[FileResult]:
        """Sources whose configs name the same model."""
        rulesets = [self.ruleset(c) for c in configs]
        pipeline = self.pipeline(rulesets, configs[0])
        prepared: list[tuple[Source, str, Extraction | None, str | None]] = []
        for source in sources:
            try:
                prepared.append((source, *extract(source), None))
            except VacaturelintError as exc:
                prepared.append((source, "", None, str(exc)))
        if self.options.selective and self.doc_cache is None:
            return self._lint_selective(prepared, configs, rulesets, pipeline)
        texts = [b.text for _, _, ex, _ in prepared if ex for b in ex.blocks]
        docs = iter(self.doc_cache.docs(pipeline, texts) if self.doc_cache is not None else pipeline.pipe(texts))
        results = []
        for (source, text, extraction, error), config, ruleset in zip(prepared, configs, rulesets):
            if extraction is None:
                results.append(FileResult(path=source.path, error=error, encoding=source.encoding, kind=source.kind))
                continue
            file_docs = [next(docs) for _ in extraction.blocks]
            compiled = self.compiled(ruleset, pipeline, config.extra_rules)
            hits, notes = compiled.run(extraction.blocks, file_docs, text)
            findings = self._findings(source.path, text, extraction, hits, ruleset, config)
            results.append(FileResult(path=source.path, findings=findings, encoding=source.encoding,
                                      notes=notes, text=text, kind=source.kind, parts=tuple(extraction.parts)))
        return results

    def _lint_selective(self, prepared, configs, rulesets, pipeline, max_chars: int = 400_000) -> list[FileResult]:
        """The first pass, in chunks of files of at most ``max_chars`` characters (so
        memory stays bounded for big folders: only one chunk's Docs are alive)."""
        results: list[FileResult] = []
        start, size = 0, 0
        for end, item in enumerate(prepared, 1):
            size += len(item[1])
            if size >= max_chars or end == len(prepared):
                results += self._lint_chunk(prepared[start:end], configs[start:end], rulesets[start:end], pipeline)
                start, size = end, 0
        return results

    def _lint_chunk(self, prepared, configs, rulesets, pipeline) -> list[FileResult]:
        """Tokenize every block, let the compiled rules choose the blocks they can
        match and, within long chosen blocks, the sentences (with a sentence of
        context either side); run the pipeline over those only (one stream for the
        chunk; the parser only where a rule that reads the parse chose them), write the
        parts' annotations back into their block's Doc, then run the rules. Other blocks
        (and the other sentences of a block) keep their tokenizer tokens, without
        annotations; a left-out stretch is one sentence. A file longer than
        :func:`window_chars` goes window by window (:meth:`_lint_windows`)."""
        planned = []
        wanted: dict[bool, list] = {True: [], False: []}  # Docs to analyse, by whether they need the parser
        parted = []  # (block Doc, token ranges, their Docs): blocks analysed in part
        window = window_chars()
        for (_, text, extraction, _), config, ruleset in zip(prepared, configs, rulesets):
            if extraction is None:
                planned.append(None)
                continue
            compiled = self.compiled(ruleset, pipeline, config.extra_rules)
            if len(text) > window and compiled.windowable:
                planned.append((compiled, None, None, None))
                continue
            docs = [pipeline.make_doc(b.text) for b in extraction.blocks]
            chosen, parsed, rules_of = compiled.selector.plan(docs)
            chosen = set(range(len(docs))) if chosen is None else chosen
            for index, doc in enumerate(docs):
                if index not in chosen:
                    if len(doc):
                        doc[0].is_sent_start = True
                    continue
                parse = parsed is None or index in parsed
                ranges = compiled.selector.sentences(doc, parse, rules_of.get(index))
                if ranges is None:
                    wanted[parse].append(doc)
                    continue
                parts = [doc[a:b].as_doc() for a, b, _ in ranges]
                for (_, _, part_parse), part in zip(ranges, parts):
                    wanted[part_parse].append(part)
                parted.append((doc, [(a, b) for a, b, _ in ranges], parts))
            planned.append((compiled, docs, chosen, None if parsed is None else compiled.selector.chosen_by(rules_of)))
        for parse, docs in wanted.items():
            for _ in pipeline.analyse(docs, parse=parse):
                pass
        del wanted
        for doc, ranges, parts in parted:
            nlp_module.merge_parts(doc, ranges, parts)
        del parted
        results = []
        for (source, text, extraction, error), config, ruleset, plan in zip(prepared, configs, rulesets, planned):
            if plan is None:
                results.append(FileResult(path=source.path, error=error, encoding=source.encoding, kind=source.kind))
                continue
            compiled, docs, chosen, chosen_by = plan
            if docs is None:
                hits, notes = self._lint_windows(compiled, pipeline, extraction, text, window)
            else:
                hits, notes = compiled.run(extraction.blocks, docs, text, analysed=chosen, chosen_by=chosen_by)
            findings = self._findings(source.path, text, extraction, hits, ruleset, config)
            results.append(FileResult(path=source.path, findings=findings, encoding=source.encoding,
                                      notes=notes, text=text, kind=source.kind, parts=tuple(extraction.parts)))
        return results

    @staticmethod
    def _lint_windows(compiled: CompiledRules, pipeline, extraction: Extraction, text: str, window: int):
        """One big file in windows of blocks of about ``window`` characters: the first
        pass tokenizes one block at a time; then per window the blocks are tokenized
        again, the chosen ones analysed, the rules run, and the Docs dropped. Memory
        stays bounded by the window, not the file; the findings are those of a
        whole-file run (CompiledRules.run_windows)."""
        blocks = extraction.blocks
        chosen = compiled.selector.select_texts([b.text for b in blocks], pipeline.make_doc)
        chosen = set(range(len(blocks))) if chosen is None else chosen

        def docs_of(first: int, last: int) -> list:
            docs = [pipeline.make_doc(b.text) for b in blocks[first:last]]
            wanted = []
            for index, doc in enumerate(docs, first):
                if index in chosen:
                    wanted.append(doc)
                elif len(doc):
                    doc[0].is_sent_start = True
            for _ in pipeline.analyse(wanted):
                pass
            return docs

        return compiled.run_windows(blocks, block_windows(blocks, window), docs_of, text, chosen)

    # -- findings and filters ---------------------------------------------
    def _findings(self, path: str, text: str, extraction, hits: list[Hit], ruleset: RuleSet,
                  config: Config) -> list[Finding]:
        index = LineIndex(text)
        suppressions, meta_hits = resolve(extraction.directives, text,
                                          lambda selector: is_known_selector(selector, ruleset))
        meta_hits += [MetaHit(UNCLOSED_COMMENT, s, e) for s, e, _ in extraction.problems]
        findings = []
        allowed = _allowed_ranges(text, config.allow)
        for hit in hits:
            block = extraction.blocks[hit.block_index]
            start, end = trim_invisible(text, block.to_source(hit.start), block.to_source(hit.end))
            if is_suppressed(hit.rule, start, end, suppressions):
                continue
            if allowed.overlaps(start, end):
                continue
            findings.append(self._finding(path, text, index, hit.rule, start, end, hit.severity, hit.info))
        for meta in meta_hits:
            findings.append(self._finding(path, text, index, meta.rule, meta.start, meta.end, meta.rule.severity,
                                          {"message_args": {"match": meta.match}}))
        findings = [f for f in (self._configured(f, config) for f in findings) if f is not None]
        return sorted(findings, key=Finding.sort_key)

    @staticmethod
    def _finding(path: str, text: str, index: LineIndex, rule, start, end, severity, info) -> Finding:
        matched = text[start:end]
        args = {"match": matched, **info.get("message_args", {})}
        message = _render(rule.message, args)
        line, col = index.position(start)
        end_line, end_col = index.position(end)
        suggestions = merge_suggestions(info.get("suggestions", ()), rule.suggestions)
        return Finding(
            path=path, start=start, end=end, line=line + 1, column=col + 1,
            end_line=end_line + 1, end_column=end_col + 1, rule=rule.id, name=rule.name,
            category=rule.category, severity=severity, message=message, explanation=rule.explanation,
            legal=rule.legal_text, suggestions=suggestions, text=matched, scope=rule.scope,
            note=info.get("note", ""), fix=_safe_fix(rule, matched),
        )

    @staticmethod
    def _configured(finding: Finding, config: Config) -> Finding | None:
        def named(selector: str) -> bool:
            return selector_matches(selector, finding.rule, finding.name, finding.category)

        if config.select and finding.category != META_CATEGORY and not any(map(named, config.select)):
            return None
        if any(map(named, config.ignore)):
            return None
        severity = finding.severity
        for selector, level in config.severity:
            if named(selector):
                severity = level
        if not at_least(severity, config.min_severity):
            return None
        return replace(finding, severity=severity) if severity != finding.severity else finding


WINDOW_CHARS = 200_000  # a file longer than this is checked in windows of blocks of about this size
WINDOW_ENV = "VACATURELINT_WINDOW_CHARS"  # internal: a smaller window, for tests and bench/memory.py


def window_chars() -> int:
    """The window size: $VACATURELINT_WINDOW_CHARS (for tests) or WINDOW_CHARS."""
    value = os.environ.get(WINDOW_ENV, "")
    return int(value) if value.isdigit() and int(value) > 0 else WINDOW_CHARS


def block_windows(blocks, window: int) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` ranges of blocks, each of at most ``window``
    characters of block text (and at least one block)."""
    ranges = []
    start, size = 0, 0
    for index, block in enumerate(blocks):
        if index > start and size + len(block.text) > window:
            ranges.append((start, index))
            start, size = index, 0
        size += len(block.text)
    if start < len(blocks):
        ranges.append((start, len(blocks)))
    return ranges


class DocCache:
    """spaCy Docs per block text, for callers that lint nearly the same text again and
    again (the LSP server): after a one-word edit only the changed block is parsed, and
    only its matchers run again (the per-Doc raw matches are memoized as well; context
    conditions, document checks and filters still run over the whole file).

    Bounded (least recently used Docs are dropped); emptied when the pipeline changes.
    Rules only read Docs, so a cached Doc gives the same findings as a fresh one.
    """

    def __init__(self, max_docs: int = 2048) -> None:
        self.max_docs = max_docs
        self._pipeline = None
        self._docs: OrderedDict[str, object] = OrderedDict()
        self._hits: dict[tuple[int, int], tuple[object, list]] = {}

    def memoize(self, raw_hits):
        """Wrap a compiled rule set's per-Doc matching (a pure function of the Doc)."""
        owner = id(raw_hits.__self__)

        def cached(doc):
            key = (owner, id(doc))
            entry = self._hits.get(key)
            if entry is not None and entry[0] is doc:
                return entry[1]
            hits = raw_hits(doc)
            self._hits[key] = (doc, hits)  # keeps the Doc alive, so its id is not reused
            if len(self._hits) > 4 * self.max_docs:
                self._hits.clear()
            return hits

        return cached

    def docs(self, pipeline, texts: list[str]) -> list:
        if pipeline is not self._pipeline:
            self._pipeline = pipeline
            self._docs.clear()
            self._hits.clear()
        missing = [t for t in dict.fromkeys(texts) if t not in self._docs]
        for text, doc in zip(missing, pipeline.pipe(missing)):
            self._docs[text] = doc
        result = []
        for text in texts:
            self._docs.move_to_end(text)
            result.append(self._docs[text])
        while len(self._docs) > max(self.max_docs, len(texts)):
            self._docs.popitem(last=False)
        return result


def is_known_selector(selector: str, ruleset: RuleSet) -> bool:
    """Does a --select/--ignore/suppression selector name a rule, category or prefix?"""
    low = selector.lower()
    return low in CATEGORIES or low == META_CATEGORY or any(
        r.selected_by(selector) for r in (*ruleset.rules, *META_RULES))


def merge_suggestions(specific, general) -> tuple[str, ...]:
    """The hit's own suggestions first, then the rule's, without repeats: a rule
    suggestion is left out when it equals or quotes a specific one (GSL002's "noem
    beide vormen, bijvoorbeeld verkoper/verkoopster" after "verkoper/verkoopster")."""
    merged: dict[str, str] = {}
    for suggestion in specific:
        merged.setdefault(suggestion.casefold(), suggestion)
    for suggestion in general:
        low = suggestion.casefold()
        if low in merged or any(re.search(r"(?<![\w-])" + re.escape(s) + r"(?![\w-])", low) for s in merged):
            continue
        merged[low] = suggestion
    return tuple(merged.values())


def _safe_fix(rule, matched: str) -> str | None:
    """The rule's safe fix for the matched source text; none for a span holding
    characters the matchers did not see (zero-width, soft hyphen): the user decides."""
    if not rule.fix or rule.scope != "span" or INVISIBLE.search(matched):
        return None
    return rule.fix_for(matched)


class _SafeArgs(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def _render(template: str, args: dict) -> str:
    try:
        return template.format_map(_SafeArgs(args))
    except (ValueError, IndexError, AttributeError):
        return template


class AllowedRanges:
    """Where the config's ``allow`` phrases occur in a text: sorted, merged ranges,
    asked per finding by bisection."""

    def __init__(self, spans) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def overlaps(self, start: int, end: int) -> bool:
        """Does a finding [start, end) begin or end inside an allowed phrase?"""
        return self._inside(start, closed_end=False) or self._inside(end, closed_end=True)

    def _inside(self, pos: int, closed_end: bool) -> bool:
        k = bisect.bisect_right(self._starts, pos if not closed_end else pos - 1) - 1
        return k >= 0 and (pos < self._ends[k] if not closed_end else pos <= self._ends[k])


_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


class AllowList:
    """A config's ``allow`` phrases, prepared once per config (however many phrases
    and files): phrases are looked up by the word they start with, so finding them
    costs one dictionary look-up per word of the text, not one search per phrase.
    Matching is as before: case-insensitive, whole words at both ends, overlapping
    occurrences all count."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        self.by_first: dict[str, list[str]] = {}
        others = []
        for phrase in sorted(set(phrases), key=len, reverse=True):
            first = _WORD.match(phrase)
            if first:
                self.by_first.setdefault(first.group().lower(), []).append(phrase.lower())
            else:  # starts with punctuation, such as "(m/v)": searched on its own
                others.append(re.escape(phrase))
        self.others = re.compile(r"(?<!\w)(?=((?:" + "|".join(others) + r")(?!\w)))", re.IGNORECASE) \
            if others else None

    def spans(self, text: str):
        for match in _WORD.finditer(text):
            candidates = self.by_first.get(match.group().lower())
            if not candidates:
                continue
            start = match.start()
            for phrase in candidates:  # longest first: it covers the shorter ones
                end = start + len(phrase)
                if text[start:end].lower() == phrase and not _WORD_CHAR.match(text, end):
                    yield start, end
                    break
        if self.others is not None:
            for match in self.others.finditer(text):
                yield match.start(1), match.end(1)


@lru_cache(maxsize=32)
def allow_list(phrases: tuple[str, ...]) -> AllowList:
    return AllowList(phrases)


def _allowed_ranges(text: str, phrases: tuple[str, ...]) -> AllowedRanges:
    return AllowedRanges(allow_list(phrases).spans(text)) if phrases else AllowedRanges(())
