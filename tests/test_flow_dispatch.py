"""How the flow hands batches to tasks: in its own thread with one worker, submitted otherwise.

The flow's tasks are replaced by plain functions, so these run without a Prefect API.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from conftest import SEEDS

from pipeline.flows import flow as flow_module
from pipeline.flows.batch import process_batch


class _Future:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


@pytest.fixture
def recorded(monkeypatch):
    """Threads that ran a batch, and how each was started ('call' or 'submit')."""
    seen: list[tuple[str, threading.Thread]] = []

    def extract_batch(paths, options, manifest, base):
        seen.append(("call", threading.current_thread()))
        return process_batch(paths, options, manifest, base)

    def submit(paths, options, manifest, base):
        seen.append(("submit", threading.current_thread()))
        return _Future(process_batch(paths, options, manifest, base))

    extract_batch.submit = submit
    monkeypatch.setattr(flow_module, "extract_batch", extract_batch)
    monkeypatch.setattr(flow_module, "build_dataset", lambda store_path, out: {})
    return seen


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, corpus / seed.name)
    return corpus


def test_one_worker_extracts_every_batch_in_the_flow_thread(tmp_path, recorded):
    summary = flow_module.run_flow.fn(
        [str(_corpus(tmp_path))], str(tmp_path / "out"), batch_size=1, workers=1
    )
    assert summary.extracted == 3
    assert [how for how, _ in recorded] == ["call"] * 3
    assert {thread for _, thread in recorded} == {threading.current_thread()}


def test_a_cluster_gets_its_batches_submitted(tmp_path, recorded):
    summary = flow_module.run_flow.fn(
        [str(_corpus(tmp_path))], str(tmp_path / "out"), batch_size=1, workers=2
    )
    assert summary.extracted == 3
    assert [how for how, _ in recorded] == ["submit"] * 3
    summary = flow_module.run_flow.fn(
        [str(_corpus(tmp_path / "again"))],
        str(tmp_path / "out2"),
        batch_size=1,
        workers=1,
        in_process=False,  # a remote Dask cluster with one worker
    )
    assert summary.extracted == 3
    assert [how for how, _ in recorded] == ["submit"] * 6
