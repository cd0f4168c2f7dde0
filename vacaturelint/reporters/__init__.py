"""Output formats, one module each: text, json, sarif, github."""

from __future__ import annotations

from vacaturelint.reporters import github, json_format, sarif, text

FORMATS = {"text": text.render, "json": json_format.render, "sarif": sarif.render, "github": github.render}
