"""The functions behind the notebooks (the notebooks themselves run in test_notebooks.py)."""

from __future__ import annotations

import pandas as pd

from pipeline.review.notebook import comparison_table, document_choices, figure_view
from pipeline.review.plot_data import plot_data


def test_document_choices_say_province_period_title_and_count():
    documents = pd.DataFrame(
        {
            "doc_id": ["a1", "b2"],
            "title": ["Kết quả năm 2023", None],
            "province": ["Kon Tum", None],
            "period": [2023, None],
            "n_figures": [12, 0],
        }
    )
    assert document_choices(documents) == [
        ("Kon Tum · 2023 · Kết quả năm 2023 (12 số liệu)", "a1"),
        ("không rõ tỉnh · không rõ kỳ · b2 (0 số liệu)", "b2"),
    ]


def test_figure_view_in_reading_order_with_vietnamese_labels():
    figures = pd.DataFrame(
        {
            "figure_id": ["f2", "f1"],
            "indicator": ["tips_valuable", "tips_received"],
            "value": [655.0, 726.0],
            "denominator": [None, None],
            "start": [90, 10],
            "unit": ["nguồn tin", "nguồn tin"],
        }
    )
    view = figure_view(figures)
    assert list(view["figure_id"]) == ["f1", "f2"]
    assert list(view["value"]) == ["726", "655"]
    assert view["label_vi"].iloc[0] == "Nguồn tin nhân dân cung cấp"


def test_comparison_table_keeps_kinds_apart():
    frame = pd.DataFrame(
        {
            "province": ["Kon Tum", "Kon Tum"],
            "province_2025": ["Quảng Ngãi", "Quảng Ngãi"],
            "period": [2023, 2023],
            "indicator": ["models_active", "models_active"],
            "kind": ["stock", "flow"],
            "value": [50, 3],
            "qualifier": ["exact", "exact"],
            "scope": ["province", "province"],
        }
    )
    table = comparison_table(plot_data(frame))
    assert len(table) == 2 and set(table.iloc[:, 0]) == {"50", "3"}
