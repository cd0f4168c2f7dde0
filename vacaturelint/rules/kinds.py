"""Registry of clause kinds. Each kind lives in its own module in this package."""

from __future__ import annotations

from vacaturelint.rules import checks, dependency, lemmas, phrases, regex, tokens

KINDS = {
    "phrases": phrases,
    "lemmas": lemmas,
    "tokens": tokens,
    "dependency": dependency,
    "regex": regex,
    "check": checks,
}
