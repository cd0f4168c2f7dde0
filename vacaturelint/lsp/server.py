"""The language server: lints editor buffers in-process with the engine's Linter.

- The buffer text is linted, never the file on disk. Documents are kept here (not in
  pygls's workspace) so edits are applied with LSP line terminators (``LineIndex``).
- ``didOpen``/``didSave`` lint at once, ``didChange`` after a debounce per URI
  (``debounceMs``, default 300). All linting runs in ONE worker thread, so spaCy never
  runs concurrently; a queued lint always takes the newest text, and results for an
  older document version are dropped. ``didClose`` publishes ``[]``.
- The model loads once, in the background after ``initialized``, with ``$/progress``.
  A model that cannot be loaded gives one ``window/showMessage`` and the server keeps
  answering requests (without diagnostics).
- Settings: a flat object ``{model, select, ignore, minSeverity, config}`` (plus
  ``debounceMs``) from ``initializationOptions`` and ``workspace/configuration``
  (section ``vacaturelint``; ``null`` keeps the initializationOptions).
- ``.vacaturelint.yaml`` / ``pyproject.toml`` changes are noticed before each lint (the
  files' mtimes) and on ``didSave``/``didChangeWatchedFiles``: open buffers are re-linted.
- Framing is ours (framing.py): a broken header, a wrong or huge ``Content-Length``
  costs that message (a parse error reply and a log line), never the connection.
  Requests before ``initialize`` get -32002, requests after ``shutdown`` -32600.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import threading
import traceback
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.uris import to_fs_path

from vacaturelint import __version__
from vacaturelint import config as config_module
from vacaturelint.app import check_selectors
from vacaturelint.engine import DocCache, Linter, Options
from vacaturelint.errors import ModelError, VacaturelintError
from vacaturelint.findings import Finding
from vacaturelint.lineindex import LineIndex
from vacaturelint.lsp import convert, framing
from vacaturelint.severity import SEVERITIES
from vacaturelint.source import Source, kind_for

log = logging.getLogger(__name__)

SECTION = "vacaturelint"
DEFAULT_DEBOUNCE_MS = 300
MAX_LINT_CHARS = 1_000_000  # larger buffers are not linted (one message instead)
KIND_BY_LANGUAGE = {"markdown": "markdown", "html": "html", "plaintext": "plain", "text": "plain"}
ENCODINGS = {
    types.PositionEncodingKind.Utf8: convert.UTF8,
    types.PositionEncodingKind.Utf16: convert.UTF16,
    types.PositionEncodingKind.Utf32: convert.UTF32,
}


@dataclass(frozen=True)
class Settings:
    model: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: str | None = None
    config: str | None = None
    debounce_ms: int = DEFAULT_DEBOUNCE_MS

    def options(self, root: str | None) -> Options:
        config = self.config
        if config:
            config = os.path.expanduser(config)
            if root and not os.path.isabs(config):
                config = os.path.join(root, config)
        return Options(model=self.model, config=config, select=self.select, ignore=self.ignore,
                       min_severity=self.min_severity)


def parse_settings(raw, base: Settings = Settings()) -> tuple[Settings | None, list[str]]:
    """Settings from a client object (flat, or nested under ``settings``/``vacaturelint``).

    Returns (None, []) when ``raw`` carries no settings; unusable values are left at
    ``base`` and reported as Dutch warnings.
    """
    if isinstance(raw, dict) and isinstance(raw.get("settings"), dict):
        raw = raw["settings"]
    if isinstance(raw, dict) and isinstance(raw.get(SECTION), dict):
        raw = raw[SECTION]
    if not isinstance(raw, dict):
        return None, []
    warnings: list[str] = []

    def text(key):
        value = raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str):
            return value.strip()
        warnings.append(f"instelling {key}: verwacht een tekst, kreeg {value!r}")
        return None

    def selectors(key):
        value = raw.get(key)
        if value is None or value == {}:
            return ()
        if isinstance(value, str):
            value = value.replace(" ", ",").split(",")
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(v.strip() for v in value if v.strip())
        warnings.append(f"instelling {key}: verwacht een lijst regels of categorieën, kreeg {value!r}")
        return ()

    min_severity = text("minSeverity")
    if min_severity is not None and min_severity not in SEVERITIES:
        warnings.append(f"instelling minSeverity: '{min_severity}' is geen van {', '.join(SEVERITIES)}")
        min_severity = None
    debounce = raw.get("debounceMs", base.debounce_ms)
    if not isinstance(debounce, (int, float)) or isinstance(debounce, bool) or debounce < 0:
        warnings.append(f"instelling debounceMs: verwacht een getal ≥ 0, kreeg {debounce!r}")
        debounce = base.debounce_ms
    return Settings(model=text("model"), select=selectors("select"), ignore=selectors("ignore"),
                    min_severity=min_severity, config=text("config"), debounce_ms=int(debounce)), warnings


@dataclass(frozen=True)
class Document:
    uri: str
    text: str
    version: int | None
    kind: str | None  # None: not a vacancy format, not linted
    path: str | None  # file system path for file: URIs


@dataclass
class Linted:
    """The last published lint of a document version (for hover and code actions)."""

    version: int | None
    index: LineIndex
    kind: str
    diagnostics: dict[Finding, types.Diagnostic] = field(default_factory=dict)


def document_kind(uri: str, language_id: str | None) -> str | None:
    if language_id and language_id.lower() in KIND_BY_LANGUAGE:
        return KIND_BY_LANGUAGE[language_id.lower()]
    kind = kind_for(urlparse(uri).path or uri, default="")
    return kind if kind in ("markdown", "html", "plain") else None


class Protocol(LanguageServerProtocol):
    """Documents live in :class:`VacaturelintServer` only. pygls's own document store
    splits lines like ``str.splitlines`` (U+2028, form feeds, ...) and clamps the change
    ranges in the params it hands on, so its built-in handlers are replaced by ones that
    only call ours."""

    PARSE_ERROR = -32700
    INVALID_REQUEST = -32600
    SERVER_NOT_INITIALIZED = -32002

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.initialize_seen = False

    def receive(self, frame) -> None:
        """One frame from the FrameDecoder: a message is handled, anything else is
        answered with an error (id null, as JSON-RPC prescribes) and logged."""
        if isinstance(frame, framing.TooLarge):
            self._reject(self.INVALID_REQUEST, f"bericht te groot ({frame.length} bytes, maximaal "
                                               f"{framing.MAX_MESSAGE_BYTES}); overgeslagen")
            return
        if isinstance(frame, framing.Garbage):
            self._reject(self.PARSE_ERROR, f"ongeldige invoer overgeslagen ({frame.size} bytes: {frame.reason})")
            return
        try:
            message = json.loads(frame.body, object_hook=self.structure_message)
        except (ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError is a ValueError
            self._reject(self.PARSE_ERROR, f"bericht is geen geldige JSON ({exc}); overgeslagen")
            return
        except Exception as exc:  # unreadable params: structure_message answered the request
            self._server.report_server_error(exc, JsonRpcException)
            return
        if not hasattr(message, "jsonrpc"):
            self._reject(self.INVALID_REQUEST, "bericht is geen JSON-RPC-object; overgeslagen")
            return
        try:
            self.handle_message(message)
        except Exception as exc:  # never let one message take the server down
            self._server.report_server_error(exc, JsonRpcException)

    def _reject(self, code: int, message: str) -> None:
        log.warning("%s", message)
        self._send_response(None, error=types.ResponseError(code=code, message=f"vacaturelint: {message}"))

    def handle_message(self, message):
        """Lifecycle rules pygls leaves out: before ``initialize`` a request gets
        -32002 (notifications are dropped, ``exit`` excepted); after ``shutdown`` a
        request gets -32600 (pygls would drop it, leaving the client waiting)."""
        method = getattr(message, "method", None)
        is_request = method is not None and getattr(message, "id", None) is not None
        if method == types.INITIALIZE:
            self.initialize_seen = True
        elif method is not None and method != types.EXIT:
            if self._shutdown:
                if is_request:
                    self._send_response(message.id, error=types.ResponseError(
                        code=self.INVALID_REQUEST, message="vacaturelint: de server wordt afgesloten (na 'shutdown')"))
                return
            if not self.initialize_seen:
                if is_request:
                    self._send_response(message.id, error=types.ResponseError(
                        code=self.SERVER_NOT_INITIALIZED, message="vacaturelint: server is nog niet geïnitialiseerd"))
                return
        super().handle_message(message)

    def structure_message(self, data):
        """A request whose params cannot be read gets its JSON-RPC error response
        (pygls only logs it, leaving the client waiting)."""
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "method" in data and isinstance(data.get("id"), (int, str)):
                self._send_response(data["id"], error=exc.to_response_error())
            raise

    def _user(self, method, params):
        if (handler := self.fm.features.get(method)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams):
        yield from self._user(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        yield from self._user(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams):
        yield from self._user(types.TEXT_DOCUMENT_DID_CLOSE, params)


class VacaturelintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("vacaturelint", __version__, protocol_cls=Protocol)
        self.documents: dict[str, Document] = {}
        self.linted: dict[str, Linted] = {}
        self.init_settings = Settings()
        self.settings = Settings()
        self.linter: Linter | None = None
        self.doc_cache = DocCache()
        self.state = "starting"  # starting | loading | ready | failed
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vacaturelint-lint")
        self.queued: set[str] = set()
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.shown: set[str] = set()  # messages already shown (each only once)
        self.config_signatures: dict[str, tuple] = {}
        self.too_big: set[str] = set()
        self.stopping = False  # after 'shutdown': no new work for the worker
        self.tasks: set[asyncio.Task] = set()  # spawned jobs (a reference keeps them alive)
        self._lock = threading.Lock()

    # -- transport -----------------------------------------------------------
    def start_io(self, stdin=None, stdout=None) -> int:
        """Serve over stdio with our framing (framing.py). Returns the exit code: 0
        after ``shutdown`` + ``exit`` or end of input, 1 for ``exit`` without ``shutdown``."""
        self._stop_event = threading.Event()
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        code = 0
        try:
            asyncio.run(self._serve(stdin or sys.stdin.buffer))
        except SystemExit as exc:  # pygls's exit handler
            code = exc.code if isinstance(exc.code, int) else 0
        except (BrokenPipeError, KeyboardInterrupt):
            code = 0
        finally:
            self.executor.shutdown(wait=False, cancel_futures=True)
        return code

    async def _serve(self, stdin) -> None:
        """Read stdin in a daemon thread (a blocked read never delays exit) and hand
        every frame to the protocol on the event loop."""
        loop = asyncio.get_running_loop()
        chunks: asyncio.Queue = asyncio.Queue()
        fd = stdin.fileno()

        def read() -> None:
            while True:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    data = b""
                loop.call_soon_threadsafe(chunks.put_nowait, data)
                if not data:
                    return

        threading.Thread(target=read, name="vacaturelint-stdin", daemon=True).start()
        decoder = framing.FrameDecoder()
        while not self._stop_event.is_set():
            data = await chunks.get()
            if not data:
                break  # end of input: the client is gone
            for frame in decoder.feed(data):
                self.protocol.receive(frame)

    def spawn(self, coroutine) -> None:
        """Run a long job (settings, model load) as our own task, so the notification
        handler returns at once; a task cancelled because the server stops (end of
        input, ``exit``) ends quietly instead of failing a pygls callback."""
        async def quietly():
            try:
                await coroutine
            except asyncio.CancelledError:
                pass

        task = asyncio.ensure_future(quietly())
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    # -- helpers -------------------------------------------------------------
    def report_server_error(self, error: Exception, source) -> None:
        """Malformed messages and handler errors go to the log, not to pop-ups."""
        self.log_line(f"vacaturelint-server: bericht genegeerd ({type(error).__name__}: {error})",
                      types.MessageType.Warning)

    @property
    def encoding(self) -> str:
        try:
            return ENCODINGS.get(self.workspace.position_encoding, convert.UTF16)
        except RuntimeError:
            return convert.UTF16

    @property
    def root(self) -> str | None:
        try:
            uri = self.workspace.root_uri
        except RuntimeError:
            return None
        return to_fs_path(uri) if uri else None

    def log_line(self, message: str, kind=types.MessageType.Log) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def show_once(self, message: str, kind=types.MessageType.Error) -> None:
        if message in self.shown:
            return
        self.shown.add(message)
        self.window_show_message(types.ShowMessageParams(type=kind, message=f"vacaturelint: {message}"))

    def capability(self, *path) -> object:
        item = self.client_capabilities
        for name in path:
            item = getattr(item, name, None)
            if item is None:
                return None
        return item

    # -- settings and model ----------------------------------------------------
    async def read_settings(self, pushed=None) -> Settings:
        """Current settings: workspace/configuration when the client has it, else ``pushed``
        (from didChangeConfiguration), else the initializationOptions."""
        raw = None
        if self.capability("workspace", "configuration"):
            try:
                answer = await asyncio.wait_for(self.workspace_configuration_async(
                    types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])), 10)
                raw = answer[0] if answer else None
            except Exception as exc:  # a client that fails the request: keep what we have
                self.log_line(f"workspace/configuration mislukt: {exc}", types.MessageType.Warning)
        if raw is None:
            raw = pushed
        settings, warnings = parse_settings(raw, self.init_settings)
        for warning in warnings:
            self.show_once(warning, types.MessageType.Warning)
        return settings if settings is not None else self.init_settings

    async def configure(self, settings: Settings, force: bool = False) -> None:
        """Apply settings: a new Linter when they changed, the model (re)loaded in the
        worker with progress, then all open documents re-linted."""
        if not force and settings == self.settings and self.linter is not None and self.state != "failed":
            return  # unchanged (a failed model is retried: it may have been installed since)
        options_changed = self.linter is None or settings.options(self.root) != self.settings.options(self.root)
        self.settings = settings
        if options_changed or self.state == "failed":
            self.linter = Linter(settings.options(self.root), doc_cache=self.doc_cache)
            await self.load_model()
        self.relint_all()

    async def load_model(self) -> None:
        if self.stopping:
            return
        linter = self.linter
        self.state = "loading"
        token = None
        if self.capability("window", "work_done_progress"):
            token = f"vacaturelint-model-{uuid.uuid4().hex[:8]}"
            try:
                await asyncio.wait_for(self.work_done_progress.create_async(token), 10)
                self.work_done_progress.begin(token, types.WorkDoneProgressBegin(
                    title="vacaturelint", message="taalmodel laden…", cancellable=False))
            except Exception as exc:
                self.log_line(f"voortgang niet beschikbaar: {exc}")
                token = None
        loop = asyncio.get_running_loop()
        error = await loop.run_in_executor(self.executor, self._load_job, linter)
        if linter is not self.linter:  # settings changed meanwhile: that load decides
            if token:
                self.work_done_progress.end(token, types.WorkDoneProgressEnd(message="vervangen"))
            return
        if error is None:
            self.state = "ready"
            name = linter.model_name(linter.config_for(self.root))
            self.log_line(f"vacaturelint {__version__}: model '{name}' geladen", types.MessageType.Info)
        else:
            self.state = "failed"
            self.show_once(error)
        if token:
            self.work_done_progress.end(token, types.WorkDoneProgressEnd(
                message="klaar" if error is None else "taalmodel niet geladen"))

    @staticmethod
    def _load_job(linter: Linter) -> str | None:
        """Load the pipeline and compile the rules (worker thread). Returns a Dutch error."""
        try:
            linter.lint_text("Wij zoeken een collega.", "<start>", "plain")
            return None
        except ModelError as exc:
            return str(exc)
        except VacaturelintError as exc:
            return str(exc)
        except Exception as exc:  # never let a broken model take the server down
            log.exception("model load failed")
            return f"taalmodel kan niet worden geladen: {type(exc).__name__}: {exc}"

    # -- linting ---------------------------------------------------------------------
    def relint_all(self) -> None:
        for uri in list(self.documents):
            self.schedule(uri, 0)

    def schedule(self, uri: str, delay_ms: int) -> None:
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        doc = self.documents.get(uri)
        if doc is None or doc.kind is None:
            return
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(delay_ms / 1000, lambda: asyncio.ensure_future(self.lint(uri)))

    async def lint(self, uri: str) -> None:
        self.timers.pop(uri, None)
        if self.state != "ready" or uri in self.queued or self.stopping:
            return  # not ready: linted when the model is; queued: that job takes the newest text
        self.queued.add(uri)
        loop = asyncio.get_running_loop()
        try:
            outcome = await loop.run_in_executor(self.executor, self._lint_job, uri, self.linter, self.encoding)
        except Exception as exc:  # pragma: no cover - _lint_job catches everything
            self.log_line(f"lint mislukt: {exc}", types.MessageType.Error)
            return
        if outcome is None:
            return
        doc, linted, message, notes = outcome
        current = self.documents.get(uri)
        if current is None or current.version != doc.version:
            return  # closed or edited meanwhile: a newer lint is on its way
        if message:
            self.show_once(message)
        for note in notes:  # e.g. a rule skipped because its regular expression took too long
            self.log_line(f"vacaturelint: {doc.path or uri}: {note}", types.MessageType.Warning)
        if linted is None:
            self.linted.pop(uri, None)
            diagnostics = []
        else:
            self.linted[uri] = linted
            diagnostics = list(linted.diagnostics.values())
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=doc.version, diagnostics=diagnostics))

    def _lint_job(self, uri: str, linter: Linter | None, encoding: str):
        """Worker thread: lint the newest text of ``uri``."""
        self.queued.discard(uri)
        doc = self.documents.get(uri)
        if doc is None or doc.kind is None or linter is None or linter is not self.linter:
            return None
        if len(doc.text) > MAX_LINT_CHARS:
            return doc, None, (f"{doc.path or uri}: document te groot om tijdens het typen te controleren "
                               f"({len(doc.text)} tekens, maximaal {MAX_LINT_CHARS}); gebruik 'vacaturelint check'"), ()
        try:
            self._refresh_config(doc.path)
            config = linter.config_for(doc.path)
            check_selectors(linter, config)  # a typo in select/ignore: one message, as in the CLI
            result = linter.lint_sources([Source(path=doc.path or uri, text=doc.text, kind=doc.kind)], [config])[0]
        except VacaturelintError as exc:
            return doc, None, str(exc), ()
        except Exception as exc:  # a bug must not take the server down: report it instead
            log.error("internal error while linting %s:\n%s", uri, traceback.format_exc())
            return doc, None, f"interne fout bij controleren: {type(exc).__name__}: {exc}", ()
        index = LineIndex(doc.text)
        diagnostics = {f: convert.diagnostic(f, index, encoding) for f in result.findings}
        return doc, Linted(doc.version, index, doc.kind, diagnostics), result.error, tuple(result.notes)

    def _refresh_config(self, path: str | None) -> None:
        """Forget cached config files when one near ``path`` (or the explicit one) changed."""
        start = Path(path).parent if path else Path(self.root or os.getcwd())
        signature = config_module.signature(start, self.settings.options(self.root).config)
        key = str(start)
        with self._lock:
            if self.config_signatures.get(key) != signature:
                if key in self.config_signatures:
                    config_module.clear_cache()
                self.config_signatures[key] = signature

    def config_changed(self) -> None:
        with self._lock:
            self.config_signatures.clear()
        config_module.clear_cache()
        self.shown.clear()  # a config that is still broken is reported again
        if self.state == "failed" and self.linter is not None:
            # The model was not loaded because of the config (say, a YAML error): try again.
            self.spawn(self.configure(self.settings, force=True))
            return
        self.relint_all()

    # -- documents ---------------------------------------------------------------------
    def open_document(self, item: types.TextDocumentItem) -> None:
        path = to_fs_path(item.uri) if item.uri.startswith("file:") else None
        self.documents[item.uri] = Document(item.uri, item.text, item.version,
                                            document_kind(item.uri, item.language_id), path)

    def change_document(self, params: types.DidChangeTextDocumentParams) -> bool:
        doc = self.documents.get(params.text_document.uri)
        if doc is None:
            return False
        text = doc.text
        for change in params.content_changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                index = LineIndex(text)
                start = convert.to_offset(index, change.range.start, self.encoding)
                end = convert.to_offset(index, change.range.end, self.encoding)
                start, end = min(start, end), max(start, end)
                text = text[:start] + change.text + text[end:]
            else:
                text = change.text
        self.documents[doc.uri] = Document(doc.uri, text, params.text_document.version, doc.kind, doc.path)
        return True

    def current(self, uri: str) -> tuple[Document, Linted] | None:
        """The document and its lint, when that lint is of the current version."""
        doc = self.documents.get(uri)
        linted = self.linted.get(uri)
        if doc is None or linted is None or linted.version != doc.version:
            return None
        return doc, linted


server = VacaturelintServer()


@server.feature(types.INITIALIZE)
def on_initialize(ls: VacaturelintServer, params: types.InitializeParams) -> None:
    settings, warnings = parse_settings(params.initialization_options)
    ls.init_settings = settings or Settings()
    ls.settings = ls.init_settings
    for warning in warnings:
        ls.show_once(warning, types.MessageType.Warning)


@server.feature(types.INITIALIZED)
def on_initialized(ls: VacaturelintServer, params: types.InitializedParams) -> None:
    async def start() -> None:
        await ls.configure(await ls.read_settings(), force=True)

    ls.spawn(start())


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def on_change_configuration(ls: VacaturelintServer, params: types.DidChangeConfigurationParams) -> None:
    if ls.state in ("starting",):
        return  # initialized reads the settings itself

    async def reconfigure() -> None:
        await ls.configure(await ls.read_settings(params.settings))

    ls.spawn(reconfigure())


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def on_watched_files(ls: VacaturelintServer, params: types.DidChangeWatchedFilesParams) -> None:
    ls.config_changed()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def on_open(ls: VacaturelintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.open_document(params.text_document)
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def on_change(ls: VacaturelintServer, params: types.DidChangeTextDocumentParams) -> None:
    if ls.change_document(params):
        ls.schedule(params.text_document.uri, ls.settings.debounce_ms)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
def on_save(ls: VacaturelintServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if os.path.basename(urlparse(uri).path) in config_module.CANDIDATE_NAMES:
        ls.config_changed()
    else:
        ls.schedule(uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def on_close(ls: VacaturelintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    timer = ls.timers.pop(uri, None)
    if timer is not None:
        timer.cancel()
    ls.linted.pop(uri, None)
    if ls.documents.pop(uri, None) is not None:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_HOVER)
def on_hover(ls: VacaturelintServer, params: types.HoverParams) -> types.Hover | None:
    current = ls.current(params.text_document.uri)
    if current is None:
        return None
    _, linted = current
    offset = convert.to_offset(linted.index, params.position, ls.encoding)
    hits = [f for f in linted.diagnostics if f.start <= offset <= f.end and f.end > f.start]
    return convert.hover(hits, linted.index, ls.encoding) if hits else None


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def on_code_action(ls: VacaturelintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    current = ls.current(uri)
    if current is None:
        return []
    doc, linted = current
    start = convert.to_offset(linted.index, params.range.start, ls.encoding)
    end = convert.to_offset(linted.index, params.range.end, ls.encoding)
    start, end = min(start, end), max(start, end)
    hits = [f for f in linted.diagnostics if f.start <= end and start <= f.end]
    versioned = bool(ls.capability("workspace", "workspace_edit", "document_changes"))
    return convert.code_actions(hits, linted.diagnostics, uri, doc.version, linted.kind, linted.index,
                                ls.encoding, versioned)


@server.feature(types.SHUTDOWN)
def on_shutdown(ls: VacaturelintServer, params) -> None:
    ls.stopping = True
    for timer in ls.timers.values():
        timer.cancel()
    ls.timers.clear()
    ls.executor.shutdown(wait=False, cancel_futures=True)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="vacaturelint-lsp: %(levelname)s %(message)s")
    # pygls logs every malformed message with a traceback; those reach the client's log
    # as one line through report_server_error instead.
    logging.getLogger("pygls").setLevel(logging.CRITICAL)
    code = server.start_io()
    # A model load may still run in the worker thread: do not wait for it.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # closed by 'exit', or the client is gone
            pass
    os._exit(code)


if __name__ == "__main__":
    main()
