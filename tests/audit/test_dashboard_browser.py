"""The audit dashboard (index.html) in Debian's headless Chromium: it renders under its
Content-Security-Policy with a silent console, makes no network request, keeps hostile
metadata as text, and shows the shares, trend, breakdowns and wording."""

from __future__ import annotations

import re

import pytest

from tests.audit.conftest import HOSTILE
from tests.chromium import CHROMIUM, console_lines, html_tag, page_requests, png_size_and_colours
from tests.chromium import run_once as chromium
from tests.conftest import needs_program

pytestmark = [pytest.mark.slow, needs_program(CHROMIUM is not None, "chromium")]


def test_dashboard_in_chromium(local_audit, tmp_path):
    _, out, result = local_audit
    assert result.returncode == 0, result.stderr
    page = out / "index.html"
    markup = page.read_text(encoding="utf-8")
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'sha256-' in markup
    assert "<script" not in markup.replace("&lt;script", "")  # no script of its own, hostile text escaped
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", markup, re.IGNORECASE)
    net_log = tmp_path / "net.json"
    run = chromium(tmp_path, page.as_uri(), "--dump-dom", f"--log-net-log={net_log}")
    assert run.returncode == 0, run.stderr[-2000:]
    assert console_lines(run.stderr) == []  # no CSP violation (the style's hash matches), no errors
    assert page_requests(net_log) == []
    assert "data-pwned" not in html_tag(run.stdout)
    dom = run.stdout
    assert HOSTILE.replace("<", "&lt;").replace(">", "&gt;")[:40] in dom
    for heading in ("Aandeel vacatures met een bevinding per grond", "Trend per maand: collected:month",
                    "Per sector", "Meest gevonden formuleringen per regel", "Niet gecontroleerd"):
        assert heading in dom, heading
    assert re.search(r"Leeftijd</span></th><td class=\"num\">\d+</td><td class=\"num\">\d+,\d%</td>"
                     r"<td class=\"num\">\d+,\d–\d+,\d%</td>", dom)
    assert "ongeldige JSON" in dom and "2021-02" in dom
    shot = tmp_path / "dashboard.png"
    chromium(tmp_path, page.as_uri(), f"--screenshot={shot}")
    width, height, byte_values = png_size_and_colours(shot.read_bytes())
    assert (width, height) == (1200, 1800) and byte_values > 100  # drawn, not blank
