"""Job titles and person nouns for one sex, used alone (rule GSL002).

Finds "verkoopster", "secretaresse", "directiesecretaresse", "barman", "vakman",
"hostess", "Ben jij de juiste man?" and stays silent on paired forms
("verkoper/verkoopster", "verkoper of verkoopster", "gastheer/vrouw",
"Receptionist(e)", "Verkoopmedewerker(ster)", "vakmannen- en vrouwen"), on
"manager", "mankracht", "manschappen", "je mannetje staan", on surnames and
company names ("Timmerman Alkmaar", "Jacquelien Walman") and on the title of a
named person ("Anna de Vries, secretaresse").

The word list lives in ``vacaturelint/rules/data/gender_titles.yaml``. Beyond it, an
open class: a person noun (annotate.is_person_noun) marked for one sex by its form
(-ster, -trice, -euse, -esse, -ière, "stagiaire" after "stagiair", a -man compound
such as "voorman") is reported when the annotation layer says it is the person
sought ("wij zoeken een stagiaire", "als meewerkend voorman ... je", "een ervaren E-man").
Silent on a title that names a diploma or course ("opleiding allround vakman GWW").
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from vacaturelint.doctext import text_of
from vacaturelint.nlp import GLUED_WORD
from vacaturelint.rules import annotate, lists
from vacaturelint.rules.checks.registry import check
from vacaturelint.rules.lazyre import lazy

OPTIONS: set[str] = set()

_GENERIC_PARTNERS = {"vrouw", "vrouwen", "man", "mannen", "heer", "heren", "ster", "e", "es", "st", "lieden"}
_AFTER = lazy(re, r"\s*(?:/|\(|\bof\b|\ben\b|&|\+)\s*-?\s*([\w-]+)", re.IGNORECASE)
_BEFORE = lazy(re, r"([\w-]+?)-?\s*(?:/|\)|\bof|\ben|&|\+)\s*$", re.IGNORECASE)
_GLUED_ON = lazy(re, GLUED_WORD)
_SEEK = lazy(re, r"\b(?:zoeken|zoek|zoekt|gezocht|die\s+wij|die\s+we)\b", re.IGNORECASE)
_YOU = lazy(re, r"\b(?:jij|je|u|jou)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _data():
    data = lists.data_file("gender_titles.yaml")
    titles = {k.lower(): v for k, v in data["titles"].items()}
    suffixes = sorted((k for k, v in titles.items() if v.get("suffix")), key=len, reverse=True)
    return titles, suffixes, set(data["person_nouns"]), set(data["person_modifiers"]), set(data["surname_like"])


def _form(low: str, titles, suffixes) -> str | None:
    if low in titles:
        return low
    for head in suffixes:
        if low.endswith(head) and len(low) >= len(head) + 3:
            return head
    return None


_FEMALE_WORD = ("vrouw", "vrouwen", "ster", "sters", "esse", "essen", "ière", "ières", "trice", "euse", "iste",
                "aire", "es", "ess", "zuster", "zusters")
_MALE_WORD = ("man", "mannen", "heer", "heren", "broeder", "broeders")


def _sex(word: str) -> str | None:
    """'f' or 'm' for a whole title marked for one sex by its ending, else None."""
    if word in _GENERIC_PARTNERS or len(word) < 6:
        return None  # a bare ending ("/ster", "/vrouw") completes the other form
    if word.endswith(_FEMALE_WORD):
        return "f"
    return "m" if word.endswith(_MALE_WORD) else None


def _is_partner(word: str, form: str, titles) -> bool:
    word = _GLUED_ON.split(word, maxsplit=1)[0]  # "gastvrouwSchoonmaak...": a list item glued on
    word = word.lower().strip("-")
    if not word:
        return False
    if _sex(word) is not None and _sex(word) == _sex(form):
        return False  # "secretaresse / baliemedewerkster": two titles for the same sex, no pair
    if word in _GENERIC_PARTNERS or word in titles:
        return True
    partners = titles[form].get("partners", [])
    if any(word == p or word.endswith(p) for p in partners):
        return True
    return word.endswith(("vrouw", "vrouwen", "heer", "man", "ster", "es"))


def _paired(doc, token, form, titles) -> bool:
    text = text_of(doc)
    end = token.idx + len(token.text)
    m = _AFTER.match(text, end, min(len(text), end + 40))
    if m and _is_partner(m.group(1), form, titles):
        return True
    start = token.idx
    m = _BEFORE.search(text[max(0, start - 40):start])
    return bool(m and _is_partner(m.group(1), form, titles))


_KEYWORDS = lazy(re, r"\b(?:kern|tref|zoek)woorden\s*:|\bkeywords?\s*:|\btags\s*:", re.IGNORECASE)


def _keyword_line(doc, token) -> bool:
    """A job board's keyword line ('Kernwoorden: Wiskunde Heemskerk docent leraar'): no text."""
    text = text_of(doc)
    start = text.rfind("\n", 0, token.idx) + 1
    return bool(_KEYWORDS.search(text, start, token.idx))


def _capitalised_word(token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _named(doc, token) -> bool:
    """Title of a named person: 'Anna de Vries, secretaresse', 'Marre, de secretaresse'."""
    i = token.i
    j = i - 1
    if j >= 0 and doc[j].lower_ in ("de", "onze", "ons"):
        j -= 1
    if j >= 1 and doc[j].text == "," and (doc[j - 1].pos_ == "PROPN" or _capitalised_word(doc[j - 1]) and not doc[j - 1].is_sent_start):
        return True
    # 'onze secretaresse Marre' (but not the title 'Secretaresse Endodontologie')
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return bool(i > 0 and doc[i - 1].lower_ in ("de", "onze", "ons", "jouw", "je") and nxt is not None
                and nxt.pos_ == "PROPN" and _capitalised_word(nxt))


def _surname(doc, token) -> bool:
    """'Timmerman Alkmaar is ...', 'Binnen Timmerman krijg je': a name, not a title."""
    if not token.text[:1].isupper():
        return False
    if not token.is_sent_start and token.i > 0 and doc[token.i - 1].text not in (":", "-", "•", "(", "als"):
        return True
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return bool(nxt is not None and _capitalised_word(nxt))


def _person_noun(doc, token, nouns, modifiers) -> bool:
    """'de juiste man', 'Ben jij de man die wij zoeken?'."""
    if token.lower_ not in nouns or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    i = token.i
    mods = []
    j = i - 1
    while j >= 0 and (doc[j].pos_ == "ADJ" or doc[j].lower_ in modifiers or doc[j].text == ","):
        mods.append(doc[j].lower_)
        j -= 1
    if j < 0 or doc[j].lower_ not in ("de", "een", "onze"):
        return False
    sentence = annotate.sentence(token.doc, token.i).text
    addressed = bool(_YOU.search(sentence))
    if any(m in modifiers for m in mods):
        # 'de juiste man' for the reader or the sought person, not 'het is een echte meid' (a child)
        return addressed or bool(_SEEK.search(sentence))
    return addressed and bool(_SEEK.search(sentence))


_FEMALE_ENDINGS = ("ster", "trice", "euse", "esse", "ière")
_FEMALE_E_AFTER = ("air", "ist")  # stagiaire, journaliste (not -ante/-ente: interessante, recente)
_OTHER_PERSON_PREPOSITIONS = {"met", "aan", "bij", "naar", "van", "door", "tot", "onder"}
_NOT_FEMALE = ("meester", "tester", "ester")  # huismeester, tester: -er words, not -ster
_OPEN_SUGGESTIONS = ("noem beide vormen", "gebruik een genderoverkoepelende titel (-kracht, -medewerker, -kundige)")


def _open_form(token) -> tuple[str, ...] | None:
    """A person noun marked for one sex by its form, beyond the word list: -ster, -trice,
    -euse, -esse, -ière, a female -e after a person noun (stagiaire <- stagiair) or a
    -man compound (voorman). Returns the suggestions, or None."""
    low = token.lower_
    if len(low) < 6:
        return None
    base = low[:-1]
    # 'vereiste' is vereist + e, a verb form (vereisen), not a person
    verb_form = base.endswith("t") and annotate.is_verb_form(base[:-1] + "en")
    if low.endswith("e") and base.endswith(_FEMALE_E_AFTER) and not verb_form and annotate.is_person_noun(base):
        return (base, f"{base}(e)")
    if (low.endswith(_FEMALE_ENDINGS) and not low.endswith(_NOT_FEMALE) and len(low) >= 8
            and annotate.is_person_noun(low)):
        return _OPEN_SUGGESTIONS
    if low.endswith("man") and annotate.is_person_noun(low):
        return _OPEN_SUGGESTIONS
    return None


def _open_paired(doc, token) -> bool:
    """'stagiaire/stagiair', 'voorman of -vrouw', 'Stagiair(e)': both forms given."""
    low = token.lower_
    text = text_of(doc)
    end = token.idx + len(token.text)
    for m in (_AFTER.match(text, end, min(len(text), end + 40)),
              _BEFORE.search(text[max(0, token.idx - 40):token.idx])):
        if not m:
            continue
        word = m.group(1).lower().strip("-")
        if word in _GENERIC_PARTNERS or word == low[:-1] or _other_form(word, low):
            return True
    return False


def _other_form(word: str, low: str) -> bool:
    """'verkoper' next to 'verkoopster', 'gastheer' next to 'gastvrouw': the same title in
    the other form (a one-sex ending and the same stem), not another role ("stagiaire of
    afstudeerder": a second title, the first still for one sex)."""
    return word.endswith(("vrouw", "man", "ster", "er", "ir", "nt", "st")) and (
        len(os.path.commonprefix([word, low])) >= 4 or word.endswith(("vrouw", "man")) and low.endswith(("vrouw", "man")))


def _role_item(doc, token) -> bool:
    """A capitalised item of a list of roles the annotation layer gives to the candidate
    ("mogelijkheden als Hovenier, Opperman en Meewerkend voorman"): a title, not a name."""
    return (token.i > 0 and doc[token.i - 1].text in {",", "als", "en", "of", "/"}
            and annotate.referent(doc, token.i) == "candidate")


def _looks_like_name(doc, token) -> bool:
    """'Herman op den Kelder', 'Tycho Hopman', 'Breman is op zoek naar ...': a name
    (or a company named after one), not a title."""
    if not token.text[:1].isupper():
        return False
    if token.pos_ == "PROPN" and not token.text.isupper():
        return True
    prev = doc[token.i - 1] if token.i > 0 else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if prev is not None and prev.is_alpha and prev.text[:1].isupper() and not prev.is_sent_start:
        return True
    return bool(nxt is not None and nxt.lower_ in ("is", "zoekt", "heeft", "biedt", "werkt", "op", "van", "&"))


def _about_candidate(token) -> bool:
    """The open class is only reported for the person sought ("wij zoeken een
    stagiaire", "als stagiaire help je")."""
    doc = token.doc
    before = [t.lower_ for t in doc[max(0, token.i - 2):token.i]]
    if before[-2:] and before[-1] == "de" and len(before) == 2 and before[0] in _OTHER_PERSON_PREPOSITIONS:
        return False  # "stem het af met de voorman": somebody the candidate works with
    referent = annotate.referent(doc, token.i)
    if referent == "candidate":
        return True
    return referent == "person" and token.i > 0 and token.doc[token.i - 1].lower_ == "als"


_READER_OR_SEEK = lazy(re, r"(?<!\w)(?:je|jij|jou|jouw|u|uw|zoeken|zoekt|zoek|opzoek|gezocht|vacature|functie|"
                          r"solliciteer|sollicitatie|welkom)(?!\w)", re.IGNORECASE)


def _described_other(doc, token) -> bool:
    """'Een praktijkassistente die dagelijks bereikbaar is ...', 'Het team bestaat uit ... een
    medisch secretaresse': a person with an article in a sentence that neither addresses the
    reader nor seeks anybody (nor names the job), and whom the annotation layer does not make
    the candidate: somebody already there (the support staff, a colleague)."""
    j = token.i - 1
    while j >= 0 and (doc[j].pos_ == "ADJ" or doc[j].is_alpha and doc[j].text.islower() and doc[j].pos_ in ("ADV", "NOUN")
                      and token.i - j <= 2):
        j -= 1
    if j < 0 or doc[j].lower_ not in ("een", "de"):
        return False
    own = annotate.sentence(doc, token.i)
    if own.start == 0 or _READER_OR_SEEK.search(own.text):
        return False  # (the block's first sentence is the ad's title region)
    return annotate.referent(doc, token.i) in (None, "person", "team")


# Works without a trained pipeline (--model blank): POS and sentences refine the
# result when present ("de juiste man" needs them), titles are found either way.
_QUALIFICATION = lazy(re, r"(?:opleiding|diploma|certifica(?:at|ten)|cursus|getuigschrift|examen|vakbekwaamheid|niveau|mbo)$",
                      re.IGNORECASE)


def _qualification_name(doc, token) -> bool:
    """The title names a diploma or course, not the person sought: "een afgeronde opleiding
    allround vakman GWW", "diploma vakman", "certificaat Stuurman" (up to two words between)."""
    for j in range(token.i - 1, max(-1, token.i - 4), -1):
        if _QUALIFICATION.search(doc[j].lower_):
            return True
        if not doc[j].is_alpha or doc[j].pos_ in ("AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ") and doc[j].lower_ != "tot":
            return False
    return False


_HYPHEN_MAN = lazy(re, r"[A-Za-z0-9]{1,6}-man", re.IGNORECASE)


def _hyphen_man(doc, token) -> bool:
    """'een ervaren E-man', 'BHV-man': a -man compound written with a hyphen, for the person
    sought (the annotation layer reads it as a person noun)."""
    return bool(_HYPHEN_MAN.fullmatch(token.text)) and _about_candidate(token) and not _open_paired(doc, token)


@check("gender_title", needs={"sents"}, scope="block")
def run(doc, options):
    titles, suffixes, nouns, modifiers, surname_like = _data()
    annotated = doc.has_annotation("POS") and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP"))
    for token in doc:
        if not token.is_alpha:
            if annotated and _hyphen_man(doc, token):
                yield token.idx, token.idx + len(token.text), {"suggestions": _OPEN_SUGGESTIONS}
                continue
            yield from _slash_joined(token, titles, suffixes)
            continue
        low = token.lower_
        form = _form(low, titles, suffixes)
        if form is not None:
            if token.pos_ == "PROPN" and low in surname_like:
                continue
            if low in surname_like and _surname(doc, token):
                continue
            if _paired(doc, token, form, titles) or _named(doc, token):
                continue
            if titles[form].get("sought") and not (annotated and _about_candidate(token)) or _keyword_line(doc, token):
                continue  # 'leraar' is also used generically: only for the person sought
            if annotated and _described_other(doc, token) or _qualification_name(doc, token):
                continue
            yield token.idx, token.idx + len(token.text), {"suggestions": tuple(titles[form]["alternatives"])}
        elif (suggestions := _open_form(token)) is not None:
            named = not _role_item(doc, token) and (_surname(doc, token) or _looks_like_name(doc, token))
            if (low in surname_like or named or not _about_candidate(token) or _open_paired(doc, token)
                    or _qualification_name(doc, token)):
                continue
            yield token.idx, token.idx + len(token.text), {"suggestions": suggestions}
        elif annotated and _person_noun(doc, token, nouns, modifiers):
            end = token.idx + len(token.text)
            m = _AFTER.match(text_of(doc), end, min(len(text_of(doc)), end + 30))
            if m and m.group(1).lower() in nouns | {"vrouwen", "mannen"} or _qualification_name(doc, token):
                continue
            yield token.idx, end, {"suggestions": ("de juiste persoon", "de collega die wij zoeken", "jij")}


def _slash_joined(token, titles, suffixes):
    """A listed title inside one token of roles joined by slashes
    ("assistent/teamsecretaresse"), unless another part is its partner
    ("secretaris/secretaresse")."""
    parts = token.text.split("/")
    if len(parts) < 2 or not all(p.isalpha() for p in parts):
        return
    offset = token.idx
    for part in parts:
        form = _form(part.lower(), titles, suffixes)
        if form is not None and not any(_is_partner(other.lower(), form, titles) for other in parts if other != part):
            yield offset, offset + len(part), {"suggestions": tuple(titles[form]["alternatives"])}
        offset += len(part) + 1


def _anchors():
    """First pass: a title or person noun (a whole word) or a title ending (a word's end)."""
    from vacaturelint.rules.anchors import any_of

    titles, suffixes, nouns, _, _ = _data()
    # the open class (see _open_form): a word of 6+ letters with a one-sex ending; "-ante"/"-ente"
    # (interessante, recente) are too common to be worth a first-pass anchor
    endings = (*_FEMALE_ENDINGS, "aire", "iste", "man")
    open_endings = r"(?<=\w\w\w)(?:" + "|".join(endings) + r")(?!\w)"
    return [r"(?<!\w)" + any_of({*titles, *nouns}) + r"(?!\w)", any_of(suffixes) + r"(?!\w)", open_endings]


ANCHORS = _anchors
