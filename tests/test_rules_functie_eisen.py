"""Rules for functie-eisen (FNE), beperking (BPK), religie (RLG) and gezinssituatie (GZS).

All tests run the real pipeline through the ``linter`` fixture. The examples in
rules.yaml are tested in test_rule_examples.py; these tests add the cases that
need more than one sentence (document-level conditions, the must-have count),
severities, and look-alikes that must stay silent for every rule here.
"""

from __future__ import annotations

import pytest

from vacaturelint.rules import checks

OWN = ("FNE", "BPK", "RLG", "GZS")


def _own(linter, text, kind="plain"):
    result = linter.lint_text(text, path="vacature.txt" if kind == "plain" else "vacature.md", kind=kind)
    return [f for f in result.findings if f.rule.startswith(OWN)]


def _by_rule(linter, text, rule, kind="plain"):
    return [f for f in _own(linter, text, kind) if f.rule == rule]


# --------------------------------------------------------------------------- silent look-alikes

@pytest.mark.parametrize(
    "text",
    [
        "Reageer uiterlijk 1 maart via de knop hieronder.",
        "Uiterlijk 26 maart hoor je van ons.",
        "We willen onze klantenservice naar een hoger plan tillen.",
        "Je hebt een gezond verantwoordelijkheidsgevoel en een gezonde dosis humor.",
        "Cliënten praten graag over hun beperkingen.",
        "Je kunt samenwerken met zowel virtuele als fysieke teams.",
        "Sanne van den Heuvel woont in een aangepaste woning met assistentie van Fokus.",
        "Wij bieden een fulltime baan voor 40 uur in de week.",
        "Je bent 32-40 uur per week beschikbaar.",
        "Je bent beschikbaar op zaterdagen.",
        "Onze moederorganisatie is gevestigd in Utrecht.",
        "Deze functie is een tijdelijke vervanging voor een zwangerschapsverlof.",
        "Wij bieden betaald ouderschapsverlof en een personeelsvereniging voor jou en je gezin.",
        "We maken geen onderscheid op gebied van geslacht, geloof, burgerlijke staat of afkomst.",
        "Je werkt met kinderen van 4 tot 12 jaar en hun ouders.",
        "Je zorgt ervoor dat de ruimtes er netjes en representatief uitzien.",
        "In deze representatieve functie ondersteun je de directie.",
        "Wij bieden een leaseauto en een telefoon van de zaak.",
        "Stuur je cv en motivatie, het liefst zonder foto.",
        "Je standplaats is afgestemd op je woonplaats.",
        "Wij zijn een onderwijsorganisatie voor christelijk en katholiek basisonderwijs.",
    ],
)
def test_look_alikes_stay_silent(linter, text):
    assert _own(linter, text) == []


# --------------------------------------------------------------------------- residence (FNE004)

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je bent woonachtig in Hoorn of binnen een straal van 10 kilometer van het distributiecentrum.", "woonachtig in Hoorn"),
        ("U bent woonachtig in- of in de omgeving van Amsterdam.", "woonachtig in- of in de omgeving"),
        ("Wij zoeken iemand met ervaring die woont in Almere of Lelystad.", "woont in Almere"),
        ("Je bent fulltime beschikbaar en woont in de omgeving Den Haag.", "woont in de omgeving"),
        ("Je komt uit Zuidoost of omgeving (pré).", "komt uit Zuidoost of omgeving"),
    ],
)
def test_residence_requirement_is_found(linter, text, expected):
    found = _by_rule(linter, text, "FNE004")
    assert [f.text for f in found] == [expected]


def test_residence_preference_is_only_info(linter):
    hard = _by_rule(linter, "Je woont in de regio van Mijdrecht.", "FNE004")
    soft = _by_rule(linter, "Bij voorkeur woon je in Amsterdam, Almere of omstreken.", "FNE004")
    assert [f.severity for f in hard] == ["warning"]
    assert [f.severity for f in soft] == ["info"]


# --------------------------------------------------------------------------- rijbewijs (FNE006)

OFFICE = "Planner\n\nWat vragen wij\n- Je bent in het bezit van een rijbewijs.\n- Je plant diensten voor onze medewerkers.\n"


def test_licence_for_office_job_is_flagged(linter):
    found = _by_rule(linter, OFFICE, "FNE006")
    assert [(f.text, f.severity) for f in found] == [("rijbewijs", "warning")]


@pytest.mark.parametrize(
    "title_or_context",
    [
        "Chauffeur B/BE",
        "Servicemonteur liften",
        "Netwerkspecialist\n\nJe werkt bij klanten op locatie en rijdt in een auto van de zaak.",
        "Wijkverpleegkundige in de thuiszorg",
        "Mediatechnicus\n\nMet een groot rijbewijs bestuur je ook onze reportagewagens.",
    ],
)
def test_licence_for_driving_or_field_job_is_silent(linter, title_or_context):
    text = OFFICE.replace("Planner", title_or_context)
    assert _by_rule(linter, text, "FNE006") == []


def test_licence_with_reason_in_sentence_is_silent(linter):
    text = "Planner\n\nVanwege het ambulante werk ben je in het bezit van een rijbewijs en eigen vervoer.\n"
    assert _by_rule(linter, text, "FNE006") == []


def test_licence_as_wish_is_silent_even_when_glued(linter):
    assert _by_rule(linter, "Planner\n\nIn het bezit zijn van een rijbewijs is een préWat wij bieden\n", "FNE006") == []
    assert _by_rule(linter, "Planner\n\nPre: in bezit van rijbewijs\n", "FNE006") == []


# --------------------------------------------------------------------------- availability (FNE007)

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je bent 40 uur per week flexibel inzetbaar van maandag tot en met zaterdag.", "40 uur per week flexibel inzetbaar"),
        ("Fulltime beschikbaar (38 uur)", "Fulltime beschikbaar"),
        ("Je bent flexibel inzetbaar voor minimaal 16 uur per week, ook ’s avonds en in het weekend.", "flexibel inzetbaar"),
        ("Je bent enthousiast, werkt graag zelfstandig en flexibel inzetbaar;Je bent beschikbaar op zaterdagen;", "flexibel inzetbaar"),
    ],
)
def test_availability_demand_is_found(linter, text, expected):
    found = _by_rule(linter, text, "FNE007")
    assert [(f.text, f.severity) for f in found] == [(expected, "info")]


@pytest.mark.parametrize(
    "text",
    [
        "De werkdagen variëren tussen maandag t/m zondag met werktijden tussen 05:00 en 00:30 uur. Jij bent flexibel inzetbaar;",
        "Flexibel bent (er wordt afwisselend gewerkt tussen 8:00-20:00 uur).",
        "Bij voorkeur 40 uur per week beschikbaar (minimaal 32 uur).",
        "Bij voorkeur fulltime beschikbaar, 32/36 uur bespreekbaar.",
        "Je bent bereid om storingsdienst te draaien en in flexibele werktijden te werken.",
        "Je bent tussen de 28 en 32 uur per week beschikbaar.",
    ],
)
def test_availability_with_schedule_reason_or_alternative_is_silent(linter, text):
    assert _by_rule(linter, text, "FNE007") == []


# --------------------------------------------------------------------------- must-haves (FNE008)

def _requirements(hard: int, wishes: int = 0, heading: str = "Wat vragen wij") -> str:
    items = [f"- Je hebt kennis van systeem nummer {i}." for i in range(hard)]
    items += [f"- Ervaring met pakket {i} is een pré." for i in range(wishes)]
    return f"Medewerker administratie\n\n{heading}\n" + "\n".join(items) + "\n\nWat bieden wij\n- Een goed salaris.\n- Een leaseauto.\n"


def test_musthave_count_is_a_document_finding_above_threshold(linter):
    found = _by_rule(linter, _requirements(10, wishes=2), "FNE008")
    assert len(found) == 1
    finding = found[0]
    assert finding.scope == "document" and finding.severity == "info"
    assert finding.text == "Wat vragen wij"
    assert "10 harde eisen en 2 wensen" in finding.message


def test_nine_hard_demands_with_wishes_pass(linter):
    assert _by_rule(linter, _requirements(9, wishes=1), "FNE008") == []


def test_no_separation_of_wishes_is_reported(linter):
    found = _by_rule(linter, _requirements(10, heading="Functie-eisen"), "FNE008")
    assert len(found) == 1 and "geen enkele wens" in found[0].message
    assert _by_rule(linter, _requirements(9, heading="Functie-eisen"), "FNE008") == []


def test_offer_sections_and_calls_to_action_are_not_counted(linter):
    offer = "Wat bieden wij\n" + "\n".join(f"- Voordeel nummer {i} voor jou." for i in range(12)) + "\n"
    assert _by_rule(linter, offer, "FNE008") == []
    tail = _requirements(9, wishes=1).replace(
        "\n\nWat bieden wij", "\n- Herken je jezelf hierin? Solliciteer dan direct.\n- Stuur je cv naar ons.\n\nWat bieden wij"
    )
    assert _by_rule(linter, tail, "FNE008") == []


def test_musthave_options_are_validated():
    with pytest.raises(ValueError, match="max_hard"):
        checks.validate("requirements_musthaves", {"options": {"max_hard": 0}})
    with pytest.raises(ValueError, match="onbekende optie"):
        checks.validate("requirements_musthaves", {"options": {"drempel": 3}})


# --------------------------------------------------------------------------- beperking, religie, gezinssituatie

def test_health_demand_with_reason_is_info_without_reason_warning(linter):
    plain = _by_rule(linter, "Je bent fysiek fit en stressbestendig.", "BPK001")
    reason = _by_rule(linter, "Je bent fysiek fit, in verband met de fysiek belastende werkzaamheden.", "BPK001")
    assert [(f.text, f.severity) for f in plain] == [("fysiek fit", "warning")]
    assert [(f.text, f.severity) for f in reason] == [("fysiek fit", "info")]


def test_standing_and_lifting_with_function_reason_is_silent(linter):
    assert [f.text for f in _by_rule(linter, "Je kunt lang staan.", "BPK002")] == ["lang staan"]
    assert _by_rule(linter, "Je kunt lang staan, omdat je de hele dag achter de kassa werkt.", "BPK002") == []


def test_faith_requirement_is_info_at_a_denominational_school(linter):
    school = (
        "Onderwijsassistent\n\nJe wilt vanuit je christelijke identiteit bijdragen aan de ontwikkeling van kinderen.\n\n"
        "Over ons\nWij zijn een vereniging voor protestants christelijk onderwijs.\n"
    )
    company = "Accountmanager\n\nJe wilt vanuit je christelijke identiteit bijdragen aan onze groei.\n"
    assert [f.severity for f in _by_rule(linter, school, "RLG002")] == ["info"]
    assert [f.severity for f in _by_rule(linter, company, "RLG002")] == ["error"]


def test_neutral_dress_rule_is_an_indirect_warning(linter):
    found = _by_rule(linter, "In de winkel draag je geen hoofddeksels of religieuze symbolen.", "RLG001")
    assert [(f.text, f.severity) for f in found] == [("geen hoofddeksels", "warning")]


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        ("Vermeld in je sollicitatie je burgerlijke staat.", "GZS001", "burgerlijke staat"),
        ("Je bent niet zwanger.", "GZS002", "Je bent niet zwanger"),
        ("Je hebt geen kinderwens.", "GZS002", "geen kinderwens"),
        ("Je hebt geen jonge kinderen.", "GZS003", "geen jonge kinderen"),
    ],
)
def test_family_questions_are_found(linter, text, rule, expected):
    assert [f.text for f in _by_rule(linter, text, rule)] == [expected]


def test_positions_are_exact_in_markdown(linter):
    text = "# Receptionist\n\n## Wat vragen wij\n\n- Je bent **representatief** en gastvrij.\n- In bezit van rijbewijs en eigen vervoer.\n"
    found = _own(linter, text, kind="markdown")
    assert {f.rule for f in found} >= {"FNE005", "FNE006"}
    for f in found:
        assert text[f.start : f.end] == f.text


_PROSE = ("Je bent nieuwsgierig en leergierig. Je werkt graag samen met collega's. Je houdt van aanpakken. "
          "Je denkt in oplossingen. Je bent klantgericht en flexibel. Je neemt initiatief en toont lef. "
          "Je hebt humor en relativeringsvermogen.")


def test_musthaves_count_only_the_list_when_the_section_has_one(linter):
    text = (f"# Adviseur\n\n## Wie ben jij?\n\n{_PROSE}\n\n"
            "- Een afgeronde hbo-opleiding.\n- Ervaring met Excel.\n- Rijbewijs B is een pré.\n")
    assert not [f for f in linter.lint_text(text, "v.md", "markdown").findings if f.rule == "FNE008"]


def test_musthaves_count_sentences_when_the_section_has_no_list(linter):
    text = f"# Adviseur\n\n## Wie ben jij?\n\n{_PROSE} Je bent accuraat. Je kunt goed plannen. Je bent stressbestendig.\n"
    found = [f for f in linter.lint_text(text, "v.md", "markdown").findings if f.rule == "FNE008"]
    assert len(found) == 1 and "0 wensen" in found[0].message
