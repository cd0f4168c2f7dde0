"""Output formats, one module each: text (full and concise), json, sarif, github.

:class:`Report` renders results batch by batch for ``check``: what needs the file
texts (the line windows of the text format) is rendered when a batch is added, and
only the findings are kept for what wraps all files (summary, JSON list, SARIF run,
statistics). The result is the same string as one call of the format's function."""

from __future__ import annotations

from dataclasses import replace

from vacaturelint.reporters import github, json_format, sarif, text

FORMATS = {"text": text.render, "concise": text.render_concise, "json": json_format.render, "sarif": sarif.render,
           "github": github.render}
STATISTICS = {"text": text.render_statistics, "json": json_format.render_statistics}
# Formats split in a per-file part (needs the texts) and a closing part (findings only).
SPLIT = {"text": (text.render_files, text.render_summary)}


class Report:
    """Collects results batch by batch and renders them as ``FORMATS[fmt]`` (or
    ``STATISTICS[fmt]``) would render all of them at once; keeps no file texts."""

    def __init__(self, fmt: str, statistics: bool = False, **options) -> None:
        self.options = options
        self.parts: list[str] = []
        self.results: list = []
        if statistics:
            self.per_file, self.closing = None, STATISTICS[fmt]
        else:
            self.per_file, self.closing = SPLIT.get(fmt, (None, FORMATS[fmt]))

    def add(self, results) -> None:
        if self.per_file is not None:
            self.parts.append(self.per_file(results, **self.options))
        self.results += [replace(r, text="") if r.text else r for r in results]

    def render(self) -> str:
        return "".join(self.parts) + self.closing(self.results, **self.options)
