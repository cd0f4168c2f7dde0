"""Findings -> LSP objects (Diagnostic, Hover, CodeAction), and positions between
code-point offsets and the client's position encoding.

Positions always go through :class:`vacaturelint.lineindex.LineIndex`, which ends lines
only at ``\\n``, ``\\r\\n`` and ``\\r`` as LSP does (not at U+2028 or form feeds, unlike
``str.splitlines``), and clamps positions past a line's end or the document's end.
"""

from __future__ import annotations

from lsprotocol import types

from vacaturelint.extract import markdown
from vacaturelint.findings import Finding
from vacaturelint.lineindex import LineIndex
from vacaturelint.severity import LABELS_NL
from vacaturelint.suggestions import is_replacement

SOURCE = "vacaturelint"
UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
SUPPRESSIBLE_KINDS = ("markdown", "html")


def _units(ch: str, encoding: str) -> int:
    if encoding == UTF32:
        return 1
    if encoding == UTF8:
        return len(ch.encode("utf-8", "surrogatepass"))
    return 2 if ord(ch) > 0xFFFF else 1


def to_position(index: LineIndex, offset: int, encoding: str = UTF16) -> types.Position:
    """Client position of a code-point offset (clamped into the text)."""
    line, col = index.position(offset)
    if encoding == UTF16:
        line, col = index.utf16_column(offset)
    elif encoding == UTF8:
        start = index.line_starts[line]
        col = len(index.text[start:start + col].encode("utf-8", "surrogatepass"))
    return types.Position(line=line, character=col)


def to_range(index: LineIndex, start: int, end: int, encoding: str = UTF16) -> types.Range:
    return types.Range(start=to_position(index, start, encoding), end=to_position(index, end, encoding))


def to_offset(index: LineIndex, position: types.Position, encoding: str = UTF16) -> int:
    """Code-point offset of a client position; out-of-range lines/columns are clamped."""
    line, column = position.line, position.character
    if encoding == UTF16:
        return index.offset_from_utf16(line, column)
    if encoding == UTF32 or line < 0 or line >= len(index.line_starts):
        return index.offset(line, column)
    start = index.line_starts[line]
    units = 0
    for i, ch in enumerate(index.line_text(line)):
        if units >= column:
            return start + i
        units += _units(ch, encoding)
    return start + len(index.line_text(line))


def diagnostic(finding: Finding, index: LineIndex, encoding: str = UTF16) -> types.Diagnostic:
    return types.Diagnostic(
        range=to_range(index, finding.start, finding.end, encoding),
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Information),
        code=finding.rule,
        source=SOURCE,
        message=finding.message + (f" ({finding.note})" if finding.note else ""),
        data={
            "rule": finding.rule,
            "suggestions": list(finding.suggestions),
            "explanation": finding.explanation,
            "legal": finding.legal,
            "fix": finding.fix,
        },
    )


def hover_markdown(findings: list[Finding]) -> str:
    parts = []
    for f in findings:
        lines = [f"**{f.rule} · {f.name}** ({LABELS_NL.get(f.severity, f.severity)}, {f.category})", "", f.message]
        if f.note:
            lines += ["", f"_{f.note}_"]
        if f.explanation:
            lines += ["", f.explanation]
        if f.legal:
            lines += ["", f"**Wettelijke grond:** {f.legal}"]
        if f.suggestions:
            lines += ["", "**Suggesties:**"] + [f"- {s}" for s in f.suggestions]
        parts.append("\n".join(lines))
    return "\n\n---\n\n".join(parts)


def hover(findings: list[Finding], index: LineIndex, encoding: str = UTF16) -> types.Hover:
    start = min(f.start for f in findings)
    end = max(f.end for f in findings)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_markdown(findings)),
        range=to_range(index, start, end, encoding),
    )


def _edit(uri: str, version: int | None, edits: list[types.TextEdit], versioned: bool) -> types.WorkspaceEdit:
    if versioned:
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=edits,
        )])
    return types.WorkspaceEdit(changes={uri: edits})


def suppression_comment(rule: str) -> str:
    return f"<!-- vacaturelint-disable-next-line {rule} -- reden: ... -->"


def code_actions(findings: list[Finding], diagnostics: dict[Finding, types.Diagnostic], uri: str,
                 version: int | None, kind: str, index: LineIndex, encoding: str = UTF16,
                 versioned: bool = False) -> list[types.CodeAction]:
    """Quick fixes for ``findings``: the rule's safe fix (``Finding.fix``, the same one
    ``check --fix`` applies) as the preferred action, one replacement per other
    suggestion (never preferred: those need a human to choose), and (Markdown/HTML)
    a suppression comment with a reason placeholder above the finding's line."""
    actions: list[types.CodeAction] = []
    for f in findings:
        diag = diagnostics[f]
        if f.fix is not None:
            edit = types.TextEdit(range=to_range(index, f.start, f.end, encoding), new_text=f.fix)
            actions.append(types.CodeAction(
                title=f"Herstel: vervang door ‘{f.fix}’",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diag],
                is_preferred=True,
                edit=_edit(uri, version, [edit], versioned),
            ))
        replacements = [s for s in f.suggestions if is_replacement(s) and s != f.fix]
        for suggestion in replacements:
            edit = types.TextEdit(range=to_range(index, f.start, f.end, encoding), new_text=suggestion)
            actions.append(types.CodeAction(
                title=f"Vervang door ‘{suggestion}’",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diag],
                is_preferred=False,
                edit=_edit(uri, version, [edit], versioned),
            ))
        if kind in SUPPRESSIBLE_KINDS:
            line = index.line_of(f.start)
            line_start = index.line_starts[line]
            text = index.line_text(line)
            indent = text[: len(text) - len(text.lstrip(" \t"))]
            if kind == "markdown" and indent and markdown.in_indented_code(index.text, line_start):
                indent = ""  # indented like the line, the comment would be code, not a directive
            newline = _newline(index)
            at = to_position(index, line_start, encoding)
            edit = types.TextEdit(range=types.Range(start=at, end=at),
                                  new_text=f"{indent}{suppression_comment(f.rule)}{newline}")
            actions.append(types.CodeAction(
                title=f"Negeer {f.rule} op de volgende regel (met reden)",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diag],
                edit=_edit(uri, version, [edit], versioned),
            ))
    return actions


def _newline(index: LineIndex) -> str:
    if len(index.line_starts) > 1:
        end = index.line_starts[1]
        return "\r\n" if index.text[end - 2:end] == "\r\n" else index.text[end - 1]
    return "\n"
