"""From a PDF's page lines to running text: pure functions, no PDF needed.

Removes running headers and footers (lines repeated at the top or bottom of
many pages, digits ignored so "Trang 3" and "Trang 4" count as one) and page
numbers, rejoins words hyphenated across lines, and joins wrapped lines of a
paragraph with a space while keeping short lines (headings, last lines of a
paragraph) and table rows on lines of their own.
"""

from __future__ import annotations

import math
import re

Line = tuple[str, float, float, bool]  # text, x0, x1, is_table_row

EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be header/footer
MIN_REPEAT_SHARE = 0.5  # a header/footer repeats on at least half of the pages
WRAP_TOLERANCE = 0.12  # a line ending this close to the right margin was wrapped

_PAGE_NUMBER = re.compile(
    r"^[\s\-–—.(\[]*(?:(?:trang|page|tr\.)\s*)?\d{1,4}"
    r"(?:\s*(?:/|of|trên|của)\s*\d{1,4})?[\s\-–—.)\]]*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def _key(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text).lower().split())


def _edge_indexes(lines: list[Line]) -> list[int]:
    body = [i for i, line in enumerate(lines) if not line[3]]
    head = body[:EDGE_LINES]
    tail = body[-EDGE_LINES:]
    return sorted(set(head) | set(tail))


def remove_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop page numbers and lines repeated at the top or bottom of many pages."""
    counts: dict[str, int] = {}
    for lines in pages:
        for key in {_key(lines[i][0]) for i in _edge_indexes(lines)}:
            counts[key] = counts.get(key, 0) + 1
    threshold = max(2, math.ceil(MIN_REPEAT_SHARE * len(pages)))
    running = {key for key, count in counts.items() if count >= threshold}
    cleaned: list[list[Line]] = []
    for lines in pages:
        drop = {
            i
            for i in _edge_indexes(lines)
            if _key(lines[i][0]) in running or _PAGE_NUMBER.match(lines[i][0])
        }
        cleaned.append([line for i, line in enumerate(lines) if i not in drop])
    return cleaned


def _join(previous: str, current: str, wrapped: bool) -> tuple[str, str]:
    """Separator between two lines, and the previous line possibly without its hyphen."""
    if previous.endswith("-") and len(previous) > 1 and current:
        before, after = previous[-2], current[0]
        if before.isalpha() and after.isalpha() and after.islower():
            return previous[:-1], ""
        if before.isdigit() and after.isdigit():
            return previous, ""
    return previous, " " if wrapped else "\n"


def join_lines(pages: list[list[Line]]) -> str:
    """Running text of cleaned pages."""
    lines = [line for page in pages for line in page if line[0].strip()]
    if not lines:
        return ""
    body = [line for line in lines if not line[3]] or lines
    left = min(line[1] for line in body)
    right = max(line[2] for line in body)
    margin = WRAP_TOLERANCE * max(right - left, 1.0)
    parts: list[str] = [lines[0][0].strip()]
    for prev, line in zip(lines, lines[1:], strict=False):
        wrapped = not prev[3] and not line[3] and prev[2] >= right - margin
        parts[-1], separator = _join(parts[-1], line[0].strip(), wrapped)
        parts.append(separator)
        parts.append(line[0].strip())
    return "".join(parts)


def pages_to_text(pages: list[list[Line]]) -> str:
    return join_lines(remove_running_lines(pages))
