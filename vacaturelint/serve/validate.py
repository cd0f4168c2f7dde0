"""Checking the body of ``POST /api/lint``: JSON object, known fields, right types.

Every problem raises :class:`ApiError` with an HTTP status and one Dutch line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from vacaturelint.severity import SEVERITIES
from vacaturelint.source import TEXT_KINDS

MAX_BODY = 1024 * 1024  # 1 MB
FIELDS = ("text", "kind", "select", "ignore", "min_severity")


class ApiError(Exception):
    """A request the API refuses: ``status`` and one Dutch ``message``."""

    def __init__(self, status: int, message: str, **extra) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra

    def body(self) -> dict:
        return {"error": self.message, **self.extra}


@dataclass(frozen=True)
class LintRequest:
    text: str
    kind: str = "plain"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: str | None = None


def check_content_type(content_type: str | None) -> None:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media != "application/json":
        shown = media or "geen"
        raise ApiError(415, f"verkeerd inhoudstype '{shown}': stuur JSON met 'Content-Type: application/json'")


def check_length(content_length: str | None) -> None:
    if content_length is None:
        return
    try:
        length = int(content_length)
    except ValueError:
        raise ApiError(400, "ongeldige Content-Length") from None
    if length > MAX_BODY:
        raise too_large()


def too_large() -> ApiError:
    return ApiError(413, "het verzoek is groter dan 1 MB; stuur een kortere tekst")


def parse_json(body: bytes) -> object:
    try:
        return json.loads(body)
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise ApiError(400, "ongeldige JSON in het verzoek") from None


def _selectors(data: dict, name: str, is_known: Callable[[str], bool]) -> tuple[str, ...]:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ApiError(400, f"veld '{name}' moet een lijst van teksten zijn")
    unknown = [v for v in value if not is_known(v)]
    if unknown:
        names = ", ".join(f"'{v}'" for v in unknown)
        raise ApiError(400, f"onbekende regel of categorie in '{name}': {names} (zie GET /api/rules)",
                       unknown=unknown)
    return tuple(value)


def lint_request(data: object, is_known: Callable[[str], bool]) -> LintRequest:
    """The parsed JSON body as a LintRequest; ``is_known`` checks rule selectors."""
    if not isinstance(data, dict):
        raise ApiError(400, "het verzoek moet een JSON-object zijn, zoals {\"text\": \"...\"}")
    unknown = [k for k in data if k not in FIELDS]
    if unknown:
        names = ", ".join(f"'{k}'" for k in unknown)
        raise ApiError(400, f"onbekende velden: {names} (toegestaan: {', '.join(FIELDS)})", fields=unknown)
    if "text" not in data:
        raise ApiError(400, "veld 'text' ontbreekt")
    text = data["text"]
    if not isinstance(text, str):
        raise ApiError(400, "veld 'text' moet een tekst zijn")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate (\ud800) is no character
        raise ApiError(400, f"veld 'text' bevat een ongeldig teken op positie {error.start}") from None
    kind = data.get("kind", "plain")
    if kind not in TEXT_KINDS:
        raise ApiError(400, f"veld 'kind' moet een van {', '.join(TEXT_KINDS)} zijn")
    min_severity = data.get("min_severity")
    if min_severity is not None and min_severity not in SEVERITIES:
        raise ApiError(400, f"veld 'min_severity' moet een van {', '.join(SEVERITIES)} zijn")
    return LintRequest(text=text, kind=kind, select=_selectors(data, "select", is_known),
                       ignore=_selectors(data, "ignore", is_known), min_severity=min_severity)
