"""leeftijd (LFT) rules on the real pipeline, beyond the rules.yaml examples.

Sentences are written for these tests (paraphrased wording patterns seen in real
vacancies, never copied corpus text). Each case names the rule and the exact
span that must be reported, or asserts that no leeftijd rule fires at all.
The ABOUT_* cases (who a phrase is about, negation, inclusive sentences) run
with both stand-in models.
"""

from __future__ import annotations

import pytest

from tests.rules.conftest import by_rule, rule_hits, texts

FLAGGED = [
    # direct: 'jong' describing team, colleagues, environment, candidate
    ("Je past in een jong gedreven team en kunt goed samenwerken.", "LFT001", "jong gedreven team"),
    ("Met het jong en wisselend team werk je op verschillende tijden.", "LFT001", "jong en wisselend team"),
    ("Je maakt deel uit van een bevlogen, vakkundig en jong controlling team.", "LFT001", "jong controlling team"),
    ("Wij bieden: jong team / jonge werkomgeving; informele sfeer.", "LFT001", "jonge werkomgeving"),
    ("Het team is uitgebreid met enthousiaste jonge engineers.", "LFT001", "jonge engineers"),
    ("Je werkt in een dynamische en jonge omgeving.", "LFT001", "jonge omgeving"),
    ("Wij zoeken naast ervaren mensen ook jonge afstudeerders voor onze ICT-afdeling.", "LFT001", "jonge afstudeerders"),
    ("Je bent een young professional met een financiële achtergrond.", "LFT001", "young professional"),
    ("Ben jij jong en ambitieus?", "LFT001", "jong"),
    # explicit ages, every spelling
    ("Leeftijd: max. 35 jr.", "LFT002", "max. 35 jr."),
    ("Je bent tussen de 25 en 35 jaar.", "LFT002", "tussen de 25 en 35 jaar"),
    ("Kandidaten zijn 26-32 jaar.", "LFT002", "26-32 jaar"),
    ("Je bent 20–40 jaar oud en woont in de regio.", "LFT002", "20–40 jaar oud"),
    ("Je past in ons team van 20 - 40 jaar.", "LFT002", "20 - 40 jaar"),
    ("Je bent minimaal 16 jaar en hebt een vmbo-diploma.", "LFT002", "minimaal 16 jaar"),
    ("Je bent 18 jaar of ouder.", "LFT002", "18 jaar of ouder"),
    ("Je bent niet ouder dan 45 jaar.", "LFT002", "niet ouder dan 45 jaar"),
    ("Ben je 18+ en zoek je werk?", "LFT002", "18+"),
    ("Je bent een man van maximaal 40 jaar.", "LFT002", "maximaal 40 jaar"),
    # indirect: starters, students, career start
    ("Jij bent een hoogopgeleide starter met een hbo-diploma.", "LFT003", "starter"),
    ("Deze rol past als je op zoek bent naar een starters-rol.", "LFT003", "starters-rol"),
    ("Solliciteer als je binnenkort afgestudeerd bent of net bent afgestudeerd.", "LFT003", "net bent afgestudeerd"),
    ("Ben je geïnteresseerd om je carrière te starten bij ons kantoor?", "LFT005", "je carrière te starten"),
    ("Dit is de eerste stap op de arbeidsmarkt voor jou.", "LFT005", "eerste stap op de arbeidsmarkt"),
    ("Studenten gezocht voor de zomerperiode!", "LFT006", "Studenten gezocht"),
    ("Deze baan is perfect voor scholieren.", "LFT006", "perfect voor scholieren"),
    # experience caps
    ("Je hebt 2 - 4 jaar relevante werkervaring in het notariaat.", "LFT004", "2 - 4 jaar relevante werkervaring"),
    ("Je hebt een aantal jaar werkervaring (1 tot 3 jaar) in de bouw.", "LFT004", "werkervaring (1 tot 3 jaar)"),
    ("Twee tot vijf jaar commerciële werkervaring.", "LFT004", "Twee tot vijf jaar commerciële werkervaring"),
    ("Je hebt niet meer dan 4 jaar ervaring.", "LFT004", "niet meer dan 4 jaar ervaring"),
    # older candidates, team age, stale exception
    ("Als 55-plusser ben je bij ons aan het juiste adres voor een bijbaan.", "LFT007", "Als 55-plusser"),
    ("Wij zoeken gepensioneerden voor een paar ochtenden per week.", "LFT007", "gepensioneerden"),
    ("Het team heeft een gemiddelde leeftijd van 28 jaar.", "LFT010", "gemiddelde leeftijd"),
    ("Je komt terecht tussen leeftijdsgenoten.", "LFT010", "leeftijdsgenoten"),
    ("Dit is een vacature in het kader van de Aanpak jeugdwerkloosheid.", "LFT008", "Aanpak jeugdwerkloosheid"),
    ("Scholieren en jongeren gezocht voor de kassa!", "LFT011", "jongeren gezocht"),
    ("Deze bijbaan is bedoeld voor jongeren die van aanpakken houden.", "LFT011", "bijbaan is bedoeld voor jongeren"),
    ("Leeftijdsindicatie: 25-35 jaar.", "LFT002", "25-35 jaar"),
    ("Leuke bijbaan vanaf 15 jaar!", "LFT002", "vanaf 15 jaar"),
]


SILENT = [
    # company age, clients, mixed teams
    "Wij zijn een jong, hip bedrijf in hartje Amsterdam.",
    "Het is een relatief jonge stichting, opgericht in 2015.",
    "Je werkt mee aan een jong en groeiend bedrijf.",
    "Onze klanten variëren van jong tot oud.",
    "Zowel jong als oud kan bij onze praktijk terecht.",
    "Ons team is een mooie mix van jong en ervaren personen.",
    "Er is een goede balans tussen ervaren collega's en jonge medewerkers.",
    "Wij zijn het expertisecentrum voor het jonge kind.",
    "Het theater biedt een podium aan jonge makers.",
    "Je werkt in een relatief jonge wijk met veel gezinnen.",
    "Als jongerenwerker ben je het aanspreekpunt voor jongeren in de wijk.",
    "Je begeleidt jongeren van 12 tot 18 jaar in hun dagbesteding.",
    "De leeftijd van de bewoners ligt tussen 60 en 95 jaar.",
    "Je werkt met kinderen in de leeftijd van 8 tot 12 jaar oud.",
    "Wij verlenen zorg aan oudere mensen vanaf 65 jaar.",
    # hours, salaries, benefits, certificates, contracts, company age
    "Je werkt 32-40 uur per week.",
    "Je werkt tussen de 28 en 32 uur.",
    "Het salaris ligt tussen 2500 en 3500 euro bruto.",
    "Uurloon: 16 jaar € 4,96; 17 jaar € 5,67; 21 jaar € 13,22.",
    "Vanaf 50 jaar krijg je extra vakantiedagen.",
    "Je bouwt pensioen op (vanaf 21 jaar).",
    "Je VCA-certificaat is niet ouder dan 5 jaar.",
    "Je krijgt een contract voor maximaal 2 jaar.",
    "Wij bestaan al meer dan 10 jaar.",
    "Het bureau is 50 jaar geleden opgericht.",
    "Voor jongeren tot 21 jaar zijn er interne opleidingsmogelijkheden.",
    # experience minimums and hedges
    "Je hebt minimaal 3 jaar ervaring.",
    "Je hebt minimaal 5-8 jaar werkervaring.",
    "Je hebt tenminste 4-6 jaar ervaring.",
    "Je hebt plusminus 3 jaar juridische werkervaring.",
    "Je hebt circa 5 jaar relevante werkervaring.",
    "Je hebt (8+ jaar) ervaring als adviseur.",
    "Je hebt minimaal 5 jaar werkervaring, waarvan 1 tot 2 jaar als controller.",
    # juniors, students, career steps
    "Als junior adviseur ga je direct aan de slag.",
    "Deze juniorfunctie is ideaal om het vak te leren.",
    "Ben jij toe aan de volgende stap in je carrière?",
    "Een nieuwe stap in jouw loopbaan wacht.",
    "Starter of ervaren? Iedereen is welkom.",
    "Je hebt een hbo-diploma of je bent student verpleegkunde.",
    "Deze stage is geschikt voor hbo-studenten.",
    "Je geeft les aan studenten op niveau 3 en 4.",
    "Je krijgt een startsalaris volgens de cao.",
    "Je bent afgestudeerd fysiotherapeut.",
    # older people as clients, senior as a level
    "Je organiseert activiteiten voor 65-plussers in de buurt.",
    "Je verzorgt senioren in ons woonzorgcentrum.",
    "Senior Inkoper (40 uur)",
    "Kinderen spelen op de groep met leeftijdsgenoten.",
    "Je begeleidt jongeren van 18 tot 27 jaar naar werk.",
    # look-alikes from the issue
    "Wij werken samen met het moederbedrijf in Duitsland.",
    "Reageer uiterlijk 1 maart.",
    "Hij is oud-consultant en nu partner.",
]


def _leeftijd(linter, text):
    return [f for f in linter.lint_text(text, path="vacature.txt").findings if f.category == "leeftijd"]


@pytest.mark.parametrize(("text", "rule", "span"), FLAGGED, ids=[f"{r}:{s}" for _, r, s in FLAGGED])
def test_flagged(linter, text, rule, span):
    found = [(f.rule, f.text) for f in _leeftijd(linter, text)]
    assert (rule, span) in found, found


@pytest.mark.parametrize("text", SILENT)
def test_silent(linter, text):
    found = [(f.rule, f.text) for f in _leeftijd(linter, text)]
    assert not found, found


def test_legal_reason_lowers_severity(linter):
    plain = _leeftijd(linter, "Je bent minimaal 18 jaar.")
    reason = _leeftijd(linter, "Je bent minimaal 18 jaar in verband met de Alcoholwet.")
    assert [f.severity for f in plain] == ["error"]
    assert [f.severity for f in reason] == ["warning"]


def test_approximate_experience_range_is_only_a_hint(linter):
    found = _leeftijd(linter, "Je hebt circa 3-5 jaar relevante werkervaring.")
    assert [(f.rule, f.severity) for f in found] == [("LFT004", "info")]


def test_stale_exception_says_it_expired(linter):
    found = _leeftijd(linter, "Deze vacature is voor jongeren van 18 tot 27 jaar in het kader van de Aanpak jeugdwerkloosheid.")
    assert [f.rule for f in found] == ["LFT008"], found  # one finding for the whole sentence part
    assert found[0].text.startswith("jongeren van 18 tot 27 jaar")
    assert "2018" in found[0].message


def test_every_leeftijd_rule_cites_wgbl(linter):
    from vacaturelint.rules import load_ruleset

    rules = [r for r in load_ruleset().rules if r.category == "leeftijd"]
    assert len(rules) >= 10
    for rule in rules:
        assert rule.legal["ground"] == "leeftijd", rule.id
        assert any(ref.startswith("WGBL art.") for ref in rule.legal["refs"]), rule.id
        assert rule.suggestions, rule.id


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
        # the next list item's hours are no age: the age words of the item before do not carry over
        ("Je bent minimaal 18 jaar of ouder;Je bent minimaal 16\u00a0uur per week beschikbaar;", "minimaal 18 jaar"),
        # list items glued without a space: the next item's "32 uur" is no wage table, its
        # "Minimaal" no second age
        ("Wij vragen: Een goede instellingMinimaal 18 jaar of ouderMinimaal 32 uur beschikbaar", "Minimaal 18 jaar"),
        ("Wat vragen wij?Je bent minimaal 16 jaarJe bent flexibel inzetbaar", "minimaal 16 jaar"),
    ],
)
def test_numeric_age_forms_are_found(linter, text, expected):
    assert texts(linter, text, "LFT002") == [expected]


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
        # the age of a thing, attributive or said of it
        "Je onderhoudt een 30 jaar oude applicatie.",
        "Het monumentale pand is ruim 150 jaar oud.",
    ],
)
def test_durations_and_other_peoples_ages_stay_silent(linter, text):
    assert by_rule(linter, text, "LFT002") == []


def test_a_stated_legal_reason_lowers_the_age_limit(linter):
    found = by_rule(linter, "Je bent minimaal 18 jaar, in verband met de Alcoholwet.", "LFT002")
    assert [(f.text, f.severity) for f in found] == [("minimaal 18 jaar", "warning")]
    assert "controleer of die voor deze functie" in found[0].note
    found = by_rule(linter, "Je bent minimaal 16 jaar in verband met de werktijden.", "LFT002")
    assert [(f.text, f.severity) for f in found] == [("minimaal 16 jaar", "warning")]
    assert "noem de wet" in found[0].note


def test_a_reason_without_the_law_asks_to_name_the_law(linter):
    law = by_rule(linter, "Je bent minimaal 18 jaar, omdat de Alcoholwet dat voorschrijft.", "LFT002")
    reason = by_rule(linter, "Je bent minimaal 18 jaar, omdat je alcohol verkoopt.", "LFT002")
    plain = by_rule(linter, "Je bent minimaal 18 jaar.", "LFT002")
    assert [f.severity for f in law] == ["warning"] and "controleer" in law[0].note
    assert [f.severity for f in reason] == ["warning"] and "noem de wet" in reason[0].note
    assert [f.severity for f in plain] == ["error"]


# --------------------------------------------------------------------------- pensioners (LFT007, LFT012)

def test_pensioners_as_the_target_group_are_found(linter):
    assert texts(linter, "Gepensioneerden gezocht voor de kantine.", "LFT007") == ["Gepensioneerden"]
    assert texts(linter, "Ben jij gepensioneerd en wil je nog actief blijven?", "LFT012") == ["Ben jij gepensioneerd"]
    assert texts(linter, "Dit werk is ideaal voor gepensioneerden.", "LFT012") == ["ideaal voor gepensioneerden"]


@pytest.mark.parametrize(
    "text",
    [
        "Ook als je gepensioneerd bent, ben je van harte welkom.",
        "Onze leden zijn vaak gepensioneerd en zoeken gezelligheid.",
        "Je bouwt pensioen op via het ABP.",
    ],
)
def test_inclusive_or_client_pensioners_stay_silent(linter, text):
    assert by_rule(linter, text, "LFT012") == []


# --------------------------------------------------------------------------- who it is about, negation, inclusive (both stand-in models)

ABOUT_FLAGGED = [
    ("Wij zoeken een jonge verkoper.", "LFT001", "jonge verkoper"),
    ("Wij zoeken een jonge kok voor ons restaurant.", "LFT001", "jonge kok"),
    ("Voor onze klanten zoeken wij een jonge monteur.", "LFT001", "jonge monteur"),
    ("Wij zoeken een jonge accountmanager.", "LFT001", "jonge accountmanager"),
    ("Ben jij een jonge vakkracht?", "LFT001", "jonge vakkracht"),
    ("Je komt te werken in een jonge afdeling.", "LFT001", "jonge afdeling"),
    ("Wij zoeken een jongeman voor de bediening.", "LFT001", "jongeman"),
    ("Ben jij een starter op de arbeidsmarkt?", "LFT003", "starter"),
    # 'jong' with a temperament or culture word before an organisation: its people
    ("Wij zijn een jong en energiek bedrijf.", "LFT001", "jong en energiek bedrijf"),
    ("Je komt terecht in een jonge, actieve en klantgerichte organisatie.", "LFT001",
     "jonge, actieve en klantgerichte organisatie"),
    ("Wij zijn een gezellig en jong adviesbureau.", "LFT001", "jong adviesbureau"),
    # starting or studying people as the ones sought
    ("Voor onze opdrachtgevers zoeken wij startende elektriciens.", "LFT003", "startende elektriciens"),
    ("Een hbo-diploma, behaald in de laatste twee jaar.", "LFT003", "hbo-diploma, behaald in de laatste twee jaar"),
    ("Wij zoeken een student-assistent voor de balie.", "LFT006", "student-assistent"),
    ("Je bent bezig met je bachelor bedrijfskunde.", "LFT013", "bezig met je bachelor"),
    ("Wat wij vragen:\n- Je volgt momenteel een mbo of hbo studie in een commerciële richting;", "LFT013",
     "Je volgt momenteel een mbo of hbo studie"),
    # English 'young' + person noun, also as the label of a recruiting programme
    ("Als Young Professional start je in ons traineeship.", "LFT001", "Young Professional"),
    # the candidate's fresh view (a hint)
    ("Door jouw frisse blik verbeter je onze processen.", "LFT014", "jouw frisse blik"),
    ("Je hebt tot ongeveer twee jaar ervaring met Excel.", "LFT004", "tot ongeveer twee jaar ervaring"),
]


ABOUT_SILENT = [
    # clients and audiences
    ("Onze cliënten zijn jongeren van 12 tot 23 jaar.", "leeftijd"),
    ("Wij helpen jonge ondernemers met hun administratie.", "leeftijd"),
    ("Je begeleidt jonge moeders bij de opvoeding.", "leeftijd"),
    # organisations, products and people named in the text
    ("Sinds de oprichting door twee jonge ondernemers groeide het bedrijf.", "leeftijd"),
    # inclusive either/or
    ("Starter of ervaren, iedereen is welkom.", "leeftijd"),
    ("Of je nu starter bent of al jaren meedraait: je bent welkom.", "leeftijd"),
    ("Jong of oud, iedereen is welkom als verkoper.", "leeftijd"),
    # look-alikes that were silent before the annotation layer and stay so
    ("Wij zijn een jong bedrijf met grote ambities.", "leeftijd"),
    ("Onze jonge collega's en ervaren rotten vormen een mix van jong en oud.", "leeftijd"),
    # company age: growth and innovation words keep 'jong' about the company
    ("Wij zijn een jong en snelgroeiend bedrijf.", "leeftijd"),
    ("Een mooie functie bij een jonge en innovatieve organisatie.", "leeftijd"),
    ("Wij begeleiden jonge en dynamische ondernemingen bij hun groei.", "leeftijd"),
    ("Ons bureau, opgericht in 2018, is een jong en dynamisch bureau.", "leeftijd"),
    ("Je hebt ervaring opgedaan in een jong en dynamisch bedrijf.", "leeftijd"),
    ("Je hebt jaren ervaring als startend ondernemer en zoekt nu een vaste baan.", "leeftijd"),
    # inclusive: starters next to experienced people
    ("Ervaring is mooi meegenomen; starters komen ook in aanmerking.", "leeftijd"),
    # students as a service's clients, a study as an alternative to a degree, internships
    ("Onze studentendecaan helpt studenten met hun rooster.", "leeftijd"),
    ("Je hebt een afgeronde master of je bent bezig met je master.", "leeftijd"),
    ("Je bent bezig met je bachelor en zoekt een meeloopstage.", "leeftijd"),
    ("Wij helpen startende ondernemers met hun plan.", "leeftijd"),
    # a certificate's date is no graduation date
    ("Je VCA-certificaat is in de afgelopen tien jaar behaald.", "leeftijd"),
    # the age of a thing; a staff network; a fresh look that is not the candidate's
    ("Je migreert een veertig jaar oud mainframesysteem naar de cloud.", "leeftijd"),
    ("Als medewerker kun je lid worden van ons Young Professionals netwerk.", "leeftijd"),
    ("Onze klant wil een frisse blik op zijn huisstijl.", "leeftijd"),
    ("Met jouw frisse blik en jarenlange ervaring geef je richting aan het team.", "leeftijd"),
    # a study as the other route; training the employer offers
    ("Je hebt een hbo-diploma of je volgt een hbo-opleiding.", "leeftijd"),
    ("Bij ons volg je een interne opleiding tot monteur.", "leeftijd"),
]


@pytest.mark.parametrize(("text", "rule", "match"), ABOUT_FLAGGED)
def test_about_flagged(linter_per_model, text, rule, match):
    assert (rule, match) in rule_hits(linter_per_model, text)


@pytest.mark.parametrize(("text", "category"), ABOUT_SILENT)
def test_about_silent(linter_per_model, text, category):
    findings = [f for f in linter_per_model.lint_text(text).findings if f.category == category]
    assert findings == []
