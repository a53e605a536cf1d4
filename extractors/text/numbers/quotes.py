"""Spans of short quoted names (``“5 không”``), whose numbers are not figures."""

from __future__ import annotations

from extractors.text.numbers.patterns import (
    _BLANK_LINE_RE,
    _FIRST_WORDS_RE,
    _OPENING_CONTEXT,
    _QUOTE_CHARS_RE,
    _UNCLOSED_STOP_RE,
)
from extractors.text.numbers.vocabulary import (
    _QUOTE_CLOSERS,
    _QUOTE_MAX_CHARS,
    _QUOTE_MAX_WORDS,
    _QUOTE_OPENERS,
)
from extractors.text.scan import starts_sentence


def _is_opener(text: str, i: int) -> bool:
    ch = text[i]
    if ch in _QUOTE_OPENERS:
        return True
    if ch in _QUOTE_CLOSERS:
        return False
    return i == 0 or text[i - 1] in _OPENING_CONTEXT


def _closes_straight(text: str, i: int, open_at: int | None) -> bool:
    """A straight quote after one still open, with no letter right after it, closes it
    even after a comma ("Ngày Biên phòng toàn dân," tỉnh ...)."""
    return (
        open_at is not None
        and text[open_at] == text[i]
        and text[i] not in _QUOTE_OPENERS
        and (i + 1 == len(text) or not text[i + 1].isalnum())
    )


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


def _speech_opening(text: str, start: int) -> bool:
    """An unclosed quote that opens a sentence (at a line's start or after a sentence
    mark or a colon) opens a speech that runs on (“Thôn lập thêm 12 tổ, ...), not a
    name: names follow the noun they name (mô hình “...”)."""
    return starts_sentence(text, start)


def _quoted_name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of short quoted names; long closed quotes (speeches) are left out."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _QUOTE_CHARS_RE.finditer(text):
        i = m.start()
        if _is_apostrophe(text, i):
            continue
        if _is_opener(text, i) and not _closes_straight(text, i, open_at):
            if open_at is not None and not _speech_opening(text, open_at):
                spans.append(_unclosed_span(text, open_at, i))
            open_at = i
            continue
        if open_at is None:
            continue  # a stray closer
        if _BLANK_LINE_RE.search(text, open_at, i):
            if not _speech_opening(text, open_at):
                spans.append(_unclosed_span(text, open_at, i))
        elif len(text[open_at + 1 : i].split()) <= _QUOTE_MAX_WORDS:
            spans.append((open_at, i + 1))
        open_at = None
    if open_at is not None and not _speech_opening(text, open_at):
        spans.append(_unclosed_span(text, open_at, len(text)))
    return spans
