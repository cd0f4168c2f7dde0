"""``vacaturelint report PATH... -o rapport.html``: the highlighted HTML report.

Takes the same file, configuration, model and rule options as ``check`` (the very
same click option objects, so both commands stay in step). Exit codes as ``check``:
0 no findings, 1 findings, 2 usage, input, config, rule or model error. The report
is written in all cases except usage, config, rule and model errors.
"""

from __future__ import annotations

import os
import sys

import click

from vacaturelint.cli import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, _fail, _prepare, _say_skipped, check
from vacaturelint.errors import VacaturelintError

SHARED_OPTIONS = ("select", "ignore", "min_severity", "model", "config_path", "isolated", "include", "exclude")


def _shared(command: click.Command) -> click.Command:
    """Give ``command`` the options of ``check`` named in SHARED_OPTIONS."""
    by_name = {p.name: p for p in check.params}
    command.params.extend(by_name[name] for name in SHARED_OPTIONS)
    return command


@_shared
@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", default="vacaturelint-rapport.html", show_default=True,
              type=click.Path(dir_okay=False, writable=True), help="Het HTML-bestand dat wordt geschreven.")
@click.option("--title", default="Vacaturelint-rapport", show_default=True, help="Titel boven het rapport.")
@click.option("-j", "--jobs", type=click.IntRange(0, 64), default=0,
              help="Aantal processen (0: automatisch, hooguit 4 en alleen bij meer dan 100 bestanden).")
def report(paths, output, title, jobs, select, ignore, min_severity, model, config_path, isolated, include,
           exclude) -> None:
    """Schrijf een HTML-rapport: elke vacature met gemarkeerde bevindingen, plus overzicht."""
    from vacaturelint.config import DEFAULT_INCLUDE
    from vacaturelint.discovery import expand
    from vacaturelint.report.batch import Job, build

    if "-" in paths:
        _fail("report leest geen standaardinvoer; geef bestanden of mappen")
    try:
        linter, base, _ = _prepare(select, ignore, min_severity, model, config_path, isolated)
        expanded = expand(paths, include or base.include or DEFAULT_INCLUDE, exclude or base.exclude)
        target = os.path.abspath(output)  # a report written into the folder is not a vacancy next time
        expanded = [(p, e) for p, e in expanded if e or os.path.abspath(p) != target]
        jobs_list = [Job(i, path, explicit) for i, (path, explicit) in enumerate(expanded, start=1)]
        if not jobs_list:
            _fail("geen bestanden gevonden om te controleren")
        info = f"{len(jobs_list)} bestand(en) gecontroleerd met vacaturelint, model '{linter.model_name(base)}'."
        outcome = build(linter, jobs_list, output, title, info, workers=jobs or None,
                        on_message=lambda m: click.echo(m, err=True))
        _say_skipped(linter, base)
    except VacaturelintError as error:
        _fail(str(error))
        return
    except OSError as error:
        _fail(f"{output}: kan rapport niet schrijven ({error.strerror or error})")
        return
    for error in outcome.errors:
        click.echo(f"vacaturelint: fout: {error}", err=True)
    total = sum(s.total for s in outcome.summaries)
    with_findings = sum(1 for s in outcome.summaries if s.total)
    click.echo(f"vacaturelint: rapport geschreven: {os.path.abspath(output)} ({len(outcome.summaries)} vacature(s), "
               f"{total} bevinding(en) in {with_findings})", err=True)
    if outcome.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if total else EXIT_CLEAN)
