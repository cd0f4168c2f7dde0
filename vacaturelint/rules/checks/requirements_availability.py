"""Availability demanded without a schedule or reason (WOA; indirect sex).

Flags "fulltime beschikbaar", "full-time (36 uur) beschikbaar", "beschikbaar
voor 36 uur per week", "40 uur per week flexibel inzetbaar", "bereid om 5
dagen per week te werken", "flexibel inzetbaar/beschikbaar", "flexibele
inzetbaarheid" and "geen 9-tot-5-mentaliteit".

Silent when the sentence gives a reason ("omdat", "vanwege", "i.v.m.") or a
concrete schedule (clock times, "op (de) zaterdag", a rooster, ploegen,
storingsdienst), or when the sentence right before or after it in the same
line gives the schedule. A fulltime demand with a part-time alternative in the
same sentence ("32/36 uur bespreekbaar", "(minimaal 32 uur)") is silent too. Sentences end at . ! ? ; and line breaks, also in
glued scraped text ("inzetbaar.Je"). Ranges that include part-time ("32-40 uur", "tussen de 28
en 32 uur") are not fulltime demands; an employer offering "een fulltime baan"
is not a demand either (no "beschikbaar/inzetbaar").
"""

from __future__ import annotations

import regex as re

NEEDS = frozenset()
SCOPE = "span"
OPTIONS: set[str] = set()

_F = re.IGNORECASE | re.V1
_FULL = r"(?:full[- ]?time|voltijds?)"
_HOURS = r"(?:3[6-9]|40)"
_PATTERNS = [
    re.compile(rf"\b{_FULL}\s*(?:\([^()\n]{{0,25}}\)\s*)?(?:flexibel\s+)?(?:beschikbaar|inzetbaar)\b", _F),
    re.compile(rf"\b(?:beschikbaar|inzetbaar)\s+(?:voor\s+)?(?:(?:minimaal|minstens|ten\s+minste)\s+)?{_HOURS}\s*(?:uur|u)\b(?:\s+per\s+week|\s+in\s+de\s+week)?", _F),
    re.compile(rf"(?<![\d–-]\s*)(?<!\b(?:tot|en|of|à|a)\s+)\b{_HOURS}\s*(?:uur|u)\s+(?:per\s+week\s+|in\s+de\s+week\s+)?(?:flexibel\s+)?(?:beschikbaar|inzetbaar)\b", _F),
    re.compile(r"\b(?:bereid\s+(?:om\s+|te\s+)?)?(?:5|vijf)\s+dagen\s+(?:per|in\s+de)\s+week\s+(?:te\s+werken|beschikbaar|inzetbaar)\b", _F),
    re.compile(r"\bflexibel\s+(?:inzetbaar|beschikbaar)\b|\bflexibele\s+inzetbaarheid\b", _F),
    re.compile(r"\bg[eé]{2}n\s*\W{0,2}\s*9\s*-?\s*tot\s*-?\s*5\s*-?\s*(?:uurs?\s*-?\s*)?mentaliteit\W?", _F),
]
_SCHEDULE = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\bop\s+(?:de\s+)?(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
    r"|\brooster|\bploeg|\bstoringsdienst|\bpiek|\bconsignatie|\bbereikbaarheidsdienst|\bparttime\s+is\s+bespreekbaar",
    _F,
)
# a part-time alternative next to a fulltime demand ("32/36 uur bespreekbaar", "(minimaal 32 uur)")
_ALTERNATIVE = re.compile(
    r"\bpart-?\s?time\b|\bbespreekbaar\b|\bin\s+overleg\b|\b(?:minimaal|minstens|vanaf)\s+(?:[12]?\d|3[0-5])\s*(?:uur|u)\b", _F
)
_FULLTIME_PATTERNS = 4  # the first four patterns are fulltime/hours demands
_REASON = re.compile(r"\bomdat\b|\bvanwege\b|\bwant\b|\bi\.?\s?v\.?\s?m\.?|\bin\s+verband\s+met\b", _F)
# a sentence ends at . ! ? ; or a line break; "Je.Werk" (glued scraped text) also counts
_END = re.compile(r"[.!?;](?=\s|\p{Lu}|$)|[\n\r]", re.V1)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _END.finditer(text, 0, start)), default=0)
    right_match = _END.search(text, end)
    right = right_match.end() if right_match else len(text)
    return left, right


def _explained(text: str, start: int, end: int) -> bool:
    """A reason in the same sentence, or a schedule in it or in the next one."""
    left, right = _sentence(text, start, end)
    if _REASON.search(text, left, right) or _SCHEDULE.search(text, left, right):
        return True
    if right < len(text) and text[right - 1] not in "\n\r;":
        _, nxt_right = _sentence(text, right + 1, right + 1)
        if _SCHEDULE.search(text, right, nxt_right):
            return True
    if left > 0 and text[left - 1] not in "\n\r;":
        prev_left, _ = _sentence(text, max(0, left - 2), max(0, left - 2))
        if _SCHEDULE.search(text, prev_left, left):
            return True
    return False


def run(doc, options):
    text = doc.text
    taken: list[tuple[int, int]] = []
    for number, pattern in enumerate(_PATTERNS):
        for m in pattern.finditer(text, timeout=1.0):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if _explained(text, start, end):
                continue
            if number < _FULLTIME_PATTERNS:
                left, right = _sentence(text, start, end)
                if _ALTERNATIVE.search(text, left, right):
                    continue
            taken.append((start, end))
            yield start, end, {}

# First pass: a block where no pattern matches holds no finding.
ANCHORS = _PATTERNS
