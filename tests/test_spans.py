"""The one overlap test for half-open character spans (vacaturelint/spans.py)."""

from __future__ import annotations

import pytest

from vacaturelint.spans import overlaps, overlaps_any

pytestmark = pytest.mark.fast  # the fast tier (README): seconds per test, no external programs


@pytest.mark.parametrize(("a", "b", "expected"), [
    ((0, 5), (5, 9), False),   # touching is not overlapping
    ((0, 5), (4, 9), True),
    ((2, 3), (0, 9), True),    # inside
    ((3, 3), (0, 9), True),    # an empty span inside another
    ((5, 5), (5, 9), False),   # an empty span at the start
    ((0, 0), (0, 0), False),
])
def test_overlaps_is_symmetric_and_half_open(a, b, expected):
    assert overlaps(*a, *b) is expected
    assert overlaps(*b, *a) is expected


def test_overlaps_any():
    taken = [(0, 4), (10, 14)]
    assert overlaps_any(3, 6, taken) and overlaps_any(12, 20, taken)
    assert not overlaps_any(4, 10, taken) and not overlaps_any(4, 10, [])
