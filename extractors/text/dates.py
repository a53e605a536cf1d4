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
from collections import Counter
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from extractors.records import Sentence
from extractors.text.normalize import detect_title, split_sentences

DATA_FILE = Path(__file__).with_name("dates.yaml")
FIGURE = re.compile(r"(?<![\d.,])(\d[\d.,]*)\s+[^\W\d_]")  # a number, then a word
RANK_PUBLISHED, RANK_BARE, RANK_UPDATED = 0, 1, 2


@cache
def _data() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


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


def is_date_line(line: str) -> bool:
    """True for a line such as ``27/05/2025`` or ``Thứ Hai, 20/08/2012, 05:08 [GMT+7]``."""
    return _date_line(line.strip()) is not None


def find_published(text: str) -> str | None:
    """Publication date (ISO ``YYYY-MM-DD``) from the text's date lines, or None.

    Cue lines (``Ngày đăng: ...``) count anywhere; bare date lines only among
    the first ``header_lines`` non-empty lines. The strongest cue wins, then the
    earliest line.
    """
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
            continue
        rank, iso = found
        if rank == RANK_BARE and nonempty > header_limit:
            continue
        candidates.append((rank, position, iso))
    return min(candidates)[2] if candidates else None


# ---------------------------------------------------------------------- period


def _matches(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def _framed_years(sentence: str, frames: tuple[re.Pattern[str], ...]) -> list[int]:
    comma_before, comma_after = _comma_frame()
    years = []
    for match in re.finditer(_data()["year"], sentence):
        before, after = sentence[: match.start()], sentence[match.end() :]
        if _matches(_compiled("exclude_before"), before):
            continue
        if _matches(_compiled("exclude_after"), after):
            continue
        framed = _matches(frames, before) or (
            comma_before.search(before) is not None and comma_after.search(after) is not None
        )
        year = int(match.group(0))
        if framed and _valid_year(year):
            years.append(year)
    return years


def sentence_year(sentence: str) -> int | None:
    """The year that frames one sentence (``Trong năm 2023, ...``), or None.

    Ranges (``giai đoạn 2013-2023``), targets (``đến năm 2025``), origins
    (``Từ năm 2005``), comparisons (``so với năm 2022``) and document dates
    (``ngày 01 tháng 8 năm 2013``) never frame a sentence.
    """
    years = _framed_years(sentence, _compiled("frame_before"))
    return years[0] if years else None


def _is_future(sentence: str) -> bool:
    return _matches(_compiled("future_cues"), sentence)


def _is_heading(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 8 and all(ch.isupper() for ch in letters)


def explicit_period(
    text: str,
    sentences: Sequence[Sentence] | None = None,
    title: str | None = None,
) -> int | None:
    """The year the report's figures describe, when the text states it.

    Every sentence framed by a year votes for it (a sentence with a figure
    counts more, the title most); sentences about the future do not vote.
    Ties go to the most recent year. None when no sentence is framed by a year.
    ``sentences`` and ``title`` may be passed when the caller already has them.
    """
    weights = _data()["weights"]
    votes: Counter[int] = Counter()
    title = title if title is not None else detect_title(text)
    if title:
        frames = _compiled("frame_before") + _compiled("title_frame_before")
        for year in set(_framed_years(title, frames)):
            votes[year] += weights["title"]
    title_frames = _compiled("frame_before") + _compiled("title_frame_before")
    for sentence in sentences if sentences is not None else split_sentences(text):
        if sentence.text == title or _is_future(sentence.text):
            continue
        if _is_heading(sentence.text):
            # an upper-case heading ("BIỂU TỔNG HỢP KẾT QUẢ ... NĂM 2023") frames like a title
            for year in set(_framed_years(sentence.text, title_frames)):
                votes[year] += weights["title"]
            continue
        year = sentence_year(sentence.text)
        if year is None:
            continue
        has_figure = any(m.group(1) != str(year) for m in FIGURE.finditer(sentence.text))
        votes[year] += weights["sentence_with_figure" if has_figure else "sentence"]
    if not votes:
        return None
    return max(votes, key=lambda year: (votes[year], year))


def period_for(text: str, published: str | None, has_present_figures: bool) -> int | None:
    """The year the figures describe.

    The explicit year when the text states one; else the publication year when
    the document reports present-state figures (``Hiện toàn tỉnh có 91 mô
    hình``, ``đến nay``), since those describe the state at publication; else None.
    """
    explicit = explicit_period(text)
    if explicit is not None:
        return explicit
    if has_present_figures and published:
        return int(published[:4])
    return None
