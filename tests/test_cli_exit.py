"""How ``check`` ends: without the interpreter's teardown once its output is flushed,
so all output must be there (to a pipe, to a file) with the right exit code; under a
profiler the usual exit, so the profiler still writes its results."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.fast  # the fast tier (README): seconds per test, no external programs

AD = ("Wij zoeken een jonge, dynamische verkoopster (m/v) van maximaal 30 jaar.\n\n"
      "Je hebt Nederlands als moedertaal en stuurt je cv met pasfoto.\n")


def _ads(tmp_path, count: int = 60) -> list[str]:
    paths = []
    for i in range(count):
        path = tmp_path / f"vacature-{i:03d}.txt"
        path.write_text(AD, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_all_output_reaches_a_file_on_stdout_with_the_exit_code(tmp_path):
    paths = _ads(tmp_path)
    written = run_cli("check", "--isolated", "-o", str(tmp_path / "uit.txt"), *paths)
    with (tmp_path / "stdout.txt").open("wb") as out:
        done = subprocess.run([sys.executable, "-m", "vacaturelint", "check", "--isolated", *paths],
                              stdout=out, stderr=subprocess.PIPE, cwd=ROOT, timeout=300)
    text = (tmp_path / "stdout.txt").read_text(encoding="utf-8")
    assert (done.returncode, written.returncode) == (1, 1)
    assert len(text) > 64 * 1024  # more than one pipe or buffer full
    assert text == (tmp_path / "uit.txt").read_text(encoding="utf-8")
    assert text.count("[LFT") >= len(paths) and text.endswith("vacaturelint explain REGEL\n")
    assert f"in {len(paths)} van {len(paths)} bestanden" in text


def test_all_output_reaches_a_pipe_and_stderr_keeps_its_lines(tmp_path):
    paths = _ads(tmp_path, 20)
    done = run_cli("check", "--isolated", "--exit-zero", *paths, str(tmp_path / "bestaat-niet.txt"))
    assert done.returncode == 2  # an input that cannot be read: 2, also with --exit-zero
    assert done.stdout.endswith("vacaturelint explain REGEL\n")
    assert done.stdout.count("[LFT") >= len(paths)
    assert "bestaat-niet.txt" in done.stderr and done.stderr.startswith("vacaturelint: fout:")


def test_under_a_profiler_the_usual_exit_lets_it_write_its_results(tmp_path):
    ad = _ads(tmp_path, 1)[0]
    profile = tmp_path / "check.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "vacaturelint", "check",
                           "--isolated", ad], capture_output=True, cwd=ROOT, timeout=300,
                          env=dict(os.environ))
    assert b"[LFT" in done.stdout and done.stdout.endswith(b"vacaturelint explain REGEL\n")  # (cProfile exits 0)
    assert profile.is_file() and profile.stat().st_size > 0
