"""Safe YAML loading that remembers line numbers, for errors that name file:line.

Only plain data is built (mappings, sequences, scalars through the safe
constructor); no Python objects are ever constructed from tags. Aliases (``*naam``)
are refused: nested aliases expand exponentially (a few hundred bytes become
gigabytes), and configuration and rule files do not need them.

Error messages never quote the file's text (only a line number and a fixed
description): a rule file named in someone else's config may be any file.
"""

from __future__ import annotations

import difflib
import re

# PyYAML is imported where it is used: a warm start (rules from the cache, no config
# file) reads no YAML at all.


def loader(yaml):
    """The C parser when PyYAML has it (much faster), else the pure Python one."""
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    line: int = 0
    key_lines: dict


class LineList(list):
    line: int = 0
    item_lines: list


class YamlError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


ALIAS_REFUSED = "YAML-verwijzingen (*naam naar een &anker) worden niet ondersteund; schrijf de waarde uit"


def load(text: str):
    """Parse YAML text into LineDict/LineList/scalars. Raises YamlError."""
    import yaml

    try:
        for event in yaml.parse(text, Loader=loader(yaml)):
            if isinstance(event, yaml.AliasEvent):  # refused before anything is built
                raise YamlError(event.start_mark.line + 1, ALIAS_REFUSED)
        node = yaml.compose(text, Loader=loader(yaml))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlError(line, f"ongeldige YAML: {_problem(exc)}") from None
    except yaml.YAMLError:
        raise YamlError(0, "ongeldige YAML: het bestand bevat tekens die YAML niet toestaat") from None
    if node is None:
        return None
    return _convert(node, yaml.SafeLoader(""))


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:omap"}


def _convert(node, constructor):
    import yaml

    line = node.start_mark.line + 1
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
        # e.g. !!python/object/apply: never constructed, and never silently read as plain data
        raise YamlError(line, "YAML-tags (zoals !!python/...) worden niet ondersteund")
    if isinstance(node, yaml.MappingNode):
        result = LineDict()
        result.line = line
        result.key_lines = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(key_node.start_mark.line + 1, "sleutels moeten tekst zijn")
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError(key_node.start_mark.line + 1, "YAML-merge (<<) wordt niet ondersteund")
            key = _scalar(key_node, constructor)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise YamlError(key_node.start_mark.line + 1, "ongeldige sleutel")
            key = str(key)
            if key in result:
                raise YamlError(key_node.start_mark.line + 1, f"dubbele sleutel {shown(key)}")
            result[key] = _convert(value_node, constructor)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        result = LineList()
        result.line = line
        result.item_lines = []
        for item in node.value:
            result.append(_convert(item, constructor))
            result.item_lines.append(item.start_mark.line + 1)
        return result
    return _scalar(node, constructor)


def _problem(exc) -> str:
    """The parser's description of a syntax error, without the quoted text around it
    (PyYAML's own message ends in a snippet of the file)."""
    problem = (exc.problem or exc.context or "").strip()
    return problem if problem and len(problem) <= 80 and "\n" not in problem else "onverwachte tekst"


def _scalar(node, constructor):
    import yaml

    try:
        return constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        # e.g. '2001-13-45' (no date) or '!!int xyz': the message would quote the value
        raise YamlError(node.start_mark.line + 1, "ongeldige waarde (datum, getal of tag klopt niet)") from None


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,39}")


def shown(value, known=None, quote: bool = True) -> str:
    """A key or name from a file as an error message may show it: quoted when it
    looks like a name (``'selcet'``) and, with ``known``, is a near miss of one of
    those (a typo worth pointing at); else a placeholder. So a file that is not a
    rule file at all (someone's secrets) never ends up in a message."""
    if known is not None and not difflib.get_close_matches(str(value), sorted(known), n=1, cutoff=0.6):
        return "(niet getoond)"
    if isinstance(value, str) and _NAME.fullmatch(value):
        return f"'{value}'" if quote else value
    return "(niet getoond)"


def line_of(container, key=None) -> int:
    """Best line number for ``container[key]`` (or the container itself)."""
    if key is not None:
        if isinstance(container, LineDict) and key in container.key_lines:
            return container.key_lines[key]
        if isinstance(container, LineList) and isinstance(key, int) and key < len(container.item_lines):
            return container.item_lines[key]
    return getattr(container, "line", 0)
