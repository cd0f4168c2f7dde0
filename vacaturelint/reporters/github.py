"""GitHub Actions workflow commands (annotations on the pull request)."""

from __future__ import annotations

from vacaturelint.pathtext import shown

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(results, **_) -> str:
    lines = []
    for result in results:
        for f in result.findings:
            props = (f"file={_prop(shown(f.path, keep=chr(13) + chr(10)))},line={f.line},col={f.column},endLine={f.end_line},"
                     f"endColumn={f.end_column},title={_prop('vacaturelint ' + f.rule)}")
            body = f.message
            if f.suggestions:
                body += "\nSuggestie: " + "; ".join(f.suggestions)
            lines.append(f"::{_LEVEL[f.severity]} {props}::{_data(body)}")
    return "\n".join(lines) + ("\n" if lines else "")
