"""The per-block Doc cache the LSP server uses must not change any finding: after a
series of edits, a Linter with a DocCache reports exactly what a fresh Linter reports."""

from __future__ import annotations

import random
import re
from pathlib import Path

from vacaturelint.engine import DocCache, Linter, Options

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "vacatures"
EDIT_WORDS = ("jonge", "verkoopster", "collega", "moedertaal", "team", "fulltime", "(m/v)", "hij")


def texts() -> list[tuple[str, str, str]]:
    items = [("vacature.md", (ROOT / "examples" / "vacature-voorbeeld.md").read_text(encoding="utf-8"), "markdown")]
    files = sorted(CORPUS.glob("*.txt"))
    for path in files[:: max(1, len(files) // 4)][:4]:
        items.append((path.name, path.read_text(encoding="utf-8"), "plain"))
    return items


def test_cached_linting_equals_fresh_linting(linter):
    cached = Linter(Options(isolated=True), doc_cache=DocCache(max_docs=64))
    rng = random.Random(5)
    for name, text, kind in texts():
        for _ in range(3):
            words = [m.span() for m in re.finditer(r"\w{3,}", text)]
            start, end = words[rng.randrange(len(words))]
            text = text[:start] + rng.choice(EDIT_WORDS) + text[end:]
            got = cached.lint_text(text, name, kind).findings
            want = linter.lint_text(text, name, kind).findings
            assert got == want, name
    assert cached.doc_cache._docs  # the cache was used
