"""Load ``indicators.yaml`` once and compile it: cue regexes, unit patterns.

The YAML is the codebook; this module only turns it into fast matchers.
Nothing here knows about a particular indicator.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.matcher import Matcher

from extractors.text.numbers.vocabulary import qualifier_words
from extractors.text.phrase_trie import phrase_alternation
from extractors.text.tokens import blank_vietnamese
from extractors.text.yaml_data import read_yaml

DATA = Path(__file__).with_name("indicators.yaml")
# "clause": the sentence up to the end of the number's ";" item (a cue in a later item
# of a long ";" list says nothing about this one; an opening cue still reaches every item)
SECTIONS = ("before", "after", "near", "sentence", "clause")
DEFAULT_WEIGHT = {"before": 2.0, "after": 2.0, "near": 2.0, "sentence": 1.0, "clause": 1.0}
PATTERN_WEIGHT = 4.0


def phrase_regex(phrases: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive regex matching any phrase on word boundaries."""
    if not phrases:
        return None
    alternatives = sorted({re.escape(p.lower()) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _spaced(phrases: list[str]) -> str:
    """An alternation of phrases, longest first, any run of spaces between their words
    (written as a trie: ``extractors/text/phrase_trie.py``)."""
    if all(p == " ".join(p.split()) for p in phrases):
        return phrase_alternation(phrases)
    return "|".join(
        r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True)
    )


def _phrase_pattern(
    spec: dict[str, Any], key: str, build: Callable[[str], str]
) -> re.Pattern[str] | None:
    """``build`` around the alternation of the phrases listed under ``key``, compiled
    case-insensitively; None when the list is missing or empty (the rule is off)."""
    phrases = spec.get(key)
    return re.compile(build(_spaced(phrases)), re.IGNORECASE) if phrases else None


@dataclass(frozen=True)
class Cue:
    regex: re.Pattern[str]
    weight: float
    text: str


@dataclass
class IndicatorRule:
    code: str
    family: str
    kind: str | None
    units: frozenset[str]
    unit_is_enough: bool
    ratio: bool
    previous: frozenset[str]
    cues: dict[str, list[Cue]] = field(default_factory=dict)
    excludes: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    has_patterns: bool = False
    # cues before the number that stand in for a missing `previous` figure
    previous_waived_by: re.Pattern[str] | None = None
    # cues anywhere in the sentence that lift the excludes
    exclude_unless: re.Pattern[str] | None = None
    # excludes that exclude_unless does not lift
    firm_excludes: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    # excludes that apply only where none of ``where_not`` stands in the sentence
    soft_excludes: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    where_not: re.Pattern[str] | None = None
    # first words of a unit that the indicator also accepts ("súng" takes "súng cồn")
    unit_heads: frozenset[str] = frozenset()

    def accepts_unit(self, unit: str) -> bool:
        """Whether ``unit`` (lower case) is one of the rule's units or starts with a head."""
        if not self.units or unit in self.units:
            return True
        head = unit.split(" ", 1)[0]
        return head != unit and head in self.unit_heads


@dataclass
class Codebook:
    version: str
    families: dict[str, str]
    rules: list[IndicatorRule]
    units: list[str]
    unit_regex: re.Pattern[str] | None
    unit_words: dict[tuple[str, ...], str]
    unit_max_words: int  # words in the longest entry of unit_words
    pattern_matcher: Matcher
    stock_cues: re.Pattern[str] | None
    flow_cues: re.Pattern[str] | None
    flow_spans: re.Pattern[str] | None
    creation_cues: re.Pattern[str] | None
    creation_stops: re.Pattern[str] | None
    flow_verbs: re.Pattern[str] | None
    stock_lead_ins: re.Pattern[str] | None
    breakdowns: re.Pattern[str] | None
    list_separators: re.Pattern[str]
    target_cues: re.Pattern[str] | None
    subject_future: re.Pattern[str] | None
    needs: re.Pattern[str] | None
    linked_openers: re.Pattern[str] | None
    plan_headings: re.Pattern[str] | None
    plan_parts: re.Pattern[str] | None = None
    horizon: re.Pattern[str] | None = None
    restated_total: re.Pattern[str] | None = None
    certified: re.Pattern[str] | None = None
    certified_blockers: re.Pattern[str] | None = None
    unit_kinds: dict[str, str] = field(default_factory=dict)
    late_flow_units: frozenset[str] = frozenset()
    standing_units: frozenset[str] = frozenset()
    not_figures: dict[str, Any] = field(default_factory=dict)
    glued_units: dict[str, str] = field(default_factory=dict)
    # words that cannot be a counted noun, and the amounts in words that are in đồng when
    # one of them follows ("kinh phí trên 1,5 tỉ trong đó ...")
    function_words: frozenset[str] = frozenset()
    money_scales: frozenset[str] = frozenset()
    # the indicators a percentage may take (a share is no count of tips or members)
    percent_indicators: frozenset[str] | None = None

    def family(self, code: str) -> str:
        for rule in self.rules:
            if rule.code == code:
                return rule.family
        return "unclassified"


def _cue(item: Any, section: str) -> Cue:
    if isinstance(item, dict):
        text, weight = str(item["text"]), float(item.get("weight", DEFAULT_WEIGHT[section]))
    else:
        text, weight = str(item), DEFAULT_WEIGHT[section]
    regex = phrase_regex([text])
    assert regex is not None
    return Cue(regex, weight, text)


def _segmentations(phrase: str) -> list[list[str]]:
    """Ways underthesea may cut a phrase into words: syllables joined or not."""
    pieces = re.findall(r"\w+|[^\w\s]", phrase.lower())
    if not pieces:
        return []
    joins = [i for i in range(len(pieces) - 1) if pieces[i].isalnum() and pieces[i + 1].isalnum()]
    variants = []
    for mask in itertools.product([False, True], repeat=min(len(joins), 5)):
        words: list[str] = []
        joined = {j for j, use in zip(joins, mask, strict=False) if use}
        for i, piece in enumerate(pieces):
            if i - 1 in joined:
                words[-1] = f"{words[-1]} {piece}"
            else:
                words.append(piece)
        variants.append(words)
    return variants


def _unit_words(units: list[str]) -> dict[tuple[str, ...], str]:
    """Each way underthesea may cut a unit into lowercased words -> the unit.

    A unit is looked up in the words right after a number token. (A spaCy
    Matcher with one pattern per unit and segmentation found the same spans, but
    tried every pattern at every token of every sentence: most of the figures
    stage's time.) Units are longest first, so a segmentation two units share
    keeps the longer unit, as the first pattern added did.
    """
    table: dict[tuple[str, ...], str] = {}
    for unit in units:
        for words in _segmentations(unit):
            table.setdefault(tuple(words), unit)
    return table


@lru_cache(maxsize=4)
def load_codebook(path: str | None = None) -> Codebook:
    data = read_yaml(path or DATA)
    rules: list[IndicatorRule] = []
    pattern_matcher = Matcher(blank_vietnamese().vocab, validate=True)
    all_units: set[str] = {u.lower() for u in data.get("units", [])}
    for code, spec in data["indicators"].items():
        units = frozenset(u.lower() for u in spec.get("units", []))
        all_units |= units
        cues = {s: [_cue(c, s) for c in spec.get("cues", {}).get(s, [])] for s in SECTIONS}
        excludes = {s: phrase_regex(spec.get("exclude", {}).get(s, [])) for s in SECTIONS}
        patterns = spec.get("patterns", [])
        if patterns:
            pattern_matcher.add(code, patterns)
        rules.append(
            IndicatorRule(
                code=code,
                family=spec.get("family", "unclassified"),
                kind=spec.get("kind"),
                units=units,
                unit_is_enough=bool(spec.get("unit_is_enough", False)),
                ratio=bool(spec.get("ratio", False)),
                previous=frozenset(spec.get("previous", [])),
                cues=cues,
                excludes=excludes,
                has_patterns=bool(patterns),
                previous_waived_by=phrase_regex(spec.get("previous_waived_by", [])),
                exclude_unless=phrase_regex(spec.get("exclude_unless", [])),
                firm_excludes={
                    s: phrase_regex(spec.get("exclude_firm", {}).get(s, [])) for s in SECTIONS
                },
                soft_excludes={
                    s: phrase_regex(spec.get("exclude_where_not", {}).get(s, [])) for s in SECTIONS
                },
                where_not=phrase_regex(spec.get("where_not", [])),
                unit_heads=frozenset(u.lower() for u in spec.get("unit_heads", [])),
            )
        )
    units_sorted = sorted(all_units, key=len, reverse=True)
    kind_cues = data.get("kind_cues", {})
    separators = sorted(data.get("list_separators", [","]), key=len, reverse=True)
    sep_alt = "|".join(re.escape(s) for s in separators)
    return Codebook(
        version=str(data.get("version", "0")),
        families=dict(data.get("families", {})),
        rules=rules,
        units=units_sorted,
        unit_regex=phrase_regex(units_sorted),
        unit_words=(unit_words := _unit_words(units_sorted)),
        unit_max_words=max(map(len, unit_words), default=0),
        pattern_matcher=pattern_matcher,
        stock_cues=phrase_regex(kind_cues.get("stock", [])),
        flow_cues=phrase_regex(kind_cues.get("flow", [])),
        flow_spans=(
            re.compile("|".join(f"(?:{p})" for p in kind_cues["flow_spans"]), re.IGNORECASE)
            if kind_cues.get("flow_spans")
            else None
        ),
        flow_verbs=phrase_regex(kind_cues.get("flow_verbs", [])),
        creation_cues=phrase_regex(kind_cues.get("creation", [])),
        creation_stops=phrase_regex(kind_cues.get("creation_stops", [])),
        stock_lead_ins=(
            re.compile(
                r"(?<!\w)(?:"
                + "|".join(re.escape(w) for w in kind_cues["stock_lead_ins"])
                + r")\s*$",
                re.IGNORECASE,
            )
            if kind_cues.get("stock_lead_ins")
            else None
        ),
        breakdowns=phrase_regex(data.get("breakdowns", [])),
        list_separators=re.compile(rf"^(?:\s|{sep_alt})*$", re.IGNORECASE),
        target_cues=phrase_regex(data.get("targets", {}).get("cues", [])),
        subject_future=_subject_future(data.get("targets", {}).get("subject_future", [])),
        needs=_lead_in_at_end(data.get("targets", {}).get("needs", []), qualified=True),
        linked_openers=(
            re.compile(
                r"^\W*(?:" + "|".join(re.escape(w) for w in data["linked_openers"]) + r")(?!\w)",
                re.IGNORECASE,
            )
            if data.get("linked_openers")
            else None
        ),
        plan_headings=phrase_regex(data.get("targets", {}).get("headings", [])),
        plan_parts=phrase_regex(data.get("targets", {}).get("parts", [])),
        horizon=(
            re.compile(data["targets"]["horizon"], re.IGNORECASE)
            if data.get("targets", {}).get("horizon")
            else None
        ),
        restated_total=_restated_total(data.get("restated_totals", {})),
        certified=phrase_regex(kind_cues.get("certified", [])),
        certified_blockers=phrase_regex(kind_cues.get("certified_blockers", [])),
        unit_kinds={
            unit.lower(): kind
            for kind, units in kind_cues.get("units", {}).items()
            if kind in ("flow", "stock")
            for unit in units
        },
        late_flow_units=frozenset(
            u.lower() for u in kind_cues.get("units", {}).get("flow_unless_framed", [])
        ),
        standing_units=frozenset(u.lower() for u in kind_cues.get("standing_units", [])),
        not_figures=_not_figures(data.get("not_figures", {})),
        glued_units={k.lower(): v.lower() for k, v in data.get("glued_units", {}).items()},
        function_words=frozenset(w.lower() for w in data.get("function_words", [])),
        money_scales=frozenset(w.lower() for w in data.get("money_scales", [])),
        percent_indicators=frozenset(data["percent_indicators"])
        if "percent_indicators" in data
        else None,
    )


_QUAL = (
    "(?:" + "|".join(re.escape(w) for w in sorted(qualifier_words(), key=len, reverse=True)) + ")"
)
_ITEM = rf"(?:{_QUAL}\s+)?\d[\d.,]*\s+(?:[^\W\d]+\s*){{1,3}}?"


def _acting_words(spec: dict[str, Any]) -> list[str]:
    """What units that take part or act do: after them, the units are a result."""
    return [*spec.get("make_up_not_before", []), *spec.get("make_up_acting_verbs", [])]


def _lead_in_at_end(words: list[str], qualified: bool = False) -> re.Pattern[str] | None:
    """One of ``words`` ending the text before a number (``... có``), with a qualifier
    between them when ``qualified`` (``phụ trách hơn``)."""
    if not words:
        return None
    qualifier = rf"(?:\s+(?:{_QUAL}|tới|đến))?" if qualified else ""
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives}){qualifier}\s*$", re.IGNORECASE)


def _restated_total(spec: dict[str, Any]) -> re.Pattern[str] | None:
    """A total named before its number and restated by its head noun after it
    (``tổng số đội dân phòng của xã là 6 đội``): group ``noun``."""
    if not spec.get("lead_ins") or not spec.get("verbs"):
        return None
    lead = "|".join(re.escape(w) for w in spec["lead_ins"])
    verbs = "|".join(re.escape(w) for w in spec["verbs"])
    return re.compile(
        rf"(?<!\w)(?:{lead})\s+(?P<noun>[^\d;]+?)\s+(?:{verbs})(?:\s+{_QUAL})?\s*$", re.IGNORECASE
    )


def _per_period(
    words: list[str], leads: str = r"/\s*(?:(?:1|01)\s+)?|một|mỗi", nouns: list[str] | None = None
) -> re.Pattern[str] | None:
    """A number's unit followed by ``/``, ``một`` or ``mỗi`` and one of ``words``
    (``lượt/tuần``, ``đồng một tháng``), past one of ``nouns`` naming what is paid
    (``đồng tiền hỗ trợ mỗi tháng``)."""
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in words)
    named = "|".join(re.escape(n) for n in sorted(nouns or [], key=len, reverse=True))
    noun = rf"(?:\s*(?:{named})(?!\w))?" if named else ""
    return re.compile(rf"^{noun}\s*(?:{leads})\s*(?:{alternatives})(?!\w)", re.IGNORECASE)


def _subject_future(words: list[str]) -> re.Pattern[str] | None:
    """A future verb a few words after a number that opens its clause ("17 lớp bồi
    dưỡng sẽ được tổ chức"), with no comma or semicolon between."""
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"[^,;.:()]{{0,60}}?(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _not_figures(spec: dict[str, Any]) -> dict[str, Any]:
    """Compile the ``not_figures`` section: make-up, per-unit norms, references back."""
    lead_ins = "|".join(re.escape(w) for w in spec.get("make_up_lead_ins", []))
    per = "|".join(re.escape(w) for w in sorted(spec.get("per_unit", []), key=len, reverse=True))
    back = "|".join(re.escape(w) for w in spec.get("references_back", []))
    share = "|".join(re.escape(w) for w in spec.get("share_of_percent", []))
    return {
        "make_up_units": frozenset(u.lower() for u in spec.get("make_up_units", [])),
        "people_units": frozenset(u.lower() for u in spec.get("people_units", [])),
        "people_lead_in": _lead_in_at_end(spec.get("people_lead_ins", [])),
        "always_units": frozenset(u.lower() for u in spec.get("demographic_units", [])),
        "structure_units": frozenset(u.lower() for u in spec.get("structure_units", [])),
        "building_units": frozenset(u.lower() for u in spec.get("building_units", [])),
        "room_units": frozenset(u.lower() for u in spec.get("room_units", [])),
        "room_after": _phrase_pattern(spec, "room_after", lambda p: rf"\s*(?:{p})(?!\w)"),
        "area_lead_in": _lead_in_at_end(spec.get("area_lead_ins", []), qualified=True),
        "building_shortfall": phrase_regex(spec.get("building_shortfall", [])),
        "make_up_lead_in": _lead_in_at_end(spec.get("make_up_lead_ins", [])),
        "located_lead_in": _lead_in_at_end(spec.get("located_lead_ins", [])),
        "merger_cue": phrase_regex(spec.get("merger_cues", [])),
        "after_merger_lead_in": _lead_in_at_end(spec.get("after_merger_lead_ins", [])),
        "activity_units": frozenset(u.lower() for u in spec.get("activity_units", [])),
        # "có 9 bản, gần 540 hộ": a later item of the list the lead-in opened
        "make_up_list": re.compile(
            rf"(?<!\w)(?:{lead_ins})\s+(?:{_ITEM}\s*(?:,\s*(?:trong\s+đó\s+)?|và)\s*)+(?:{_QUAL}\s+)?$",
            re.IGNORECASE,
        )
        if lead_ins
        else None,
        # "5 người/ấp", also past the rest of the counted noun and its abbreviation:
        # "3 chiến sĩ công an (CA)/thôn"
        "per_unit": re.compile(
            rf"^(?:\s+[^\W\d_]+){{0,4}}\s*(?:\([^()\d]{{1,15}}\))?\s*/\s*(?:(?:1|01|một)\s*)?(?:{per})(?!\w)",
            re.IGNORECASE,
        )
        if per
        else None,
        "per_time": _per_period(
            spec.get("per_time", []),
            r"/|một|mỗi|một\s+người\s*/",
            spec.get("money_rate_nouns", []),
        ),
        "per_unit_words": frozenset(u.lower() for u in spec.get("per_unit", [])),
        "rate_words": frozenset(u.lower() for u in spec.get("rate_periods", [])),
        "money_units": frozenset(u.lower() for u in spec.get("money_units", [])),
        # a sum of money, then a comma: "300.000 đồng," (a price that ends a norm's clause)
        "price_then_comma": _phrase_pattern(
            spec, "money_units", lambda p: rf"\d\s*(?:\w+\s+)?(?:{p})(?!\w)[^,]*,"
        ),
        "make_up_not_before": phrase_regex(spec.get("make_up_not_before", [])),
        "make_up_acting": phrase_regex(spec.get("make_up_acting_verbs", [])),
        "acting_subject_lead_in": _lead_in_at_end(spec.get("acting_subject_lead_ins", [])),
        # "48 địa phương, cơ quan, bệnh viện, trường học đạt loại tốt": a list of
        # kinds of unit (short items) before the verb that makes them a result
        "list_then_taking_part": re.compile(
            rf"^(?:\s*,\s*[^\W\d_]+(?:\s+[^\W\d_]+){{0,3}}?)+?\s+"
            rf"(?:{_spaced(_acting_words(spec))})(?!\w)",
            re.IGNORECASE,
        )
        if spec.get("make_up_not_before")
        else None,
        "economy_units": frozenset(u.lower() for u in spec.get("economy_units", [])),
        # "thu hút khoảng 3.900 doanh nghiệp có vốn nước ngoài và gần 4.850 doanh nghiệp":
        # the lead-in, then any earlier items of its list (a firm's kind may take words)
        "economy_lead_in": _phrase_pattern(
            spec,
            "economy_lead_ins",
            lambda p: (
                rf"(?<!\w)(?:{p})\s+"
                rf"(?:(?:{_QUAL}\s+)?\d[\d.,]*\s+(?:[^\W\d]+\s*){{1,12}}?(?:,|và)?\s*)*(?:{_QUAL}\s+)?$"
            ),
        ),
        # "tổng vốn đầu tư trên 1,3 tỷ USD", "nguồn vốn hoạt động 900 tỷ đồng"
        "capital_lead_in": _phrase_pattern(
            spec,
            "capital_lead_ins",
            lambda p: rf"(?<!\w)(?:{p})(?:\s+[^\W\d_]+){{0,3}}?(?:\s+{_QUAL})?\s*$",
        ),
        "capital_lent": phrase_regex(spec.get("capital_lent_verbs", [])),
        # "80 xã, thị trấn được ...": the rest of a list of unit types before the verb
        "unit_list_rest": re.compile(
            rf"^(?:\s*,\s*(?:{'|'.join(map(re.escape, spec.get('make_up_units', [])))}))+",
            re.IGNORECASE,
        )
        if spec.get("make_up_units")
        else None,
        "make_up_reach": _lead_in_at_end(spec.get("make_up_reach", [])),
        "audience_openers": re.compile(
            rf"^\W*(?:{'|'.join(spec.get('audience_openers', []))})(?!\w)", re.IGNORECASE
        )
        if spec.get("audience_openers")
        else None,
        "audience_people": frozenset(u.lower() for u in spec.get("audience_people", [])),
        "one_of": re.compile(
            r"(?<!\w)là\s+(?:1|01|một)\s+(?:trong|trên)(?:\s+số)?(?:\s+tổng\s+số)?\s*$",
            re.IGNORECASE,
        ),
        "threshold_after": re.compile(
            r"^\s*(?:[^\W\d_]+\s+){0,3}?trở\s+(?:lên|xuống)(?!\w)", re.IGNORECASE
        ),
        "threshold_before": re.compile(r"(?<!\w)(?:từ|có\s+dưới|dưới)\s*$", re.IGNORECASE),
        # a place "below" a size is a rule's threshold, with no "trở xuống" needed
        "threshold_below": re.compile(r"(?<!\w)(?:có\s+)?dưới\s*$", re.IGNORECASE),
        "frequency_units": frozenset(u.lower() for u in spec.get("frequency_units", [])),
        "frequency_lead_ins": phrase_regex(spec.get("frequency_lead_ins", [])),
        "references_back": re.compile(
            rf"^\s*(?:[^\W\d_]+\s+){{0,2}}(?:{back})(?!\w)", re.IGNORECASE
        )
        if back
        else None,
        "share_of_percent": re.compile(rf"^\s*(?:{share})\s*$", re.IGNORECASE) if share else None,
        # "20 nhóm trên tổng số 25 thôn": the words between a count and its base
        "ratio_base_gap": _phrase_pattern(
            spec, "ratio_bases", lambda p: rf"[^\d,;.()]{{0,40}}?(?<!\w)(?:{p})\s+"
        ),
        "average": phrase_regex(spec.get("average_cues", [])),
        "audience_units": frozenset(u.lower() for u in spec.get("audience_units", [])),
        "slogan_words": frozenset(u.lower() for u in spec.get("slogan_words", [])),
        "slogan_max": float(spec.get("slogan_max", 10)),
        "norm": _norm_pattern(spec),
        "rate_lead_ins": phrase_regex(spec.get("rate_lead_ins", [])),
        # "14 bản có đồng bào Mông sinh sống": the units named by who lives there
        "make_up_after": _phrase_pattern(spec, "make_up_after", lambda p: rf"\s*(?:{p})(?!\w)"),
        # "đồng bào Dao chiếm hơn 60%": the people's share, named before
        "composition_share": _phrase_pattern(
            spec,
            "share_people",
            lambda p: (
                rf"(?<!\w)(?:{p})(?!\w)"
                rf"[^.;:\d]{{0,60}}?\s+chiếm(?:\s+(?:{_QUAL}|tỷ\s+lệ|tỉ\s+lệ))?\s*$"
            ),
        ),
        "composition": re.compile(
            rf"(?:%\s*)?(?:(?:{'|'.join(re.escape(w) for w in spec.get('composition_people', []))})"
            rf"\s+)?(?:{'|'.join(re.escape(w) for w in spec['composition_after'])})(?!\w)",
            re.IGNORECASE,
        )
        if spec.get("composition_after")
        else None,
        "norm_breakers": phrase_regex(spec.get("norm_breakers", [])),
        "norm_reach_words": int(spec.get("norm_reach_words", 0)),
        "measure_units": frozenset(u.lower() for u in spec.get("measure_units", [])),
        "rate": _per_period(spec.get("rate_periods", [])),
        "workload": _lead_in_at_end(spec.get("workload_lead_ins", []), qualified=True),
        "quota": _lead_in_at_end(spec.get("quota_lead_ins", []), qualified=True),
        "container": _lead_in_at_end(spec.get("container_lead_ins", []), qualified=True),
        "representative": _lead_in_at_end(spec.get("representative_lead_ins", []), qualified=True),
        "measure_work": phrase_regex(spec.get("measure_work_verbs", [])),
        "crime": _lead_in_at_end(spec.get("crime_verbs", []), qualified=True),
        "crime_undone": phrase_regex(spec.get("crime_undone_verbs", [])),
    }


def _norm_pattern(spec: dict[str, Any]) -> re.Pattern[str] | None:
    """``mỗi tổ``, ``từng thôn``: a distributive before a per-unit noun."""
    leads = "|".join(re.escape(w) for w in spec.get("norm_lead_ins", []))
    units = "|".join(re.escape(w) for w in sorted(spec.get("per_unit", []), key=len, reverse=True))
    if not leads or not units:
        return None
    return re.compile(rf"(?<!\w)(?:{leads})\s+(?:{units})(?!\w)", re.IGNORECASE)
