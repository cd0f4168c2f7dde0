"""Issue 15, items 2, 3 and 9: hostile configuration and rule files.

- ``extra_rules`` in a config stays inside the config's folder (absolute paths, ``..``
  and symlinks out of it are refused); a file outside is named on the command line
  (``--extra-rules``). No error message ever quotes a file's text.
- YAML aliases (``*a``) are refused, so a 400-byte alias bomb is one error line, in the
  CLI and in the language server, which stays responsive.
- A rule name with a typo in ``select``/``ignore`` of a config is refused with
  "bedoel je ...?", in the CLI (all commands that lint) and in the language server.

Every CLI run is a subprocess with a timeout and an address-space limit.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.lsp.rawclient import RawClient as RawServer
from tests.robustness.conftest import BAD

TIMEOUT = 60
MEMORY = 4 * 1024**3  # an alias bomb expanded would take far more

SECRET = "GEHEIM-wachtwoord-4711"
SECRET_FILE = f"root:$6${SECRET}$x:19000:0:99999:7:::\n_apt:*:19000:0:99999:7:::\n{SECRET}: 1\n"
BOMB = "".join(
    [f"a0: &a0 [{', '.join(['x'] * 9)}]\n"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)]
    + [f"a9: [{', '.join(['*a8'] * 9)}]\n"])  # 9^10 items when expanded, about 500 bytes here

RULE = """\
schema_version: 1
rules:
  - id: TST001
    name: test-regel
    category: {category}
    severity: warning
    message: "Test: {{match}}"
    explanation: "Uitleg."
    legal: {{ground: leeftijd, distinction: direct, refs: ["WGBL art. 3"]}}
    match:
      - phrases: [kwartiermaker]
    examples:
      bad: ["Wij zoeken een kwartiermaker."]
      good: ["Wij zoeken een collega."]
"""


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run(*args, cwd) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "vacaturelint", *args], capture_output=True, cwd=cwd,
                            timeout=TIMEOUT, preexec_fn=_limit, env={**os.environ, "PYTHONPATH": str(ROOT)})
    result.stdout = result.stdout.decode("utf-8", "replace")
    result.stderr = result.stderr.decode("utf-8", "replace")
    return result


def one_error(result, *words) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("vacaturelint: fout: "), lines[0]
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def project(tmp_path) -> Path:
    """tmp_path/secret.txt (someone else's file) beside tmp_path/project/v.md."""
    (tmp_path / "secret.txt").write_text(SECRET_FILE, encoding="utf-8")
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "v.md").write_text(BAD, encoding="utf-8")
    return folder


@pytest.mark.fast
@pytest.mark.parametrize("where", ["absolute", "dotdot", "symlink"])
def test_extra_rules_outside_the_config_folder_are_refused_without_reading(project, where):
    secret = project.parent / "secret.txt"
    if where == "symlink":
        (project / "regels.yaml").symlink_to(secret)
    item = {"absolute": str(secret), "dotdot": "../secret.txt", "symlink": "regels.yaml"}[where]
    (project / ".vacaturelint.yaml").write_text(f"extra_rules: ['{item}']\n", encoding="utf-8")
    for command in ("check", "report", "rules"):
        args = [command, "v.md"] if command != "rules" else [command]
        line = one_error(run(*args, cwd=project), "extra_rules", "buiten de map", "--extra-rules")
        assert SECRET not in line and "root:" not in line


@pytest.mark.fast
def test_extra_rules_inside_the_config_folder_still_work(project):
    (project / "regels").mkdir()
    (project / "regels" / "eigen.yaml").write_text(RULE.format(category="leeftijd"), encoding="utf-8")
    (project / ".vacaturelint.yaml").write_text("extra_rules: [regels/../regels/eigen.yaml]\n", encoding="utf-8")
    (project / "v.md").write_text("Wij zoeken een kwartiermaker.\n", encoding="utf-8")
    result = run("check", "v.md", cwd=project)
    assert result.returncode == 1 and "[TST001]" in result.stdout, result.stderr


@pytest.mark.fast
def test_extra_rules_on_the_command_line_may_be_anywhere_and_are_never_quoted(project):
    secret = project.parent / "secret.txt"
    line = one_error(run("check", "--extra-rules", str(secret), "v.md", cwd=project), str(secret))
    assert SECRET not in line and "root:" not in line and "_apt" not in line
    elsewhere = project.parent / "eigen.yaml"
    elsewhere.write_text(RULE.format(category="leeftijd"), encoding="utf-8")
    (project / "v.md").write_text("Wij zoeken een kwartiermaker.\n", encoding="utf-8")
    result = run("check", "--extra-rules", str(elsewhere), "v.md", cwd=project)
    assert result.returncode == 1 and "[TST001]" in result.stdout, result.stderr
    one_error(run("check", "--extra-rules", "bestaat-niet.yaml", "v.md", cwd=project), "--extra-rules",
              "bestaat-niet.yaml")


# Values and keys that are not names are never shown: the message names file, line and key.
HIDDEN = {
    "unknown-top-key": f"schema_version: 1\nrules: []\n'{SECRET} x': 1\n",
    "unknown-rule-key": RULE.format(category="leeftijd").replace("    severity:", f"    '{SECRET} x': 1\n    severity:"),
    "category-value": RULE.format(category=f"'{SECRET} x'"),
    "bad-int-tag": f"schema_version: !!int '{SECRET}'\nrules: []\n",
    "bad-date": "schema_version: 2001-13-45\nrules: []\n",
    "syntax": f"schema_version: 1\nrules: [\n  {SECRET}: 'open\n",
    "condition-key": RULE.format(category="leeftijd").replace("    examples:", f"    unless: [{{'{SECRET} x': 1}}]\n    examples:"),
}


@pytest.mark.fast
@pytest.mark.parametrize("case", sorted(HIDDEN))
def test_rule_file_errors_never_quote_the_file(project, case):
    rules = project / "regels.yaml"
    rules.write_text(HIDDEN[case], encoding="utf-8")
    (project / ".vacaturelint.yaml").write_text("extra_rules: [regels.yaml]\n", encoding="utf-8")
    line = one_error(run("check", "v.md", cwd=project), f"{rules}:")
    assert SECRET not in line and "Traceback" not in line


@pytest.mark.fast
@pytest.mark.parametrize("text", ["allow: 2001-13-45\n", f"allow: !!int '{SECRET}'\n", f"'{SECRET} x': 1\n"])
def test_config_errors_never_quote_the_file(project, text):
    config = project / ".vacaturelint.yaml"
    config.write_text(text, encoding="utf-8")
    line = one_error(run("check", "v.md", cwd=project), f"{config}:")
    assert SECRET not in line


@pytest.mark.fast
@pytest.mark.parametrize("where", ["config", "rules"])
def test_yaml_alias_bomb_is_one_error_line(project, where):
    assert len(BOMB) < 600
    target = project / (".vacaturelint.yaml" if where == "config" else "regels.yaml")
    target.write_text(BOMB, encoding="utf-8")
    if where == "rules":
        (project / ".vacaturelint.yaml").write_text("extra_rules: [regels.yaml]\n", encoding="utf-8")
    one_error(run("check", "v.md", cwd=project), f"{target}:2:", "YAML-verwijzingen")


@pytest.mark.fast
def test_a_harmless_anchor_without_alias_is_still_read(project):
    (project / ".vacaturelint.yaml").write_text("select: &mijn [leeftijd]\n", encoding="utf-8")
    result = run("check", "v.md", cwd=project)
    assert result.returncode == 1 and "[LFT001]" in result.stdout, result.stderr


@pytest.mark.fast
@pytest.mark.parametrize("key", ["select", "ignore", "severity"])
@pytest.mark.parametrize("command", ["check", "report"])
def test_selector_typo_in_config_is_refused_like_on_the_command_line(project, key, command):
    value = "{leeftjid: info}" if key == "severity" else "[leeftjid]"
    (project / ".vacaturelint.yaml").write_text(f"{key}: {value}\n", encoding="utf-8")
    line = one_error(run(command, "v.md", cwd=project), key, "'leeftjid'", "bedoel je 'leeftijd'")
    cli_line = one_error(run(command, "--isolated", f"--{key if key != 'severity' else 'select'}", "leeftjid",
                             "v.md", cwd=project), "'leeftjid'", "bedoel je 'leeftijd'")
    assert line.split("onbekende", 1)[1] == cli_line.split("onbekende", 1)[1]  # the same words


@pytest.mark.fast
def test_selector_typo_in_a_nested_config_is_refused(project):
    sub = project / "sub"
    sub.mkdir()
    (sub / "w.md").write_text(BAD, encoding="utf-8")
    (sub / ".vacaturelint.yaml").write_text("ignore: [geslact]\n", encoding="utf-8")
    one_error(run("check", ".", cwd=project), str(sub / ".vacaturelint.yaml"), "'geslact'", "bedoel je 'geslacht'")


def test_language_server_survives_alias_bomb_and_selector_typo(project):
    """The server reports each broken config once, keeps answering, and lints again
    when the config is fixed."""
    config = project / ".vacaturelint.yaml"
    config.write_text(BOMB, encoding="utf-8")
    server = RawServer(project)
    try:
        server.send("initialize", {"processId": None, "rootUri": project.as_uri(), "capabilities": {},
                                   "initializationOptions": {"model": os.environ.get("VACATURELINT_MODEL")}},
                    id=1)
        server.response(1)
        server.send("initialized", {})
        uri = (project / "v.md").as_uri()
        server.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                              "text": BAD}})
        shown = server.wait(lambda m: m.get("method") == "window/showMessage"
                            and "YAML-verwijzingen" in m["params"]["message"], timeout=120)
        assert str(config) in shown["params"]["message"]
        server.send("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 16}},
                    id=2)
        assert "result" in server.response(2)

        config.write_text("select: [leeftjid]\n", encoding="utf-8")
        server.send("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
        typo = server.wait(lambda m: m.get("method") == "window/showMessage"
                           and "leeftjid" in m["params"]["message"], timeout=60)
        assert "bedoel je 'leeftijd'" in typo["params"]["message"]

        config.write_text("select: [leeftijd]\n", encoding="utf-8")
        server.send("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
        published = server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                and any(d.get("code") == "LFT001" for d in m["params"]["diagnostics"]), timeout=60)
        assert published["params"]["uri"] == uri
        server.send("shutdown", None, id=3)
        assert server.response(3)["result"] is None
        server.send("exit")
        assert server.proc.wait(timeout=30) == 0
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
