"""JSON: an array of findings (1-based lines/columns in code points, end exclusive)."""

from __future__ import annotations

import json


def render(results, **_) -> str:
    findings = [f.to_dict() for result in results for f in result.findings]
    return json.dumps(findings, ensure_ascii=False, indent=2) + "\n"
