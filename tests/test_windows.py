"""A file longer than the window (VACATURELINT_WINDOW_CHARS, default 200,000 characters)
is checked window by window so memory stays bounded (engine.Linter._lint_windows). The
findings must be those of the same text checked whole: span rules per block, and the
document checks across windows (GSL004 looks back into the blocks before, GSL005 counts
over the whole file, FNE008 reads the whole requirements section)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import RULE_FILE, run_cli
from vacaturelint.engine import block_windows
from vacaturelint.extract import extract
from vacaturelint.source import Source

# Every paragraph is a block; with a window of 60 characters nearly every block is a
# window of its own, so each document check has to work across windows.
AD = "\n\n".join([
    "Verkoper binnendienst (m/v)",
    "Wij zoeken een ambitieuze collega voor ons jonge team.",
    "Je bent competitief en assertief.",
    "De ideale kandidaat is klantgericht en communicatief sterk.",
    "Hij werkt zelfstandig en houdt van aanpakken.",
    "Je bent resultaatgericht.",
    "Je bent analytisch en stressbestendig.",
    "Je bent maximaal 35 jaar en spreekt Nederlands als moedertaal.",
    "Wat vragen wij\n- Een afgeronde hbo-opleiding.\n- Vijf jaar ervaring als adviseur.\n- Kennis van Excel en Word."
    "\n- Kennis van AFAS.\n- Ervaring met projectleiding.\n- Goede communicatieve vaardigheden.\n- Rijbewijs B."
    "\n- Je bent stressbestendig.\n- Je bent zelfstandig en accuraat.\n- Je bent flexibel inzetbaar.",
    "Stuur je cv en een pasfoto naar de afdeling personeelszaken.",
]) + "\n"
WINDOW = "60"


def check(path, *args, window: str | None = None):
    env = {"VACATURELINT_WINDOW_CHARS": window} if window else {}
    return run_cli("check", *args, str(path.name), env=env, cwd=path.parent)


@pytest.fixture
def ad(tmp_path):
    path = tmp_path / "vacature.txt"
    path.write_text(AD, encoding="utf-8")
    return path


def test_the_ad_spans_many_windows():
    _, extraction = extract(Source(path="x.txt", text=AD, kind="plain"))
    assert len(block_windows(extraction.blocks, int(WINDOW))) >= 10


def test_findings_in_windows_equal_the_whole_file(ad):
    whole = check(ad, "-f", "json")
    windowed = check(ad, "-f", "json", window=WINDOW)
    assert whole.returncode == 1, whole.stderr
    found = json.loads(whole.stdout)
    rules = {f["rule"] for f in found}
    # the document checks across windows, and span rules, are all there to compare
    assert {"GSL004", "GSL005", "FNE008"} <= rules, rules
    assert len(rules) >= 5, rules
    assert json.loads(windowed.stdout) == found
    assert (windowed.stderr, windowed.returncode) == (whole.stderr, whole.returncode)


def test_text_output_in_windows_equals_the_whole_file(ad):
    whole = check(ad)
    windowed = check(ad, window=WINDOW)
    assert "GSL005" in whole.stdout and "FNE008" in whole.stdout
    assert (windowed.stdout, windowed.stderr, windowed.returncode) == (whole.stdout, whole.stderr, whole.returncode)


def test_a_pronoun_at_a_window_start_still_sees_its_antecedent(ad):
    """'Hij' opens a block (and so a window); its antecedent 'De ideale kandidaat' is in
    the block before it, in the window before."""
    found = json.loads(check(ad, "-f", "json", window=WINDOW).stdout)
    pronouns = [f for f in found if f["rule"] == "GSL004"]
    assert [f["text"] for f in pronouns] == ["Hij"]
    assert AD[pronouns[0]["offset"]:pronouns[0]["end_offset"]] == "Hij"


def test_document_lemma_conditions_keep_the_file_whole(linter, tmp_path):
    """A ``document_has`` lemma condition reads every Doc of the file: such a rule set is
    not windowable (the file is then checked whole), the built-in rules are."""
    from vacaturelint.config import Config

    config = Config()
    ruleset = linter.ruleset(config)
    pipeline = linter.pipeline([ruleset], config)
    assert linter.compiled(ruleset, pipeline, config.extra_rules).windowable
    extra = tmp_path / "extra.yaml"
    extra.write_text(RULE_FILE.format(extra="    unless:\n      - document_has: {lemmas: [iedereen]}\n",
                                      match="      - lemmas: [kwartiermaker]"), encoding="utf-8")
    with_extra = Config(extra_rules=(str(extra),))
    ruleset = linter.ruleset(with_extra)
    assert any(rule.id == "TST001" for rule in ruleset.rules)
    assert not linter.compiled(ruleset, pipeline, with_extra.extra_rules).windowable
