"""Peak memory of ``vacaturelint check`` on one big file, per file size.

Builds plain-text files of the given sizes (MB, decimal) by concatenating the
vacancies of ../shared/corpus/vacatures (repeated as often as needed, a blank line
between ads) under a temporary folder (never in the repository), and runs one
``vacaturelint check`` subprocess per file under ``/usr/bin/time -v``. Prints the
peak resident set size ("Maximum resident set size"), the CPU time and the number of
findings per size.

Usage: python bench/memory.py [--sizes 1 5 10 50] [--select GSL001] [--dir /tmp/...] [--keep]
       [--code CHECKOUT] [--save DIR] [--env NAME=VALUE]
The model defaults to $VACATURELINT_MODEL, else the stand-in in ../shared/models.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import stand_in  # bench/stand_in.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "vacatures"


def build(path: Path, megabytes: float) -> int:
    """Write ads from the corpus to ``path`` until it holds ``megabytes`` MB; its size in bytes."""
    ads = [p.read_text(encoding="utf-8").strip() for p in sorted(CORPUS.glob("*.txt"))]
    target = int(megabytes * 1_000_000)
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        while size < target:
            for ad in ads:
                piece = (ad + "\n\n").encode("utf-8")
                if size + len(piece) > target:
                    break
                out.write(ad + "\n\n")
                size += len(piece)
            else:
                continue
            break
    return size


def measure(path: Path, select: str | None, model: str, env_extra: dict[str, str], save: Path | None = None,
            code: Path = ROOT) -> dict:
    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "vacaturelint", "check", "--format", "json",
           "--max-size", "60MB", "--isolated"]
    if select:
        cmd += ["--select", select]
    cmd.append(str(path))
    env = {**os.environ, "VACATURELINT_MODEL": model, "PYTHONPATH": str(code), **env_extra}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=code)
    if save is not None:
        save.write_text(done.stdout, encoding="utf-8")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    user = re.search(r"User time \(seconds\): ([\d.]+)", done.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", done.stderr)
    try:
        findings = len(json.loads(done.stdout)["findings"]) if done.stdout.strip().startswith("{") \
            else len(json.loads(done.stdout))
    except (ValueError, KeyError, TypeError):
        findings = -1
    return {
        "exit": done.returncode,
        "peak_mb": int(peak.group(1)) / 1024 if peak else float("nan"),
        "cpu_s": float(user.group(1)) + float(system.group(1)) if user and system else float("nan"),
        "findings": findings,
        "stderr": "" if peak else done.stderr[-2000:],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 10, 50], help="file sizes in MB")
    parser.add_argument("--select", default=None, help="rules to run (default: all)")
    parser.add_argument("--dir", default=None, help="where to build the files (default: a new temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the built files")
    parser.add_argument("--model", default=None)
    parser.add_argument("--code", default=str(ROOT), metavar="DIR",
                        help="the vacaturelint checkout to measure (e.g. an older commit: git archive ... | tar -x)")
    parser.add_argument("--save", default=None, metavar="DIR", help="write each run's JSON output here")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="extra environment for the check runs (e.g. VACATURELINT_WINDOW_CHARS=...)")
    args = parser.parse_args()
    model = args.model or stand_in.model()
    env_extra = dict(item.split("=", 1) for item in args.env)
    folder = Path(args.dir or tempfile.mkdtemp(prefix="vacaturelint-memory-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"model: {model}; rules: {args.select or 'alle'}; files in {folder}")
    print(f"{'size':>8} {'bytes':>12} {'peak RSS':>10} {'CPU s':>8} {'findings':>9} exit")
    for megabytes in args.sizes:
        path = folder / f"big-{megabytes:g}MB.txt"
        size = path.stat().st_size if path.exists() else build(path, megabytes)
        save = Path(args.save) / f"{path.stem}.json" if args.save else None
        result = measure(path, args.select, model, env_extra, save, Path(args.code))
        print(f"{megabytes:>6g}MB {size:>12,} {result['peak_mb']:>8.0f}MB {result['cpu_s']:>8.1f} "
              f"{result['findings']:>9} {result['exit']}", flush=True)
        if result["stderr"]:
            print(result["stderr"], file=sys.stderr)
        if not args.keep:
            path.unlink()
    if not args.keep and not args.dir:
        folder.rmdir()


if __name__ == "__main__":
    main()
