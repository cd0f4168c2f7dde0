"""Reading input: bytes -> decoded text, with the encoding detected and recorded.

Nothing is ever written back. Text is kept exactly as decoded (original newlines,
no normalisation), so every offset a finding reports points into what the user's
editor shows.
"""

from __future__ import annotations

import codecs
import os
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


def read_source(path: str, kind: str | None = None) -> Source:
    """Read a file from disk. Raises InputError with one clear line."""
    try:
        if os.path.isdir(path):
            raise InputError(f"{path}: is een map, geen bestand")
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError(f"{path}: bestand bestaat niet") from None
    except PermissionError:
        raise InputError(f"{path}: geen leesrechten") from None
    except OSError as exc:
        raise InputError(f"{path}: kan niet lezen ({exc.strerror or exc})") from None
    return source_from_bytes(data, path, kind)
