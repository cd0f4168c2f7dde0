"""Partition outputs and the final Parquet files in OUTDIR.

Each partition is written as ``parts/findings-KEY.parquet`` and then
``parts/ads-KEY.parquet``, each to a temporary name first and renamed into place
(atomic on one file system). The ads file is written last, so its presence means the
partition is complete: a partition interrupted halfway is simply done again.

At the end the parts are streamed (one at a time) into ``findings.parquet`` and
``ads.parquet`` with one schema: ``id``, the metadata columns of all parts (text, null
where a part lacks them), then the fixed columns.
"""

from __future__ import annotations

import os
import re

from vacaturelint import atomic
from vacaturelint.audit.records import (
    AD_COLUMNS,
    AD_COUNT_COLUMNS,
    FINDING_COLUMNS,
    FINDING_INTS,
)

PARTS = "parts"
_PART = re.compile(r"^ads-(\d{4}-\d{6})\.parquet$")
INTS = frozenset((*AD_COUNT_COLUMNS, *FINDING_INTS))
FIXED = {"ads": AD_COLUMNS, "findings": FINDING_COLUMNS}


class Store:
    def __init__(self, outdir: str) -> None:
        self.outdir = outdir
        self.parts = os.path.join(outdir, PARTS)
        os.makedirs(self.parts, exist_ok=True)

    def done(self) -> set[str]:
        return {m.group(1) for m in map(_PART.match, os.listdir(self.parts)) if m}

    def part_path(self, what: str, key: str) -> str:
        return os.path.join(self.parts, f"{what}-{key}.parquet")

    def write_part(self, key: str, ads, findings) -> None:
        _write_atomic(self.part_path("findings", key), _table(findings))
        _write_atomic(self.part_path("ads", key), _table(ads))

    def keys(self) -> list[str]:
        return sorted(self.done())

    def read_parts(self, what: str, columns=None):
        """Each complete partition's table in turn (bounded memory)."""
        import pyarrow.parquet as pq

        for key in self.keys():
            table = pq.read_table(self.part_path(what, key))
            if columns is not None:
                table = table.select([c for c in columns if c in table.column_names])
            yield table

    def merge(self, what: str) -> str:
        """Write OUTDIR/{what}.parquet from all complete parts; returns its path."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        fixed = FIXED[what]
        meta: dict[str, None] = {}
        for key in self.keys():
            for name in pq.read_schema(self.part_path(what, key)).names:
                if name != "id" and name not in fixed:
                    meta.setdefault(name, None)
        schema = pa.schema([pa.field(c, pa.int64() if c in INTS else pa.string())
                            for c in ("id", *meta, *fixed)])
        target = os.path.join(self.outdir, f"{what}.parquet")
        with atomic.replacing(target, prefix=f".{what}-", suffix=".parquet") as temp, \
                pq.ParquetWriter(temp, schema) as writer:
            for key in self.keys():
                table = pq.read_table(self.part_path(what, key))
                columns = [table.column(f.name).cast(f.type) if f.name in table.column_names
                           else pa.nulls(table.num_rows, f.type) for f in schema]
                writer.write_table(pa.Table.from_arrays(columns, schema=schema))
        return target


def _table(frame):
    import pyarrow as pa

    fields = [pa.field(c, pa.int64() if c in INTS else pa.string()) for c in frame.columns]
    return pa.Table.from_pandas(frame, schema=pa.schema(fields), preserve_index=False)


def _write_atomic(path: str, table) -> None:
    import pyarrow.parquet as pq

    with atomic.replacing(path, prefix=".part-", suffix=".parquet") as temp:
        pq.write_table(table, temp)

