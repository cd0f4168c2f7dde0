"""Driving Debian's headless Chromium from tests (the report and the audit dashboard).

One place for the flags, the run and what is read back: the DOM (``--dump-dom``), the
console lines on stderr, and the page's own network requests from Chromium's net log.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0", "--window-size=1200,1800"]


def chromium(tmp: Path, url: str, *extra: str) -> subprocess.CompletedProcess:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, url],
                          check=False, capture_output=True, text=True, timeout=120)


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def page_requests(net_log: Path) -> list[str]:
    """URLs the page itself requested (site_for_cookies file://), from Chromium's net log."""
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in log["events"]:
        params = event.get("params") or {}
        own = event["type"] == start and "file://" in str(params.get("site_for_cookies", ""))
        if own and not params.get("url", "").startswith(("file:", "data:")):
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
