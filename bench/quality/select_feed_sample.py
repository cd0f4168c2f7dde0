"""Draw the blind held-out sample of feed ads (issue 16): N random ads from
../shared/feed/vacatures-2021.jsonl that are in no existing label set.

An ad counts as "in an existing set" when its normalised text equals, contains or is
contained in the text of any file in ../shared/corpus (the labelled sets are drawn
from the corpus; the corpus and the feed come from the same scrape). Deterministic:
the same seed gives the same ids. Prints one id per line.

    python bench/quality/select_feed_sample.py --n 60 --seed 16 > bench/quality/heldout-feed/SAMPLE
    python bench/quality/select_feed_sample.py --n 80 --seed 17 \
        --exclude bench/quality/heldout-feed/SAMPLE > bench/quality/dev-feed/SAMPLE
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--feed", default=str(SHARED / "feed" / "vacatures-2021.jsonl"))
    parser.add_argument("--corpus", default=str(SHARED / "corpus"))
    parser.add_argument("--exclude", action="append", default=[],
                        help="file with feed ids (one per line) already in a set; may be repeated")
    args = parser.parse_args()
    excluded = {line.strip() for name in args.exclude
                for line in Path(name).read_text(encoding="utf-8").splitlines() if line.strip()}
    corpus = [normalise(p.read_text(encoding="utf-8")) for p in sorted(Path(args.corpus, "vacatures").glob("*.txt"))]
    keys = {c[:200] for c in corpus}
    ids = []
    with open(args.feed, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in excluded:
                continue
            text = normalise(record["text"])
            if text[:200] in keys or any(text in c or c in text for c in corpus):
                continue
            ids.append(record["id"])
    for ad_id in random.Random(args.seed).sample(sorted(ids), args.n):
        print(ad_id)


if __name__ == "__main__":
    main()
