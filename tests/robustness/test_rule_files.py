"""Malformed extra rule files (via config extra_rules): one line naming file, line and key; exit 2."""

from __future__ import annotations

import pytest

from tests.conftest import RULE_FILE
from tests.robustness.conftest import BAD

pytestmark = pytest.mark.fast  # the fast tier (README): seconds per test, no external programs

RULE = RULE_FILE.replace("{extra}", "")  # tests.conftest
GOOD_MATCH = "      - phrases: [kwartiermaker]"

CASES = {
    "bad-yaml": ("schema_version: 1\nrules: [\n  - id: X\n", 3, "ongeldige YAML"),
    "unknown-key": (RULE.format(match=GOOD_MATCH).replace("    examples:", "    colour: red\n    examples:"),
                    12, "onbekende sleutel"),
    "bad-spacy-pattern": (RULE.format(match="      - tokens: [[{LEMMA: {INN: [a]}}]]"), 11, "tokens"),
    "bad-regex": (RULE.format(match="      - regex: '(unclosed'"), 11, "reguliere expressie"),
    "duplicate-yaml-key": (RULE.format(match=GOOD_MATCH).replace("    severity: warning\n",
                                                                   "    severity: warning\n    severity: info\n"),
                           7, "dubbele sleutel 'severity'"),
    "duplicate-id": (RULE.format(match=GOOD_MATCH).replace("TST001", "LFT001"), 3, "LFT001"),
    "python-object": ("schema_version: 1\nrules: !!python/object/apply:os.system ['touch PWNED']\n", 2, "YAML"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_extra_rule_file_is_one_error_line(cli, write, case):
    text, line, key = CASES[case]
    rules = write("regels.yaml", text)
    write(".vacaturelint.yaml", "extra_rules: [regels.yaml]\n")
    vacancy = write("v.txt", BAD)
    result = cli("check", str(vacancy))
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"vacaturelint: fout: {rules}:{line}:"), lines[0]
    assert key in lines[0]
    assert "Traceback" not in result.stderr
    assert not (rules.parent / "PWNED").exists()


def test_valid_extra_rule_file_works(cli, write):
    write("regels.yaml", RULE.format(match=GOOD_MATCH))
    write(".vacaturelint.yaml", "extra_rules: [regels.yaml]\n")
    vacancy = write("v.txt", "Wij zoeken een kwartiermaker.\n")
    result = cli("check", str(vacancy))
    assert result.returncode == 1 and "[TST001]" in result.stdout, result.stderr


def test_catastrophic_user_regex_is_bounded_by_the_timeout(cli, write):
    write("regels.yaml", RULE.format(match="      - regex: '(a|aa)+$'\n      - regex: '(a+)+$'"))
    write(".vacaturelint.yaml", "extra_rules: [regels.yaml]\n")
    # 60 a's: exponential for (a|aa)+$ (the regex module copes with (a+)+$ itself); then a 1 MB line
    vacancy = write("v.txt", "a" * 60 + "b\n" + BAD + "a" * 1_000_000 + "b\n")
    result = cli("check", "--max-size", "2MB", str(vacancy))  # over the default 1 MB input limit
    assert result.returncode == 1, result.stderr  # the built-in rules still ran
    assert "regel TST001 overgeslagen: een reguliere expressie kostte te veel tijd" in result.stderr
    assert "[LFT001]" in result.stdout


def test_builtin_loader_rejects_object_tags_without_constructing(tmp_path):
    from vacaturelint.errors import RulesError
    from vacaturelint.rules.loader import load_file

    path = tmp_path / "r.yaml"
    marker = tmp_path / "PWNED"
    path.write_text(f"schema_version: 1\nrules: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(RulesError) as info:
        load_file(str(path))
    assert str(info.value).startswith(f"{path}:2:")
    assert not marker.exists()
