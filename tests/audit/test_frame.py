"""The engine-agnostic API (pandas in, findings out), ``vacaturelint.lint``, the
statistics and the feed readers: in-process, real spaCy pipeline, real feed sample."""

from __future__ import annotations

import json
import math

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import vacaturelint
from tests.audit.conftest import BAD_IDS, ads_of, bad_lines, feed_lines
from vacaturelint.audit import audit_frame, lint_frame
from vacaturelint.audit.feeds import Fields, discover, partitions
from vacaturelint.audit.frame import AuditSettings
from vacaturelint.audit.records import AD_COLUMNS, ERROR, FINDING_COLUMNS, error_kind
from vacaturelint.audit.stats import By, wilson
from vacaturelint.engine import Options
from vacaturelint.source import Source


def test_lint_frame_matches_the_linter_on_real_ads(sample, linter):
    ads = pd.DataFrame(ads_of(sample))
    findings = lint_frame(ads, options=Options(isolated=True))
    assert list(findings.columns) == ["id", "platform", "title", "company", "location", "sector", "collected",
                                      *FINDING_COLUMNS]
    expected = set()
    for ad in ads.itertuples():
        for f in linter.lint_text(ad.text, path=ad.id).findings:
            expected.add((ad.id, f.rule, f.start, f.end, f.line, f.column, f.text, f.message))
    got = {(r.id, r.rule, r.offset, r.end_offset, r.line, r.column, r.text, r.message)
           for r in findings.itertuples()}
    assert got == expected and len(got) > 5
    metadata = ads.set_index("id")
    for row in findings.itertuples():
        assert row.sector == metadata.loc[row.id, "sector"]


def test_audit_frame_counts_and_errors(sample):
    ads = pd.DataFrame(ads_of(sample)[:6])
    ads.loc[1, "text"] = None
    ads["text"] = ads["text"].astype(object)
    ads.loc[2, "text"] = 42
    ads.loc[3, "text"] = "x" * 1_000_001
    out, findings = audit_frame(ads, AuditSettings(options=Options(isolated=True)))
    assert list(out.columns)[-len(AD_COLUMNS):] == list(AD_COLUMNS) and len(out) == 6
    assert [error_kind(e) if e else None for e in out["error"]] == [
        None, "tekst ontbreekt", "geen tekst", "tekst te groot", None, None]
    per_ad = findings.groupby("id").size()
    for row in out.itertuples():
        assert row.n_findings == per_ad.get(row.id, 0)
        assert row.n_findings == row.n_error + row.n_warning + row.n_info


def test_public_lint_returns_check_json_schema():
    found = vacaturelint.lint("Voor ons jonge team zoeken wij een verkoopster.")
    assert found and {"rule", "category", "severity", "offset", "end_offset", "line", "column", "message",
                      "text", "path"} <= set(found[0])
    assert {f["category"] for f in found} >= {"leeftijd", "geslacht"}
    markdown = vacaturelint.lint("# Vacature\n\nVoor ons **jonge team** zoeken wij een collega.", kind="markdown")
    assert [(f["rule"], f["text"], f["offset"]) for f in markdown] == [("LFT001", "jonge team", 23)]
    with pytest.raises(ValueError):
        vacaturelint.lint("tekst", kind="pdf")


def test_wilson_interval():
    low, high = wilson(0, 10)
    assert low == 0 and 0.27 < high < 0.28  # 0.2775
    low, high = wilson(5, 10)
    assert math.isclose(low, 0.2366, abs_tol=1e-4) and math.isclose(high, 0.7634, abs_tol=1e-4)


def test_by_month_and_year():
    month, year = By.parse("collected:month"), By.parse("collected:year")
    assert month.key("2021-02-23") == "2021-02" and year.key("2021-02-23") == "2021"
    assert month.key(None) == "(leeg)" and month.key("gisteren") == "(onbekend)"
    with pytest.raises(ValueError):
        By.parse("collected:week")


def _read_all(paths, size=4, **fields):
    return [r for p in partitions(discover([str(x) for x in paths]), size, Fields(**fields)) for r in p.records]


def test_malformed_jsonl_records_become_errors(tmp_path, sample):
    feed = tmp_path / "gemengd.jsonl"
    good = sample.read_bytes().splitlines(keepends=True)[:3]
    feed.write_bytes(good[0] + b"\n" + b"".join(bad_lines()) + b"".join(good[1:]))
    records = _read_all([feed])
    assert len(records) == 3 + len(bad_lines())  # the blank line is no record
    errors = {r["id"]: r[ERROR] for r in records if r[ERROR]}
    assert len(errors) == len(bad_lines())
    for ad_id, kind in BAD_IDS.items():
        match = [e for i, e in errors.items() if i == ad_id or (ad_id == "kapot-json" and i == "gemengd.jsonl:3")]
        assert match and error_kind(match[0]) == kind, (ad_id, errors)
    assert errors["gemengd.jsonl:4"].startswith("ongeldige JSON: regel 4 is geen object")
    too_big = next(r for r in records if r["id"] == "te-groot")
    assert too_big["text"] is None and too_big["sector"] == "sales"  # metadata kept, text not shipped
    latin = next(r for r in records if r["id"] == "latin1")
    assert latin["sector"] == "zorg"


def test_csv_parquet_and_vacancy_files(tmp_path, sample):
    ads = ads_of(sample)[:5]
    folder = tmp_path / "feeds"
    (folder / "los").mkdir(parents=True)
    frame = pd.DataFrame(ads)
    frame.to_csv(folder / "a.csv", index=False)
    table = pa.Table.from_pandas(frame.assign(collected=pd.to_datetime(frame["collected"]).dt.date,
                                              rank=range(5)), preserve_index=False)
    pq.write_table(table, folder / "b.parquet")
    (folder / "los" / "vacature.md").write_text("# Vacature\n\nVoor ons **jonge team** zoeken wij een collega.\n")
    (folder / "notities.pdf").write_bytes(b"%PDF-1.4")  # not a vacancy file: skipped in a folder
    records = _read_all([folder])
    assert len(records) == 11
    csv_rows, parquet_rows, files = records[:5], records[5:10], records[10:]
    assert [r["id"] for r in csv_rows] == [a["id"] for a in ads]
    assert [r["text"] for r in csv_rows] == [a["text"] for a in ads]
    assert parquet_rows[0]["collected"] == ads[0]["collected"] and parquet_rows[0]["rank"] == "0"
    assert files[0]["id"] == "los/vacature.md" and files[0]["_kind"] == "markdown"
    out, findings = audit_frame(pd.DataFrame.from_records(records), AuditSettings(options=Options(isolated=True)))
    assert out["error"].isna().all()
    assert "jonge team" in set(findings[findings["id"] == "los/vacature.md"]["text"])


def test_partitions_are_stable_and_skippable(sample):
    feeds = discover([str(sample)])
    first = [(p.key, p.size) for p in partitions(feeds, 5, Fields())]
    assert first == [("0000-000000", 5), ("0000-000001", 5), ("0000-000002", 5), ("0000-000003", 5),
                     ("0000-000004", 4)]
    skipped = list(partitions(feeds, 5, Fields(), skip=lambda key: key != "0000-000002"))
    assert [p.records is None for p in skipped] == [True, True, False, True, True]
    assert json.loads(sample.read_bytes().splitlines()[10])["id"] == skipped[2].records[0]["id"]


def test_vocabulary_does_not_grow_from_batch_to_batch():
    """Worker memory must not grow with the feed: spaCy's string store stays the same size
    after the first batch (memory zone), and the findings are those without a zone."""
    from vacaturelint.audit.api import linter_for

    ads = [json.loads(line) for line in feed_lines(24, skip=500)]  # texts no other test has linted
    settings = AuditSettings(options=Options(isolated=True))
    linter = linter_for(settings.options)
    config = linter.config_for(None)
    strings = linter.pipeline([linter.ruleset(config)], config).nlp.vocab.strings
    audit_frame(pd.DataFrame(ads[:8]), settings)
    size = len(strings)
    found = [audit_frame(pd.DataFrame(ads[i : i + 8]), settings)[1] for i in (8, 16)]
    assert len(strings) == size
    direct = linter.lint_sources([Source(path=a["id"], text=a["text"], kind="plain") for a in ads[8:24]],
                                 [config] * 16)
    assert sum(len(f) for f in found) == sum(len(r.findings) for r in direct) > 0
    assert len(strings) > size  # the control: outside a zone the same texts do grow it
