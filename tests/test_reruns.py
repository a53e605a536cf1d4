"""Re-running is idempotent, incremental, and a killed run resumes (real CLI)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

from conftest import OUTPUTS, ROOT, SEEDS, antq_command, run_antq


def csv_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in OUTPUTS}


def varied_copy(source: Path, target: Path, shift: int) -> None:
    """A new document: the seed with every digit run of 2+ digits changed."""
    text = source.read_text(encoding="utf-8")
    target.write_text(
        re.sub(r"(?<=\d)\d(?=\d)", lambda m: str((int(m[0]) + shift) % 10), text), encoding="utf-8"
    )


def varied_corpus(folder: Path, shifts: int) -> Path:
    """``folder`` filled with every seed copied ``shifts`` times, numbers varied."""
    folder.mkdir(parents=True)
    for shift in range(1, shifts + 1):
        for seed in sorted(SEEDS.glob("*.txt")):
            varied_copy(seed, folder / f"{shift}_{seed.name}", shift)
    return folder


def extracted(stdout: str) -> int:
    match = re.search(r"\((\d+) extracted", stdout)
    assert match, stdout
    return int(match[1])


def test_second_run_is_identical_and_third_extracts_only_the_new_file(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "out"
    first = run_antq("run", str(corpus), "--out", str(out))
    assert extracted(first.stdout) == 5
    before = csv_bytes(out)
    second = run_antq("run", str(corpus), "--out", str(out))
    assert extracted(second.stdout) == 0
    assert csv_bytes(out) == before
    varied_copy(corpus / "001_f927958248fcde9a.txt", corpus / "new_report.txt", 3)
    third = run_antq("run", str(corpus), "--out", str(out))
    assert extracted(third.stdout) == 1
    assert "6 documents" in third.stdout


def test_a_run_killed_with_sigkill_completes_on_the_next_run(tmp_path):
    corpus = varied_corpus(tmp_path / "corpus", 3)
    reference = tmp_path / "reference"
    run_antq("run", str(corpus), "--out", str(reference), "--batch-size", "1")

    out = tmp_path / "out"
    process = subprocess.Popen(
        [*antq_command(), "run", str(corpus), "--out", str(out), "--batch-size", "1"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUTF8": "1"},
        start_new_session=True,
    )
    committed = 0
    assert process.stderr is not None
    for line in process.stderr:
        if "committed" in line:
            committed += 1
            if committed == 3:
                os.killpg(process.pid, signal.SIGKILL)
                break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert not (out / "figures.csv").exists()

    resumed = run_antq("run", str(corpus), "--out", str(out), "--batch-size", "1")
    assert 0 < extracted(resumed.stdout) <= 15 - 3
    assert csv_bytes(out) == csv_bytes(reference)
