"""One linter per process, and the small public ``vacaturelint.lint``.

Dask workers (and Spark or Ray executors) call the audit many times in one process:
:func:`linter_for` keeps one :class:`~vacaturelint.engine.Linter` per set of options, so
the spaCy pipeline is loaded once per process (the pipeline itself is cached by
:mod:`vacaturelint.nlp` as well).
"""

from __future__ import annotations

import threading

from vacaturelint.engine import Linter, Options

_linters: dict[Options, Linter] = {}
_lock = threading.Lock()


def linter_for(options: Options) -> Linter:
    with _lock:
        linter = _linters.get(options)
        if linter is None:
            linter = _linters[options] = Linter(options)
        return linter


def lint(text: str, kind: str = "plain", *, model: str | None = None, select=(), ignore=(),
         min_severity: str | None = None, config: str | None = None, isolated: bool = True) -> list[dict]:
    """Findings in ``text`` as dicts, in the schema of ``vacaturelint check --format json``.

    ``kind`` is ``plain``, ``markdown`` or ``html``. Config files are ignored unless
    ``isolated=False`` (then they are looked up from the working directory) or
    ``config`` names one. Raises :class:`vacaturelint.errors.VacaturelintError` for
    model, config or rule errors.
    """
    if kind not in ("plain", "markdown", "html"):
        raise ValueError(f"onbekend soort tekst '{kind}' (plain, markdown of html)")
    options = Options(model=model, config=config, isolated=isolated and config is None,
                      select=tuple(select), ignore=tuple(ignore), min_severity=min_severity)
    result = linter_for(options).lint_text(text, kind=kind)
    return [finding.to_dict() for finding in result.findings]
