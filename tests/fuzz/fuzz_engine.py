"""Fuzz the engine and the CLI reader for as long as asked.

    python tests/fuzz/fuzz_engine.py --seconds 60 [--seed N]

Inputs: mutations of the real corpus texts (read at run time from
../shared/corpus, never copied into the repository), random markup, and random
bytes through the same reader the CLI uses. Invariants: no exception, every
finding inside the text with text[start:end] == finding.text and line/column
consistent with LSP line ends, the same output twice. Prints how many inputs it
tried and every failure; exit 1 when something failed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.stand_in import use_stand_in  # noqa: E402

use_stand_in()
CORPUS = ROOT.parent / "shared" / "corpus" / "vacatures"

PIECES = ["<div>", "</div>", "<p>", "</p>", "<li>", "<!--", "-->", "<!-- vacaturelint-disable LFT001 -- r -->",
          "<!-- vacaturelint-disable-next-line -->", "&amp;", "&#128512;", "&bogus;", "# ", "- ", "* ", "**", "`",
          "```\n", "[", "](", ")", "|", "\n", "\r\n", "\r", "\u2028", "\x00", "\ufeff", "😀", "één", "’",
          " jonge collega ", " maximaal 35 jaar ", " (m/v) ", " moedertaal ", "<script>", "</script>"]


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(5)
        pos = rng.randint(0, len(text))
        if op == 0:
            text = text[:pos] + rng.choice(PIECES) + text[pos:]
        elif op == 1:
            text = text[:pos] + text[pos + rng.randint(1, 50):]
        elif op == 2:
            text = text[:pos] + "".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(1, 10))) + text[pos:]
        elif op == 3:
            text = text.replace("\n", rng.choice(["\r\n", "\r", "\u2028", "\n\n"]))
        else:
            piece = text[pos:pos + rng.randint(1, 200)]
            text = text[:pos] + piece * rng.randint(2, 20) + text[pos:]
    return text


def random_markup(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) if rng.random() < 0.6 else rng.choice(["tekst ", "Wij ", "zoeken ", "een "])
                   for _ in range(rng.randint(0, 300)))


def check(linter, text: str, kind: str) -> None:
    from vacaturelint.lineindex import LineIndex

    first = linter.lint_text(text, "fuzz", kind).findings
    index = LineIndex(text)
    for f in first:
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start:f.end] == f.text, f
        assert index.offset(f.line - 1, f.column - 1) == f.start, f
        assert index.offset(f.end_line - 1, f.end_column - 1) == f.end, f
    again = linter.lint_text(text, "fuzz", kind).findings
    assert [(f.start, f.end, f.rule) for f in first] == [(f.start, f.end, f.rule) for f in again], "not deterministic"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    rng = random.Random(seed)

    from vacaturelint.engine import Linter, Options
    from vacaturelint.errors import InputError
    from vacaturelint.source import source_from_bytes

    linter = Linter(Options(isolated=True))
    corpus = sorted(CORPUS.glob("*")) if CORPUS.is_dir() else []
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in corpus]
    print(f"seed {seed}; {len(texts)} corpus texts; {args.seconds:g} s", flush=True)
    tried = failures = 0
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        source = rng.randrange(3)
        kind = rng.choice(["plain", "markdown", "html"])
        if source == 0 and texts:
            what, text = "corpus", mutate(rng, rng.choice(texts))
        elif source == 1:
            what, text = "markup", random_markup(rng)
        else:
            data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 400)))
            what = "bytes"
            try:
                text = source_from_bytes(data, "fuzz.txt").text
            except InputError as error:
                tried += 1
                if "\n" in str(error) or not str(error).startswith("fuzz.txt: "):
                    failures += 1
                    print(f"FAIL bytes {data!r}: bad error line {error!r}", flush=True)
                continue
        tried += 1
        try:
            check(linter, text, kind)
        except Exception:  # noqa: BLE001 - every failure is reported with its input
            failures += 1
            print(f"FAIL {what} {kind} input={text[:300]!r}...\n{traceback.format_exc()}", flush=True)
    print(f"tried {tried} inputs, {failures} failure(s)", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
