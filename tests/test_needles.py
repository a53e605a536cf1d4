"""Needles: strings a pattern cannot match without, and skipping searches bound to fail."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractors.text import periods
from extractors.text.needles import DIGIT, Haystack, needles
from extractors.text.normalize import normalize_text, split_sentences

CORPORA = Path(__file__).resolve().parents[1] / "corpora"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\btừ\s+đầu\s+năm", {"đầu"}),  # the longest required literal run
        (r"(?:19|20)\d{2}", {"19", "20"}),
        (r"\d{1,2}/\d{4}", {DIGIT}),
        (r"quý\s+(?P<q>I{1,3}|IV)", {"quý"}),
        (r"(?:trong\s+)?năm", {"năm"}),  # an optional part requires nothing
        (r"(?:tháng|quý)\s*\d", {"tháng", "quý"}),
        (r"(?:tháng|\s)+", None),  # a branch that requires nothing
        (r"(?=năm)\w+", None),  # a look-ahead is not relied on
        (r"[ab]c?", None),
    ],
)
def test_needles_of_a_pattern(pattern: str, expected: set[str] | None) -> None:
    found = needles(re.compile(pattern, re.IGNORECASE))
    assert (found.strings if found else None) == (frozenset(expected) if expected else None)


def test_case_insensitive_needles_are_compared_case_folded() -> None:
    found = needles(re.compile(r"sáu\s+tháng", re.IGNORECASE))
    assert Haystack("SÁU THÁNG ĐẦU NĂM").may_match(found)
    assert not Haystack("sáu quý").may_match(found)
    exact = needles(re.compile(r"Quý"))
    assert exact is not None and not exact.folded
    assert not Haystack("quý").may_match(exact)
    assert Haystack("Quý").may_match(exact)


def test_a_digit_needle_is_any_decimal_digit() -> None:
    found = needles(re.compile(r"\d+"))
    assert Haystack("mã ٣").may_match(found)  # re's \d reads every decimal digit
    assert not Haystack("không có số").may_match(found)


def test_period_cues_find_the_same_periods_with_and_without_needles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every sentence of every corpus: the needles skip only searches that find nothing."""
    sentences = [
        s.text
        for path in sorted(CORPORA.rglob("*.txt"))
        for s in split_sentences(normalize_text(path.read_text(encoding="utf-8")))
    ]
    assert len(sentences) > 1000
    with_needles = [(periods.find_periods(s, None, 2024), periods.is_future(s)) for s in sentences]
    skipped = sum(
        not Haystack(s).may_match(n) for s in sentences for n in periods._cue_needles("cues")
    )
    monkeypatch.setattr(periods, "_cue_needles", lambda key: (None,) * len(periods._cues(key)))
    monkeypatch.setattr(periods, "_needles_of", lambda pattern: None)
    without = [(periods.find_periods(s, None, 2024), periods.is_future(s)) for s in sentences]
    assert with_needles == without
    assert sum(bool(found) for found, _ in without) > 100
    assert skipped > len(sentences) * 20  # most cues are skipped on most sentences
