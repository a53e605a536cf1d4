"""Which indicator a number reports, and whether it is a flow or a stock.

Every indicator of the codebook is scored on its cue words in the clause
around the number (``indicators.yaml``); the kind comes from the nearest time
frame before it, else the indicator's default (see ``kind_of``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.figures.codebook import PATTERN_WEIGHT, Codebook, IndicatorRule
from extractors.text.numbers import NumberMention


@dataclass
class Candidate:
    mention: NumberMention
    unit: str | None
    unit_end: int
    before: str
    after: str
    pattern_codes: set[str]
    clause: str | None = None  # the sentence up to the end of the number's ";" item
    clause_at: int = 0  # where the number stands in ``clause``


def _section_hits(
    rule: IndicatorRule, sections: dict[str, str], clause_at: int = 0
) -> tuple[float, list[str]]:
    score = 0.0
    hits: list[str] = []
    for section, cues in rule.cues.items():
        targets = (
            [sections["before"], sections["after"]] if section == "near" else [sections[section]]
        )
        for cue in cues:
            if section == "clause":
                found = any(_cue_not_counted(cue.regex, t, clause_at) for t in targets)
            else:
                found = any(cue.regex.search(t) for t in targets)
            if found:
                score += cue.weight
                hits.append(cue.text)
    return score, hits


_COUNT_BEFORE = re.compile(r"\d\s*$")


def _cue_not_counted(regex: re.Pattern[str], text: str, number_at: int) -> bool:
    """The cue stands in ``text`` other than as the counted noun of a later number: in
    "xử lý 35 vụ, tiếp nhận 420 tin báo" the tips counted after the cases are a second
    result, not their source; "Qua 420 tin báo, ... làm rõ 35 vụ" and "35 vụ do nhân
    dân cung cấp tin báo" name it."""
    return any(
        m.start() < number_at or not _COUNT_BEFORE.search(text, max(0, m.start() - 3), m.start())
        for m in regex.finditer(text)
    )


def _excluded(rule: IndicatorRule, sections: dict[str, str]) -> bool:
    if _matches_any(rule.firm_excludes, sections):
        return True
    if _matches_any(rule.soft_excludes, sections) and not (
        rule.where_not is not None and rule.where_not.search(sections["sentence"])
    ):
        return True
    if rule.exclude_unless is not None and rule.exclude_unless.search(sections["sentence"]):
        return False
    return _matches_any(rule.excludes, sections)


def _matches_any(excludes: dict[str, re.Pattern[str] | None], sections: dict[str, str]) -> bool:
    for section, regex in excludes.items():
        if regex is None:
            continue
        targets = (
            [sections["before"], sections["after"]] if section == "near" else [sections[section]]
        )
        if any(regex.search(t) for t in targets):
            return True
    return False


def classify(
    candidate: Candidate,
    sentence_text: str,
    previous_indicator: str | None,
    codebook: Codebook,
    first_in_clause: bool = False,
) -> tuple[str, float, str | None]:
    """Best indicator for one number: (code, score, rule description).

    ``first_in_clause``: no number comes before it in its clause, so a rule's
    ``previous_waived_by`` cue may stand in for the missing figure.
    """
    sections = {
        "before": candidate.before,
        "after": candidate.after,
        "sentence": sentence_text,
        "clause": candidate.clause if candidate.clause is not None else sentence_text,
    }
    unit = (candidate.unit or "").lower()
    best: tuple[float, str, str | None] = (0.0, "unclassified", None)
    for rule in codebook.rules:
        if not rule.accepts_unit(unit) and rule.code not in candidate.pattern_codes:
            continue  # a pattern of the rule that holds the number speaks for its unit
        if (
            rule.ratio
            and candidate.mention.denominator is None
            and not candidate.mention.is_percent
        ):
            continue
        shares = codebook.percent_indicators
        if candidate.mention.is_percent and shares is not None and rule.code not in shares:
            continue  # a share of tips or members is no count of them
        if rule.previous and previous_indicator not in rule.previous:
            # a cue stands in for a missing figure, never for one of another indicator
            waiver = rule.previous_waived_by if first_in_clause else None
            if waiver is None or not waiver.search(candidate.before):
                continue
            waived = True
        else:
            waived = False
        if _excluded(rule, sections):
            continue
        score, hits = _section_hits(rule, sections, candidate.clause_at)
        if waived:
            score, hits = score + 2.0, [*hits, "previous_waived"]
        if rule.code in candidate.pattern_codes:
            score += PATTERN_WEIGHT
            hits.append("pattern")
        if score <= 0 and not rule.unit_is_enough:
            continue
        score += (1.0 if rule.units else 0.0) + (0.5 if rule.unit_is_enough else 0.0)
        if score > best[0]:
            why = f"{rule.code}: unit={unit or '-'}" + (f"; cues={'|'.join(hits)}" if hits else "")
            best = (score, rule.code, why)
    return best[1], best[0], best[2]


def kind_of(
    before_in_sentence: str,
    rule_kind: str | None,
    before: str,
    codebook: Codebook,
    previous_kind: str | None = None,
    unit: str | None = None,
) -> str | None:
    """Nearest time frame before the number, else the indicator's default, else
    an action verb before it (``tổ chức tại 83/83 xã``), else a lead-in naming a
    standing count or place right before it (``xã có 9 thôn``), else the kind of
    the figure it continues, else the kind of its counted noun (``mắt camera``).

    What can only happen in time (sessions, attendances, tips, cases, awards,
    money: an indicator or a counted noun of kind ``flow``) is a flow even
    after a standing-count frame: ``đến nay đã tổ chức 15 buổi`` counts
    activity up to now (codebook, "Kind"). Only things that stand (models,
    teams, members) take their kind from the frame.
    """
    if rule_kind == "flow" or (
        rule_kind is None and codebook.unit_kinds.get((unit or "").lower()) == "flow"
    ):
        return "flow"
    clause_start = before_in_sentence.rfind(";") + 1
    positions: list[tuple[int, int, str]] = []
    frames = (
        ("stock", codebook.stock_cues, 0),
        ("flow", codebook.flow_cues, 0),
        # a span of time ("Từ đầu năm 2021 đến nay") beats the "đến nay" it ends with
        ("flow", codebook.flow_spans, 1),
    )
    for kind, regex, priority in frames:
        if regex is None:
            continue
        # A time frame reaches past a ";" only when it opens the sentence.
        positions += [
            (m.end(), priority, kind)
            for m in regex.finditer(before_in_sentence)
            if m.start() >= clause_start or not before_in_sentence[: m.start()].strip()
        ]
    # setting something up ("thành lập 74 tổ") is activity of the period, unless a
    # standing-count frame came first: "Đến nay, huyện đã thành lập 640 đội" is a total
    stock_ends = [end for end, _, kind in positions if kind == "stock"]
    # ... and reaches only what is set up: "thành lập 74 tổ với 350 thành viên" counts
    # the members the teams have (a stock)
    stops = codebook.creation_stops
    if codebook.creation_cues is not None:
        for m in codebook.creation_cues.finditer(before_in_sentence, clause_start):
            stop = stops.search(before_in_sentence, m.end()) if stops is not None else None
            if stop is not None:
                # what the new teams are made of, whatever the period ("Trong năm, xã
                # ra mắt 5 tổ với 30 người": the members the teams have)
                positions.append((stop.end(), 0, "stock"))
            elif not any(end <= m.start() for end in stock_ends):
                positions.append((m.end(), 0, "flow"))
    if positions:
        return max(positions)[2]
    if rule_kind:
        return rule_kind
    if (unit or "").lower() in codebook.standing_units:
        return "stock"  # things that stand, whatever was done to them ("lắp 90 camera")
    if codebook.flow_verbs is not None and codebook.flow_verbs.search(before):
        return "flow"
    if codebook.stock_lead_ins is not None and codebook.stock_lead_ins.search(before):
        return "stock"
    if previous_kind:
        return previous_kind
    if (unit or "").lower() in codebook.late_flow_units:
        return "flow"  # "cứu 57 trường hợp gặp nạn" with no time frame: cases handled
    return codebook.unit_kinds.get((unit or "").lower())


def breakdown_of(after: str, codebook: Codebook) -> str | None:
    if codebook.breakdowns is None:
        return None
    match = codebook.breakdowns.match(after.lstrip())
    return match.group(0) if match else None
