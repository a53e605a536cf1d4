"""What the comparison plots draw, as tables: pure pandas, tested without matplotlib.

Rules that keep a comparison honest:

* a bar is one row of ``province_indicators.csv`` (one province, period,
  indicator and kind): rows are never summed into another bar, even when two
  provinces merged into one ``province_2025`` (both bars are kept, labelled
  with the province as written);
* a value without a province or without a period is never a bar among the
  provinces: it goes to ``apart``, one entry per document (the comparable
  table may hold one row for several unrelated documents of unknown province;
  it is split back into its documents through ``doc_ids`` and
  ``conflict_values``);
* periods are labelled as spans (``period_label`` when the table has it,
  else the year).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from extractors.figures.descriptions import indicator_descriptions

SIGNS = {"more_than": ">", "about": "≈", "at_least": "≥"}
NO_PROVINCE = "không rõ tỉnh"
NO_PERIOD = "không rõ kỳ"
CANDIDATE = re.compile(r"^\s*(?P<value>[-\d.eE+]+)\s+(?P<qualifier>\w+)\s+\((?P<doc>[^)]+)\)\s*$")
UNKNOWN_COLUMN = "(unknown)"
THEME_INFO_COLUMNS = {
    "theme",
    "recurring",
    "n_provinces",
    "n_documents",
    "n_clauses",
    "provinces",
    "example_ids",
}


def sort_key(text: str) -> str:
    """Alphabetical order for Vietnamese names (Đ after D, accents ignored)."""
    text = str(text).replace("Đ", "D~").replace("đ", "d~")
    return "".join(
        c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c)
    )


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or str(value) == ""


def period_labels(frame: pd.DataFrame) -> pd.Series:
    """``period_label`` where the table has one, else the year, else empty."""
    label = pd.Series([""] * len(frame), index=frame.index, dtype=object)
    if "period_label" in frame.columns:
        label = frame["period_label"].map(lambda v: "" if _blank(v) else str(v))
    if "period" in frame.columns:
        years = frame["period"].map(
            lambda v: "" if _blank(v) else str(int(float(v))) if _is_number(v) else str(v)
        )
        label = label.where(label != "", years)
    return label


def _is_number(value) -> bool:
    try:
        float(value)
        return True
    except (TypeError, ValueError):
        return False


def shown(value: float, qualifier: str | None, conflict: bool = False) -> str:
    """``>145410``, ``≈22000``; ``(!)`` when documents disagree."""
    number = f"{int(value):,}" if float(value).is_integer() else f"{value:,.4g}"
    return SIGNS.get(str(qualifier), "") + number.replace(",", ".") + (" (!)" if conflict else "")


def _true(value) -> bool:
    return str(value).strip().lower() in {"true", "1", "yes"}


@dataclass
class PlotData:
    placed: pd.DataFrame  # indicator, group, province, period, kind, value, qualifier, shown, ...
    apart: pd.DataFrame  # indicator, doc_id, province, period, kind, value, qualifier, shown, why
    excluded_scopes: int  # district / commune rows left out of a province comparison


PLACED = ["indicator", "group", "province", "period", "kind", "value", "qualifier", "conflict"]
APART = ["indicator", "doc_id", "province", "period", "kind", "value", "qualifier", "why"]


def _split_documents(row: dict) -> list[dict]:
    """One entry per document behind a row (see the module docstring)."""
    candidates = [CANDIDATE.match(p) for p in str(row.get("conflict_values") or "").split(";")]
    if any(candidates) and not _blank(row.get("conflict_values")):
        return [
            {"doc_id": m["doc"], "value": float(m["value"]), "qualifier": m["qualifier"]}
            for m in candidates
            if m
        ]
    docs = [d for d in str(row.get("doc_ids") or "").split(";") if d] or [""]
    return [{"doc_id": d, "value": row["value"], "qualifier": row["qualifier"]} for d in docs]


def plot_data(indicators: pd.DataFrame, group: str = "province", scope: str = "province"):
    """Split ``province_indicators`` into comparable bars and values shown apart."""
    if indicators.empty or "indicator" not in indicators.columns:
        return PlotData(pd.DataFrame(columns=PLACED), pd.DataFrame(columns=APART), 0)
    frame = indicators.copy()
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    frame = frame[(frame["indicator"] != "unclassified") & frame["value"].notna()]
    excluded = 0
    if "scope" in frame.columns:
        other = frame["scope"].fillna(scope) != scope
        excluded = int(other.sum())
        frame = frame[~other]
    group = group if group in frame.columns else "province"
    frame["period"] = period_labels(frame)
    frame["group"] = frame[group].map(lambda v: "" if _blank(v) else str(v))
    frame["province"] = frame["province"].map(lambda v: "" if _blank(v) else str(v))
    frame["kind"] = frame.get("kind", pd.Series("", index=frame.index)).fillna("")
    frame["qualifier"] = frame.get("qualifier", pd.Series("exact", index=frame.index))
    frame["qualifier"] = frame["qualifier"].fillna("exact")
    frame["conflict"] = frame.get("conflict", pd.Series(False, index=frame.index)).map(_true)
    known = (frame["group"] != "") & (frame["period"] != "")
    placed = frame[known][PLACED].copy()
    placed["shown"] = [
        shown(v, q, c)
        for v, q, c in zip(placed["value"], placed["qualifier"], placed["conflict"], strict=True)
    ]
    apart_rows = []
    for row in frame[~known].to_dict("records"):
        why = NO_PROVINCE if row["group"] == "" else NO_PERIOD
        if row["group"] == "" and row["period"] == "":
            why = f"{NO_PROVINCE}, {NO_PERIOD}"
        for doc in _split_documents(row):
            apart_rows.append(
                {**{k: row.get(k) for k in APART}, **doc, "why": why, "province": row["group"]}
            )
    apart = pd.DataFrame(apart_rows, columns=APART)
    if len(apart):
        apart = apart.assign(_key=apart["province"].map(lambda p: sort_key(p or "~")))
        apart = apart.sort_values(["indicator", "_key", "period", "doc_id"]).drop(columns="_key")
        apart = apart.reset_index(drop=True)
    apart["shown"] = [shown(v, q) for v, q in zip(apart["value"], apart["qualifier"], strict=True)]
    placed = placed.assign(_key=placed["group"].map(sort_key)).sort_values(
        ["indicator", "_key", "period", "kind"]
    )
    return PlotData(placed.drop(columns="_key").reset_index(drop=True), apart, excluded)


def indicator_order(data: PlotData) -> list[str]:
    """Codebook order, then any other code, for indicators that have something to show."""
    present = set(data.placed["indicator"]) | set(data.apart["indicator"])
    codebook = [d.code for d in indicator_descriptions() if d.code in present]
    return codebook + sorted(present - set(codebook))


def log_scale(values: pd.Series, spread: float = 100.0) -> bool:
    """Log when the positive values span more than ``spread`` times (orders of magnitude)."""
    positive = values[values > 0]
    return len(positive) > 1 and positive.max() / positive.min() >= spread


def themes_matrix(themes: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Theme x province integer counts (provinces as columns, sorted), and the
    counts of clauses without a province, kept apart.

    Reads either layout of ``weakness_themes.csv``: one row per theme,
    province and period with ``n_clauses`` (clauses of all periods are added:
    the cell counts clauses), or one row per theme with a column per province.
    """
    if themes.empty or "theme" not in themes.columns:
        return pd.DataFrame(), pd.Series(dtype=int)
    count = next((c for c in ("count", "n_clauses") if c in themes.columns), None)
    if "province" in themes.columns and count:  # long: theme, province, (period), count
        long = themes.assign(
            province=themes["province"].map(lambda p: UNKNOWN_COLUMN if _blank(p) else str(p)),
            _n=pd.to_numeric(themes[count], errors="coerce").fillna(0),
        )
        wide = long.pivot_table(
            index="theme", columns="province", values="_n", aggfunc="sum", fill_value=0
        )
    else:
        provinces = [c for c in themes.columns if c not in THEME_INFO_COLUMNS]
        wide = themes.set_index("theme")[provinces]
    wide = wide.apply(pd.to_numeric, errors="coerce").fillna(0).round().astype(int)
    unknown_names = [c for c in wide.columns if c in {UNKNOWN_COLUMN, "", NO_PROVINCE}]
    unknown = wide[unknown_names].sum(axis=1) if unknown_names else pd.Series(0, index=wide.index)
    wide = wide.drop(columns=unknown_names)
    wide = wide[sorted(wide.columns, key=sort_key)]
    keep = (wide.sum(axis=1) + unknown) > 0
    wide, unknown = wide[keep], unknown[keep].astype(int)
    order = (wide.sum(axis=1) + unknown).sort_values(ascending=False, kind="stable").index
    return wide.loc[order], unknown.loc[order]
