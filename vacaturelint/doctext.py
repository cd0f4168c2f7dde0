"""A Doc's text, kept once. spaCy's ``Doc.text`` joins every token's text on each access,
which is costly on a long block that several checks read; the engine's tokenizer stores
the text it was given (nlp.GluedTokenizer), and :func:`text_of` falls back to ``Doc.text``
(and keeps it) for any other Doc."""

from __future__ import annotations

KEY = "vacaturelint.text"


def text_of(doc) -> str:
    data = getattr(doc, "user_data", None)  # a text-only stand-in (big files: TextDoc) has none
    if data is None:
        return doc.text
    text = data.get(KEY)
    if text is None:
        text = data[KEY] = doc.text
    return text
