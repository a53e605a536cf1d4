"""The researcher's commands around a run: report, plots, review --import, one --json style."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import read_csv, run_antq

pytestmark = pytest.mark.slow


def test_run_writes_the_report_with_every_figure(seed_run: Path):
    html = (seed_run / "report.html").read_text(encoding="utf-8")
    assert html.count('<tr class="antq-fig') == len(read_csv(seed_run, "figures"))
    assert "Kon Tum" in html and "://" not in html


def test_report_takes_the_output_folder(seed_run: Path, tmp_path: Path):
    out = tmp_path / "out"
    shutil.copytree(seed_run, out)
    (out / "report.html").unlink()
    result = run_antq("report", "--out", str(out))
    assert result.stdout.strip() == str(out / "report.html")
    assert (out / "report.html").is_file()


def test_a_missing_store_is_one_clear_line(tmp_path: Path):
    for command in (["report"], ["export"], ["review"]):
        result = run_antq(*command, "--out", str(tmp_path / "nothing"), check=False)
        assert result.returncode == 2, command
        assert "Traceback" not in result.stderr
        assert result.stderr.strip().startswith("no store at"), result.stderr


def test_plots_beside_the_csvs(seed_run: Path, tmp_path: Path):
    out = tmp_path / "out"
    shutil.copytree(seed_run, out)
    files = json.loads(run_antq("plots", "--out", str(out), "--json").stdout)["files"]
    assert {Path(f).name for f in files} >= {"province_indicators.png", "province_indicators.svg"}
    assert all(Path(f).parent == out for f in files)


def test_review_import_re_exports(seed_run: Path, tmp_path: Path):
    from pipeline.review.session import Review, export_corrections

    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    shutil.copytree(seed_run, mine)
    shutil.copytree(seed_run, theirs)
    target = read_csv(mine, "figures").iloc[0]["figure_id"]
    Review(theirs / "antq.duckdb", author="An").reject(target, reason="not a result")
    export_corrections(theirs / "antq.duckdb", tmp_path / "c.csv")
    result = run_antq("review", "--out", str(mine), "--import", str(tmp_path / "c.csv"))
    assert "re-exported" in result.stdout
    assert target not in set(read_csv(mine, "figures")["figure_id"])


def test_json_is_one_object_on_stdout(seed_run: Path):
    facts = json.loads(run_antq("run", "corpora/seeds", "--out", str(seed_run), "--json").stdout)
    assert facts["documents"] == 5 and facts["failures"] == 0
    assert facts["report"].endswith("report.html")
