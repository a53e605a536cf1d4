"""Comparison plots drawn with matplotlib from the CSV files of a run.

``write_plots(out)`` saves, beside the CSVs, ``province_indicators.png`` /
``.svg`` (one panel per indicator) and ``weakness_themes.png`` / ``.svg``
(themes x provinces). Figures are made without pyplot, so nothing depends on a
display or on the notebook's backend. The notebook ``compare_provinces.ipynb`` shows the
same figures. What goes into a bar is decided in ``plot_data``.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import matplotlib
import matplotlib.colors
import matplotlib.patches
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from extractors.figures.descriptions import describe
from pipeline.review.plot_data import (
    NO_PERIOD,
    NO_PROVINCE,
    PlotData,
    indicator_order,
    log_scale,
    plot_data,
    themes_matrix,
)

APART_COLOUR = "#bdbdbd"
KIND_WORDS = {"stock": "hiện có", "flow": "", "unknown": "loại?"}
BAR_HEIGHT = 0.8


def read_csv(path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(path, encoding="utf-8-sig")
    except (OSError, pd.errors.EmptyDataError):
        return pd.DataFrame()


def _chronological(label: str) -> tuple:
    """Spans by their first year, then the shorter label (``2023`` before ``6T/2023``)."""
    years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", label)
    return (int(years[0]) if years else 9999, int(years[-1]) if years else 9999, len(label), label)


def period_colours(periods: list[str]) -> dict[str, str]:
    palette = matplotlib.colormaps["tab10"].colors + matplotlib.colormaps["Dark2"].colors
    ordered = sorted(set(periods), key=_chronological)
    return {p: matplotlib.colors.to_hex(palette[i % len(palette)]) for i, p in enumerate(ordered)}


def _thousands(value: float, _pos=None) -> str:
    if value == 0:
        return "0"
    return f"{value:,.0f}".replace(",", ".") if abs(value) >= 1 else f"{value:g}"


def _title(code: str) -> tuple[str, str]:
    info = describe(code)
    if info is None or not info.vi:
        return code, ""
    return f"{info.vi}\n({code})", info.axis


def _bars(data: PlotData, code: str) -> list[dict]:
    """Bars of one panel top to bottom: provinces (sorted), then values apart."""
    rows = []
    for row in data.placed[data.placed["indicator"] == code].to_dict("records"):
        kind = KIND_WORDS.get(row["kind"], row["kind"])
        label = row["group"]
        if row["province"] and row["province"] != row["group"]:
            label += f" ({row['province']})"
        rows.append({**row, "label": label + (f" · {kind}" if kind else ""), "apart": False})
    for row in data.apart[data.apart["indicator"] == code].to_dict("records"):
        where = row["province"] or NO_PROVINCE
        label = f"{where} · {row['period'] or NO_PERIOD} · văn bản {str(row['doc_id'])[:8]}"
        rows.append({**row, "label": label, "apart": True})
    return rows


def draw_panel(ax, data: PlotData, code: str, colours: dict[str, str]) -> None:
    bars = _bars(data, code)
    y = list(range(len(bars)))
    values = pd.Series([b["value"] for b in bars], dtype=float)
    colour = [APART_COLOUR if b["apart"] else colours.get(b["period"], "#4e79a7") for b in bars]
    ax.barh(
        y,
        values.clip(lower=0),
        height=BAR_HEIGHT,
        color=colour,
        hatch=None,
        edgecolor=["#777" if b["apart"] else "none" for b in bars],
    )
    ax.set_yticks(y, [b["label"] for b in bars], fontsize=8)
    ax.set_ylim(max(len(bars), 3) - 0.5, -0.5)  # top to bottom; a lone bar stays a bar
    logarithmic = log_scale(values)
    if logarithmic:
        ax.set_xscale("log")
    top = max(values.max(), 1)
    ax.set_xlim(
        (max(values[values > 0].min() / 3, 0.5) if logarithmic else 0),
        top * (8 if logarithmic else 1.3),
    )
    for position, bar in zip(y, bars, strict=True):
        ax.text(
            max(bar["value"], 0.5 if logarithmic else 0),
            position,
            " " + bar["shown"],
            va="center",
            ha="left",
            fontsize=8,
        )
    n_apart = sum(b["apart"] for b in bars)
    if n_apart and n_apart < len(bars):
        ax.axhline(len(bars) - n_apart - 0.5, color="#555", linewidth=0.8, linestyle="--")
    title, unit = _title(code)
    ax.set_title(title, fontsize=10, loc="left")
    ax.set_xlabel((unit or "giá trị") + (" (thang log)" if logarithmic else ""), fontsize=8)
    ax.xaxis.set_major_formatter(FuncFormatter(_thousands))
    if not logarithmic:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    ax.tick_params(axis="x", labelsize=7)
    ax.grid(axis="x", color="#eee")
    ax.set_axisbelow(True)


def indicator_figure(data: PlotData, ncols: int = 2) -> Figure | None:
    """One panel per indicator; ``None`` when there is nothing to draw."""
    codes = indicator_order(data)
    if not codes:
        return None
    heights = [0.28 * max(3, len(_bars(data, c))) + 1.1 for c in codes]
    nrows = math.ceil(len(codes) / ncols)
    row_heights = [max(heights[r * ncols : (r + 1) * ncols]) for r in range(nrows)]
    fig = Figure(figsize=(7.5 * ncols, sum(row_heights) + 1.2))
    axes = fig.subplots(
        nrows,
        ncols,
        squeeze=False,
        gridspec_kw={"height_ratios": row_heights},
    )
    colours = period_colours(list(data.placed["period"]))
    for ax, code in zip(axes.flat, codes, strict=False):
        draw_panel(ax, data, code, colours)
    for ax in list(axes.flat)[len(codes) :]:
        ax.set_visible(False)
    handles = [matplotlib.patches.Patch(color=c, label=p) for p, c in colours.items()]
    if len(data.apart):
        handles.append(
            matplotlib.patches.Patch(
                facecolor=APART_COLOUR,
                edgecolor="#777",
                label="không rõ tỉnh hoặc kỳ: từng văn bản, không gộp",
            )
        )
    fig.legend(
        handles=handles,
        title="Kỳ báo cáo",
        loc="upper center",
        ncol=min(6, len(handles)),
        bbox_to_anchor=(0.5, 1.0),
        fontsize=8,
        title_fontsize=9,
        frameon=False,
    )
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.9 / (sum(row_heights) + 1.2)))
    return fig


def themes_figure(themes: pd.DataFrame) -> Figure | None:
    """Weakness themes x provinces (columns), integer counts; unknown province apart."""
    wide, unknown = themes_matrix(themes)
    if wide.empty:
        return None
    apart = bool(unknown.sum())
    width = 0.75 * len(wide.columns) + 4 + (1.2 if apart else 0)
    fig = Figure(figsize=(width, 0.45 * len(wide) + 2.4))
    axes = fig.subplots(
        1,
        2 if apart else 1,
        squeeze=False,
        gridspec_kw={"width_ratios": [max(1, len(wide.columns)), 1] if apart else [1]},
    )
    ax = axes[0][0]
    peak = max(int(wide.values.max()), 1)
    image = ax.imshow(wide.values, cmap="Reds", aspect="auto", vmin=0, vmax=peak)
    ax.set_xticks(range(len(wide.columns)), wide.columns, rotation=40, ha="right", fontsize=8)
    ax.set_yticks(range(len(wide.index)), wide.index, fontsize=8)
    for (i, j), value in pd.DataFrame(wide.values).stack().items():
        if value:
            ax.text(
                j,
                i,
                str(int(value)),
                ha="center",
                va="center",
                fontsize=8,
                color="white" if value > peak / 2 else "black",
            )
    bar = fig.colorbar(image, ax=ax, label="số hạn chế", fraction=0.04)
    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    ax.set_title("Hạn chế theo chủ đề và tỉnh", loc="left", fontsize=10)
    if apart:
        side = axes[0][1]
        side.imshow(
            unknown.values.reshape(-1, 1),
            cmap="Greys",
            aspect="auto",
            vmin=0,
            vmax=max(int(unknown.max()), 1) * 2,
        )
        side.set_xticks([0], ["không rõ tỉnh"], rotation=40, ha="right", fontsize=8)
        side.set_yticks([])
        for i, value in enumerate(unknown.values):
            if value:
                side.text(0, i, str(int(value)), ha="center", va="center", fontsize=8)
        side.set_title("để riêng", fontsize=9)
    fig.tight_layout()
    return fig


def _save(fig: Figure, stem: Path) -> list[Path]:
    paths = [stem.with_suffix(".png"), stem.with_suffix(".svg")]
    fig.savefig(paths[0], dpi=110, bbox_inches="tight")
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text stays text: searchable
        fig.savefig(paths[1], bbox_inches="tight")
    return paths


def write_plots(out: Path, group: str = "province") -> list[Path]:
    """Save the plots as PNG and SVG beside the CSV files of ``out``; returns the paths."""
    out = Path(out)
    written: list[Path] = []
    data = plot_data(read_csv(out / "province_indicators.csv"), group=group)
    fig = indicator_figure(data)
    if fig is not None:
        written += _save(fig, out / "province_indicators")
    fig = themes_figure(read_csv(out / "weakness_themes.csv"))
    if fig is not None:
        written += _save(fig, out / "weakness_themes")
    return written
