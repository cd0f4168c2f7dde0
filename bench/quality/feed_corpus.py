"""Lay out feed ads as a label corpus, so labeltool.py and measure.py (python -m bench.quality) work on them
unchanged: ``<out>/vacatures/feed-<id>.txt`` (the record's text, exactly) plus
``<out>/index.jsonl`` (the record's metadata, ``selection: random:feed``).

The texts stay outside the repository (default ``build/feed-corpus``, git-ignored).

    python bench/quality/feed_corpus.py                      # ids from heldout-feed/SAMPLE
    python bench/quality/labeltool.py --corpus build/feed-corpus find vacatures/feed-<id>.txt "jong"
    python -m bench.quality --labels bench/quality/heldout-feed --corpus build/feed-corpus
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FEED = ROOT.parent / "shared" / "feed" / "vacatures-2021.jsonl"
SAMPLE = Path(__file__).resolve().parent / "heldout-feed" / "SAMPLE"
OUT = ROOT / "build" / "feed-corpus"


def build(ids: list[str], feed: Path = FEED, out: Path = OUT) -> Path:
    wanted = set(ids)
    (out / "vacatures").mkdir(parents=True, exist_ok=True)
    records = {}
    with open(feed, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                records[record["id"]] = record
    missing = wanted - records.keys()
    if missing:
        raise SystemExit(f"feed_corpus: ids not in {feed}: {', '.join(sorted(missing))}")
    with open(out / "index.jsonl", "w", encoding="utf-8") as index:
        for ad_id in ids:
            record = records[ad_id]
            rel = f"vacatures/feed-{ad_id}.txt"
            with open(out / rel, "w", encoding="utf-8", newline="") as handle:
                handle.write(record["text"])
            meta = {k: v for k, v in record.items() if k != "text"}
            index.write(json.dumps({"file": rel, **meta, "selection": "random:feed"}, ensure_ascii=False) + "\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ids", type=Path, default=SAMPLE, help="file with one feed id per line")
    parser.add_argument("--feed", type=Path, default=FEED)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    ids = [line.strip() for line in args.ids.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(build(ids, args.feed, args.out))


if __name__ == "__main__":
    main()
