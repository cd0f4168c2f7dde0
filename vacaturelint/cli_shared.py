"""Command-line pieces shared by the commands that lint (check, report, audit):
one definition of each option, so the commands stay in step, and the one way a
command stops on an error."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from vacaturelint import app
from vacaturelint.severity import SEVERITIES


def fail(message: str) -> NoReturn:
    """One Dutch error line on stderr, exit code 2."""
    click.echo(app.error_line(message), err=True)
    sys.exit(app.EXIT_ERROR)


def _apply(options):
    def decorate(command):
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


lint_options = _apply([
    click.option("--select", multiple=True,
                 help="Alleen deze regels/categorieën (id, naam, categorie), komma-gescheiden."),
    click.option("--ignore", multiple=True, help="Deze regels/categorieën overslaan."),
    click.option("--min-severity", type=click.Choice(SEVERITIES), help="Laat bevindingen onder dit niveau weg."),
    click.option("--model", help="spaCy-model (naam of pad), of 'blank'. Ook: VACATURELINT_MODEL."),
    click.option("-c", "--config", "config_path", help="Configuratiebestand (anders: gezocht vanaf elk bestand)."),
    click.option("--isolated", is_flag=True, help="Negeer alle configuratiebestanden."),
])

walk_options = _apply([
    click.option("--include", multiple=True,
                 help="Glob voor bestanden in mappen (standaard *.md, *.txt, *.html, ...)."),
    click.option("--exclude", multiple=True, help="Glob om bestanden in mappen over te slaan."),
])
