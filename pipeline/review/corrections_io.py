"""Corrections to and from CSV, so researchers can exchange their reviews.

The export writes every correction of a store; the import adds the ones the
store lacks (same ``correction_id`` skipped) after checking the whole file.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.review.corrections import ACTIONS, parse_changes
from pipeline.store.db import CORRECTION_COLUMNS, connect


def export_corrections(store_path: str | Path, csv_path: str | Path) -> int:
    """Write every correction to a CSV (UTF-8 with BOM); returns how many."""
    con = connect(store_path, read_only=True)
    try:
        frame = con.execute("SELECT * FROM corrections ORDER BY created_at, correction_id").df()
    finally:
        con.close()
    frame = frame[list(CORRECTION_COLUMNS)]
    frame["created_at"] = pd.to_datetime(frame["created_at"]).dt.strftime("%Y-%m-%dT%H:%M:%S.%f")
    Path(csv_path).parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(csv_path, index=False, encoding="utf-8-sig")
    return len(frame)


def _read_corrections_csv(csv_path: str | Path) -> pd.DataFrame:
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in ("correction_id", "target_id", "action") if c not in frame.columns]
    if missing:
        raise ValueError(f"{csv_path}: missing columns {', '.join(missing)}")
    for column in CORRECTION_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    frame = frame[list(CORRECTION_COLUMNS)].replace({"": None})
    problems = []
    for number, row in enumerate(frame.to_dict("records"), start=2):
        if not row["correction_id"] or not row["target_id"]:
            problems.append(f"line {number}: no correction_id or target_id")
        if row["action"] not in ACTIONS:
            problems.append(f"line {number}: unknown action {row['action']!r}")
        try:
            parse_changes(row["changes"])
        except ValueError as error:
            problems.append(f"line {number}: unreadable changes ({error})")
    if problems:
        raise ValueError(f"{csv_path}: " + "; ".join(problems))
    frame["created_at"] = pd.to_datetime(frame["created_at"], errors="coerce")
    return frame.drop_duplicates("correction_id")


def import_corrections(store_path: str | Path, csv_path: str | Path) -> int:
    """Add the CSV's corrections that the store lacks; returns how many were new.

    Idempotent: a correction already present (same ``correction_id``) is skipped,
    so researchers can exchange files back and forth. A malformed file is
    rejected as a whole before anything is written.
    """
    frame = _read_corrections_csv(csv_path)
    con = connect(store_path)
    try:
        known = set(con.execute("SELECT correction_id FROM corrections").df()["correction_id"])
        new = frame[~frame["correction_id"].isin(known)].reset_index(drop=True)
        if not new.empty:
            cols = list(CORRECTION_COLUMNS)
            con.register("_corrections", new[cols])
            try:
                col_list = ", ".join(cols)
                con.execute(
                    f"INSERT INTO corrections ({col_list}) SELECT {col_list} FROM _corrections"
                )
            finally:
                con.unregister("_corrections")
    finally:
        con.close()
    return len(new)
