"""Hostile input, round two (issue 15, items 6, 7, 8 and 10): unbounded reads,
non-regular files, deep and unreadable folders, odd file names, closed standard
input, huge lines, many findings and many ``allow`` entries.

Every case runs the real CLI as a subprocess, bounded by a subprocess timeout;
big inputs are generated in the test's own tmp dir.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.robustness.conftest import BAD

pytestmark = pytest.mark.fast

TIMEOUT = 180  # a hang or an unbounded read is killed long before anyone waits for it
SIZE_HINT = "de grens voor één invoer"


def run(*args, stdin=subprocess.DEVNULL, cwd=None, env=None, prefix=(), timeout=TIMEOUT,
        shell_command: str | None = None) -> subprocess.CompletedProcess:
    """The CLI as a subprocess (bytes in, text out); ``shell_command`` runs through sh
    with ``$VL`` standing for the CLI."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "VACATURELINT_MAX_SIZE")}
    full_env.update(env or {})
    command = [*prefix, sys.executable, "-m", "vacaturelint", *args]
    if shell_command is not None:
        full_env["VL"] = f"{sys.executable} -m vacaturelint"
        command = ["sh", "-c", shell_command]
    result = subprocess.run(command, stdin=stdin, capture_output=True, cwd=cwd or ROOT, env=full_env,
                            timeout=timeout)
    result.stdout = result.stdout.decode("utf-8", "replace")
    result.stderr = result.stderr.decode("utf-8", "replace")
    return result


def assert_one_dutch_error(result, *needles: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "vacaturelint: fout:" in result.stderr, result.stderr[-2000:]
    for needle in needles:
        assert needle in result.stderr, result.stderr[-2000:]


# -- item 6: unbounded reads and non-regular files ------------------------------
def test_check_dev_zero_stops_at_the_size_limit():
    result = run("check", "/dev/zero")
    assert_one_dutch_error(result, "/dev/zero: groter dan 1 MB", SIZE_HINT)


def test_stdin_from_dev_zero_stops_at_the_size_limit():
    with open("/dev/zero", "rb") as zero:
        result = run("check", "-", stdin=zero)
    assert_one_dutch_error(result, "standaardinvoer: groter dan 1 MB")


def test_endless_stdin_from_yes_stops_at_the_size_limit():
    result = run(shell_command="yes | $VL check -")
    assert_one_dutch_error(result, "standaardinvoer: groter dan 1 MB")


def test_closed_stdin_is_a_dutch_error():
    result = run(shell_command="$VL check - 0<&-")
    assert_one_dutch_error(result, "standaardinvoer is gesloten")


def test_size_limit_from_option_environment_and_config(tmp_path):
    path = tmp_path / "v.md"
    path.write_text(BAD * 100, encoding="utf-8")  # 4.5 KB
    for args, env in ((["--max-size", "1KB"], {}), ([], {"VACATURELINT_MAX_SIZE": "1000"})):
        assert_one_dutch_error(run("check", "--isolated", *args, str(path), env=env), "groter dan 1 KB")
    (tmp_path / ".vacaturelint.yaml").write_text("max_size: 2KB\n", encoding="utf-8")
    assert_one_dutch_error(run("check", str(path)), "groter dan 2 KB")
    # the option wins over the config: 10 KB is enough for this file
    allowed = run("check", "-f", "concise", "--max-size", "10KB", str(path))
    assert allowed.returncode == 1, allowed.stderr
    assert allowed.stdout.count("[LFT001]") == 100


@pytest.mark.parametrize(("args", "env", "message"), [
    (["--max-size", "veel"], {}, "'veel' is geen grootte"),
    ([], {"VACATURELINT_MAX_SIZE": "0"}, "VACATURELINT_MAX_SIZE='0': geen geldige grootte"),
])
def test_bad_size_limit_is_a_usage_error(tmp_path, args, env, message):
    path = tmp_path / "v.md"
    path.write_text(BAD, encoding="utf-8")
    assert_one_dutch_error(run("check", "--isolated", *args, str(path), env=env), message)


def test_bad_size_limit_in_config(tmp_path):
    (tmp_path / ".vacaturelint.yaml").write_text("max_size: [1]\n", encoding="utf-8")
    path = tmp_path / "v.md"
    path.write_text(BAD, encoding="utf-8")
    assert_one_dutch_error(run("check", str(path)), "max_size: moet een grootte zijn")


def test_walk_skips_devices_fifos_and_symlinked_folders(tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "a.md").write_text(BAD, encoding="utf-8")
    os.symlink("/dev/zero", folder / "nul.md")
    os.mkfifo(folder / "x.md")  # nobody writes to it: opening it would block forever
    os.symlink(tmp_path, folder / "lus.md")
    result = run("check", "-v", "-f", "concise", "--isolated", str(folder))
    assert result.returncode == 1, result.stderr
    assert result.stdout.count("[LFT001]") == 1
    assert f"overgeslagen: {folder / 'nul.md'}: een apparaatbestand, geen gewoon bestand" in result.stderr
    assert f"overgeslagen: {folder / 'x.md'}: een named pipe (FIFO), geen gewoon bestand" in result.stderr
    assert f"overgeslagen: {folder / 'lus.md'}: symbolische koppeling naar een map, niet gevolgd" in result.stderr
    quiet = run("check", "-f", "concise", "--isolated", str(folder))
    assert quiet.returncode == 1 and "overgeslagen" not in quiet.stderr


# -- item 8: deep folders, odd file names --------------------------------------
def _nest(root, depth: int, name: str) -> None:
    """``depth`` nested folders below ``root`` (made relative to an open folder, so
    no path length limit applies)."""
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
            vacancy = os.open("v.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
            os.write(vacancy, BAD.encode())
            os.close(vacancy)
    finally:
        os.close(fd)


def test_1100_nested_folders_end_in_a_depth_notice_not_a_recursion_error(tmp_path):
    root = tmp_path / "diep"
    root.mkdir()
    try:
        _nest(root, 1100, "d")
        result = run("check", "-f", "concise", "--isolated", str(root))
        assert_one_dutch_error(result, "dieper dan 100 mapniveaus; niet gecontroleerd")
        assert "RecursionError" not in result.stderr
        assert result.stdout.count("[LFT001]") == 100  # every level up to the bound was checked
    finally:  # pytest's own cleanup recurses and fails on this tree
        subprocess.run(["rm", "-rf", str(root)], check=False, timeout=TIMEOUT)


def test_path_over_the_system_limit_is_not_skipped_silently(tmp_path):
    root = tmp_path / "lang"
    root.mkdir()
    try:
        _nest(root, 20, "x" * 250)  # 20 * 251 characters > 4096
        result = run("check", "-f", "concise", "--isolated", str(root))
        assert_one_dutch_error(result, "pad te lang", "map niet gecontroleerd")
        assert result.stdout.count("[LFT001]") >= 10
        report = run("report", "--isolated", "-o", str(tmp_path / "r.html"), str(root))
        assert_one_dutch_error(report, "pad te lang")
    finally:
        subprocess.run(["rm", "-rf", str(root)], check=False, timeout=TIMEOUT)


def test_report_over_a_file_name_that_is_not_utf8(tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/v\xff.md", "wb") as handle:
        handle.write(BAD.encode())
    output = tmp_path / "r.html"
    result = run("report", "--isolated", "-o", str(output), str(folder))
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    page = output.read_bytes().decode("utf-8")  # valid UTF-8
    assert "v\\xff.md" in page  # the undecodable byte shown as an escape (pathtext.shown)


# -- item 10: unreadable folders and files, check and report alike --------------
def _without_root_privileges():
    """A prefix that runs a command as root without the capabilities that bypass file
    permissions (tests run as root, which reads anything), or None."""
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, timeout=30)
    return prefix if probe.returncode == 0 else None


def test_unreadable_folder_and_file_are_errors_in_check_and_report(tmp_path):
    prefix = _without_root_privileges()
    if prefix is None:
        pytest.skip("setpriv kan de leesrechten van root niet inperken; onleesbare mappen zijn zo niet na te bootsen")
    folder = tmp_path / "map"
    (folder / "geheim").mkdir(parents=True)
    (folder / "geheim" / "a.md").write_text(BAD, encoding="utf-8")
    (folder / "dicht.md").write_text(BAD, encoding="utf-8")
    (folder / "open.md").write_text(BAD, encoding="utf-8")
    (folder / "kapot.md").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 10)  # no known encoding
    os.chmod(folder / "geheim", 0)
    os.chmod(folder / "dicht.md", 0)
    try:
        probe = subprocess.run([*prefix, "cat", str(folder / "dicht.md")], capture_output=True, timeout=30)
        if probe.returncode == 0:
            pytest.skip("root leest hier ook zonder CAP_DAC_OVERRIDE; onleesbare bestanden niet na te bootsen")
        check = run("check", "-f", "concise", "--isolated", str(folder), prefix=prefix)
        report = run("report", "--isolated", "-o", str(tmp_path / "r.html"), str(folder), prefix=prefix)
        for result in (check, report):
            assert_one_dutch_error(result, f"{folder / 'geheim'}: map niet leesbaar (geen leesrechten)",
                                   f"{folder / 'dicht.md'}: geen leesrechten",
                                   f"{folder / 'kapot.md'}: kan de tekst niet decoderen")
        assert check.stdout.count("[LFT001]") == 1  # open.md was still checked
        assert "1 bevinding in 1 van 4 vacatures" in report.stderr
    finally:
        os.chmod(folder / "geheim", 0o755)
        os.chmod(folder / "dicht.md", 0o644)


# -- item 8: a rule message that would build a gigabyte string per finding -------
RULE_FILE = """\
schema_version: 1
rules:
  - id: TST001
    name: test-regel
    category: leeftijd
    severity: warning
    message: "MESSAGE"
    explanation: "Uitleg."
    legal: {ground: leeftijd, distinction: direct, refs: ["WGBL art. 3"]}
    match:
      - phrases: [kwartiermaker]
    examples:
      bad: ["Wij zoeken een kwartiermaker."]
      good: ["Wij zoeken een collega."]
"""


@pytest.mark.parametrize(("message", "expected"), [
    ("Let op: {match:>1000000000}", "plaatshouder '{match:>1000000000}' mag geen opmaak hebben; schrijf {match}"),
    ("Let op: {match!r}", "plaatshouder '{match!r}' mag geen opmaak hebben"),
    ("Let op: {match.__class__}", "plaatshouder '{match.__class__}' is geen naam"),
])
def test_rule_message_with_a_format_spec_is_refused_at_load(tmp_path, message, expected):
    (tmp_path / "regels.yaml").write_text(RULE_FILE.replace("MESSAGE", message), encoding="utf-8")
    (tmp_path / ".vacaturelint.yaml").write_text("extra_rules: [regels.yaml]\n", encoding="utf-8")
    vacancy = tmp_path / "v.txt"
    vacancy.write_text("Wij zoeken een kwartiermaker.\n", encoding="utf-8")
    result = run("check", str(vacancy), cwd=tmp_path)
    assert_one_dutch_error(result, "regels.yaml:7: regel TST001: message:", expected)


def test_rule_message_with_plain_placeholders_still_works(tmp_path):
    (tmp_path / "regels.yaml").write_text(RULE_FILE.replace("MESSAGE", "Let op: {match} ({onbekend})"),
                                          encoding="utf-8")
    (tmp_path / ".vacaturelint.yaml").write_text("extra_rules: [regels.yaml]\n", encoding="utf-8")
    vacancy = tmp_path / "v.txt"
    vacancy.write_text("Wij zoeken een kwartiermaker.\n", encoding="utf-8")
    result = run("check", "-f", "concise", "--select", "TST001", str(vacancy), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "[TST001] Let op: kwartiermaker ({onbekend})" in result.stdout


# -- item 7: one huge line, many findings, many allow entries --------------------
def test_one_100kb_line_gives_a_window_per_finding_not_the_line(tmp_path):
    sentence = "Wij zoeken een jonge collega voor ons team. "
    path = tmp_path / "regel.md"
    path.write_text(sentence * (100_000 // len(sentence)), encoding="utf-8")  # one line, ~2,270 findings
    result = run("check", "--isolated", str(path))
    assert result.returncode == 1, result.stderr[-2000:]
    findings = result.stdout.count("[LFT001]")
    assert findings > 2000
    longest = max(len(line) for line in result.stdout.splitlines())
    assert longest < 400, longest  # a window around the finding, never the 100 KB line
    assert len(result.stdout) < findings * 1500


RENDER_CHILD = r"""
import sys
from vacaturelint.engine import Linter, Options
from vacaturelint.findings import FileResult
from dataclasses import replace
from vacaturelint.htmlreport.html import render_vacancy
sentence = "Wij zoeken een jonge collega. "
count = int(sys.argv[1])
one = Linter(Options(isolated=True)).lint_text(sentence, "v.md", "plain").findings[0]
text = sentence * count
findings = [replace(one, start=one.start + i * len(sentence), end=one.end + i * len(sentence), column=one.column + i * len(sentence),
                    end_column=one.end_column + i * len(sentence)) for i in range(count)]
findings += [replace(f, start=f.start - 4, rule="TST", end=f.end + 4) for f in findings[::7]]  # overlaps
summary, html = render_vacancy(1, FileResult(path="v.md", findings=findings, text=text, kind="plain"))
print(summary.total, html.count('class="hl '))
"""


def test_report_is_not_quadratic_in_findings_per_file():
    """40,000 findings in one file (1.2 MB of text): the renderer tested every finding
    against every text segment (~5 minutes here); a sweep takes seconds."""
    result = subprocess.run([sys.executable, "-c", RENDER_CHILD, "40000"], capture_output=True, text=True, cwd=ROOT,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    total, highlights = map(int, result.stdout.split())
    assert total == 40_000 + 40_000 // 7 + 1
    assert highlights >= 40_000


def test_100000_allow_entries_are_prepared_once(tmp_path):
    words = [f"woord{i}" for i in range(100_000)]
    config = "allow:\n" + "".join(f"  - {w}\n" for w in words) + "  - jonge collega voor ons\n"
    (tmp_path / ".vacaturelint.yaml").write_text(config, encoding="utf-8")
    for i in range(20):
        (tmp_path / f"v{i}.md").write_text("Wij zoeken een jonge collega voor ons café.\n"
                                           "Wij zoeken een jonge collega. woord7 woord99999\n", encoding="utf-8")
    result = run("check", "-f", "concise", str(tmp_path), timeout=150)  # 11 s per file before: over 200 s
    assert result.returncode == 1, result.stderr[-2000:]
    assert result.stdout.count("[LFT001]") == 20  # line 2 of every file; line 1 is allowed
    assert all(":2:" in line for line in result.stdout.splitlines() if "[LFT001]" in line)


AUDIT_WALK_CHILD = r"""
import sys
from vacaturelint.audit.feeds import discover
problems = []
feeds = discover([sys.argv[1]], on_problem=problems.append)
print(sum(len(f.files) for f in feeds))
print("\n".join(problems))
"""


def test_audit_walks_folders_with_the_same_bounded_walk(tmp_path):
    root = tmp_path / "diep"
    root.mkdir()
    try:
        _nest(root, 1100, "d")
        os.mkfifo(root / "x.md")
        result = subprocess.run([sys.executable, "-c", AUDIT_WALK_CHILD, str(root)], capture_output=True, text=True,
                                cwd=ROOT, timeout=TIMEOUT)
        assert result.returncode == 0, result.stderr[-2000:]
        count, *problems = result.stdout.splitlines()
        assert int(count) == 100
        assert any("dieper dan 100 mapniveaus" in p for p in problems), problems
        assert any("x.md: een named pipe (FIFO)" in p for p in problems), problems
    finally:
        subprocess.run(["rm", "-rf", str(root)], check=False, timeout=TIMEOUT)
