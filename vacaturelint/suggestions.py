"""Suggestions of a finding: which are literal replacement text, which are instructions.

A rule's suggestions are strings. Some are text to put in place of the match
("verkoopmedewerker"); others describe what to do ("laat de leeftijd weg ...") or
are patterns with an ellipsis ("je hebt ervaring met ..."). Editors (the LSP quick
fixes) and the web page (``vacaturelint serve``) offer only the literal ones as a
one-click replacement.
"""

from __future__ import annotations

# Suggestions that start like an instruction ("laat de leeftijd weg", "noem ...") describe
# what to do; they are shown as advice but not offered as literal replacement text.
INSTRUCTION_WORDS = frozenset({
    "laat", "noem", "beschrijf", "gebruik", "vermeld", "schrap", "verwijder", "vervang", "geef",
    "overweeg", "formuleer", "vraag", "maak", "kies", "zet", "licht",
})


def is_replacement(suggestion: str) -> bool:
    """Whether a suggestion is literal replacement text (not an instruction or a pattern)."""
    words = suggestion.split()
    return bool(words) and "..." not in suggestion and "…" not in suggestion \
        and words[0].lower() not in INSTRUCTION_WORDS


def replacements(suggestions) -> list[str]:
    """The literal replacement texts among ``suggestions``, in order."""
    return [s for s in suggestions if is_replacement(s)]
