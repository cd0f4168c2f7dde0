"""Malformed .vacaturelint.yaml: one line naming file, line and key; exit 2; nothing constructed."""

from __future__ import annotations

import pytest

from tests.robustness.conftest import BAD

pytestmark = pytest.mark.fast  # the fast tier (README): seconds per test, no external programs

CASES = {
    "bad-yaml": ("select: [leeftijd\nignore: x\n", 2, "ongeldige YAML"),
    "unknown-key": ("select: [leeftijd]\nselcet: [geslacht]\n", 2, "selcet"),
    "duplicate-key": ("ignore: [LFT001]\nignore: [LFT002]\n", 2, "dubbele sleutel 'ignore'"),
    "bad-severity": ("min_severity: high\n", 1, "min_severity"),
    "missing-extra-rules": ("allow: [jong]\nextra_rules: [bestaat-niet.yaml]\n", 2, "extra_rules"),
    "python-object": ("allow: !!python/object/apply:os.system ['touch PWNED']\n", 1, "YAML"),
    "not-a-mapping": ("- select\n- ignore\n", 0, "mapping"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_config_is_one_error_line(cli, write, case):
    text, line, key = CASES[case]
    config = write(".vacaturelint.yaml", text)
    vacancy = write("v.txt", BAD)
    result = cli("check", str(vacancy))
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    where = f"{config}:{line}:" if line else f"{config}:"
    assert lines[0].startswith(f"vacaturelint: fout: {where}"), lines[0]
    assert key in lines[0]
    assert not (config.parent / "PWNED").exists()
