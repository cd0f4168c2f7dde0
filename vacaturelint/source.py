"""Reading input: bytes -> decoded text, with the encoding detected and recorded.

Nothing is ever written back. Text is kept exactly as decoded (original newlines,
no normalisation), so every offset a finding reports points into what the user's
editor shows.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from vacaturelint.errors import InputError

KIND_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "plain",
    ".text": "plain",
    ".docx": "docx",
}
TEXT_KINDS = ("plain", "markdown", "html")

# The largest input read (one file, or standard input), in bytes; see README "Grenzen".
DEFAULT_MAX_SIZE = 1_000_000
MAX_SIZE_ENV = "VACATURELINT_MAX_SIZE"
_READ_CHUNK = 1 << 16
_SIZE = re.compile(r"^\s*(\d+)\s*(b|kb?|mb?|gb?)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 1000**2, "mb": 1000**2, "g": 1000**3, "gb": 1000**3}

# Magic numbers of binary formats people pass by mistake.
_BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP/Office",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\xd0\xcf\x11\xe0": "Office (oud formaat)",
}
# Characters cp1252 leaves undefined: a file containing them is not cp1252.
_C1_CONTROLS = {chr(c) for c in range(0x80, 0xA0)}


class NotTextError(InputError):
    """A binary file (PDF, image, archive...): reported when named, skipped in directory walks."""


def parse_size(value) -> int | None:
    """``1000000``, ``"500kb"``, ``"2 MB"`` -> bytes (KB = 1000, MB = 1000 KB); None when
    ``value`` is not a positive size."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    match = _SIZE.match(str(value))
    if not match:
        return None
    size = int(match.group(1)) * _UNITS[(match.group(2) or "").lower()]
    return size if size > 0 else None


def describe_size(size: int) -> str:
    """``1000000`` -> ``1 MB``; ``1500`` -> ``1500 bytes``."""
    for unit, factor in (("GB", 1000**3), ("MB", 1000**2), ("KB", 1000)):
        if size % factor == 0:
            return f"{size // factor} {unit}"
    return f"{size} bytes"


def env_max_size() -> int | None:
    """The size limit from $VACATURELINT_MAX_SIZE, None when unset. Raises InputError."""
    raw = os.environ.get(MAX_SIZE_ENV)
    if raw is None or not raw.strip():
        return None
    size = parse_size(raw)
    if size is None:
        raise InputError(f"{MAX_SIZE_ENV}={raw!r}: geen geldige grootte (bijvoorbeeld 1000000, 500KB of 2MB)")
    return size


def too_big(name: str, limit: int) -> InputError:
    return InputError(f"{name}: groter dan {describe_size(limit)}, de grens voor één invoer; "
                      "verhoog die met --max-size, VACATURELINT_MAX_SIZE of max_size in de configuratie")


def read_capped(handle, limit: int, name: str) -> bytes:
    """At most ``limit`` bytes from a binary stream, read in chunks (never more than
    ``limit`` + one chunk in memory). Raises InputError when there is more."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = handle.read(min(_READ_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise too_big(name, limit)


def regular_file_problem(path: str) -> str | None:
    """Why ``path`` (symbolic links followed) is not a regular file, or None:
    a device, FIFO or socket is skipped in folder walks (reading it could block
    or never end)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # reading it reports the real error
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "een named pipe (FIFO), geen gewoon bestand"
    if stat.S_ISSOCK(mode):
        return "een socket, geen gewoon bestand"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "een apparaatbestand, geen gewoon bestand"
    return "geen gewoon bestand"


@dataclass(frozen=True)
class Source:
    path: str  # as the user gave it ("-" or a stdin name for standard input)
    text: str
    kind: str  # plain | markdown | html | docx
    encoding: str = "utf-8"
    raw: bytes | None = None  # only kept for binary container formats (docx)


def kind_for(path: str, default: str = "plain") -> str:
    return KIND_BY_SUFFIX.get(Path(path).suffix.lower(), default)


def binary_format(data: bytes) -> str | None:
    """Name of the binary format of ``data``, or None when it looks like text."""
    for magic, name in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return name
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in data[:8192]:
        return "binair"
    return None


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes, returning (text, encoding name). Raises InputError."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path, bom=3), "utf-8-sig"
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    if data.startswith(codecs.BOM_UTF32_LE):
        return _strict(data[4:], "utf-32-le", path, bom=4), "utf-32-le"
    if data.startswith(codecs.BOM_UTF32_BE):
        return _strict(data[4:], "utf-32-be", path, bom=4), "utf-32-be"
    if data.startswith(codecs.BOM_UTF16_LE):
        return _strict(data[2:], "utf-16-le", path, bom=2), "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data[2:], "utf-16-be", path, bom=2), "utf-16-be"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        return text, "cp1252"
    # Not UTF-8 and not Windows-1252; Latin-1 decodes any byte, but only accept it
    # when it yields no C1 control characters (those mean it is not Latin-1 text).
    text = data.decode("latin-1")
    if not any(ch in _C1_CONTROLS for ch in text):
        return text, "latin-1"
    raise InputError(f"{path}: kan de tekst niet decoderen (geen UTF-8, UTF-16, Windows-1252 of Latin-1)")


def _strict(data: bytes, encoding: str, path: str, bom: int = 0) -> str:
    """Decode ``data`` (the file after its ``bom`` bytes of byte-order mark). The error
    names the byte offset in the file, counted from its first byte, the BOM included."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: ongeldige {encoding.upper()}-tekst bij byte {exc.start + bom} "
            f"(geteld vanaf het begin van het bestand, de BOM meegeteld)"
        ) from None


def source_from_bytes(data: bytes, path: str, kind: str | None = None) -> Source:
    kind = kind or kind_for(path)
    if kind == "docx":
        return Source(path=path, text="", kind=kind, encoding="docx", raw=data)
    fmt = binary_format(data)
    if fmt is not None:
        raise NotTextError(f"{path}: geen tekstbestand ({fmt})")
    text, encoding = decode(data, path)
    return Source(path=path, text=text, kind=kind, encoding=encoding)


def read_source(path: str, kind: str | None = None, max_size: int = DEFAULT_MAX_SIZE) -> Source:
    """Read a file from disk, at most ``max_size`` bytes. Raises InputError with one clear line."""
    try:
        if os.path.isdir(path):
            raise InputError(f"{path}: is een map, geen bestand")
        with open(path, "rb") as handle:
            data = read_capped(handle, max_size, path)
    except FileNotFoundError:
        raise InputError(f"{path}: bestand bestaat niet") from None
    except PermissionError:
        raise InputError(f"{path}: geen leesrechten") from None
    except OSError as exc:
        raise InputError(f"{path}: kan niet lezen ({exc.strerror or exc})") from None
    return source_from_bytes(data, path, kind)
