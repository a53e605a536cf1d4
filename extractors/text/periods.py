"""The span of time figures describe: start and end dates, a label, a precision.

Reports frame their figures with a year (``Năm 2023``), part of a year
(``6 tháng đầu năm 2022``, ``quý I/2024``, ``từ đầu năm đến nay``), a range
(``giai đoạn 2018 - 2023``) or a span back from the publication date (``sau 10
năm thực hiện``, ``tính từ năm 2012 đến nay``). The cues live in
``periods.yaml``; this module only knows how to build each kind of span.

A sentence's period is its first cue outside a statement about the future;
a document's period is the span most of its sentences are framed by (a title
counts most, a sentence with a figure more than one without). A year-end
review published in January or February reports the year before.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from extractors.text.needles import Haystack, Needles, needles
from extractors.text.word_numbers import parse_number_words
from extractors.text.yaml_data import load_data

PRECISIONS = ("year", "half", "quarter", "month", "to_date", "multi_year", "unknown")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
# a number and the word it counts; a duration ("2 năm qua") counts nothing
_FIGURE = re.compile(r"(?<![\d.,/])\d[\d.,]*\s+(?!(?:năm|tháng|ngày)\b)[^\W\d_]")


@dataclass(frozen=True)
class Period:
    """A span of time; ``start``/``end`` are ISO dates or None when unknown."""

    start: str | None
    end: str | None
    label: str | None
    precision: str = "unknown"
    #: the span runs from a launch ("vận hành từ tháng 3/2021"), not from a start
    #: the report counts from ("Tính từ ngày 01/7/2025 tới nay")
    launched: bool = False

    @property
    def year(self) -> int | None:
        """The year a reader files the span under: the year it ends in (a span the
        report counts "to date" from a known start, with no known end, its start's
        year). A span from a launch with no known end ("đưa vào vận hành từ tháng
        3/2021" on an undated page) may run into any later year: it has none."""
        if self.end:
            return int(self.end[:4])
        if self.precision == "to_date" and self.start and not self.launched:
            return int(self.start[:4])
        return None


UNKNOWN = Period(None, None, None, "unknown")


def span_fields(period: Period | None) -> dict[str, str | None]:
    """The ``period_*`` fields of a record for ``period`` (unknown when None)."""
    period = period or UNKNOWN
    return {
        "period_start": period.start,
        "period_end": period.end,
        "period_label": period.label,
        "period_precision": period.precision,
    }


@dataclass(frozen=True)
class Published:
    """A publication date known to the day, the month or the year."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Published | None:
        if not value:
            return None
        match = re.match(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", str(value))
        if not match:
            return None
        y, m, d = (int(g) if g else None for g in match.groups())
        return cls(y, m, d)  # type: ignore[arg-type]

    def last_day(self) -> date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)


@cache
def _data() -> dict[str, Any]:
    return load_data(__file__, "periods.yaml")


@cache
def _cues(key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (item["span"], re.compile(item["pattern"], re.IGNORECASE | re.MULTILINE))
        for item in _data()[key]
    )


@cache
def _cue_needles(key: str) -> tuple[Needles | None, ...]:
    """What each cue of ``key`` cannot match without (a sentence lacking it is skipped)."""
    return tuple(needles(regex) for _, regex in _cues(key))


@cache
def _past_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The cues that name a review of the past (``past: true``)."""
    return tuple(
        cue for cue, item in zip(_cues("cues"), _data()["cues"], strict=True) if item.get("past")
    )


@cache
def _any(key: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _data()[key]), re.IGNORECASE)


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    value = parse_number_words(text)
    return int(value) if value is not None else None


def _span(start: date, end: date, label: str, precision: str) -> Period:
    return Period(start.isoformat(), end.isoformat(), label, precision)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _first_months(y: int, n: int) -> Period:
    if n == 6:
        return _span(date(y, 1, 1), date(y, 6, 30), f"6 tháng đầu năm {y}", "half")
    if n == 3:
        return _span(date(y, 1, 1), date(y, 3, 31), f"quý I/{y}", "quarter")
    return _span(date(y, 1, 1), _month_end(y, n), f"{n} tháng đầu năm {y}", "month")


def _to_published(start: date, published: Published | None, label_start: str) -> Period | None:
    if published is None:
        return None
    end = published.last_day()
    if end < start:
        return None
    precision = "to_date" if start.year == end.year else "multi_year"
    return _span(start, end, f"{label_start} - {end.month}/{end.year}", precision)


def _date_range(groups: dict[str, str | None]) -> Period | None:
    try:
        start = date(int(groups["y1"] or 0), int(groups["m1"] or 0), int(groups["d1"] or 0))
        end = date(int(groups["y2"] or 0), int(groups["m2"] or 0), int(groups["d2"] or 0))
    except ValueError:
        return None
    days = (end - start).days
    if days <= 0:
        return None
    precision = (
        "month" if days < 170 else "half" if days < 200 else "year" if days < 380 else "multi_year"
    )
    label = f"{start.day}/{start.month}/{start.year} - {end.day}/{end.month}/{end.year}"
    return _span(start, end, label, precision)


def _as_of(groups: dict[str, str | None]) -> Period | None:
    """A count as it stood on a day or at the end of a month: the end is known, the
    start (the movement's, a model's) is not."""
    y, m = int(groups["y"] or 0), _number(groups.get("m") or groups.get("m2"))
    d = _number(groups.get("d"))
    if not m or not 1 <= m <= 12:
        return None
    try:
        end = date(y, m, d) if d else _month_end(y, m)
    except ValueError:
        return None
    label = f"{end.day}/{m}/{y}" if d else f"{m}/{y}"
    return Period(None, end.isoformat(), f"đến {label}", "to_date")


def _since(
    groups: dict[str, str | None], published: Published | None, with_day: bool
) -> Period | None:
    """From a date, or the first of a month, to the publication date; with no
    publication date the end is unknown ("kể từ 15/3/2024 tới nay", "từ tháng 5/2022")."""
    try:
        day = int(groups.get("d1") or 0) if with_day else 1
        start = date(int(groups["y1"] or 0), int(groups["m1"] or 0), day)
    except ValueError:
        return None
    label = f"{start.day}/{start.month}/{start.year}" if with_day else f"{start.month}/{start.year}"
    if published is None:
        # "since_month" cues name a launch (periods.yaml): its year is not the report's
        return Period(start.isoformat(), None, f"{label} - nay", "to_date", launched=not with_day)
    return _to_published(start, published, label)


def build(
    span: str,
    groups: dict[str, str | None],
    published: Published | None,
    reporting_year: int | None,
) -> Period | None:
    """The period one cue match describes, or None when it cannot be placed in time
    (as the cue says it; :func:`clip` then ends it at publication)."""
    return _build(span, groups, published, reporting_year)


def clip(period: Period, published: Published | None) -> Period:
    """A span that runs on well past the publication date ("năm 2025" in a July 2025
    festival report, "giai đoạn 2019 - 2024" in September 2024) ends at publication:
    the figures cannot describe months not yet lived. A year-end review published in
    December keeps its year (``clip_grace_days`` in ``periods.yaml``)."""
    if published is None or period.end is None or period.start is None:
        return period
    end = published.last_day()
    grace = int(_data().get("clip_grace_days", 62))
    start = date.fromisoformat(period.start)
    if (date.fromisoformat(period.end) - end).days <= grace or end < start:
        return period
    multi = period.precision == "multi_year"
    label_start = period.label.split(" - ")[0] if multi else f"{start.month}/{start.year}"
    return _to_published(start, published, label_start) or period


def _month_range(groups: dict[str, str | None]) -> Period | None:
    """From the first day of one month to the last of another ("từ tháng 9/2018 đến
    tháng 5/2019")."""
    m1, m2 = _number(groups.get("m1")), _number(groups.get("m2"))
    y1, y2 = int(groups.get("y1") or 0), int(groups.get("y2") or 0)
    if not (m1 and m2 and 1 <= m1 <= 12 and 1 <= m2 <= 12) or (y1, m1) > (y2, m2):
        return None
    label = f"{m1}/{y1} - {m2}/{y2}"
    if (y1, m1) == (y2, m2):
        return _span(date(y1, m1, 1), _month_end(y2, m2), f"tháng {m1}/{y1}", "month")
    return _span(date(y1, m1, 1), _month_end(y2, m2), label, "multi_year" if y1 < y2 else "month")


def _quarter(groups: dict[str, str | None]) -> int | None:
    """The quarter a cue names, Roman or Arabic ("quý III", "quý 2"), or None."""
    q = _ROMAN.get(str(groups.get("q")).upper()) or _number(groups.get("q"))
    return q if q and 1 <= q <= 4 else None


#: The lunar cycle's first year in the range reports are read in (Giáp Tý).
_CYCLE_START = 1984


def lunar_year(stem: str, branch: str, near: int | None = None) -> int | None:
    """The Gregorian year whose lunar new year bears the name ``stem branch`` ("Ất Tỵ"
    -> 2025): of the years with that name, 60 apart, the one nearest ``near`` (else
    the one from 1984 to 2043)."""
    data = _data()
    stems = [s.lower() for s in data.get("lunar_stems", [])]
    branches = [[b.lower() for b in names] for names in data.get("lunar_branches", [])]
    stem, branch = stem.lower(), branch.lower()
    if stem not in stems:
        return None
    found = [i for i, names in enumerate(branches) if branch in names]
    if not found or len(stems) != 10 or len(branches) != 12:
        return None
    stem_at, branch_at = stems.index(stem), found[0]
    offset = next((k for k in range(60) if k % 10 == stem_at and k % 12 == branch_at), None)
    if offset is None:
        return None  # a stem and a branch of different parity name no year
    year = _CYCLE_START + offset
    if near is not None:
        year += 60 * round((near - year) / 60)
    return year


def _build(
    span: str,
    groups: dict[str, str | None],
    published: Published | None,
    reporting_year: int | None,
) -> Period | None:
    if groups.get("can") and groups.get("chi"):
        near = published.year if published is not None else None
        found = lunar_year(str(groups["can"]), str(groups["chi"]), near)
        groups = {**groups, "y": str(found) if found else None}
        if found is None:
            return None
    y = int(groups["y"]) if groups.get("y") else reporting_year
    n = _number(groups.get("n"))
    if span == "range":
        y1, y2 = int(groups["y1"] or 0), int(groups["y2"] or 0)
        if not 1900 < y1 <= y2 < 2200:
            return None
        if y1 == y2:
            return _span(date(y1, 1, 1), date(y1, 12, 31), str(y1), "year")
        return _span(date(y1, 1, 1), date(y2, 12, 31), f"{y1} - {y2}", "multi_year")
    if span == "date_range":
        return _date_range(groups)
    if span == "month_range":
        return _month_range(groups)
    if span in ("since_date", "since_month"):
        return _since(groups, published, with_day=span == "since_date")
    if span == "since_year":
        y1 = int(groups["y1"] or 0)
        return _to_published(date(y1, 1, 1), published, str(y1)) if y1 else None
    if span == "to_month":
        y1, y2, m = int(groups["y1"] or 0), int(groups["y2"] or 0), _number(groups.get("m"))
        q = _quarter(groups)
        if q:  # to the end of a quarter: its last month
            m = 3 * q
        if not m or not 1 <= m <= 12 or not 1900 < y1 <= y2:
            return None
        end = _month_end(y2, m)
        precision = "multi_year" if y1 < y2 else "to_date"
        return _span(date(y1, 1, 1), end, f"{y1} - {m}/{y2}", precision)
    if span == "as_of":
        return _as_of(groups)
    if span == "launched_year":
        y1 = int(groups["y1"] or 0)
        if published is None:  # a launch on an undated page: no year of its own
            return Period(f"{y1}-01-01", None, f"{y1} - nay", "to_date", launched=True)
        return _to_published(date(y1, 1, 1), published, str(y1))
    if span == "last_n_years":
        if published is None or not n:
            return None
        if published.month in _data().get("years_back_close_months", []):
            last = published.year - 1
            first = last - n + 1
            if first == last:
                return year_period(last)
            return _span(date(first, 1, 1), date(last, 12, 31), f"{first} - {last}", "multi_year")
        start = date(published.year - n, published.month or 1, 1)
        return _to_published(start, published, f"{start.month}/{start.year}")
    if y is None:
        return None
    if span in ("year", "event_year"):
        return _span(date(y, 1, 1), date(y, 12, 31), str(y), "year")
    if span == "day":
        try:
            day = date(y, _number(groups.get("m")) or 0, _number(groups.get("d")) or 0)
        except ValueError:
            return None
        return _span(day, day, f"{day.day}/{day.month}/{day.year}", "unknown")
    if span == "first_months" and n and 1 <= n <= 11:
        return _first_months(y, n)
    if span == "last_months" and n and 1 <= n <= 11:
        return _span(
            date(y, 13 - n, 1),
            date(y, 12, 31),
            f"{n} tháng cuối năm {y}",
            "half" if n == 6 else "month",
        )
    if span == "quarter":
        q = _quarter(groups)
        if not q:
            return None
        roman = "IV" if q == 4 else "I" * q
        return _span(date(y, 3 * q - 2, 1), _month_end(y, 3 * q), f"quý {roman}/{y}", "quarter")
    if span == "month":
        m = _number(groups.get("m"))
        if not m or not 1 <= m <= 12:
            return None
        return _span(date(y, m, 1), _month_end(y, m), f"tháng {m}/{y}", "month")
    if span == "year_to_date":
        if published is not None and published.year == y:
            return _to_published(date(y, 1, 1), published, f"1/{y}")
        if published is None and groups.get("y"):
            # "Từ đầu năm <year> đến nay" on an undated page: the start is known
            return Period(date(y, 1, 1).isoformat(), None, f"1/{y} - nay", "to_date")
        return None
    return None


def comparison_year(text: str) -> int | None:
    """The year a page without a date reports, from its first comparison with the same
    period of the year before (``cùng kỳ năm 2016`` -> 2017); else None."""
    matches = [re.search(p, text, re.IGNORECASE) for p in _data().get("comparison_year_cues", [])]
    first = min((m for m in matches if m is not None), key=lambda m: m.start(), default=None)
    return int(first["y"]) + 1 if first is not None else None


def reporting_year(text_head: str, published: Published | None, text: str = "") -> int | None:
    """The year ``Năm qua`` / ``Trong năm`` mean: the publication year, or the year
    before when a year-end review is published in its first months; with no
    publication date, the year after the one a comparison names (``comparison_year``)."""
    if published is None:
        return comparison_year(text) if text else None
    review = _data()["year_end_review"]
    if published.month in review["months"] and _any_cue(review["cues"], text_head):
        return published.year - 1
    return published.year


def _any_cue(patterns: Sequence[str], text: str) -> bool:
    return any(re.search(p, text, re.IGNORECASE) for p in patterns)


def find_periods(
    text: str, published: Published | None, year: int | None, key: str = "cues"
) -> list[tuple[int, int, Period]]:
    """Every period cue in ``text`` with its position; overlapping cues keep the first listed."""
    return [(start, end, period) for start, end, period, _ in _found(text, published, year, key)]


#: a quoted name, its span covering the quotes and a bracket right after them
#: ("“Xây dựng khu dân cư an toàn” (giai đoạn 2016 - 2020)": the scheme's span)
_QUOTED = re.compile(r"(?:“[^”\n]{1,300}”|\"[^\"\n]{1,300}\")(?:\s*\([^()\n]{1,40}\))?")


def _found(
    text: str, published: Published | None, year: int | None, key: str = "cues"
) -> list[tuple[int, int, Period, str]]:
    """:func:`find_periods` with the kind of cue (``span``) that gave each period."""
    found: list[tuple[int, int, Period, str]] = []
    taken: list[tuple[int, int]] = []
    haystack = Haystack(text)
    quoted: list[tuple[int, int]] | None = None
    for (span, regex), needed in zip(_cues(key), _cue_needles(key), strict=True):
        if not haystack.may_match(needed):
            continue
        for match in regex.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            if span == "range":
                if quoted is None:
                    quoted = [m.span() for m in _QUOTED.finditer(text)]
                if any(a < match.start() and match.end() < b for a, b in quoted):
                    continue  # a scheme's quoted name ("Đề án “... giai đoạn 2021 - 2025”")
            period = build(span, match.groupdict(), published, year)
            if period is not None and _too_long(period):
                continue  # "(2/9/1945 - 2/9/2020)": an anniversary, not a reporting span
            if period is not None and _barely_begun(period, published):
                continue  # "Năm 2026, hội tiếp tục ..." in a page of 14 January 2026: a plan
            if period is not None and not _after(period, published):
                found.append((match.start(), match.end(), clip(period, published), span))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda item: item[0])


def _barely_begun(period: Period, published: Published | None) -> bool:
    """A span that had run less than ``min_reported_days`` at publication reports
    nothing yet: its year (or more) was only beginning, so the sentence is a plan."""
    limit = _data().get("min_reported_days")
    if not limit or published is None or period.start is None or period.end is None:
        return False
    start, end, last = (
        date.fromisoformat(period.start),
        date.fromisoformat(period.end),
        published.last_day(),
    )
    long_span = (end - start).days >= 360
    return long_span and start <= last and (last - start).days < int(limit)


def _too_long(period: Period) -> bool:
    """A span longer than ``max_span_years`` dates history, not the figures of a report."""
    limit = _data().get("max_span_years")
    if not limit or not period.start or not period.end:
        return False
    return int(period.end[:4]) - int(period.start[:4]) > int(limit)


def _after(period: Period, published: Published | None) -> bool:
    """A span that starts after publication, or ends in a later year, is a plan."""
    if published is None or period.start is None or period.end is None:
        return False
    return period.start > published.last_day().isoformat() or int(period.end[:4]) > published.year


def is_future(sentence: str) -> bool:
    pattern = _any("future_cues")
    return Haystack(sentence).may_match(_needles_of(pattern)) and bool(pattern.search(sentence))


@cache
def _needles_of(pattern: re.Pattern[str]) -> Needles | None:
    return needles(pattern)


def sentence_period(sentence: str, published: Published | None, year: int | None) -> Period | None:
    """The period that frames one sentence: its first cue, unless it speaks of the future.

    A review of the past (``sơ kết ... năm 2021, kèm nhiệm vụ năm 2022``)
    still frames it when the plan comes after the review's cue.
    """
    return sentence_cue(sentence, published, year)[0]


def sentence_cue(
    sentence: str, published: Published | None, year: int | None
) -> tuple[Period | None, str | None]:
    """:func:`sentence_period` and the kind of cue (``span``) that gave it."""
    if is_future(sentence):
        for span, regex in _past_cues():
            for match in regex.finditer(sentence):
                if is_future(sentence[: match.end()]):
                    break
                period = build(span, match.groupdict(), published, year)
                if period is not None and not _after(period, published):
                    return clip(period, published), span
        return None, None
    found = _found(sentence, published, year)
    if not found:
        return None, None
    _, _, first, kind = found[0]
    if kind == "last_n_years":
        # "Sau 4 năm triển khai ..., giai đoạn 2019 - 2022, ...": the years the
        # sentence names say exactly what the count back from publication rounds
        for _, _, later, later_kind in found[1:]:
            if later_kind == "range" and _about_the_same(first, later):
                return later, later_kind
    return first, kind


def document_period(
    title: str | None,
    framed: Sequence[tuple[str, Period | None]],
    published: Published | None,
    year: int | None,
    kinds: Sequence[str | None] = (),
) -> Period | None:
    """The span most sentences are framed by; ``framed`` pairs each sentence with its
    ``sentence_period``, ``kinds`` gives the kind of cue of each (:func:`sentence_cue`):
    a span an event is named by weighs less. None when no sentence and not the title
    gives one."""
    weights = _data()["weights"]
    event_factor = float(weights.get("event_factor", 1.0))
    votes: Counter[Period] = Counter()
    title_future = bool(title) and _any_cue(_data().get("title_future_cues", []), title or "")
    if title and not is_future(title) and not title_future:
        found = _found(title, published, year, "title_cues") or _found(title, published, year)
        reporting = _any_cue(_data()["title_report_cues"], title)
        for _, _, period, kind in found:
            weight = weights["title"] if reporting else weights["sentence"]
            votes[period] += weight * (event_factor if kind == "event_year" else 1.0)
    lead = weights.get("lead", 0)
    for index, (sentence, period) in enumerate(framed):
        factor = event_factor if index < len(kinds) and kinds[index] == "event_year" else 1.0
        if period is not None and index < 3 and lead:
            # the lead names the span the report covers ("Năm 2024, ..."); a span of
            # several years there is more often the history before it ("giai đoạn 2016 -
            # 2017 ... sang năm 2018")
            if period.precision != "multi_year":
                votes[period] += lead * factor
            lead = 0
        if period is None and _is_heading(sentence):
            # an upper-case heading ("BIỂU TỔNG HỢP KẾT QUẢ ... NĂM 2023") frames like a title
            found = find_periods(sentence, published, year, "title_cues")
            reporting = _any_cue(_data()["title_report_cues"], sentence)
            for _, _, heading_period in found:
                votes[heading_period] += weights["title"] if reporting else weights["sentence"]
            continue
        if period is None:
            continue
        with_figure = any(
            m.group(0)[:4] != (period.end or "")[:4] for m in _FIGURE.finditer(sentence)
        )
        votes[period] += weights["sentence_with_figure" if with_figure else "sentence"] * factor
    if not votes:
        return None
    _absorb_rounded(votes)
    _absorb_counted_back(votes)
    # on a tie the later span: a report tells of its own time after the history it
    # opens with ("Năm 2017, X bỏ trốn ... Từ đầu năm 2024, cả huyện có ..."); a
    # span running to a date the text does not give ("nay", no publication date)
    # counts from its start
    return max(votes, key=lambda p: (votes[p], p.end or p.start or "", p.start or ""))


def _absorb_rounded(votes: Counter[Period]) -> None:
    """A span the text dates to the day ("Từ ngày 2-4-2018 đến 1-4-2019") takes the
    votes of the month-rounded spans that say the same in other words ("Hơn 1 năm
    qua", counted back from an April 2019 page): both ends within a month of it."""
    exact = [p for p in votes if p.start and p.end and _to_the_day(p)]
    for period in list(votes):
        if period in exact or not period.start or not period.end:
            continue
        if _named_years(period):
            continue  # "giai đoạn 2021 - 2023" is named, not rounded (_absorb_counted_back)
        for other in exact:
            if _near(period.start, other.start) and _near(period.end, other.end):
                votes[other] += votes.pop(period)
                break


def _named_years(period: Period) -> bool:
    """A span of several whole years, as a text names it ("giai đoạn 2021 - 2023")."""
    return (
        period.precision == "multi_year"
        and (period.start or "")[5:] == "01-01"
        and (period.end or "")[5:] == "12-31"
    )


def _days(period: Period) -> int:
    return (date.fromisoformat(period.end or "") - date.fromisoformat(period.start or "")).days


def _absorb_counted_back(votes: Counter[Period]) -> None:
    """A span of several years counted back from the publication date ("sau 3 năm triển
    khai", at a review of December 2023) restates the span the text names in whole
    years ("giai đoạn 2021 - 2023"): of about the same length (within a year) and
    ending within about a year of it, it gives that span its votes."""
    named = [p for p in votes if _named_years(p)]
    for period in list(votes):
        for other in named:
            if _restates(period, other):
                votes[other] += votes.pop(period)
                break


def _restates(counted: Period, named: Period) -> bool:
    """``counted``, a span of several years not named in whole years, says about what
    ``named`` says in whole years: about as long (within a year), ending within a year."""
    if counted.precision != "multi_year" or _named_years(counted) or not _named_years(named):
        return False
    return _about_the_same(counted, named)


def _about_the_same(a: Period, b: Period) -> bool:
    """Two spans of several years about as long (within a year), ending within a year."""
    if not (a.start and a.end and b.start and b.end) or b.precision != "multi_year":
        return False
    return abs(_days(a) - _days(b)) <= 400 and _near(a.end, b.end, 400)


def _to_the_day(period: Period) -> bool:
    start, end = date.fromisoformat(period.start or ""), date.fromisoformat(period.end or "")
    return start.day != 1 or end != _month_end(end.year, end.month)


def _near(a: str, b: str, days: int = 31) -> bool:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= days


def _is_heading(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 8 and all(ch.isupper() for ch in letters)


def year_period(year: int) -> Period:
    """The calendar year ``year`` as a period."""
    return _span(date(year, 1, 1), date(year, 12, 31), str(year), "year")
