"""Spans of a text sorted by start, looked up by bisection.

A document's sentences each look up their number mentions, and its candidate
clauses the spans the cue rules found; scanning every span for every sentence or
clause grew with the square of the document's length.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate


class SpanIndex:
    """Spans (start, end) sorted by start: those inside a range, or whether any overlaps it."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self._order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self._starts = [spans[i][0] for i in self._order]
        self._spans = spans
        # the furthest end among the spans up to each position in start order
        self._reach = list(accumulate((spans[i][1] for i in self._order), max))

    def inside(self, start: int, end: int) -> list[int]:
        """Indices (in the original order) of the spans with ``start <= a and b <= end``."""
        lo, hi = bisect_left(self._starts, start), bisect_right(self._starts, end)
        found = [i for i in self._order[lo:hi] if self._spans[i][1] <= end]
        return sorted(found) if len(found) > 1 else found

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span ``(a, b)`` has ``a < end and start < b``."""
        before = bisect_left(self._starts, end)  # spans starting before ``end``
        return before > 0 and self._reach[before - 1] > start
