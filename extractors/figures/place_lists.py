"""Numbers listed by place in brackets after a total: "129 mô hình (Long An 38, Tây
Ninh 27, Bình Dương 45 ...)".

Each item counts what the total counts, in one place: it keeps the total's
indicator and unit, and the place is its breakdown. Only a number standing
right after a place name the gazetteer knows, inside an open bracket that
follows a classified figure of the same sentence, is read this way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.geo.gazetteer import resolve_place
from extractors.records import Figure

MAX_NAME_WORDS = 5
_ITEM = re.compile(r"[(,;]\s*(?P<name>[^\W\d_][^\d(),;:]*?)\s*:?\s*$")


def place_item(
    text: str, sentence_start: int, number_start: int, figures: Sequence[Figure]
) -> tuple[Figure, str] | None:
    """(the total, the place) when the number at ``number_start`` is a place's share
    of a total given just before an open bracket; else None."""
    opened = text.rfind("(", sentence_start, number_start)
    if opened < 0 or text.find(")", opened, number_start) >= 0:
        return None
    totals = [f for f in figures if f.end <= opened and f.indicator != "unclassified"]
    if not totals:
        return None
    match = _ITEM.search(text, opened, number_start)
    if match is None:
        return None
    name = match["name"].strip()
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or not all(w[:1].isupper() for w in words):
        return None
    if not resolve_place(name):
        return None
    return totals[-1], name
