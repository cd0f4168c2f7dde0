"""``REGEX`` in spaCy token patterns, within the document's time budget.

spaCy's Matcher searches a ``REGEX`` predicate with Python's ``re``, which has no
time limit: ``{"LOWER": {"REGEX": "^(a+)+$"}}`` on a token of forty ``a``'s runs for
minutes. Before a pattern goes to a Matcher, each ``REGEX`` predicate on a token
attribute becomes a custom token attribute (``{"_": {name: True}}``) whose getter
searches the same expression through :mod:`vacaturelint.rules.budget`. The match
semantics are spaCy's: ``search`` on the attribute's text.
"""

from __future__ import annotations

import hashlib

from vacaturelint.rules import budget

# Token attributes a REGEX may test, as text (spaCy's names -> Token properties).
_TEXT_OF = {
    "ORTH": "orth_", "TEXT": "orth_", "LOWER": "lower_", "NORM": "norm_", "LEMMA": "lemma_",
    "POS": "pos_", "TAG": "tag_", "DEP": "dep_", "SHAPE": "shape_", "PREFIX": "prefix_",
    "SUFFIX": "suffix_", "ENT_TYPE": "ent_type_", "ENT_IOB": "ent_iob_", "ENT_ID": "ent_id_",
    "ENT_KB_ID": "ent_kb_id_", "LANG": "lang_", "MORPH": "morph",
}
TEXT_ATTRS = frozenset(_TEXT_OF)
_CACHE_LIMIT = 20_000  # verdicts per expression kept (token texts recur)

_owners: dict[str, set[str]] = {}  # extension name -> rule ids using it


def bounded(pattern: list[dict], owners: tuple[str, ...]) -> list[dict]:
    """``pattern`` with every REGEX predicate on a text attribute replaced by a
    bounded custom attribute (other predicates of the token are kept)."""
    result = []
    for token in pattern:
        if not isinstance(token, dict):
            result.append(token)
            continue
        token = dict(token)
        extensions = {}
        for attr, value in list(token.items()):
            if attr in _TEXT_OF and isinstance(value, dict) and isinstance(value.get("REGEX"), str):
                rest = {k: v for k, v in value.items() if k != "REGEX"}
                if rest:
                    token[attr] = rest
                else:
                    del token[attr]
                extensions[_extension(attr, value["REGEX"], owners)] = True
        if extensions:
            existing = token.get("_")
            token["_"] = {**(existing if isinstance(existing, dict) else {}), **extensions}
        result.append(token)
    return result


def _extension(attr: str, expression: str, owners: tuple[str, ...]) -> str:
    from spacy.tokens import Token

    digest = hashlib.sha1(f"{attr}\0{expression}".encode()).hexdigest()[:16]
    name = f"vacaturelint_regex_{digest}"
    users = _owners.setdefault(name, set())
    users.update(owners)
    if not Token.has_extension(name):
        Token.set_extension(name, getter=_getter(_TEXT_OF[attr], budget.compile_user(expression), users))
    return name


def _getter(prop: str, pattern, owners: set[str]):
    verdicts: dict[str, bool] = {}

    def get(token) -> bool:
        text = str(getattr(token, prop))
        verdict = verdicts.get(text)
        if verdict is None:
            found = budget.current().search(pattern, text, tuple(owners))
            if found is budget.UNDECIDED:
                return False  # the rule is skipped for this document
            if len(verdicts) >= _CACHE_LIMIT:
                verdicts.clear()
            verdict = verdicts[text] = found is not None
        return verdict

    return get
