"""HTML: tags, comments, scripts and styles are removed from the prose, entities
decoded; the offset map records every length change, so positions stay exact.

Only a real comment is a directive: a ``<!--`` inside an attribute value or inside a
text-only element (``<textarea>``, ``<title>``: their content is text, linted as such)
is not a comment."""

from __future__ import annotations

import html
import re

from vacaturelint.extract.base import TAG_ATTRIBUTES, Extraction, ProseBuilder, split_blocks
from vacaturelint.extract.directives import parse_comment

_ENTITY = r"&(?:[A-Za-z][A-Za-z0-9]{1,31};|#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};)"
_ENTITY_ONLY = re.compile(_ENTITY)
_TOKEN = re.compile(
    r"<!--(?P<comment>.*?)(?:-->|\Z)"
    r"|<(?P<raw>script|style|template|noscript)\b" + TAG_ATTRIBUTES + r".*?(?:</(?P=raw)\s*>|\Z)"
    r"|(?P<open><(?P<text_only>textarea|title)\b" + TAG_ATTRIBUTES + r")(?P<content>.*?)"
    r"(?P<close></(?P=text_only)\s*>|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<[!?][^<>]*>"
    r"|</?(?P<tag>[A-Za-z][A-Za-z0-9-]*)" + TAG_ATTRIBUTES +
    r"|" + _ENTITY,
    re.DOTALL | re.IGNORECASE,
)  # every open-ended scan stops at the next '<', at a bounded quoted value, or consumes to the end
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "dt"}


def extract(text: str) -> Extraction:
    result = Extraction()
    builder = ProseBuilder()
    headings: list[tuple[int, int]] = []
    items: list[int] = []
    heading_start: int | None = None
    pos = 0
    for match in _TOKEN.finditer(text):
        builder.keep(pos, text[pos : match.start()])
        token = match.group(0)
        pos = match.end()
        if match.group("comment") is not None:
            if not token.endswith("-->"):
                result.problems.append((match.start(), match.end(), "HTML-commentaar zonder afsluitende -->"))
            directive = parse_comment(match.group("comment"), match.start(), match.end())
            if directive is not None:
                result.directives.append(directive)
            builder.replace(match.start(), match.end(), "")
            continue
        if match.group("text_only") is not None:  # text between its tags, entities decoded
            builder.replace(match.start(), match.end("open"), "\n\n")
            _keep_text(builder, text, match.start("content"), match.end("content"))
            builder.replace(match.start("close"), match.end(), "\n\n")
            continue
        if token.startswith("&"):
            builder.replace(match.start(), match.end(), html.unescape(token))
            continue
        tag = (match.group("tag") or "").lower()
        if tag in _BLOCK_TAGS:
            builder.replace(match.start(), match.end(), "\n\n")
            closing = token.startswith("</")
            if tag in _HEADING_TAGS:
                if closing and heading_start is not None:
                    headings.append((heading_start, builder.length))
                    heading_start = None
                elif not closing:
                    heading_start = builder.length
            elif tag == "li" and not closing:
                items.append(builder.length)
        elif tag:
            builder.replace(match.start(), match.end(), "")
        else:
            builder.replace(match.start(), match.end(), "\n\n")
    builder.keep(pos, text[pos:])
    prose, offsets = builder.build()
    result.blocks = split_blocks(prose, offsets, headings=headings, list_items=items, guess_headings=False)
    return result


def _keep_text(builder: ProseBuilder, text: str, start: int, end: int) -> None:
    """text[start:end] as prose: unchanged except for decoded entities."""
    pos = start
    for match in _ENTITY_ONLY.finditer(text, start, end):
        builder.keep(pos, text[pos : match.start()])
        builder.replace(match.start(), match.end(), html.unescape(match.group()))
        pos = match.end()
    builder.keep(pos, text[pos:end])
