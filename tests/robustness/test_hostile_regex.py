"""Issue 15, item 4: every regular expression of a rule file is bounded in time.

``REGEX`` in token patterns (spaCy searches those with Python's ``re``, no timeout),
the ``regex`` kind, the ``regex`` of a condition and ``section``: together at most
one budget per document (README "Grenzen"), not per block. A rule whose regex runs
out of time is skipped for that document, and said so (stderr in the CLI, a log
message in the language server); the other rules still report, and the server keeps
answering. Every run is a subprocess with a timeout: before the fix these runs took
minutes (per block) or never ended.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, RULE_FILE
from tests.lsp.rawclient import RawClient as RawServer
from tests.robustness.conftest import BAD

TIMEOUT = 90

RULE = RULE_FILE.replace("{extra}", "")  # tests.conftest
EVIL = "a" * 60 + "b"  # one token; exponential for (a|aa)+$, and for (a+)+$ in Python's re
# 100 blocks, each with a heading, so a per-block limit would cost 100 times over.
DOCUMENT = "".join(f"# {EVIL}\n\n{EVIL} kwartiermaker\n\n" for _ in range(100)) + BAD

CASES = {
    # spaCy's Matcher would search this with Python's re: 2^60 steps on EVIL.
    "token-regex-python-re": ('      - tokens: [[{TEXT: {REGEX: "^(a+)+$"}}]]', False),
    "token-regex": ('      - tokens: [[{TEXT: {REGEX: "^(a|aa)+$"}}]]', True),
    "regex-kind": ('      - regex: "(?m)^(a|aa)+$"', True),
    "section": ('      - phrases: [kwartiermaker]\n    unless: [{section: "^(a|aa)+$"}]', True),
    "block-has-regex": ('      - phrases: [kwartiermaker]\n    unless: [{block_has: {regex: "^(a|aa)+$"}}]', True),
}
SKIPPED = "regel TST001 overgeslagen: een reguliere expressie kostte te veel tijd"


def run(*args, cwd) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "vacaturelint", *args], capture_output=True, cwd=cwd,
                            timeout=TIMEOUT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    result.stdout = result.stdout.decode("utf-8", "replace")
    result.stderr = result.stderr.decode("utf-8", "replace")
    return result


@pytest.mark.fast
@pytest.mark.parametrize("case", sorted(CASES))
def test_catastrophic_rule_regex_is_bounded_per_document_and_named(tmp_path, case):
    match, skipped = CASES[case]
    (tmp_path / "regels.yaml").write_text(RULE.format(match=match), encoding="utf-8")
    (tmp_path / ".vacaturelint.yaml").write_text("extra_rules: [regels.yaml]\n", encoding="utf-8")
    for name in ("a.md", "b.md"):  # a budget per document: two documents, each bounded
        (tmp_path / name).write_text(DOCUMENT, encoding="utf-8")
    result = run("check", "-f", "concise", "a.md", "b.md", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout.count("[LFT001]") == 2  # the built-in rules still ran
    notices = [line for line in result.stderr.splitlines() if SKIPPED in line]
    if skipped:
        assert sorted(line.split(": ")[1] for line in notices) == ["a.md", "b.md"], result.stderr
        assert "[TST001]" not in result.stdout  # a skipped rule reports nothing half-checked
    else:
        assert not notices, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.fast
def test_report_names_the_skipped_rule(tmp_path):
    (tmp_path / "regels.yaml").write_text(RULE.format(match=CASES["regex-kind"][0]), encoding="utf-8")
    (tmp_path / ".vacaturelint.yaml").write_text("extra_rules: [regels.yaml]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(DOCUMENT, encoding="utf-8")
    result = run("report", "a.md", "-o", "rapport.html", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert f"a.md: {SKIPPED}" in result.stderr
    assert (tmp_path / "rapport.html").is_file()


def test_language_server_stays_responsive_and_logs_the_skipped_rule(tmp_path):
    (tmp_path / "regels.yaml").write_text(RULE.format(match=CASES["token-regex-python-re"][0] + "\n"
                                                      + CASES["regex-kind"][0]), encoding="utf-8")
    (tmp_path / ".vacaturelint.yaml").write_text("extra_rules: [regels.yaml]\n", encoding="utf-8")
    server = RawServer(tmp_path)
    try:
        server.send("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {},
                                   "initializationOptions": {"model": os.environ.get("VACATURELINT_MODEL")}},
                    id=1)
        server.response(1)
        server.send("initialized", {})
        uri = (tmp_path / "a.md").as_uri()
        server.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                              "text": DOCUMENT}})
        published = server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                and m["params"].get("version") == 1, timeout=TIMEOUT)
        assert {d["code"] for d in published["params"]["diagnostics"]} == {"LFT001"}
        logged = server.wait(lambda m: m.get("method") == "window/logMessage"
                             and SKIPPED in m["params"]["message"], timeout=10)
        assert "a.md" in logged["params"]["message"]
        server.send("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}},
                    id=2)
        assert "result" in server.response(2)
        server.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                               "contentChanges": [{"text": DOCUMENT + "\nEen kwartiermaker.\n"}]})
        again = server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"].get("version") == 2, timeout=TIMEOUT)
        assert {d["code"] for d in again["params"]["diagnostics"]} == {"LFT001"}
        server.send("shutdown", None, id=3)
        assert server.response(3)["result"] is None
        server.send("exit")
        assert server.proc.wait(timeout=30) == 0
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
