"""Column definitions of the exported tables, read from ``tables.yaml``.

The definitions are built from the columns a table actually has: a column
the YAML knows gets its type, description and constraints; any other column
(a province column of a theme matrix, a column added since) still flows
through, typed from its pandas dtype. Both the pandera checks
(``pipeline.store.checks``) and ``datapackage.json`` (``pipeline.store.package``)
use these definitions, so what is checked is what is published.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from extractors.text.yaml_data import read_yaml

SPEC_PATH = Path(__file__).with_name("tables.yaml")


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    type: str  # string / integer / number / boolean / date (Frictionless types)
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    key: str


@lru_cache(maxsize=1)
def spec() -> dict[str, Any]:
    return read_yaml(SPEC_PATH)


def table_spec(table: str) -> dict[str, Any]:
    return spec()["tables"].get(table, {})


def _dtype_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "number"
    return "string"


def columns(table: str, frame: pd.DataFrame) -> list[ColumnSpec]:
    """One definition per column of ``frame``, in its order."""
    own = table_spec(table).get("fields") or {}
    common = spec()["common"]
    other = table_spec(table).get("other_columns", "")
    out = []
    for name in frame.columns:
        entry = own.get(name) or common.get(name)
        if entry is None:
            out.append(ColumnSpec(str(name), _dtype_type(frame[name]), other))
            continue
        enum = entry.get("enum")
        out.append(
            ColumnSpec(
                name=str(name),
                type=entry["type"],
                description=str(entry.get("description", "")).strip(),
                required=bool(entry.get("required", False)),
                enum=tuple(enum) if enum else None,
                pattern=entry.get("pattern"),
            )
        )
    return out


def primary_key(table: str, frame: pd.DataFrame) -> list[str]:
    """The table's key columns that ``frame`` has (``dataset``: the comparable table's key)."""
    key = table_spec(table).get("primary_key") or []
    if key == "dataset":
        from pipeline.store.dataset import KEY

        key = KEY
    return [c for c in key if c in frame.columns]


def foreign_keys(table: str, frame: pd.DataFrame) -> list[ForeignKey]:
    """Foreign keys whose column ``frame`` has."""
    out = []
    for column, target in (table_spec(table).get("foreign_keys") or {}).items():
        if column in frame.columns:
            ref_table, ref_key = target.split(".")
            out.append(ForeignKey(column, ref_table, ref_key))
    return out


def table_text(table: str) -> tuple[str, str]:
    """Title and description of a table."""
    entry = table_spec(table)
    return entry.get("title", table), " ".join(str(entry.get("description", "")).split())
