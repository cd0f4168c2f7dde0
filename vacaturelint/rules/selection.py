"""The cheap first pass: which blocks of a file can any rule match?

Only those blocks get the spaCy pipeline; the others keep the tokenizer's Doc
(tokens, no annotations, one sentence). What a rule can match is derived from the
compiled rules, not listed by hand:

- each clause kind may offer ``anchors(spec, options)``: alternatives, each a list
  of tests that must all hold in a block for the clause to match there
  (``("LOWER"|"ORTH", words)``, ``("LOWER"|"ORTH", regex)`` on one token,
  ``("LEMMA", words)``, ``("TEXT", regex, flags)`` on the block text), or None when
  it cannot say;
- the ``check`` kind asks the check module (``ANCHORS``, ``TEXT_ONLY``, ``select``);
- ``document_has`` lemma conditions add the blocks that hold those lemmas.

Lemmas are not known before the pipeline runs; a lemma test is met by a token that
starts like the lemma (a generous prefix, so "zocht" still meets "zoeken"). A rule
whose anchors cannot be derived sends its whole file through the full pipeline:
slower, never wrong.

Within a long chosen block the rules that chose it choose again per sentence
(:meth:`Selector.sentences`); a rule that reads no parse (:func:`parses`) lets its
blocks and sentences go without the parser (:meth:`Selector.plan`).
"""

from __future__ import annotations

import re

import regex

from vacaturelint.doctext import text_of
from vacaturelint.nlp import unglued
from vacaturelint.rules import annotate
from vacaturelint.rules.anchors import lemma_regex
from vacaturelint.rules.kinds import KINDS

ALL = None  # select() result: analyse every block
# A rule file's regular expression tried as an anchor may take this long per block; once
# it runs out of time it is met everywhere (the block is analysed, and the runner's own
# time budget then decides, and names the rule it skips). So a catastrophic pattern
# costs the first pass this much once per process, never per block.
ANCHOR_SECONDS = 0.05
# Within a chosen block of at least this many tokens, only the sentences a rule can match
# (and SENTENCE_CONTEXT sentences either side, for the parser and conditions) are analysed.
SENTENCE_MIN_TOKENS = 40
SENTENCE_CONTEXT = 1


class _Test:
    """One anchor test, evaluated on a block (its text and tokenizer Doc)."""

    def __init__(self, test) -> None:
        attr, value = test[0], test[1]
        self.kind = attr
        self.words: frozenset[str] | None = None
        self.search = None
        if attr == "TEXT":
            flags = test[2] if len(test) > 2 else 0
            self.search = regex.compile(value, flags | regex.V0).search
        elif attr == "LEMMA":
            if isinstance(value, str):  # a regex on lemmas: cannot be tested before the pipeline
                self.kind = "TRUE"
            else:
                self.kind = "TEXT_LOWER"
                self.search = re.compile(lemma_regex(value)).search
        elif attr in ("LOWER", "ORTH"):
            if isinstance(value, str):  # REGEX in a token pattern: a user's expression
                self.search = regex.compile(value, regex.V0).search
            else:
                from spacy.strings import hash_string

                self.words = frozenset(hash_string(v) for v in value)
        else:
            self.kind = "TRUE"
        self.verdicts: dict[int, bool] = {}
        self.timed_out = False

    def _bounded(self, text: str) -> bool:
        """The regex test within :data:`ANCHOR_SECONDS`; met once it ran out of time."""
        if self.timed_out:
            return True
        try:
            return bool(self.search(text, timeout=ANCHOR_SECONDS))
        except TimeoutError:
            self.timed_out = True
            return True

    def met(self, block) -> bool:
        if self.kind == "TRUE":
            return True
        if self.kind == "TEXT":
            return self._bounded(block.text)
        if self.kind == "TEXT_LOWER":
            return bool(self.search(block.lower))
        values = block.lowers if self.kind == "LOWER" else block.orths
        if self.words is not None:
            return not self.words.isdisjoint(values)
        verdicts = self.verdicts
        for value in values:
            verdict = verdicts.get(value)
            if verdict is None:
                verdict = verdicts[value] = self._bounded(block.strings[value])
            if verdict:
                return True
        return False


class _Block:
    """What the tests look at: text, lower-case text, token forms (as string hashes,
    counted in C; strings only looked up for regex tests, verdicts cached)."""

    __slots__ = ("text", "lower", "lowers", "orths", "strings")

    def __init__(self, doc=None) -> None:
        if doc is None:
            return
        from spacy.attrs import LOWER, ORTH

        self.text = text_of(doc)
        self.lower = unglued(self.text).lower()
        self.orths = doc.count_by(ORTH).keys()
        self.lowers = doc.count_by(LOWER).keys()
        self.strings = doc.vocab.strings

    @classmethod
    def of_tokens(cls, doc, text: str, forms, start: int, end: int) -> _Block:
        """The view of tokens ``start``..``end`` of ``doc``; ``text`` and ``forms`` (its
        ORTH and LOWER columns, ``doc.to_array``) taken once per block."""
        view = cls()
        last = doc[end - 1]
        view.text = text[doc[start].idx : last.idx + len(last.text)]
        view.lower = unglued(view.text).lower()
        view.orths = set(forms[start:end, 0].tolist())
        view.lowers = set(forms[start:end, 1].tolist())
        view.strings = doc.vocab.strings
        return view


class _ClauseSelector:
    """A clause's anchor alternatives; Selector indexes them all together."""

    def __init__(self, alternatives) -> None:
        self.alternatives = [[_Test(t) for t in alt] for alt in alternatives]


class Selector:
    """Built once per compiled rule set; ``select`` runs per file."""

    def __init__(self, rules) -> None:
        self.derived = True
        self.fallback_rules: list[str] = []
        self._rules: list[tuple[list, _ClauseSelector | None]] = []
        self._block_wide: set[int] = set()  # positions of rules that read their whole block's annotations
        self._light: set[int] = set()  # positions of rules that read no parse (see parses)
        self._ids: list[str] = []  # the rule id at each position
        for rule in rules:
            clause_selectors = []
            for clause in rule.clauses:
                selector = clause_selector(clause)
                if selector is None:
                    self.fallback_rules.append(rule.id)
                    break
                clause_selectors.append(selector)
            else:
                if any(getattr(s, "text_only", False) for s in clause_selectors) and _reads_annotations(rule):
                    # its hits may fall in blocks nobody chose, where the conditions would read no annotations
                    self.fallback_rules.append(rule.id)
                    continue
                context = _context_selector(rule)
                if context is False:
                    self.fallback_rules.append(rule.id)
                    continue
                if _reads_block(rule):
                    self._block_wide.add(len(self._rules))
                if not parses(rule):
                    self._light.add(len(self._rules))
                self._rules.append((clause_selectors, context))
                self._ids.append(rule.id)
        self.derived = not self.fallback_rules
        self._index()

    def _index(self) -> None:
        """One index over every alternative of every anchored clause: a token form
        (hash) leads to the literal tests it meets, those to the alternatives to try."""
        self._alternatives: list[tuple[int, frozenset[int], list[_Test]]] = []
        self._by_form: dict[str, dict[int, list[int]]] = {"LOWER": {}, "ORTH": {}}
        self._unanchored: list[int] = []
        self._alternatives_of: dict[int, list[int]] = {}
        literal = 0
        for position, (clause_selectors, _) in enumerate(self._rules):
            for selector in clause_selectors:
                if not isinstance(selector, _ClauseSelector):
                    continue
                for alternative in selector.alternatives:
                    ids, others = set(), []
                    for test in alternative:
                        if test.words is not None:
                            ids.add(literal)
                            for word in test.words:
                                self._by_form[test.kind].setdefault(word, []).append(literal)
                            literal += 1
                        else:
                            others.append(test)
                    number = len(self._alternatives)
                    self._alternatives.append((position, frozenset(ids), others))
                    if ids:
                        for test_id in ids:
                            self._alternatives_of.setdefault(test_id, []).append(number)
                    else:
                        self._unanchored.append(number)

    def _anchored(self, view, positions=None) -> set[int]:
        """Rule positions (of ``positions``, None: all) with an anchored alternative met in one block."""
        met: set[int] = set()
        for kind, values in (("LOWER", view.lowers), ("ORTH", view.orths)):
            forms = self._by_form[kind]
            if forms:
                for value in forms.keys() & values:  # intersected in C
                    met.update(forms[value])
        tried = {a for test_id in met for a in self._alternatives_of[test_id]}
        tried.update(self._unanchored)
        rules: set[int] = set()
        for number in tried:
            position, ids, others = self._alternatives[number]
            if positions is not None and position not in positions:
                continue
            if position not in rules and ids <= met and all(t.met(view) for t in others):
                rules.add(position)
        return rules

    def select(self, docs) -> set[int] | None:
        """Indices of the blocks (tokenizer Docs of one file) to analyse, or ALL."""
        return self.plan(docs)[0]

    def select_texts(self, texts: list[str], make_doc) -> set[int] | None:
        """As :meth:`select` for block texts (a big file, window by window): each block
        is tokenized (``make_doc``), looked at and dropped, so only one tokenizer Doc
        exists at a time."""
        if not self.derived:
            return ALL
        views = (_Block(make_doc(text)) for text in texts)  # one pass: each view is dropped after use
        return self._select(views, texts=[unglued(text) for text in texts])[0]

    def plan(self, docs) -> tuple[set[int] | None, set[int] | None, dict[int, set[int]]]:
        """(blocks to analyse, those of them that need the parser, each a set of
        indices or ALL; the rules that chose each block, for :meth:`sentences`). A
        block chosen only by rules that read no parse (lemmas and POS only, see
        :func:`parses`) gets the pipeline without its parser."""
        if not self.derived:
            return ALL, ALL, {}
        return self._select([_Block(doc) for doc in docs])

    def chosen_by(self, rules_of: dict[int, set[int]]) -> dict[int, set[str]]:
        """The ids of the rules that chose each block (``rules_of`` from :meth:`plan`)."""
        return {index: {self._ids[p] for p in positions} for index, positions in rules_of.items()}

    def sentences(self, doc, parse: bool = True, rules: set[int] | None = None,
                  context: int = SENTENCE_CONTEXT) -> list[tuple[int, int, bool]] | None:
        """Within one chosen block (a tokenizer Doc): the token ranges to analyse, the
        sentences (annotate's cheap split, before the pipeline) a rule can match (those
        a rule that parses can match with ``context`` sentences on either side),
        neighbours merged, each with whether it needs the parser (never when ``parse`` is false: no rule that parses chose the
        block); None: the whole block (a short block, a chooser that cannot say, or a
        rule that reads the whole block). ``rules``: the rules that chose the block
        (from :meth:`plan`; only they can choose its sentences)."""
        if not self.derived or len(doc) < SENTENCE_MIN_TOKENS:
            return None
        bounds = annotate.token_sentences(doc)
        if len(bounds) < 2:
            return None
        from spacy.attrs import LOWER, ORTH

        forms = doc.to_array([ORTH, LOWER])
        text = text_of(doc)
        views = [_Block.of_tokens(doc, text, forms, a, b) for a, b in bounds]
        chosen, parsed, _ = self._select(views, whole_block=True, positions=rules)
        if chosen is ALL:
            return None

        def around(indices):
            return {k for c in indices for k in range(c - context, c + context + 1) if 0 <= k < len(bounds)}

        # the context is for the parser (and the conditions that read its sentences);
        # lemmas and POS need none
        parsed = around(parsed) if parse else set()
        keep = chosen | parsed
        ranges: list[tuple[int, int, bool]] = []
        for k in sorted(keep):
            a, b = bounds[k]
            if ranges and ranges[-1][1] == a and ranges[-1][2] == (k in parsed):
                ranges[-1] = (ranges[-1][0], b, ranges[-1][2])
            else:
                ranges.append((a, b, k in parsed))
        if len(ranges) == 1 and ranges[0][:2] == (0, len(doc)):
            return None
        return ranges

    def _select(self, views, whole_block: bool = False, positions=None, texts: list[str] | None = None):
        """(indices of ``views`` a rule can match, those a rule that parses can match,
        the rule positions that chose each view), or (ALL, ALL, {}). ``whole_block``:
        the views are the sentences of one block, chosen by the rules at ``positions``
        (None: any rule); a rule that reads its whole block (a ``block_has`` on
        annotations) then gives ALL when it chooses any, and a rule's context (the
        lemmas its ``document_has`` reads) is chosen even where its own anchors are not."""
        # the texts the checks' choosers and the context read, with the tokens' word
        # boundaries in glued text; views may be a one-pass stream
        texts = [unglued(v.text) for v in views] if texts is None else texts
        found: dict[int, set[int]] = {}
        for index, view in enumerate(views):
            for position in self._anchored(view, positions):
                found.setdefault(position, set()).add(index)
        chosen: set[int] = set()
        parsed: set[int] = set()
        rules_of: dict[int, set[int]] = {}
        for position, (clause_selectors, context) in enumerate(self._rules):
            if positions is not None and position not in positions:
                continue
            blocks = set(found.get(position, ()))
            for selector in clause_selectors:
                if not isinstance(selector, _ClauseSelector):
                    picked = selector(views, texts, whole_block)
                    if picked is ALL:
                        return ALL, ALL, {}
                    blocks |= picked
            if context is not None and (blocks or whole_block and positions is not None):
                blocks |= context(texts)
            if blocks and whole_block and position in self._block_wide:
                return ALL, ALL, {}
            chosen |= blocks
            if position not in self._light:
                parsed |= blocks
            for index in blocks:
                rules_of.setdefault(index, set()).add(position)
        return chosen, parsed, rules_of


def clause_selector(clause):
    """A callable (texts) -> block indices (or ALL) for one clause, or None
    when the clause's kind cannot say where it can match."""
    kind = KINDS.get(clause.kind)
    select = getattr(kind, "select", None)
    if select is not None:  # the kind chooses blocks itself (named checks)
        chooser = select(clause.spec, clause.options)
        if chooser is None:
            return None
        return _Chooser(chooser)
    derive = getattr(kind, "anchors", None)
    alternatives = derive(clause.spec, clause.options) if derive is not None else None
    if not alternatives:
        return None
    return _ClauseSelector(alternatives)


class _Chooser:
    """A check's own chooser (texts of a file's blocks -> indices). Within one block
    (its sentences as texts) it uses the chooser's ``sentences`` (texts -> indices),
    itself when it declares ``per_text = True`` (each text judged alone), else ALL:
    a chooser that weighs texts together (a count over the file, a look back over
    blocks) cannot judge the sentences of one block."""

    def __init__(self, chooser) -> None:
        self.chooser = chooser
        self.text_only = getattr(chooser, "text_only", False)
        self.within = getattr(chooser, "sentences", None) or (chooser if getattr(chooser, "per_text", False) else None)

    def __call__(self, views, texts, within_block: bool = False):
        if within_block:
            return ALL if self.within is None else self.within(texts)
        return self.chooser(texts)


_ANNOTATION_CONDITIONS = {"sentence_has", "near", "match_has", "block_has", "about", "negated", "inclusive"}
# Conditions that read the matched block only, or (document_has) handled below.
_KNOWN_CONDITIONS = {*_ANNOTATION_CONDITIONS, "document_has", "section", "block_kind"}


def _reads_annotations(rule) -> bool:
    conditions = rule.conditions
    return any(c.kind in _ANNOTATION_CONDITIONS for c in conditions)


def parses(rule) -> bool:
    """Does a rule read what the parser gives: dependencies, sentences (a check that
    declares ``dep`` or ``sents``) or any condition but ``section``/``block_kind``
    (conditions read sentences, referents, negation)? Rules that do not read token
    forms, lemmas and POS only, and their blocks need no parser."""
    if "DEP" in rule.needs:
        return True
    conditions = rule.conditions
    if any(c.kind not in ("section", "block_kind") for c in conditions):
        return True
    from vacaturelint.rules import checks

    return any(clause.kind == "check" and checks.get(clause.spec).needs & {"dep", "sents"} for clause in rule.clauses)


def _reads_block(rule) -> bool:
    """Does a condition read annotations (lemmas, POS) anywhere in the matched block?"""
    conditions = rule.conditions
    return any(c.kind == "block_has" and set(c.spec) & {"lemmas", "pos", "phrases"} for c in conditions)


def _context_selector(rule):
    """Blocks a rule's conditions read beyond the matched block: ``document_has``
    lemmas (read from every block). None: nothing more; False: cannot say."""
    lemmas: set[str] = set()
    for condition in rule.conditions:
        if condition.kind not in _KNOWN_CONDITIONS:
            return False  # a condition kind this pass does not know may read other blocks
        if condition.kind == "document_has" and "lemmas" in condition.spec:
            lemmas.update(condition.spec["lemmas"])
    if not lemmas:
        return None
    tests = [_Test(("LEMMA", sorted(lemmas)))]
    return lambda texts: {i for i, text in enumerate(texts) if all(t.met(_Lower(text)) for t in tests)}


class _Lower:
    """A block as a lemma test sees it: its lower-case text."""

    __slots__ = ("lower",)

    def __init__(self, text: str) -> None:
        self.lower = text.lower()
