"""Residence asked as travel time, distance or region ("je woont binnen 30 minuten
van Apeldoorn", "op reisafstand van Zwolle", "je reistijd is maximaal 30 minuten",
"kandidaten uit de regio hebben de voorkeur").

Rule FNE004 (check ``requirements_residence``) reports residence with a place
("woonachtig in de regio Utrecht"); this check reports what that one leaves,
and stays silent on spans it already reports:

- a travel-distance word (reisafstand, fietsafstand, rijafstand, loopafstand,
  reistijd, "N minuten/km (reizen) van") in a sentence that speaks of where the
  candidate lives (woon*, woonplaats, vandaan) or that caps the travel time;
- coming from the region: "(je) komt uit de regio", "kandidaten uit de regio",
  "afkomstig uit de omgeving".

Silent on the location of the office itself ("ons kantoor ligt op loopafstand
van het station"), on travel offered ("reiskosten vanaf 10 km") and on clients
("cliënten uit de regio").
"""

from __future__ import annotations

import re

from vacaturelint.rules import lists
from vacaturelint.rules.checks import requirements_residence
from vacaturelint.rules.checks._numbers import sentence_tokens, word
from vacaturelint.rules.checks.registry import check
from vacaturelint.rules.lazyre import lazy
from vacaturelint.spans import overlaps_any

OPTIONS: set[str] = set()

_DISTANCE = lazy(re, r"^(reis|fiets|rij|loop|auto|ov-?)?(afstand|reistijd)$")
_UNIT = {"minuten", "minuutjes", "min", "min.", "kwartier", "km", "kilometer", "kilometers", "uur", "half"}
_LIMIT = {"binnen", "maximaal", "max", "max.", "hooguit", "maximum", "hoogstens", "op", "niet", "korte", "redelijke",
          "acceptabele", "goede", "te", "beperkte"}
# where the candidate lives: the verb and its forms, not housing or care nouns
# ("woonruimte op loopafstand" is an offer; "woonzorgcentrum", "woongroep" are workplaces)
_RESIDE = lazy(re, r"^(woon|woont|wonen|wonend|woonachtig\w*|woonplaats\w*|woonadres|woonomgeving|vandaan)$")
# a bare "afstand" is a residence distance only with a measure or a judging word before it
# ("op 20 km afstand", "op redelijke afstand"), not "op afstand" (remote) or "1,5 m afstand"
_BARE_DISTANCE_BEFORE = lazy(re, r"^(\d+\s*(km|kilometer|min|minuten)|km|kilometer|kilometers|minuten|korte|redelijke|acceptabele|goede|beperkte|bereisbare|reisbare|bereikbare)$")
_REGION = {"regio", "omgeving", "buurt", "omstreken", "directe"}
_FROM_WHO = {"je", "jij", "u", "kandidaten", "kandidaat", "sollicitanten", "sollicitant", "iemand", "mensen",
             "medewerkers", "medewerker", "collega", "collega's", "komt", "kom", "afkomstig", "bij", "voorkeur"}
_OTHERS = {
    "cliënt", "cliënten", "client", "clienten", "klant", "klanten", "bewoner", "bewoners", "patiënt", "patiënten",
    "leerling", "leerlingen", "deelnemer", "deelnemers", "gasten", "bezoekers", "ondernemers", "bedrijven",
    "producten", "leveranciers", "kinderen", "jongeren", "ouderen", "gezinnen", "huurders", "opdrachtgevers",
} | lists.get("client_nouns")  # rules.yaml lists: client_nouns
# travel for the work itself ("bereid landelijk te werken, maximaal twee uur reistijd")
_WORK_TRAVEL = {"bereid", "landelijk", "projecten", "project", "klanten", "standplaats", "opdrachtgevers"}
_OFFER = {"reiskosten", "reiskostenvergoeding", "vergoeding", "vergoed", "vergoeden", "kilometervergoeding",
          "ligt", "liggen", "gelegen", "bereikbaar", "station", "snelweg", "centrum"}


def _words(sent) -> set[str]:
    return {word(t) for t in sent} | {t.lemma_.lower() for t in sent}


def _distance_hits(doc):
    for token in doc:
        w = word(token)
        if _DISTANCE.match(w):
            if w == "afstand" and (token.i == 0 or not _BARE_DISTANCE_BEFORE.match(word(doc[token.i - 1]))):
                continue
            anchor = token
        elif w in _UNIT and token.i > 0 and (doc[token.i - 1].like_num or word(doc[token.i - 1]) in {"een", "half"}):
            nxt = {word(t) for t in doc[token.i + 1 : token.i + 4]}
            if not nxt & {"van", "vanaf", "rond", "rondom", "reizen", "rijden", "fietsen", "reistijd"}:
                continue
            if token.i + 1 < len(doc) and _DISTANCE.match(word(doc[token.i + 1])):
                continue  # "20 km afstand van ...": the distance word is the anchor
            anchor = token
            if w == "half" and token.i + 1 < len(doc) and word(doc[token.i + 1]) == "uur":
                anchor = doc[token.i + 1]  # "binnen een half uur rijden van ..."
        else:
            continue
        sent = sentence_tokens(doc, token.i)
        words = _words(sent)
        if words & _OTHERS or words & _OFFER:
            continue
        resides = any(_RESIDE.match(word(t)) for t in sent)
        capped = ("reistijd" in w and bool(words & {"maximaal", "max", "max.", "hooguit", "niet", "binnen"})
                  and not words & _WORK_TRAVEL)
        if not (resides or capped):
            continue
        # span: from the limiting word before the number/distance to the place after "van"
        start = anchor.i
        while start > sent.start and (word(doc[start - 1]) in _LIMIT or doc[start - 1].like_num
                                      or _BARE_DISTANCE_BEFORE.match(word(doc[start - 1])) is not None
                                      or word(doc[start - 1]) in _UNIT or word(doc[start - 1]) == "een"):
            start -= 1
        end = anchor.i
        k = anchor.i + 1
        while k < sent.end and k <= anchor.i + 4 and word(doc[k]) in {"reizen", "rijden", "fietsen", "reistijd", "van",
                                                                        "vanaf", "rond", "tot", "naar", "ons", "onze",
                                                                        "het", "de"}:
            k += 1
        if k < sent.end and k > anchor.i + 1 and (doc[k].text[:1].isupper() or word(doc[k]) in {"kantoor", "vestiging",
                                                                                             "locatie", "werkplek"}):
            end = k
        yield doc[start].idx, doc[end].idx + len(doc[end].text)


def _region_hits(doc):
    for token in doc:
        if word(token) != "uit" or token.i + 2 >= len(doc):
            continue
        j = token.i + 1
        if word(doc[j]) not in {"de", "het", "jouw", "je", "onze"}:
            continue
        j += 1
        if word(doc[j]) == "directe" and j + 1 < len(doc):
            j += 1
        if word(doc[j]) not in _REGION - {"directe"}:
            continue
        sent = sentence_tokens(doc, token.i)
        before = {word(t) for t in doc[max(sent.start, token.i - 3) : token.i]}
        if not before & _FROM_WHO or _words(sent) & _OTHERS:
            continue
        start = token.i - 1 if word(doc[token.i - 1]) in {"komt", "kom", "afkomstig", "kandidaten", "kandidaat",
                                                            "iemand", "sollicitanten"} else token.i
        yield doc[start].idx, doc[j].idx + len(doc[j].text)


@check("residence_distance", needs={"lemma", "sents"}, scope="block")
def run(doc, options):
    hits = [*_distance_hits(doc), *_region_hits(doc)]
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


# first pass: a distance or travel-time word, a unit of time or distance, or a region word
# (the shapes the check needs: "N minuten/km/uur ... van|reizen|rijden", "uit de regio")
ANCHORS = [r"afstand|reistijd"
           r"|(?:\d|een|half|twintig|dertig|veertig|tien|vijftien|kwartier)\W*(?:minu\w*|min\.?|kwartier|km|kilomet\w*|uur)\W+"
           r"(?:\w+\W+){0,3}?(?:van|vanaf|rond|rondom|reizen|rijden|fietsen|reistijd)(?!\w)"
           r"|(?<!\w)uit\s+(?:de|het|jouw|je|onze)\s+(?:directe\s+)?(?:regio|omgeving|buurt|omstreken)(?!\w)"]
