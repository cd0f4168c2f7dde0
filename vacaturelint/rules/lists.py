"""Shared word lists: the top-level ``lists:`` section of rules.yaml.

A list is a name and a list of words (lower case)::

    lists:
      clients: [cliënt, cliënten, klant, klanten, ...]

Rules refer to a list by ``@name`` wherever a list of words is expected: in a token
pattern (``{LOWER: {IN: "@clients"}}``), in a condition (``lemmas: ["@clients",
extra]``) and in check options. The annotation layer (annotate.py) and the named
checks read the built-in lists through :func:`builtin`. Extra rule files may add
lists of their own; names must not collide.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from vacaturelint.rules.cache import cached_value
from vacaturelint.yamlsource import loader

NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def validate(section) -> dict[str, tuple[str, ...]]:
    """The lists of one rule file (ValueError with one Dutch line when malformed)."""
    if not isinstance(section, dict):
        raise ValueError("lists moet een mapping zijn: naam -> lijst woorden")
    result = {}
    for name, words in section.items():
        if not isinstance(name, str) or not NAME.match(name):
            raise ValueError(f"lijstnaam '{name}' moet uit kleine letters, cijfers en _ bestaan")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise ValueError(f"lijst '{name}' moet een niet-lege lijst woorden zijn")
        result[name] = tuple(w.strip().lower() for w in words)
    return result


def expand(value, lists: dict[str, tuple[str, ...]]):
    """``value`` with every ``"@name"`` replaced by that list's words: a string
    becomes a list, a ``"@name"`` item inside a list is spliced in, mappings are
    walked. Returns plain lists and dicts. Unknown names raise ValueError."""
    if isinstance(value, str) and value.startswith("@"):
        return list(_words(value, lists))
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, str) and item.startswith("@"):
                out.extend(_words(item, lists))
            else:
                out.append(expand(item, lists))
        return out
    if isinstance(value, dict):
        return {key: expand(item, lists) for key, item in value.items()}
    return value


def uses_lists(value) -> bool:
    if isinstance(value, str):
        return value.startswith("@")
    if isinstance(value, list):
        return any(uses_lists(v) for v in value)
    if isinstance(value, dict):
        return any(uses_lists(v) for v in value.values())
    return False


def _words(ref: str, lists) -> tuple[str, ...]:
    name = ref[1:]
    if name not in lists:
        known = ", ".join(sorted(lists)) or "geen"
        raise ValueError(f"onbekende lijst '{ref}' (bekend: {known})")
    return lists[name]


def rules_path() -> Path:
    from importlib import resources

    packaged = resources.files("vacaturelint") / "rules.yaml"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules.yaml"


@lru_cache(maxsize=1)
def builtin() -> dict[str, frozenset[str]]:
    """The built-in lists (rules.yaml), as sets, for the annotation layer and checks
    (from the rule cache when it holds them for this rules.yaml)."""
    path = rules_path()
    text = path.read_text(encoding="utf-8")
    return cached_value(str(path), text, lambda: _parse_lists(text), "lists", _is_lists)


def _parse_lists(text: str) -> dict[str, frozenset[str]]:
    import yaml

    # only the top-level 'lists:' section is parsed (the whole file costs ~0.1 s at start-up)
    section = re.search(r"(?ms)^lists:[ \t]*\n.*?(?=^\S|\Z)", text)
    data = yaml.load(section.group(0) if section else text, Loader=loader(yaml))
    return {name: frozenset(words) for name, words in validate((data or {}).get("lists", {})).items()}


def _is_lists(found) -> bool:
    return isinstance(found, dict) and all(isinstance(v, frozenset) for v in found.values())


def get(name: str) -> frozenset[str]:
    return builtin()[name]


DATA_DIR = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=8)
def data_file(name: str):
    """A structured word-list file in rules/data/ (e.g. gender_titles.yaml, with
    alternatives per title): the one loader for rule data that is more than a list
    (from the rule cache when it holds this file's content)."""
    path = DATA_DIR / name
    text = path.read_text(encoding="utf-8")
    return cached_value(str(path), text, lambda: _parse_data(text), "data", lambda found: True)


def _parse_data(text: str):
    import yaml

    return yaml.load(text, Loader=loader(yaml))
