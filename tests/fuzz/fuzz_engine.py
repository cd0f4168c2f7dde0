"""Fuzz the engine and the CLI reader for as long as asked.

    python tests/fuzz/fuzz_engine.py --seconds 60 [--seed N] [--count N]

Inputs: mutations of the real corpus texts (read at run time from
../shared/corpus, never copied into the repository), random markup (with
suppression comments in code and attributes, and invisible characters), random
bytes through the same reader the CLI uses, and broken LSP framing. Invariants: no
exception, every finding inside the text with text[start:end] == finding.text and
line/column consistent with LSP line ends, no finding that starts or ends on an
invisible character, the same output twice; the LSP frame decoder still delivers a
well-framed message after any garbage, with bounded memory. Prints how many inputs
it tried and every failure; exit 1 when something failed.

``--count N`` stops after N inputs (with ``--seed``: the same inputs every run; CI
uses this, tests/fuzz/test_fuzz_ci.py).
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
          " jonge collega ", " maximaal 35 jaar ", " (m/v) ", " moedertaal ", "<script>", "</script>",
          "\u200b", "\u200d", "\u00ad", "\ufeff", "\u2060", "&#8203;", "&shy;", " jon\u200bge col\u00adlega ",
          "<textarea>", "</textarea>", "<a title=\"", "\">", "    ", "---\n", "~~~\n",
          "<!-- vacaturelint-disable-file -- \u200b -->"]


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
    from vacaturelint.extract.base import INVISIBLE
    from vacaturelint.lineindex import LineIndex

    first = linter.lint_text(text, "fuzz", kind).findings
    index = LineIndex(text)
    for f in first:
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start:f.end] == f.text, f
        assert index.offset(f.line - 1, f.column - 1) == f.start, f
        assert index.offset(f.end_line - 1, f.end_column - 1) == f.end, f
        if f.end > f.start:
            assert not INVISIBLE.match(text, f.start) and not INVISIBLE.match(text, f.end - 1), f
    again = linter.lint_text(text, "fuzz", kind).findings
    assert [(f.start, f.end, f.rule) for f in first] == [(f.start, f.end, f.rule) for f in again], "not deterministic"


def check_framing(rng: random.Random) -> None:
    """Random bytes and broken headers, then one well-framed message: it arrives."""
    from vacaturelint.lsp.framing import FrameDecoder, Message

    good = b'{"jsonrpc": "2.0", "method": "initialized", "params": {}}'
    parts = []
    for _ in range(rng.randint(0, 6)):
        choice = rng.randrange(4)
        if choice == 0:
            parts.append(bytes(rng.randrange(256) for _ in range(rng.randint(0, 300))))
        elif choice == 1:
            parts.append(b"Content-Length: %d\r\n\r\n" % rng.choice([0, 3, 10**12, rng.randint(0, 500)]) + good)
        elif choice == 2:
            parts.append(rng.choice([b"Content-Length: abc\r\n\r\n", b"\r\n\r\n", b"Content-Length:", good]))
        else:
            parts.append(b"Content-Length: %d\r\n\r\n" % len(good) + good)
    # The message after the noise: ends the noise with a separator no header can swallow.
    stream = b"".join(parts) + b"\r\n\r\n" + b"Content-Length: %d\r\n\r\n" % len(good) + good
    decoder = FrameDecoder(max_body=1000)
    frames = []
    step = rng.choice([1, 2, 7, 64, len(stream) or 1])
    for i in range(0, len(stream), step):
        frames += decoder.feed(stream[i:i + step])
        assert len(decoder.buffer) <= step + 10_000, len(decoder.buffer)
    assert frames and isinstance(frames[-1], Message) and frames[-1].body == good, (stream, frames[-3:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--count", type=int, default=None, help="stop after this many inputs")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    rng = random.Random(seed)

    from vacaturelint.engine import Linter, Options
    from vacaturelint.errors import InputError
    from vacaturelint.source import source_from_bytes

    linter = Linter(Options(isolated=True))
    corpus = sorted(CORPUS.glob("*")) if CORPUS.is_dir() else []
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in corpus]
    budget = f"{args.count} inputs" if args.count is not None else f"{args.seconds:g} s"
    print(f"seed {seed}; {len(texts)} corpus texts; {budget}", flush=True)
    tried = failures = 0
    deadline = time.monotonic() + args.seconds
    while (tried < args.count) if args.count is not None else (time.monotonic() < deadline):
        source = rng.randrange(4)
        if source == 3:
            tried += 1
            try:
                check_framing(rng)
            except Exception:  # noqa: BLE001
                failures += 1
                print(f"FAIL framing\n{traceback.format_exc()}", flush=True)
            continue
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
