"""The CLI as a user runs it: a subprocess, real model, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "vacature-voorbeeld.md"


def test_example_vacancy_has_several_problems(cli):
    result = cli("check", "--format", "json", str(EXAMPLE))
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    categories = {f["category"] for f in findings}
    assert {"leeftijd", "geslacht", "herkomst", "functie-eisen"} <= categories
    text = EXAMPLE.read_text(encoding="utf-8")
    lines = text.split("\n")
    for f in findings:
        assert text[f["offset"] : f["end_offset"]] == f["text"]
        if f["line"] == f["end_line"]:
            assert lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == f["text"]
        for key in ("path", "line", "column", "end_line", "end_column", "rule", "name", "category",
                    "severity", "message", "explanation", "suggestions", "text"):
            assert key in f
        assert isinstance(f["suggestions"], list)


def test_look_alikes_in_example_are_silent(cli):
    findings = json.loads(cli("check", "--format", "json", str(EXAMPLE)).stdout)
    flagged = {f["text"].lower() for f in findings}
    assert "jong bedrijf" not in " ".join(flagged)
    assert not any("uiterlijk 1 maart" in t for t in flagged)


def test_text_format_underlines_the_span(cli, tmp_path):
    path = tmp_path / "v.txt"
    path.write_text("Wij zoeken een collega.\nJe bent maximaal 35 jaar.\n", encoding="utf-8")
    result = cli("check", str(path))
    assert result.returncode == 1
    assert f"{path}:2:9: fout [LFT002]" in result.stdout
    line = next(ln for ln in result.stdout.splitlines() if ln.strip().startswith("|") and "^" in ln)
    assert line.index("^") - line.index("|") - 2 == len("Je bent ")
    assert "\x1b[" not in result.stdout  # no colour in a pipe


def test_clean_file_exits_zero(cli, tmp_path):
    path = tmp_path / "ok.md"
    path.write_text("# Verkoopmedewerker (m/v/x)\n\nJe hebt minimaal 3 jaar werkervaring.\n", encoding="utf-8")
    result = cli("check", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "Geen bevindingen in 1 bestand.\n"


def test_stdin_with_filename_uses_markdown(cli):
    data = b"<!-- Je bent maximaal 35 jaar -->\nWij zoeken een verkoopster.\n"
    result = cli("check", "--format", "json", "--stdin-filename", "v.md", "-", input=data)
    findings = json.loads(result.stdout)
    assert [f["rule"] for f in findings] == ["GSL002"]
    assert findings[0]["path"] == "v.md"


def test_select_ignore_and_min_severity(cli):
    sel = json.loads(cli("check", "--format", "json", "--select", "leeftijd", str(EXAMPLE)).stdout)
    assert sel and {f["category"] for f in sel} == {"leeftijd"}
    ign = json.loads(cli("check", "--format", "json", "--ignore", "leeftijd,GSL001", str(EXAMPLE)).stdout)
    assert "leeftijd" not in {f["category"] for f in ign} and "GSL001" not in {f["rule"] for f in ign}
    sev = json.loads(cli("check", "--format", "json", "--min-severity", "error", str(EXAMPLE)).stdout)
    assert sev and {f["severity"] for f in sev} == {"error"}


def test_unknown_selector_is_a_usage_error(cli):
    result = cli("check", "--select", "GEENREGEL", str(EXAMPLE))
    assert result.returncode == 2
    assert "onbekende regel of categorie 'GEENREGEL'" in result.stderr
    assert "Traceback" not in result.stderr


def test_sarif_output_is_valid_structure(cli):
    doc = json.loads(cli("check", "--format", "sarif", str(EXAMPLE)).stdout)
    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids))
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note")
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert "vacaturelint/v1" in res["partialFingerprints"]
    assert not any(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/")
                   for r in run["results"])


def test_github_format(cli):
    out = cli("check", "--format", "github", str(EXAMPLE)).stdout.splitlines()
    assert out and all(ln.startswith(("::error ", "::warning ", "::notice ")) for ln in out)
    assert any("title=vacaturelint LFT002" in ln for ln in out)


def test_directory_walk_with_include_exclude(cli, tmp_path):
    (tmp_path / "a.md").write_text("Je bent maximaal 35 jaar.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Wij zoeken een verkoopster.\n", encoding="utf-8")
    (tmp_path / "sub" / "c.py").write_text("jong team = 1\n", encoding="utf-8")
    (tmp_path / "plaatje.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    paths = {Path(f["path"]).name for f in json.loads(cli("check", "-f", "json", str(tmp_path)).stdout)}
    assert paths == {"a.md", "b.txt"}
    paths = {Path(f["path"]).name for f in
             json.loads(cli("check", "-f", "json", "--exclude", "sub/*", str(tmp_path)).stdout)}
    assert paths == {"a.md"}


def test_unreadable_and_binary_files_give_one_line_and_others_are_checked(cli, tmp_path):
    good = tmp_path / "v.txt"
    good.write_text("Je bent maximaal 35 jaar.\n", encoding="utf-8")
    pdf = tmp_path / "v.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    result = cli("check", "-f", "json", str(pdf), str(tmp_path / "bestaat-niet.md"), str(good))
    assert result.returncode == 2
    assert [f["rule"] for f in json.loads(result.stdout)] == ["LFT002"]
    errors = result.stderr.strip().splitlines()
    assert any("v.pdf: geen tekstbestand (PDF)" in e for e in errors)
    assert any("bestaat-niet.md: bestand bestaat niet" in e for e in errors)
    assert "Traceback" not in result.stderr


def test_missing_model_gives_install_hint(cli, tmp_path):
    path = tmp_path / "v.txt"
    path.write_text("Tekst.\n", encoding="utf-8")
    result = cli("check", "--model", "nl_bestaat_niet_sm", str(path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "python -m spacy download nl_core_news_sm" in result.stderr


def test_model_from_environment_and_config(cli, tmp_path):
    path = tmp_path / "v.txt"
    path.write_text("Tekst.\n", encoding="utf-8")
    (tmp_path / ".vacaturelint.yaml").write_text("model: nl_uit_config_sm\n", encoding="utf-8")
    result = cli("check", str(path), env={"VACATURELINT_MODEL": ""})
    assert "nl_uit_config_sm" in result.stderr and result.returncode == 2


def test_blank_model_skips_annotation_rules_and_says_which(cli, tmp_path):
    path = tmp_path / "v.txt"
    path.write_text("Verkoopster (m/v) gezocht. Je hebt Nederlands als moedertaal.\n", encoding="utf-8")
    result = cli("check", "--model", "blank", "-f", "json", str(path))
    rules = {f["rule"] for f in json.loads(result.stdout)}
    # phrase, regex and lemma-list rules still run (lemma lists fall back to lower-case forms)
    assert {"GSL001", "GSL002", "HKM001"} <= rules
    assert "overgeslagen regels" in result.stderr and "LFT001" in result.stderr  # needs POS/DEP


def test_config_file_found_upwards_with_select_severity_and_allow(cli, tmp_path):
    (tmp_path / ".vacaturelint.yaml").write_text(
        "ignore: [GSL001]\nseverity: {LFT002: info}\nallow: ['jonge hond']\n", encoding="utf-8")
    sub = tmp_path / "vacatures" / "2026"
    sub.mkdir(parents=True)
    path = sub / "v.md"
    path.write_text("# Adviseur (m/v)\n\nJe bent maximaal 35 jaar. Ben jij een jonge hond?\n", encoding="utf-8")
    findings = json.loads(cli("check", "-f", "json", str(path)).stdout)
    assert [(f["rule"], f["severity"]) for f in findings] == [("LFT002", "info")]


def test_pyproject_config(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.vacaturelint]\nselect = ['geslacht']\n", encoding="utf-8")
    path = tmp_path / "v.md"
    path.write_text("Verkoopster gezocht. Je bent maximaal 35 jaar.\n", encoding="utf-8")
    findings = json.loads(cli("check", "-f", "json", str(path)).stdout)
    assert {f["category"] for f in findings} == {"geslacht"}


@pytest.mark.parametrize(("content", "expected"), [
    ("ignore: [GSL001\n", "ongeldige YAML"),
    ("onbekend: 1\n", "onbekend: onbekende sleutel"),
    ("min_severity: hoog\n", "min_severity"),
    ("extra_rules: [bestaat-niet.yaml]\n", "extra_rules"),
])
def test_broken_config_is_one_line_with_file_and_line(cli, tmp_path, content, expected):
    (tmp_path / ".vacaturelint.yaml").write_text(content, encoding="utf-8")
    path = tmp_path / "v.md"
    path.write_text("Tekst.\n", encoding="utf-8")
    result = cli("check", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and ".vacaturelint.yaml:" in lines[0] and expected in lines[0], lines


def test_broken_extra_rules_names_file_line_and_key(cli, tmp_path):
    (tmp_path / "huis.yaml").write_text(
        "schema_version: 1\nrules:\n  - id: HUI001\n    name: huis\n    category: leeftijd\n"
        "    severity: warning\n    message: m\n    explanation: e\n    legal: {distinction: indirect, refs: [x]}\n"
        "    match:\n      - tokens: [[{LEMMA: {INN: [a]}}]]\n    examples: {bad: [a], good: [b]}\n",
        encoding="utf-8")
    (tmp_path / ".vacaturelint.yaml").write_text("extra_rules: [huis.yaml]\n", encoding="utf-8")
    path = tmp_path / "v.md"
    path.write_text("Tekst.\n", encoding="utf-8")
    result = cli("check", str(path))
    assert result.returncode == 2
    assert "huis.yaml:11: regel HUI001: match[0].tokens: ongeldig spaCy-tokenpatroon" in result.stderr


def test_extra_rules_are_applied(cli, tmp_path):
    (tmp_path / "huis.yaml").write_text(
        "schema_version: 1\nrules:\n  - id: HUI001\n    name: rockster\n    category: functie-eisen\n"
        "    severity: info\n    message: \"‘{match}’ is jargon\"\n    explanation: e\n"
        "    legal: {distinction: none, refs: [huisstijl]}\n    match:\n      - lemmas: [rockstar]\n"
        "    examples: {bad: [rockstar], good: [collega]}\n", encoding="utf-8")
    (tmp_path / ".vacaturelint.yaml").write_text("extra_rules: [huis.yaml]\n", encoding="utf-8")
    path = tmp_path / "v.md"
    path.write_text("Ben jij onze nieuwe rockstar?\n", encoding="utf-8")
    findings = json.loads(cli("check", "-f", "json", str(path)).stdout)
    assert [f["message"] for f in findings] == ["‘rockstar’ is jargon"]


def test_rules_and_explain(cli):
    table = cli("rules")
    assert table.returncode == 0 and "LFT002" in table.stdout and "leeftijdsgrens" in table.stdout
    rules = json.loads(cli("rules", "--format", "json").stdout)
    assert {r["category"] for r in rules} >= {"leeftijd", "geslacht", "herkomst", "functie-eisen"}
    explained = cli("explain", "LFT002")
    assert explained.returncode == 0
    assert "WGBL" in explained.stdout and "Voorbeelden die gemeld worden" in explained.stdout
    assert cli("explain", "leeftijdsgrens").returncode == 0
    missing = cli("explain", "XYZ123")
    assert missing.returncode == 2 and "onbekende regel" in missing.stderr


def test_rules_and_explain_take_extra_rule_files(cli):
    house = str(ROOT / "examples" / "huisregels.yaml")
    assert "HUI001" not in cli("rules").stdout
    table = cli("rules", "--extra-rules", house)
    assert table.returncode == 0 and "HUI001" in table.stdout, table.stderr
    explained = cli("explain", "HUI001", "--extra-rules", house)
    assert explained.returncode == 0 and "postuur-als-eis" in explained.stdout, explained.stderr
    gone = cli("explain", "HUI001", "--extra-rules", str(ROOT / "bestaat-niet.yaml"))
    assert gone.returncode == 2 and "regelbestand bestaat niet" in gone.stderr and "Traceback" not in gone.stderr
