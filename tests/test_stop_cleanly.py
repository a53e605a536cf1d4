"""SIGINT and SIGTERM end a run at once, in one line, with no child left; resume is exact."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import psutil
import pytest
from conftest import ROOT, antq_command, run_antq
from test_reruns import csv_bytes, varied_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_and_reference(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("stop")
    corpus = varied_corpus(root / "corpus", 2)
    reference = root / "reference"
    run_antq("run", str(corpus), "--out", str(reference), "--batch-size", "1")
    return corpus, reference


def _alive(processes: list[psutil.Process]) -> list[int]:
    alive = []
    for process in processes:
        try:
            if process.status() != psutil.STATUS_ZOMBIE:
                alive.append(process.pid)
        except psutil.NoSuchProcess:
            pass
    return alive


@pytest.mark.parametrize(
    ("signum", "whole_group"),
    [(signal.SIGINT, True), (signal.SIGTERM, False)],
    ids=["ctrl-c", "kill"],
)
def test_a_signal_stops_the_run_within_5_s(corpus_and_reference, tmp_path, signum, whole_group):
    corpus, reference = corpus_and_reference
    out = tmp_path / "out"
    command = [*antq_command(), "run", str(corpus), "--out", str(out), "--batch-size", "1"]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUTF8": "1"},
        start_new_session=True,
    )
    assert process.stderr is not None
    for line in process.stderr:
        if "committed" in line:
            break
    children = psutil.Process(process.pid).children(recursive=True)
    assert children, "the temporary Prefect server should be running"
    sent = time.monotonic()
    if whole_group:  # what a terminal's Ctrl-C does
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=60)
    elapsed = time.monotonic() - sent
    assert elapsed < 5, elapsed
    assert process.returncode == 128 + signum
    lines = [line for line in (stdout + stderr).splitlines() if line.strip()]
    assert 1 <= len(lines) <= 3, lines
    assert "committed" in lines[-1] and "run the same command again" in lines[-1]
    assert "Traceback" not in stderr
    assert _alive(children) == []
    assert (out / "antq.log").exists()

    resumed = run_antq("run", str(corpus), "--out", str(out), "--batch-size", "1")
    assert "0 failures" in resumed.stdout
    assert csv_bytes(out) == csv_bytes(reference)
