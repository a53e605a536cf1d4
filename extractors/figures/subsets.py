"""Parts and totals: ``trong đó`` subsets and percentages that restate a ratio.

A part points at its total (``part_of`` = the total's figure id) so that the
comparable table never adds a part to its total. Cues are in ``subsets.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from extractors.records import Figure
from extractors.text.yaml_data import load_data

UNCLASSIFIED = "unclassified"


@cache
def _data() -> dict[str, Any]:
    return load_data(__file__, "subsets.yaml")


@cache
def _subset_cue() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in sorted(_data()["subset_cues"], key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{cues})(?!\w)", re.IGNORECASE)


@cache
def _restatement_gap() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in _data()["restatement_words"])
    return re.compile(rf"^[\s,(:\-–]*(?:(?:{words})\s*)*$", re.IGNORECASE)


def restates(gap: str) -> bool:
    """The text between a ratio and a percentage after it says the percentage restates
    it ("47/47 xã (đạt 100%)", "85/85 xã, đạt 100%")."""
    return len(gap) <= _data()["restatement_gap"] and _restatement_gap().match(gap) is not None


def _same_kind(total: Figure, part: Figure) -> bool:
    if total.unit == "%" or part.unit == "%":
        return False
    if total.indicator != UNCLASSIFIED:
        return part.indicator == total.indicator
    return part.indicator == UNCLASSIFIED and bool(part.unit) and part.unit == total.unit


def _unclassified_part(total: Figure, part: Figure) -> bool:
    """A part no rule classified, counting the same noun as a classified total."""
    return (
        total.indicator != UNCLASSIFIED
        and part.indicator == UNCLASSIFIED
        and bool(part.unit)
        and part.unit == total.unit
        and part.unit != "%"
        and part.unit not in _data().get("generic_part_units", [])
    )


def link_parts(text: str, figures: list[Figure]) -> list[Figure]:
    """Set ``part_of`` on subsets and restating percentages (figures in text order)."""
    out = list(figures)
    by_sentence: dict[int, list[int]] = {}
    for i, fig in enumerate(out):
        by_sentence.setdefault(fig.sentence_start, []).append(i)
    previous: list[int] = []  # figures of the sentence before
    for start in sorted(by_sentence):
        indexes = sorted(by_sentence[start], key=lambda i: out[i].start)
        opener = _subset_cue().match(out[indexes[0]].sentence.lstrip())
        for pos, i in enumerate(indexes):
            fig = out[i]
            if opener and not out[i].part_of:
                # "Riêng khu vực biên giới ... 86 cuộc": a part of the sentence before's total
                total = next(
                    (
                        out[j]
                        for j in reversed(previous)
                        if not out[j].part_of and _same_kind(out[j], fig)
                    ),
                    None,
                )
                if total is not None:
                    out[i] = replace(fig, part_of=total.figure_id)
                    continue
            if pos == 0:
                continue
            prev = out[indexes[pos - 1]]
            gap = text[prev.end : fig.start]
            if fig.unit == "%" and prev.denominator is not None and restates(gap):
                out[i] = replace(fig, part_of=prev.figure_id)
                continue
            for j in reversed(indexes[:pos]):
                total = out[j]
                between = text[total.end : fig.start]
                if ";" in between or total.part_of:
                    continue
                if _same_kind(total, fig) and _subset_cue().search(between):
                    out[i] = replace(fig, part_of=total.figure_id)
                    break
                if _unclassified_part(total, fig) and _subset_cue().search(between):
                    # "50 tổ an ninh gồm 30 tổ tuần tra, 20 tổ hòa giải": the
                    # parts of a total are counted as the total is (codebook: sub-levels
                    # keep the parent indicator)
                    out[i] = replace(fig, part_of=total.figure_id, indicator=total.indicator)
                    break
        previous = indexes
    return out
