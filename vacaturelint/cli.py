"""Command line: ``vacaturelint check|rules|explain|init|lsp|report``.

Exit codes: 0 no findings, 1 findings, 2 usage, input, config, rule or model error,
130 Ctrl-C, 143 SIGTERM.
"""

from __future__ import annotations

import os
import sys

import click

from vacaturelint import __version__, app
from vacaturelint.cli_shared import (
    DutchGroup,
    fail,
    finish,
    lint_options,
    stop_cleanly_on_sigterm,
    use_color,
    walk_options,
)
from vacaturelint.errors import VacaturelintError
from vacaturelint.pathtext import shown
from vacaturelint.rules.model import CATEGORIES
from vacaturelint.severity import LABELS_NL

FORMAT_NAMES = ("text", "concise", "json", "sarif", "github")
DISTINCTION_NL = {"direct": "direct onderscheid", "indirect": "indirect onderscheid",
                  "none": "geen wettelijk onderscheid (goede praktijk)"}


@click.group(cls=DutchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="vacaturelint")
def main() -> None:
    """Vindt uitsluitend taalgebruik in Nederlandse vacatureteksten.

    Exitcodes: 0 geen bevindingen, 1 bevindingen, 2 fout in gebruik, invoer,
    configuratie, regels of model, 130 afgebroken (Ctrl-C), 143 gestopt (SIGTERM).
    """


@main.command(short_help="Controleer vacatureteksten.")
@click.argument("paths", nargs=-1, required=True, metavar="PAD...")
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMAT_NAMES)),
              default=lambda: os.environ.get("VACATURELINT_FORMAT", "text"),
              help="Uitvoerformaat (concise: één regel per bevinding).")
@lint_options
@walk_options
@click.option("--stdin-filename", metavar="NAAM", help="Bestandsnaam voor invoer via '-' (bepaalt formaat en configuratie).")
@click.option("--fix", is_flag=True, help="Herstel wat veilig kan (zoals (m/v) -> (m/v/x)) en meld wat overblijft.")
@click.option("--diff", "show_diff", is_flag=True, help="Toon de herstellingen als diff; schrijf niets.")
@click.option("--exit-zero", is_flag=True, help="Exitcode 0, ook bij bevindingen (wel 2 bij fouten).")
@click.option("--statistics", is_flag=True, help="Alleen het aantal bevindingen per regel, meeste eerst.")
@click.option("-o", "--output-file", metavar="BESTAND", help="Schrijf de uitvoer naar dit bestand.")
@click.option("-q", "--quiet", is_flag=True, help="Alleen bevindingen: geen samenvatting of meldingen.")
@click.option("--color/--no-color", default=None,
              help="Kleur (standaard: alleen op een terminal; ook NO_COLOR en FORCE_COLOR).")
@click.option("-v", "--verbose", is_flag=True, help="Meld gebruikte codering, model en overgeslagen regels.")
@click.option("-j", "--jobs", type=click.IntRange(0, 64), default=0, show_default=True, metavar="N",
              help="Aantal processen (0: automatisch, meerdere vanaf 200 bestanden). Uitvoer en exitcode als met -j 1.")
def check(paths, fmt, select, ignore, min_severity, model, config_path, isolated, extra_rules, include, exclude,
          max_size,
          stdin_filename, fix, show_diff, exit_zero, statistics, output_file, quiet, color, verbose, jobs) -> None:
    """Controleer vacatureteksten (bestanden, mappen, of - voor standaardinvoer)."""
    from vacaturelint import parallel
    from vacaturelint.reporters import Report

    stop_cleanly_on_sigterm()

    if fix and show_diff:
        fail("--fix en --diff gaan niet samen: --diff toont alleen wat --fix zou doen")
    if fix and app.STDIN in paths:
        fail("--fix schrijft bestanden en werkt niet op standaardinvoer; gebruik --diff")
    if statistics and fmt not in ("text", "json"):  # the keys of reporters.STATISTICS
        fail("--statistics kan alleen met --format text of json")

    def note(message: str) -> None:
        if not quiet:
            click.echo(f"vacaturelint: {shown(message)}", err=True)

    # Files are read, linted, fixed and rendered batch by batch (app.batches), so only
    # one batch of texts is in memory; stderr lines are kept and written in the order
    # of a run over all files at once, stdout is written at the end.
    read_notes: list[str] = []
    run_notes: list[str] = []
    load_errors: list[str] = []
    lint_errors: list[str] = []
    notice = None
    outcome = app.FixOutcome() if fix or show_diff else None
    to_file = output_file is not None
    colored = use_color(color, False if to_file else sys.stdout.isatty())
    try:
        session = app.open_session(app.make_options(select, ignore, min_severity, model, config_path, isolated,
                                                      max_size, extra_rules=extra_rules))
        found = app.targets(session, paths, include, exclude)
        if output_file is not None:
            found = app.checked_output(output_file, found)
        report = Report(fmt, statistics=statistics, color=colored, rules={r.id: r for r in session.ruleset.rules},
                        quiet=quiet)
        with parallel.Pool(session.linter, parallel.resolve_jobs(jobs, len(found))) as pool:
            for batch in app.batches(session, found, stdin_filename, app.read_stdin, app.chunk_chars()):
                read_notes += batch.notes
                load_errors += batch.errors
                if not batch.sources:
                    continue
                results = pool.lint(batch.sources, batch.configs)
                if notice is None:
                    notice = session.skipped_notice(batch.configs[0]) or ""
                if outcome is not None:
                    part = app.fix(batch, results, write=fix)
                    if fix:
                        results = app.relint(session, batch, results, part)
                    outcome.absorb(part)
                for result in results:
                    if result.error:
                        lint_errors.append(result.error)
                    run_notes.extend(f"{result.path}: {line}" for line in result.notes)
                if not show_diff:
                    report.add(results)
    except VacaturelintError as error:
        fail(str(error))
    if verbose:
        for line in read_notes:
            click.echo(f"vacaturelint: {shown(line)}", err=True)
    if notice:
        note(notice)
    for line in run_notes + (outcome.notes if outcome else []):
        note(line)
    errors = load_errors + (outcome.errors if outcome else []) + lint_errors
    for error in errors:
        click.echo(app.error_line(error), err=True)

    if show_diff:
        text = "".join(outcome.diffs)
        files = len(outcome.diffs)
        note(f"{outcome.applied} {'herstelling' if outcome.applied == 1 else 'herstellingen'} in {files} "
             f"{'bestand' if files == 1 else 'bestanden'} mogelijk met --fix; niets geschreven")
        code = app.EXIT_FINDINGS if outcome.diffs else app.EXIT_CLEAN
    else:
        if fix and outcome is not None:
            files = outcome.files
            note(f"{outcome.applied} {'bevinding' if outcome.applied == 1 else 'bevindingen'} hersteld in "
                 f"{files} {'bestand' if files == 1 else 'bestanden'}" if outcome.applied else "niets te herstellen")
        text = report.render()
        code = app.exit_code(report.results, errors)
    if to_file:
        try:
            app.write_output(output_file, text)
        except VacaturelintError as error:
            fail(str(error))
    else:
        click.echo(text, nl=False, color=colored)
    finish(app.EXIT_ERROR if errors else app.EXIT_CLEAN if exit_zero else code)


_EXTRA_RULES = click.option("--extra-rules", multiple=True, metavar="BESTAND",
                            help="Extra regelbestand naast de ingebouwde regels (elk pad; herhaalbaar).")


def _ruleset(config_path, extra_rules=()):
    """The rule set (built-in, extra rule files from config and --extra-rules), or exit 2."""
    from vacaturelint.engine import Linter, Options

    try:
        linter = Linter(Options(config=config_path, extra_rules=tuple(extra_rules)))
        return linter.ruleset(linter.config_for(None))
    except VacaturelintError as error:
        fail(str(error))


@main.command()
@click.option("--category", type=click.Choice(CATEGORIES), help="Alleen deze categorie.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Uitvoerformaat.")
@click.option("-c", "--config", "config_path", metavar="BESTAND", help="Configuratie (voor extra regelbestanden).")
@_EXTRA_RULES
def rules(category, fmt, config_path, extra_rules) -> None:
    """Toon alle regels."""
    import json

    ruleset = _ruleset(config_path, extra_rules)
    selected = [r for r in ruleset.rules if category is None or r.category == category]
    if fmt == "json":
        from vacaturelint.rules.model import rule_summary

        click.echo(json.dumps([rule_summary(r) for r in selected], ensure_ascii=False, indent=2))
        return
    click.echo(f"{'id':<7} {'ernst':<13} {'categorie':<15} naam")
    for r in selected:
        flag = ("  (uit)" if not r.enabled else "") + ("  [*] herstelbaar met --fix" if r.fix else "")
        click.echo(f"{r.id:<7} {LABELS_NL[r.severity]:<13} {r.category:<15} {r.name}{flag}")
    click.echo(f"\n{len(selected)} regels. Uitleg: vacaturelint explain REGEL")


@main.command(short_help="Leg een regel uit.")
@click.argument("rule", metavar="REGEL")
@click.option("-c", "--config", "config_path", metavar="BESTAND", help="Configuratie (voor extra regelbestanden).")
@_EXTRA_RULES
def explain(rule, config_path, extra_rules) -> None:
    """Leg een regel uit: melding, uitleg, wettelijke grond en voorbeelden."""
    from vacaturelint.meta import META_RULES

    ruleset = _ruleset(config_path, extra_rules)
    found = ruleset.by_id(rule) or next((m for m in META_RULES if rule.upper() == m.id or rule == m.name), None)
    if found is None:
        fail(f"onbekende regel '{rule}'{app.did_you_mean(rule, ruleset)} (zie 'vacaturelint rules')")
        return
    r = found
    click.echo(f"{r.id} {r.name}  [{r.category}, {LABELS_NL[r.severity]}]\n")
    click.echo(f"Melding: {r.message.replace('{match}', '…')}\n")
    click.echo(f"{r.explanation}\n")
    click.echo(f"Wettelijke grond: {r.legal_text}")
    click.echo(f"Soort onderscheid: {DISTINCTION_NL.get(r.legal.get('distinction'), r.legal.get('distinction'))}")
    if r.suggestions:
        click.echo("Suggesties:\n" + "\n".join(f"  - {s}" for s in r.suggestions))
    if r.fix:
        click.echo("Automatisch herstel (--fix):\n" + "\n".join(f"  - ‘{a}’ → ‘{b}’" for a, b in r.fix))
    click.echo("Voorbeelden die gemeld worden:\n" + "\n".join(f"  - {e.text}" for e in r.bad_examples))
    click.echo("Voorbeelden die niet gemeld worden:\n" + "\n".join(f"  - {e.text}" for e in r.good_examples))


@main.command(short_help="Schrijf een .vacaturelint.yaml met uitleg.")
@click.argument("directory", default=".", metavar="MAP")
def init(directory) -> None:
    """Schrijf een .vacaturelint.yaml met uitleg bij elke instelling (overschrijft niets)."""
    from vacaturelint.config import starter_config

    path = os.path.normpath(os.path.join(directory, ".vacaturelint.yaml"))
    try:
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(starter_config())
    except FileExistsError:
        fail(f"{path} bestaat al; niets overschreven")
    except OSError as error:
        fail(f"{path}: kan niet schrijven ({error.strerror or error})")
    click.echo(f"vacaturelint: {path} geschreven; pas het aan en draai 'vacaturelint check .'")


@main.command(short_help="Start de taalserver voor editors.")
def lsp() -> None:
    """Start de taalserver voor editors (LSP over stdin/stdout)."""
    from vacaturelint.lsp.server import main as serve  # pygls is only imported for the server

    serve()


main.lazy_commands.update({
    "report": "vacaturelint.htmlreport.command:report",
    "serve": "vacaturelint.serve.command:serve",
    "audit": "vacaturelint.audit.command:audit",
})
