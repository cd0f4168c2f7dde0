"""Context conditions for ``unless``, ``requires`` and ``severity_when``.

Each condition is a one-key mapping; the key names where to look and the value
says what to look for (``lemmas``, ``phrases``, ``regex``, ``pos``):

- ``sentence_has``: the sentence around the match;
- ``block_has``: the whole block (paragraph, list item);
- ``document_has``: anywhere in the file;
- ``near``: within ``before``/``after`` tokens of the match;
- ``match_has``: the matched tokens themselves;
- ``section``: a regex on the heading of the section the match is in;
- ``block_kind``: one of paragraph, list_item, heading (or a list);
- ``about``: who the match is about, from the annotation layer (annotate.py): one
  or a list of candidate, team, client, organisation, named, quoted, person;
- ``negated``: true/false: the match is (not) in the scope of geen, niet, zonder, ...;
- ``inclusive``: true/false: the sentence is (not) an inclusive either/or or
  welcome sentence ("starter of ervaren, iedereen is welkom");
- ``all``: a list of conditions that must all hold ("an internship ad" and "the match
  is a number of days"); parsed by the loader into a tuple of Conditions.

"The sentence" is the one notion of annotate.sentence.
"""

from __future__ import annotations

import regex

from vacaturelint.rules import annotate, budget
from vacaturelint.yamlsource import shown

WHERE = ("sentence_has", "block_has", "document_has", "near", "match_has")
ANNOTATED = ("about", "negated", "inclusive")
KINDS = (*WHERE, "section", "block_kind", *ANNOTATED, "all")
_WHAT = {"lemmas", "phrases", "regex", "pos"}
_NEAR = {"before", "after", "sentence"}


def validate(kind: str, spec) -> frozenset[str]:
    if kind not in KINDS:
        raise ValueError(f"onbekende voorwaarde {shown(kind, KINDS)} (mogelijk: {', '.join(KINDS)})")
    if kind == "section":
        if not isinstance(spec, str):
            raise ValueError("section verwacht een reguliere expressie")
        _compile(spec)
        return frozenset()
    if kind == "about":
        values = [spec] if isinstance(spec, str) else spec
        if not isinstance(values, list) or not values or any(v not in annotate.REFERENTS for v in values):
            raise ValueError(f"about verwacht een of meer van {', '.join(annotate.REFERENTS)}")
        return frozenset()
    if kind in ("negated", "inclusive"):
        if not isinstance(spec, bool):
            raise ValueError(f"{kind} verwacht true of false")
        return frozenset()
    if kind == "block_kind":
        values = [spec] if isinstance(spec, str) else spec
        if not isinstance(values, list) or any(v not in ("paragraph", "list_item", "heading") for v in values):
            raise ValueError("block_kind verwacht paragraph, list_item of heading")
        return frozenset()
    if not isinstance(spec, dict):
        raise ValueError(f"{kind} verwacht een mapping met lemmas, phrases, regex of pos")
    allowed = _WHAT | (_NEAR if kind == "near" else set())
    unknown = set(spec) - allowed
    if unknown:
        raise ValueError(f"onbekende sleutel(s) in {kind}: {', '.join(shown(k, allowed) for k in sorted(unknown, key=str))}")
    if not set(spec) & _WHAT:
        raise ValueError(f"{kind} verwacht minstens een van lemmas, phrases, regex, pos")
    for key in ("lemmas", "phrases", "pos"):
        if key in spec and not (isinstance(spec[key], list) and all(isinstance(x, str) for x in spec[key])):
            raise ValueError(f"{kind}.{key} moet een lijst teksten zijn")
    for key in ("before", "after"):
        if key in spec and not (isinstance(spec[key], int) and 0 <= spec[key] <= 50):
            raise ValueError(f"{kind}.{key} moet een getal van 0 tot 50 zijn")
    if "sentence" in spec and not isinstance(spec["sentence"], bool):
        raise ValueError(f"{kind}.sentence moet true of false zijn")
    if "regex" in spec:
        _compile(spec["regex"])
    needs = set()  # lemma tests fall back to lower-case forms without a lemmatizer
    if "pos" in spec:
        needs.add("POS")
    return frozenset(needs)


def _compile(pattern):
    if not isinstance(pattern, str):
        raise ValueError("regex moet tekst zijn")
    try:
        return budget.compile_user(pattern, regex.IGNORECASE)
    except regex.error as exc:
        raise ValueError(f"ongeldige reguliere expressie: {exc}") from None


class Context:
    """What a condition can look at for one match."""

    def __init__(self, doc, span, block, document, owner: str = "") -> None:
        self.owner = (owner,)  # the rule, skipped when one of its regexes runs out of time
        self.doc = doc
        self.span = span  # spaCy Span of the match
        self.block = block
        self.document = document  # DocumentView


class DocumentView:
    """File-wide facts shared by all matches in one file (computed lazily). ``docs`` is
    None for a big file checked window by window: its lemmas are then never asked
    (CompiledRules.windowable)."""

    def __init__(self, docs, text: str) -> None:
        self.docs = docs
        self.text = text
        self._lemmas: set[str] | None = None
        self._lower: str | None = None
        self.answers: dict[tuple, bool] = {}  # document_has, per (rule, condition)

    @property
    def lemmas(self) -> set[str]:
        if self._lemmas is None:
            self._lemmas = {t.lemma_.lower() for doc in self.docs for t in doc} | {
                t.lower_ for doc in self.docs for t in doc
            }
        return self._lemmas

    @property
    def lower(self) -> str:
        """The file text in lower case, made once (not per match: a file can be 50 MB)."""
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower


_cache: dict[str, object] = {}


def _pattern(text: str):
    compiled = _cache.get(text)
    if compiled is None:
        compiled = _cache[text] = _compile(text)
    return compiled


def _phrase_pattern(phrase: str):
    return _pattern(r"(?<!\w)" + regex.escape(phrase.lower()) + r"(?!\w)")


def _tokens_have(tokens, text: str, spec: dict, owner: tuple[str, ...] = ()) -> bool:
    if "lemmas" in spec:
        wanted = {w.lower() for w in spec["lemmas"]}
        if any(t.lemma_.lower() in wanted or t.lower_ in wanted for t in tokens):
            return True
    if "pos" in spec and any(t.pos_ in spec["pos"] for t in tokens):
        return True
    return _text_has(text, spec, owner)


def _text_has(text: str, spec: dict, owner: tuple[str, ...] = (), lower: str | None = None) -> bool:
    """``lower``: ``text.lower()`` when the caller has it already."""
    if "phrases" in spec:
        lower = text.lower() if lower is None else lower
        if any(_phrase_pattern(p).search(lower) for p in spec["phrases"]):
            return True
    if "regex" in spec:  # within the document's time budget; undecided counts as False
        return bool(budget.current().search(_pattern(spec["regex"]), text, owner))
    return False


def holds(kind: str, spec, ctx: Context) -> bool:
    if kind == "all":
        return all(holds(c.kind, c.spec, ctx) for c in spec)
    if kind == "section":
        return bool(budget.current().search(_pattern(spec), ctx.block.section, ctx.owner))
    if kind == "block_kind":
        return ctx.block.kind in ([spec] if isinstance(spec, str) else spec)
    if kind == "about":
        return bool(annotate.span_referents(ctx.span) & set([spec] if isinstance(spec, str) else spec))
    if kind == "negated":
        return annotate.span_negated(ctx.span) == spec
    if kind == "inclusive":
        return annotate.span_inclusive(ctx.span) == spec
    if kind == "match_has":
        return _tokens_have(ctx.span, ctx.span.text, spec, ctx.owner)
    if kind == "sentence_has":
        sent = _sentence(ctx.span)
        return _tokens_have(sent, sent.text, spec, ctx.owner)
    if kind == "block_has":
        return _tokens_have(ctx.doc, ctx.doc.text, spec, ctx.owner)
    if kind == "near":
        lo, hi = 0, len(ctx.doc)
        if spec.get("sentence"):
            # 'sentence: true' keeps the window inside the match's sentence(s): a word at the
            # end of the previous (glued) list item says nothing about this one
            lo = annotate.sentence(ctx.doc, ctx.span.start).start
            hi = annotate.sentence(ctx.doc, ctx.span[-1].i).end
        start = max(lo, ctx.span.start - spec.get("before", 3))
        end = min(hi, ctx.span.end + spec.get("after", 3))
        window = [*ctx.doc[start : ctx.span.start], *ctx.doc[ctx.span.end : end]]
        text = ctx.doc[start : ctx.span.start].text + " … " + ctx.doc[ctx.span.end : end].text
        return _tokens_have(window, text, spec, ctx.owner)
    if kind == "document_has":
        # the answer is the file's, not the match's: asked once per file and rule (FNE007's
        # whole-file look-aheads were run again for every match)
        view = ctx.document
        key = (ctx.owner, id(spec))
        found = view.answers.get(key)
        if found is None:
            found = view.answers[key] = bool(
                ("lemmas" in spec and view.lemmas & {w.lower() for w in spec["lemmas"]})
                or _text_has(view.text, spec, ctx.owner, view.lower if "phrases" in spec else None))
        return found
    raise AssertionError(kind)


def _sentence(span):
    first = annotate.sentence(span.doc, span.start)
    last = annotate.sentence(span.doc, span[-1].i)
    return span.doc[first.start:last.end]
