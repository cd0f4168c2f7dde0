"""Word (.docx): page headers, body (paragraphs, list items, table cells) and page
footers become one text with exactly one line per Word paragraph.

Line N of the extracted text is paragraph N of the document (headers first, then
the body in document order, then footers), so a finding's ``line``/``column`` reads
as "paragraph N, character M". Empty paragraphs are kept as empty lines so the
numbering follows the document. Tracked changes: inserted text (``w:ins``,
``w:moveTo``) is linted, deleted text (``w:del``/``w:delText``, ``w:moveFrom``) is
not; comments (a separate part) and field instructions are ignored.

The XML is walked directly (python-docx opens the package): the object API hides
text inside ``w:ins``, hyperlinks and content controls and repeats merged table
cells.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from vacaturelint.errors import InputError
from vacaturelint.extract.base import (
    BULLET,
    Extraction,
    OffsetMap,
    Part,
    looks_like_heading,
    make_blocks,
    mask_prose,
    section_name,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# Containers whose content is not (current) document text.
_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delText", W + "delInstrText",
         W + "rPr", W + "pPr", W + "footnoteReference", W + "endnoteReference", W + "commentReference",
         W + "drawing", W + "pict", W + "object", MC + "AlternateContent"}
# Bounds (README "Grenzen"): a .docx is a zip archive, and a few hundred KB of it can
# unpack to gigabytes of XML (a zip bomb), or hold one paragraph of millions of characters.
MAX_UNPACKED = 20_000_000  # bytes, all parts of the package together, unpacked
MAX_PARAGRAPH_CHARS = 100_000
_UNPACK_CHUNK = 1 << 16
# Line-breaking characters that would split one paragraph over several lines.
_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class Paragraph:
    """One Word paragraph: its text (one line) and where it sits."""

    text: str
    part: str  # header | body | footer
    kind: str  # paragraph | list_item | heading
    in_table: bool = False


class _ParagraphTooLong(Exception):
    pass


def paragraphs(raw: bytes | None, path: str) -> list[Paragraph]:
    """All paragraphs of the document in reading order. Raises InputError."""
    document = _open(raw, path)
    try:
        styles = _style_names(document)
        body = document.element.body
        header_parts, footer_parts = _header_footer_parts(document)
        result: list[Paragraph] = []
        for part in header_parts:
            result.extend(_walk(part.element, "header", styles))
        result.extend(_walk(body, "body", styles))
        for part in footer_parts:
            result.extend(_walk(part.element, "footer", styles))
    except InputError:
        raise
    except _ParagraphTooLong:
        limit = f"{MAX_PARAGRAPH_CHARS:,}".replace(",", ".")
        raise InputError(f"{path}: een alinea is langer dan {limit} tekens (grens voor Word-bestanden); "
                         "niet gelezen") from None
    except Exception as exc:  # malformed XML inside a valid zip, odd relationships, ...
        raise InputError(f"{path}: beschadigd Word-bestand (.docx): {_reason(exc)}") from None
    return result


def extract(raw: bytes | None, path: str) -> tuple[str, Extraction]:
    """The document as text (one paragraph per line) and its prose blocks, built
    and masked like every other format's (extract.base); headers and footers are
    marked as parts."""
    paras = paragraphs(raw, path)
    offsets = OffsetMap()
    text = "\n".join(p.text for p in paras)
    masked = mask_prose(text)
    followed = _followed_by_body(paras)
    extraction = Extraction()
    section = ""
    pos = 0
    for index, para in enumerate(paras):
        start = pos
        pos += len(para.text) + 1
        _add_part(extraction, para.part, start, min(pos, len(text)))
        body = para.text
        if not body.strip():
            continue
        lead = len(body) - len(body.lstrip())
        kind = para.kind
        plain_body = kind == "paragraph" and para.part == "body" and not para.in_table
        if plain_body and BULLET.match(body):
            kind = "list_item"
        elif plain_body and followed[index] and looks_like_heading(body.strip()):
            kind = "heading"
        if kind == "heading":
            section = section_name(body)
        where = section if para.part == "body" else ""
        extraction.blocks.extend(make_blocks(masked, start + lead, start + len(body.rstrip()), kind, where, offsets,
                                             part=para.part))
    return text, extraction


def _followed_by_body(paras: list[Paragraph]) -> list[bool]:
    """Per paragraph: is the next non-empty paragraph body text? (One backward pass.)"""
    result = [False] * len(paras)
    next_part = None
    for index in range(len(paras) - 1, -1, -1):
        result[index] = next_part == "body"
        if paras[index].text.strip():
            next_part = paras[index].part
    return result


def _add_part(extraction: Extraction, name: str, start: int, end: int) -> None:
    """Grow the last header/footer part, or start a new one."""
    if name == "body":
        return
    parts = extraction.parts
    if parts and parts[-1].name == name and parts[-1].end == start:
        parts[-1] = Part(parts[-1].start, end, name)
    else:
        parts.append(Part(start, end, name))


# -- package ------------------------------------------------------------------
def _open(raw: bytes | None, path: str):
    import docx  # python-docx

    if not raw:
        raise InputError(f"{path}: leeg bestand, geen Word-document (.docx)")
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise InputError(f"{path}: geen geldig Word-bestand (.docx is geen zip-archief)")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = _unpack(archive, path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise InputError(f"{path}: beschadigd Word-bestand (.docx): {_reason(exc)}") from None
    if "[Content_Types].xml" not in parts or not any(n.endswith("document.xml") for n in parts):
        raise InputError(f"{path}: geen Word-document (zip-archief zonder word/document.xml)")
    try:
        document = docx.Document(_stored(parts))
    except Exception as exc:  # python-docx raises many types for broken packages
        raise InputError(f"{path}: beschadigd Word-bestand (.docx): {_reason(exc)}") from None
    if not hasattr(document, "element") or document.element.body is None:
        raise InputError(f"{path}: geen Word-document (geen documenttekst gevonden)")
    return document


def _unpack(archive: zipfile.ZipFile, path: str) -> dict[str, bytes]:
    """Every part of the package, unpacked once. Refuses a package that unpacks to more
    than :data:`MAX_UNPACKED` bytes: first by the sizes the archive declares, then by
    counting while unpacking in chunks (a lying header is stopped at the cap, never
    unpacked whole)."""
    declared = sum(info.file_size for info in archive.infolist())
    if declared > MAX_UNPACKED:
        raise _too_big(path)
    total = 0
    parts: dict[str, bytes] = {}
    for info in archive.infolist():
        chunks = []
        with archive.open(info) as member:
            while chunk := member.read(_UNPACK_CHUNK):
                total += len(chunk)
                if total > MAX_UNPACKED:
                    raise _too_big(path)
                chunks.append(chunk)
        parts[info.filename] = b"".join(chunks)
    return parts


def _stored(parts: dict[str, bytes]) -> io.BytesIO:
    """The unpacked parts as an uncompressed zip for python-docx, so nothing is
    decompressed twice."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as stored:
        for name, data in parts.items():
            stored.writestr(name, data)
    buffer.seek(0)
    return buffer


def _too_big(path: str) -> InputError:
    return InputError(f"{path}: Word-bestand pakt uit tot meer dan {MAX_UNPACKED // 1_000_000} MB "
                      "(mogelijk een zip-bom); niet gelezen")


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:160]


def _style_names(document) -> dict[str, str]:
    names = {}
    try:
        for style in document.styles:
            if style.style_id:
                names[style.style_id] = (style.name or style.style_id).lower()
    except Exception:  # a document without (readable) styles part
        pass
    return names


def _header_footer_parts(document):
    """Unique header and footer parts, in section order (first, default, even)."""
    headers, footers, seen = [], [], set()
    order = {"first": 0, "default": 1, "even": 2}
    for sect_pr in document.element.body.iter(W + "sectPr"):
        for tag, target in ((W + "headerReference", headers), (W + "footerReference", footers)):
            refs = sorted(sect_pr.findall(tag), key=lambda r: order.get(r.get(W + "type"), 1))
            for ref in refs:
                rid = ref.get(R_ID)
                part = document.part.related_parts.get(rid) if rid else None
                if part is None or id(part) in seen or not hasattr(part, "element"):
                    continue
                seen.add(id(part))
                target.append(part)
    return headers, footers


# -- XML walk -----------------------------------------------------------------
def _walk(container, part: str, styles: dict[str, str], in_table: bool = False) -> list[Paragraph]:
    out: list[Paragraph] = []
    for child in container:
        tag = child.tag
        if tag == W + "p":
            out.append(_paragraph(child, part, styles, in_table))
        elif tag == W + "tbl":
            for row in child.iter(W + "tr"):
                if _owner_table(row) is not child:
                    continue
                for cell in row.findall(W + "tc"):
                    out.extend(_walk(cell, part, styles, True))
        elif tag in (W + "sdt", W + "customXml", W + "ins", W + "moveTo"):
            content = child.find(W + "sdtContent") if tag == W + "sdt" else child
            if content is not None:
                out.extend(_walk(content, part, styles, in_table))
        elif tag in (W + "del", W + "moveFrom"):
            continue
    return out


def _owner_table(row):
    node = row.getparent()
    while node is not None and node.tag != W + "tbl":
        node = node.getparent()
    return node


def _paragraph(p, part: str, styles: dict[str, str], in_table: bool) -> Paragraph:
    pieces: list[str] = []
    _collect(p, pieces)
    if sum(map(len, pieces)) > MAX_PARAGRAPH_CHARS:
        raise _ParagraphTooLong
    text = _BREAKS.sub(" ", "".join(pieces))
    return Paragraph(text=text, part=part, kind=_kind(p, styles), in_table=in_table)


def _collect(node, pieces: list[str]) -> None:
    for child in node:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            pieces.append(child.text or "")
        elif tag == W + "tab" or tag == W + "ptab":
            pieces.append("\t")
        elif tag in (W + "br", W + "cr"):
            pieces.append(" ")
        elif tag == W + "noBreakHyphen":
            pieces.append("-")
        elif tag == W + "p":  # a nested paragraph (e.g. inside an inline content control)
            if pieces and not pieces[-1].endswith(" "):
                pieces.append(" ")
            _collect(child, pieces)
        else:
            _collect(child, pieces)


def _kind(p, styles: dict[str, str]) -> str:
    ppr = p.find(W + "pPr")
    if ppr is None:
        return "paragraph"
    style_el = ppr.find(W + "pStyle")
    name = styles.get(style_el.get(W + "val"), (style_el.get(W + "val") or "").lower()) if style_el is not None else ""
    if ppr.find(W + "outlineLvl") is not None or re.match(r"(heading|kop|title|titel)\b", name) or \
            re.match(r"(heading|kop)\s?\d", name):
        return "heading"
    if ppr.find(W + "numPr") is not None or "list" in name or "lijst" in name:
        return "list_item"
    return "paragraph"
