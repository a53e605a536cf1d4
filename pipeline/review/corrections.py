"""Apply review corrections to extracted tables, purely (DataFrames in, DataFrames out).

A correction targets a record by its stable id, so it survives a re-run that
rewrites the record tables. For each target the latest correction wins (by
``created_at``, then ``correction_id``):

- ``reject``: the record disappears;
- ``accept``: the record stays as extracted, marked ``reviewed``;
- ``correct``: the fields in ``changes`` replace the extracted ones;
- ``add``: a record the extractors missed, built from the document text
  (``changes`` holds ``start``, ``end`` and the fields). An add gives the record
  its existence whatever comes after it, so a later accept, correct or reject
  acts on the added record; if a later run extracts a record with the same id,
  the added values override the extracted ones.

A correction that cannot be applied (its record or document is gone, its
offsets fall outside the text, a value has the wrong type) is returned in a
problems report instead of being dropped silently.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import MISSING, fields
from typing import Any

import pandas as pd

from extractors.records import (
    ID_FIELDS,
    Entity,
    Figure,
    NamedModel,
    Solution,
    Weakness,
    column_names,
    stable_id,
)
from extractors.text.normalize import split_sentences

ACTIONS = ("accept", "reject", "correct", "add")

RECORD_TYPES: dict[str, type] = {
    "figure": Figure,
    "entity": Entity,
    "weakness": Weakness,
    "solution": Solution,
    "model": NamedModel,
}
TABLES = {
    "figure": "figures",
    "entity": "entities",
    "weakness": "weaknesses",
    "solution": "solutions",
    "model": "named_models",
}
ID_COLUMNS = {kind: ID_FIELDS[record_type] for kind, record_type in RECORD_TYPES.items()}
# stable_id prefixes an id with the first letter of its kind; the kinds differ in it.
KIND_BY_PREFIX = {stable_id(kind, "", 0, 0)[0]: kind for kind in RECORD_TYPES}

# Fields that say where a record stands or how it was found: a reviewer rejects
# and re-adds a record rather than moving it, so its id keeps meaning one span.
LOCKED_FIELDS = {
    "doc_id",
    "start",
    "end",
    "number_start",
    "number_end",
    "sentence",
    "sentence_start",
    "method",
    "rule",
    "confidence",
    "text",
    "theme_score",
}
ADDABLE_KINDS = ("figure", "weakness", "solution")
QUALIFIERS = ("exact", "more_than", "about", "at_least")
KINDS = ("flow", "stock")

PROBLEM_COLUMNS = [
    "correction_id",
    "target_id",
    "kind",
    "doc_id",
    "action",
    "author",
    "created_at",
    "problem",
]

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def kind_of(target_id: str) -> str | None:
    """The record kind an id belongs to (``figure``, ``weakness``, ...), from its prefix."""
    if not isinstance(target_id, str) or not target_id:
        return None
    return KIND_BY_PREFIX.get(target_id[0])


def editable_fields(kind: str) -> list[str]:
    """Fields a ``correct`` may change for records of this kind."""
    return [f.name for f in fields(RECORD_TYPES[kind]) if f.name not in LOCKED_FIELDS]


def _field_types(kind: str) -> dict[str, str]:
    return {f.name: str(f.type) for f in fields(RECORD_TYPES[kind])}


def coerce_change(kind: str, name: str, value: Any) -> Any:
    """The value converted to the field's type; ValueError when it does not fit.

    Codes with a closed vocabulary (qualifier, kind) are checked here so that a
    typo in a notebook fails at once instead of producing a row nobody can group.
    """
    types = _field_types(kind)
    if name not in types:
        raise ValueError(f"{kind} has no field {name!r}")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        if "None" in types[name]:
            return None
        raise ValueError(f"{kind}.{name} cannot be empty")
    annotation = types[name]
    try:
        if "float" in annotation:
            if isinstance(value, bool):
                raise TypeError
            value = float(value)
        elif "int" in annotation:
            if isinstance(value, bool) or not float(value).is_integer():
                raise TypeError
            value = int(float(value))
        elif "str" in annotation:
            value = str(value)
    except (TypeError, ValueError):
        raise ValueError(f"{kind}.{name} must be {annotation}, not {value!r}") from None
    if kind == "figure" and name == "qualifier" and value not in QUALIFIERS:
        raise ValueError(f"qualifier must be one of {QUALIFIERS}, not {value!r}")
    if kind == "figure" and name == "kind" and value not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {value!r}")
    return value


def parse_changes(changes: Any) -> dict[str, Any]:
    """``changes`` as a dict, whether stored as JSON text, a dict, or empty."""
    if changes is None or (isinstance(changes, float) and math.isnan(changes)):
        return {}
    if isinstance(changes, dict):
        return dict(changes)
    text = str(changes).strip()
    if not text:
        return {}
    parsed = json.loads(text)
    if not isinstance(parsed, dict):
        raise ValueError("changes must be a JSON object")
    return parsed


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` (it may span several sentences), cut by
    the extractors' own splitter so a reviewer's figure sits in the sentence an
    extracted one would."""
    sentences = split_sentences(text)
    inside = [s for s in sentences if s.start < max(end, start + 1) and start < s.end]
    if not inside:
        return start, end
    return min(inside[0].start, start), max(inside[-1].end, end)


def _first_sentence(text: str) -> str:
    sentences = split_sentences(text)
    return sentences[0].text.strip() if sentences else text.strip()


def latest_corrections(corrections: pd.DataFrame) -> pd.DataFrame:
    """One row per target: the correction that wins (latest ``created_at``, then id)."""
    if corrections is None or corrections.empty:
        return pd.DataFrame(columns=[*_correction_columns(corrections), "kind"])
    frame = corrections.copy()
    frame["_order"] = pd.to_datetime(frame["created_at"], errors="coerce")
    frame = frame.sort_values(["_order", "correction_id"], na_position="first", kind="stable")
    frame = frame.drop_duplicates("target_id", keep="last").drop(columns="_order")
    frame["kind"] = frame["target_id"].map(kind_of)
    return frame.reset_index(drop=True)


def _correction_columns(corrections: pd.DataFrame | None) -> list[str]:
    base = [
        "correction_id",
        "target_id",
        "doc_id",
        "action",
        "changes",
        "reason",
        "author",
        "note",
        "created_at",
    ]
    if corrections is None:
        return base
    return base + [c for c in corrections.columns if c not in base]


def _problem(correction: dict[str, Any], problem: str) -> dict[str, Any]:
    row = {c: correction.get(c) for c in PROBLEM_COLUMNS if c != "problem"}
    row["problem"] = problem
    return row


def _document_lookup(documents: pd.DataFrame) -> dict[str, dict[str, Any]]:
    if documents is None or documents.empty:
        return {}
    return {row["doc_id"]: row for row in documents.to_dict("records")}


def _new_record(
    kind: str, correction: dict[str, Any], changes: dict[str, Any], doc: dict[str, Any]
) -> dict[str, Any]:
    """The row an ``add`` creates, with its sentence and context from the document."""
    text = doc.get("text") or ""
    start, end = int(changes["start"]), int(changes["end"])
    if not 0 <= start < end <= len(text):
        raise ValueError(f"offsets {start}:{end} fall outside the document ({len(text)} chars)")
    row: dict[str, Any] = {
        f.name: (f.default if f.default is not MISSING else None)
        for f in fields(RECORD_TYPES[kind])
    }
    row.update(doc_id=correction["doc_id"], start=start, end=end)
    for name in ("province", "province_2025", "period"):
        if name in row:
            row[name] = doc.get(name)
    if kind == "figure":
        number_start, number_end = number_span(text, start, end)
        left, right = sentence_bounds(text, start, end)
        row.update(
            number_start=number_start,
            number_end=number_end,
            sentence=text[left:right].strip(),
            sentence_start=left,
            method="review",
            rule="added",
            confidence=1.0,
        )
    else:
        row["text"] = text[start:end]
        if kind == "solution":
            row["summary"] = _first_sentence(row["text"])
    for name, value in changes.items():
        if name in ("start", "end"):
            continue
        row[name] = coerce_change(kind, name, value)
    row[ID_COLUMNS[kind]] = added_id(kind, correction["doc_id"], start, end, text)
    return row


def number_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the digits stand inside ``text[start:end]`` (the whole span if none)."""
    number = _NUMBER.search(text, start, end)
    return (number.start(), number.end()) if number else (start, end)


def added_id(kind: str, doc_id: str, start: int, end: int, text: str) -> str:
    """The id of a record added in review, computed as the extractors compute theirs.

    A figure's id comes from its number's span (as ``Figure.figure_id`` does), so
    if a later run extracts the same number, the added values override that
    record instead of counting the figure twice.
    """
    if kind == "figure":
        start, end = number_span(text, start, end)
    return stable_id(kind, doc_id, start, end)


def _detect_kind(records: pd.DataFrame) -> str:
    for kind, column in ID_COLUMNS.items():
        if column in records.columns:
            return kind
    return "figure"


def _restore_dtypes(result: pd.DataFrame, original: pd.DataFrame) -> pd.DataFrame:
    for column, dtype in original.dtypes.items():
        if column not in result.columns or result[column].dtype == dtype:
            continue
        try:
            result[column] = result[column].astype(dtype)
        except (TypeError, ValueError):
            continue
    return result


def _apply_adds(
    kind: str,
    rows: dict[str, dict[str, Any]],
    corrections: pd.DataFrame,
    docs: dict[str, dict[str, Any]],
    problems: list[dict[str, Any]],
) -> set[str]:
    """Put each target's latest ``add`` into ``rows``; returns the targets that failed.

    An add gives a record its existence whatever came after it: a later accept,
    correct or reject then acts on the added record.
    """
    if corrections is None or corrections.empty:
        return set()
    adds = latest_corrections(corrections[corrections["action"] == "add"])
    failed = set()
    id_column = ID_COLUMNS[kind]
    for correction in adds[adds["kind"] == kind].to_dict("records"):
        target = correction["target_id"]
        doc = docs.get(correction.get("doc_id"))
        try:
            if doc is None:
                raise ValueError("document no longer in the store")
            added = _new_record(kind, correction, parse_changes(correction.get("changes")), doc)
            if added[id_column] != target:
                raise ValueError("target id does not match its offsets")
        except (KeyError, TypeError, ValueError) as error:
            problems.append(_problem(correction, f"cannot add: {error}"))
            failed.add(target)
            continue
        rows[target] = {
            **rows.get(target, {}),
            **added,
            "reviewed": True,
            "correction_id": correction["correction_id"],
        }
    return failed


def apply_corrections(
    figures: pd.DataFrame,
    corrections: pd.DataFrame,
    documents: pd.DataFrame,
    kind: str | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Corrected records and the corrections that could not be applied.

    ``figures`` is any record table (figures, weaknesses, solutions, entities,
    named_models); its kind is read from its id column unless ``kind`` is given.
    Only corrections whose target id belongs to that kind are considered.
    The result has the input's columns plus ``reviewed`` (bool) and
    ``correction_id`` (the correction applied, or missing). Inputs are not modified.
    """
    kind = kind or _detect_kind(figures)
    id_column = ID_COLUMNS[kind]
    columns = list(figures.columns) if len(figures.columns) else column_names(RECORD_TYPES[kind])
    rows = {row[id_column]: row for row in figures.to_dict("records")}
    for row in rows.values():
        row["reviewed"] = False
        row["correction_id"] = None
    docs = _document_lookup(documents)
    problems: list[dict[str, Any]] = []

    latest = latest_corrections(corrections)
    latest = latest[latest["kind"] == kind]
    failed_adds = _apply_adds(kind, rows, corrections, docs, problems)
    for correction in latest.to_dict("records"):
        target = correction["target_id"]
        action = correction["action"]
        if action == "add" or target in failed_adds:
            continue
        if action not in ACTIONS:
            problems.append(_problem(correction, f"unknown action {action!r}"))
            continue
        if target not in rows:
            gone = "document" if correction.get("doc_id") not in docs else kind
            problems.append(_problem(correction, f"{gone} no longer in the store"))
            continue
        if action == "reject":
            del rows[target]
            continue
        updated = dict(rows[target])
        try:
            for name, value in parse_changes(correction.get("changes")).items():
                if name in LOCKED_FIELDS:
                    raise ValueError(f"{name} cannot be corrected; reject and add instead")
                updated[name] = coerce_change(kind, name, value)
        except (TypeError, ValueError) as error:
            problems.append(_problem(correction, f"cannot {action}: {error}"))
            continue
        updated["reviewed"] = True
        updated["correction_id"] = correction["correction_id"]
        rows[target] = updated

    out_columns = [*columns, *(c for c in ("reviewed", "correction_id") if c not in columns)]
    result = pd.DataFrame(list(rows.values()), columns=out_columns)
    result = _restore_dtypes(result, figures)
    result["reviewed"] = result["reviewed"].fillna(False).astype(bool)
    if {"doc_id", "start"} <= set(result.columns) and len(result):
        result = result.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    return result, pd.DataFrame(problems, columns=PROBLEM_COLUMNS)
