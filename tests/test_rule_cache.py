"""The cache of validated rule files: used when present, never trusted when corrupt."""

from __future__ import annotations

import os

from tests.conftest import run_cli

AD = "Wij zoeken een jong en dynamisch team.\n\nJe bent maximaal 35 jaar oud.\n"


def test_a_corrupt_cache_entry_is_ignored_and_rewritten(tmp_path):
    cache = tmp_path / "cache"
    ad = tmp_path / "vacature.txt"
    ad.write_text(AD, encoding="utf-8")
    env = {**os.environ, "VACATURELINT_CACHE_DIR": str(cache)}
    first = run_cli("check", "--isolated", str(ad), env=env)
    entries = sorted(cache.glob("ruleset-*.pickle"))
    assert entries, "the first run writes the validated rules to the cache"
    again = run_cli("check", "--isolated", str(ad), env=env)
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)
    for entry in entries:
        entry.write_bytes(b"\x80\x04 kapot")
    broken = run_cli("check", "--isolated", str(ad), env=env)
    assert (broken.returncode, broken.stdout, broken.stderr) == (first.returncode, first.stdout, first.stderr)
    assert first.returncode == 1 and "LFT" in first.stdout
    assert all(entry.read_bytes() != b"\x80\x04 kapot" for entry in entries)


def test_cache_off_writes_nothing(tmp_path):
    ad = tmp_path / "vacature.txt"
    ad.write_text(AD, encoding="utf-8")
    home = tmp_path / "home"
    env = {**os.environ, "VACATURELINT_CACHE_DIR": "off", "HOME": str(home), "XDG_CACHE_HOME": str(home / "c")}
    done = run_cli("check", "--isolated", str(ad), env=env)
    assert done.returncode == 1
    assert not (home / "c").exists()


def test_a_warm_start_reads_no_yaml_and_finds_the_same(tmp_path):
    """Rules, word lists and data files come from the cache: no YAML parser is imported
    (as Python's -X importtime reports); a corrupt word-list entry is read afresh with
    the same findings."""
    import subprocess
    import sys

    cache = tmp_path / "cache"
    ad = tmp_path / "vacature.md"
    ad.write_text("# Verkoopster (m/v)\n\n" + AD, encoding="utf-8")
    env = {**os.environ, "VACATURELINT_CACHE_DIR": str(cache)}

    def run():
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "vacaturelint", "check", "--isolated",
                               str(ad)], env=env, capture_output=True, text=True, timeout=120)
        imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
        assert done.returncode == 1 and "vacaturelint.cli" in imported
        return done.stdout, {"yaml", "tomllib"} & imported

    cold, cold_parsers = run()
    assert cold_parsers == {"yaml"}  # the first run parses rules.yaml and the lists
    assert sorted(p.name.split("-")[0] for p in cache.glob("*.pickle")) == ["data", "data", "lists", "ruleset"]
    warm, warm_parsers = run()
    assert warm_parsers == set()
    assert warm == cold and "GSL002" in warm and "LFT" in warm
    for entry in cache.glob("lists-*.pickle"):
        entry.write_bytes(b"\x80\x04 kapot")
    again, again_parsers = run()
    assert again == cold and again_parsers == {"yaml"}
