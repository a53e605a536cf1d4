"""Every export is a Frictionless Data Package; every table passes pandera before it is written."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import yaml
from conftest import OUTPUTS, ROOT, read_csv, run_antq

from pipeline.review.session import Review
from pipeline.store.checks import check_table
from pipeline.store.package import table_schema
from pipeline.store.table_spec import columns


def make_run_args(out: Path) -> list[str]:
    """The arguments of ``antq run`` in the Makefile's ``run`` target, with OUT replaced."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8")
    line = re.search(r"^\t\$\(BIN\)/antq run (.+)$", recipe, re.MULTILINE)
    assert line, "no antq run line in the Makefile's run target"
    return ["run", *line[1].replace("$(OUT)", str(out)).split()]


def validate(package: Path) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("frictionless")
    return subprocess.run(
        [str(script), "validate", str(package)], capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def make_run(tmp_path_factory) -> Path:
    """``make run``'s pipeline command (``--entities all``) through the real CLI."""
    out = tmp_path_factory.mktemp("make_run") / "out"
    run_antq(*make_run_args(out))
    return out


@pytest.fixture
def copy(make_run: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(make_run, out)
    (out / ".antq-run.json").unlink(missing_ok=True)
    return out


def package(out: Path) -> dict:
    return json.loads((out / "datapackage.json").read_text(encoding="utf-8"))


def test_make_run_output_is_a_valid_data_package(make_run: Path):
    result = validate(make_run / "datapackage.json")
    assert result.returncode == 0, result.stdout[-3000:]
    descriptor = package(make_run)
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert set(resources) == {*OUTPUTS, "corrections_problems"}
    figures = resources["figures"]["schema"]
    assert figures["primaryKey"] == ["figure_id"]
    assert {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}} in (
        figures["foreignKeys"]
    )
    types = {f["name"]: f["type"] for f in figures["fields"]}
    assert types["value"] == "number" and types["start"] == "integer"
    assert all(f.get("description") for f in figures["fields"])
    header = (make_run / "figures.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert [f["name"] for f in figures["fields"]] == header.split(",")

    codebook = yaml.safe_load((ROOT / "extractors/figures/indicators.yaml").read_text("utf-8"))
    assert descriptor["codebook_version"] == str(codebook["version"])
    documents = read_csv(make_run, "documents")
    assert descriptor["extractor_version"] == documents["extractor_version"].iloc[0]
    assert descriptor["libraries"]["underthesea"]
    assert descriptor["corrections"] == []
    inputs = descriptor["inputs"]
    assert inputs["options"]["with_entities"] == "all"
    assert inputs["inputs"] == ["corpora/seeds"]
    assert len(inputs["files"]) == 5
    assert {f["doc_id"] for f in inputs["files"]} == set(documents["doc_id"])
    assert all(re.fullmatch(r"[0-9a-f]{40}", f["file_sha1"]) for f in inputs["files"])


def test_a_corrupted_csv_fails_validation(copy: Path):
    figures = copy / "figures.csv"
    lines = figures.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    cells = lines[1].split(",")
    cells[4] = "ninety"  # value
    figures.write_text("".join([lines[0], ",".join(cells), *lines[2:]]), encoding="utf-8-sig")
    result = validate(copy / "datapackage.json")
    assert result.returncode != 0
    assert "type-error" in result.stdout

    cells[4], cells[1] = "91.0", "0000000000000000"  # a doc_id no document has
    figures.write_text("".join([lines[0], ",".join(cells), *lines[2:]]), encoding="utf-8-sig")
    result = validate(copy / "datapackage.json")
    assert result.returncode != 0
    assert "foreign-key" in result.stdout


def test_a_table_failing_its_check_is_not_written_and_the_export_says_why(copy: Path):
    before = {name: (copy / f"{name}.csv").read_bytes() for name in OUTPUTS}
    con = duckdb.connect(str(copy / "antq.duckdb"))
    con.execute("INSERT INTO entities SELECT * FROM entities LIMIT 1")  # a repeated entity_id
    con.close()
    result = run_antq("export", "--out", str(copy))
    lines = [line for line in result.stderr.splitlines() if "not written" in line]
    assert len(lines) == 1
    assert lines[0].startswith("entities.csv not written: column entity_id: not unique (2 rows")
    assert "Traceback" not in result.stderr
    assert not (copy / "entities.csv").exists()
    assert not (copy / "parquet" / "entities.parquet").exists()
    assert "entities" not in {r["name"] for r in package(copy)["resources"]}
    for name in set(OUTPUTS) - {"entities"}:
        assert (copy / f"{name}.csv").read_bytes() == before[name], name
    assert validate(copy / "datapackage.json").returncode == 0


def test_applied_corrections_are_listed_and_the_package_stays_valid(copy: Path):
    figure = read_csv(copy, "figures").iloc[0]
    review = Review(copy / "antq.duckdb", author="Nguyễn Văn A")
    correction = review.correct(figure["figure_id"], value=1160, reason="đọc lại bản gốc")
    run_antq("export", "--out", str(copy))
    listed = package(copy)["corrections"]
    assert [c["correction_id"] for c in listed] == [correction]
    assert listed[0]["target_id"] == figure["figure_id"]
    assert listed[0]["author"] == "Nguyễn Văn A"
    assert validate(copy / "datapackage.json").returncode == 0


def test_new_columns_flow_through_and_known_ones_get_their_types():
    frame = pd.DataFrame(
        {
            "figure_id": ["f1", "f2"],
            "doc_id": ["d1", "d1"],
            "value": [1406.0, 120.0],
            "period_start": ["2023-01-01", "2023-01-01"],
            "period_precision": ["year", "year"],
            "part_of": [None, "f1"],
            "brand_new": [1, 2],
        }
    )
    documents = pd.DataFrame({"doc_id": ["d1"]})
    written = {"documents": documents}
    assert check_table("figures", frame, written) is None
    types = {c.name: c.type for c in columns("figures", frame)}
    assert types == {
        "figure_id": "string",
        "doc_id": "string",
        "value": "number",
        "period_start": "date",
        "period_precision": "string",
        "part_of": "string",
        "brand_new": "integer",
    }
    schema = table_schema("figures", frame, written)
    assert {"fields": ["part_of"], "reference": {"resource": "", "fields": ["figure_id"]}} in (
        schema["foreignKeys"]
    )
    bad = frame.assign(period_start=["2023", "2023-01-01"], part_of=[None, "f9"])
    problem = check_table("figures", bad, written)
    assert problem is not None
    assert problem.startswith("column period_start: not an ISO date")
    assert "part_of" in problem
    floats = frame.assign(brand_new=[1.0, 2.0], period=[2023.0, 2023.0])
    assert check_table("figures", floats, written).startswith("column period: not an integer")
