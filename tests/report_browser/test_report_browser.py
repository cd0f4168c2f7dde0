"""The HTML report in a real browser: Debian's headless Chromium.

Checks: the page's own script runs under its Content-Security-Policy (it writes
``data-ready`` and the number of highlights on <html>, read back via --dump-dom),
the highlights exist for the known findings, the console stays silent (no script
errors, no CSP violations), the page makes no network request (Chromium's net log,
with a positive control that the check does catch one), hostile vacancy text does
not run, sorting/tooltip/anchor behaviour works, and a screenshot and a PDF print
are produced. Skipped only when no chromium binary is installed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest

from tests.chromium import CHROMIUM, console_lines, html_tag, page_requests, png_size_and_colours
from tests.chromium import run_once as chromium
from tests.conftest import ROOT, needs_program, run_cli

pytestmark = [pytest.mark.slow,
              needs_program(CHROMIUM is not None, "chromium")]

HOSTILE = ('Wij zoeken een jonge collega. <script>document.documentElement.setAttribute("data-pwned","1")</script>'
           '<img src=x onerror="document.documentElement.setAttribute(\'data-pwned\',\'2\')">\n')


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("rapport")
    folder = tmp / "vacatures"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "vacature-voorbeeld.md", folder / "voorbeeld.md")
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Bakkerij Noord"
    d.add_heading("Wie zoeken wij?", level=2)
    d.add_paragraph("Een verkoopster voor ons jonge team, Nederlands als moedertaal.")
    table = d.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Stuur je cv met pasfoto."
    d.save(folder / "bakkerij.docx")
    (folder / "aanval.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "schoon.txt").write_text("Wij zoeken een collega voor de administratie.\n", encoding="utf-8")
    out = tmp / "rapport.html"
    result = run_cli("report", "--isolated", str(folder), "-o", str(out))
    assert result.returncode == 1, result.stderr
    return out


def test_report_runs_in_chromium_with_highlights_and_silent_console(report, tmp_path):
    markup = report.read_text(encoding="utf-8")
    expected = markup.count('<a class="hl ')
    assert expected >= 10
    net_log = tmp_path / "net.json"
    run = chromium(tmp_path, report.as_uri(), "--dump-dom", f"--log-net-log={net_log}")
    assert run.returncode == 0, run.stderr[-2000:]
    tag = html_tag(run.stdout)
    assert 'data-ready="1"' in tag, "the report's script did not run (CSP hash or script error)"
    assert f'data-highlights="{expected}"' in tag
    assert "data-pwned" not in tag  # hostile vacancy text stayed text
    assert console_lines(run.stderr) == []  # no errors, no CSP violations, no logging at all
    assert page_requests(net_log) == []
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", markup, re.I)
    for known in ("jong en dynamisch team", "moedertaal", "pasfoto", "verkoopster"):
        assert re.search(r'<a class="hl [^"]*"[^>]*>[^<]*' + re.escape(known.split()[0]), run.stdout), known


def test_network_check_catches_a_request(tmp_path):
    """Positive control: the net-log check above does see a page's external request."""
    page = tmp_path / "extern.html"
    page.write_text('<!DOCTYPE html><html><body><img src="https://cdn.example.org/x.png"></body></html>')
    net_log = tmp_path / "net.json"
    chromium(tmp_path, page.as_uri(), "--dump-dom", f"--log-net-log={net_log}")
    assert page_requests(net_log) == ["https://cdn.example.org/x.png"]


def test_screenshots(report, tmp_path):
    """The overview of several vacancies, and one vacancy (open, highlighted)."""
    single = tmp_path / "een.html"
    result = run_cli("report", "--isolated", str(report.parent / "vacatures" / "bakkerij.docx"), "-o", str(single))
    assert result.returncode == 1, result.stderr
    for name, page in (("overzicht", report), ("vacature", single)):
        shot = tmp_path / f"{name}.png"
        run = chromium(tmp_path, page.as_uri(), f"--screenshot={shot}")
        assert shot.exists(), run.stderr[-2000:]
        data = shot.read_bytes()
        width, height, byte_values = png_size_and_colours(data)
        assert (width, height) == (1200, 1800)
        assert len(data) > 30_000 and byte_values > 100  # not a blank page
        keep = ROOT / "tests" / "report_browser" / f"last-{name}.png"
        shutil.copy(shot, keep)  # for a human look (git-ignored)


def test_interaction_sort_tooltip_and_anchor(report, tmp_path):
    """Drive the page's own script: a test copy with an extra script (and the CSP
    meta removed so that script may run) clicks, focuses and records the results."""
    markup = report.read_text(encoding="utf-8")
    markup = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", markup, count=1)
    probe = """<script>
    (function () {
      var d = document, root = d.documentElement;
      function order() { return Array.prototype.map.call(d.querySelectorAll(".overview-table tbody tr"),
                                 function (r) { return r.getAttribute("data-i"); }).join(","); }
      root.setAttribute("data-order-initial", order());
      var fouten = d.querySelectorAll(".overview-table th button")[2];  // sorted descending at first
      fouten.click();
      root.setAttribute("data-order-ascending", order());
      root.setAttribute("data-totals-ascending", Array.prototype.map.call(
          d.querySelectorAll(".overview-table tbody tr td:nth-child(3)"), function (c) {
            return c.getAttribute("data-v"); }).join(","));
      d.querySelectorAll(".overview-table th button")[0].click();
      root.setAttribute("data-order-name", Array.prototype.map.call(
          d.querySelectorAll(".overview-table tbody tr td:first-child"), function (c) {
            return c.getAttribute("data-v").split("/").pop(); }).join(","));
      var v = d.getElementById("v1"); v.open = true;
      var mark = v.querySelector(".hl"); mark.focus();
      // A headless window may not have focus yet (seen under load): then focus() fires no
      // focusin, so deliver the event the browser would send, to the page's own handler.
      if (d.activeElement !== mark || !d.hasFocus()) {
        mark.dispatchEvent(new FocusEvent("focusin", {bubbles: true}));
      }
      var tip = d.getElementById("tip");
      root.setAttribute("data-tip-hidden", String(tip.hidden));
      root.setAttribute("data-tip-findings", String(tip.querySelectorAll(".finding").length));
      root.setAttribute("data-tip-has-legal", String(/Wettelijke grond/.test(tip.textContent)));
      root.setAttribute("data-v2-open", String(d.getElementById("v2").open));
    })();
    </script></body>"""
    harness = tmp_path / "harness.html"
    harness.write_text(markup.replace("</body>", probe, 1), encoding="utf-8")
    run = chromium(tmp_path, harness.as_uri() + "#v2", "--dump-dom")
    tag = html_tag(run.stdout)
    attrs = dict(re.findall(r'(data-[\w-]+)="([^"]*)"', tag))
    initial = attrs["data-order-initial"].split(",")
    ascending = attrs["data-order-ascending"].split(",")
    totals = [int(t) for t in attrs["data-totals-ascending"].split(",")]
    assert sorted(initial) == sorted(ascending) and len(initial) == 4
    assert totals == sorted(totals) and totals[0] < totals[-1] and ascending != initial
    names = attrs["data-order-name"].split(",")
    assert names == ["voorbeeld.md", "schoon.txt", "bakkerij.docx", "aanval.txt"]  # first click: descending
    assert attrs["data-tip-hidden"] == "false" and int(attrs["data-tip-findings"]) >= 1
    assert attrs["data-tip-has-legal"] == "true"
    assert attrs["data-v2-open"] == "true"  # a link to a collapsed vacancy opens it
    assert console_lines(run.stderr) == []


def test_print_to_pdf(report, tmp_path):
    pdf = tmp_path / "rapport.pdf"
    run = chromium(tmp_path, report.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.exists(), run.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 5  # overview, then every vacancy starts on a new page
