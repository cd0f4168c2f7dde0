"""A one-line progress display on a terminal: ads done, ads per second, time left.

Only when stderr is a terminal (and not in CI); in a pipe or a CI log it stays silent.
"""

from __future__ import annotations

import os
import sys
import time


def wanted(stream=None) -> bool:
    stream = stream or sys.stderr
    return stream.isatty() and not os.environ.get("CI")


class Progress:
    def __init__(self, total: int | None, enabled: bool, stream=None) -> None:
        self.total = total
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.done = 0
        self.linted = 0  # done in this run (skipped partitions do not count for the rate)
        self.started = time.monotonic()
        self._shown = 0.0

    def advance(self, count: int, skipped: bool = False) -> None:
        self.done += count
        if not skipped:
            self.linted += count
        now = time.monotonic()
        if self.enabled and (now - self._shown > 0.25 or (self.total and self.done >= self.total)):
            self._shown = now
            self.stream.write("\r\033[K" + self.line(now))
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-6)
        rate = self.linted / elapsed
        text = f"vacatures: {_n(self.done)}"
        if self.total:
            text += f"/{_n(self.total)} ({100 * self.done / self.total:.0f}%)"
        text += f"  {rate:.1f}/s".replace(".", ",")
        if self.total and rate > 0:
            left = max(0, self.total - self.done) / rate
            text += f"  nog {int(left // 3600)}:{int(left % 3600 // 60):02d}:{int(left % 60):02d}"
        return text

    def close(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\n")
            self.stream.flush()


def _n(number: int) -> str:
    return f"{number:,}".replace(",", ".")
