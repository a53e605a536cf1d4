"""Plans sections: targets under a heading such as "PHƯƠNG HƯỚNG, NHIỆM VỤ" are not results."""

from __future__ import annotations

import re

from extractors.figures.codebook import Codebook, load_codebook

HEADING_MARKER = re.compile(r"^(?:[IVXLC]+|\d{1,2}|[A-ZĐ])[.)]\s+\S")


def is_heading(line: str) -> bool:
    """A section heading: short, no closing punctuation, numbered or in capitals."""
    line = line.strip()
    if not line or len(line.split()) > 14 or line[-1] in ".;,:…":
        return False
    letters = [ch for ch in line if ch.isalpha()]
    return bool(HEADING_MARKER.match(line)) or (
        len(letters) >= 4 and all(ch.isupper() for ch in letters)
    )


def plan_sections(text: str, codebook: Codebook | None = None) -> list[tuple[int, int]]:
    """Spans of plans sections: from a heading naming plans or targets to the next heading."""
    codebook = codebook or load_codebook()
    if codebook.plan_headings is None:
        return []
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        if is_heading(line):
            if open_at is not None:
                spans.append((open_at, offset))
                open_at = None
            if codebook.plan_headings.search(line):
                open_at = offset
        offset += len(line)
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans
