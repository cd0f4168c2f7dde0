"""Offsets <-> (line, column), using the line terminators editors and LSP use.

Only ``\\n``, ``\\r\\n`` and ``\\r`` end a line (as in the LSP specification and in
editors). U+2028, form feeds and the other characters ``str.splitlines`` treats as
line breaks do not. Columns count Unicode code points; ``utf16_column`` converts
for LSP clients.
"""

from __future__ import annotations

import bisect
import re

_TERMINATOR = re.compile(r"\r\n|\r|\n")


class LineIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        starts.extend(m.end() for m in _TERMINATOR.finditer(text))
        self.line_starts = starts

    def line_of(self, offset: int) -> int:
        """0-based line containing ``offset`` (an offset at a line end belongs to that line)."""
        offset = max(0, min(offset, len(self.text)))
        return bisect.bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, column-in-code-points) of ``offset``."""
        line = self.line_of(offset)
        offset = max(0, min(offset, len(self.text)))
        return line, offset - self.line_starts[line]

    def line_text(self, line: int) -> str:
        """Text of a 0-based line without its terminator."""
        start = self.line_starts[line]
        end = self.line_starts[line + 1] if line + 1 < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def offset(self, line: int, column: int) -> int:
        """Offset of a 0-based (line, code-point column), clamped into the line."""
        if line < 0:
            return 0
        if line >= len(self.line_starts):
            return len(self.text)
        start = self.line_starts[line]
        return start + max(0, min(column, len(self.line_text(line))))

    def utf16_column(self, offset: int) -> tuple[int, int]:
        """0-based (line, column in UTF-16 code units) of ``offset``."""
        line, col = self.position(offset)
        start = self.line_starts[line]
        prefix = self.text[start : start + col]
        return line, col + sum(1 for ch in prefix if ord(ch) > 0xFFFF)

    def offset_from_utf16(self, line: int, column16: int) -> int:
        """Offset of a 0-based (line, UTF-16 column), clamped into the line."""
        if line < 0:
            return 0
        if line >= len(self.line_starts):
            return len(self.text)
        text = self.line_text(line)
        units = 0
        for i, ch in enumerate(text):
            if units >= column16:
                return self.line_starts[line] + i
            units += 2 if ord(ch) > 0xFFFF else 1
        return self.line_starts[line] + len(text)
