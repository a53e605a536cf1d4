"""The regular expressions of the number scan, built from the vocabulary."""

from __future__ import annotations

import re

from extractors.text.numbers.vocabulary import (
    _Q,
    _QUOTE_CLOSERS,
    _QUOTE_MAX_WORDS,
    _QUOTE_OPENERS,
    _V,
    _alternation,
)

_SP = r"[ \t\u00a0]"
_NUM = r"\d+(?:(?:[.,]|[\u00a0\u202f\u2009](?=\d{3}(?!\d)))\d+)*"
_NUM_RE = re.compile(_NUM)
# A run of numbers joined by date / ratio / range / time separators.
# (a hyphen spaced on one side only, "từ 1- 2 kẻng", joins a range as well)
_CHUNK_RE = re.compile(rf"{_NUM}(?:(?:{_SP}*[–—]{_SP}*|{_SP}*-{_SP}+|{_SP}+-|[-/:]){_NUM})*")
_SEPARATOR_RE = re.compile(rf"{_SP}*([–—/:-]){_SP}*")
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_LETTERS_AFTER = re.compile(r"[^\W\d_]+")
_LETTERS_BEFORE_HYPHEN = re.compile(r"[^\W\d_]+-\Z")
_CAPS_BEFORE_HYPHEN = re.compile(r"(?<![^\W\d_])[A-ZĐ]{2,}-\Z")
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

#: "Đường dây nóng: 0258 3822 119": the groups of a phone number after its cue
_PHONE_RE = (
    re.compile(
        rf"(?<!\w)(?:{_alternation(_V['phone_cues'])})\s*:?\s*(?P<run>\+?\d[\d. \t\-]*)?\Z",
        re.IGNORECASE,
    )
    if _V.get("phone_cues")
    else None
)
#: "300/300 ký tự": a comment box's counter, after the number (or a ratio's second number)
_FURNITURE_AFTER_RE = (
    re.compile(rf"\s*(?:{_alternation(_V['furniture_after'])})(?!\w)", re.IGNORECASE)
    if _V.get("furniture_after")
    else None
)
#: "30 Tết": a day of a festival
_FESTIVAL_DAY_RE = (
    re.compile(rf"{_SP}+(?:{_alternation(_V['festival_days'])})(?!\w)", re.IGNORECASE)
    if _V.get("festival_days")
    else None
)
#: "12 March 2021": a day, a month of another language, a year
_FOREIGN_DATE_RE = (
    re.compile(
        rf"(?<![\w.,])\d{{1,2}}{_SP}+(?:{_alternation(_V['foreign_months'])}),?{_SP}+\d{{4}}(?!\d)",
        re.IGNORECASE,
    )
    if _V.get("foreign_months")
    else None
)
#: "18.jpg": a picture's file name, not a count
_FILE_EXTENSION_RE = re.compile(
    rf"\.(?:{_alternation(_V.get('file_extensions', []) or ['jpg'])})\b", re.IGNORECASE
)
#: "mức 1", "mức 2": a level is a short number with no percent or scale word after it
#: ("mức 2 triệu đồng" and "mức 95%" stay amounts)
_LEVEL_NUMBER_RE = re.compile(
    rf"\s*\d{{1,2}}(?!\d|[.,]\d)"
    rf"(?!\s*(?:{_alternation([*_V['percent_words'], *_V['scale_words']])}))",
    re.IGNORECASE,
)
