"""From number mentions to figures: unit, indicator, qualifier, kind, period.

For each sentence, a spaCy Doc is built from underthesea's words with every
number mention as one ``NUM`` entity token. Matcher patterns generated from
the codebook's units find "number + unit"; the codebook's own Matcher
patterns claim numbers outright; otherwise every indicator is scored on its
cue words in the clause around the number (see ``indicators.yaml``). A
number that no rule claims is kept as ``unclassified``.

Context is shared the way Vietnamese reports share it: a number whose only
lead-in is a list separator (``cho 03 tập thể, 05 cá nhân``) inherits the
lead-in of the number before it, and an indicator may require the figure
before it in the clause chain (``1.160 đợt ... với hơn 145.410 lượt người
tham gia``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extractors.figures.codebook import PATTERN_WEIGHT, Codebook, IndicatorRule, load_codebook
from extractors.figures.not_figures import not_a_figure
from extractors.records import Figure, Sentence
from extractors.text.numbers import NumberMention
from extractors.text.tokens import Token, build_doc, split_at, word_tokens

MAX_AFTER = 150  # characters of clause after a number that may hold its cues
MAX_BEFORE = 160


@dataclass
class _Candidate:
    mention: NumberMention
    unit: str | None
    unit_end: int
    before: str
    after: str
    pattern_codes: set[str]


def _unit_after(
    doc, tokens, num_index: int, matches, units: Sequence[str] = ()
) -> tuple[str | None, int]:
    """The counted noun right after the number token (longest codebook unit, else a word).

    A word cut off at the very end of the text (``hơn 20 nghìn thàn``) is read as
    the shortest codebook unit it begins. Returns the unit and its end offset in
    the document (-1 when there is none).
    """
    best: tuple[int, str] | None = None
    for match_id, start, end in matches:
        if start != num_index:
            continue
        label = doc.vocab.strings[match_id].split("::", 1)[1]
        if best is None or end > best[0]:
            best = (end, label)
    if best is not None:
        return best[1], tokens[best[0] - 1].end
    if num_index + 1 < len(doc):
        nxt = tokens[num_index + 1]
        if nxt.text[:1].isalpha() and nxt.text[:1].islower():
            if num_index + 2 == len(doc):  # the last word of the sentence: maybe cut off
                cut = nxt.text.lower()
                if cut not in units and (whole := [u for u in units if u.startswith(cut)]):
                    return min(whole, key=len), nxt.end
            return nxt.text.lower(), nxt.end
    return None, -1


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


def _unit_in_label(before: str, codebook: Codebook) -> str | None:
    """A table or list row names its unit in the label: ``Nguồn tin có giá trị | 655``.

    The unit nearest the number wins, so a "unit" column (``... cơ sở | cuộc | 8.640``)
    beats words of the label.
    """
    if codebook.unit_regex is None:
        return None
    found = [m.group(0).lower() for m in codebook.unit_regex.finditer(before)]
    return found[-1] if found else None


def _section_hits(rule: IndicatorRule, sections: dict[str, str]) -> tuple[float, list[str]]:
    score = 0.0
    hits: list[str] = []
    for section, cues in rule.cues.items():
        targets = (
            [sections["before"], sections["after"]] if section == "near" else [sections[section]]
        )
        for cue in cues:
            if any(cue.regex.search(t) for t in targets):
                score += cue.weight
                hits.append(cue.text)
    return score, hits


def _excluded(rule: IndicatorRule, sections: dict[str, str]) -> bool:
    if rule.exclude_unless is not None and rule.exclude_unless.search(sections["sentence"]):
        return False
    for section, regex in rule.excludes.items():
        if regex is None:
            continue
        targets = (
            [sections["before"], sections["after"]] if section == "near" else [sections[section]]
        )
        if any(regex.search(t) for t in targets):
            return True
    return False


def classify(
    candidate: _Candidate,
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
    }
    unit = (candidate.unit or "").lower()
    best: tuple[float, str, str | None] = (0.0, "unclassified", None)
    for rule in codebook.rules:
        if rule.units and unit not in rule.units:
            continue
        if (
            rule.ratio
            and candidate.mention.denominator is None
            and not candidate.mention.is_percent
        ):
            continue
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
        score, hits = _section_hits(rule, sections)
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


def _kind(
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
    the figure it continues, else the kind of its counted noun (``mắt camera``)."""
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
    if positions:
        return max(positions)[2]
    if rule_kind:
        return rule_kind
    if codebook.flow_verbs is not None and codebook.flow_verbs.search(before):
        return "flow"
    if codebook.stock_lead_ins is not None and codebook.stock_lead_ins.search(before):
        return "stock"
    return previous_kind or codebook.unit_kinds.get((unit or "").lower())


def _breakdown(after: str, codebook: Codebook) -> str | None:
    if codebook.breakdowns is None:
        return None
    match = codebook.breakdowns.match(after.lstrip())
    return match.group(0) if match else None


def _clause_start(text: str, lower: int, at: int) -> int:
    """Start of the clause holding position ``at``: after the last ';' since ``lower``."""
    cut = text.rfind(";", lower, at)
    return max(lower, cut + 1) if cut >= 0 else lower


def figures_in_sentence(
    doc_id: str,
    text: str,
    sentence: Sentence,
    mentions: Sequence[NumberMention],
    entities: Sequence[tuple[int, int, str]] = (),
    period: int | None = None,
    province: str | None = None,
    province_2025: str | None = None,
    sentence_year: Callable[[str], int | None] | None = None,
    label_for: Callable[[str, int, int, str | None], str] | None = None,
    codebook: Codebook | None = None,
    row_previous: str | None = None,
    words: Sequence[Token] | None = None,
    context: str = "",
) -> list[Figure]:
    """Figures for the number mentions of one sentence (document offsets throughout).

    ``row_previous`` is the indicator of the figure in the previous row when
    this sentence continues a list or table (``- Số buổi ...: 1.284 buổi`` then
    ``- Số lượt người tham dự: 156.300``). ``words`` are the sentence's
    underthesea words when NER already tokenised it; else it is tokenised here.
    ``context`` is the previous sentence when this one goes on from it
    (``Qua đó, ...``): its words count as sentence cues.
    """
    if not mentions:
        return []
    codebook = codebook or load_codebook()
    spans = [(m.start, m.end) for m in mentions]
    if words is not None:
        tokens = split_at(list(words), sentence.text, spans, sentence.start)
    else:
        tokens = word_tokens(sentence.text, sentence.start, keep=spans)
    ents = [(s, e, "NUM") for s, e in spans]
    ents += [
        (s, e, label)
        for s, e, label in entities
        if s >= sentence.start and e <= sentence.end and not any(a < e and s < b for a, b in spans)
    ]
    doc = build_doc(sentence.text, tokens, sentence.start, ents)
    num_tokens = {tokens[tok.i].start: tok.i for tok in doc if tok.ent_type_ == "NUM"}
    unit_matches = codebook.unit_matcher(doc)
    pattern_hits: dict[int, set[str]] = {}
    for match_id, start, end in codebook.pattern_matcher(doc):
        for tok in doc[start:end]:
            if tok.ent_type_ == "NUM":
                pattern_hits.setdefault(tok.i, set()).add(doc.vocab.strings[match_id])

    year = sentence_year(sentence.text) if sentence_year else None
    figures: list[Figure] = []
    previous: tuple[_Candidate, str] | None = None
    # The last classified indicator of the clause chain: an unclassified number in
    # between ("... ở 157 xã, thu hút khoảng 86 nghìn lượt người") does not break it.
    chain: str | None = row_previous
    prev_end = sentence.start
    prev_before = ""
    ordered = sorted(mentions, key=lambda m: m.start)
    for index, mention in enumerate(ordered):
        tok_index = num_tokens.get(mention.start)
        if tok_index is None:
            continue
        clause_start = _clause_start(text, max(prev_end, sentence.start), mention.start)
        if codebook.target_cues is not None and codebook.target_cues.search(
            text[clause_start : mention.start]
        ):
            continue  # a target or plan ("Phấn đấu 100% xã ..."), not a result
        # The counted noun decides the rules; a percentage is recorded in "%" of it.
        unit, unit_end = _unit_after(doc, tokens, tok_index, unit_matches, codebook.units)
        unit_end = unit_end if unit_end >= 0 else mention.end
        next_start = ordered[index + 1].start if index + 1 < len(ordered) else sentence.end
        semicolon = text.find(";", mention.end, next_start)
        after_end = min(
            next_start, semicolon if semicolon >= 0 else next_start, unit_end + MAX_AFTER
        )
        after = text[mention.end : after_end]
        before = text[max(clause_start, mention.start - MAX_BEFORE) : mention.start]
        new_clause = clause_start > prev_end or previous is None
        if not new_clause and codebook.list_separators.match(before):
            before = prev_before
        if unit is None:
            unit = _unit_in_label(before, codebook)
        candidate = _Candidate(
            mention, unit, unit_end, before, after, pattern_hits.get(tok_index, set())
        )
        if new_clause and previous is not None:
            chain = None  # a ";" ends the chain
        indicator, score, rule_text = classify(
            candidate,
            f"{context} {sentence.text}" if context else sentence.text,
            chain,
            codebook,
            first_in_clause=new_clause,
        )
        rule = next((r for r in codebook.rules if r.code == indicator), None)
        sentence_prefix = text[sentence.start : mention.start]
        previous_kind = figures[-1].kind if figures and not new_clause else None
        if not_a_figure(
            codebook,
            indicator,
            unit,
            before,
            text[max(unit_end, mention.end) : after_end],
            text[ordered[index - 1].end : mention.start] if not new_clause else "",
            bool(figures) and figures[-1].unit == "%",
            mention.denominator is not None,
        ):
            continue
        kind = _kind(
            sentence_prefix, rule.kind if rule else None, before, codebook, previous_kind, unit
        )
        label = None
        if indicator == "unclassified" and label_for is not None:
            label = label_for(
                sentence.text, mention.start - sentence.start, mention.end - sentence.start, unit
            )
        figures.append(
            Figure(
                doc_id=doc_id,
                start=mention.start,
                end=max(unit_end, mention.end),
                value=mention.value,
                indicator=indicator,
                unit="%" if mention.is_percent else unit,
                qualifier=mention.qualifier,
                denominator=mention.denominator,
                kind=kind,
                period=year or period,
                province=province,
                province_2025=province_2025,
                breakdown=_breakdown(text[unit_end:after_end], codebook),
                label=label,
                number_start=mention.number_start,
                number_end=mention.number_end,
                sentence=sentence.text,
                sentence_start=sentence.start,
                method="rules",
                rule=rule_text,
                confidence=round(min(0.95, 0.5 + 0.1 * score), 2) if rule else 0.3,
            )
        )
        previous = (candidate, indicator)
        if indicator != "unclassified":
            chain = indicator
        prev_end = max(unit_end, mention.end)
        prev_before = before
    return figures
