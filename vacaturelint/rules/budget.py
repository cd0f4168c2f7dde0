"""A time budget for the regular expressions of rules, per document.

Every regular expression a rule file can contain (the ``regex`` kind, ``REGEX`` in
token patterns, the ``regex`` of a condition, ``section``) is searched through
:func:`search`, with the ``regex`` module's timeout. One search may take at most
:data:`PATTERN_SECONDS`; all searches for one document together at most
:data:`DOCUMENT_SECONDS`. A search that runs out of time, or that would start when
the document's budget is spent, does not decide: the rules it belongs to are
*skipped* for that document (no findings of theirs, one notice each), and the
pattern is not tried again in that document. So a catastrophic pattern costs at most
:data:`PATTERN_SECONDS` per document, never per block, and the caller says which
rule was skipped.

The runner opens a budget per document (:func:`document`); code that searches
without one (a unit test, a benchmark) gets a fresh budget per search. A big file,
checked window by window, gets the time again for every window, in proportion to its
length (:meth:`Budget.renew`).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import regex

DOCUMENT_SECONDS = 1.0
PATTERN_SECONDS = 0.25
# A big file checked in windows (engine.py) gets DOCUMENT_SECONDS per this many characters
# of each window: a window holds dozens of vacancies, not one.
BUDGET_CHARS = 20_000


class Budget:
    """Time left for one document, and the rules skipped in it (in order)."""

    def __init__(self, seconds: float = DOCUMENT_SECONDS, per_pattern: float = PATTERN_SECONDS) -> None:
        self.seconds = seconds
        self.remaining = seconds
        self.per_pattern = per_pattern
        self.skipped: dict[str, None] = {}  # rule ids, first skipped first
        self._dead: set[int] = set()  # ids of patterns that ran out of time here

    def renew(self, chars: int) -> None:
        """Time again for the next window of a big file (engine.py), of ``chars``
        characters: the document's time per :data:`BUDGET_CHARS` characters (at least
        once). Patterns that ran out of time stay dead and skipped rules stay skipped."""
        self.remaining = self.seconds * max(1.0, chars / BUDGET_CHARS)

    def skip(self, owners: Iterable[str]) -> None:
        for owner in owners:
            self.skipped.setdefault(owner, None)

    def search(self, pattern, text: str, owners: Iterable[str], pos: int = 0):
        """``pattern.search(text)`` within the budget: the match, None for no match,
        or :data:`UNDECIDED` (the owners are then skipped)."""
        if id(pattern) in self._dead or self.remaining <= 0:
            self.skip(owners)
            return UNDECIDED
        limit = min(self.per_pattern, self.remaining)
        # The document's budget counts this thread's CPU time, so a busy machine (other
        # processes on the same cores) does not change which rules are skipped; one search
        # is still cut off by the regex module's (wall-clock) timeout.
        started = time.thread_time()
        try:
            return pattern.search(text, pos, timeout=limit)
        except TimeoutError:
            self._dead.add(id(pattern))
            self.skip(owners)
            return UNDECIDED
        finally:
            self.remaining -= time.thread_time() - started

    def finditer(self, pattern, text: str, owners: Iterable[str]) -> Iterator:
        """Matches as ``pattern.finditer``; stops (owners skipped) when time runs out."""
        pos = 0
        while pos <= len(text):
            found = self.search(pattern, text, owners, pos)
            if found is None or found is UNDECIDED:
                return
            yield found
            start, end = found.span()
            pos = end if end > start else end + 1


class _Undecided:
    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "UNDECIDED"


UNDECIDED = _Undecided()  # falsy: a search that did not decide never counts as a match

_current: ContextVar[Budget | None] = ContextVar("vacaturelint_regex_budget", default=None)


def current() -> Budget:
    """The budget of the document being checked, or a fresh one."""
    budget = _current.get()
    return budget if budget is not None else Budget()


@contextmanager
def document(seconds: float = DOCUMENT_SECONDS) -> Iterator[Budget]:
    """Open the budget for one document (nested calls share the outer one)."""
    outer = _current.get()
    if outer is not None:
        yield outer
        return
    budget = Budget(seconds)
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


def compile_user(pattern: str, flags: int = 0):
    """A rule file's regular expression, compiled as spaCy and ``re`` read it (V0)."""
    return regex.compile(pattern, flags | regex.V0)


def owner_of(key: str) -> str:
    """The rule id in a clause key ``RULEID#n``."""
    return key.split("#", 1)[0]
