"""A clause that reports a harm rising or persisting: a figure that is itself a shortcoming.

Reports seldom call a rise in crime, road deaths or fires a "hạn chế"; they
state it ("tai nạn giao thông ... tăng 2 người chết so với cùng kỳ"), and the
codebook counts such a figure as an admitted shortcoming. The learned
detector is trained mostly on movement reports, where these clauses are rare,
so this small rule stands beside it in both weakness modes. Its vocabulary
lives in ``rising_harms.yaml``, apart from ``clauses.yaml``: the learned model
is fitted on that file's cues and is unaffected by this one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.clauses.weaknesses import alternation, word_pattern
from extractors.text.yaml_data import load_data

_NUMBER = re.compile(r"\d")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load_data(__file__, "rising_harms.yaml")
    patterns = {key: word_pattern(data[key]) for key in ("harms", "blockers", "clause_blockers")}
    counted = alternation(data["rises_before_number"])
    worse = alternation([*data["rises"], *data.get("persists", [])])
    patterns["rises"] = re.compile(rf"(?<!\w)(?:{worse}(?!\w)|{counted}\s+\d)", re.IGNORECASE)
    return patterns


def rising_harm(clause: str, before: str = "", counted: bool = True) -> bool:
    """True when ``clause`` reports with a number a rise of a harm named in it or in
    ``before`` (the sentence up to the clause), or says it persists, and nothing there
    turns it into an achievement or a plan. Without a number it describes the
    situation the movement faces ("tình hình trộm cắp tăng lên"), which the
    codebook does not count: only a figure that is itself a shortcoming is one, even
    after "Tuy nhiên" (round 16's annotators left those out). ``counted=False``
    accepts a clause without a number: the vocabulary's own test reads the words so."""
    p = _patterns()
    return bool(
        (_NUMBER.search(clause) or not counted)  # a figure, not the situation described
        and p["rises"].search(clause)
        and (p["harms"].search(clause) or p["harms"].search(before))
        and not p["blockers"].search(clause)
        and not p["blockers"].search(before)
        and not p["clause_blockers"].search(clause)
    )
