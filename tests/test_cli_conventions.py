"""The command line as ruff, yamllint and Vale users expect it, in Dutch (issue 13):
a window of context instead of whole scraped lines, colour switches, --exit-zero,
-q, --statistics, -o, the concise format, safe --fix/--diff, init, "bedoel je",
no English from click, a success line, and model errors that say what is wrong.
Every test runs the real CLI as a subprocess."""

from __future__ import annotations

import codecs
import io
import json
import re

import pytest

from tests.conftest import MODEL, ROOT

EXAMPLE = ROOT / "examples" / "vacature-voorbeeld.md"
ENGLISH = ("Usage:", "Error:", "No such option", "No such command", "Missing argument", "Missing option",
           "is not one of", "Try '", "Options:", "Commands:", "Show this message", "Show the version",
           "Did you mean", "requires an argument", "Got unexpected", "Invalid value", "TEXT", "INTEGER", "FLOAT", "[OPTIONS]", "[required]", "Traceback")


def _long_ad(tmp_path):
    filler = "Wij zijn een organisatie met een open cultuur en veel ruimte voor ontwikkeling. " * 30
    text = filler + "Voor ons jong en dynamisch team zoeken wij een verkoopster (m/v). " + filler
    path = tmp_path / "lang.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path, text


def test_long_one_line_ad_shows_a_window_not_the_whole_line(cli, tmp_path):
    path, text = _long_ad(tmp_path)
    result = cli("check", str(path))
    assert result.returncode == 1
    assert len(text) > 4000
    assert max(len(line) for line in result.stdout.splitlines()) < 300
    source_lines = [ln for ln in result.stdout.splitlines() if re.match(r"^\s+1 \| ", ln)]
    assert source_lines and all(ln.split("| ", 1)[1].startswith("…") and ln.endswith("…") for ln in source_lines)
    # the caret still sits exactly under the finding
    lines = result.stdout.splitlines()
    for i, line in enumerate(lines):
        if "[LFT001]" in line:
            shown, carets = lines[i + 1].split("| ", 1)[1], lines[i + 2].split("| ", 1)[1]
            start = carets.index("^")
            assert shown[start:start + len(carets.strip())] == "jong en dynamisch team"


def test_colour_follows_flag_no_color_and_force_color(cli):
    def escapes(*args, env=None):
        return cli("check", *args, str(EXAMPLE), env=env).stdout.count("\x1b[")

    assert escapes() == 0  # a pipe
    assert escapes("--color") > 0
    assert escapes(env={"FORCE_COLOR": "1"}) > 0
    assert escapes("--color", env={"NO_COLOR": "1"}) > 0  # the flag wins
    assert escapes(env={"NO_COLOR": "1", "FORCE_COLOR": "1"}) == 0
    assert escapes("--no-color", env={"FORCE_COLOR": "1"}) == 0
    assert escapes("-f", "concise", "--color") > 0


def test_exit_zero_quiet_and_summary(cli, tmp_path):
    clean = tmp_path / "ok.md"
    clean.write_text("# Verkoopmedewerker (m/v/x)\n\nJe hebt minimaal 3 jaar werkervaring.\n", encoding="utf-8")
    full = cli("check", str(EXAMPLE), str(clean))
    assert full.returncode == 1
    assert re.search(r"^11 bevindingen in 1 van 2 bestanden: 4 fouten, 6 waarschuwingen, 1 info\.", full.stdout, re.M)
    zero = cli("check", "--exit-zero", str(EXAMPLE))
    assert zero.returncode == 0 and "[LFT001]" in zero.stdout
    quiet = cli("check", "-q", str(EXAMPLE))
    assert quiet.returncode == 1 and "[LFT001]" in quiet.stdout and "bevindingen in" not in quiet.stdout
    ok = cli("check", str(clean))
    assert ok.returncode == 0 and ok.stdout == "Geen bevindingen in 1 bestand.\n"
    assert cli("check", "-q", str(clean)).stdout == ""
    # errors still exit 2 with --exit-zero
    assert cli("check", "--exit-zero", str(tmp_path / "bestaat-niet.md")).returncode == 2


def test_concise_is_one_line_per_finding(cli):
    result = cli("check", "-f", "concise", str(EXAMPLE))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    findings = [ln for ln in lines if ln.startswith(str(EXAMPLE))]
    assert len(findings) == 11
    assert all(re.match(r".+:\d+:\d+: (fout|waarschuwing|info) \[[A-Z]{3}\d{3}\]", ln) for ln in findings)
    assert lines[-1].startswith("11 bevindingen in 1 bestand")
    assert "suggestie" not in result.stdout and " | " not in result.stdout


def test_statistics_count_per_rule_most_first(cli):
    result = cli("check", "--statistics", str(EXAMPLE))
    assert result.returncode == 1
    rows = [ln.split() for ln in result.stdout.splitlines()]
    counts = [int(r[0]) for r in rows]
    assert counts == sorted(counts, reverse=True) and sum(counts) == 11
    assert rows[0][:2] == ["2", "GSL002"]
    assert any(r[1] == "GSL001" and "[*]" in r for r in rows)
    data = json.loads(cli("check", "--statistics", "-f", "json", str(EXAMPLE)).stdout)
    assert data[0] == {"rule": "GSL002", "name": "functietitel-een-geslacht", "severity": "warning", "count": 2}


def test_output_file(cli, tmp_path):
    out = tmp_path / "uit.json"
    result = cli("check", "-f", "json", "-o", str(out), str(EXAMPLE))
    assert result.returncode == 1 and result.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 11
    text_out = tmp_path / "uit.txt"
    assert cli("check", "--color", "-o", str(text_out), str(EXAMPLE)).returncode == 1
    assert "[LFT001]" in text_out.read_text(encoding="utf-8")
    bad = cli("check", "-o", str(tmp_path), str(EXAMPLE))
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "is een map" in bad.stderr


FIX_TEXT = ("Verkoopmedewerker (m/v) gezocht\r\nWij zoeken een verkoopster (M/V).\r\n"
            "Je bent maximaal 35 jaar en woont in Utrecht.\r\nAdviseur (m/v/x), man/vrouw")


def test_fix_applies_only_safe_fixes_and_keeps_bom_and_line_endings(cli, tmp_path):
    path = tmp_path / "v.md"
    path.write_bytes(codecs.BOM_UTF8 + FIX_TEXT.encode("utf-8"))
    before = json.loads(cli("check", "-f", "json", str(path)).stdout)
    fixable = [f for f in before if f["fix"]]
    assert {(f["text"], f["fix"]) for f in fixable} == {("(m/v)", "(m/v/x)"), ("(M/V)", "(M/V/X)")}
    assert all(f["fix"] is None for f in before if f["rule"] != "GSL001")

    result = cli("check", "--fix", "-f", "json", str(path))
    assert result.returncode == 1  # the age limit and the title are left for a human
    assert "2 bevindingen hersteld in 1 bestand" in result.stderr
    left = json.loads(result.stdout)
    assert {f["rule"] for f in left} >= {"LFT002", "GSL002"} and not any(f["fix"] for f in left)
    expected = FIX_TEXT.replace("(m/v) gezocht", "(m/v/x) gezocht").replace("(M/V)", "(M/V/X)")
    assert path.read_bytes() == codecs.BOM_UTF8 + expected.encode("utf-8")
    again = cli("check", "--fix", str(path))
    assert "niets te herstellen" in again.stderr and path.read_bytes() == codecs.BOM_UTF8 + expected.encode("utf-8")


def test_fix_keeps_utf16_and_cp1252_and_exits_zero_when_all_fixed(cli, tmp_path):
    utf16 = tmp_path / "a.txt"
    utf16.write_bytes(codecs.BOM_UTF16_LE + "Adviseur (m/v) in Zwolle\n".encode("utf-16-le"))
    cp = tmp_path / "b.html"
    cp.write_bytes("<p>Café-medewerker (m/v) – 32 uur</p>\n".encode("cp1252"))
    result = cli("check", "--fix", str(utf16), str(cp))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "Geen bevindingen in 2 bestanden.\n"
    assert utf16.read_bytes() == codecs.BOM_UTF16_LE + "Adviseur (m/v/x) in Zwolle\n".encode("utf-16-le")
    assert cp.read_bytes() == "<p>Café-medewerker (m/v/x) – 32 uur</p>\n".encode("cp1252")
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".vacaturelint")]


def test_fix_through_a_symlink_keeps_the_link_and_the_mode(cli, tmp_path):
    real = tmp_path / "echt.md"
    real.write_text("Adviseur (m/v)\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert cli("check", "--fix", str(link)).returncode == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "Adviseur (m/v/x)\n"
    assert real.stat().st_mode & 0o777 == 0o640


def test_diff_prints_a_unified_diff_and_writes_nothing(cli, tmp_path):
    path = tmp_path / "v.md"
    path.write_bytes(FIX_TEXT.encode("utf-8"))
    result = cli("check", "--diff", str(path))
    assert result.returncode == 1
    assert path.read_bytes() == FIX_TEXT.encode("utf-8")
    assert result.stdout.startswith(f"--- a/{path}\n+++ b/{path}\n@@ ")
    assert "\n-Verkoopmedewerker (m/v) gezocht\r\n" in result.stdout
    assert "\n+Verkoopmedewerker (m/v/x) gezocht\r\n" in result.stdout
    assert "\n+Wij zoeken een verkoopster (M/V/X).\r\n" in result.stdout
    assert not [ln for ln in result.stdout.splitlines() if ln.startswith(("-Je bent", "+Je bent"))]
    assert "niets geschreven" in result.stderr
    stdin = cli("check", "--diff", "--stdin-filename", "x.md", "-", input=b"Adviseur (m/v)\n")
    assert stdin.returncode == 1 and "+Adviseur (m/v/x)" in stdin.stdout
    clean = tmp_path / "ok.md"
    clean.write_text("Adviseur (m/v/x)\n", encoding="utf-8")
    nothing = cli("check", "--diff", str(clean))
    assert nothing.returncode == 0 and nothing.stdout == ""


def test_fix_refuses_stdin_and_combination_and_word_files(cli, tmp_path):
    import docx

    stdin = cli("check", "--fix", "-", input=b"Adviseur (m/v)\n")
    assert stdin.returncode == 2 and stdin.stderr.count("\n") == 1 and "--diff" in stdin.stderr
    both = cli("check", "--fix", "--diff", str(EXAMPLE))
    assert both.returncode == 2
    document = docx.Document()
    document.add_paragraph("Adviseur (m/v) gezocht.")
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "v.docx"
    path.write_bytes(buffer.getvalue())
    result = cli("check", "--fix", str(path))
    assert result.returncode == 1
    assert "kan niet automatisch hersteld worden" in result.stderr
    assert path.read_bytes() == buffer.getvalue()


def test_init_writes_a_commented_config_once(cli, tmp_path):
    result = cli("init", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    config = tmp_path / ".vacaturelint.yaml"
    text = config.read_text(encoding="utf-8")
    assert "# select:" in text and "# allow:" in text and "--model blank" not in text
    vacancy = tmp_path / "v.md"
    vacancy.write_text("Wij zoeken een verkoopster.\n", encoding="utf-8")
    assert cli("check", str(vacancy), cwd=tmp_path).returncode == 1  # the commented config parses
    config.write_text(text.replace("# ignore: [FNE008]", "ignore: [geslacht]"), encoding="utf-8")
    assert cli("check", str(vacancy), cwd=tmp_path).returncode == 0
    again = cli("init", cwd=tmp_path)
    assert again.returncode == 2 and "bestaat al" in again.stderr
    assert "ignore: [geslacht]" in config.read_text(encoding="utf-8")


def test_did_you_mean_for_config_keys_and_rule_ids(cli, tmp_path):
    (tmp_path / ".vacaturelint.yaml").write_text("selct: [leeftijd]\n", encoding="utf-8")
    vacancy = tmp_path / "v.md"
    vacancy.write_text("Tekst.\n", encoding="utf-8")
    config = cli("check", str(vacancy))
    assert config.returncode == 2 and "bedoel je 'select'?" in config.stderr and ":1:" in config.stderr
    (tmp_path / ".vacaturelint.yaml").write_text("ignore: [GSL001, leeftjid]\n", encoding="utf-8")
    selector = cli("check", str(vacancy))
    assert selector.returncode == 2 and selector.stderr.count("\n") == 1
    assert "ignore: onbekende regel of categorie 'leeftjid' (bedoel je 'leeftijd'" in selector.stderr
    renamed = cli("check", "--ignore", "too-many-musthaves", str(vacancy))
    assert renamed.returncode == 2 and "heet nu 'te-veel-harde-eisen'" in renamed.stderr
    explain = cli("explain", "LFT02")
    assert explain.returncode == 2 and "bedoel je " in explain.stderr and "'LFT002'" in explain.stderr
    select = cli("check", "--select", "leeftjid", str(EXAMPLE))
    assert select.returncode == 2 and "bedoel je 'leeftijd'" in select.stderr


@pytest.mark.parametrize("args, expected", [
    (["check", "--colour", "x.md"], "onbekende optie '--colour' (bedoel je"),
    (["check"], "ontbrekend argument 'PAD...'"),
    (["check", "-f", "xml", "x.md"], "'xml' is niet een van 'text', 'concise'"),
    (["chek", "x.md"], "onbekend commando 'chek' (bedoel je 'check'?)"),
    (["check", "--format"], "optie '--format' heeft een waarde nodig"),
    (["explain"], "ontbrekend argument 'REGEL'"),
    (["rules", "--category", "leeftijdd"], "ongeldige waarde voor '--category'"),
    (["explain", "LFT001", "LFT002"], "onverwacht extra argument (LFT002)"),
])
def test_usage_errors_are_one_dutch_line(cli, args, expected):
    result = cli(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("vacaturelint: fout: ") and expected in result.stderr, result.stderr
    assert "--help'" in result.stderr
    assert not [word for word in ENGLISH if word in result.stderr]


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["report", "--help"], ["rules", "-h"],
                                  ["explain", "--help"], ["init", "--help"], ["audit", "--help"],
                                  ["serve", "--help"], ["lsp", "--help"], ["--version"]])
def test_help_and_version_are_dutch(cli, args):
    result = cli(*args)
    assert result.returncode == 0
    assert not [word for word in ENGLISH if word in result.stdout], result.stdout
    assert "Gebruik:" in result.stdout or "versie" in result.stdout


def test_no_command_shows_dutch_help_and_exits_2(cli):
    result = cli()
    assert result.returncode == 2 and "Gebruik: vacaturelint" in result.stderr
    assert not [word for word in ENGLISH if word in result.stderr]


def test_explain_and_rules_speak_dutch(cli):
    explained = cli("explain", "GSL001")
    assert explained.returncode == 0
    assert "{match}" not in explained.stdout and "[geslacht, info]" in explained.stdout
    assert "Fout (wordt gemeld)" not in explained.stdout
    assert "Voorbeelden die gemeld worden:" in explained.stdout
    assert "‘(m/v)’ → ‘(m/v/x)’" in explained.stdout
    assert "[leeftijd, fout]" in cli("explain", "LFT002").stdout
    table = cli("rules").stdout
    assert "waarschuwing" in table and not re.search(r"\b(error|warning)\b", table)
    names = [r["name"] for r in json.loads(cli("rules", "-f", "json").stdout)]
    assert "te-veel-harde-eisen" in names and not any("must" in n or "gendered" in n for n in names)
    assert cli("check", "--min-severity", "fout", "-f", "json", str(EXAMPLE)).returncode == 1


def test_model_errors_tell_name_path_and_non_pipeline_apart(cli, tmp_path):
    path = tmp_path / "v.txt"
    path.write_text("Tekst.\n", encoding="utf-8")
    missing_path = cli("check", "--model", "../geen/model/hier", str(path))
    not_pipeline = cli("check", "--model", str(tmp_path), str(path))
    missing_name = cli("check", "--model", "nl_core_news_sm", str(path))
    for result in (missing_path, not_pipeline, missing_name):
        assert result.returncode == 2 and result.stderr.count("\n") == 1
        assert "--model blank" in result.stderr
    assert "pad bestaat niet" in missing_path.stderr and "spacy download" not in missing_path.stderr
    assert "geen spaCy-pipeline" in not_pipeline.stderr and "spacy download" not in not_pipeline.stderr
    assert "python -m spacy download nl_core_news_sm" in missing_name.stderr


def test_suggestions_do_not_repeat_and_fit(cli, tmp_path):
    path = tmp_path / "v.txt"
    path.write_text("Wij zoeken een verkoopster. Je hebt maximaal 3 jaar werkervaring.\n", encoding="utf-8")
    findings = json.loads(cli("check", "-f", "json", str(path)).stdout)
    gsl = next(f for f in findings if f["rule"] == "GSL002")
    assert sum("verkoper/verkoopster" in s for s in gsl["suggestions"]) == 1
    lft = next(f for f in findings if f["rule"] == "LFT004")
    assert not any(s.startswith("minimaal") for s in lft["suggestions"])


def test_sarif_carries_the_safe_fix(cli):
    run = json.loads(cli("check", "-f", "sarif", str(EXAMPLE)).stdout)["runs"][0]
    fixed = [r for r in run["results"] if "fixes" in r]
    assert [r["ruleId"] for r in fixed] == ["GSL001"]
    (replacement,) = fixed[0]["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"]["text"] == "(m/v/x)"
    assert replacement["deletedRegion"] == {"startLine": 1, "startColumn": 15, "endLine": 1, "endColumn": 20}


@pytest.mark.skipif("nl_ud_selftrained_sm" not in MODEL, reason="the README shows output of the stand-in model")
def test_readme_shows_real_output(cli):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for args in (["-f", "concise"], ["--select", "LFT001,GSL001"], ["--statistics"]):
        result = cli("check", *args, "examples/vacature-voorbeeld.md")
        assert result.returncode == 1
        assert f"$ vacaturelint check {' '.join(args)} examples/vacature-voorbeeld.md\n{result.stdout}```" in readme
