"""A raw LSP client for tests: the real ``vacaturelint lsp`` process over stdio, with the
test's own strict framing, so tests can also write broken frames (``write``/``send_raw``).
Every wait is bounded."""

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
MISSING_MODEL = {"model": "/bestaat/niet/nl_model"}  # no model load: fast


class RawClient:
    """Writes bytes, reads framed messages (the test's own, strict framing)."""

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

    def write(self, data: bytes) -> None:
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    @staticmethod
    def frame(message: dict) -> bytes:
        body = json.dumps(message).encode("utf-8")
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    @staticmethod
    def body(method: str, params=None, id=None) -> dict:
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        if id is not None:
            message["id"] = id
        return message

    def send(self, method: str, params=None, id=None) -> None:
        self.write(self.frame(self.body(method, params, id)))

    def wait(self, predicate, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        for message in self.received:
            if predicate(message):
                return message
        while time.monotonic() < deadline:
            try:
                message = self.messages.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None:
                    break
                continue
            self.received.append(message)
            if "id" in message and "method" in message:  # a request from the server: answer it
                self.write(self.frame({"jsonrpc": "2.0", "id": message["id"], "result": None}))
            if predicate(message):
                return message
        raise AssertionError(f"timed out (exit {self.proc.poll()}); received: {self.received}")

    def response(self, id: int, timeout: float = 30) -> dict:
        return self.wait(lambda m: m.get("id") == id and "method" not in m, timeout)

    def initialize(self, options=None, capabilities=None) -> None:
        self.send("initialize", {"processId": None, "rootUri": None, "capabilities": capabilities or {},
                                 "initializationOptions": options if options is not None else MISSING_MODEL}, id=1)
        assert "result" in self.response(1)
        self.send("initialized", {})

    def alive(self, id: int) -> None:
        """The server still answers a request after whatever came before."""
        self.send("vacaturelint/bestaatNiet", {}, id=id)
        assert self.response(id)["error"]["code"] == -32601

    def finish(self) -> tuple[int, str]:
        self.send("shutdown", None, id=999)
        self.response(999)
        self.send("exit")
        code = self.proc.wait(timeout=30)
        return code, self.proc.stderr.read().decode("utf-8", "replace")

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def send_raw(self, body: bytes) -> None:
        """``body`` framed with its own Content-Length."""
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
