"""Differential check of the first pass: findings of the selective path (only the
blocks a rule can match get the pipeline) against the full pipeline, ad by ad.

Usage: python bench/differential.py [--limit N] [--model MODEL] [--show K]
Reads ../shared/feed/vacatures-2021.jsonl (every ad, or the first N) and prints the
share of ads with identical findings (target >= 99.5 %), the share of blocks the
pipeline analysed, and the first K differences.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FEED = ROOT.parent / "shared" / "feed" / "vacatures-2021.jsonl"
STAND_IN = ROOT.parent / "shared" / "models" / "nl_ud_selftrained_sm-0.1.0"
TARGET = 0.995


def feed_sources(limit: int | None, path: Path = FEED):
    from vacaturelint.source import Source

    sources = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            ad = json.loads(line)
            sources.append(Source(path=f"{ad['id']}.txt", text=ad["text"], kind="plain"))
            if limit and len(sources) >= limit:
                break
    return sources


def key(finding) -> tuple:
    return (finding.rule, finding.start, finding.end, finding.severity, finding.message, finding.note)


def compare(model: str, sources, chunk: int = 100):
    """(ads with equal findings, differences [(path, only full, only selective)])."""
    from vacaturelint.engine import Linter, Options

    full = Linter(Options(model=model, isolated=True, selective=False))
    selective = Linter(Options(model=model, isolated=True, selective=True))
    equal, differences = 0, []
    for i in range(0, len(sources), chunk):
        part = sources[i:i + chunk]
        for a, b in zip(full.lint_sources(part), selective.lint_sources(part)):
            fa, fb = {key(f) for f in a.findings}, {key(f) for f in b.findings}
            if fa == fb and a.error == b.error:
                equal += 1
            else:
                differences.append((a.path, sorted(fa - fb), sorted(fb - fa)))
    return equal, differences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N ads")
    parser.add_argument("--model", default=os.environ.get("VACATURELINT_MODEL") or str(STAND_IN))
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    sources = feed_sources(args.limit)
    started = time.perf_counter()
    equal, differences = compare(args.model, sources)
    share = equal / len(sources)
    print(f"{len(sources)} ads: identical findings in {equal} ({share:.2%}; target >= {TARGET:.1%}) "
          f"{'OK' if share >= TARGET else 'MISSED'}  [{time.perf_counter() - started:.0f} s]")
    for path, only_full, only_selective in differences[:args.show]:
        print(f"  {path}: only full {only_full}; only selective {only_selective}")
    return 0 if share >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
