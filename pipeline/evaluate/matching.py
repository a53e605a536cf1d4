"""Pairing predictions with gold: figures by value and position, clauses by shared words.

Gold quotes are located in the document after the same normalization the
pipeline applies (Unicode NFC, one tone placement, whitespace collapsed).
Matching is one-to-one throughout.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from extractors.records import Figure
from extractors.text.normalize import normalize_tone

WHITESPACE = re.compile(r"\s+")
WORD = re.compile(r"\w+")
#: A predicted clause matches a gold clause when they share at least this
#: share of the longer one's words.
CLAUSE_OVERLAP = 0.5


def fold(text: str) -> str:
    return normalize_tone(unicodedata.normalize("NFC", text))


def collapsed(text: str) -> tuple[str, list[int]]:
    """``text`` with whitespace runs as one space, and each char's offset in ``text``."""
    chars: list[str] = []
    index: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                chars.append(" ")
                index.append(i)
            in_space = True
        else:
            chars.append(ch)
            index.append(i)
            in_space = False
    return "".join(chars), index


class Locator:
    """Finds gold strings in a normalized document text."""

    def __init__(self, text: str):
        self.text = text
        self.flat, self.index = collapsed(fold(text))

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        needle = WHITESPACE.sub(" ", fold(quote)).strip()
        spans: list[tuple[int, int]] = []
        if not needle:
            return spans
        at = self.flat.find(needle)
        while at >= 0:
            end = at + len(needle) - 1
            spans.append((self.index[at], self.index[end] + 1))
            at = self.flat.find(needle, at + 1)
        return spans


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class FigureMatch:
    """One gold figure and the prediction at the same value and place, if any."""

    gold: dict[str, Any]
    predicted: Figure | None
    located: bool  # the gold quote was found in the text


def match_figures(figures: Sequence[Figure], gold: list[dict[str, Any]], locator: Locator):
    """One-to-one matches by value and position, gold in order.

    Returns the matches (one per gold figure) and the predicted figures that
    matched nothing.
    """
    used: set[int] = set()
    used_spans: set[tuple[int, int]] = set()
    matches: list[FigureMatch] = []
    for item in gold:
        spans = locator.find_all(str(item.get("quote", "")))
        spans.sort(key=lambda s: s in used_spans)  # prefer an occurrence not yet matched
        hit = None
        for span in spans:
            for i, fig in enumerate(figures):
                if i in used or abs(fig.value - float(item["value"])) > 1e-6:
                    continue
                if overlaps((fig.start, fig.end), span):
                    hit = i
                    used_spans.add(span)
                    break
            if hit is not None:
                break
        if hit is not None:
            used.add(hit)
        matches.append(FigureMatch(item, figures[hit] if hit is not None else None, bool(spans)))
    spurious = [f for i, f in enumerate(figures) if i not in used]
    return matches, spurious


def indicator_agrees(gold: str | None, predicted: str) -> bool:
    """Codebook codes must be equal; a gold ``other_*`` agrees with ``unclassified`` only."""
    if not gold:
        return False
    if gold.startswith("other_") or gold == "unclassified":
        return predicted == "unclassified"
    return gold == predicted


def unit_agrees(gold: str, predicted: str | None) -> bool:
    """Same counted noun: equal after folding, or one the other's leading words."""
    g = WHITESPACE.sub(" ", fold(gold).lower()).strip()
    p = WHITESPACE.sub(" ", fold(predicted or "").lower()).strip()
    if not p:
        return False
    return g == p or g.startswith(p + " ") or p.startswith(g + " ")


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(fold(text).lower()))


def clause_share(gold: str, predicted: str) -> float:
    """Shared words over the longer clause's words (0..1)."""
    g, p = words(gold), words(predicted)
    longer = max(sum(g.values()), sum(p.values()))
    return sum((g & p).values()) / longer if longer else 0.0


def match_clauses(predicted: Sequence[str], gold: Sequence[str]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs sharing at least half their words."""
    candidates = sorted(
        (
            (clause_share(g, p), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
        ),
        reverse=True,
    )
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for share, gi, pi in candidates:
        if share < CLAUSE_OVERLAP:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def gold_clause_text(item: Any) -> str:
    """Gold clauses are strings or objects with a ``text`` (and a ``theme``); a named
    model may be an object with a ``name`` (and its ``province``)."""
    if isinstance(item, dict):
        return str(item.get("text") or item.get("name") or "")
    return str(item)
