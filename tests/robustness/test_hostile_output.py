"""Issue 15, item 1: ``-o`` never destroys what the user wrote.

``report``/``check`` refuse an output file that is one of the inputs (named, or met in
the folder walk), a folder, or not a regular file (FIFO, device node); one Dutch line,
exit code 2, nothing written. The report is written atomically and a run killed while
writing it leaves no temporary file. Every run is a subprocess with a timeout.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.robustness.conftest import BAD, CLEAN

pytestmark = pytest.mark.fast

TIMEOUT = 120


def run(*args, cwd, file_limit: int | None = None) -> subprocess.CompletedProcess:
    """``python -m vacaturelint ARGS``; with ``file_limit``, writing a file past that
    many bytes kills the process at once (SIGXFSZ with its default action, which
    Python's startup would ignore, so it is restored before the CLI runs), as a SIGKILL
    in the middle of the final write would."""
    command = [sys.executable, "-m", "vacaturelint", *args]
    if file_limit is not None:
        command = [sys.executable, "-c", (
            "import resource, runpy, signal, sys\n"
            "signal.signal(signal.SIGXFSZ, signal.SIG_DFL)\n"
            f"resource.setrlimit(resource.RLIMIT_FSIZE, ({file_limit}, {file_limit}))\n"
            "sys.argv = ['vacaturelint', *sys.argv[1:]]\n"
            "runpy.run_module('vacaturelint', run_name='__main__', alter_sys=True)\n"), *args]
    result = subprocess.run(command, capture_output=True, cwd=cwd, timeout=TIMEOUT,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"})
    result.stdout = result.stdout.decode("utf-8", "replace")
    result.stderr = result.stderr.decode("utf-8", "replace")
    return result


def one_error(result, *words) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("vacaturelint: fout: "), lines[0]
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("command", ["report", "check"])
def test_output_that_is_the_named_input_is_refused(tmp_path, command):
    vacancy = tmp_path / "a.md"
    vacancy.write_text(BAD, encoding="utf-8")
    one_error(run(command, "a.md", "-o", "a.md", cwd=tmp_path), "a.md", "invoer")
    assert vacancy.read_text(encoding="utf-8") == BAD


def test_output_that_the_walk_would_scan_is_refused(tmp_path):
    (tmp_path / "v.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "w.md").write_text(CLEAN, encoding="utf-8")
    one_error(run("report", ".", "-o", "v.md", cwd=tmp_path), "v.md", "invoer")
    assert (tmp_path / "v.md").read_text(encoding="utf-8") == BAD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.md", "w.md"]  # no report, no temporary file


def test_output_through_a_symlink_to_an_input_is_refused(tmp_path):
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "link.html").symlink_to(tmp_path / "a.md")
    one_error(run("report", "a.md", "-o", "link.html", cwd=tmp_path), "invoer")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == BAD


def test_an_earlier_report_in_the_walk_is_replaced_not_linted(tmp_path):
    (tmp_path / "v.md").write_text(BAD, encoding="utf-8")
    first = run("report", ".", "--include", "*.md", "--include", "*.html", "-o", "rapport.html", cwd=tmp_path)
    assert first.returncode == 1, first.stderr
    again = run("report", ".", "--include", "*.md", "--include", "*.html", "-o", "rapport.html", cwd=tmp_path)
    assert again.returncode == 1, again.stderr
    assert "in 1 van 1 vacature" in again.stderr  # the earlier report is no vacancy
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.html", "v.md"]


@pytest.mark.parametrize("command", ["report", "check"])
def test_output_that_is_a_fifo_is_refused(tmp_path, command):
    (tmp_path / "v.md").write_text(BAD, encoding="utf-8")
    os.mkfifo(tmp_path / "uit.html")
    one_error(run(command, "v.md", "-o", "uit.html", cwd=tmp_path), "uit.html", "geen gewoon bestand")
    assert stat.S_ISFIFO(os.lstat(tmp_path / "uit.html").st_mode)  # not replaced by a regular file


@pytest.mark.skipif(os.geteuid() != 0, reason="a device node can only be made as root")
@pytest.mark.parametrize("command", ["report", "check"])
def test_output_that_is_a_device_node_is_refused(tmp_path, command):
    (tmp_path / "v.md").write_text(BAD, encoding="utf-8")
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null
    one_error(run(command, "v.md", "-o", str(device), cwd=tmp_path), "geen gewoon bestand")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


@pytest.mark.parametrize("command", ["report", "check"])
def test_output_that_is_a_folder_is_refused(tmp_path, command):
    (tmp_path / "v.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "uit").mkdir()
    one_error(run(command, "v.md", "-o", "uit", cwd=tmp_path), "uit", "map")
    assert (tmp_path / "uit").is_dir() and not any((tmp_path / "uit").iterdir())


def test_report_killed_while_writing_leaves_no_temporary_file(tmp_path):
    folder = tmp_path / "vacatures"
    folder.mkdir()
    for i in range(40):
        (folder / f"v{i:02}.md").write_text(f"# Vacature {i}\n\n{BAD}\n{CLEAN}", encoding="utf-8")
    first = run("report", "vacatures", "-o", "rapport.html", "-j", "1", cwd=tmp_path)
    assert first.returncode == 1, first.stderr
    old = (tmp_path / "rapport.html").read_bytes()
    (folder / "v00.md").write_text(f"# Vacature 0\n\n{BAD}\n{BAD}", encoding="utf-8")  # a new report differs
    killed = run("report", "vacatures", "-o", "rapport.html", "-j", "1", cwd=tmp_path,
                 file_limit=len(old) - 1000)
    assert killed.returncode == -signal.SIGXFSZ, (killed.returncode, killed.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.html", "vacatures"]
    assert (tmp_path / "rapport.html").read_bytes() == old  # the old report, whole


def test_check_of_a_folder_skips_an_earlier_report_but_checks_one_named(tmp_path):
    (tmp_path / "v.md").write_text(BAD, encoding="utf-8")
    made = run("report", "v.md", "-o", "rapport.html", cwd=tmp_path)
    assert made.returncode == 1, made.stderr
    walked = run("check", ".", "--include", "*.md", "--include", "*.html", "--format", "json", "-v", cwd=tmp_path)
    assert walked.returncode == 1, walked.stderr
    assert {Path(f["path"]).name for f in json.loads(walked.stdout)} == {"v.md"}
    assert "rapport.html: een rapport van vacaturelint" in walked.stderr
    named = run("check", "rapport.html", "--format", "json", cwd=tmp_path)
    assert named.returncode in (0, 1), named.stderr
    assert "een rapport van vacaturelint" not in named.stderr
