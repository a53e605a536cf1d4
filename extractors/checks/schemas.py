"""Pydantic schemas of the YAML data files under ``extractors/``.

Every model forbids keys it does not know, so a misspelt key (``cuse:`` for
``cues:``) is an error instead of a silently ignored line. Cross-references
(``previous:``, ``family:``, an example's indicator) are checked in
``extractors.checks.codebook``, where every file is at hand.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from extractors.checks import data_schemas as data
from extractors.checks.schemas_base import Strict, Words

# --- extractors/figures/indicators.yaml -------------------------------------------


class WeightedCue(Strict):
    text: str
    weight: float


class Cues(Strict):
    before: list[str | WeightedCue] = []
    after: list[str | WeightedCue] = []
    near: list[str | WeightedCue] = []
    sentence: list[str | WeightedCue] = []
    clause: list[str | WeightedCue] = []


class Excludes(Strict):
    before: Words = []
    after: Words = []
    near: Words = []
    sentence: Words = []
    clause: Words = []


class Indicator(Strict):
    family: str
    kind: Literal["flow", "stock"] | None = None
    units: Words = []
    unit_heads: Words = []
    unit_is_enough: bool = False
    ratio: bool = False
    previous: Words = []
    previous_waived_by: Words = []
    exclude_unless: Words = []
    cues: Cues = Cues()
    exclude: Excludes = Excludes()
    exclude_firm: Excludes = Excludes()
    exclude_where_not: Excludes = Excludes()
    where_not: Words = []
    patterns: list[list[dict[str, Any]]] = []


class KindUnits(Strict):
    flow: Words = []
    stock: Words = []
    flow_unless_framed: Words = []


class KindCues(Strict):
    stock: Words = []
    flow: Words = []
    units: KindUnits = KindUnits()
    flow_spans: Words = []
    creation: Words = []
    creation_stops: Words = []
    stock_lead_ins: Words = []
    flow_verbs: Words = []
    standing_units: Words = []
    certified: Words = []
    certified_blockers: Words = []


class RestatedTotals(Strict):
    lead_ins: Words = []
    verbs: Words = []


class Targets(Strict):
    cues: Words = []
    subject_future: Words = []
    needs: Words = []
    parts: Words = []
    headings: Words = []
    horizon: str | None = None  # a regular expression with a group y (a year)


class NotFigures(Strict):
    ratio_bases: Words = []
    average_cues: Words = []
    make_up_units: Words = []
    make_up_lead_ins: Words = []
    located_lead_ins: Words = []
    activity_units: Words = []
    people_units: Words = []
    measure_units: Words = []
    rate_periods: Words = []
    workload_lead_ins: Words = []
    crime_verbs: Words = []
    crime_undone_verbs: Words = []
    quota_lead_ins: Words = []
    container_lead_ins: Words = []
    representative_lead_ins: Words = []
    measure_work_verbs: Words = []
    people_lead_ins: Words = []
    economy_units: Words = []
    economy_lead_ins: Words = []
    capital_lead_ins: Words = []
    capital_lent_verbs: Words = []
    demographic_units: Words = []
    structure_units: Words = []
    building_units: Words = []
    room_units: Words = []
    room_after: Words = []
    area_lead_ins: Words = []
    building_shortfall: Words = []
    composition_after: Words = []
    composition_people: Words = []
    share_people: Words = []
    make_up_after: Words = []
    make_up_not_before: Words = []
    acting_subject_lead_ins: Words = []
    make_up_acting_verbs: Words = []
    make_up_reach: Words = []
    audience_openers: Words = []
    audience_people: Words = []
    per_unit: Words = []
    per_time: Words = []
    money_rate_nouns: Words = []
    money_units: Words = []
    frequency_units: Words = []
    frequency_lead_ins: Words = []
    rate_lead_ins: Words = []
    references_back: Words = []
    share_of_percent: Words = []
    audience_units: Words = []
    slogan_words: Words = []
    slogan_max: int = 10
    norm_lead_ins: Words = []
    norm_breakers: Words = []
    norm_reach_words: int = 0
    merger_cues: Words = []
    after_merger_lead_ins: Words = []


class Description(Strict):
    """What an indicator means, for people (docs/codebook.md is generated from it)."""

    vi: str = Field(min_length=1)
    en: str = Field(min_length=1)
    counted: str = Field(min_length=1)
    axis: str = Field(min_length=1)
    wording: Words = []


class IndicatorsFile(Strict):
    version: int | str
    families: dict[str, str]
    units: Words = []
    glued_units: dict[str, str] = {}
    function_words: Words = []
    money_scales: Words = []
    percent_indicators: Words = []
    kind_cues: KindCues = KindCues()
    breakdowns: Words = []
    list_separators: Words = []
    linked_openers: Words = []
    restated_totals: RestatedTotals = RestatedTotals()
    targets: Targets = Targets()
    not_figures: NotFigures = NotFigures()
    descriptions: dict[str, Description] = {}
    indicators: dict[str, Indicator]


# --- extractors/figures/examples.yaml ------------------------------------------------


class Example(Strict):
    sentence: str = Field(min_length=1)
    value: float
    xfail: str | None = None  # why the current rules get it wrong (kept honest, not hidden)


class IndicatorExamples(Strict):
    examples: list[Example] = Field(min_length=1)
    counter_examples: list[Example] = Field(min_length=1)


ExamplesFile = dict[str, IndicatorExamples]


# --- extractors/figures/labels.yaml --------------------------------------------------


class SubsetsFile(Strict):
    subset_cues: Words
    restatement_gap: int
    restatement_words: Words
    generic_part_units: Words = []


class LabelsFile(Strict):
    around_number: Words
    continue_: Words = Field(alias="continue")
    max_words: int
    measures: Words
    stop: Words


# The schema of each data file, by file name.
SCHEMAS: dict[str, Any] = {
    "indicators.yaml": IndicatorsFile,
    "examples.yaml": ExamplesFile,
    "labels.yaml": LabelsFile,
    "chrome.yaml": data.ChromeFile,
    "dates.yaml": data.DatesFile,
    "numbers.yaml": data.NumbersFile,
    "legacy_fonts.yaml": data.LegacyFontsFile,
    "provinces.yaml": data.ProvincesFile,
    "clauses.yaml": data.ClausesFile,
    "themes.yaml": data.ThemesFile,
    "rising_harms.yaml": data.RisingHarmsFile,
    "subsets.yaml": SubsetsFile,
    "periods.yaml": data.PeriodsFile,
    "word_numbers.yaml": data.WordNumbersFile,
    "scope.yaml": data.ScopeFile,
    "sites.yaml": data.SitesFile,
    "weakness_model.yaml": data.WeaknessModelCard,
}
