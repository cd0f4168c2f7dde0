"""Residence asked as travel time, distance or region ("je woont binnen 30 minuten
van Apeldoorn", "op reisafstand van Zwolle", "je reistijd is maximaal 30 minuten",
"kandidaten uit de regio hebben de voorkeur", "iemand die niet te ver weg woont").

Rule FNE004 (check ``requirements_residence``) reports residence with a place
("woonachtig in de regio Utrecht"); this check reports what that one leaves,
and stays silent on spans it already reports. The finders are in
``_residence_hits`` (read by both checks):

- a travel-distance word in a sentence that speaks of where the candidate lives
  or that caps the travel time or distance;
- the candidate lives "niet te ver (weg)", "dichtbij";
- coming from the region: "kandidaten uit de regio", "iemand uit deze omgeving".

Silent on the location of the office itself, on travel offered and on clients.
"""

from __future__ import annotations

from vacaturelint.rules.checks import requirements_residence
from vacaturelint.rules.checks._numbers import sentence_tokens
from vacaturelint.rules.checks._residence_hits import hits as residence_hits
from vacaturelint.rules.checks.registry import check
from vacaturelint.spans import overlaps_any

OPTIONS: set[str] = set()


@check("residence_distance", needs={"lemma", "sents"}, scope="block")
def run(doc, options):
    hits = residence_hits(doc)
    if not hits:
        return
    # FNE004 already reports a residence demand in this sentence: one finding is enough
    # (its spans are found once per Doc: requirements_residence.spans keeps them on the Doc)
    taken = []
    for s, _e, _ in requirements_residence.spans(doc):
        first = doc.char_span(s, s + 1, alignment_mode="expand")
        if first is not None:
            sent = sentence_tokens(doc, first.start)
            taken.append((sent.start_char, sent.end_char))
    for start, end in hits:
        if overlaps_any(start, end, taken):
            continue
        taken.append((start, end))
        yield start, end, {}


# first pass: a distance or travel-time word, a unit of time or distance, a region word or
# a nearness word (the shapes the check needs: "N minuten/km/uur ... van|reizen|rijden",
# "uit de regio", "niet te ver", "dichtbij")
ANCHORS = [r"afstand|reistijd"
           r"|(?:\d|een|half|twintig|dertig|veertig|tien|vijftien|kwartier)\W*(?:minu\w*|min\.?|kwartier|km|kilomet\w*|uur)\W+"
           r"(?:\w+\W+){0,3}?(?:van|vanaf|rond|rondom|reizen|rijden|fietsen|reistijd)(?!\w)"
           r"|(?<!\w)uit\s+(?:de|het|jouw|je|onze|deze|die)\s+(?:directe\s+)?(?:regio|omgeving|buurt|omstreken|randstad|streek)(?!\w)"
           r"|(?<!\w)(?:niet\s+(?:te\s+)?ver|dichtbij|dicht\s+bij|vlakbij|vlak\s+bij|nabij)(?!\w)"]
