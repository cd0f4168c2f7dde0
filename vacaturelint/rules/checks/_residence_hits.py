"""Residence asked as travel time, distance, nearness or region: the finders behind
check residence_distance (rule FNE009), also read by requirements_residence (rule
FNE004: a conditional "woon je in X, ..., is dat ook goed" is silent where the block
already asks this).

- a travel-distance word (reisafstand, fietsafstand, rijafstand, loopafstand,
  reistijd, "N minuten/km (reizen) van") in a sentence that speaks of where the
  candidate lives (woon*, woonplaats, vandaan), that caps the travel time, or that
  says the distance "moet/mag niet te groot/ver zijn" ("de afstand tot Amsterdam
  moet niet te ver zijn");
- nearness without a place: the candidate "woont niet te ver (weg)", "dichtbij",
  "vlakbij" ("wij zoeken iemand die niet te ver weg woont");
- coming from the region: "(je) komt uit de regio", "kandidaten uit de regio",
  "iemand uit deze omgeving", a person noun "uit de randstad" ("Engineer uit de
  randstad").

Silent on the location of the office itself ("ons kantoor ligt op loopafstand
van het station"), on travel offered ("reiskosten vanaf 10 km"), on clients,
products and colleagues ("cliënten uit de regio", "collega's uit de regio"), on
nearness that is no demand ("woon je niet in de buurt?", "dan woon je dichtbij",
"je hoeft niet dichtbij te wonen").
"""

from __future__ import annotations

import re

from vacaturelint.rules import annotate, lists
from vacaturelint.rules.checks._numbers import sentence_tokens, word
from vacaturelint.rules.lazyre import lazy

_KEY = "vacaturelint.residence_hits"


_DISTANCE = lazy(re, r"^(reis|fiets|rij|loop|auto|ov-?)?(afstand|reistijd)$")
_UNIT = {"minuten", "minuutjes", "min", "min.", "kwartier", "km", "kilometer", "kilometers", "uur", "half"}
_LIMIT = {"binnen", "maximaal", "max", "max.", "hooguit", "maximum", "hoogstens", "op", "niet", "korte", "redelijke",
          "acceptabele", "goede", "te", "beperkte"}
# where the candidate lives: the verb and its forms, not housing or care nouns
# ("woonruimte op loopafstand" is an offer; "woonzorgcentrum", "woongroep" are workplaces)
_RESIDE = lazy(re, r"^(woon|woont|wonen|wonend|woont?acht\w*|woonplaats\w*|woonadres|woonomgeving|vandaan)$")
# a bare "afstand" is a residence distance only with a measure or a judging word before it
# ("op 20 km afstand", "op redelijke afstand"), not "op afstand" (remote) or "1,5 m afstand"
_BARE_DISTANCE_BEFORE = lazy(re, r"^(\d+\s*(km|kilometer|min|minuten)|km|kilometer|kilometers|minuten|korte|redelijke|acceptabele|goede|beperkte|bereisbare|reisbare|bereikbare)$")
_REGION = {"regio", "omgeving", "buurt", "omstreken", "directe", "randstad", "streek"}
_REGION_DET = {"de", "het", "jouw", "je", "onze", "deze", "die"}
# "moet/mag niet te ver zijn": a cap on the distance, said as a demand
_MODAL = {"moet", "mag", "moeten", "mogen", "dient", "dienen"}
_CAP = {"maximaal", "max", "max.", "hooguit", "hoogstens", "beperkt"}
_TOO = {"ver", "groot", "lang"}
# nearness of where the candidate lives, without a place ("niet te ver weg", "dichtbij")
_NEAR = {"dichtbij", "vlakbij", "nabij"}
_NEAR_NEXT = {"dicht": "bij", "vlak": "bij"}
# the one who lives near: the candidate ("iemand die dichtbij woont", "je woont niet te ver")
_NEAR_WHO = {"je", "jij", "u", "iemand", "kandidaat", "kandidaten", "sollicitant", "sollicitanten"}
# no demand: a consequence ("dan woon je dichtbij"), a waiver ("je hoeft niet dichtbij te wonen")
_NOT_DEMAND = {"dan", "hoeft", "hoef", "hoeven", "geen", "ongeacht", "maakt", "uit", "ook"}
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
            if w == "afstand" and (token.i == 0 or not _BARE_DISTANCE_BEFORE.match(word(doc[token.i - 1]))) \
                    and not (token.i + 1 < len(doc) and word(doc[token.i + 1]) in {"tot", "naar"}
                             and _modal_cap(sentence_tokens(doc, token.i))):
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
        if not (resides or capped or (_modal_cap(sent) and not words & _WORK_TRAVEL)):
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


def _modal_cap(sent) -> bool:
    """"De (reis)afstand tot Amsterdam moet niet te groot zijn", "mag maximaal 20 km zijn"."""
    words = [word(t) for t in sent]
    if not set(words) & _MODAL:
        return False
    too = any(a == "niet" and b == "te" and c in _TOO for a, b, c in zip(words, words[1:], words[2:]))
    return too or bool(set(words) & _CAP)


def _near_phrase(doc, a: int, b: int) -> tuple[int, int] | None:
    """The nearness words in ``a``..``b``: "niet (te) ver (weg)", "dichtbij", "dicht bij"
    (token range), or None; "niet dichtbij" and "(te) ver weg" without "niet" are no demand."""
    for k in range(a, b):
        w = word(doc[k])
        if w in _NEAR or (w in _NEAR_NEXT and k + 1 < b and word(doc[k + 1]) == _NEAR_NEXT[w]):
            if k > a and word(doc[k - 1]) == "niet":
                return None
            return k, k + (0 if w in _NEAR else 1)
        if w == "ver":
            first = k - 1 if k > a and word(doc[k - 1]) == "te" else k
            if first > a and word(doc[first - 1]) == "niet":
                last = k + 1 if k + 1 < b and word(doc[k + 1]) == "weg" else k
                return first - 1, last
            return None
    return None


def _near_hits(doc):
    for token in doc:
        if word(token) not in {"woon", "woont", "wonen", "wonend"} and not word(token).startswith(("woonacht", "woontacht")):
            continue
        sent = sentence_tokens(doc, token.i)
        # the clause around the verb: up to a comma, colon or question mark
        a = token.i
        while a > sent.start and doc[a - 1].text not in {",", ":", ";", "?", "!"} and token.i - a < 8:
            a -= 1
        b = token.i + 1
        while b < sent.end and doc[b].text not in {",", ":", ";", "?", "!", "."} and b - token.i < 6:
            b += 1
        near = _near_phrase(doc, a, b)
        if near is None:
            continue
        words = [word(t) for t in doc[a:b]]
        if not set(words) & _NEAR_WHO or set(words) & _NOT_DEMAND or _words(sent) & _OTHERS:
            continue
        if any(annotate.referent(doc, t.i) in ("client", "named") for t in doc[a:b]):
            continue
        first = min(near[0], token.i)
        last = max(near[1], token.i)
        # "woon je dichtbij?": the span opens with the verb, as FNE004's conditional does
        if token.i < near[0] and token.i + 1 < b and word(doc[token.i + 1]) in {"je", "jij", "u"}:
            first = token.i
        yield doc[first].idx, doc[last].idx + len(doc[last].text)


def _person_before(doc, i: int, sent) -> bool:
    """Is the job title before "uit" (doc[i]) the candidate sought ("wij zoeken een monteur
    uit de regio", "Ben jij de medewerker uit de omgeving van IJmuiden?"), or the ad's title
    ("Mechanical (Project) Engineer uit de randstad die ...")? Not a partner or colleague
    ("samen met zorgaanbieders uit de buurt", "de accountmanager uit de regio")."""
    if not (doc[i].is_alpha and annotate.is_person_noun(word(doc[i]))):
        return False
    who = annotate.referent(doc, i)
    title = sent.start == 0 and all(t.is_punct or t.text[:1].isupper() for t in doc[sent.start:i + 1])
    return who == "candidate" or (who == "person" and title)


def _region_hits(doc):
    for token in doc:
        if word(token) != "uit" or token.i + 2 >= len(doc):
            continue
        j = token.i + 1
        if word(doc[j]) not in _REGION_DET:
            continue
        j += 1
        if word(doc[j]) == "directe" and j + 1 < len(doc):
            j += 1
        if word(doc[j]) not in _REGION - {"directe"}:
            continue
        sent = sentence_tokens(doc, token.i)
        before = {word(t) for t in doc[max(sent.start, token.i - 3) : token.i]}
        person = token.i > sent.start and _person_before(doc, token.i - 1, sent)
        # who comes from there: the words just before "uit", not the rest of the sentence
        # ("Engineer uit de randstad die ... klanten bezoekt" is about the engineer)
        if not (before & (_FROM_WHO - {"collega", "collega's", "medewerkers", "medewerker"}) or person) \
                or before & _OTHERS \
                or any(annotate.referent(doc, t.i) == "client" for t in doc[max(sent.start, token.i - 3):token.i]):
            continue
        start = token.i - 1 if person or word(doc[token.i - 1]) in {"komt", "kom", "afkomstig", "kandidaten", "kandidaat",
                                                                     "iemand", "sollicitanten"} else token.i
        yield doc[start].idx, doc[j].idx + len(doc[j].text)


def hits(doc) -> list[tuple[int, int]]:
    """The distance, nearness and region demands of ``doc`` as character spans, found once
    per Doc and kept on it (check residence_distance and requirements_residence ask)."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = [*_distance_hits(doc), *_near_hits(doc), *_region_hits(doc)]
    return found
