"""``vacaturelint report PATH... -o rapport.html``: the highlighted HTML report.

Takes the same file, configuration, model and rule options as ``check`` (one
definition of each in cli_shared, so both commands stay in step). Exit codes as ``check``:
0 no findings, 1 findings, 2 usage, input, config, rule or model error. The report
is written in all cases except usage, config, rule and model errors.
"""

from __future__ import annotations

import os
import sys

import click

from vacaturelint import app
from vacaturelint.cli_shared import DutchCommand, fail, lint_options, stop_cleanly_on_sigterm, walk_options
from vacaturelint.errors import VacaturelintError


@click.command(cls=DutchCommand, short_help="Schrijf een HTML-rapport met gemarkeerde bevindingen.")
@click.argument("paths", nargs=-1, required=True, metavar="PAD...")
@click.option("-o", "--output", default="vacaturelint-rapport.html", show_default=True, metavar="BESTAND",
              help="Het HTML-bestand dat wordt geschreven (geen invoerbestand, map of apparaat).")
@click.option("--title", default="Vacaturelint-rapport", show_default=True, metavar="TITEL", help="Titel boven het rapport.")
@click.option("-j", "--jobs", type=click.IntRange(0, 64), default=0, metavar="AANTAL",
              help="Aantal processen (0: automatisch, hooguit 4 en alleen bij meer dan 100 bestanden).")
@lint_options
@walk_options
def report(paths, output, title, jobs, select, ignore, min_severity, model, config_path, isolated, extra_rules,
           include, exclude, max_size) -> None:
    """Schrijf een HTML-rapport: elke vacature met gemarkeerde bevindingen, plus overzicht."""
    from vacaturelint.generated import is_report
    from vacaturelint.htmlreport.batch import build
    from vacaturelint.htmlreport.chunk import Job

    stop_cleanly_on_sigterm()

    if "-" in paths:
        fail("report leest geen standaardinvoer; geef bestanden of mappen")
    try:
        session = app.open_session(app.make_options(select, ignore, min_severity, model, config_path, isolated,
                                                      max_size, extra_rules=extra_rules))
        # A report in a scanned folder is not a vacancy (recognised by its mark, under
        # any name and through any symlink). Refused: -o naming a vacancy, a folder, a
        # device or FIFO.
        found = [t for t in app.targets(session, paths, include, exclude)
                 if t.explicit or t.skipped or t.problem or not is_report(t.path)]
        found = app.checked_output(output, found)
        jobs_list = [Job(i, t) for i, t in enumerate(found, start=1)]
        if not jobs_list:
            fail("geen bestanden gevonden om te controleren")
        info = (f"{len(jobs_list)} {'bestand' if len(jobs_list) == 1 else 'bestanden'} gecontroleerd met vacaturelint, "
                f"model '{app.model_label(session.linter.model_name(session.base))}'.")
        outcome = build(session, jobs_list, output, title, info, workers=jobs or None,
                        on_message=lambda m: click.echo(m, err=True))
        notice = session.skipped_notice()
        if notice:
            click.echo(f"vacaturelint: {notice}", err=True)
    except VacaturelintError as error:
        fail(str(error))
    except OSError as error:
        fail(f"{output}: kan rapport niet schrijven ({error.strerror or error})")
    for error in outcome.errors:
        click.echo(app.error_line(error), err=True)
    total = sum(s.total for s in outcome.summaries)
    with_findings = sum(1 for s in outcome.summaries if s.total)
    count = len(outcome.summaries)
    click.echo(f"vacaturelint: rapport geschreven: {os.path.abspath(output)} ({total} "
               f"{'bevinding' if total == 1 else 'bevindingen'} in {with_findings} van {count} "
               f"{'vacature' if count == 1 else 'vacatures'})", err=True)
    if outcome.errors:
        sys.exit(app.EXIT_ERROR)
    sys.exit(app.EXIT_FINDINGS if total else app.EXIT_CLEAN)
