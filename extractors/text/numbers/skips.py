"""The skip rules for a lone number: why the words around it make it a non-figure.

Each rule returns a reason (``year``, ``document_number``, ``duration``...) or
None; :class:`~extractors.text.numbers.scanner._Scanner` asks them in turn.
"""

from __future__ import annotations

import re
from functools import cache

from extractors.text.dates import is_date_line
from extractors.text.numbers.context import (
    _is_year,
    _longest_after,
    _longest_before,
    _valid_day_month,
    _Word,
    _words_after,
    _words_before,
)
from extractors.text.numbers.patterns import (
    _ABBREVIATED_NAME_RE,
    _DOTTED_DATE_RE,
    _DOTTED_DAY_MONTH_RE,
    _ENDS_WITH_DIGIT_RE,
    _FESTIVAL_DAY_RE,
    _FILE_EXTENSION_RE,
    _FURNITURE_AFTER_RE,
    _LEVEL_NUMBER_RE,
    _NAME_LIST_RE,
    _NUM,
    _PHONE_RE,
)
from extractors.text.numbers.vocabulary import (
    _ALL_DOC_TYPES,
    _COUNT_BEFORE_SO,
    _DATE_CUES,
    _DISTRIBUTIVES,
    _DOC_ISSUER_WORDS,
    _DOC_LOOKBACK,
    _DURATION_EXCEPTIONS,
    _DURATION_REVIEW_HEADS,
    _DURATION_UNITS,
    _HEAD_EXCEPTIONS,
    _HEADS,
    _MAX_PHRASE,
    _PLACE_NAME_HEADS,
    _QUALIFIERS,
    _TIME_CUES,
    _UNIT_LIST_WORDS,
)
from extractors.text.scan import last_line_before
from extractors.text.word_numbers import range_words


def bare_date_or_year(digits: str, before: list[_Word]) -> str | None:
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


def duration(text: str, e: int, before: list[_Word]) -> str | None:
    """``10 năm thực hiện``, ``3 tháng``; ``lúc 8 giờ`` is a clock time; not ``ngày công``."""
    after = _words_after(text, e, _MAX_PHRASE)
    if not _longest_after(after, _DURATION_UNITS):
        return None
    if _longest_after(after, _DURATION_EXCEPTIONS) and not _longest_before(
        before, _DURATION_REVIEW_HEADS
    ):
        return None
    return "time" if _longest_before(before, _TIME_CUES) else "duration"


def place_name(text: str, before: list[_Word]) -> str | None:
    """``làng Chơ Rơn 2``, ``THPT Lê Lợi 2``: one to three capitalised words after a
    village, quarter or school word, then the number, which is part of the name."""
    for j in range(1, 4):
        if len(before) <= j or not before[j - 1].capitalized:
            return None
        gaps = (text[b.end : a.start] for a, b in zip(before[:j], before[1 : j + 1], strict=False))
        if any(gap.strip() for gap in gaps):
            return None  # a comma or a bracket breaks the name
        # the head is a lower-case word, or a school's abbreviation ("THPT Lê Lợi 2")
        head_like = not before[j].capitalized or text[before[j].start : before[j].end].isupper()
        if head_like and _longest_before(before[j:], _PLACE_NAME_HEADS):
            return "name_number"
    return None


def head_reason(text: str, before: list[_Word]) -> str | None:
    """Why the words before a number make it a non-figure, if they do."""
    k = _longest_before(before, _HEADS)
    if not k or _longest_before(before, _HEAD_EXCEPTIONS) > k:
        return None
    head = tuple(w.text for w in reversed(before[:k]))
    kind = _HEADS[head]
    if kind == "level":  # "định danh mức 2", but "mức 2 triệu đồng", "mức 95%" are amounts
        after = text[before[0].end : before[0].end + 40]
        digits = _LEVEL_NUMBER_RE.match(after)
        return "ordinal" if digits else None
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
        if before[k - 1].capitalized or _issuer_follows(text, before[0].end):
            return "document_number"
        return None
    if kind == "name_capitalized":
        # ... the first word of the name, not the end of a longer one ("Hải Phòng 13
        # đối tượng" counts people in the city)
        continues = len(before) > k and before[k].capitalized
        return "name_number" if before[k - 1].capitalized and not continues else None
    if _longest_before(before[k:], _DISTRIBUTIVES):
        return None  # "mỗi tổ 5 người", "mỗi năm 200 vụ"
    if kind == "name" and head in _UNIT_LIST_WORDS and _after_unit_list(text, before[k - 1].start):
        return None  # "tại xã, phường 9 đối tượng": units in general, not a numbered one
    head_start = before[k - 1].start
    if kind in ("date", "year") and _ENDS_WITH_DIGIT_RE.search(
        text, max(0, head_start - 16), head_start
    ):
        return None  # "trong 3 tháng 5 đối tượng": "tháng" ends a duration here
    return {"year": "year", "date": "date", "ordinal": "ordinal"}.get(kind, "name_number")


_NUMBER_AT_RE = re.compile(rf"\s*{_NUM}")  # the scanner's own number, after spaces


def _issuer_follows(text: str, at: int) -> bool:
    """Whether the number starting after ``at`` is followed directly by an issuer word
    ("kế hoạch 27 của ..."): it names a document, as a count would name what it counts."""
    number = _NUMBER_AT_RE.match(text, at)
    if number is None:
        return False
    return bool(_longest_after(_words_after(text, number.end(), 2), _DOC_ISSUER_WORDS))


def _after_unit_list(text: str, head_start: int) -> bool:
    """Whether another unit word and a comma stand right before the head ("xã, phường")."""
    lo = max(0, head_start - 24)
    stem = text[lo:head_start].rstrip()
    if not stem.endswith(","):
        return False
    comma = lo + len(stem) - 1
    return bool(_longest_before(_words_before(text, comma), _UNIT_LIST_WORDS))


_ABBREVIATION_BEFORE_RE = re.compile(r"\(\s*[A-ZĐ][A-ZĐ0-9]{1,7}\s*\)\s*$")


def abbreviated_head(text: str, s: int) -> str | None:
    """A name head whose abbreviation stands in brackets before the number:
    ``Ban Chỉ đạo (BCĐ) 138``: the head's reason, read across the brackets."""
    match = _ABBREVIATION_BEFORE_RE.search(text, max(0, s - 16), s)
    if match is None:
        return None
    return head_reason(text, _words_before(text, match.start()))


def name_continued(text: str, s: int, e: int, last_name_end: int) -> str | None:
    """``phường 1, 2 và 4``: numbers listed after a name's number; ``P.3``, ``Q. 12``;
    ``cột mốc 1085, 1086``: a longer number after a name's number of as many digits."""
    short = text[s:e].isdigit() and (e - s <= 2 or _digits_before(text, last_name_end) == e - s)
    if short and last_name_end >= 0 and _NAME_LIST_RE.fullmatch(text, last_name_end, s):
        return "name_number"
    if short and last_name_end >= 0 and _named_list_item(text, last_name_end, s):
        return "name_number"
    if _ABBREVIATED_NAME_RE.search(text, max(0, s - 6), s):
        return "name_number"
    return None


def _digits_before(text: str, end: int) -> int:
    """How many digits end at ``end`` (a name's number just skipped)."""
    start = end
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    return end - start


def _named_list_item(text: str, last_name_end: int, s: int) -> bool:
    """``ấp Tân Hòa 1, Tân Hòa 2``: the next item of a list of numbered names
    repeats one to three capitalised words before its own number."""
    gap = text[last_name_end:s]
    sep = _NAME_LIST_RE.match(gap)
    if sep is None or len(gap) - sep.end() > 40:
        return False
    words = gap[sep.end() :].split()
    if not 1 <= len(words) <= 3 or not gap.endswith((" ", "\u00a0")):
        return False
    return all(w[0].isupper() and w.isalpha() for w in words)


_VERSION_RE = re.compile(r"\d{1,2}\.0")


def version_label(text: str, s: int, e: int) -> str | None:
    """``4.0``, ``2.0``: a generation or version in a name ("Hòm thư Zalo 4.0"). No
    Vietnamese count is written so: its decimal mark is a comma, and a dot groups
    three digits (a percentage "10.0%" is an English-style decimal, kept)."""
    if not _VERSION_RE.fullmatch(text, s, e) or text[e : e + 2].lstrip().startswith("%"):
        return None
    return "name_number"


def list_marker(text: str, s: int, e: int) -> str | None:
    """``1.`` / ``2)`` / ``3 |`` opening a line, ``(3)`` and ``[4]`` in running text."""
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


_PLUS_NAME_RE = re.compile(r"\+\d")


@cache
def _range_res() -> tuple[re.Pattern[str], ...]:
    """ "từ 3 đến 5 thành viên": the range words are those of spelled numbers
    (``range_from``, ``range_to`` in ``word_numbers.yaml``)."""
    start, to = range_words()
    return (
        re.compile(rf"(?<!\w)(?:{start})\s+\Z", re.IGNORECASE),
        re.compile(rf"\s*(?:[^\W\d]+\s+){{0,2}}?(?:{to})\s+\d", re.IGNORECASE),
        re.compile(
            rf"(?<!\w)(?:{start})\s+\d[\d.,]*\s+(?:[^\W\d]+\s+){{0,2}}?(?:{to})\s+\Z",
            re.IGNORECASE,
        ),
        # with no opening word, the two numbers stand side by side: "01 đến 02 phòng"
        # (a bare count of one to three digits after the range word, not "2/3" or "1.200")
        re.compile(rf"[ \t]+(?:{to})[ \t]+\d{{1,3}}(?![\d/.,])", re.IGNORECASE),
        re.compile(rf"(?<![\w.,/])\d{{1,3}}[ \t]+(?:{to})[ \t]+\Z", re.IGNORECASE),
    )


_MONTH_RANGE_END = re.compile(
    r"[ \t]*[-–—][ \t]*(?:tháng[ \t]+)?\d{1,2}[ \t]*/[ \t]*(?:19|20)\d{2}\b", re.IGNORECASE
)


def month_range(text: str, s: int, e: int) -> str | None:
    """``từ 6 – 12/2025``: the first month of a span whose end carries the year."""
    digits = text[s:e]
    if digits.isdigit() and 1 <= int(digits) <= 12 and _MONTH_RANGE_END.match(text, e):
        return "date"
    return None


_PERCENT_RANGE_AFTER = re.compile(r"[ \t]*%[ \t]*(?:[-–—]|đến|tới)[ \t]*\d[\d.,]*[ \t]*%")
_PERCENT_RANGE_BEFORE = re.compile(r"\d[ \t]*%[ \t]*(?:[-–—]|đến|tới)[ \t]*\Z")


def digit_range(text: str, s: int, e: int) -> str | None:
    """``từ 3 đến 5 thành viên``, ``từ 10 tới 15 người``, ``01 đến 02 phòng``,
    ``30%-50%``: both ends of a range. Without ``từ`` the two small numbers must stand
    side by side."""
    if _PERCENT_RANGE_AFTER.match(text, e) or _PERCENT_RANGE_BEFORE.search(text, max(0, s - 16), s):
        return "range"
    from_re, to_after_re, to_re, bare_to_after_re, bare_to_re = _range_res()
    if from_re.search(text, max(0, s - 8), s) and to_after_re.match(text, e):
        return "range"
    if to_re.search(text, max(0, s - 40), s):
        return "range"
    if e - s <= 3 and text[s:e].isdigit():
        if bare_to_after_re.match(text, e):
            return "range"
        if bare_to_re.search(text, max(0, s - 12), s):
            return "range"
    return None


_CAPTION_COUNTER_RE = re.compile(r"[ \t]+[-–][ \t]*\Z")


def phone_number(text: str, s: int, e: int) -> str | None:
    """A group of a phone number: its cue, then only digits, before it on the line
    (three digits at least: "113", "0258 3822 119"; "điện thoại 2 lần" is a count)."""
    line_start = text.rfind("\n", 0, s) + 1
    found = _PHONE_RE.search(text, max(line_start, s - 60), s) if _PHONE_RE else None
    if found is None:
        return None
    run = (found["run"] or "") + text[s:e]
    return "code" if sum(ch.isdigit() for ch in run) >= 3 else None


def festival_day(text: str, s: int, e: int) -> str | None:
    """``30 Tết``, ``mùng 2 Tết``: a day of the lunar new year."""
    digits = text[s:e]
    if _FESTIVAL_DAY_RE is None or not digits.isdigit() or not 1 <= int(digits) <= 30:
        return None
    return "date" if _FESTIVAL_DAY_RE.match(text, e) else None


def caption_counter(text: str, s: int, e: int) -> str | None:
    """``... đổi súng lấy quà - 2`` ending a line: the number of a picture in a gallery
    that repeats the headline, not a count (one or two digits after a dash, at the
    end of a line of words)."""
    if e - s > 2 or not text[s:e].isdigit():
        return None
    line_end = text.find("\n", e)
    if text[e : len(text) if line_end < 0 else line_end].strip():
        return None
    line_start = text.rfind("\n", 0, s) + 1
    head = text[line_start:s]
    if not _CAPTION_COUNTER_RE.search(head):
        return None
    words = re.findall(r"[^\W\d_]+", head)
    return "page_noise" if len(words) >= 4 and not re.search(r"\d", head) else None


def _on_date_line(line: str) -> bool:
    if len(line) > 80 or not any(ch.isdigit() for ch in line):
        return False
    return is_date_line(line)


#: what separates the items of a page's link list or gallery ("Tin khác 1 | 2 | 3")
_SEPARATORS = "|•·"


def page_noise(text: str, s: int, e: int) -> str | None:
    """A picture's file name (``18.jpg``), a name joined by ``+`` (``mô hình 5+1``), or
    a number alone on its line: a page, view or slide counter of the page's furniture.
    A table cell alone on its line follows its label (a short line without a final
    stop), so a longer number there is kept."""
    if _FILE_EXTENSION_RE.match(text, e):
        return "code"
    if _FURNITURE_AFTER_RE is not None and _FURNITURE_AFTER_RE.match(text, e):
        return "page_noise"  # "còn 300 ký tự": a comment box's counter
    if _PLUS_NAME_RE.match(text, e) or (s >= 2 and text[s - 1] == "+" and text[s - 2].isdigit()):
        return "name_number"
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line_end = len(text) if line_end < 0 else line_end
    if _on_date_line(text[line_start:line_end]):
        return "page_noise"  # the page's date line: its time and view counter ("| :79")
    before, after = text[line_start:s].rstrip(), text[e:line_end].strip()
    if before and before[-1] in ".!?…" and after and not after.strip(_SEPARATORS):
        return "page_noise"  # "... trật tự. 1 |": a list's or gallery's counter after a story
    if before or after:
        return None
    if e - s <= 2:
        return "page_noise"
    previous = last_line_before(text, max(0, line_start - 1))
    if not previous or previous[-1] in '.!?…”"' or len(previous.split()) > 12:
        return "page_noise"  # prose above: not a table's label
    return None
