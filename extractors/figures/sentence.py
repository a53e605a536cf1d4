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
from typing import Any

from extractors.figures.classify import Candidate, breakdown_of, classify, kind_of
from extractors.figures.codebook import Codebook
from extractors.figures.not_figures import not_a_figure
from extractors.figures.place_lists import place_item
from extractors.figures.subsets import restates
from extractors.ner.fast_ner import pos_tags
from extractors.records import Figure, Sentence
from extractors.text.numbers import NumberMention
from extractors.text.tokens import Token, build_doc, split_at, word_tokens

MAX_AFTER = 150  # characters of clause after a number that may hold its cues
# Between a count's unit and the next count of a pair written with a slash or a hyphen
# ("31 nhóm/190", "12 tổ-57 thuyền").
_PAIR_GAP = re.compile(r"\s*[/\-–]\s*")
MAX_BEFORE = 160


_ABBREVIATION = re.compile(r"[A-ZĐ]{2,6}")


def _unit_after(
    tokens: Sequence[Token], num_index: int, codebook: Codebook
) -> tuple[str | None, int]:
    """The counted noun right after the number token (longest codebook unit, else a word).

    A word cut off at the very end of the text (``hơn 20 nghìn thàn``) is read as
    the shortest codebook unit it begins. Returns the unit and its end offset in
    the document (-1 when there is none).
    """
    unit_words, units = codebook.unit_words, codebook.units
    longest = codebook.unit_max_words
    first = num_index + 1
    if first + 1 < len(tokens) and tokens[first].text.lower() in _DETERMINERS:
        first += 1  # a share of the units: "tại 100% các xã, thị trấn"
    if first + 2 < len(tokens) and tokens[first].text in _OPENING_QUOTES:
        first += 1  # a unit in quotes: 43 “điểm” mô hình
    following = [t.text.lower() for t in tokens[first : first + longest]]
    following = (
        [w for w in following if w not in _CLOSING_QUOTES] if first > num_index + 1 else following
    )
    for size in range(len(following), 0, -1):
        unit = unit_words.get(tuple(following[:size]))
        if unit is not None:
            end_index = _index_after_words(tokens, first, size)
            return unit, tokens[end_index].end
    if first < len(tokens) and tokens[first].text[:1].isupper():
        # a capitalised phrase underthesea glued into one word ("27 Tổ Nhân dân tự quản")
        syllables = _syllables(tokens[first : first + longest])
        for size in range(min(len(syllables), longest), 0, -1):
            unit = unit_words.get(tuple(word for word, _ in syllables[:size]))
            if unit is not None:
                return unit, syllables[size - 1][1]
    if num_index + 1 < len(tokens):
        nxt = tokens[num_index + 1]
        if _ABBREVIATION.fullmatch(nxt.text):
            return nxt.text.lower(), nxt.end  # "3 DN", "12 HTX": an abbreviated noun
        if nxt.text[:1].isalpha() and nxt.text[:1].islower():
            rest = tokens[num_index + 1 :]
            if len(rest) <= 2 and all(t.text[:1].isalpha() for t in rest):
                # the last words of the text, maybe cut off mid-word ("8 viên đ")
                cut = " ".join(t.text.lower() for t in rest)
                if cut not in units and (whole := [u for u in units if u.startswith(cut)]):
                    return min(whole, key=len), rest[-1].end
            return nxt.text.lower(), nxt.end
    return None, -1


def _syllables(tokens: Sequence[Token]) -> list[tuple[str, int]]:
    """Each syllable of the tokens, lowercased, with the document offset where it ends."""
    out = []
    for token in tokens:
        offset = 0
        for part in token.text.split():
            offset = token.text.index(part, offset) + len(part)
            out.append((part.lower(), token.start + offset))
    return out


_OPENING_QUOTES = frozenset({"“", '"', "‘"})
_DETERMINERS = frozenset({"các", "những"})
_CLOSING_QUOTES = frozenset({"”", '"', "’"})


def _index_after_words(tokens: Sequence[Token], first: int, size: int) -> int:
    """Index of the ``size``-th token from ``first`` that is not a closing quote."""
    seen = 0
    index = first
    while index < len(tokens):
        if tokens[index].text not in _CLOSING_QUOTES:
            seen += 1
            if seen == size:
                return index
        index += 1
    return len(tokens) - 1


def _restated_total(before: str, unit: str | None, codebook: Codebook) -> tuple[str | None, str]:
    """(unit, noun phrase) of a number that restates a total named before it
    (``tổng số đội dân phòng của xã là 6 đội``; ``đưa tổng số mô hình lên 27``), else
    (``unit``, ""). The number's unit must be the phrase's head noun; with no codebook
    unit after the number, the phrase's own unit is the number's."""
    restated = codebook.restated_total.search(before) if codebook.restated_total else None
    if restated is None:
        return unit, ""
    noun = restated["noun"].strip()
    if (unit is None or unit.lower() not in codebook.units) and codebook.unit_regex is not None:
        head = codebook.unit_regex.match(noun)
        if head is not None:
            return head.group(0).lower(), noun
    if unit and noun.lower().startswith(unit.lower()):
        return unit, noun
    return unit, ""


def _certified(text: str, start: int, end: int, codebook: Codebook) -> bool:
    """The clause after a ratio or share says its units meet a standard (``certified``),
    not that they pledge to (``certified_blockers`` between)."""
    found = codebook.certified.search(text, start, end) if codebook.certified else None
    if found is None:
        return False
    blockers = codebook.certified_blockers
    return blockers is None or blockers.search(text, start, found.start()) is None


def _unit_in_label(before: str, codebook: Codebook) -> str | None:
    """A table or list row names its unit in the label: ``Nguồn tin có giá trị | 655``.

    The unit nearest the number wins, so a "unit" column (``... cơ sở | cuộc | 8.640``)
    beats words of the label.
    """
    if codebook.unit_regex is None:
        return None
    found = [m.group(0).lower() for m in codebook.unit_regex.finditer(before)]
    return found[-1] if found else None


def _clause_start(text: str, lower: int, at: int) -> int:
    """Start of the clause holding position ``at``: after the last ';' since ``lower``."""
    cut = text.rfind(";", lower, at)
    return max(lower, cut + 1) if cut >= 0 else lower


@dataclass(frozen=True)
class DocumentContext:
    """What every sentence of one document shares when its figures are read."""

    doc_id: str
    text: str
    codebook: Codebook
    province: str | None = None
    province_2025: str | None = None
    label_for: Callable[..., str] | None = None  # figure_label
    # the year of the page's own date (its publication, else the event its lead reports)
    year: int | None = None


@dataclass(frozen=True)
class SentenceInput:
    """One sentence and what the document already knows about it.

    ``row_previous`` is the indicator of the figure in the previous row when
    this sentence continues a list or table (``- Số buổi ...: 1.284 buổi`` then
    ``- Số lượt người tham dự: 156.300``). ``words`` are the sentence's
    underthesea words when NER already tokenised it; else it is tokenised here.
    ``context`` is the previous sentence when this one goes on from it
    (``Qua đó, ...``): its words count as sentence cues.
    """

    sentence: Sentence
    mentions: Sequence[NumberMention]
    entities: Sequence[tuple[int, int, str]] = ()
    words: Sequence[Token] | None = None
    row_previous: str | None = None
    context: str = ""


@dataclass
class _Parsed:
    """The sentence as a spaCy Doc, its number tokens and the codebook's matches."""

    doc: Any
    tokens: list[Token]
    num_tokens: dict[int, int]
    pattern_hits: dict[int, set[str]]
    sentence_start: int = 0
    _tagged: list[tuple[int, int, str, str]] | None = None

    def tagged(self) -> list[tuple[int, int, str, str]]:
        """The sentence's words with their POS tags (sentence offsets), tagged once."""
        if self._tagged is None:
            tags = pos_tags([t.text for t in self.tokens])
            at = self.sentence_start
            self._tagged = [
                (t.start - at, t.end - at, t.text, tag)
                for t, tag in zip(self.tokens, tags, strict=True)
            ]
        return self._tagged


@dataclass
class _Chain:
    """State carried from one number of a sentence to the next."""

    chain: str | None  # the last classified indicator of the clause chain
    prev_end: int
    previous: tuple[Candidate, str] | None = None
    prev_before: str = ""
    base_at: int = -1  # the start of a number already read as a ratio's base
    planned_end: int = -1  # the end of the sentence's first number read as a target
    made_up_end: int = -1  # the end of the sentence's last number read as make-up


def _parse(codebook: Codebook, item: SentenceInput) -> _Parsed:
    sentence = item.sentence
    spans = [(m.start, m.end) for m in item.mentions]
    if item.words is not None:
        tokens = split_at(list(item.words), sentence.text, spans, sentence.start)
    else:
        tokens = word_tokens(sentence.text, sentence.start, keep=spans)
    ents = [(s, e, "NUM") for s, e in spans]
    ents += [
        (s, e, label)
        for s, e, label in item.entities
        if s >= sentence.start and e <= sentence.end and not any(a < e and s < b for a, b in spans)
    ]
    doc = build_doc(sentence.text, tokens, sentence.start, ents)
    num_tokens = {tokens[tok.i].start: tok.i for tok in doc if tok.ent_type_ == "NUM"}
    pattern_hits: dict[int, set[str]] = {}
    for match_id, start, end in codebook.pattern_matcher(doc):
        for tok in doc[start:end]:
            if tok.ent_type_ == "NUM":
                pattern_hits.setdefault(tok.i, set()).add(doc.vocab.strings[match_id])
    return _Parsed(doc, tokens, num_tokens, pattern_hits, sentence.start)


def figures_in_sentence(ctx: DocumentContext, item: SentenceInput) -> list[Figure]:
    """Figures for the number mentions of one sentence (document offsets throughout)."""
    if not item.mentions:
        return []
    parsed = _parse(ctx.codebook, item)
    # An unclassified number inside the clause chain ("... ở 157 xã, thu hút khoảng 86
    # nghìn lượt người") does not break it.
    state = _Chain(chain=item.row_previous, prev_end=item.sentence.start)
    figures: list[Figure] = []
    ordered = sorted(item.mentions, key=lambda m: m.start)
    for index in range(len(ordered)):
        figure = _figure(ctx, item, parsed, ordered, index, state, figures)
        if figure is not None:
            figures.append(figure)
    return figures


def _ratio_base(
    text: str, end: int, ordered: list[NumberMention], index: int, gap: re.Pattern[str] | None
) -> NumberMention | None:
    """``20 nhóm trên tổng số 25 thôn``, ``12 vụ trong số 15 vụ``: the number right
    after is the base of this count, its denominator, not a figure of its own."""
    if index + 1 >= len(ordered):
        return None
    nxt = ordered[index + 1]
    if gap is None or nxt.start < end or nxt.is_percent or not gap.fullmatch(text, end, nxt.start):
        return None
    return nxt


def _beyond_horizon(
    codebook: Codebook, year: int | None, text: str, start: int, mention: NumberMention
) -> bool:
    """A year after the page's own, named since the number before ("... và đến năm 2030,
    100% số xã ..."): what is to be reached then, not a result."""
    if year is None or codebook.horizon is None:
        return False
    return any(int(m["y"]) > year for m in codebook.horizon.finditer(text, start, mention.start))


def _in_opened_list(codebook: Codebook, text: str, start: int, at: int) -> bool:
    """A part opener ("trong đó", "gồm") stands between ``start`` and ``at`` and the list it
    opens still runs at ``at``: no ";" since ``start``, no closing bracket since the opener."""
    parts = codebook.plan_parts
    opener = parts.search(text, start, at) if parts is not None else None
    return opener is not None and ";" not in text[start:at] and ")" not in text[opener.end() : at]


def _part_of_make_up(
    codebook: Codebook, text: str, made_up_end: int, at: int, unit: str | None
) -> bool:
    """A count of places in a list opened after a number read as make-up in the sentence
    (no figure since the make-up: ``_Chain.made_up_end``)."""
    if made_up_end < 0 or unit is None:
        return False
    if unit.lower() not in codebook.not_figures.get("make_up_units", ()):
        return False
    return _in_opened_list(codebook, text, made_up_end, at)


def _part_of_figure(
    codebook: Codebook, text: str, figures: list[Figure], at: int, unit: str | None
) -> bool:
    """A count of the unit of one of the sentence's figures before it, in a list opened
    after that figure: a part of it ("90 hộ gia đình (trong đó: xã A có 52 hộ gia đình,
    xã B có 38 ...)"), whatever lead-in would make it a place's make-up."""
    if unit is None:
        return False
    return any(
        total.unit is not None
        and total.unit.lower() == unit.lower()
        and _in_opened_list(codebook, text, total.end, at)
        for total in reversed(figures)
    )


def _plan_list(cues: re.Pattern[str], text: str, start: int, at: int) -> bool:
    """A target cue before a colon that opens the list holding ``at``."""
    colon = text.rfind(":", start, at)
    return colon >= 0 and cues.search(text, start, colon) is not None


def _after_slash(text: str, start: int, next_start: int, own_end: int, end: int) -> str:
    """The text after a number's unit run on past the next number when a slash leads
    to it ("4 cán bộ/1 xã"), to the clause's end; else empty."""
    if not text[start:next_start].rstrip().endswith("/"):
        return ""
    stop = own_end if own_end >= 0 else end
    return text[start : min(stop, start + MAX_AFTER)]


def _figure(
    ctx: DocumentContext,
    item: SentenceInput,
    parsed: _Parsed,
    ordered: list[NumberMention],
    index: int,
    state: _Chain,
    figures: list[Figure],
) -> Figure | None:
    """The figure of one number mention, or None when it is not one; updates ``state``."""
    codebook, text, sentence, mention = ctx.codebook, ctx.text, item.sentence, ordered[index]
    tok_index = parsed.num_tokens.get(mention.start)
    if tok_index is None or mention.start == state.base_at:
        return None
    clause_start = _clause_start(text, max(state.prev_end, sentence.start), mention.start)
    opens_clause = not text[clause_start : mention.start].strip(" \t-–+•*(,;")
    if codebook.target_cues is not None and (
        codebook.target_cues.search(text[clause_start : mention.start])
        or codebook.target_cues.match(sentence.text.lstrip(" \t-–+•*"))
        or _plan_list(codebook.target_cues, text, sentence.start, mention.start)
        or (codebook.needs is not None and codebook.needs.search(text, clause_start, mention.start))
        or (
            opens_clause
            and codebook.subject_future is not None
            and codebook.subject_future.match(text, mention.end, sentence.end) is not None
        )
        or (
            state.planned_end >= 0
            and codebook.plan_parts is not None
            and codebook.plan_parts.search(text, state.planned_end, mention.start) is not None
        )
        or _beyond_horizon(codebook, ctx.year, text, max(state.prev_end, sentence.start), mention)
    ):
        if state.planned_end < 0:
            state.planned_end = mention.end
        # a target or plan ("Phấn đấu 100% xã ..."), not a result; a sentence that
        # opens with one lists targets in every clause ("Phấn đấu giảm 5% ...; tỷ lệ
        # phá án đạt trên 75%"), as does a plan announcing a list ("huyện sẽ làm theo
        # hai bước: bước 1, lắp 40 camera ...; bước 2, thêm 90 camera"); the parts of a
        # planned count listed after it are planned too
        return None
    # The counted noun decides the rules; a percentage is recorded in "%" of it.
    unit, unit_end = _unit_after(parsed.tokens, tok_index, codebook)
    unit_end = unit_end if unit_end >= 0 else mention.end
    if (
        unit in codebook.function_words
        and (mention.scale_word or "").lower() in codebook.money_scales
    ):
        unit, unit_end = "đồng", mention.end
    glued = text[mention.number_end : mention.end]
    if glued.isalpha() and glued.lower() in codebook.glued_units:  # "160.000.000đ"
        unit, unit_end = codebook.glued_units[glued.lower()], mention.end
    next_start = ordered[index + 1].start if index + 1 < len(ordered) else sentence.end
    if index + 1 < len(ordered) and _PAIR_GAP.fullmatch(
        text, max(unit_end, mention.end), next_start
    ):
        # "31 nhóm/190 người tự quản ...": a pair written with a slash or a hyphen
        # shares the words after its second count, which name what both count
        next_start = ordered[index + 2].start if index + 2 < len(ordered) else sentence.end
    semicolon = text.find(";", mention.end, next_start)
    after_end = min(next_start, semicolon if semicolon >= 0 else next_start, unit_end + MAX_AFTER)
    after = text[mention.end : after_end]
    before = text[max(clause_start, mention.start - MAX_BEFORE) : mention.start]
    new_clause = clause_start > state.prev_end or state.previous is None
    if not new_clause and (
        codebook.list_separators.match(before)
        or codebook.list_separators.match(before[before.rfind(",") + 1 :])
    ):
        # an item of a list shares the words before its first count: "mở 250 ca tuần
        # tra, bảo đảm trật tự giao thông, 9 buổi tuyên truyền" (what the item before
        # went on to say, up to its comma, is that item's own)
        before = state.prev_before
    # "129 mô hình (Long An 38, ...": a place's share of the total before the bracket
    listed = place_item(text, sentence.start, mention.start, figures) if unit is None else None
    if unit is None and listed is None:
        unit = _unit_in_label(before, codebook)
    own_end = text.find(";", mention.end, sentence.end)
    lead = f"{item.context} " if item.context else ""
    # the rules read a restated total's full name as if it followed the number
    unit, restated = _restated_total(before, unit, codebook)
    candidate = Candidate(
        mention,
        unit,
        unit_end,
        before,
        f"{after} ({restated})" if restated else after,
        parsed.pattern_hits.get(tok_index, set()),
        clause=lead + text[sentence.start : own_end if own_end >= 0 else sentence.end],
        clause_at=len(lead) + mention.start - sentence.start,
    )
    if new_clause and state.previous is not None:
        state.chain = None  # a ";" ends the chain
    indicator, score, rule_text = classify(
        candidate,
        f"{item.context} {sentence.text}" if item.context else sentence.text,
        state.chain,
        codebook,
        first_in_clause=new_clause,
    )
    # a percentage restating the ratio right before it ("47/47 xã (đạt 100%)") is that
    # ratio as a share: a share-type indicator of the ratio is its own, and the list
    # goes on after it with the ratio's words ("..., 6/6 thị trấn")
    restating = (
        mention.is_percent
        and bool(figures)
        and figures[-1].denominator is not None
        and restates(text[figures[-1].end : mention.start])
    )
    shares = codebook.percent_indicators
    if restating and indicator == "unclassified" and shares and figures[-1].indicator in shares:
        indicator = figures[-1].indicator
        rule_text = f"{indicator}: a share restating the ratio before it"
    place, total = None, None
    if indicator == "unclassified" and listed is not None:
        total, place = listed
        indicator, unit = total.indicator, total.unit
        rule_text = f"{indicator}: a place's share of the total before the bracket"
    rule = next((r for r in codebook.rules if r.code == indicator), None)
    previous_kind = figures[-1].kind if figures and not new_clause else None
    if _part_of_make_up(codebook, text, state.made_up_end, mention.start, unit):
        # the breakdown of a place's make-up ("gồm 27 xã (trong đó, huyện A 8 xã, huyện
        # B 12 xã ...)"): its parts are make-up too
        return None
    reason = not_a_figure(
        codebook,
        indicator,
        unit,
        before,
        text[max(unit_end, mention.end) : after_end],
        text[ordered[index - 1].end : mention.start] if not new_clause else "",
        bool(figures) and figures[-1].unit == "%",
        mention.denominator is not None,
        mention.value,
        text[sentence.start : mention.start],
        mention.is_percent,
        _after_slash(text, max(unit_end, mention.end), next_start, own_end, sentence.end),
        figures[-1].unit if figures else None,
        _part_of_figure(codebook, text, figures, mention.start, unit),
    )
    if reason:
        if reason == "make_up":
            state.made_up_end = max(unit_end, mention.end)
        return None
    kind = kind_of(
        text[sentence.start : mention.start],
        rule.kind if rule else None,
        before,
        codebook,
        previous_kind,
        unit,
    )
    if (mention.denominator is not None or mention.is_percent) and _certified(
        text, mention.end, own_end if own_end >= 0 else sentence.end, codebook
    ):
        kind = "stock"
    denominator = mention.denominator
    gap = codebook.not_figures.get("ratio_base_gap")
    base = _ratio_base(text, max(unit_end, mention.end), ordered, index, gap)
    if base is not None and denominator is None and not mention.is_percent:
        denominator, state.base_at = base.value, base.start
    label = None
    if indicator == "unclassified" and ctx.label_for is not None:
        label = ctx.label_for(
            sentence.text,
            mention.start - sentence.start,
            mention.end - sentence.start,
            unit,
            parsed.tagged,
        )
    state.previous = (candidate, indicator)
    state.made_up_end = -1  # a figure ends the make-up's list
    if indicator != "unclassified":
        state.chain = indicator
    state.prev_end = max(unit_end, mention.end)
    if not restating:
        state.prev_before = before
    return Figure(
        doc_id=ctx.doc_id,
        start=mention.start,
        end=max(unit_end, mention.end),
        value=mention.value,
        indicator=indicator,
        unit="%" if mention.is_percent else unit,
        qualifier=mention.qualifier,
        denominator=denominator,
        kind=kind,
        province=ctx.province,
        province_2025=ctx.province_2025,
        breakdown=place or breakdown_of(text[unit_end:after_end], codebook),
        part_of=total.figure_id if total is not None else None,
        label=label,
        number_start=mention.number_start,
        number_end=mention.number_end,
        sentence=sentence.text,
        sentence_start=sentence.start,
        method="rules",
        rule=rule_text,
        confidence=round(min(0.95, 0.5 + 0.1 * score), 2) if rule else 0.3,
    )
