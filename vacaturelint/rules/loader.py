"""Loading and validating rule files. Every error names file, line, rule and key.

A rule file has ``schema_version: 1``, optional ``references`` (legal sources by
key) and ``rules``. Extra rule files (from config) use the same schema; their
ids must not collide with the built-in ones.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from vacaturelint.errors import RulesError
from vacaturelint.rules import conditions
from vacaturelint.rules.cache import cached
from vacaturelint.rules.kinds import KINDS
from vacaturelint.rules.model import CATEGORIES, Clause, Condition, Example, Rule, RuleSet, SeverityChange
from vacaturelint.severity import SEVERITIES
from vacaturelint.yamlsource import LineDict, YamlError, line_of
from vacaturelint.yamlsource import load as load_yaml

TOP_KEYS = {"schema_version", "references", "rules"}
RULE_KEYS = {
    "id", "name", "category", "severity", "message", "explanation", "suggestions", "legal", "match",
    "unless", "requires", "severity_when", "examples", "enabled", "scope", "fix",
}
REQUIRED = ("id", "name", "category", "severity", "message", "explanation", "legal", "match", "examples")
LEGAL_KEYS = {"ground", "distinction", "refs", "oordelen", "justifiable"}
ID_PATTERN = r"^[A-Z]{3}\d{3}$"


def builtin_rules_path() -> Path:
    """rules.yaml shipped in the wheel, or at the repository root in a checkout."""
    packaged = resources.files("vacaturelint") / "rules.yaml"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules.yaml"


class _Problem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def load_ruleset(extra_files: list[str] | tuple[str, ...] = (), builtin: bool = True) -> RuleSet:
    files = ([str(builtin_rules_path())] if builtin else []) + [str(f) for f in extra_files]
    rules: list[Rule] = []
    references: dict = {}
    seen: dict[str, str] = {}
    for path in files:
        file_rules, file_refs = load_file(path)
        for rule in file_rules:
            for key in (rule.id, rule.name):
                if key in seen:
                    raise RulesError(f"{path}:{rule.line}: regel {rule.id}: '{key}' bestaat al in {seen[key]}")
                seen[key] = f"{rule.source}:{rule.line}"
            rules.append(rule)
        references.update(file_refs)
    return RuleSet(rules=tuple(rules), references=references, files=tuple(files))


def load_file(path: str) -> tuple[list[Rule], dict]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(f"{path}: regelbestand bestaat niet") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path}: regelbestand kan niet gelezen worden ({exc})") from None
    return cached(path, text, lambda: _parse_text(text, path))


def _parse_text(text: str, path: str) -> tuple[list[Rule], dict]:
    try:
        data = load_yaml(text)
    except YamlError as exc:
        raise RulesError(f"{path}:{exc.line}: {exc.message}") from None
    try:
        return _parse_file(data, path)
    except _Problem as exc:
        raise RulesError(f"{path}:{exc.line}: {exc.message}") from None


def _parse_file(data, path: str) -> tuple[list[Rule], dict]:
    if not isinstance(data, LineDict):
        raise _Problem(1, "een regelbestand moet een mapping zijn met 'schema_version' en 'rules'")
    unknown = set(data) - TOP_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise _Problem(line_of(data, key), f"onbekende sleutel '{key}' (toegestaan: {', '.join(sorted(TOP_KEYS))})")
    if data.get("schema_version") != 1:
        raise _Problem(line_of(data, "schema_version"), "schema_version moet 1 zijn")
    references = data.get("references", {})
    if not isinstance(references, dict):
        raise _Problem(line_of(data, "references"), "references moet een mapping zijn")
    for key, ref in references.items():
        if not isinstance(ref, dict) or not isinstance(ref.get("title"), str):
            raise _Problem(line_of(references, key), f"referentie '{key}' heeft een 'title' nodig")
    items = data.get("rules")
    if not isinstance(items, list):
        raise _Problem(line_of(data, "rules"), "'rules' moet een lijst regels zijn")
    rules = [_parse_rule(item, line_of(items, i), path, references) for i, item in enumerate(items)]
    return rules, dict(references)


def _parse_rule(item, line: int, path: str, references) -> Rule:
    if not isinstance(item, LineDict):
        raise _Problem(line, "elke regel moet een mapping zijn")
    rid = item.get("id")
    label = f"regel {rid}" if isinstance(rid, str) else "regel"

    def fail(key, message, container=item):
        raise _Problem(line_of(container, key), f"{label}: {key}: {message}" if key else f"{label}: {message}")

    for key in sorted(set(item) - RULE_KEYS):
        fail(key, f"onbekende sleutel (toegestaan: {', '.join(sorted(RULE_KEYS))})")
    for key in REQUIRED:
        if key not in item:
            fail(None, f"verplichte sleutel '{key}' ontbreekt")
    import re

    if not isinstance(rid, str) or not re.match(ID_PATTERN, rid):
        fail("id", "moet drie hoofdletters en drie cijfers zijn, bijv. LFT001")
    name = item["name"]
    if not isinstance(name, str) or not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", name):
        fail("name", "moet kebab-case zijn, bijv. jong-team")
    if item["category"] not in CATEGORIES:
        fail("category", f"onbekende categorie '{item['category']}' (mogelijk: {', '.join(CATEGORIES)})")
    if item["severity"] not in SEVERITIES:
        fail("severity", f"moet een van {', '.join(SEVERITIES)} zijn")
    for key in ("message", "explanation"):
        if not isinstance(item[key], str) or not item[key].strip():
            fail(key, "moet (Nederlandse) tekst zijn")
    if "\n" in item["message"].strip():
        fail("message", "moet op één regel passen")
    suggestions = item.get("suggestions", [])
    if not isinstance(suggestions, list) or not all(isinstance(s, str) for s in suggestions):
        fail("suggestions", "moet een lijst teksten zijn")
    legal = item["legal"]
    if not isinstance(legal, dict):
        fail("legal", "moet een mapping zijn met ground, distinction en refs")
    for key in sorted(set(legal) - LEGAL_KEYS):
        fail(key, f"onbekende sleutel in legal (toegestaan: {', '.join(sorted(LEGAL_KEYS))})", legal)
    refs = legal.get("refs")
    if not isinstance(refs, list) or not refs or not all(isinstance(r, str) for r in refs):
        fail("legal", "refs moet een niet-lege lijst wettelijke gronden zijn")
    resolved = [references[r]["title"] if r in references else r for r in refs]
    oordelen = legal.get("oordelen", [])
    if not isinstance(oordelen, list) or not all(isinstance(o, str) for o in oordelen):
        fail("legal", "oordelen moet een lijst teksten zijn (bijv. '2018-36')")
    if legal.get("distinction") not in ("direct", "indirect", "none"):
        fail("legal", "distinction moet direct, indirect of none zijn")
    scope = item.get("scope", "span")
    if scope not in ("span", "document"):
        fail("scope", "moet span of document zijn")
    enabled = item.get("enabled", True)
    if not isinstance(enabled, bool):
        fail("enabled", "moet true of false zijn")
    fix = item.get("fix", {})
    if not isinstance(fix, dict) or not all(isinstance(k, str) and k.strip() and isinstance(v, str)
                                            for k, v in fix.items()):
        fail("fix", "moet een mapping gevonden tekst -> vervanging zijn, bijv. {\"(m/v)\": \"(m/v/x)\"}")
    if fix and scope != "span":
        fail("fix", "kan alleen bij scope: span")

    needs: set[str] = set()
    match = item["match"]
    if not isinstance(match, list) or not match:
        fail("match", "moet een niet-lege lijst clausules zijn")
    clauses = []
    for index, clause in enumerate(match):
        where = f"match[{index}]"
        cline = line_of(match, index)
        if not isinstance(clause, dict):
            raise _Problem(cline, f"{label}: {where}: moet een mapping zijn")
        kinds = [k for k in clause if k in KINDS]
        if len(kinds) != 1:
            raise _Problem(cline, f"{label}: {where}: precies één soort nodig uit {', '.join(KINDS)}")
        kind = kinds[0]
        module = KINDS[kind]
        options = {k: v for k, v in clause.items() if k != kind}
        for key in sorted(set(options) - set(module.OPTIONS)):
            raise _Problem(line_of(clause, key), f"{label}: {where}.{key}: onbekende optie voor {kind}")
        try:
            needs |= module.validate(clause[kind], options)
        except ValueError as exc:
            raise _Problem(line_of(clause, kind), f"{label}: {where}.{kind}: {exc}") from None
        if hasattr(module, "check_scope"):
            try:
                module.check_scope(clause[kind], options, scope)
            except ValueError as exc:
                raise _Problem(cline, f"{label}: {where}: {exc}") from None
        clauses.append(Clause(kind=kind, spec=clause[kind], options=options, line=cline, index=index))

    def parse_conditions(key, value, container) -> tuple[Condition, ...]:
        if not isinstance(value, list):
            raise _Problem(line_of(container, key), f"{label}: {key}: moet een lijst voorwaarden zijn")
        result = []
        for i, cond in enumerate(value):
            cl = line_of(value, i)
            if not isinstance(cond, dict) or len(cond) != 1:
                raise _Problem(cl, f"{label}: {key}[{i}]: elke voorwaarde is een mapping met één sleutel")
            (ckind, cspec), = cond.items()
            try:
                needs.update(conditions.validate(ckind, cspec))
            except ValueError as exc:
                raise _Problem(cl, f"{label}: {key}[{i}].{ckind}: {exc}") from None
            result.append(Condition(kind=ckind, spec=cspec, line=cl))
        return tuple(result)

    unless = parse_conditions("unless", item.get("unless", []), item)
    requires = parse_conditions("requires", item.get("requires", []), item)
    changes = []
    sw = item.get("severity_when", [])
    if not isinstance(sw, list):
        fail("severity_when", "moet een lijst zijn")
    for i, change in enumerate(sw):
        if not isinstance(change, dict) or set(change) - {"when", "severity", "note"} or "when" not in change:
            raise _Problem(line_of(sw, i), f"{label}: severity_when[{i}]: verwacht when, severity en note")
        if change.get("severity") not in SEVERITIES:
            raise _Problem(line_of(sw, i), f"{label}: severity_when[{i}].severity: moet een van {', '.join(SEVERITIES)} zijn")
        when = parse_conditions("when", change["when"], change)
        changes.append(SeverityChange(when=when, severity=change["severity"], note=str(change.get("note", ""))))

    examples = item["examples"]
    if not isinstance(examples, dict) or set(examples) - {"bad", "good"}:
        fail("examples", "moet een mapping zijn met 'bad' en 'good'")
    bad = _examples(examples.get("bad"), "bad", label, examples)
    good = _examples(examples.get("good"), "good", label, examples)
    if not bad or not good:
        fail("examples", "minstens één 'bad' en één 'good' voorbeeld nodig")

    return Rule(
        id=rid,
        name=name,
        category=item["category"],
        severity=item["severity"],
        message=item["message"].strip(),
        explanation=item["explanation"].strip(),
        suggestions=tuple(suggestions),
        legal={"ground": legal.get("ground", item["category"]), "distinction": legal["distinction"],
               "refs": resolved, "oordelen": list(oordelen)},
        clauses=tuple(clauses),
        unless=unless,
        requires=requires,
        severity_when=tuple(changes),
        bad_examples=bad,
        good_examples=good,
        scope=scope,
        enabled=enabled,
        source=path,
        line=line,
        needs=frozenset(needs),
        fix=tuple((str(k), str(v)) for k, v in fix.items()),
    )


def _examples(value, key, label, container) -> tuple[Example, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _Problem(line_of(container, key), f"{label}: examples.{key}: moet een lijst zijn")
    result = []
    for i, ex in enumerate(value):
        if isinstance(ex, str):
            result.append(Example(ex))
        elif isinstance(ex, dict) and isinstance(ex.get("text"), str) and set(ex) <= {"text", "match"}:
            result.append(Example(ex["text"], ex.get("match")))
        else:
            raise _Problem(line_of(value, i), f"{label}: examples.{key}[{i}]: tekst of {{text, match}} verwacht")
    return tuple(result)
