"""The comparable cross-province dataset and the recurring-theme matrices.

Pure functions, pandas in and pandas out; the export writes the results.

Rules of ``province_indicators`` (one row per province_2025, province,
period span, indicator, kind, measure, scope and scope_name):

0. The period is a span (``period_start``, ``period_end``, ``period_label``,
   ``period_precision``): a half-year, a year and a cumulative span never
   share a row. A figure takes its own sentence's span when the sentence
   gives one (``Từ năm 2015 đến nay, ...``), else its document's; documents
   with no known span form rows of precision ``unknown``, apart. A
   percentage never fills a count row (``measure``).

1. Only classified figures count. ``unclassified`` figures stay in
   ``figures.csv`` and never enter the comparable table.
2. A stock and a flow never add up: ``kind`` is part of the row key. A figure
   whose kind is unknown forms its own row (kind ``unknown``) and is never
   added to either.
3. Figures the text gives for the whole country (scope ``national``) never
   enter the table. Figures of a district or commune never stand for the province. A figure
   takes the scope of its document; district and commune figures get their
   own rows (``scope``, ``scope_name``) and never fill, replace or add up to a
   province row.
4. Within one document, for one indicator and kind:

   a. The same fact repeated counts once. Figures with the same value,
      qualifier, unit and breakdown in different sentences are one fact (a
      photo caption or the lead repeats the body). Equal numbers inside one
      sentence are distinct parts of an enumeration (``Bằng khen cho 01 tập
      thể ...; Giấy khen cho 01 tập thể``), so such a fact counts as many
      times as it occurs in the one sentence that names it most.
   b. A breakdown never adds to its total. When the document gives a figure
      without ``breakdown`` (``91 mô hình``), its breakdown figures (``5 ...
      cấp tỉnh, 25 ... cấp huyện, 61 ... cấp xã``) are ignored and the total
      stands. Without a total the breakdown parts are summed and the row says
      ``from_breakdown`` in ``aggregation``.
   c. Flows: distinct figures are parts of the activity (``03 + 01 + 06 tập
      thể`` from three awarding bodies, ``03 + 05 + 128 lớp``) and are summed.
   d. Stocks: figures in the same unit describe the same standing count,
      restated or narrowed (``trong đó``), so the largest stands (a subset is
      never larger than its total); figures in different units are different
      parts (``85/85 xã`` and ``07/07 thị trấn``) and are summed.
   e. The qualifier of a sum is ``about`` if any part is ``about``, else
      ``more_than`` if any part is, else ``at_least`` if any part is, else
      ``exact``. Denominators add up when every part has one.

   f. A part never adds to its total. A figure introduced by ``trong đó``,
      ``riêng``, ``gồm`` ... is linked to its total (``part_of``) by the
      extractor; when the total is in the same cell the parts are dropped
      and the row says ``total_over_parts``.

5. Across documents of one row: documents giving the same value agree and all
   their figures support it. When they disagree, ``conflict`` is true, every
   value is kept in ``conflict_values`` (value, qualifier and document) and one
   is chosen by a stated rule: the more specific source first (a document
   about this very province before one that mentions it in passing, then a
   precise value before an approximate one), then the later publication, then
   the document id so the choice is stable.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import pandas as pd

from extractors.clauses.themes import OTHER, theme_codes
from extractors.records import stable_id

UNCLASSIFIED = "unclassified"
UNKNOWN_KIND = "unknown"
QUALIFIER_RANK = {"exact": 0, "at_least": 1, "more_than": 2, "about": 3}
PERIOD_COLUMNS = ["period_start", "period_end", "period_label", "period_precision"]
KEY = [
    "province_2025",
    "province",
    "period",
    *PERIOD_COLUMNS,
    "indicator",
    "kind",
    "measure",
    "scope",
    "scope_name",
]
INDICATOR_COLUMNS = [
    *KEY,
    "value",
    "qualifier",
    "denominator",
    "unit",
    "aggregation",
    "n_figures",
    "n_documents",
    "figure_ids",
    "doc_ids",
    "conflict",
    "conflict_values",
    "chosen_doc_id",
]
NATIONAL = "national"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value == ""


def _get(row: dict[str, Any], name: str, default: Any = None) -> Any:
    value = row.get(name)
    return default if _blank(value) else value


def _combine_qualifiers(qualifiers: Iterable[str]) -> str:
    return max(qualifiers, key=lambda q: QUALIFIER_RANK.get(q, 0), default="exact")


def _sum(parts: list[dict[str, Any]]) -> dict[str, Any]:
    denominators = [p["denominator"] for p in parts]
    return {
        "value": sum(p["value"] for p in parts),
        "qualifier": _combine_qualifiers(p["qualifier"] for p in parts),
        "denominator": sum(denominators) if all(d is not None for d in denominators) else None,
        "units": sorted({u for p in parts for u in p["units"]}),
        "figure_ids": [f for p in parts for f in p["figure_ids"]],
    }


def _facts(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Collapse repeats (rule 4a): one fact per distinct mention."""
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for fig in figures:
        key = (fig["value"], fig["qualifier"], fig["unit_key"], fig["breakdown"])
        groups[key].append(fig)
    facts = []
    for members in groups.values():
        per_sentence = Counter(f["sentence_key"] for f in members)
        copies = max(per_sentence.values())
        ids = [f["figure_id"] for f in members]
        # every figure of a repeated fact supports it; distinct parts split them
        shares = [[ids[i]] for i in range(copies)]
        shares[0].extend(ids[copies:])
        first = members[0]
        for share in shares:
            facts.append(
                {
                    "value": first["value"],
                    "qualifier": first["qualifier"],
                    "denominator": first["denominator"],
                    "units": [first["unit"]] if first["unit"] else [],
                    "unit_key": first["unit_key"],
                    "breakdown": first["breakdown"],
                    "figure_ids": share,
                    "repeated": len(members) > copies,
                }
            )
    return facts


def _document_value(figures: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    """One document's value for one indicator and kind (rules 4a-4f)."""
    ids = {f["figure_id"] for f in figures}
    wholes = [f for f in figures if f.get("part_of") not in ids]
    steps = ["total_over_parts"] if len(wholes) < len(figures) else []
    facts = _facts(wholes)
    if any(f["repeated"] for f in facts):
        steps.append("repeat_once")
    totals = [f for f in facts if f["breakdown"] is None]
    if totals:
        if len(totals) < len(facts):
            steps.append("total_over_breakdown")
        parts = totals
    else:
        # distinct levels of one whole: summed whatever the kind
        steps.append("from_breakdown")
        parts = facts
    if kind == "stock" and totals and len(parts) > 1:
        by_unit: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for fact in parts:
            by_unit[fact["unit_key"]].append(fact)
        largest = []
        for same_unit in by_unit.values():
            if len(same_unit) > 1:
                steps.append("largest")
            largest.append(max(same_unit, key=lambda f: f["value"]))
        if len(largest) > 1:
            steps.append("sum_of_units")
        parts = largest
    elif len(parts) > 1:
        steps.append("sum_of_parts")
    result = _sum(parts)
    result["aggregation"] = "+".join(dict.fromkeys(steps)) or "single"
    return result


def _sentence_key(fig: dict[str, Any], figure_id: str) -> Any:
    """Which sentence a figure stands in; unknown sentences stand alone."""
    sentence = _get(fig, "sentence")
    if sentence is None:
        return figure_id
    return (_get(fig, "sentence_start", 0), sentence)


def _figure_rows(figures: pd.DataFrame, documents: pd.DataFrame) -> list[dict[str, Any]]:
    docs = {row["doc_id"]: row for row in documents.to_dict("records")} if len(documents) else {}
    rows = []
    for fig in figures.to_dict("records"):
        indicator = _get(fig, "indicator", UNCLASSIFIED)
        value = _get(fig, "value")
        if indicator == UNCLASSIFIED or value is None or _get(fig, "scope") == NATIONAL:
            continue  # rules 1 and 3
        doc = docs.get(fig["doc_id"], {})
        province = _get(fig, "province", _get(doc, "province"))
        unit = _get(fig, "unit")
        figure_id = _get(fig, "figure_id") or stable_id(
            "figure",
            fig["doc_id"],
            int(_get(fig, "number_start", 0)),
            int(_get(fig, "number_end", 0)),
        )
        period = _get(fig, "period", _get(doc, "period"))
        own_span = _get(fig, "period_precision", "unknown") != "unknown"
        span = {c: _get(fig if own_span else doc, c) for c in PERIOD_COLUMNS}
        span["period_precision"] = span["period_precision"] or "unknown"
        rows.append(
            {
                "doc_id": fig["doc_id"],
                "figure_id": figure_id,
                "indicator": indicator,
                "kind": _get(fig, "kind", UNKNOWN_KIND),
                "value": float(value),
                "qualifier": _get(fig, "qualifier", "exact"),
                "denominator": _get(fig, "denominator"),
                "unit": unit,
                "unit_key": " ".join(str(unit).lower().split()) if unit else "",
                "breakdown": _get(fig, "breakdown"),
                "sentence_key": _sentence_key(fig, figure_id),
                "province": province,
                "province_2025": _get(fig, "province_2025", _get(doc, "province_2025")),
                "period": int(period) if period is not None else None,
                **span,
                "measure": "percent" if unit == "%" else "count",
                "part_of": _get(fig, "part_of"),
                "scope": _get(doc, "scope", "province"),
                "scope_name": _get(doc, "scope_name") if _get(doc, "scope") != "province" else None,
                "doc_province": _get(doc, "province"),
                "published": str(_get(doc, "published", "")),
            }
        )
    return rows


def _specificity(candidate: dict[str, Any], province: Any) -> tuple:
    """Sort key of rule 5: larger is preferred."""
    return (
        candidate["doc_province"] == province and province is not None,
        candidate["qualifier"] == "exact",
        candidate["published"],
        candidate["doc_id"],
    )


def _format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def province_indicators(figures: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The comparable table: one row per province, period, indicator, kind and scope.

    See the module docstring for the rules. ``figures`` has the columns of the
    ``figures`` table (``figure_id`` optional), ``documents`` those of the
    ``documents`` table (``doc_id``, ``province``, ``province_2025``,
    ``period``, ``scope``, ``scope_name``, ``published``).
    """
    rows = _figure_rows(figures, documents)
    by_doc: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_doc[(*(row[k] for k in KEY), row["doc_id"])].append(row)
    cells: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for key, doc_figures in by_doc.items():
        first = doc_figures[0]
        value = _document_value(doc_figures, first["kind"])
        value.update(
            doc_id=first["doc_id"],
            doc_province=first["doc_province"],
            published=first["published"],
        )
        cells[key[:-1]].append(value)
    out = []
    for key, candidates in cells.items():
        record = dict(zip(KEY, key, strict=True))
        chosen = max(candidates, key=lambda c: _specificity(c, record["province"]))
        agreeing = [
            c
            for c in candidates
            if c["value"] == chosen["value"] and c["qualifier"] == chosen["qualifier"]
        ]
        others = [c for c in candidates if c not in agreeing]
        record.update(
            value=chosen["value"],
            qualifier=chosen["qualifier"],
            denominator=chosen["denominator"],
            unit="; ".join(chosen["units"]) or None,
            aggregation=chosen["aggregation"],
            n_figures=sum(len(c["figure_ids"]) for c in agreeing),
            n_documents=len(agreeing),
            figure_ids=";".join(f for c in agreeing for f in c["figure_ids"]),
            doc_ids=";".join(sorted(c["doc_id"] for c in agreeing)),
            conflict=bool(others),
            conflict_values="; ".join(
                f"{_format_number(c['value'])} {c['qualifier']} ({c['doc_id']})"
                for c in sorted(candidates, key=lambda c: (c["value"], c["doc_id"]))
            )
            if others
            else None,
            chosen_doc_id=chosen["doc_id"],
        )
        out.append(record)
    table = pd.DataFrame(out, columns=INDICATOR_COLUMNS)
    if table.empty:
        return table
    table["period"] = table["period"].astype("Int64")
    return table.sort_values(
        ["province_2025", "province", "period_end", "period_start", "scope", "scope_name"]
        + ["indicator", "kind", "measure"],
        na_position="last",
        kind="stable",
    ).reset_index(drop=True)


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
            _get(row, "province_2025"),
            _get(row, "province"),
            _get(row, "period"),
            *(_get(row, c) for c in PERIOD_COLUMNS),
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
