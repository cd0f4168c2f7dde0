"""Dutch for click's own texts (usage errors, help headings, ``--help``/``--version``).

Click marks its texts with ``gettext`` but ships no Dutch catalogue. :func:`install`
gives click's modules a ``_``/``ngettext`` that look the English text up in
:data:`DUTCH` (a text not in the table stays as it is, so a newer click never breaks,
at worst it speaks English; tests/test_cli_conventions.py checks the common mistakes).
"""

from __future__ import annotations

import importlib

DUTCH = {
    # help and version
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Commando's",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "deprecated": "verouderd",
    "required": "verplicht",
    "(dynamic)": "(dynamisch)",
    "Aborted!": "Afgebroken.",
    # usage errors
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Zie '{command} {option}'.",
    "No such option {name!r}.": "onbekende optie {name!r}",
    "No such option: {name}": "onbekende optie '{name}'",
    "No such command {name!r}.": "onbekend commando {name!r}",
    "No such command: {name}": "onbekend commando '{name}'",
    "Missing command.": "geef een commando (zie 'vacaturelint --help')",
    "Missing argument": "ontbrekend argument",
    "Missing option": "ontbrekende optie",
    "Missing parameter": "ontbrekende parameter",
    "Missing {param_type}": "{param_type} ontbreekt",
    "Missing parameter: {param_name}": "ontbrekende parameter: {param_name}",
    "argument": "argument",
    "option": "optie",
    "parameter": "parameter",
    "Invalid value for {param_hint}: {message}": "ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "ongeldige waarde: {message}",
    "Option {name!r} does not take a value.": "optie {name!r} neemt geen waarde",
    "Argument {name!r} takes {nargs} values.": "argument {name!r} neemt {nargs} waarden",
    "Name '{name}' defined twice": "naam '{name}' twee keer gedefinieerd",
    "Value must be an iterable.": "waarde moet een lijst zijn",
    "Choose from:\n\t{choices}": "kies uit:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}",
    "integer": "geheel getal",
    "float": "getal",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}",
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar",
    "Could not open file {filename!r}: {message}": "kan bestand {filename!r} niet openen: {message}",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "unknown error": "onbekende fout",
    "Invalid start character for option ({option})": "ongeldig beginteken voor optie ({option})",
    "Error: invalid input": "Fout: ongeldige invoer",
    "Do you want to continue?": "Doorgaan?",
}

DUTCH_PLURAL = {
    "Did you mean {possibility}?": ("(bedoel je {possibility}?)", "(bedoel je een van: {possibilities}?)"),
    "Got unexpected extra argument ({args})": ("onverwacht extra argument ({args})",
                                               "onverwachte extra argumenten ({args})"),
    "Option {name!r} requires an argument.": ("optie {name!r} heeft een waarde nodig",
                                              "optie {name!r} heeft {nargs} waarden nodig"),
    "{value!r} is not {choice}.": ("{value!r} is niet {choice}", "{value!r} is niet een van {choices}"),
    "Takes {nargs} values but 1 was given.": ("neemt {nargs} waarden, maar 1 gegeven",
                                              "neemt {nargs} waarden, maar {len} gegeven"),
    "{len_type} values are required, but {len_value} was given.": (
        "{len_type} waarden nodig, maar {len_value} gegeven", "{len_type} waarden nodig, maar {len_value} gegeven"),
}

_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")


def gettext(message: str) -> str:
    return DUTCH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    forms = DUTCH_PLURAL.get(singular)
    if forms is None:
        return singular if n == 1 else plural
    return forms[0] if n == 1 else forms[1]


def install() -> None:
    """Give click's modules the Dutch ``_`` and ``ngettext`` (idempotent)."""
    for name in _MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:
            continue
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
