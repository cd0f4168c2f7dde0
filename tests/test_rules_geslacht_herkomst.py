"""Rules for geslacht (GSL) and herkomst (HKM) on the real pipeline.

Beyond the examples in rules.yaml: wording variants, look-alikes that must stay
silent, antecedent resolution across blocks, severity changes and the
document-level gender-coded balance.
"""

from __future__ import annotations

from importlib import resources

import pytest
import yaml


def _hits(linter, text, rule=None, category=None, kind="plain"):
    found = linter.lint_text(text, path="vacature.md" if kind == "markdown" else "vacature.txt", kind=kind).findings
    return [f for f in found if (rule is None or f.rule == rule) and (category is None or f.category == category)]


def _texts(linter, text, rule, kind="plain"):
    return [f.text for f in _hits(linter, text, rule=rule, kind=kind)]


# ------------------------------------------------------------------ geslacht: m/v

@pytest.mark.parametrize(("text", "span"), [
    ("Verkoopmedewerker (m/v) gezocht", "(m/v)"),
    ("Chauffeur (M/V)", "(M/V)"),
    ("Kassamedewerker (V/M)", "(V/M)"),
    ("Verpleegkundige (fulltime in roosterdienst, m/v)", "m/v"),
    ("Senior Network Engineer (m/v 32-40 uur)", "m/v"),
    ("Tekenaar Werktuigbouwkunde m/v", "m/v"),
    ("KASSA-/BARMEDEWERKER M/V (OPROEPBASIS)", "M/V"),
])
def test_mv_without_x_has_exact_span(linter, text, span):
    assert _texts(linter, text, "GSL001") == [span]


@pytest.mark.parametrize("text", [
    "Verkoopmedewerker (m/v/x) gezocht",
    "Adviseur (M / V / X) voor 32 uur",
    "Wij zoeken een cameraman/vrouw.",
    "Je werkt met m/v/x-collega's.",
])
def test_mv_with_x_or_paired_title_is_silent(linter, text):
    assert _texts(linter, text, "GSL001") == []


# ------------------------------------------------------------------ geslacht: titles

@pytest.mark.parametrize(("text", "span"), [
    ("Wij zoeken een verkoopster voor de zaterdag.", "verkoopster"),
    ("Als schoonmaakster houd je het kantoor schoon.", "schoonmaakster"),
    ("Voor ons café zoeken wij een barman.", "barman"),
    ("Ben jij een echte vakman?", "vakman"),
    ("Onze kassières helpen klanten.", None),  # plural form is not in the list: no claim either way
    ("Wij zoeken een kassière.", "kassière"),
    ("Wij zoeken een hostess voor beurzen.", "hostess"),
    ("Wij zoeken een ervaren directiesecretaresse.", "directiesecretaresse"),
    ("Wij zoeken een thuiszorgmedewerkster.", "thuiszorgmedewerkster"),
    ("Indien je denkt dat jij de juiste man bent voor de job, reageer dan.", "man"),
])
def test_gendered_title_used_alone(linter, text, span):
    found = _texts(linter, text, "GSL002")
    if span is not None:
        assert found == [span]


@pytest.mark.parametrize("text", [
    "Verkoper/verkoopster gezocht.",
    "Wij zoeken een verkoper of verkoopster.",
    "Wij zoeken een verkoopster of verkoper.",
    "Receptionist(e) gezocht.",
    "Verkoopmedewerker(ster) gezocht.",
    "Als gastheer/vrouw ontvang je onze gasten.",
    "Met loyale vakmannen- en vrouwen bouwen we netwerken.",
    "De manager zorgt voor voldoende mankracht.",
    "Je staat je mannetje in een druk team.",
    "De manschappen van de brandweer rukken uit.",
    "Timmerman Alkmaar is een familiebedrijf. Binnen Timmerman krijg je ruimte.",
    "Bel Jacquelien Walman voor meer informatie.",
    "Neem contact op met Anna de Vries, secretaresse.",
    "Je wordt ondersteund door Marre, de secretaresse.",
    "Het is een echte meid en ze weet wat ze wil.",
    "Onze klant is een man van zestig.",
])
def test_paired_titles_names_and_lookalikes_are_silent(linter, text):
    assert _texts(linter, text, "GSL002") == []


def test_title_finding_suggests_overarching_form(linter):
    (finding,) = _hits(linter, "Wij zoeken een secretaresse.", rule="GSL002")
    assert "secretaris" in finding.suggestions
    assert finding.severity == "warning"


# ------------------------------------------------------------------ geslacht: pronouns

@pytest.mark.parametrize(("text", "spans"), [
    ("De ideale kandidaat is klantgericht. Hij werkt zelfstandig.", ["Hij"]),
    ("De sollicitant levert zijn cv in bij de receptie.", ["zijn"]),
    ("De kandidaat is flexibel en wij bieden hem een vast contract.", ["hem"]),
    ("Onze nieuwe collega is een teamspeler. Zij plant de afspraken.", ["Zij"]),
    ("De gezochte medewerker is stressbestendig. Haar werkdag begint om acht uur.", ["Haar"]),
])
def test_pronoun_for_the_candidate(linter, text, spans):
    assert _texts(linter, text, "GSL004") == spans


@pytest.mark.parametrize("text", [
    "De ideale kandidaat is klantgericht. Hij of zij werkt zelfstandig.",
    "De ideale kandidaat is klantgericht. Hij/zij werkt zelfstandig.",
    "De kandidaat brengt zijn of haar kennis in.",
    "De kandidaat brengt zijn/haar kennis in.",
    "De kandidaat past bij hem of haar.",
    "Je rapporteert aan Jeroen, onze controller. Hij bekleedde eerder een andere functie.",
    "Je werkt samen met de teamleider. Hij plant het werk.",
    "Wanneer de klant binnenkomt, help je haar met een sieraad.",
    "Onze collega's staan voor je klaar. Zij zullen je wegwijs maken.",
    "Wij werken voor woningcorporaties. Zij zijn onze opdrachtgevers.",
    "De kandidaat brengt ervaring mee. Iedereen krijgt bij ons zijn eigen laptop.",
    "Wil je weten of je bij Quadraam en haar scholen past?",
    "Zo maak je de kandidaat blij met zijn nieuwe baan.",
    "Het bedrijf werd opgericht door Jan. Hij begon met een bakfiets.",
    "De kandidaten hebben ervaring. Zij werken zelfstandig.",
])
def test_pronoun_for_someone_else_or_paired_is_silent(linter, text):
    assert _texts(linter, text, "GSL004") == []


def test_pronoun_antecedent_in_previous_block(linter):
    text = "## Wie zoeken wij?\n\nDe ideale kandidaat:\n\n- heeft een mbo-diploma;\n- heeft hij ervaring in de logistiek.\n"
    found = _hits(linter, text, rule="GSL004", kind="markdown")
    assert [f.text for f in found] == ["hij"]
    assert found[0].scope == "span"
    assert text[found[0].start:found[0].end] == "hij"


def test_named_person_in_previous_block_wins(linter):
    text = "De kandidaat meldt zich bij Anouk de Vries.\n\nZij leidt het inwerkprogramma.\n"
    assert _texts(linter, text, "GSL004") == []


# ------------------------------------------------------------------ geslacht: preference

def test_preference_without_positive_action_is_error(linter):
    (finding,) = _hits(linter, "Onze voorkeur gaat uit naar een vrouw.", rule="GSL003")
    assert finding.severity == "error"


def test_positive_action_without_reason_is_lower_severity(linter):
    (finding,) = _hits(linter, "Bij gelijke geschiktheid gaat de voorkeur uit naar een vrouw.", rule="GSL003")
    assert finding.severity == "warning"


@pytest.mark.parametrize("text", [
    "Bij gelijke geschiktheid gaat de voorkeur uit naar een vrouw, omdat vrouwen in ons team ondervertegenwoordigd zijn.",
    "Vrouwen zijn in de directie in de minderheid. Daarom gaat bij gelijke geschiktheid de voorkeur uit naar een vrouw.",
    "Vrouwen nodigen wij in het bijzonder uit om te solliciteren.",
    "Wij helpen mannen en vrouwen, van jong tot oud.",
])
def test_lawful_positive_action_and_diversity_statements_are_silent(linter, text):
    assert _texts(linter, text, "GSL003") == []


@pytest.mark.parametrize("text", [
    "Wij zoeken alleen vrouwelijke kandidaten.",
    "Voor dit team zoeken wij een mannelijke verpleegkundige.",
    "Bij voorkeur een vrouw.",
    "Alleen mannen kunnen reageren.",
])
def test_one_sex_preference_forms(linter, text):
    assert _texts(linter, text, "GSL003")


# ------------------------------------------------------------------ geslacht: coded words

def test_gender_coded_balance_is_lemma_based_and_lists_words(linter):
    text = ("Wij zoeken een ambitieuze en competitieve collega.\n\n"
            "Je bent resultaatgericht, analytisch en assertief en werkt zelfstandig.\n")
    (finding,) = _hits(linter, text, rule="GSL005")
    assert finding.scope == "document"
    assert finding.severity == "info"
    assert "ambitieus" in finding.message and "competitief" in finding.message
    assert "mannelijk" in finding.message


def test_gender_coded_balanced_or_short_text_is_silent(linter):
    assert _texts(linter, "Je bent ambitieus, analytisch en zelfstandig, maar ook zorgvuldig, betrokken en behulpzaam.", "GSL005") == []
    assert _texts(linter, "Je bent ambitieus.", "GSL005") == []


def test_gender_coded_word_list_documents_its_sources():
    data = resources.files("vacaturelint.rules") / "data" / "gender_coded_words.yaml"
    text = data.read_text(encoding="utf-8")
    for source in ("STEMsters", "Peus", "artra.nl", "Textmetrics", "NOT A VALIDATED NORM"):
        assert source in text
    words = yaml.safe_load(text)
    assert {"competitief", "assertief"} <= set(words["masculine"])
    assert {"nieuwsgierig", "toegewijd"} <= set(words["feminine"])
    assert not set(words["masculine"]) & set(words["feminine"])


def test_word_lists_ship_inside_the_package():
    data = resources.files("vacaturelint.rules") / "data"
    assert (data / "gender_titles.yaml").is_file()
    assert (data / "gender_coded_words.yaml").is_file()


# ------------------------------------------------------------------ herkomst

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
    assert _texts(linter, text, rule), text


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
    assert _hits(linter, text, category="herkomst") == []


def test_nationality_with_legal_requirement_is_lower_severity(linter):
    plain = _hits(linter, "Je hebt de Nederlandse nationaliteit.", rule="HKM003")
    legal = _hits(linter, "Je hebt de Nederlandse nationaliteit, wettelijk verplicht voor het veiligheidsonderzoek.",
                  rule="HKM003")
    assert plain[0].severity == "error"
    assert legal and legal[0].severity == "info"


def test_language_level_is_info_and_suggests_cefr(linter):
    (finding,) = _hits(linter, "Je beheerst de Nederlandse taal uitstekend in woord en geschrift.", rule="HKM004")
    assert finding.severity == "info"
    assert any("B2" in s or "B1" in s for s in finding.suggestions)


def test_moedertaal_other_language_is_still_flagged_at_lower_severity(linter):
    (finding,) = _hits(linter, "Je bent native speaker Engels.", rule="HKM001")
    assert finding.severity == "warning"


def test_every_gsl_hkm_rule_cites_law_and_has_dutch_message():
    from vacaturelint.rules import load_ruleset

    rules = [r for r in load_ruleset().rules if r.id.startswith(("GSL", "HKM"))]
    assert len(rules) >= 10
    for rule in rules:
        assert rule.legal_text, rule.id
        assert rule.suggestions, rule.id
        assert len(rule.bad_examples) >= 2 and len(rule.good_examples) >= 2, rule.id


def test_gender_coded_counts_distinct_person_traits_not_job_descriptions(linter):
    # one word repeated, and adjectives about the job or the organisation, do not make a text one-sided
    repeated = "Je bent commercieel. Commercieel inzicht is key. Onze commerciële afdeling groeit. " * 3
    assert _texts(linter, repeated, "GSL005") == []
    job = ("Een uitdagende functie in een commerciële omgeving met een competitieve beloning, "
           "in het sociaal domein, met een ervaren team en een krachtige organisatie.")
    assert _texts(linter, job, "GSL005") == []
