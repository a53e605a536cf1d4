"""Tables of the review page that fit a screen: fixed column widths, wrapping text.

The figures table shows what a reviewer checks first (indicator, value, unit,
qualifier, kind, period and the sentence with the number marked); everything
else about a figure (ids, confidence, rule, breakdown, denominator, label)
sits in a ``<details>`` element under the sentence, closed until clicked.
Every piece of text goes through ``highlight.escape``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from extractors.figures.descriptions import indicator_descriptions
from pipeline.review import highlight

LOW_CONFIDENCE = 0.6
# column, heading, width in % of the table
FIGURE_COLUMNS = [
    ("indicator", "Chỉ tiêu", 18),
    ("value", "Giá trị", 9),
    ("unit", "Đơn vị", 9),
    ("qualifier", "Mức", 8),
    ("kind", "Loại", 6),
    ("period", "Kỳ", 9),
    ("evidence", "Câu gốc (số được tô)", 41),
]
DETAIL_COLUMNS = [
    "figure_id",
    "confidence",
    "rule",
    "method",
    "breakdown",
    "part_of",
    "denominator",
    "label",
    "scope",
    "period_start",
    "period_end",
    "period_precision",
    "reviewed",
    "start",
    "end",
]
QUALIFIER_WORDS = {"exact": "đúng", "more_than": "hơn", "about": "khoảng", "at_least": "ít nhất"}
KIND_WORDS = {"flow": "trong kỳ", "stock": "hiện có", "unknown": "?"}

TABLE_CSS = """
table.antq-fixed { width: 100%; table-layout: fixed; border-collapse: collapse;
  font-size: 0.85em; margin: 0.5em 0 1.5em; }
table.antq-fixed th, table.antq-fixed td { border: 1px solid #ccc; padding: 0.25em 0.45em;
  vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: normal; }
table.antq-fixed th { background: #f3f3f3; }
table.antq-fixed td.antq-num { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
table.antq-fixed tr.antq-flagged td { background: #fff6e5; }
.antq-code { color: #666; font-size: 0.85em; display: block; }
mark.antq-ev { background: #ffe08a; padding: 0 0.1em; }
mark.antq-ev b { color: #7a2000; }
td details > summary { font-weight: normal; color: #555; font-size: 0.9em; }
dl.antq-more { display: grid; grid-template-columns: max-content 1fr; gap: 0 0.8em;
  margin: 0.3em 0; font-size: 0.9em; }
dl.antq-more dt { color: #555; } dl.antq-more dd { margin: 0; overflow-wrap: anywhere; }
"""


def labels_vi() -> dict[str, str]:
    """Indicator code -> Vietnamese label from the codebook."""
    return {d.code: d.vi for d in indicator_descriptions() if d.vi}


def doc_title(doc: Mapping[str, Any]) -> str:
    """The title, else the source file's name, else the id."""
    for key in ("title", "source"):
        value = doc.get(key)
        if highlight.present(value) and str(value).strip():
            return str(value) if key == "title" else str(value).replace("\\", "/").split("/")[-1]
    return str(doc.get("doc_id", ""))


def readable_number(value: Any, denominator: Any = None) -> str:
    """``1.200``, ``145.410``, ``2,5``, ``85/85``: numbers the way the reports write them."""
    if not highlight.present(value):
        return "?"
    number = float(value)
    text = f"{number:,.0f}" if number.is_integer() else f"{number:,.6g}"
    text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    if highlight.present(denominator):
        text += "/" + readable_number(denominator)
    return text


def period_text(row: Mapping[str, Any]) -> str:
    """The period as a reader says it: ``period_label`` when the store has it, else ``period``."""
    label = row.get("period_label")
    if highlight.present(label) and str(label).strip():
        return str(label)
    period = row.get("period")
    if not highlight.present(period) or str(period).strip() == "":
        return ""
    try:
        return str(int(float(period)))
    except (TypeError, ValueError):
        return str(period)


def fixed_table(
    frame: pd.DataFrame, columns: Sequence[tuple[str, str, int]], empty: str = "Không có."
) -> str:
    """A plain table with fixed widths (``columns``: name, heading, width %), text escaped."""
    columns = [c for c in columns if c[0] in frame.columns]
    if frame.empty or not columns:
        return f"<p><i>{highlight.escape(empty)}</i></p>"
    cols = "".join(f'<col style="width:{width}%">' for _, _, width in columns)
    head = "".join(f"<th>{highlight.escape(title)}</th>" for _, title, _ in columns)
    rows = []
    for record in frame.to_dict("records"):
        cells = "".join(f"<td>{_plain(record.get(name))}</td>" for name, _, _ in columns)
        rows.append(f"<tr>{cells}</tr>")
    return (
        f'<table class="antq-fixed"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _plain(value: Any) -> str:
    if not highlight.present(value):
        return ""
    if isinstance(value, float):
        return highlight.format_value(value)
    return highlight.escape(value)


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def marked_evidence(row: Mapping[str, Any], text: str) -> str:
    """The figure's sentence, escaped, with its span marked and the digits in bold."""
    start, end = _int(row.get("start")), _int(row.get("end"))
    number_start = _int(row.get("number_start"), start)
    number_end = _int(row.get("number_end"), end)
    sentence = row.get("sentence")
    if highlight.present(sentence) and str(sentence):
        sentence = str(sentence)
        offset = _int(row.get("sentence_start"))
    else:  # a figure added by a reviewer has no sentence: show the text around it
        offset = max(0, start - 160)
        sentence = text[offset : min(len(text), end + 160)]
    if not offset <= start <= end <= offset + len(sentence):
        return highlight.escape(sentence) or highlight.escape(text[start:end])
    number_start = max(start, min(number_start, end))
    number_end = max(number_start, min(number_end, end))
    cuts = sorted({start, end, number_start, number_end})
    a, b = cuts[0] - offset, cuts[-1] - offset
    inner = ""
    for left, right in zip(cuts, cuts[1:], strict=False):
        piece = highlight.escape(sentence[left - offset : right - offset])
        inner += f"<b>{piece}</b>" if number_start <= left and right <= number_end else piece
    return (
        highlight.escape(sentence[:a])
        + f'<mark class="antq-ev">{inner}</mark>'
        + highlight.escape(sentence[b:])
    )


def _details(row: Mapping[str, Any]) -> str:
    items = "".join(
        f"<dt>{highlight.escape(name)}</dt><dd>{_plain(row.get(name))}</dd>"
        for name in DETAIL_COLUMNS
        if name in row and highlight.present(row.get(name)) and str(row.get(name)) != ""
    )
    return f'<details><summary>chi tiết</summary><dl class="antq-more">{items}</dl></details>'


def is_flagged(row: Mapping[str, Any]) -> bool:
    confidence = pd.to_numeric(row.get("confidence"), errors="coerce")
    low = pd.isna(confidence) or float(confidence) < LOW_CONFIDENCE
    return low or row.get("indicator") in (None, "", "unclassified")


def _figure_row(row: Mapping[str, Any], text: str, labels: Mapping[str, str]) -> str:
    code = str(row.get("indicator") or "unclassified")
    flagged = is_flagged(row)
    label = labels.get(code, "chưa phân loại" if code == "unclassified" else "")
    mark = "⚠ " if flagged else ""
    reviewed = " ✓" if bool(row.get("reviewed")) and highlight.present(row.get("reviewed")) else ""
    qualifier = str(row["qualifier"]) if highlight.present(row.get("qualifier")) else ""
    kind = str(row["kind"]) if highlight.present(row.get("kind")) else ""
    cells = [
        f'{mark}{highlight.escape(label)}<span class="antq-code">{highlight.escape(code)}'
        f"{reviewed}</span>",
        highlight.escape(readable_number(row.get("value"), row.get("denominator"))),
        _plain(row.get("unit")),
        highlight.escape(QUALIFIER_WORDS.get(qualifier, qualifier)),
        highlight.escape(KIND_WORDS.get(kind, kind)),
        highlight.escape(period_text(row)),
        marked_evidence(row, text) + _details(row),
    ]
    classes = "antq-fig antq-flagged" if flagged else "antq-fig"
    tds = "".join(
        f'<td class="antq-num">{cell}</td>' if i == 1 else f"<td>{cell}</td>"
        for i, cell in enumerate(cells)
    )
    return f'<tr class="{classes}" id="{highlight.escape(row.get("figure_id", ""))}">{tds}</tr>'


def figures_table(figures: pd.DataFrame, text: str, labels: Mapping[str, str]) -> str:
    """One row per figure, in reading order."""
    if figures.empty:
        return "<p><i>Không có số liệu.</i></p>"
    keys = [k for k in ("start", "figure_id") if k in figures.columns]
    ordered = figures.sort_values(keys, kind="stable") if keys else figures
    cols = "".join(f'<col style="width:{width}%">' for _, _, width in FIGURE_COLUMNS)
    head = "".join(f"<th>{highlight.escape(title)}</th>" for _, title, _ in FIGURE_COLUMNS)
    body = "".join(_figure_row(row, text, labels) for row in ordered.to_dict("records"))
    return (
        f'<table class="antq-fixed antq-figures"><colgroup>{cols}</colgroup>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
