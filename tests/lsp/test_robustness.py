"""The server over raw stdio: a model that is not installed, malformed JSON-RPC,
bad parameters and unknown methods. The server must answer, report the missing model
once (Dutch, with the install hint), and exit cleanly on shutdown/exit.

No model is loaded here (the configured one does not exist), so this module is fast.
"""

from __future__ import annotations

from pathlib import Path

from tests.lsp.rawclient import RawClient as RawServer


def test_missing_model_and_malformed_messages(tmp_path: Path):
    server = RawServer(tmp_path)
    try:
        server.send("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {
            "window": {"workDoneProgress": True}},
            "initializationOptions": {"model": "/bestaat/niet/nl_model", "select": [], "ignore": [],
                                      "minSeverity": None, "config": None}}, id=1)
        init = server.response(1)["result"]["capabilities"]
        assert init["hoverProvider"] and init["codeActionProvider"]
        assert init["textDocumentSync"]["change"] == 2  # incremental
        server.send("initialized", {})
        shown = server.wait(lambda m: m.get("method") == "window/showMessage")
        assert shown["params"]["type"] == 1  # Error
        text = shown["params"]["message"]
        assert "/bestaat/niet/nl_model" in text and "pad bestaat niet" in text and "--model blank" in text
        assert "\n" not in text
        progress = server.wait(lambda m: m.get("method") == "$/progress" and m["params"]["value"]["kind"] == "end")
        assert "niet geladen" in progress["params"]["value"]["message"]

        uri = (tmp_path / "vacature.md").as_uri()
        server.send("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": "Wij zoeken een jonge collega.\n"}})
        # Malformed JSON, a body that is not an object, bad params, an unknown method.
        server.send_raw(b"{dit is geen json")
        server.send_raw(b"[1, 2, 3]")
        server.send("textDocument/didChange", {"textDocument": 7})
        server.send("textDocument/hover", {"bogus": True}, id=2)
        assert "error" in server.response(2)
        server.send("vacaturelint/bestaatNiet", {}, id=3)
        assert server.response(3)["error"]["code"] == -32601  # method not found
        server.send("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 999, "character": 10**9}}, id=4)
        assert server.response(4)["result"] is None
        server.send("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {
            "start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 5}},
            "context": {"diagnostics": []}}, id=5)
        assert server.response(5)["result"] == []
        # A settings change that still names a missing model does not repeat the message.
        server.send("workspace/didChangeConfiguration", {"settings": {"vacaturelint": {"model": "/bestaat/niet/nl_model"}}})
        server.send("shutdown", None, id=6)
        assert server.response(6)["result"] is None
        server.send("exit")
        assert server.proc.wait(timeout=20) == 0
        messages = [m for m in server.received if m.get("method") == "window/showMessage"]
        assert len(messages) == 1, messages
        assert not [m for m in server.received if m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["diagnostics"]]
        assert b"Traceback" not in server.proc.stderr.read()
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
