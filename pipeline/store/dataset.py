"""The comparable cross-province dataset: ``province_indicators`` and its rules.

Pure functions, pandas in and pandas out; the export writes the results. The
recurring-theme tables are in :mod:`pipeline.store.theme_tables`.

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


def get_field(row: dict[str, Any], name: str, default: Any = None) -> Any:
    """``row[name]``, or ``default`` when it is missing, None, NaN or empty."""
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
    sentence = get_field(fig, "sentence")
    if sentence is None:
        return figure_id
    return (get_field(fig, "sentence_start", 0), sentence)


def _figure_rows(figures: pd.DataFrame, documents: pd.DataFrame) -> list[dict[str, Any]]:
    docs = {row["doc_id"]: row for row in documents.to_dict("records")} if len(documents) else {}
    rows = []
    for fig in figures.to_dict("records"):
        indicator = get_field(fig, "indicator", UNCLASSIFIED)
        value = get_field(fig, "value")
        if indicator == UNCLASSIFIED or value is None or get_field(fig, "scope") == NATIONAL:
            continue  # rules 1 and 3
        doc = docs.get(fig["doc_id"], {})
        province = get_field(fig, "province", get_field(doc, "province"))
        unit = get_field(fig, "unit")
        figure_id = get_field(fig, "figure_id") or stable_id(
            "figure",
            fig["doc_id"],
            int(get_field(fig, "number_start", 0)),
            int(get_field(fig, "number_end", 0)),
        )
        period = get_field(fig, "period", get_field(doc, "period"))
        own_span = get_field(fig, "period_precision", "unknown") != "unknown"
        span = {c: get_field(fig if own_span else doc, c) for c in PERIOD_COLUMNS}
        span["period_precision"] = span["period_precision"] or "unknown"
        rows.append(
            {
                "doc_id": fig["doc_id"],
                "figure_id": figure_id,
                "indicator": indicator,
                "kind": get_field(fig, "kind", UNKNOWN_KIND),
                "value": float(value),
                "qualifier": get_field(fig, "qualifier", "exact"),
                "denominator": get_field(fig, "denominator"),
                "unit": unit,
                "unit_key": " ".join(str(unit).lower().split()) if unit else "",
                "breakdown": get_field(fig, "breakdown"),
                "sentence_key": _sentence_key(fig, figure_id),
                "province": province,
                "province_2025": get_field(fig, "province_2025", get_field(doc, "province_2025")),
                "period": int(period) if period is not None else None,
                **span,
                "measure": "percent" if unit == "%" else "count",
                "part_of": get_field(fig, "part_of"),
                "scope": get_field(doc, "scope", "province"),
                "scope_name": (
                    get_field(doc, "scope_name") if get_field(doc, "scope") != "province" else None
                ),
                "doc_province": get_field(doc, "province"),
                "published": str(get_field(doc, "published", "")),
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
