"""examples/huisregels.yaml, the example of extra rules (README "Configuratie"), through
the real CLI: its examples hold, and each part it shows (a ``dependency`` clause with
``highlight``, a ``section`` and a ``block_kind`` condition) does its work."""

from __future__ import annotations

import json

import yaml

from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "huisregels.yaml"


def _examples():
    (rule,) = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))["rules"]
    bad = [(e["text"], e["match"]) for e in rule["examples"]["bad"]]
    good = list(rule["examples"]["good"])
    return rule, bad, good


def _findings(cli, folder, rules_text: str, texts: list[str]) -> dict[str, list[str]]:
    """HUI001 findings per example file, with ``rules_text`` as the extra rule file."""
    (folder / "huisregels.yaml").write_text(rules_text, encoding="utf-8")
    (folder / ".vacaturelint.yaml").write_text("extra_rules: [huisregels.yaml]\n", encoding="utf-8")
    names = []
    for i, text in enumerate(texts):
        (folder / f"v{i}.md").write_text(text, encoding="utf-8")
        names.append(f"v{i}.md")
    result = cli("check", "-f", "json", *names, cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    found: dict[str, list[str]] = {name: [] for name in names}
    for f in json.loads(result.stdout):
        if f["rule"] == "HUI001":
            found[f["path"]].append(f["text"])
    return found


def test_the_examples_of_the_house_rule_hold(cli, tmp_path):
    _, bad, good = _examples()
    found = _findings(cli, tmp_path, EXAMPLE.read_text(encoding="utf-8"), [t for t, _ in bad] + good)
    assert [found[f"v{i}.md"] for i in range(len(bad))] == [[match] for _, match in bad]
    assert all(not found[f"v{i}.md"] for i in range(len(bad), len(bad) + len(good))), found


def test_section_and_block_kind_are_what_keep_the_good_examples_silent(cli, tmp_path):
    rule, _, good = _examples()
    text = EXAMPLE.read_text(encoding="utf-8")
    without_section = text.replace(f'      - section: "{rule["requires"][0]["section"]}"\n', "")
    without_section = without_section.replace("    requires:\n", "")
    without_block_kind = text.replace("    unless:\n      - block_kind: heading\n", "")
    assert without_section != text and without_block_kind != text
    other_section, heading = good[0], good[1]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _findings(cli, tmp_path / "a", without_section, [other_section]) == {"v0.md": ["stevig postuur"]}
    assert _findings(cli, tmp_path / "b", without_block_kind, [heading]) == {"v0.md": ["stevig postuur"]}
