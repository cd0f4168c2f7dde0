"""Parsing inline suppression comments (``<!-- vacaturelint-disable ... -->``)."""

from __future__ import annotations

import re

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
    return Directive(action=action, selectors=selectors, reason=" ".join(reason.split()), start=start, end=end)
