"""Throughput and memory of ``vacaturelint audit`` against single-process ``check``.

On the same N ads of ../shared/feed/vacatures-2021.jsonl (read at run time; repeated
when N is larger than the feed, and said so):

(a) ``vacaturelint check --format json`` over the ads as one file each: one process;
(b) ``vacaturelint audit`` on a local Dask cluster with 1 worker, and with 2 workers.

Wall time includes start-up (model load, cluster start) for all three; the steady
rate of an audit is taken between its first and last partition written (from the
partition files' times), without start-up. Printed: ads/s, the scaling efficiency of
2 workers (steady rate(2) / (2 * steady rate(1))), the CPU seconds the worker
processes used (ads per CPU second does not depend on other load on a shared
machine; wall-clock scaling does), peak resident memory per worker process (sampled
every 0.1 s; also for the first half of the run only, which shows whether memory grows
with the feed), and the time 3.1 million ads would take on N idle cores at the
measured ads per worker CPU second.

Usage: python bench/audit.py [--ads N] [--partition-size N] [--model MODEL] [--grow F]
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
from dataclasses import dataclass
from pathlib import Path

import psutil
import stand_in  # bench/stand_in.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FEED = SHARED / "feed" / "vacatures-2021.jsonl"
VU_2019 = 3_100_000


def sample(count: int) -> tuple[list[bytes], int]:
    lines = [line for line in FEED.read_bytes().splitlines(keepends=True) if line.strip()]
    repeats = -(-count // len(lines))
    return (lines * repeats)[:count], repeats


@dataclass
class Run:
    seconds: float  # wall time
    peak: dict[int, int]  # peak RSS per process
    half: dict[int, int]  # peak RSS per process in the first half of the run
    cpu: dict[int, float]  # CPU seconds (user + system) per process, last seen
    driver: int
    cpu_at: list[tuple[float, dict[int, float]]]  # (epoch time, CPU seconds per process) samples

    def workers(self, count: int, values: dict) -> list:
        """Values of the ``count`` processes with the largest peak RSS other than the driver:
        the Dask workers (other children, such as multiprocessing's resource tracker, are small)."""
        pids = sorted((pid for pid in self.peak if pid != self.driver), key=self.peak.get, reverse=True)[:count]
        return [values.get(pid, 0) for pid in pids]


def timed(cmd: list[str], env: dict, ok=(0, 1)) -> Run:
    """Run ``cmd``, sampling memory and CPU time of it and its children every 0.1 s."""
    started = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    driver = process.pid
    parent = psutil.Process(process.pid)
    samples: list[tuple[float, dict[int, int]]] = []
    cpu: dict[int, float] = {}
    cpu_at: list[tuple[float, dict[int, float]]] = []
    while process.poll() is None:
        rss = {}
        try:
            for proc in [parent, *parent.children(recursive=True)]:
                try:
                    with proc.oneshot():
                        rss[proc.pid] = proc.memory_info().rss
                        times = proc.cpu_times()
                        cpu[proc.pid] = times.user + times.system
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        samples.append((time.perf_counter() - started, rss))
        cpu_at.append((time.time(), dict(cpu)))
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
    return Run(seconds, peak, half, cpu, driver, cpu_at)


def part_times(outdir: Path) -> list[float]:
    return sorted(p.stat().st_mtime for p in (outdir / "parts").glob("ads-*.parquet"))


def steady_rate(outdir: Path, partition_size: int) -> float | None:
    """Ads per second between the first and the last partition written (start-up excluded)."""
    times = part_times(outdir)
    if len(times) < 3 or times[-1] <= times[0]:
        return None
    return (len(times) - 1) * partition_size / (times[-1] - times[0])


def steady_cpu_rate(run: Run, outdir: Path, partition_size: int, workers: int) -> float | None:
    """Ads per worker CPU second between the first and the last partition written: the
    steady cost per ad, without imports, model load and cluster start."""
    times = part_times(outdir)
    if len(times) < 3:
        return None

    def worker_cpu(at: float) -> float:
        sample = min(run.cpu_at, key=lambda s: abs(s[0] - at))[1]
        return sum(run.workers(workers, sample))

    used = worker_cpu(times[-1]) - worker_cpu(times[0])
    return (len(times) - 1) * partition_size / used if used > 0 else None


def mb(value: float) -> str:
    return f"{value / 1e6:.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ads", type=int, default=600)
    parser.add_argument("--partition-size", type=int, default=25)
    parser.add_argument("--model", default=stand_in.model())
    parser.add_argument("--grow", type=int, default=0, metavar="F",
                        help="also audit F times as many ads with 1 worker: does worker memory grow with the feed?")
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
        check = timed([sys.executable, "-m", "vacaturelint", "check", "--isolated", "--format", "json",
                       str(files)], env)
        n = len(lines)
        check_cpu = check.cpu[check.driver]
        rows = [("check, 1 process", check.seconds, n / check.seconds, None, check_cpu,
                 check.peak[check.driver], None)]
        steady_rates, cpu_rates = {}, {}
        for workers in (1, 2):
            out = tmp / f"out-{workers}"
            cmd = [sys.executable, "-m", "vacaturelint", "audit", str(feed), "-o", str(out), "--isolated",
                   "--workers", str(workers), "--partition-size", str(args.partition_size)]
            run = timed(cmd, env, ok=(0,))
            steady = steady_rate(out, args.partition_size)
            worker_cpu = sum(run.workers(workers, run.cpu))
            steady_rates[workers] = steady or n / run.seconds
            cpu_rates[workers] = steady_cpu_rate(run, out, args.partition_size, workers) or n / worker_cpu
            rows.append((f"audit, {workers} worker(s)", run.seconds, n / run.seconds, steady, worker_cpu,
                         max(run.workers(workers, run.peak)), max(run.workers(workers, run.half))))
            print(f"  (driver of the {workers}-worker run: peak {mb(run.peak[run.driver])}, "
                  f"{run.cpu[run.driver]:.0f} CPU s)")
        print(f"{'run':<20}{'wall':>8}{'ads/s':>7}{'steady':>8}{'CPU s':>8}{'ads/CPU s':>10}"
              f"{'peak RSS/worker':>16}{'(1st half)':>11}")
        for name, seconds, rate, steady, cpu_s, peak_rss, half_rss in rows:
            steady_text = f"{steady:.1f}" if steady else "-"
            half_text = mb(half_rss) if half_rss else ""
            print(f"{name:<20}{seconds:>7.1f}s{rate:>7.1f}{steady_text:>8}{cpu_s:>8.0f}{n / cpu_s:>10.2f}"
                  f"{mb(peak_rss):>16}{half_text:>11}")
        wall_efficiency = steady_rates[2] / (2 * steady_rates[1])
        cpu_efficiency = cpu_rates[2] / cpu_rates[1]
        print(f"scaling efficiency 1 -> 2 workers, wall (steady rates): {wall_efficiency:.2f} (1.00 = linear; "
              "meaningful only on otherwise idle cores)")
        print(f"steady ads per worker CPU second (between first and last partition): 1 worker "
              f"{cpu_rates[1]:.2f}, 2 workers {cpu_rates[2]:.2f}")
        print(f"scaling efficiency 1 -> 2 workers, CPU (steady ads per worker CPU second): {cpu_efficiency:.2f}")
        print(f"check, ads per CPU second with start-up: {n / check_cpu:.2f}")
        load = os.getloadavg()[0]
        print(f"load average at the end: {load:.1f} on {cores} cores")
        for cores_n in (2, 8, 32, 64):
            hours = VU_2019 / (cpu_rates[2] * cores_n) / 3600
            print(f"3.1 M ads on {cores_n:>2} idle cores: {hours:6.1f} h (at {cpu_rates[2]:.2f} steady ads per worker "
                  "CPU second of the 2-worker run, one worker per core)")
        if args.grow > 1:
            big_lines, big_repeats = sample(n * args.grow)
            big = tmp / "big.jsonl"
            big.write_bytes(b"".join(big_lines))
            run = timed([sys.executable, "-m", "vacaturelint", "audit", str(big), "-o", str(tmp / "out-big"),
                         "--isolated", "--workers", "1", "--partition-size", str(args.partition_size)], env, ok=(0,))
            print(f"memory vs feed size, 1 worker: peak RSS {mb(rows[1][5])} at {n} ads, "
                  f"{mb(max(run.workers(1, run.peak)))} at {len(big_lines)} ads"
                  + (f" (feed repeated {big_repeats}x)" if big_repeats > 1 else "")
                  + f"; driver {mb(run.peak[run.driver])}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
