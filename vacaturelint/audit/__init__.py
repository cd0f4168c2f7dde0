"""``vacaturelint audit``: measure excluding wording across a whole feed on Dask.

Modules, one job each:

- :mod:`.frame`: the engine-agnostic core, a pandas DataFrame of ads in, findings
  (and per-ad counts) out; Dask, Spark's ``mapInPandas`` or Ray's ``map_batches`` call it.
- :mod:`.api`: one linter per process (model loaded once) and ``lint(text)``.
- :mod:`.feeds`: reading JSONL, CSV, Parquet and folders of vacancy files in partitions.
- :mod:`.records`: one raw record -> the columns of an ad (id, text, metadata, error).
- :mod:`.fingerprint`: what an audit depends on (input, rules, config, model), for resuming.
- :mod:`.store`: partition outputs written atomically, merged into the final Parquet files.
- :mod:`.runner`: the Dask cluster (local or existing) and the bounded stream of tasks.
- :mod:`.stats` and :mod:`.dashboard`: ``summary.json`` and ``index.html``.
- :mod:`.progress`: the terminal progress line.
- :mod:`.command`: the click command.

Nothing here is imported by the rest of vacaturelint except the command (lazily) and
``vacaturelint.lint``; dask, pyarrow and pandas are only needed for the audit itself.
"""

from __future__ import annotations

from vacaturelint.audit.frame import audit_frame, lint_frame

__all__ = ["audit_frame", "lint_frame"]
