"""Find and parse the numbers of Vietnamese report text.

Vietnamese writes ``.`` between thousands and ``,`` as the decimal mark
(``1.234,5``), pads counts with leading zeros (``02 mô hình``) and fills reports
with numbers that are not results: dates, years, ranges of years, document
numbers (``Chỉ thị số 09``), names (``Ban Chỉ đạo 138``), ordinals (``lần thứ 2``),
durations (``10 năm thực hiện``) and numbers inside quoted names (``“5 không”``).
:func:`find_numbers` returns the figures; :func:`find_skipped_numbers` returns the
rest with the reason, so every digit in a text is accounted for.

The rules are generic; their vocabulary (cue words, heads, units) lives in
``numbers.yaml`` in this package. Everything is compiled once at import and
each number is classified from a small window around it, so a scan is linear
in the length of the text. Input is expected in NFC, as the project normalizes.

Modules: :mod:`.parse` (the value of a number), :mod:`.vocabulary` and
:mod:`.patterns` (``numbers.yaml`` compiled), :mod:`.context` (the words around
a number), :mod:`.quotes` (quoted names), :mod:`.skips` (why a lone number is
not a figure) and :mod:`.scanner` (the pass that ties them together).
"""

from __future__ import annotations

from extractors.text.numbers.mentions import NumberMention, SkippedNumber
from extractors.text.numbers.parse import parse_vietnamese_number
from extractors.text.numbers.scanner import _Scanner
from extractors.text.word_numbers import find_word_numbers

__all__ = [
    "NumberMention",
    "SkippedNumber",
    "find_numbers",
    "find_skipped_numbers",
    "parse_vietnamese_number",
    "scan_numbers",
]


def scan_numbers(text: str) -> tuple[list[NumberMention], list[SkippedNumber]]:
    """Both lists in one pass: the figures and the numbers left alone."""
    scanner = _Scanner(text).run()
    spelled = [
        NumberMention(s, e, s, e, value, text[s:e]) for s, e, value in find_word_numbers(text)
    ]
    if spelled:
        return sorted([*scanner.mentions, *spelled], key=lambda m: m.start), scanner.skipped
    return scanner.mentions, scanner.skipped


def find_numbers(text: str) -> list[NumberMention]:
    """Every number that reports a quantity, in text order."""
    return scan_numbers(text)[0]


def find_skipped_numbers(text: str) -> list[SkippedNumber]:
    """The numbers :func:`find_numbers` leaves alone, each with its reason."""
    return scan_numbers(text)[1]
