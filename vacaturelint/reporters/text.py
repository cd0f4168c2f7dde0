"""Human output: ``path:line:col: ernst [regel] melding``, a window of the source line
around the finding with the span underlined (never a whole scraped one-line ad),
suggestions and legal ground, and one Dutch summary line. Colour only when asked."""

from __future__ import annotations

import unicodedata
from collections import Counter

import click

from vacaturelint.lineindex import LineIndex
from vacaturelint.pathtext import shown as shown_path
from vacaturelint.severity import LABELS_NL

COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
CONTEXT = 40  # characters of context shown on each side of a finding
MAX_SPAN = 80  # at most this much of the finding itself is underlined
MAX_LINE = 120  # lines up to this length are shown whole
ELLIPSIS = "…"


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def window(line_text: str, first: int, last: int, context: int = CONTEXT, max_span: int = MAX_SPAN
           ) -> tuple[str, int, int]:
    """The part of ``line_text`` to show for the span ``[first, last)``: a short line
    whole, else at most
    ``context`` characters either side (cut at a space where one is near, marked
    with …) and at most ``max_span`` of the span. Returns (text, span start, span
    end) with the span positions inside the returned text."""
    last = min(max(last, first), len(line_text))
    if len(line_text) <= MAX_LINE:
        return line_text, first, last
    end_span = min(last, first + max_span)
    start = max(0, first - context)
    if start > 0:
        space = line_text.find(" ", start, first)
        if space != -1 and space - start < context // 2:
            start = space + 1
    end = min(len(line_text), end_span + context)
    if end < len(line_text):
        space = line_text.rfind(" ", end_span, end)
        if space != -1 and end - space < context // 2:
            end = space
    shown = line_text[start:end]
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(line_text) else ""
    return prefix + shown + suffix, len(prefix) + first - start, len(prefix) + end_span - start


def summary(results, fixable: int = 0) -> str:
    """``3 bevindingen in 2 van 5 bestanden: 1 fout, 2 waarschuwingen, 0 info.`` or the
    success line; empty when nothing was checked."""
    checked = sum(1 for r in results if not r.error)
    if not checked:
        return ""
    files = f"{checked} bestand" if checked == 1 else f"{checked} bestanden"
    counts = Counter(f.severity for r in results for f in r.findings)
    total = sum(counts.values())
    if not total:
        return f"Geen bevindingen in {files}."
    with_findings = sum(1 for r in results if r.findings)
    where = files if checked == 1 else f"{with_findings} van {files}"
    parts = [f"{counts['error']} {'fout' if counts['error'] == 1 else 'fouten'}",
             f"{counts['warning']} {'waarschuwing' if counts['warning'] == 1 else 'waarschuwingen'}",
             f"{counts['info']} info"]
    line = f"{total} {'bevinding' if total == 1 else 'bevindingen'} in {where}: " + ", ".join(parts) + "."
    if fixable:
        line += f" {fixable} daarvan herstelt --fix automatisch ([*])."
    return line


def render(results, color: bool = False, quiet: bool = False, **_) -> str:
    return render_files(results, color=color) + render_summary(results, quiet=quiet)


def render_files(results, color: bool = False, **_) -> str:
    """The findings of each file with their line windows: the part that needs the
    file texts (``check`` renders it batch by batch, then drops the texts)."""
    out: list[str] = []

    def style(text, **kw):
        return click.style(text, **kw) if color else text

    for result in results:
        if not result.findings:
            continue
        index = LineIndex(result.text)
        shown_line = (-1, "")  # findings come in line order: each line is cut out once, not per finding
        for f in result.findings:
            head = f"{shown_path(f.path)}:{f.line}:{f.column}: "
            sev = style(LABELS_NL[f.severity], fg=COLOURS[f.severity], bold=True)
            mark = " [*]" if f.fix is not None else ""
            out.append(style(head, bold=True) + f"{sev} [{f.rule}]{mark} {f.message}")
            if shown_line[0] != f.line:
                shown_line = (f.line, index.line_text(f.line - 1).replace("\t", " "))
            line_text = shown_line[1]
            last = f.end_column - 1 if f.end_line == f.line else len(line_text)
            shown, first, last = window(line_text, f.column - 1, last)
            gutter = f"{f.line:>5} | "
            out.append(style(gutter, dim=True) + shown)
            marker = " " * _width(shown[:first]) + "^" * max(1, _width(shown[first:last]))
            out.append(style(" " * (len(gutter) - 2) + "| ", dim=True) + style(marker, fg=COLOURS[f.severity]))
            if f.note:
                out.append(f"      let op: {f.note}")
            if f.fix is not None:
                out.append(f"      herstel (--fix): ‘{f.text}’ → ‘{f.fix}’")
            for suggestion in f.suggestions:
                if suggestion != f.fix:
                    out.append(f"      suggestie: {suggestion}")
            if f.legal:
                out.append(style(f"      grond: {f.legal}", dim=True))
            out.append("")
    return "".join(line + "\n" for line in out)


def render_summary(results, quiet: bool = False, **_) -> str:
    """The summary after :func:`render_files` (needs only the findings)."""
    if quiet:
        return ""
    fixable = sum(f.fix is not None for r in results for f in r.findings)
    line = summary(results, fixable)
    if not line:
        return ""
    out = [line]
    if any(r.findings for r in results):
        out.append("Uitleg per regel: vacaturelint explain REGEL")
    return "".join(line + "\n" for line in out)


def render_concise(results, color: bool = False, quiet: bool = False, **_) -> str:
    """One line per finding: ``path:line:col: ernst [regel] melding``."""
    out: list[str] = []

    def style(text, **kw):
        return click.style(text, **kw) if color else text

    fixable = 0
    for result in results:
        for f in result.findings:
            fixable += f.fix is not None
            sev = style(LABELS_NL[f.severity], fg=COLOURS[f.severity], bold=True)
            mark = " [*]" if f.fix is not None else ""
            out.append(style(f"{shown_path(f.path)}:{f.line}:{f.column}:", bold=True) + f" {sev} [{f.rule}]{mark} {f.message}")
    if not quiet:
        line = summary(results, fixable)
        if line:
            if out:
                out.append("")
            out.append(line)
    return "\n".join(out) + ("\n" if out else "")


def render_statistics(results, color: bool = False, **_) -> str:
    """Findings per rule, most first: ``  12  LFT001  fout          jong-kandidaat-team``."""
    counts: Counter = Counter()
    info: dict[str, tuple[str, str, bool]] = {}
    for result in results:
        for f in result.findings:
            counts[f.rule] += 1
            fixable = info.get(f.rule, ("", "", False))[2] or f.fix is not None
            info[f.rule] = (f.name, f.severity, fixable)
    if not counts:
        return ""
    width = len(str(max(counts.values())))
    lines = []
    for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        name, severity, fixable = info[rule]
        label = LABELS_NL[severity]
        sev = click.style(f"{label:<12}", fg=COLOURS[severity]) if color else f"{label:<12}"
        lines.append(f"{count:>{width}}  {rule}  {'[*]' if fixable else '   '} {sev} {name}")
    return "\n".join(lines) + "\n"
