"""Driving Debian's real headless Chromium from tests (the HTML report, the serve page).

Two ways, both without any browser-automation package:

- :func:`run_once`: one Chromium run on a URL (``--dump-dom``, ``--screenshot``,
  ``--print-to-pdf``), with its console on stderr (:func:`console_lines`) and an
  optional net log (:func:`page_requests`);
- :class:`Browser`: a live Chromium over the DevTools protocol on a pipe
  (``--remote-debugging-pipe``: JSON messages ending in NUL on file descriptors
  3 and 4), to type, press keys, click and read the page while its own script runs.
  Console messages, uncaught exceptions, CSP violations and every network request
  of a page are collected from the protocol's events.

Skipping: tests use ``needs_program(CHROMIUM is not None, "chromium")`` from conftest.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import struct
import subprocess
import threading
import time
import zlib
from pathlib import Path
from typing import Self

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0", "--window-size=1200,1800"]


def _profile(tmp: Path) -> Path:
    return tmp / f"profile-{len(list(tmp.glob('profile-*')))}"


def run_once(tmp: Path, url: str, *extra: str) -> subprocess.CompletedProcess:
    """One headless Chromium run on ``url`` with extra flags (its own profile in ``tmp``)."""
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={_profile(tmp)}", *extra, url],
                          check=False, capture_output=True, text=True, timeout=120)


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def page_requests(net_log: Path, site: str = "file://", own: tuple[str, ...] = ("file:", "data:")) -> list[str]:
    """URLs requested on behalf of pages of ``site`` (their site_for_cookies), from
    Chromium's net log, except those starting with one of ``own``."""
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in log["events"]:
        params = event.get("params") or {}
        if (event["type"] == start and site in str(params.get("site_for_cookies", ""))
                and not params.get("url", "").startswith(own)):
            urls.append(params["url"])
    return urls


def html_tag(dom: str) -> str:
    match = re.search(r"<html[^>]*>", dom)
    assert match, dom[:200]
    return match.group(0)


def png_size_and_colours(data: bytes) -> tuple[int, int, int]:
    """Width, height and number of distinct byte values of a PNG screenshot (blank pages have few)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    return width, height, len(set(raw))


class DevToolsError(RuntimeError):
    pass


# key -> (code, Windows virtual key code, text typed)
KEYS = {"Enter": ("Enter", 13, "\r"), "Tab": ("Tab", 9, ""), "Escape": ("Escape", 27, ""),
        "Backspace": ("Backspace", 8, "")}


class Browser:
    """A headless Chromium driven over the DevTools protocol on a pipe."""

    def __init__(self, tmp: Path, *extra: str, net_log: Path | None = None, reach: str | None = None,
                 timeout: float = 60) -> None:
        """``reach``: the one host (e.g. 127.0.0.1) the browser may resolve; all others fail."""
        self.timeout = timeout
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        # Chromium reads commands on fd 3 and writes answers on fd 4: bash moves the pipe
        # ends there (from numbers above 9, so the moves cannot clash) and execs Chromium.
        child_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
        child_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
        for fd in (to_child_r, from_child_w):
            os.close(fd)
        flags = [*FLAGS, f"--user-data-dir={_profile(tmp)}", "--remote-debugging-pipe", *extra]
        if reach:
            flags = [f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {reach}" if f.startswith("--host-resolver")
                     else f for f in flags]
        if net_log is not None:
            flags.append(f"--log-net-log={net_log}")
        moves = f'exec "$0" "$@" 3<&{child_r} 4>&{child_w} {child_r}<&- {child_w}>&-'
        self.stderr_path = tmp / f"chromium-{id(self)}.log"
        with open(self.stderr_path, "wb") as stderr:
            self.process = subprocess.Popen(["/bin/bash", "-c", moves, CHROMIUM, *flags, "about:blank"],
                                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr,
                                            pass_fds=(child_r, child_w))
        os.close(child_r)
        os.close(child_w)
        self._next_id = 0
        self._answers: dict[int, dict] = {}
        self.events: list[dict] = []
        self._cond = threading.Condition()
        self._closed = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # -- protocol ------------------------------------------------------------------
    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self._from_child, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                with self._cond:
                    self._closed = True
                    self._cond.notify_all()
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                with self._cond:
                    if "id" in message:
                        self._answers[message["id"]] = message
                    else:
                        self.events.append(message)
                    self._cond.notify_all()

    def call(self, method: str, session: str | None = None, **params) -> dict:
        with self._cond:
            self._next_id += 1
            number = self._next_id
        message = {"id": number, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + self.timeout
        with self._cond:
            while number not in self._answers:
                if self._closed:
                    raise DevToolsError(f"Chromium stopped during {method}: {self.stderr()[-2000:]}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise DevToolsError(f"no answer to {method} within {self.timeout} s")
                self._cond.wait(left)
            answer = self._answers.pop(number)
        if "error" in answer:
            raise DevToolsError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    def open(self, url: str) -> Page:
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        page = Page(self, session)
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.call(f"{domain}.enable")
        page.call("Emulation.setFocusEmulationEnabled", enabled=True)  # a headless window may lack focus
        page.navigate(url)
        return page

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except DevToolsError:
            pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_) -> None:
        self.close()


class Page:
    """One tab: navigate, evaluate, wait, type, press keys; its console and requests."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session

    def call(self, method: str, **params) -> dict:
        return self.browser.call(method, self.session, **params)

    def _events(self, *methods: str) -> list[dict]:
        with self.browser._cond:
            return [e for e in self.browser.events if e.get("sessionId") == self.session and e["method"] in methods]

    def navigate(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete' && location.href !== 'about:blank'")

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise DevToolsError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60):
        """Poll ``expression`` until it is truthy; its value (fails after ``timeout`` s)."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"waited {timeout} s in vain for: {expression}")
            time.sleep(0.05)

    def type(self, text: str) -> None:
        """Type ``text`` key by key into the focused element (as a person would)."""
        for ch in text:
            if ch == "\n":
                self.press("Enter")
            else:
                self.call("Input.dispatchKeyEvent", type="keyDown", text=ch, unmodifiedText=ch, key=ch)
                self.call("Input.dispatchKeyEvent", type="keyUp", key=ch)

    def press(self, key: str, shift: bool = False) -> None:
        code, vk, text = KEYS[key]
        params = {"key": key, "code": code, "windowsVirtualKeyCode": vk, "nativeVirtualKeyCode": vk,
                  "modifiers": 8 if shift else 0}
        self.call("Input.dispatchKeyEvent", type="keyDown", **({"text": text} if text else {}), **params)
        self.call("Input.dispatchKeyEvent", type="keyUp", **params)

    def console(self) -> list[str]:
        """Console calls, uncaught exceptions and browser log entries (CSP violations...)."""
        out = []
        for e in self._events("Runtime.consoleAPICalled"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in e["params"]["args"])
            out.append(f"console.{e['params']['type']}: {args}")
        for e in self._events("Runtime.exceptionThrown"):
            details = e["params"]["exceptionDetails"]
            out.append(f"exception: {details.get('exception', {}).get('description', details.get('text'))}")
        for e in self._events("Log.entryAdded"):
            entry = e["params"]["entry"]
            out.append(f"log.{entry['level']} ({entry['source']}): {entry['text']} {entry.get('url', '')}")
        return out

    def requests(self) -> list[str]:
        """Every URL this page requested (documents, scripts, styles, fetches...)."""
        return [e["params"]["request"]["url"] for e in self._events("Network.requestWillBeSent")]
