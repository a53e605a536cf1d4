"""Which province (and district or commune) a report is about.

Names and the gazetteer are in ``gazetteer.py``, place mentions in
``mentions.py``, the report's scope in ``scope.py`` and the site's province in
``sites.py``; this module scores them and re-exports the public names so that
``from extractors.geo import places as geo`` gives them all.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from extractors.geo.gazetteer import (  # noqa: F401 - re-exported
    COMMUNE,
    DISTRICT,
    PROVINCE,
    PlaceMention,
    ProvinceDetection,
    _config,
    _gazetteer,
    all_provinces,
    all_provinces_2025,
    canonical_province,
    cue_at_end,
    province_2025,
    resolve_place,
)
from extractors.geo.mentions import find_place_mentions
from extractors.geo.scope import detect_scope, resides

# --------------------------------------------------------------- public: detection


def _authority_before(text: str, mention: PlaceMention) -> bool:
    before = text[max(0, mention.start - 30) : mention.start].rstrip()
    return cue_at_end("authority_cues").search(before) is not None  # "UBND", "Công an" ...


@cache
def _neighbour_cues() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in _config().get("neighbour_cues", []) or ["giáp"])
    return re.compile(rf"(?<!\w)(?:{cues})(?!\w)", re.IGNORECASE)


def _neighbour(text: str, mention: PlaceMention) -> bool:
    """The mention is what a place borders ("phía đông giáp huyện X (tỉnh Y)"): a
    neighbour cue stands in its clause before it."""
    start = max(0, mention.start - 80)
    clause = text[start : mention.start]
    cut = max(clause.rfind(","), clause.rfind(";"), clause.rfind("."), clause.rfind("\n"))
    return _neighbour_cues().search(clause[cut + 1 :]) is not None


_LIST_GAP = re.compile(r"\s*(?:,|;|và|,\s*và)\s*")


def _listed(text: str, mentions: list[PlaceMention], run: int = 3) -> set[int]:
    """Starts of province names listed with at least ``run - 1`` others ("các tỉnh như
    Nghệ An, Hà Tĩnh, Bình Thuận, ..."): places elsewhere, not the report's own."""
    provinces = sorted((m for m in mentions if m.level == PROVINCE), key=lambda m: m.start)
    listed: set[int] = set()
    group: list[PlaceMention] = []
    for m in provinces:
        if group and not _LIST_GAP.fullmatch(text, group[-1].end, m.start):
            if len(group) >= run:
                listed.update(g.start for g in group)
            group = []
        group.append(m)
    if len(group) >= run:
        listed.update(g.start for g in group)
    return listed


_ADDRESS_LINK = re.compile(r"\s*[,-]\s*")


def _addresses(text: str, mentions: list[PlaceMention]) -> set[int]:
    """Starts of the places of a person's address ("Đ.P.S (51 tuổi, trú huyện X, tỉnh
    Y)"): the first after a word of residence, then each named right after it. (A
    place in brackets after an official's title is where the office is, and votes.)"""
    found: set[int] = set()
    previous: PlaceMention | None = None
    for m in sorted(mentions, key=lambda m: m.start):
        chained = (
            previous is not None
            and previous.start in found
            and _ADDRESS_LINK.fullmatch(text, previous.end, m.start) is not None
        )
        if chained or resides(text, m.start):
            found.add(m.start)
        previous = m
    return found


def _score(
    text: str, mentions: list[PlaceMention], factor: float, known: set[str]
) -> dict[str, float]:
    config = _config()
    weights = config["weights"]
    lead = config["lead_chars"]
    scores: dict[str, float] = defaultdict(float)
    listed = _listed(text, mentions)
    addresses = _addresses(text, mentions)
    for m in mentions:
        if _neighbour(text, m):
            continue  # what the place borders, not where it is
        if m.start in addresses:
            continue  # where a person named in the report lives
        if m.start in listed:
            continue  # one of a list of provinces: places elsewhere
        province = m.province
        if province is None and not m.candidates and m.province_2025:
            # a commune that exists only since the 2025 merger ("xã Kim Ngân") names its new
            # province, whose name is one of the old ones
            province = m.province_2025
        if province is None:
            # An ambiguous name votes only when exactly one of its provinces is named elsewhere.
            shared = [p for p in m.candidates if p in known]
            if len(shared) != 1:
                continue
            province = shared[0]
        if m.level == PROVINCE:
            weight = weights["province_typed" if m.typed else "province_bare"]
        else:
            weight = weights[m.level]
        if _authority_before(text, m):
            weight += weights["authority_bonus"]
        if m.start < lead:
            weight *= weights["lead_factor"]
        scores[province] += weight * factor
    return scores


def detect_province(
    text: str,
    title: str | None = None,
    extra_names: Iterable[str] = (),
    url_votes: Iterable[tuple[str, float]] = (),
) -> ProvinceDetection:
    """The province a report is about, its 2025 province, and its scope.

    Mentions vote for their province: "tỉnh X" and authority cues ("Công an
    X") weigh most, a bare province name less, a district or commune less
    still; a title counts ``title_factor`` times and the lead more than the
    rest. A name found in several provinces votes only when one of them is
    named elsewhere in the report. ``extra_names`` are LOC strings from NER;
    ``url_votes`` are the votes of the page's address: its site's province, or
    the one its path spells (``sites.url_votes``).
    """
    weights = _config()["weights"]
    text_mentions = find_place_mentions(text)
    title_mentions = find_place_mentions(title) if title else []
    known = {m.province for m in text_mentions + title_mentions if m.province}
    scores = _score(text, text_mentions, 1.0, known)
    for province, score in _score(
        title or "", title_mentions, weights["title_factor"], known
    ).items():
        scores[province] += score
    for name in extra_names:
        province = canonical_province(name)
        if province is None:
            provinces = {m.province for m in resolve_place(name) if m.province}
            province = provinces.pop() if len(provinces) == 1 else None
        if province:
            scores[province] += weights["extra_name"]
    for province, weight in url_votes:
        # the page's address: its site, or the province its path spells (sites.yaml)
        scores[province] += weight
    if not scores:
        return ProvinceDetection(None, None, PROVINCE, None, 0.0, tuple(text_mentions))
    best = max(scores, key=lambda p: scores[p])
    share = scores[best] / sum(scores.values())
    confidence = share * (1 - math.exp(-scores[best] / _config()["confidence_scale"]))
    scope, scope_name = detect_scope(
        best, _gazetteer().to_2025[best], text, title, title_mentions, text_mentions
    )
    evidence = tuple(m for m in text_mentions if m.province == best or best in m.candidates)
    return ProvinceDetection(
        province=best,
        province_2025=_gazetteer().to_2025[best],
        scope=scope,
        scope_name=scope_name,
        confidence=round(confidence, 3),
        evidence=evidence,
    )
