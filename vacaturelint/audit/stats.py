"""``summary.json``: counts, shares with 95% Wilson intervals, per ``--by`` group.

Computed from the partition outputs, one partition at a time (bounded memory). The
share of a category (or severity) is the share of the ads that were audited (not
failed) with at least one finding of it; its interval is the Wilson score interval,
which behaves at 0 and 1 and for small groups, unlike the normal approximation.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from vacaturelint.audit.records import (
    AD_COUNT_COLUMNS,
    COUNT_CATEGORIES,
    COUNT_SEVERITIES,
    error_kind,
)

Z95 = 1.959963984540054
EMPTY = "(leeg)"
UNKNOWN = "(onbekend)"
WORDING_TOP = 10
_WORDING_CAP = 50_000  # distinct wordings kept per rule before the rarest are dropped
_DATE = re.compile(r"^(\d{4})-(\d{2})")


def wilson(hits: int, n: int, z: float = Z95) -> tuple[float, float]:
    """95% Wilson score interval for a proportion ``hits / n`` (n > 0)."""
    p = hits / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def share(hits: int, n: int) -> dict:
    if n == 0:
        return {"ads": hits, "share": None, "low": None, "high": None}
    low, high = wilson(hits, n)
    return {"ads": hits, "share": round(hits / n, 6), "low": round(low, 6), "high": round(high, 6)}


@dataclass(frozen=True)
class By:
    """A ``--by`` field, optionally grouped by period: ``sector``, ``collected:month``."""

    field: str
    period: str | None = None  # month | year

    @classmethod
    def parse(cls, spec: str) -> By:
        name, _, period = spec.partition(":")
        if not name or (period and period not in ("month", "year")):
            raise ValueError(f"ongeldige --by '{spec}': gebruik VELD, VELD:month of VELD:year")
        return cls(name, period or None)

    @property
    def label(self) -> str:
        return f"{self.field}:{self.period}" if self.period else self.field

    def key(self, value) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
            return EMPTY
        if self.period is None:
            return str(value)
        match = _DATE.match(str(value))
        if not match:
            return UNKNOWN
        return f"{match.group(1)}-{match.group(2)}" if self.period == "month" else match.group(1)


@dataclass
class Tally:
    ads: int = 0
    failed: int = 0
    any: int = 0
    categories: Counter = field(default_factory=Counter)
    severities: Counter = field(default_factory=Counter)

    def add(self, frame) -> None:
        ok = frame["error"].isna()
        self.ads += len(frame)
        self.failed += int((~ok).sum())
        self.any += int(((frame["n_findings"] > 0) & ok).sum())
        for category in COUNT_CATEGORIES:
            self.categories[category] += int(((frame[f"n_{category}"] > 0) & ok).sum())
        for severity in COUNT_SEVERITIES:
            self.severities[severity] += int(((frame[f"n_{severity}"] > 0) & ok).sum())

    def to_json(self) -> dict:
        audited = self.ads - self.failed
        return {
            "ads": self.ads, "audited": audited, "failed": self.failed,
            "with_findings": share(self.any, audited),
            "categories": {c: share(self.categories[c], audited) for c in COUNT_CATEGORIES},
            "severities": {s: share(self.severities[s], audited) for s in COUNT_SEVERITIES},
        }


def summarize(store, by: list[By], info: dict) -> dict:
    """The summary of all complete partitions in ``store``."""
    total = Tally()
    groups: dict[str, dict[str, Tally]] = {b.label: defaultdict(Tally) for b in by}
    reasons: Counter = Counter()
    wanted = ["id", "error", *AD_COUNT_COLUMNS, *dict.fromkeys(b.field for b in by)]
    for table in store.read_parts("ads", columns=wanted):
        frame = table.to_pandas()
        total.add(frame)
        reasons.update(error_kind(e) for e in frame["error"].dropna())
        for b in by:
            values = frame[b.field] if b.field in frame.columns else [None] * len(frame)
            keys = [b.key(v) for v in values]
            for key, part in frame.groupby(keys, sort=False):
                groups[b.label][key].add(part)
    rules: dict[str, dict] = {}
    wording: dict[str, Counter] = defaultdict(Counter)
    findings = 0
    for table in store.read_parts("findings", columns=["id", "rule", "name", "category", "severity", "text"]):
        frame = table.to_pandas()
        findings += len(frame)
        for rule, part in frame.groupby("rule", sort=False):
            entry = rules.setdefault(rule, {"name": part["name"].iloc[0], "category": part["category"].iloc[0],
                                            "findings": 0, "ads": 0, "severities": {}})
            entry["findings"] += len(part)
            entry["ads"] += int(part["id"].nunique())
            for severity, n in part["severity"].value_counts().items():
                entry["severities"][severity] = entry["severities"].get(severity, 0) + int(n)
            counter = wording[rule]
            counter.update(" ".join(t.lower().split()) for t in part["text"] if t)
            if len(counter) > _WORDING_CAP:
                wording[rule] = Counter(dict(counter.most_common(_WORDING_CAP // 5)))
    overall = total.to_json()
    return {
        **info,
        "interval": "Wilson-score, 95%",
        "ads": {"total": total.ads, "audited": total.ads - total.failed, "failed": total.failed},
        "failed_by_reason": dict(reasons.most_common()),
        "findings": {"total": findings, "per_rule": dict(sorted(rules.items()))},
        "shares": {k: overall[k] for k in ("with_findings", "categories", "severities")},
        "by": {label: {key: tally.to_json() for key, tally in sorted(values.items())}
               for label, values in groups.items()},
        "wording": {rule: [{"text": t, "count": n} for t, n in wording[rule].most_common(WORDING_TOP)]
                    for rule in sorted(wording)},
    }
