"""Which files to lint: explicit paths, directories walked recursively with
include/exclude globs (matched on the file name and on the path relative to the
directory), and ``-`` for standard input."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}


def _matches(rel: str, patterns) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def walk(directory: str, include, exclude) -> list[str]:
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            full = os.path.join(root, name)
            rel = Path(os.path.relpath(full, directory)).as_posix()
            if _matches(rel, include) and not _matches(rel, exclude):
                found.append(full)
    return found


def expand(paths, include, exclude) -> list[tuple[str, bool]]:
    """(path, explicit) pairs; explicit paths are linted even if excluded."""
    result = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            result.extend((p, False) for p in walk(path, include, exclude))
        else:
            result.append((path, True))
    return result
