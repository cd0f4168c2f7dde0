"""Prose extraction shared by all formats: offset map, blocks, block splitting.

An extractor turns a source text into *prose*: the same text with markup masked
(replaced by spaces of equal length) wherever possible, so that prose offsets equal
source offsets. Only length-changing transforms (HTML entities, dropped inline tags)
record anchors in an :class:`OffsetMap`. The prose is cut into blocks (paragraphs,
list items, headings); each block becomes one spaCy Doc.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field


class OffsetMap:
    """Maps prose boundary positions to source boundary positions.

    Anchors are (prose_pos, source_pos) pairs; between anchors the mapping is a
    plain shift. With no anchors beyond (0, 0) the map is the identity.
    """

    def __init__(self) -> None:
        self._prose: list[int] = [0]
        self._source: list[int] = [0]

    def add(self, prose_pos: int, source_pos: int) -> None:
        if self._prose[-1] == prose_pos:
            self._source[-1] = source_pos
        else:
            self._prose.append(prose_pos)
            self._source.append(source_pos)

    def to_source(self, prose_pos: int) -> int:
        k = bisect.bisect_right(self._prose, prose_pos) - 1
        return self._source[k] + (prose_pos - self._prose[k])

    def without_invisible(self, prose: str, start: int, end: int) -> tuple[str, OffsetMap]:
        """``prose[start:end]`` with the INVISIBLE characters removed, and the map from
        positions in that text to source positions (this map composed with the removal).

        A position just after a removed character maps to the source position after it.
        """
        composed = OffsetMap()
        pieces: list[str] = []
        length = 0
        run_start = start
        for match in [*INVISIBLE.finditer(prose, start, end), None]:
            run_end = match.start() if match is not None else end
            if run_end > run_start or match is None:
                composed.add(length, self.to_source(run_start))
                first = bisect.bisect_right(self._prose, run_start)
                last = bisect.bisect_left(self._prose, run_end)
                for k in range(first, last):  # this map's own anchors inside the run
                    composed.add(length + self._prose[k] - run_start, self._source[k])
                pieces.append(prose[run_start:run_end])
                length += run_end - run_start
            if match is not None:
                run_start = match.end()
        composed.add(length, self.to_source(end))
        return "".join(pieces), composed


# Characters that change nothing a reader sees but split a word for a matcher:
# zero-width space/non-joiner/joiner, word joiner, a byte-order mark inside the text,
# soft hyphen. Blocks are matched without them; findings point at the source
# characters (the block's offset map accounts for every removed character).
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def trim_invisible(text: str, start: int, end: int) -> tuple[int, int]:
    """A source span without INVISIBLE characters at its ends (a match ending just before
    a removed character maps to the position after it)."""
    while end > start and INVISIBLE.match(text, end - 1):
        end -= 1
    while start < end and INVISIBLE.match(text, start):
        start += 1
    return start, end


class ProseBuilder:
    """Accumulates prose pieces while recording how they map to the source."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.map = OffsetMap()

    def keep(self, source_start: int, text: str) -> None:
        """Append source text unchanged (identity mapping)."""
        if not text:
            return
        self.map.add(self.length, source_start)
        self.parts.append(text)
        self.length += len(text)

    def replace(self, source_start: int, source_end: int, text: str) -> None:
        """Append ``text`` standing for source[source_start:source_end]."""
        self.map.add(self.length, source_start)
        self.parts.append(text)
        self.length += len(text)
        self.map.add(self.length, source_end)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self.parts), self.map


@dataclass(frozen=True)
class Directive:
    """An inline suppression comment."""

    action: str  # disable-next-line | disable | enable | disable-file
    selectors: tuple[str, ...]
    reason: str
    start: int  # source offsets of the whole comment
    end: int


@dataclass
class Block:
    text: str
    prose_start: int
    kind: str  # paragraph | list_item | heading
    section: str  # text of the nearest heading above (lower case), "" if none
    offsets: OffsetMap
    part: str = "body"  # format part: body, or a Word document's header | footer

    def to_source(self, pos: int) -> int:
        return self.offsets.to_source(self.prose_start + pos)


PART_LABELS = {"header": "koptekst", "body": "hoofdtekst", "footer": "voettekst"}


@dataclass(frozen=True)
class Part:
    """A stretch of the text that is not body text (a Word header or footer), [start, end)."""

    start: int
    end: int
    name: str  # header | footer

    @property
    def label(self) -> str:
        return PART_LABELS[self.name].capitalize()


@dataclass
class Extraction:
    blocks: list[Block] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    problems: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, Dutch message)
    parts: list[Part] = field(default_factory=list)  # non-body parts, in text order


# An HTML start or end tag whose quoted attribute values may hold '<', '>' or a whole
# '<!-- ... -->' (that is attribute text, not a comment). A quote without its closing
# quote (within 4,096 characters) counts as an ordinary character, as before.
TAG_ATTRIBUTES = r"""(?:\s(?:[^<>"']++|"[^"]{0,4096}+"|'[^']{0,4096}+'|["'])*+)?/?>"""
# Elements whose content is text for a browser (RCDATA/raw text): no comments inside.
TEXT_ONLY_ELEMENTS = ("textarea", "title", "script", "style")

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
BULLET = re.compile(r"[ \t]*(?:[-*+•·▪◦‣●○■□➢➤►✓✔→–—]|\d{1,3}[.)])[ \t]+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")
_STARTS_NEW = re.compile(r"\s*[A-ZÀ-Ý0-9\"“‘'(]")
_HEADINGISH = re.compile(r"^\s*[^\s.,;]([^.;]{0,70}?)[:?]?\s*$")
MAX_BLOCK_CHARS = 5_000  # larger blocks cost superlinear time in the parser and some checks
# No word is this long. Longer runs without whitespace (URLs, ASCII art, base64,
# "&&&&..." or emoji strings) are masked in the block text: spaCy's tokenizer is
# quadratic in the length of punctuation runs, so one such line could stall a run.
MAX_RUN_CHARS = 64
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")
# Scraped text glues list items together without a space
# ("opCollegiaalRepresentatiefGastvriendelijkStressbestendigFlexibelZowel"): such a run is
# words (letters, at most one mark between them), no hazard for the tokenizer, and nlp cuts
# it into its words. It is kept up to this length; possessive quantifiers keep the test linear.
MAX_GLUED_RUN_CHARS = 400
_GLUED_RUN = re.compile(r"(?:[^\W\d_]++[;:,.!?’'()\-]?+)++")
# Lone surrogates (possible in editor buffers and API text, never in decoded files)
# cannot be encoded, and spaCy's tokenizer raises on them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def split_blocks(
    prose: str,
    offsets: OffsetMap,
    headings: list[tuple[int, int]] | None = None,
    list_items: list[int] | None = None,
    guess_headings: bool = True,
) -> list[Block]:
    """Cut prose into blocks at blank lines, bullets and sentence-final line ends.

    ``headings`` are known heading ranges (prose offsets) and ``list_items`` known
    list-item starts (from markup); plain text guesses both from the layout.
    """
    heading_starts = sorted({start for start, _ in headings or []})
    item_starts = sorted(set(list_items or []))
    lines: list[tuple[int, str]] = []
    for match in _LINE.finditer(prose):
        if match.start() == match.end():
            break
        lines.append((match.start(), match.group()))
        match.end()

    # Group lines into raw blocks: (start, end, is_item)
    raw: list[list] = []
    current: list | None = None
    previous = ""
    for start, line in lines:
        body = line.rstrip("\r\n")
        if not body.strip():
            current = None
            previous = ""
            continue
        lead = len(body) - len(body.lstrip())
        is_item = bool(BULLET.match(body)) or _any_in(item_starts, start, start + len(line))
        is_heading = _any_in(heading_starts, start, start + len(line))
        new = (
            current is None
            or is_item
            or is_heading
            or current[3]
            or bool(_SENTENCE_END.search(previous))
            or bool(_STARTS_NEW.match(body))
        )
        if new:
            current = [start + lead, start + len(body), is_item, is_heading]
            raw.append(current)
        else:
            current[1] = start + len(body)
        previous = body

    blocks: list[Block] = []
    section = ""
    masked = mask_prose(prose)
    for index, (start, end, is_item, is_heading) in enumerate(raw):
        text = prose[start:end]
        if not is_heading and guess_headings and not is_item:
            is_heading = index + 1 < len(raw) and looks_like_heading(text)
        kind = "heading" if is_heading else ("list_item" if is_item else "paragraph")
        if is_heading:
            section = section_name(text)
        blocks.extend(make_blocks(masked, start, end, kind, section, offsets))
    return blocks


def looks_like_heading(text: str) -> bool:
    """A short line without final punctuation (only a heading if text follows it)."""
    return bool(
        len(text) <= 60
        and len(text.split()) <= 7
        and _HEADINGISH.match(text)
        and not re.search(r"[.!;,]\s*$", text)
    )


def section_name(heading: str) -> str:
    return " ".join(INVISIBLE.sub("", heading).split()).strip(" :#").lower()


def mask_prose(prose: str) -> str:
    """The prose with over-long whitespace-free runs (except glued words) and lone
    surrogates blanked (same length, so offsets hold)."""
    return _SURROGATE.sub(" ", _LONG_RUN.sub(_mask_run, prose))


def _mask_run(match: re.Match) -> str:
    """A long whitespace-free run blanked, unless it is words glued together."""
    run = match.group()
    if len(run) <= MAX_GLUED_RUN_CHARS and _GLUED_RUN.fullmatch(run):
        return run
    return " " * len(run)


def make_blocks(masked: str, start: int, end: int, kind: str, section: str, offsets: OffsetMap,
                part: str = "body") -> list[Block]:
    """Blocks for masked[start:end], split into parseable chunks; blank chunks dropped.

    A chunk with INVISIBLE characters becomes a block without them, with its own map
    (``offsets`` composed with the removal, block-relative: ``prose_start`` 0)."""
    blocks = []
    for a, b in _chunks(masked, start, end):
        if INVISIBLE.search(masked, a, b):
            text, chunk_map = offsets.without_invisible(masked, a, b)
            block = Block(text=text, prose_start=0, kind=kind, section=section, offsets=chunk_map, part=part)
        else:
            block = Block(text=masked[a:b], prose_start=a, kind=kind, section=section, offsets=offsets, part=part)
        if block.text.strip():
            blocks.append(block)
    return blocks


def _any_in(starts: list[int], low: int, high: int) -> bool:
    """Whether the sorted list ``starts`` has a value in [low, high)."""
    k = bisect.bisect_left(starts, low)
    return k < len(starts) and starts[k] < high


def _chunks(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split an over-long block at whitespace so each piece stays parseable."""
    pieces = []
    while end - start > MAX_BLOCK_CHARS:
        cut = prose.rfind(" ", start + MAX_BLOCK_CHARS // 2, start + MAX_BLOCK_CHARS)
        if cut <= start:
            cut = start + MAX_BLOCK_CHARS
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces
