"""Typed errors. Each carries one user-facing line; the CLI maps them to exit code 2."""

from __future__ import annotations


class VacaturelintError(Exception):
    """Base class: ``str(error)`` is the one line shown to the user."""


class InputError(VacaturelintError):
    """A file that cannot be read, is not text, or cannot be decoded."""


class ConfigError(VacaturelintError):
    """A broken configuration file or option."""


class RulesError(VacaturelintError):
    """A broken rule file: bad YAML, schema violation, invalid pattern."""


class ModelError(VacaturelintError):
    """The spaCy pipeline cannot be loaded."""


class UsageError(VacaturelintError):
    """A command-line or API option that names something that does not exist."""
