#!/usr/bin/env python
"""Edit-to-diagnostics latency of ``vacaturelint lsp`` against one bare ``nlp()`` call.

    python bench/lsp_latency.py [--file VACANCY] [--edits 80] [--model PATH]

Starts the real server (``python -m vacaturelint lsp``) over stdio with ``debounceMs: 0``
(so the debounce is excluded), opens a ~600-word vacancy from ../shared/corpus (the one
closest to 600 words; read at run time, never copied) and makes many one-word edits,
one at a time. For each edit it measures the time from sending ``didChange`` to
receiving ``publishDiagnostics`` for that document version. In the same run it times
one bare ``nlp(text)`` on the whole text with the same pipeline (median of several
calls) and a full re-lint without the per-block Doc cache.

Target (issue 5): median edit-to-diagnostics below the bare full-text ``nlp()`` time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "vacatures"
sys.path.insert(0, str(REPO_ROOT))

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from bench.stand_in import model as default_model  # noqa: E402
from vacaturelint.lineindex import LineIndex  # noqa: E402

REPLACEMENTS = ("collega", "team", "organisatie")


def pick_vacancy(words: int = 600) -> Path:
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        raise SystemExit(f"geen vacatures gevonden in {CORPUS}; geef --file")
    return min(files, key=lambda p: (abs(len(p.read_text(encoding="utf-8").split()) - words), p.name))


def word_spans(text: str) -> list[tuple[int, int]]:
    import re

    return [m.span() for m in re.finditer(r"[A-Za-zÀ-ÿ]{4,}", text)]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


async def measure_lsp(text: str, edits: int, model: str) -> tuple[list[float], float]:
    client = LanguageClient("lsp-latency", "1")
    published: dict[int, float] = {}
    arrived = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: types.PublishDiagnosticsParams):
        published[params.version] = time.perf_counter()
        arrived.set()

    @client.feature(types.WINDOW_SHOW_MESSAGE)
    def on_message(params: types.ShowMessageParams):
        print(f"server: {params.message}", file=sys.stderr)

    env = {**os.environ, "VACATURELINT_MODEL": model, "PYTHONPATH": str(REPO_ROOT)}
    await client.start_io(sys.executable, "-m", "vacaturelint", "lsp", env=env)
    workdir = Path(tempfile.mkdtemp(prefix="lsp-latency-"))
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=workdir.as_uri(),
        initialization_options={"debounceMs": 0}))
    client.initialized(types.InitializedParams())

    async def wait_version(version: int, timeout: float = 120) -> float:
        deadline = time.perf_counter() + timeout
        while version not in published:
            arrived.clear()
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise SystemExit(f"geen diagnostiek voor versie {version} binnen {timeout} s")
            try:
                await asyncio.wait_for(arrived.wait(), remaining)
            except TimeoutError:
                pass
        return published[version]

    uri = (workdir / "vacature.txt").as_uri()
    start = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="plaintext", version=1, text=text)))
    first = await wait_version(1) - start

    spans = word_spans(text)
    step = max(1, len(spans) // (edits + 5))
    latencies: list[float] = []
    current = text
    version = 1
    for i in range(edits + 5):  # the first 5 are warm-up
        # One word, spread over the whole text; positions recomputed on the current text.
        spans = word_spans(current)
        s, e = spans[(i * step) % len(spans)]
        new = REPLACEMENTS[i % len(REPLACEMENTS)]
        index = LineIndex(current)
        (l1, c1), (l2, c2) = index.utf16_column(s), index.utf16_column(e)
        current = current[:s] + new + current[e:]
        version += 1
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=l1, character=c1),
                                  end=types.Position(line=l2, character=c2)), text=new)]))
        got = await wait_version(version)
        if i >= 5:
            latencies.append(got - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return latencies, first


def measure_nlp(text: str, model: str, repeats: int = 7) -> tuple[float, float]:
    """Median of bare nlp(text) with the server's pipeline, and of a full uncached lint."""
    os.environ["VACATURELINT_MODEL"] = model
    from vacaturelint.engine import Linter, Options

    linter = Linter(Options())
    config = linter.config_for(None)
    pipeline = linter.pipeline([linter.ruleset(config)], config)
    pipeline.nlp(text)  # warm-up
    bare = []
    for _ in range(repeats):
        t = time.perf_counter()
        pipeline.nlp(text)
        bare.append(time.perf_counter() - t)
    linter.lint_text(text, "vacature.txt", "plain")
    full = []
    for _ in range(repeats):
        t = time.perf_counter()
        linter.lint_text(text, "vacature.txt", "plain")
        full.append(time.perf_counter() - t)
    return statistics.median(bare), statistics.median(full)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, help="vacature (standaard: de corpustekst het dichtst bij 600 woorden)")
    parser.add_argument("--edits", type=int, default=80, help="aantal gemeten bewerkingen (standaard 80)")
    parser.add_argument("--model", default=default_model())
    args = parser.parse_args()
    path = args.file or pick_vacancy()
    text = path.read_text(encoding="utf-8")
    latencies, first = asyncio.run(measure_lsp(text, args.edits, args.model))
    bare, full = measure_nlp(text, args.model)
    median, p95 = statistics.median(latencies), percentile(latencies, 0.95)
    ms = 1000
    print(f"vacature: {path.name} ({len(text.split())} woorden, {len(text)} tekens); model: {args.model}")
    print(f"eerste diagnostiek na openen (incl. model laden): {first * ms:8.1f} ms")
    print(f"bewerking -> diagnostiek, {len(latencies)} bewerkingen van één woord (debounce 0):")
    print(f"  mediaan {median * ms:8.1f} ms   p95 {p95 * ms:8.1f} ms   max {max(latencies) * ms:8.1f} ms")
    print(f"kaal nlp() op de hele tekst (mediaan):            {bare * ms:8.1f} ms")
    print(f"volledige lint zonder Doc-cache (ter vergelijking): {full * ms:8.1f} ms")
    print(f"verhouding mediaan / nlp(): {median / bare:.2f}  p95 / nlp(): {p95 / bare:.2f}  "
          f"(doel: < 1) -> {'gehaald' if median < bare else 'NIET gehaald'}")


if __name__ == "__main__":
    main()
