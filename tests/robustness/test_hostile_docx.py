"""Hostile .docx files (issue 15, item 5): zip bombs, one enormous paragraph and
hundreds of thousands of paragraphs. The real CLI (or the real extractor in a
child process) runs each, bounded by a subprocess timeout; the files are made in
the test's tmp dir, the XML only as big as the case needs.
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zipfile

import docx
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.fast

TIMEOUT = 180
PARAGRAPH = b"<w:p><w:r><w:t>Wie zoeken wij</w:t></w:r></w:p>"


def _package(body_xml: bytes, path) -> None:
    """A real Word package (python-docx) whose body is ``body_xml``."""
    document = docx.Document()
    document.add_paragraph("x")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                head = data.partition(b"<w:body>")[0]
                data = head + b"<w:body>" + body_xml + b"</w:body></w:document>"
            dst.writestr(item.filename, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def _check(path, *args) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "VACATURELINT_MAX_SIZE"}
    result = subprocess.run([sys.executable, "-m", "vacaturelint", "check", "--isolated", *args, str(path)],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=TIMEOUT)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return result


def test_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "bom.docx"
    _package(b"<w:p><w:r><w:t>" + b"a " * 50_000_000 + b"</w:t></w:r></w:p>", path)  # 100 MB of XML
    assert path.stat().st_size < 1_000_000  # passes the input size limit
    result = _check(path)
    assert result.returncode == 2
    assert "bom.docx: Word-bestand pakt uit tot meer dan 20 MB (mogelijk een zip-bom); niet gelezen" in result.stderr


def _lie_about_size(path, member: str, size: int) -> None:
    """Rewrite the sizes the archive declares for ``member`` (local and central
    headers), as a hostile file would."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    local = info.header_offset
    struct.pack_into("<I", data, local + 22, size)
    central = data.find(b"PK\x01\x02", 0)
    while central != -1:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46: central + 46 + name_len] == name:
            struct.pack_into("<I", data, central + 24, size)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_zip_bomb_with_a_lying_size_header_is_stopped(tmp_path):
    path = tmp_path / "leugen.docx"
    _package(b"<w:p><w:r><w:t>" + b"a " * 30_000_000 + b"</w:t></w:r></w:p>", path)  # 60 MB
    _lie_about_size(path, "word/document.xml", 1000)
    result = _check(path)
    assert result.returncode == 2
    assert "leugen.docx:" in result.stderr and "vacaturelint: fout:" in result.stderr


def test_one_enormous_paragraph_is_refused(tmp_path):
    path = tmp_path / "alinea.docx"
    _package(b"<w:p><w:r><w:t>" + b"Wij zoeken een collega. " * 400_000 + b"</w:t></w:r></w:p>", path)  # 9.6 MB
    result = _check(path)
    assert result.returncode == 2
    assert "alinea.docx: een alinea is langer dan 100.000 tekens (grens voor Word-bestanden)" in result.stderr


def test_a_long_but_allowed_paragraph_is_still_checked(tmp_path):
    path = tmp_path / "lang.docx"
    text = b"Je werkt in een fijn team. " * 3000 + b"Wij zoeken een jonge collega."  # 81 KB, one paragraph
    _package(b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>", path)
    result = _check(path, "-f", "concise")
    assert result.returncode == 1, result.stderr
    assert "lang.docx:1:" in result.stdout and "[LFT001]" in result.stdout


CHILD = r"""
import sys
from vacaturelint.extract import docx
raw = open(sys.argv[1], "rb").read()
text, extraction = docx.extract(raw, "v.docx")
print(len(extraction.blocks), sum(b.kind == "heading" for b in extraction.blocks))
"""


def test_heading_pass_is_linear_in_the_number_of_paragraphs(tmp_path):
    """200,000 short paragraphs (7 MB of XML): a pass that slices the paragraph list
    per paragraph would not finish within the timeout."""
    path = tmp_path / "alineas.docx"
    _package(PARAGRAPH * 200_000, path)
    result = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, cwd=ROOT,
                            timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr[-2000:]
    blocks, headings = map(int, result.stdout.split())
    assert blocks == 200_000
    assert headings == 199_999  # every short line followed by body text; the last one is not
