"""underthesea word tokens with character offsets, and spaCy Docs built from them.

underthesea returns words as strings; the pipeline needs them as spans of
the normalized text so that every record can point back to it. Number
mentions (found by pattern in ``extractors.text.numbers``) are forced to be whole
tokens: underthesea sometimes glues a number to the next word
(``21.000 quyển``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.tokens import Doc

from extractors.text.segment import word_tokenize


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def align(text: str, words: Sequence[str], offset: int = 0) -> list[Token]:
    """Map words (in order) to spans of ``text``; words not found are skipped."""
    tokens: list[Token] = []
    pos = 0
    for word in words:
        found = text.find(word, pos)
        if found < 0:
            # underthesea may collapse inner whitespace; match syllable by syllable.
            parts = word.split()
            first = text.find(parts[0], pos) if parts else -1
            if first < 0:
                continue
            end = first
            for part in parts:
                at = text.find(part, end)
                if at < 0:
                    break
                end = at + len(part)
            found, length = first, end - first
        else:
            length = len(word)
        tokens.append(Token(offset + found, offset + found + length, text[found : found + length]))
        pos = found + length
    return tokens


def split_at(
    tokens: list[Token], text: str, spans: Sequence[tuple[int, int]], offset: int = 0
) -> list[Token]:
    """Re-cut tokens so that each span in ``spans`` is exactly one token."""
    if not spans:
        return tokens
    cuts: set[int] = set()
    for start, end in spans:
        cuts.update((start, end))
    inside = [(s, e) for s, e in spans]
    pieces: list[Token] = []
    for tok in tokens:
        if any(s <= tok.start and tok.end <= e for s, e in inside):
            continue
        bounds = sorted({tok.start, tok.end, *(c for c in cuts if tok.start < c < tok.end)})
        for a, b in zip(bounds, bounds[1:], strict=False):
            if any(s <= a and b <= e for s, e in inside):
                continue
            piece = text[a - offset : b - offset]
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                pieces.append(Token(a + lead, a + lead + len(stripped), stripped))
    for start, end in spans:
        pieces.append(Token(start, end, text[start - offset : end - offset]))
    return sorted(pieces, key=lambda t: t.start)


def word_tokens(text: str, offset: int = 0, keep: Sequence[tuple[int, int]] = ()) -> list[Token]:
    """underthesea words of ``text`` as spans (shifted by ``offset``)."""
    if not text.strip():
        return []
    tokens = align(text, word_tokenize(text), offset)
    return split_at(tokens, text, keep, offset)


@lru_cache(maxsize=1)
def blank_vietnamese() -> spacy.language.Language:
    """spaCy's Vietnamese vocabulary without pyvi: tokens come from underthesea."""
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


def build_doc(
    text: str, tokens: Sequence[Token], offset: int, ents: Sequence[tuple[int, int, str]]
) -> Doc:
    """A spaCy Doc over ``tokens`` with entity labels on the given character spans.

    ``offset`` is the position of ``text`` in the document; token and entity
    offsets are document offsets. Entities must not overlap.
    """
    nlp = blank_vietnamese()
    words = [t.text for t in tokens]
    spaces = [
        i + 1 < len(tokens) and tokens[i + 1].start > tokens[i].end for i in range(len(tokens))
    ]
    tags = ["O"] * len(tokens)
    for start, end, label in ents:
        inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
        if not inside or any(tags[i] != "O" for i in inside):
            continue
        tags[inside[0]] = f"B-{label}"
        for i in inside[1:]:
            tags[i] = f"I-{label}"
    return Doc(nlp.vocab, words=words, spaces=spaces, ents=tags)
