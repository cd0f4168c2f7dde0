"""Building a report over many files with bounded memory.

Files are linted in chunks of :data:`CHUNK` (one ``lint_sources`` call, so one
``nlp.pipe``, per chunk); each vacancy is rendered right away and its HTML written
to a temporary file, so only the small per-vacancy summaries stay in memory. The
page is assembled at the end (overview first) and moved into place atomically.

With more than a few chunks, chunks go to worker processes (worker.py; ``fork``:
they inherit the pipeline the first chunk loaded in this process, so no model
reload), at most ``2 * workers`` chunks in flight, results written in input order.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import tempfile
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass

import click

from vacaturelint import app, atomic, parallel
from vacaturelint.htmlreport import worker
from vacaturelint.htmlreport.chunk import Job, lint_chunk
from vacaturelint.htmlreport.html import Summary, page_head, page_tail

CHUNK = 50
MIN_CHUNKS_FOR_WORKERS = 3  # below this a second process costs more than it saves


@dataclass
class Outcome:
    summaries: list[Summary]
    errors: list[str]
    workers: int


def auto_workers(chunks: int) -> int:
    """Workers for ``chunks`` chunks: one below MIN_CHUNKS_FOR_WORKERS (or without fork),
    else the same automatic number as ``check -j 0`` (parallel.auto_processes)."""
    if chunks < MIN_CHUNKS_FOR_WORKERS or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return parallel.auto_processes()


def build(session: app.Session, jobs: list[Job], output: str, title: str, info: str, workers: int | None = None,
          progress: bool | None = None, on_message=None) -> Outcome:
    """Lint ``jobs`` and write the report to ``output``. Raises VacaturelintError
    (config, rules, model) before anything is written."""
    chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    n = _worker_count(len(chunks), workers)
    open_ = len(jobs) == 1
    show = sys.stderr.isatty() if progress is None else progress
    summaries: list[Summary] = []
    errors: list[str] = []
    directory = os.path.dirname(os.path.abspath(output)) or "."
    body = tempfile.TemporaryFile(mode="w+", encoding="utf-8", dir=directory, prefix=".vacaturelint-")  # noqa: SIM115 (closed by the with below)
    bar = click.progressbar(length=len(jobs), label="Vacatures controleren", file=sys.stderr,
                            show_pos=True, show_eta=True) if show else nullcontext()
    with body, bar as tracker:
        for result, count in _results(session, chunks, n, open_):
            for summary, fragment in result.rendered:
                summaries.append(summary)
                body.write(fragment)
            errors.extend(result.errors)
            for message in result.messages:
                if on_message:
                    on_message(message)
            if show:
                tracker.update(count)
        body.seek(0)
        _write_page(output, title, info, summaries, body)
    return Outcome(summaries=summaries, errors=errors, workers=n if len(chunks) > 1 and n > 1 else 1)


def _worker_count(chunks: int, workers: int | None) -> int:
    n = workers if workers is not None else auto_workers(chunks)
    return max(1, min(n, chunks - 1 if chunks > 1 else 1))


def _results(session: app.Session, chunks: list[list[Job]], n: int, open_: bool):
    """(ChunkResult, number of files) per chunk, in input order."""
    if not chunks:
        return
    # The first chunk runs here: it loads the model (errors surface before any
    # worker starts) and forked workers inherit the loaded pipeline.
    yield lint_chunk(session, chunks[0], open_), len(chunks[0])
    rest = chunks[1:]
    if rest and n > 1:
        yield from _in_workers(session, rest, n, open_)
    else:
        for chunk in rest:
            yield lint_chunk(session, chunk, open_), len(chunk)


def _in_workers(session: app.Session, chunks: list[list[Job]], n: int, open_: bool):
    """Chunks linted by ``n`` forked workers, at most ``2 * n`` in flight."""
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=worker.start, initargs=(session,))
    try:
        pending: deque = deque()
        queue = iter(chunks)
        for chunk in queue:
            pending.append((pool.submit(worker.lint, chunk, open_), len(chunk)))
            if len(pending) >= 2 * n:
                break
        while pending:
            future, count = pending.popleft()
            yield future.result(), count
            chunk = next(queue, None)
            if chunk is not None:
                pending.append((pool.submit(worker.lint, chunk, open_), len(chunk)))
    except BaseException:
        # An error, Ctrl-C, SIGTERM or an abandoned page: end the workers now rather than
        # wait for their chunks (shutdown alone waits, and a killed parent left them orphaned).
        children = multiprocessing.active_children()
        for child in children:
            child.terminate()
        for child in children:
            child.join(timeout=5)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _write_page(output: str, title: str, info: str, summaries: list[Summary], body) -> None:
    with atomic.writing(output, prefix=".vacaturelint-rapport-", suffix=".html") as handle:
        handle.write(page_head(title, summaries, info))
        shutil.copyfileobj(body, handle)
        handle.write(page_tail())
