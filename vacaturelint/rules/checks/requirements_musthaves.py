"""Document check: how many hard must-haves the requirements section lists.

Expert advice (colourfuljobs.nl; werf-en.nl citing an internal HP report, to be
cited with care): many candidates, more often women, apply only when they meet
every demand, so a long list of hard demands without a split into "eisen" and
"wensen" narrows the field. The check finds the requirements section(s) by
heading ("Wat vragen wij", "Functie-eisen", "Profiel", "Wie ben jij", ...),
counts one demand per list item, paragraph line, sentence or ';'-separated part,
and sorts each demand into a wish (pré, bij voorkeur, pluspunt, ...) or a hard
demand. Only demands count: a task section ("Wat ga je doen", "Taken") or an
offer ("Wat bieden wij", "Arbeidsvoorwaarden") is skipped, also when its heading
is glued into a requirements block by a scraper ("... installaties.Aanbod Een
goede baan ..."): counting stops there until the next heading. A list that the
ad repeats (scraped pages often hold the same list twice) counts once.
After an introducing line ("Wij verwachten minimaal:") only the list counts,
not the sketch before it; offer items ("Auto van de zaak", "een bruto maandsalaris
van ...", "wij geven jou veel vrijheid", "bij ons krijg je ..."), the organisation
describing itself ("Wij leveren ...") or the work and its clients ("Het KDV bestaat uit
drie groepen."), what is not needed ("je hebt geen lesbevoegdheid nodig"), the pitch
("... is op zoek naar", "reageren is vrijblijvend") and exclamations are no demands.
An offer heading glued to its first item ("ArbeidsvoorwaardenSalaris ...") ends the
list. An item that repeats part of an item before it ("Afgeronde hbo-opleiding" after
"... moet je beschikken over een afgeronde hbo-opleiding, denk aan ...") and a list the
ad gives in English and in Dutch count once (the longer of the two).

Reported (one finding, on the section heading or the first demand):

- more than ``max_hard`` hard demands (default 9: above that the list no longer
  reads as the few knock-out criteria a job really has);
- or at least ``min_for_split`` hard demands (default 10) and not a single wish,
  nowhere in the document: no separation of "eisen" and "wensen".

Both defaults were calibrated on the development labels (bench/quality/labels):
at 6-8 items the check mostly reported ordinary profiles (precision 1/17 on the
development set); from 10 items on it reports 3 of 91 ads, the labelled one among
them.
"""

from __future__ import annotations

import re

import regex

from vacaturelint.doctext import text_of
from vacaturelint.rules.checks.registry import check
from vacaturelint.rules.lazyre import lazy

OPTIONS = {"max_hard", "min_for_split"}

_REQUIREMENT_HEADING = lazy(re,
    r"\b(wat\s+(vragen|verwachten|zoeken)\s+(wij|we)|wat\s+wij\s+(vragen|verwachten|zoeken)"
    r"|functie-?\s*eisen|functie\s+eisen|eisen|vereisten|requirements|profiel|wie\s+(ben|zoeken)\s+(jij|je|wij|we)"
    r"|wat\s+(breng|neem)\s+(jij|je)\s+mee|wat\s+heb\s+(jij|je)\s+(nodig|in\s+huis)|wat\s+moet\s+(jij|je)\s+in\s+huis\s+hebben"
    r"|jouw\s+(profiel|kwaliteiten|achtergrond)|wie\s+zoeken\s+(wij|we)|dit\s+breng\s+(jij|je)\s+mee|wat\s+zoeken\s+(wij|we)"
    r"|ben\s+jij|competenties|wat\s+kun\s+(jij|je))\b",
    re.IGNORECASE,
)
_NOT_REQUIREMENTS = lazy(re,
    r"\b(bieden|aanbod|arbeidsvoorwaarden|over\s+ons|wie\s+zijn\s+wij|solliciteren|van\s+ons\s+verwachten|verwachten\s+van\s+ons"
    r"|krijg|salaris|procedure|contact)\b",
    re.IGNORECASE,
)
# closing questions and calls to action that trail a requirements list are no demands
_NOT_DEMAND = lazy(re,
    r"\?\s*$|\bsollicit\w*|\breageer\b|\bcontact\b|\bklik\b|\baan\s+de\s+slag\b|\bstuur\b|\bmail\b|\bbel\b|\binteresse\b"
    r"|\bnodig(?:en|t)\s+\w+(?:\s+\w+)?\s+uit\b|\buitnodig\w*|\bbekijk\b|\bvolgende\s+stap\b"
    # the pitch around the list: "BALR. is op zoek naar ...", "Dan ben jij degene die wij zoeken",
    # "Reageren is geheel vrijblijvend"
    r"|\bop\s+zoek\s+naar\b|\bdie\s+(wij|we)\s+zoeken\b|\breageren\b|\bvrijblijvend\b",
    re.IGNORECASE,
)
# not asked: "je hebt geen lesbevoegdheid nodig", "dat we niet op je hoeven te letten"
_NOT_NEEDED = lazy(re,
    r"\bgeen\b[^.;]*\bnodig\b|\b(hoef|hoeft|hoeven)\b[^.;]*\bniet\b|\bniet\b[^.;]*\b(hoef|hoeft|hoeven)\b"
    r"|\bniet\s+(nodig|vereist|verplicht|noodzakelijk)\b",
    re.IGNORECASE,
)
# the organisation offering something to the candidate ("wij geven jou veel verantwoordelijkheid",
# "bij ons krijg je ...", "faciliteren we je in tijd en middelen") and offer items that name the
# candidate ("een keuzebudget van 17% van jouw salaris", "een bruto startsalaris van ...")
_OFFER_TO_CANDIDATE = lazy(re,
    r"\b(krijg|krijgt|ontvang|ontvangt)\s+(je|jij|u)\b|\b(wij|we)\s+(bieden|geven|faciliteren|betalen|vergoeden|zorgen|moedigen)\b"
    r"|\b(bieden|geven|faciliteren|betalen|vergoeden|moedigen)\s+(wij|we)\b|\bkunnen\s+(wij|we)\s+(je|jou|u)\b"
    r"|^(een\s+|het\s+|de\s+)?([\w-]+\s+){0,2}(bruto\s+)?(start|maand|stage)?(salaris|vergoeding|keuzebudget|budget|bijdrage"
    r"|arbeidsovereenkomst|contract|pensioen\w*|vakantiedagen)\b",
    re.IGNORECASE,
)
# a sentence that describes the organisation, the clients or the work, not the candidate:
# "Het KDV bestaat uit drie groepen.", "Onderwijs kent piekmomenten.", "Het onderzoek is van
# belang voor ..." (a finite verb, nobody addressed, no demand word)
_DESCRIPTION_VERB = lazy(re,
    r"\b(is|zijn|bestaat|bestaan|kent|kennen|staat|staan|heeft|hebben|wordt|worden|zal|zullen|geeft|geven|biedt|vangt"
    r"|vindt|vinden|ligt|liggen)\b",
    re.IGNORECASE,
)
_DEMAND_WORD = lazy(re,
    r"\b(vereist\w*|verplicht\w*|noodzakelijk|must|belangrijk|nodig|voorwaarde|gevraagd|essentieel|onmisbaar|required)\b",
    re.IGNORECASE,
)
_WISH = lazy(re,
    r"\b(pr[eé]|pre's|pré's|bij\s+voorkeur|voorkeur|pluspunt|is\s+een\s+plus|mooi\s+meegenomen|meegenomen|strekt\s+tot\s+aanbeveling"
    r"|aanbeveling|voordeel|nice\s+to\s+have|wenselijk|gewenst|niet\s+noodzakelijk|geen\s+must|geen\s+vereiste|zou\s+mooi\s+zijn"
    r"|eventueel|idealiter|liefst|streepje\s+voor)",
    re.IGNORECASE,
)
# sections that describe the work or the offer, not demands on the candidate
_TASK_OR_OFFER_HEADING = lazy(re,
    r"\b(wat\s+(ga|kun)\s+(je|jij)\s+doen|wat\s+je\s+gaat\s+doen|taken|takenpakket|werkzaamheden|functieomschrijving"
    r"|omschrijving|verantwoordelijkheden|jouw\s+rol|over\s+de\s+(functie|baan|rol)|wat\s+houdt\s+de\s+(functie|baan)\s+in"
    r"|de\s+functie|de\s+baan|bieden|aanbod|arbeidsvoorwaarden|wat\s+krijg\s+(je|jij))\b",
    re.IGNORECASE,
)
# an offer or task heading glued into the text of a requirements block
_INLINE_STOP = lazy(re,
    r"^(wat\s+(bieden|krijg)|wij\s+bieden|we\s+bieden|ons\s+aanbod|aanbod|arbeidsvoorwaarden|wat\s+ga\s+(je|jij)\s+doen"
    r"|jouw\s+taken|taken|werkzaamheden|salaris)\b"
    # a heading glued to its first item: "ArbeidsvoorwaardenSalarisniveau ...", "MaandsalarisMin € ..."
    r"|^(arbeidsvoorwaarden|(maand|bruto\s*)?salaris|aanbod|wij\s+bieden)(?-i:[A-Z])"
    r"|\bvan\s+ons\s+(mag|kunt|kan)\s+verwachten\b"
    r"|\b(wat\s+(bieden|krijg)\s+(wij|we|je|jij)|wij\s+bieden\s+(je|jou|u)|we\s+bieden\s+(je|jou|u)"
    r"|wat\s+mag\s+(je|jij)\s+(van\s+ons\s+)?verwachten|arbeidsvoorwaarden\s*:|waarom\s+(zou|kies|werken)\s+(je|jij|bij)"
    r"|dit\s+(bieden|krijg)\s+(wij|we|je|jij)|wat\s+(kunnen|kun)\s+(wij|we|je|jij)\s+((je|jou|van\s+ons)\s+)?(bieden|verwachten))",
    re.IGNORECASE,
)
# an item of the offer that slipped into a requirements list ("Auto van de zaak",
# "Een marktconform salaris"): no demand, unless it speaks to the candidate
_OFFER_ITEM = lazy(re,
    r"\b(salaris\w*|van\s+de\s+zaak|vakantiedagen|vakantiegeld|pensioen\w*|doorgroei\w*|reiskosten\w*|bonus\w*"
    r"|13e\s+maand|dertiende\s+maand|eindejaarsuitkering|sfeer|teamcultuur|bedrijfscultuur|arbeidsvoorwaarden"
    r"|opleidingsmogelijkheden|opleidingsbudget|uitdagende\s+projecten|dienstverband|werkomgeving|werksfeer)\b",
    re.IGNORECASE,
)
_CANDIDATE = lazy(re, r"\b(je|jij|jou|jouw|u|kandidaat)\b", re.IGNORECASE)
# the organisation speaking about itself ("Wij versnellen de energietransitie")
_ORGANISATION = lazy(re, r"\b(we|wij|ons|onze)\b", re.IGNORECASE)
_NORMALISE = lazy(regex, r"[^\p{L}\p{N}]+")
_WISH_HEADING = lazy(re, r"\b(wensen|pr[eé]s?|pre's|pluspunten|nice\s+to\s+have|bonus|extra)\b", re.IGNORECASE)
_CUT = lazy(regex, r"[;•·\n]+|(?<=[.!?])\s*(?=\p{Lu})")
_MIN_WORDS = 2
_LONG_PROSE = 25  # words: a line this long is prose, no list item


def validate_options(options) -> None:
    for key in OPTIONS & set(options):
        value = options[key]
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 100:
            raise ValueError(f"{key} moet een getal van 1 tot 100 zijn")


def _is_requirements(section: str) -> bool:
    return (bool(section) and bool(_REQUIREMENT_HEADING.search(section)) and not _NOT_REQUIREMENTS.search(section)
            and not (_TASK_OR_OFFER_HEADING.search(section) and not _STRONG_REQUIREMENT.search(section)))


# headings that are plainly about demands even when they also name the job ("Functie-eisen")
_STRONG_REQUIREMENT = lazy(re,
    r"\b(eisen|vereisten|requirements|profiel|wat\s+(vragen|verwachten)\s+(wij|we)|wie\s+(ben|zoeken)\s+(jij|je|wij|we)"
    r"|wat\s+(breng|neem)\s+(jij|je)\s+mee)\b",
    re.IGNORECASE,
)


def _demands(doc):
    """Parts of a block that each state one demand: lines and sentences, cut at ';'.

    Sentences are cut by punctuation, not by the parser, so a parse error cannot
    split one demand in two ("Ervaring met pakket 1 is een pré."). Yields
    ``(kind, start, end, piece)``: kind ``demand``, ``intro`` for a line that
    introduces a list ("Wij verwachten minimaal:"), or ``stop`` at a glued-in
    offer or task heading (and then ends)."""
    text = text_of(doc)
    pos = 0
    for m in [*_CUT.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[pos:end].strip(" \t\r\n-–•*")
        if _INLINE_STOP.search(piece):
            yield "stop", 0, 0, piece
            return
        if len(piece.split()) >= _MIN_WORDS and not _NOT_DEMAND.search(piece):
            start = text.index(piece, pos)
            if piece.rstrip().endswith((":", "...", "…")):
                yield "intro", start, start + len(piece), piece
            elif piece.rstrip().endswith("!"):
                pass  # an exclamation ("Geen probleem!") is a pitch, not a demand
            elif _is_demand(piece):
                yield "demand", start, start + len(piece), piece
        if m:
            pos = m.end()


def _is_demand(piece: str) -> bool:
    candidate = _CANDIDATE.search(piece)
    if (_OFFER_ITEM.search(piece) or _ORGANISATION.search(piece)) and not candidate:
        return False  # the offer or the organisation describing itself
    if _NOT_NEEDED.search(piece) or _OFFER_TO_CANDIDATE.search(piece):
        return False
    return not (not candidate and piece.rstrip().endswith(".") and len(piece.split()) >= 4 and _described(piece)
                and not _DEMAND_WORD.search(piece) and not _WISH.search(piece))


_PREPOSITIONS = {"in", "met", "op", "van", "voor", "bij", "om", "door", "naar", "uit", "aan", "als"}
_NOT_FINITE_AFTER = {"in", "te", "bezit", "kunnen", "willen", "moeten", "bereid"}


def _described(piece: str) -> bool:
    """A subject and a finite verb in the first four words ("Het KDV bestaat uit ...",
    "Onderwijs kent ..."); not "In staat om ...", "In het bezit zijn van ..." (no subject)."""
    words = [w.lower() for w in piece.split()[:4]]
    if not words or words[0] in _PREPOSITIONS:
        return False
    return any(k > 0 and _DESCRIPTION_VERB.fullmatch(w) and words[k - 1] not in _NOT_FINITE_AFTER
               for k, w in enumerate(words))


def _section_demands(sections):
    """Demands per requirements section, in order: ``(block_index, start, end, piece, section)``.

    After a glued-in offer or task heading nothing more of that section counts.
    When a section introduces its list ("Wij verwachten minimaal:", "De ideale
    kandidaat ..."), the sketch before the introduction is not counted."""
    groups: list[list] = []
    current = None
    stopped = False
    for index, block, doc in sections:
        if current is None or block.section != current:
            current, stopped = block.section, False
            groups.append([])
        if stopped:
            continue
        for kind, start, end, piece in _demands(doc):
            if kind == "stop":
                stopped = True
                break
            groups[-1].append((kind, index, start, end, piece, block.section))
    for group in groups:
        # a wish introduction ("Het is een pré als je beschikt over:") opens the wishes, it
        # does not cut off the demands before it
        intros = [k for k, entry in enumerate(group) if entry[0] == "intro" and not _WISH.search(entry[4])]
        if intros and sum(1 for entry in group[intros[0]:] if entry[0] == "demand") >= 2:
            group = group[intros[0]:]
        wishes = False
        for kind, index, start, end, piece, section in group:
            if kind == "intro":
                wishes = bool(_WISH.search(piece))
            elif kind == "demand":
                yield index, start, end, piece, section, wishes


class _Item:
    """A requirement list item that the extractor took for a heading (a short line without a
    bullet: "Relevante werkervaring van minimaal 5 jaar", "Archimate 3"): a block view with
    the section of the list it belongs to."""

    kind = "paragraph"

    def __init__(self, section: str) -> None:
        self.section = section


# a heading that announces a list of demands: "Verder beschik je over:", "Wat vragen wij:"
_LIST_OPENER = lazy(re,
    r"(\b(beschik\s+(jij|je)\s+over|(jij|je)\s+beschikt\s+over|(jij|je)\s+hebt|wij\s+vragen|we\s+vragen"
    r"|wij\s+verwachten|we\s+verwachten)\b.*|" + _REQUIREMENT_HEADING.pattern + r".*):$",
    re.IGNORECASE,
)


def _known_other(section: str) -> bool:
    return bool(_NOT_REQUIREMENTS.search(section) or _WISH_HEADING.search(section)
                or (_TASK_OR_OFFER_HEADING.search(section) and not _STRONG_REQUIREMENT.search(section)))


# the metadata lines of a scraped job board page ("Seniority Level", "Employment Type")
_PAGE_METADATA = lazy(re, r"\b(seniority\s+level|employment\s+type|job\s+functions?|industries)\b", re.IGNORECASE)


def _known_heading(section: str) -> bool:
    return bool(_REQUIREMENT_HEADING.search(section) or _NOT_REQUIREMENTS.search(section) or _PAGE_METADATA.search(section)
                or _TASK_OR_OFFER_HEADING.search(section) or _WISH_HEADING.search(section))


def _requirement_blocks(docs):
    """The blocks of requirements sections: ``(index, block, doc)``.

    A plain-text list without bullets loses its items to the extractor's headings: a
    short line followed by text becomes a heading and starts a "section" of its own.
    After a heading that announces the list with a colon ("Verder beschik je over:",
    "Wat vragen wij:"), a heading that is no known heading (requirements, tasks, offer,
    wishes) is an item of that list and its text continues it, as long as its lines read
    as items (no final full stop, at most 25 words); prose (the organisation or the
    offer, "Je komt te werken in ... organisatie.") or a real heading ("Jouw
    persoonlijkheid?", all capitals) closes the list. Without such a colon nothing is
    continued: a heading without one is often the start of something else ("Over X")."""
    found = []
    open_list = None
    for i, (b, d) in enumerate(docs):
        sec = b.section
        if b.kind == "heading" and _LIST_OPENER.search(b.text.strip()) and not _known_other(sec):
            open_list = sec
            continue
        if _is_requirements(sec):  # a requirements section of its own: counted as it is
            if b.kind == "heading":
                open_list = None
            else:
                found.append((i, b, d))
            continue
        if sec != open_list and (not sec or _known_heading(sec)):
            open_list = None
        if open_list is not None:
            if b.kind == "heading":
                line = b.text.strip()
                if line.endswith("?") or line.isupper():  # a real heading ("Jouw persoonlijkheid?")
                    open_list = None
                elif not line.endswith(":"):  # "Kennis en ervaring met:" introduces sub-items
                    found.append((i, _Item(open_list), d))
                continue
            lines = [line.strip() for line in b.text.splitlines() if line.strip()]
            if any(len(line.split()) > _LONG_PROSE or line.endswith((".", "!", "?")) for line in lines):
                open_list = None  # prose: the list is over
                continue
            found.append((i, _Item(open_list), d))
    return found


@check("requirements_musthaves", needs=(), scope="document")
def run(docs, options):
    max_hard = options.get("max_hard", 9)
    min_for_split = options.get("min_for_split", 10)
    hard: list[tuple[int, int, int]] = []
    wishes = 0
    anchor = None
    document_has_wish_heading = False
    sections = _requirement_blocks(docs)
    # A requirements section that has a bulleted list states its demands there; the prose
    # around it (a teaser, a personality sketch, tasks) is not counted as demands.
    if any(b.kind == "list_item" for _, b, _ in sections):
        sections = [(i, b, d) for i, b, d in sections if b.kind == "list_item"]
    for index, (block, doc) in enumerate(docs):
        if block.kind == "heading":
            if _WISH_HEADING.search(block.text):
                document_has_wish_heading = True
            if anchor is None and _is_requirements(block.section):
                anchor = (index, 0, len(text_of(doc).rstrip()))
    seen: list[str] = []
    by_language: dict[str, list] = {"nl": [], "en": []}  # (is_wish, index, start, end)
    for index, start, end, piece, section, after_wish_intro in _section_demands(sections):
        key = " " + _NORMALISE.sub(" ", piece.lower()).strip() + " "
        if _repeated(key, seen):
            continue  # the same list repeated, or an item that repeats part of a sentence before it
        seen.append(key)
        wish = bool(after_wish_intro or _WISH_HEADING.search(section) or _WISH.search(piece))
        by_language[_language(key)].append((wish, index, start, end))
    # an ad that gives its list in English and in Dutch asks it once: the longer version counts
    nl, en = by_language["nl"], by_language["en"]
    counted = (nl if len(nl) >= len(en) else en) if min(len(nl), len(en)) >= _TRANSLATED_MIN else nl + en
    for wish, index, start, end in sorted(counted, key=lambda e: (e[1], e[2])):
        if wish:
            wishes += 1
        else:
            hard.append((index, start, end))
    if not hard:
        return
    if anchor is None or anchor[2] == 0:
        anchor = hard[0]
    count = len(hard)
    if count >= min_for_split and wishes == 0 and not document_has_wish_heading:
        advice = "er staat geen enkele wens of pré bij; maak onderscheid tussen eisen en wensen"
    elif count > max_hard:
        advice = (
            f"meer dan {max_hard} harde eisen schrikt goede kandidaten af; houd alleen de echte knock-outcriteria "
            "als eis en zet de rest onder ‘wensen’ of ‘pré’"
        )
    else:
        return
    wishes_text = "1 wens" if wishes == 1 else f"{wishes} wensen"
    yield anchor[0], anchor[1], anchor[2], {"message_args": {"hard": count, "wishes": wishes_text, "advice": advice}}

_TRANSLATED_MIN = 3  # items in each language before a list counts as given twice
_EN_WORDS = frozenset(["the", "and", "of", "with", "in", "to", "for", "a", "an", "your", "you", "our", "is", "are", "ability", "experience", "skills", "knowledge"])
_NL_WORDS = frozenset(["de", "het", "en", "van", "met", "in", "je", "jij", "een", "voor", "op", "is", "zijn", "bent", "hebt", "ervaring", "kennis"])


def _language(key: str) -> str:
    words = key.split()
    english = sum(w in _EN_WORDS for w in words)
    dutch = sum(w in _NL_WORDS for w in words)
    return "en" if english > dutch else "nl"


def _repeated(key: str, seen: list[str]) -> bool:
    """The same item again, or (three words or more) one contained in an item before it or
    containing one ("Afgeronde HBO/WO opleiding" after "... moet je beschikken over een
    afgeronde HBO/WO opleiding, denk aan ...")."""
    if key in seen:
        return True
    if len(key.split()) < 3:
        return False
    return any((key in other or other in key) and len(other.split()) >= 3 for other in seen)


# First pass: reads text and block structure only, never annotations.
TEXT_ONLY = True
