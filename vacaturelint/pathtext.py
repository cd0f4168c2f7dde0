"""File names as they are shown: one line, no terminal control, valid UTF-8.

A file name may hold any byte but ``/`` and NUL. Shown raw, a newline in it forges an
output line, ESC starts a terminal sequence (and click strips it silently), a bidi
override reorders what is read, and a byte that is not UTF-8 (decoded by Python as a
lone surrogate, ``surrogateescape``) cannot be written as UTF-8 at all. Every
human-readable output (text, concise, github, the HTML report, error lines) shows
names through :func:`shown`; JSON keeps control characters (json escapes them) and
only replaces undecodable bytes (:func:`decodable`).
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return _NAMED.get(char, f"\\x{code:02x}")
    return f"\\u{code:04x}"


def shown(text: str, keep: str = "") -> str:
    """``text`` with control, line-separator, bidi-override and undecodable characters
    written as escapes (``\\n``, ``\\x1b``, ``\\u202e``, ``\\xff``); ``keep`` lists
    characters to leave (a format with its own escape for them)."""
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m.group()), text)


def decodable(text: str) -> str:
    """``text`` with only its undecodable bytes (lone surrogates) written as escapes."""
    return _SURROGATE.sub(lambda m: _escape(m.group()), text)
