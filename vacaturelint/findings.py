"""Findings: what the engine reports, with exact positions in the original file."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Finding:
    path: str
    start: int  # 0-based code-point offsets into the decoded file text, end exclusive
    end: int
    line: int  # 1-based; columns count code points; end exclusive
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    category: str
    severity: str
    message: str
    explanation: str
    legal: str
    suggestions: tuple[str, ...]
    text: str
    scope: str = "span"
    note: str = ""
    fix: str | None = None  # safe replacement for text[start:end] (rules.yaml ``fix``), used by --fix and the LSP

    def sort_key(self):
        return (self.path, self.start, self.end, self.rule)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        data["offset"] = data.pop("start")
        data["end_offset"] = data.pop("end")
        return data


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # one Dutch line when the file could not be checked
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)
    text: str = ""
    kind: str = ""  # plain | markdown | html | docx
    parts: tuple = ()  # extract.base.Part: Word header/footer stretches of ``text``
