"""Regular expressions compiled on first use, not at import.

Checks keep their patterns as module constants; compiling ~50 of them at import cost
about 40 ms of every start, also for the many a small file never reaches (the first
pass skips the blocks). ``lazy(re, pattern, flags)`` (or ``lazy(regex, ...)``) behaves
like the compiled pattern: search, finditer, match, sub, pattern, ...
"""

from __future__ import annotations


class LazyPattern:
    __slots__ = ("_engine", "_args", "_compiled")

    def __init__(self, engine, *args) -> None:
        self._engine = engine
        self._args = args
        self._compiled = None

    def compiled(self):
        if self._compiled is None:
            self._compiled = self._engine.compile(*self._args)
        return self._compiled

    def __getattr__(self, name):
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._args[0]!r})"


def lazy(engine, *args) -> LazyPattern:
    """``engine.compile(*args)`` when first used (engine: the ``re`` or ``regex`` module)."""
    return LazyPattern(engine, *args)
