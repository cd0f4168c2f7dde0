"""SARIF 2.1.0 for GitHub code scanning: stable rule ids, relative URIs, fingerprints."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import quote

from vacaturelint import __version__

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """A URI reference (RFC 3986): relative to the working folder when the file lies
    in it, else a ``file://`` URI; every byte outside the unreserved set and ``/`` is
    percent-encoded (a space, ``#``, ``%``, a newline, a byte that is not UTF-8)."""
    try:
        rel = os.path.relpath(Path(path).resolve(), Path.cwd())
    except ValueError:
        rel = path
    if rel == ".." or rel.startswith("../"):
        return "file://" + quote(os.fsencode(Path(path).resolve().as_posix()), safe="/")
    return quote(os.fsencode(Path(rel).as_posix()), safe="/")


def render(results, rules=None, **_) -> str:
    rules = rules or {}
    used: dict[str, int] = {}
    driver_rules = []
    out = []
    for result in results:
        seen: dict[tuple, int] = {}
        for f in result.findings:
            if f.rule not in used:
                used[f.rule] = len(driver_rules)
                rule = rules.get(f.rule)
                help_text = f.explanation + ("\n\nSuggesties: " + "; ".join(f.suggestions) if f.suggestions else "")
                driver_rules.append({
                    "id": f.rule,
                    "name": f.name,
                    "shortDescription": {"text": rule.message.replace("{match}", "…") if rule else f.message},
                    "fullDescription": {"text": f.explanation},
                    "help": {"text": help_text, "markdown": help_text},
                    "defaultConfiguration": {"level": _LEVEL[rule.severity if rule else f.severity]},
                    "properties": {"tags": [f.category], "legal": f.legal},
                })
            key = (f.rule, f.text.lower())
            seen[key] = seen.get(key, 0) + 1
            digest = hashlib.sha256(f"{f.rule}\0{f.text.lower()}\0{seen[key]}".encode()).hexdigest()
            result_fixes = [] if f.fix is None else [{
                "description": {"text": f"Vervang ‘{f.text}’ door ‘{f.fix}’"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(f.path)},
                    "replacements": [{
                        "deletedRegion": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                                          "endColumn": f.end_column},
                        "insertedContent": {"text": f.fix},
                    }],
                }],
            }]
            out.append({
                "ruleId": f.rule,
                "ruleIndex": used[f.rule],
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path)},
                    "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                               "endColumn": f.end_column, "snippet": {"text": f.text}},
                }}],
                "partialFingerprints": {"vacaturelint/v1": digest},
                **({"fixes": result_fixes} if result_fixes else {}),
            })
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "vacaturelint", "version": __version__,
                                "informationUri": "https://pypi.org/project/vacaturelint/",
                                "rules": driver_rules}},
            "columnKind": "unicodeCodePoints",
            "results": out,
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
