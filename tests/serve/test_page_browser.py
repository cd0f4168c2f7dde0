"""The page of ``vacaturelint serve`` in a real headless Chromium, over the DevTools protocol.

A person's session: wait for "model laden..." to end, type a vacancy key by key, see
the highlights appear, Tab to a highlight, Enter for its explanation and legal
ground, Tab to "Vervang door ‘…’", Enter to apply it, and copy the improved text.
Throughout: no console message, no CSP violation, no script error, and no network
request outside the server (the page's own requests from the protocol, and all
requests made for pages of 127.0.0.1 from Chromium's net log); hostile text stays text.
"""

from __future__ import annotations

import json

import pytest

from tests.chromium import CHROMIUM, Browser, page_requests
from tests.conftest import needs_program
from tests.serve.conftest import Server

pytestmark = [pytest.mark.slow, pytest.mark.real_client, needs_program(CHROMIUM is not None, "chromium")]

TYPED = ("Wij zoeken een verkoopster. Je bent maximaal 35 jaar.\n"
         "Nederlands als moedertaal. <img src=x onerror=\"document.title='pwned'\"> & <b>vet</b>\n")


def test_type_highlight_apply_and_copy(server, tmp_path):
    net_log = tmp_path / "net.json"
    origin = server.url.rstrip("/")
    with Browser(tmp_path, net_log=net_log, reach="127.0.0.1") as browser:
        page = browser.open(server.url)
        page.wait_for("document.documentElement.getAttribute('data-ready') === '1'")
        assert page.evaluate("document.getElementById('status').textContent") != "model laden..."
        page.evaluate("document.getElementById('editor').focus()")
        page.type(TYPED)
        assert page.evaluate("document.getElementById('editor').value") == TYPED
        # the highlights appear (for the whole typed text) after a pause in typing
        page.wait_for(f"document.querySelector('#marked').textContent === {json.dumps(TYPED)} && "
                      "document.querySelectorAll('#marked a.hl').length >= 3")
        marks = page.evaluate("Array.from(document.querySelectorAll('#marked a.hl'), "
                              "a => [a.textContent, a.className, a.getAttribute('data-label')])")
        texts = [m[0] for m in marks]
        assert {"verkoopster", "maximaal 35 jaar", "moedertaal"} <= set(texts), marks
        assert all(m[2] for m in marks)  # a text label on every highlight: colour is not the only signal
        assert page.evaluate("document.title") != "pwned"
        assert page.evaluate("document.querySelector('#marked img, #marked b') === null")
        summary = page.evaluate("document.getElementById('summary-table').textContent")
        assert "Leeftijd" in summary and "Geslacht" in summary and "Herkomst" in summary

        # Keyboard: Tab from the text to the first highlight, Enter opens its finding.
        page.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "verkoopster"
        page.press("Enter")
        finding = page.evaluate("document.activeElement.id")
        assert finding == "f-1"
        details = page.evaluate("document.activeElement.textContent")
        assert "Wettelijke grond" in details and "Uitleg" in details and "GSL002" in details
        page.press("Tab")
        button = page.evaluate("document.activeElement.textContent")
        assert button.startswith("Vervang door ‘") and page.evaluate("document.activeElement.tagName") == "BUTTON"
        replacement = page.evaluate("document.activeElement.getAttribute('data-replacement')")
        page.press("Enter")
        page.wait_for("document.documentElement.getAttribute('data-applied') === '1'")
        improved = TYPED.replace("verkoopster", replacement, 1)
        assert page.evaluate("document.getElementById('editor').value") == improved
        page.wait_for(f"document.querySelector('#marked').textContent === {json.dumps(improved)}")
        remaining = page.evaluate("Array.from(document.querySelectorAll('#marked a.hl'), a => a.textContent)")
        assert "verkoopster" not in remaining and "moedertaal" in remaining
        # Instructions ("laat de leeftijd weg ...") are advice, not a button.
        age = page.evaluate("Array.from(document.querySelectorAll('.finding')).find("
                            "li => li.textContent.indexOf('LFT002') >= 0).querySelectorAll('button.apply').length")
        assert age == 0

        # Copy the improved text.
        browser.call("Browser.grantPermissions", permissions=["clipboardReadWrite", "clipboardSanitizedWrite"],
                     origin=origin)
        page.evaluate("document.getElementById('copy').click()")
        page.wait_for("/gekopieerd/.test(document.getElementById('status').textContent)")
        assert page.evaluate("navigator.clipboard.readText()") == improved

        console = page.console()
        requests = page.requests()
    assert console == []  # no console output, script errors or CSP violations
    assert requests and all(url.startswith(origin + "/") for url in requests), requests
    assert {u.split(origin, 1)[1] for u in requests} <= {"/", "/assets/page.css", "/assets/page.js", "/healthz",
                                                         "/api/lint"}
    assert page_requests(net_log, site="127.0.0.1", own=(origin + "/",)) == []


def test_request_checks_catch_an_outside_request(server, tmp_path):
    """Positive control: on a page of the server without the page's CSP (/healthz), a
    request to another host shows up in both checks used above."""
    net_log = tmp_path / "net.json"
    origin = server.url.rstrip("/")
    with Browser(tmp_path, net_log=net_log, reach="127.0.0.1") as browser:
        page = browser.open(server.url + "healthz")
        page.evaluate("fetch('https://cdn.example.org/x.js').catch(() => null)")
        page.wait_for("true")
        requests = page.requests()
    assert "https://cdn.example.org/x.js" in requests
    assert page_requests(net_log, site="127.0.0.1", own=(origin + "/",)) == ["https://cdn.example.org/x.js"]


def test_page_asks_for_the_token(tmp_path):
    """With a token, the page asks for it (without taking focus from the text) and then lints."""
    srv = Server("--isolated", env={"VACATURELINT_TOKEN": "geheim-456"})
    try:
        srv.wait_ready()
        with Browser(tmp_path, reach="127.0.0.1") as browser:
            page = browser.open(srv.url)
            page.evaluate("document.getElementById('editor').focus()")
            page.type("Je bent maximaal 35 jaar.")
            page.wait_for("!document.getElementById('token-form').hidden && "
                          "/toegangstoken/.test(document.getElementById('status').textContent)")
            assert page.evaluate("document.activeElement.id") == "editor"
            assert page.evaluate("document.querySelectorAll('#marked a.hl').length") == 0
            page.press("Tab", shift=True)
            page.press("Tab", shift=True)
            page.press("Tab", shift=True)
            page.press("Tab", shift=True)
            assert page.evaluate("document.activeElement.id") == "token"
            page.type("geheim-456")
            page.press("Enter")
            page.wait_for("document.querySelectorAll('#marked a.hl').length === 1")
            assert page.evaluate("document.getElementById('token-form').hidden") is True
            rejected = [line for line in page.console() if "401" not in line]
        assert rejected == []  # only the refused calls before the token was given
    finally:
        srv.stop()
