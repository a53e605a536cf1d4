"""Is the comparable table built from the right documents? Checked against gold.

A row of ``province_indicators`` is *pure* when every document it is built
from has, in gold, the row's scope and the row's year, and none of its
figures is one the gold marks as a national figure. The share of pure rows
is what a researcher citing the table needs to know.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from extractors.records import Extraction, to_row
from pipeline.store.dataset import province_indicators


class TableCheck:
    """Collects extractions and their gold, then scores the table built from them."""

    def __init__(self) -> None:
        self.figures: list[dict[str, Any]] = []
        self.documents: list[dict[str, Any]] = []
        self.gold: dict[str, dict[str, Any]] = {}
        self.national_ids: set[str] = set()

    def add(self, extraction: Extraction, gold: dict[str, Any], national_ids: set[str]) -> None:
        doc = extraction.document
        row = to_row(doc)
        row.pop("text", None)
        self.documents.append(row)
        self.figures += [to_row(f) for f in extraction.figures]
        self.gold[doc.doc_id] = gold
        self.national_ids |= national_ids

    def _row_problems(self, row: pd.Series) -> list[str]:
        problems = []
        for doc_id in str(row["doc_ids"]).split(";"):
            gold = self.gold.get(doc_id, {})
            if "scope" in gold and gold["scope"] != row["scope"]:
                problems.append(f"{doc_id}: scope {gold['scope']}")
            period = None if pd.isna(row["period"]) else int(row["period"])
            if "year" in gold and gold["year"] != period:
                problems.append(f"{doc_id}: year {gold['year']}")
        if set(str(row["figure_ids"]).split(";")) & self.national_ids:
            problems.append("national figure")
        return problems

    def result(self) -> dict[str, Any]:
        if not self.figures:
            return {"rows": 0, "pure": None, "impure_rows": []}
        table = province_indicators(pd.DataFrame(self.figures), pd.DataFrame(self.documents))
        impure = []
        for _, row in table.iterrows():
            problems = self._row_problems(row)
            if problems:
                impure.append(
                    {
                        "province": row["province"],
                        "period_label": row["period_label"],
                        "indicator": row["indicator"],
                        "scope": row["scope"],
                        "problems": problems,
                    }
                )
        n = len(table)
        return {
            "rows": n,
            "pure": round(1 - len(impure) / n, 4) if n else None,
            "impure_rows": impure,
        }
