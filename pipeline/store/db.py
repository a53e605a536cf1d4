"""The DuckDB store: one file, one table per record type, written per document.

A document's rows are replaced as a whole (delete then insert in one
transaction), so re-running is idempotent and a run killed half-way leaves
every document either fully written or absent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from extractors.records import (
    Document,
    Entity,
    Extraction,
    Figure,
    NamedModel,
    Solution,
    Weakness,
    column_names,
    to_row,
)

RECORD_TABLES: dict[str, type] = {
    "figures": Figure,
    "entities": Entity,
    "weaknesses": Weakness,
    "solutions": Solution,
    "named_models": NamedModel,
}

SQL_TYPES = {
    int: "BIGINT",
    float: "DOUBLE",
    str: "VARCHAR",
    bool: "BOOLEAN",
}

EXTRA_DOCUMENT_COLUMNS = {"sources": "VARCHAR", "extractor_version": "VARCHAR", "chars": "BIGINT"}

FAILURE_COLUMNS = {
    "path": "VARCHAR",
    "stage": "VARCHAR",
    "reason": "VARCHAR",
    "error_class": "VARCHAR",
    "detail": "VARCHAR",
}

FILE_COLUMNS = {
    "path": "VARCHAR",
    "file_sha1": "VARCHAR",
    "size": "BIGINT",
    "doc_id": "VARCHAR",
    "format": "VARCHAR",
    "url": "VARCHAR",
    "cache_key": "VARCHAR",  # see pipeline.flows.cache_key
}

CORRECTION_COLUMNS = {
    "correction_id": "VARCHAR",
    "target_id": "VARCHAR",
    "doc_id": "VARCHAR",
    "action": "VARCHAR",  # accept / reject / correct / add
    "changes": "VARCHAR",  # JSON object of field -> new value
    "reason": "VARCHAR",
    "author": "VARCHAR",
    "note": "VARCHAR",
    "created_at": "TIMESTAMP",
}


def _sql_type(annotation: Any) -> str:
    text = str(annotation)
    for python_type, sql in SQL_TYPES.items():
        if python_type.__name__ in text:
            return sql
    return "VARCHAR"


def _columns(record_type: type) -> dict[str, str]:
    from dataclasses import fields

    cols: dict[str, str] = {}
    for name in column_names(record_type):
        cols[name] = "VARCHAR"
    for f in fields(record_type):
        cols[f.name] = _sql_type(f.type)
    return cols


def table_columns() -> dict[str, dict[str, str]]:
    """Every table's columns and SQL types, in a stable order."""
    tables = {"documents": {**_columns(Document), **EXTRA_DOCUMENT_COLUMNS}}
    for name, record_type in RECORD_TABLES.items():
        tables[name] = _columns(record_type)
    tables["failures"] = dict(FAILURE_COLUMNS)
    tables["corrections"] = dict(CORRECTION_COLUMNS)
    tables["files"] = dict(FILE_COLUMNS)
    tables["run_files"] = {"path": "VARCHAR"}
    tables["run_info"] = {"name": "VARCHAR", "value": "VARCHAR"}  # value: JSON
    return tables


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    if not read_only:
        ensure_schema(con)
    return con


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, and add columns a store written by an older antq lacks."""
    for table, cols in table_columns().items():
        body = ", ".join(f'"{c}" {t}' for c, t in cols.items())
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
        present = {row[1] for row in con.execute(f"PRAGMA table_info('{table}')").fetchall()}
        for column, sql_type in cols.items():
            if column not in present:
                con.execute(f'ALTER TABLE {table} ADD COLUMN "{column}" {sql_type}')


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    cols = list(table_columns()[table])
    frame = pd.DataFrame([{c: row.get(c) for c in cols} for row in rows], columns=cols)
    con.register("_rows", frame)
    try:
        col_list = ", ".join(f'"{c}"' for c in cols)
        con.execute(f"INSERT INTO {table} ({col_list}) SELECT {col_list} FROM _rows")
    finally:
        con.unregister("_rows")


def write_extractions(
    con: duckdb.DuckDBPyConnection,
    extractions: Iterable[Extraction],
    extractor_version: str,
) -> int:
    """Replace each document's rows with the given extraction, in one transaction.

    Rows are gathered per table and written with one DELETE and one INSERT per
    table for the whole batch: per-document statements cost more than extracting.
    When one document appears twice (two files, same text) the last one stands.
    """
    latest = {e.document.doc_id: e for e in extractions}
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in ["documents", *RECORD_TABLES]}
    for extraction in latest.values():
        doc = extraction.document
        doc_row = to_row(doc)
        doc_row["sources"] = json.dumps(extraction.extra.get("sources", [doc.source]))
        doc_row["extractor_version"] = extractor_version
        doc_row["chars"] = len(doc.text)
        rows["documents"].append(doc_row)
        rows["figures"] += [to_row(r) for r in extraction.figures]
        rows["entities"] += [to_row(r) for r in extraction.entities]
        rows["weaknesses"] += [to_row(r) for r in extraction.weaknesses]
        rows["solutions"] += [to_row(r) for r in extraction.solutions]
        rows["named_models"] += [to_row(r) for r in extraction.named_models]
    if not latest:
        return 0
    con.execute("BEGIN TRANSACTION")
    try:
        for table, table_rows in rows.items():
            con.execute(
                f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                [list(latest)],
            )
            _insert(con, table, table_rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(latest)


def replace_failures(con: duckdb.DuckDBPyConnection, failures: list[dict[str, Any]]) -> None:
    """Failures describe the latest run: the table is replaced, not appended to."""
    con.execute("DELETE FROM failures")
    _insert(con, "failures", failures)


def read_table(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    return con.execute(f"SELECT * FROM {table}").df()


def known_files(
    con: duckdb.DuckDBPyConnection, extractor_version: str
) -> dict[str, tuple[str, str]]:
    """Cache key -> (doc_id, format) for documents stored at this extractor version.

    Files stored before keys existed have none and are extracted again once.
    """
    rows = con.execute(
        """SELECT f.cache_key, f.doc_id, f.format FROM files f
           JOIN documents d ON d.doc_id = f.doc_id
           WHERE d.extractor_version = ? AND f.cache_key IS NOT NULL""",
        [extractor_version],
    ).fetchall()
    return {key: (doc_id, fmt) for key, doc_id, fmt in rows}


def record_files(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    """Upsert file rows by path (a file edited since the last run gets its new hash)."""
    if not rows:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        # one statement for the batch: a DELETE per file costs more than extracting it
        con.execute(
            "DELETE FROM files WHERE path IN (SELECT unnest(?::VARCHAR[]))",
            [[row["path"] for row in rows]],
        )
        _insert(con, "files", rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def set_run_files(con: duckdb.DuckDBPyConnection, paths: list[str]) -> None:
    """The files of the latest run: exports describe exactly these."""
    con.execute("DELETE FROM run_files")
    _insert(con, "run_files", [{"path": p} for p in paths])


def set_run_info(con: duckdb.DuckDBPyConnection, info: dict[str, Any]) -> None:
    """What the latest run was given (inputs, manifest, options): cited in datapackage.json."""
    con.execute("DELETE FROM run_info")
    rows = [{"name": k, "value": json.dumps(v, ensure_ascii=False)} for k, v in info.items()]
    _insert(con, "run_info", rows)


def run_info(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    rows = con.execute("SELECT name, value FROM run_info ORDER BY name").fetchall()
    return {name: json.loads(value) for name, value in rows}


def prune_unreferenced(con: duckdb.DuckDBPyConnection) -> int:
    """Drop documents (and their records) that no file points to any more.

    A file edited since an earlier run gets a new document; the old one would
    otherwise linger in the store, and review would still see its records.
    Corrections are kept: one whose record went with it is then reported.
    """
    gone = [
        row[0]
        for row in con.execute(
            "SELECT doc_id FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM files)"
        ).fetchall()
    ]
    if gone:
        con.execute("BEGIN TRANSACTION")
        try:
            for table in ["documents", *RECORD_TABLES]:
                con.execute(
                    f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [gone]
                )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return len(gone)
