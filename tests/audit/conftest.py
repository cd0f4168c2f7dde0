"""Fixtures for the audit: a small sample of the real feed (read from ../shared/feed at
run time, never copied into the repository), malformed records, real ``dask scheduler``
and ``dask worker`` processes on 127.0.0.1, and ``vacaturelint check`` on the same ads
for comparison.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import MODEL, ROOT, run_cli

FEED = ROOT.parent / "shared" / "feed" / "vacatures-2021.jsonl"
SAMPLE_SIZE = 24
STAND_IN_MODEL = Path(MODEL)
START_TIMEOUT = 60
# Even without a dashboard, scheduler and worker serve HTTP routes (health); by default on
# every interface. Keep them on the loopback interface too, on a free port.
LOOPBACK_HTTP = "127.0.0.1:0"


def feed_lines(count: int, skip: int = 0) -> list[bytes]:
    if not FEED.is_file():
        pytest.skip(f"{FEED} ontbreekt (de echte feed staat naast de checkout in ../shared/feed)")
    lines = []
    with FEED.open("rb") as handle:
        for number, line in enumerate(handle):
            if number >= skip + count:
                break
            if number >= skip:
                lines.append(line)
    return lines


def bad_lines() -> list[bytes]:
    """One of every kind of bad record, each with an id where the line has one."""
    huge = "Wij zoeken een collega. " * (21_000_000 // 24)  # ~20 MB
    return [
        b'{"id": "kapot-json", "text": "Wij zoeken een jonge\n',  # cut off: invalid JSON
        b'["geen", "object"]\n',
        json.dumps({"id": "zonder-tekst", "sector": "sales"}).encode() + b"\n",
        json.dumps({"id": "tekst-null", "text": None}).encode() + b"\n",
        json.dumps({"id": "tekst-getal", "text": 42}).encode() + b"\n",
        json.dumps({"id": "te-groot", "sector": "sales", "text": huge}).encode() + b"\n",
        '{"id": "latin1", "sector": "zorg", "text": "Wij zoeken een enthousiaste collega in Zaandam caf\xe9."}\n'
        .encode("latin-1"),
    ]


HOSTILE = ('<script>document.documentElement.setAttribute("data-pwned","1")</script>'
           '<img src=x onerror="document.documentElement.setAttribute(\'data-pwned\',\'2\')">')


def hostile_line() -> bytes:
    """A good ad whose metadata tries to run script in the dashboard."""
    return json.dumps({"id": "vijandig", "sector": HOSTILE, "collected": "2021-03-01",
                       "text": "Wij zoeken een collega voor de administratie."}).encode() + b"\n"


BAD_IDS = {"kapot-json": "ongeldige JSON", "zonder-tekst": "tekst ontbreekt", "tekst-null": "tekst ontbreekt",
           "tekst-getal": "geen tekst", "te-groot": "tekst te groot", "latin1": "ongeldige codering"}


@pytest.fixture(scope="session")
def sample(tmp_path_factory) -> Path:
    """The first SAMPLE_SIZE ads of the real feed, as a JSONL file in a temporary folder."""
    path = tmp_path_factory.mktemp("feed") / "sample.jsonl"
    path.write_bytes(b"".join(feed_lines(SAMPLE_SIZE)))
    return path


def ads_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def check_findings(ads: list[dict], folder: Path) -> set[tuple]:
    """``vacaturelint check --format json`` on the same texts (one file per ad)."""
    folder.mkdir(parents=True, exist_ok=True)
    for ad in ads:
        (folder / f"{ad['id']}.txt").write_text(ad["text"], encoding="utf-8", newline="")
    result = run_cli("check", "--isolated", "--format", "json", str(folder))
    assert result.returncode in (0, 1), result.stderr
    return {(Path(f["path"]).stem, f["rule"], f["offset"], f["end_offset"], f["line"], f["column"], f["text"],
             f["message"], f["severity"]) for f in json.loads(result.stdout)}


def audit_findings(outdir: Path) -> set[tuple]:
    import pandas as pd

    frame = pd.read_parquet(outdir / "findings.parquet")
    return {(r.id, r.rule, int(r.offset), int(r.end_offset), int(r.line), int(r.column), r.text, r.message,
             r.severity) for r in frame.itertuples()}


@pytest.fixture(scope="session")
def sample_check(sample, tmp_path_factory) -> set[tuple]:
    return check_findings(ads_of(sample), tmp_path_factory.mktemp("check"))


def audit_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "vacaturelint", "audit", *args]


class DaskCluster:
    """A real ``dask scheduler`` and ``dask worker`` processes on 127.0.0.1 (no nanny,
    so a killed worker stays dead)."""

    def __init__(self, tmp: Path, workers: int, cwd: Path | None = None) -> None:
        self.tmp = tmp
        self.cwd = cwd or tmp
        self.env = dict(os.environ)
        self.env.pop("DASK_SCHEDULER_ADDRESS", None)
        scheduler_file = tmp / "scheduler.json"
        self.scheduler = self._start([sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port",
                                      "0", "--no-dashboard", "--dashboard-address", LOOPBACK_HTTP,
                                      "--scheduler-file", str(scheduler_file)], "scheduler")
        deadline = time.monotonic() + START_TIMEOUT
        while not scheduler_file.exists():
            assert time.monotonic() < deadline and self.scheduler.poll() is None, self._log("scheduler")
            time.sleep(0.1)
        time.sleep(0.2)
        self.address = json.loads(scheduler_file.read_text())["address"]
        assert self.address.startswith("tcp://127.0.0.1:")
        self.workers = [self._start([sys.executable, "-m", "dask", "worker", self.address, "--host", "127.0.0.1",
                                     "--nthreads", "1", "--no-nanny", "--no-dashboard", "--dashboard-address",
                                     LOOPBACK_HTTP, "--name", f"w{i}"],
                                    f"worker{i}") for i in range(workers)]
        self.wait_for_workers(workers)

    def _start(self, cmd: list[str], name: str) -> subprocess.Popen:
        log = open(self.tmp / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=self.cwd, env=self.env,
                                start_new_session=True)

    def _log(self, name: str) -> str:
        path = self.tmp / f"{name}.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def client(self):
        from dask.distributed import Client

        return Client(self.address, timeout="20s")

    def wait_for_workers(self, count: int) -> None:
        with self.client() as client:
            client.wait_for_workers(count, timeout=START_TIMEOUT)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after a few seconds (only these processes' own groups)."""
        for process in [*self.workers, self.scheduler]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 3
        for process in [*self.workers, self.scheduler]:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    cluster = DaskCluster(tmp_path_factory.mktemp("dask"), workers=2)
    yield cluster
    cluster.stop()


EXTRA = {"-csv": slice(0, 3), "-pq": slice(3, 6)}  # ads of the sample again, as CSV and as Parquet


def write_csv_and_parquet(ads: list[dict], folder: Path) -> None:
    """The same ads (ids with a suffix) as ``extra.csv`` and ``extra.parquet`` (dates as dates)."""
    import pandas as pd

    frame = pd.DataFrame(ads)
    frame["id"] = frame["id"].astype(str)
    csv = frame.iloc[EXTRA["-csv"]].assign(id=lambda f: f["id"] + "-csv")
    csv.to_csv(folder / "extra.csv", index=False)
    parquet = frame.iloc[EXTRA["-pq"]].assign(id=lambda f: f["id"] + "-pq",
                                              collected=lambda f: pd.to_datetime(f["collected"]).dt.date)
    parquet.to_parquet(folder / "extra.parquet", index=False)


@pytest.fixture(scope="session")
def local_audit(sample, tmp_path_factory):
    """One audit of a folder on the default local cluster: the real sample, malformed
    records, one ad with hostile metadata. Returns (folder, outdir, completed process)."""
    tmp = tmp_path_factory.mktemp("lokaal")
    folder = tmp / "feeds"
    folder.mkdir()
    (folder / "sample.jsonl").write_bytes(sample.read_bytes() + hostile_line())
    (folder / "slecht.jsonl").write_bytes(b"".join(bad_lines()))
    write_csv_and_parquet(ads_of(sample), folder)
    out = tmp / "uit"
    result = run_cli("audit", str(folder), "-o", str(out), "--isolated", "--workers", "1", "--partition-size", "7",
                     "--by", "collected:month", "--by", "sector")
    return folder, out, result
