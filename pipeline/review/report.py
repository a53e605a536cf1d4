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
from pipeline.review.plot_data import sort_key
from pipeline.review.report_tables import (
    TABLE_CSS,
    doc_title,
    figures_table,
    fixed_table,
    is_flagged,
    labels_vi,
    period_text,
)
from pipeline.store.db import connect, read_table

_EMPTY = pd.DataFrame()
NO_PROVINCE = "Không rõ tỉnh"
WEAKNESS_COLUMNS = [
    ("theme", "Chủ đề", 18),
    ("text", "Hạn chế", 52),
    ("cue", "Từ báo hiệu", 14),
    ("weakness_id", "Mã", 16),
]
SOLUTION_COLUMNS = [
    ("marker", "Mục", 10),
    ("summary", "Tóm tắt", 58),
    ("theme", "Chủ đề", 16),
    ("solution_id", "Mã", 16),
]
CORRECTION_LOG_COLUMNS = [
    ("created_at", "Lúc", 12),
    ("author", "Người duyệt", 10),
    ("action", "Việc", 8),
    ("target_id", "Bản ghi", 13),
    ("doc_id", "Văn bản", 13),
    ("changes", "Thay đổi", 18),
    ("reason", "Lý do", 13),
    ("note", "Ghi chú", 13),
]

REPORT_CSS = """
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; margin: 1.5em auto;
  max-width: 78em; padding: 0 1em; color: #111; line-height: 1.4; overflow-wrap: anywhere; }
nav.antq-toc .antq-groups { columns: 2 28em; column-gap: 2em; }
nav.antq-toc .antq-group { break-inside: avoid; }
nav.antq-toc h3 { font-size: 1em; margin: 0 0 0.2em; padding-top: 0.6em; }
nav.antq-toc ul { margin: 0; padding-left: 1.2em; }
.antq-counts { color: #555; font-size: 0.85em; }
.antq-top { font-size: 0.8em; }
details > summary { cursor: pointer; margin: 0.4em 0; }
section.antq-docblock { border-top: 3px solid #ddd; margin-top: 2em; }
.antq-flag { color: #b00020; font-weight: bold; }
.antq-text { max-width: 100%; }
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


def _counts(figures: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    if figures.empty:
        empty = pd.Series(dtype=int)
        return empty, empty
    flagged = [is_flagged(row) for row in figures.to_dict("records")]
    frame = figures.assign(_flagged=flagged)
    return frame.groupby("doc_id").size(), frame.groupby("doc_id")["_flagged"].sum()


def _document_section(
    doc: dict[str, Any],
    split: dict[str, dict[str, pd.DataFrame]],
    families: dict[str, str],
    labels: dict[str, str],
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
    text = str(doc.get("text") or "")
    figures = parts["figures"]
    n_flagged = sum(is_flagged(r) for r in figures.to_dict("records")) if len(figures) else 0
    title = doc_title(doc)
    return (
        f'<section class="antq-docblock" id="{highlight.escape(_anchor(doc_id))}">'
        + f"<h2>{highlight.escape(str(title))}</h2>"
        + _meta(doc)
        + f"<h3>Số liệu ({len(figures)}; cần xem: {n_flagged})</h3>"
        + figures_table(figures, text, labels)
        + "<details><summary>Toàn văn, số liệu và hạn chế tô màu tại chỗ</summary>"
        + highlight.legend_html(spans)
        + highlight.render_text(text, spans)
        + "</details>"
        + f"<h3>Hạn chế ({len(parts['weaknesses'])})</h3>"
        + fixed_table(parts["weaknesses"], WEAKNESS_COLUMNS)
        + f"<h3>Giải pháp, kinh nghiệm ({len(parts['solutions'])})</h3>"
        + fixed_table(parts["solutions"], SOLUTION_COLUMNS)
        + f'<p class="antq-top">{highlight.escape(str(title))} · <a href="#top">↑ Mục lục</a></p>'
        + "</section>"
    )


META = [
    ("province", "Tỉnh"),
    ("province_2025", "Tỉnh (sau 1/7/2025)"),
    ("published", "Ngày đăng"),
    ("scope", "Phạm vi"),
    ("source", "Nguồn"),
    ("url", "URL"),
    ("doc_id", "doc_id"),
]


def _meta(doc: dict[str, Any]) -> str:
    cells = [("Kỳ", period_text(doc))] + [
        (label, str(doc[key])) for key, label in META if highlight.present(doc.get(key))
    ]
    return (
        '<div class="antq-meta">'
        + " · ".join(f"<b>{highlight.escape(k)}:</b> {highlight.escape(v)}" for k, v in cells if v)
        + "</div>"
    )


def _province(doc: dict[str, Any]) -> str:
    value = doc.get("province")
    return str(value) if highlight.present(value) and str(value).strip() else NO_PROVINCE


def order_documents(documents: pd.DataFrame) -> pd.DataFrame:
    """By province (unknown last), then period, then title."""
    if documents.empty:
        return documents
    frame = documents.copy()
    records = frame.to_dict("records")
    frame["_province"] = [_province(d) for d in records]
    frame["_unknown"] = frame["_province"] == NO_PROVINCE
    frame["_order"] = frame["_province"].map(sort_key)
    frame["_period"] = [period_text(d) or "~" for d in records]  # unknown period last
    frame["_title"] = [sort_key(doc_title(d)) for d in records]
    frame = frame.sort_values(["_unknown", "_order", "_period", "_title", "doc_id"])
    return frame.drop(columns=["_unknown", "_order", "_period", "_title"]).reset_index(drop=True)


def _toc(documents: pd.DataFrame, figures: pd.DataFrame) -> str:
    counts, flagged = _counts(figures)
    groups = []
    for province, docs in documents.groupby("_province", sort=False):
        items = []
        for doc in docs.to_dict("records"):
            title = doc_title(doc)
            period = period_text(doc) or "không rõ kỳ"
            anchor = highlight.escape(_anchor(str(doc["doc_id"])))
            n, bad = int(counts.get(doc["doc_id"], 0)), int(flagged.get(doc["doc_id"], 0))
            items.append(
                f'<li><a href="#{anchor}">{highlight.escape(title)}</a>'
                f' <span class="antq-counts">{highlight.escape(period)} · {n} số liệu'
                + (f", {bad} cần xem" if bad else "")
                + "</span></li>"
            )
        groups.append(
            f'<div class="antq-group"><h3>{highlight.escape(province)} ({len(docs)})</h3>'
            f"<ul>{''.join(items)}</ul></div>"
        )
    return (
        '<nav class="antq-toc"><h2>Văn bản theo tỉnh và kỳ</h2>'
        f'<div class="antq-groups">{"".join(groups)}</div></nav>'
    )


def report_html(store_path: str | Path, corrected: bool = True) -> str:
    """The whole review page as one HTML string."""
    tables = _load(store_path, corrected)
    documents = tables["documents"]
    documents = order_documents(documents)
    families = highlight.indicator_families()
    labels = labels_vi()
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
        body = _toc(documents, tables["figures"]) + "".join(
            _document_section(doc, split, families, labels) for doc in documents.to_dict("records")
        )
    log = tables["corrections"]
    if not log.empty:
        log = log.sort_values(["created_at", "correction_id"])
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        "<title>antq — duyệt kết quả trích xuất</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{highlight.CSS}{TABLE_CSS}{REPORT_CSS}</style></head>"
        '<body id="top"><h1>antq — duyệt kết quả trích xuất</h1>'
        + summary
        + HOW_TO_READ
        + _orphans(tables["orphans"])
        + body
        + "<details><summary>Nhật ký chỉnh sửa</summary>"
        + fixed_table(log, CORRECTION_LOG_COLUMNS, "Chưa có chỉnh sửa.")
        + "</details></body></html>\n"
    )


HOW_TO_READ = (
    '<p class="antq-counts">Mỗi văn bản: bảng số liệu theo thứ tự trong bài (câu gốc, số '
    "được tô vàng; ⚠ = chưa phân loại hoặc độ tin cậy thấp; ✓ = đã duyệt; “chi tiết” mở mã "
    "số liệu, độ tin cậy và quy tắc), rồi toàn văn tô màu và các hạn chế, giải pháp.</p>"
)


def _orphans(orphans: pd.DataFrame) -> str:
    if orphans.empty:
        return ""
    return f"<h2>Chỉnh sửa không còn áp dụng được ({len(orphans)})</h2>" + highlight.table_html(
        orphans, "Không có."
    )


def write_report(store_path: str | Path, out_html: str | Path, corrected: bool = True) -> Path:
    """Write the review page; returns its path."""
    out_html = Path(out_html)
    out_html.parent.mkdir(parents=True, exist_ok=True)
    out_html.write_text(report_html(store_path, corrected), encoding="utf-8")
    return out_html
