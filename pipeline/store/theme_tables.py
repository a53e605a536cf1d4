"""The recurring-theme tables: ``theme_matrix`` and ``weakness_cells``.

Pure functions, pandas in and pandas out; the export writes the results. A
theme recurs when at least two provinces name it (in overlapping periods for
``weakness_cells``); ``other`` never recurs.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pandas as pd

from extractors.clauses.themes import OTHER, theme_codes
from pipeline.store.dataset import PERIOD_COLUMNS, get_field


def theme_matrix(
    rows: pd.DataFrame,
    id_column: str,
    province_column: str = "province",
    examples: int = 3,
) -> pd.DataFrame:
    """Theme x province matrix for weaknesses or solutions.

    One row per theme (every codebook theme, then ``other``), with the number
    of clauses, documents and provinces naming it, ``recurring`` (named by at
    least two provinces; never for ``other``), a few example clause ids, and
    one count column per province. A clause with no province falls back to
    ``province_2025`` and otherwise counts under ``(unknown)``, which is not a
    province for ``recurring``.
    """
    frame = rows.copy()
    for column in ("theme", province_column, "province_2025", "doc_id", id_column):
        if column not in frame:
            frame[column] = None
    frame["theme"] = frame["theme"].fillna(OTHER).replace("", OTHER)
    place = frame[province_column].where(frame[province_column].notna(), frame["province_2025"])
    frame["_province"] = place.fillna("(unknown)").replace("", "(unknown)")
    provinces = sorted(set(frame["_province"]) - {"(unknown)"})
    if (frame["_province"] == "(unknown)").any():
        provinces.append("(unknown)")
    extra_themes = sorted(set(frame["theme"]) - set(theme_codes()) - {OTHER})
    out = []
    for theme in [*theme_codes(), *extra_themes, OTHER]:
        members = frame[frame["theme"] == theme]
        named_by = sorted(set(members["_province"]) - {"(unknown)"})
        record: dict[str, Any] = {
            "theme": theme,
            "recurring": theme != OTHER and len(named_by) >= 2,
            "n_provinces": len(named_by),
            "n_documents": int(members["doc_id"].nunique()),
            "n_clauses": len(members),
            "provinces": "; ".join(named_by),
            "example_ids": ";".join(str(i) for i in members[id_column].head(examples)),
        }
        counts = members["_province"].value_counts()
        for province in provinces:
            record[province] = int(counts.get(province, 0))
        out.append(record)
    return pd.DataFrame(out)


WEAKNESS_CELL_COLUMNS = [
    "theme",
    "province_2025",
    "province",
    "period",
    *PERIOD_COLUMNS,
    "n_clauses",
    "n_documents",
    "recurring",
    "example",
    "example_id",
    "weakness_ids",
]


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two cells' periods overlap: spans that meet, or the same year when a span is unknown."""
    if a["period_start"] and a["period_end"] and b["period_start"] and b["period_end"]:
        return a["period_start"] <= b["period_end"] and b["period_start"] <= a["period_end"]
    return a["period"] is not None and a["period"] == b["period"]


def weakness_cells(rows: pd.DataFrame) -> pd.DataFrame:
    """Recurring weaknesses as a table to cite: theme x province x period span.

    One row per theme, province and period span with the number of clauses
    and documents and one example clause. ``recurring`` is true when at least
    two provinces name the theme in overlapping periods (never for ``other``).
    Clauses with no province are kept in their own rows (province empty) and
    never make a theme recurring.
    """
    frame = rows.copy()
    for column in ("theme", "province", "province_2025", "doc_id", "weakness_id", "text",
                   "period", *PERIOD_COLUMNS):  # fmt: skip
        if column not in frame:
            frame[column] = None
    frame["theme"] = frame["theme"].fillna(OTHER).replace("", OTHER)
    cells: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for row in frame.to_dict("records"):
        key = (
            row["theme"],
            get_field(row, "province_2025"),
            get_field(row, "province"),
            get_field(row, "period"),
            *(get_field(row, c) for c in PERIOD_COLUMNS),
        )
        cells[key].append(row)
    out = []
    for key, members in cells.items():
        record = dict(
            zip(["theme", "province_2025", "province", "period", *PERIOD_COLUMNS], key, strict=True)
        )
        record["period_precision"] = record["period_precision"] or "unknown"
        record["period"] = int(record["period"]) if record["period"] is not None else None
        members.sort(key=lambda r: (str(r["doc_id"]), str(r["weakness_id"])))
        record.update(
            n_clauses=len(members),
            n_documents=len({m["doc_id"] for m in members}),
            example=members[0]["text"],
            example_id=members[0]["weakness_id"],
            weakness_ids=";".join(str(m["weakness_id"]) for m in members),
        )
        out.append(record)
    for cell in out:
        cell["recurring"] = (
            cell["theme"] != OTHER
            and cell["province"] is not None
            and any(
                other["theme"] == cell["theme"]
                and other["province"] not in (None, cell["province"])
                and _overlap(cell, other)
                for other in out
            )
        )
    table = pd.DataFrame(out, columns=WEAKNESS_CELL_COLUMNS)
    if table.empty:
        return table
    table["period"] = table["period"].astype("Int64")
    return table.sort_values(
        ["theme", "province_2025", "province", "period_end", "period_start"],
        na_position="last",
        kind="stable",
    ).reset_index(drop=True)
