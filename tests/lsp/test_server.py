"""End-to-end tests of ``vacaturelint lsp`` with pytest-lsp: the real server process,
the real spaCy pipeline, a client with VS Code's recorded capabilities.

One module-scoped server (the model loads once); every test uses its own document URIs
and waits for diagnostics by content, so the order of tests does not matter.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from vacaturelint.engine import Linter, Options
from vacaturelint.lineindex import LineIndex

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "examples" / "vacature-voorbeeld.md").read_text(encoding="utf-8")
TIMEOUT = 60
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("lsp")


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "vacaturelint", "lsp"],
                              server_env={**os.environ, "PYTHONPATH": str(ROOT)}),
)
async def client(lsp_client: LanguageClient, workdir: Path):
    lsp_client.set_configuration(None, section="vacaturelint")  # like Helix: null -> initializationOptions
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual_studio_code"),
        root_uri=workdir.as_uri(),
        initialization_options={"model": None, "select": [], "ignore": [], "minSeverity": None,
                                "config": None, "debounceMs": 50},
    ))
    yield
    await lsp_client.shutdown_session()


async def wait_for(client: LanguageClient, uri: str, predicate, timeout: float = TIMEOUT):
    """Wait until the diagnostics published for ``uri`` satisfy ``predicate``."""
    deadline = time.monotonic() + timeout
    while True:
        current = client.diagnostics.get(uri)
        if current is not None and predicate(current):
            return current
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"no matching diagnostics for {uri}; last: {current}")
        try:
            await asyncio.wait_for(client.wait_for_notification(PUBLISH), min(remaining, 1.0))
        except TimeoutError:
            pass


def codes(diagnostics) -> set[str]:
    return {d.code for d in diagnostics}


def open_doc(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str, rng: types.Range | None = None) -> None:
    event = (types.TextDocumentContentChangePartial(range=rng, text=text) if rng is not None
             else types.TextDocumentContentChangeWholeDocument(text=text))
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[event]))


def pos(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def apply_edit(text: str, edit: types.WorkspaceEdit, uri: str) -> str:
    """Apply a WorkspaceEdit's UTF-16 text edits for ``uri`` to ``text``."""
    edits = list((edit.changes or {}).get(uri, []))
    for doc_edit in edit.document_changes or []:
        assert doc_edit.text_document.uri == uri
        edits.extend(doc_edit.edits)
    index = LineIndex(text)
    spans = [(index.offset_from_utf16(e.range.start.line, e.range.start.character),
              index.offset_from_utf16(e.range.end.line, e.range.end.character), e.new_text) for e in edits]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


async def test_model_load_reports_progress(client: LanguageClient, workdir: Path):
    uri = open_doc(client, workdir / "progress.md", "Wij zoeken een jonge collega.\n")
    await wait_for(client, uri, lambda d: "LFT001" in codes(d))
    kinds = [[getattr(v, "kind", None) for v in values] for values in client.progress_reports.values()]
    assert ["begin", "end"] in kinds, client.progress_reports
    assert not client.messages, [m.message for m in client.messages]


async def test_open_publishes_the_cli_findings(client: LanguageClient, workdir: Path):
    uri = open_doc(client, workdir / "vacature.md", EXAMPLE)
    expected = Linter(Options(isolated=True)).lint_text(EXAMPLE, "vacature.md", "markdown").findings
    assert {"LFT001", "HKM001", "GSL002"} <= {f.rule for f in expected}
    diagnostics = await wait_for(client, uri, lambda d: len(d) == len(expected))
    index = LineIndex(EXAMPLE)
    got = sorted((d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code)
                 for d in diagnostics)
    want = sorted((*index.utf16_column(f.start), *index.utf16_column(f.end), f.rule) for f in expected)
    assert got == want
    severities = {d.code: d.severity for d in diagnostics}
    assert severities["LFT001"] == types.DiagnosticSeverity.Error
    assert severities["GSL002"] == types.DiagnosticSeverity.Warning
    assert severities["GSL001"] == types.DiagnosticSeverity.Information
    lft = next(d for d in diagnostics if d.code == "LFT001")
    assert lft.source == "vacaturelint"
    assert lft.message == next(f.message for f in expected if f.rule == "LFT001")
    assert lft.data["rule"] == "LFT001" and "enthousiast team" in lft.data["suggestions"]
    assert lft.data["legal"] and lft.data["explanation"]


async def test_change_relints_the_buffer_not_the_file(client: LanguageClient, workdir: Path):
    path = workdir / "change.md"
    path.write_text("Wij zoeken een jonge verkoopster.\n", encoding="utf-8")  # on disk: findings
    uri = open_doc(client, path, "Wij zoeken een collega.\n")
    await wait_for(client, uri, lambda d: not d)
    # Incremental edit: insert "jonge " before "collega".
    change(client, uri, 2, "jonge ", types.Range(start=pos(0, 15), end=pos(0, 15)))
    diagnostics = await wait_for(client, uri, lambda d: "LFT001" in codes(d))
    assert [(d.range.start.character, d.range.end.character) for d in diagnostics if d.code == "LFT001"] == [(15, 28)]
    # Undo it: diagnostics go away again.
    change(client, uri, 3, "", types.Range(start=pos(0, 15), end=pos(0, 21)))
    await wait_for(client, uri, lambda d: not d)
    # Save lints too; close clears.
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await wait_for(client, uri, lambda d: not d)


async def test_utf16_ranges_after_emoji_and_u2028(client: LanguageClient, workdir: Path):
    # Emoji (non-BMP: 2 UTF-16 units each) and U+2028 (not a line break in LSP) before the finding.
    text = "🎉🚀 Top!\u2028Wij zoeken 👩‍💻 een jonge collega.\r\nVerder niets.\n"
    uri = open_doc(client, workdir / "emoji.txt", text, language="plaintext")
    diagnostics = await wait_for(client, uri, lambda d: "LFT001" in codes(d))
    d = next(d for d in diagnostics if d.code == "LFT001")
    start = text.index("jonge collega")
    prefix = text[:start]
    units = len(prefix.encode("utf-16-le")) // 2
    assert (d.range.start.line, d.range.start.character) == (0, units)
    assert (d.range.end.line, d.range.end.character) == (0, units + len("jonge collega"))
    assert units == start + 4  # 🎉, 🚀, 👩 and 💻 take two units each
    # Incremental edit addressed in UTF-16 after the emoji: replace "jonge" with "nieuwe".
    change(client, uri, 2, "nieuwe", types.Range(start=pos(0, units), end=pos(0, units + 5)))
    await wait_for(client, uri, lambda d: "LFT001" not in codes(d))


async def test_hover_shows_message_explanation_legal_and_suggestions(client: LanguageClient, workdir: Path):
    text = "# Vacature\n\nWij hebben een jong en dynamisch team.\n"
    uri = open_doc(client, workdir / "hover.md", text)
    diagnostics = await wait_for(client, uri, lambda d: "LFT001" in codes(d))
    d = next(d for d in diagnostics if d.code == "LFT001")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=pos(2, d.range.start.character + 2)))
    assert hover is not None and hover.contents.kind == types.MarkupKind.Markdown
    value = hover.contents.value
    assert "LFT001" in value and d.message in value
    assert "Wettelijke grond" in value and d.data["legal"] in value
    assert d.data["explanation"] in value and "- enthousiast team" in value
    assert hover.range == d.range
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=pos(0, 2)))
    assert nothing is None


async def test_code_actions_replace_and_suppress(client: LanguageClient, workdir: Path):
    text = "# Vacature\n\nWij hebben een jong en dynamisch team.\n"
    uri = open_doc(client, workdir / "actions.md", text)
    diagnostics = await wait_for(client, uri, lambda d: "LFT001" in codes(d))
    d = next(d for d in diagnostics if d.code == "LFT001")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=d.range,
        context=types.CodeActionContext(diagnostics=[d])))
    titles = [a.title for a in actions]
    assert "Vervang door ‘enthousiast team’" in titles
    assert "Negeer LFT001 op de volgende regel (met reden)" in titles
    assert all(a.kind == types.CodeActionKind.QuickFix for a in actions)
    replace = next(a for a in actions if a.title == "Vervang door ‘enthousiast team’")
    assert not replace.is_preferred  # only a rule's safe fix is preferred (it is what check --fix applies)
    replaced = apply_edit(text, replace.edit, uri)
    assert replaced == "# Vacature\n\nWij hebben een enthousiast team.\n"
    suppress = next(a for a in actions if a.title.startswith("Negeer LFT001"))
    suppressed = apply_edit(text, suppress.edit, uri)
    assert suppressed == ("# Vacature\n\n<!-- vacaturelint-disable-next-line LFT001 -- reden: ... -->\n"
                          "Wij hebben een jong en dynamisch team.\n")
    # The server accepts the edited buffers: the replacement and the comment both silence LFT001.
    change(client, uri, 2, suppressed)
    await wait_for(client, uri, lambda d: "LFT001" not in codes(d))
    change(client, uri, 3, replaced)
    await wait_for(client, uri, lambda d: "LFT001" not in codes(d))


async def test_plain_text_has_no_suppression_action(client: LanguageClient, workdir: Path):
    uri = open_doc(client, workdir / "actions.txt", "Wij zoeken een jonge collega.\n", language="plaintext")
    diagnostics = await wait_for(client, uri, lambda d: "LFT001" in codes(d))
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostics[0].range,
        context=types.CodeActionContext(diagnostics=diagnostics)))
    assert actions and not [a for a in actions if a.title.startswith("Negeer")]


async def test_settings_change_relints(client: LanguageClient, workdir: Path):
    text = "Verkoopster gezocht voor ons jonge team.\n"
    uri = open_doc(client, workdir / "settings.md", text)
    await wait_for(client, uri, lambda d: {"LFT001", "GSL002"} <= codes(d))
    client.set_configuration({"ignore": ["leeftijd"], "select": [], "model": None, "minSeverity": None,
                              "config": None, "debounceMs": 50}, section="vacaturelint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await wait_for(client, uri, lambda d: "GSL002" in codes(d) and "LFT001" not in codes(d))
    client.set_configuration({"minSeverity": "error", "debounceMs": 50}, section="vacaturelint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await wait_for(client, uri, lambda d: codes(d) == {"LFT001"})
    client.set_configuration(None, section="vacaturelint")  # back to initializationOptions
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await wait_for(client, uri, lambda d: {"LFT001", "GSL002"} <= codes(d))


async def test_config_file_changes_are_picked_up(client: LanguageClient, workdir: Path):
    project = workdir / "project"
    project.mkdir()
    config = project / ".vacaturelint.yaml"
    uri = open_doc(client, project / "vacature.md", "Verkoopster gezocht voor ons jonge team.\n")
    await wait_for(client, uri, lambda d: {"LFT001", "GSL002"} <= codes(d))
    # Created and saved in the editor: didSave of the config file re-lints open buffers.
    config.write_text("ignore: [GSL002]\n", encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=config.as_uri())))
    await wait_for(client, uri, lambda d: "GSL002" not in codes(d) and "LFT001" in codes(d))
    # Changed behind the editor's back (no event): noticed on the next lint.
    config.write_text("ignore: [leeftijd]\n", encoding="utf-8")
    change(client, uri, 2, "Verkoopster gezocht voor ons jonge team!\n")
    await wait_for(client, uri, lambda d: "GSL002" in codes(d) and "LFT001" not in codes(d))
    # A broken config: one Dutch message naming the file, no crash; fixing it recovers.
    config.write_text("ignore: [leeftijd\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    await wait_for(client, uri, lambda d: not d)
    assert any(".vacaturelint.yaml" in m.message and m.type == types.MessageType.Error for m in client.messages)
    client.messages.clear()
    config.unlink()
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Deleted)]))
    await wait_for(client, uri, lambda d: {"LFT001", "GSL002"} <= codes(d))


async def test_edits_faster_than_linting_end_with_the_last_text(client: LanguageClient, workdir: Path):
    uri = open_doc(client, workdir / "fast.md", "Wij zoeken een collega.\n")
    await wait_for(client, uri, lambda d: not d)
    words = ["enthousiaste", "jonge", "ervaren", "oudere", "flexibele"] * 8
    for version, word in enumerate(words, start=2):
        change(client, uri, version, f"Wij zoeken een {word} collega.\n" + EXAMPLE * (version % 3))
    change(client, uri, len(words) + 2, "Wij zoeken een verkoopster.\n")
    diagnostics = await wait_for(client, uri, lambda d: codes(d) == {"GSL002"})
    assert diagnostics[0].range.start == pos(0, 15)


async def test_bad_requests_and_unknown_documents_do_not_crash(client: LanguageClient, workdir: Path):
    unknown = types.TextDocumentIdentifier(uri=(workdir / "never-opened.md").as_uri())
    assert await client.text_document_hover_async(types.HoverParams(text_document=unknown, position=pos(0, 0))) is None
    assert list(await client.text_document_code_action_async(types.CodeActionParams(
        text_document=unknown, range=types.Range(start=pos(0, 0), end=pos(0, 1)),
        context=types.CodeActionContext(diagnostics=[])))) == []
    change(client, unknown.uri, 5, "x", types.Range(start=pos(3, 0), end=pos(3, 1)))
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=unknown))
    # Out-of-range positions are clamped.
    uri = open_doc(client, workdir / "ranges.md", "Wij zoeken een jonge collega.")
    await wait_for(client, uri, lambda d: "LFT001" in codes(d))
    far = types.Range(start=pos(99, 999), end=pos(100, 0))
    assert await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=pos(99, 999))) is None
    assert list(await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=far,
        context=types.CodeActionContext(diagnostics=[])))) == []
    change(client, uri, 2, " Verkoopster!", far)  # appended at the end of the document
    await wait_for(client, uri, lambda d: {"LFT001", "GSL002"} <= codes(d))
    # A huge buffer is refused with one message; other documents keep working.
    huge = open_doc(client, workdir / "huge.md", "Wij zoeken een jonge collega. " * 40_000)
    await wait_for(client, huge, lambda d: not d)
    assert any("te groot" in m.message for m in client.messages)
    other = open_doc(client, workdir / "after.md", "Wij zoeken een jonge collega.\n")
    await wait_for(client, other, lambda d: "LFT001" in codes(d))


async def test_other_languages_are_not_linted(client: LanguageClient, workdir: Path):
    uri = open_doc(client, workdir / "script.py", "# Wij zoeken een jonge collega.\n", language="python")
    html = open_doc(client, workdir / "page.html", "<p>Wij zoeken een <b>jonge</b> collega.</p>\n", language="html")
    await wait_for(client, html, lambda d: "LFT001" in codes(d))
    assert uri not in client.diagnostics
