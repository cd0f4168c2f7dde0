"""Inline suppressions in Markdown and HTML comments, with a required reason.

``<!-- vacaturelint-disable-next-line RULE -- reden -->``: the next non-empty line.
``<!-- vacaturelint-disable RULE -- reden -->`` ... ``<!-- vacaturelint-enable RULE -->``:
a range (to the end of the file when no enable follows).
``<!-- vacaturelint-disable-file [RULE] -- reden -->``: the whole file.
RULE is a rule id, name, category or id prefix; several are separated by commas
or spaces. A suppression without a reason still applies but is itself reported
(VLT001), so nothing disappears silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from vacaturelint.extract.base import Directive
from vacaturelint.lineindex import LineIndex
from vacaturelint.meta import NO_SELECTOR, REASON_MISSING, UNKNOWN_SELECTOR


@dataclass(frozen=True)
class Suppression:
    selectors: tuple[str, ...]  # empty = all rules (disable-file only)
    start: int  # source offsets the suppression covers
    end: int


@dataclass(frozen=True)
class MetaHit:
    rule: object
    start: int
    end: int
    match: str = ""


def resolve(directives: list[Directive], text: str, known) -> tuple[list[Suppression], list[MetaHit]]:
    """Turn directives into covered ranges; report directive problems as MetaHits.

    ``known(selector)`` says whether a selector names any rule or category.
    """
    index = LineIndex(text)
    result: list[Suppression] = []
    problems: list[MetaHit] = []
    open_ranges: dict[str, tuple[int, Directive]] = {}
    for d in sorted(directives, key=lambda d: d.start):
        if d.action != "enable" and not d.reason:
            problems.append(MetaHit(REASON_MISSING, d.start, d.end))
        if d.action != "disable-file" and not d.selectors:
            problems.append(MetaHit(NO_SELECTOR, d.start, d.end))
            continue
        for selector in d.selectors:
            if not known(selector):
                problems.append(MetaHit(UNKNOWN_SELECTOR, d.start, d.end, selector))
        if d.action == "disable-file":
            result.append(Suppression(d.selectors, 0, len(text)))
        elif d.action == "disable-next-line":
            line = index.line_of(d.end) + 1
            while line < len(index.line_starts) and not index.line_text(line).strip():
                line += 1
            if line < len(index.line_starts):
                start = index.line_starts[line]
                result.append(Suppression(d.selectors, start, start + len(index.line_text(line))))
        elif d.action == "disable":
            for selector in d.selectors:
                open_ranges.setdefault(selector.lower(), (d.end, d))
        elif d.action == "enable":
            for selector in d.selectors:
                begun = open_ranges.pop(selector.lower(), None)
                if begun is not None:
                    result.append(Suppression((selector,), begun[0], d.start))
    for selector, (start, _) in open_ranges.items():
        result.append(Suppression((selector,), start, len(text)))
    return result, problems


def is_suppressed(rule, start: int, end: int, suppressions: list[Suppression]) -> bool:
    for s in suppressions:
        covers = s.start <= start and end <= s.end + 1 or (s.start <= start < s.end)
        if covers and (not s.selectors or any(rule.selected_by(sel) for sel in s.selectors)):
            return True
    return False
