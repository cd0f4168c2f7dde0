"""The optional dependencies of the audit (the ``audit`` extra)."""

from __future__ import annotations

import importlib.util

from vacaturelint.errors import VacaturelintError

REQUIRED = (("dask", "dask[distributed]"), ("distributed", "dask[distributed]"), ("pyarrow", "pyarrow"),
            ("pandas", "pandas"))
INSTALL = "pip install 'vacaturelint[audit]'"


class MissingDependency(VacaturelintError):
    """The audit extra is not installed."""


def require() -> None:
    """Raise MissingDependency (one Dutch line) when dask, pyarrow or pandas is missing."""
    missing: list[str] = []
    for module, package in REQUIRED:
        try:
            found = importlib.util.find_spec(module) is not None  # found, not imported: --help stays fast
        except (ImportError, ValueError):
            found = False
        if not found and package not in missing:
            missing.append(package)
    if missing:
        raise MissingDependency(
            f"audit heeft extra pakketten nodig die ontbreken ({', '.join(missing)}): installeer ze met {INSTALL}")
