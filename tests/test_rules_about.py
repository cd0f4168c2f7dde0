"""Rules on the annotation layer: who a phrase is about, negation and inclusive
sentences (issue 16). Each case holds with both stand-in models. Sentences are
written for these tests, not copied from the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from vacaturelint.engine import Linter, Options

MODELS = Path(__file__).resolve().parents[2] / "shared" / "models"
STAND_INS = [p for p in (MODELS / "nl_ud_selftrained_sm-0.1.0", MODELS / "nl_ud_alpino_sm-0.1.0") if p.is_dir()]


@pytest.fixture(scope="module", params=STAND_INS, ids=lambda p: p.name)
def linter(request):
    return Linter(Options(model=str(request.param), isolated=True))


def _found(linter, text):
    return {(f.rule, f.text) for f in linter.lint_text(text).findings}


FLAGGED = [
    ("Wij zoeken een jonge verkoper.", "LFT001", "jonge verkoper"),
    ("Wij zoeken een jonge kok voor ons restaurant.", "LFT001", "jonge kok"),
    ("Voor onze klanten zoeken wij een jonge monteur.", "LFT001", "jonge monteur"),
    ("Wij zoeken een jonge accountmanager.", "LFT001", "jonge accountmanager"),
    ("Ben jij een jonge vakkracht?", "LFT001", "jonge vakkracht"),
    ("Je komt te werken in een jonge afdeling.", "LFT001", "jonge afdeling"),
    ("Wij zoeken een jongeman voor de bediening.", "LFT001", "jongeman"),
    ("Wij zoeken iemand die zijn kennis graag deelt.", "GSL004", "zijn"),
    ("Wij zoeken een ervaren secretaresse.", "GSL002", "secretaresse"),
    ("Stuur je cv met een recente foto.", "FNE001", "met een recente foto"),
    ("Vermeld in je sollicitatie je geboortedatum.", "FNE002", "geboortedatum"),
    ("Je bent native speaker Nederlands.", "HKM001", "native speaker"),
    ("Receptionist\n\nIn bezit van rijbewijs en eigen vervoer.", "FNE006", "rijbewijs en eigen vervoer"),
    ("Ben jij een starter op de arbeidsmarkt?", "LFT003", "starter"),
]

SILENT = [
    # clients and audiences
    ("Onze cliënten zijn jongeren van 12 tot 23 jaar.", "leeftijd"),
    ("Wij helpen jonge ondernemers met hun administratie.", "leeftijd"),
    ("Je begeleidt jonge moeders bij de opvoeding.", "leeftijd"),
    ("Onze winkel is er voor de vakman.", "geslacht"),
    # organisations, products and people named in the text
    ("Wonen in Utrecht is een woningcorporatie met 40 medewerkers.", "functie-eisen"),
    ("Onze community van native speakers helpt cursisten een taal te leren.", "herkomst"),
    ("Je solliciteert via zijn secretaresse Anke.", "geslacht"),
    ("Sinds de oprichting door twee jonge ondernemers groeide het bedrijf.", "leeftijd"),
    # negated requests
    ("Een foto meesturen is niet nodig.", "functie-eisen"),
    ("Solliciteer met je cv; een foto hoeft niet.", "functie-eisen"),
    ("Je hoeft je geboortedatum niet te noemen.", "functie-eisen"),
    # inclusive either/or
    ("Starter of ervaren, iedereen is welkom.", "leeftijd"),
    ("Of je nu starter bent of al jaren meedraait: je bent welkom.", "leeftijd"),
    ("Jong of oud, iedereen is welkom als verkoper.", "leeftijd"),
    # photos as work samples, driving jobs
    ("Stuur je portfolio met foto's van eerder werk.", "functie-eisen"),
    ("Mobiele surveillant\n\nIn bezit van rijbewijs B.", "functie-eisen"),
    ("Heftruckchauffeur\n\nIn het bezit van rijbewijs.", "functie-eisen"),
    ("Bezorger gezocht\n\nJe hebt een rijbewijs B.", "functie-eisen"),
    # look-alikes that were silent before the annotation layer and stay so
    ("Wij zijn een jong bedrijf met grote ambities.", "leeftijd"),
    ("Wij zoeken iemand die zijn of haar kennis graag deelt.", "geslacht"),
    ("Er zijn mensen die zijn gestopt met roken.", "geslacht"),
    ("Onze jonge collega's en ervaren rotten vormen een mix van jong en oud.", "leeftijd"),
]


@pytest.mark.parametrize(("text", "rule", "match"), FLAGGED)
def test_flagged(linter, text, rule, match):
    assert (rule, match) in _found(linter, text)


@pytest.mark.parametrize(("text", "category"), SILENT)
def test_silent(linter, text, category):
    findings = [f for f in linter.lint_text(text).findings if f.category == category]
    assert findings == []


def test_blank_model_still_runs_the_rules_without_annotations():
    """--model blank: the annotation layer runs on tokens and sentences alone; rules
    that need no lemmas, POS or parse still report (README: '--model blank')."""
    blank = Linter(Options(model="blank", isolated=True))
    found = _found(blank, "Verkoopmedewerker (m/v) gezocht. Wij zoeken een ervaren secretaresse.")
    assert ("GSL001", "(m/v)") in found
    assert ("GSL002", "secretaresse") in found
    assert not _found(blank, "Je solliciteert via zijn secretaresse Anke.")


AVAILABILITY_SILENT = [
    # glued list items: the part-time alternative is in the same (glued) sentence
    "Je bent tactvol en integer;Parttime of fulltime inzetbaar;Je kunt je goed inleven.",
    # a named shift schedule
    "Je bent flexibel inzetbaar (ma t/m zo, drieploegen);",
]


@pytest.mark.parametrize("text", AVAILABILITY_SILENT)
def test_availability_reads_the_shared_sentences(linter, text):
    assert [f for f in linter.lint_text(text).findings if f.rule == "FNE007"] == []


def test_availability_without_schedule_is_still_found(linter):
    found = _found(linter, "Je bent tactvol;Je bent flexibel inzetbaar;Je werkt bij de Vulploeg Noord.")
    assert ("FNE007", "flexibel inzetbaar") in found
