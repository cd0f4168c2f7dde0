"""Regular expressions compiled on first use, not at import.

Checks keep their patterns as module constants; compiling ~50 of them at import cost
about 40 ms of every start, also for the many a small file never reaches (the first
pass skips the blocks). ``lazy(re, pattern, flags)`` (or ``lazy(regex, ...)``) behaves
like the compiled pattern: search, finditer, match, sub, pattern, ...
"""

from __future__ import annotations


class LazyPattern:
    """Compiles on the first attribute looked up; then the compiled pattern's methods are
    stored on the instance, so later calls cost no more than on the pattern itself."""

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
                "pattern", "flags", "groups", "groupindex")

    def __init__(self, engine, *args) -> None:
        self._engine = engine
        self._args = args

    def compiled(self):
        found = self.__dict__.get("_compiled")
        if found is None:
            found = self._engine.compile(*self._args)
            self.__dict__["_compiled"] = found
            for name in self._METHODS:
                if hasattr(found, name):
                    self.__dict__[name] = getattr(found, name)
        return found

    def __getattr__(self, name):
        if name.startswith("__") or name in ("_engine", "_args", "_compiled"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._args[0]!r})"


def lazy(engine, *args) -> LazyPattern:
    """``engine.compile(*args)`` when first used (engine: the ``re`` or ``regex`` module)."""
    return LazyPattern(engine, *args)
