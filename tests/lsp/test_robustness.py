"""The server over raw stdio: a model that is not installed, malformed JSON-RPC,
bad parameters and unknown methods. The server must answer, report the missing model
once (Dutch, with the install hint), and exit cleanly on shutdown/exit.

No model is loaded here (the configured one does not exist), so this module is fast.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class RawServer:
    def __init__(self, tmp_path: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "vacaturelint", "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
        self.messages: queue.Queue = queue.Queue()
        self.received: list[dict] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(out.read(length)))

    def send_raw(self, body: bytes) -> None:
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, method: str, params=None, id=None) -> None:
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        if id is not None:
            message["id"] = id
        self.send_raw(json.dumps(message).encode("utf-8"))

    def wait(self, predicate, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        for message in self.received:
            if predicate(message):
                return message
        while time.monotonic() < deadline:
            try:
                message = self.messages.get(timeout=0.2)
            except queue.Empty:
                continue
            self.received.append(message)
            if "id" in message and "method" in message:  # a request from the server: answer it
                self.send_raw(json.dumps({"jsonrpc": "2.0", "id": message["id"], "result": None}).encode())
            if predicate(message):
                return message
        raise AssertionError(f"timed out; received: {self.received}")

    def response(self, id: int) -> dict:
        return self.wait(lambda m: m.get("id") == id and "method" not in m)


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
