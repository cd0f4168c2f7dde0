"""The server over raw stdio under hostile framing and lifecycle misuse (issue 15,
items 8 and 13), and invisible characters in LSP ranges (item 12).

Every test runs the real ``vacaturelint lsp`` process; each wait is bounded.
"""

from __future__ import annotations

import json

import pytest

from tests.lsp.rawclient import RawClient


@pytest.fixture
def raw(tmp_path):
    clients = []

    def start() -> RawClient:
        clients.append(RawClient(tmp_path))
        return clients[-1]

    yield start
    for client in clients:
        client.kill()


def test_huge_content_length_is_dropped_and_the_server_lives(raw):
    client = raw()
    client.initialize()
    body = json.dumps(client.body("vacaturelint/bestaatNiet", {}, id=5)).encode()
    client.write(b"Content-Length: 1000000000000\r\n\r\n" + body)
    client.write(b"Content-Length: " + b"9" * 5000 + b"\r\n\r\n" + body)
    too_big = client.wait(lambda m: "error" in m and m.get("id") is None)
    assert "te groot" in too_big["error"]["message"]
    client.alive(7)
    code, stderr = client.finish()
    assert code == 0 and "Traceback" not in stderr and "MemoryError" not in stderr


@pytest.mark.parametrize("broken", [
    b"Content-Length: abc\r\n\r\n{\"jsonrpc\": \"2.0\", \"method\": \"initialized\", \"params\": {}}",
    b"{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": \"shutdown\"}",  # no header at all
    b"Content-Length: 5\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": \"shutdown\"}",  # too short
    b"Content-Length: 400\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": \"shutdown\"}",  # too long
    b"Content-Type: text/plain\r\n\r\n{}",  # headers without Content-Length
    b"\x00\xff garbage \r\n\r\n\r\n",
], ids=["abc", "missing", "short", "long", "no-length", "binary"])
def test_broken_framing_costs_one_message_not_the_connection(raw, broken):
    client = raw()
    client.initialize()
    client.write(broken)
    client.alive(7)  # the next well-framed request is answered
    assert any(m.get("id") is None and m.get("error", {}).get("code") == -32700 for m in client.received)
    client.alive(8)
    code, stderr = client.finish()
    assert code == 0 and "Traceback" not in stderr


def test_requests_before_initialize_and_after_shutdown(raw, tmp_path):
    client = raw()
    uri = (tmp_path / "v.md").as_uri()
    client.send("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}, id=2)
    assert client.response(2)["error"]["code"] == -32002
    client.initialize()
    client.send("shutdown", None, id=3)
    assert client.response(3)["result"] is None
    client.send("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}, id=4)
    assert client.response(4)["error"]["code"] == -32600
    client.send("exit")
    assert client.proc.wait(timeout=30) == 0
    assert "Traceback" not in client.proc.stderr.read().decode("utf-8", "replace")


def test_exit_without_shutdown_is_exit_code_1(raw):
    client = raw()
    client.initialize()
    client.send("exit")
    assert client.proc.wait(timeout=30) == 1


@pytest.mark.parametrize("ending", ["eof", "exit"])
def test_end_during_model_load_is_clean(raw, ending):
    client = raw()
    client.initialize(options={}, capabilities={"window": {"workDoneProgress": True}})  # the real model
    client.wait(lambda m: m.get("method") == "$/progress" and m["params"]["value"]["kind"] == "begin")
    if ending == "exit":
        client.send("shutdown", None, id=9)
        client.response(9)
        client.send("exit")
    else:
        client.proc.stdin.close()
    code = client.proc.wait(timeout=60)
    stderr = client.proc.stderr.read().decode("utf-8", "replace")
    assert code == 0, stderr
    assert "Traceback" not in stderr and "CancelledError" not in stderr, stderr


def test_invisible_characters_utf16_ranges(raw, tmp_path):
    """Diagnostics for a word split by invisible characters cover the original
    characters, in UTF-16 code units (an emoji before it counts twice)."""
    client = raw()
    client.initialize(options={})
    uri = (tmp_path / "v.md").as_uri()
    line = "😀 Wij zoeken een jon\u200bge collega en een Verkoop\u00adster.\n"
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                          "text": "Intro.\n\n" + line}})
    published = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri and m["params"]["diagnostics"], timeout=90)
    ranges = {d["code"]: d["range"] for d in published["params"]["diagnostics"]}

    def utf16(text: str) -> int:
        return len(text.encode("utf-16-le")) // 2

    young = line.index("jon\u200bge collega")
    assert ranges["LFT001"] == {"start": {"line": 2, "character": utf16(line[:young])},
                                "end": {"line": 2, "character": utf16(line[:young + len("jon\u200bge collega")])}}
    seller = line.index("Verkoop\u00adster")
    assert ranges["GSL002"]["start"] == {"line": 2, "character": utf16(line[:seller])}
    assert ranges["GSL002"]["end"] == {"line": 2, "character": utf16(line[:seller + len("Verkoop\u00adster")])}
    code, stderr = client.finish()
    assert code == 0


def _framed(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


@pytest.mark.parametrize("step", [1, 7, 10**6])
def test_decoder_resynchronises_in_any_chunking(step):
    """The decoder alone: whatever the chunk size, every well-framed message after
    the broken ones arrives, and memory stays bounded for a huge length."""
    from vacaturelint.lsp.framing import FrameDecoder, Garbage, Message, TooLarge

    good = b'{"jsonrpc": "2.0", "method": "initialized", "params": {}}'
    stream = b"".join([
        _framed(good),
        b"Content-Length: abc\r\n\r\n" + good,
        good,  # no header
        b"Content-Length: 5\r\n\r\n" + good,
        b"Content-Length: 300\r\n\r\n" + good,
        b"Content-Length: 1000000000000\r\n\r\n" + good * 50,
        b"x" * 20_000,
        _framed(good),
    ])
    decoder = FrameDecoder(max_body=1000)
    frames, peak = [], 0
    for i in range(0, len(stream), step):
        frames += decoder.feed(stream[i:i + step])
        peak = max(peak, len(decoder.buffer))
    assert [f.body for f in frames if isinstance(f, Message) and f.body == good] == [good] * 2
    assert sum(isinstance(f, TooLarge) for f in frames) == 1
    assert any(isinstance(f, Garbage) for f in frames)
    assert peak <= max(step, 0) + 9_000 and not decoder.buffer


@pytest.mark.parametrize("text", [
    "Intro.\n\n    Wij zoeken een jonge collega.\n",  # indented code for CommonMark: comment unindented
    "- Eisen:\n\n    Wij zoeken een jonge collega.\n",  # list continuation: comment keeps the indent
    "Intro.\n\n  Wij zoeken een jonge collega.\n",
], ids=["indented", "list", "two-spaces"])
def test_suppression_quick_fix_still_suppresses_on_indented_lines(linter, text):
    """Only real comments count (item 11): the quick fix must write one that does."""
    from vacaturelint.lineindex import LineIndex
    from vacaturelint.lsp import convert

    findings = [f for f in linter.lint_text(text, "v.md", "markdown").findings if f.rule == "LFT001"]
    assert findings
    index = LineIndex(text)
    diagnostics = {f: convert.diagnostic(f, index, convert.UTF16) for f in findings}
    actions = convert.code_actions(findings, diagnostics, "file:///v.md", 1, "markdown", index)
    suppress = [a for a in actions if a.title.startswith("Negeer LFT001")][0]
    (edit,) = suppress.edit.changes["file:///v.md"]
    at = index.offset_from_utf16(edit.range.start.line, edit.range.start.character)
    fixed = text[:at] + edit.new_text + text[at:]
    assert [f.rule for f in linter.lint_text(fixed, "v.md", "markdown").findings] == []
