"""Safe YAML loading that remembers line numbers, for errors that name file:line.

Only plain data is built (mappings, sequences, scalars through the safe
constructor); no Python objects are ever constructed from tags.
"""

from __future__ import annotations

import yaml

try:  # the C parser is much faster; fall back to pure Python
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


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


def load(text: str):
    """Parse YAML text into LineDict/LineList/scalars. Raises YamlError."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = exc.problem or exc.context or "ongeldige YAML"
        raise YamlError(line, f"ongeldige YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlError(0, f"ongeldige YAML: {exc}") from None
    if node is None:
        return None
    return _convert(node, yaml.SafeLoader(""))


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:omap"}


def _convert(node, constructor):
    line = node.start_mark.line + 1
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
        # e.g. !!python/object/apply: never constructed, and never silently read as plain data
        raise YamlError(line, f"YAML-tag '{node.tag}' wordt niet ondersteund")
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
                raise YamlError(key_node.start_mark.line + 1, f"dubbele sleutel '{key}'")
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


def _scalar(node, constructor):
    try:
        return constructor.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        raise YamlError(node.start_mark.line + 1, f"ongeldige waarde: {exc}") from None


def line_of(container, key=None) -> int:
    """Best line number for ``container[key]`` (or the container itself)."""
    if key is not None:
        if isinstance(container, LineDict) and key in container.key_lines:
            return container.key_lines[key]
        if isinstance(container, LineList) and isinstance(key, int) and key < len(container.item_lines):
            return container.item_lines[key]
    return getattr(container, "line", 0)
