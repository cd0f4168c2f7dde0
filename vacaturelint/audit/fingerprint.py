"""What an audit's results depend on: input, fields, partitioning, rules, config, model.

Written to ``OUTDIR/audit.json`` when an audit starts. A re-run with the same ``-o``
resumes only when everything matches; otherwise it is refused with the parts that
differ, so results of different runs are never mixed.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from importlib import metadata
from pathlib import Path

from vacaturelint import __version__, atomic
from vacaturelint.audit.feeds import Feed
from vacaturelint.config import Config
from vacaturelint.errors import ConfigError, ModelError
from vacaturelint.nlp import BLANK, INSTALL_HINT

MANIFEST = "audit.json"
LABELS = {
    "vacaturelint": "de versie van vacaturelint",
    "invoer": "de invoer (bestanden, grootte of wijzigingstijd)",
    "velden": "de velden, het soort tekst of de partitiegrootte",
    "regels": "de regels",
    "configuratie": "de configuratie (--select, --ignore, --min-severity, -c)",
    "model": "het model",
}


def _file(path: str) -> dict:
    stat = os.stat(path)
    return {"pad": os.path.abspath(path), "bytes": stat.st_size, "gewijzigd_ns": stat.st_mtime_ns}


def input_identity(feeds: list[Feed]) -> list[dict]:
    out = []
    for feed in feeds:
        if feed.kind == "files":
            digest = hashlib.sha256()
            for path in feed.files:
                digest.update(json.dumps(_file(path), sort_keys=True).encode())
            out.append({"soort": "files", "pad": os.path.abspath(feed.path), "bestanden": len(feed.files),
                        "sha256": digest.hexdigest()})
        else:
            out.append({"soort": feed.kind, **_file(feed.path)})
    return out


def rules_identity(files) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def config_identity(config: Config) -> dict:
    data = asdict(config)
    data.pop("include", None)
    data.pop("exclude", None)
    return json.loads(json.dumps(data))  # tuples -> lists, as they come back from JSON


def model_identity(name: str) -> dict:
    """Name and version of the model, without loading it. Raises ModelError when the
    model is neither a pipeline folder nor an installed package."""
    if name == BLANK:
        return {"naam": BLANK}
    path = Path(name)
    if path.is_dir():
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise ModelError(f"spaCy-model '{name}' kan niet worden geladen: geen leesbare meta.json") from None
        return {"naam": name, "pakket": f"{meta.get('lang')}_{meta.get('name')}", "versie": meta.get("version")}
    try:
        return {"naam": name, "versie": metadata.version(name)}
    except metadata.PackageNotFoundError:
        raise ModelError(f"spaCy-model '{name}' niet gevonden: {INSTALL_HINT}") from None


def build(feeds: list[Feed], fields: dict, rule_files, config: Config, model: str) -> dict:
    return {
        "vacaturelint": __version__,
        "invoer": input_identity(feeds),
        "velden": fields,
        "regels": rules_identity(rule_files),
        "configuratie": config_identity(config),
        "model": model_identity(model),
    }


def check_or_write(outdir: str, current: dict) -> bool:
    """True when ``outdir`` holds an earlier run of this same audit (resume). Raises
    ConfigError when it holds a different audit or other files."""
    manifest = os.path.join(outdir, MANIFEST)
    if os.path.exists(manifest):
        try:
            earlier = json.loads(Path(manifest).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"{manifest}: kan eerdere audit niet lezen ({exc})") from None
        differs = [LABELS.get(key, key) for key in LABELS if earlier.get(key) != current.get(key)]
        if differs:
            raise ConfigError(
                f"{outdir} bevat een audit met een andere {', '.join(differs)}; resultaten worden niet gemengd: "
                "kies een andere uitvoermap of verwijder deze")
        return True
    if os.path.isdir(outdir) and os.listdir(outdir):
        raise ConfigError(f"{outdir} bestaat al en is geen audit-uitvoermap; kies een lege of nieuwe map")
    os.makedirs(outdir, exist_ok=True)
    atomic.write_text(manifest, json.dumps(current, ensure_ascii=False, indent=2) + "\n")
    return False
