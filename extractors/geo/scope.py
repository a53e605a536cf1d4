"""What a report is about (province, district or commune), and national figures.

A report's scope is the level of the unit it reports on, not of every place it
names: a commune festival report quotes provincial figures and stays a
commune report. Signals vote for a level (weights and cues in ``scope.yaml``):
the headline's own place (typed, ``tại phường X``, or bare), the body that
reports or holds the event in the lead (``UBND huyện X tổ chức``), and
phrases that speak of a whole unit (``toàn huyện``). With no signal, or on a
tie, the report is the province's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import takewhile
from typing import Any

from extractors.geo.gazetteer import _config as _gazetteer_config
from extractors.geo.gazetteer import province_2025 as to_2025
from extractors.geo.gazetteer import resolve_place
from extractors.text.scan import last_line_before
from extractors.text.yaml_data import load_data

PROVINCE, DISTRICT, COMMUNE = "province", "district", "commune"
NATIONAL = "national"
_LEVELS = (PROVINCE, DISTRICT, COMMUNE)


@cache
def _data() -> dict[str, Any]:
    return load_data(__file__, "scope.yaml")


@cache
def _reporter_before() -> re.Pattern[str]:
    cues = "|".join(_data()["reporter_cues"])
    return re.compile(rf"(?:{cues})\s*$", re.IGNORECASE)


@cache
def _guest() -> re.Pattern[str]:
    titles = "|".join(_data().get("guest_titles", []) or ["Giám đốc"])
    return re.compile(rf"(?:{titles})\s*$", re.IGNORECASE)


_RANK = {COMMUNE: 0, DISTRICT: 1, PROVINCE: 2}


@dataclass(frozen=True)
class _Numbered:
    """A ward named by its number ("Phường 1"): the gazetteer holds names, not numbers."""

    start: int
    end: int
    name: str
    level: str = COMMUNE
    typed: bool = True


def _locates(mention: Any, mentions: Sequence[Any], text: str) -> bool:
    """A unit right after a lower unit only says where that unit is ("xã X (tỉnh Y)",
    "phường X, tỉnh Y", "Phường 4, thị xã Z")."""
    return any(
        _RANK[other.level] < _RANK[mention.level]
        and other.end <= mention.start
        and _locating_gap(text[other.end : mention.start])
        for other in mentions
    )


def _locating_gap(gap: str) -> bool:
    """What may stand between a unit and the higher unit saying where it is: a comma, a
    bracket or a dash ("xã X, huyện Y", "xã X (huyện Y)"), or a word of belonging
    (`locating_words`: "xã X thuộc huyện Y")."""
    if len(gap) <= 3 and set(gap) <= set(" (,-–"):
        return True
    locating = _locating_before()
    return locating is not None and locating.fullmatch(gap) is not None


@cache
def _locating_before() -> re.Pattern[str] | None:
    """One of `locating_words` between spaces, at the end of the text searched."""
    words = _data().get("locating_words") or []
    if not words:
        return None
    return re.compile(rf"(?:^|\s)(?:{'|'.join(map(re.escape, words))})\s+$", re.IGNORECASE)


def _chain_head(mention: Any, mentions: Sequence[Any], text: str) -> Any:
    """The first unit of an address chain ending at ``mention`` ("Phường 3, quận 10, TP X
    đã ..."): the chain's lowest unit is its subject, the others say where it is."""
    head = mention
    while True:
        before = [m for m in mentions if m is not head and _locates(head, [m], text)]
        if not before:
            return head
        # a ward named by its number is read as written ("Phường 5"); the gazetteer's
        # numbered wards belong to many districts
        head = min(before, key=lambda m: (m.start, not isinstance(m, _Numbered)))


def _reports(text: str, mention: Any) -> bool:
    """A reporting body's name stands right before the place ("UBND huyện X"), and no
    person's title before it makes it a guest's ("Phó Giám đốc Công an tỉnh về dự"),
    nor a directive before it the body that issued it ("Theo Kế hoạch số 12 của
    Tỉnh ủy X"), nor a cited judgement the body whose view it is."""
    window = text[max(0, mention.start - 200) : mention.start]
    reporter = _reporter_before().search(window)
    if reporter is None:
        return _acts(text, mention) and not _in_guest_list(text, mention.start)
    before = window[: reporter.start()]
    if _guest().search(before) or _issuer().search(before) or _cited().search(before):
        # a guest's affiliation, a directive's issuer, or whose view is cited ("Theo đánh
        # giá của Công an tỉnh, ..."): not the body that reports
        return False
    return not _in_guest_list(text, mention.start)


def _cited_source(text: str, mention: Any) -> bool:
    """The place names a body whose judgement the text cites ("Theo đánh giá của Công an
    tỉnh X, ..."): the source of a view, neither the reporter nor a place it names."""
    window = text[max(0, mention.start - 200) : mention.start]
    reporter = _reporter_before().search(window)
    return reporter is not None and _cited().search(window[: reporter.start()]) is not None


@cache
def _acting() -> re.Pattern[str] | None:
    words = _data().get("acting_after") or []
    if not words:
        return None
    return re.compile(rf"\s+(?:{'|'.join(map(re.escape, words))})\s", re.IGNORECASE)


def _acts(text: str, mention: Any) -> bool:
    """A typed unit opening a clause as its subject ("..., xã Phú Gia đã tiến hành lắp
    đặt ...") is the unit that acts. So is the last unit of an address ("xã X thuộc
    huyện Y đã khai mạc ...", "phường X, TP Y long trọng tổ chức ..."): the caller takes
    the chain's first unit (:func:`_chain_head`) as the one that acts."""
    pattern = _acting()
    if pattern is None or not getattr(mention, "typed", False):
        return False
    window = text[max(0, mention.start - 20) : mention.start]
    opens = re.search(r"(?:^|[,.;:\n]|\s[-–])\s*$", window[-4:]) is not None
    locating = _locating_before()
    if not opens and (locating is None or locating.search(window) is None):
        return False
    return pattern.match(text, mention.end) is not None


@cache
def _guest_list() -> re.Pattern[str] | None:
    openers = _data().get("guest_list_openers") or []
    if not openers:
        return None
    return re.compile(rf"^\W*(?:{'|'.join(openers)})(?!\w)", re.IGNORECASE)


def _in_guest_list(text: str, at: int) -> bool:
    """The sentence holding ``at`` lists who attended ("Tham dự có ..., Phó Trưởng Ban
    ... Thành ủy X"): the bodies it names sent guests, they do not report."""
    pattern = _guest_list()
    if pattern is None:
        return False
    from extractors.text.dates import metadata_prefix_end

    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    if start == 0:
        start = min(metadata_prefix_end(text), at)  # "date 2023-09 Tham dự ...": past the field
    return bool(pattern.search(text[start:at]))


def _of_body(words: list[str], gap: int) -> re.Pattern[str]:
    """One of ``words``, at most ``gap`` characters, then "của" ending the text before a
    body's name ("Theo Kế hoạch số 12 của", "Theo đánh giá của")."""
    between = rf"\b[^.;:\n]{{0,{gap}}}?" if gap else ""
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)}){between}\s+của\s*$", re.IGNORECASE)


@cache
def _issuer() -> re.Pattern[str]:
    return _of_body(_data().get("issued_documents", []) or ["Chỉ thị"], 40)


@cache
def _cited() -> re.Pattern[str]:
    return _of_body(_data().get("cited_judgements", []) or ["Theo đánh giá"], 0)


def _lead_end(text: str, start: int, limit: int) -> int:
    """Where the lead stops: ``limit``, or earlier at the first subheading (a short
    line with no sentence mark at its end) after a paragraph of the lead (a line
    ending with a full stop: page furniture above the article does not count)."""
    pos = text.find("\n", start)
    paragraph_seen = False
    while 0 <= pos < limit:
        line_end = text.find("\n", pos + 1)
        line = text[pos + 1 : line_end if line_end >= 0 else len(text)].strip()
        line_start = text.rfind("\n", start, pos)  # the line before, within the lead
        previous = text[line_start + 1 if line_start >= 0 else start : pos].strip()
        paragraph_seen = paragraph_seen or previous[-1:] in (".", "!", "?", "…")
        if paragraph_seen and _unfinished_line(line, _data()["subheading_max_words"]):
            return pos
        pos = line_end
    return limit


@cache
def _person_before_paren() -> re.Pattern[str]:
    """A person's name (its title from the gazetteer's person cues, then capitalised
    words) right before an opening bracket."""
    cues = "|".join(re.escape(c) for c in _gazetteer_config()["person_cues"])
    name = r"(?:[^\W\d_][\w']*\s+){0,4}[^\W\d_][\w']*"
    return re.compile(rf"(?<!\w)(?:{cues})\s+(?P<name>{name})\s*\($", re.IGNORECASE)


def resides(text: str, at: int) -> bool:
    """A word of residence stands right before ``at`` ("người bị truy nã, trú tại xã X",
    "51 tuổi, trú huyện X"): the place is where a person lives."""
    residence = _residence()
    return residence is not None and residence.search(text[max(0, at - 30) : at]) is not None


def _persons_address(text: str, at: int) -> bool:
    """``at`` is inside parentheses right after a person's name, or after a word of
    residence (:func:`resides`): the person's address."""
    if resides(text, at):
        return True
    opened = text.rfind("(", max(0, at - 60), at)
    if opened < 0 or ")" in text[opened:at]:
        return False
    match = _person_before_paren().search(text[max(0, opened - 60) : opened + 1])
    return match is not None and all(w[:1].isupper() for w in match["name"].split())


@cache
def _residence() -> re.Pattern[str] | None:
    words = _data().get("residence_words") or []
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})\s*$", re.IGNORECASE)


def _line_at(text: str, at: int) -> tuple[int, int, str]:
    """(start, end, stripped text) of the line holding ``at``."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = end if end >= 0 else len(text)
    return start, end, text[start:end].strip()


def _picture_text(text: str, at: int) -> bool:
    """The line holding ``at`` is surely a picture's: it ends with a photo credit, or it
    is said twice in a row (the picture's alt text, then its caption), full stop or not."""
    start, end, line = _line_at(text, at)
    credit = _caption_credit()
    return (credit is not None and credit.search(line) is not None) or _said_twice(
        text, start, end, line
    )


def _in_caption(text: str, at: int) -> bool:
    """The line holding ``at`` reads as a caption: a short line with no sentence mark at
    its end, or a picture's text (:func:`_picture_text`).

    News pages put photo captions between the lead's paragraphs ("Công an huyện
    X tập huấn ..." under a picture); the lead's own sentences end with a full stop.
    """
    line = _line_at(text, at)[2]
    return _unfinished_line(line, _data()["caption_max_words"]) or _picture_text(text, at)


_NEXT_LINE = re.compile(r"\s*([^\n]*)")


def _said_twice(text: str, start: int, end: int, line: str) -> bool:
    """The line before or after ``text[start:end]`` (blank lines skipped) is the same."""
    before = last_line_before(text, start)
    match = _NEXT_LINE.match(text, end)
    after = match.group(1).strip() if match else ""
    return bool(line) and line in (before, after)


@cache
def _caption_credit() -> re.Pattern[str] | None:
    """A photo credit at a line's end ("(Ảnh: X)"): the line is a caption."""
    pattern = _data().get("caption_credit")
    return re.compile(pattern, re.IGNORECASE) if pattern else None


def _unfinished_line(line: str, max_words: int) -> bool:
    """A line of at most ``max_words`` words with no sentence mark at its end: a
    subheading or a caption, not a sentence of the article."""
    return bool(line) and len(line.split()) <= max_words and line[-1] not in '.!?:;…”"»)'


@cache
def _whole_unit(level: str, city_province: bool = True) -> re.Pattern[str]:
    """The cues of the whole unit at ``level``; "toàn thành phố" is the province only in a
    centrally-run city (``city_provinces``), elsewhere the province's own city, a
    district-level unit ("trên địa bàn thành phố" in a report on TP Thanh Hóa)."""
    data = _data()
    cues = list(data["whole_unit_cues"][level])
    city = data.get("whole_city_cues", [])
    if level == (PROVINCE if city_province else DISTRICT):
        cues += city
    alternatives = "|".join(re.escape(c) for c in cues)
    # "trật tự an toàn xã hội" (public order and social safety) is no "toàn xã"
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)(?!\s+hội\b)", re.IGNORECASE)


def _is_city_province(province: str | None) -> bool:
    return province in _data().get("city_provinces", [])


def _whole_units(level: str, text: str, start: int, end: int, city_province: bool = True) -> int:
    """How many times ``text[start:end]`` speaks of the whole unit ("toàn huyện", "trên
    địa bàn thị xã"), leaving out the guest lists ("Dự có ... đại diện các phường trong
    toàn thị xã"): who sent guests does not say what the report is about."""
    found = _whole_unit(level, city_province).finditer(text, start, end)
    return sum(1 for m in found if not _in_guest_list(text, m.start()))


def _belongs(mention: Any, province: str | None, province_2025: str | None) -> bool:
    """The mention is a unit of the report's province, before or after the 2025 merger
    (a post-2025 report calls "phường Kỳ Sơn" of former Hòa Bình a ward of Phú Thọ)."""
    if (
        mention.province == province
        or province in (mention.candidates or ())
        or (province_2025 is not None and mention.province_2025 == province_2025)
        or (province_2025 is not None and province_2025 in mention.candidates_2025)
    ):
        return True  # a post-2025 commune whose name other provinces' communes share too
    # an ambiguous name ("xã Kim Long": several provinces had one) one of whose
    # provinces is now the report's
    return province_2025 is not None and any(
        to_2025(candidate) == province_2025 for candidate in mention.candidates or ()
    )


def detect_scope(
    province: str | None,
    province_2025: str | None,
    text: str,
    title: str | None,
    title_mentions: Sequence[Any],
    text_mentions: Sequence[Any],
) -> tuple[str, str | None]:
    """(scope, the unit's name) of a report about ``province``."""
    data = _data()
    w = data["weights"]
    votes: dict[str, float] = defaultdict(float)
    names: dict[str, tuple[float, str]] = {}

    def vote(level: str, weight: float, name: str | None = None) -> None:
        votes[level] += weight
        if name and (level not in names or weight > names[level][0]):
            names[level] = (weight, name)

    if title is None:
        # the first line is a headline only when it reads like one (short, no full stop)
        stripped = text.lstrip()
        offset = len(text) - len(stripped)
        head = stripped.split("\n", 1)[0]
        if len(head.split()) <= data["headline_max_words"] and not head.rstrip().endswith("."):
            title_mentions = [m for m in text_mentions if m.end <= offset + len(head)]
            lead_start, title_text = offset + len(head), head
        else:
            title_mentions, lead_start, title_text = [], 0, ""
    else:
        # a headline taken from the text's own first lines: the lead starts after it
        at = text.find(title) if title else -1
        lead_start = at + len(title) if 0 <= at < 200 else 0
        title_text = title
        if at > 0:
            # the headline's places were found in the headline alone: give them their
            # offsets in the text, which the checks below read around them (a page's
            # date line before the headline shifts it)
            title_mentions = [
                replace(m, start=m.start + at, end=m.end + at) for m in title_mentions
            ]
    # a reporting body in the headline ("Công an thành phố X ..."); when an address stands
    # between a unit and its verb ("Xã X thuộc huyện Y vừa tổ chức ..."), its first unit
    heads = [
        _chain_head(m, title_mentions, text)
        for m in title_mentions
        if m.level != PROVINCE and _belongs(m, province, province_2025) and _reports(text, m)
    ]
    reported: set[str] = {m.level for m in heads}
    top = min((_RANK[level] for level in reported), default=None)
    province_named = False
    for m in title_mentions:
        if not _belongs(m, province, province_2025):
            continue
        if top is not None and _RANK[m.level] < top:
            continue  # where the reporting body worked ("... hướng dẫn các phường A, B")
        if m.level == PROVINCE:
            if not province_named and not _locates(m, title_mentions, text):
                vote(PROVINCE, w["title_province"])  # once: naming it twice adds nothing
            province_named = True
        elif not _locates(m, title_mentions, text):  # "phường X (thị xã Y, ...)": where X is
            vote(m.level, w["title_typed"] if m.typed else w["title_bare"], m.name)
            if m.level in reported and any(m is head for head in heads):
                vote(m.level, w["lead_reporter"])  # the body that holds the event, named there
    if not title_text.rstrip().endswith(".") and _names_village(title_text):
        vote(COMMUNE, w.get("title_village", 0.0))
    reporters: list[Any] = []  # mentions named as the reporting body
    lead_end = _lead_end(text, lead_start, lead_start + data["lead_chars"])
    opening = _headline_subject(title_text, province, province_2025, text_mentions)
    if opening is not None and not any(m.level == opening[0] for m in title_mentions):
        level, name, located = opening
        lower_in_lead = any(
            m.typed and _RANK[m.level] < _RANK[level] and lead_start <= m.start < lead_end
            for m in text_mentions
        )
        if not (located and lower_in_lead):  # "thôn X ... ở Thạch Hà": the village's district
            vote(level, w.get("title_subject", 0.0), name)
    subject = _subject_level(province, province_2025, title_text, text, lead_start, text_mentions)
    if subject is not None:
        vote(subject, w["lead_reporter"])
        reported.add(subject)
    # with no subject opening the lead, a body named by its type word alone may hold the event
    holder = None if subject else _unnamed_holder(province, text, lead_start, lead_end)
    if holder is not None and holder not in reported:
        vote(holder, w["lead_reporter"])
        reported.add(holder)
    in_lead = [
        m
        for m in [*text_mentions, *_numbered_wards(text, lead_start, lead_end)]
        if lead_start <= m.start < lead_end
        and (isinstance(m, _Numbered) or _belongs(m, province, province_2025))
    ]
    typed: list[Any] = []
    for m in sorted(in_lead, key=lambda m: m.start):
        if _locates(m, reporters, text):
            continue  # "Công an huyện X, tỉnh Y", "tại xã A, huyện B": the higher unit only
            # says where the lower one is
        if _in_caption(text, m.start):
            continue  # a photo caption between paragraphs does not name the reporter
        if _persons_address(text, m.start):
            continue  # "Ông Nguyễn Văn A (thôn X, xã Y) cho biết": where a witness lives
        if _cited_source(text, m):
            continue  # "Theo đánh giá của Công an tỉnh X": whose view the lead cites
        if _reports(text, m):
            # "Phường 3, quận 10, TP X đã lắp ...": the ward acts, the rest is its address
            m = _chain_head(m, in_lead, text)
            if m in typed:
                typed.remove(m)  # it votes as the reporter, not as a place also named
            if m.level not in reported:  # one reporting body per level
                # a higher body named after the lead's first reporter comments on or
                # continues its work ("Công an huyện X cho biết ...; Công an tỉnh cũng
                # đề nghị ..."): it votes less than the body the lead opens with
                later = reporters and all(_RANK[m.level] > _RANK[r.level] for r in reporters)
                # ... and a lower body acting in a later paragraph than the lead's first
                # reporter is an example of its work ("Công an huyện X củng cố 900 tổ
                # tự quản ..." then, a paragraph on, "Công an xã Y họp các tổ trưởng ...")
                example = reporters and all(
                    _RANK[m.level] < _RANK[r.level] and "\n" in text[r.end : m.start]
                    for r in reporters
                )
                weight = w["lead_reporter"]
                if later:
                    weight = w["later_higher_reporter"]
                elif example:
                    weight = w["later_lower_reporter"]
                vote(m.level, weight, m.name)
            reported.add(m.level)
            reporters.append(m)
        elif m.typed:
            typed.append(m)
    # places below the reporting body are where it worked ("Công an thành phố hướng
    # dẫn các phường A, B và xã C"), not what the report is about
    lowest = min((_RANK[level] for level in reported), default=None)
    for m in typed:
        if lowest is None or _RANK[m.level] >= lowest:
            vote(m.level, w["lead_typed"], m.name)
    for level in _LEVELS:
        city = _is_city_province(province)
        if _whole_unit(level, city).search(title_text) or _whole_units(
            level, text, lead_start, lead_end, city
        ):
            vote(level, w["whole_unit_lead"])
    # a district or commune report says so in its headline or lead ...
    if not any(votes[level] > 0 for level in (DISTRICT, COMMUNE)):
        if any(votes.values()):
            return PROVINCE, None
        # ... or, when neither names any place, it names no other place than one
        # district or commune, and nothing of the whole province
        return _only_unit(province, province_2025, text, text_mentions) or (PROVINCE, None)
    for level in _LEVELS:
        body = _whole_units(level, text, lead_end, len(text), _is_city_province(province))
        vote(level, min(w["body_cap"], body * w["whole_unit_body"]))
    # on a tie the province wins; between a district and a commune, the more specific
    best = max(_LEVELS, key=lambda level: (votes[level], level == PROVINCE, level == COMMUNE))
    if best == PROVINCE or votes[best] <= 0:
        return PROVINCE, None
    # two or more communes named in the headline and lead, none of them the reporter
    # ("ở các xã A, B (huyện C)"), make it a report on their district, unless the
    # headline names one commune alone ("Ngày hội ở xã A" visited by a neighbour) or
    # the communes lie in two districts (a cluster across a district border)
    headline_communes = {m.name for m in title_mentions if m.level == COMMUNE}
    lead_communes = {m.name for m in typed if m.level == COMMUNE}
    districts = {m.name for m in [*title_mentions, *in_lead] if m.level == DISTRICT}
    if (
        best == COMMUNE
        and COMMUNE not in reported
        and len(headline_communes) != 1
        and len(headline_communes | lead_communes) >= 2
        and len(districts) <= 1
    ):
        return DISTRICT, names.get(DISTRICT, (0.0, None))[1]
    return best, names.get(best, (0.0, None))[1]


@cache
def _village_word() -> re.Pattern[str] | None:
    words = _data().get("village_words") or []
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\s+(?:số\s+)?(?P<next>\w)", re.IGNORECASE)


def _names_village(title: str) -> bool:
    """The headline names a place below the commune by its type word, then its name
    (capitalised) or number: "... thôn Tư Đa", "khu phố 4", not "làng nghề" or "bản cam kết"."""
    pattern = _village_word()
    if pattern is None or not title:
        return False
    return any(m["next"].isupper() or m["next"].isdigit() for m in pattern.finditer(title))


def _only_unit(
    province: str | None, province_2025: str | None, text: str, mentions: Sequence[Any]
) -> tuple[str, str] | None:
    """(level, name) when the text's only place below the province is one district or
    one commune, named with its type word (the units that only locate it, "xã X, huyện
    Y", aside), and nothing speaks of the whole province."""
    below = [
        m
        for m in mentions
        if m.level != PROVINCE
        and _belongs(m, province, province_2025)
        and not _persons_address(text, m.start)
        and not _picture_text(text, m.start)  # where a picture was taken (a short line
        # alone may be a subheading that names the unit)
    ]
    named = [m for m in below if not _locates(m, below, text)]
    names = {(m.level, m.name) for m in named}
    if len(names) != 1 or not all(m.typed for m in named):
        return None
    if _whole_unit(PROVINCE, _is_city_province(province)).search(text):
        return None
    if _province_body_acts(text):
        return None  # "Công an tỉnh đồng loạt tổ chức ...": the province's own report
    return names.pop()


@cache
def _province_bodies() -> re.Pattern[str] | None:
    bodies = _data().get("province_bodies") or []
    if not bodies:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(bodies)})(?!\w)", re.IGNORECASE)


def _province_body_acts(text: str) -> bool:
    """A body of the whole province ("Công an tỉnh", "các cấp Hội trong tỉnh") named
    outside a list of guests and not as a guest's affiliation."""
    pattern = _province_bodies()
    if pattern is None:
        return False
    for match in pattern.finditer(text):
        before = text[max(0, match.start() - 60) : match.start()]
        if not _guest().search(before) and not _in_guest_list(text, match.start()):
            return True
    return False


def _headline_subject(
    title: str, province: str | None, province_2025: str | None, mentions: Sequence[Any]
) -> tuple[str, str, bool] | None:
    """(level, name, located) of a district or commune of the report's province whose
    bare name opens the headline as its subject ("Sa Thầy ra mắt ...", "ĐĂK NĂNG
    TỔ CHỨC ...": the capitalised words before the first lowercase one, any run of two
    to four in an all-capitals headline), else (``located``) that the headline names
    after ``ở``/``tại`` as where its action took place. The text must name the unit with
    its type word too ("huyện Sa Thầy"), so that words that happen to be a commune's
    name ("AN NINH ...") do not count."""
    words = title.split()
    shouting = title.isupper()
    # a dateline-like "Hàm Thuận Bắc: ..." names its unit, whether or not the text types it
    colon = re.match(r"\s*((?:[^\W\d_][\w-]*\s+){0,3}[^\W\d_][\w-]*)\s*:\s", title)
    if colon is not None and all(w[:1].isupper() for w in colon.group(1).split()):
        found = _typed_unit(colon.group(1), province, province_2025, mentions, typed=False)
        if found:
            return (*found, False)
    for size in (4, 3, 2):
        if len(words) <= size or not all(w[:1].isupper() for w in words[:size]):
            continue
        if not shouting and not words[size][:1].islower():
            continue
        found = _typed_unit(" ".join(words[:size]), province, province_2025, mentions)
        if found is not None:  # () for a province's name first ("Đồng Nai đã ..."): see
            return (*found, False) if found else None  # _subject_level
    # ... or names it where the headline's action took place ("... 31 khẩu súng ở Kon Rẫy")
    places = [] if shouting else _data().get("headline_place_words", [])
    for i, word in enumerate(words[:-1]):
        if word.lower() not in places:
            continue
        run = list(takewhile(lambda w: w[:1].isupper(), words[i + 1 : i + 5]))
        for size in range(len(run), 1, -1):
            found = _typed_unit(" ".join(run[:size]), province, province_2025, mentions)
            if found:
                return (*found, True)
    return None


def _typed_unit(
    name: str,
    province: str | None,
    province_2025: str | None,
    mentions: Sequence[Any],
    typed: bool = True,
) -> tuple[str, str] | tuple[()] | None:
    """(level, name) of the district or commune of the report's province that ``name``
    denotes and the text also names with its type word (unless not ``typed``: then the
    one such unit of the province); ``()`` when ``name`` is a province's; None
    otherwise."""
    units = resolve_place(name.rstrip(":,.!?"))
    if any(m.level == PROVINCE for m in units):
        return ()
    ours = [m for m in units if _belongs(m, province, province_2025)]
    if not typed:  # a unit of the report's own (pre- or post-2025) province first
        exact = [m for m in ours if m.province == province]
        found = {(m.level, m.name) for m in exact or ours}
        return found.pop() if len(found) == 1 else None
    for m in ours:
        if any(t.typed and t.level == m.level and t.name == m.name for t in mentions):
            return m.level, m.name
    return None


def _numbered_wards(text: str, start: int, end: int) -> list[_Numbered]:
    pattern = _data().get("numbered_ward")
    if not pattern:
        return []
    return [
        _Numbered(m.start() + start, m.end() + start, m.group())
        for m in re.finditer(pattern, text[start:end])
    ]


@cache
def _typed_body() -> re.Pattern[str] | None:
    """A body (``subject_bodies``) of a unit named by its type alone, in lower case, then
    a verb of holding an event (``subject_body_verbs``): group ``type``."""
    data = _data()
    bodies = data.get("subject_bodies") or []
    verbs = data.get("subject_body_verbs") or []
    types = sorted((w.lower() for w in data.get("subject_types") or {}), key=len, reverse=True)
    if not (bodies and verbs and types):
        return None
    return re.compile(
        rf"(?:{'|'.join(map(re.escape, bodies))})\s+(?P<type>{'|'.join(map(re.escape, types))})"
        rf"\s+(?:{'|'.join(map(re.escape, verbs))})(?!\w)"
    )


def _subject_level(
    province: str | None,
    province_2025: str | None,
    title_text: str,
    text: str,
    lead_start: int,
    mentions: Sequence[Any],
) -> str | None:
    """The level a headline or lead names as its subject by its first words: a bare
    unit type ("Thành phố phát động ..."), the province's own name ("Bình Phước
    đã tổ chức ..."), or a unit of the province defined by its type ("Mường Tè là
    huyện ...")."""
    from extractors.text.dates import strip_metadata_date

    data = _data()
    types = data.get("subject_types") or {}
    lead = text[lead_start:]
    opening = strip_metadata_date(lead.lstrip())
    at = lead_start + (len(lead) - len(opening))
    typed_body = _typed_body()
    for line in (title_text.strip(), opening):
        for word, level in sorted(types.items(), key=lambda item: -len(item[0])):
            match = re.match(rf"{re.escape(word)}\s+(\S+)", line)
            if match and match.group(1)[:1].islower():
                return _type_level(word, province) or level
        # "Công an phường vận động ...": a body of the unit named by its type alone
        body = typed_body.match(line) if typed_body is not None else None
        if body is not None:
            word = next(w for w in types if w.lower() == body["type"])
            return _type_level(word, province) or types[word]
    for m in mentions:
        if m.start == at and m.level == PROVINCE and not m.typed and m.province == province:
            return PROVINCE
    # a lead that opens by saying what its subject is: "Mường Tè là huyện biên giới, ..."
    defined = re.match(
        rf"((?:[^\W\d_][\w-]*\s+){{0,3}}[^\W\d_][\w-]*)\s+là\s+(?:một\s+)?"
        rf"({'|'.join(map(re.escape, types))})(?!\w)",
        opening,
        re.IGNORECASE,
    )
    if defined and all(w[:1].isupper() for w in defined.group(1).split()):
        level = _type_level(defined.group(2), province)
        units = resolve_place(defined.group(1))
        if any(u.level == level and _belongs(u, province, province_2025) for u in units):
            return level
    return None


@cache
def _holder_pattern() -> re.Pattern[str] | None:
    data = _data()
    verbs = data.get("holding_verbs") or []
    if not verbs:
        return None
    cues = "|".join(data["reporter_cues"])
    types = "|".join(sorted((re.escape(t.lower()) for t in data["subject_types"]), key=len)[::-1])
    return re.compile(
        rf"(?<!\w)(?:{cues})\s+(?P<type>{types})\s+(?:đã\s+|vừa\s+|long trọng\s+)*"
        rf"(?:{'|'.join(verbs)})(?!\w)"
    )


def _unnamed_holder(province: str | None, text: str, start: int, end: int) -> str | None:
    """The province, when the lead names a provincial body by its type word alone as the
    one holding the event ("Ngày 17/1, tại huyện X, UBND tỉnh chủ trì buổi tổng kết ..."):
    the place after ``tại`` is only the venue. (A district body named so, "Công an
    huyện tổ chức", is left to the named places: the lead often opens on a wider unit.)"""
    pattern = _holder_pattern()
    if pattern is None:
        return None
    for match in pattern.finditer(text, start, end):
        before = text[max(0, match.start() - 60) : match.start()]
        if _guest().search(before) or _issuer().search(before):
            continue
        if _in_guest_list(text, match.start()):
            continue
        if _type_level(match.group("type"), province) == PROVINCE:
            return PROVINCE
    return None


def _type_level(word: str, province: str | None) -> str | None:
    """The level a bare unit type names (``subject_types``); "Thành phố" is the province
    itself only in a centrally-run city (``city_provinces``)."""
    data = _data()
    if word.lower() == "thành phố" and province in data.get("city_provinces", []):
        return PROVINCE
    levels = {t.lower(): level for t, level in (data.get("subject_types") or {}).items()}
    return levels.get(word.lower())


@cache
def _national() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = _data()
    cues = "|".join(re.escape(c) for c in data["national_cues"])
    exceptions = "|".join(data["national_exceptions"])
    return (
        re.compile(rf"(?<!\w)(?:{cues})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?:{exceptions})", re.IGNORECASE),
    )


@cache
def _national_host() -> re.Pattern[str] | None:
    data = _data()
    hosts = data.get("national_hosts") or []
    verbs = data.get("holding_verbs") or []
    if not hosts or not verbs:
        return None
    return re.compile(
        rf"^\W*{data.get('national_host_lead', '')}(?:{'|'.join(hosts)})"
        rf"(?:[^.;:\n]|\.(?=\S)){{0,160}}?(?<!\w)(?:{'|'.join(map(re.escape, verbs))})(?!\w)"
    )


def national_report(lead: str) -> bool:
    """True when a body of the whole country holds the event the lead's first sentence
    reports ("Sáng 8/10, tại Cần Thơ, Bộ Quốc phòng chủ trì hội nghị ...")."""
    pattern = _national_host()
    return pattern is not None and pattern.search(lead) is not None


def is_national(clause_before: str) -> bool:
    """True when the clause before a number attributes it to the whole country."""
    cue, exception = _national()
    match = None
    for match in cue.finditer(clause_before):  # noqa: B007 - the last cue counts
        pass
    if match is None:
        return False
    around = clause_before[max(0, match.start() - 30) : match.end() + 10]
    return exception.search(around) is None
