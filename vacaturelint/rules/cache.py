"""A cache of validated rule files, so start-up skips parsing and validating them.

Keyed by a hash of the file's text, the program's code (names, sizes and modification
times of the files in ``vacaturelint/rules`` and the top-level modules of the package: a
changed kind, check, word list or the YAML reader they use invalidates it), the spaCy version and the Python version. Stored as pickles in the
user's cache folder (``$VACATURELINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/vacaturelint``,
else ``~/.cache/vacaturelint``); ``VACATURELINT_CACHE_DIR=off`` turns it off. An entry
that cannot be read (corrupt, truncated, from another version) is ignored and
rewritten; a folder that cannot be written only costs the time saved.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path

from vacaturelint.atomic import replacing

_PACKAGE = Path(__file__).resolve().parents[1]  # vacaturelint/
_FORMAT = 2  # 2: (rules, references, own word lists)


def cache_dir() -> Path | None:
    configured = os.environ.get("VACATURELINT_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "vacaturelint"


def _spacy_version() -> str:
    """spaCy's version from its about.py, without importing spaCy or scanning the
    installed distributions (importlib.metadata costs ~80 ms at start-up)."""
    import importlib.util
    import re

    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return "?"
    about = Path(next(iter(spec.submodule_search_locations))) / "about.py"
    try:
        found = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", about.read_text(encoding="utf-8"))
    except OSError:
        return "?"
    return found.group(1) if found else "?"


def _code_files() -> list[Path]:
    """The code a parsed rule file depends on: the rules package (kinds, checks, word
    lists, lexicon) and the package's top-level modules (YAML reader, errors, ...)."""
    rules = [p for p in _PACKAGE.joinpath("rules").rglob("*")
             if p.suffix in (".py", ".yaml", ".yml", ".txt") and "__pycache__" not in p.parts]
    return sorted([*rules, *_PACKAGE.glob("*.py")])


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    parts = [str(_FORMAT), _spacy_version(), sys.version]
    for path in _code_files():
        stat = path.stat()
        parts.append(f"{path.relative_to(_PACKAGE)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


def _entry(path: str, text: str, kind: str = "ruleset") -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(f"{_code_fingerprint()}\n{os.path.abspath(path)}\n{text}".encode()).hexdigest()
    return folder / f"{kind}-v{_FORMAT}-{digest[:32]}.pickle"


def _is_ruleset(found) -> bool:
    return (isinstance(found, tuple) and len(found) == 3 and isinstance(found[0], list)
            and isinstance(found[1], dict) and isinstance(found[2], dict))


def cached(path: str, text: str, parse):
    """``parse()`` (the validated rules of one file), from the cache when present."""
    return cached_value(path, text, parse, "ruleset", _is_ruleset)


def cached_value(path: str, text: str, parse, kind: str, valid):
    """``parse()`` of the file ``path`` with content ``text``, from the cache when an
    entry of this ``kind`` is there and ``valid(entry)`` holds (e.g. the built-in word
    lists: a warm start then reads no YAML)."""
    entry = _entry(path, text, kind)
    if entry is not None:
        try:
            with entry.open("rb") as fh:
                found = pickle.load(fh)
            if valid(found):
                return found
        except Exception:  # missing, corrupt or stale: validate afresh
            pass
    result = parse()
    if entry is not None:
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            with replacing(str(entry), suffix=".tmp") as temp, open(temp, "wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:
            pass
    return result
