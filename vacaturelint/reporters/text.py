"""Human output: ``path:line:col: severity [rule] message``, the source line with the
span underlined, suggestions and legal ground. Colour only when asked (a terminal)."""

from __future__ import annotations

import unicodedata

import click

from vacaturelint.lineindex import LineIndex
from vacaturelint.severity import LABELS_NL

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def render(results, color: bool = False, **_) -> str:
    out: list[str] = []

    def style(text, **kw):
        return click.style(text, **kw) if color else text

    counts = {"error": 0, "warning": 0, "info": 0}
    files_with = 0
    for result in results:
        if not result.findings:
            continue
        files_with += 1
        index = LineIndex(result.text)
        for f in result.findings:
            counts[f.severity] += 1
            head = f"{f.path}:{f.line}:{f.column}: "
            sev = style(LABELS_NL[f.severity], fg=_COLOURS[f.severity], bold=True)
            out.append(style(head, bold=True) + f"{sev} [{f.rule}] {f.message}")
            line_text = index.line_text(f.line - 1).expandtabs(1)
            first = f.column - 1
            last = f.end_column - 1 if f.end_line == f.line else len(line_text)
            gutter = f"{f.line:>5} | "
            out.append(style(gutter, dim=True) + line_text.replace("\t", " "))
            marker = " " * _width(line_text[:first]) + "^" * max(1, _width(line_text[first:last]))
            out.append(style(" " * (len(gutter) - 2) + "| ", dim=True) + style(marker, fg=_COLOURS[f.severity]))
            if f.note:
                out.append(f"      let op: {f.note}")
            for suggestion in f.suggestions:
                out.append(f"      suggestie: {suggestion}")
            if f.legal:
                out.append(style(f"      grond: {f.legal}", dim=True))
            out.append("")
    total = sum(counts.values())
    if total:
        parts = [f"{counts['error']} fout(en)", f"{counts['warning']} waarschuwing(en)", f"{counts['info']} info"]
        out.append(f"{total} bevinding(en) in {files_with} bestand(en): " + ", ".join(parts) + ".")
        out.append("Uitleg per regel: vacaturelint explain REGEL")
    return "\n".join(out) + ("\n" if out else "")
