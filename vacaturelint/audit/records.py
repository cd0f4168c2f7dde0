"""One raw record of a feed -> the columns of one ad: id, text, metadata, error.

Every field other than the id and text fields is metadata and is carried into the
outputs as text (strings stay strings; numbers, booleans, lists become their JSON
text; dates their ISO form; absent or null stays null), so that partitions of one
feed always have the same column types. A metadata field whose name is taken by an
output column gets the prefix ``meta_``.

A record that cannot be linted keeps its id and metadata and gets an ``error``: one
Dutch line that starts with a fixed kind (see :data:`ERROR_KINDS`), counted per kind
in the summary.
"""

from __future__ import annotations

import datetime
import json
import math
import re

from vacaturelint.meta import META_CATEGORY
from vacaturelint.rules.model import CATEGORIES
from vacaturelint.severity import SEVERITIES

# spaCy refuses texts over a million characters (nlp.max_length); no vacancy is that long.
MAX_TEXT_CHARS = 1_000_000

# Internal columns of the frames the driver sends to workers.
ERROR = "_error"  # why the record could not even be read (invalid JSON, encoding, ...)
KIND = "_kind"  # per-record text kind (vacancy files in a folder)
RAW = "_raw"  # bytes of a .docx vacancy file
INTERNAL = (ERROR, KIND, RAW)

FINDING_COLUMNS = ("rule", "name", "category", "severity", "offset", "end_offset", "line", "column", "text",
                   "message")
FINDING_INTS = ("offset", "end_offset", "line", "column")
COUNT_CATEGORIES = (*CATEGORIES, META_CATEGORY)
COUNT_SEVERITIES = tuple(reversed(SEVERITIES))  # error, warning, info
AD_COUNT_COLUMNS = ("n_findings", *(f"n_{c}" for c in COUNT_CATEGORIES), *(f"n_{s}" for s in COUNT_SEVERITIES))
AD_COLUMNS = (*AD_COUNT_COLUMNS, "error")
_SURROGATES = re.compile("[\udc80-\udcff]")  # undecodable bytes (surrogateescape)
RESERVED = frozenset({"id", *FINDING_COLUMNS, *AD_COLUMNS, *INTERNAL})

ERROR_KINDS = {
    "ongeldige JSON": "een regel van het JSONL-bestand is geen geldig JSON-object",
    "ongeldige codering": "bytes die geen UTF-8 zijn",
    "tekst ontbreekt": "het tekstveld ontbreekt of is leeg (null)",
    "geen tekst": "het tekstveld is geen tekst (getal, lijst, ...)",
    "tekst te groot": f"meer dan {MAX_TEXT_CHARS:,} tekens".replace(",", "."),
    "onleesbaar": "bestand of rij kon niet worden gelezen",
    "fout bij controle": "de controle zelf faalde op deze tekst",
}


def error_kind(error: str) -> str:
    kind = error.split(":", 1)[0]
    return kind if kind in ERROR_KINDS else "onleesbaar"


def meta_name(field: str) -> str:
    return f"meta_{field}" if field in RESERVED else field


def meta_value(value: object) -> str | None:
    """Metadata as text (None stays None)."""
    if value is None:
        return None
    if isinstance(value, str):
        return _valid(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    try:
        return _valid(json.dumps(value, ensure_ascii=False, default=str))
    except (TypeError, ValueError):
        return _valid(str(value))


def _valid(text: str) -> str:
    """``text`` without undecodable bytes (kept by surrogateescape), so it can be stored."""
    if _SURROGATES.search(text):
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return text


def ad_record(fields: dict, text_field: str, id_field: str, fallback_id: str, error: str | None = None) -> dict:
    """The ad columns of one parsed record (a dict of the feed's fields)."""
    record: dict = {}
    raw_id = fields.get(id_field)
    record["id"] = fallback_id if raw_id is None or raw_id == "" else meta_value(raw_id)
    if text_field not in fields and error is None:
        error = f"tekst ontbreekt: veld '{text_field}' ontbreekt"
    text = fields.get(text_field)
    if error is None:
        error = text_problem(text, text_field)
    record[text_field] = text if error is None else None  # never ship a bad 20 MB text to a worker
    for name, value in fields.items():
        if name not in (id_field, text_field):
            record[meta_name(str(name))] = meta_value(value)
    record[ERROR] = error
    return record


def text_problem(text: object, text_field: str) -> str | None:
    """Why ``text`` cannot be linted, or None."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return f"tekst ontbreekt: veld '{text_field}' is leeg (null)"
    if not isinstance(text, str):
        return f"geen tekst: veld '{text_field}' is {type(text).__name__}, geen tekst"
    if len(text) > MAX_TEXT_CHARS:
        megabytes = len(text.encode("utf-8", "surrogatepass")) / 1e6
        return f"tekst te groot: {len(text):,} tekens ({megabytes:.1f} MB), hooguit {MAX_TEXT_CHARS:,}".replace(
            ",", ".")
    if _SURROGATES.search(text):
        return "ongeldige codering: de tekst bevat bytes die geen UTF-8 zijn"
    return None
