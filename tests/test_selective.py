"""The first pass (analyse only the blocks a rule can match) against the full pipeline:
the same findings, on every rule example and on a sample of the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from vacaturelint.engine import Linter, Options
from vacaturelint.rules.loader import load_ruleset
from vacaturelint.rules.model import Clause, Rule
from vacaturelint.rules.selection import Selector
from vacaturelint.source import Source, read_source

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "vacatures"
RULES = load_ruleset(()).rules


def _keys(result):
    return sorted((f.rule, f.start, f.end, f.severity, f.message, f.note) for f in result.findings)


def _both(sources):
    full = Linter(Options(isolated=True, selective=False)).lint_sources(sources)
    selective = Linter(Options(isolated=True, selective=True)).lint_sources(sources)
    return [(s.path, _keys(a), _keys(b)) for s, a, b in zip(sources, full, selective)]


def test_every_rule_example_gives_the_same_findings():
    texts = [e.text for r in RULES for e in (*r.bad_examples, *r.good_examples)]
    sources = [Source(path=f"voorbeeld-{i}.txt", text=t, kind="plain") for i, t in enumerate(texts)]
    pairs = _both(sources)
    assert any(full for _, full, _ in pairs)  # the examples do find something
    assert [p for p in pairs if p[1] != p[2]] == []


def test_corpus_sample_gives_the_same_findings():
    files = sorted(CORPUS.glob("*.txt"))[:25]
    if not files:
        pytest.skip(f"no corpus in {CORPUS}")
    pairs = _both([read_source(str(f)) for f in files])
    assert sum(len(full) for _, full, _ in pairs) > 0
    assert [p for p in pairs if p[1] != p[2]] == []


def test_the_first_pass_skips_blocks_no_rule_can_match(linter):
    config = linter.config_for(None)
    ruleset = linter.ruleset(config)
    pipeline = linter.pipeline([ruleset], config)
    selector = linter.compiled(ruleset, pipeline, config.extra_rules).selector
    assert selector.derived
    docs = [pipeline.make_doc(t) for t in (
        "Wij bieden een goed salaris en een leasefiets.",
        "Je bent maximaal 35 jaar oud.",
        "Het kantoor ligt aan de rand van de stad.",
    )]
    assert selector.select(docs) == {1}


def test_a_rule_without_derivable_anchors_sends_the_file_through_the_full_pipeline(linter):
    rule = Rule(id="TST001", name="test", category="leeftijd", severity="info", message="m", explanation="e",
                suggestions=(), legal={}, clauses=(Clause(kind="tokens", spec=[[{"POS": "NOUN"}]], options={},
                                                          line=1, index=0),))
    selector = Selector([rule, *RULES])
    assert not selector.derived and selector.fallback_rules == ["TST001"]
    pipeline = linter.pipeline([linter.ruleset(linter.config_for(None))])
    assert selector.select([pipeline.make_doc("Een zin zonder iets.")]) is None


def test_document_has_lemmas_bring_in_the_blocks_that_hold_them(linter):
    from vacaturelint.rules.model import Condition

    rule = Rule(id="TST002", name="test-twee", category="functie-eisen", severity="info", message="m",
                explanation="e", suggestions=(), legal={},
                clauses=(Clause(kind="tokens", spec=[[{"LOWER": "pasfoto"}]], options={}, line=1, index=0),),
                unless=(Condition(kind="document_has", spec={"lemmas": ["chauffeur"]}, line=2),))
    selector = Selector([rule])
    assert selector.derived
    pipeline = linter.pipeline([linter.ruleset(linter.config_for(None))])
    docs = [pipeline.make_doc(t) for t in ("Stuur een pasfoto mee.", "Wij zoeken chauffeurs.", "Niets hier.")]
    assert selector.select(docs) == {0, 1}
    assert selector.select(docs[1:]) == set()  # no match anywhere: the condition's blocks are not needed


# -- within a long block: only the sentences a rule can match --------------------------

FILLER = ("Ons kantoor ligt aan de rand van de stad en heeft een ruime parkeerplaats voor iedereen. "
          "In de kantine staat elke ochtend verse koffie klaar en er is fruit op tafel. "
          "Wij werken met moderne systemen en houden van korte lijnen met elkaar. ")
LONG_BLOCK = FILLER + "Wij zoeken een jonge collega die ons team komt versterken. " + FILLER + \
    "De tuin achter het gebouw is groot en in de zomer lunchen we daar vaak samen met de buren."
CODED_BLOCK = FILLER + "Je bent ambitieus, gedreven, analytisch, resultaatgericht en zelfstandig. " + FILLER


def _selector_and_pipeline(linter):
    config = linter.config_for(None)
    ruleset = linter.ruleset(config)
    pipeline = linter.pipeline([ruleset], config)
    return linter.compiled(ruleset, pipeline, config.extra_rules).selector, pipeline


def _analysed(linter, text):
    """The block Doc as the engine leaves it: the chosen ranges analysed, merged back."""
    from vacaturelint import nlp as nlp_module

    selector, pipeline = _selector_and_pipeline(linter)
    doc = pipeline.make_doc(text)
    chosen, parsed, rules_of = selector.plan([doc])
    assert chosen == {0}
    ranges = selector.sentences(doc, parsed is None or 0 in parsed, rules_of.get(0))
    assert ranges is not None
    parts = [doc[a:b].as_doc() for a, b, _ in ranges]
    for (_, _, parse), part in zip(ranges, parts):
        list(pipeline.analyse([part], parse=parse))
    nlp_module.merge_parts(doc, [(a, b) for a, b, _ in ranges], parts)
    return doc, ranges


def test_a_sentence_far_from_any_anchor_in_a_long_block_is_not_analysed(linter):
    doc, ranges = _analysed(linter, LONG_BLOCK)
    young = next(t for t in doc if t.text == "jonge")
    last = doc[-2]  # "buren", three sentences after the match
    assert any(a <= young.i < b and parse for a, b, parse in ranges)
    assert not any(a <= last.i < b for a, b, _ in ranges)
    assert young.lemma_ and young.dep_ and young.pos_
    assert last.lemma_ == "" and last.dep_ == "" and last.pos_ == ""
    assert doc[0].lemma_ == ""  # the first sentence, more than one sentence before the match
    assert [list(t.children) for t in doc]  # every token can be walked
    assert any(s.start == last.sent.start for s in doc.sents)  # a left-out stretch is one sentence


def test_a_block_only_a_rule_without_parse_chose_gets_no_parser(linter):
    doc, ranges = _analysed(linter, CODED_BLOCK)
    assert ranges and not any(parse for _, _, parse in ranges)
    coded = next(t for t in doc if t.text == "gedreven")
    assert coded.lemma_ and coded.pos_ and not coded.dep_
    assert not doc.has_annotation("DEP")
    assert [len(list(t.subtree)) for t in doc] == [1] * len(doc)  # no tree, but walkable


def test_long_blocks_give_the_same_findings_as_the_full_pipeline():
    texts = [LONG_BLOCK, CODED_BLOCK, LONG_BLOCK + "\n\n" + CODED_BLOCK,
             CODED_BLOCK + " Hij moet zijn rijbewijs hebben en de kandidaat is maximaal 30 jaar. " + FILLER]
    pairs = _both([Source(path=f"lang-{i}.txt", text=t, kind="plain") for i, t in enumerate(texts)])
    assert all(full for _, full, _ in pairs)  # each finds something
    assert {f[0] for _, full, _ in pairs for f in full} >= {"LFT001", "GSL005"}
    assert [p for p in pairs if p[1] != p[2]] == []


def test_each_rule_runs_only_on_the_blocks_it_chose(linter):
    config = linter.config_for(None)
    ruleset = linter.ruleset(config)
    pipeline = linter.pipeline([ruleset], config)
    compiled = linter.compiled(ruleset, pipeline, config.extra_rules)
    docs = [pipeline.make_doc(t) for t in (
        "Wij bieden een goed salaris en een leasefiets.",
        "Je bent maximaal 35 jaar oud.",
        "Wij zoeken een ervaren secretaresse.",
    )]
    chosen, _, rules_of = compiled.selector.plan(docs)
    chosen_by = compiled.selector.chosen_by(rules_of)
    assert chosen == {1, 2} and set(chosen_by) == {1, 2}
    age = {r.id for r in compiled.rules if r.category == "leeftijd"}
    assert chosen_by[1] & age and not chosen_by[2] & age  # the age rules left the title's block alone
    assert "GSL002" in chosen_by[2] and "GSL002" not in chosen_by[1]


def test_glued_list_items_are_chosen_as_the_tokens_see_them():
    # "vakmanGoede": the tokenizer cuts the glued list item, the first pass must see "vakman" too
    text = ("Wat bieden wij?Een functie voor een echte vakmanGoede kans op een vast contract\n\n"
            "Je bent maximaal 35 jaar oud.")
    pairs = _both([Source(path="geplakt.txt", text=text, kind="plain")])
    assert "GSL002" in {f[0] for f in pairs[0][1]}
    assert pairs[0][1] == pairs[0][2]
