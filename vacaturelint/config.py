"""Configuration: ``.vacaturelint.yaml`` / ``.vacaturelint.yml`` or
``[tool.vacaturelint]`` in ``pyproject.toml``, found by walking up from each file.

Keys: ``model``, ``select``, ``ignore``, ``severity`` (selector -> level),
``min_severity``, ``extra_rules`` (paths relative to the config file), ``allow``
(words or phrases the organisation accepts), ``include`` and ``exclude`` (globs
for directory walks), ``max_size`` (the size limit for one input, e.g. ``2MB``).
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from vacaturelint.errors import ConfigError
from vacaturelint.severity import SEVERITIES
from vacaturelint.source import parse_size
from vacaturelint.yamlsource import YamlError, line_of, shown
from vacaturelint.yamlsource import load as load_yaml

CONFIG_NAMES = (".vacaturelint.yaml", ".vacaturelint.yml")
KEYS = {"model", "select", "ignore", "severity", "min_severity", "extra_rules", "allow", "include", "exclude",
        "max_size"}
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.html", "*.htm", "*.docx")


@dataclass(frozen=True)
class Config:
    path: str | None = None  # file it came from; None for built-in defaults
    model: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    min_severity: str | None = None
    extra_rules: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    max_size: int | None = None  # bytes; None: the default (source.DEFAULT_MAX_SIZE)

    def with_cli(self, select=None, ignore=None, min_severity=None, extra_rules=()) -> Config:
        """CLI options: --select replaces, --ignore adds, --min-severity replaces,
        --extra-rules adds (any path: the user named it)."""
        return replace(
            self,
            select=tuple(select) if select else self.select,
            ignore=self.ignore + tuple(ignore or ()),
            min_severity=min_severity or self.min_severity,
            extra_rules=self.extra_rules + tuple(os.path.abspath(p) for p in extra_rules
                                                 if os.path.abspath(p) not in self.extra_rules),
        )


def find_config(start: Path) -> Path | None:
    """Nearest config file in ``start`` or its parents."""
    return _find(start.resolve())


@lru_cache(maxsize=256)
def _find(directory: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = directory / name
        if candidate.is_file():
            return candidate
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file() and _has_tool_section(pyproject):
        return pyproject
    if directory.parent == directory:
        return None
    return _find(directory.parent)


def _has_tool_section(path: Path) -> bool:
    import tomllib  # only where a pyproject.toml is met (not with --isolated)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: kan pyproject.toml niet lezen ({exc})") from None
    return isinstance(data.get("tool"), dict) and "vacaturelint" in data["tool"]


@lru_cache(maxsize=64)
def load_config(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: configuratie kan niet gelezen worden ({exc})") from None
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text)["tool"]["vacaturelint"]
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: ongeldige TOML: {exc}") from None
        return _parse(data, path, lambda key=None: 0)
    try:
        data = load_yaml(text)
    except YamlError as exc:
        raise ConfigError(f"{path}:{exc.line}: {exc.message}") from None
    if data is None:
        return Config(path=str(path))
    return _parse(data, path, lambda key=None: line_of(data, key))


def _parse(data, path: Path, line) -> Config:
    def fail(key, message):
        where = f"{path}:{line(key)}" if line(key) else str(path)
        raise ConfigError(f"{where}: {key}: {message}")

    if not isinstance(data, dict):
        raise ConfigError(f"{path}: configuratie moet een mapping zijn")
    for key in sorted(set(data) - KEYS, key=str):
        close = difflib.get_close_matches(str(key), sorted(KEYS), n=1)
        hint = f"bedoel je '{close[0]}'?" if close else f"toegestaan: {', '.join(sorted(KEYS))}"
        where = f"{path}:{line(key)}" if line(key) else str(path)
        raise ConfigError(f"{where}: {shown(key, quote=False)}: onbekende sleutel ({hint})")

    def strings(key) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            fail(key, "moet een lijst teksten zijn")
        return tuple(value)

    model = data.get("model")
    if model is not None and (not isinstance(model, str) or not model.strip()):
        fail("model", "moet de naam of het pad van een spaCy-model zijn")
    if model and ("/" in model or model.startswith(".")):
        candidate = (path.parent / model).resolve()
        model = str(candidate) if candidate.exists() else model
    severity = data.get("severity", {})
    if not isinstance(severity, dict) or not all(v in SEVERITIES for v in severity.values()):
        fail("severity", f"moet een mapping regel/categorie -> {'|'.join(SEVERITIES)} zijn")
    min_sev = data.get("min_severity")
    if min_sev is not None and min_sev not in SEVERITIES:
        fail("min_severity", f"moet een van {', '.join(SEVERITIES)} zijn")
    extra = []
    for item in strings("extra_rules"):
        # A config may come with the files it checks (a cloned repository): it names
        # rule files inside its own folder only. Other files: --extra-rules.
        if os.path.isabs(item) or item.startswith("~") or \
                os.path.normpath(item).split(os.sep)[0] == os.pardir:
            fail("extra_rules", f"'{item}' ligt buiten de map van de configuratie ({path.parent}); "
                                "geef zo'n bestand op de opdrachtregel met --extra-rules")
        rules_path = (path.parent / item).resolve()
        if not rules_path.is_relative_to(path.parent.resolve()):  # a symbolic link out of the folder
            fail("extra_rules", f"'{item}' verwijst naar een bestand buiten de map van de configuratie "
                                f"({path.parent}); geef zo'n bestand op de opdrachtregel met --extra-rules")
        if not rules_path.is_file():
            fail("extra_rules", f"bestand '{item}' bestaat niet (relatief aan {path.parent})")
        extra.append(str(rules_path))
    include = strings("include") if "include" in data else DEFAULT_INCLUDE
    max_size = None
    if "max_size" in data:
        max_size = parse_size(data["max_size"])
        if max_size is None:
            fail("max_size", "moet een grootte zijn, bijvoorbeeld 1000000, 500KB of 2MB")
    return Config(
        path=str(path),
        model=model,
        select=strings("select"),
        ignore=strings("ignore"),
        severity=tuple((str(k), v) for k, v in severity.items()),
        min_severity=min_sev,
        extra_rules=tuple(extra),
        allow=strings("allow"),
        include=include,
        exclude=strings("exclude"),
        max_size=max_size,
    )


STARTER = """\
# Configuratie voor vacaturelint (https://pypi.org/project/vacaturelint/).
# vacaturelint zoekt dit bestand vanaf elke vacature omhoog door de mappen.
# Alles staat uit (#); haal het hekje weg om een instelling te gebruiken.

# spaCy-model: een naam (nl_core_news_sm), een pad (relatief aan dit bestand),
# of 'blank' om zonder model te draaien (regels die woordsoorten nodig hebben vallen dan weg).
# model: nl_core_news_sm

# Alleen deze regels of categorieën (regel-id, regelnaam, categorie of id-voorvoegsel).
# select: [leeftijd, geslacht, herkomst]

# Deze regels of categorieën overslaan.
# ignore: [FNE008]

# Ernst per regel of categorie aanpassen: error (fout), warning (waarschuwing) of info.
# severity:
#   functie-eisen: info

# Bevindingen onder dit niveau weglaten: info, warning of error.
# min_severity: warning

# Woorden of zinnen die jullie organisatie bewust gebruikt en niet gemeld wil zien.
# allow: ["startersbeurs"]

# Eigen regels, naast de ingebouwde (paden relatief aan dit bestand).
# extra_rules: [eigen-regels.yaml]

# Welke bestanden in mappen worden gecontroleerd, en welke niet.
# include: ["*.md", "*.txt", "*.html", "*.docx"]
# exclude: ["archief/*"]

# Grootste invoer die gelezen wordt (per bestand); standaard 1MB. Ook: --max-size, VACATURELINT_MAX_SIZE.
# max_size: 2MB
"""


def starter_config() -> str:
    """The commented ``.vacaturelint.yaml`` that ``vacaturelint init`` writes."""
    return STARTER


def clear_cache() -> None:
    """Forget found and parsed config files (long-running callers such as the LSP
    server call this when a config file may have changed on disk)."""
    _find.cache_clear()
    load_config.cache_clear()


CANDIDATE_NAMES = (*CONFIG_NAMES, "pyproject.toml")


def signature(start: Path, explicit: str | None = None, depth: int = 64) -> tuple:
    """Size and modification time of every file that could configure files in
    ``start``: long-running callers compare signatures to know when to
    :func:`clear_cache`."""
    stats = []
    directory = start
    for _ in range(depth):
        stats.extend(_stat(directory / name) for name in CANDIDATE_NAMES)
        if directory.parent == directory:
            break
        directory = directory.parent
    if explicit:
        stats.append(_stat(Path(explicit)))
    return tuple(stats)


def _stat(path: Path) -> tuple:
    try:
        st = path.stat()
        return (st.st_mtime_ns, st.st_size)
    except OSError:
        return ()


def config_for(file_path: str | None, explicit: str | None = None, isolated: bool = False) -> Config:
    """The config that applies to a file (``explicit`` wins; ``isolated`` = defaults)."""
    if isolated:
        return Config()
    if explicit:
        p = Path(explicit)
        if not p.is_file():
            raise ConfigError(f"{explicit}: configuratiebestand bestaat niet")
        return load_config(p.resolve())
    start = Path(file_path).parent if file_path and file_path != "-" else Path.cwd()
    found = find_config(start if start.exists() else Path.cwd())
    return load_config(found) if found else Config()
