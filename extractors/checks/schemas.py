"""Pydantic schemas of the YAML data files under ``extractors/``.

Every model forbids keys it does not know, so a misspelt key (``cuse:`` for
``cues:``) is an error instead of a silently ignored line. Cross-references
(``previous:``, ``family:``, an example's indicator) are checked in
``extractors.checks.codebook``, where every file is at hand.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Words = list[str]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- extractors/figures/indicators.yaml -------------------------------------------


class WeightedCue(Strict):
    text: str
    weight: float


class Cues(Strict):
    before: list[str | WeightedCue] = []
    after: list[str | WeightedCue] = []
    near: list[str | WeightedCue] = []
    sentence: list[str | WeightedCue] = []


class Excludes(Strict):
    before: Words = []
    after: Words = []
    near: Words = []
    sentence: Words = []


class Indicator(Strict):
    family: str
    kind: Literal["flow", "stock"] | None = None
    units: Words = []
    unit_is_enough: bool = False
    ratio: bool = False
    previous: Words = []
    cues: Cues = Cues()
    exclude: Excludes = Excludes()
    patterns: list[list[dict[str, Any]]] = []


class KindCues(Strict):
    stock: Words = []
    flow: Words = []
    flow_spans: Words = []
    stock_lead_ins: Words = []
    flow_verbs: Words = []


class Targets(Strict):
    cues: Words = []
    headings: Words = []


class IndicatorsFile(Strict):
    version: int | str
    families: dict[str, str]
    units: Words = []
    kind_cues: KindCues = KindCues()
    breakdowns: Words = []
    list_separators: Words = []
    linked_openers: Words = []
    targets: Targets = Targets()
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


class LabelsFile(Strict):
    around_number: Words
    continue_: Words = Field(alias="continue")
    max_words: int
    measures: Words
    stop: Words


# --- extractors/text -------------------------------------------------------------------


class Breadcrumb(Strict):
    max_words: int
    min_parts: int
    separators: Words


class SentenceGuard(Strict):
    end_punctuation: str
    min_words: int


class ChromeSentences(Strict):
    abbreviations: list[str | bool]  # YAML reads a bare "No" as false
    continuation_end_words: Words
    list_item: str


class Title(Strict):
    max_header_lines: int
    max_words: int
    min_words: int


class TonePlacement(Strict):
    onset_blocks: Words
    open_pairs: Words


class ChromeFile(Strict):
    breadcrumb: Breadcrumb
    char_map: dict[str, str]
    chrome_phrases: Words
    chrome_separators: str
    delete_chars: Words
    link_prefixes: Words
    newline_chars: Words
    sentence_guard: SentenceGuard
    sentences: ChromeSentences
    space_chars: Words
    title: Title
    tone_placement: TonePlacement


class FrameWithComma(Strict):
    before: str
    after: str


class DateWeights(Strict):
    title: float
    sentence: float
    sentence_with_figure: float


class DatesFile(Strict):
    year_range: list[int]
    date_patterns: Words
    date_line_noise: Words
    published_cues: Words
    updated_cues: Words
    date_line_max_other_words: int
    header_lines: int
    year: str
    frame_before: Words
    frame_with_comma: FrameWithComma
    exclude_before: Words
    exclude_after: Words
    future_cues: Words
    title_frame_before: Words
    weights: DateWeights


class Qualifiers(Strict):
    more_than: Words
    about: Words
    at_least: Words


class DocumentTypes(Strict):
    any_case: Words
    capitalized: Words
    legal_units: Words
    lookback_words: int


class Quotes(Strict):
    openers: Words
    closers: Words
    ambiguous: Words
    max_name_words: int
    max_chars: int
    unclosed_stops: Words


class NumbersFile(Strict):
    qualifiers: Qualifiers
    scale_words: dict[str, str | int | float]
    percent_words: Words
    attached_units: Words
    document_types: DocumentTypes
    count_before_so: Words
    name_heads: Words
    ordinal_heads: Words
    distributives: Words
    dates: dict[str, Words | int]
    duration_units: Words
    duration_exceptions: Words
    time_cues: Words
    time_zones: Words
    quotes: Quotes
    code_min_leading_zero_digits: int


class Detection(Strict):
    max_unicode_vietnamese_share: float
    min_evidence_words: int
    min_gain_share: float


class Syllable(Strict):
    codas: Words
    nuclei: Words
    onsets: Words


class LegacyFontsFile(Strict):
    detection: Detection
    syllable: Syllable
    tcvn3: dict[str, int | str]
    vni: dict[str, str]


# --- extractors/geo/provinces.yaml ---------------------------------------------------


class TypeAbbreviations(Strict):
    city: Words
    commune: Words
    district: Words


class GeoWeights(Strict):
    authority_bonus: float
    commune: float
    district: float
    extra_name: float
    lead_factor: float
    province_bare: float
    province_typed: float
    title_factor: float


class ProvincesFile(Strict):
    authority_cues: Words
    confidence_scale: float
    lead_chars: int
    needs_type_word: Words
    person_cues: Words
    person_name_parts: Words
    province_aliases: dict[str, Words]
    province_wide_cues: Words
    type_abbreviations: TypeAbbreviations
    weights: GeoWeights


# --- extractors/clauses -----------------------------------------------------------------


class NamedModels(Strict):
    blocking_contexts: Words
    head_nouns: Words
    inner_phrases: Words
    list_heads: Words
    max_words: int


class ClauseSentences(Strict):
    abbreviations: Words


class Solutions(Strict):
    bullets: Words
    byline_max_words: int
    byline_openers: Words
    closing_openers: Words
    intro_list_words: Words
    intro_modals: Words
    intro_nouns: Words
    ordinal_patterns: Words
    ordinals: list[Words]


class Weaknesses(Strict):
    nouns: Words
    quantifiers: Words
    admission_verbs: Words
    intro_tails: Words
    contrast_openers: Words
    contrast_fillers: Words
    negation_cues: Words
    strong_negation_cues: Words
    achievement_negations: Words
    stop_openers: Words
    stop_anywhere: Words
    stop_in_sentence: Words
    clause_subjects: Words


class ClausesFile(Strict):
    named_models: NamedModels
    sentences: ClauseSentences
    solutions: Solutions
    weaknesses: Weaknesses


class Theme(Strict):
    description: str
    solution_seeds: Words
    weakness_seeds: Words


class GoldLabel(Strict):
    doc: str
    text: str
    theme: str


class GoldLabels(Strict):
    solutions: list[GoldLabel]
    weaknesses: list[GoldLabel]


class OtherExamples(Strict):
    solutions: Words
    weaknesses: Words


class Thresholds(Strict):
    solutions: float
    weaknesses: float


class ThemesFile(Strict):
    gold_labels: GoldLabels
    other_examples: OtherExamples
    stopwords: Words
    themes: dict[str, Theme]
    threshold: Thresholds


# The schema of each data file, by file name.
SCHEMAS: dict[str, Any] = {
    "indicators.yaml": IndicatorsFile,
    "examples.yaml": ExamplesFile,
    "labels.yaml": LabelsFile,
    "chrome.yaml": ChromeFile,
    "dates.yaml": DatesFile,
    "numbers.yaml": NumbersFile,
    "legacy_fonts.yaml": LegacyFontsFile,
    "provinces.yaml": ProvincesFile,
    "clauses.yaml": ClausesFile,
    "themes.yaml": ThemesFile,
}
