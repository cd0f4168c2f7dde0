"""Markdown: markup is masked with spaces of equal length, so offsets stay exact.

Masked: front matter, fenced code, inline code, HTML comments (parsed for
directives) and tags, heading and list markers, emphasis, link targets, images,
URLs, table pipes. Link texts stay.
"""

from __future__ import annotations

import re

from vacaturelint.extract.base import Extraction, OffsetMap, split_blocks
from vacaturelint.extract.directives import parse_comment

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^---[ \t]*$", re.DOTALL | re.MULTILINE)
_FENCE = re.compile(r"^[ \t]{0,3}((?>```+)|(?>~~~+))[^\n]*+\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE)
_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.DOTALL)
_INLINE_CODE = re.compile(r"(?<!`)((?>`+))[^`\r\n]*?\1(?!`)")  # runs tried once: linear
_IMAGE = re.compile(r"!\[[^\]\[\r\n]*\]\([^()\r\n]*\)")
_LINK_TARGET = re.compile(r"\]\([^()\r\n]*\)|\]\[[^\[\]\r\n]*\]")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\r\n]+\]:[^\r\n]*$", re.MULTILINE)
_URL = re.compile(r"<?(?:https?://|www\.|mailto:)[^\s<>)\]]+>?|<[^\s@<>]+@[^\s@<>]+>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_HEADING = re.compile(r"^([ \t]{0,3}#{1,6})(?:[ \t]+|$)(.*?)([ \t]+#+)?[ \t]*$", re.MULTILINE)
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$", re.MULTILINE)
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.MULTILINE)
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?", re.MULTILINE)
_EMPHASIS = re.compile(r"(?<![\w\\])[*_~]{1,3}(?=\S)|(?<=\S)[*_~]{1,3}(?![\w])")
_TABLE_RULE = re.compile(
    r"^[ \t]*+(?:\|[ \t]*+)?:?-{3,}:?[ \t]*+(?:\|[ \t]*+:?-{3,}:?[ \t]*+)*+\|?[ \t]*+$", re.MULTILINE
)
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|<>~])")
# '[' is masked when a ']' follows later on its line: find each line's prefix up to
# its last ']' once (linear), instead of a lookahead from every '[' (quadratic).
_UP_TO_LAST_CLOSE = re.compile(r"^[^\r\n]*\]", re.MULTILINE)
_OPEN_BRACKET = re.compile(r"(?<!\\)\[")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def extract(text: str) -> Extraction:
    result = Extraction()
    chars = list(text)

    for match in _COMMENT.finditer(text):
        if not match.group(0).endswith("-->"):
            result.problems.append((match.start(), match.end(), "HTML-commentaar zonder afsluitende -->"))
        directive = parse_comment(match.group(1), match.start(), match.end())
        if directive is not None:
            result.directives.append(directive)
        _blank(chars, match.start(), match.end())
    front = _FRONT_MATTER.match(text)
    if front:
        _blank(chars, 0, front.end())
    masked_view = "".join(chars)
    for match in _FENCE.finditer(masked_view):
        _blank(chars, match.start(), match.end())
    masked_view = "".join(chars)

    headings: list[tuple[int, int]] = []
    for match in _HEADING.finditer(masked_view):
        _blank(chars, match.start(1), match.end(1))
        if match.group(3):
            _blank(chars, match.start(3), match.end(3))
        headings.append((match.start(2), match.end(2)))
    for match in _SETEXT.finditer(masked_view):
        line_start = masked_view.rfind("\n", 0, max(0, match.start() - 1)) + 1
        if match.start() > 0 and masked_view[line_start : match.start()].strip():
            _blank(chars, match.start(), match.end())
            headings.append((line_start, match.start()))
    items = [m.end() for m in _LIST.finditer(masked_view)]
    for pattern in (_QUOTE, _LIST, _TABLE_RULE, _REF_DEF, _INLINE_CODE, _IMAGE, _URL, _TAG, _LINK_TARGET):
        for match in pattern.finditer(masked_view):
            _blank(chars, match.start(), match.end())
    for line in _UP_TO_LAST_CLOSE.finditer(masked_view):
        for match in _OPEN_BRACKET.finditer(masked_view, line.start(), line.end()):
            _blank(chars, match.start(), match.end())
    masked_view = "".join(chars)
    for pattern in (_EMPHASIS, _ESCAPE):
        for match in pattern.finditer(masked_view):
            _blank(chars, match.start(), match.end())
    prose = "".join(chars).replace("|", " ")
    result.blocks = split_blocks(prose, OffsetMap(), headings=headings, list_items=items)
    return result
