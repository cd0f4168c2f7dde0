"""The frame every HTML page of vacaturelint shares: doctype, head, header.

The report, the audit dashboard and the serve page start the same way; their
inline style (and script) are allowed by hash in a strict Content-Security-Policy.
"""

from __future__ import annotations

import base64
import hashlib
import html

from vacaturelint import __version__
from vacaturelint.generated import GENERATOR_MARK
from vacaturelint.pathtext import decodable


def esc(value: object) -> str:
    """Escaped for HTML; a surrogate (a file name byte that is not UTF-8, kept by
    ``os.fsdecode``) is shown as an escape (``\\xff``, as pathtext shows it everywhere),
    so the page stays valid UTF-8."""
    return html.escape(decodable(str(value)), quote=True)


def csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_policy(css: str, script: str | None = None) -> str:
    """Nothing but this page's own inline style (and script), by hash."""
    scripts = csp_hash(script) if script is not None else "'none'"
    return (f"default-src 'none'; style-src {csp_hash(css)}; script-src {scripts}; "
            "img-src 'none'; connect-src 'none'; font-src 'none'; form-action 'none'; base-uri 'none'")


def document_start(title: str, *, css: str | None = None, script: str | None = None,
                   stylesheet: str | None = None) -> str:
    """Doctype and head up to ``<body>``: inline ``css`` (with its policy) or a linked
    ``stylesheet``."""
    policy = f'<meta http-equiv="Content-Security-Policy" content="{inline_policy(css, script)}">' if css is not None else ""
    style = f"<style>{css}</style>" if css is not None else ""
    link = f'<link rel="stylesheet" href="{esc(stylesheet)}">' if stylesheet is not None else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="nl"><head><meta charset="utf-8">{policy}'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'{GENERATOR_MARK}{esc(__version__)}">'
        f"<title>{esc(title)}</title>{style}{link}</head><body>"
    )


def header_start(title: str, info: str) -> str:
    """The page's heading and its one-line description; the caller closes ``<header>``."""
    return f'<header><h1>{esc(title)}</h1><p class="meta">{esc(info)}</p>'
