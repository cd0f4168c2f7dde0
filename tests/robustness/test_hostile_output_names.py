"""File names that try to break the output (issue 15, item 14): a newline that forges a
finding line, ESC that drives the terminal (and that click would strip silently), a
byte that is not UTF-8. Every format shows them escaped, JSON and SARIF stay valid
UTF-8, SARIF URIs are percent-encoded. Also: the UTF-16 error offset counts the BOM,
the report recognises its own output behind a symlink, and its script survives a
malformed #fragment."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys

import pytest

from tests.chromium import CHROMIUM, html_tag
from tests.chromium import run_once as chromium
from tests.conftest import ROOT, needs_program

BAD = b"Wij zoeken een jonge collega voor ons team.\n"
FORGED = b"b.txt:1:1: fout [LFT999] vals.txt"
NAMES = {  # raw bytes of the name -> what a reader sees
    b"a\n" + FORGED: "a\\n" + FORGED.decode(),
    b"esc\x1b[31mrood.txt": "esc\\x1b[31mrood.txt",
    b"x\xff y#%.txt": "x\\xff y#%.txt",
}
GITHUB_NAMES = ["a%0Ab.txt%3A1%3A1%3A fout [LFT999] vals.txt,", "esc\\x1b[31mrood.txt,", "x\\xff y#%25.txt,"]


def run(*args, cwd) -> subprocess.CompletedProcess:
    """The CLI with bytes out (output must be valid UTF-8: the test decodes strictly)."""
    return subprocess.run([sys.executable, "-m", "vacaturelint", *args], capture_output=True, cwd=cwd, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture
def folder(tmp_path):
    base = tmp_path / "vacatures"
    base.mkdir()
    for name in NAMES:
        with open(os.path.join(os.fsencode(base), name), "wb") as handle:
            handle.write(BAD)
    with open(os.path.join(os.fsencode(base), b"kapot\nfout: [LFT999].txt"), "wb") as handle:
        handle.write(b"caf\xe9 \x81\x8d\x8f\x90\x9d\n")  # undecodable: an error line on stderr
    return base


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_human_formats_show_names_escaped_one_line_each(folder, fmt):
    result = run("check", "--isolated", "--format", fmt, ".", cwd=folder)
    assert result.returncode == 2, result.stderr  # the undecodable file
    out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    assert "\x1b" not in out and "\x1b" not in err
    lines = out.splitlines()
    assert not any(line.startswith(FORGED.decode()) for line in lines)
    heads = [line for line in lines if "LFT001" in line]
    # GitHub's workflow commands have their own escapes for line ends, ':' and '%'.
    expected = GITHUB_NAMES if fmt == "github" else NAMES.values()
    for shown in expected:
        assert sum(shown in line for line in heads) == 1, (shown, out)
    error_lines = [line for line in err.splitlines() if "kapot" in line or "fout: [LFT999]" in line]
    assert len(error_lines) == 1 and "kapot\\nfout: [LFT999].txt" in error_lines[0], err
    if fmt == "github":
        assert all(line.startswith("::") for line in lines)


def test_json_is_valid_utf8_and_keeps_the_names(folder):
    result = run("check", "--isolated", "--format", "json", ".", cwd=folder)
    found = json.loads(result.stdout.decode("utf-8"))
    paths = {f["path"] for f in found}
    assert paths == {"./a\n" + FORGED.decode(), "./esc\x1b[31mrood.txt", "./x\\xff y#%.txt"}


def test_sarif_uris_are_percent_encoded(folder):
    result = run("check", "--isolated", "--format", "sarif", ".", cwd=folder)
    doc = json.loads(result.stdout.decode("utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in doc["runs"][0]["results"]}
    assert uris == {"a%0Ab.txt%3A1%3A1%3A%20fout%20%5BLFT999%5D%20vals.txt", "esc%1B%5B31mrood.txt",
                    "x%FF%20y%23%25.txt"}


def test_report_shows_names_escaped(folder, tmp_path):
    out = tmp_path / "rapport.html"
    result = run("report", "--isolated", ".", "-o", str(out), cwd=folder)
    assert result.returncode == 2, result.stderr  # the undecodable file
    markup = out.read_bytes().decode("utf-8")
    assert "\x1b" not in markup
    for shown in NAMES.values():
        assert shown in markup, shown
    assert "\udcff" not in markup


def test_utf16_error_offset_counts_the_bom(tmp_path):
    data = codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xdc" + "c".encode("utf-16-le")
    path = tmp_path / "v.txt"
    path.write_bytes(data)  # a lone low surrogate at byte 6 of the file (byte 4 after the BOM)
    result = run("check", "--isolated", str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert "ongeldige UTF-16-LE-tekst bij byte 6 " in result.stderr.decode("utf-8")
    assert "BOM meegeteld" in result.stderr.decode("utf-8")


def test_report_skips_its_own_output_through_a_symlink(tmp_path):
    real = tmp_path / "echt"
    real.mkdir()
    (real / "vacature.txt").write_bytes(BAD)
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    for _ in range(2):  # the second run finds the first run's report through the link
        result = run("report", "--isolated", "link", "-o", str(real / "rapport.html"), cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert "in 1 van 1 vacature)" in result.stderr.decode("utf-8"), result.stderr
    # An older report under another name is recognised by its mark, too.
    result = run("report", "--isolated", str(real), "-o", str(real / "nieuw.html"), cwd=tmp_path)
    assert "in 1 van 1 vacature)" in result.stderr.decode("utf-8"), result.stderr
    # Named explicitly, a file is always checked.
    result = run("check", "--isolated", str(real / "vacature.txt"), cwd=tmp_path)
    assert result.returncode == 1


@needs_program(CHROMIUM is not None, "chromium")
def test_report_script_survives_a_malformed_fragment(tmp_path):
    (tmp_path / "v.txt").write_bytes(BAD)
    out = tmp_path / "rapport.html"
    assert run("report", "--isolated", "v.txt", "-o", str(out), cwd=tmp_path).returncode == 1
    page = chromium(tmp_path, out.as_uri() + "#%E0%A4%A", "--dump-dom")
    assert 'data-ready="1"' in html_tag(page.stdout), page.stderr[-2000:]
