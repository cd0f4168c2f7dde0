"""The one place that knows where the stand-in spaCy pipeline lives.

Benchmarks, the quality measurement, the tests and the fuzzer take their model
from ``$VACATURELINT_MODEL``; without it, from the stand-in pipeline in
``../shared/models`` when it is there, else from spaCy's ``nl_core_news_sm``.
"""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
STAND_IN = SHARED / "models" / "nl_ud_selftrained_sm-0.1.0"
FALLBACK = "nl_core_news_sm"


def model() -> str:
    """$VACATURELINT_MODEL, else the stand-in when present, else nl_core_news_sm."""
    return os.environ.get("VACATURELINT_MODEL") or (str(STAND_IN) if STAND_IN.is_dir() else FALLBACK)


def use_stand_in() -> str:
    """Set $VACATURELINT_MODEL to :func:`model` (for subprocesses too) and return it."""
    os.environ["VACATURELINT_MODEL"] = model()
    return os.environ["VACATURELINT_MODEL"]
