"""Rule values: what a rule in rules.yaml becomes after validation."""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES = ("leeftijd", "geslacht", "herkomst", "beperking", "religie", "gezinssituatie", "functie-eisen")


@dataclass(frozen=True)
class Clause:
    """One way a rule can match: exactly one kind (phrases, lemmas, tokens, ...)."""

    kind: str
    spec: object  # the kind's own data, e.g. a list of spaCy token patterns
    options: dict
    line: int
    index: int


@dataclass(frozen=True)
class Condition:
    """A context test used by ``unless``, ``requires`` and ``severity_when``."""

    kind: str
    spec: dict  # for kind "all": a tuple of Condition, all of which must hold
    line: int


@dataclass(frozen=True)
class SeverityChange:
    when: tuple[Condition, ...]
    severity: str
    note: str


@dataclass(frozen=True)
class Example:
    text: str
    match: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: str
    severity: str
    message: str
    explanation: str
    suggestions: tuple[str, ...]
    legal: dict
    clauses: tuple[Clause, ...]
    unless: tuple[Condition, ...] = ()
    requires: tuple[Condition, ...] = ()
    severity_when: tuple[SeverityChange, ...] = ()
    bad_examples: tuple[Example, ...] = ()
    good_examples: tuple[Example, ...] = ()
    scope: str = "span"  # span | document
    enabled: bool = True
    source: str = ""
    line: int = 0
    needs: frozenset[str] = field(default_factory=frozenset)
    fix: tuple[tuple[str, str], ...] = ()  # safe one-to-one replacements: (matched text, replacement)

    @property
    def conditions(self) -> tuple[Condition, ...]:
        """Every condition of the rule (unless, requires, severity_when), with the parts
        of an ``all`` condition in its place: what the conditions can read."""
        found: list[Condition] = []

        def add(conditions) -> None:
            for c in conditions:
                if c.kind == "all":
                    add(c.spec)
                else:
                    found.append(c)

        add((*self.unless, *self.requires, *(c for change in self.severity_when for c in change.when)))
        return tuple(found)

    def fix_for(self, matched: str) -> str | None:
        """The safe replacement for ``matched``, or None. Matched text is compared
        without case and spaces ("(M / V)" is "(m/v)"); a match in capitals gets
        the replacement in capitals."""
        key = fix_key(matched)
        for source, target in self.fix:
            if fix_key(source) == key:
                return target.upper() if matched.isupper() else target
        return None

    @property
    def legal_text(self) -> str:
        """One line: law articles and College oordelen, e.g. 'WGBL art. 3; oordeel 2018-36'."""
        parts = list(self.legal.get("refs", []))
        oordelen = self.legal.get("oordelen", [])
        if oordelen:
            parts.append("College voor de Rechten van de Mens, oordeel " + ", ".join(oordelen))
        return "; ".join(parts)

    def selected_by(self, selector: str) -> bool:
        """True when a --select/--ignore/suppression selector names this rule."""
        return selector_matches(selector, self.id, self.name, self.category)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    references: dict  # key -> {"title": ..., "url": ...}
    files: tuple[str, ...]

    def by_id(self, key: str) -> Rule | None:
        for rule in self.rules:
            if rule.id == key.upper() or rule.name == key.lower():
                return rule
        return None


def fix_key(text: str) -> str:
    return "".join(text.split()).lower()


def selector_matches(selector: str, rule_id: str, name: str, category: str) -> bool:
    """A selector is a rule id (LFT001), name (jong-team), category, id prefix (LFT) or 'all'."""
    s = selector.strip()
    low = s.lower()
    return (
        s.upper() == rule_id or low in (name, category) or low == "all" or len(s) >= 2 and s.isalpha() and rule_id.startswith(s.upper())
    )


def rule_summary(rule) -> dict:
    """One rule as listed by ``vacaturelint rules --format json`` and ``GET /api/rules``."""
    return {
        "id": rule.id, "name": rule.name, "category": rule.category, "severity": rule.severity,
        "scope": rule.scope, "enabled": rule.enabled, "message": rule.message, "legal": rule.legal_text,
        "fixable": bool(rule.fix),
    }
