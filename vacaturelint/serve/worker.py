"""The one spaCy pipeline, behind a bounded pool of one thread.

A spaCy pipeline is not safe to share across threads, so every lint runs on the
same single worker thread; the event loop only awaits it (``run_in_executor``
style, via ``asyncio.wrap_future``) and never blocks on the model. The pool is
bounded: at most ``max_pending`` requests wait or run at once (more are refused
with "server bezet"), and each request has a time limit that includes its wait.
A request that times out before it started is dropped from the queue.

The model loads once, on the worker thread, right after start; until then
:attr:`LintWorker.state` is ``"loading"``.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from vacaturelint.engine import Linter, Options, is_known_selector
from vacaturelint.errors import VacaturelintError
from vacaturelint.reporters import json_format
from vacaturelint.serve.validate import ApiError, LintRequest
from vacaturelint.source import Source
from vacaturelint.suggestions import replacements

LOADING, READY, FAILED = "loading", "ready", "error"
SOURCE_PATH = "-"  # findings name the posted text as check names standard input
WARM_UP = "Wij zoeken een collega."


class LintWorker:
    def __init__(self, options: Options, timeout: float = 30.0, max_pending: int = 64,
                 on_failure: Callable[[str], None] | None = None) -> None:
        self.linter = Linter(options)
        self.timeout = timeout
        self.max_pending = max_pending
        self.on_failure = on_failure
        self.state = LOADING
        self.error: str | None = None
        # Config and rules load here, synchronously: their errors are usage errors
        # (VacaturelintError) for the command to report before the server starts.
        self.config = self.linter.config_for(None)
        self.ruleset = self.linter.ruleset(self.config)
        self._executor: ThreadPoolExecutor | None = None
        self._pending = 0
        self._lock = threading.Lock()

    # -- life cycle --------------------------------------------------------------
    def start(self) -> Future:
        """Start the worker thread and load the model on it (returns at once)."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vacaturelint-model")
        return self._executor.submit(self._load)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)

    def _load(self) -> None:
        try:
            self.linter.lint_sources([Source(path=SOURCE_PATH, text=WARM_UP, kind="plain")], [self.config])
        except VacaturelintError as error:
            self.error = str(error)
            self.state = FAILED
            if self.on_failure:
                self.on_failure(self.error)
            return
        self.state = READY

    @property
    def pending(self) -> int:
        """Checks waiting for or running on the worker thread."""
        return self._pending

    @property
    def model_name(self) -> str:
        return self.linter.model_name(self.config)

    # -- queries -----------------------------------------------------------------
    def is_known_selector(self, selector: str) -> bool:
        return is_known_selector(selector, self.ruleset)

    def rules(self) -> list[dict]:
        """The rules, in the schema of ``vacaturelint rules --format json``."""
        from vacaturelint.rules.model import rule_summary

        return [rule_summary(r) for r in self.ruleset.rules]

    async def lint(self, request: LintRequest) -> dict:
        """``{"findings": [...], "replacements": [...]}`` for one request, or ApiError."""
        if self.state == LOADING:
            raise ApiError(503, "model laden...; probeer het zo opnieuw", state=LOADING)
        if self.state == FAILED:
            raise ApiError(503, f"het model kon niet worden geladen: {self.error}", state=FAILED)
        with self._lock:
            if self._pending >= self.max_pending:
                raise ApiError(503, "de server is bezet; probeer het zo opnieuw")
            self._pending += 1
        try:
            job = self._executor.submit(self._lint, request)
        except RuntimeError:  # shutting down
            self._done(None)
            raise ApiError(503, "de server stopt") from None
        job.add_done_callback(self._done)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(job), self.timeout)
        except TimeoutError:
            raise ApiError(504, f"de controle duurde langer dan {self.timeout:g} seconden") from None

    def _done(self, _job) -> None:
        with self._lock:
            self._pending -= 1

    def _lint(self, request: LintRequest) -> dict:
        config = self.config.with_cli(request.select, request.ignore, request.min_severity)
        source = Source(path=SOURCE_PATH, text=request.text, kind=request.kind)
        result = self.linter.lint_sources([source], [config])[0]
        if result.error:
            raise ApiError(422, result.error)
        findings = json.loads(json_format.render([result]))  # exactly check --format json
        return {"findings": findings, "replacements": [replacements(f["suggestions"]) for f in findings]}
