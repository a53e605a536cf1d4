"""The words around a number, and the small checks every rule shares."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any, NamedTuple

from extractors.text.numbers.patterns import _TOKEN_RE
from extractors.text.numbers.vocabulary import _MAX_PHRASE, _YEAR_MAX, _YEAR_MIN, _canon


class _Word(NamedTuple):
    text: str  # canonical form
    start: int
    end: int
    capitalized: bool


def _words_before(text: str, pos: int, limit: int = _MAX_PHRASE + 2) -> list[_Word]:
    """Words directly before ``pos``, nearest first, stopping at punctuation or a blank line."""
    lo = max(0, pos - 10 * limit)  # Vietnamese syllables are short
    window = text[lo:pos]
    words: list[_Word] = []
    edge = len(window)
    for tok in reversed(list(_TOKEN_RE.finditer(window))):
        if window.count("\n", tok.end(), edge) > 1 or not tok.group()[0].isalpha():
            break
        if tok.start() == 0 and lo > 0:
            break  # possibly cut in the middle of a word
        w = tok.group()
        words.append(_Word(_canon(w), lo + tok.start(), lo + tok.end(), w[0].isupper()))
        if len(words) == limit:
            break
        edge = tok.start()
    return words


def _words_after(text: str, pos: int, limit: int = 4) -> list[_Word]:
    """Words directly after ``pos``, in order, stopping at punctuation, digits or a blank line."""
    window = text[pos : pos + 10 * limit]
    words: list[_Word] = []
    edge = 0
    for tok in _TOKEN_RE.finditer(window):
        if window.count("\n", edge, tok.start()) > 1 or not tok.group()[0].isalpha():
            break
        w = tok.group()
        words.append(_Word(_canon(w), pos + tok.start(), pos + tok.end(), w[0].isupper()))
        if len(words) == limit:
            break
        edge = tok.end()
    return words


def _longest_before(
    words: list[_Word], table: dict[tuple[str, ...], Any] | set[tuple[str, ...]]
) -> int:
    """Length of the longest phrase of ``table`` ending at the nearest word (0 if none)."""
    for k in range(min(len(words), _MAX_PHRASE), 0, -1):
        if tuple(w.text for w in reversed(words[:k])) in table:
            return k
    return 0


def _longest_after(words: list[_Word], table: set[tuple[str, ...]]) -> int:
    for k in range(min(len(words), _MAX_PHRASE), 0, -1):
        if tuple(w.text for w in words[:k]) in table:
            return k
    return 0


def _covering(starts: list[int], spans: Sequence[tuple[Any, ...]], pos: int) -> int:
    """Index of the span (sorted, not overlapping) that contains ``pos``, or -1."""
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < spans[i][1] else -1


def _valid_day_month(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _is_year(digits: str) -> bool:
    return digits.isdigit() and len(digits) == 4 and _YEAR_MIN <= int(digits) <= _YEAR_MAX
