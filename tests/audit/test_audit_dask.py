"""The audit on a real Dask cluster: a ``dask scheduler`` and two ``dask worker``
processes on 127.0.0.1, started by the tests. A worker that lacks the model, a driver
killed mid-run and resumed, a worker killed mid-run: every ad exactly once, and the
same findings as ``vacaturelint check``."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pandas as pd
import pytest

from tests.audit.conftest import (
    STAND_IN_MODEL,
    DaskCluster,
    audit_cmd,
    audit_findings,
    feed_lines,
)
from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.slow
RUN_TIMEOUT = 240


def wait_until(condition, what: str, timeout: float = RUN_TIMEOUT, poll: float = 0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(poll)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_worker_without_the_model_gives_one_clear_error(dask_cluster, sample, tmp_path):
    """The model path is relative: it exists beside the driver, not beside the workers."""
    (tmp_path / "modellen").mkdir()
    (tmp_path / "modellen" / "nl").symlink_to(STAND_IN_MODEL)
    result = run_cli("audit", str(sample), "-o", str(tmp_path / "uit"), "--isolated", "--model", "modellen/nl",
                     "--scheduler", dask_cluster.address, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("vacaturelint: fout: op worker w") and result.stderr.count("\n") == 1
    assert "spaCy-model 'modellen/nl'" in result.stderr and "Traceback" not in result.stderr  # the engine's words


def test_driver_killed_mid_run_then_resumed(dask_cluster, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"".join(feed_lines(60, skip=100)))
    out = tmp_path / "uit"
    args = (str(feed), "-o", str(out), "--isolated", "--partition-size", "2", "--scheduler", dask_cluster.address)
    driver = subprocess.Popen(audit_cmd(*args), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        done = wait_until(lambda: len(list((out / "parts").glob("ads-*.parquet"))) if out.exists() else 0,
                          "a first partition")
        driver.send_signal(signal.SIGKILL)
        driver.wait(timeout=30)
    finally:
        if driver.poll() is None:
            driver.kill()
    assert 1 <= done < 30, "the audit finished before it could be interrupted"
    assert not (out / "ads.parquet").exists()
    resumed = run_cli("audit", *args)
    assert resumed.returncode == 0, resumed.stderr
    assert "partitie(s) al klaar" in resumed.stderr
    ads = pd.read_parquet(out / "ads.parquet")
    assert len(ads) == 60 and ads["id"].is_unique and ads["error"].isna().all()
    findings = pd.read_parquet(out / "findings.parquet")
    assert (ads.set_index("id")["n_findings"].sum()) == len(findings)


def test_worker_killed_mid_run(sample, sample_check, tmp_path):
    """A fresh cluster of two workers; one is killed (SIGKILL, no nanny to restart it)
    while it runs a partition: its tasks run again on the other, every ad once."""
    cluster = DaskCluster(tmp_path, workers=2)
    try:
        out = tmp_path / "uit"
        driver = subprocess.Popen(audit_cmd(str(sample), "-o", str(out), "--isolated", "--partition-size", "3",
                                            "--scheduler", cluster.address),
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        with cluster.client() as client:
            names = {info["name"]: address for address, info in client.scheduler_info()["workers"].items()}
            victim = names["w1"]
            wait_until(lambda: any("vacaturelint-audit" in str(key) for key in client.processing().get(victim, ())),
                       "a partition on worker w1", poll=0.01)
            os.killpg(cluster.workers[1].pid, signal.SIGKILL)
        _, stderr = driver.communicate(timeout=RUN_TIMEOUT)
        assert driver.returncode == 0, stderr.decode()
        assert cluster.workers[1].poll() is not None
        ads = pd.read_parquet(out / "ads.parquet")
        assert len(ads) == 24 and ads["id"].is_unique and ads["error"].isna().all()
        assert audit_findings(out) == sample_check
    finally:
        cluster.stop()
