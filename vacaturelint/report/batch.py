"""Building a report over many files with bounded memory.

Files are linted in chunks of :data:`CHUNK` (one ``lint_sources`` call, so one
``nlp.pipe``, per chunk); each vacancy is rendered right away and its HTML written
to a temporary file, so only the small per-vacancy summaries stay in memory. The
page is assembled at the end (overview first) and moved into place atomically.

With more than a few chunks, chunks go to worker processes (``fork``: they inherit
the pipeline the first chunk loaded in this process, so no model reload), at most
``2 * workers`` chunks in flight, results written in input order.
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
from dataclasses import dataclass, field

import click

from vacaturelint import app, atomic
from vacaturelint.findings import FileResult
from vacaturelint.report.html import Summary, page_head, page_tail, render_vacancy

CHUNK = 50
MAX_WORKERS = 4
MIN_CHUNKS_FOR_WORKERS = 3  # below this a second process costs more than it saves


@dataclass(frozen=True)
class Job:
    index: int
    target: app.Target


@dataclass
class ChunkResult:
    rendered: list[tuple[Summary, str]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # stderr lines (notes)
    errors: list[str] = field(default_factory=list)  # files that could not be checked


@dataclass
class Outcome:
    summaries: list[Summary]
    errors: list[str]
    workers: int


def auto_workers(chunks: int) -> int:
    if chunks < MIN_CHUNKS_FOR_WORKERS or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def lint_chunk(session: app.Session, jobs: list[Job], open_: bool) -> ChunkResult:
    out = ChunkResult()
    batch = app.Batch()
    indices = []
    unreadable: list[tuple[int, FileResult]] = []
    for job in jobs:
        loaded = app.load(session, job.target)
        batch.add(loaded)
        if loaded.error:
            unreadable.append((job.index, FileResult(path=job.target.path, error=loaded.error)))
        elif loaded.source is not None:
            indices.append(job.index)
    out.errors.extend(batch.errors)
    results = session.linter.lint_sources(batch.sources, batch.configs) if batch.sources else []
    rendered = [(index, render_vacancy(index, result, open_=open_)) for index, result in unreadable]
    for index, result in zip(indices, results):
        for note in result.notes:
            out.messages.append(f"vacaturelint: {result.path}: {note}")
        if result.error:
            out.errors.append(result.error)
        rendered.append((index, render_vacancy(index, result, open_=open_)))
    out.rendered = [item for _, item in sorted(rendered, key=lambda pair: pair[0])]
    return out


_WORKER_SESSION: app.Session | None = None


def _work(jobs: list[Job], open_: bool) -> ChunkResult:
    assert _WORKER_SESSION is not None
    return lint_chunk(_WORKER_SESSION, jobs, open_)


def build(session: app.Session, jobs: list[Job], output: str, title: str, info: str, workers: int | None = None,
          progress: bool | None = None, on_message=None) -> Outcome:
    """Lint ``jobs`` and write the report to ``output``. Raises VacaturelintError
    (config, rules, model) before anything is written."""
    global _WORKER_SESSION
    chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    n = workers if workers is not None else auto_workers(len(chunks))
    n = max(1, min(n, len(chunks) - 1 if len(chunks) > 1 else 1))
    open_ = len(jobs) == 1
    show = sys.stderr.isatty() if progress is None else progress
    summaries: list[Summary] = []
    errors: list[str] = []
    directory = os.path.dirname(os.path.abspath(output)) or "."
    body = tempfile.TemporaryFile(mode="w+", encoding="utf-8", dir=directory, prefix=".vacaturelint-")  # noqa: SIM115 (closed by the with below)
    bar = click.progressbar(length=len(jobs), label="Vacatures controleren", file=sys.stderr,
                            show_pos=True, show_eta=True) if show else nullcontext()

    def take(result: ChunkResult, count: int, tracker) -> None:
        for summary, fragment in result.rendered:
            summaries.append(summary)
            body.write(fragment)
        errors.extend(result.errors)
        for message in result.messages:
            if on_message:
                on_message(message)
        if tracker is not None:
            tracker.update(count)

    with body, bar as tracker:
        tracker = tracker if show else None
        if chunks:
            # The first chunk runs here: it loads the model (errors surface before any
            # worker starts) and forked workers inherit the loaded pipeline.
            take(lint_chunk(session, chunks[0], open_), len(chunks[0]), tracker)
        rest = chunks[1:]
        if rest and n > 1:
            _WORKER_SESSION = session
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=n, mp_context=context) as pool:
                pending: deque = deque()
                queue = iter(rest)
                for chunk in queue:
                    pending.append((pool.submit(_work, chunk, open_), len(chunk)))
                    if len(pending) >= 2 * n:
                        break
                while pending:
                    future, count = pending.popleft()
                    take(future.result(), count, tracker)
                    chunk = next(queue, None)
                    if chunk is not None:
                        pending.append((pool.submit(_work, chunk, open_), len(chunk)))
            _WORKER_SESSION = None
        else:
            for chunk in rest:
                take(lint_chunk(session, chunk, open_), len(chunk), tracker)
        body.seek(0)
        with atomic.writing(output, prefix=".vacaturelint-rapport-", suffix=".html") as handle:
            handle.write(page_head(title, summaries, info))
            shutil.copyfileobj(body, handle)
            handle.write(page_tail())
    return Outcome(summaries=summaries, errors=errors, workers=n if rest_used(chunks, n) else 1)



def rest_used(chunks: list, n: int) -> bool:
    return len(chunks) > 1 and n > 1
