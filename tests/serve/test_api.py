"""The HTTP API of ``vacaturelint serve``, over a real server process on 127.0.0.1.

Schema equality with ``check --format json`` and ``rules --format json``, every kind
of bad request (a Dutch JSON error, never a traceback), 40 concurrent requests, the
per-request time limit and the token rule.
"""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys

import httpx
import pytest

from tests.conftest import ROOT, run_cli
from tests.serve.conftest import Server
from vacaturelint.suggestions import is_replacement

VACANCY = ("Voor ons jonge team zoeken wij een ervaren verkoopster. Je bent maximaal 35 jaar.\n"
           "Je hebt Nederlands als moedertaal en je stuurt je cv met pasfoto.\n"
           "Emoji’s 🙂 en accenten (café) tellen als één teken.\n")
MARKDOWN = ("# Verkoopster gezocht\n\n- maximaal 35 jaar\n- Nederlands als moedertaal\n\n"
            "<!-- vacaturelint-disable-next-line LFT002 -- reden: test -->\nmaximaal 40 jaar\n")


def post(server, body, **kwargs) -> httpx.Response:
    return httpx.post(server.url + "api/lint", json=body, timeout=60, **kwargs)


def check_json(text: str, *args: str) -> list[dict]:
    result = run_cli("check", "--isolated", "--format", "json", *args, "-", input=text.encode("utf-8"))
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def assert_dutch_error(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert isinstance(body["error"], str) and body["error"]
    assert "Traceback" not in response.text and "Error" not in body["error"]
    return body


def test_findings_equal_check_json(server):
    response = post(server, {"text": VACANCY})
    assert response.status_code == 200, response.text
    body = response.json()
    expected = check_json(VACANCY)
    assert len(expected) >= 4
    assert body["findings"] == expected  # same fields, same values, path "-" as for standard input
    for finding in body["findings"]:  # offsets count code points of the posted text
        assert VACANCY[finding["offset"]:finding["end_offset"]] == finding["text"]
    assert body["replacements"] == [[s for s in f["suggestions"] if is_replacement(s)] for f in expected]
    assert any(body["replacements"]) and not all(body["replacements"])


def test_kind_and_options_equal_check(server):
    body = post(server, {"text": MARKDOWN, "kind": "markdown"}).json()
    expected = check_json(MARKDOWN, "--stdin-filename", "vacature.md")
    assert [{**f, "path": "-"} for f in expected] == body["findings"]
    assert "LFT002" in {f["rule"] for f in body["findings"]}  # the first age limit, not the suppressed one
    options = {"select": ["leeftijd", "HKM001"], "ignore": ["LFT001"], "min_severity": "error"}
    body = post(server, {"text": VACANCY, **options}).json()
    expected = check_json(VACANCY, "--select", "leeftijd,HKM001", "--ignore", "LFT001", "--min-severity", "error")
    assert body["findings"] == expected and expected
    assert {f["category"] for f in expected} <= {"leeftijd", "herkomst"}
    assert post(server, {"text": ""}).json() == {"findings": [], "replacements": []}


def test_rules_equal_cli_rules_json(server):
    response = httpx.get(server.url + "api/rules", timeout=30)
    assert response.status_code == 200
    result = run_cli("rules", "--format", "json")
    assert response.json() == {"rules": json.loads(result.stdout)}


def test_healthz(server):
    response = httpx.get(server.url + "healthz", timeout=30)
    assert response.status_code == 200
    health = response.json()
    assert health["status"] == "ready" and health["model"]


@pytest.mark.parametrize(("content", "headers", "status", "words"), [
    (b'{"text": "Maximaal 35 jaar.",', {"Content-Type": "application/json"}, 400, "ongeldige JSON"),
    (b"\xff\xfe{}", {"Content-Type": "application/json"}, 400, "ongeldige JSON"),
    (b"[1, 2]", {"Content-Type": "application/json"}, 400, "JSON-object"),
    (b'{"tekst": "x", "soort": "plain", "text": "x"}', {"Content-Type": "application/json"}, 400, "'tekst', 'soort'"),
    (b'{"kind": "plain"}', {"Content-Type": "application/json"}, 400, "'text' ontbreekt"),
    (b'{"text": 42}', {"Content-Type": "application/json"}, 400, "'text'"),
    (b'{"text": "Je bent maximaal 35 jaar \\ud800."}', {"Content-Type": "application/json"}, 400, "ongeldig teken"),
    (b'{"text": "x", "kind": "pdf"}', {"Content-Type": "application/json"}, 400, "'kind'"),
    (b'{"text": "x", "select": "leeftijd"}', {"Content-Type": "application/json"}, 400, "'select'"),
    (b'{"text": "x", "ignore": ["LFT999"]}', {"Content-Type": "application/json"}, 400, "'LFT999'"),
    (b'{"text": "x", "min_severity": "hoog"}', {"Content-Type": "application/json"}, 400, "'min_severity'"),
    (b'{"text": "x"}', {"Content-Type": "text/plain"}, 415, "inhoudstype"),
    (b'{"text": "x"}', {}, 415, "inhoudstype"),
    (b"text=x", {"Content-Type": "application/x-www-form-urlencoded"}, 415, "inhoudstype"),
])
def test_bad_request(server, content, headers, status, words):
    response = httpx.post(server.url + "api/lint", content=content, headers=headers, timeout=30)
    body = assert_dutch_error(response, status)
    assert words in body["error"]


def test_unknown_fields_are_named(server):
    body = assert_dutch_error(post(server, {"text": "x", "taal": "nl", "debug": True}), 400)
    assert body["fields"] == ["taal", "debug"]
    assert "'taal'" in body["error"] and "'debug'" in body["error"]


def test_body_over_one_megabyte(server):
    big = json.dumps({"text": "Wij zoeken een collega. " * 45_000}).encode()
    assert len(big) > 1024 * 1024
    headers = {"Content-Type": "application/json"}
    response = httpx.post(server.url + "api/lint", content=big, headers=headers, timeout=60)
    assert "1 MB" in assert_dutch_error(response, 413)["error"]

    def chunks():  # no Content-Length: the limit holds while reading the stream
        for start in range(0, len(big), 64 * 1024):
            yield big[start:start + 64 * 1024]

    response = httpx.post(server.url + "api/lint", content=chunks(), headers=headers, timeout=60)
    assert "Content-Length" not in response.request.headers
    assert_dutch_error(response, 413)


def test_unknown_path_and_method(server):
    assert "niet gevonden" in assert_dutch_error(httpx.get(server.url + "api/nope", timeout=30), 404)["error"]
    assert_dutch_error(httpx.get(server.url + "api/lint", timeout=30), 405)
    assert_dutch_error(httpx.get(server.url + "assets/../../etc/passwd", timeout=30), 404)


def test_forty_concurrent_requests(server, linter):
    texts = [f"Vacature {i}: wij zoeken een verkoopster. Je bent maximaal {20 + i} jaar. " + "Je werkt graag samen. " * i
             for i in range(40)]

    async def all_at_once():
        limits = httpx.Limits(max_connections=40)
        async with httpx.AsyncClient(base_url=server.url, timeout=120, limits=limits) as client:
            return await asyncio.gather(*(client.post("api/lint", json={"text": t}) for t in texts))

    responses = asyncio.run(all_at_once())
    assert [r.status_code for r in responses] == [200] * 40
    for i, (text, response) in enumerate(zip(texts, responses)):
        expected = [f.to_dict() for f in linter.lint_text(text, path="-").findings]
        assert response.json()["findings"] == expected  # each answer belongs to its own text
        assert any(f["rule"] == "LFT002" and f"{20 + i} jaar" in f["text"] for f in expected)


def test_event_loop_answers_while_the_model_works(server):
    """While long checks wait for or run on the worker thread, /healthz keeps answering and
    sees them pending: the event loop never waits for the model."""
    long_text = "Wij zoeken een ervaren verkoopster voor ons jonge team. Je bent maximaal 35 jaar.\n\n" * 250

    async def scenario():
        async with httpx.AsyncClient(base_url=server.url, timeout=300) as client:
            lints = [asyncio.ensure_future(client.post("api/lint", json={"text": long_text})) for _ in range(4)]
            seen = 0
            while seen < 2 and not all(task.done() for task in lints):
                health = await client.get("healthz")
                assert health.status_code == 200
                seen = max(seen, health.json()["pending"])
                await asyncio.sleep(0.01)  # polite polling, not a timing
            answers = await asyncio.gather(*lints)
            return seen, answers

    seen, answers = asyncio.run(scenario())
    assert seen >= 2  # answered while at least two checks were in the worker's queue
    assert [a.status_code for a in answers] == [200] * 4


def test_time_limit_per_request():
    """A limit too short for any real check: the request gets a Dutch 504, the server lives on."""
    srv = Server("--isolated", "--timeout", "0.000001")
    try:
        srv.wait_ready()
        response = post(srv, {"text": "Wij zoeken een verkoopster van maximaal 35 jaar. " * 200})
        assert "langer dan" in assert_dutch_error(response, 504)["error"]
        assert httpx.get(srv.url + "healthz", timeout=30).status_code == 200
    finally:
        srv.stop()


def test_token_checked_on_every_api_call():
    srv = Server("--isolated", env={"VACATURELINT_TOKEN": "geheim-123"})
    try:
        srv.wait_ready()
        body = {"text": "Maximaal 35 jaar."}
        for path, call in (("api/lint", lambda h: httpx.post(srv.url + "api/lint", json=body, headers=h, timeout=30)),
                           ("api/rules", lambda h: httpx.get(srv.url + "api/rules", headers=h, timeout=30))):
            for headers in ({}, {"Authorization": "Bearer fout"}, {"Authorization": "geheim-123"},
                            {"Authorization": "Bearer geheim-1234"}):
                response = call(headers)
                assert "toegangstoken" in assert_dutch_error(response, 401)["error"], (path, headers)
                assert response.headers["www-authenticate"] == "Bearer"
            assert call({"Authorization": "Bearer geheim-123"}).status_code == 200, path
        assert httpx.get(srv.url + "healthz", timeout=30).status_code == 200  # health and page need none
        page = httpx.get(srv.url, timeout=30)
        assert page.status_code == 200 and "geheim-123" not in page.text
        # the token is checked before anything else: no hint about the body without it
        assert_dutch_error(httpx.post(srv.url + "api/lint", content=b"{", timeout=30), 401)
    finally:
        code = srv.stop()
    assert code == 0  # SIGTERM: a clean shutdown
    assert not any("geheim-123" in line or "Traceback" in line for line in srv.lines)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10", "vacatures.example"])
def test_non_loopback_host_needs_a_token(host):
    result = run_cli("serve", "--host", host, "--port", "0", env={"VACATURELINT_TOKEN": ""})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vacaturelint: fout: ")
    assert "--token" in lines[0] and "VACATURELINT_TOKEN" in lines[0]


def test_bad_cli_input_is_one_dutch_line():
    for args in (["--port", "99999"], ["--timeout", "0"], ["--config", "bestaat-niet.yaml"]):
        result = run_cli("serve", "--port", "0", *args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr


def test_port_in_use_is_one_dutch_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run_cli("serve", "--isolated", "--port", str(port))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"vacaturelint: fout: kan niet luisteren op 127.0.0.1:{port} (Address already in use)"]


def test_model_that_cannot_load_stops_the_server_with_exit_2(tmp_path):
    srv = Server("--isolated", "--model", str(tmp_path / "geen-model"))
    assert srv.stop(wait=True) == 2
    last = srv.lines[-1]
    assert last.startswith("vacaturelint: fout: ") and "geen-model" in last
    assert not any("Traceback" in line for line in srv.lines)


def test_without_the_extra_the_command_says_how_to_install_it():
    code = ("import sys; sys.modules['starlette'] = None; sys.modules['uvicorn'] = None\n"
            "from vacaturelint.cli import main\nmain(['serve'])")
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "vacaturelint: fout: 'vacaturelint serve' heeft extra pakketten nodig: pip install 'vacaturelint[serve]'"]


def test_page_is_self_contained_with_a_strict_csp(server):
    page = httpx.get(server.url, timeout=30)
    assert page.status_code == 200 and "model laden..." in page.text
    csp = page.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["connect-src"] == "'self'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in csp and "http" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    bodies = [page.text] + [httpx.get(server.url + f"assets/{name}", timeout=30).text
                            for name in ("page.css", "page.js")]
    for body in bodies:
        assert "http://" not in body and "https://" not in body and "@import" not in body
        assert "@font-face" not in body and "innerHTML" not in body
