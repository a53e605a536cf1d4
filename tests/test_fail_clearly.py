"""A person's mistake ends the run in one line, non-zero, before Prefect starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, run_antq

from pipeline.errors import DependencyError
from pipeline.flows.batch import Options, process_batch
from pipeline.ingest.readers import read_file

SEED = sorted(SEEDS.glob("*.txt"))[0]


def assert_one_clear_line(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode != 0
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert 1 <= len(lines) <= 3, lines
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)


def test_a_missing_input_path(tmp_path):
    missing = tmp_path / "bao_cao_2023.txt"
    result = run_antq("run", str(SEED), str(missing), "--out", str(tmp_path / "o"), check=False)
    assert_one_clear_line(result, "does not exist", str(missing))
    assert not (tmp_path / "o").exists()


def test_a_glob_matching_nothing(tmp_path):
    result = run_antq("run", str(tmp_path / "*.pdf"), "--out", str(tmp_path / "o"), check=False)
    assert_one_clear_line(result, "does not exist", "*.pdf")


def test_an_output_folder_that_cannot_be_written(tmp_path):
    blocked = tmp_path / "read-only"
    blocked.mkdir()
    blocked.chmod(0o555)
    # root writes anywhere it may chmod; /sys refuses even root
    out = Path("/sys/antq-test-out") if os.geteuid() == 0 else blocked / "out"
    try:
        result = run_antq("run", str(SEED), "--out", str(out), check=False)
    finally:
        blocked.chmod(0o755)
    assert_one_clear_line(result, "cannot write to the output folder", str(out))


def test_an_output_folder_that_is_a_file(tmp_path):
    not_a_folder = tmp_path / "out"
    not_a_folder.write_text("x", encoding="utf-8")
    result = run_antq("run", str(SEED), "--out", str(not_a_folder), check=False)
    assert_one_clear_line(result, "cannot write to the output folder")


def test_a_store_in_use_names_the_store_and_the_process(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    store = out / "antq.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, duckdb; con = duckdb.connect(sys.argv[1]); "
            "print('ready', flush=True); time.sleep(120)",
            str(store),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        result = run_antq("run", str(SEED), "--out", str(out), check=False)
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert_one_clear_line(result, str(store), "in use", f"process {holder.pid}")


def test_manifest_rows_matching_no_file_are_listed(tmp_path):
    manifest = tmp_path / "meta.csv"
    manifest.write_text(
        f"path,province\n{SEED},Kon Tum\nkhong_co_1.txt,Gia Lai\nkhong_co_2.txt,Gia Lai\n",
        encoding="utf-8",
    )
    result = run_antq(
        "run", str(SEED), "--manifest", str(manifest), "--out", str(tmp_path / "o"), check=False
    )
    assert_one_clear_line(result, "2 rows match no input file", "khong_co_1.txt", "khong_co_2.txt")


def test_an_unreadable_manifest(tmp_path):
    manifest = tmp_path / "meta.csv"
    manifest.write_bytes(b"\xff\xfe\x00garbage")
    result = run_antq(
        "run", str(SEED), "--manifest", str(manifest), "--out", str(tmp_path / "o"), check=False
    )
    assert_one_clear_line(result, "manifest", str(manifest))


def _broken_trafilatura(tmp_path: Path) -> Path:
    shadow = tmp_path / "shadow" / "trafilatura"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text(
        "raise ImportError('lxml.html.clean module is now a separate project', name='lxml')\n",
        encoding="utf-8",
    )
    return shadow.parent


def test_a_broken_dependency_stops_the_run_naming_the_package(tmp_path):
    page = tmp_path / "bai.html"
    page.write_text("<html><body><p>Kon Tum có 12 mô hình.</p></body></html>", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(_broken_trafilatura(tmp_path))}
    result = subprocess.run(
        [sys.executable, "-m", "pipeline.cli.entry", "run", str(page), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=SEEDS.parents[1],
    )
    assert_one_clear_line(result, "lxml", ".html files", "cannot be imported")


def test_an_import_error_inside_a_reader_is_not_a_failure_row(tmp_path, monkeypatch):
    page = tmp_path / "bai.html"
    page.write_text("<html><body><p>Kon Tum có 12 mô hình.</p></body></html>", encoding="utf-8")
    monkeypatch.delitem(sys.modules, "pipeline.ingest.readers.html", raising=False)
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails: a broken install
    with pytest.raises(DependencyError, match="trafilatura"):
        read_file(page)
    with pytest.raises(DependencyError, match="trafilatura"):
        process_batch([str(page)], Options(), {})


def test_debug_shows_the_traceback(tmp_path):
    missing = str(tmp_path / "none.txt")
    result = run_antq("run", missing, "--out", str(tmp_path), "--debug", check=False)
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "UserError" in result.stderr
