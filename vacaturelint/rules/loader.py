"""Loading and validating rule files. Every error names file, line, rule and key.

A rule file has ``schema_version: 1``, optional ``references`` (legal sources by
key) and ``rules``. Extra rule files (from config) use the same schema; their
ids must not collide with the built-in ones.
"""

from __future__ import annotations

import re
import string
from importlib import resources
from pathlib import Path

from vacaturelint.errors import RulesError
from vacaturelint.rules import conditions
from vacaturelint.rules import lists as lists_module
from vacaturelint.rules.cache import cached
from vacaturelint.rules.kinds import KINDS
from vacaturelint.rules.model import CATEGORIES, Clause, Condition, Example, Rule, RuleSet, SeverityChange
from vacaturelint.severity import SEVERITIES
from vacaturelint.yamlsource import LineDict, YamlError, line_of, shown
from vacaturelint.yamlsource import load as load_yaml

TOP_KEYS = {"schema_version", "references", "lists", "rules"}
RULE_KEYS = {
    "id", "name", "category", "severity", "message", "explanation", "suggestions", "legal", "match",
    "unless", "requires", "severity_when", "examples", "enabled", "scope", "fix",
}
REQUIRED = ("id", "name", "category", "severity", "message", "explanation", "legal", "match", "examples")
LEGAL_KEYS = {"ground", "distinction", "refs", "oordelen", "justifiable"}
ID_PATTERN = r"^[A-Z]{3}\d{3}$"
NAME_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


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
    shared: dict[str, tuple[str, ...]] = {}
    for path in files:
        file_rules, file_refs = load_file(path, shared)
        for rule in file_rules:
            for key in (rule.id, rule.name):
                if key in seen:
                    raise RulesError(f"{path}:{rule.line}: regel {rule.id}: '{key}' bestaat al in {seen[key]}")
                seen[key] = f"{rule.source}:{rule.line}"
            rules.append(rule)
        references.update(file_refs)
    return RuleSet(rules=tuple(rules), references=references, files=tuple(files))


def load_file(path: str, shared: dict | None = None) -> tuple[list[Rule], dict]:
    """Rules and references of one file. ``shared`` holds the word lists of the files
    loaded before (the built-in ones first); this file's own lists are added to it."""
    shared = {} if shared is None else shared
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(f"{path}: regelbestand bestaat niet") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path}: regelbestand kan niet gelezen worden ({exc})") from None
    # the lists of the files before are part of what this file means: part of the cache key
    key = text + "\0" + repr(sorted(shared.items()))
    rules, references, own = cached(path, key, lambda: _parse_text(text, path, shared))
    shared.update(own)
    return rules, references


def _parse_text(text: str, path: str, shared: dict) -> tuple[list[Rule], dict, dict]:
    """Rules, references and the file's own word lists."""
    try:
        data = load_yaml(text)
    except YamlError as exc:
        raise RulesError(f"{path}:{exc.line}: {exc.message}") from None
    try:
        return _parse_file(data, path, shared)
    except _Problem as exc:
        raise RulesError(f"{path}:{exc.line}: {exc.message}") from None


def _parse_file(data, path: str, shared: dict) -> tuple[list[Rule], dict, dict]:
    if not isinstance(data, LineDict):
        raise _Problem(1, "een regelbestand moet een mapping zijn met 'schema_version' en 'rules'")
    unknown = set(data) - TOP_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise _Problem(line_of(data, key), f"onbekende sleutel {shown(key, TOP_KEYS)} (toegestaan: {', '.join(sorted(TOP_KEYS))})")
    if data.get("schema_version") != 1:
        raise _Problem(line_of(data, "schema_version"), "schema_version moet 1 zijn")
    references = data.get("references", {})
    if not isinstance(references, dict):
        raise _Problem(line_of(data, "references"), "references moet een mapping zijn")
    for key, ref in references.items():
        if not isinstance(ref, dict) or not isinstance(ref.get("title"), str):
            raise _Problem(line_of(references, key), f"referentie {shown(key)} heeft een 'title' nodig")
    try:
        own = lists_module.validate(data.get("lists", {}))
    except ValueError as exc:
        raise _Problem(line_of(data, "lists"), str(exc)) from None
    for name in own:
        if name in shared:
            raise _Problem(line_of(data, "lists"), f"lijst {shown(name)} bestaat al")
    known = {**shared, **own}
    items = data.get("rules")
    if not isinstance(items, list):
        raise _Problem(line_of(data, "rules"), "'rules' moet een lijst regels zijn")
    rules = [_parse_rule(item, line_of(items, i), path, references, known) for i, item in enumerate(items)]
    return rules, dict(references), dict(own)


def placeholder_problem(message: str) -> str | None:
    """Why a message template is refused, or None. Placeholders are plain names
    (``{match}``, or a check's own such as ``{hard}``): no width, precision or other
    format spec (``{match:>1000000000}`` would build a gigabyte string per finding),
    no conversion and no attribute or index access."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(message)
                  if name is not None]
    except ValueError:
        return None  # unbalanced braces: the message is shown as written
    for name, spec, conversion in fields:
        if not name.isidentifier():
            return f"plaatshouder '{{{name}}}' is geen naam; gebruik bijvoorbeeld {{match}}"
        if spec or conversion:
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            short = written if len(written) <= 40 else written[:39] + "…"
            return f"plaatshouder '{short}' mag geen opmaak hebben; schrijf {{{name}}}"
    return None


def _expanded(value, lists):
    """``value`` with ``@name`` list references spliced in (unchanged when it has none)."""
    return lists_module.expand(value, lists) if lists_module.uses_lists(value) else value


def _parse_rule(item, line: int, path: str, references, lists) -> Rule:
    if not isinstance(item, LineDict):
        raise _Problem(line, "elke regel moet een mapping zijn")
    rid = item.get("id")
    at = _At(f"regel {rid}" if isinstance(rid, str) and re.match(ID_PATTERN, rid) else "regel", item)
    _check_keys(item, at)
    name = _check_fields(item, at)
    legal, resolved = _parse_legal(item["legal"], references, at)
    scope, enabled = _parse_switches(item, at)
    fix = _parse_fix(item.get("fix", {}), scope, at)
    needs: set[str] = set()
    clauses = _parse_clauses(item["match"], scope, needs, at, lists)
    unless = _parse_conditions("unless", item.get("unless", []), item, needs, at, lists)
    requires = _parse_conditions("requires", item.get("requires", []), item, needs, at, lists)
    changes = _parse_severity_when(item.get("severity_when", []), needs, at, lists)
    bad, good = _parse_examples(item["examples"], at)
    return Rule(
        id=rid,
        name=name,
        category=item["category"],
        severity=item["severity"],
        message=item["message"].strip(),
        explanation=item["explanation"].strip(),
        suggestions=tuple(item.get("suggestions", [])),
        legal={"ground": legal.get("ground", item["category"]), "distinction": legal["distinction"],
               "refs": resolved, "oordelen": list(legal.get("oordelen", []))},
        clauses=clauses,
        unless=unless,
        requires=requires,
        severity_when=changes,
        bad_examples=bad,
        good_examples=good,
        scope=scope,
        enabled=enabled,
        source=path,
        line=line,
        needs=frozenset(needs),
        fix=tuple((str(k), str(v)) for k, v in fix.items()),
    )


class _At:
    """Where a problem in one rule is: its label ('regel LFT001') and its mapping."""

    def __init__(self, label: str, item) -> None:
        self.label = label
        self.item = item

    def fail(self, key, message, container=None):
        where = line_of(self.item if container is None else container, key)
        raise _Problem(where, f"{self.label}: {key}: {message}" if key else f"{self.label}: {message}")

    def fail_at(self, line: int, message: str):
        raise _Problem(line, f"{self.label}: {message}")


def _check_keys(item, at: _At) -> None:
    for key in sorted(set(item) - RULE_KEYS, key=str):
        at.fail_at(line_of(item, key), f"onbekende sleutel {shown(key, RULE_KEYS)} (toegestaan: {', '.join(sorted(RULE_KEYS))})")
    for key in REQUIRED:
        if key not in item:
            at.fail(None, f"verplichte sleutel '{key}' ontbreekt")


def _check_fields(item, at: _At) -> str:
    """id, name, category, severity, texts and suggestions; returns the name."""
    rid = item["id"]
    if not isinstance(rid, str) or not re.match(ID_PATTERN, rid):
        at.fail("id", "moet drie hoofdletters en drie cijfers zijn, bijv. LFT001")
    name = item["name"]
    if not isinstance(name, str) or not re.match(NAME_PATTERN, name):
        at.fail("name", "moet kebab-case zijn, bijv. jong-team")
    if item["category"] not in CATEGORIES:
        at.fail("category", f"onbekende categorie {shown(item['category'], CATEGORIES)} (mogelijk: {', '.join(CATEGORIES)})")
    if item["severity"] not in SEVERITIES:
        at.fail("severity", f"moet een van {', '.join(SEVERITIES)} zijn")
    for key in ("message", "explanation"):
        if not isinstance(item[key], str) or not item[key].strip():
            at.fail(key, "moet (Nederlandse) tekst zijn")
    if "\n" in item["message"].strip():
        at.fail("message", "moet op één regel passen")
    problem = placeholder_problem(item["message"])
    if problem:
        at.fail("message", problem)
    suggestions = item.get("suggestions", [])
    if not isinstance(suggestions, list) or not all(isinstance(s, str) for s in suggestions):
        at.fail("suggestions", "moet een lijst teksten zijn")
    return name


def _parse_legal(legal, references, at: _At) -> tuple[dict, list[str]]:
    """The rule's legal ground; returns it with its refs resolved to titles."""
    if not isinstance(legal, dict):
        at.fail("legal", "moet een mapping zijn met ground, distinction en refs")
    for key in sorted(set(legal) - LEGAL_KEYS, key=str):
        at.fail(None, f"onbekende sleutel {shown(key, LEGAL_KEYS)} in legal (toegestaan: {', '.join(sorted(LEGAL_KEYS))})", legal)
    refs = legal.get("refs")
    if not isinstance(refs, list) or not refs or not all(isinstance(r, str) for r in refs):
        at.fail("legal", "refs moet een niet-lege lijst wettelijke gronden zijn")
    resolved = [references[r]["title"] if r in references else r for r in refs]
    oordelen = legal.get("oordelen", [])
    if not isinstance(oordelen, list) or not all(isinstance(o, str) for o in oordelen):
        at.fail("legal", "oordelen moet een lijst teksten zijn (bijv. '2018-36')")
    if legal.get("distinction") not in ("direct", "indirect", "none"):
        at.fail("legal", "distinction moet direct, indirect of none zijn")
    return legal, resolved


def _parse_switches(item, at: _At) -> tuple[str, bool]:
    scope = item.get("scope", "span")
    if scope not in ("span", "document"):
        at.fail("scope", "moet span of document zijn")
    enabled = item.get("enabled", True)
    if not isinstance(enabled, bool):
        at.fail("enabled", "moet true of false zijn")
    return scope, enabled


def _parse_fix(fix, scope: str, at: _At) -> dict:
    if not isinstance(fix, dict) or not all(isinstance(k, str) and k.strip() and isinstance(v, str)
                                            for k, v in fix.items()):
        at.fail("fix", "moet een mapping gevonden tekst -> vervanging zijn, bijv. {\"(m/v)\": \"(m/v/x)\"}")
    if fix and scope != "span":
        at.fail("fix", "kan alleen bij scope: span")
    return fix


def _parse_clauses(match, scope: str, needs: set[str], at: _At, lists) -> tuple[Clause, ...]:
    if not isinstance(match, list) or not match:
        at.fail("match", "moet een niet-lege lijst clausules zijn")
    return tuple(_parse_clause(clause, index, line_of(match, index), scope, needs, at, lists)
                 for index, clause in enumerate(match))


def _parse_clause(clause, index: int, cline: int, scope: str, needs: set[str], at: _At, lists) -> Clause:
    where = f"match[{index}]"
    if not isinstance(clause, dict):
        at.fail_at(cline, f"{where}: moet een mapping zijn")
    kinds = [k for k in clause if k in KINDS]
    if len(kinds) != 1:
        at.fail_at(cline, f"{where}: precies één soort nodig uit {', '.join(KINDS)}")
    kind = kinds[0]
    module = KINDS[kind]
    try:
        spec = _expanded(clause[kind], lists)
        options = {k: _expanded(v, lists) for k, v in clause.items() if k != kind}
    except ValueError as exc:
        at.fail_at(line_of(clause, kind), f"{where}.{kind}: {exc}")
    for key in sorted(set(options) - set(module.OPTIONS)):
        at.fail_at(line_of(clause, key), f"{where}.{shown(key, module.OPTIONS, quote=False)}: onbekende optie voor {kind}")
    try:
        needs |= module.validate(spec, options)
    except ValueError as exc:
        at.fail_at(line_of(clause, kind), f"{where}.{kind}: {exc}")
    if hasattr(module, "check_scope"):
        try:
            module.check_scope(spec, options, scope)
        except ValueError as exc:
            at.fail_at(cline, f"{where}: {exc}")
    return Clause(kind=kind, spec=spec, options=options, line=cline, index=index)


def _parse_conditions(key, value, container, needs: set[str], at: _At, lists) -> tuple[Condition, ...]:
    if not isinstance(value, list):
        at.fail_at(line_of(container, key), f"{key}: moet een lijst voorwaarden zijn")
    result = []
    for i, cond in enumerate(value):
        cl = line_of(value, i)
        if not isinstance(cond, dict) or len(cond) != 1:
            at.fail_at(cl, f"{key}[{i}]: elke voorwaarde is een mapping met één sleutel")
        (ckind, cspec), = cond.items()
        if ckind == "all":
            if not isinstance(cspec, list) or len(cspec) < 2:
                at.fail_at(cl, f"{key}[{i}].all: moet een lijst van minstens twee voorwaarden zijn")
            parts = _parse_conditions(f"{key}[{i}].all", cspec, cond, needs, at, lists)
            result.append(Condition(kind="all", spec=parts, line=cl))
            continue
        try:
            cspec = _expanded(cspec, lists)
            needs.update(conditions.validate(ckind, cspec))
        except ValueError as exc:
            at.fail_at(cl, f"{key}[{i}].{ckind if ckind in conditions.KINDS else '?'}: {exc}")
        result.append(Condition(kind=ckind, spec=cspec, line=cl))
    return tuple(result)


def _parse_severity_when(sw, needs: set[str], at: _At, lists) -> tuple[SeverityChange, ...]:
    if not isinstance(sw, list):
        at.fail("severity_when", "moet een lijst zijn")
    changes = []
    for i, change in enumerate(sw):
        if not isinstance(change, dict) or set(change) - {"when", "severity", "note"} or "when" not in change:
            at.fail_at(line_of(sw, i), f"severity_when[{i}]: verwacht when, severity en note")
        if change.get("severity") not in SEVERITIES:
            at.fail_at(line_of(sw, i), f"severity_when[{i}].severity: moet een van {', '.join(SEVERITIES)} zijn")
        when = _parse_conditions("when", change["when"], change, needs, at, lists)
        changes.append(SeverityChange(when=when, severity=change["severity"], note=str(change.get("note", ""))))
    return tuple(changes)


def _parse_examples(examples, at: _At) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    if not isinstance(examples, dict) or set(examples) - {"bad", "good"}:
        at.fail("examples", "moet een mapping zijn met 'bad' en 'good'")
    bad = _examples(examples.get("bad"), "bad", at.label, examples)
    good = _examples(examples.get("good"), "good", at.label, examples)
    if not bad or not good:
        at.fail("examples", "minstens één 'bad' en één 'good' voorbeeld nodig")
    return bad, good


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
