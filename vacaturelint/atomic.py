"""Writing a file atomically: a temporary file in the same folder, then
``os.replace``. Readers see the old file or the new one, never half of it, and the
temporary file is removed on every error path.

:func:`writing` goes further where the system allows (Linux ``O_TMPFILE``): the file
is written without a name and only linked into the folder right before the
``os.replace``, so even a process killed while writing (SIGKILL, SIGTERM, a full
disk) leaves no temporary file behind."""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import IO


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


@contextmanager
def writing(target: str, prefix: str = ".vacaturelint-", suffix: str = "", mode: int | None = None,
            encoding: str = "utf-8", newline: str | None = None) -> Iterator[IO[str]]:
    """Yield a text handle; when the block ends without an error its content replaces
    ``target`` (permissions ``mode``, default as for a new file under the umask)."""
    directory = os.path.dirname(os.path.abspath(target))
    fd = _unnamed(directory)
    if fd is None:  # no O_TMPFILE here: a named temporary file, removed on errors
        with replacing(target, prefix, suffix, mode) as temp, \
                open(temp, "w", encoding=encoding, newline=newline) as handle:
            yield handle
        return
    with os.fdopen(fd, "w", encoding=encoding, newline=newline) as handle:
        yield handle
        handle.flush()
        os.fchmod(fd, mode if mode is not None else 0o666 & ~_umask())
        name = _link(fd, directory, prefix, suffix)
        try:
            os.replace(name, target)
        except BaseException:
            with suppress(OSError):
                os.unlink(name)
            raise


def _unnamed(directory: str) -> int | None:
    """An open, nameless file in ``directory`` (Linux ``O_TMPFILE``), or None."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(directory, flag | os.O_WRONLY, 0o600)
    except OSError:  # a file system without O_TMPFILE support
        return None


def _link(fd: int, directory: str, prefix: str, suffix: str) -> str:
    """Give the nameless file ``fd`` a fresh name in ``directory`` (a ``dst_dir_fd``
    makes Python use linkat with AT_SYMLINK_FOLLOW, which links the file itself
    rather than the /proc symlink)."""
    folder = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        while True:
            name = f"{prefix}{secrets.token_hex(8)}{suffix}"
            try:
                os.link(f"/proc/self/fd/{fd}", name, dst_dir_fd=folder, follow_symlinks=True)
                return os.path.join(directory, name)
            except FileExistsError:
                continue
    finally:
        os.close(folder)


def write_text(target: str, text: str, **options) -> None:
    with writing(target, **options) as handle:
        handle.write(text)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
