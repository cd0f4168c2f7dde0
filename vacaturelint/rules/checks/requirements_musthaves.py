"""Document check: how many hard must-haves the requirements section lists.

Expert advice (colourfuljobs.nl; werf-en.nl citing an internal HP report, to be
cited with care): many candidates, more often women, apply only when they meet
every demand, so a long list of hard demands without a split into "eisen" and
"wensen" narrows the field. The check finds the requirements section(s) by
heading ("Wat vragen wij", "Functie-eisen", "Profiel", "Wie ben jij", ...),
counts one demand per list item, paragraph line, sentence or ';'-separated part,
and sorts each demand into a wish (pré, bij voorkeur, pluspunt, ...) or a hard
demand.

Reported (one finding, on the section heading or the first demand):

- more than ``max_hard`` hard demands (default 8: above that the list no longer
  reads as the few knock-out criteria a job really has);
- or at least ``min_for_split`` hard demands (default 6) and not a single wish,
  nowhere in the document: no separation of "eisen" and "wensen".
"""

from __future__ import annotations

import re

import regex

NEEDS = frozenset()
SCOPE = "document"
OPTIONS = {"max_hard", "min_for_split"}

_REQUIREMENT_HEADING = re.compile(
    r"\b(wat\s+(vragen|verwachten|zoeken)\s+(wij|we)|wat\s+wij\s+(vragen|verwachten|zoeken)"
    r"|functie-?\s*eisen|functie\s+eisen|eisen|vereisten|requirements|profiel|wie\s+(ben|zoeken)\s+(jij|je|wij|we)"
    r"|wat\s+(breng|neem)\s+(jij|je)\s+mee|wat\s+heb\s+(jij|je)\s+(nodig|in\s+huis)|wat\s+moet\s+(jij|je)\s+in\s+huis\s+hebben"
    r"|jouw\s+(profiel|kwaliteiten|achtergrond)|wie\s+zoeken\s+(wij|we)|dit\s+breng\s+(jij|je)\s+mee|wat\s+zoeken\s+(wij|we)"
    r"|ben\s+jij|competenties|wat\s+kun\s+(jij|je))\b",
    re.IGNORECASE,
)
_NOT_REQUIREMENTS = re.compile(
    r"\b(bieden|aanbod|arbeidsvoorwaarden|over\s+ons|wie\s+zijn\s+wij|solliciteren|van\s+ons\s+verwachten|verwachten\s+van\s+ons"
    r"|krijg|salaris|procedure|contact)\b",
    re.IGNORECASE,
)
# closing questions and calls to action that trail a requirements list are no demands
_NOT_DEMAND = re.compile(
    r"\?\s*$|\bsollicit\w*|\breageer\b|\bcontact\b|\bklik\b|\baan\s+de\s+slag\b|\bstuur\b|\bmail\b|\bbel\b|\binteresse\b"
    r"|\bnodig(?:en|t)\s+\w+(?:\s+\w+)?\s+uit\b|\buitnodig\w*|\bbekijk\b|\bvolgende\s+stap\b",
    re.IGNORECASE,
)
_WISH = re.compile(
    r"\b(pr[eé]|pre's|pré's|bij\s+voorkeur|voorkeur|pluspunt|is\s+een\s+plus|mooi\s+meegenomen|meegenomen|strekt\s+tot\s+aanbeveling"
    r"|aanbeveling|voordeel|nice\s+to\s+have|wenselijk|gewenst|niet\s+noodzakelijk|geen\s+must|geen\s+vereiste|zou\s+mooi\s+zijn"
    r"|eventueel|idealiter|liefst|streepje\s+voor)",
    re.IGNORECASE,
)
_WISH_HEADING = re.compile(r"\b(wensen|pr[eé]s?|pre's|pluspunten|nice\s+to\s+have|bonus|extra)\b", re.IGNORECASE)
_CUT = regex.compile(r"[;•·]+|(?<=[.!?])\s*(?=\p{Lu})")
_MIN_WORDS = 2


def validate_options(options) -> None:
    for key in OPTIONS & set(options):
        value = options[key]
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 100:
            raise ValueError(f"{key} moet een getal van 1 tot 100 zijn")


def _is_requirements(section: str) -> bool:
    return bool(section) and bool(_REQUIREMENT_HEADING.search(section)) and not _NOT_REQUIREMENTS.search(section)


def _demands(doc):
    """Parts of a block that each state one demand: sentences, cut at ';'.

    Sentences are cut by punctuation, not by the parser, so a parse error cannot
    split one demand in two ("Ervaring met pakket 1 is een pré.")."""
    text = doc.text
    pos = 0
    for m in [*_CUT.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[pos:end].strip(" \t\r\n-–•*")
        if len(piece.split()) >= _MIN_WORDS and not _NOT_DEMAND.search(piece):
            start = text.index(piece, pos)
            yield start, start + len(piece), piece
        if m:
            pos = m.end()


def run(docs, options):
    max_hard = options.get("max_hard", 8)
    min_for_split = options.get("min_for_split", 6)
    hard: list[tuple[int, int, int]] = []
    wishes = 0
    anchor = None
    document_has_wish_heading = False
    sections = [(i, b, d) for i, (b, d) in enumerate(docs) if b.kind != "heading" and _is_requirements(b.section)]
    # A requirements section that has a bulleted list states its demands there; the prose
    # around it (a teaser, a personality sketch, tasks) is not counted as demands.
    if any(b.kind == "list_item" for _, b, _ in sections):
        sections = [(i, b, d) for i, b, d in sections if b.kind == "list_item"]
    for index, (block, doc) in enumerate(docs):
        if block.kind == "heading":
            if _WISH_HEADING.search(block.text):
                document_has_wish_heading = True
            if anchor is None and _is_requirements(block.section):
                anchor = (index, 0, len(doc.text.rstrip()))
    for index, block, doc in sections:
        if _WISH_HEADING.search(block.section):
            wishes += sum(1 for _ in _demands(doc))
            continue
        for start, end, piece in _demands(doc):
            if _WISH.search(piece):
                wishes += 1
            else:
                hard.append((index, start, end))
    if not hard:
        return
    if anchor is None or anchor[2] == 0:
        anchor = hard[0]
    count = len(hard)
    if count > max_hard:
        advice = (
            f"meer dan {max_hard} harde eisen schrikt goede kandidaten af; houd alleen de echte knock-outcriteria "
            "als eis en zet de rest onder ‘wensen’ of ‘pré’"
        )
    elif count >= min_for_split and wishes == 0 and not document_has_wish_heading:
        advice = "er staat geen enkele wens of pré bij; maak onderscheid tussen eisen en wensen"
    else:
        return
    wishes_text = "1 wens" if wishes == 1 else f"{wishes} wensen"
    yield anchor[0], anchor[1], anchor[2], {"message_args": {"hard": count, "wishes": wishes_text, "advice": advice}}

# First pass: reads text and block structure only, never annotations.
TEXT_ONLY = True
