"""Availability demanded without a schedule or reason (WOA; indirect sex).

Flags "fulltime beschikbaar", "full-time (36 uur) beschikbaar", "beschikbaar
voor 36 uur per week", "beschikbaar voor een fulltime dienstverband", "beschikbaarheid
van minimaal 32 uur per week", "40 uur per week flexibel inzetbaar", "bereid om 5
dagen per week te werken", "minimaal 5 dagen per week", "beschikbaar voor een 5-daagse
werkweek", "bereid ... in een 5 daagse werkweek", "flexibel inzetbaar/beschikbaar", "flexibele
inzetbaarheid", "een flexibele opstelling ten opzichte van de werktijden" and "geen
9-tot-5-mentaliteit" in any time form (9-5, 9 tot 17, 9:00 tot 17:00, negen-tot-vijf).

Silent when the sentence gives a reason ("omdat", "vanwege", "i.v.m."), a bounded period
("tijdens deze periode", "de eerste zes weken") or a
concrete schedule (clock times, "op (de) zaterdag", "ma t/m vr", a rooster, ploegen,
storingsdienst), or when the sentence right before or after it in the same
line gives the schedule; for a vague demand (flexibility, "geen 9 tot 5 mentaliteit", not a
fulltime one) shifts named in the list item right before or after it count too ("Flexibel,
geen 9-5 mentaliteit; Bereid om in ochtend-, avond-, nachtshifts te werken"; not "Je bent
beschikbaar op zaterdagen;", one more demand). A fulltime demand with a part-time alternative in the
same sentence ("32/36 uur bespreekbaar", "(minimaal 32 uur)") is silent too. Sentences are
annotate.sentence (they end at . ! ? ; and line breaks), also in
glued scraped text ("inzetbaar.Je"). Ranges that include part-time ("32-40 uur", "tussen de 28
en 32 uur") are not fulltime demands; an employer offering "een fulltime baan"
is not a demand either (no "beschikbaar/inzetbaar"). The demand's own clock times are no
schedule.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from vacaturelint.doctext import text_of
from vacaturelint.rules import annotate
from vacaturelint.rules.checks.registry import check
from vacaturelint.rules.lazyre import lazy
from vacaturelint.spans import overlaps_any

OPTIONS: set[str] = set()

_F = regex.IGNORECASE | regex.V1
_FULL = r"(?:full[- ]?time|voltijds?)"
_HOURS = r"(?:3[6-9]|40)"
# a word starts after a non-word or where a list item is glued on without a mark
# ("woontFulltime (40 uur) inzetbaar"; the tokenizer splits there too, see nlp.GLUED_WORD)
_B = r"(?:\b|(?-i:(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])))"
# office hours as a clock span: "9 tot 5", "9-5", "9 tot 17", "9:00 tot 17:00", "9.00-17.00", "negen-tot-vijf"
# any pair of hours: "geen 7 tot 4 mentaliteit", "geen 8-16 mentaliteit" ask the same as "9 tot 5"
_CLOCK = (r"(?:\d{1,2}(?:[:.][0-5]\d)?(?:\s*uur)?|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf"
          r"|vijven|zessen|zevenen|achten|negenen)")
_OFFICE_HOURS = rf"{_CLOCK}\s*\W?\s*(?:-|–|tot|t/m)\s*\W?\s*{_CLOCK}"
_REGARDING = r"(?:ten\s+opzichte\s+van|t\.?\s?o\.?\s?v\.?|qua|wat\s+betreft|met\s+betrekking\s+tot|m\.?\s?b\.?\s?t\.?|in|rond(?:om)?|betreffende|(?:als|wanneer)\s+het\s+gaat\s+om)"
# The gate of a pattern: words it cannot match without (plain substrings of the lower-cased
# text, or a regex on it): a pattern is tried only where one of them occurs, far cheaper than
# its look-behinds at every position.
_AVAILABLE = ("beschikba", "inzetba")
_FIVE_DAYS = lazy(regex, r"(?:5|vijf)\s+dagen|daagse")


class _Demand(NamedTuple):
    pattern: object  # lazy regex
    needs: object  # tuple of substrings, or a lazy regex on the lower-cased text
    # "fulltime": hours, days or fulltime (explained only by the days and times of the week, and
    # declined by a part-time alternative); "minimum": the same for a minimum that names its own
    # hours ("beschikbaarheid van minimaal 32 uur"); "vague": flexibility demands
    kind: str

    def may_match(self, low: str) -> bool:
        if isinstance(self.needs, tuple):
            return any(word in low for word in self.needs)
        return self.needs.search(low) is not None


_PATTERNS = [
    _Demand(lazy(regex, rf"{_B}{_FULL}\s*(?:\([^()\n]{{0,25}}\)\s*)?(?:flexibel\s+)?(?:beschikbaar|inzetbaar)\b", _F), _AVAILABLE, "fulltime"),
    # "beschikbaar voor 36 uur per week", "beschikbaarheid van 40 uur p.w."
    _Demand(lazy(regex, rf"{_B}(?:beschikbaar(?:heid)?|inzetbaar(?:heid)?)\s+(?:voor\s+|van\s+)?(?:(?:minimaal|minstens|ten\s+minste)\s+)?{_HOURS}\s*(?:uur|uren|u)\b(?:\s+per\s+week|\s+in\s+de\s+week|\s+p\.\s?w\.|\s+p/w\b)?", _F), _AVAILABLE, "fulltime"),
    _Demand(lazy(regex, rf"(?<![\d–-]\s*)(?<!\b(?:tot|en|of|à|a)\s+){_B}{_HOURS}\s*(?:uur|uren|u)\s+(?:per\s+week\s+|in\s+de\s+week\s+)?(?:flexibel\s+)?(?:beschikbaar|inzetbaar)\b", _F), _AVAILABLE, "fulltime"),
    _Demand(lazy(regex, rf"{_B}(?:bereid\s+(?:om\s+|te\s+)?)?(?:5|vijf)\s+dagen\s+(?:per|in\s+de)\s+week\s+(?:te\s+werken|beschikbaar|inzetbaar)\b"
                rf"|{_B}(?:beschikbaar|inzetbaar)\s+(?:voor\s+)?(?:5|vijf)\s+dagen\s+(?:per|in\s+de)\s+week\b", _F), _FIVE_DAYS, "fulltime"),
    # the fulltime job as what the candidate is available for: "beschikbaar voor een fulltime dienstverband"
    # (or the other way round: "voor een fulltime dienstverband beschikbaar")
    _Demand(lazy(regex, rf"{_B}(?:beschikbaar|inzetbaar)\s+(?:voor|in)\s+(?:een\s+)?{_FULL}\s+(?:baan|dienstverband|functie|job|contract|aanstelling|positie)\b"
                rf"|{_B}voor\s+(?:een\s+)?{_FULL}\s+(?:baan|dienstverband|functie|job|contract|aanstelling|positie)\s+(?:beschikbaar|inzetbaar)\b", _F), _AVAILABLE, "fulltime"),
    # a minimum near fulltime: "beschikbaarheid van minimaal 32 uur per week"
    _Demand(lazy(regex, rf"{_B}(?:beschikbaar(?:heid)?|inzetbaar(?:heid)?)\s+(?:van\s+|voor\s+)?(?:minimaal|minstens|ten\s+minste)\s+(?:3[2-5])\s*(?:uur|uren|u)\b(?:\s+per\s+week|\s+in\s+de\s+week)?", _F), _AVAILABLE, "minimum"),
    # a five-day minimum or a five-day week the candidate must be available or willing for:
    # "minimaal 5 dagen per week", "beschikbaar voor een 5-daagse werkweek", "bereid om ... te
    # werken in een 5 daagse werkweek" (an employer offering "een 5-daagse werkweek" is no demand)
    _Demand(lazy(regex, rf"{_B}(?:minimaal|minstens|ten\s+minste)\s+(?:5|vijf)\s+dagen\s+(?:per|in\s+de)\s+week\b"
                rf"|{_B}(?:beschikbaar|inzetbaar)\s+(?:bent\s+|bent\s+voor\s+|voor\s+)?een\s+(?:5|vijf)[- ]?daagse\s+werkweek(?-i:(?![a-zà-ÿ]))"
                rf"|(?<=bereid\w*\s[^.;!?\n]{{0,80}})\bin\s+een\s+(?:5|vijf)[- ]?daagse\s+werkweek(?-i:(?![a-zà-ÿ]))", _F), _FIVE_DAYS, "fulltime"),
    # fulltime work the candidate must be able or willing to do: "je kunt fulltime en in
    # ploegendiensten werken", "bereid om fulltime te werken" (not "je wilt parttime of fulltime
    # werken": a part-time alternative in the sentence declines it)
    _Demand(lazy(regex, rf"{_B}(?:kunt|kan|bereid\s+(?:bent\s+|bent\s+om\s+|om\s+|te\s+)?(?:om\s+)?)\s*{_FULL}"
                rf"(?:\s+(?:en|&)\s+[^.;!?\n]{{0,40}}?)?\s+(?:te\s+)?werken\b", _F), ("full", "voltijd"), "fulltime"),
    _Demand(lazy(regex, rf"{_B}flexibel\s+(?:(?:en|&)\s+(?:snel|direct|per\s+direct|breed)\s+)?(?:inzetbaar|beschikbaar)\b|{_B}flexibele\s+inzetbaarheid\b"
                rf"|(?<!\b(?:we|wij)\s+(?:zijn|blijven)\s+(?:heel\s+|erg\s+|zeer\s+)?){_B}flexibel\s+(?:bent\s+|zijn\s+)?{_REGARDING}\s+(?:(?:instelling|houding|opstelling|karakter)\s+(?:en|&)\s+)?(?:je\s+|jouw\s+|de\s+|het\s+)?"
                rf"(?:werktijden|werkuren|werkdagen|beschikbaarheid|inzetbaarheid|overuren|overwerk|weekend(?:en|s)?|avonden|(?:avond|weekend)diensten|planning\s+en\s+inzet|inzet){_B}"
                # the candidate deployed flexibly, said passively: "jij kan flexibel ingezet worden"
                rf"|(?<=\b(?:je|jij|u)\b[^.;!?\n]{{0,40}}){_B}flexibel\s+(?:(?:kunnen|kan|kunt)\s+)?(?:worden\s+)?(?:ingezet|in\s+te\s+zetten)(?:\s+(?:kunnen\s+)?(?:worden|zijn))?+\b"
                # deployed at several places, not hours: "flexibel ingezet worden op de verschillende werkzalen"
                rf"(?!\s+(?:op|bij|in|binnen|over|voor)\s+(?:de\s+|onze\s+|ons\s+|het\s+)?(?:verschillende|diverse|wisselende|meerdere|andere|alle|overige)\b)", _F), ("flexibe",), "vague"),
    # "geen 9 tot 5 mentaliteit" in any time form: 9-5, 9 tot 17, 9:00 tot 17:00, 9.00-17.00, negen-tot-vijf
    _Demand(lazy(regex, rf"{_B}(?:g[eé]{{2}}n|zonder)\s*\W{{0,2}}\s*(?:\(?half\)?\s*)?{_OFFICE_HOURS}\s*-?\s*(?:uurs?\s*-?\s*)?"
                rf"(?:mentaliteit|instelling|houding)\W?", _F), ("mentalit", "instelling", "houding"), "vague"),
    # flexible hours as something the candidate must not mind: "geen problemen hebben met flexibele
    # werktijden", "de flexibiliteit die we van je vragen (...) op het gebied van werktijden"
    _Demand(lazy(regex, rf"{_B}geen\s+(?:probleem|problemen|moeite|bezwaar)\s+(?:hebt\s+|hebben\s+|heeft\s+)?met\s+(?:de\s+)?"
                rf"flexibele\s+(?:werktijden|werkuren|werkdagen|diensten|roosters?)\b"
                rf"|{_B}(?:de\s+)?flexibiliteit\s+die\s+(?:we|wij)\s+van\s+(?:je|jou)\s+(?:vragen|verwachten)\b"
                rf"[^.!?\n]{{0,80}}?\b(?:werktijden|werkuren|werkdagen|diensten|roosters?)\b", _F), ("flexibiliteit", "flexibele werk", "flexibele dienst", "flexibele roost"), "vague"),
    _Demand(lazy(regex, rf"{_B}flexibele\s+(?:opstelling|instelling|houding)\s+{_REGARDING}\s+(?:je\s+|jouw\s+|de\s+)?"
                rf"(?:werktijden|werkuren|werkdagen|beschikbaarheid|inzetbaarheid|diensten)\b", _F), ("flexibele",), "vague"),
]
# a minimum number of hours or days a week, the candidate's or the job's: "minimaal 32-36 uur per
# week beschikbaar", "vanaf 32 uur beschikbaar per week", "met een minimum van 32 uur per week",
# "minimaal 4 dagen in de week". Not a range with a maximum ("minimaal 32 uur - maximaal 40 uur").
_MINIMUM_WORD = r"(?:minimaal|minimum(?:\s+van)?|minstens|ten\s+minste|tenminste|min\.|vanaf|op\s+zijn\s+minst)"
_WEEKLY = r"(?:\s+(?:per|in\s+de|p/)\s*week\b|\s*/\s*week\b|\s+p\.\s?w\.)"
_MINIMUM = lazy(regex,
    rf"{_B}{_MINIMUM_WORD}\s*(?:(?P<hours>\d{{1,2}})(?:\s*(?:-|–)\s*\d{{1,2}})?\s*(?:uur|uren|u)\b"
    rf"(?:{_WEEKLY}(?:\s+(?:flexibel\s+)?(?:beschikbaar|inzetbaar)\b)?|\s+(?:flexibel\s+)?(?:beschikbaar|inzetbaar)\b(?:{_WEEKLY})?)"
    rf"|(?P<days>[1-7]|vier|vijf|zes|zeven)(?:\s*(?:-|–|à|a|/|of)\s*(?:[1-7]|vijf|zes|zeven))?"
    rf"\s+(?:werk)?dagen{_WEEKLY}(?:\s+(?:beschikbaar|inzetbaar)\b)?)"
    rf"(?![^.;!?\n]{{0,15}}\b(?:maximaal|max\.?|maximum)\b)", _F)
# where _MINIMUM can start: a plain search for its first words, then _MINIMUM.match there (20
# times faster than _MINIMUM.finditer, whose look-behinds run at every position)
_MINIMUM_START = lazy(regex, r"minimaal|minimum|minstens|ten\s+minste|tenminste|min\.|vanaf|op\s+zijn\s+minst",
                      regex.IGNORECASE)


def _minimum_matches(text: str):
    last = 0
    for candidate in _MINIMUM_START.finditer(text):
        if candidate.start() < last:
            continue
        m = _MINIMUM.match(text, candidate.start(), timeout=1.0)
        if m is not None:
            last = m.end()
            yield m


# Thresholds from the development labels: minimums of 32 hours and more were flagged
# (dev-feed, dev-feed7, dev-feed8: "minimaal 32 uur per week", "vanaf 32 uur beschikbaar", "met
# een minimum van 32 uur"; one doubted silent label in dev-feed6), 24 hours and less were kept
# silent three times out of four ("minimaal 24 uur per week beschikbaar", "Minimaal 24 uur
# beschikbaar", "minimaal 16 uur"); four or five days a week were flagged (dev-feed7, dev-feed8),
# three days kept silent (werkstudent, stage).
_MIN_HOURS = 32
_MIN_DAYS = 4
_MAX_HOURS = 60  # "minimaal 80 uur" is no weekly working time
_NUMBER_WORDS = {"vier": 4, "vijf": 5, "zes": 6, "zeven": 7}
# a lower amount offered next to the minimum: "minimaal 32 uur per week. 24/28 uur is ook
# mogelijk"; hours and days with their numbers ("24/28 uur", "3 of 4 dagen")
_AMOUNT = lazy(regex, r"\b(\d{1,2}(?:\s*(?:/|-|–|of|en|à|tot)\s*\d{1,2})*)\s*(?P<unit>uur|uren|u\b|dagen)", _F)
_LOWER_WORDS = lazy(regex, r"\bpart-?\s?time\b|\bdeeltijd|\bminder\s+(?:uur|uren|dagen)\b", _F)
_OPEN_WORDS = lazy(regex, r"\bbespreekbaar\b|\bin\s+overleg\b|\bonderhandelbaar\b", _F)
# the minimum as a condition of the offer: "bij een dienstverband vanaf 32 uur ontvang je",
# "wij bieden een contract van minimaal 36 uur", "een baangarantie van 1 jaar, minimaal 32 uur"
_OFFER = lazy(regex,
    r"\b(?:bied(?:en|t)?|krijg(?:t|en)?|ontvang(?:t|en)?|vergoed\w*|toeslag\w*|salaris\w*|bij\s+een"
    r"|op\s+basis\s+van|o\.?\s?b\.?\s?v\.?|\w*garan(?:tie|deren|deert)\w*)\b", _F)
# the minimum as the size of the job on offer: "het betreft een dienstverband van minimaal 32 uur",
# "een fulltime werkweek van minimaal 32 uur", "een fulltime functie (voor minimaal 32 uur per week)"
# (not "een functie van een jaar en voor minimaal 4 dagen": the minimum stands on its own there)
_JOB_SIZE = lazy(regex,
    r"\b(?:functie|baan|job|dienstverband|contract|arbeidscontract|aanstelling|werkweek|positie)\s*\(?\s*"
    r"(?:(?:van|voor|met)\s+(?:een\s+)?)?$", _F)
_SCHEDULE = lazy(regex,
    r"\b\d{1,2}[:.]\d{2}\b"
    # clock hours without minutes: "tussen 9 – 5", "tussen 8 en 17 uur" (not "tussen 16 en 24 uur per week")
    r"|\btussen\s+(?:[01]?\d|2[0-4])\s*(?:uur\s*)?(?:-|–|en)\s*(?:[01]?\d|2[0-4])\b(?!\s*(?:uur|uren|u)\s+(?:per|in\s+de|p/))"
    r"|\bop\s+(?:de\s+)?(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
    r"|\b(?:ma(?:andag)?|di(?:nsdag)?)\.?\s*(?:t/m|tot\s+en\s+met|-|–)\s*vr(?:ij(?:dag)?)?\b"
    r"|\bstoringsdienst|\bconsignatie|\bbereikbaarheidsdienst|\bparttime\s+is\s+bespreekbaar",
    _F,
)
# a shift system or peak times explain a vague flexibility demand, not a fulltime one ("je kunt
# fulltime en in ploegendiensten werken": the shifts are concrete, the fulltime demand is not
# explained; "fulltime beschikbaar en flexibel tijdens piekmomenten": the peaks explain the
# flexibility only). "nachtservice" is "nachtdienst" in translated feed text.
_SHIFTS = lazy(regex,
    r"\brooster|\bploeg|\bnacht(?:dienst|diensten|service|werk|chauffeur|ploeg)\w*|\b(?:twee|drie|vier|vijf|volcontinu)[- ]?ploeg|\bpiek"
    # named shifts: "ochtend-, avond-, nacht-, weekendshifts", "nachtshift"
    r"|\b(?:ochtend|avond|nacht|weekend|dag|vroege|late)[- ]?shifts?\b|\b(?:ochtend|avond|nacht|weekend)\w*shifts?\b",
    _F,
)
# a part-time alternative next to a fulltime demand ("32/36 uur bespreekbaar", "(minimaal 32 uur)")
_ALTERNATIVE = lazy(regex,
    r"\bpart-?\s?time\b|\bbespreekbaar\b|\bin\s+overleg\b|\b(?:minimaal|minstens|vanaf)\s+(?:[12]?\d|3[0-5])\s*(?:uur|u)\b", _F
)
# a bounded period the availability is asked for: "tijdens deze periode (de inwerktraining)
# fulltime beschikbaar", "de eerste zes weken": not the working week of the job
_PERIOD = lazy(regex,
    r"\b(?:tijdens|gedurende)\s+(?:deze|die|de|het|je|jouw|uw)\s+(?:periode|training|opleiding|inwerk\w*|cursus|proeftijd|leertraject|opleidingstraject)\b"
    r"|\b(?:de\s+)?eerste\s+(?:\d{1,2}|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+(?:weken|maanden|dagen)\b", _F)
# the period the availability is asked for, right before the demand: "je bent 4-6 maanden
# fulltime beschikbaar" (an internship's length), not the working week of a job
_PERIOD_BEFORE = lazy(regex,
    r"\b(?:\d{1,2}(?:\s*(?:-|–|à|a|tot)\s*\d{1,2})?|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf)\s+"
    r"(?:maanden|weken)\s+(?:lang\s+)?$", _F)
# the kinds of shifts named in brackets right after a vague demand: "flexibel inzetbaar
# (weekenden, feestdagen en avonden)" says when; "(onregelmatige diensten)" does not
_SHIFT_KINDS = lazy(regex,
    r"\s*\([^()\n]{0,60}?\b(?:weekend\w*|avond\w*|nacht\w*|feestdag\w*|ochtend\w*|(?:vroege|late)\s+(?:diensten|shifts?))\b[^()\n]{0,40}\)", _F)
_REASON = lazy(regex, r"\bomdat\b|\bvanwege\b|\bwant\b|\bi\.?\s?v\.?\s?m\.?|\bin\s+verband\s+met\b", _F)


def _explained(doc, start: int, end: int, fulltime: bool = False) -> bool:
    """A reason in the same sentence, or a schedule in it or in the next one (or the one
    before), when those are not cut off by a line break or ';'. A fulltime demand is explained
    by the days and times of its week only, not by shifts or peaks."""
    text = text_of(doc)
    chars = annotate.sentence_chars(doc)
    left, right, first, last = annotate.sentence_char_bounds(doc, start, end)
    # "want" gives the reason for what comes before it: a demand inside the want-clause ("nou,
    # bijna dan, want het is belangrijk dat je minimaal 32 uur beschikbaar bent") is not explained
    if any(m.group().lower() != "want" or m.start() >= end for m in _REASON.finditer(text, left, right)):
        return True
    if _PERIOD.search(text, left, right):
        return True
    # the demand's own clock times ("geen 9:00 tot 17:00 mentaliteit") are no schedule
    if _schedule(text, left, start, fulltime) or _schedule(text, end, right, fulltime):
        return True
    # a vague demand (flexibility, "geen 9 tot 5 mentaliteit") is made concrete by the list item
    # right after or before it too ("Flexibel, geen 9-5 mentaliteit; Bereid om in ochtend-,
    # avond-, nachtshifts te werken"); a fulltime demand only by its own prose sentence
    if last + 1 < len(chars) and not _hard_break(text, right) and _schedule(text, *chars[last + 1], fulltime):
        return True
    if first > 0 and not _hard_break(text, left) and _schedule(text, *chars[first - 1], fulltime):
        return True
    if fulltime:
        return False
    # the next or previous list item names the shifts (a bullet on its own, "· ", is no item);
    # a day there ("Je bent beschikbaar op zaterdagen;") is one more demand, no schedule
    nxt, prev = _wordy(text, chars, last + 1, 1), _wordy(text, chars, first - 1, -1)
    return any(0 <= k < len(chars) and _SHIFTS.search(text, *chars[k]) is not None for k in (nxt, prev))


def _wordy(text: str, chars, k: int, step: int) -> int:
    """The first sentence from ``k`` in direction ``step`` that holds a word (at most two
    bullet-only sentences skipped)."""
    for _ in range(3):
        if not 0 <= k < len(chars) or any(c.isalnum() for c in text[chars[k][0]:chars[k][1]]):
            return k
        k += step
    return k


def _schedule(text: str, start: int, end: int, fulltime: bool) -> bool:
    if _SCHEDULE.search(text, start, end):
        return True
    return not fulltime and _SHIFTS.search(text, start, end) is not None


# "de flexibele inzetbaarheid van de werknemers": somebody else's availability, not a demand on
# the candidate (the wachtchef deploys it)
_OF_WHOM = lazy(regex, r"\s+van\s+(?:de\s+|het\s+|onze\s+|ons\s+|alle\s+|zijn\s+|haar\s+|hun\s+)?(\w+)", _F)


def _others(text: str, end: int) -> bool:
    m = _OF_WHOM.match(text, end)
    if m is None:
        return False
    word = m.group(1).lower()
    return word not in ("je", "jou", "jezelf") and (annotate.is_person_noun(word) or word in ("team", "personeel"))


def _hard_break(text: str, cut: int) -> bool:
    """Is the sentence boundary at ``cut`` a line break or ';' (list items, not prose)?"""
    return any(c in "\n\r;" for c in text[max(0, cut - 3):cut])


def _minimum(m) -> tuple[str, int] | None:
    """The unit and amount of a minimum demand, when it is at or above the threshold."""
    if m.group("hours"):
        hours = int(m.group("hours"))
        return ("uur", hours) if _MIN_HOURS <= hours <= _MAX_HOURS else None
    days = m.group("days").lower()
    days_n = _NUMBER_WORDS.get(days) or int(days)
    return ("dagen", days_n) if days_n >= _MIN_DAYS else None


def _lower_offered(doc, start: int, end: int, unit: str, amount: int) -> bool:
    """After the minimum, in its sentence or the next: part-time, a lower amount ("24/28 uur
    is ook mogelijk"), or "bespreekbaar/in overleg" when no other amount is named there
    ("maar 40 uur is ook bespreekbaar" offers more, not less)."""
    text = text_of(doc)
    chars = annotate.sentence_chars(doc)
    left, right, _first, last = annotate.sentence_char_bounds(doc, start, end)
    stop = chars[last + 1][1] if last + 1 < len(chars) else right
    after = text[end:stop]
    if _LOWER_WORDS.search(text, left, stop):
        return True
    amounts = [(found.group("unit").lower().startswith("dag"), found.group(1)) for found in _AMOUNT.finditer(after)]
    same = [numbers for is_days, numbers in amounts if is_days == (unit == "dagen")]
    if any(int(n) < amount for numbers in same for n in regex.findall(r"\d+", numbers)):
        return True
    return not same and _OPEN_WORDS.search(after) is not None


def _minimum_hits(doc, text: str, taken: list[tuple[int, int]], declined: list[tuple[int, int]]):
    for m in _minimum_matches(text):
        start, end = m.span()
        if overlaps_any(start, end, taken) or overlaps_any(start, end, declined):
            continue
        found = _minimum(m)
        if found is None or _explained(doc, start, end, fulltime=True):
            continue
        left, _right, _, _ = annotate.sentence_char_bounds(doc, start, end)
        if (_OFFER.search(text, left, start) or _JOB_SIZE.search(text, left, start)
                or _lower_offered(doc, start, end, *found)):
            continue
        taken.append((start, end))
        yield start, end, {}


@check("requirements_availability", needs=(), scope="block")
def run(doc, options):
    text = text_of(doc)
    taken: list[tuple[int, int]] = []
    declined: list[tuple[int, int]] = []  # matched by a pattern above and judged not a demand
    low = text.lower()
    for demand in _PATTERNS:
        if not demand.may_match(low):
            continue
        fulltime = demand.kind != "vague"
        for m in demand.pattern.finditer(text, timeout=1.0):
            start, end = m.span()
            if overlaps_any(start, end, taken):
                continue
            if _explained(doc, start, end, fulltime=fulltime):
                declined.append((start, end))
                continue
            if _others(text, end):
                declined.append((start, end))
                continue
            if _PERIOD_BEFORE.search(text[max(0, start - 30):start]) or (
                    not fulltime and _SHIFT_KINDS.match(text, end)):
                declined.append((start, end))
                continue
            if fulltime:
                left, right, _, _ = annotate.sentence_char_bounds(doc, start, end)
                # the minimum demand's own "minimaal 32 uur" is no alternative to itself
                own = demand.kind == "minimum"
                if (_ALTERNATIVE.search(text, left, start if own else right)
                        or (own and _ALTERNATIVE.search(text, end, right))):
                    declined.append((start, end))
                    continue
            taken.append((start, end))
            yield start, end, {}
    yield from _minimum_hits(doc, text, taken, declined)

class _Anchor:
    """First pass: a block where no pattern matches holds no finding."""

    @staticmethod
    def search(text: str) -> bool:
        low = text.lower()
        return (any(demand.may_match(low) and demand.pattern.search(text) for demand in _PATTERNS)
                or next(_minimum_matches(text), None) is not None)


ANCHORS = [_Anchor()]
