"""Tests for bench/quality/measure.py (python -m bench.quality): matching and counting on hand-made data (no linter)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.quality import labeltool
from bench.quality import measure as quality

REPO = Path(__file__).resolve().parents[1]
Span = quality.Span


def gold(file, start, end, cat, sev="warning"):
    return Span(file, start, end, cat, severity=sev)


def pred(file, start, end, cat, rule="r", sev="warning"):
    return Span(file, start, end, cat, rule=rule, severity=sev)


def test_overlap_same_category_is_true_positive():
    g = [gold("a.txt", 10, 20, "leeftijd")]
    p = [pred("a.txt", 15, 25, "leeftijd")]
    r = quality.match(g, p)
    c = r.per_category["leeftijd"]
    assert (c.predicted, c.true_positive, c.gold, c.recalled) == (1, 1, 1, 1)
    assert c.precision == 1.0 and c.recall == 1.0 and c.f1 == 1.0
    assert r.false_positives == [] and r.misses == []


def test_touching_spans_do_not_overlap():
    # end is exclusive: [10, 20) and [20, 25) share no code point
    r = quality.match([gold("a.txt", 10, 20, "leeftijd")], [pred("a.txt", 20, 25, "leeftijd")])
    assert len(r.false_positives) == 1 and len(r.misses) == 1


def test_wrong_category_is_fp_and_miss():
    r = quality.match([gold("a.txt", 10, 20, "leeftijd")], [pred("a.txt", 10, 20, "geslacht")])
    assert r.per_category["geslacht"].false_positive == 1
    assert r.per_category["leeftijd"].false_negative == 1
    assert r.per_category["geslacht"].recall is None  # no gold in that category
    assert r.per_category["leeftijd"].precision is None  # no predictions in that category
    o = r.overall
    assert (o.predicted, o.true_positive, o.gold, o.recalled) == (1, 0, 1, 0)


def test_other_file_does_not_match():
    r = quality.match([gold("a.txt", 10, 20, "herkomst")], [pred("b.txt", 10, 20, "herkomst")])
    assert len(r.false_positives) == 1 and len(r.misses) == 1


def test_several_predictions_on_one_gold_all_count():
    g = [gold("a.txt", 0, 30, "geslacht")]
    p = [pred("a.txt", 0, 5, "geslacht"), pred("a.txt", 10, 12, "geslacht"), pred("a.txt", 40, 45, "geslacht")]
    r = quality.match(g, p)
    c = r.per_category["geslacht"]
    assert (c.predicted, c.true_positive, c.false_positive) == (3, 2, 1)
    assert (c.gold, c.recalled) == (1, 1)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == 1.0


def test_one_prediction_covering_two_gold_spans_recalls_both():
    g = [gold("a.txt", 0, 5, "functie-eisen"), gold("a.txt", 10, 15, "functie-eisen")]
    r = quality.match(g, [pred("a.txt", 0, 15, "functie-eisen")])
    c = r.per_category["functie-eisen"]
    assert (c.predicted, c.true_positive, c.gold, c.recalled) == (1, 1, 2, 2)


def test_overall_and_mixed_counts():
    g = [
        gold("a.txt", 0, 10, "leeftijd"),
        gold("a.txt", 20, 30, "leeftijd"),
        gold("b.txt", 5, 9, "herkomst"),
        gold("b.txt", 50, 60, "functie-eisen"),
    ]
    p = [
        pred("a.txt", 2, 4, "leeftijd"),      # TP
        pred("a.txt", 40, 44, "leeftijd"),    # FP
        pred("b.txt", 6, 7, "herkomst"),      # TP
        pred("b.txt", 55, 56, "geslacht"),    # FP (wrong category)
    ]
    r = quality.match(g, p)
    o = r.overall
    assert (o.predicted, o.true_positive, o.false_positive) == (4, 2, 2)
    assert (o.gold, o.recalled, o.false_negative) == (4, 2, 2)
    assert o.precision == 0.5 and o.recall == 0.5
    assert {(m.file, m.start) for m in r.misses} == {("a.txt", 20), ("b.txt", 50)}


def test_zero_width_prediction_inside_gold_matches():
    r = quality.match([gold("a.txt", 10, 20, "religie")], [pred("a.txt", 12, 12, "religie")])
    assert r.per_category["religie"].true_positive == 1


def test_empty_inputs():
    r = quality.match([], [])
    assert r.overall.precision is None and r.overall.recall is None


def _labels(files, selection):
    return quality.LabelSet(files=files, selection=selection, gold=[], silent=[], document={})


def test_false_alarms_per_random_vacancy_and_targets():
    labels = _labels(["r1.txt", "r2.txt", "k.txt"],
                     {"r1.txt": "random:uniform", "r2.txt": "random:horeca", "k.txt": "keyword-sample:m/v"})
    g = [gold("k.txt", 0, 5, "geslacht")]
    p = [pred("r1.txt", 0, 3, "leeftijd"), pred("k.txt", 0, 5, "geslacht"), pred("k.txt", 50, 55, "leeftijd")]
    r = quality.match(g, p)
    total, n, per_file = quality.false_alarms_per_random(r, labels)
    assert (total, n) == (1, 2)  # the FP in k.txt is not a random vacancy
    assert per_file == {"r1.txt": 1, "r2.txt": 0}
    checks = dict(quality.evaluate_targets(r, total / n))
    assert not any(ok for name, ok in checks.items() if name.startswith("overall precision"))
    assert any(ok for name, ok in checks.items() if name.startswith("overall recall"))
    assert not any(ok for name, ok in checks.items() if name.startswith("false alarms"))


def test_predictions_from_json_uses_offsets_and_skips_document_scope(tmp_path):
    text = "Wij zoeken een jong team.\r\nM/V gezocht"
    f = tmp_path / "v.txt"
    f.write_text(text, encoding="utf-8", newline="")
    start = text.index("jong team")
    mv = text.index("M/V")
    findings = [
        {"path": str(f), "offset": start, "end_offset": start + 9, "category": "leeftijd",
         "rule": "leeftijd/jong", "severity": "error", "text": "jong team", "scope": "span"},
        {"path": str(f), "line": 2, "column": 1, "end_line": 2, "end_column": 4, "category": "geslacht",
         "rule": "geslacht/mv", "severity": "info", "text": "M/V"},  # no offsets: line/column fallback
        {"path": str(f), "offset": 0, "end_offset": 0, "category": "geslacht", "rule": "gender-coded",
         "scope": "document"},
        {"path": str(tmp_path / "other.txt"), "offset": 0, "end_offset": 1, "category": "leeftijd"},
    ]
    spans, docs, warnings = quality.predictions_from_json(findings, {f.resolve(): "v.txt"}, {"v.txt": text})
    assert [(s.start, s.end, s.category) for s in spans] == [(start, start + 9, "leeftijd"), (mv, mv + 3, "geslacht")]
    assert len(docs) == 1 and docs[0]["rule"] == "gender-coded"
    assert len(warnings) == 1 and "unknown path" in warnings[0]


def test_labeltool_validate_and_fill(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "vacatures").mkdir(parents=True)
    text = "Jong team zoekt (m/v). Jongeren zijn onze klanten. Jong team!"
    (corpus / "vacatures" / "x-1.txt").write_text(text, encoding="utf-8")
    (corpus / "index.jsonl").write_text(json.dumps(
        {"file": "vacatures/x-1.txt", "selection": "random:uniform", "title": "T"}) + "\n", encoding="utf-8")
    label = tmp_path / "x-1.yaml"
    label.write_text(
        "file: vacatures/x-1.txt\n"
        "findings:\n"
        "  - {text: \"Jong team\", occurrence: all, category: leeftijd, severity: error, why: jong}\n"
        "  - {text: \"(m/v)\", category: geslacht, severity: info, why: mv}\n"
        "silent:\n"
        "  - {text: \"Jongeren\", why: klanten}\n", encoding="utf-8")
    labeltool.fill(label, corpus)
    data = labeltool.validate(label, corpus, labeltool.load_index(corpus))
    assert data["selection"] == "random:uniform" and data["title"] == "T"
    assert [(f["start"], f["end"]) for f in data["findings"]] == [(0, 9), (16, 21), (51, 60)]
    assert data["silent"][0]["start"] == text.index("Jongeren")

    # ambiguous quote without occurrence is an error
    label.write_text("file: vacatures/x-1.txt\nfindings:\n"
                     "  - {text: \"Jong team\", category: leeftijd, severity: error, why: jong}\n", encoding="utf-8")
    with pytest.raises(labeltool.LabelError, match="occurs 2 times"):
        labeltool.fill(label, corpus)

    # wrong offsets, bad category and duplicates are caught by validate
    bad = ("file: vacatures/x-1.txt\nselection: random:uniform\ntitle: T\nfindings:\n"
           "  - {start: 1, end: 9, text: \"Jong team\", category: leeftijd, severity: error, why: x}\n")
    label.write_text(bad, encoding="utf-8")
    with pytest.raises(labeltool.LabelError, match="!= source"):
        labeltool.validate(label, corpus)
    label.write_text(bad.replace("start: 1", "start: 0").replace("leeftijd", "age"), encoding="utf-8")
    with pytest.raises(labeltool.LabelError, match="unknown category"):
        labeltool.validate(label, corpus)
    dup = bad.replace("start: 1", "start: 0")
    dup += dup.split("findings:\n")[1]
    label.write_text(dup, encoding="utf-8")
    with pytest.raises(labeltool.LabelError, match="duplicate"):
        labeltool.validate(label, corpus)


def test_committed_labels_are_valid():
    corpus = REPO.parent / "shared" / "corpus"
    if not corpus.exists():
        pytest.skip("shared corpus not available")
    index = labeltool.load_index(corpus)
    files = sorted((REPO / "bench" / "quality" / "labels").glob("*.yaml"))
    assert files
    for p in files:
        labeltool.validate(p, corpus, index)


def _fake_python(tmp_path, name, body):
    script = tmp_path / name
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_run_linter_exit_codes(tmp_path):
    ok = _fake_python(tmp_path, "ok", "echo '[{\"path\": \"x\", \"offset\": 0}]'\nexit 1\n")
    assert quality.run_linter([], "blank", python=ok) == [{"path": "x", "offset": 0}]
    empty = _fake_python(tmp_path, "empty", "echo '[]'\nexit 0\n")
    assert quality.run_linter([], "blank", python=empty) == []
    crash = _fake_python(tmp_path, "crash",
                         "echo 'Traceback (most recent call last):' >&2\necho 'ImportError: x' >&2\nexit 1\n")
    with pytest.raises(quality.LinterError, match="crashed"):
        quality.run_linter([], "blank", python=crash)
    usage = _fake_python(tmp_path, "usage", "echo 'model not found' >&2\nexit 2\n")
    with pytest.raises(quality.LinterError, match="exit 2"):
        quality.run_linter([], "blank", python=usage)
    garbage = _fake_python(tmp_path, "garbage", "echo 'not json'\nexit 1\n")
    with pytest.raises(quality.LinterError, match="not JSON"):
        quality.run_linter([], "blank", python=garbage)


def _label_dir(root, corpus, name, findings):
    d = root / name
    d.mkdir()
    body = "file: vacatures/x-1.txt\nfindings:\n" + "".join(
        f"  - {{text: \"{t}\", category: {c}, severity: warning, why: x}}\n" for t, c in findings)
    (d / "x-1.yaml").write_text(body, encoding="utf-8")
    labeltool.fill(d / "x-1.yaml", corpus)
    return d


def test_agreement_scores_second_labeller_against_first(tmp_path):
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    (corpus / "vacatures").mkdir(parents=True)
    (corpus / "vacatures" / "x-1.txt").write_text(
        "Jong team. Je woont in Zwolle. Je bent fulltime beschikbaar.", encoding="utf-8")
    (corpus / "index.jsonl").write_text(json.dumps(
        {"file": "vacatures/x-1.txt", "selection": "random:uniform", "title": "T"}) + "\n", encoding="utf-8")
    first = _label_dir(tmp_path, corpus, "a", [("Jong team", "leeftijd"), ("woont in Zwolle", "functie-eisen")])
    second = _label_dir(tmp_path, corpus, "b", [("Jong team", "leeftijd"), ("fulltime beschikbaar", "functie-eisen")])
    run = subprocess.run([sys.executable, "-m", "bench.quality.agreement", "--first", str(first),
                          "--second", str(second), "--corpus", str(corpus), "--verbose"],
                         cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    overall = next(line for line in run.stdout.splitlines() if line.startswith("overall"))
    # second flagged 2 spans, 1 agreed; first flagged 2, 1 found by second
    assert overall.split()[1:7] == ["2", "1", "1", "2", "1", "1"]
    assert "'fulltime beschikbaar'" in run.stdout and "'woont in Zwolle'" in run.stdout

    empty = tmp_path / "none"
    empty.mkdir()
    run = subprocess.run([sys.executable, "-m", "bench.quality.agreement", "--first", str(first),
                          "--second", str(empty), "--corpus", str(corpus)],
                         cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "agreement:" in run.stderr and "Traceback" not in run.stderr


def test_once_per_text_counts_repeated_wording_in_one_file_once():
    g = [Span("a.txt", 0, 8, "leeftijd", text="jong team"), Span("a.txt", 100, 108, "leeftijd", text="jong  Team"),
         Span("a.txt", 200, 210, "leeftijd", text="max 35 jaar"), Span("b.txt", 0, 8, "leeftijd", text="jong team")]
    p = [Span("a.txt", 0, 8, "leeftijd", text="jong team"), Span("a.txt", 100, 108, "leeftijd", text="jong Team"),
         Span("a.txt", 300, 310, "leeftijd", text="veertig jaar"), Span("a.txt", 400, 410, "leeftijd", text="veertig jaar")]
    r = quality.match(g, p)
    o = r.overall
    assert (o.predicted, o.true_positive, o.gold, o.recalled) == (4, 2, 4, 2)
    u = quality.once_per_text(r)
    # a.txt "jong team" (twice, spacing/case differ) is one hit; "veertig jaar" twice is one false alarm;
    # b.txt's "jong team" is another file, so its own item (missed)
    assert (u.predicted, u.true_positive, u.gold, u.recalled) == (2, 1, 3, 1)
