"""Parsing inline suppression comments (``<!-- vacaturelint-disable ... -->``)."""

from __future__ import annotations

import re
import unicodedata

from vacaturelint.extract.base import Directive

_DIRECTIVE = re.compile(
    r"^\s*vacaturelint-(disable-next-line|disable-file|disable|enable)(?![\w-])(.*)$",
    re.DOTALL,
)


def parse_comment(body: str, start: int, end: int) -> Directive | None:
    """Parse the body of an HTML comment; None when it is not a directive."""
    match = _DIRECTIVE.match(body)
    if not match:
        return None
    action, rest = match.group(1), match.group(2)
    selectors_part, _, reason = rest.partition("--")
    selectors = tuple(s for s in re.split(r"[\s,]+", selectors_part.strip()) if s)
    return Directive(action=action, selectors=selectors, reason=visible_reason(reason), start=start, end=end)


def visible_reason(reason: str) -> str:
    """The reason with its whitespace collapsed; "" when nothing in it is visible
    (only spaces, zero-width or other format/control characters)."""
    reason = " ".join(reason.split())
    visible = any(not unicodedata.category(ch).startswith(("C", "Z")) for ch in reason)
    return reason if visible else ""
