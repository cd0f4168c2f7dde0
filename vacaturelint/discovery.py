"""Which files to lint: explicit paths, directories walked with include/exclude
globs (matched on the file name and on the path relative to the directory), and
``-`` for standard input.

The walk is iterative (no recursion limit) and bounded: folders deeper than
:data:`MAX_DEPTH` below the named folder are not entered. Nothing is passed over
silently: a folder that cannot be listed, a path longer than the system allows and
a folder beyond the depth bound are *problems* (the caller reports them as errors:
something was not checked); devices, FIFOs, sockets and symbolic links to folders
are *skipped* (the caller says so with ``-v``).
"""

from __future__ import annotations

import errno
import fnmatch
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from vacaturelint.source import regular_file_problem

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache"}
MAX_DEPTH = 100  # folder levels below a named folder; see README "Grenzen"


@dataclass(frozen=True)
class Found:
    """One entry of a walk: a file to read, or a path with a problem or a skip reason."""

    path: str
    problem: str | None = None  # could not be looked at: an error for the caller
    skipped: str | None = None  # deliberately not read: a -v note for the caller


def _matches(rel: str, patterns) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def _listing_problem(path: str, error: OSError) -> str:
    if error.errno == errno.ENAMETOOLONG:
        return f"{path}: pad te lang (het systeem staat hooguit {_path_max()} tekens toe); map niet gecontroleerd"
    if isinstance(error, PermissionError):
        return f"{path}: map niet leesbaar (geen leesrechten); niet gecontroleerd"
    return f"{path}: map kan niet gelezen worden ({error.strerror or error}); niet gecontroleerd"


def _path_max() -> int:
    try:
        return os.pathconf("/", "PC_PATH_MAX")
    except (OSError, ValueError, AttributeError):
        return 4096


def walk_tree(directory: str, keep_dir: Callable[[str, str], bool] = lambda root, name: True,
              max_depth: int = MAX_DEPTH) -> Iterator[Found]:
    """Every file below ``directory`` (sorted, depth first, without recursion),
    plus :class:`Found` entries with a problem or skip reason. ``keep_dir(root, name)``
    prunes sub-folders. Shared by ``check``/``report`` and ``audit``."""
    stack: list[tuple[str, int]] = [(directory, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as error:
            yield Found(folder, problem=_listing_problem(folder, error))
            continue
        subfolders = []
        for entry in entries:
            path = os.path.join(folder, entry.name)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_link = entry.is_symlink()
            except OSError as error:
                yield Found(path, problem=f"{path}: kan niet gelezen worden ({error.strerror or error})")
                continue
            if is_dir:
                if not keep_dir(folder, entry.name):
                    continue
                if depth + 1 > max_depth:
                    yield Found(path, problem=f"{path}: dieper dan {max_depth} mapniveaus; niet gecontroleerd "
                                              "(geef de map zelf op om verder te kijken)")
                    continue
                subfolders.append(path)
            elif is_link and os.path.isdir(path):
                if keep_dir(folder, entry.name):
                    yield Found(path, skipped=f"{path}: symbolische koppeling naar een map, niet gevolgd")
            else:
                yield Found(path)
        stack.extend((p, depth + 1) for p in reversed(subfolders))


def walk(directory: str, include, exclude) -> list[Found]:
    """The files below ``directory`` that match ``include`` and not ``exclude``, with
    the walk's problems; files that are not regular (devices, FIFOs, sockets, also
    through a symbolic link) come back as skipped."""
    found = []

    def keep_dir(root: str, name: str) -> bool:
        return name not in SKIP_DIRS and not name.startswith(".")

    for item in walk_tree(directory, keep_dir):
        if item.problem is not None or item.skipped is not None:
            found.append(item)
            continue
        rel = Path(os.path.relpath(item.path, directory)).as_posix()
        if not _matches(rel, include) or _matches(rel, exclude):
            continue
        reason = regular_file_problem(item.path)
        found.append(Found(item.path, skipped=f"{item.path}: {reason}") if reason else item)
    return found


def expand(paths, include, exclude) -> list[tuple[Found, bool]]:
    """(found, explicit) pairs; explicit paths are linted even if excluded."""
    result = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            result.extend((f, False) for f in walk(path, include, exclude))
        else:
            result.append((Found(path), True))
    return result
