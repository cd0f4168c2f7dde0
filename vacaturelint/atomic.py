"""Writing a file atomically: a temporary file in the same folder, then
``os.replace``. Readers see the old file or the new one, never half of it, and the
temporary file is removed on every error path."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def replacing(target: str, prefix: str = ".vacaturelint-", suffix: str = "", mode: int | None = None) -> Iterator[str]:
    """Yield a temporary path beside ``target``; when the block ends without an error it
    replaces ``target`` (permissions ``mode``, default as for a new file under the umask)."""
    fd, temp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(target)), prefix=prefix, suffix=suffix)
    os.close(fd)
    try:
        yield temp
        os.chmod(temp, mode if mode is not None else 0o666 & ~_umask())
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def write_text(target: str, text: str, **options) -> None:
    with replacing(target, **options) as temp, open(temp, "w", encoding="utf-8") as handle:
        handle.write(text)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
