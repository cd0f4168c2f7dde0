"""The shell layer every front end shares (check, report, audit, serve, LSP).

It owns what is the same for all of them: building the linter from run options and
refusing unknown selectors, turning paths into inputs (files, walked folders,
standard input; binary files skipped in walks), pairing each input with its
config, the exit codes and the one-line Dutch messages. Front ends only parse
their own options and render results; none of them reads files or configs itself.
"""

from __future__ import annotations

import difflib
import os
import stat
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from vacaturelint import atomic
from vacaturelint.config import DEFAULT_INCLUDE, Config
from vacaturelint.discovery import expand
from vacaturelint.engine import Linter, Options, is_known_selector
from vacaturelint.errors import ConfigError, InputError, UsageError, VacaturelintError
from vacaturelint.generated import marks_report
from vacaturelint.meta import META_CATEGORY, META_RULES
from vacaturelint.pathtext import shown
from vacaturelint.rules.model import CATEGORIES, RuleSet
from vacaturelint.source import (
    DEFAULT_MAX_SIZE,
    TEXT_KINDS,
    NotTextError,
    Source,
    env_max_size,
    kind_for,
    read_capped,
    read_source,
    source_from_bytes,
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LINTABLE_KINDS = (*TEXT_KINDS, "docx")
STDIN = "-"


def split_selectors(values: Iterable[str]) -> tuple[str, ...]:
    """``("LFT001,GSL", "herkomst")`` -> ``("LFT001", "GSL", "herkomst")``."""
    return tuple(s for v in values for s in v.replace(" ", ",").split(",") if s)


@dataclass
class Session:
    """A linter for one run, its base (path-independent) config and rule set."""

    linter: Linter
    base: Config
    ruleset: RuleSet
    checked: set = field(default_factory=set)  # config files whose selectors were checked

    def config_for(self, path: str | None) -> Config:
        """The config for a file, its rule names checked (once per config file)."""
        config = self.linter.config_for(path)
        if config.path not in self.checked:
            check_selectors(self.linter, config)
            self.checked.add(config.path)
        return config

    def max_size(self, config: Config) -> int:
        """The size limit for one input: --max-size, $VACATURELINT_MAX_SIZE, ``max_size``
        in the file's config, else 1 MB."""
        return self.linter.options.max_size or env_max_size() or config.max_size or DEFAULT_MAX_SIZE

    def include(self, cli_include: tuple[str, ...] = ()) -> tuple[str, ...]:
        return tuple(cli_include) or self.base.include or DEFAULT_INCLUDE

    def exclude(self, cli_exclude: tuple[str, ...] = ()) -> tuple[str, ...]:
        return tuple(cli_exclude) or self.base.exclude

    def skipped_notice(self, config: Config | None = None) -> str | None:
        """One line naming the rules a model without annotations cannot run, or None."""
        config = config or self.base
        skipped = self.linter.skipped_rules(config)
        if not skipped:
            return None
        return (f"model '{self.linter.model_name(config)}' levert geen lemma's, woordsoorten of "
                f"zinsontleding; overgeslagen regels: {', '.join(r.id for r in skipped)}")


def make_options(select=(), ignore=(), min_severity=None, model=None, config_path=None,
                 isolated=False, max_size=None, extra_rules=()) -> Options:
    """Options from the values of the shared lint options (comma lists split)."""
    for path in extra_rules:
        if not Path(path).is_file():
            raise UsageError(f"--extra-rules: bestand '{path}' bestaat niet")
    return Options(model=model, config=config_path, isolated=isolated, select=split_selectors(select),
                   ignore=split_selectors(ignore), min_severity=min_severity, max_size=max_size,
                   extra_rules=tuple(extra_rules))


def open_session(options: Options) -> Session:
    """Build the linter and check every selector against the rule set.

    Raises VacaturelintError (UsageError for an unknown selector; config, rule and
    model errors as they come)."""
    try:
        env_max_size()
    except InputError as error:
        raise UsageError(str(error)) from None
    linter = Linter(options)
    base = linter.config_for(None)
    ruleset = linter.ruleset(base)
    for selector in (*options.select, *options.ignore):
        if not is_known_selector(selector, ruleset):
            raise UsageError(f"onbekende regel of categorie '{selector}'{did_you_mean(selector, ruleset)} "
                             "(zie 'vacaturelint rules')")
    return session_for(linter)


def rule_names(ruleset: RuleSet) -> list[str]:
    """Everything a selector may name: rule ids, rule names, categories."""
    rules = (*ruleset.rules, *META_RULES)
    return [*(r.id for r in rules), *(r.name for r in rules), *CATEGORIES, META_CATEGORY]


# Rule names that were renamed (issue 13: Dutch names), so old configs get a pointer.
RENAMED = {"too-many-musthaves": "te-veel-harde-eisen", "gendered-functietitel": "functietitel-een-geslacht"}


def did_you_mean(word: str, ruleset: RuleSet) -> str:
    """`` (bedoel je 'LFT002'?)`` for a near miss of a rule id, name or category, else ''."""
    if word.lower() in RENAMED:
        return f" (deze regel heet nu '{RENAMED[word.lower()]}')"
    names = rule_names(ruleset)
    by_key = {n.lower(): n for n in names}
    close = difflib.get_close_matches(word.lower(), list(by_key), n=2, cutoff=0.6)
    if not close:
        return ""
    return " (bedoel je " + " of ".join(f"'{by_key[c]}'" for c in close) + "?)"


def model_label(name: str) -> str:
    """How a model is named to users: a path by its folder name, a package by its name."""
    return Path(name).name if ("/" in name or "\\" in name) else name


def session_for(linter: Linter) -> Session:
    base = linter.config_for(None)
    check_selectors(linter, base)
    return Session(linter=linter, base=base, ruleset=linter.ruleset(base), checked={base.path})


def check_selectors(linter: Linter, config: Config) -> None:
    """A config file's ``select``, ``ignore`` and ``severity`` must name rules that
    exist; raises ConfigError with "bedoel je ...?" for a near miss."""
    if config.path is None:
        return
    ruleset = linter.ruleset(config)
    for key, selectors in (("select", config.select), ("ignore", config.ignore),
                           ("severity", tuple(name for name, _ in config.severity))):
        for selector in selectors:
            if not is_known_selector(selector, ruleset):
                raise ConfigError(f"{config.path}: {key}: onbekende regel of categorie "
                                  f"'{selector}'{did_you_mean(selector, ruleset)} (zie 'vacaturelint rules')")


@dataclass(frozen=True)
class Target:
    """One path to lint; ``explicit`` when named by the user (not found in a walk).
    A walk also yields targets that are only a ``problem`` (a folder it could not
    look into: an error) or ``skipped`` (a device or FIFO: a ``-v`` note)."""

    path: str
    explicit: bool
    problem: str | None = None
    skipped: str | None = None


def targets(session: Session, paths: Iterable[str], include=(), exclude=()) -> list[Target]:
    """Named paths, folders walked with the include/exclude globs, ``-`` for stdin."""
    return [Target(f.path, e, f.problem, f.skipped)
            for f, e in expand(paths, session.include(include), session.exclude(exclude))]


def read_stdin(limit: int, name: str) -> bytes:
    """Standard input, at most ``limit`` bytes. Raises InputError (also when it is closed)."""
    stream = sys.stdin
    if stream is None:
        raise InputError("standaardinvoer is gesloten: er is niets te lezen voor '-'")
    try:
        return read_capped(getattr(stream, "buffer", stream), limit, name)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or error
        raise InputError(f"standaardinvoer kan niet gelezen worden ({reason})") from None


@dataclass
class Loaded:
    """The outcome of reading one target: a source with its config, an error, or
    a skip (a binary file met in a walk); ``note`` is a ``-v`` line."""

    target: Target
    source: Source | None = None
    config: Config | None = None
    error: str | None = None
    note: str | None = None


def load(session: Session, target: Target, stdin_name: str | None = None,
         read_stdin: Callable[[int, str], bytes] | None = None) -> Loaded:
    """Read one target, at most :meth:`Session.max_size` bytes. Walks skip binary
    files and files that are not regular (devices, FIFOs); everything else
    unreadable is an error, reported by the caller with exit code 2."""
    if target.problem is not None:
        return Loaded(target, error=target.problem)
    if target.skipped is not None:
        return Loaded(target, note=f"overgeslagen: {target.skipped}")
    try:
        if target.path == STDIN:
            name = stdin_name or STDIN
            if read_stdin is None:
                raise InputError("standaardinvoer wordt hier niet gelezen")
            config = session.config_for(stdin_name)
            data = read_stdin(session.max_size(config), stdin_name or "standaardinvoer")
            source = source_from_bytes(data, name, kind_for(name))
            return Loaded(target, source, config, note=_encoding_note(source))
        config = session.config_for(target.path)  # looked up once per file
        source = read_source(target.path, max_size=session.max_size(config))
    except InputError as error:
        if target.explicit or not isinstance(error, NotTextError):
            return Loaded(target, error=str(error))
        return Loaded(target, note=f"overgeslagen: {error}")
    if not target.explicit and source.kind not in LINTABLE_KINDS:
        return Loaded(target)
    if not target.explicit and marks_report(source.text):
        # an earlier 'vacaturelint report' in a walked folder is not a vacancy
        return Loaded(target, note=f"overgeslagen: {shown(target.path)}: een rapport van vacaturelint, geen vacature")
    return Loaded(target, source, config, note=_encoding_note(source))


def _encoding_note(source: Source) -> str | None:
    return None if source.encoding == "docx" else f"{source.path}: gelezen als {source.encoding}"


@dataclass
class Batch:
    """Sources ready to lint with their configs, and the errors met while reading."""

    sources: list[Source] = field(default_factory=list)
    configs: list[Config] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, loaded: Loaded) -> None:
        if loaded.error:
            self.errors.append(loaded.error)
        if loaded.note:
            self.notes.append(loaded.note)
        if loaded.source is not None:
            self.sources.append(loaded.source)
            self.configs.append(loaded.config)


CHUNK_CHARS = 400_000  # characters of file text read, linted and reported at a time by ``check``
CHUNK_ENV = "VACATURELINT_CHUNK_CHARS"  # internal: a smaller chunk size, for tests


def chunk_chars() -> int:
    """The chunk size of :func:`batches`: $VACATURELINT_CHUNK_CHARS (for tests) or CHUNK_CHARS."""
    value = os.environ.get(CHUNK_ENV, "")
    return int(value) if value.isdigit() and int(value) > 0 else CHUNK_CHARS


def batches(session: Session, found: Iterable[Target], stdin_name: str | None = None,
            read_stdin: Callable[[int, str], bytes] | None = None, max_chars: int = CHUNK_CHARS):
    """The targets read into Batches of at most ``max_chars`` characters of text (a
    bigger file is a batch of its own), in input order, so that only one batch of
    texts is in memory at a time. The last batch may hold only errors and notes."""
    batch = Batch()
    size = 0
    for target in found:
        loaded = load(session, target, stdin_name, read_stdin)
        batch.add(loaded)
        if loaded.source is not None:
            size += len(loaded.source.text)
            if size >= max_chars:
                yield batch
                batch, size = Batch(), 0
    if batch.sources or batch.errors or batch.notes:
        yield batch


def error_line(message: str) -> str:
    """The one stderr line for an error (control characters in it, e.g. from a file
    name, are shown as escapes: one line stays one line)."""
    return f"vacaturelint: fout: {shown(message)}"


def checked_output(output: str, found: list[Target]) -> list[Target]:
    """Refuse an output file (``-o``) that cannot be written safely, before anything
    is read: a folder, something that is not a regular file (a device such as
    /dev/null, a FIFO, a socket), or one of the inputs (the vacancy would be replaced
    by the output). Returns ``found``. Raises UsageError."""
    try:
        status = os.stat(output)
    except FileNotFoundError:
        return found
    except OSError as error:
        raise UsageError(f"{output}: uitvoerbestand niet bruikbaar ({error.strerror or error})") from None
    if stat.S_ISDIR(status.st_mode):
        raise UsageError(f"{output}: is een map; geef een bestandsnaam voor de uitvoer")
    if not stat.S_ISREG(status.st_mode):
        raise UsageError(f"{output}: is geen gewoon bestand (maar een apparaat, FIFO of socket); "
                         "vacaturelint schrijft alleen naar gewone bestanden")
    for target in found:
        if target.path != STDIN and _same_file(target.path, status):
            raise UsageError(f"{output}: is ook invoer ({target.path}) en zou overschreven worden; "
                             "kies een ander uitvoerbestand")
    return found


def _same_file(path: str, status: os.stat_result) -> bool:
    try:
        other = os.stat(path)
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (status.st_dev, status.st_ino)


def write_output(path: str, text: str) -> None:
    """Write a command's output to ``path`` (UTF-8), atomically: a failed or killed
    run leaves the old file as it was. Raises InputError."""
    try:
        atomic.write_text(path, text, prefix=".vacaturelint-uitvoer-", newline="")
    except OSError as error:
        raise InputError(f"{path}: kan uitvoer niet schrijven ({error.strerror or error})") from None


def exit_code(results, errors: Iterable[str] = ()) -> int:
    """2 if anything could not be checked, else 1 with findings, else 0."""
    if any(True for _ in errors):
        return EXIT_ERROR
    return EXIT_FINDINGS if any(r.findings for r in results) else EXIT_CLEAN


@dataclass
class FixOutcome:
    """What ``--fix``/``--diff`` did: new texts per source index, diffs, counts."""

    texts: dict[int, str] = field(default_factory=dict)
    diffs: list[str] = field(default_factory=list)
    applied: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: int = 0  # files fixed (or with a diff)

    def absorb(self, part: FixOutcome) -> None:
        """Add the outcome of one batch (its new texts are not kept)."""
        self.diffs += part.diffs
        self.applied += part.applied
        self.errors += part.errors
        self.notes += part.notes
        self.files += len(part.texts)


def fix(batch: Batch, results, write: bool) -> FixOutcome:
    """Apply the safe fixes of ``results`` (one per source in ``batch``). With
    ``write`` the files are rewritten (atomically, same encoding and line endings);
    otherwise only the diffs are made. Word files and standard input are not written."""
    from vacaturelint import fixes

    outcome = FixOutcome()
    for index, (source, result) in enumerate(zip(batch.sources, results)):
        if result.error or not any(f.fix is not None for f in result.findings):
            continue
        if not fixes.fixable(source):
            outcome.notes.append(f"{source.path}: een Word-bestand (.docx) kan niet automatisch hersteld worden; "
                                 "pas het document zelf aan")
            continue
        new_text, applied = fixes.apply(source.text, result.findings)
        if not applied:
            continue
        if not write:
            outcome.diffs.append(fixes.diff(source.path, source.text, new_text))
        else:
            try:
                fixes.write(source, new_text)
            except (InputError, OSError) as error:
                message = str(error) if isinstance(error, VacaturelintError) else \
                    f"{source.path}: kan niet schrijven ({error.strerror or error})"
                outcome.errors.append(message)
                continue
        outcome.texts[index] = new_text
        outcome.applied += applied
    return outcome


def relint(session: Session, batch: Batch, results, outcome: FixOutcome) -> list:
    """Results after fixing: the fixed sources linted again, the others as they were."""
    if not outcome.texts:
        return results
    indices = sorted(outcome.texts)
    sources = [replace(batch.sources[i], text=outcome.texts[i]) for i in indices]
    again = session.linter.lint_sources(sources, [batch.configs[i] for i in indices])
    merged = list(results)
    for i, result in zip(indices, again):
        merged[i] = result
    return merged
