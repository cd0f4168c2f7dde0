#!/usr/bin/env python
"""Measure vacaturelint's precision and recall against the gold labels.

    python -m bench.quality [--corpus ../shared/corpus] [--model PATH] [--verbose]

Loads every label file in bench/quality/labels/ (format: bench/quality/README.md),
runs the linter ONCE over all labelled texts::

    python -m vacaturelint check --format json --model MODEL <files...>

and compares its span findings with the gold findings.  A predicted span is a
true positive when it overlaps a gold finding of the same category in the same
file; precision is counted over predictions, recall over gold findings (one
gold finding may be matched by several predictions).  Findings with
``scope: document`` are left out of the span metrics and reported separately.

Exit status: 0 after a measurement (whatever the figures), 2 when the labels are
invalid or the linter crashed or printed something that is not the JSON array.
The corpus texts are read at run time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench import stand_in
from bench.quality import labeltool
from vacaturelint.rules.model import CATEGORIES
from vacaturelint.spans import overlaps

REPO_ROOT = Path(__file__).resolve().parents[2]
QUALITY_DIR = REPO_ROOT / "bench" / "quality"
LABEL_DIR = QUALITY_DIR / "labels"
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"

# targets from issue 3
TARGET_PRECISION = 0.9
TARGET_RECALL = 0.9
TARGET_CATEGORY_MIN = 0.8
TARGET_FALSE_ALARMS_PER_RANDOM = 0.3


# ---------------------------------------------------------------- data

@dataclass(frozen=True)
class Span:
    """A gold finding, a silent look-alike or a predicted finding."""

    file: str          # corpus-relative path, e.g. vacatures/ae-indeed-285.txt
    start: int         # 0-based code point offset
    end: int           # exclusive
    category: str = ""
    text: str = ""
    rule: str = ""     # predictions only
    severity: str = ""
    why: str = ""      # gold/silent only

    def overlaps(self, other: Span) -> bool:
        if self.file != other.file:
            return False
        # zero-width spans are treated as one code point wide
        return overlaps(self.start, max(self.end, self.start + 1), other.start, max(other.end, other.start + 1))


@dataclass
class CategoryCounts:
    predicted: int = 0
    true_positive: int = 0   # predictions that overlap a same-category gold span
    gold: int = 0
    recalled: int = 0        # gold spans overlapped by >= 1 same-category prediction

    @property
    def false_positive(self) -> int:
        return self.predicted - self.true_positive

    @property
    def false_negative(self) -> int:
        return self.gold - self.recalled

    @property
    def precision(self) -> float | None:
        return self.true_positive / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.recalled / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if (p is None or r is None) else 0.0
        return 2 * p * r / (p + r)

    def add(self, other: CategoryCounts) -> None:
        self.predicted += other.predicted
        self.true_positive += other.true_positive
        self.gold += other.gold
        self.recalled += other.recalled


@dataclass
class MatchResult:
    per_category: dict[str, CategoryCounts] = field(default_factory=dict)
    true_positives: list[Span] = field(default_factory=list)
    false_positives: list[Span] = field(default_factory=list)
    misses: list[Span] = field(default_factory=list)
    recalled: list[Span] = field(default_factory=list)
    # (prediction, gold) pairs for severity agreement
    pairs: list[tuple[Span, Span]] = field(default_factory=list)

    @property
    def overall(self) -> CategoryCounts:
        total = CategoryCounts()
        for c in self.per_category.values():
            total.add(c)
        return total


def match(gold: list[Span], predicted: list[Span]) -> MatchResult:
    """Match predicted span findings against gold findings.

    A prediction is a true positive when it overlaps at least one gold span of
    the same category in the same file; every other prediction is a false
    positive.  A gold span is recalled when at least one same-category
    prediction overlaps it; otherwise it is a miss.  Several predictions may
    match the same gold span (all count as true positives) and one prediction
    may cover several gold spans (all count as recalled).
    """
    result = MatchResult()
    cats = result.per_category

    def counts(cat: str) -> CategoryCounts:
        if cat not in cats:
            cats[cat] = CategoryCounts()
        return cats[cat]

    by_key: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for g in gold:
        by_key[(g.file, g.category)].append(g)
        counts(g.category).gold += 1

    hit_gold: set[int] = set()
    for p in predicted:
        c = counts(p.category)
        c.predicted += 1
        hits = [g for g in by_key.get((p.file, p.category), ()) if p.overlaps(g)]
        if hits:
            c.true_positive += 1
            result.true_positives.append(p)
            for g in hits:
                hit_gold.add(id(g))
                result.pairs.append((p, g))
        else:
            result.false_positives.append(p)

    for g in gold:
        if id(g) in hit_gold:
            counts(g.category).recalled += 1
            result.recalled.append(g)
        else:
            result.misses.append(g)
    return result


# ---------------------------------------------------------------- labels

@dataclass
class LabelSet:
    files: list[str]                        # corpus-relative paths
    selection: dict[str, str]
    gold: list[Span]
    silent: list[Span]
    document: dict[str, list[str]]


def load_labels(label_dir: Path, corpus: Path) -> LabelSet:
    """Load and validate every label file; raise ValueError on invalid labels."""
    tool = labeltool
    index = tool.load_index(corpus)
    paths = sorted(label_dir.glob("*.yaml"))
    if not paths:
        raise ValueError(f"no label files in {label_dir}")
    errors, files, selection, gold, silent, document = [], [], {}, [], [], {}
    for p in paths:
        try:
            d = tool.validate(p, corpus, index)
        except tool.LabelError as exc:
            errors.append(str(exc))
            continue
        f = d["file"]
        if f in selection:
            errors.append(f"{p.name}: {f} labelled twice")
            continue
        files.append(f)
        selection[f] = d["selection"]
        document[f] = [str(x) for x in d["document"]]
        for it in d["findings"]:
            gold.append(Span(f, it["start"], it["end"], it["category"], it["text"],
                             severity=it["severity"], why=str(it["why"])))
        for it in d["silent"]:
            silent.append(Span(f, it["start"], it["end"], "", it["text"], why=str(it["why"])))
    if errors:
        raise ValueError("invalid labels:\n  " + "\n  ".join(errors))
    return LabelSet(files, selection, gold, silent, document)


# ---------------------------------------------------------------- linter

class LinterError(Exception):
    pass


def default_model() -> str:
    return stand_in.model()


def run_linter(paths: list[Path], model: str, python: str = sys.executable) -> list[dict]:
    """Run the linter once over all paths and return its JSON findings."""
    cmd = [python, "-m", "vacaturelint", "check", "--format", "json", "--model", model]
    cmd += [str(p) for p in paths]
    try:
        proc = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True, encoding="utf-8")
    except OSError as exc:
        raise LinterError(f"cannot start linter: {exc}") from None
    tail = "\n  ".join((proc.stderr or proc.stdout or "").strip().splitlines()[-15:])
    # exit 1 only means "findings"; but Python also exits 1 on an uncaught exception
    if proc.returncode not in (0, 1) or "Traceback (most recent call last)" in (proc.stderr or ""):
        raise LinterError(f"linter crashed (exit {proc.returncode}):\n  {tail}")
    if not proc.stdout.strip():
        raise LinterError(f"linter printed nothing on stdout (exit {proc.returncode}); expected a JSON array:\n  {tail}")
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise LinterError(f"linter output is not JSON ({exc}); first bytes: {proc.stdout[:200]!r}") from None
    if not isinstance(data, list):
        raise LinterError("linter JSON output is not an array")
    if proc.returncode == 1 and not data:
        raise LinterError(f"linter exited 1 but reported no findings:\n  {tail}")
    return data


def _line_col_to_offset(text: str, line: int, col: int) -> int:
    """Fallback when a finding lacks `offset`: 1-based line/column (code points)."""
    pos, cur = 0, 1
    while cur < line:
        nxt = min((i for i in (text.find("\r\n", pos), text.find("\n", pos), text.find("\r", pos)) if i != -1),
                  default=-1)
        if nxt == -1:
            return len(text)
        pos = nxt + (2 if text.startswith("\r\n", nxt) else 1)
        cur += 1
    return min(pos + col - 1, len(text))


def predictions_from_json(findings: list[dict], path_to_file: dict[Path, str],
                          texts: dict[str, str]) -> tuple[list[Span], list[dict], list[str]]:
    """Turn linter JSON into span predictions.

    Returns (span predictions, document-scope findings, warnings).  Findings
    for files outside the label set are ignored.
    """
    spans, docs, warnings = [], [], []
    for f in findings:
        raw = Path(str(f.get("path", "")))
        key = (raw if raw.is_absolute() else REPO_ROOT / raw).resolve()
        rel = path_to_file.get(key)
        if rel is None:
            warnings.append(f"finding for unknown path {f.get('path')!r} ignored")
            continue
        if f.get("scope", "span") == "document":
            docs.append({**f, "file": rel})
            continue
        text = texts[rel]
        start, end = f.get("offset"), f.get("end_offset")
        if not isinstance(start, int) or not isinstance(end, int):
            try:
                start = _line_col_to_offset(text, int(f["line"]), int(f["column"]))
                end = _line_col_to_offset(text, int(f["end_line"]), int(f["end_column"]))
            except (KeyError, TypeError, ValueError):
                warnings.append(f"{rel}: finding {f.get('rule')} has no position; ignored")
                continue
        if f.get("text") is not None and text[start:end] != f.get("text"):
            warnings.append(f"{rel}:{start}: rule {f.get('rule')} text {f.get('text')!r} "
                            f"!= source {text[start:end]!r}")
        spans.append(Span(rel, start, end, str(f.get("category", "")), text[start:end],
                          rule=str(f.get("rule", "")), severity=str(f.get("severity", ""))))
    return spans, docs, warnings


# ---------------------------------------------------------------- report

def _fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.2f}"


def once_per_text(result: MatchResult) -> CategoryCounts:
    """Overall counts with repeated text in one file counted once.

    Feed ads often hold their own text several times (a page scraped with its
    repeats); span counting then weighs one wording five or ten times.  Here
    every (file, category, wording) is one item: a gold wording is recalled
    when any of its spans is, a predicted wording is a true positive when any
    of its spans is.  Shown next to the span counts, never instead of them.
    """
    def key(s: Span) -> tuple[str, str, str]:
        return s.file, s.category, " ".join(s.text.split()).lower()

    gold_all = {key(g) for g in result.recalled} | {key(g) for g in result.misses}
    gold_hit = {key(g) for g in result.recalled}
    pred_all = {key(p) for p in result.true_positives} | {key(p) for p in result.false_positives}
    pred_hit = {key(p) for p in result.true_positives}
    return CategoryCounts(predicted=len(pred_all), true_positive=len(pred_hit),
                          gold=len(gold_all), recalled=len(gold_hit))


def false_alarms_per_random(result: MatchResult, labels: LabelSet) -> tuple[int, int, dict[str, int]]:
    random_files = [f for f in labels.files if labels.selection[f].startswith("random")]
    per_file = {f: 0 for f in random_files}
    for p in result.false_positives:
        if p.file in per_file:
            per_file[p.file] += 1
    return sum(per_file.values()), len(random_files), per_file


def evaluate_targets(result: MatchResult, fa_rate: float | None) -> list[tuple[str, bool]]:
    overall = result.overall
    checks = [
        (f"overall precision >= {TARGET_PRECISION}", (overall.precision or 0.0) >= TARGET_PRECISION),
        (f"overall recall >= {TARGET_RECALL}", (overall.recall or 0.0) >= TARGET_RECALL),
    ]
    low = []
    for cat, c in sorted(result.per_category.items()):
        for name, value in (("precision", c.precision), ("recall", c.recall)):
            # a category without predictions has no precision; without gold, no recall
            if value is not None and value < TARGET_CATEGORY_MIN:
                low.append(f"{cat} {name} {value:.2f}")
    checks.append((f"no category below {TARGET_CATEGORY_MIN}" + (f" (low: {', '.join(low)})" if low else ""),
                   not low))
    checks.append((f"false alarms per random vacancy <= {TARGET_FALSE_ALARMS_PER_RANDOM}",
                   fa_rate is not None and fa_rate <= TARGET_FALSE_ALARMS_PER_RANDOM))
    return checks


def report(result: MatchResult, labels: LabelSet, docs: list[dict], warnings: list[str],
           verbose: bool, out=sys.stdout) -> None:
    w = out.write
    w(f"vacaturelint quality: {len(labels.files)} labelled vacancies, {len(labels.gold)} gold findings, "
      f"{len(labels.silent)} silent look-alikes\n\n")
    w(f"{'category':<15} {'pred':>5} {'TP':>5} {'FP':>5} {'gold':>5} {'found':>5} {'FN':>5} "
      f"{'prec':>5} {'rec':>5} {'F1':>5}\n")
    cats = list(CATEGORIES) + sorted(set(result.per_category) - set(CATEGORIES))
    for cat in cats:
        c = result.per_category.get(cat, CategoryCounts())
        w(f"{cat:<15} {c.predicted:>5} {c.true_positive:>5} {c.false_positive:>5} {c.gold:>5} "
          f"{c.recalled:>5} {c.false_negative:>5} {_fmt(c.precision)} {_fmt(c.recall)} {_fmt(c.f1)}\n")
    o = result.overall
    w(f"{'overall':<15} {o.predicted:>5} {o.true_positive:>5} {o.false_positive:>5} {o.gold:>5} "
      f"{o.recalled:>5} {o.false_negative:>5} {_fmt(o.precision)} {_fmt(o.recall)} {_fmt(o.f1)}\n")
    u = once_per_text(result)
    w(f"{'(once per text)':<15} {u.predicted:>5} {u.true_positive:>5} {u.false_positive:>5} {u.gold:>5} "
      f"{u.recalled:>5} {u.false_negative:>5} {_fmt(u.precision)} {_fmt(u.recall)} {_fmt(u.f1)}\n\n")

    fa_total, n_random, per_file = false_alarms_per_random(result, labels)
    fa_rate = fa_total / n_random if n_random else None
    w(f"false alarms on random vacancies: {fa_total} over {n_random} files = "
      f"{'n/a' if fa_rate is None else f'{fa_rate:.2f}'} per vacancy\n")

    silent_hits = [(s, p) for s in labels.silent for p in result.false_positives if p.overlaps(s)]
    w(f"silent look-alikes hit by a false positive: {len({id(s) for s, _ in silent_hits})} "
      f"of {len(labels.silent)}\n")
    agree = sum(1 for p, g in result.pairs if p.severity == g.severity)
    if result.pairs:
        w(f"severity agreement on matched pairs: {agree}/{len(result.pairs)}\n")

    expected_docs = {(f, d) for f, ds in labels.document.items() for d in ds}
    if expected_docs or docs:
        found = 0
        for f, d in sorted(expected_docs):
            if any(x["file"] == f and (d in str(x.get("rule", "")) or d in str(x.get("name", "")))
                   for x in docs):
                found += 1
        w(f"document-level expectations met: {found}/{len(expected_docs)}; "
          f"document findings reported: {len(docs)}\n")
    if warnings:
        w(f"warnings about linter output: {len(warnings)}" + (" (see --verbose)" if not verbose else "") + "\n")

    w("\ntargets (issue 3):\n")
    for name, ok in evaluate_targets(result, fa_rate):
        w(f"  [{'met' if ok else 'NOT met'}] {name}\n")

    if verbose:
        if warnings:
            w("\nwarnings:\n")
            for msg in warnings:
                w(f"  {msg}\n")
        w(f"\nfalse positives ({len(result.false_positives)}):\n")
        for p in sorted(result.false_positives, key=lambda s: (s.file, s.start)):
            note = ""
            for s, q in silent_hits:
                if q is p:
                    note = f"  [silent: {s.why}]"
                    break
            w(f"  {p.file}:{p.start}-{p.end} {p.category} [{p.rule}] {p.text!r}{note}\n")
        w(f"\nmisses ({len(result.misses)}):\n")
        for g in sorted(result.misses, key=lambda s: (s.file, s.start)):
            w(f"  {g.file}:{g.start}-{g.end} {g.category}/{g.severity} {g.text!r}  ({g.why})\n")
        if n_random:
            w("\nfalse alarms per random vacancy:\n")
            for f, n in sorted(per_file.items()):
                if n:
                    w(f"  {f}: {n}\n")
        missing_docs = [(f, d) for f, d in sorted(expected_docs)
                        if not any(x["file"] == f and (d in str(x.get("rule", "")) or d in str(x.get("name", "")))
                                   for x in docs)]
        if missing_docs:
            w("\nmissed document-level expectations:\n")
            for f, d in missing_docs:
                w(f"  {f}: {d}\n")


# ---------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus root (default ../shared/corpus)")
    ap.add_argument("--model", default=None, help="spaCy model name or path "
                    "(default: $VACATURELINT_MODEL, else the stand-in in ../shared/models)")
    ap.add_argument("--labels", type=Path, default=LABEL_DIR, help="label directory")
    ap.add_argument("--predictions", type=Path, default=None,
                    help="read linter JSON from this file instead of running the linter")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every false positive and miss")
    args = ap.parse_args(argv)

    corpus = args.corpus.resolve()
    try:
        labels = load_labels(args.labels, corpus)
    except ValueError as exc:
        print(f"quality: {exc}", file=sys.stderr)
        return 2

    paths = [corpus / f for f in labels.files]
    texts = {}
    for f in labels.files:
        with open(corpus / f, encoding="utf-8", newline="") as fh:
            texts[f] = fh.read()
    path_to_file = {(corpus / f).resolve(): f for f in labels.files}

    try:
        if args.predictions:
            findings = json.loads(args.predictions.read_text(encoding="utf-8"))
        else:
            findings = run_linter(paths, args.model or default_model())
    except (LinterError, OSError, json.JSONDecodeError) as exc:
        print(f"quality: {exc}", file=sys.stderr)
        return 2

    predicted, docs, warnings = predictions_from_json(findings, path_to_file, texts)
    result = match(labels.gold, predicted)
    report(result, labels, docs, warnings, args.verbose)
    return 0
