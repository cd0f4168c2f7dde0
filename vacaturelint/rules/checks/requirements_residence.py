"""Place of residence asked of the candidate ("woonachtig in", "je woont in de
omgeving van", "binnen een straal van 10 km", "je komt uit X of omgeving").

Token-based (no parse needed, so robust to parser errors):

- a residence word (woonachtig, wonend, woont, woon, wonen) followed within a
  few tokens by a preposition (in, binnen, rond, nabij, tussen) and then by a
  place: a proper-looking name, or a word such as omgeving, regio, straal,
  buurt, omstreken, rayon;
- the same with the verb at the end ("in de directe omgeving woont");
- "kom/komt uit X of omgeving/omstreken/regio".

Silent when the one who lives there is someone else: a name or a third person
right before the verb ("Sanne woont in", "cliënten die wonen in", "ze woont"),
and for vague nearness without a place ("dan woon je dichtbij").
"""

from __future__ import annotations

import re

from vacaturelint.rules import annotate, lists
from vacaturelint.rules.checks._residence_hits import hits as residence_hits
from vacaturelint.rules.checks.registry import check

OPTIONS: set[str] = set()

_RESIDE = {"woonachtig", "wonend", "woont", "woon", "wonen"}
_PREP = {"in", "binnen", "rond", "rondom", "nabij", "tussen", "in-", "omgeving", "regio", "te", "dichtbij", "bij"}
_PLACE_WORDS = {
    "omgeving", "regio", "straal", "buurt", "omstreken", "rayon", "nabijheid", "gemeente", "provincie",
    "stad", "randstad", "nederland", "km", "kilometer", "postcodegebied", "werkgebied", "driehoek",
    "noorden", "zuiden", "oosten", "westen", "midden",  # "woonachtig in het zuiden van het land"
}
_OTHERS = {
    "ze", "zij", "hij", "cliënt", "cliënten", "client", "clienten", "bewoner", "bewoners", "mensen", "kinderen",
    "jongeren", "ouderen", "patiënten", "patienten", "deelnemers", "gezinnen", "klanten", "wij", "we", "collega's",
    "medewerkers", "leerlingen", "ouders", "sommigen", "anderen", "iedereen", "studenten", "gasten", "huurders",
} | lists.get("client_nouns")
_COME = {"kom", "komt"}
# where the candidate lives named by a noun: "(je hebt) een woning in Dronten of in de omgeving
# van Dronten", "je woonplaats ligt in de regio Utrecht"; not housing offered or sought
_HOME = {"woning", "woonplaats", "woonadres"}
_HOME_LINK = {"ligt", "is", "moet", "dient", "bij", "voorkeur", "in", "binnen"}
_HOUSING_OFFER = {"bieden", "biedt", "bied", "regelen", "regelt", "vinden", "zoeken", "zoekt", "huisvesting", "hulp",
                  "helpen", "beschikbaar", "huur", "huren", "verhuur", "verhuren", "aangeboden", "koop", "kopen",
                  "ter", "tijdelijke", "woningen", "woningcorporatie", "corporatie",
                  "reiskosten", "reiskostenvergoeding", "vergoed", "vergoeding", "vergoeden"}
# a capitalised word after one of these is a place, not the one who lives there
_PLACE_PREPOSITIONS = {"van", "in", "rond", "rondom", "nabij", "bij", "uit", "te", "om"}
_VICINITY = {"omgeving", "omstreken", "regio", "buurt"}
_WINDOW = 9


# "woonachtig" and its misspellings ("woonachting", "woonachtige", "woontachtig")
_WOONACHTIG = re.compile(r"^woont?acht")


def _residence_word(low: str) -> str:
    """``low``, with a misspelt "woonachtig" ("woonachting", "woonachtige", "woontachtig") read
    as that word."""
    return "woonachtig" if _WOONACHTIG.match(low) else low


def _is_place(token, sentence_start: int) -> bool:
    if token.lower_ in _PLACE_WORDS or token.lemma_.lower() in _PLACE_WORDS:
        return True
    text = token.text
    return (
        token.i > sentence_start
        and text[:1].isupper()
        and len(text) > 1
        and token.lower_ not in {"je", "jij", "u", "jouw", "uw"}
    )


def _both_genders(doc, k: int, sentence_start: int) -> bool:
    """"hij of zij", "zij of hij", "hij en/of zij": the generic candidate, not a third person."""
    pair = {"hij", "zij"}
    w = doc[k].lower_
    if w not in pair:
        return False
    other = (pair - {w}).pop()
    after = [t.lower_ for t in doc[k + 1:k + 4]]
    before = [t.lower_ for t in doc[max(sentence_start, k - 3):k]]
    return (len(after) >= 2 and after[0] in {"of", "en/of", "/"} and after[1] == other) \
        or (len(before) >= 2 and before[-1] in {"of", "en/of", "/"} and before[-2] == other)


def _someone_else(doc, verb, sentence_start: int) -> bool:
    # an infinitive reaches further back to whom it is about: "(geeft) jonge mensen de kans om
    # in Amsterdam te wonen"
    width = 10 if verb.i > sentence_start and doc[verb.i - 1].lower_ == "te" else 4
    for k in range(max(sentence_start, verb.i - width), verb.i):
        if doc[k].lower_ in _OTHERS and not _both_genders(doc, k, sentence_start):
            return True
    # the subject after the verb: "aan de Stan Kentonlaan in Beverwijk wonen 17 volwassen cliënten"
    # (up to a punctuation mark: "... omgeving wonen, omdat we graag ..." is another clause)
    if verb.lower_ == "wonen":
        for t in doc[verb.i + 1:min(len(doc), verb.i + 5)]:
            if t.is_punct:
                break
            if t.lower_ in _OTHERS:
                return True
    # a person of ours: "onze andere monteur woont in Zuid-West", "mijn collega woont ..."
    for k in range(max(sentence_start, verb.i - 4), verb.i - 1):
        if doc[k].lower_ in _OURS and any(annotate.is_person_noun(t.lower_) for t in doc[k + 1:min(verb.i, k + 4)]):
            return True
    if verb.i - 1 >= sentence_start:
        prev = doc[verb.i - 1]
        if prev.i > sentence_start and prev.text[:1].isupper() and prev.is_alpha and prev.lower_ not in {"je", "jij", "u"} \
                and not _after_place_preposition(doc, prev.i, sentence_start):
            return True  # "Sanne woont in ...", not "... van Waalwijk woont", "in Noord Oost Nederland woont"
    return False


_OURS = {"onze", "ons", "mijn", "zijn", "haar", "hun"}


def _after_place_preposition(doc, i: int, sentence_start: int) -> bool:
    """Is capitalised token ``i`` the end of a place name after a place preposition ("van
    Waalwijk", "in Noord Oost Nederland", "in Midden- en West-Brabant")?"""
    k = i - 1
    while k > sentence_start and (doc[k].text[:1].isupper() or doc[k].text in {"-", "en", "of"}) \
            and doc[k].lower_ not in _PLACE_PREPOSITIONS and i - k < 5:
        k -= 1
    return k >= sentence_start and doc[k].lower_ in _PLACE_PREPOSITIONS


_COORD = {",", "en", "&", "/"}


def _in_name(doc, token, sentence_start: int) -> bool:
    """A capitalised residence word inside a capitalised coordination is a name, not a
    demand: "centrum voor Revalidatie, Wonen en Opleiden in IJmuiden", "Zorg & Wonen". Only
    the noun "Wonen": a capitalised "Woonachtig" after a comma is a glued list item."""
    if token.lower_ != "wonen" or token.i <= sentence_start or not token.text[:1].isupper() or token.text.isupper():
        return False

    def capital(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].is_alpha and doc[k].text[:1].isupper() and k >= sentence_start

    before = token.i - 1
    after = token.i + 1
    return (doc[before].lower_ in _COORD and capital(before - 1)) or (
        after < len(doc) and doc[after].lower_ in _COORD and capital(after + 1))


_PREFERENCE = {"voorkeur", "liefst", "liefste", "graag", "idealiter", "ook", "(", ")"}


def _starts_preference(doc, k: int, s_end: int) -> bool:
    """Token ``k`` is part of a preference word ("bij voorkeur", "het liefst", "graag", a
    bracket), not the preposition of the place."""
    low = doc[k].lower_
    if low in _PREFERENCE:
        return True
    nxt = doc[k + 1].lower_ if k + 1 < s_end else ""
    return (low == "bij" and nxt == "voorkeur") or (low == "het" and nxt in {"liefst", "liefste"})


def _preference_width(doc, start: int, s_end: int) -> int:
    """How many preference tokens stand among the first tokens after the verb."""
    return sum(1 for k in range(start, min(s_end, start + 5)) if _starts_preference(doc, k, s_end))


def _to_named_place(doc, found, s_start: int, s_end: int):
    """A span ending on a vicinity word inside brackets runs on to the place it is near,
    over the closing bracket: "woon je in (of in de buurt van) Diemen", not "... in (of in
    de buurt"."""
    first, last = found
    k = last.i + 1
    if last.lower_ not in _VICINITY | {"nabijheid"} or k + 2 >= s_end or doc[k].lower_ != "van" \
            or doc[k + 1].text != ")":
        return found
    k += 2
    if _is_place(doc[k], s_start):
        return first, doc[k]
    return found


def _come_from_vicinity(doc, come, s_start: int, s_end: int):
    """"je komt uit omgeving Amsterdam", "jij komt uit de regio Utrecht": the candidate (je, jij,
    u right before the verb) from the vicinity of a named place; the place token, or
    None. Not "je komt uit de horeca", nor a product or a colleague from the region."""
    before = doc[come.i - 1].lower_ if come.i > s_start else ""
    if before not in {"je", "jij", "u"}:
        return None
    k = come.i + 2
    if k < s_end and doc[k].lower_ in {"de", "het"}:
        k += 1
    if k >= s_end or doc[k].lower_ not in _VICINITY:
        return None
    k += 1
    if k < s_end and doc[k].lower_ == "van":
        k += 1
    if k < s_end and doc[k].text[:1].isupper() and doc[k].is_alpha:
        return doc[k]
    return None


def _sentence_bounds(doc, token) -> tuple[int, int]:
    sent = annotate.sentence(doc, token.i)
    return sent.start, sent.end


_KEY = "vacaturelint.requirements_residence"


@check("requirements_residence", needs={"sents"}, scope="block")
def run(doc, options):
    yield from spans(doc)


def spans(doc) -> list[tuple[int, int, dict]]:
    """The residence demands of ``doc``, found once per Doc and kept on it: rule FNE004 and
    check residence_distance (which stays silent where FNE004 reports) both ask."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = _one_per_demand(doc, list(_find(doc)))
    return found


def _conditional(doc, start: int) -> tuple[int, int] | None:
    """The sentence (character range) of the span at character ``start`` when the span opens
    a condition with "woon je/jij/u" at the head of a clause ("En woon je in Heemskerk, ...";
    not "Bij voorkeur woon je in ..."), else None."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None:
        return None
    i = first.start
    if doc[i].lower_ not in {"woon", "woont"} or i + 1 >= len(doc) or doc[i + 1].lower_ not in {"je", "jij", "u"}:
        return None
    sent = annotate.sentence(doc, i)
    if i > sent.start and not (doc[i - 1].is_punct or doc[i - 1].lower_ in {"en", "of", "maar"}):
        return None
    return sent.start_char, sent.end_char


def _one_per_demand(doc, found: list) -> list:
    """One finding per demand: a condition that widens a demand the block already states in
    another sentence ("Wij zoeken iemand die niet te ver weg woont. ... En woon je in
    Heemskerk, Heemstede of Bergen, is dat ook goed") is silent; alone ("Woon je in de regio
    Zwolle?") it stays."""
    conditional = [_conditional(doc, s) for s, _e, _ in found]
    if not any(conditional):
        return found
    demands = [(s, e) for (s, e, _), cond in zip(found, conditional) if cond is None]
    if doc.has_annotation("LEMMA"):  # FNE009 runs (it needs lemmas): its demands count too
        demands += residence_hits(doc)
    return [span for span, cond in zip(found, conditional)
            if cond is None or not any(e <= cond[0] or s >= cond[1] for s, e in demands)]


def _home_span(doc, token, s_start: int, s_end: int):
    """"een woning in Dronten of in de omgeving van Dronten", "je woonplaats ligt in de
    regio Utrecht": (first, last) token, or None. A "woning" needs the "X of omgeving"
    shape (a house in a place is often the offer); nobody else's home, no housing offer."""
    k = token.i + 1
    while k < s_end and k <= token.i + 4 and doc[k].lower_ in _HOME_LINK and doc[k].lower_ not in {"in", "binnen"}:
        k += 1
    if k >= s_end or doc[k].lower_ not in {"in", "binnen"}:
        return None
    words = {t.lower_ for t in doc[s_start:s_end]}
    if words & _HOUSING_OFFER or words & _OTHERS:
        return None
    before = [t.lower_ for t in doc[max(s_start, token.i - 2):token.i]]
    if set(before) & {"vanaf", "van", "naar", "tussen", "uit"}:
        return None  # travel from home: "reistijd vanaf je woonplaats in ..."
    place = next((m for m in range(k + 1, min(s_end, k + 5)) if _is_place(doc[m], s_start)), None)
    if place is None:
        return None
    for m in range(place + 1, min(s_end - 1, place + 3)):
        if doc[m].lower_ == "of":
            for n in range(m + 1, min(s_end, m + 5)):
                if doc[n].lower_ in _VICINITY:
                    first = doc[token.i - 1] if token.i > s_start and doc[token.i - 1].lower_ in {"een", "je", "jouw", "uw"} else token
                    return first, doc[n]
            break
    if token.lower_ == "woning":
        return None
    return token, doc[place]


def _with_work(doc, verb, s_start: int, s_end: int) -> bool:
    """"(om) in Portugal te werken en wonen", "te wonen en (te) werken": living joined to the
    work is where the job is (a job abroad, moving for it), not where the candidate must live."""
    before = [t.lower_ for t in doc[max(s_start, verb.i - 3):verb.i]]
    after = [t.lower_ for t in doc[verb.i + 1:min(s_end, verb.i + 4)]]
    return before[-3:] == ["te", "werken", "en"] or (
        before[-1:] == ["te"] and after[:1] == ["en"] and "werken" in after[1:3])


def _find(doc):
    taken = -1
    for token in doc:
        if token.i <= taken:
            continue
        low = _residence_word(token.lower_)
        if low in _HOME:
            s_start, s_end = _sentence_bounds(doc, token)
            home = _home_span(doc, token, s_start, s_end)
            if home is not None:
                taken = home[1].i
                yield home[0].idx, home[1].idx + len(home[1].text), {}
            continue
        if low not in _RESIDE and low not in _COME:
            continue
        s_start, s_end = _sentence_bounds(doc, token)
        if low in _COME and token.i + 1 < s_end and doc[token.i + 1].lower_ == "uit":
            for k in range(token.i + 2, min(s_end - 1, token.i + 7)):
                if doc[k].lower_ in {"of", "en"} and doc[k + 1].lower_ in _VICINITY:
                    end = doc[k + 1]
                    taken = end.i
                    yield token.idx, end.idx + len(end.text), {}
                    break
            else:
                end = _come_from_vicinity(doc, token, s_start, s_end)
                if end is not None:
                    taken = end.i
                    yield token.idx, end.idx + len(end.text), {}
            continue
        if low not in _RESIDE:
            continue
        if _in_name(doc, token, s_start):
            continue
        if low != "woonachtig" and low != "wonend" and _someone_else(doc, token, s_start):
            continue
        if low == "wonen" and _with_work(doc, token, s_start, s_end):
            continue
        found = None
        # forward: "woonachtig in de regio X", "woon je binnen een straal van 10 km"
        # a preference word between verb and preposition ("woon je bij voorkeur in (of in de
        # buurt van) Diemen", "woont het liefst in") widens the window and is no preposition
        extra = _preference_width(doc, token.i + 1, s_end)
        limit = min(s_end, token.i + _WINDOW + extra)
        for k in range(token.i + 1, min(limit, token.i + 4 + extra)):
            if _starts_preference(doc, k, s_end):
                continue
            if doc[k].lower_ in _PREP:
                for m in range(k, limit):
                    if doc[m].lower_ in {".", ";", "!", "?"}:
                        break
                    if doc[m].lower_ in {"ons", "onze"} and m - 1 > token.i \
                            and doc[k].lower_ in {"dichtbij", "bij", "nabij", "rond", "rondom"}:
                        # "je woont dichtbij ons kantoor (in Zwolle)": the workplace is no part of
                        # the demand's span (it would make the span about the organisation)
                        found = (token, doc[m - 1])
                        break
                    if m > k and _is_place(doc[m], s_start) or doc[m].lower_ in _PLACE_WORDS:
                        found = (token, doc[m])
                        break
                break
        # backward: "bij voorkeur in de IJmond of in de directe omgeving woont"
        if found is None and low in {"woont", "woon", "wonen"}:
            after = doc[token.i + 1].lower_ if token.i + 1 < s_end else ""
            if after not in _PREP and after not in {"je", "jij", "u"}:
                for k in range(token.i - 1, max(s_start, token.i - _WINDOW) - 1, -1):
                    if doc[k].lower_ in {"in", "binnen", "rond", "rondom", "nabij"}:
                        if any(doc[m].lower_ in _PLACE_WORDS or _is_place(doc[m], s_start) for m in range(k + 1, token.i)):
                            found = (doc[k], token)
                        break
        if found is None:
            continue
        first, last = _to_named_place(doc, found, s_start, s_end)
        taken = max(taken, last.i)
        yield first.idx, last.idx + len(last.text), {}

# First pass: no finding without a residence word or "kom(t)". A word starts after a
# non-word or where a list item is glued on without a mark ("préWoonachtig", "woont" in
# "Bredawoont" does not count): the tokenizer splits there (nlp.GLUED_WORD).
_START = r"(?:(?<!\w)|(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ]))"
ANCHORS = [re.compile(_START + r"(?i:woont?acht\w*|wonend|woont|woon|wonen|woning|woonplaats|woonadres)(?!\w)|" + _START + r"(?i:komt?\s+uit)(?!\w)")]
