"""One pass over one text: every digit run becomes a figure or a skipped number.

Pattern spans (document codes, time zones, "01 tháng 8") are found first; each
remaining run of digits is split into expressions (dates, ratios, ranges,
clock times) and a lone number goes through the skip rules of
:mod:`extractors.text.numbers.skips` before it becomes a
:class:`~extractors.text.numbers.mentions.NumberMention` with its
qualifier, percent or scale word.
"""

from __future__ import annotations

import re

from extractors.text.numbers import skips
from extractors.text.numbers.context import (
    _covering,
    _is_year,
    _longest_after,
    _longest_before,
    _valid_day_month,
    _Word,
    _words_after,
    _words_before,
)
from extractors.text.numbers.mentions import NumberMention, SkippedNumber
from extractors.text.numbers.parse import parse_vietnamese_number
from extractors.text.numbers.patterns import (
    _CAPS_BEFORE_HYPHEN,
    _CHUNK_RE,
    _COMPOUND_RE,
    _DATE_CONNECTOR_RE,
    _DAY_MONTH_RE,
    _DIGITS_RE,
    _DOC_CODE_RE,
    _FOREIGN_DATE_RE,
    _FURNITURE_AFTER_RE,
    _LETTERS_AFTER,
    _LETTERS_BEFORE_HYPHEN,
    _MINUTES_RE,
    _NUM_RE,
    _PERCENT_RE,
    _SCALE_RE,
    _SEPARATOR_RE,
    _TIME_ZONE_RE,
)
from extractors.text.numbers.quotes import _quoted_name_spans
from extractors.text.numbers.vocabulary import (
    _ATTACHED_UNITS,
    _CLOCK_G_FOLLOWERS,
    _CODE_ZERO_DIGITS,
    _DATE_CUES,
    _DATE_FOLLOWERS,
    _DEMOGRAPHIC_EXCEPTIONS,
    _DEMOGRAPHIC_FILLERS,
    _DEMOGRAPHIC_HEADS,
    _DOC_LOOKBACK,
    _GLUED_LEAD_WORDS,
    _MAX_PHRASE,
    _QUALIFIERS,
    _ROUND_THE_CLOCK,
    _SCALES,
    _canon,
)


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
        if _FOREIGN_DATE_RE is not None:
            spans += [(m.start(), m.end(), "date") for m in _FOREIGN_DATE_RE.finditer(text)]
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
            # a time stamp after a date, its minutes unpadded: "28.1.2021 - 16:6"
            after_date = re.search(r"\d{4}\s*[-–,]?\s*$", self.text[max(0, s - 8) : s])
            clock = clock or (after_date is not None and int(values[0]) <= 23)
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

    def _clock_g(self, s: int, e: int, end: int) -> bool:
        """An hour with "g" for "giờ": at most 24, a part of the day or a date after it."""
        if not self.text[s:e].isdigit() or int(self.text[s:e]) > 24:
            return False
        return _longest_after(_words_after(self.text, end, 2), _CLOCK_G_FOLLOWERS) > 0

    def _glued_code(self, s: int, e: int) -> bool:
        """Digits glued to letters: codes (PC06, COVID-19, 5G), clock times (8h30), units (5km)."""
        text = self.text
        before = text[s - 1] if s else ""
        if before == "_" or text.startswith("_", e):  # a file name: "DUNG HINH.02_03_26_07"
            start, end = s, e
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_."):
                start -= 1
            while end < len(text) and (text[end].isalnum() or text[end] in "_."):
                end += 1
            self._skip(start, end, "code")
            return True
        if text.startswith("°", e):  # a temperature in a weather box: "32°C"
            self._skip(s, e + 1, "measure")
            return True
        glued_before = before == "-" and _LETTERS_BEFORE_HYPHEN.search(text, max(0, s - 32), s)
        # a code in capitals whose hyphen a space follows: "COVID- 19", "AK- 47"
        glued_before = glued_before or (
            before == " " and _CAPS_BEFORE_HYPHEN.search(text, max(0, s - 32), s - 1)
        )
        if before.isalpha() and self._typo_glued(s, e):
            return False  # "có6 súng": a space left out, the count is read
        if before.isalpha() or glued_before:
            start = s - 2 if before == " " else s - 1
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
            if unit == "h" or (unit == "g" and (minutes or self._clock_g(s, e, letters.end()))):
                # "8h", "7h30", "14g15", "1g sáng"
                self._skip(s, minutes.end() if minutes else letters.end(), "time")
            elif unit in _ATTACHED_UNITS and _NUM_RE.fullmatch(text, s, e):
                if _demographic_before(_words_before(text, s)):
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

    def _typo_glued(self, s: int, e: int) -> bool:
        """A lower-case word that leads a count, glued to digits a space then follows
        (``có6 súng``): a typo, not a code."""
        text = self.text
        start = s
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        word = text[start:s]
        if start > 0 and not text[start - 1].isspace():
            return False
        return (
            word.islower()
            and _canon(word) in _GLUED_LEAD_WORDS
            and e < len(text)
            and text[e] == " "
        )

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
        if skips.head_reason(self.text, _words_before(self.text, s)) == "document_number":
            self._skip(s, e, "document_number")  # "Thông tư 23/2012", "Quyết định 15/2020"
            return
        if not (a.isdigit() and b.isdigit()):
            self._ratio(s, e, a, b)
            return
        if _is_year(a) and _is_year(b):
            self._skip(s, e, "range")  # school or fiscal year "2022/2023"
            return
        if f"{a}/{b}" in _ROUND_THE_CLOCK:
            self._skip(s, e, "time")  # "trực 24/24 giờ", "24/7": round the clock
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
        if _FURNITURE_AFTER_RE is not None and _FURNITURE_AFTER_RE.match(self.text, e):
            self._skip(s, e, "page_noise")  # "300/300 ký tự": a comment box's counter
            return
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
            ("demographics" if _demographic_before(before) else None)
            or skips.head_reason(self.text, before)
            or skips.abbreviated_head(self.text, s)
            or skips.place_name(self.text, before)
            or skips.name_continued(self.text, s, e, self.last_name_end)
            or skips.bare_date_or_year(self.text[s:e], before)
            or skips.version_label(self.text, s, e)
            or skips.list_marker(self.text, s, e)
            or skips.page_noise(self.text, s, e)
            or skips.phone_number(self.text, s, e)
            or skips.festival_day(self.text, s, e)
            or skips.caption_counter(self.text, s, e)
            or skips.digit_range(self.text, s, e)
            or skips.month_range(self.text, s, e)
            or skips.duration(self.text, e, before)
            or ("quoted_name" if _covering(self.quoted_starts, self.quoted, s) >= 0 else None)
        )
        if reason is not None:
            self._skip(s, e, reason)
        else:
            self._mention(s, e, before=before)

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


def _demographic_before(before: list[_Word]) -> bool:
    """A measure of the place before the number, maybe with a qualifier between
    ("dân số 36.428", "diện tích tự nhiên gần 61.000ha")."""
    k = _longest_before(before, _QUALIFIERS)
    for words in (before, before[k:] if k else None):
        if not words:
            continue
        filler = _longest_before(words, _DEMOGRAPHIC_FILLERS)
        for head in (words, words[filler:] if filler else None):
            if head and _longest_before(head, _DEMOGRAPHIC_HEADS):
                return not _longest_before(head, _DEMOGRAPHIC_EXCEPTIONS)
    return False
