"""Counts are integers in every CSV (``34``, never ``34.0``); money stays exact."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import OUTPUTS

from pipeline.store.export import integral, write_csv, write_table


def test_whole_floats_become_integers_and_fractions_stay(tmp_path: Path):
    frame = pd.DataFrame(
        {
            "value": [34.0, 22_000_000_000.0, 118_500_000_000.0],
            "denominator": [85.0, None, None],
            "mixed": [34.0, 95.5, None],
            "confidence": [1.0, 1.0, 1.0],
        }
    )
    write_csv(frame, tmp_path / "t.csv")
    lines = (tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[1:] == [
        "34,85,34,1.0",
        "22000000000,,95.5,1.0",
        "118500000000,,,1.0",
    ]
    assert str(integral(frame)["value"].dtype) == "Int64"
    assert integral(frame)["mixed"].dtype == float  # Parquet keeps a mixed column as float


def test_parquet_gets_integer_columns(tmp_path: Path):
    write_table(pd.DataFrame({"value": [3.0, 4.0]}), tmp_path, "t")
    assert str(pd.read_parquet(tmp_path / "parquet" / "t.parquet")["value"].dtype) == "Int64"


@pytest.mark.slow
@pytest.mark.parametrize("name", OUTPUTS)
def test_no_whole_number_is_written_as_a_float(seed_run: Path, name: str):
    text = (seed_run / f"{name}.csv").read_text(encoding="utf-8-sig")
    frame = pd.read_csv(seed_run / f"{name}.csv", encoding="utf-8-sig", dtype=str)
    for column in frame.columns:
        if column in {"confidence", "theme_score", "score", "sentence", "text", "summary"}:
            continue
        cells = frame[column].dropna()
        assert not cells.str.fullmatch(r"-?\d+\.0").any(), (name, column)
    assert text  # the file exists and was read
