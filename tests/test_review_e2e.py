"""Review corrections survive a re-extraction by the real CLI; orphans are reported."""

from __future__ import annotations

import shutil

import pandas as pd
from conftest import SEEDS, run_antq
from conftest import read_csv as read

from pipeline.review.session import Review


def test_corrections_survive_a_forced_re_extraction_and_orphans_are_reported(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "out"
    run_antq("run", str(corpus), "--out", str(out))

    review = Review(out / "antq.duckdb", author="tester")
    figures = review.records("figures")
    by_value = {float(v): row for v, row in zip(figures.value, figures.itertuples(), strict=True)}
    rejected = by_value[2323].figure_id
    corrected = by_value[726].figure_id
    accepted = by_value[655].figure_id
    kontum = by_value[726].doc_id
    review.reject(rejected, reason="counted twice in this report")
    review.correct(corrected, value=727, qualifier="more_than", note="checked the PDF")
    review.accept(accepted)
    start, end = review.locate(kontum, "10 năm")
    added = review.add(kontum, start, end, indicator="unclassified", value=10, unit="năm")
    orphan = review.reject(by_value[91].figure_id, reason="a total of the breakdown below")

    # The Quảng Ninh article is edited: its figures (and the correction on one) are gone.
    quang_ninh = next(corpus.glob("003_*.txt"))
    quang_ninh.write_text(
        quang_ninh.read_text(encoding="utf-8").replace("Hiện toàn tỉnh có 91 mô hình", "Có"),
        encoding="utf-8",
    )
    result = run_antq("run", str(corpus), "--out", str(out), "--force")
    assert "(5 extracted" in result.stdout

    exported = read(out, "figures").set_index("figure_id")
    assert rejected not in exported.index
    assert exported.loc[corrected, "value"] == 727
    assert exported.loc[corrected, "qualifier"] == "more_than"
    assert str(exported.loc[corrected, "reviewed"]) == "True"
    assert str(exported.loc[accepted, "reviewed"]) == "True"
    assert exported.loc[added, "value"] == 10
    untouched = exported[exported.index != accepted]
    assert (untouched.reviewed.astype(str) == "False").sum() >= 60

    problems = read(out, "corrections_problems")
    assert problems.correction_id.tolist() == [orphan]
    listed = run_antq("review", "--out", str(out), "--problems").stdout
    assert orphan in listed or by_value[91].figure_id in listed

    shared = tmp_path / "corrections.csv"
    run_antq("review", "--out", str(out), "--export", str(shared))
    assert len(pd.read_csv(shared, encoding="utf-8-sig")) == 5
