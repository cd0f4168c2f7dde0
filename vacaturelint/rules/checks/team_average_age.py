"""The average age of the team given as a number: direct age distinction (rule LFT010).

Finds "Jong team (gemiddeld 33 jaar)", "het team is gemiddeld 35 jaar oud" and
"onze collega's zijn gemiddeld 30 jaar": 'gemiddeld N jaar' that ends its clause
(or says 'oud'), joined to the team by nothing but a copula, a bracket or a comma.
"De gemiddelde leeftijd van ..." is a token pattern of the rule itself.

Silent on durations ("gemiddeld 3 jaar in dienst", "gemiddeld 5 jaar ervaring",
"onze collega's blijven gemiddeld 12 jaar": a verb between), on clients' ages
("onze cliënten zijn gemiddeld 82 jaar": the annotation layer says who the
sentence is about) and on the age of the company or of things.
"""

from __future__ import annotations

from vacaturelint.doctext import text_of
from vacaturelint.rules import annotate
from vacaturelint.rules.checks._numbers import NUM, YEAR, compile_, value
from vacaturelint.rules.checks.registry import check

OPTIONS: set[str] = set()

_AVERAGE = compile_(
    rf"\bgem(?:iddeld|\.)\s+(?:(?:rond|zo'n|circa|ca\.|ongeveer|rond\s+de)\s+)?(?P<a>{NUM})\s*{YEAR}(?P<old>\s+oud)?")
# What may follow: the end of the clause (a bracket, a mark, a line end) or the end of the text.
_CLAUSE_END = compile_(r"^\s*(?:[).,;:!?\n]|$|en\b|met\b)")
# Words that may stand between the team and 'gemiddeld': a copula, a bracket, a comma, an adjective.
_LINKS = {"is", "zijn", "was", "waren", "(", ",", ":", "-", "–", "—", "van", "met", "een", "nu", "momenteel", "en"}


def _joined_to_team(doc, ann, i: int) -> bool:
    """Is the nearest noun phrase before token ``i`` (within its sentence) the team,
    with only links (a copula, a bracket, a comma, adjectives) in between?"""
    start = ann.sentences[ann.sent_of[i]][0]
    for j in range(i - 1, max(start, i - 8) - 1, -1):
        t = doc[j]
        who = ann.referent[j]
        if who is not None:
            return who == "team"
        w = t.lower_
        if w in _LINKS or t.pos_ == "ADJ" or w in {"jong", "jonge", "hecht", "klein", "groot", "enthousiast"}:
            continue
        return False
    return False


@check("team_average_age", needs={"sents"}, scope="block")
def run(doc, options):
    text = text_of(doc)
    ann = None
    for m in _AVERAGE.finditer(text):
        number = value(m.group("a"))
        if number is None or not 16 <= number <= 70:
            continue
        if not m.group("old") and not _CLAUSE_END.search(text[m.end():m.end() + 12]):
            continue  # "gemiddeld 3 jaar in dienst", "gemiddeld 5 jaar ervaring"
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        ann = ann or annotate.get(doc)
        if ann.negated[span.start]:
            continue
        if _joined_to_team(doc, ann, span.start):
            yield m.start(), m.end(), {}


ANCHORS = [_AVERAGE]
