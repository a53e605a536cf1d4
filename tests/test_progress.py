"""What antq run shows while it works: a bar on a terminal, log lines elsewhere, or nothing."""

from __future__ import annotations

import io
import os
import pty
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SEEDS, antq_command

from pipeline.flows import progress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_choose_a_reporter_for_the_output():
    assert type(progress.choose(quiet=False, stream=Tty())) is progress.BarReporter
    assert type(progress.choose(quiet=False, stream=io.StringIO())) is progress.LogReporter
    assert type(progress.choose(quiet=True, stream=Tty())) is progress.Reporter


def test_log_lines_count_each_file_once():
    stream = io.StringIO()
    reporter = progress.LogReporter(stream)
    with progress.reporting(reporter):
        progress.current().start(4, ["cached.txt"])
        progress.current().files_done(["a.txt", "b.txt"])
        progress.current().files_done(["a.txt", "b.txt"])  # the batch commit repeats them
        progress.current().batch_committed(1, 2, 2, 0)
    assert progress.current() is not reporter  # restored after the run
    line = stream.getvalue()
    assert line.startswith("batch 1/2 committed (2 files, 0 failures); 3/4 files done")
    assert "files/s" in line and "s left" in line


def test_bar_shows_files_rate_and_sentences():
    from rich.console import Console

    stream = Tty()
    reporter = progress.BarReporter(Console(file=stream, force_terminal=True, width=120))
    with progress.reporting(reporter):
        reporter.start(3)
        reporter.file_started("big.pdf")
        callback = progress.sentence_callback(every=10)
        for done in range(0, 101):
            callback(done, 100)
        reporter.progress.refresh()
        shown = stream.getvalue()
        reporter.files_done(["big.pdf"])
    assert "big.pdf" in shown and "100/100" in shown
    assert "files/s" in stream.getvalue() and "1/3" in stream.getvalue()


@pytest.mark.slow
def test_a_run_on_a_terminal_shows_a_bar_and_a_summary_table(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for path in sorted(SEEDS.iterdir())[:2]:
        shutil.copy(path, docs / path.name)
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [*antq_command(), "run", str(docs), "--out", str(tmp_path / "out")],
        stdout=follower,
        stderr=follower,
        env={**os.environ, "PYTHONUTF8": "1", "COLUMNS": "120"},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    assert process.wait(timeout=600) == 0
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "files/s" in shown and "2/2" in shown
    assert "━" in shown  # the bar
    assert "report" in shown and "report.html" in shown and "figures" in shown
    assert (tmp_path / "out" / "report.html").is_file()
