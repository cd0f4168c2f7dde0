"""Safe fixes (``check --fix`` / ``--diff``): apply the replacements rules mark safe
(``Finding.fix``, from ``fix:`` in rules.yaml; the LSP's preferred quick fix is the
same field) and write the file back as it was: same encoding, byte-order mark and
line endings, atomically (a temporary file in the same folder, then ``os.replace``).

Only Markdown, HTML and plain text are fixed; Word files are reported as not fixable.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re

from vacaturelint import atomic
from vacaturelint.errors import InputError
from vacaturelint.findings import Finding
from vacaturelint.pathtext import shown
from vacaturelint.source import TEXT_KINDS, Source

_BOMS = {
    "utf-8-sig": ("utf-8", codecs.BOM_UTF8),
    "utf-16-le": ("utf-16-le", codecs.BOM_UTF16_LE),
    "utf-16-be": ("utf-16-be", codecs.BOM_UTF16_BE),
    "utf-32-le": ("utf-32-le", codecs.BOM_UTF32_LE),
    "utf-32-be": ("utf-32-be", codecs.BOM_UTF32_BE),
}


def fixable(source: Source) -> bool:
    return source.kind in TEXT_KINDS


def apply(text: str, findings: list[Finding]) -> tuple[str, int]:
    """``text`` with every safe fix applied, from the end backwards (so earlier
    offsets stay valid); overlapping fixes after the first are left alone.
    Returns (new text, number of fixes applied)."""
    edits = sorted((f for f in findings if f.fix is not None and text[f.start:f.end] == f.text),
                   key=lambda f: (f.start, f.end), reverse=True)
    applied = 0
    limit = len(text) + 1
    for f in edits:
        if f.end > limit:
            continue
        text = text[:f.start] + f.fix + text[f.end:]
        limit = f.start
        applied += 1
    return text, applied


def encode(text: str, encoding: str, path: str) -> bytes:
    """Bytes for ``text`` in the file's encoding, with its byte-order mark."""
    codec, bom = _BOMS.get(encoding, (encoding, b""))
    try:
        return bom + text.encode(codec)
    except UnicodeEncodeError:
        raise InputError(f"{path}: de hersteltekst past niet in de codering {encoding}; niets geschreven") from None


def write(source: Source, new_text: str) -> None:
    """Replace the file's contents atomically, in its own encoding, keeping its mode."""
    path = source.path
    target = os.path.realpath(path)  # a symlink stays a symlink: the file it points to is rewritten
    data = encode(new_text, source.encoding, path)
    with open(target, "rb") as handle:
        original = handle.read()
    if encode(source.text, source.encoding, path) != original:
        raise InputError(f"{path}: bestand is veranderd of niet exact terug te schrijven; niets geschreven")
    with atomic.replacing(target, prefix=".vacaturelint-fix-", mode=os.stat(target).st_mode & 0o7777) as temp, \
            open(temp, "wb") as handle:
        handle.write(data)


def diff(path: str, old: str, new: str) -> str:
    """A unified diff (``--- a/path`` / ``+++ b/path``) keeping the file's line endings."""
    lines = difflib.unified_diff(_lines(old), _lines(new),
                                 fromfile=f"a/{shown(path)}", tofile=f"b/{shown(path)}")
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ Geen regeleinde aan het einde van het bestand\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines with their own terminators (only \\n, \\r\\n and \\r end a line)."""
    return re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)
