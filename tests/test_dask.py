"""The same flow on a real Dask cluster gives byte-identical outputs.

A ``distributed.LocalCluster`` with two worker processes stands in for a
remote cluster: ``antq run --dask-address`` sends the flow's tasks to it
through prefect-dask. The workers must report to the flow process's Prefect
API (passed in the Prefect settings context), not start servers of their own.
"""

from __future__ import annotations

import os
from pathlib import Path

import psutil
import pytest
from conftest import run_antq

distributed = pytest.importorskip("distributed")


def _servers_started_by(pids: list[int]) -> list[str]:
    found = []
    for pid in pids:
        for child in psutil.Process(pid).children(recursive=True):
            cmdline = " ".join(child.cmdline())
            if "uvicorn" in cmdline:
                found.append(cmdline)
    return found


@pytest.mark.slow
def test_dask_cluster_run_equals_in_process_run(seed_run: Path, tmp_path: Path):
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        out = tmp_path / "dask_out"
        result = run_antq(
            "run", "corpora/seeds", "--out", str(out), "--dask-address", cluster.scheduler_address
        )
        assert "5 documents, 0 failures (5 extracted" in result.stdout
        worker_pids = list(client.run(os.getpid).values())
        assert len(worker_pids) == 2
        assert _servers_started_by(worker_pids) == []
        assert "Starting temporary server" not in result.stderr

    expected = sorted(p.name for p in seed_run.glob("*.csv"))
    assert "figures.csv" in expected and "documents.csv" in expected
    assert sorted(p.name for p in out.glob("*.csv")) == expected
    for name in expected:
        assert (out / name).read_bytes() == (seed_run / name).read_bytes(), name
