#!/usr/bin/env python
"""Helper for writing and validating the gold labels in bench/quality/labels/.

Labels are written by hand with a quote (``text``) and, when the quote occurs
more than once, an ``occurrence`` (1-based, or ``all``).  ``fill`` computes the
code-point offsets so nobody counts characters; ``check`` validates everything.

Usage (from the repository root)::

    python bench/quality/labeltool.py new vacatures/ae-indeed-285.txt   # skeleton
    python bench/quality/labeltool.py find vacatures/ae-indeed-285.txt "jong team"
    python bench/quality/labeltool.py fill bench/quality/labels/ae-indeed-285.yaml
    python bench/quality/labeltool.py check            # all label files

The corpus texts are read from ``--corpus`` (default ``../shared/corpus``
relative to the repository root) and are never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from vacaturelint.rules.model import CATEGORIES  # the one list of categories
from vacaturelint.spans import overlaps

REPO_ROOT = Path(__file__).resolve().parents[2]
LABEL_DIR = Path(__file__).resolve().parent / "labels"
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"

SEVERITIES = ("error", "warning", "info")
TOP_KEYS = ("file", "selection", "title", "findings", "silent", "document")
FINDING_KEYS = ("start", "end", "text", "category", "severity", "why")
SILENT_KEYS = ("start", "end", "text", "why")


class LabelError(Exception):
    pass


def read_text(corpus: Path, rel: str) -> str:
    """Read a corpus file exactly as the linter's offsets count it."""
    with open(corpus / rel, encoding="utf-8", newline="") as fh:
        return fh.read()


def load_index(corpus: Path) -> dict:
    index = {}
    path = corpus / "index.jsonl"
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    index[rec["file"]] = rec
    return index


def occurrences(text: str, quote: str) -> list[int]:
    out, pos = [], text.find(quote)
    while pos != -1:
        out.append(pos)
        pos = text.find(quote, pos + 1)
    return out


def context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width):start].replace("\n", "⏎").replace("\r", "")
    right = text[end:end + width].replace("\n", "⏎").replace("\r", "")
    return f"…{left}[{text[start:end]}]{right}…"


# ---------------------------------------------------------------- fill

def _resolve(text: str, item: dict, where: str) -> list[dict]:
    """Return one or more items with start/end filled from text+occurrence."""
    quote = item.get("text")
    if not isinstance(quote, str) or not quote:
        raise LabelError(f"{where}: missing 'text'")
    if "start" in item and "end" in item and "occurrence" not in item and text[item["start"]:item["end"]] == quote:
        return [item]
        # fall through: recompute from the quote
    occ = item.get("occurrence")
    hits = occurrences(text, quote)
    if not hits:
        raise LabelError(f"{where}: quote {quote!r} not found in text")
    if occ == "all":
        chosen = hits
    elif occ is None:
        if len(hits) > 1:
            lines = "\n".join(
                f"    {i + 1}: {h} {context(text, h, h + len(quote))}" for i, h in enumerate(hits)
            )
            raise LabelError(
                f"{where}: quote {quote!r} occurs {len(hits)} times; add occurrence: N or all\n{lines}"
            )
        chosen = hits
    else:
        if not isinstance(occ, int) or not 1 <= occ <= len(hits):
            raise LabelError(f"{where}: occurrence {occ!r} out of range 1..{len(hits)} for {quote!r}")
        chosen = [hits[occ - 1]]
    result = []
    for h in chosen:
        new = {k: v for k, v in item.items() if k not in ("occurrence", "start", "end")}
        new["start"], new["end"] = h, h + len(quote)
        result.append(new)
    return result


def _ordered(item: dict, keys: tuple) -> dict:
    out = {k: item[k] for k in keys if k in item}
    out.update({k: v for k, v in item.items() if k not in out})
    return out


def dump_label(data: dict) -> str:
    """Serialise a label in the canonical key order."""
    lines = [
        f"file: {data['file']}",
        f"selection: {data.get('selection', '')}",
        f"title: {json.dumps(data.get('title', ''), ensure_ascii=False)}",
    ]

    def block(name: str, items: list, keys: tuple) -> None:
        if not items:
            lines.append(f"{name}: []")
            return
        lines.append(f"{name}:")
        for it in items:
            it = _ordered(it, keys)
            first = True
            for k, v in it.items():
                if isinstance(v, str) and k not in ("category", "severity"):
                    val = json.dumps(v, ensure_ascii=False)
                else:
                    val = v if not isinstance(v, str) else v
                lines.append(f"  {'- ' if first else '  '}{k}: {val}")
                first = False

    block("findings", data.get("findings") or [], FINDING_KEYS)
    block("silent", data.get("silent") or [], SILENT_KEYS)
    doc = data.get("document") or []
    lines.append("document: " + (json.dumps(doc, ensure_ascii=False) if doc else "[]"))
    return "\n".join(lines) + "\n"


def fill(label_path: Path, corpus: Path) -> None:
    data = yaml.safe_load(label_path.read_text(encoding="utf-8")) or {}
    needs_work = "selection" not in data or "title" not in data or any(
        "occurrence" in it or "start" not in it or "end" not in it
        for key in ("findings", "silent") for it in (data.get(key) or [])
    )
    if not needs_work:
        # nothing to fill: never rewrite (and reformat) a finished label file
        validate(label_path, corpus, load_index(corpus))
        return
    text = read_text(corpus, data["file"])
    index = load_index(corpus)
    rec = index.get(data["file"], {})
    data.setdefault("selection", rec.get("selection", ""))
    data.setdefault("title", rec.get("title", ""))
    for key in ("findings", "silent"):
        items = []
        for i, it in enumerate(data.get(key) or []):
            items.extend(_resolve(text, it, f"{label_path.name} {key}[{i}]"))
        items.sort(key=lambda it: (it["start"], it["end"]))
        data[key] = items
    label_path.write_text(dump_label(data), encoding="utf-8")
    validate(label_path, corpus, index)


# ---------------------------------------------------------------- check

def validate(label_path: Path, corpus: Path, index: dict | None = None) -> dict:
    """Validate one label file; return the parsed data or raise LabelError."""
    name = label_path.name
    try:
        data = yaml.safe_load(label_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LabelError(f"{name}: invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise LabelError(f"{name}: not a mapping")
    unknown = set(data) - set(TOP_KEYS)
    if unknown:
        raise LabelError(f"{name}: unknown keys {sorted(unknown)}")
    for key in ("file", "selection", "title"):
        if not isinstance(data.get(key), str):
            raise LabelError(f"{name}: '{key}' missing or not a string")
    if Path(data["file"]).stem != label_path.stem:
        raise LabelError(f"{name}: file {data['file']} does not match label file name")
    try:
        text = read_text(corpus, data["file"])
    except OSError as exc:
        raise LabelError(f"{name}: cannot read {data['file']}: {exc}") from None
    if index:
        rec = index.get(data["file"])
        if rec is None:
            raise LabelError(f"{name}: {data['file']} not in index.jsonl")
        if rec.get("selection") != data["selection"]:
            raise LabelError(f"{name}: selection {data['selection']!r} != index {rec.get('selection')!r}")
    seen = set()
    for key, keys in (("findings", FINDING_KEYS), ("silent", SILENT_KEYS)):
        items = data.get(key)
        if items is None:
            items = []
        if not isinstance(items, list):
            raise LabelError(f"{name}: '{key}' must be a list")
        for i, it in enumerate(items):
            where = f"{name} {key}[{i}]"
            if not isinstance(it, dict):
                raise LabelError(f"{where}: not a mapping")
            missing = [k for k in keys if k not in it]
            if missing:
                raise LabelError(f"{where}: missing {missing}")
            extra = set(it) - set(keys)
            if extra:
                raise LabelError(f"{where}: unknown keys {sorted(extra)}")
            s, e = it["start"], it["end"]
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                raise LabelError(f"{where}: bad range {s}..{e} (text length {len(text)})")
            if text[s:e] != it["text"]:
                raise LabelError(f"{where}: text {it['text']!r} != source {text[s:e]!r}")
            if key == "findings":
                if it["category"] not in CATEGORIES:
                    raise LabelError(f"{where}: unknown category {it['category']!r}")
                if it["severity"] not in SEVERITIES:
                    raise LabelError(f"{where}: unknown severity {it['severity']!r}")
            ident = (key, s, e, it.get("category"))
            if ident in seen:
                raise LabelError(f"{where}: duplicate span {s}..{e}")
            seen.add(ident)
            if not str(it["why"]).strip():
                raise LabelError(f"{where}: empty 'why'")
    # a span must not be both a finding and silent
    f_spans = [(it["start"], it["end"]) for it in data.get("findings") or []]
    for it in data.get("silent") or []:
        for s, e in f_spans:
            if overlaps(it["start"], it["end"], s, e):
                raise LabelError(f"{name}: silent {it['text']!r} overlaps a finding at {s}..{e}")
    doc = data.get("document")
    if doc is not None and not isinstance(doc, list):
        raise LabelError(f"{name}: 'document' must be a list")
    data.setdefault("findings", [])
    data.setdefault("silent", [])
    data["findings"] = data["findings"] or []
    data["silent"] = data["silent"] or []
    data["document"] = doc or []
    return data


def label_files(paths: list[str], label_dir: Path = LABEL_DIR) -> list[Path]:
    if paths:
        return [Path(p) for p in paths]
    return sorted(label_dir.glob("*.yaml"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--labels-dir", type=Path, default=LABEL_DIR,
                    help="label folder for 'new' and 'check' without files (default bench/quality/labels)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p_new = sub.add_parser("new", help="write a skeleton label file for a corpus file")
    p_new.add_argument("file")
    p_find = sub.add_parser("find", help="show every occurrence of a quote with its offsets")
    p_find.add_argument("file")
    p_find.add_argument("quote")
    p_fill = sub.add_parser("fill", help="fill start/end from text (+occurrence) and validate")
    p_fill.add_argument("labels", nargs="+")
    p_check = sub.add_parser("check", help="validate label files (default: all)")
    p_check.add_argument("labels", nargs="*")
    args = ap.parse_args(argv)
    corpus = args.corpus

    if args.cmd == "new":
        rel = args.file if args.file.startswith("vacatures/") else f"vacatures/{args.file}"
        rec = load_index(corpus).get(rel, {})
        out = args.labels_dir / (Path(rel).stem + ".yaml")
        if out.exists():
            print(f"{out} exists", file=sys.stderr)
            return 1
        out.write_text(dump_label({"file": rel, "selection": rec.get("selection", ""),
                                   "title": rec.get("title", "")}), encoding="utf-8")
        print(out)
        return 0
    if args.cmd == "find":
        rel = args.file if args.file.startswith("vacatures/") else f"vacatures/{args.file}"
        text = read_text(corpus, rel)
        hits = occurrences(text, args.quote)
        for i, h in enumerate(hits):
            print(f"{i + 1}: {h}-{h + len(args.quote)} {context(text, h, h + len(args.quote))}")
        return 0 if hits else 1
    if args.cmd == "fill":
        rc = 0
        for p in args.labels:
            try:
                fill(Path(p), corpus)
                print(f"ok {p}")
            except LabelError as exc:
                print(f"ERROR {exc}", file=sys.stderr)
                rc = 1
        return rc
    if args.cmd == "check":
        index = load_index(corpus)
        rc, nf, ns = 0, 0, 0
        files = label_files(args.labels, args.labels_dir)
        for p in files:
            try:
                d = validate(p, corpus, index)
                nf += len(d["findings"])
                ns += len(d["silent"])
            except LabelError as exc:
                print(f"ERROR {exc}", file=sys.stderr)
                rc = 1
        print(f"{len(files)} label files, {nf} findings, {ns} silent" + ("" if rc == 0 else " (with errors)"))
        return rc
    return 2


if __name__ == "__main__":
    sys.exit(main())
