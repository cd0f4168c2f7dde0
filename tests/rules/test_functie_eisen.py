"""functie-eisen (FNE) rules on the real pipeline.

The examples in rules.yaml are tested in test_rule_examples.py; these tests add
the cases that need more than one sentence (document-level conditions, the
must-have count), severities, and look-alikes. test_look_alikes_stay_silent
checks that no FNE, BPK, RLG or GZS rule fires. The ABOUT_* and availability
cases on the shared sentences run with both stand-in models.
"""

from __future__ import annotations

import pytest

from tests.rules.conftest import by_rule, rule_hits, texts
from vacaturelint.rules import checks

OWN = ("FNE", "BPK", "RLG", "GZS")


def _own(linter, text, kind="plain"):
    result = linter.lint_text(text, path="vacature.txt" if kind == "plain" else "vacature.md", kind=kind)
    return [f for f in result.findings if f.rule.startswith(OWN)]


# --------------------------------------------------------------------------- silent look-alikes (FNE, BPK, RLG, GZS)

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
    found = by_rule(linter, text, "FNE004")
    assert [f.text for f in found] == [expected]


def test_residence_preference_is_only_info(linter):
    hard = by_rule(linter, "Je woont in de regio van Mijdrecht.", "FNE004")
    soft = by_rule(linter, "Bij voorkeur woon je in Amsterdam, Almere of omstreken.", "FNE004")
    assert [f.severity for f in hard] == ["warning"]
    assert [f.severity for f in soft] == ["info"]


# --------------------------------------------------------------------------- residence as distance or region (FNE009)

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
    assert texts(linter, text, "FNE009") == [expected]


def test_residence_distance_with_a_reason_is_a_hint(linter):
    text = "Je woont op reisafstand van Zwolle, omdat je storingsdiensten draait."
    assert [f.severity for f in by_rule(linter, text, "FNE009")] == ["info"]


def test_one_residence_finding_per_sentence(linter):
    text = "Je woont binnen een straal van 10 kilometer van Hoorn."
    assert by_rule(linter, text, "FNE004") and not by_rule(linter, text, "FNE009")


@pytest.mark.parametrize(
    "text",
    [
        "Ons kantoor ligt op loopafstand van het station.",
        "Je werkt grotendeels op afstand, vanuit huis.",
        "Houd op de werkvloer 1,5 meter afstand van elkaar.",
        "Wij helpen cliënten uit de regio Zwolle.",
        "Je krijgt reiskostenvergoeding vanaf 10 km woon-werkverkeer.",
        "Woonruimte beschikbaar op loopafstand, in overleg.",
        "De woongroep ligt op 10 minuten van het centrum van Zwolle.",
    ],
)
def test_office_location_remote_work_and_clients_stay_silent(linter, text):
    assert by_rule(linter, text, "FNE009") == []


def test_half_an_hour_and_work_travel(linter):
    found = by_rule(linter, "Bij voorkeur woon je binnen een half uur rijden van de locatie in Nijmegen.", "FNE009")
    assert [(f.text, f.severity) for f in found] == [("binnen een half uur rijden van de locatie", "info")]
    work = "Je bent bereid landelijk te werken, maximaal twee uur reistijd van je standplaats."
    assert by_rule(linter, work, "FNE009") == []


# --------------------------------------------------------------------------- rijbewijs (FNE006)

OFFICE = "Planner\n\nWat vragen wij\n- Je bent in het bezit van een rijbewijs.\n- Je plant diensten voor onze medewerkers.\n"


def test_licence_for_office_job_is_flagged(linter):
    found = by_rule(linter, OFFICE, "FNE006")
    assert [(f.text, f.severity) for f in found] == [("rijbewijs", "warning")]


@pytest.mark.parametrize(
    ("place", "severity"),
    [
        ("Uitvoeren van projecten bij onze klanten op locatie of intern;", "info"),  # partly at clients
        ("Je werkt aan kantoorsystemen en documentatie;", "warning"),
    ],
)
def test_licence_with_work_partly_at_clients_is_a_hint(linter, place, severity):
    text = f"Systeembeheerder\n\n{place}\n\nIn bezit van rijbewijs B;\n"
    found = by_rule(linter, text, "FNE006")
    assert [(f.text, f.severity) for f in found] == [("rijbewijs B", severity)]


def test_licence_with_work_at_clients_stays_silent(linter):
    text = "Systeembeheerder\n\nUitvoeren van projecten bij onze klanten;\n\nIn bezit van rijbewijs B;\n"
    assert by_rule(linter, text, "FNE006") == []


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
    assert by_rule(linter, text, "FNE006") == []


def test_licence_with_reason_in_sentence_is_silent(linter):
    text = "Planner\n\nVanwege het ambulante werk ben je in het bezit van een rijbewijs en eigen vervoer.\n"
    assert by_rule(linter, text, "FNE006") == []


@pytest.mark.parametrize(
    "text",
    [
        "Planner\n\nIn het bezit zijn van een rijbewijs is een préWat wij bieden\n",
        "Planner\n\nPre: in bezit van rijbewijs\n",
        "Parkeercontroleur\n\nJe werkt te voet.\n\nEen geldig rijbewijs is een pré.\n",
        "Planner\n\nJe hebt bij voorkeur een rijbewijs.\n",
        "Lader\n\nBeschik je bij voorkeur over eigen vervoer, dit in verband met de werktijden;\n",
        "Kassamedewerker\n\nJe hebt een rijbewijs, omdat de winkel slecht bereikbaar is met het OV.\n",
    ],
)
def test_licence_as_wish_or_for_the_commute_is_a_hint_even_when_glued(linter, text):
    assert [f.severity for f in by_rule(linter, text, "FNE006")] == ["info"]


@pytest.mark.parametrize(
    "text",
    [
        "Schilder\n\nJe werkt op wisselende locaties bij onze klanten.\n\nRijbewijs is een pré.\n",
        "Onderhoudsschilder\n\nJe werkt aan panden van onze klanten.\n\nRijbewijs is een pré.\n",
    ],
)
def test_licence_as_wish_in_a_field_job_or_trade_is_silent(linter, text):
    assert by_rule(linter, text, "FNE006") == []


def test_licence_required_in_a_trade_on_changing_sites_is_a_hint(linter):
    text = "Grondwerker\n\nJe werkt aan GWW-projecten.\n\nJe bent in het bezit van rijbewijs B.\n"
    assert [(f.text, f.severity) for f in by_rule(linter, text, "FNE006")] == [("rijbewijs B.", "info")]


# --------------------------------------------------------------------------- availability (FNE007)

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je bent 40 uur per week flexibel inzetbaar van maandag tot en met zaterdag.", "40 uur per week flexibel inzetbaar"),
        ("Fulltime beschikbaar (38 uur)", "Fulltime beschikbaar"),
        ("Je bent flexibel inzetbaar voor minimaal 16 uur per week, ook ’s avonds en in het weekend.", "flexibel inzetbaar"),
        ("Je bent enthousiast, werkt graag zelfstandig en flexibel inzetbaar;Je bent beschikbaar op zaterdagen;", "flexibel inzetbaar"),
        ("Enthousiast en gedreven, geen 9 tot 17 mentaliteit;", "geen 9 tot 17 mentaliteit;"),
        ("Flexibele instelling (geen 9:00 tot 17:00 mentaliteit)", "geen 9:00 tot 17:00 mentaliteit)"),
        ("Je werkt zonder 9 tot 5 mentaliteit.", "zonder 9 tot 5 mentaliteit."),
        ("Een flexibele opstelling ten opzichte van de werktijden is gewenst.", "flexibele opstelling ten opzichte van de werktijden"),
    ],
)
def test_availability_demand_is_found(linter, text, expected):
    found = by_rule(linter, text, "FNE007")
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
    assert by_rule(linter, text, "FNE007") == []


# --------------------------------------------------------------------------- must-haves (FNE008)

def _requirements(hard: int, wishes: int = 0, heading: str = "Wat vragen wij") -> str:
    items = [f"- Je hebt kennis van systeem nummer {i}." for i in range(hard)]
    items += [f"- Ervaring met pakket {i} is een pré." for i in range(wishes)]
    return f"Medewerker administratie\n\n{heading}\n" + "\n".join(items) + "\n\nWat bieden wij\n- Een goed salaris.\n- Een leaseauto.\n"


def test_musthave_count_is_a_document_finding_above_threshold(linter):
    found = by_rule(linter, _requirements(10, wishes=2), "FNE008")
    assert len(found) == 1
    finding = found[0]
    assert finding.scope == "document" and finding.severity == "info"
    assert finding.text == "Wat vragen wij"
    assert "10 harde eisen en 2 wensen" in finding.message


def test_nine_hard_demands_with_wishes_pass(linter):
    assert by_rule(linter, _requirements(9, wishes=1), "FNE008") == []


def test_no_separation_of_wishes_is_reported(linter):
    found = by_rule(linter, _requirements(10, heading="Functie-eisen"), "FNE008")
    assert len(found) == 1 and "geen enkele wens" in found[0].message
    assert by_rule(linter, _requirements(9, heading="Functie-eisen"), "FNE008") == []


def test_offer_sections_and_calls_to_action_are_not_counted(linter):
    offer = "Wat bieden wij\n" + "\n".join(f"- Voordeel nummer {i} voor jou." for i in range(12)) + "\n"
    assert by_rule(linter, offer, "FNE008") == []
    tail = _requirements(9, wishes=1).replace(
        "\n\nWat bieden wij", "\n- Herken je jezelf hierin? Solliciteer dan direct.\n- Stuur je cv naar ons.\n\nWat bieden wij"
    )
    assert by_rule(linter, tail, "FNE008") == []


def test_musthave_options_are_validated():
    with pytest.raises(ValueError, match="max_hard"):
        checks.validate("requirements_musthaves", {"options": {"max_hard": 0}})
    with pytest.raises(ValueError, match="onbekende optie"):
        checks.validate("requirements_musthaves", {"options": {"drempel": 3}})


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


# --------------------------------------------------------------------------- FNE008 counts demands only

def _list(heading: str, items: list[str]) -> str:
    return heading + "\n" + "".join(f"- {item}\n" for item in items) + "\n"


_DEMANDS = [f"Je hebt kennis van systeem nummer {i}." for i in range(6)]


def test_task_and_offer_sections_are_not_counted_as_demands(linter):
    tasks = _list("Wat ga je doen", [f"Je verwerkt taak nummer {i}." for i in range(8)])
    offer = _list("Wat bieden wij", [f"Voordeel nummer {i} voor jou." for i in range(8)])
    text = "Medewerker\n\n" + tasks + _list("Wat vragen wij", _DEMANDS) + offer
    assert by_rule(linter, text, "FNE008") == []


def test_a_repeated_requirements_list_counts_once(linter):
    once = _list("Wat vragen wij", _DEMANDS)
    assert by_rule(linter, "Medewerker\n\n" + once + once, "FNE008") == []
    ten = _list("Wat vragen wij", [f"Je hebt kennis van systeem nummer {i}." for i in range(10)])
    found = by_rule(linter, "Medewerker\n\n" + ten + ten, "FNE008")
    assert len(found) == 1 and "10 harde eisen" in found[0].message


def test_an_offer_heading_glued_into_the_requirements_stops_the_count(linter):
    glued = ("Profiel\n" + " ".join(_DEMANDS) + " Aanbod Een goed salaris. Een leaseauto. Een laptop. "
             "Een telefoon. Vijfentwintig vakantiedagen.\n")
    assert by_rule(linter, "Medewerker\n\n" + glued, "FNE008") == []


def test_a_sketch_before_an_introduced_list_is_not_counted(linter):
    sketch = " ".join(f"Je vindt onderwerp nummer {i} boeiend." for i in range(8))
    items = "".join(f"- Je hebt kennis van systeem nummer {i}.\n" for i in range(4))
    text = f"Medewerker\n\nProfiel\n{sketch}\nWij verwachten minimaal:\n{items}"
    assert by_rule(linter, text, "FNE008") == []


def test_the_organisation_describing_itself_is_not_a_demand(linter):
    about = " ".join(f"Wij leveren product nummer {i} aan klanten." for i in range(8))
    text = "Medewerker\n\nProfiel\n" + " ".join(_DEMANDS[:4]) + " " + about + "\n"
    assert by_rule(linter, text, "FNE008") == []
    demands = " ".join(f"Je hebt kennis van systeem nummer {i}." for i in range(10))
    assert len(by_rule(linter, "Medewerker\n\nProfiel\n" + demands + "\n", "FNE008")) == 1


def test_a_list_without_bullets_split_into_headings_is_counted_as_one_list(linter):
    # plain text: short lines followed by text become headings; after "Verder beschik je over:"
    # they are items of the list, and the wishes after "Het is een pré als ...:" are wishes
    items = ["Een afgeronde hbo-opleiding in de bouwkunde", "Minimaal vijf jaar ervaring als adviseur",
             "Kennis van ontwerpsoftware zoals Revit", "Ervaring met aanbestedingen",
             "Kennis van het Bouwbesluit", "Ervaring met projectplanning", "Kennis van kostenramingen",
             "Ervaring met BIM-modellen", "Kennis van duurzaam bouwen", "Goede rapportagevaardigheden in het Nederlands"]
    body = "".join(f"{item}\n{'Planmethoden' if k % 2 else 'Werkwijzen'} van onze partners\n" for k, item in enumerate(items))
    text = ("Bouwkundig adviseur\n\nVerder beschik je over:\n" + body
            + "Het is een pré als je ervaring hebt met:\nLean bouwen\nScrum als werkwijze\n"
            + "Je komt te werken in een betrokken en vakkundige organisatie met veel ruimte voor eigen ideeën. "
            "Wij zijn trots op onze projecten.\n")
    found = by_rule(linter, text, "FNE008")
    assert len(found) == 1 and "10 harde eisen en 2 wensen" in found[0].message
    # without the announcing colon nothing is carried over: "Over ons bedrijf" is no item
    short = "Bouwkundig adviseur\n\nWat vragen wij\n" + "".join(f"- {item}\n" for item in items[:6]) + "\n"
    tail = "".join(f"Waarde nummer {k}\nDat merk je aan alles wat we doen.\n" for k in range(6))
    assert by_rule(linter, short + tail, "FNE008") == []


def test_a_real_heading_or_prose_closes_a_list_without_bullets(linter):
    items = [f"Kennis van systeem nummer {k}" for k in range(6)]
    body = "".join(f"{item}\nmet de bijbehorende rapportages\n" for item in items)
    persona = "Jouw persoonlijkheid?\n" + "".join(f"Eigenschap nummer {k} past bij jou\n" for k in range(6))
    text = "Analist\n\nWat vragen wij:\n" + body + persona
    assert by_rule(linter, text, "FNE008") == []


# --------------------------------------------------------------------------- glued list items

@pytest.mark.parametrize(
    ("text", "rule", "match"),
    [
        ("Kennis van kassasystemenRijbewijs B is een must", "FNE006", "Rijbewijs B"),
        ("Ervaring is een préWoonachtig in de regio Tilburg", "FNE004", "Woonachtig in de regio"),
        ("Je bent zelfstandigMaximaal 30 minuten van Tilburg woont", "FNE009", "Maximaal 30 minuten van Tilburg"),
        ("Je bent zelfstandigFulltime (40 uur) beschikbaar", "FNE007", "Fulltime (40 uur) beschikbaar"),
        # a glued run longer than a word (over 64 characters) is still read as words
        ("Jij bent:CollegiaalRepresentatiefGastvriendelijkStressbestendigFlexibelZelfstandig", "FNE005", "Representatief"),
    ],
)
def test_list_items_glued_without_a_mark_are_found(linter, text, rule, match):
    assert match in [f.text for f in by_rule(linter, "Medewerker binnendienst\n\n" + text + "\n", rule)]


def test_glued_list_items_are_split_but_a_brand_name_is_no_sentence_cut():
    from vacaturelint import nlp as nlp_module
    from vacaturelint.rules import annotate

    doc = nlp_module.load("blank").nlp("Je werkt met PowerPoint en Excel. Kennis van apparatuurRijbewijs B")
    words = [t.text for t in doc]
    assert words[3:5] == ["Power", "Point"] and words[-3:] == ["apparatuur", "Rijbewijs", "B"]
    cuts = [doc.text[a:b].strip() for a, b in annotate.char_sentences(doc)]
    assert cuts == ["Je werkt met PowerPoint en Excel.", "Kennis van apparatuur", "Rijbewijs B"]


# --------------------------------------------------------------------------- markdown positions

def test_positions_are_exact_in_markdown(linter):
    text = "# Receptionist\n\n## Wat vragen wij\n\n- Je bent **representatief** en gastvrij.\n- In bezit van rijbewijs en eigen vervoer.\n"
    found = _own(linter, text, kind="markdown")
    assert {f.rule for f in found} >= {"FNE005", "FNE006"}
    for f in found:
        assert text[f.start : f.end] == f.text


# --------------------------------------------------------------------------- who it is about, negation, shared sentences (both stand-in models)

ABOUT_FLAGGED = [
    ("Stuur je cv met een recente foto.", "FNE001", "met een recente foto"),
    ("Vermeld in je sollicitatie je geboortedatum.", "FNE002", "geboortedatum"),
    ("Receptionist\n\nIn bezit van rijbewijs en eigen vervoer.", "FNE006", "rijbewijs en eigen vervoer"),
]


ABOUT_SILENT = [
    # organisations, products and people named in the text
    ("Wonen in Utrecht is een woningcorporatie met 40 medewerkers.", "functie-eisen"),
    # negated requests
    ("Een foto meesturen is niet nodig.", "functie-eisen"),
    ("Solliciteer met je cv; een foto hoeft niet.", "functie-eisen"),
    ("Je hoeft je geboortedatum niet te noemen.", "functie-eisen"),
    # photos as work samples, driving jobs
    ("Stuur je portfolio met foto's van eerder werk.", "functie-eisen"),
    ("Mobiele surveillant\n\nIn bezit van rijbewijs B.", "functie-eisen"),
    ("Heftruckchauffeur\n\nIn het bezit van rijbewijs.", "functie-eisen"),
    ("Bezorger gezocht\n\nJe hebt een rijbewijs B.", "functie-eisen"),
]


@pytest.mark.parametrize(("text", "rule", "match"), ABOUT_FLAGGED)
def test_about_flagged(linter_per_model, text, rule, match):
    assert (rule, match) in rule_hits(linter_per_model, text)


@pytest.mark.parametrize(("text", "category"), ABOUT_SILENT)
def test_about_silent(linter_per_model, text, category):
    findings = [f for f in linter_per_model.lint_text(text).findings if f.category == category]
    assert findings == []


AVAILABILITY_SILENT = [
    # glued list items: the part-time alternative is in the same (glued) sentence
    "Je bent tactvol en integer;Parttime of fulltime inzetbaar;Je kunt je goed inleven.",
    # a named shift schedule
    "Je bent flexibel inzetbaar (ma t/m zo, drieploegen);",
]


@pytest.mark.parametrize("text", AVAILABILITY_SILENT)
def test_availability_reads_the_shared_sentences(linter_per_model, text):
    assert [f for f in linter_per_model.lint_text(text).findings if f.rule == "FNE007"] == []


def test_availability_without_schedule_is_still_found(linter_per_model):
    found = rule_hits(linter_per_model, "Je bent tactvol;Je bent flexibel inzetbaar;Je werkt bij de Vulploeg Noord.")
    assert ("FNE007", "flexibel inzetbaar") in found
