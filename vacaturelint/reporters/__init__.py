"""Output formats, one module each: text (full and concise), json, sarif, github.

:class:`Report` renders results batch by batch for ``check``: what needs the file
texts (the line windows of the text format) is rendered when a batch is added, and
only the findings are kept for what wraps all files (summary, JSON list, SARIF run,
statistics). The result is the same string as one call of the format's function."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from importlib import import_module


class _Formats(Mapping):
    """Format name -> render function, ``"module:function"`` of this package, each
    module imported when its format is first used (``check`` of one file needs only one)."""

    def __init__(self, names: dict[str, str]) -> None:
        self._names = names

    def __getitem__(self, fmt: str):
        module, function = self._names[fmt].split(":")
        return getattr(import_module(f"{__name__}.{module}"), function)

    def __iter__(self):
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


FORMATS = _Formats({"text": "text:render", "concise": "text:render_concise", "json": "json_format:render",
                    "sarif": "sarif:render", "github": "github:render"})
STATISTICS = _Formats({"text": "text:render_statistics", "json": "json_format:render_statistics"})
# Formats split in a per-file part (needs the texts) and a closing part (findings only).
SPLIT = {"text": _Formats({"files": "text:render_files", "closing": "text:render_summary"})}


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
            split = SPLIT.get(fmt)
            self.per_file, self.closing = (split["files"], split["closing"]) if split else (None, FORMATS[fmt])

    def add(self, results) -> None:
        if self.per_file is not None:
            self.parts.append(self.per_file(results, **self.options))
        self.results += [replace(r, text="") if r.text else r for r in results]

    def render(self) -> str:
        return "".join(self.parts) + self.closing(self.results, **self.options)
