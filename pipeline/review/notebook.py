"""The logic behind the two notebooks, so the notebooks stay a few lines each.

``review_extractions.ipynb``: pick a document from a list, read it with its
records highlighted, page through its figures in sortable tables (itables,
embedded: no network). ``compare_provinces.ipynb``: the comparison plots of
``pipeline.review.plots`` and the tables behind them.

Everything here works without a browser (headless execution in the tests):
the widgets are an addition, each cell also prints a static result.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.review import highlight
from pipeline.review.plot_data import plot_data
from pipeline.review.report_tables import labels_vi, period_text

FIGURE_VIEW = [
    "indicator",
    "label_vi",
    "value",
    "unit",
    "qualifier",
    "kind",
    "period",
    "evidence",
    "confidence",
    "figure_id",
]
PAGE_LENGTH = 10


def out_folder(default: str = "../out") -> Path:
    """``ANTQ_OUT`` (``make notebooks`` sets it), else ``../out`` seen from notebooks/."""
    return Path(os.environ.get("ANTQ_OUT", default))


def interactive_tables() -> bool:
    """Embed the DataTables library in the notebook (offline); False without itables."""
    try:
        from itables import init_notebook_mode
    except ImportError:
        return False
    init_notebook_mode(all_interactive=False, connected=False)
    return True


def table(frame: pd.DataFrame, caption: str = "") -> Any:
    """A sortable, paged table when itables is there, else the DataFrame itself."""
    try:
        from itables import show
    except ImportError:
        return frame
    show(
        frame,
        caption=caption or None,
        pageLength=PAGE_LENGTH,
        classes="display compact",
        maxBytes=0,
    )
    return None


def document_choices(documents: pd.DataFrame) -> list[tuple[str, str]]:
    """(label, doc_id) per document: ``Tỉnh · kỳ · tiêu đề (n số liệu)``, by province and period."""
    choices = []
    for doc in documents.to_dict("records"):
        province = doc.get("province")
        province = province if highlight.present(province) else "không rõ tỉnh"
        period = period_text(doc) or "không rõ kỳ"
        title = str(doc["title"] if highlight.present(doc.get("title")) else doc["doc_id"])
        title = title if len(title) <= 70 else title[:69] + "…"
        n = int(doc["n_figures"]) if highlight.present(doc.get("n_figures")) else 0
        choices.append((f"{province} · {period} · {title} ({n} số liệu)", str(doc["doc_id"])))
    return choices


def figure_view(figures: pd.DataFrame) -> pd.DataFrame:
    """A document's figures as a reviewer reads them: reading order, Vietnamese label."""
    if figures.empty:
        return pd.DataFrame(columns=FIGURE_VIEW)
    frame = figures.sort_values([c for c in ("start", "figure_id") if c in figures.columns])
    frame = frame.assign(label_vi=frame["indicator"].map(labels_vi()).fillna(""))
    if "value" in frame.columns:
        frame["value"] = [
            highlight.format_value(v, None, d)
            for v, d in zip(
                frame["value"], frame.get("denominator", [None] * len(frame)), strict=True
            )
        ]
    return frame[[c for c in FIGURE_VIEW if c in frame.columns]].reset_index(drop=True)


def show_document(review, doc_id: str, entities: bool = False) -> None:
    """The document highlighted, then its figures, weaknesses and solutions as tables."""
    from IPython.display import HTML, Markdown, display

    display(HTML(review.document_html(doc_id, entities=entities)))
    figures = figure_view(review.figures(doc_id))
    display(
        Markdown(
            f"**{len(figures)} số liệu** (bấm tiêu đề cột để sắp xếp; trang {PAGE_LENGTH} dòng)"
        )
    )
    if len(figures):
        table(figures, "Số liệu")
    weaknesses = review.weaknesses(doc_id)
    display(Markdown(f"**{len(weaknesses)} hạn chế**"))
    if len(weaknesses):
        table(weaknesses[[c for c in ("theme", "text", "weakness_id") if c in weaknesses]])


def picker(review, documents: pd.DataFrame, entities: bool = False):
    """A drop-down of documents; choosing one shows it below (needs ipywidgets)."""
    try:
        import ipywidgets as widgets
    except ImportError:
        return None
    choices = document_choices(documents)
    if not choices:
        return None
    dropdown = widgets.Dropdown(
        options=choices, description="Văn bản:", layout=widgets.Layout(width="95%")
    )
    output = widgets.Output()

    def render(change=None) -> None:
        output.clear_output()
        with output:
            show_document(review, dropdown.value, entities=entities)

    dropdown.observe(render, names="value")
    render()
    return widgets.VBox([dropdown, output])


def comparison(out: Path, group: str = "province"):
    """Plot data and figures for the compare notebook: (data, indicator fig, themes fig)."""
    from pipeline.review.plots import indicator_figure, read_csv, themes_figure

    data = plot_data(read_csv(out / "province_indicators.csv"), group=group)
    return data, indicator_figure(data), themes_figure(read_csv(out / "weakness_themes.csv"))


def comparison_table(data) -> pd.DataFrame:
    """The numbers behind the panels: indicator x (province, period), values with signs."""
    if data.placed.empty:
        return pd.DataFrame()
    frame = data.placed.assign(label_vi=data.placed["indicator"].map(labels_vi()))
    return frame.pivot_table(
        index=["group", "period", "kind"], columns="label_vi", values="shown", aggfunc="first"
    ).fillna("")
