"""A report worker process: holds the session it was started with, lints chunks.

The pool starts each worker with :func:`start` (``initializer``); under ``fork`` the
session, with its loaded pipeline, is inherited, not pickled. Only worker processes
set the holder; the parent passes its session explicitly.
"""

from __future__ import annotations

import signal

from vacaturelint import app
from vacaturelint.htmlreport.chunk import ChunkResult, Job, lint_chunk


class Holder:
    session: app.Session | None = None


HOLDER = Holder()


def start(session: app.Session) -> Holder:
    # Ctrl-C is for the parent (it ends the pool); SIGTERM ends the worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    HOLDER.session = session
    return HOLDER


def lint(jobs: list[Job], open_: bool) -> ChunkResult:
    if HOLDER.session is None:
        raise RuntimeError("report worker used without start(session)")
    return lint_chunk(HOLDER.session, jobs, open_)
