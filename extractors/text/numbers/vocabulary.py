"""The vocabulary of ``numbers.yaml``, folded to one canonical word form and compiled once.

Words are compared in :func:`_canon` form: lower case, NFC, and the project's
one tone placement (:func:`extractors.text.normalize.normalize_tone`), so
``khoá`` in a text matches ``khóa`` in the vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from extractors.text.normalize import normalize_tone
from extractors.text.yaml_data import load_data


@lru_cache(maxsize=1 << 16)
def _canon(word: str) -> str:
    """Lower case, NFC, tone on the first vowel of oa/oe/uy ("khoá" -> "khóa")."""
    return normalize_tone(unicodedata.normalize("NFC", word).lower())


def _phrase(entry: str) -> tuple[str, ...]:
    return tuple(_canon(w) for w in entry.split())


def _phrases(entries: Iterable[str]) -> set[tuple[str, ...]]:
    return {_phrase(e) for e in entries}


_V: dict[str, Any] = load_data(__file__, "numbers.yaml")
_QUALIFIERS: dict[tuple[str, ...], str] = {
    _phrase(word): kind for kind, words in _V["qualifiers"].items() for word in words
}
_SCALES: dict[str, float] = {_canon(k): float(v) for k, v in _V["scale_words"].items()}
_ATTACHED_UNITS = set(_V["attached_units"])
_DOC_LOOKBACK = int(_V["document_types"]["lookback_words"])
_DOC_TYPES = _phrases(_V["document_types"]["any_case"])
_ALL_DOC_TYPES = _DOC_TYPES | _phrases(_V["document_types"]["capitalized"])
_DOC_ISSUER_WORDS = _phrases(_V["document_types"].get("issuer_words", []))
_COUNT_BEFORE_SO = _phrases(_V["count_before_so"])
_DISTRIBUTIVES = _phrases(_V["distributives"])
_DATE_CUES = _phrases(_V["dates"]["cues"])
_DATE_FOLLOWERS = {_canon(w) for w in _V["dates"]["followers"]}
_YEAR_MIN, _YEAR_MAX = int(_V["dates"]["year_min"]), int(_V["dates"]["year_max"])
_DURATION_UNITS = _phrases(_V["duration_units"])
_DURATION_EXCEPTIONS = _phrases(_V["duration_exceptions"])
_DURATION_REVIEW_HEADS = _phrases(_V.get("duration_review_heads", []))
_TIME_CUES = _phrases(_V["time_cues"])
_CLOCK_G_FOLLOWERS = _phrases(_V.get("clock_g_followers", []))
_CODE_ZERO_DIGITS = int(_V["code_min_leading_zero_digits"])
_GLUED_LEAD_WORDS = frozenset(_canon(w) for w in _V.get("glued_lead_words", []))
_DEMOGRAPHIC_HEADS = _phrases(_V["demographic_heads"])
_DEMOGRAPHIC_EXCEPTIONS = _phrases(_V.get("demographic_head_exceptions", []))
_DEMOGRAPHIC_FILLERS = _phrases(_V.get("demographic_fillers", []))
_HEAD_EXCEPTIONS = _phrases(_V.get("head_exceptions", []))
# "xã, phường 9 đối tượng": a head after another unit and a comma is not a name
_UNIT_LIST_WORDS = _phrases(_V.get("unit_list_words", []))
# "làng Chơ Rơn 2", "ấp Phú Hòa 1": a number after a place's capitalised name
_PLACE_NAME_HEADS = _phrases(_V.get("place_name_heads", []))
# "24/24" and "24/7": round the clock, not a ratio
_ROUND_THE_CLOCK = frozenset(str(r).replace(" ", "") for r in _V.get("round_the_clock", []))

# Heads: words directly before a number that say what kind of non-figure it is.
# Later lists do not override earlier ones, so the order sets the priority.
_HEADS: dict[tuple[str, ...], str] = {}
for _kind, _entries in (
    ("document", _V["document_types"]["any_case"]),
    ("document_capitalized", _V["document_types"]["capitalized"]),
    ("document", _V["document_types"]["legal_units"]),
    ("so", ["số"]),
    ("year", _V["dates"]["year_heads"]),
    ("date", _V["dates"]["heads"]),
    ("ordinal", _V["ordinal_heads"]),
    ("name", _V["name_heads"]),
    ("name_capitalized", _V.get("capitalized_name_heads", [])),
    ("level", _V.get("level_heads", [])),
):
    for _entry in _entries:
        _HEADS.setdefault(_phrase(_entry), _kind)

_MAX_PHRASE = max(
    len(p)
    for p in [
        *_HEADS,
        *_QUALIFIERS,
        *_DOC_TYPES,
        *_DISTRIBUTIVES,
        *_DEMOGRAPHIC_HEADS,
        *_DEMOGRAPHIC_FILLERS,
    ]
)

_Q = _V["quotes"]
_QUOTE_OPENERS = set(_Q["openers"])
_QUOTE_CLOSERS = set(_Q["closers"])
_QUOTE_MAX_CHARS = int(_Q["max_chars"])
_QUOTE_MAX_WORDS = int(_Q["max_name_words"])


def _alternation(words: Iterable[str]) -> str:
    variants = {v for w in words for v in (w, _canon(w))}
    return "|".join(re.escape(w) for w in sorted(variants, key=len, reverse=True))


def qualifier_words() -> list[str]:
    """The words before a number that say how exact it is ("hơn", "gần", "khoảng" ...)."""
    return [word for words in _V["qualifiers"].values() for word in words]
