"""Text normalization, sentence and paragraph offsets, and title detection.

Every other extractor works on the string returned by :func:`normalize_text`
and reports character offsets into it, so this module fixes one canonical form:
Unicode NFC, the tone placement of ``underthesea.text_normalize`` (``hòa``,
``Ủy``, ``thủy``), plain spaces, no site chrome. The vocabulary it needs (chrome
phrases, abbreviations, tone pairs) lives in ``chrome.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractors.records import Sentence
from extractors.text.yaml_data import load_data

# Vietnamese tone marks as combining characters (grave, acute, hook, tilde, dot).
TONE_MARKS = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
TERMINALS = ".!?…"
CLOSERS = '"”’)]»'
OPENERS = "\"“‘([«'"
ROMAN = re.compile(r"^[IVXLC]+$")
WORD = re.compile(r"[^\W\d_]+")
NUMBER_THEN_WORD = re.compile(r"\d\s+[^\W\d_]")


def _data() -> dict[str, Any]:
    return load_data(__file__, "chrome.yaml")


# --------------------------------------------------------------------------- tone


def _base(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0].lower()


def _is_vowel(char: str) -> bool:
    return _base(char) in "aeiouy"


@cache
def _tone_table() -> dict[str, str]:
    """Map a toned new-style pair (``oà``) to its old-style form (``òa``), lowercase."""
    table: dict[str, str] = {}
    for pair in _data()["tone_placement"]["open_pairs"]:
        first, second = pair[0], pair[1]
        for mark in TONE_MARKS:
            new = first + unicodedata.normalize("NFC", second + mark)
            old = unicodedata.normalize("NFC", first + mark) + second
            table[new] = old
    return table


def _match_case(template: str, text: str) -> str:
    return "".join(c.upper() if t.isupper() else c for t, c in zip(template, text, strict=True))


def _move_tone(match: re.Match[str]) -> str:
    word = match.group(0)
    lower = word.lower()
    old = _tone_table().get(lower[-2:])
    if old is None:
        return word
    if len(lower) > 2:
        before = lower[-3]
        if _is_vowel(before) or before in _data()["tone_placement"]["onset_blocks"]:
            return word
    return word[:-2] + _match_case(word[-2:], old)


def normalize_tone(text: str) -> str:
    """Put tone marks where underthesea puts them: ``hoà`` -> ``hòa``, ``Uỷ`` -> ``Ủy``.

    Only open syllables ending in one of the ``open_pairs`` differ between the
    old and new conventions; every other word is returned unchanged.
    """
    return WORD.sub(_move_tone, text)


# ----------------------------------------------------------------------- characters


@cache
def _char_table() -> dict[int, str | None]:
    data = _data()
    table: dict[int, str | None] = {ord(k): v for k, v in data["char_map"].items()}
    table.update({ord(c): None for c in data["delete_chars"]})
    table.update({ord(c): " " for c in data["space_chars"]})
    return table


#: Every control character (Unicode category Cc: U+0000-001F and U+007F-009F) but the
#: newline, deleted in one pass.
_CONTROLS = {i: None for i in (*range(0x20), *range(0x7F, 0xA0)) if i != 0x0A}


def normalize_chars(text: str) -> str:
    """Character-level normalization only: NFC, legacy letters, spaces, tone placement.

    Safe for fragments (a gold quote, a search phrase): it never drops or joins
    lines, so ``normalize_chars(quote)`` is a substring of ``normalize_text(doc)``
    whenever ``quote`` was a substring of ``doc`` within one line.
    """
    text = unicodedata.normalize("NFC", text)
    for sequence in _data()["newline_chars"]:
        text = text.replace(sequence, "\n")
    text = text.translate(_char_table())
    text = text.translate(_CONTROLS)
    text = unicodedata.normalize("NFC", text)
    return normalize_tone(text)


# --------------------------------------------------------------------------- chrome


@cache
def _chrome_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = _data()
    phrases = sorted(data["chrome_phrases"], key=len, reverse=True)
    phrase_re = re.compile(
        r"(?<![^\W_])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![^\W_])",
        re.IGNORECASE,
    )
    leftover_re = re.compile(r"[\s\d" + re.escape(data["chrome_separators"]) + r"]*")
    prefixes = "|".join(re.escape(p) for p in data["link_prefixes"])
    link_re = re.compile(rf"^(?:{prefixes})\s*[:>»]", re.IGNORECASE)
    return phrase_re, leftover_re, link_re


@cache
def _notice_lines() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _data().get("notice_line_patterns", []))


@cache
def _chrome_lines() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _data().get("chrome_line_patterns", []))


def _looks_like_sentence(line: str) -> bool:
    guard = _data()["sentence_guard"]
    words = line.split()
    return len(words) >= guard["min_words"] and line[-1] in guard["end_punctuation"]


def _is_breadcrumb(line: str) -> bool:
    spec = _data()["breadcrumb"]
    pattern = "|".join(re.escape(s) for s in spec["separators"])
    parts = [p.strip() for p in re.split(pattern, line)]
    return (
        len(parts) >= spec["min_parts"]
        and all(parts)
        and all(len(p.split()) <= spec["max_words"] for p in parts)
        and not any(ch.isdigit() for ch in line)
    )


def is_chrome_line(line: str) -> bool:
    """True for a line the website added around the article (widgets, share
    buttons, lone punctuation, breadcrumbs, "Xem thêm:" links).

    Conservative: a line holding a number followed by a word, or a normal
    sentence, is never chrome.
    """
    line = line.strip()
    if not line:
        return False
    if not any(ch.isalnum() for ch in line):
        return True
    if any(p.fullmatch(line) for p in _notice_lines()):
        return True  # a copyright notice, though it reads as a sentence
    if not _looks_like_sentence(line) and any(p.fullmatch(line) for p in _chrome_lines()):
        return True
    if NUMBER_THEN_WORD.search(line) or _looks_like_sentence(line):
        return False
    phrase_re, leftover_re, link_re = _chrome_regexes()
    if link_re.match(line) or _is_breadcrumb(line):
        return True
    stripped, count = phrase_re.subn(" ", line)
    return count > 0 and leftover_re.fullmatch(stripped) is not None


# ----------------------------------------------------------------------- normalize


def normalize_text(raw: str) -> str:
    """The canonical text every offset in the project refers to.

    NFC, underthesea tone placement, legacy ``Ð`` -> ``Đ``, NBSP / zero-width /
    soft hyphen handled, spaces collapsed and lines stripped, site-chrome lines
    removed, at most one blank line in a row. Single newlines inside a paragraph
    (captions broken across lines) are kept. Idempotent.
    """
    text = normalize_chars(raw)
    lines = []
    for line in text.split("\n"):
        line = re.sub(r" {2,}", " ", line).strip()
        lines.append("" if is_chrome_line(line) else line)
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")


# ------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _continues(previous: str, following: str) -> bool:
    """Does ``following`` carry on the sentence of ``previous`` (a broken caption)?"""
    prev = previous.rstrip()
    if prev.endswith(","):
        return True
    if prev[-1] in TERMINALS + ":;":
        return False
    if re.match(_data()["sentences"]["list_item"], following):
        return False
    head = following.lstrip("-–—•+* ")
    if head[:1].islower():
        return True
    words = WORD.findall(prev.lower())
    return bool(words) and words[-1] in _data()["sentences"]["continuation_end_words"]


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of paragraphs: blank-line separated blocks, or single lines.

    A line that continues the previous one (it starts in lowercase, or the
    previous line ends with a comma or a connecting word such as ``cho``) stays
    in the same paragraph, so captions broken across lines remain one unit.
    """
    blocks: list[tuple[int, int]] = []
    current: _Line | None = None
    start = 0
    for line in _lines(text):
        if not line.text.strip():
            if current is not None:
                blocks.append((start, current.end))
            current = None
            continue
        if current is None or not _continues(current.text, line.text):
            if current is not None:
                blocks.append((start, current.end))
            start = line.start
        current = line
    if current is not None:
        blocks.append((start, current.end))
    return blocks


# ---------------------------------------------------------------------- sentences


def _is_abbreviation(token: str, at_block_start: bool, abbreviations: Collection[str]) -> bool:
    token = token.lstrip(OPENERS)
    if not token:
        return False
    if len(token) == 1 and token.isupper():
        return True  # an initial: "Nguyễn V. A"
    if at_block_start and (token.isdigit() and len(token) <= 2 or ROMAN.match(token)):
        return True  # a list marker: "1. ", "II. "
    return token.lower() in abbreviations


def _sentence_breaks(block: str, abbreviations: Collection[str]) -> list[int]:
    """Positions inside ``block`` just after a sentence-ending punctuation run."""
    breaks = []
    for match in re.finditer(rf"[{TERMINALS}]+[{re.escape(CLOSERS)}]*(?=\s)", block):
        rest = block[match.end() :].lstrip()
        rest = rest.lstrip(OPENERS)
        if not rest or not (rest[0].isupper() or rest[0].isdigit()):
            continue
        if match.group(0) == ".":
            token_start = block.rfind(" ", 0, match.start()) + 1
            token_start = max(token_start, block.rfind("\n", 0, match.start()) + 1)
            token = block[token_start : match.start()]
            if _is_abbreviation(token, token_start == 0, abbreviations):
                continue
        breaks.append(match.end())
    # "... xét nghiệm…Tuy nhiên, ...": an ellipsis glued to the next sentence
    for match in re.finditer(r"…(?=[^\W\d_])", block):
        if block[match.end()].isupper():
            breaks.append(match.end())
    return sorted(set(breaks))


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end]) if end > start else None


def split_sentences(text: str, abbreviations: Collection[str] | None = None) -> list[Sentence]:
    """Sentences with exact offsets: ``text[s.start:s.end] == s.text``.

    Splits on ``. ! ? …`` followed by whitespace and an uppercase letter, a
    quote or a digit, and between paragraphs (see :func:`split_paragraphs`).
    Never inside numbers (``1.160``), dotted abbreviations (``T.Ư``,
    ``TP.HCM``, ``Tp.``, ``v.v.``, ``ThS.``) or the end mark ``./.``; never on
    ``;``. ``abbreviations`` (lowercase) replaces the list of ``chrome.yaml``
    for a caller with its own (the clause extractors use ``clauses.yaml``'s).
    """
    from extractors.text.dates import metadata_prefix_end  # dates builds on this module

    if abbreviations is None:
        abbreviations = _data()["sentences"]["abbreviations"]
    sentences: list[Sentence] = []
    # a saved page's metadata field ("date 2023-09 Tham dự ...") is no part of a sentence:
    # the first one starts after it, so its openers read as written
    skip = metadata_prefix_end(text)
    for block_start, block_end in split_paragraphs(text):
        block_start = max(block_start, min(skip, block_end))
        block = text[block_start:block_end]
        cuts = [0, *_sentence_breaks(block, abbreviations), len(block)]
        for a, b in zip(cuts, cuts[1:], strict=False):
            sentence = _trimmed(text, block_start + a, block_start + b)
            if sentence is not None:
                sentences.append(sentence)
    return sentences


# --------------------------------------------------------------------------- title


def is_list_row(sentence: str) -> bool:
    """A row of a list or text table: a bullet or numbered marker, or cells split by "|"."""
    stripped = sentence.lstrip()
    return (
        stripped[:1] in {"-", "+", "•", "*", "–"}
        or " | " in stripped
        or re.match(_data()["sentences"]["list_item"], stripped) is not None
    )


def _syllables(line: str) -> int:
    return len(line.split())


def detect_title(text: str) -> str | None:
    """The headline of an article, or None when the text starts with its body.

    Looks at the header: the non-empty lines before the first body-length line
    (more than ``title.max_words`` syllables), skipping chrome and date lines.
    A short line (fewer than ``title.min_words`` syllables) followed by a longer
    header line is a section label ("Ngày hội toàn dân bảo vệ ANTQ"), so the
    title is the first header line that is not such a label.
    """
    from extractors.text.dates import (  # dates builds on this module
        is_date_line,
        strip_metadata_date,
        strip_stamp,
    )

    spec = _data()["title"]
    header: list[str] = []
    for index, line in enumerate(text.split("\n")):
        line = line.strip()
        if index == 0:
            line = strip_metadata_date(line)  # "date 2026-01-08 <headline>"
        line = strip_stamp(line)  # "<headline> 14/03/2024 08:15"
        if not line or is_chrome_line(line) or is_date_line(line):
            continue
        if _syllables(line) > spec["max_words"] or len(header) >= spec["max_header_lines"]:
            break
        if spec.get("lead_openers") and re.search(spec["lead_openers"], line):
            break  # the lead: "(KTO) - Sáng 4/3, ... năm 2024. Đây là ..."
        header.append(line)
    for i, line in enumerate(header):
        later = header[i + 1 :]
        is_label = _syllables(line) < spec["min_words"] and any(
            _syllables(other) > _syllables(line) for other in later
        )
        if not is_label:
            return line
    return None
