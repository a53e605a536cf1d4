"""Solutions and lessons: one row per listed item, its first sentence as summary.

A list of solutions is announced: by a sentence ending with a colon that names
solutions or lessons ("một số giải pháp sau:", "rút ra một số kinh nghiệm
sau:", "giải pháp trọng tâm cần thực hiện như:"), or by a heading with such a
noun followed by marked items. Items are

* marked: "Thứ nhất, ...", "Một là, ...", "1. ...", "a) ...", "- ...", "+ ...";
  an item runs until the next marker of the same kind (so sub-bullets and
  follow-up paragraphs belong to it), or
* unmarked: after an announcing colon, each following paragraph is an item.

The list ends at a byline, a closing paragraph ("Có thể khẳng định ..."), a
short heading, the end mark "/.", or, for marked lists, a paragraph that
carries no marker and is not followed by the next one. The vocabulary lives
in ``clauses.yaml`` (section ``solutions``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.clauses.weaknesses import (
    alternation,
    load_vocabulary,
    paragraph_spans,
    sentence_spans,
    trim,
    word_pattern,
)
from extractors.records import Solution

_LOOKAHEAD_PARAGRAPHS = 3
_MIN_ITEM_WORDS = 6
_SYMBOL_KINDS = ("number", "letter", "bullet")
_ALPHABET = "abcdđeghiklmnopqrstuvxy"  # the order of Vietnamese list letters


@dataclass(frozen=True)
class _Marker:
    kind: str  # "ordinal_0" (Thứ nhất), "ordinal_1" (Một là), "number", "letter", "bullet-"
    text: str  # as written, without the trailing comma/space
    ordinal: int | None
    end: int  # where the item's words start


@dataclass(frozen=True)
class _Rules:
    ordinal_res: tuple[tuple[str, re.Pattern[str]], ...]
    ordinal_words: dict[str, int]
    number: re.Pattern[str]
    letter: re.Pattern[str]
    bullet: re.Pattern[str]
    intro_noun: re.Pattern[str]
    intro_modal: re.Pattern[str]
    intro_list_end: re.Pattern[str]
    closing: re.Pattern[str]
    byline: re.Pattern[str]
    byline_max_words: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    vocab = load_vocabulary()["solutions"]
    words: dict[str, int] = {}
    for index, row in enumerate(vocab["ordinals"], start=1):
        for word in row:
            words[word.lower()] = index
    any_ordinal = alternation(words)
    ordinal_res = []
    for position, template in enumerate(vocab["ordinal_patterns"]):
        body = template.replace("{n}", f"(?P<n>{any_ordinal})")
        ordinal_res.append(
            (f"ordinal_{position}", re.compile(rf"^(?P<m>{body})(?!\w)\s*[,:.]\s*", re.IGNORECASE))
        )
    bullets = "".join(re.escape(b) for b in vocab["bullets"])
    return _Rules(
        ordinal_res=tuple(ordinal_res),
        ordinal_words=words,
        number=re.compile(r"^\(?(?P<m>(?P<n>\d{1,2})(?:\.\)|[.)]))\s+"),
        letter=re.compile(r"^\(?(?P<m>(?P<n>[a-zđ])\))\s+|^(?P<m2>(?P<n2>[a-zđ])\.)\s+(?=\w)"),
        bullet=re.compile(rf"^(?P<m>[{bullets}])\s*(?=\w|“)"),
        intro_noun=word_pattern(vocab["intro_nouns"]),
        intro_modal=word_pattern(vocab["intro_modals"]),
        intro_list_end=re.compile(
            rf"(?<!\w){alternation(vocab['intro_list_words'])}\s*:\s*$", re.IGNORECASE
        ),
        closing=re.compile(rf"^{alternation(vocab['closing_openers'])}(?!\w)", re.IGNORECASE),
        byline=re.compile(rf"^{alternation(vocab['byline_openers'])}(?!\w)", re.IGNORECASE),
        byline_max_words=int(vocab["byline_max_words"]),
    )


def _marker(text: str, start: int, end: int) -> _Marker | None:
    """The list marker at the start of a paragraph (or of an inline item)."""
    rules = _rules()
    head = text[start:end]
    for kind, pattern in rules.ordinal_res:
        match = pattern.match(head)
        if match:
            number = rules.ordinal_words.get(" ".join(match.group("n").lower().split()))
            if number is not None and not re.match(r"\d", head[match.end() :]):
                return _Marker(kind, match.group("m"), number, start + match.end())
    match = rules.number.match(head)
    if match:
        return _Marker("number", match.group("m"), int(match.group("n")), start + match.end())
    match = rules.letter.match(head)
    if match and (match.group("n") or head[match.end() : match.end() + 1].isupper()):
        letter = match.group("n") or match.group("n2")
        written = match.group("m") or match.group("m2")
        return _Marker("letter", written, _ALPHABET.index(letter) + 1, start + match.end())
    match = rules.bullet.match(head)
    if match:
        # Each bullet symbol is its own kind: "+" under "-" is a sub-item.
        return _Marker(f"bullet{match.group('m')}", match.group("m"), None, start + match.end())
    return None


def _is_intro(text: str, start: int, end: int) -> bool:
    """Whether a paragraph announces a list of solutions or lessons with a colon."""
    rules = _rules()
    sentences = sentence_spans(text, start, end)
    last = text[sentences[-1][0] : sentences[-1][1]] if sentences else ""
    if not last.rstrip().endswith(":"):
        return False
    if rules.intro_noun.search(last):
        return True
    return bool(rules.intro_list_end.search(last) and rules.intro_modal.search(last))


def _is_heading(text: str, start: int, end: int) -> bool:
    """A short title line naming solutions ("Giải pháp", "III. BÀI HỌC KINH NGHIỆM")."""
    line = text[start:end]
    return (
        len(line.split()) <= 12
        and not line.rstrip().endswith((".", ";", ","))
        and _rules().intro_noun.search(line) is not None
    )


def _ends_list(text: str, start: int, end: int) -> bool:
    """A byline, closing remark or short caption/heading: not an item."""
    rules = _rules()
    line = text[start:end]
    words = line.split()
    if rules.closing.match(line) or rules.byline.match(line):
        return True
    if len(words) <= rules.byline_max_words and not re.search(r"[.;:!?…]$", line.rstrip()):
        return True
    return len(words) < _MIN_ITEM_WORDS


def _summary(text: str, start: int, end: int) -> str:
    """The first sentence, without a trailing ellipsis that only marks a cut."""
    sentences = sentence_spans(text, start, end)
    s, e = sentences[0] if sentences else (start, end)
    summary = text[s:e]
    stripped = re.sub(r"(?:\s*(?:\.{2,}|…))+$", "", summary)
    return stripped or summary


def _make(
    doc_id: str, text: str, start: int, end: int, marker: _Marker | None, ordinal: int
) -> Solution:
    """One item. Typographic markers (1., a), -) stay out of the text; ordinal
    words ("Thứ nhất, ...") are part of the sentence and stay in."""
    symbol = marker is not None and marker.kind.startswith(_SYMBOL_KINDS)
    if marker is not None and symbol and start <= marker.end <= end:
        start = marker.end
    start, end = trim(text, start, end)
    summary = _summary(text, start, end)
    return Solution(
        doc_id=doc_id,
        start=start,
        end=end,
        text=text[start:end],
        summary=summary,
        marker=marker.text if marker else None,
        ordinal=marker.ordinal if marker and marker.ordinal is not None else ordinal,
    )


def _same_kind(a: _Marker, b: _Marker | None) -> bool:
    return b is not None and a.kind == b.kind


def _marked_items(
    doc_id: str, text: str, paragraphs: list[tuple[int, int]], first: int
) -> tuple[list[Solution], int]:
    """Items of a marked list starting at paragraph ``first``; returns the next index."""
    opening = _marker(text, *paragraphs[first])
    if opening is None:
        return [], first
    items: list[Solution] = []
    current_start = paragraphs[first][0]
    current_end = paragraphs[first][1]
    current_marker = opening
    index = first + 1
    while index < len(paragraphs):
        s, e = paragraphs[index]
        marker = _marker(text, s, e)
        if _same_kind(opening, marker):
            items.append(
                _make(doc_id, text, current_start, current_end, current_marker, len(items) + 1)
            )
            current_start, current_end, current_marker = s, e, marker
            index += 1
            continue
        if _ends_list(text, s, e) and marker is None:
            break
        ahead = paragraphs[index + 1 : index + 1 + _LOOKAHEAD_PARAGRAPHS]
        if marker is not None or any(_same_kind(opening, _marker(text, *p)) for p in ahead):
            current_end = e  # a sub-bullet or a follow-up paragraph of the item
            index += 1
            continue
        break
    items.append(_make(doc_id, text, current_start, current_end, current_marker, len(items) + 1))
    if text[current_start:current_end].rstrip().endswith("/."):
        index = len(paragraphs)
    return items, index


def _unmarked_items(
    doc_id: str, text: str, paragraphs: list[tuple[int, int]], first: int
) -> tuple[list[Solution], int]:
    """Each paragraph after an announcing colon is an item, until the list ends."""
    items: list[Solution] = []
    index = first
    while index < len(paragraphs):
        s, e = paragraphs[index]
        if _ends_list(text, s, e) or _is_intro(text, s, e) or _is_heading(text, s, e):
            break
        items.append(_make(doc_id, text, s, e, None, len(items) + 1))
        index += 1
        if text[s:e].rstrip().endswith("/."):
            break
    return items, index


def _inline_items(doc_id: str, text: str, start: int, end: int) -> list[Solution]:
    """Ordinal items inside one paragraph ("... sau: thứ nhất, ...; thứ hai, ...").

    Needs at least two markers of one kind in sequence from 1, and solution
    words before the first one.
    """
    rules = _rules()
    ordinal_kinds = {kind for kind, _ in rules.ordinal_res}
    found: list[tuple[int, _Marker]] = []
    for boundary in re.finditer(r"(?:^|[.;:]\s+)", text[start:end]):
        pos = start + boundary.end()
        marker = _marker(text, pos, end)
        if marker is None or marker.kind not in ordinal_kinds:
            continue
        if marker.ordinal == len(found) + 1 and (not found or found[0][1].kind == marker.kind):
            found.append((pos, marker))
    if len(found) < 2 or not rules.intro_noun.search(text[start : found[0][0]]):
        return []
    items = []
    for position, (item_start, marker) in enumerate(found):
        item_end = found[position + 1][0] if position + 1 < len(found) else end
        s, e = trim(text, item_start, item_end, chars=" \t\n;")
        items.append(_make(doc_id, text, s, e, marker, position + 1))
    return items


def _starts_ordinal_list(text: str, paragraph: tuple[int, int]) -> bool:
    marker = _marker(text, *paragraph)
    ordinal_kinds = {kind for kind, _ in _rules().ordinal_res}
    return marker is not None and marker.kind in ordinal_kinds and marker.ordinal == 1


def extract_solutions(doc_id: str, text: str) -> list[Solution]:
    """One row per listed solution or lesson of a normalized document."""
    rules = _rules()
    paragraphs = paragraph_spans(text)
    rows: list[Solution] = []
    index = 0
    while index < len(paragraphs):
        s, e = paragraphs[index]
        inline = _inline_items(doc_id, text, s, e)
        if inline:
            rows.extend(inline)
            index += 1
            continue
        intro = _is_intro(text, s, e)
        nxt = index + 1
        if nxt >= len(paragraphs):
            break
        following = paragraphs[nxt]
        marked = _marker(text, *following) is not None
        # Ordinal lists ("Thứ nhất", "Một là") may follow a sentence that
        # names solutions without a colon.
        loose = _starts_ordinal_list(text, following) and rules.intro_noun.search(text[s:e])
        if marked and (intro or loose or _is_heading(text, s, e)):
            items, index = _marked_items(doc_id, text, paragraphs, nxt)
        elif intro:
            items, index = _unmarked_items(doc_id, text, paragraphs, nxt)
        else:
            items, index = [], nxt
        rows.extend(items)
    return rows
