"""herkomst (HKM) rules on the real pipeline.

Beyond the examples in rules.yaml: language and nationality demands, look-alikes
that must stay silent, severity changes and residence history. The ABOUT_*
cases (who a phrase is about) run with both stand-in models. The check that
every GSL and HKM rule cites the law is in test_geslacht.py.
"""

from __future__ import annotations

import pytest

from tests.rules.conftest import by_rule, hits, rule_hits, texts


@pytest.mark.parametrize(("text", "rule"), [
    ("Je hebt Nederlands als moedertaal.", "HKM001"),
    ("Je bent moedertaalspreker.", "HKM001"),
    ("Nederlands op moedertaalniveau is vereist.", "HKM001"),
    ("Je bent native speaker Nederlands.", "HKM001"),
    ("Native Dutch is a must.", "HKM001"),
    ("Je spreekt accentloos Nederlands.", "HKM002"),
    ("Je spreekt Nederlands zonder accent.", "HKM002"),
    ("Je communiceert helder, mondeling en schriftelijk (ABN).", "HKM002"),
    ("Je hebt de Nederlandse nationaliteit.", "HKM003"),
    ("Je hebt een Nederlandse achtergrond.", "HKM003"),
    ("Je bent bekend met de Nederlandse cultuur.", "HKM005"),
    ("Je bent bekend met de Nederlandse werkcultuur.", "HKM005"),
    ("Je spreekt perfect Nederlands.", "HKM004"),
    ("Je hebt een uitstekende beheersing van de Nederlandse taal.", "HKM004"),
    ("Je spreekt vloeiend Nederlands.", "HKM004"),
])
def test_herkomst_forms(linter, text, rule):
    assert texts(linter, text, rule), text


@pytest.mark.parametrize("text", [
    "Je spreekt Nederlands op B1-niveau.",
    "Nederlands op B2-niveau is nodig voor het klantcontact.",
    "Je spreekt goed Nederlands.",
    "Je bent Nederlandssprekend.",
    "Ons team heeft diverse nationaliteiten.",
    "Het accent ligt op klantcontact.",
    "Ons moederbedrijf zit in Duitsland.",
    "Je reist met de NS naar kantoor.",
    "Je werkt bij de Nederlandse Spoorwegen.",
    "Je hebt uitstekende kennis van de Nederlandse markt.",
    "Je bankiert bij ABN AMRO.",
    "Je helpt statushouders in hun eigen moedertaal.",
    "Je kent de Nederlandse wet- en regelgeving.",
])
def test_herkomst_lookalikes_are_silent(linter, text):
    assert hits(linter, text, category="herkomst") == []


def test_nationality_with_legal_requirement_is_lower_severity(linter):
    plain = hits(linter, "Je hebt de Nederlandse nationaliteit.", rule="HKM003")
    legal = hits(linter, "Je hebt de Nederlandse nationaliteit, wettelijk verplicht voor het veiligheidsonderzoek.",
                  rule="HKM003")
    assert plain[0].severity == "error"
    assert legal and legal[0].severity == "info"


def test_language_level_is_info_and_suggests_cefr(linter):
    (finding,) = hits(linter, "Je beheerst de Nederlandse taal uitstekend in woord en geschrift.", rule="HKM004")
    assert finding.severity == "info"
    assert any("B2" in s or "B1" in s for s in finding.suggestions)


def test_moedertaal_other_language_is_still_flagged_at_lower_severity(linter):
    (finding,) = hits(linter, "Je bent native speaker Engels.", rule="HKM001")
    assert finding.severity == "warning"


# --------------------------------------------------------------------------- residence history (HKM006)

def test_residence_history_is_origin_and_a_named_screening_is_a_hint(linter):
    plain = by_rule(linter, "Je hebt minimaal 5 jaar in Nederland gewoond.", "HKM006")
    screened = by_rule(
        linter, "Voor het veiligheidsonderzoek heb je minimaal 5 jaar in Nederland gewoond.", "HKM006")
    assert [(f.category, f.severity) for f in plain] == [("herkomst", "warning")]
    assert [f.severity for f in screened] == ["info"]
    assert by_rule(linter, "Wij zijn al 25 jaar in Nederland gevestigd.", "HKM006") == []
    assert by_rule(linter, "Je hebt 5 jaar ervaring in Nederland.", "HKM006") == []


def test_a_named_screening_makes_residence_history_a_hint(linter):
    text = "Voor de Verklaring van Geen Bezwaar (VGB) ben je langer dan 8 jaar woonachtig in Nederland."
    assert [f.severity for f in by_rule(linter, text, "HKM006")] == ["info"]


# --------------------------------------------------------------------------- who it is about (both stand-in models)

ABOUT_FLAGGED = [
    ("Je bent native speaker Nederlands.", "HKM001", "native speaker"),
]


ABOUT_SILENT = [
    # organisations, products and people named in the text
    ("Onze community van native speakers helpt cursisten een taal te leren.", "herkomst"),
]


@pytest.mark.parametrize(("text", "rule", "match"), ABOUT_FLAGGED)
def test_about_flagged(linter_per_model, text, rule, match):
    assert (rule, match) in rule_hits(linter_per_model, text)


@pytest.mark.parametrize(("text", "category"), ABOUT_SILENT)
def test_about_silent(linter_per_model, text, category):
    findings = [f for f in linter_per_model.lint_text(text).findings if f.category == category]
    assert findings == []
