"""Publication date and reporting period of a document.

``published`` is the date the page or report carries on a date line (a line
that is essentially a date, possibly with a weekday, a time, a cue such as
``Cập nhật ngày:``), never a date read inside a body sentence. ``period`` is the
year the figures describe: a year that frames result sentences (``Năm 2023,``,
``Trong năm 2023``), else the publication year when the text reports present
state figures. Cue words and patterns live in ``dates.yaml``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from extractors.text.yaml_data import load_data

DATA_FILE = Path(__file__).with_name("dates.yaml")
FIGURE = re.compile(r"(?<![\d.,])(\d[\d.,]*)\s+[^\W\d_]")  # a number, then a word
RANK_PUBLISHED, RANK_BARE, RANK_UPDATED = 0, 1, 2


@cache
def _data() -> dict[str, Any]:
    return load_data(__file__, DATA_FILE.name)


@cache
def _compiled(key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _data()[key])


@cache
def _any(key: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _data()[key]), re.IGNORECASE)


@cache
def _comma_frame() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = _data()["frame_with_comma"]
    return re.compile(spec["before"], re.IGNORECASE), re.compile(spec["after"], re.IGNORECASE)


# ------------------------------------------------------------------ date lines


def _valid_year(year: int) -> bool:
    low, high = _data()["year_range"]
    return low <= year <= high


def _parse_date(day: str, month: str, year: str) -> str | None:
    """ISO date of a day/month/year, or None when no such day exists (31/02).

    Gives what ``dateparser`` gave with day-month-year order and every part
    required (checked over a grid in the tests), without its cost: when the
    month is impossible and the day could be a month (``05/13/2024``), the two
    are read the other way round, as dateparser does; nothing is guessed.
    """
    if not _valid_year(int(year)):
        return None
    d, m, y = int(day), int(month), int(year)
    for first, second in ((d, m), (m, d)):
        try:
            return datetime.date(y, second, first).isoformat()
        except ValueError:
            continue
    return None


def _find_date(line: str) -> tuple[str, re.Match[str]] | None:
    for pattern in _compiled("date_patterns"):
        for match in pattern.finditer(line):
            iso = _parse_date(match["d"], match["m"], match["y"])
            if iso:
                return iso, match
    return None


def _cue_rank(line: str) -> tuple[int, str]:
    """Rank of the strongest cue on the line and the line with cues removed."""
    for rank, key in ((RANK_PUBLISHED, "published_cues"), (RANK_UPDATED, "updated_cues")):
        stripped, count = _any(key).subn(" ", line)
        if count:
            return rank, stripped
    return RANK_BARE, line


def _date_line(line: str) -> tuple[int, str] | None:
    """(cue rank, ISO date) when ``line`` is a date line, else None.

    A date line holds one date plus only weekday, time, time zone, cue words and
    at most a few other words without digits (``Kon Tum, ngày 05 tháng 6 năm
    2024``). A sentence that mentions a date is not a date line.
    """
    found = _find_date(line)
    if found is None:
        return None
    iso, match = found
    rest = line[: match.start()] + " " + line[match.end() :]
    rank, rest = _cue_rank(rest)
    for pattern in _compiled("date_line_noise"):
        rest = pattern.sub(" ", rest)
    if any(ch.isdigit() for ch in rest):
        return None
    words = re.findall(r"[^\W\d_]+", rest)
    if len(words) > _data()["date_line_max_other_words"]:
        return None
    return rank, iso


def _day_words() -> str:
    """The day words (``event_date_cues``) as one alternation, longest first."""
    cues = sorted(_data().get("event_date_cues", []), key=len, reverse=True)
    return "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)


@cache
def _event_cue() -> re.Pattern[str] | None:
    words = _day_words()
    if not words:
        return None
    return re.compile(rf"(?:^|[^\w])(?:{words})\s*,?\s*$", re.IGNORECASE)


def _after_day_word(text: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` in the lead that stand right after a day word (``ngày``,
    ``sáng``, ``chiều`` ...); a date after ``từ`` opens a span, not an event."""
    cue = _event_cue()
    if cue is None:
        return
    head = text[: _data().get("event_date_chars", 400)]
    reference = _data().get("document_reference")
    for match in pattern.finditer(head):
        before = head[max(0, match.start() - 20) : match.start()]
        if not cue.search(before) or re.search(r"\btừ\s+(?:ngày\s+)?$", before, re.I):
            continue
        if reference and re.search(
            reference, head[max(0, match.start() - 60) : match.start()], re.IGNORECASE
        ):
            continue
        yield match


def event_date(text: str) -> str | None:
    """ISO date of the event the lead reports ("Chiều 18/8/2022, ..."), or None.

    A stand-in for the publication date when the page carries none: the first full
    date right after a day word near the start (``_after_day_word``), tried pattern
    by pattern.
    """
    return next(_lead_dates(text), None)


def _lead_dates(text: str, opening_only: bool = False) -> Iterator[str]:
    """ISO dates right after a day word in the lead, pattern by pattern; with
    ``opening_only``, those whose day word opens a sentence."""
    opening = _opening_cue() if opening_only else None
    if opening_only and opening is None:
        return
    for pattern in _compiled("date_patterns"):
        for match in _after_day_word(text, pattern):
            if opening is not None and not opening.search(text, 0, match.start()):
                continue
            iso = _parse_date(match["d"], match["m"], match["y"])
            if iso:
                yield iso


@cache
def _opening_cue() -> re.Pattern[str] | None:
    words = _day_words()
    if not words:
        return None
    return re.compile(rf"(?:\A|[\n.!?])[^\w\n]*(?:{words})\s*,?\s*\Z", re.IGNORECASE)


def dateline(text: str) -> str | None:
    """ISO date of the event a sentence of the lead opens with ("Sáng 9/3/2024, xã
    B tổ chức ..."): the report dates its own news so. A date met in passing ("Quyết định ...
    ký ngày 5/7/2016") is not it."""
    return next(_lead_dates(text, opening_only=True), None)


_DAY_MONTH = re.compile(
    r"(?<![\d/.\-])(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?![\d]|\s*[/.\-]\s*\d)"
)


def lead_event_month(text: str) -> int | None:
    """The month of the event the lead reports by its day ("Chiều 25/2, ...", "Ngày 28-7,
    ..."), with or without its year; None when the lead dates no event (a feature that
    tells no news of a day)."""
    full = event_date(text)
    if full is not None:
        return int(full[5:7])
    for match in _after_day_word(text, _DAY_MONTH):
        if 1 <= int(match["m"]) <= 12 and 1 <= int(match["d"]) <= 31:
            return int(match["m"])
    return None


def event_day(text: str, month: str) -> str:
    """``month`` (``YYYY-MM``, a page dated to the month only) made a day by the event
    the lead reports in that month ("Ngày 29/7, ...", "Sáng 18/7"); else ``month``.

    News pages report an event within a day or two, so its day stands in for the
    publication day better than the month's last day does.
    """
    if len(month) != 7:
        return month
    full = event_date(text)
    if full is not None and full.startswith(month):
        return full  # "Ngày 12/7/2023, ..." in a page dated 2023-07
    for match in _after_day_word(text, _DAY_MONTH):
        if int(match["m"]) == int(month[5:7]):
            iso = _parse_date(match["d"], match["m"], month[:4])
            if iso:
                return iso
    return month


def is_date_line(line: str) -> bool:
    """True for a line such as ``27/05/2025`` or ``Thứ Hai, 20/08/2012, 05:08 [GMT+7]``."""
    return _date_line(line.strip()) is not None


def _metadata_match(text: str) -> re.Match[str] | None:
    pattern = _data().get("metadata_date")
    return re.match(pattern, text, re.IGNORECASE) if pattern else None


def metadata_date(text: str) -> str | None:
    """The publication date a saved page opens with (``date 2026-01-08 ...``):
    ``YYYY-MM-DD``, or ``YYYY-MM`` when only the month is given; else None."""
    match = _metadata_match(text)
    if match is None or not _valid_year(int(match["y"])) or not 1 <= int(match["m"]) <= 12:
        return None
    if match["d"]:
        return _parse_date(match["d"], match["m"], match["y"])
    return f"{int(match['y']):04d}-{int(match['m']):02d}"


def _stamp(line: str) -> tuple[str, int] | None:
    """(ISO date, where it starts) of a date and time ending a header line: a page
    saved with its timestamp on the headline's line ("<headline> 14/03/2024 08:15")."""
    pattern = _data().get("line_end_stamp")
    match = re.search(pattern, line, re.IGNORECASE) if pattern else None
    if match is None:
        return None
    iso = _parse_date(match["d"], match["m"], match["y"])
    return (iso, match.start()) if iso else None


def strip_stamp(line: str) -> str:
    """``line`` without a date and time at its end (the headline before it)."""
    found = _stamp(line)
    return line[: found[1]].rstrip(" -|,") if found is not None else line


def metadata_prefix_end(text: str) -> int:
    """Where the text goes on after the metadata date it opens with (0 when none)."""
    match = _metadata_match(text)
    return match.end() if match is not None else 0


def strip_metadata_date(line: str) -> str:
    """``line`` without the metadata date it opens with (the headline after it)."""
    match = _metadata_match(line)
    return line[match.end() :].strip() if match is not None else line


def spans_unbounded_years(text: str) -> bool:
    """The text frames itself over years it does not bound ("Trong những năm qua")."""
    patterns = _data().get("unbounded_years") or []
    return bool(patterns) and _any("unbounded_years").search(text) is not None


def find_published(text: str) -> str | None:
    """Publication date (ISO ``YYYY-MM-DD``) from the text's date lines, or None.

    Cue lines (``Ngày đăng: ...``) count anywhere; bare date lines only among
    the first ``header_lines`` non-empty lines. The strongest cue wins, then the
    earliest date: a page's header may also show today's date (a banner beside the
    weather) or when it was updated, both later than when it was published.
    """
    opening = metadata_date(text)
    if opening is not None and len(opening) == 10:
        return opening  # the page's own metadata field, ahead of any date line
    header_limit = _data()["header_lines"]
    candidates: list[tuple[int, int, str]] = []
    nonempty = 0
    for position, raw in enumerate(text.split("\n")):
        line = raw.strip()
        if not line:
            continue
        nonempty += 1
        found = _date_line(line)
        if found is None:
            stamp = _stamp(line) if nonempty <= header_limit else None
            if stamp is not None:  # "<headline> 14/03/2024 08:15"
                candidates.append((RANK_BARE, position, stamp[0]))
            continue
        rank, iso = found
        if rank == RANK_BARE and nonempty > header_limit:
            continue
        candidates.append((rank, position, iso))
    return min(candidates, key=lambda c: (c[0], c[2], c[1]))[2] if candidates else None
