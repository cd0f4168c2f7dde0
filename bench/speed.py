"""Speed of vacaturelint against spaCy itself, in one run.

(a) start-up: wall time of ``vacaturelint check`` on one vacancy (a subprocess, median
    of N runs) against the floor ``python -c "import spacy; spacy.load(MODEL)"``.
    Target: ratio <= 1.1.
(b) throughput: words per second of the engine (one ``Linter.lint_sources`` call,
    in-process, model already loaded, one process) against bare ``nlp.pipe`` over the
    same texts with the same model (CPU seconds of the one process, so a busy machine does
    not skew it), on all of ../shared/corpus/vacatures and on the
    first --feed ads of ../shared/feed. Target: ratio >= 2.0 (the first pass analyses
    only the blocks a rule can match).
    For information it also times bare ``nlp.pipe`` over the extracted blocks the
    engine feeds spaCy (paragraphs, which spaCy processes faster than whole texts)
    and one ``vacaturelint check --format json`` subprocess over the whole corpus
    (start-up included).

Usage: python bench/speed.py [--runs N] [--file VACANCY] [--feed N] [--skip-startup | --startup-only] [--model MODEL]
The model defaults to $VACATURELINT_MODEL, else the stand-in in ../shared/models.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import stand_in  # bench/stand_in.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "vacatures"
FEED = SHARED / "feed" / "vacatures-2021.jsonl"
TARGET_STARTUP = 1.1
TARGET_THROUGHPUT = 2.0


def _timed(cmd: list[str], env: dict[str, str], ok=(0, 1)) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    if done.returncode not in ok:
        sys.exit(f"speed: {' '.join(cmd[:4])} ... failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return seconds


def _words(text: str) -> int:
    return len(text.split())


def startup(model: str, vacancy: Path, runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall times of the CLI on one vacancy and of the bare model load (interleaved)."""
    check = [sys.executable, "-m", "vacaturelint", "check", "--isolated", str(vacancy)]
    floor = [sys.executable, "-c", f"import spacy; spacy.load({model!r})"]
    _timed(check, env), _timed(floor, env, ok=(0,))  # warm the file cache
    ours, bare = [], []
    for _ in range(runs):
        ours.append(_timed(check, env))
        bare.append(_timed(floor, env, ok=(0,)))
    return statistics.median(ours), statistics.median(bare)


def feed_sources(limit: int):
    """The first ``limit`` ads of ../shared/feed as plain-text sources."""
    import json

    from vacaturelint.source import Source

    sources = []
    with FEED.open(encoding="utf-8") as fh:
        for line in fh:
            ad = json.loads(line)
            sources.append(Source(path=f"{ad['id']}.txt", text=ad["text"], kind="plain"))
            if len(sources) >= limit:
                break
    return sources


def throughput(model: str, sources, rounds: int) -> tuple[int, float, float, float]:
    """(words, best seconds of: the engine, bare nlp.pipe over the file texts, bare
    nlp.pipe over the engine's extracted blocks) over all sources."""
    import spacy

    from vacaturelint.engine import Linter, Options
    from vacaturelint.extract import extract

    texts = [s.text for s in sources]
    words = sum(map(_words, texts))
    blocks = [b.text for s in sources for b in extract(s)[1].blocks]

    linter = Linter(Options(model=model, isolated=True))
    linter.lint_sources(sources[:1])  # load the model and compile the rules
    nlp = spacy.load(model)
    list(nlp.pipe(texts[:1]))

    # CPU time of this one process: on a shared machine the wall clock mostly measures
    # the neighbours; both sides run in the same process, one core, one after the other.
    engine_times, bare_times, block_times = [], [], []
    for _ in range(rounds):
        started = time.process_time()
        results = linter.lint_sources(sources)
        engine_times.append(time.process_time() - started)
        started = time.process_time()
        for _doc in nlp.pipe(texts):
            pass
        bare_times.append(time.process_time() - started)
        started = time.process_time()
        for _doc in nlp.pipe(blocks):
            pass
        block_times.append(time.process_time() - started)
    assert len(results) == len(sources)
    return words, min(engine_times), min(bare_times), min(block_times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per command for (a) (median)")
    parser.add_argument("--rounds", type=int, default=2, help="passes over the corpus for (b) (best)")
    parser.add_argument("--file", type=Path, help="vacancy for (a); default: the median-sized corpus file")
    parser.add_argument("--feed", type=int, default=600, help="ads of ../shared/feed for (b) (first N)")
    parser.add_argument("--skip-startup", action="store_true", help="only (b)")
    parser.add_argument("--startup-only", action="store_true", help="only (a)")
    parser.add_argument("--model", default=stand_in.model())
    args = parser.parse_args()

    model = str(Path(args.model).resolve()) if Path(args.model).exists() else args.model
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        sys.exit(f"speed: no vacancies in {CORPUS}")
    vacancy = args.file or sorted(files, key=lambda f: f.stat().st_size)[len(files) // 2]
    env = {**os.environ, "VACATURELINT_MODEL": model, "PYTHONPATH": str(ROOT)}
    sys.path.insert(0, str(ROOT))

    print(f"model: {model}")
    ratio_a = 0.0
    if not args.skip_startup:
        ratio_a = _report_startup(model, vacancy, args.runs, env)
    if args.startup_only:
        return 0 if ratio_a <= TARGET_STARTUP else 1

    from vacaturelint.source import read_source

    ratio_b = 0.0
    for label, sources in ((f"corpus ({len(files)} vacancies)", [read_source(str(f)) for f in files]),
                           (f"feed sample (first {args.feed} ads)", feed_sources(args.feed))):
        ratio_b = _report_throughput(label, model, sources, args.rounds)

    whole = _timed([sys.executable, "-m", "vacaturelint", "check", "--isolated", "--format", "json", str(CORPUS)],
                   env)
    words = sum(_words(f.read_text(encoding="utf-8")) for f in files)
    print(f"    for information: one 'vacaturelint check --format json' over the corpus, start-up included: "
          f"{whole:.2f} s, {words / whole:,.0f} words/s")
    return 0 if ratio_a <= TARGET_STARTUP and ratio_b >= TARGET_THROUGHPUT else 1


def _report_startup(model: str, vacancy: Path, runs: int, env: dict[str, str]) -> float:
    ours, floor = startup(model, vacancy, runs, env)
    ratio_a = ours / floor
    print(f"(a) vacaturelint check {vacancy.name} ({_words(vacancy.read_text(encoding='utf-8'))} words): "
          f"{ours:.2f} s; floor import spacy + spacy.load: {floor:.2f} s; "
          f"ratio {ratio_a:.2f} (target <= {TARGET_STARTUP}) {'OK' if ratio_a <= TARGET_STARTUP else 'MISSED'}"
          f"  [median of {runs}]")
    return ratio_a


def _report_throughput(label: str, model: str, sources, rounds: int) -> float:
    words, engine_s, bare_s, blocks_s = throughput(model, sources, rounds)
    ratio_b = (words / engine_s) / (words / bare_s)
    print(f"(b) {label}, {words} words: engine {words / engine_s:,.0f} words/s "
          f"({engine_s:.2f} s); bare nlp.pipe {words / bare_s:,.0f} words/s ({bare_s:.2f} s); "
          f"ratio {ratio_b:.2f} (target >= {TARGET_THROUGHPUT}) {'OK' if ratio_b >= TARGET_THROUGHPUT else 'MISSED'}"
          f"  [best of {rounds}]")
    print(f"    for information: bare nlp.pipe over the engine's extracted blocks (paragraphs) "
          f"{words / blocks_s:,.0f} words/s ({blocks_s:.2f} s): the engine against that "
          f"{engine_s - blocks_s:+.2f} s")
    return ratio_b


if __name__ == "__main__":
    sys.exit(main())
