"""Find and parse the numbers of Vietnamese report text.

Vietnamese writes ``.`` between thousands and ``,`` as the decimal mark
(``1.234,5``), pads counts with leading zeros (``02 mô hình``) and fills reports
with numbers that are not results: dates, years, ranges of years, document
numbers (``Chỉ thị số 09``), names (``Ban Chỉ đạo 138``), ordinals (``lần thứ 2``),
durations (``10 năm thực hiện``) and numbers inside quoted names (``“5 không”``).
:func:`find_numbers` returns the figures; :func:`find_skipped_numbers` returns the
rest with the reason, so every digit in a text is accounted for.

The rules are generic; their vocabulary (cue words, heads, units) lives in
``numbers.yaml`` next to this module. Everything is compiled once at import and
each number is classified from a small window around it, so a scan is linear
in the length of the text. Input is expected in NFC, as the project normalizes.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from extractors.text.word_numbers import find_word_numbers

__all__ = [
    "NumberMention",
    "SkippedNumber",
    "find_numbers",
    "find_skipped_numbers",
    "parse_vietnamese_number",
    "scan_numbers",
]


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


# --------------------------------------------------------------------------- parsing

_PLAIN_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_GROUP_SPACES = re.compile(r"(?<=\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))")


def _join_groups(int_part: str, sep: str) -> str | None:
    """``1.234.567`` -> ``1234567`` if every group after the first has 3 digits."""
    groups = int_part.split(sep)
    if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
        return None
    return "".join(groups)


def parse_vietnamese_number(s: str) -> float:
    """The value of a number written the Vietnamese way.

    ``"1.160"`` -> 1160, ``"02"`` -> 2, ``"2,5"`` -> 2.5, ``"1.234,5"`` -> 1234.5.
    Choices for the ambiguous cases:

    - one dot followed by exactly three digits groups thousands (``"145.410"``),
      except after a lone ``0`` (``"0.500"`` -> 0.5);
    - one dot followed by any other number of digits is an English-style decimal
      (``"1.5"`` -> 1.5, ``"2.25"`` -> 2.25);
    - one comma is always the decimal mark (``"1,234"`` -> 1.234), as Vietnamese
      writes it; several commas can only be English grouping (``"1,234,567"``);
    - with both marks, the last one is the decimal mark (``"1,234.5"`` also works);
    - non-breaking or thin spaces may group thousands (``"145 410"``).

    Raises ``ValueError`` for anything that is not such a number (signs, letters,
    malformed groups such as ``"1.23.4"``).
    """
    t = _GROUP_SPACES.sub(".", s.strip())
    if not _PLAIN_NUMBER.fullmatch(t):
        raise ValueError(f"not a number: {s!r}")
    dots, commas = t.count("."), t.count(",")
    if dots and commas:
        decimal = "," if t.rfind(",") > t.rfind(".") else "."
        group = "." if decimal == "," else ","
        int_part, _, frac = t.rpartition(decimal)
        joined = _join_groups(int_part, group) if decimal not in int_part else None
        if joined is None:
            raise ValueError(f"malformed number: {s!r}")
        return float(f"{joined}.{frac}")
    if dots or commas:
        sep = "." if dots else ","
        head, _, tail = t.partition(sep)
        if t.count(sep) == 1 and (sep == "," or len(tail) != 3 or head == "0"):
            return float(f"{head}.{tail}")
        joined = _join_groups(t, sep)
        if joined is None:
            raise ValueError(f"malformed number: {s!r}")
        return float(joined)
    return float(t)


# --------------------------------------------------------------------------- vocabulary

_TONE_FOLD = re.compile(r"o([àáảãạ])(?!\w)|o([èéẻẽẹ])(?!\w)|(?<!q)u([ỳýỷỹỵ])(?!\w)")
_TONE_MOVE = {
    **dict(zip("àáảãạ", "òóỏõọ", strict=True)),
    **dict(zip("èéẻẽẹ", "òóỏõọ", strict=True)),
    **dict(zip("ỳýỷỹỵ", "ùúủũụ", strict=True)),
}
_BASE_OF = {"à": "a", "á": "a", "ả": "a", "ã": "a", "ạ": "a"}
_BASE_OF.update({"è": "e", "é": "e", "ẻ": "e", "ẽ": "e", "ẹ": "e"})
_BASE_OF.update({"ỳ": "y", "ý": "y", "ỷ": "y", "ỹ": "y", "ỵ": "y"})


def _fold_tone(m: re.Match[str]) -> str:
    mark = m.group(1) or m.group(2) or m.group(3)
    return _TONE_MOVE[mark] + _BASE_OF[mark]


@lru_cache(maxsize=1 << 16)
def _canon(word: str) -> str:
    """Lower case, NFC, tone on the first vowel of oa/oe/uy ("khoá" -> "khóa")."""
    return _TONE_FOLD.sub(_fold_tone, unicodedata.normalize("NFC", word).lower())


def _phrase(entry: str) -> tuple[str, ...]:
    return tuple(_canon(w) for w in entry.split())


def _phrases(entries: Iterable[str]) -> set[tuple[str, ...]]:
    return {_phrase(e) for e in entries}


def _load_vocabulary() -> dict[str, Any]:
    with open(Path(__file__).with_name("numbers.yaml"), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


_V = _load_vocabulary()

_QUALIFIERS: dict[tuple[str, ...], str] = {
    _phrase(word): kind for kind, words in _V["qualifiers"].items() for word in words
}
_SCALES: dict[str, float] = {_canon(k): float(v) for k, v in _V["scale_words"].items()}
_ATTACHED_UNITS = set(_V["attached_units"])
_DOC_LOOKBACK = int(_V["document_types"]["lookback_words"])
_DOC_TYPES = _phrases(_V["document_types"]["any_case"])
_ALL_DOC_TYPES = _DOC_TYPES | _phrases(_V["document_types"]["capitalized"])
_COUNT_BEFORE_SO = _phrases(_V["count_before_so"])
_DISTRIBUTIVES = _phrases(_V["distributives"])
_DATE_CUES = _phrases(_V["dates"]["cues"])
_DATE_FOLLOWERS = {_canon(w) for w in _V["dates"]["followers"]}
_YEAR_MIN, _YEAR_MAX = int(_V["dates"]["year_min"]), int(_V["dates"]["year_max"])
_DURATION_UNITS = _phrases(_V["duration_units"])
_DURATION_EXCEPTIONS = _phrases(_V["duration_exceptions"])
_TIME_CUES = _phrases(_V["time_cues"])
_CODE_ZERO_DIGITS = int(_V["code_min_leading_zero_digits"])
_DEMOGRAPHIC_HEADS = _phrases(_V["demographic_heads"])

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
):
    for _entry in _entries:
        _HEADS.setdefault(_phrase(_entry), _kind)

_MAX_PHRASE = max(
    len(p) for p in [*_HEADS, *_QUALIFIERS, *_DOC_TYPES, *_DISTRIBUTIVES, *_DEMOGRAPHIC_HEADS]
)

_Q = _V["quotes"]
_QUOTE_OPENERS = set(_Q["openers"])
_QUOTE_CLOSERS = set(_Q["closers"])
_QUOTE_MAX_CHARS = int(_Q["max_chars"])
_QUOTE_MAX_WORDS = int(_Q["max_name_words"])


def _alternation(words: Iterable[str]) -> str:
    variants = {v for w in words for v in (w, _canon(w))}
    return "|".join(re.escape(w) for w in sorted(variants, key=len, reverse=True))


# --------------------------------------------------------------------------- patterns

_SP = r"[ \t\u00a0]"
_NUM = r"\d+(?:(?:[.,]|[\u00a0\u202f\u2009](?=\d{3}(?!\d)))\d+)*"
_NUM_RE = re.compile(_NUM)
# A run of numbers joined by date / ratio / range / time separators.
_CHUNK_RE = re.compile(rf"{_NUM}(?:(?:{_SP}*[–—]{_SP}*|{_SP}+-{_SP}+|[-/:]){_NUM})*")
_SEPARATOR_RE = re.compile(rf"{_SP}*([–—/:-]){_SP}*")
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_LETTERS_AFTER = re.compile(r"[^\W\d_]+")
_LETTERS_BEFORE_HYPHEN = re.compile(r"[^\W\d_]+-\Z")
_DIGITS_RE = re.compile(r"\d+")
_NAME_LIST_RE = re.compile(rf"{_SP}*(?:,|{_SP}và){_SP}*")
_ENDS_WITH_DIGIT_RE = re.compile(r"\d[ \t\u00a0]*\Z")
_MINUTES_RE = re.compile(r"\d{1,2}(?!\d)")
_DATE_CONNECTOR_RE = re.compile(
    rf"\s*(?:{_alternation(_V['dates']['range_connectors'])})\s*", re.IGNORECASE
)
_DOTTED_DATE_RE = re.compile(r"(\d{1,2})\.(\d{1,2})\.\d{4}")
_DOTTED_DAY_MONTH_RE = re.compile(r"(\d{1,2})\.(\d{1,2})")
# "P.3", "Q.12", "TX.5": an administrative unit abbreviated with a dot before its number.
_ABBREVIATED_NAME_RE = re.compile(
    rf"(?<![\w.])(?:{'|'.join(re.escape(a) for a in _V['abbreviated_name_heads'])})\.{_SP}?\Z"
)

# "01 tháng 8 năm 2013", "02 tháng 9": day, "tháng", month, maybe a year.
_DAY_MONTH_RE = re.compile(
    rf"(?<![\w.,])(\d{{1,2}}){_SP}+(?:{_alternation(_V['dates']['month_words'])})"
    rf"{_SP}+(\d{{1,2}})(?:{_SP}*,?{_SP}*(?:(?:{_alternation(_V['dates']['year_heads'])})"
    rf"{_SP}+|[/.-])\d{{2,4}})?(?![\w])",
    re.IGNORECASE,
)
# "44-KL/TW", "09/CTr-BCA-MTTQ", "1234/QĐ-UBND", "35/2019/NĐ-CP".
_DOC_CODE_RE = re.compile(r"(?<![\w.,/])\d+(?:/\d+)*[/-][A-ZĐ][\w]*(?:[-/.][\w]+)*")
_TIME_ZONE_RE = re.compile(
    rf"(?:{_alternation(_V['time_zones'])}){_SP}*[+-]{_SP}*\d{{1,2}}(?::?\d{{2}})?(?!\d)",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(
    rf"{_SP}?%|{_SP}+(?:{_alternation(w for w in _V['percent_words'] if w != '%')})(?!\w)",
    re.IGNORECASE,
)
_SCALE_ALT = _alternation(_V["scale_words"])
_SCALE_RE = re.compile(rf"{_SP}+((?:{_SCALE_ALT})(?:{_SP}+(?:{_SCALE_ALT}))*)(?!\w)", re.IGNORECASE)
_COMPOUND_RE = re.compile(rf"{_SP}+({_NUM}){_SP}+((?:{_SCALE_ALT}))(?!\w)", re.IGNORECASE)
_QUOTE_CHARS_RE = re.compile(
    "[" + re.escape("".join(_QUOTE_OPENERS | _QUOTE_CLOSERS | set(_Q["ambiguous"]))) + "]"
)
_BLANK_LINE_RE = re.compile(r"\n[ \t\u00a0]*\n")
_UNCLOSED_STOP_RE = re.compile(
    r"\n|" + "|".join(re.escape(c) for c in _Q["unclosed_stops"]) + "|" + _QUOTE_CHARS_RE.pattern
)
_FIRST_WORDS_RE = re.compile(rf"\s*(?:\S+\s+){{0,{_QUOTE_MAX_WORDS - 1}}}\S+")
_OPENING_CONTEXT = set(" \t\n\u00a0([{:;,–—-") | _QUOTE_OPENERS


# --------------------------------------------------------------------------- context


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


# --------------------------------------------------------------------------- quoted names


def _is_opener(text: str, i: int) -> bool:
    ch = text[i]
    if ch in _QUOTE_OPENERS:
        return True
    if ch in _QUOTE_CLOSERS:
        return False
    return i == 0 or text[i - 1] in _OPENING_CONTEXT


def _is_apostrophe(text: str, i: int) -> bool:
    """``’`` or ``"`` between two letters, as in "H’Mông", is not a quote."""
    return (
        text[i] not in _QUOTE_OPENERS
        and 0 < i < len(text) - 1
        and text[i - 1].isalpha()
        and text[i + 1].isalpha()
    )


def _unclosed_span(text: str, start: int, limit: int) -> tuple[int, int]:
    """An unclosed quote covers its first words, up to the line's end or a clause mark."""
    limit = min(limit, start + 1 + _QUOTE_MAX_CHARS)
    stop = _UNCLOSED_STOP_RE.search(text, start + 1, limit)
    end = stop.start() if stop else limit
    words = _FIRST_WORDS_RE.match(text, start + 1, end)
    return start, words.end() if words else end


def _quoted_name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of short quoted names; long closed quotes (speeches) are left out."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _QUOTE_CHARS_RE.finditer(text):
        i = m.start()
        if _is_apostrophe(text, i):
            continue
        if _is_opener(text, i):
            if open_at is not None:
                spans.append(_unclosed_span(text, open_at, i))
            open_at = i
            continue
        if open_at is None:
            continue  # a stray closer
        if _BLANK_LINE_RE.search(text, open_at, i):
            spans.append(_unclosed_span(text, open_at, i))
        elif len(text[open_at + 1 : i].split()) <= _QUOTE_MAX_WORDS:
            spans.append((open_at, i + 1))
        open_at = None
    if open_at is not None:
        spans.append(_unclosed_span(text, open_at, len(text)))
    return spans


# --------------------------------------------------------------------------- classification


def _covering(starts: list[int], spans: Sequence[tuple[Any, ...]], pos: int) -> int:
    """Index of the span (sorted, not overlapping) that contains ``pos``, or -1."""
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < spans[i][1] else -1


def _valid_day_month(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _is_year(digits: str) -> bool:
    return digits.isdigit() and len(digits) == 4 and _YEAR_MIN <= int(digits) <= _YEAR_MAX


class _Scanner:
    """One pass over one text: every digit run becomes a mention or a skipped number."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.mentions: list[NumberMention] = []
        self.skipped: list[SkippedNumber] = []
        self.spans = self._pattern_spans()
        self.span_starts = [s for s, _, _ in self.spans]
        self.quoted = _quoted_name_spans(text)
        self.quoted_starts = [s for s, _ in self.quoted]
        self.consumed = 0  # end of the last mention or skip, whose chunks are already handled
        self.last_date_end = -1
        self.last_name_end = -1

    def _pattern_spans(self) -> list[tuple[int, int, str]]:
        text = self.text
        spans = [(m.start(), m.end(), "document_number") for m in _DOC_CODE_RE.finditer(text)]
        spans += [(m.start(), m.end(), "time") for m in _TIME_ZONE_RE.finditer(text)]
        spans += [
            (m.start(), m.end(), "date")
            for m in _DAY_MONTH_RE.finditer(text)
            if self._is_day_month(m)
        ]
        spans.sort()
        kept: list[tuple[int, int, str]] = []
        for span in spans:  # the first of two overlapping spans wins
            if not kept or span[0] >= kept[-1][1]:
                kept.append(span)
        return kept

    def _is_day_month(self, m: re.Match[str]) -> bool:
        if not _valid_day_month(int(m.group(1)), int(m.group(2))):
            return False
        if _longest_before(_words_before(self.text, m.start()), _DATE_CUES):
            return True
        after = _words_after(self.text, m.end(), 1)
        return not after or after[0].text in _DATE_FOLLOWERS

    # ----------------------------------------------------------------- driver

    def run(self) -> _Scanner:
        for m in _CHUNK_RE.finditer(self.text):
            if m.start() < self.consumed:
                continue  # "500" of "2 tỷ 500 triệu", "30" of "8h30"
            i = _covering(self.span_starts, self.spans, m.start())
            if i >= 0:
                self._skip(*self.spans[i])  # the whole "01 tháng 8 năm 2013", once
            else:
                self._chunk(m)
        return self

    def _skip(self, start: int, end: int, reason: str) -> None:
        self.skipped.append(SkippedNumber(start, end, self.text[start:end], reason))
        self.consumed = max(self.consumed, end)
        if reason == "name_number":
            self.last_name_end = end
        if reason == "date":
            self.last_date_end = end

    def _chunk(self, m: re.Match[str]) -> None:
        s, e = m.span()
        if self._glued_code(s, e):
            return
        parts = list(_NUM_RE.finditer(self.text, s, e))
        seps = self._separators(parts)
        # A spaced dash between pieces of different shapes ("21/3/2024 - 09:15",
        # "1/8 – 5/8") separates two expressions rather than joining one.
        mixed = len({sep.group(1) for sep in seps}) > 1
        groups = [[parts[0]]]
        for sep, part in zip(seps, parts[1:], strict=True):
            if mixed and sep.group() != sep.group(1):
                groups.append([part])
            else:
                groups[-1].append(part)
        for group in groups:
            self._expression(group)

    def _separators(self, parts: list[re.Match[str]]) -> list[re.Match[str]]:
        seps = [
            _SEPARATOR_RE.fullmatch(self.text, a.end(), b.start())
            for a, b in zip(parts, parts[1:], strict=False)
        ]
        return [sep for sep in seps if sep is not None]

    def _expression(self, parts: list[re.Match[str]]) -> None:
        s, e = parts[0].start(), parts[-1].end()
        if len(parts) == 1:
            self._single(s, e)
            return
        kinds = {sep.group(1) for sep in self._separators(parts)}
        values = [p.group() for p in parts]
        if ":" in kinds:
            clock = len(values) <= 3 and all(len(v) == 2 for v in values[1:])
            if clock or len(values) != 2:
                self._skip(s, e, "time")
            else:
                self._ratio(s, e, *values)  # "tỷ lệ 1:2"
        elif len(parts) >= 3:
            self._skip(s, e, "date" if self._is_full_date(values) else "code")
        elif kinds == {"/"}:
            self._slash_pair(s, e, values)
        else:
            self._dash_pair(s, e, values)

    def _glued_code(self, s: int, e: int) -> bool:
        """Digits glued to letters: codes (PC06, COVID-19, 5G), clock times (8h30), units (5km)."""
        text = self.text
        before = text[s - 1] if s else ""
        glued_before = before == "-" and _LETTERS_BEFORE_HYPHEN.search(text, max(0, s - 32), s)
        if before.isalpha() or glued_before:
            start = s - 1
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
                start -= 1
            end = e
            while end < len(text) and text[end].isalnum():
                end += 1
            self._skip(start, end, "code")
            return True
        letters = _LETTERS_AFTER.match(text, e)
        if letters:
            unit = letters.group()
            minutes = _MINUTES_RE.match(text, letters.end())
            if unit == "h" or (unit == "g" and minutes):  # "8h", "7h30", "14g15"
                self._skip(s, minutes.end() if minutes else letters.end(), "time")
            elif unit in _ATTACHED_UNITS and _NUM_RE.fullmatch(text, s, e):
                if _longest_before(_words_before(text, s), _DEMOGRAPHIC_HEADS):
                    self._skip(s, letters.end(), "demographics")  # "rộng 81,71km2"
                else:
                    self._mention(s, e, unit_end=letters.end())
            else:
                end = letters.end()
                while end < len(text) and text[end].isalnum():
                    end += 1
                self._skip(s, end, "code")
            return True
        # Phone numbers and codes: "0912345678", "0211.3822"; but "02", "07/07" are counts.
        lead = _DIGITS_RE.match(text, s, e)
        digits = lead.group() if lead else ""
        long_lead = len(digits) >= _CODE_ZERO_DIGITS or (len(digits) >= 3 and s + len(digits) < e)
        if digits.startswith("0") and long_lead:
            self._skip(s, e, "code")
            return True
        return False

    @staticmethod
    def _is_full_date(values: list[str]) -> bool:
        if len(values) != 3 or not all(v.isdigit() for v in values):
            return False
        d, mo, y = values
        return _valid_day_month(int(d), int(mo)) and len(y) in (2, 4)

    def _date_cue_before(self, s: int) -> bool:
        return bool(_longest_before(_words_before(self.text, s), _DATE_CUES))

    def _continues_a_date(self, s: int) -> bool:
        """``5/8`` in ``từ 1/8 đến 5/8``: joined to the date just before by a connector."""
        return self.last_date_end >= 0 and bool(
            _DATE_CONNECTOR_RE.fullmatch(self.text, self.last_date_end, s)
        )

    def _slash_pair(self, s: int, e: int, values: list[str]) -> None:
        a, b = values
        if self._head_reason(_words_before(self.text, s)) == "document_number":
            self._skip(s, e, "document_number")  # "Thông tư 23/2012", "Quyết định 15/2020"
            return
        if not (a.isdigit() and b.isdigit()):
            self._ratio(s, e, a, b)
            return
        if _is_year(a) and _is_year(b):
            self._skip(s, e, "range")  # school or fiscal year "2022/2023"
            return
        date_like = _valid_day_month(int(a), int(b)) or (int(a) <= 12 and _is_year(b))
        if date_like and (self._date_cue_before(s) or self._continues_a_date(s)):
            self._skip(s, e, "date")
            return
        after = _words_after(self.text, e, 1)
        noun_after = bool(after) and after[0].text not in _DATE_FOLLOWERS
        if int(a) <= int(b) and noun_after and not _is_year(b):
            self._ratio(s, e, a, b)
        elif date_like:
            self._skip(s, e, "date")
        else:
            self._ratio(s, e, a, b)

    def _dash_pair(self, s: int, e: int, values: list[str]) -> None:
        a, b = values
        day_month = a.isdigit() and b.isdigit() and _valid_day_month(int(a), int(b))
        # "ngày 19-8" and "29-11" are dates; "5-7 người" and "2013-2023" are ranges.
        is_date = day_month and (self._date_cue_before(s) or int(a) > int(b))
        self._skip(s, e, "date" if is_date else "range")

    def _ratio(self, s: int, e: int, a: str, b: str) -> None:
        try:
            denominator = parse_vietnamese_number(b)
        except ValueError:
            self._skip(s, e, "code")
            return
        self._mention(s, e, numerator=a, denominator=denominator)

    # ----------------------------------------------------------------- single numbers

    def _single(self, s: int, e: int) -> None:
        before = _words_before(self.text, s, _MAX_PHRASE + _DOC_LOOKBACK + 1)
        reason = (
            ("demographics" if _longest_before(before, _DEMOGRAPHIC_HEADS) else None)
            or self._head_reason(before)
            or self._name_continued(s, e)
            or self._bare_date_or_year(self.text[s:e], before)
            or self._list_marker(s, e)
            or self._duration(e, before)
            or ("quoted_name" if _covering(self.quoted_starts, self.quoted, s) >= 0 else None)
        )
        if reason is not None:
            self._skip(s, e, reason)
        else:
            self._mention(s, e, before=before)

    @staticmethod
    def _bare_date_or_year(digits: str, before: list[_Word]) -> str | None:
        """``20.8.2012``; a bare ``2023`` unless a qualifier makes it a count ("khoảng 2000")."""
        dotted = _DOTTED_DATE_RE.fullmatch(digits)
        if dotted and _valid_day_month(int(dotted[1]), int(dotted[2])):
            return "date"
        # "Chiều 21.7", "tính đến 1.7": day.month after a date cue
        dotted = _DOTTED_DAY_MONTH_RE.fullmatch(digits)
        valid = dotted and _valid_day_month(int(dotted[1]), int(dotted[2]))
        if valid and _longest_before(before, _DATE_CUES):
            return "date"
        if _is_year(digits) and not _longest_before(before, _QUALIFIERS):
            return "year"
        return None

    def _duration(self, e: int, before: list[_Word]) -> str | None:
        """``10 năm thực hiện``, ``3 tháng``; ``lúc 8 giờ`` is a clock time; not ``ngày công``."""
        after = _words_after(self.text, e, _MAX_PHRASE)
        if not _longest_after(after, _DURATION_UNITS) or _longest_after(
            after, _DURATION_EXCEPTIONS
        ):
            return None
        return "time" if _longest_before(before, _TIME_CUES) else "duration"

    def _head_reason(self, before: list[_Word]) -> str | None:
        """Why the words before a number make it a non-figure, if they do."""
        k = _longest_before(before, _HEADS)
        if not k:
            return None
        head = tuple(w.text for w in reversed(before[:k]))
        kind = _HEADS[head]
        if kind == "so":
            rest = before[1:]
            if _longest_before(rest, _COUNT_BEFORE_SO):
                return None
            for j in range(min(len(rest), _DOC_LOOKBACK)):
                if _longest_before(rest[j:], _ALL_DOC_TYPES):
                    return "document_number"
            return "ordinal"
        if kind == "document":
            return "document_number"
        if kind == "document_capitalized":
            return "document_number" if before[k - 1].capitalized else None
        if _longest_before(before[k:], _DISTRIBUTIVES):
            return None  # "mỗi tổ 5 người", "mỗi năm 200 vụ"
        head_start = before[k - 1].start
        if kind in ("date", "year") and _ENDS_WITH_DIGIT_RE.search(
            self.text, max(0, head_start - 16), head_start
        ):
            return None  # "trong 3 tháng 5 đối tượng": "tháng" ends a duration here
        return {"year": "year", "date": "date", "ordinal": "ordinal"}.get(kind, "name_number")

    def _name_continued(self, s: int, e: int) -> str | None:
        """``phường 1, 2 và 4``: numbers listed after a name's number; ``P.3``, ``Q. 12``."""
        text = self.text
        short = e - s <= 2 and text[s:e].isdigit()
        if (
            short
            and self.last_name_end >= 0
            and _NAME_LIST_RE.fullmatch(text, self.last_name_end, s)
        ):
            return "name_number"
        if _ABBREVIATED_NAME_RE.search(text, max(0, s - 6), s):
            return "name_number"
        return None

    def _list_marker(self, s: int, e: int) -> str | None:
        """``1.`` / ``2)`` / ``3 |`` opening a line, ``(3)`` and ``[4]`` in running text."""
        text = self.text
        prev = text[s - 1] if s else "\n"
        nxt = text[e] if e < len(text) else ""
        if (prev, nxt) in {("(", ")"), ("[", "]")}:
            return "ordinal"
        line_start = text.rfind("\n", max(0, s - 8), s) + 1
        at_line_start = (s == 0 or line_start > 0) and not text[line_start:s].strip()
        if nxt and nxt in ".)" and at_line_start and text[e + 1 : e + 2] in (" ", "\t"):
            return "ordinal"
        if at_line_start and text[e : e + 3].lstrip(" \t").startswith("|"):
            return "ordinal"  # the row number of a text table: "1 | Số đợt ... | 1.468"
        return None

    # ----------------------------------------------------------------- mentions

    def _mention(
        self,
        s: int,
        e: int,
        *,
        before: list[_Word] | None = None,
        numerator: str | None = None,
        denominator: float | None = None,
        unit_end: int | None = None,
    ) -> None:
        text = self.text
        try:
            value = parse_vietnamese_number(numerator if numerator is not None else text[s:e])
        except ValueError:
            self._skip(s, e, "code")
            return
        if before is None:
            before = _words_before(text, s)
        start, qualifier = s, "exact"
        k = _longest_before(before, _QUALIFIERS)
        if k:
            qualifier = _QUALIFIERS[tuple(w.text for w in reversed(before[:k]))]
            start = before[k - 1].start
        end, scale_word, is_percent = e, None, False
        if unit_end is not None:
            end = unit_end
        elif pct := _PERCENT_RE.match(text, e):
            end, is_percent = pct.end(), True
        elif numerator is None and (scale := _SCALE_RE.match(text, e)):
            scale_word = scale.group(1)
            factor = 1.0
            for w in scale_word.split():
                factor *= _SCALES[_canon(w)]
            value, end = round(value * factor, 6), scale.end()
            while (more := _COMPOUND_RE.match(text, end)) and _SCALES[
                _canon(more.group(2))
            ] < factor:
                factor = _SCALES[_canon(more.group(2))]
                value = round(value + parse_vietnamese_number(more.group(1)) * factor, 6)
                end = more.end()
        self.mentions.append(
            NumberMention(
                start=start,
                end=end,
                number_start=s,
                number_end=e,
                value=value,
                raw=text[s:e],
                qualifier=qualifier,
                denominator=denominator,
                scale_word=scale_word,
                is_percent=is_percent,
            )
        )
        self.consumed = max(self.consumed, end)


# --------------------------------------------------------------------------- public API


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
