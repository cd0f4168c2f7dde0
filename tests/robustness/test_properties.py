"""Property tests: for arbitrary Unicode text in every input format the engine never
raises, every finding lies inside the text with exact positions, and linting is
deterministic."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robustness.conftest import assert_positions

pytestmark = pytest.mark.fast  # the fast tier (README): seconds per test, no external programs

# Dutch vacancy fragments, markup and awkward characters, mixed with arbitrary text.
FRAGMENTS = [
    "Wij zoeken een jonge collega. ", "Je bent maximaal 35 jaar. ", "(m/v) ", "moedertaal Nederlands ",
    "\n", "\r\n", "\r", "\u2028", "\n\n", "- ", "# ", "<!-- ", " -->", "<!-- vacaturelint-disable LFT001 -- r -->",
    "<p>", "</p>", "<li>", "&amp;", "&#x1F600;", "**", "`", "[", "](http://x.nl)", "😀", "één", "café", "’",
    "\u00a0", "\t", "\x00", "\ufeff", "\u0301",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=25).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(linter, text, kind):
    first = linter.lint_text(text, "v", kind).findings
    assert_positions(text, first)
    again = linter.lint_text(text, "v", kind).findings
    assert [(f.start, f.end, f.rule, f.severity, f.message) for f in first] == \
        [(f.start, f.end, f.rule, f.severity, f.message) for f in again]


@SETTINGS
@given(text=TEXT)
def test_plain(linter, text):
    _check(linter, text, "plain")


@SETTINGS
@given(text=TEXT)
def test_markdown(linter, text):
    _check(linter, text, "markdown")


@SETTINGS
@given(text=TEXT)
def test_html(linter, text):
    _check(linter, text, "html")


@SETTINGS
@given(data=st.binary(max_size=300))
def test_any_bytes_decode_or_fail_with_one_input_error(data):
    from vacaturelint.errors import InputError
    from vacaturelint.source import source_from_bytes

    try:
        source = source_from_bytes(data, "v.txt")
    except InputError as error:
        assert str(error).startswith("v.txt: ") and "\n" not in str(error)
    else:
        assert isinstance(source.text, str)


def test_lone_surrogates_from_an_editor_buffer_do_not_crash(linter):
    text = "Wij zoeken een jonge collega.\ud865 \udc00x\n"
    for kind in ("plain", "markdown", "html"):
        assert_positions(text, linter.lint_text(text, "v", kind).findings)
