"""Command line: ``vacaturelint check|rules|explain|lsp``.

Exit codes: 0 no findings, 1 findings, 2 usage, input, config, rule or model error.
"""

from __future__ import annotations

import os
import sys

import click

from vacaturelint import __version__
from vacaturelint.errors import InputError, VacaturelintError
from vacaturelint.rules.model import CATEGORIES
from vacaturelint.severity import SEVERITIES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> None:
    click.echo(f"vacaturelint: fout: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _split(values) -> tuple[str, ...]:
    return tuple(s for v in values for s in v.replace(" ", ",").split(",") if s)


def _prepare(select, ignore, min_severity, model, config_path, isolated):
    """Linter, base config and rule set for check/report; unknown selectors exit 2.

    Config, rule and model errors raise VacaturelintError for the caller."""
    from vacaturelint.engine import Linter, Options, is_known_selector

    options = Options(model=model, config=config_path, isolated=isolated, select=_split(select),
                      ignore=_split(ignore), min_severity=min_severity)
    linter = Linter(options)
    base = linter.config_for(None)
    ruleset = linter.ruleset(base)
    for sel in (*options.select, *options.ignore):
        if not is_known_selector(sel, ruleset):
            _fail(f"onbekende regel of categorie '{sel}' (zie 'vacaturelint rules')")
    return linter, base, ruleset


def _say_skipped(linter, config) -> None:
    """One stderr line naming the rules a model without annotations cannot run."""
    skipped = linter.skipped_rules(config)
    if skipped:
        click.echo(
            f"vacaturelint: model '{linter.model_name(config)}' levert geen lemma's, woordsoorten of "
            f"zinsontleding; overgeslagen regels: {', '.join(r.id for r in skipped)}",
            err=True,
        )


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
@click.option("--select", multiple=True, help="Alleen deze regels/categorieën (id, naam, categorie), komma-gescheiden.")
@click.option("--ignore", multiple=True, help="Deze regels/categorieën overslaan.")
@click.option("--min-severity", type=click.Choice(SEVERITIES), help="Laat bevindingen onder dit niveau weg.")
@click.option("--model", help="spaCy-model (naam of pad), of 'blank'. Ook: VACATURELINT_MODEL.")
@click.option("-c", "--config", "config_path", help="Configuratiebestand (anders: gezocht vanaf elk bestand).")
@click.option("--isolated", is_flag=True, help="Negeer alle configuratiebestanden.")
@click.option("--include", multiple=True, help="Glob voor bestanden in mappen (standaard *.md, *.txt, *.html, ...).")
@click.option("--exclude", multiple=True, help="Glob om bestanden in mappen over te slaan.")
@click.option("--stdin-filename", help="Bestandsnaam voor invoer via '-' (bepaalt formaat en configuratie).")
@click.option("--color/--no-color", default=None, help="Kleur (standaard: alleen op een terminal).")
@click.option("-v", "--verbose", is_flag=True, help="Meld gebruikte codering, model en overgeslagen regels.")
def check(paths, fmt, select, ignore, min_severity, model, config_path, isolated, include, exclude,
          stdin_filename, color, verbose) -> None:
    """Controleer vacatureteksten (bestanden, mappen, of - voor standaardinvoer)."""
    from vacaturelint.config import DEFAULT_INCLUDE
    from vacaturelint.discovery import expand
    from vacaturelint.reporters import FORMATS
    from vacaturelint.source import TEXT_KINDS, NotTextError, kind_for, read_source, source_from_bytes

    errors: list[str] = []
    sources = []
    configs = []
    try:
        linter, base, ruleset = _prepare(select, ignore, min_severity, model, config_path, isolated)
        inc = include or base.include or DEFAULT_INCLUDE
        exc = exclude or base.exclude
        for path, explicit in expand(paths, inc, exc):
            try:
                if path == "-":
                    name = stdin_filename or "-"
                    source = source_from_bytes(sys.stdin.buffer.read(), name, kind_for(name))
                else:
                    source = read_source(path)
                    if not explicit and source.kind not in (*TEXT_KINDS, "docx"):
                        continue
            except InputError as error:
                if explicit or not isinstance(error, NotTextError):  # walks skip only binary files
                    errors.append(str(error))
                elif verbose:
                    click.echo(f"vacaturelint: overgeslagen: {error}", err=True)
                continue
            if verbose and source.encoding != "docx":
                click.echo(f"vacaturelint: {source.path}: gelezen als {source.encoding}", err=True)
            sources.append(source)
            configs.append(linter.config_for(source.path if path != "-" else stdin_filename))
        results = linter.lint_sources(sources, configs) if sources else []
        if sources:
            _say_skipped(linter, configs[0])
    except VacaturelintError as error:
        _fail(str(error))
        return
    for result in results:
        if result.error:
            errors.append(result.error)
        for note in result.notes:
            click.echo(f"vacaturelint: {result.path}: {note}", err=True)
    for error in errors:
        click.echo(f"vacaturelint: fout: {error}", err=True)
    use_color = color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    rules = {r.id: r for r in ruleset.rules}
    click.echo(FORMATS[fmt](results, color=use_color, rules=rules), nl=False)
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if any(r.findings for r in results) else EXIT_CLEAN)


def _ruleset(config_path):
    """The rule set (built-in plus extra rule files from config), or exit 2."""
    from vacaturelint.engine import Linter, Options

    try:
        linter = Linter(Options(config=config_path))
        return linter.ruleset(linter.config_for(None))
    except VacaturelintError as error:
        _fail(str(error))


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
        _fail(f"onbekende regel '{rule}' (zie 'vacaturelint rules')")
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


from vacaturelint.report.command import report  # noqa: E402  (reuses the options of check above)

main.add_command(report)
main.add_command(__import__("vacaturelint.audit.command", fromlist=["audit"]).audit)  # issue 11
