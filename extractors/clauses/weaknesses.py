"""Weaknesses: the shortcomings a report admits, one row per clause.

A report admits shortcomings in a *section*: an admission ("Bên cạnh những
kết quả đạt được, ... còn một số hạn chế như:", a heading "Khó khăn, vướng
mắc:", or a lone "Tuy nhiên, ... chưa ...") followed by clauses that keep
stating shortcomings, possibly over several paragraphs. The section ends at a
cause statement, a forecast, the turn to solutions, or a paragraph with no
negation cue. Each section is cut into clauses on ";", on sentence ends, and
on commas that open a new clause with its own subject and negation.

The vocabulary lives in ``clauses.yaml``. This module also holds the small
text-span helpers (vocabulary loading, paragraphs, sentences) that the
solutions extractor reuses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from extractors.records import Weakness
from extractors.text.normalize import split_sentences
from extractors.text.phrase_trie import phrase_alternation
from extractors.text.yaml_data import load_data

_SPACE = " \t\r\n\u00a0\u200b\ufeff"
_TRAIL = _SPACE + ".;,:!?…"


# --------------------------------------------------------------------------
# Shared span helpers
# --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def load_vocabulary() -> dict[str, Any]:
    """The cue vocabulary of ``clauses.yaml``, parsed once."""
    return load_data(__file__, "clauses.yaml")


def alternation(phrases: Iterable[str], *, literal: bool = True) -> str:
    """A regex alternation, longest phrase first so that "vẫn còn" beats "còn".

    Literal phrases (a space matching any run of spaces) are written as a trie, which
    finds the same matches in fewer steps (``extractors/text/phrase_trie.py``).
    """
    if literal:
        return phrase_alternation(phrases)
    return "(?:" + "|".join(sorted(set(phrases), key=len, reverse=True)) + ")"


def word_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Whole-word, case-insensitive matcher for a list of phrases."""
    return re.compile(rf"(?<!\w){alternation(phrases)}(?!\w)", re.IGNORECASE)


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Non-blank lines of ``text[start:end]`` as (start, end), whitespace trimmed."""
    end = len(text) if end is None else end
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        s, e = trim(text, start + match.start(), start + match.end())
        if e > s:
            spans.append((s, e))
    return spans


def trim(text: str, start: int, end: int, chars: str = _SPACE) -> tuple[int, int]:
    """Shrink a span past the given characters at both ends."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def trim_trailing(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace at the start and whitespace/punctuation at the end."""
    start, end = trim(text, start, end)
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    return start, end


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in load_vocabulary()["sentences"]["abbreviations"])


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one paragraph as (start, end), end including the final stop.

    The project's one splitter (:func:`extractors.text.normalize.split_sentences`)
    with the abbreviations of ``clauses.yaml``.
    """
    return [
        (start + s.start, start + s.end) for s in split_sentences(text[start:end], _abbreviations())
    ]


# --------------------------------------------------------------------------
# Weakness cues
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cues:
    quantified_intro: re.Pattern[str]
    bare_intro: re.Pattern[str]
    colon_intro: re.Pattern[str]
    heading: re.Pattern[str]
    contrast: re.Pattern[str]
    stop_in_sentence: re.Pattern[str]
    negation: re.Pattern[str]
    strong_negation: re.Pattern[str]
    achievement: re.Pattern[str]
    stop_opener: re.Pattern[str]
    stop_anywhere: re.Pattern[str]
    clause_subject: re.Pattern[str]
    leading_marker: re.Pattern[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    vocab = load_vocabulary()["weaknesses"]
    noun = alternation(vocab["nouns"])
    # nouns in a row, with or without a comma: "hạn chế, tồn tại", "yếu kém tồn tại"
    phrase = rf"{noun}(?:\s*(?:,\s*và|,|và)?\s*{noun})*"
    admit = alternation(vocab["admission_verbs"])
    quant = alternation(vocab["quantifiers"])
    tail = alternation(vocab["intro_tails"])
    flags = re.IGNORECASE
    return _Cues(
        quantified_intro=re.compile(
            rf"(?<!\w)(?:{admit}\s+)+{quant}\s+(?P<noun>{phrase})(?!\w)"
            rf"(?:\s*,?\s*(?P<tail>{tail})(?!\w))?\s*(?P<colon>:)?",
            flags,
        ),
        # "Thẳng thắn nhìn nhận, phong trào vẫn còn hạn chế." opens what follows
        bare_intro=re.compile(
            rf"(?<!\w)(?:{admit}\s+)+(?P<noun>{phrase})(?!\w)\s*[.:]?\s*$", flags
        ),
        colon_intro=re.compile(
            rf"(?:^|(?<=[\s,]))(?:{admit}\s+)*(?:{quant}\s+)?(?P<noun>{phrase})(?!\w)"
            rf"(?:\s*,?\s*(?:{tail})(?!\w))?\s*:",
            flags,
        ),
        heading=re.compile(
            rf"^[\W\d]*(?:[IVX]+[.)]\s*|[a-z][.)]\s*)?(?:{quant}\s+)?(?P<noun>{phrase})"
            rf"(?:\s*(?:,|và)\s*nguyên nhân)?\s*:?\s*$",
            flags,
        ),
        # At the start of a sentence, or after a ";" inside it ("...; tuy nhiên, ...").
        contrast=re.compile(
            rf"(?:^|;\s*){alternation(vocab['contrast_openers'])}"
            rf"(?:\s+(?:{alternation(vocab.get('contrast_fillers', []))}))?\s*,\s*",
            flags,
        ),
        negation=word_pattern(vocab["negation_cues"]),
        strong_negation=word_pattern(vocab["strong_negation_cues"]),
        achievement=word_pattern(vocab["achievement_negations"]),
        stop_opener=re.compile(
            rf"^(?:[\W\d]|[IVX]+\.)*{alternation(vocab['stop_openers'])}(?!\w)", flags
        ),
        stop_anywhere=word_pattern(vocab["stop_anywhere"]),
        stop_in_sentence=word_pattern(vocab.get("stop_in_sentence", [])),
        clause_subject=re.compile(rf"^{alternation(vocab['clause_subjects'])}(?!\w)", flags),
        leading_marker=re.compile(
            r"^(?:[-+•*–·]\s*|\(?\d{1,2}[.)]\s+|\(?[a-zđ][.)]\s+)", re.IGNORECASE
        ),
    )


def has_negation(fragment: str, *, strong: bool = False) -> bool:
    """Whether a fragment is worded as a shortcoming (chưa, còn, thiếu, ...)."""
    cues = _cues()
    cleaned = cues.achievement.sub(" ", fragment)
    pattern = cues.strong_negation if strong else cues.negation
    return pattern.search(cleaned) is not None


# --------------------------------------------------------------------------
# Sections and clauses
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Opening:
    body_start: int  # where the shortcomings start
    cue: str
    # the admission announces a list in its own sentence ("những tồn tại như: A; B"):
    # the items there are shortcomings without a negation of their own
    listed: bool = False


def _find_opening(text: str, start: int, end: int, paragraph_alone: bool) -> _Opening | None:
    """An admission that opens a weakness section within one sentence, if any."""
    cues = _cues()
    sentence = text[start:end]
    if paragraph_alone:
        heading = cues.heading.match(sentence)
        if heading and len(sentence.split()) <= 10:
            return _Opening(end, heading.group("noun").lower())
    intro = cues.quantified_intro.search(sentence)
    if intro:
        rest = sentence[intro.end() :]
        cue = intro.group("noun").lower()
        if intro.group("colon") or intro.group("tail"):
            return _Opening(start + intro.end(), cue, listed=True)
        if not rest.strip(_TRAIL):
            return _Opening(end, cue)
        if has_negation(sentence[: intro.start()] + rest, strong=True):
            # "Công tác tuyên truyền còn nhiều hạn chế, chưa ...": the sentence
            # itself states the shortcoming.
            return _Opening(start, cue)
    bare = cues.bare_intro.search(sentence)
    if bare:
        return _Opening(end, bare.group("noun").lower())
    intro = cues.colon_intro.search(sentence)
    if intro:
        return _Opening(start + intro.end(), intro.group("noun").lower())
    contrast = cues.contrast.search(sentence)
    if contrast and has_negation(sentence[contrast.end() :], strong=True):
        return _Opening(start + contrast.end(), contrast.group(0).strip(" ,;").strip())
    return None


def _split_semicolons(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut on ";" outside parentheses."""
    pieces = []
    depth = 0
    cursor = start
    for pos in range(start, end):
        char = text[pos]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == ";" and depth == 0:
            pieces.append((cursor, pos))
            cursor = pos + 1
    pieces.append((cursor, end))
    return pieces


def _split_subject_commas(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut where a comma opens a new clause with its own subject and negation."""
    cues = _cues()
    pieces = []
    cursor = start
    for comma in re.finditer(r",\s+", text[start:end]):
        cut = start + comma.start()
        after = start + comma.end()
        if after <= cursor or not cues.clause_subject.match(text[after:end]):
            continue
        if has_negation(text[cursor:cut]) and has_negation(text[after:end]):
            pieces.append((cursor, cut))
            cursor = after
    pieces.append((cursor, end))
    return pieces


def _clauses(text: str, start: int, end: int, listed: bool = False) -> list[tuple[int, int]]:
    """Clause spans of a stretch of one sentence, trimmed, worded as shortcomings
    (or, when ``listed``, items of a list an admission announced)."""
    cues = _cues()
    spans = []
    for s, e in _split_semicolons(text, start, end):
        for cs, ce in _split_subject_commas(text, s, e):
            cs, ce = trim_trailing(text, cs, ce)
            marker = cues.leading_marker.match(text[cs:ce])
            if marker:
                cs, ce = trim_trailing(text, cs + marker.end(), ce)
            if ce - cs >= 8 and (listed or has_negation(text[cs:ce])):
                spans.append((cs, ce))
    return spans


def _ends_section(text: str, paragraph: tuple[int, int]) -> bool:
    """Whether a new paragraph stops an open weakness section."""
    cues = _cues()
    body = text[paragraph[0] : paragraph[1]]
    if cues.stop_opener.match(body) or not has_negation(body):
        return True
    return body.rstrip().endswith(":") and cues.stop_anywhere.search(body) is not None


def extract_weaknesses(doc_id: str, text: str) -> list[Weakness]:
    """One row per weakness clause of a normalized document.

    ``theme`` is left ``other`` for the classifier; ``cue`` is the word that
    opened the section ("hạn chế", "khó khăn", "Tuy nhiên", ...).
    """
    cues = _cues()
    rows: list[Weakness] = []
    cue: str | None = None
    for paragraph in paragraph_spans(text):
        if cue is not None and _ends_section(text, paragraph):
            cue = None
        sentences = sentence_spans(text, *paragraph)
        for s, e in sentences:
            if cues.stop_opener.match(text[s:e]) or cues.stop_in_sentence.search(text[s:e]):
                cue = None
                continue
            body_start, listed = s, False
            opening = _find_opening(text, s, e, paragraph_alone=len(sentences) == 1)
            if opening is not None:
                cue, body_start, listed = opening.cue, opening.body_start, opening.listed
            if cue is None:
                continue
            for cs, ce in _clauses(text, body_start, e, listed):
                rows.append(Weakness(doc_id, cs, ce, text[cs:ce], cue=cue))
    return rows
