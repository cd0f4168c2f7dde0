"""beperking (BPK) rules on the real pipeline: health, physical and illness
demands, with and without a reason that follows from the work."""

from __future__ import annotations

import pytest

from tests.rules.conftest import by_rule, texts


def test_health_demand_with_reason_is_info_without_reason_warning(linter):
    plain = by_rule(linter, "Je bent fysiek fit en stressbestendig.", "BPK001")
    reason = by_rule(linter, "Je bent fysiek fit, in verband met de fysiek belastende werkzaamheden.", "BPK001")
    assert [(f.text, f.severity) for f in plain] == [("fysiek fit", "warning")]
    assert [(f.text, f.severity) for f in reason] == [("fysiek fit", "info")]


def test_standing_and_lifting_with_function_reason_is_silent(linter):
    assert [f.text for f in by_rule(linter, "Je kunt lang staan.", "BPK002")] == ["lang staan"]
    assert by_rule(linter, "Je kunt lang staan, omdat je de hele dag achter de kassa werkt.", "BPK002") == []


# --------------------------------------------------------------------------- physical and health demands (BPK003)

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je hebt een goede conditie.", "Je hebt een goede conditie"),
        ("Je beschikt over een uitstekende fysieke conditie.", "Je beschikt over een uitstekende fysieke conditie"),
        ("Je bent fit genoeg voor zwaar werk.", "fit genoeg"),
        ("Je bent sterk genoeg om mee te sjouwen.", None),  # the load is named: silent
    ],
)
def test_condition_as_a_property_of_the_person(linter, text, expected):
    found = texts(linter, text, "BPK003")
    assert found == ([] if expected is None else [expected])


def test_condition_line_in_a_requirements_list(linter):
    text = "Wat vragen wij\n- Goede fysieke conditie;\n- Rijbewijs B.\n"
    found = by_rule(linter, text, "BPK003")
    assert len(found) == 1 and "conditie" in found[0].text and found[0].severity == "warning"
    assert found[0].category == "beperking"
    assert any("20 kg" in s for s in found[0].suggestions)


def test_condition_with_a_reason_but_no_load_is_a_hint(linter):
    # a reason ("vanwege de aard van de werkzaamheden") lowers the demand on the person one step
    # (warning -> info); it names no load, so the hint to describe the task stays useful
    found = by_rule(linter, "Ben je in goede conditie vanwege de aard van de werkzaamheden;", "BPK003")
    assert [(f.text, f.severity) for f in found] == [("in goede conditie", "info")]
    found = by_rule(linter, "Ben je in goede conditie?", "BPK003")
    assert [f.severity for f in found] == ["warning"]


@pytest.mark.parametrize(
    "text",
    [
        "Je hebt een goede conditie, want je tilt dagelijks dozen tot 20 kg.",
        "Je helpt cliënten hun conditie op peil te houden.",
        "De auto is in goede conditie.",
        "Je bent sterk in communicatie.",
        "Daarnaast ben jij sterk ontwikkeld in het oplossen van problemen.",
    ],
)
def test_concrete_load_clients_and_figurative_strength_stay_silent(linter, text):
    assert by_rule(linter, text, "BPK003") == []


# --------------------------------------------------------------------------- illness (BPK004)

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je bent niet vaak ziek.", "niet vaak ziek"),
        ("Je hebt geen ziekteverzuim in het verleden.", "geen ziekteverzuim in het verleden"),
        ("Je bent betrouwbaar en nooit ziek.", "nooit ziek"),
    ],
)
def test_illness_as_a_bar_is_found(linter, text, expected):
    found = by_rule(linter, text, "BPK004")
    assert [(f.text, f.category) for f in found] == [(expected, "beperking")]


@pytest.mark.parametrize(
    "text",
    [
        "Ons ziekteverzuim is laag dankzij goede begeleiding.",
        "Je vervangt collega's die ziek zijn.",
        "Je krijgt een extra vakantiedag per kwartaal dat je niet ziek bent.",
    ],
)
def test_organisation_absence_and_rewards_stay_silent(linter, text):
    assert by_rule(linter, text, "BPK004") == []
