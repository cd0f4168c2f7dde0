"""``vacaturelint audit`` as a subprocess with its default local Dask cluster: outputs,
malformed records, the same findings as ``check``, resuming, refusals and usage errors."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys

import pandas as pd
import pytest

from tests.audit.conftest import (
    BAD_IDS,
    EXTRA,
    SAMPLE_SIZE,
    ads_of,
    audit_findings,
    bad_lines,
)
from tests.conftest import ROOT, run_cli
from vacaturelint.audit.records import AD_COLUMNS, FINDING_COLUMNS, error_kind

TOTAL = SAMPLE_SIZE + 1 + 6 + len(bad_lines())  # sample, hostile ad, CSV and Parquet ads, bad records
AUDITED = TOTAL - len(bad_lines())


@pytest.mark.slow
def test_outputs_and_exit_code(local_audit, sample):
    _, out, result = local_audit
    assert result.returncode == 0, result.stderr  # findings and bad records do not fail an audit
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "audit klaar" in result.stderr, result.stderr  # no progress in a pipe
    assert {p.name for p in out.iterdir()} >= {"findings.parquet", "ads.parquet", "summary.json", "index.html"}
    ads = pd.read_parquet(out / "ads.parquet")
    findings = pd.read_parquet(out / "findings.parquet")
    meta = ["platform", "title", "company", "location", "sector", "collected"]
    assert list(ads.columns) == ["id", *meta, *AD_COLUMNS]
    assert list(findings.columns) == ["id", *meta, *FINDING_COLUMNS]
    assert len(ads) == TOTAL and ads["id"].is_unique  # every ad exactly once
    assert {ad["id"] for ad in ads_of(sample)} <= set(ads["id"])
    errors = ads.dropna(subset=["error"]).set_index("id")["error"]
    assert len(errors) == len(bad_lines())
    for ad_id, kind in BAD_IDS.items():
        key = ad_id if ad_id != "kapot-json" else "slecht.jsonl:1"
        assert error_kind(errors[key]) == kind, errors[key]
    assert ads.set_index("id").loc["te-groot", "sector"] == "sales"
    per_ad = findings.groupby("id").size()
    assert (ads.set_index("id")["n_findings"] == per_ad.reindex(ads["id"]).fillna(0).to_numpy()).all()


@pytest.mark.slow
def test_same_findings_as_check(local_audit, sample, sample_check):
    _, out, _ = local_audit
    found = audit_findings(out)
    plain = {f for f in found if not f[0].endswith(tuple(EXTRA))}
    assert plain == sample_check and len(sample_check) > 10  # "vijandig" has no findings
    ids = [ad["id"] for ad in ads_of(sample)]
    for suffix, rows in EXTRA.items():  # the same ads read from CSV and Parquet: the same findings
        again = {(f[0].removesuffix(suffix), *f[1:]) for f in found if f[0].endswith(suffix)}
        assert again == {f for f in sample_check if f[0] in ids[rows]}


@pytest.mark.slow
def test_summary(local_audit):
    _, out, _ = local_audit
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["ads"] == {"total": TOTAL, "audited": AUDITED,
                              "failed": len(bad_lines())}
    assert summary["failed_by_reason"] == {"ongeldige JSON": 2, "tekst ontbreekt": 2, "geen tekst": 1,
                                           "tekst te groot": 1, "ongeldige codering": 1}
    ads = pd.read_parquet(out / "ads.parquet")
    ok = ads[ads["error"].isna()]
    leeftijd = summary["shares"]["categories"]["leeftijd"]
    assert leeftijd["ads"] == int((ok["n_leeftijd"] > 0).sum())
    assert leeftijd["low"] <= leeftijd["share"] <= leeftijd["high"]
    assert summary["findings"]["total"] == len(pd.read_parquet(out / "findings.parquet"))
    months = summary["by"]["collected:month"]
    assert set(months) <= {"2021-01", "2021-02", "2021-03", "(leeg)"} and "2021-02" in months
    assert sum(g["ads"] for g in months.values()) == summary["ads"]["total"]
    assert summary["by"]["sector"]["sales"]["failed"] >= 2  # zonder-tekst and te-groot carry sector sales
    assert all(len(w) <= 10 for w in summary["wording"].values())


def run_on_terminal(*args: str) -> tuple[int, str]:
    """The CLI with stderr on a pseudo-terminal (outside CI), as a user would see it."""
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    process = subprocess.Popen([sys.executable, "-m", "vacaturelint", *args], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=slave, cwd=ROOT, env=env)
    os.close(slave)
    chunks = []
    try:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: every process holding the terminal has gone
                break
            if not data:
                break
            chunks.append(data)
        process.wait(timeout=300)
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    return process.returncode, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_rerun_resumes_with_progress_on_a_terminal_and_mismatch_is_refused(local_audit):
    folder, out, _ = local_audit
    before = pd.read_parquet(out / "ads.parquet")
    parts = sorted((out / "parts").glob("ads-*.parquet"))
    parts[1].unlink()  # as if the run had stopped before this partition was written
    code, terminal = run_on_terminal("audit", str(folder), "-o", str(out), "--isolated", "--workers", "1",
                                     "--partition-size", "7", "--by", "collected:month", "--by", "sector")
    assert code == 0, terminal
    assert f"{len(parts) - 1} partitie(s) al klaar" in terminal
    total = len(before)
    assert re.search(rf"vacatures: {total}/{total} \(100%\)  \d+,\d/s  nog 0:00:00", terminal), terminal
    after = pd.read_parquet(out / "ads.parquet")
    pd.testing.assert_frame_equal(before, after)
    for args, what in ((("--select", "leeftijd"), "configuratie"), (("--partition-size", "8"), "partitiegrootte")):
        refused = run_cli("audit", str(folder), "-o", str(out), "--isolated", "--workers", "1",
                          *(a for a in ("--partition-size", "7") if args[0] != "--partition-size"), *args)
        assert refused.returncode == 2
        assert refused.stderr.startswith("vacaturelint: fout: ") and refused.stderr.count("\n") == 1
        assert what in refused.stderr and "niet gemengd" in refused.stderr
    pd.testing.assert_frame_equal(before, pd.read_parquet(out / "ads.parquet"))


@pytest.mark.slow
def test_all_done_needs_no_cluster(local_audit):
    folder, out, _ = local_audit
    again = run_cli("audit", str(folder), "-o", str(out), "--isolated", "--partition-size", "7",
                    "--by", "collected:month", "--by", "sector",
                    "--scheduler", "tcp://127.0.0.1:9")  # nothing listens there: not contacted
    assert again.returncode == 0, again.stderr
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["ads"]["total"] == len(
        pd.read_parquet(out / "ads.parquet"))


def test_usage_errors(tmp_path, sample):
    out = str(tmp_path / "uit")
    cases = [
        (("audit", str(tmp_path / "weg.jsonl"), "-o", out), "bestaat niet"),
        (("audit", str(ROOT / "pyproject.toml"), "-o", out), "onbekend feedformaat"),
        (("audit", str(sample), "-o", out, "--by", "collected:week"), "ongeldige --by"),
        (("audit", str(sample), "-o", out, "--isolated", "--select", "geenregel"), "onbekende regel"),
        (("audit", str(sample), "-o", out, "--model", str(tmp_path / "geen-model")), "niet gevonden"),
        (("audit", str(sample), "-o", str(ROOT / "vacaturelint")), "geen audit-uitvoermap"),
        (("audit", str(sample), "-o", out, "--isolated", "--scheduler", "tcp://127.0.0.1:9"),
         "geen verbinding"),
    ]
    for args, message in cases:
        result = run_cli(*args, env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "3s"})
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.startswith("vacaturelint: fout: ") and result.stderr.count("\n") == 1, result.stderr
        assert message in result.stderr, (message, result.stderr)
        assert "Traceback" not in result.stderr


def test_without_the_audit_extra_says_so_in_one_line(sample, tmp_path):
    """dask, pyarrow and pandas made unimportable (as when the extra is not installed)."""
    code = ("import sys; sys.modules.update(dict.fromkeys(['dask', 'dask.distributed', 'pyarrow'])); "
            "from vacaturelint.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", code, "audit", str(sample), "-o", str(tmp_path / "uit")],
                            check=False, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2
    assert result.stderr == ("vacaturelint: fout: audit heeft extra pakketten nodig die ontbreken (dask[distributed], "
                             "pyarrow): installeer ze met pip install 'vacaturelint[audit]'\n")
