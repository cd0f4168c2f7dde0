"""rules.yaml ships inside the wheel: a non-editable install finds it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    return next(out.glob("vacaturelint-*.whl"))


def test_wheel_contains_rules_yaml(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "vacaturelint/rules.yaml" in names
    packaged = zipfile.ZipFile(wheel).read("vacaturelint/rules.yaml")
    assert packaged == (ROOT / "rules.yaml").read_bytes()


def test_installed_wheel_lints_without_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=600)
    vacancy = tmp_path / "v.txt"
    vacancy.write_text("Je bent maximaal 35 jaar.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run([sys.executable, "-m", "vacaturelint", "check", str(vacancy)], cwd=tmp_path,
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "LFT002" in result.stdout
    where = subprocess.run([sys.executable, "-c", "import vacaturelint.rules.loader as l; "
                            "print(l.builtin_rules_path())"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=120).stdout.strip()
    assert where.startswith(str(target))
