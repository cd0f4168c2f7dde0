"""Markdown: markup is masked with spaces of equal length, so offsets stay exact.

Masked: front matter, fenced code, inline code, HTML comments (parsed for
directives) and tags, heading and list markers, emphasis, link targets, images,
URLs, table pipes. Link texts stay.

Only a real comment is a directive: not one inside front matter, fenced, indented or
inline code, an HTML attribute value or a text-only element (``<textarea>``, ...).
One left-to-right scan finds what starts first, as CommonMark does.
"""

from __future__ import annotations

import bisect
import re

from vacaturelint.extract.base import TAG_ATTRIBUTES, TEXT_ONLY_ELEMENTS, Extraction, OffsetMap, split_blocks
from vacaturelint.extract.directives import parse_comment

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^---[ \t]*$", re.DOTALL | re.MULTILINE)
_FENCE = re.compile(r"^[ \t]{0,3}((?>```+)|(?>~~~+))[^\n]*+\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE)
_INLINE_CODE = re.compile(r"(?<!`)((?>`+))[^`\r\n]*?\1(?!`)")  # runs tried once: linear
_TEXT_ONLY = "|".join(TEXT_ONLY_ELEMENTS)
# What can hold a '<!--' that is not a comment, and comments: the leftmost wins.
_COMMENT_OR_CODE = re.compile(
    r"^[ \t]{0,3}(?P<fence>(?>```+)|(?>~~~+))[^\n]*+\n.*?(?:^[ \t]{0,3}(?P=fence)[ \t]*$|\Z)"
    r"|<!--(?P<comment>.*?)(?:-->|\Z)"
    r"|(?<!`)(?P<ticks>(?>`+))[^`\r\n]*?(?P=ticks)(?!`)"
    rf"|<(?P<text_only>{_TEXT_ONLY})\b{TAG_ATTRIBUTES}.*?(?:</(?P=text_only)\s*>|\Z)"
    r"|</?[A-Za-z][A-Za-z0-9-]*" + TAG_ATTRIBUTES,
    re.DOTALL | re.MULTILINE | re.IGNORECASE,
)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")  # LSP line ends only
_INDENTED = re.compile(r"(?: {4}| {0,3}\t)[ \t]*\S")
_LIST_LINE = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_IMAGE = re.compile(r"!\[[^\]\[\r\n]*\]\([^()\r\n]*\)")
_LINK_TARGET = re.compile(r"\]\([^()\r\n]*\)|\]\[[^\[\]\r\n]*\]")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\r\n]+\]:[^\r\n]*$", re.MULTILINE)
_URL = re.compile(r"<?(?:https?://|www\.|mailto:)[^\s<>)\]]+>?|<[^\s@<>]+@[^\s@<>]+>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*" + TAG_ATTRIBUTES)
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


def _indented_code(text: str, start: int) -> list[tuple[int, int]]:
    """Ranges of indented code blocks: lines indented four columns or more after a
    blank line (or another such line), not continuing a list item."""
    ranges: list[tuple[int, int]] = []
    in_code = False
    after_blank = True
    in_list = False
    pos = start
    for match in _LINE.finditer(text, start):
        if match.start() == match.end():
            break
        line = match.group()
        line_start, pos = pos, pos + len(line)
        if not line.strip():
            after_blank = True
            continue
        if _INDENTED.match(line) and (in_code or (after_blank and not in_list)):
            in_code = True
            ranges.append((line_start, pos))
        else:
            in_code = False
            in_list = bool(_LIST_LINE.match(line)) or (in_list and line[:1] in " \t")
        after_blank = False
    return ranges


def _any_in_ranges(ranges: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of the sorted, disjoint ``ranges``."""
    k = bisect.bisect_right(ranges, (pos, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= pos < ranges[k][1]


def in_indented_code(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in an indented code block (where a comment is no directive)."""
    front = _FRONT_MATTER.match(text)
    return _any_in_ranges(_indented_code(text, front.end() if front else 0), pos)


def extract(text: str) -> Extraction:
    result = Extraction()
    chars = list(text)

    front = _FRONT_MATTER.match(text)
    if front:
        _blank(chars, 0, front.end())
    code_lines = _indented_code(text, front.end() if front else 0)
    for match in _COMMENT_OR_CODE.finditer(text, front.end() if front else 0):
        if match.group("comment") is None:
            continue
        if not match.group(0).endswith("-->"):
            result.problems.append((match.start(), match.end(), "HTML-commentaar zonder afsluitende -->"))
        directive = parse_comment(match.group("comment"), match.start(), match.end())
        if directive is not None and not _any_in_ranges(code_lines, match.start()):
            result.directives.append(directive)
        _blank(chars, match.start(), match.end())
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
