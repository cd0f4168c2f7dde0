"""The engine-agnostic core of the audit: a pandas DataFrame of ads in, findings out.

:func:`lint_frame` is the public function for any engine that hands out pandas
batches (Spark ``mapInPandas``, Ray Data ``map_batches``, Dask ``map_partitions``);
:func:`audit_frame` also returns one row per ad with counts and errors, and is what
the Dask audit runs on every partition.

A batch is linted with one ``Linter.lint_sources`` call (one ``nlp.pipe``) inside a
spaCy memory zone, so memory is bounded by the batch size and does not grow with the
number of batches. Findings are those of ``vacaturelint check`` on
the same text: same rules, offsets (code points), lines and columns (1-based).
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass, field

from vacaturelint.audit.api import linter_for
from vacaturelint.audit.records import (
    AD_COUNT_COLUMNS,
    ERROR,
    FINDING_COLUMNS,
    FINDING_INTS,
    INTERNAL,
    KIND,
    MAX_TEXT_CHARS,
    RAW,
    text_problem,
)
from vacaturelint.config import Config
from vacaturelint.engine import Options
from vacaturelint.errors import VacaturelintError
from vacaturelint.source import Source


@dataclass(frozen=True)
class AuditSettings:
    """Everything a worker needs to lint a partition (picklable, sent with each task)."""

    options: Options = field(default_factory=Options)
    config: Config | None = None  # resolved once by the caller; None: from options
    text_field: str = "text"
    id_field: str = "id"
    kind: str = "plain"
    max_chars: int = MAX_TEXT_CHARS


def lint_frame(ads, text_field: str = "text", id_field: str = "id", kind: str = "plain",
               options: Options | None = None):
    """Findings for a DataFrame of ads: one row per finding.

    Columns: ``id``, every other column of ``ads`` (metadata, as given), then
    ``rule``, ``name``, ``category``, ``severity``, ``offset``, ``end_offset``,
    ``line``, ``column``, ``text``, ``message``. Ads whose text is missing, not a
    string or too large give no rows (:func:`audit_frame` says why). Raises
    :class:`vacaturelint.errors.VacaturelintError` for model, config or rule errors.
    """
    settings = AuditSettings(options=options or Options(), text_field=text_field, id_field=id_field, kind=kind)
    return audit_frame(ads, settings)[1]


def audit_frame(ads, settings: AuditSettings | None = None):
    """``(ads_out, findings)`` for a DataFrame of ads.

    ``ads_out`` has one row per input row: ``id``, metadata, ``n_findings``, counts per
    category (``n_leeftijd``, ...) and severity (``n_error``, ...) and ``error`` (why
    the ad could not be linted, else null). ``findings`` is as in :func:`lint_frame`.
    """
    import pandas as pd

    settings = settings or AuditSettings()
    linter = linter_for(settings.options)
    config = settings.config or linter.config_for(None)
    text_field, id_field = settings.text_field, settings.id_field
    meta = [c for c in ads.columns if c not in (text_field, id_field) and c not in INTERNAL]
    rows = ads.to_dict("records")
    ids = ([_id(r.get(id_field), i) for i, r in zip(ads.index, rows)] if id_field in ads.columns
           else [str(i) for i in ads.index])
    errors: list[str | None] = []
    sources: list[tuple[int, Source]] = []
    for position, row in enumerate(rows):
        error = _clean(row.get(ERROR))
        source = None
        if error is None:
            source, error = _source(row, ids[position], settings)
        errors.append(error)
        if source is not None:
            sources.append((position, source))
    with _memory_zone(linter, config):
        results = _lint(linter, [s for _, s in sources], config)
    counts = [dict.fromkeys(AD_COUNT_COLUMNS, 0) for _ in rows]
    found: list[dict] = []
    for (position, _), result in zip(sources, results):
        if result.error:
            errors[position] = result.error
            continue
        count = counts[position]
        for finding in result.findings:
            data = finding.to_dict()
            found.append({"id": ids[position], **{m: _clean(rows[position].get(m)) for m in meta},
                          **{c: data[c] for c in FINDING_COLUMNS}})
            count["n_findings"] += 1
            count[f"n_{finding.category}"] = count.get(f"n_{finding.category}", 0) + 1
            count[f"n_{finding.severity}"] += 1
    ads_out = pd.DataFrame({"id": pd.Series(ids, dtype=object)})
    for m in meta:
        ads_out[m] = pd.Series([_clean(row.get(m)) for row in rows], dtype=object)
    for column in AD_COUNT_COLUMNS:
        ads_out[column] = pd.Series([c.get(column, 0) if e is None else 0 for c, e in zip(counts, errors)],
                                    dtype="int64")
    ads_out["error"] = pd.Series(errors, dtype=object)
    findings = pd.DataFrame({"id": pd.Series([f["id"] for f in found], dtype=object)})
    for column in (*meta, *FINDING_COLUMNS):
        dtype = "int64" if column in FINDING_INTS else object
        findings[column] = pd.Series([f[column] for f in found], dtype=dtype)
    return ads_out, findings


_warm: set[tuple[int, Config]] = set()


@contextlib.contextmanager
def _memory_zone(linter, config: Config):
    """spaCy's memory zone around one batch: the strings and lexemes its texts add to the
    vocabulary are dropped afterwards, so a worker's memory does not grow with the feed
    (without it the vocabulary gains some 50 strings per ad, for good). The rules are
    compiled, and one text linted, outside any zone first, so that everything they keep
    stays permanent; findings hold plain strings, never Docs."""
    key = (id(linter), config)
    if key not in _warm:
        linter.lint_sources([Source(path="<start>", text="Wij zoeken een collega.", kind="plain")], [config])
        _warm.add(key)
    nlp = linter.pipeline([linter.ruleset(config)], config).nlp
    with nlp.memory_zone():
        yield


def _id(value, index) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return str(index)
    return value if isinstance(value, str) else str(value)


def _clean(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def _source(row: dict, ad_id: str, settings: AuditSettings) -> tuple[Source | None, str | None]:
    kind = _clean(row.get(KIND)) or settings.kind
    raw = _clean(row.get(RAW))
    if kind == "docx" and raw is not None:
        return Source(path=ad_id, text="", kind="docx", encoding="docx", raw=bytes(raw)), None
    text = _clean(row.get(settings.text_field))
    problem = text_problem(text, settings.text_field)
    if problem is None and len(text) > settings.max_chars:
        problem = f"tekst te groot: {len(text)} tekens, hooguit {settings.max_chars}"
    if problem:
        return None, problem
    return Source(path=ad_id, text=text, kind=kind), None


def _lint(linter, sources: list[Source], config: Config) -> list:
    """Results for all sources in one pipeline pass; if that pass fails on something
    unexpected, lint them one by one so that one odd text cannot sink the batch."""
    from vacaturelint.findings import FileResult

    if not sources:
        return []
    try:
        return linter.lint_sources(sources, [config] * len(sources))
    except VacaturelintError:
        raise  # model, config and rule errors concern the whole audit
    except Exception:  # noqa: BLE001 - isolate the text that triggers it
        results = []
        for source in sources:
            try:
                results.extend(linter.lint_sources([source], [config]))
            except VacaturelintError:
                raise
            except Exception as exc:  # noqa: BLE001
                first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
                results.append(FileResult(path=source.path, error=f"fout bij controle: {first}"))
        return results
