"""Encodings: detected (not guessed silently), reported with -v, undecodable = one error."""

from __future__ import annotations

import codecs

import pytest

from tests.robustness.conftest import BAD, CLEAN, assert_positions, findings

DUTCH = "Wij zoeken één jonge collega voor ons café. Het team’s sfeer is goed.\n"

ENCODED = {
    "utf-8": (DUTCH.encode("utf-8"), "utf-8"),
    "utf-8-bom": (codecs.BOM_UTF8 + DUTCH.encode("utf-8"), "utf-8-sig"),
    "utf-16-le": (codecs.BOM_UTF16_LE + DUTCH.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be": (codecs.BOM_UTF16_BE + DUTCH.encode("utf-16-be"), "utf-16-be"),
    "utf-32-le": (codecs.BOM_UTF32_LE + DUTCH.encode("utf-32-le"), "utf-32-le"),
    "cp1252": (DUTCH.encode("cp1252"), "cp1252"),
    # Latin-1 has no ’; its bytes for é/ë are the same as in Windows-1252.
    "latin-1": (DUTCH.replace("’", "'").encode("latin-1"), "cp1252"),
}


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_decoded_exactly_and_reported(name):
    from vacaturelint.source import source_from_bytes

    data, encoding = ENCODED[name]
    source = source_from_bytes(data, f"v-{name}.txt")
    assert source.encoding == encoding
    expected = DUTCH.replace("’", "'") if name == "latin-1" else DUTCH
    assert source.text == expected  # no BOM left, nothing replaced


def test_cli_reads_every_encoding_and_reports_it_with_verbose(cli, write):
    paths = [write(f"v-{name}.txt", data) for name, (data, _) in sorted(ENCODED.items())]
    result = cli("check", "-v", "--format", "json", *map(str, paths))
    assert result.returncode == 1, result.stderr
    found = findings(result)
    for path, (name, (_, encoding)) in zip(paths, sorted(ENCODED.items())):
        assert f"{path}: gelezen als {encoding}" in result.stderr
        mine = [f for f in found if f["path"] == str(path)]
        assert [f["text"] for f in mine if f["rule"] == "LFT001"] == ["jonge collega"], name
        assert mine[0]["column"] == DUTCH.index("jonge") + 1  # "één" counts as 3 code points
        text = DUTCH.replace("’", "'") if name == "latin-1" else DUTCH
        assert_positions(text, mine)
    assert "Traceback" not in result.stderr


def test_undecodable_file_is_one_error_and_others_are_still_checked(cli, write):
    # 0x81 and 0x8D are undefined in Windows-1252, and C1 controls in Latin-1.
    broken = write("kapot.txt", b"caf\xe9 \x81\x8d\x8f\x90\x9d hallo\n")
    bad_utf16 = write("kapot16.txt", codecs.BOM_UTF16_LE + b"a\x00\x00\xd8")  # lone surrogate
    good = write("goed.txt", BAD)
    result = cli("check", "--format", "json", str(broken), str(bad_utf16), str(good))
    assert result.returncode == 2
    errors = [ln for ln in result.stderr.splitlines() if "fout" in ln]
    assert len(errors) == 2, result.stderr
    assert f"{broken}: kan de tekst niet decoderen" in errors[0]
    assert f"{bad_utf16}: ongeldige UTF-16-LE-tekst" in errors[1]
    assert [f["path"] for f in findings(result)] == [str(good)]
    assert "Traceback" not in result.stderr


def test_undecodable_file_in_a_directory_walk_is_not_silently_lost(cli, write):
    broken = write("map/kapot.md", b"caf\xe9 \x81\x8d hallo\n")
    write("map/goed.md", CLEAN)
    result = cli("check", str(broken.parent))
    assert result.returncode == 2
    assert f"{broken}: kan de tekst niet decoderen" in result.stderr
