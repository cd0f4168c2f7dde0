"""``check -j N``: lint many files in N worker processes, results in input order.

Each worker builds its own Linter (same options) once and lints chunks of files;
``executor.map`` returns the chunks in the order given, so output and exit codes are
those of one process. Worth it only for big folders: a worker first loads the model
(about 1.6 s of CPU for the small stand-in pipeline) while one file costs about 0.1 s,
so ``jobs=0`` (automatic) uses processes from AUTO_FILES files on.
"""

from __future__ import annotations

import os

AUTO_FILES = 200
CHUNK = 16
_linter = None


def resolve_jobs(jobs: int, files: int) -> int:
    """0: automatic (one process below AUTO_FILES files, else up to 4, at most the CPUs)."""
    if jobs > 0:
        return jobs
    if files < AUTO_FILES:
        return 1
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


def lint(linter, sources, configs, jobs: int) -> list:
    """``linter.lint_sources(sources, configs)``, in ``jobs`` processes when jobs > 1."""
    if jobs <= 1 or len(sources) <= CHUNK:
        return linter.lint_sources(sources, configs)
    from concurrent.futures import ProcessPoolExecutor

    chunks = [(sources[i:i + CHUNK], configs[i:i + CHUNK]) for i in range(0, len(sources), CHUNK)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start, initargs=(linter.options,)) as executor:
        return [result for part in executor.map(_lint, chunks) for result in part]


def _start(options) -> None:
    global _linter
    from vacaturelint.engine import Linter

    _linter = Linter(options)


def _lint(chunk):
    sources, configs = chunk
    return _linter.lint_sources(sources, configs)
