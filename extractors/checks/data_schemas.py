"""Pydantic schemas of the data files of ``extractors/text``, ``geo`` and ``clauses``.

Rule data rather than the codebook researchers edit, but checked the same way:
an unknown key is an error (see ``extractors.checks.schemas``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from extractors.checks.schemas_base import Strict, Words

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
    lead_openers: str | None = None


class TonePlacement(Strict):
    onset_blocks: Words
    open_pairs: Words


class ChromeFile(Strict):
    breadcrumb: Breadcrumb
    char_map: dict[str, str]
    chrome_phrases: Words
    chrome_line_patterns: Words = []
    notice_line_patterns: Words = []
    chrome_separators: str
    delete_chars: Words
    link_prefixes: Words
    newline_chars: Words
    sentence_guard: SentenceGuard
    sentences: ChromeSentences
    space_chars: Words
    title: Title
    tone_placement: TonePlacement


class DateWeights(Strict):
    title: float
    sentence: float
    sentence_with_figure: float
    lead: float = 0
    event_factor: float = 1.0


class DatesFile(Strict):
    year_range: list[int]
    date_patterns: Words
    date_line_noise: Words
    published_cues: Words
    updated_cues: Words
    date_line_max_other_words: int
    header_lines: int
    event_date_cues: Words = []
    event_date_chars: int = 400
    document_reference: str | None = None
    metadata_date: str | None = None
    line_end_stamp: str | None = None
    unbounded_years: Words = []


class Qualifiers(Strict):
    more_than: Words
    about: Words
    at_least: Words
    exact: Words = []


class DocumentTypes(Strict):
    any_case: Words
    capitalized: Words
    legal_units: Words
    lookback_words: int
    issuer_words: Words = []


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
    capitalized_name_heads: Words = []
    place_name_heads: Words = []
    head_exceptions: Words = []
    unit_list_words: Words = []
    level_heads: Words = []
    file_extensions: Words = []
    abbreviated_name_heads: Words = []
    demographic_heads: Words = []
    demographic_head_exceptions: Words = []
    demographic_fillers: Words = []
    ordinal_heads: Words
    distributives: Words
    dates: dict[str, Words | int]
    duration_units: Words
    duration_exceptions: Words
    duration_review_heads: Words = []
    time_cues: Words
    round_the_clock: Words = []
    clock_g_followers: Words = []
    time_zones: Words
    quotes: Quotes
    code_min_leading_zero_digits: int
    glued_lead_words: Words = []
    phone_cues: Words = []
    furniture_after: Words = []
    foreign_months: Words = []
    festival_days: Words = []


class PeriodCue(Strict):
    # the span builders of extractors/text/periods.py
    span: Literal[
        "year", "first_months", "last_months", "quarter", "month", "year_to_date",
        "since_year", "since_date", "since_month", "range", "date_range", "to_month",
        "last_n_years", "day", "as_of", "launched_year", "event_year", "month_range",
    ]  # fmt: skip
    pattern: str
    # a review of the past ("tổng kết ... năm 2019"): plans named after it in the same
    # sentence (", kèm phương hướng cho năm sau") do not cancel it
    past: bool = False


class YearEndReview(Strict):
    cues: Words
    months: list[int]


class PeriodsFile(Strict):
    year_pattern: str
    lunar_stems: Words = []
    lunar_branches: list[Words] = []
    cues: list[PeriodCue]
    title_report_cues: Words
    title_cues: list[PeriodCue]
    future_cues: Words
    title_future_cues: Words = []
    comparison_year_cues: Words = []
    clip_grace_days: int = 62
    min_reported_days: int | None = None
    max_span_years: int | None = None
    years_back_close_months: list[int] = []
    year_end_review: YearEndReview
    weights: DateWeights


class WordNumbersFile(Strict):
    digits: dict[str, int]
    tens_digits: dict[str, int]
    counted_nouns: Words
    not_nouns: Words
    blockers: Words
    range_from: Words = []
    range_to: Words = []


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
    former_districts: dict[str, Words] = {}
    lead_chars: int
    needs_type_word: Words
    person_cues: Words
    neighbour_cues: Words = []
    person_name_parts: Words
    province_aliases: dict[str, Words]
    province_wide_cues: Words = []
    type_abbreviations: TypeAbbreviations
    type_descriptors: Words = []
    weights: GeoWeights


class WholeUnitCues(Strict):
    province: Words
    district: Words
    commune: Words


class ScopeWeights(Strict):
    title_typed: float
    title_bare: float
    title_subject: float = 0.0
    title_village: float = 0.0
    title_province: float
    lead_reporter: float
    later_higher_reporter: float
    later_lower_reporter: float
    lead_typed: float
    whole_unit_lead: float
    whole_unit_body: float
    body_cap: float


class ScopeFile(Strict):
    lead_chars: int
    headline_max_words: int
    caption_max_words: int = 30
    caption_credit: str | None = None
    subheading_max_words: int = 12
    reporter_cues: Words
    guest_titles: Words = []
    guest_list_openers: Words = []
    holding_verbs: Words = []
    issued_documents: Words = []
    cited_judgements: Words = []
    residence_words: Words = []
    headline_place_words: Words = []
    village_words: Words = []
    subject_bodies: Words = []
    subject_body_verbs: Words = []
    whole_unit_cues: WholeUnitCues
    whole_city_cues: Words = []
    acting_after: Words = []
    locating_words: Words = []
    province_bodies: Words = []
    weights: ScopeWeights
    national_cues: Words
    national_exceptions: Words
    national_hosts: Words = []
    national_host_lead: str = ""
    subject_types: dict[str, Literal["province", "district", "commune"]] = {}
    city_provinces: Words = []
    numbered_ward: str | None = None


class SitePatterns(Strict):
    prefixes: Words
    suffixes: Words


class SitesFile(Strict):
    weight: float
    path_weight: float = 0.0
    path_skip: Words = []
    patterns: SitePatterns
    host_prefixes: Words = ["www."]
    provincial_domains: Words = ["gov.vn"]
    slug_aliases: dict[str, Words]
    sites: dict[str, str]
    national: Words


# --- extractors/clauses -----------------------------------------------------------------


class RisingHarmsFile(Strict):
    harms: Words
    rises: Words
    rises_before_number: Words
    persists: Words = []
    blockers: Words
    clause_blockers: Words


class NamedModels(Strict):
    blocking_contexts: Words
    blocking_links: Words = []
    head_nouns: Words
    inner_phrases: Words
    list_heads: Words
    max_words: int
    speech_words: Words = []
    slogan_openers: Words = []


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


class WeaknessModelCues(Strict):
    connectives: Words
    openers: Words = []
    predicate_words: Words
    attribution_verbs: Words = []
    view_verbs: Words = []
    view_noun_heads: Words = []
    praise_lead_ins: Words = []
    praise_turns: Words = []
    conditional_openers: Words = []
    situation_subjects: Words = []
    living_subjects: Words = []
    speech_before_quote: Words = []
    unit_types: Words = []
    reported_speech: Words = []
    list_announcers: Words = []
    honorifics: Words = []
    continuation_openers: Words = []
    concession_openers: Words = []
    concession_closers: Words = []
    comma_compounds: Words = []
    cues: dict[str, Words]

    @field_validator("comma_compounds")
    @classmethod
    def _pairs(cls, pairs: list[str]) -> list[str]:
        """Each compound is two terms joined by a comma ("an ninh, trật tự")."""
        for pair in pairs:
            if pair.count(",") != 1 or not all(part.strip() for part in pair.split(",")):
                raise ValueError(f"{pair!r} is not two terms joined by one comma")
        return pairs


class ClausesFile(Strict):
    weakness_model: WeaknessModelCues | None = None
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


class WeaknessModelCard(BaseModel):
    """Written by the training script next to the model, not edited by hand."""

    model_config = ConfigDict(extra="allow")
    data_hash: str
    model_sha256: str
