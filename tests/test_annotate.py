"""The annotation layer (rules/annotate.py) on the real stand-in pipelines.

Every case must hold with both stand-in models (the self-trained one and the one
trained on Alpino), so no decision depends on one parse; the sentence notion and
the person-noun lexicon are also checked on the blank pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from vacaturelint import nlp as nlp_module
from vacaturelint.rules import annotate

MODELS = Path(__file__).resolve().parents[2] / "shared" / "models"
STAND_INS = [p for p in (MODELS / "nl_ud_selftrained_sm-0.1.0", MODELS / "nl_ud_alpino_sm-0.1.0") if p.is_dir()]


@pytest.fixture(scope="module", params=STAND_INS, ids=lambda p: p.name)
def nlp(request):
    return spacy.load(request.param)


@pytest.fixture(scope="module")
def blank():
    return nlp_module.load(nlp_module.BLANK).nlp


def _about(nlp, text: str, word: str) -> str | None:
    doc = nlp(text)
    ann = annotate.get(doc)
    index = next(t.i for t in doc if t.text == word)
    return ann.referent[index]


@pytest.mark.parametrize(("text", "word", "about"), [
    ("Wij zoeken een jonge verkoper.", "verkoper", "candidate"),
    ("Wat doe je bij ons als stagiaire?", "stagiaire", "candidate"),
    ("We hebben per direct plek voor een stagiaire PR.", "stagiaire", "candidate"),
    ("Wij zoeken een jonge accountmanager.", "accountmanager", "candidate"),
    ("Ben jij de monteur die wij zoeken?", "monteur", "candidate"),
    ("Je komt te werken in een jonge afdeling.", "afdeling", "team"),
    ("Je werkt samen met je collega's.", "collega's", "team"),
    ("Onze verkopers helpen je graag.", "verkopers", "team"),
    ("Onze cliënten zijn jongeren van 12 tot 23 jaar.", "jongeren", "client"),
    ("Wij helpen jonge ondernemers met hun administratie.", "ondernemers", "client"),
    ("Onze winkel is er voor de vakman.", "vakman", "client"),
    ("Je solliciteert via zijn secretaresse Anke.", "secretaresse", "named"),
    ("Wonen in Utrecht is een woningcorporatie.", "Wonen", "organisation"),
    ("Wij zijn een groeiend bedrijf.", "bedrijf", "organisation"),
    ("Wij zoeken iemand met ervaring.", "iemand", "candidate"),
    ("Het motto is 'jonge honden' en dat klinkt stoer.", "honden", "quoted"),
    # beginners the candidate guides or trains are not the candidate (LFT003)
    ("Je begeleidt beginnende collega's bij hun eerste diensten.", "collega's", "client"),
    ("Je traint beginnende collega's in de winkel.", "collega's", "client"),
    ("Als praktijkopleider coach je aankomende professionals in de wijk.", "professionals", "client"),
    ("Wij zoeken beginnende collega's voor onze winkel.", "collega's", "team"),
    # the people who live where the candidate works are residents, i.e. clients
    ("Binnen de locatie wonen zowel mannen als vrouwen, van 20 tot 65 jaar.", "vrouwen", "client"),
    ("Op de groep wonen acht jongens met een beperking.", "jongens", "client"),
    ("Wij zoeken medewerkers die in de buurt van de locatie wonen.", "medewerkers", "candidate"),
    # a municipality after a place preposition is the area, not the organisation
    ("Je bent woonachtig in of rondom de gemeente Schagen.", "gemeente", None),
    ("Je werkt bij de gemeente Schagen.", "gemeente", "organisation"),
    ("Mooie kans voor een starter die snel wil groeien.", "starter", "candidate"),
    ("Het werk is breed en dat maakt het voor een starter niet makkelijk.", "starter", "person"),
    # the role after "als", also over modifiers; not the role of the people named before "als"
    ("Je start als beginnende Tax Adviser in ons team.", "Adviser", "candidate"),
])
def test_referents(nlp, text, word, about):
    assert _about(nlp, text, word) == about


def test_the_role_of_people_named_before_als_is_not_the_candidates(nlp):
    assert _about(nlp, "Je leidt nieuwe collega's als beginnend gedragsdeskundige op.", "gedragsdeskundige") != "candidate"


@pytest.mark.parametrize(("text", "word", "negated"), [
    ("Een foto is niet nodig.", "foto", True),
    ("Je hoeft je geboortedatum niet te noemen.", "geboortedatum", True),
    ("Stuur je cv, het liefst zonder foto.", "foto", True),
    ("Stuur geen pasfoto mee.", "pasfoto", True),
    ("Stuur je cv met een foto.", "foto", False),
    ("Geen ervaring? Geen probleem, stuur je cv met foto.", "foto", False),
    ("Niet alleen je cv maar ook een foto graag.", "foto", False),
])
def test_negation_scope(nlp, text, word, negated):
    doc = nlp(text)
    index = next(t.i for t in doc if t.text == word)
    assert annotate.get(doc).negated[index] is negated


@pytest.mark.parametrize(("text", "inclusive"), [
    ("Starter of ervaren, iedereen is welkom.", True),
    ("Of je nu net begint of al jaren meedraait, je bent welkom.", True),
    ("Ook oudere kandidaten zijn van harte welkom.", True),
    ("Het maakt niet uit hoe oud je bent.", True),
    ("Ongeacht je leeftijd ben je welkom.", True),
    ("Starters zijn welkom.", False),
    ("Wij zoeken een starter.", False),
    # starters welcome as well, and two questions as alternatives (starter or experienced)
    ("Wij staan ook open voor starters op de arbeidsmarkt.", True),
    ("Ben jij (bijna) afgestudeerd? Of heb jij al enige ervaring?", True),
    ("Ben jij jong en ambitieus? Of wil je graag buiten werken?", False),
])
def test_inclusive_sentences(nlp, text, inclusive):
    doc = nlp(text)
    assert any(annotate.get(doc).inclusive) is inclusive


def test_one_sentence_notion_cuts_at_end_punctuation_and_line_breaks(nlp, blank):
    for pipeline in (nlp, blank):
        doc = pipeline("Wij zoeken een kok; Je werkt in de keuken\nrijbewijs B is een pré. Solliciteer nu! "
                       "Je tilt dozen; dit in verband met de levering.")
        texts = [s.text.strip() for s in annotate.sentences(doc)]
        assert texts == ["Wij zoeken een kok;", "Je werkt in de keuken", "rijbewijs B is een pré.", "Solliciteer nu!",
                         "Je tilt dozen; dit in verband met de levering."]
        kok = next(t.i for t in doc if t.text == "kok")
        assert annotate.sentence(doc, kok).text.strip() == "Wij zoeken een kok;"


def test_only_long_runs_without_end_marks_use_the_pipeline_cuts(nlp):
    short = nlp("Ben jij een jonge kok die graag kookt")
    assert len(annotate.sentences(short)) == 1
    glued = nlp(" ".join(["Je bent vlot en representatief werkt graag met klanten"] * 8))
    assert len(glued) > annotate.LONG_RUN
    assert len(annotate.sentences(glued)) == sum(1 for t in glued if t.is_sent_start)


def test_annotation_is_computed_once_per_doc(nlp):
    doc = nlp("Wij zoeken een jonge kok.")
    assert annotate.get(doc) is annotate.get(doc)


@pytest.mark.parametrize("word", [
    "verkoper", "verkoopster", "kok", "koks", "monteur", "monteurs", "accountmanager", "bezorger", "surveillant",
    "heftruckchauffeur", "verpleegkundige", "thuiszorgmedewerker", "leerkracht", "vakman", "jongeman", "developer",
    "ondernemers", "adviser", "advisers", "officer", "analyst",
])
def test_person_nouns_are_an_open_class(word):
    assert annotate.is_person_noun(word)


@pytest.mark.parametrize("word", [
    "computer", "nummer", "water", "lever", "ladder", "daarover", "omgeving", "afdeling", "kleur", "moment",
    "mankracht", "restaurant", "lijst", "ervaring",
])
def test_things_are_not_person_nouns(word):
    assert not annotate.is_person_noun(word)


def test_the_lexicon_is_derived_from_the_treebanks():
    """persons.txt is what build.py derives from ../shared/models/ud-dutch (when present)."""
    from vacaturelint.rules.lexicon import build

    treebanks = MODELS / "ud-dutch"
    if not treebanks.is_dir():
        pytest.skip("../shared/models/ud-dutch ontbreekt")
    committed = (Path(annotate.__file__).parent / "lexicon" / "persons.txt").read_text(encoding="utf-8").split()
    assert build.derive(sorted(treebanks.rglob("*.conllu"))) == committed


def test_char_sentences_split_glued_text_and_keep_abbreviations(nlp, blank):
    for pipeline in (nlp, blank):
        doc = pipeline("Je bent integer;Parttime of fulltime inzetbaar;Je leert snel. Stuur je cv (incl. foto) op.")
        parts = [doc.text[a:b].strip() for a, b in annotate.get(doc).char_sentences]
        assert parts == ["Je bent integer;", "Parttime of fulltime inzetbaar;", "Je leert snel.",
                         "Stuur je cv (incl. foto) op."]
        doc = pipeline("Je spreekt Engels (must)!Woonachtig in Utrecht.")
        parts = [doc.text[a:b].strip() for a, b in annotate.get(doc).char_sentences]
        assert parts == ["Je spreekt Engels (must)!", "Woonachtig in Utrecht."]


@pytest.mark.parametrize("model", [*STAND_INS, nlp_module.BLANK], ids=lambda m: getattr(m, "name", m))
def test_a_glued_list_dash_ends_the_sentence(model):
    """'conditie- je kunt': the engine's tokenizer splits the dash off, and the dash opens the
    next list item; an elided part ('denk- en werkniveau', 'woon- werkverkeer') does not."""
    doc = nlp_module.load(str(model)).nlp("Wat vragen wij:- je wil leren- je bent fysiek in goede conditie- "
                                          "Je kunt in ploegen werken. Denk- en werkniveau en woon- werkverkeer.")
    parts = [doc.text[a:b].strip() for a, b in annotate.get(doc).char_sentences]
    assert parts == ["Wat vragen wij:- je wil leren", "- je bent fysiek in goede conditie",
                     "- Je kunt in ploegen werken.", "Denk- en werkniveau en woon- werkverkeer."]


@pytest.mark.parametrize(("text", "tokens"), [
    ("inzetbaar;Rijbewijs B", ["inzetbaar", ";", "Rijbewijs", "B"]),
    ("(Nederlands en Engels)- Uitstekende", ["(", "Nederlands", "en", "Engels", ")", "-", "Uitstekende"]),
    ("geschrift;- Je", ["geschrift", ";", "-", "Je"]),
    ("producten tillen- Je kan", ["producten", "tillen", "-", "Je", "kan"]),
    ("goede conditie- je kunt", ["goede", "conditie", "-", "je", "kunt"]),
    ("denk- en werkniveau", ["denk-", "en", "werkniveau"]),
    ("woon- werkverkeer", ["woon-", "werkverkeer"]),
    # a glued short word that opens the next item: "jou|Je", "eisen|We"; "LinkedIn" stays whole
    ("geheimen voor jouJe bent", ["geheimen", "voor", "jou", "Je", "bent"]),
    ("eisenWe vragen", ["eisen", "We", "vragen"]),
    ("via LinkedIn of Jeans", ["via", "LinkedIn", "of", "Jeans"]),
    # an item glued on after "!" or "?": "(must)!|Woonachtig", "jou?|Stuur"; "Yahoo!" alone stays
    ("Engels (must)!Woonachtig in Amsterdam", ["Engels", "(", "must)!", "Woonachtig", "in", "Amsterdam"]),
    ("iets voor jou?Stuur je cv", ["iets", "voor", "jou", "?", "Stuur", "je", "cv"]),
])
@pytest.mark.parametrize("model", [*STAND_INS, nlp_module.BLANK], ids=lambda m: getattr(m, "name", m))
def test_glued_list_items_are_split(model, text, tokens):
    """Scraped ads glue list items together; the engine's tokenizer splits them."""
    pipeline = nlp_module.load(str(model))
    assert [t.text for t in pipeline.make_doc(text)] == tokens


@pytest.mark.parametrize("model", STAND_INS, ids=lambda m: getattr(m, "name", m))
def test_glued_list_item_starts_a_sentence_for_the_parser(model):
    """The parser keeps the sentence start at a glued-on list item, as if the scrape had
    kept its full stop: 'jong' is then the end of its own sentence."""
    pipeline = nlp_module.load(str(model), frozenset({"DEP"}))
    for text, start in (("Het team is nog redelijk jongJullie rapporteren aan Jan.", "Jullie"),
                        ("Je kan zware producten tillen- Je kan goed rekenen.", "-")):
        doc = next(iter(pipeline.analyse([pipeline.make_doc(text)])))
        cut = next(t for t in doc if t.text == start)
        assert cut.is_sent_start and doc[cut.i - 1].sent.end == cut.i, [s.text for s in doc.sents]
