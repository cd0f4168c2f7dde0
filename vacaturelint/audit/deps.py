"""The optional dependencies of the audit (the ``audit`` extra)."""

from __future__ import annotations

import importlib

from vacaturelint.errors import VacaturelintError

REQUIRED = (("dask.distributed", "dask[distributed]"), ("pyarrow", "pyarrow"), ("pandas", "pandas"))
INSTALL = "pip install 'vacaturelint[audit]'"


class MissingDependency(VacaturelintError):
    """The audit extra is not installed."""


def require() -> None:
    """Raise MissingDependency (one Dutch line) when dask, pyarrow or pandas is missing."""
    missing = []
    for module, package in REQUIRED:
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(package)
    if missing:
        raise MissingDependency(
            f"audit heeft extra pakketten nodig die ontbreken ({', '.join(missing)}): installeer ze met {INSTALL}")
