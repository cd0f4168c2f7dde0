"""``check -j N``: the same output and exit code as one process (CLI as a subprocess)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import CORPUS, run_cli


def _folder(tmp_path: Path, with_error: bool) -> Path:
    files = sorted((CORPUS / "vacatures").glob("*.txt"))[:20]
    if len(files) < 20:
        pytest.skip("corpus not available")
    folder = tmp_path / "map"
    folder.mkdir()
    for f in files:
        shutil.copy(f, folder / f.name)
    if with_error:
        (folder / "kapot.docx").write_bytes(b"geen zip-bestand")
    return folder


@pytest.mark.parametrize("with_error", [False, True], ids=["findings", "with-unreadable-file"])
def test_jobs_give_the_output_and_exit_code_of_one_process(tmp_path, with_error):
    folder = _folder(tmp_path, with_error)
    one = run_cli("check", "--isolated", "-j", "1", "--format", "json", str(folder))
    two = run_cli("check", "--isolated", "-j", "2", "--format", "json", str(folder))
    assert one.returncode == (2 if with_error else 1)
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    assert one.stdout.count('"rule"') > 10


def test_jobs_out_of_range_is_a_usage_error(tmp_path):
    ad = tmp_path / "v.txt"
    ad.write_text("Wij zoeken een collega.\n", encoding="utf-8")
    done = run_cli("check", "-j", "-1", str(ad))
    assert done.returncode == 2 and "Traceback" not in done.stderr
