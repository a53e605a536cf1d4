"""``datapackage.json``: the exported CSV files as a Frictionless Data Package.

Each written CSV is a resource with a Table Schema (field types,
descriptions, constraints, primary and foreign keys, from ``tables.yaml`` via
``pipeline.store.table_spec``). The package also says what produced the data:
the codebook version, the extractor and reader versions, the NLP library
versions, the review corrections applied and the run's inputs (files with
their SHA-1 and manifest rows, command inputs, options). Nothing in it
depends on the clock, so an unchanged run writes the same file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd
from frictionless import Package

from pipeline.store.table_spec import columns, foreign_keys, primary_key, table_text

PACKAGE_FILE = "datapackage.json"


def _field(column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type}
    if column.description:
        field["description"] = column.description
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.pattern:
        constraints["pattern"] = column.pattern
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(name: str, frame: pd.DataFrame, written: Mapping[str, Any]) -> dict[str, Any]:
    """Table Schema of one CSV; foreign keys only to tables that were written."""
    schema: dict[str, Any] = {"fields": [_field(c) for c in columns(name, frame)]}
    key = primary_key(name, frame)
    if key:
        schema["primaryKey"] = key
    links = [
        {
            "fields": [fk.column],
            "reference": {"resource": "" if fk.table == name else fk.table, "fields": [fk.key]},
        }
        for fk in foreign_keys(name, frame)
        if fk.table in written or fk.table == name
    ]
    if links:
        schema["foreignKeys"] = links
    return schema


def resource(name: str, frame: pd.DataFrame, written: Mapping[str, Any]) -> dict[str, Any]:
    title, description = table_text(name)
    return {
        "name": name,
        "path": f"{name}.csv",
        "title": title,
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "schema": table_schema(name, frame, written),
    }


def _antq_version() -> str | None:
    try:
        return metadata.version("antq")
    except metadata.PackageNotFoundError:
        return None


def applied_corrections(
    tables: Mapping[str, pd.DataFrame], corrections: pd.DataFrame
) -> list[dict[str, Any]]:
    """The corrections some exported record carries (``correction_id``), oldest first."""
    used: set[str] = set()
    for frame in tables.values():
        if "correction_id" in frame:
            used |= {str(c) for c in frame["correction_id"].dropna() if c != ""}
    rows = corrections[corrections["correction_id"].isin(used)]
    keep = ["correction_id", "target_id", "doc_id", "action", "reason", "author", "created_at"]
    rows = rows.sort_values(["created_at", "correction_id"], kind="stable")
    out = []
    for row in rows[[c for c in keep if c in rows]].to_dict("records"):
        out.append({k: (None if pd.isna(v) else str(v)) for k, v in row.items()})
    return out


def run_inputs(files: pd.DataFrame, info: Mapping[str, Any]) -> dict[str, Any]:
    """The run's inputs: each file with its SHA-1 and manifest row, and how the run was called."""
    rows = info.get("manifest_rows") or {}
    listed = []
    for row in files.sort_values("path").to_dict("records"):
        entry = {k: row.get(k) for k in ("path", "file_sha1", "size", "format", "doc_id")}
        entry["size"] = int(entry["size"]) if entry["size"] is not None else None
        entry["manifest"] = rows.get(row["path"])
        listed.append(entry)
    called = {k: info.get(k) for k in ("inputs", "manifest", "options")}
    return {**called, "files": listed}


def write_package(
    out: Path,
    written: Mapping[str, pd.DataFrame],
    provenance: Mapping[str, Any],
) -> Path:
    """Write ``datapackage.json`` for the CSV files in ``written`` (name -> frame as written).

    ``provenance`` holds the package-level properties (codebook and extractor
    versions, corrections, inputs ...). Frictionless checks the descriptor
    before it is written.
    """
    descriptor: dict[str, Any] = {
        "name": "antq-dataset",
        "title": "antq: the all-people movement to protect national security, by province",
        "description": (
            "Figures, weaknesses, solutions and named models extracted from Vietnamese "
            "provincial reports, and the comparable province x period x indicator table. "
            "Every figure points back to its document and sentence."
        ),
        "antq_version": _antq_version(),
        **provenance,
        "resources": [resource(name, frame, written) for name, frame in written.items()],
    }
    package = Package.from_descriptor(descriptor, basepath=str(out))
    path = out / PACKAGE_FILE
    text = json.dumps(package.to_descriptor(), ensure_ascii=False, indent=2, default=str)
    path.write_text(text + "\n", encoding="utf-8")
    return path
