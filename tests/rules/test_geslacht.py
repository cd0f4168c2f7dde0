"""geslacht (GSL) rules on the real pipeline.

Beyond the examples in rules.yaml: wording variants, look-alikes that must stay
silent, antecedent resolution across blocks, severity changes, the
document-level gender-coded balance and pregnancy as a bar. The ABOUT_* cases
(who a phrase is about) run with both stand-in models.
"""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from tests.rules.conftest import by_rule, hits, rule_hits, texts
from vacaturelint.engine import Linter, Options

# --------------------------------------------------------------------------- m/v

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
    assert texts(linter, text, "GSL001") == [span]


@pytest.mark.parametrize("text", [
    "Verkoopmedewerker (m/v/x) gezocht",
    "Adviseur (M / V / X) voor 32 uur",
    "Wij zoeken een cameraman/vrouw.",
    "Je werkt met m/v/x-collega's.",
])
def test_mv_with_x_or_paired_title_is_silent(linter, text):
    assert texts(linter, text, "GSL001") == []


# --------------------------------------------------------------------------- titles

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
    found = texts(linter, text, "GSL002")
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
    assert texts(linter, text, "GSL002") == []


def test_title_finding_suggests_overarching_form(linter):
    (finding,) = hits(linter, "Wij zoeken een secretaresse.", rule="GSL002")
    assert "secretaris" in finding.suggestions
    assert finding.severity == "warning"


# --------------------------------------------------------------------------- pronouns

@pytest.mark.parametrize(("text", "spans"), [
    ("De ideale kandidaat is klantgericht. Hij werkt zelfstandig.", ["Hij"]),
    ("De sollicitant levert zijn cv in bij de receptie.", ["zijn"]),
    ("De kandidaat is flexibel en wij bieden hem een vast contract.", ["hem"]),
    ("Onze nieuwe collega is een teamspeler. Zij plant de afspraken.", ["Zij"]),
    ("De gezochte medewerker is stressbestendig. Haar werkdag begint om acht uur.", ["Haar"]),
])
def test_pronoun_for_the_candidate(linter, text, spans):
    assert texts(linter, text, "GSL004") == spans


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
    assert texts(linter, text, "GSL004") == []


def test_pronoun_antecedent_in_previous_block(linter):
    text = "## Wie zoeken wij?\n\nDe ideale kandidaat:\n\n- heeft een mbo-diploma;\n- heeft hij ervaring in de logistiek.\n"
    found = hits(linter, text, rule="GSL004", kind="markdown")
    assert [f.text for f in found] == ["hij"]
    assert found[0].scope == "span"
    assert text[found[0].start:found[0].end] == "hij"


# the antecedent decision, with both stand-in models: (text, reported span, severity)
PRONOUN_ANTECEDENT_FLAGGED = [
    # the ad's own title: "Als arts ben jij ..." and later "de arts ... hij"; its acronym
    ("Als arts ben jij verantwoordelijk voor de vaccinaties. Waar nodig verleent de arts eerste hulp en is hij "
     "verantwoordelijk voor de juiste hulp.", "hij", "warning"),
    ("Dit zijn jouw uitdagingen als Business Development Manager. Met ons kantoor zorgt de Business Development "
     "Manager (BDM) voor nieuwe business. Van de BDM wordt verwacht dat hij innovaties inzet.", "hij", "warning"),
    # the relative clause of the person sought, over a code and over prepositional phrases
    ("Wij zijn per direct op zoek naar een vrachtwagenchauffeur ADR die in het bezit is van zijn ADR basis.",
     "zijn", "warning"),
    ("Wij zijn op zoek naar een specialist, die graag samen met de eigenaar aan het roer staat van de organisatie "
     "en zijn eigen klantenportefeuille wil beheren.", "zijn", "warning"),
    # idioms: a hint
    ("Je woont in de regio en je bent iemand die stevig in zijn schoenen staat.", "zijn", "info"),
    ("Wat je nodig hebt om in deze functie goed tot zijn recht te komen: een mbo-diploma.", "zijn", "info"),
    ("Je bent een multitasker die zijn mannetje staat bij drukte.", "zijn", "info"),
    # the reader described ("je bent een X die ..."), the colleague sought, a noun and a verb after 'zijn'
    ("Je bent een HTS-er die zijn handen uit de mouwen wil steken.", "zijn", "warning"),
    ("Wij zoeken een collega die kan organiseren, maar ook gewoon met zijn team meewerkt.", "zijn", "warning"),
    ("Wij zijn op zoek naar een nieuwe medewerker die te allen tijde zijn hoofd koel kan houden.", "zijn", "warning"),
]

PRONOUN_ANTECEDENT_SILENT = [
    "Wij zoeken iemand die het product en zijn werking kent.",  # zijn of a het-word
    "Wij zoeken een monteur die de klant helpt met zijn installatie.",  # 'die' is the object's
    "Als arts werk je samen met de begeleidende ervaren arts. Hij tekent voor het delen van zijn kennis.",
    "Je krijgt de ruimte om jouw talent tot zijn recht te laten komen.",
    "Je hebt ervaring als kok. De kok van het restaurant is ziek, hij komt morgen terug.",
    "Jouw nieuwe collega’s werken met plezier en zijn trots op hun resultaten.",  # the verb
    "Als werkgever bieden wij je een goed salaris. De werkgever betaalt zijn personeel goed.",
    "Onze nieuwe collega Anke begint maandag. Zij plant de afspraken.",
    # the verb 'zijn' after a candidate mention
    "Je bent een echte teamspeler. De arbeidsvoorwaarden zijn conform de cao.",
    "Je bent een echte rechterhand. Wat zijn jouw taken?",
    "De ideale kandidaat is een ware teamplayer. Verder zijn uitstekende sociale vaardigheden van belang.",
    "Het is de bedoeling dat de kandidaat zijn werkzaamheden in aanloop van zijn vertrek gaat overnemen.",
]


@pytest.mark.parametrize(("text", "span", "severity"), PRONOUN_ANTECEDENT_FLAGGED)
def test_pronoun_antecedent_is_the_candidate(linter_per_model, text, span, severity):
    found = hits(linter_per_model, text, rule="GSL004")
    assert [(f.text, f.severity) for f in found] == [(span, severity)]


@pytest.mark.parametrize("text", PRONOUN_ANTECEDENT_SILENT)
def test_pronoun_antecedent_is_someone_or_something_else(linter_per_model, text):
    assert texts(linter_per_model, text, "GSL004") == []


def test_named_person_in_previous_block_wins(linter):
    text = "De kandidaat meldt zich bij Anouk de Vries.\n\nZij leidt het inwerkprogramma.\n"
    assert texts(linter, text, "GSL004") == []


# --------------------------------------------------------------------------- preference

def test_preference_without_positive_action_is_error(linter):
    (finding,) = hits(linter, "Onze voorkeur gaat uit naar een vrouw.", rule="GSL003")
    assert finding.severity == "error"


def test_positive_action_without_reason_is_lower_severity(linter):
    (finding,) = hits(linter, "Bij gelijke geschiktheid gaat de voorkeur uit naar een vrouw.", rule="GSL003")
    assert finding.severity == "warning"


@pytest.mark.parametrize("text", [
    "Bij gelijke geschiktheid gaat de voorkeur uit naar een vrouw, omdat vrouwen in ons team ondervertegenwoordigd zijn.",
    "Vrouwen zijn in de directie in de minderheid. Daarom gaat bij gelijke geschiktheid de voorkeur uit naar een vrouw.",
    "Vrouwen nodigen wij in het bijzonder uit om te solliciteren.",
    "Wij helpen mannen en vrouwen, van jong tot oud.",
])
def test_lawful_positive_action_and_diversity_statements_are_silent(linter, text):
    assert texts(linter, text, "GSL003") == []


@pytest.mark.parametrize("text", [
    "Wij zoeken alleen vrouwelijke kandidaten.",
    "Voor dit team zoeken wij een mannelijke verpleegkundige.",
    "Bij voorkeur een vrouw.",
    "Alleen mannen kunnen reageren.",
])
def test_one_sex_preference_forms(linter, text):
    assert texts(linter, text, "GSL003")


# --------------------------------------------------------------------------- coded words

def test_gender_coded_balance_is_lemma_based_and_lists_words(linter):
    text = ("Wij zoeken een ambitieuze en competitieve collega.\n\n"
            "Je bent resultaatgericht, analytisch en assertief en werkt zelfstandig.\n")
    (finding,) = hits(linter, text, rule="GSL005")
    assert finding.scope == "document"
    assert finding.severity == "info"
    assert "ambitieus" in finding.message and "competitief" in finding.message
    assert "mannelijk" in finding.message


def test_gender_coded_balanced_or_short_text_is_silent(linter):
    assert texts(linter, "Je bent ambitieus, analytisch en zelfstandig, maar ook zorgvuldig, betrokken en behulpzaam.", "GSL005") == []
    assert texts(linter, "Je bent ambitieus.", "GSL005") == []


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


def test_gender_coded_counts_distinct_person_traits_not_job_descriptions(linter):
    # one word repeated, and adjectives about the job or the organisation, do not make a text one-sided
    repeated = "Je bent commercieel. Commercieel inzicht is key. Onze commerciële afdeling groeit. " * 3
    assert texts(linter, repeated, "GSL005") == []
    job = ("Een uitdagende functie in een commerciële omgeving met een competitieve beloning, "
           "in het sociaal domein, met een ervaren team en een krachtige organisatie.")
    assert texts(linter, job, "GSL005") == []


# --------------------------------------------------------------------------- pregnancy (GSL006)

def test_pregnancy_as_a_bar_is_direct_sex_discrimination(linter):
    found = by_rule(linter, "Zwangere vrouwen komen helaas niet in aanmerking.", "GSL006")
    assert [(f.category, f.severity) for f in found] == [("geslacht", "error")]
    assert texts(linter, "Je bent niet zwanger.", "GZS002") == ["Je bent niet zwanger"]
    assert by_rule(linter, "Een zwangerschap is voor ons geen bezwaar.", "GSL006") == []
    assert by_rule(linter, "Als verloskundige begeleid je zwangere vrouwen.", "GSL006") == []


# --------------------------------------------------------------------------- geslacht and herkomst rules together

def test_every_gsl_hkm_rule_cites_law_and_has_dutch_message():
    from vacaturelint.rules import load_ruleset

    rules = [r for r in load_ruleset().rules if r.id.startswith(("GSL", "HKM"))]
    assert len(rules) >= 10
    for rule in rules:
        assert rule.legal_text, rule.id
        assert rule.suggestions, rule.id
        assert len(rule.bad_examples) >= 2 and len(rule.good_examples) >= 2, rule.id


# --------------------------------------------------------------------------- who it is about (both stand-in models)

ABOUT_FLAGGED = [
    ("Wij zoeken iemand die zijn kennis graag deelt.", "GSL004", "zijn"),
    ("Wij zoeken een ervaren secretaresse.", "GSL002", "secretaresse"),
]


ABOUT_SILENT = [
    # clients and audiences
    ("Onze winkel is er voor de vakman.", "geslacht"),
    # organisations, products and people named in the text
    ("Je solliciteert via zijn secretaresse Anke.", "geslacht"),
    # look-alikes that were silent before the annotation layer and stay so
    ("Wij zoeken iemand die zijn of haar kennis graag deelt.", "geslacht"),
    ("Er zijn mensen die zijn gestopt met roken.", "geslacht"),
]


@pytest.mark.parametrize(("text", "rule", "match"), ABOUT_FLAGGED)
def test_about_flagged(linter_per_model, text, rule, match):
    assert (rule, match) in rule_hits(linter_per_model, text)


@pytest.mark.parametrize(("text", "category"), ABOUT_SILENT)
def test_about_silent(linter_per_model, text, category):
    findings = [f for f in linter_per_model.lint_text(text).findings if f.category == category]
    assert findings == []


def test_blank_model_still_runs_the_rules_without_annotations():
    """--model blank: the annotation layer runs on tokens and sentences alone; rules
    that need no lemmas, POS or parse still report (README: '--model blank')."""
    blank = Linter(Options(model="blank", isolated=True))
    found = rule_hits(blank, "Verkoopmedewerker (m/v) gezocht. Wij zoeken een ervaren secretaresse.")
    assert ("GSL001", "(m/v)") in found
    assert ("GSL002", "secretaresse") in found
    assert not rule_hits(blank, "Je solliciteert via zijn secretaresse Anke.")
