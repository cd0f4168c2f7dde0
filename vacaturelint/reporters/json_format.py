"""JSON: an array of findings (1-based lines/columns in code points, end exclusive)."""

from __future__ import annotations

import json

from vacaturelint.pathtext import decodable


def render(results, **_) -> str:
    findings = [{**f.to_dict(), "path": decodable(f.path)} for result in results for f in result.findings]
    return json.dumps(findings, ensure_ascii=False, indent=2) + "\n"


def render_statistics(results, **_) -> str:
    """Findings per rule, most first: ``[{"rule", "name", "severity", "count"}]``."""
    from collections import Counter

    counts = Counter((f.rule, f.name, f.severity) for r in results for f in r.findings)
    rows = [{"rule": rule, "name": name, "severity": severity, "count": count}
            for (rule, name, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
