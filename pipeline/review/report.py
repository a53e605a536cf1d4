"""A review page without Jupyter: one self-contained HTML file for a browser.

The page holds every document with its records highlighted in place, the
tables of figures, weaknesses and solutions under each one, a table of
contents, the corrections log and the corrections that no longer apply.
Everything is inline (CSS in a ``<style>`` element, no script, no image, no
font or stylesheet from elsewhere), so the file can be mailed or opened
offline, and every piece of text from the corpus is HTML-escaped.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.review import highlight
from pipeline.review.corrections import TABLES, apply_corrections
from pipeline.review.session import FIGURE_TABLE_COLUMNS
from pipeline.store.db import connect, read_table

LOW_CONFIDENCE = 0.6
_EMPTY = pd.DataFrame()
WEAKNESS_COLUMNS = ["weakness_id", "theme", "text", "cue", "reviewed"]
SOLUTION_COLUMNS = ["solution_id", "marker", "summary", "theme", "reviewed"]
CORRECTION_LOG_COLUMNS = [
    "created_at",
    "author",
    "action",
    "target_id",
    "doc_id",
    "changes",
    "reason",
    "note",
]

REPORT_CSS = """
body { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; margin: 1.5em auto;
  max-width: 70em; padding: 0 1em; color: #111; }
nav.antq-toc ol { columns: 2; font-size: 0.9em; }
.antq-counts { color: #555; font-size: 0.85em; }
.antq-top { font-size: 0.8em; }
details > summary { cursor: pointer; font-weight: bold; margin: 0.4em 0; }
.antq-flag { color: #b00020; font-weight: bold; }
"""


def _load(store_path: str | Path, corrected: bool) -> dict[str, pd.DataFrame]:
    con = connect(store_path, read_only=True)
    try:
        tables = {
            name: read_table(con, name) for name in ["documents", "corrections", *TABLES.values()]
        }
    finally:
        con.close()
    problems = []
    for kind, table in TABLES.items():
        if corrected:
            tables[table], found = apply_corrections(
                tables[table], tables["corrections"], tables["documents"], kind=kind
            )
            problems.append(found)
    tables["orphans"] = pd.concat(problems, ignore_index=True) if problems else pd.DataFrame()
    return tables


def _by_doc(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Rows per document, split once (not filtered again for every document)."""
    if frame.empty or "doc_id" not in frame.columns:
        return {}
    return {str(doc_id): rows for doc_id, rows in frame.groupby("doc_id", sort=False)}


def _anchor(doc_id: str) -> str:
    return f"doc-{doc_id}"


def _figure_table(figures: pd.DataFrame, text: str) -> pd.DataFrame:
    if figures.empty:
        return figures
    frame = figures.copy()
    frame["evidence"] = [
        text[int(s) : int(e)] for s, e in zip(frame["start"], frame["end"], strict=False)
    ]
    confidence = pd.to_numeric(frame.get("confidence"), errors="coerce").fillna(0)
    flagged = (confidence < LOW_CONFIDENCE) | (frame["indicator"] == "unclassified")
    frame.insert(0, "flag", ["⚠" if f else "" for f in flagged])
    return frame[["flag", *(c for c in FIGURE_TABLE_COLUMNS if c in frame.columns)]]


def _columns(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    return frame[[c for c in columns if c in frame.columns]]


def _document_section(
    doc: dict[str, Any], split: dict[str, dict[str, pd.DataFrame]], families: dict[str, str]
) -> str:
    doc_id = str(doc["doc_id"])
    parts = {table: split[table].get(doc_id, _EMPTY) for table in TABLES.values()}
    spans = highlight.spans_from_tables(
        figures=parts["figures"],
        weaknesses=parts["weaknesses"],
        solutions=parts["solutions"],
        named_models=parts["named_models"],
        families=families,
    )
    figures = _figure_table(parts["figures"], str(doc.get("text") or ""))
    n_flagged = int((figures["flag"] != "").sum()) if not figures.empty else 0
    return (
        highlight.document_fragment(doc, spans, anchor=_anchor(doc_id))
        + f"<h3>Số liệu ({len(figures)}; cần xem: {n_flagged})</h3>"
        + highlight.table_html(figures, "Không có số liệu.")
        + f"<h3>Hạn chế ({len(parts['weaknesses'])})</h3>"
        + highlight.table_html(_columns(parts["weaknesses"], WEAKNESS_COLUMNS), "Không có.")
        + f"<h3>Giải pháp, kinh nghiệm ({len(parts['solutions'])})</h3>"
        + highlight.table_html(_columns(parts["solutions"], SOLUTION_COLUMNS), "Không có.")
        + '<p class="antq-top"><a href="#top">↑ Mục lục</a></p>'
    )


def _toc(documents: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> str:
    figures = tables["figures"]
    counts = figures.groupby("doc_id").size() if not figures.empty else pd.Series(dtype=int)
    items = []
    for doc in documents.to_dict("records"):
        title = doc.get("title") if highlight.present(doc.get("title")) else doc["doc_id"]
        where = " · ".join(
            highlight.escape(str(doc[k]))
            for k in ("province", "period")
            if highlight.present(doc.get(k))
        )
        anchor = highlight.escape(_anchor(str(doc["doc_id"])))
        items.append(
            f'<li><a href="#{anchor}">{highlight.escape(title)}</a>'
            f' <span class="antq-counts">{where} · {int(counts.get(doc["doc_id"], 0))} số liệu'
            "</span></li>"
        )
    return f'<nav class="antq-toc"><h2>Mục lục</h2><ol>{"".join(items)}</ol></nav>'


def report_html(store_path: str | Path, corrected: bool = True) -> str:
    """The whole review page as one HTML string."""
    tables = _load(store_path, corrected)
    documents = tables["documents"]
    if not documents.empty:
        documents = documents.sort_values(["province", "period", "title"], na_position="last")
    families = highlight.indicator_families()
    reviewed = int(tables["figures"]["reviewed"].sum()) if "reviewed" in tables["figures"] else 0
    summary = (
        f"<p>{len(documents)} văn bản · {len(tables['figures'])} số liệu "
        f"({reviewed} đã duyệt) · {len(tables['weaknesses'])} hạn chế · "
        f"{len(tables['corrections'])} chỉnh sửa · tạo lúc "
        f"{highlight.escape(datetime.now().strftime('%Y-%m-%d %H:%M'))}</p>"
    )
    if documents.empty:
        body = "<p><i>Kho dữ liệu chưa có văn bản nào.</i></p>"
    else:
        split = {table: _by_doc(tables[table]) for table in TABLES.values()}
        body = _toc(documents, tables) + "".join(
            _document_section(doc, split, families) for doc in documents.to_dict("records")
        )
    log = tables["corrections"]
    if not log.empty:
        log = log.sort_values(["created_at", "correction_id"])
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        "<title>antq — duyệt kết quả trích xuất</title>"
        f"<style>{highlight.CSS}{REPORT_CSS}</style></head>"
        '<body id="top"><h1>antq — duyệt kết quả trích xuất</h1>'
        + summary
        + "<h2>Chỉnh sửa không còn áp dụng được</h2>"
        + highlight.table_html(tables["orphans"], "Không có.")
        + body
        + "<details><summary>Nhật ký chỉnh sửa</summary>"
        + highlight.table_html(_columns(log, CORRECTION_LOG_COLUMNS), "Chưa có chỉnh sửa.")
        + "</details></body></html>\n"
    )


def write_report(store_path: str | Path, out_html: str | Path, corrected: bool = True) -> Path:
    """Write the review page; returns its path."""
    out_html = Path(out_html)
    out_html.parent.mkdir(parents=True, exist_ok=True)
    out_html.write_text(report_html(store_path, corrected), encoding="utf-8")
    return out_html
