"""Binary files: 'geen tekstbestand' when named (exit 2, others still checked); skipped in walks."""

from __future__ import annotations

import io
import zipfile

from tests.robustness.conftest import BAD, findings


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hallo")
    return buffer.getvalue()


BINARIES = {
    "cv.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "foto.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "bijlagen.zip": _zip(),
    "data.bin": bytes(range(256)) * 8,
}


def test_named_binaries_are_one_clear_error_each_and_other_files_are_checked(cli, write):
    binaries = [write(name, data) for name, data in sorted(BINARIES.items())]
    good = write("vacature.txt", BAD)
    result = cli("check", "--format", "json", *map(str, binaries), str(good))
    assert result.returncode == 2
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("vacaturelint: fout:")]
    assert len(errors) == len(binaries), result.stderr
    for binary, error in zip(binaries, errors):
        assert f"{binary}: geen tekstbestand" in error
    assert {f["path"] for f in findings(result)} == {str(good)}
    assert "Traceback" not in result.stderr


def test_binary_with_a_text_suffix_is_skipped_in_a_directory_walk(cli, write):
    write("map/scan.md", BINARIES["cv.pdf"])  # a PDF saved as .md
    write("map/logo.txt", BINARIES["foto.png"])
    good = write("map/vacature.md", BAD)
    result = cli("check", "-v", "--format", "json", str(good.parent))
    assert result.returncode == 1, result.stderr
    assert {f["path"] for f in findings(result)} == {str(good)}
    assert "overgeslagen" in result.stderr and "geen tekstbestand" in result.stderr
    assert "fout" not in result.stderr


def test_stdin_binary_is_rejected(cli):
    result = cli("check", "-", input=BINARIES["foto.png"])
    assert result.returncode == 2
    assert "geen tekstbestand (PNG)" in result.stderr
