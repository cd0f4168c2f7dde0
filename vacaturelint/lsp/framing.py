"""LSP base protocol framing (``Content-Length: N\\r\\n\\r\\n`` + N bytes of JSON), robust
against a client that gets it wrong.

:class:`FrameDecoder` is pure: bytes in, frames out. It never trusts a header:

- a header block without a valid ``Content-Length`` (``abc``, missing, negative) is
  skipped up to the next header; the bytes before it become one :class:`Garbage` frame;
- a length that is too short leaves the rest of the body before the next header: that
  rest is garbage too, the next message is read normally;
- a length that is too long (the body region already holds the next header) is cut
  at that header: the partial body is garbage, the next message is read normally;
- a length over ``max_body`` is never buffered: the body bytes are dropped as they
  arrive until the next header (one :class:`TooLarge` frame).

This is safe because ``Content-Length: <digits>\\r\\n`` can never occur inside a valid
JSON body (a JSON string cannot hold a raw CR or LF, and outside strings it is not
JSON). Memory stays bounded by ``max_body`` plus one read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_MESSAGE_BYTES = 32 * 1024 * 1024  # a larger message is dropped (the server stays alive)
MAX_HEADER_BYTES = 8 * 1024  # header lines are short; more without a blank line is garbage
_HEADER = re.compile(rb"content-length[ \t]*:[ \t]*(\d+)[ \t]*\r\n", re.IGNORECASE)
_HEADER_START = re.compile(rb"content-length", re.IGNORECASE)
_FIELD = re.compile(rb"[A-Za-z][A-Za-z0-9-]*[ \t]*:[^\r\n]*")
_OVERLAP = 64  # bytes kept when dropping, so a header split across reads is still found


@dataclass(frozen=True)
class Message:
    body: bytes


@dataclass(frozen=True)
class Garbage:
    """Bytes that are not a message (broken header, wrong length)."""

    size: int
    reason: str  # Dutch


@dataclass(frozen=True)
class TooLarge:
    length: int


class FrameDecoder:
    def __init__(self, max_body: int = MAX_MESSAGE_BYTES, max_header: int = MAX_HEADER_BYTES) -> None:
        self.max_body = max_body
        self.max_header = max_header
        self.buffer = bytearray()
        self.length: int | None = None  # body length being read; None: reading headers
        self.skipping = False  # dropping an oversized body until the next header
        self.scanned = 0  # body bytes already searched for a next header

    def feed(self, data: bytes) -> list[Message | Garbage | TooLarge]:
        self.buffer += data
        frames: list[Message | Garbage | TooLarge] = []
        while self._step(frames):
            pass
        return frames

    # -- one state transition; False when more data is needed -----------------
    def _step(self, frames: list) -> bool:
        if self.skipping:
            return self._skip()
        if self.length is None:
            return self._header(frames)
        return self._body(frames)

    def _skip(self) -> bool:
        match = _HEADER.search(self.buffer)
        if match is None:
            del self.buffer[: max(0, len(self.buffer) - _OVERLAP)]
            return False
        del self.buffer[: match.start()]
        self.skipping = False
        return True

    def _header(self, frames: list) -> bool:
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            if len(self.buffer) > self.max_header:
                self._drop_to_next_header(frames, len(self.buffer), "kopregels zonder einde")
                return self.buffer.find(b"\r\n\r\n") >= 0
            return False
        block = bytes(self.buffer[:end])
        lines = block.split(b"\r\n")
        length = None
        well_formed = all(_FIELD.fullmatch(line) for line in lines)
        if well_formed:
            for line in lines:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    value = value.strip()
                    length = _length(value)
        if length is None:
            last = None
            for match in _HEADER.finditer(self.buffer, 0, end + 2):
                last = match
            if last is not None and last.start() > 0:
                self._garbage(frames, last.start(), "bytes vóór een kopregel")
            else:
                self._garbage(frames, end + 4, "kopregels zonder geldige Content-Length")
            return True
        del self.buffer[: end + 4]
        if length > self.max_body:
            frames.append(TooLarge(length))
            self.skipping = True
            return True
        self.length = length
        self.scanned = 0
        return True

    def _body(self, frames: list) -> bool:
        length = self.length
        region_end = min(len(self.buffer), length + _OVERLAP)
        start = max(0, self.scanned - _OVERLAP)
        match = _HEADER.search(self.buffer, start, region_end)
        if match is not None and match.start() < length:
            # The next message's header inside this body: the declared length was wrong.
            self.length = None
            self._garbage(frames, match.start(), "Content-Length klopt niet met het bericht")
            return True
        self.scanned = region_end
        if len(self.buffer) < length:
            return False
        body = bytes(self.buffer[:length])
        del self.buffer[:length]
        self.length = None
        frames.append(Message(body))
        return True

    # -- helpers ----------------------------------------------------------------
    def _garbage(self, frames: list, size: int, reason: str) -> None:
        del self.buffer[:size]
        if frames and isinstance(frames[-1], Garbage):  # one report per stretch of garbage
            frames[-1] = Garbage(frames[-1].size + size, frames[-1].reason)
        else:
            frames.append(Garbage(size, reason))

    def _drop_to_next_header(self, frames: list, limit: int, reason: str) -> None:
        """Drop buffered bytes up to the last possible header start (or all but an overlap)."""
        last = None
        for match in _HEADER_START.finditer(self.buffer, 0, limit):
            last = match
        if last is not None and last.start() > 0:
            self._garbage(frames, last.start(), reason)
        if len(self.buffer) > self.max_header:
            self._garbage(frames, len(self.buffer) - _OVERLAP, reason)


def _length(value: bytes) -> int | None:
    """A Content-Length value; None when it is not a number. 19 digits and more are over
    any limit (and int() refuses very long digit strings)."""
    if not value.isdigit():
        return None
    return int(value) if len(value) <= 18 else 10**18
