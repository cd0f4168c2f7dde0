"""Linting and rendering one chunk of a report's files (in this process or a worker)."""

from __future__ import annotations

from dataclasses import dataclass, field

from vacaturelint import app
from vacaturelint.findings import FileResult
from vacaturelint.htmlreport.html import Summary, render_vacancy


@dataclass(frozen=True)
class Job:
    index: int
    target: app.Target


@dataclass
class ChunkResult:
    rendered: list[tuple[Summary, str]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # stderr lines (notes)
    errors: list[str] = field(default_factory=list)  # files that could not be checked


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
