"""The two results of the number scan: a figure (:class:`NumberMention`) or a number left alone."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NumberMention:
    """A number that reports something, with the words that qualify and scale it."""

    start: int  # includes a qualifier word before the number ("hơn 145.410")
    end: int  # includes a scale word or "%" after it ("22 tỷ", "95%")
    number_start: int
    number_end: int
    value: float
    raw: str
    qualifier: str = "exact"  # exact / more_than / about / at_least
    denominator: float | None = None
    scale_word: str | None = None
    is_percent: bool = False


@dataclass(frozen=True)
class SkippedNumber:
    """A number that is not a figure, and why (date, year, range, document_number, ...)."""

    start: int
    end: int
    raw: str
    reason: str
