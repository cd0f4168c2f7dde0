"""Ctrl-C and SIGTERM (issue 15, item 8): exit 130 and 143 with one short Dutch
line, no traceback, no partial report or temporary file, and no worker processes
left behind by ``report``.

The signal is sent when the CLI is known to be inside its command: ``check -``
while it is reading standard input (the test has pushed more than a pipe buffer
into it), ``report`` once its worker processes exist. Every wait is bounded.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.robustness.conftest import BAD

pytestmark = pytest.mark.fast

TIMEOUT = 240


def _start(*args, cwd=None, **kwargs) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "VACATURELINT_MAX_SIZE")}
    return subprocess.Popen([sys.executable, "-m", "vacaturelint", *args], cwd=cwd or ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kwargs)


def _reading_stdin(*args) -> subprocess.Popen:
    """``check -`` blocked on standard input: 300 KB were taken (more than a pipe
    holds), so the CLI is inside its read loop; the pipe stays open."""
    process = _start("check", "--isolated", "--max-size", "2MB", *args, "-", stdin=subprocess.PIPE)
    process.stdin.write(b"Wij zoeken een collega. " * 12_500)
    process.stdin.flush()
    return process


@pytest.mark.parametrize(("sig", "code", "line"), [
    (signal.SIGINT, 130, "vacaturelint: fout: afgebroken (Ctrl-C)"),
    (signal.SIGTERM, 143, "vacaturelint: fout: gestopt (SIGTERM)"),
])
def test_check_interrupted_exits_with_the_signal_code(tmp_path, sig, code, line):
    output = tmp_path / "uitvoer.txt"
    process = _reading_stdin("-o", str(output))
    os.killpg(process.pid, sig)  # as a terminal's Ctrl-C: the whole process group
    stdout, stderr = process.communicate(timeout=TIMEOUT)
    process.stdin.close()
    assert process.returncode == code, stderr.decode()
    text = stderr.decode()
    assert text.strip() == line, text
    assert "Traceback" not in text and "Aborted!" not in text
    assert not output.exists()


def _children(pid: int) -> set[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return {int(p) for p in handle.read().split()}
    except OSError:
        return set()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children"),
                    reason="/proc/PID/task/PID/children ontbreekt: werkprocessen zijn niet te zien")
@pytest.mark.parametrize(("sig", "code", "whole_group"), [
    (signal.SIGTERM, 143, False),  # as a service manager stops the parent
    (signal.SIGINT, 130, True),  # as Ctrl-C reaches every process in the terminal's group
])
def test_report_stopped_leaves_no_report_temp_files_or_workers(tmp_path, sig, code, whole_group):
    folder = tmp_path / "vacatures"
    folder.mkdir()
    for i in range(600):
        (folder / f"v{i:03}.md").write_text(BAD * 3, encoding="utf-8")
    output = tmp_path / "rapport.html"
    process = _start("report", "--isolated", "-j", "2", "-o", str(output), str(folder))
    workers: set[int] = set()
    deadline = time.monotonic() + TIMEOUT
    while not workers and process.poll() is None and time.monotonic() < deadline:
        workers = {p for p in _children(process.pid) if _alive(p)}
        time.sleep(0.05)
    assert workers, "report started no workers: " + process.stderr.read().decode()[-2000:]
    if whole_group:
        os.killpg(process.pid, sig)
    else:
        os.kill(process.pid, sig)
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT)  # workers left running keep stderr open
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # its own session: only the report and its workers
        process.communicate()
        raise
    text = stderr.decode()
    assert process.returncode == code, text[-2000:]
    assert "Traceback" not in text and "KeyboardInterrupt" not in text, text[-3000:]
    assert not output.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".vacaturelint")] == []
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in workers if _alive(p)]
    for pid in left:  # do not leave them running on the machine either way
        os.kill(pid, signal.SIGKILL)
    assert left == [], "werkprocessen bleven draaien na het stoppen van report"
