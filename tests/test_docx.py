""".docx input: documents generated here with python-docx (and raw XML for tracked
changes), linted by the real engine and the real CLI."""

from __future__ import annotations

import io
import json
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from vacaturelint.errors import InputError
from vacaturelint.extract import docx as docx_extract
from vacaturelint.source import Source, read_source


def _save(document, path=None) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if path is not None:
        path.write_bytes(data)
    return data


def _vacancy():
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Vacature bij Bakkerij Noord"
    d.add_heading("Wie zoeken wij?", level=2)
    d.add_paragraph("")  # an empty paragraph keeps its line
    d.add_paragraph("Je komt in een jong team terecht.")
    d.add_paragraph("Je spreekt Nederlands als moedertaal", style="List Bullet")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Sollicitatie"
    table.cell(0, 1).text = "Stuur je cv met pasfoto."
    d.sections[0].footer.paragraphs[0].text = "Bakkerij Noord zoekt een verkoopster."
    return d


def _lint(linter, data: bytes, path="vacature.docx"):
    return linter.lint_sources([Source(path=path, text="", kind="docx", encoding="docx", raw=data)])[0]


def test_one_line_per_paragraph_headers_first_footers_last():
    data = _save(_vacancy())
    paras = docx_extract.paragraphs(data, "v.docx")
    assert [p.text for p in paras] == [
        "Vacature bij Bakkerij Noord", "Wie zoeken wij?", "", "Je komt in een jong team terecht.",
        "Je spreekt Nederlands als moedertaal", "Sollicitatie", "Stuur je cv met pasfoto.",
        "Bakkerij Noord zoekt een verkoopster.",
    ]
    assert [p.part for p in paras] == ["header"] + ["body"] * 6 + ["footer"]
    assert paras[1].kind == "heading" and paras[4].kind == "list_item" and paras[6].in_table
    text, extraction = docx_extract.extract(data, "v.docx")
    assert text.split("\n") == [p.text for p in paras]
    blocks = {b.text: b for b in extraction.blocks}
    assert blocks["Je spreekt Nederlands als moedertaal"].kind == "list_item"
    assert blocks["Je komt in een jong team terecht."].section == "wie zoeken wij?"
    header = blocks["Vacature bij Bakkerij Noord"]
    assert header.part == "header" and header.section == ""  # the part is explicit, not a section
    assert blocks["Bakkerij Noord zoekt een verkoopster."].part == "footer"
    assert [(p.name, text[p.start:p.end]) for p in extraction.parts] == [
        ("header", "Vacature bij Bakkerij Noord\n"), ("footer", "Bakkerij Noord zoekt een verkoopster.")]
    for block in extraction.blocks:  # exact offset map: block text is the text at its place
        assert text[block.to_source(0) : block.to_source(len(block.text))] == block.text


def test_findings_in_body_list_table_header_and_footer_with_paragraph_positions(linter):
    result = _lint(linter, _save(_vacancy()))
    assert result.error is None
    by_text = {f.text: f for f in result.findings}
    lines = result.text.split("\n")
    team = next(f for f in result.findings if f.category == "leeftijd" and "jong" in f.text)
    assert (team.line, team.column) == (4, lines[3].index("jong") + 1)  # paragraph 4, character
    assert "moedertaal" in by_text and by_text["moedertaal"].line == 5  # list item
    assert any(f.line == 7 and "pasfoto" in f.text for f in result.findings)  # table cell
    assert any(f.line == 8 and f.text == "verkoopster" for f in result.findings)  # footer
    for f in result.findings:
        assert result.text[f.start : f.end] == f.text
        assert lines[f.line - 1][f.column - 1 : f.end_column - 1] == f.text


def test_header_is_linted(linter):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Gezocht: jonge collega's"
    d.add_paragraph("Kom werken bij ons.")
    result = _lint(linter, _save(d))
    hit = next(f for f in result.findings if f.category == "leeftijd")
    assert hit.line == 1 and hit.text.startswith("jonge")


def _run(text: str, tag: str = "w:r", text_tag: str = "w:t"):
    run = docx.oxml.OxmlElement(tag)
    t = docx.oxml.OxmlElement(text_tag)
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


def _tracked(kind: str, text: str, change_id: int):
    wrapper = docx.oxml.OxmlElement(kind)
    wrapper.set(qn("w:id"), str(change_id))
    wrapper.set(qn("w:author"), "Recruiter")
    wrapper.set(qn("w:date"), "2024-01-01T00:00:00Z")
    wrapper.append(_run(text, text_tag="w:delText" if kind == "w:del" else "w:t"))
    return wrapper


def test_tracked_changes_and_comments(linter):
    d = docx.Document()
    p = d.add_paragraph()
    p._p.append(_run("Wij zoeken een "))
    p._p.append(_tracked("w:del", "jonge ", 1))
    p._p.append(_tracked("w:ins", "ervaren ", 2))
    p._p.append(_run("collega."))
    q = d.add_paragraph()
    q._p.append(_run("Je bent "))
    q._p.append(_tracked("w:ins", "maximaal 30 jaar oud", 3))
    q._p.append(_run("."))
    commented = d.add_paragraph("Graag een pasfoto bij je brief.")
    d.add_comment(commented.runs, text="jong team graag, en (m/v)", author="HR")
    data = _save(d)
    text, _ = docx_extract.extract(data, "v.docx")
    assert text.split("\n") == ["Wij zoeken een ervaren collega.", "Je bent maximaal 30 jaar oud.",
                                "Graag een pasfoto bij je brief."]
    result = _lint(linter, data)
    assert not any("jong" in f.text for f in result.findings)  # deleted text and comments are not linted
    assert any(f.line == 2 and f.category == "leeftijd" for f in result.findings)  # inserted text is
    assert any(f.line == 3 and "pasfoto" in f.text for f in result.findings)


def test_hyperlinks_tabs_breaks_and_merged_cells_stay_one_line_per_paragraph():
    d = docx.Document()
    p = d.add_paragraph()
    link = docx.oxml.OxmlElement("w:hyperlink")
    link.append(_run("jong team"))
    p._p.append(_run("Een "))
    p._p.append(link)
    br = docx.oxml.OxmlElement("w:r")
    br.append(docx.oxml.OxmlElement("w:br"))
    p._p.append(br)
    tab = docx.oxml.OxmlElement("w:r")
    tab.append(docx.oxml.OxmlElement("w:tab"))
    p._p.append(tab)
    p._p.append(_run("zoekt jou"))
    table = d.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Samengevoegd"
    table.cell(0, 2).text = "Los"
    text, _ = docx_extract.extract(_save(d), "v.docx")
    assert text.split("\n") == ["Een jong team \tzoekt jou", "Samengevoegd", "Los"]


def test_nested_tables_are_read_once():
    d = docx.Document()
    outer = d.add_table(rows=1, cols=1)
    outer.cell(0, 0).text = "Buiten"
    inner = outer.cell(0, 0).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Binnen"
    text, _ = docx_extract.extract(_save(d), "v.docx")
    assert text.split("\n") == ["Buiten", "Binnen", ""]  # python-docx adds an empty paragraph after a table in a cell


@pytest.mark.parametrize("data, expected", [
    (b"", "leeg bestand"),
    (b"dit is geen zip", "geen zip-archief"),
    (b"PK\x03\x04kapot", "geen zip-archief"),
])
def test_corrupt_docx_is_one_input_error(data, expected):
    with pytest.raises(InputError, match=expected):
        docx_extract.extract(data, "kapot.docx")


def test_zip_without_document_xml_is_an_input_error():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("leesmij.txt", "geen Word")
    with pytest.raises(InputError, match="zonder word/document.xml"):
        docx_extract.extract(buffer.getvalue(), "zip.docx")


def test_broken_document_xml_is_an_input_error():
    original = _save(_vacancy())
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, b"<w:document><kapot" if item.filename == "word/document.xml" else data)
    with pytest.raises(InputError, match="beschadigd Word-bestand"):
        docx_extract.extract(buffer.getvalue(), "kapot.docx")


def test_cli_reports_paragraph_positions_and_corrupt_files(cli, tmp_path):
    good = tmp_path / "vacature.docx"
    _save(_vacancy(), good)
    bad = tmp_path / "kapot.docx"
    bad.write_bytes(b"geen zip")
    result = cli("check", "--isolated", "--format", "json", str(good), str(bad))
    assert result.returncode == 2  # an unreadable file wins over findings
    errors = [line for line in result.stderr.splitlines() if "kapot.docx" in line]
    assert len(errors) == 1 and "geen zip-archief" in errors[0]
    assert "Traceback" not in result.stderr
    findings = json.loads(result.stdout)
    assert findings and all(f["path"] == str(good) for f in findings)
    text = read_source(str(good)).raw
    lines, _ = docx_extract.extract(text, str(good))
    for f in findings:
        assert lines.split("\n")[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == f["text"]
    text_out = cli("check", "--isolated", str(good))
    assert text_out.returncode == 1 and f"{good}:4:" in text_out.stdout


def test_directory_walk_includes_docx(cli, tmp_path):
    _save(_vacancy(), tmp_path / "a.docx")
    (tmp_path / "b.txt").write_text("Een prima tekst.\n", encoding="utf-8")
    result = cli("check", "--isolated", "--format", "json", str(tmp_path))
    assert {f["path"] for f in json.loads(result.stdout)} == {str(tmp_path / "a.docx")}


def test_extraction_is_deterministic():
    data = _save(_vacancy())
    first, second = docx_extract.extract(data, "a.docx"), docx_extract.extract(data, "a.docx")
    assert first[0] == second[0]
    assert [(b.text, b.prose_start, b.kind, b.section) for b in first[1].blocks] == \
        [(b.text, b.prose_start, b.kind, b.section) for b in second[1].blocks]


def test_huge_paragraph_is_split_into_parseable_blocks(linter):
    d = docx.Document()
    d.add_paragraph(("Wij bieden een goede werkplek en veel koffie. " * 1000) + "Wij zoeken een jonge collega.")
    data = _save(d)
    text, extraction = docx_extract.extract(data, "groot.docx")
    assert "\n" not in text and len(extraction.blocks) > 1
    assert all(len(b.text) <= 20_000 for b in extraction.blocks)
    result = _lint(linter, data)
    hit = next(f for f in result.findings if f.category == "leeftijd")
    assert hit.line == 1 and text[hit.start : hit.end] == hit.text
