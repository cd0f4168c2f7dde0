"""The HTML report: structure, exact text, escaping, batches, CLI and progress bar.

Findings come from the real engine and model; the HTML is parsed with the standard
library's parser (the real browser test is in tests/report_browser/).
"""

from __future__ import annotations

import dataclasses
import html
import io
import os
import pty
import re
import select
import subprocess
import sys
from html.parser import HTMLParser

import docx
import pytest

from tests.conftest import ROOT
from vacaturelint import app
from vacaturelint.extract.base import Part
from vacaturelint.findings import FileResult, Finding
from vacaturelint.htmlreport import batch
from vacaturelint.htmlreport import chunk as report_chunk
from vacaturelint.htmlreport.html import page_head, page_tail, render_vacancy

VACANCY = (
    "Verkoopster gezocht\n\n"
    "Voor ons jong en dynamisch team zoeken wij iemand van maximaal 35 jaar oud.\n"
    "Je hebt Nederlands als moedertaal.\r\n"
    "Stuur je cv met pasfoto. Café “De Hoek” — één 🎉 collega.\n"
)
HOSTILE = (
    'Wij zoeken een jonge collega. </div></details><script>document.documentElement.setAttribute("data-pwned","1")'
    '</script><img src=x onerror="alert(1)"> & "quotes" \'single\' <!-- comment --> ]]> {{x}}\n'
)


class Tree(HTMLParser):
    """Minimal DOM: records elements (tag, attrs, text inside) for assertions."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.elements: list[dict] = []

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": []}
        self.elements.append(element)
        if tag not in ("meta", "br", "img", "input", "rect", "link"):
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append({"tag": tag, "attrs": dict(attrs), "text": []})

    def handle_endtag(self, tag):
        while self.stack:
            element = self.stack.pop()
            if element["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self.stack:
            element["text"].append(data)

    def find(self, tag=None, **attrs):
        return [e for e in self.elements if (tag is None or e["tag"] == tag)
                and all(cls in e["attrs"].get(k, "").split() if k == "class" else e["attrs"].get(k) == cls
                        for k, cls in attrs.items())]


def parse(markup: str) -> Tree:
    tree = Tree()
    tree.feed(markup)
    tree.close()
    return tree


def text_of(element) -> str:
    return "".join(element["text"])


def page(fragments, summaries) -> str:
    return page_head("Rapport", summaries, "test") + "".join(fragments) + page_tail()


def test_known_findings_are_highlighted_and_text_is_exact(linter):
    result = linter.lint_text(VACANCY, "v.txt", "plain")
    assert result.findings, "the vacancy must produce findings"
    summary, fragment = render_vacancy(1, result)
    tree = parse(page([fragment], [summary]))
    (text_div,) = tree.find("div", **{"class": "text"})
    assert text_of(text_div) == VACANCY  # the whole text, unchanged, CRLF and emoji included
    highlights = tree.find("a", **{"class": "hl"})
    covered: dict[str, str] = {}
    for h in highlights:
        for fid in h["attrs"]["data-f"].split():
            covered[fid] = covered.get(fid, "") + text_of(h)
    for number, f in enumerate(result.findings, start=1):
        if f.scope == "document":
            continue
        fid = f"v1-f{number}"
        assert covered.get(fid) == f.text  # the highlight shows exactly the matched text
        (item,) = tree.find("li", id=fid)
        content = text_of(item)
        assert f.message in content and f.explanation in content and f.legal in content
        assert all(s in content for s in f.suggestions)
        assert f"regel {f.line}, kolom {f.column}" in content
    categories = {f.category for f in result.findings}
    assert {"leeftijd", "herkomst"} <= categories
    for h in highlights:
        classes = h["attrs"]["class"].split()
        assert any(c.startswith("cat-") for c in classes) and any(c.startswith("sev-") for c in classes)
        assert h["attrs"]["href"].startswith("#v1-f")
    labelled = [h for h in highlights if "data-label" in h["attrs"]]
    assert len(labelled) == len([f for f in result.findings if f.scope != "document"])  # one label per finding
    assert all(re.fullmatch(r"[\d, ]+ (fout|waarschuwing|info)", h["attrs"]["data-label"]) for h in labelled)


def test_summary_counts_per_category_and_severity(linter):
    result = linter.lint_text(VACANCY, "v.txt", "plain")
    summary, fragment = render_vacancy(3, result)
    assert summary.total == len(result.findings)
    assert sum(summary.categories.values()) == sum(summary.severities.values()) == summary.total
    tree = parse(fragment)
    (table,) = tree.find("table", **{"class": "summary-table"})
    assert "Leeftijd" in text_of(table) and "Herkomst" in text_of(table)
    (details,) = tree.find("details", id="v3")
    assert "open" not in details["attrs"]  # collapsed unless it is the only vacancy


def test_html_injection_from_vacancy_text_and_path_is_impossible(linter):
    path = 'a"><script>alert(1)</script>.txt'
    result = linter.lint_text(HOSTILE, path, "plain")
    assert result.findings  # "jonge collega" is found, so highlights are rendered around hostile text too
    summary, fragment = render_vacancy(1, result, open_=True)
    markup = page([fragment], [summary])
    tree = parse(markup)
    scripts = tree.find("script")
    assert len(scripts) == 1 and "data-pwned" not in text_of(scripts[0])
    assert not tree.find("img")
    assert not any(k.startswith("on") for e in tree.elements for k in e["attrs"])
    (text_div,) = tree.find("div", **{"class": "text"})
    assert text_of(text_div) == HOSTILE
    assert html.escape(path) in markup and path not in markup
    assert markup.count("<details") == 1 and markup.count("</details>") == 1


def test_overlapping_findings_are_cut_into_segments():
    text = "abc jong team def"

    def finding(start, end, rule, severity, category):
        return Finding(path="x", start=start, end=end, line=1, column=start + 1, end_line=1, end_column=end + 1,
                       rule=rule, name=rule.lower(), category=category, severity=severity, message=f"m {rule}",
                       explanation="e", legal="WGBL art. 3", suggestions=("s",), text=text[start:end])

    findings = [finding(4, 13, "LFT001", "warning", "leeftijd"), finding(9, 17, "GSL009", "error", "geslacht")]
    summary, fragment = render_vacancy(1, FileResult(path="x", findings=findings, text=text))
    tree = parse(fragment)
    segments = [(text_of(h), h["attrs"]["data-f"], h["attrs"]["class"]) for h in tree.find("a", **{"class": "hl"})]
    assert segments == [
        ("jong ", "v1-f1", "hl cat-leeftijd sev-warning"),
        ("team", "v1-f1 v1-f2", "hl cat-geslacht sev-error"),  # the more serious finding colours the overlap
        (" def", "v1-f2", "hl cat-geslacht sev-error"),
    ]
    (div,) = tree.find("div", **{"class": "text"})
    assert text_of(div) == text


def test_document_level_gender_finding_shows_balance():
    text = "Wij zoeken een ambitieuze, dominante en competitieve kandidaat.\n"
    f = Finding(path="x", start=0, end=len(text) - 1, line=1, column=1, end_line=1, end_column=len(text),
                rule="GSL020", name="gendergecodeerde-woorden", category="geslacht", severity="info",
                message="De woordkeus is sterk mannelijk gecodeerd (3 mannelijk, 0 vrouwelijk).",
                explanation="e", legal="", suggestions=(), text=text[:-1], scope="document",
                note="mannelijk: ambitieus, dominant, competitief")
    _, fragment = render_vacancy(1, FileResult(path="x", findings=[f], text=text))
    tree = parse(fragment)
    (balance,) = tree.find("p", **{"class": "balance"})
    assert "sterk mannelijk" in text_of(balance) and "ambitieus" in text_of(balance)
    assert not tree.find("a", **{"class": "hl"})  # a document finding does not paint the whole text


def test_docx_parts_are_labelled_and_positions_are_paragraphs(linter, tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Koptekst met een jonge collega"
    d.add_paragraph("Je spreekt Nederlands als moedertaal.")
    d.sections[0].footer.paragraphs[0].text = "Voettekst"
    path = tmp_path / "v.docx"
    d.save(path)
    chunk = report_chunk.lint_chunk(app.session_for(linter), [report_chunk.Job(1, app.Target(str(path), True))], open_=True)
    (summary, fragment), = chunk.rendered
    tree = parse(fragment)
    parts = tree.find("span", **{"class": "part"})
    assert [p["attrs"]["data-label"] for p in parts] == ["Koptekst", "Voettekst"]
    assert text_of(parts[0]).startswith("Koptekst met een jonge collega")
    (div,) = tree.find("div", **{"class": "text"})
    assert text_of(div) == "Koptekst met een jonge collega\nJe spreekt Nederlands als moedertaal.\nVoettekst"
    assert "alinea 2, teken" in fragment  # moedertaal: paragraph 2
    assert summary.total >= 2


def test_parts_render_nested_correctly():
    text = "kop\nromp\nvoet"
    _, fragment = render_vacancy(1, FileResult(path="x", text=text, kind="docx",
                                               parts=(Part(0, 4, "header"), Part(9, 13, "footer"))))
    assert '<span class="part" data-label="Koptekst">kop\n</span>romp\n<span class="part" ' \
           'data-label="Voettekst">voet</span>' in fragment


def _folder(tmp_path, count):
    folder = tmp_path / "vacatures"
    folder.mkdir()
    bodies = ["Wij zoeken een jonge collega.", "Een prima tekst over koffie.", "Nederlands als moedertaal.",
              "Je bent maximaal 30 jaar oud en woont in Utrecht."]
    for i in range(count):
        (folder / f"v{i:03d}.md").write_text(f"# Vacature {i}\n\n{bodies[i % len(bodies)]}\n", encoding="utf-8")
    return folder


def test_chunks_and_workers_give_the_same_report(linter, tmp_path, monkeypatch):
    folder = _folder(tmp_path, 13)
    jobs = [report_chunk.Job(i, app.Target(str(p), False)) for i, p in enumerate(sorted(folder.iterdir()), start=1)]
    monkeypatch.setattr(batch, "CHUNK", 4)  # 4 chunks of a 13-file folder
    serial, parallel = tmp_path / "a.html", tmp_path / "b.html"
    one = batch.build(app.session_for(linter), jobs, str(serial), "R", "i", workers=1, progress=False)
    two = batch.build(app.session_for(linter), jobs, str(parallel), "R", "i", workers=2, progress=False)
    assert two.workers == 2 and one.workers == 1
    assert serial.read_text(encoding="utf-8") == parallel.read_text(encoding="utf-8")
    assert [s.index for s in two.summaries] == list(range(1, 14))
    tree = parse(parallel.read_text(encoding="utf-8"))
    rows = tree.find("tr", **{"data-i": "1"})
    assert rows and len(tree.find("details", **{"class": "vacancy"})) == 13
    assert len([e for e in tree.elements if e["tag"] == "tr" and "data-i" in e["attrs"]]) == 13


def test_cli_report_over_a_folder(cli, tmp_path):
    folder = _folder(tmp_path, 4)
    d = docx.Document()
    d.add_paragraph("Wij zoeken een verkoopster (m/v).")
    d.save(folder / "w.docx")
    (folder / "plaatje.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # skipped in a folder walk
    out = tmp_path / "rapport.html"
    result = cli("report", "--isolated", str(folder), "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "Vacatures controleren" not in result.stderr  # no bar in a pipe
    assert "rapport geschreven" in result.stderr
    markup = out.read_text(encoding="utf-8")
    tree = parse(markup)
    assert tree.find("html")[0]["attrs"]["lang"] == "nl"
    overview = tree.find("table", **{"class": "overview-table"})
    assert overview and "sortable" in overview[0]["attrs"]["class"]
    rows = [e for e in tree.elements if e["tag"] == "tr" and "data-i" in e["attrs"]]
    assert len(rows) == 5
    in_rows = iter(rows)
    keys = []
    for e in tree.elements:  # (fouten, waarschuwingen, info, totaal) of every overview row, in page order
        if e["tag"] == "tr" and "data-i" in e["attrs"]:
            next(in_rows)
            cell = 0
            keys.append([])
        elif e["tag"] == "td" and "data-v" in e["attrs"]:
            cell += 1
            if cell in (2, 3, 4, 5):
                keys[-1].append(int(e["attrs"]["data-v"]))
    keys = [(errors, warnings, info, total) for total, errors, warnings, info in keys]
    assert len(keys) == 5 and keys == sorted(keys, reverse=True) and keys[0][3] > 0  # most errors first
    svg = tree.find("svg", **{"class": "chart"})
    assert svg and tree.find("rect")
    assert "plaatje" not in markup
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", markup, re.I)
    assert "@media print" in markup and "<link" not in markup and "@import" not in markup
    assert "w.docx" in markup and "verkoopster" in markup


def test_cli_report_unreadable_file_exit_2_report_still_written(cli, tmp_path):
    good = tmp_path / "goed.md"
    good.write_text("Wij zoeken een jonge collega.\n", encoding="utf-8")
    bad = tmp_path / "kapot.docx"
    bad.write_bytes(b"geen zip")
    out = tmp_path / "r.html"
    result = cli("report", "--isolated", str(good), str(bad), "-o", str(out))
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if "fout:" in line]
    assert len(errors) == 1 and "kapot.docx" in errors[0]
    assert "niet gecontroleerd" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (("--select", "bestaatniet"), "onbekende regel of categorie"),
    (("--model", "/bestaat/niet"), "pad bestaat niet"),
])
def test_cli_report_usage_errors_write_nothing(cli, tmp_path, args, message):
    good = tmp_path / "goed.md"
    good.write_text("Tekst.\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = cli("report", "--isolated", *args, str(good), "-o", str(out))
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".vacaturelint")]  # no temp files left


def test_cli_report_select_and_min_severity_are_honoured(cli, tmp_path):
    f = tmp_path / "v.md"
    f.write_text("Wij zoeken een jonge collega met Nederlands als moedertaal.\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = cli("report", "--isolated", "--select", "herkomst", str(f), "-o", str(out))
    assert result.returncode == 1
    tree = parse(out.read_text(encoding="utf-8"))
    cats = {c for h in tree.find("a", **{"class": "hl"}) for c in h["attrs"]["class"].split() if c.startswith("cat-")}
    assert cats == {"cat-herkomst"}


def test_progress_bar_only_on_a_terminal(tmp_path):
    folder = _folder(tmp_path, 3)
    out = tmp_path / "r.html"
    master, slave = pty.openpty()
    env = {**os.environ}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([sys.executable, "-m", "vacaturelint", "report", "--isolated", str(folder), "-o", str(out)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    seen = io.BytesIO()
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen.write(chunk)
    proc.wait(timeout=120)
    os.close(master)
    shown = seen.getvalue().decode("utf-8", "replace")
    assert proc.returncode == 1
    assert "Vacatures controleren" in shown and "3/3" in shown


def test_report_inside_the_folder_is_not_linted_next_time(cli, tmp_path):
    folder = _folder(tmp_path, 2)
    out = folder / "rapport.html"
    first = cli("report", "--isolated", str(folder), "-o", str(out))
    second = cli("report", "--isolated", str(folder), "-o", str(out))
    assert first.returncode == second.returncode == 1
    assert " van 2 vacatures)" in second.stderr
    assert not [p for p in folder.iterdir() if p.name.startswith(".vacaturelint")]


def test_markdown_headings_and_lists_render_and_keep_positions(linter):
    text = "# Verkoopster gezocht\n\n## Wat vragen wij\n- Je bent maximaal 30 jaar.\n  * Nederlands als moedertaal\n1. Rijbewijs\n"
    result = linter.lint_text(text, "v.md", "markdown")
    assert result.kind == "markdown"
    summary, fragment = render_vacancy(1, result)
    tree = parse(page([fragment], [summary]))
    (text_div,) = tree.find("div", **{"class": "text"})
    assert text_of(text_div) == text  # marks stay in the text content: offsets still fit
    assert [text_of(h) for h in tree.find("span", **{"class": "md-h1"})] == ["Verkoopster gezocht"]
    assert [text_of(h) for h in tree.find("span", **{"class": "md-h2"})] == ["Wat vragen wij"]
    assert [text_of(m) for m in tree.find("span", **{"class": "md-mark"})] == ["# ", "## "]
    assert [text_of(b) for b in tree.find("span", **{"class": "md-bullet"})] == ["- ", "* ", "1. "]
    covered: dict[str, str] = {}
    for h in tree.find("a", **{"class": "hl"}):
        for fid in h["attrs"]["data-f"].split():
            covered[fid] = covered.get(fid, "") + text_of(h)
    for number, f in enumerate(result.findings, start=1):
        assert covered.get(f"v1-f{number}") == f.text
    assert "GSL002" in {f.rule for f in result.findings}  # the highlight inside the heading
    _, plain = render_vacancy(1, dataclasses.replace(result, kind="plain"))
    assert "md-h" not in plain


def test_report_header_names_the_model_not_its_path_and_legend_is_plain(cli, tmp_path):
    path = tmp_path / "v.md"
    path.write_text("Wij zoeken een jonge collega.\n", encoding="utf-8")
    out = tmp_path / "r.html"
    assert cli("report", "--isolated", str(path), "-o", str(out)).returncode == 1
    markup = out.read_text(encoding="utf-8")
    model = os.environ.get("VACATURELINT_MODEL", "nl_core_news_sm")
    assert f"model &#x27;{os.path.basename(model)}&#x27;" in markup
    if os.sep in model:
        assert model not in markup
    assert "Onderdrukking" not in markup and "Commentaar in de tekst" in markup
