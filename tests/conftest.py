"""Shared fixtures: the real spaCy pipeline and the real CLI, never mocks.

The model comes from $VACATURELINT_MODEL; without it, the stand-in pipeline in
../shared/models is used when present, else nl_core_news_sm (bench/stand_in.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.stand_in import use_stand_in

ROOT = Path(__file__).resolve().parents[1]
MODEL = use_stand_in()
CORPUS = ROOT.parent / "shared" / "corpus"
# One rule file for tests: .format(extra="" or more rule keys, match=the match clauses).
RULE_FILE = """\
schema_version: 1
rules:
  - id: TST001
    name: test-regel
    category: leeftijd
    severity: warning
    message: "Test: {{match}}"
    explanation: "Uitleg."
    legal: {{ground: leeftijd, distinction: direct, refs: ["WGBL art. 3"]}}
{extra}    match:
{match}
    examples:
      bad: ["Wij zoeken een kwartiermaker."]
      good: ["Wij zoeken een collega."]
"""
# CI sets this so that tests needing a real Neovim or Chromium fail instead of skipping
# when the program is missing: the real-client tests must really run there.
REQUIRE_REAL_CLIENTS = os.environ.get("VACATURELINT_REQUIRE_REAL_CLIENTS") == "1"


def needs_program(available: bool, name: str):
    """skipif for a missing external program, unless CI requires it."""
    if REQUIRE_REAL_CLIENTS and not available:
        return pytest.mark.real_client  # no skip: the test itself fails loudly
    return pytest.mark.skipif(not available, reason=f"{name} is niet geïnstalleerd (apt-get install {name})")


@pytest.fixture(scope="session")
def linter():
    from vacaturelint.engine import Linter, Options

    return Linter(Options(isolated=True))


def run_cli(*args, input: bytes | None = None, cwd=None, env=None) -> subprocess.CompletedProcess:
    """Run ``python -m vacaturelint`` as a subprocess (bytes in, text out)."""
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env = {**base, **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "vacaturelint", *args],
        input=input, capture_output=True, cwd=cwd or ROOT, env=full_env, timeout=300,
    )
    result.stdout = result.stdout.decode("utf-8")
    result.stderr = result.stderr.decode("utf-8")
    return result


@pytest.fixture
def cli():
    return run_cli
