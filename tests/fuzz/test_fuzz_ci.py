"""The fuzzer in CI, on a fixed budget: a fixed seed and a fixed number of inputs, so
every run tries the same inputs and a failure reproduces with the printed command.
Bounded by a subprocess timeout, never by a clock inside the test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = 20261203
COUNT = 120  # about 20 s with the stand-in model on one free core


def test_fuzzer_fixed_budget_finds_nothing():
    command = [sys.executable, str(ROOT / "tests" / "fuzz" / "fuzz_engine.py"), "--seed", str(SEED),
               "--count", str(COUNT)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    report = result.stdout[-4000:] + result.stderr[-2000:]
    assert f"tried {COUNT} inputs, 0 failure(s)" in result.stdout, report
    assert result.returncode == 0, report
    assert "FAIL" not in result.stdout and "Traceback" not in result.stderr, report
