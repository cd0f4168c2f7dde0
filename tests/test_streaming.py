"""``check`` reads, lints and reports a folder batch by batch (app.batches): the output
must be the same whatever the batch size. VACATURELINT_CHUNK_CHARS=1 makes every
file a batch of its own; the default puts this whole folder in one batch."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import run_cli

ADS = {
    "a-leeftijd.txt": "Wij zoeken een jonge collega (m/v) voor ons team.\nJe bent maximaal 35 jaar.\n",
    "b-schoon.md": "# Verkoopmedewerker (m/v/x)\n\nJe hebt minimaal 3 jaar werkervaring.\n",
    "c-taal.md": "# Kok (m/v)\n\nJe spreekt Nederlands als moedertaal.\n\nStuur een pasfoto mee.\n",
    "d/e-geslacht.txt": "Wij zoeken een verkoopster. Zij is representatief.\n",
    "d/f-lang.txt": "Wij zoeken iemand die past in ons jonge team. " * 40 + "\nLeeftijd: 20 tot 30 jaar.\n",
}


def folder(root):
    for name, text in ADS.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "d" / "g-binair.txt").write_bytes(b"abc\0\0def")  # skipped in a walk: a -v note
    return root


def check(path, *args, chunk: str | None = None):
    env = {"VACATURELINT_CHUNK_CHARS": chunk} if chunk else {}
    return run_cli("check", *args, str(path), env=env, cwd=path.parent)


@pytest.mark.parametrize("args", [("-f", "text"), ("-f", "json"), ("-f", "sarif"), ("-f", "concise", "-v"),
                                  ("--statistics",), ("-f", "github"), ("--diff",)])
def test_output_is_the_same_with_one_file_per_batch(tmp_path, args):
    path = folder(tmp_path / "map")
    whole = check(path, *args)
    single = check(path, *args, chunk="1")
    assert whole.returncode == 1, whole.stderr
    assert whole.stdout  # something to compare: findings in several files
    assert (single.stdout, single.stderr, single.returncode) == (whole.stdout, whole.stderr, whole.returncode)


def test_fix_is_the_same_with_one_file_per_batch(tmp_path):
    first = folder(tmp_path / "een")
    second = tmp_path / "twee"
    shutil.copytree(first, second)
    whole = run_cli("check", "--fix", "een", cwd=tmp_path)
    single = run_cli("check", "--fix", "twee", cwd=tmp_path, env={"VACATURELINT_CHUNK_CHARS": "1"})
    assert "2 bevindingen hersteld in 2 bestanden" in whole.stderr, whole.stderr
    assert single.stdout == whole.stdout.replace("een/", "twee/")
    assert single.stderr == whole.stderr.replace("een/", "twee/")
    assert single.returncode == whole.returncode == 1
    for name in ADS:
        assert (second / name).read_text(encoding="utf-8") == (first / name).read_text(encoding="utf-8")
    assert "(m/v/x)" in (first / "c-taal.md").read_text(encoding="utf-8")


@pytest.mark.fast
def test_batches_split_by_characters(tmp_path, monkeypatch):
    from vacaturelint import app
    from vacaturelint.engine import Options

    path = folder(tmp_path / "map")
    session = app.open_session(Options(isolated=True))
    found = app.targets(session, [str(path)])
    sizes = [len(b.sources) for b in app.batches(session, found, max_chars=1)]
    assert sizes == [1] * len(ADS) + [0]  # the last batch holds only the binary file's note
    assert [len(b.sources) for b in app.batches(session, found)] == [len(ADS)]
    longest = len(ADS["d/f-lang.txt"])  # the fifth file: it closes a batch of its own size
    assert [len(b.sources) for b in app.batches(session, found, max_chars=longest)] == [len(ADS), 0]
    monkeypatch.setenv(app.CHUNK_ENV, "7")
    assert app.chunk_chars() == 7
    monkeypatch.setenv(app.CHUNK_ENV, "nul")
    assert app.chunk_chars() == app.CHUNK_CHARS


@pytest.mark.fast
def test_report_by_batches_renders_as_one_call(linter):
    from vacaturelint.reporters import FORMATS, STATISTICS, Report
    from vacaturelint.source import Source

    results = linter.lint_sources([Source(path=f"v{i}.txt", text=ADS[name], kind="plain")
                                   for i, name in enumerate(sorted(ADS))])
    assert sum(len(r.findings) for r in results) > 3
    for fmt, statistics in [(f, False) for f in FORMATS] + [(f, True) for f in STATISTICS]:
        report = Report(fmt, statistics=statistics, color=False, rules={}, quiet=False)
        for result in results:
            report.add([result])
        assert all(r.text == "" for r in report.results)  # texts are dropped once rendered
        whole = (STATISTICS if statistics else FORMATS)[fmt](results, color=False, rules={}, quiet=False)
        assert report.render() == whole, fmt
