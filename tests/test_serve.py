"""``antq serve``: a new file and a changed file in the inbox show in the CSVs; SIGINT stops it.

Bounded: every wait has a deadline, and the process is killed if it overstays.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, SEEDS, antq_command

START_S = 240  # a cold Prefect API and the models
BATCH_S = 60


class Served:
    def __init__(self, inbox: Path, out: Path) -> None:
        self.process = subprocess.Popen(
            [*antq_command(), "serve", str(inbox), "--out", str(out)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUTF8": "1", "PREFECT_API_URL": ""},
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern: str, seconds: float) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            self.seen.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(
            f"no line matching {pattern!r}; output so far:\n" + "\n".join(self.seen)
        )


def _figures(out: Path, name: str) -> pd.DataFrame:
    documents = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", dtype={"doc_id": str})
    figures = pd.read_csv(out / "figures.csv", encoding="utf-8-sig", dtype={"doc_id": str})
    ids = documents.loc[documents["source"].str.endswith(name), "doc_id"]
    return figures[figures["doc_id"].isin(set(ids))]


def _deployments(api_url: str) -> list[str]:
    request = urllib.request.Request(
        api_url.rstrip("/") + "/deployments/filter",
        data=b"{}",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as reply:
        return [d["name"] for d in json.loads(reply.read())]


@pytest.mark.slow
def test_serve_picks_up_new_and_changed_files_and_stops_on_sigint(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[1]  # a report with figures
    served = Served(inbox, out)
    try:
        deployment = served.wait_for(r"^deployment .* served", START_S)
        served.wait_for(r"^batch 1 \(start\)", 60)
        served.wait_for(r"^watching ", 30)
        api_url = deployment.split("PREFECT_API_URL=", 1)[1]
        assert "antq-serve" in _deployments(api_url)

        shutil.copy(seed, inbox / "report.txt")
        served.wait_for(r"^batch 2 .*1 extracted", BATCH_S)
        before = _figures(out, "report.txt")
        assert len(before) > 3

        text = seed.read_text(encoding="utf-8")
        numbers = [
            row.sentence[
                row.number_start - row.sentence_start : row.number_end - row.sentence_start
            ]
            for row in before.itertuples()
        ]
        number = next(n for n in numbers if len(n) >= 3 and text.count(n) == 1)
        changed = text.replace(number, "98765")
        (inbox / "report.txt").write_text(changed, encoding="utf-8")
        served.wait_for(r"^batch 3 .*1 extracted", BATCH_S)
        after = _figures(out, "report.txt")
        assert 98765 in set(after["value"]) and set(after["doc_id"]) != set(before["doc_id"])
        assert len(pd.read_csv(out / "documents.csv", encoding="utf-8-sig")) == 1

        served.process.send_signal(signal.SIGINT)
        served.wait_for(r"^stopped after 3 batches", 60)
        assert served.process.wait(timeout=60) == 0
        assert not list(out.glob(".*.tmp"))
    finally:
        if served.process.poll() is None:
            served.process.kill()
            served.process.wait(timeout=30)
