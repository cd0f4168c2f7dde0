#!/usr/bin/env python
"""How far two labellers agree: one labeller's findings scored against the other's.

    python -m bench.quality.agreement --first DIR --second DIR [--corpus DIR] [--verbose]

Both directories hold label files in the format of bench/quality/README.md for (partly) the
same ads.  Only ads labelled in both are compared.  The second labeller's findings are scored
as if they were linter predictions against the first labeller's findings, with the same
overlap-and-category matching as ``python -m bench.quality``: "precision" is the share of the
second labeller's spans that the first also flagged, "recall" the share of the first
labeller's spans the second also flagged.  This is the ceiling a linter can expect on labels
made by one person: a target above it asks the linter to agree with one labeller more than
two labellers agree with each other.

Exit status: 0 after a comparison, 2 when the labels are invalid or no ad is in both sets.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench.quality.measure import DEFAULT_CORPUS, LabelSet, Span, load_labels, match, report


def common_part(labels: LabelSet, files: set[str]) -> LabelSet:
    """The part of a label set that covers only ``files``."""
    return LabelSet(
        files=[f for f in labels.files if f in files],
        selection={f: s for f, s in labels.selection.items() if f in files},
        gold=[g for g in labels.gold if g.file in files],
        silent=[s for s in labels.silent if s.file in files],
        document={f: d for f, d in labels.document.items() if f in files},
    )


def as_predictions(labels: LabelSet) -> list[Span]:
    return [Span(g.file, g.start, g.end, g.category, g.text, rule="labeller", severity=g.severity)
            for g in labels.gold]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--first", type=Path, required=True, help="label directory of the first labeller")
    ap.add_argument("--second", type=Path, required=True, help="label directory of the second labeller")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus root (default ../shared/corpus)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every disagreement")
    args = ap.parse_args(argv)
    try:
        first = load_labels(args.first, args.corpus)
        second = load_labels(args.second, args.corpus)
    except ValueError as exc:
        print(f"agreement: {exc}", file=sys.stderr)
        return 2
    both = set(first.files) & set(second.files)
    if not both:
        print("agreement: no ad is labelled in both directories", file=sys.stderr)
        return 2
    first, second = common_part(first, both), common_part(second, both)
    result = match(first.gold, as_predictions(second))
    print(f"second labeller ({args.second}) scored against first ({args.first}) on {len(both)} ads\n")
    report(result, first, [], [], args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
