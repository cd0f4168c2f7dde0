"""A real ``vacaturelint serve`` process on 127.0.0.1 and a free port (``--port 0``)."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time

import httpx
import pytest

from tests.conftest import ROOT

STARTED = re.compile(r"webpagina op (http://127\.0\.0\.1:\d+/)")


class Server:
    """One server process; ``url`` ends in a slash; stderr is collected in ``lines``."""

    def __init__(self, *args: str, env: dict | None = None, cwd=None) -> None:
        full_env = {**os.environ, **(env or {})}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "vacaturelint", "serve", "--host", "127.0.0.1", "--port", "0", *args],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            encoding="utf-8", env=full_env, cwd=cwd or ROOT)
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._drainer = threading.Thread(target=self._drain, daemon=True)
        self._drainer.start()
        self.url = self._wait_for_address()

    def _drain(self) -> None:
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))
            self._queue.put(line)
        self._queue.put(None)

    def _wait_for_address(self) -> str:
        while True:
            try:
                line = self._queue.get(timeout=120)
            except queue.Empty:
                raise AssertionError("server printed no address: " + "\n".join(self.lines)) from None
            if line is None:
                self.process.wait(timeout=30)
                raise AssertionError(f"server stopped ({self.process.returncode}): " + "\n".join(self.lines))
            match = STARTED.search(line)
            if match:
                return match.group(1)

    def wait_ready(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while True:
            response = httpx.get(self.url + "healthz", timeout=30)
            if response.status_code == 200 and response.json()["status"] == "ready":
                return
            assert response.json()["status"] == "loading", response.text
            assert time.monotonic() < deadline, "model did not load"
            time.sleep(0.1)

    def stop(self, wait: bool = False) -> int:
        """Stop the server (``wait``: let it stop by itself) and collect all of stderr; its exit code."""
        if self.process.poll() is None and not wait:
            self.process.terminate()
        try:
            code = self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self._drainer.join(timeout=30)
        return code


@pytest.fixture(scope="session")
def server():
    """The default server: no config files, no token, model loaded."""
    srv = Server("--isolated")
    try:
        srv.wait_ready()
        yield srv
    finally:
        srv.stop()
