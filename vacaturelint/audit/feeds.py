"""Reading feeds in partitions: JSONL/NDJSON, CSV, Parquet, and folders of them or of
vacancy files (one ad per file).

Partitions are cut in input order (``--partition-size`` records each, never across
files) and named by feed and chunk number, so the same input gives the same
partitions again: that is what lets a re-run skip the ones already done. Only one
partition is read at a time; a partition that is skipped is not parsed.

Bad records never stop the reading: they become ads with an ``_error`` (see
:mod:`.records`). A feed file that cannot be opened at all becomes one such ad.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from vacaturelint.audit.records import ERROR, KIND, RAW, ad_record, meta_value
from vacaturelint.discovery import walk_tree
from vacaturelint.errors import InputError
from vacaturelint.source import KIND_BY_SUFFIX, NotTextError, read_source, regular_file_problem

FEED_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}


@dataclass(frozen=True)
class Feed:
    kind: str  # jsonl | csv | parquet | files
    path: str  # the feed file, or the folder of vacancy files
    files: tuple[str, ...] = ()  # vacancy files (kind "files")


@dataclass(frozen=True)
class Fields:
    text: str = "text"
    id: str = "id"


@dataclass
class Partition:
    key: str
    size: int  # number of records
    records: list[dict] | None  # None when skipped


def discover(paths: list[str], exclude: str | None = None,
             on_problem: Callable[[str], None] = lambda message: None) -> list[Feed]:
    """Feeds named on the command line, folders expanded (sorted, hidden entries skipped;
    the bounded walk of ``check``, whose problems, such as an unreadable folder, go to
    ``on_problem``). Raises InputError for a missing path or an unknown file type."""
    feeds: list[Feed] = []
    for path in paths:
        if os.path.isdir(path):
            feeds.extend(_walk(path, exclude, on_problem))
        elif os.path.isfile(path):
            suffix = os.path.splitext(path)[1].lower()
            if suffix in FEED_SUFFIXES:
                feeds.append(Feed(FEED_SUFFIXES[suffix], path))
            elif suffix in KIND_BY_SUFFIX:
                feeds.append(Feed("files", os.path.dirname(path) or ".", (path,)))
            else:
                raise InputError(f"{path}: onbekend feedformaat (verwacht .jsonl, .ndjson, .csv, .parquet, "
                                 "een vacaturebestand of een map)")
        else:
            raise InputError(f"{path}: bestaat niet")
    return feeds


def _walk(folder: str, exclude: str | None, on_problem: Callable[[str], None]) -> list[Feed]:
    feeds, files = [], []
    skip = os.path.abspath(exclude) if exclude else None

    def keep_dir(root: str, name: str) -> bool:
        return not name.startswith(".") and os.path.abspath(os.path.join(root, name)) != skip

    for found in walk_tree(folder, keep_dir):
        if found.problem is not None:
            on_problem(found.problem)
            continue
        name = os.path.basename(found.path)
        if found.skipped is not None or name.startswith("."):
            continue
        path = found.path
        suffix = os.path.splitext(name)[1].lower()
        if suffix in FEED_SUFFIXES or suffix in KIND_BY_SUFFIX:
            reason = regular_file_problem(path)
            if reason:
                on_problem(f"{path}: {reason}; overgeslagen")
                continue
        if suffix in FEED_SUFFIXES:
            feeds.append(Feed(FEED_SUFFIXES[suffix], path))
        elif suffix in KIND_BY_SUFFIX:
            files.append(path)
    if files:
        feeds.append(Feed("files", folder, tuple(files)))
    return feeds


def partitions(feeds: list[Feed], size: int, fields: Fields,
               skip: Callable[[str], bool] = lambda key: False) -> Iterator[Partition]:
    """All partitions of all feeds, in order; ``skip(key)`` ones come without records."""
    for number, feed in enumerate(feeds):
        reader = _READERS[feed.kind]
        for chunk, items in enumerate(reader.chunks(feed, size)):
            key = f"{number:04d}-{chunk:06d}"
            if skip(key):
                yield Partition(key, len(items), None)
            else:
                yield Partition(key, len(items), [reader.parse(item, feed, fields) for item in items])


def count(feeds: list[Feed]) -> int:
    """Number of records (for the progress bar)."""
    return sum(_READERS[feed.kind].count(feed) for feed in feeds)


def _chunked(items: Iterator, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _unreadable(feed_path: str, error: object) -> dict:
    return {"id": os.path.basename(feed_path), ERROR: f"onleesbaar: {feed_path}: {error}"}


class _Jsonl:
    """Raw lines are cut into chunks unparsed; only chunks that are linted are parsed."""

    @staticmethod
    def _lines(feed: Feed) -> Iterator[tuple[int, bytes] | dict]:
        try:
            with open(feed.path, "rb") as handle:
                for number, line in enumerate(handle, start=1):
                    if line.strip():
                        yield number, line
        except OSError as exc:
            yield _unreadable(feed.path, exc.strerror or exc)

    def chunks(self, feed: Feed, size: int) -> Iterator[list]:
        return _chunked(self._lines(feed), size)

    def count(self, feed: Feed) -> int:
        return sum(1 for _ in self._lines(feed))

    @staticmethod
    def parse(item, feed: Feed, fields: Fields) -> dict:
        if isinstance(item, dict):
            return item
        number, line = item
        where = f"{os.path.basename(feed.path)}:{number}"
        try:
            text, error = line.decode("utf-8"), None
        except UnicodeDecodeError as exc:
            text = line.decode("utf-8", "surrogateescape")
            error = f"ongeldige codering: regel {number} is geen UTF-8 (byte {exc.start})"
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            message = getattr(exc, "msg", "te diep genest")
            column = f", kolom {exc.colno}" if hasattr(exc, "colno") else ""
            return {"id": where, ERROR: f"ongeldige JSON: regel {number}{column}: {message}"}
        if not isinstance(data, dict):
            return {"id": where, ERROR: f"ongeldige JSON: regel {number} is geen object maar "
                                        f"{type(data).__name__}"}
        return ad_record(data, fields.text, fields.id, where, error)


class _Csv:
    @staticmethod
    def _rows(feed: Feed) -> Iterator[tuple[int, dict] | dict]:
        csv.field_size_limit(sys.maxsize)
        try:
            with open(feed.path, encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
                reader = csv.DictReader(handle)
                try:
                    for row in reader:
                        yield reader.line_num, row
                except csv.Error as exc:
                    yield {"id": f"{os.path.basename(feed.path)}:{reader.line_num}",
                           ERROR: f"onleesbaar: CSV-fout op regel {reader.line_num}: {exc}; rest van het bestand "
                                  "overgeslagen"}
        except OSError as exc:
            yield _unreadable(feed.path, exc.strerror or exc)

    def chunks(self, feed: Feed, size: int) -> Iterator[list]:
        return _chunked(self._rows(feed), size)

    def count(self, feed: Feed) -> int:
        return sum(1 for _ in self._rows(feed))

    @staticmethod
    def parse(item, feed: Feed, fields: Fields) -> dict:
        if isinstance(item, dict) and ERROR in item:
            return item
        number, row = item
        where = f"{os.path.basename(feed.path)}:{number}"
        error = None
        if None in row:
            extra = row.pop(None)
            error = f"onleesbaar: rij op regel {number} heeft {len(extra)} veld(en) meer dan de kop"
        data = {name: (value if value != "" else None) for name, value in row.items()}  # CSV has no null
        if error is None and any(isinstance(v, str) and meta_value(v) != v for v in data.values()):
            error = f"ongeldige codering: rij op regel {number} is geen UTF-8"
        return ad_record(data, fields.text, fields.id, where, error)


class _Parquet:
    @staticmethod
    def _batches(feed: Feed, size: int) -> Iterator[list]:
        import pyarrow.parquet as pq

        try:
            parquet = pq.ParquetFile(feed.path)
            row = 0
            for batch in parquet.iter_batches(batch_size=size):
                rows = batch.to_pylist()
                yield [(row + i + 1, r) for i, r in enumerate(rows)]
                row += len(rows)
        except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError) for a broken file
            yield [_unreadable(feed.path, str(exc).splitlines()[0] if str(exc) else type(exc).__name__)]

    def chunks(self, feed: Feed, size: int) -> Iterator[list]:
        return self._batches(feed, size)

    def count(self, feed: Feed) -> int:
        import pyarrow.parquet as pq

        try:
            return pq.ParquetFile(feed.path).metadata.num_rows
        except (OSError, ValueError):
            return 1

    @staticmethod
    def parse(item, feed: Feed, fields: Fields) -> dict:
        if isinstance(item, dict):
            return item
        number, row = item
        return ad_record(row, fields.text, fields.id, f"{os.path.basename(feed.path)}:{number}")


class _Files:
    """A folder of vacancy files: one ad per file, id = path relative to the folder."""

    def chunks(self, feed: Feed, size: int) -> Iterator[list]:
        return _chunked(iter(feed.files), size)

    def count(self, feed: Feed) -> int:
        return len(feed.files)

    @staticmethod
    def parse(path: str, feed: Feed, fields: Fields) -> dict:
        ad_id = os.path.relpath(path, feed.path)
        try:
            source = read_source(path)
        except NotTextError as error:
            return {"id": ad_id, ERROR: f"geen tekst: {error}"}
        except InputError as error:
            message = str(error)
            kind = "ongeldige codering" if "decoderen" in message or "ongeldige" in message else "onleesbaar"
            return {"id": ad_id, ERROR: f"{kind}: {message}"}
        return {"id": ad_id, fields.text: source.text if source.kind != "docx" else None,
                KIND: source.kind, RAW: source.raw, ERROR: None}


_READERS = {"jsonl": _Jsonl(), "csv": _Csv(), "parquet": _Parquet(), "files": _Files()}
