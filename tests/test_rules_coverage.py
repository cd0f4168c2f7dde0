"""Coverage added for issue 16: numeric age forms, pensioners, physical and health
demands, residence as distance or history, pregnancy and illness as a bar, and
FNE008 counting only demands. Real pipeline (stand-in model)."""

from __future__ import annotations

import pytest


def _by_rule(linter, text, rule, kind="plain"):
    return [f for f in linter.lint_text(text, path="v.txt", kind=kind).findings if f.rule == rule]


def _texts(linter, text, rule):
    return [f.text for f in _by_rule(linter, text, rule)]


# --------------------------------------------------------------------------- ages (LFT002)

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je bent ten minste 18 jaar.", "ten minste 18 jaar"),
        ("Je bent tenminste 18 jaar.", "tenminste 18 jaar"),
        ("Je bent minstens 18 jaar.", "minstens 18 jaar"),
        ("Je bent 25 jaar of jonger.", "25 jaar of jonger"),
        ("Je bent 50 jaar of ouder.", "50 jaar of ouder"),
        ("Je bent minimaal 13 jaar.", "minimaal 13 jaar"),
        ("Wat vragen wij\n- 22-28 jaar\n- Rijbewijs B\n", "22-28 jaar"),
    ],
)
def test_numeric_age_forms_are_found(linter, text, expected):
    assert _texts(linter, text, "LFT002") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Je hebt ten minste 5 jaar ervaring.",
        "Je hebt minstens 13 jaar ervaring als docent.",
        "Je krijgt een contract voor ten minste 1 jaar.",
        "Wij bestaan al ten minste 30 jaar.",
        "Je werkt met kinderen van 13 jaar of jonger.",
        "Je begeleidt kinderen van 4 tot 12 jaar.",
        "Leerlingen zijn minimaal 13 jaar.",
    ],
)
def test_durations_and_other_peoples_ages_stay_silent(linter, text):
    assert _by_rule(linter, text, "LFT002") == []


def test_a_stated_legal_reason_lowers_the_age_limit(linter):
    found = _by_rule(linter, "Je bent minimaal 18 jaar, in verband met de Alcoholwet.", "LFT002")
    assert [(f.text, f.severity) for f in found] == [("minimaal 18 jaar", "warning")]
    assert "controleer of die voor deze functie" in found[0].note
    found = _by_rule(linter, "Je bent minimaal 16 jaar in verband met de werktijden.", "LFT002")
    assert [(f.text, f.severity) for f in found] == [("minimaal 16 jaar", "warning")]
    assert "noem de wet" in found[0].note


# --------------------------------------------------------------------------- pensioners (LFT007, LFT012)

def test_pensioners_as_the_target_group_are_found(linter):
    assert _texts(linter, "Gepensioneerden gezocht voor de kantine.", "LFT007") == ["Gepensioneerden"]
    assert _texts(linter, "Ben jij gepensioneerd en wil je nog actief blijven?", "LFT012") == ["Ben jij gepensioneerd"]
    assert _texts(linter, "Dit werk is ideaal voor gepensioneerden.", "LFT012") == ["ideaal voor gepensioneerden"]


@pytest.mark.parametrize(
    "text",
    [
        "Ook als je gepensioneerd bent, ben je van harte welkom.",
        "Onze leden zijn vaak gepensioneerd en zoeken gezelligheid.",
        "Je bouwt pensioen op via het ABP.",
    ],
)
def test_inclusive_or_client_pensioners_stay_silent(linter, text):
    assert _by_rule(linter, text, "LFT012") == []


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
    found = _texts(linter, text, "BPK003")
    assert found == ([] if expected is None else [expected])


def test_condition_line_in_a_requirements_list(linter):
    text = "Wat vragen wij\n- Goede fysieke conditie;\n- Rijbewijs B.\n"
    found = _by_rule(linter, text, "BPK003")
    assert len(found) == 1 and "conditie" in found[0].text and found[0].severity == "warning"
    assert found[0].category == "beperking"
    assert any("20 kg" in s for s in found[0].suggestions)


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
    assert _by_rule(linter, text, "BPK003") == []


# --------------------------------------------------------------------------- illness and pregnancy (BPK004, GSL006)

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je bent niet vaak ziek.", "niet vaak ziek"),
        ("Je hebt geen ziekteverzuim in het verleden.", "geen ziekteverzuim in het verleden"),
        ("Je bent betrouwbaar en nooit ziek.", "nooit ziek"),
    ],
)
def test_illness_as_a_bar_is_found(linter, text, expected):
    found = _by_rule(linter, text, "BPK004")
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
    assert _by_rule(linter, text, "BPK004") == []


def test_pregnancy_as_a_bar_is_direct_sex_discrimination(linter):
    found = _by_rule(linter, "Zwangere vrouwen komen helaas niet in aanmerking.", "GSL006")
    assert [(f.category, f.severity) for f in found] == [("geslacht", "error")]
    assert _texts(linter, "Je bent niet zwanger.", "GZS002") == ["Je bent niet zwanger"]
    assert _by_rule(linter, "Een zwangerschap is voor ons geen bezwaar.", "GSL006") == []
    assert _by_rule(linter, "Als verloskundige begeleid je zwangere vrouwen.", "GSL006") == []


# --------------------------------------------------------------------------- residence (FNE009, HKM006)

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je woont op maximaal 30 minuten reizen van Apeldoorn.", "op maximaal 30 minuten reizen van Apeldoorn"),
        ("Je woont op reisafstand van Zwolle.", "op reisafstand van Zwolle"),
        ("Je woont op maximaal 20 km afstand van Amsterdam.", "op maximaal 20 km afstand van Amsterdam"),
        ("Kandidaten uit de regio hebben de voorkeur.", "Kandidaten uit de regio"),
    ],
)
def test_residence_as_distance_or_region_is_found(linter, text, expected):
    assert _texts(linter, text, "FNE009") == [expected]


def test_residence_distance_with_a_reason_is_a_hint(linter):
    text = "Je woont op reisafstand van Zwolle, omdat je storingsdiensten draait."
    assert [f.severity for f in _by_rule(linter, text, "FNE009")] == ["info"]


def test_one_residence_finding_per_sentence(linter):
    text = "Je woont binnen een straal van 10 kilometer van Hoorn."
    assert _by_rule(linter, text, "FNE004") and not _by_rule(linter, text, "FNE009")


@pytest.mark.parametrize(
    "text",
    [
        "Ons kantoor ligt op loopafstand van het station.",
        "Je werkt grotendeels op afstand, vanuit huis.",
        "Houd op de werkvloer 1,5 meter afstand van elkaar.",
        "Wij helpen cliënten uit de regio Zwolle.",
        "Je krijgt reiskostenvergoeding vanaf 10 km woon-werkverkeer.",
    ],
)
def test_office_location_remote_work_and_clients_stay_silent(linter, text):
    assert _by_rule(linter, text, "FNE009") == []


def test_residence_history_is_origin_and_a_named_screening_is_a_hint(linter):
    plain = _by_rule(linter, "Je hebt minimaal 5 jaar in Nederland gewoond.", "HKM006")
    screened = _by_rule(
        linter, "Voor het veiligheidsonderzoek heb je minimaal 5 jaar in Nederland gewoond.", "HKM006")
    assert [(f.category, f.severity) for f in plain] == [("herkomst", "warning")]
    assert [f.severity for f in screened] == ["info"]
    assert _by_rule(linter, "Wij zijn al 25 jaar in Nederland gevestigd.", "HKM006") == []
    assert _by_rule(linter, "Je hebt 5 jaar ervaring in Nederland.", "HKM006") == []


# --------------------------------------------------------------------------- FNE008 counts demands only

def _list(heading: str, items: list[str]) -> str:
    return heading + "\n" + "".join(f"- {item}\n" for item in items) + "\n"


_DEMANDS = [f"Je hebt kennis van systeem nummer {i}." for i in range(6)]


def test_task_and_offer_sections_are_not_counted_as_demands(linter):
    tasks = _list("Wat ga je doen", [f"Je verwerkt taak nummer {i}." for i in range(8)])
    offer = _list("Wat bieden wij", [f"Voordeel nummer {i} voor jou." for i in range(8)])
    text = "Medewerker\n\n" + tasks + _list("Wat vragen wij", _DEMANDS) + offer
    assert _by_rule(linter, text, "FNE008") == []


def test_a_repeated_requirements_list_counts_once(linter):
    once = _list("Wat vragen wij", _DEMANDS)
    assert _by_rule(linter, "Medewerker\n\n" + once + once, "FNE008") == []
    ten = _list("Wat vragen wij", [f"Je hebt kennis van systeem nummer {i}." for i in range(10)])
    found = _by_rule(linter, "Medewerker\n\n" + ten + ten, "FNE008")
    assert len(found) == 1 and "10 harde eisen" in found[0].message


def test_an_offer_heading_glued_into_the_requirements_stops_the_count(linter):
    glued = ("Profiel\n" + " ".join(_DEMANDS) + " Aanbod Een goed salaris. Een leaseauto. Een laptop. "
             "Een telefoon. Vijfentwintig vakantiedagen.\n")
    assert _by_rule(linter, "Medewerker\n\n" + glued, "FNE008") == []


def test_a_sketch_before_an_introduced_list_is_not_counted(linter):
    sketch = " ".join(f"Je vindt onderwerp nummer {i} boeiend." for i in range(8))
    items = "".join(f"- Je hebt kennis van systeem nummer {i}.\n" for i in range(4))
    text = f"Medewerker\n\nProfiel\n{sketch}\nWij verwachten minimaal:\n{items}"
    assert _by_rule(linter, text, "FNE008") == []


def test_the_organisation_describing_itself_is_not_a_demand(linter):
    about = " ".join(f"Wij leveren product nummer {i} aan klanten." for i in range(8))
    text = "Medewerker\n\nProfiel\n" + " ".join(_DEMANDS[:4]) + " " + about + "\n"
    assert _by_rule(linter, text, "FNE008") == []
    demands = " ".join(f"Je hebt kennis van systeem nummer {i}." for i in range(10))
    assert len(_by_rule(linter, "Medewerker\n\nProfiel\n" + demands + "\n", "FNE008")) == 1


def test_a_reason_without_the_law_asks_to_name_the_law(linter):
    law = _by_rule(linter, "Je bent minimaal 18 jaar, omdat de Alcoholwet dat voorschrijft.", "LFT002")
    reason = _by_rule(linter, "Je bent minimaal 18 jaar, omdat je alcohol verkoopt.", "LFT002")
    plain = _by_rule(linter, "Je bent minimaal 18 jaar.", "LFT002")
    assert [f.severity for f in law] == ["warning"] and "controleer" in law[0].note
    assert [f.severity for f in reason] == ["warning"] and "noem de wet" in reason[0].note
    assert [f.severity for f in plain] == ["error"]


def test_half_an_hour_and_work_travel(linter):
    found = _by_rule(linter, "Bij voorkeur woon je binnen een half uur rijden van de locatie in Nijmegen.", "FNE009")
    assert [(f.text, f.severity) for f in found] == [("binnen een half uur rijden van de locatie", "info")]
    work = "Je bent bereid landelijk te werken, maximaal twee uur reistijd van je standplaats."
    assert _by_rule(linter, work, "FNE009") == []


def test_a_named_screening_makes_residence_history_a_hint(linter):
    text = "Voor de Verklaring van Geen Bezwaar (VGB) ben je langer dan 8 jaar woonachtig in Nederland."
    assert [f.severity for f in _by_rule(linter, text, "HKM006")] == ["info"]
