"""Files this program wrote itself: an HTML report carries a generator mark in its
head, so a walk over a folder does not lint an earlier report as a vacancy."""

from __future__ import annotations

import os

GENERATOR_MARK = '<meta name="generator" content="vacaturelint '  # in the first bytes of every report


def is_report(path: str) -> bool:
    """Whether ``path`` is a report this program wrote (its generator mark in the head),
    under any name and through any symlink. Only a regular file is opened (a FIFO would
    block)."""
    if not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return GENERATOR_MARK.encode("ascii") in head


def marks_report(text: str) -> bool:
    """Whether a file's decoded text is a report this program wrote."""
    return GENERATOR_MARK in text[:4096]
