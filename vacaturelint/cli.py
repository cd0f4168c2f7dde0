"""Command line: ``vacaturelint check|rules|explain|lsp``.

Exit codes: 0 no findings, 1 findings, 2 usage, input, config, rule or model error.
"""

from __future__ import annotations

import os
import sys

import click

from vacaturelint import __version__, app
from vacaturelint.cli_shared import fail, lint_options, walk_options
from vacaturelint.errors import VacaturelintError
from vacaturelint.rules.model import CATEGORIES


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vacaturelint")
def main() -> None:
    """Vindt uitsluitend taalgebruik in Nederlandse vacatureteksten.

    Exitcodes: 0 geen bevindingen, 1 bevindingen, 2 fout in gebruik, invoer,
    configuratie, regels of model.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]),
              default=lambda: os.environ.get("VACATURELINT_FORMAT", "text"), help="Uitvoerformaat.")
@lint_options
@walk_options
@click.option("--stdin-filename", help="Bestandsnaam voor invoer via '-' (bepaalt formaat en configuratie).")
@click.option("--color/--no-color", default=None, help="Kleur (standaard: alleen op een terminal).")
@click.option("-v", "--verbose", is_flag=True, help="Meld gebruikte codering, model en overgeslagen regels.")
def check(paths, fmt, select, ignore, min_severity, model, config_path, isolated, include, exclude,
          stdin_filename, color, verbose) -> None:
    """Controleer vacatureteksten (bestanden, mappen, of - voor standaardinvoer)."""
    from vacaturelint.reporters import FORMATS

    batch = app.Batch()
    try:
        session = app.open_session(app.make_options(select, ignore, min_severity, model, config_path, isolated))
        for target in app.targets(session, paths, include, exclude):
            batch.add(app.load(session, target, stdin_filename, sys.stdin.buffer.read))
        if verbose:
            for note in batch.notes:
                click.echo(f"vacaturelint: {note}", err=True)
        results = session.linter.lint_sources(batch.sources, batch.configs) if batch.sources else []
        notice = session.skipped_notice(batch.configs[0]) if batch.sources else None
        if notice:
            click.echo(f"vacaturelint: {notice}", err=True)
    except VacaturelintError as error:
        fail(str(error))
    errors = list(batch.errors)
    for result in results:
        if result.error:
            errors.append(result.error)
        for note in result.notes:
            click.echo(f"vacaturelint: {result.path}: {note}", err=True)
    for error in errors:
        click.echo(app.error_line(error), err=True)
    use_color = color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    rules = {r.id: r for r in session.ruleset.rules}
    click.echo(FORMATS[fmt](results, color=use_color, rules=rules), nl=False)
    sys.exit(app.exit_code(results, errors))


def _ruleset(config_path):
    """The rule set (built-in plus extra rule files from config), or exit 2."""
    from vacaturelint.engine import Linter, Options

    try:
        linter = Linter(Options(config=config_path))
        return linter.ruleset(linter.config_for(None))
    except VacaturelintError as error:
        fail(str(error))


@main.command()
@click.option("--category", type=click.Choice(CATEGORIES), help="Alleen deze categorie.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("-c", "--config", "config_path", help="Configuratie (voor extra regelbestanden).")
def rules(category, fmt, config_path) -> None:
    """Toon alle regels."""
    import json

    ruleset = _ruleset(config_path)
    selected = [r for r in ruleset.rules if category is None or r.category == category]
    if fmt == "json":
        click.echo(json.dumps([{
            "id": r.id, "name": r.name, "category": r.category, "severity": r.severity, "scope": r.scope,
            "enabled": r.enabled, "message": r.message, "legal": r.legal_text,
        } for r in selected], ensure_ascii=False, indent=2))
        return
    click.echo(f"{'id':<7} {'ernst':<8} {'categorie':<15} naam")
    for r in selected:
        flag = "" if r.enabled else "  (uit)"
        click.echo(f"{r.id:<7} {r.severity:<8} {r.category:<15} {r.name}{flag}")
    click.echo(f"\n{len(selected)} regels. Uitleg: vacaturelint explain REGEL")


@main.command()
@click.argument("rule")
@click.option("-c", "--config", "config_path", help="Configuratie (voor extra regelbestanden).")
def explain(rule, config_path) -> None:
    """Leg een regel uit: melding, uitleg, wettelijke grond en voorbeelden."""
    from vacaturelint.meta import META_RULES

    ruleset = _ruleset(config_path)
    found = ruleset.by_id(rule) or next((m for m in META_RULES if rule.upper() == m.id or rule == m.name), None)
    if found is None:
        fail(f"onbekende regel '{rule}' (zie 'vacaturelint rules')")
        return
    r = found
    click.echo(f"{r.id} {r.name}  [{r.category}, {r.severity}]\n")
    click.echo(f"Melding: {r.message}\n")
    click.echo(f"{r.explanation}\n")
    click.echo(f"Wettelijke grond: {r.legal_text}")
    click.echo(f"Soort onderscheid: {r.legal.get('distinction')}")
    if r.suggestions:
        click.echo("Suggesties:\n" + "\n".join(f"  - {s}" for s in r.suggestions))
    click.echo("Fout (wordt gemeld):\n" + "\n".join(f"  - {e.text}" for e in r.bad_examples))
    click.echo("Goed (wordt niet gemeld):\n" + "\n".join(f"  - {e.text}" for e in r.good_examples))


@main.command()
def lsp() -> None:
    """Start de taalserver voor editors (LSP over stdin/stdout)."""
    from vacaturelint.lsp.server import main as serve  # pygls is only imported for the server

    serve()


from vacaturelint.audit.command import audit  # noqa: E402  (commands register after the group)
from vacaturelint.report.command import report  # noqa: E402
from vacaturelint.serve.command import serve  # noqa: E402

main.add_command(report)
main.add_command(serve)
main.add_command(audit)
