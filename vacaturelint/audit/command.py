"""``vacaturelint audit FEED... -o OUTDIR``: measure a whole feed on Dask.

Exit codes: 0 the audit ran to the end (findings and bad records do not change
that: an audit is not a gate), 2 usage, input, config, rule, model or cluster error
(one line on stderr; what was done so far stays in OUTDIR and a re-run resumes),
130 interrupted (a re-run resumes too).
"""

from __future__ import annotations

import datetime
import itertools
import os
import sys

import click

from vacaturelint import atomic
from vacaturelint.cli_shared import DutchCommand
from vacaturelint.errors import VacaturelintError
from vacaturelint.severity import SEVERITIES

EXIT_DONE, EXIT_ERROR, EXIT_INTERRUPTED = 0, 2, 130
DEFAULT_PARTITION = 500


def fail(message: str) -> None:
    click.echo(f"vacaturelint: fout: {message}", err=True)
    sys.exit(EXIT_ERROR)


def say(message: str) -> None:
    click.echo(f"vacaturelint: {message}", err=True)


def split(values) -> tuple[str, ...]:
    return tuple(s for v in values for s in v.replace(" ", ",").split(",") if s)


@click.command(cls=DutchCommand)
@click.argument("feeds", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Uitvoermap (findings.parquet, ads.parquet, summary.json, index.html). Dezelfde map opnieuw: "
                   "hervat.")
@click.option("--scheduler", envvar="DASK_SCHEDULER_ADDRESS",
              help="Adres van een bestaand Dask-cluster (tcp://host:8786). Ook: DASK_SCHEDULER_ADDRESS. "
                   "Standaard: een lokaal cluster.", metavar="ADRES")
@click.option("--workers", type=click.IntRange(1, 1024),
              help="Aantal workerprocessen van het lokale cluster (standaard: één per kern).", metavar="AANTAL")
@click.option("--text-field", default="text", show_default=True, help="Veld met de vacaturetekst.", metavar="VELD")
@click.option("--id-field", default="id", show_default=True, help="Veld met het id van de vacature.", metavar="VELD")
@click.option("--kind", type=click.Choice(["plain", "markdown", "html"]), default="plain", show_default=True,
              help="Soort tekst in het tekstveld.")
@click.option("--by", "by_specs", multiple=True,
              help="Uitsplitsen naar dit veld; VELD:month of VELD:year groepeert een datum per maand of jaar.", metavar="VELD")
@click.option("--partition-size", type=click.IntRange(1, 1_000_000), default=DEFAULT_PARTITION,
              show_default=True, help="Vacatures per partitie (begrenst het geheugen per worker).", metavar="AANTAL")
@click.option("--select", multiple=True, help="Alleen deze regels/categorieën (id, naam, categorie), komma-gescheiden.", metavar="REGELS")
@click.option("--ignore", multiple=True, help="Deze regels/categorieën overslaan.", metavar="REGELS")
@click.option("--min-severity", type=click.Choice(SEVERITIES), help="Laat bevindingen onder dit niveau weg.")
@click.option("--model", help="spaCy-model (naam of pad), of 'blank'. Ook: VACATURELINT_MODEL. Elke worker laadt "
                              "het onder dezelfde naam of hetzelfde pad.", metavar="NAAM|PAD")
@click.option("-c", "--config", "config_path", help="Configuratiebestand (anders: gezocht vanaf de huidige map).", metavar="BESTAND")
@click.option("--isolated", is_flag=True, help="Negeer alle configuratiebestanden.")
def audit(feeds, outdir, scheduler, workers, text_field, id_field, kind, by_specs, partition_size, select, ignore,
          min_severity, model, config_path, isolated) -> None:
    """Audit van een hele feed (JSONL, CSV, Parquet of mappen) op Dask: aandelen per grond, met intervallen.

    Exitcodes: 0 audit voltooid (bevindingen en onleesbare records tellen niet als fout), 2 fout in gebruik,
    invoer, configuratie, regels, model of cluster, 130 onderbroken. Opnieuw starten met dezelfde -o hervat.
    """
    from vacaturelint.audit import deps

    try:
        deps.require()
    except VacaturelintError as error:
        fail(str(error))
    from vacaturelint.audit.stats import By

    try:
        by = [By.parse(spec) for spec in by_specs]
    except ValueError as error:
        fail(str(error))
        return
    try:
        outcome = _audit(feeds, outdir, scheduler, workers, text_field, id_field, kind, by, partition_size,
                         split(select), split(ignore), min_severity, model, config_path, isolated)
    except VacaturelintError as error:
        fail(str(error))
        return
    except OSError as error:
        fail(f"{getattr(error, 'filename', None) or outdir}: kan niet schrijven ({error.strerror or error})")
        return
    except KeyboardInterrupt:
        say("onderbroken; opnieuw starten met dezelfde -o hervat waar de audit gebleven was")
        sys.exit(EXIT_INTERRUPTED)
    say(outcome)
    sys.exit(EXIT_DONE)


def _audit(paths, outdir, scheduler, workers, text_field, id_field, kind, by, partition_size, select, ignore,
           min_severity, model, config_path, isolated) -> str:
    from vacaturelint.audit import dashboard, feeds, fingerprint, runner, stats
    from vacaturelint.audit.frame import AuditSettings
    from vacaturelint.audit.progress import Progress, wanted
    from vacaturelint.audit.store import Store
    from vacaturelint.engine import Linter, Options, is_known_selector
    from vacaturelint.errors import ConfigError

    linter = Linter(Options(model=model, config=config_path, isolated=isolated, select=select, ignore=ignore,
                            min_severity=min_severity))
    config = linter.config_for(None)
    ruleset = linter.ruleset(config)
    for selector in (*select, *ignore):
        if not is_known_selector(selector, ruleset):
            raise ConfigError(f"onbekende regel of categorie '{selector}' (zie 'vacaturelint rules')")
    model_name = linter.model_name(config)
    found = feeds.discover(list(paths), exclude=outdir, on_problem=lambda message: say(f"let op: {message}"))
    if not found:
        raise ConfigError("geen feeds of vacaturebestanden gevonden")
    fields = {"text": text_field, "id": id_field, "kind": kind, "partition_size": partition_size}
    current = fingerprint.build(found, fields, ruleset.files, config, model_name)
    resumed = fingerprint.check_or_write(outdir, current)
    store = Store(outdir)
    done = store.done()
    if resumed:
        say(f"hervat in {outdir}: {len(done)} partitie(s) al klaar, die worden overgeslagen")
    settings = AuditSettings(options=Options(model=model_name, isolated=True), config=config,
                             text_field=text_field, id_field=id_field, kind=kind)
    show = wanted()
    progress = Progress(feeds.count(found) if show else None, show)
    parts = feeds.partitions(found, partition_size, feeds.Fields(text_field, id_field), skip=done.__contains__)

    def on_result(part, ads, findings) -> None:
        store.write_part(part.key, ads, findings)
        progress.advance(part.size)

    try:
        first = None
        for part in parts:  # partitions done in an earlier run: no cluster needed for them
            if part.records is not None:
                first = part
                break
            progress.advance(part.size, skipped=True)
        if first is not None:
            with runner.connect(scheduler, workers) as client:
                runner.run(client, itertools.chain([first], parts), settings, on_result,
                           lambda part: progress.advance(part.size, skipped=True))
    finally:
        progress.close()
    info = {"vacaturelint": current["vacaturelint"], "model": model_name,
            "feeds": [os.path.basename(os.path.normpath(p)) for p in paths],
            "generated": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "by_fields": [b.label for b in by]}
    store.merge("findings")
    store.merge("ads")
    summary = stats.summarize(store, by, info)
    atomic.write_text(os.path.join(outdir, "summary.json"), _json(summary))
    atomic.write_text(os.path.join(outdir, "index.html"), dashboard.render(summary))
    ads = summary["ads"]
    return (f"audit klaar: {ads['total']} vacature(s), {ads['failed']} niet gecontroleerd, "
            f"{summary['findings']['total']} bevinding(en); uitvoer in {os.path.abspath(outdir)} "
            "(index.html, summary.json, ads.parquet, findings.parquet)")


def _json(data: dict) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
