"""Command-line pieces shared by the commands that lint (check, report, audit):
one definition of each option, so the commands stay in step, and the one way a
command stops on an error."""

from __future__ import annotations

import os
import signal
import sys
from typing import NoReturn

import click

from vacaturelint import app, click_nl
from vacaturelint.severity import LABELS_NL, SEVERITIES
from vacaturelint.source import parse_size

SEVERITY_BY_LABEL = {label: severity for severity, label in LABELS_NL.items() if label != severity}

EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT), 128 + 2
EXIT_TERMINATED = 143  # SIGTERM, 128 + 15
click_nl.install()  # before any command is declared: option help texts are translated at declaration


def fail(message: str) -> NoReturn:
    """One Dutch error line on stderr, exit code 2."""
    click.echo(app.error_line(message), err=True)
    sys.exit(app.EXIT_ERROR)


def finish(code: int) -> NoReturn:
    """End a finished command with ``code`` without the interpreter's teardown: once
    the output is flushed, tearing down spaCy's and the pipeline's objects module by
    module costs ~0.15 s of every run and changes nothing. Under a tracer, profiler or
    coverage (they write their results at exit) and when flushing fails (a closed
    pipe, a full disk), the usual exit, which reports as before."""
    measured = sys.gettrace() is not None or sys.getprofile() is not None or "coverage" in sys.modules
    if not measured:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:  # the usual exit handles (and reports) it
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


class Terminated(BaseException):
    """SIGTERM, raised in the main thread (not an Exception: nothing swallows it), so
    temporary files are removed and worker pools terminated on the way out."""


def stop_cleanly_on_sigterm() -> None:
    """For commands that write files or start workers (check, report): SIGTERM ends
    them like Ctrl-C does, with exit code 143."""

    def raise_terminated(signum, frame) -> None:
        raise Terminated

    signal.signal(signal.SIGTERM, raise_terminated)


class DutchCommand(click.Command):
    """A command whose usage line and help speak Dutch (see :mod:`vacaturelint.click_nl`)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--help"]})
        super().__init__(*args, **kwargs)


class DutchGroup(click.Group):
    """The ``vacaturelint`` group: Dutch help, and every usage error as one Dutch
    line (``vacaturelint: fout: ...``) with exit code 2, never click's English."""

    command_class = DutchCommand

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "COMMANDO [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)
        # name -> "module:attribute": commands imported only when used (start-up of
        # 'check' does not pay for report, serve and audit)
        self.lazy_commands: dict[str, str] = {}

    def list_commands(self, ctx) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx, name):
        if name in self.lazy_commands and name not in self.commands:
            import importlib

            module, attribute = self.lazy_commands[name].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        click_nl.install()
        try:
            code = super().main(args=args, prog_name=prog_name or "vacaturelint", complete_var=complete_var,
                                standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as error:
            click.echo(error.format_message(), err=True)
            sys.exit(app.EXIT_ERROR)
        except click.UsageError as error:
            fail(usage_message(error))
        except click.ClickException as error:
            fail(error.format_message().rstrip("."))
        except click.Abort:
            click.echo(app.error_line("afgebroken (Ctrl-C)"), err=True)
            finish(EXIT_INTERRUPTED)
        except Terminated:
            # temporary files are gone and worker pools terminated (on the way out); the
            # interpreter's teardown would only run concurrent.futures' exit hook, which
            # writes to the terminated pool's closed wake-up pipe ("Bad file descriptor")
            click.echo(app.error_line("gestopt (SIGTERM)"), err=True)
            finish(EXIT_TERMINATED)
        sys.exit(code if isinstance(code, int) else app.EXIT_CLEAN)


def usage_message(error: click.UsageError) -> str:
    """click's (translated) message, and where to find help."""
    message = error.format_message().rstrip(".")
    command = error.ctx.command_path if error.ctx is not None else "vacaturelint"
    return f"{message}; zie '{command} --help'"


def use_color(flag: bool | None, isatty: bool) -> bool:
    """--color/--no-color wins; then NO_COLOR (off), then FORCE_COLOR (on); else a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return isatty


def _severity(ctx, param, value):
    """``fout`` and ``waarschuwing`` are accepted for ``error`` and ``warning``."""
    return SEVERITY_BY_LABEL.get(value, value)


def _size(ctx, param, value):
    """``--max-size 2MB`` -> bytes."""
    if value is None:
        return None
    size = parse_size(value)
    if size is None:
        raise click.BadParameter(f"'{value}' is geen grootte (bijvoorbeeld 1000000, 500KB of 2MB)")
    return size


def _apply(options):
    def decorate(command):
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


lint_options = _apply([
    click.option("--select", multiple=True, metavar="REGELS",
                 help="Alleen deze regels/categorieën (id, naam, categorie), komma-gescheiden."),
    click.option("--ignore", multiple=True, metavar="REGELS", help="Deze regels/categorieën overslaan."),
    click.option("--min-severity", type=click.Choice([*SEVERITIES, *SEVERITY_BY_LABEL]), callback=_severity,
                 help="Laat bevindingen onder dit niveau weg (info, warning/waarschuwing, error/fout)."),
    click.option("--model", metavar="NAAM|PAD", help="spaCy-model (naam of pad), of 'blank'. Ook: VACATURELINT_MODEL."),
    click.option("-c", "--config", "config_path", metavar="BESTAND", help="Configuratiebestand (anders: gezocht vanaf elk bestand)."),
    click.option("--isolated", is_flag=True, help="Negeer alle configuratiebestanden."),
    click.option("--extra-rules", multiple=True, metavar="BESTAND",
                 help="Extra regelbestand naast de ingebouwde regels (elk pad; herhaalbaar)."),
])

walk_options = _apply([
    click.option("--include", multiple=True, metavar="GLOB",
                 help="Glob voor bestanden in mappen (standaard *.md, *.txt, *.html, ...)."),
    click.option("--exclude", multiple=True, metavar="GLOB", help="Glob om bestanden in mappen over te slaan."),
    click.option("--max-size", metavar="GROOTTE", callback=_size,
                 help="Grootste invoer per bestand (standaard 1MB; ook 500KB, 2MB). Ook: VACATURELINT_MAX_SIZE."),
])
