"""Render a document's text as HTML with every extracted record highlighted in place.

The output is plain HTML with inline CSS (no JavaScript, no external resource),
so the same fragment shows in a Jupyter notebook and in the standalone report.
All text, labels and tooltips are HTML-escaped: a document that contains
``<script>`` shows those characters and runs nothing.

Spans may overlap (a figure inside a weakness clause, two figures sharing
words): the text is cut at every span boundary and each piece is wrapped in
one ``<mark>`` per span covering it, so the tags always nest. Each span gets a
track (the lowest free one, as in interval colouring) and draws its underline
that far below the text, so overlapping underlines stack instead of hiding
each other.
"""

from __future__ import annotations

import hashlib
import html
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from extractors.figures.descriptions import DATA as INDICATORS_YAML
from extractors.figures.descriptions import read_families

FAMILY_COLOURS = {
    "campaign": "#e15759",
    "outreach": "#f28e2b",
    "media": "#edc948",
    "tips": "#4e79a7",
    "cases": "#2f4b7c",
    "models": "#59a14f",
    "grassroots": "#8c6d31",
    "forums": "#b07aa1",
    "training": "#76b7b2",
    "charity": "#ff9da7",
    "awards": "#9c755f",
    "weapons": "#d37295",
    "unclassified": "#9e9e9e",
}
DEFAULT_COLOUR = "#6b7b8c"
# for families a researcher adds to the codebook later: stable, distinct colours
SPARE_COLOURS = ("#499894", "#86bcb6", "#fabfd2", "#b6992d", "#f1ce63", "#a0cbe8", "#ffbe7d")
KIND_COLOURS = {
    "weakness": "#c62828",
    "solution": "#2e7d32",
    "entity": "#7e57c2",
    "model": "#00838f",
}
QUALIFIER_SIGNS = {"more_than": ">", "about": "≈", "at_least": "≥", "exact": ""}
TRACK_GAP_PX = 5


def escape(value: object) -> str:
    """Text made safe for HTML content and attributes.

    ``://`` is written ``&#58;//``: a browser shows the same characters, but the
    file then holds no URL at all, only text that displays one, which keeps the
    standalone report checkable for external references with a plain grep.
    """
    return html.escape(str(value), quote=True).replace("://", "&#58;//")


@dataclass(frozen=True)
class Span:
    """One highlighted stretch of text."""

    start: int
    end: int
    label: str  # the badge shown at the start
    colour: str
    kind: str  # figure / weakness / solution / entity / model
    group: str  # legend entry: the indicator family, or the kind
    title: str = ""  # tooltip
    record_id: str = ""


def _yaml_families(path: str, mtime: float) -> dict[str, str]:
    del mtime  # part of the cache key only: an edited file is read again
    return read_families(path)


_cached_yaml_families = lru_cache(maxsize=4)(_yaml_families)


def indicator_families(path: str | Path | None = None) -> dict[str, str]:
    """Indicator code -> family, from ``indicators.yaml``; empty when it does not exist yet."""
    path = Path(path) if path else INDICATORS_YAML
    if not path.is_file():
        return {}
    return _cached_yaml_families(str(path), path.stat().st_mtime)


def family_of(indicator: str | None, families: Mapping[str, str]) -> str:
    """The indicator's family; without a codebook entry, the family its code starts with."""
    if not indicator or indicator == "unclassified":
        return "unclassified"
    if indicator in families:
        return families[indicator]
    for family in FAMILY_COLOURS:
        if family != "unclassified" and indicator.startswith(family.rstrip("s")):
            return family
    return "other"


def colour_of(family: str) -> str:
    if family in FAMILY_COLOURS:
        return FAMILY_COLOURS[family]
    if not family or family == "other":
        return DEFAULT_COLOUR
    digest = hashlib.sha1(family.encode("utf-8")).digest()
    return SPARE_COLOURS[digest[0] % len(SPARE_COLOURS)]


def format_value(value: Any, qualifier: Any = None, denominator: Any = None) -> str:
    """``>145410``, ``≈22000``, ``85/85``: the value as the pipeline understood it."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        text = "?"
    else:
        number = float(value)
        text = str(int(number)) if number.is_integer() else f"{number:g}"
    if denominator is not None and not (isinstance(denominator, float) and math.isnan(denominator)):
        text = f"{text}/{format_value(denominator)}"
    return QUALIFIER_SIGNS.get(str(qualifier), "") + text


def present(value: Any) -> bool:
    if value is None:
        return False
    try:
        return not pd.isna(value)
    except (TypeError, ValueError):
        return True


def _rows(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    if frame is None or frame.empty:
        return []
    return frame.to_dict("records")


def figure_spans(figures: pd.DataFrame | None, families: Mapping[str, str]) -> list[Span]:
    spans = []
    for row in _rows(figures):
        family = family_of(row.get("indicator"), families)
        value = format_value(row.get("value"), row.get("qualifier"), row.get("denominator"))
        label = f"{row.get('indicator') or 'unclassified'} {value}"
        details = [
            f"{key}: {row[key]}"
            for key in ("unit", "qualifier", "kind", "period", "breakdown", "confidence", "rule")
            if present(row.get(key))
        ]
        if row.get("reviewed"):
            label += " ✓"
            details.append("reviewed")
        spans.append(
            Span(
                int(row["start"]),
                int(row["end"]),
                label,
                colour_of(family),
                "figure",
                family,
                "; ".join([f"figure {row.get('figure_id', '')}", *details]),
                str(row.get("figure_id", "")),
            )
        )
    return spans


def _clause_spans(frame: pd.DataFrame | None, kind: str, id_column: str, label_of) -> list[Span]:
    spans = []
    for row in _rows(frame):
        label = label_of(row)
        if row.get("reviewed"):
            label += " ✓"
        spans.append(
            Span(
                int(row["start"]),
                int(row["end"]),
                label,
                KIND_COLOURS[kind],
                kind,
                kind,
                f"{kind} {row.get(id_column, '')}: {label}",
                str(row.get(id_column, "")),
            )
        )
    return spans


def spans_from_tables(
    figures: pd.DataFrame | None = None,
    weaknesses: pd.DataFrame | None = None,
    solutions: pd.DataFrame | None = None,
    entities: pd.DataFrame | None = None,
    named_models: pd.DataFrame | None = None,
    families: Mapping[str, str] | None = None,
) -> list[Span]:
    """Spans for every record row of one document."""
    families = indicator_families() if families is None else families
    return [
        *_clause_spans(
            weaknesses, "weakness", "weakness_id", lambda r: f"weakness: {r.get('theme')}"
        ),
        *_clause_spans(
            solutions,
            "solution",
            "solution_id",
            lambda r: "solution" + (f" {r['marker']}" if present(r.get("marker")) else ""),
        ),
        *_clause_spans(named_models, "model", "model_id", lambda r: "named model"),
        *_clause_spans(entities, "entity", "entity_id", lambda r: str(r.get("label"))),
        *figure_spans(figures, families),
    ]


def assign_tracks(spans: Iterable[Span]) -> dict[Span, int]:
    """Lowest free track per span, longer spans first at equal starts (they enclose)."""
    tracks: dict[Span, int] = {}
    ends: list[int] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.kind)):
        for track, end in enumerate(ends):
            if end <= span.start:
                ends[track] = span.end
                break
        else:
            track = len(ends)
            ends.append(span.end)
        tracks[span] = track
    return tracks


def _open_mark(span: Span, track: int) -> str:
    pad = 2 + TRACK_GAP_PX * track
    style = f"border-bottom:3px solid {span.colour};padding-bottom:{pad}px"
    if span.kind == "figure":
        style += f";background:{span.colour}2e"
    elif span.kind == "entity":
        style = style.replace("solid", "dotted")
    return (
        f'<mark class="antq-span antq-{span.kind}" style="{style}" '
        f'title="{escape(span.title)}" data-id="{escape(span.record_id)}">'
    )


def _badge(span: Span) -> str:
    return f'<span class="antq-lbl" style="background:{span.colour}">{escape(span.label)}</span>'


def render_text(text: str, spans: Iterable[Span]) -> str:
    """The text as an HTML ``<div>`` with the spans highlighted; everything escaped."""
    size = len(text)
    kept = [
        replace(s, start=max(0, s.start), end=min(size, s.end))
        for s in spans
        if max(0, s.start) < min(size, s.end)
    ]
    tracks = assign_tracks(kept)
    cuts = sorted({0, size, *(s.start for s in kept), *(s.end for s in kept)})
    starting: dict[int, list[Span]] = {}
    for span in kept:
        starting.setdefault(span.start, []).append(span)
    active: list[Span] = []
    parts = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        active = [s for s in active if s.end > left]
        new = sorted(starting.get(left, []), key=lambda s: tracks[s])
        active = sorted([*active, *new], key=lambda s: tracks[s])
        piece = escape(text[left:right])
        if not active:
            parts.append(piece)
            continue
        opened = "".join(_open_mark(s, tracks[s]) for s in active)
        badges = "".join(_badge(s) for s in new)
        parts.append(opened + badges + piece + "</mark>" * len(active))
    depth = max(tracks.values(), default=0)
    line_height = 2.2 + 0.35 * depth
    return f'<div class="antq-text" style="line-height:{line_height:.2f}">{"".join(parts)}</div>'


def legend_html(spans: Iterable[Span]) -> str:
    groups: dict[str, str] = {}
    for span in spans:
        groups.setdefault(span.group, span.colour)
    if not groups:
        return ""
    items = "".join(
        f'<span class="antq-key"><span class="antq-swatch" style="background:{colour}"></span>'
        f"{escape(group)}</span>"
        for group, colour in sorted(groups.items())
    )
    return f'<div class="antq-legend">{items}</div>'


def _meta_html(document: Mapping[str, Any]) -> str:
    labels = [
        ("province", "Tỉnh"),
        ("province_2025", "Tỉnh (sau 1/7/2025)"),
        ("period", "Năm"),
        ("published", "Ngày đăng"),
        ("doc_id", "doc_id"),
        ("source", "Nguồn"),
        ("url", "URL"),
    ]
    cells = [
        f"<span><b>{escape(label)}:</b> {escape(str(document[key]))}</span>"
        for key, label in labels
        if present(document.get(key))
    ]
    return f'<div class="antq-meta">{" · ".join(cells)}</div>'


def document_fragment(document: Mapping[str, Any], spans: list[Span], anchor: str = "") -> str:
    """A document's header, legend and highlighted text, without the stylesheet."""
    title = document.get("title") if present(document.get("title")) else document.get("doc_id")
    anchor_attr = f' id="{escape(anchor)}"' if anchor else ""
    return (
        f'<section class="antq-doc"{anchor_attr}>'
        f"<h2>{escape(str(title))}</h2>"
        f"{_meta_html(document)}"
        f"{legend_html(spans)}"
        f"{render_text(str(document.get('text') or ''), spans)}"
        "</section>"
    )


CSS = """
.antq-doc { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; margin: 1em 0; }
.antq-doc h2 { font-size: 1.2em; margin: 0.3em 0; }
.antq-meta { color: #555; font-size: 0.85em; margin-bottom: 0.4em; }
.antq-legend { margin: 0.4em 0; font-size: 0.8em; }
.antq-key { margin-right: 1em; white-space: nowrap; }
.antq-swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em;
  vertical-align: middle; border-radius: 2px; }
.antq-text { white-space: pre-wrap; border: 1px solid #ddd; padding: 0.8em; max-height: 60em;
  overflow-y: auto; background: #fff; color: #111; }
mark.antq-span { background: transparent; color: inherit; }
.antq-lbl { font-size: 0.68em; color: #fff; border-radius: 3px; padding: 0 0.3em;
  margin-right: 0.2em; vertical-align: super; line-height: 1; white-space: nowrap; }
table.antq-table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0 1.5em; }
table.antq-table th, table.antq-table td { border: 1px solid #ccc; padding: 0.2em 0.5em;
  vertical-align: top; text-align: left; }
table.antq-table th { background: #f3f3f3; }
"""


def style_block() -> str:
    return f"<style>{CSS}</style>"


def _cell(value: Any) -> str:
    if not present(value):
        return ""
    if isinstance(value, float):
        return f"{value:.15g}"
    return escape(value)


def table_html(frame: pd.DataFrame, empty_message: str = "Không có dòng nào.") -> str:
    """A DataFrame as an escaped HTML table (or a short message when it is empty)."""
    if frame is None or frame.empty:
        return f"<p><i>{escape(empty_message)}</i></p>"
    head = "".join(f"<th>{escape(column)}</th>" for column in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(value)}</td>" for value in row) + "</tr>"
        for row in frame.itertuples(index=False, name=None)
    )
    return f'<table class="antq-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
