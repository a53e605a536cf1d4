"""The records every room exchanges, with the fields of the codebook.

Every extracted record carries ``doc_id``, ``start`` and ``end`` (character
offsets into the document's *normalized* text) and a stable id derived from
them, so a correction made in review still finds its record after the
pipeline runs again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any


def stable_id(kind: str, doc_id: str, start: int, end: int) -> str:
    """A short id that depends only on what a record is and where it stands."""
    digest = hashlib.sha1(f"{kind}:{doc_id}:{start}:{end}".encode()).hexdigest()
    return f"{kind[0]}{digest[:15]}"


def content_id(normalized_text: str) -> str:
    """Document id: a short hash of the normalized text."""
    return hashlib.sha1(normalized_text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    doc_id: str
    text: str
    source: str = ""
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date
    province: str | None = None
    province_2025: str | None = None
    period: int | None = None  # the year the figures are filed under (period_end's year)
    period_start: str | None = None  # ISO date
    period_end: str | None = None
    period_label: str | None = None  # "2023", "6 tháng đầu năm 2022", "2012 - 10/2023"
    period_precision: str = "unknown"  # year/half/quarter/month/to_date/multi_year/unknown
    scope: str = "province"  # province / district / commune
    scope_name: str | None = None
    format: str = "txt"
    metadata_source: str = "detected"  # or "manifest" when a manifest overrode a value
    language: str = "vi"  # ISO 639-1; figures are kept only for the languages a run allows
    ocr: bool = False  # the text was read by OCR from scanned page images


@dataclass(frozen=True)
class Figure:
    doc_id: str
    start: int  # span of the evidence: qualifier + number + unit
    end: int
    value: float
    indicator: str = "unclassified"
    unit: str | None = None
    qualifier: str = "exact"  # exact / more_than / about / at_least
    denominator: float | None = None
    kind: str | None = None  # flow / stock
    period: int | None = None
    period_start: str | None = None
    period_end: str | None = None
    period_label: str | None = None
    period_precision: str = "unknown"
    province: str | None = None
    province_2025: str | None = None
    scope: str | None = None  # the document's, or "national" for a figure of the whole country
    breakdown: str | None = None
    part_of: str | None = None  # figure_id of the total this figure is a part of
    label: str | None = None
    number_start: int = 0  # where the digits stand
    number_end: int = 0
    sentence: str = ""
    sentence_start: int = 0
    method: str = "rules"
    rule: str | None = None
    confidence: float = 0.5

    @property
    def figure_id(self) -> str:
        return stable_id("figure", self.doc_id, self.number_start, self.number_end)


@dataclass(frozen=True)
class Entity:
    doc_id: str
    start: int
    end: int
    label: str  # LOC / ORG / PER
    text: str

    @property
    def entity_id(self) -> str:
        return stable_id("entity", self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class Weakness:
    doc_id: str
    start: int
    end: int
    text: str
    cue: str | None = None
    theme: str = "other"
    theme_score: float = 0.0
    province: str | None = None
    province_2025: str | None = None
    period: int | None = None
    period_start: str | None = None
    period_end: str | None = None
    period_label: str | None = None
    period_precision: str = "unknown"

    @property
    def weakness_id(self) -> str:
        return stable_id("weakness", self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class Solution:
    doc_id: str
    start: int
    end: int
    text: str
    summary: str
    marker: str | None = None  # "Thứ nhất", "Một là", ...
    ordinal: int | None = None
    theme: str = "other"
    province: str | None = None
    province_2025: str | None = None
    period: int | None = None

    @property
    def solution_id(self) -> str:
        return stable_id("solution", self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class NamedModel:
    doc_id: str
    start: int
    end: int
    name: str
    province: str | None = None

    @property
    def model_id(self) -> str:
        return stable_id("model", self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    figures: tuple[Figure, ...] = ()
    entities: tuple[Entity, ...] = ()
    weaknesses: tuple[Weakness, ...] = ()
    solutions: tuple[Solution, ...] = ()
    named_models: tuple[NamedModel, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


ID_FIELDS = {
    Figure: "figure_id",
    Entity: "entity_id",
    Weakness: "weakness_id",
    Solution: "solution_id",
    NamedModel: "model_id",
}


def to_row(record: Any) -> dict[str, Any]:
    """A flat dict for tables: the stable id first, then the fields."""
    row: dict[str, Any] = {}
    id_field = ID_FIELDS.get(type(record))
    if id_field:
        row[id_field] = getattr(record, id_field)
    # the records hold only scalars (a test checks it), so a shallow copy is what
    # ``dataclasses.asdict`` would give, without its per-field deep copy
    row.update({f.name: getattr(record, f.name) for f in _fields_of(type(record))})
    return row


@cache
def _fields_of(record_type: type) -> tuple[Any, ...]:
    return fields(record_type)


def column_names(record_type: type) -> list[str]:
    names = [f.name for f in fields(record_type)]
    id_field = ID_FIELDS.get(record_type)
    return ([id_field] if id_field else []) + names
