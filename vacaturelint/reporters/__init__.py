"""Output formats, one module each: text (full and concise), json, sarif, github."""

from __future__ import annotations

from vacaturelint.reporters import github, json_format, sarif, text

FORMATS = {"text": text.render, "concise": text.render_concise, "json": json_format.render, "sarif": sarif.render,
           "github": github.render}
STATISTICS = {"text": text.render_statistics, "json": json_format.render_statistics}
