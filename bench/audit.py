"""Throughput and memory of ``vacaturelint audit`` against single-process ``check``.

On the same N ads of ../shared/feed/vacatures-2021.jsonl (read at run time; repeated
when N is larger than the feed, and said so):

(a) ``vacaturelint check --format json`` over the ads as one file each: one process;
(b) ``vacaturelint audit`` on a local Dask cluster with 1 worker, and with 2 workers.

Wall time includes start-up (model load, cluster start) for all three; the steady
rate of an audit is taken between its first and last partition written (from the
partition files' times), without start-up. Printed: ads/s, the scaling efficiency of
2 workers (steady rate(2) / (2 * steady rate(1))), peak resident
memory per worker process (sampled every 0.1 s; also for the first half of the run
only, which shows whether memory grows with the feed), and the time 3.1 million ads
would take on N cores at the measured per-worker rate and efficiency.

Usage: python bench/audit.py [--ads N] [--partition-size N] [--model MODEL]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FEED = SHARED / "feed" / "vacatures-2021.jsonl"
STAND_IN = SHARED / "models" / "nl_ud_selftrained_sm-0.1.0"
VU_2019 = 3_100_000


def sample(count: int) -> tuple[list[bytes], int]:
    lines = [line for line in FEED.read_bytes().splitlines(keepends=True) if line.strip()]
    repeats = -(-count // len(lines))
    return (lines * repeats)[:count], repeats


def timed(cmd: list[str], env: dict, ok=(0, 1)) -> tuple[float, dict[int, int], dict[int, int], int]:
    """Wall time, peak RSS per process (whole run, and first half of it), and the driver's pid."""
    started = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    driver = process.pid
    parent = psutil.Process(process.pid)
    samples: list[tuple[float, dict[int, int]]] = []
    while process.poll() is None:
        rss = {}
        try:
            for child in parent.children(recursive=True):
                try:
                    rss[child.pid] = child.memory_info().rss
                except psutil.Error:
                    pass
            rss[process.pid] = parent.memory_info().rss
        except psutil.Error:
            pass
        samples.append((time.perf_counter() - started, rss))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode()
    if process.returncode not in ok:
        sys.exit(f"bench: {' '.join(cmd[2:5])} ... failed ({process.returncode}): {stderr[-800:]}")
    peak: dict[int, int] = {}
    half: dict[int, int] = {}
    for at, rss in samples:
        for pid, value in rss.items():
            peak[pid] = max(peak.get(pid, 0), value)
            if at <= seconds / 2:
                half[pid] = max(half.get(pid, 0), value)
    return seconds, peak, half, driver


def workers_of(peak: dict[int, int], driver: int, count: int) -> list[int]:
    """Peak RSS of the ``count`` largest processes other than the driver: the Dask workers
    (the other children of the driver, such as multiprocessing's resource tracker, are small)."""
    return sorted((v for pid, v in peak.items() if pid != driver), reverse=True)[:count]


def steady_rate(outdir: Path, partition_size: int) -> float | None:
    """Ads per second between the first and the last partition written (start-up excluded)."""
    times = sorted(p.stat().st_mtime for p in (outdir / "parts").glob("ads-*.parquet"))
    if len(times) < 3 or times[-1] <= times[0]:
        return None
    return (len(times) - 1) * partition_size / (times[-1] - times[0])


def mb(value: float) -> str:
    return f"{value / 1e6:.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ads", type=int, default=600)
    parser.add_argument("--partition-size", type=int, default=25)
    parser.add_argument("--model", default=os.environ.get("VACATURELINT_MODEL", str(STAND_IN)))
    args = parser.parse_args()
    if not FEED.is_file():
        sys.exit(f"bench: {FEED} ontbreekt")
    env = {**os.environ, "VACATURELINT_MODEL": args.model}
    env.pop("CI", None)
    lines, repeats = sample(args.ads)
    tmp = Path(tempfile.mkdtemp(prefix="vacaturelint-bench-audit-"))
    try:
        feed = tmp / "feed.jsonl"
        feed.write_bytes(b"".join(lines))
        files = tmp / "files"
        files.mkdir()
        for number, line in enumerate(lines):
            (files / f"{number:07d}.txt").write_text(json.loads(line)["text"], encoding="utf-8", newline="")
        words = sum(len(json.loads(line)["text"].split()) for line in lines)
        cores = os.cpu_count() or 1
        load = os.getloadavg()[0]
        print(f"{len(lines)} ads ({words / len(lines):.0f} words each on average) from {FEED.name}"
              + (f", the feed repeated {repeats}x" if repeats > 1 else "")
              + f"; model {args.model}; {cores} cores, load average {load:.1f} at start")
        check_s, check_peak, _, _ = timed([sys.executable, "-m", "vacaturelint", "check", "--isolated", "--format",
                                           "json", str(files)], env)
        rates = {}
        rows = [("check, 1 process", check_s, len(lines) / check_s, None, max(check_peak.values()), None)]
        for workers in (1, 2):
            out = tmp / f"out-{workers}"
            cmd = [sys.executable, "-m", "vacaturelint", "audit", str(feed), "-o", str(out), "--isolated",
                   "--workers", str(workers), "--partition-size", str(args.partition_size)]
            seconds, peak, half, driver = timed(cmd, env, ok=(0,))
            steady = steady_rate(out, args.partition_size)
            rates[workers] = steady or len(lines) / seconds
            rows.append((f"audit, {workers} worker(s)", seconds, len(lines) / seconds, steady,
                         max(workers_of(peak, driver, workers)), max(workers_of(half, driver, workers) or [0])))
            print(f"  (driver of the {workers}-worker run: peak {mb(peak[driver])})")
        print(f"{'run':<22}{'wall':>9}{'ads/s':>9}{'steady ads/s':>14}{'peak RSS/worker':>18}{'(1st half)':>12}")
        for name, seconds, rate, steady, peak_rss, half_rss in rows:
            steady_text = f"{steady:.1f}" if steady else "-"
            half_text = mb(half_rss) if half_rss else ""
            print(f"{name:<22}{seconds:>8.1f}s{rate:>9.1f}{steady_text:>14}{mb(peak_rss):>18}{half_text:>12}")
        efficiency = rates[2] / (2 * rates[1])
        print(f"scaling efficiency 1 -> 2 workers (steady rates): {efficiency:.2f} (1.00 = linear)")
        print(f"audit, 1 worker (steady) vs check (wall, with model load): {rates[1] / rows[0][2]:.2f}x")
        per_worker = rates[1]
        for n in (2, 8, 32, 64):
            hours = VU_2019 / (per_worker * n * efficiency) / 3600
            print(f"3.1 M ads on {n:>2} cores: {hours:6.1f} h (at {per_worker:.1f} ads/s per worker, efficiency "
                  f"{efficiency:.2f})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
