"""Comparison plots: what goes into a bar (never pooled unknowns), and the files written."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.review.plot_data import log_scale, plot_data, sort_key, themes_matrix
from pipeline.review.plots import write_plots
from pipeline.store.export import write_csv


def indicators() -> pd.DataFrame:
    rows = [
        # province, period, indicator, kind, value, qualifier, doc_ids, conflict_values
        ("Kon Tum", 2023, "tips_received", "flow", 726, "exact", "d1", None),
        ("Bạc Liêu", 2023, "tips_received", "flow", 1994, "more_than", "d2", None),
        ("Đà Nẵng", 2022, "tips_received", "flow", 400, "exact", "d3", None),
        ("An Giang", 2022, "tips_received", "flow", 600000, "exact", "d4", None),
        # one row of the comparable table for three unrelated documents without a province
        (
            None,
            2023,
            "tips_received",
            "flow",
            15,
            "exact",
            "d5",
            "15 exact (d5); 98826 exact (d6); 30000 more_than (d7)",
        ),
        # a province without a period
        ("Kon Tum", None, "tips_received", "flow", 5, "exact", "d8;d9", None),
        ("Kon Tum", 2023, "unclassified", "flow", 7, "exact", "d1", None),
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            "province",
            "period",
            "indicator",
            "kind",
            "value",
            "qualifier",
            "doc_ids",
            "conflict_values",
        ],
    )
    frame["province_2025"] = frame["province"]
    frame["scope"] = "province"
    frame["conflict"] = frame["conflict_values"].notna()
    return frame


def test_unknown_province_or_period_is_never_a_pooled_bar():
    data = plot_data(indicators())
    assert set(data.placed["group"]) == {"Kon Tum", "Bạc Liêu", "Đà Nẵng", "An Giang"}
    assert "" not in set(data.placed["group"]) and "" not in set(data.placed["period"])
    assert len(data.placed) == 4  # one bar per comparable row, nothing summed
    assert "unclassified" not in set(data.placed["indicator"])
    apart = data.apart.sort_values("doc_id")
    # the row of unknown province is split back into its three documents
    assert list(apart["doc_id"]) == ["d5", "d6", "d7", "d8", "d9"]
    assert list(apart["value"]) == [15, 98826, 30000, 5, 5]
    assert set(apart.loc[apart["doc_id"].isin(["d5", "d6", "d7"]), "why"]) == {"không rõ tỉnh"}
    assert set(apart.loc[apart["doc_id"].isin(["d8", "d9"]), "why"]) == {"không rõ kỳ"}


def test_provinces_sorted_the_vietnamese_way_and_period_label_preferred():
    frame = indicators()
    frame["period_label"] = ["2023", "6T/2023", None, "cộng dồn 2012-2023", None, None, None]
    data = plot_data(frame)
    assert list(data.placed["group"]) == ["An Giang", "Bạc Liêu", "Đà Nẵng", "Kon Tum"]
    assert dict(zip(data.placed["group"], data.placed["period"], strict=True)) == {
        "An Giang": "cộng dồn 2012-2023",
        "Bạc Liêu": "6T/2023",
        "Đà Nẵng": "2022",
        "Kon Tum": "2023",
    }
    assert sort_key("Đà Nẵng") > sort_key("Dak Lak")


def test_merged_provinces_keep_their_own_bars():
    frame = indicators().head(2)
    frame["province_2025"] = "Quảng Ngãi"
    data = plot_data(frame, group="province_2025")
    assert len(data.placed) == 2 and set(data.placed["province"]) == {"Kon Tum", "Bạc Liêu"}


def test_log_scale_when_values_span_orders_of_magnitude():
    assert log_scale(pd.Series([400.0, 600000.0]))
    assert not log_scale(pd.Series([400.0, 900.0]))


def test_theme_counts_are_integers_with_provinces_as_columns_and_unknown_apart():
    themes = pd.DataFrame(
        {
            "theme": ["awareness_low", "other"],
            "recurring": [True, False],
            "n_provinces": [2, 1],
            "Kon Tum": [2.0, 0.0],
            "Bạc Liêu": [1.0, 1.0],
            "(unknown)": [3.0, 0.0],
        }
    )
    wide, unknown = themes_matrix(themes)
    assert list(wide.columns) == ["Bạc Liêu", "Kon Tum"]
    assert wide.dtypes.map(pd.api.types.is_integer_dtype).all()
    assert unknown.to_dict() == {"awareness_low": 3, "other": 0}


def test_theme_counts_from_the_long_layout():
    themes = pd.DataFrame(
        {
            "theme": ["awareness_low", "awareness_low", "awareness_low", "other"],
            "province": ["Kon Tum", "Kon Tum", None, "Bạc Liêu"],
            "period_label": ["2022", "2023", None, None],
            "n_clauses": [1, 2, 4, 1],
        }
    )
    wide, unknown = themes_matrix(themes)
    assert wide.to_dict() == {
        "Bạc Liêu": {"awareness_low": 0, "other": 1},
        "Kon Tum": {"awareness_low": 3, "other": 0},
    }
    assert unknown.to_dict() == {"awareness_low": 4, "other": 0}


def test_write_plots_saves_png_and_svg_beside_the_csvs(tmp_path: Path):
    write_csv(indicators(), tmp_path / "province_indicators.csv")
    write_csv(
        pd.DataFrame({"theme": ["awareness_low"], "Kon Tum": [2], "(unknown)": [1]}),
        tmp_path / "weakness_themes.csv",
    )
    paths = write_plots(tmp_path)
    assert {p.name for p in paths} == {
        "province_indicators.png",
        "province_indicators.svg",
        "weakness_themes.png",
        "weakness_themes.svg",
    }
    svg = (tmp_path / "province_indicators.svg").read_text(encoding="utf-8")
    assert "Nguồn tin nhân dân cung cấp" in svg  # the codebook's label, as text
    assert "không rõ tỉnh" in svg
    assert all(p.stat().st_size > 1000 for p in paths)


def test_write_plots_on_an_empty_folder_writes_nothing(tmp_path: Path):
    assert write_plots(tmp_path) == []


def test_period_colours_in_time_order():
    from pipeline.review.plots import period_colours

    labels = ["2023", "19/8/2005 - 19/8/2025", "6T/2022", "2018 - 2023", "2022"]
    assert list(period_colours(labels)) == [
        "19/8/2005 - 19/8/2025",
        "2018 - 2023",
        "2022",
        "6T/2022",
        "2023",
    ]
