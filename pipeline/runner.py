"""Choose where the flow's tasks run, then run the flow.

In-process by default; ``workers > 1`` starts a local Dask cluster and
``dask_address`` uses an existing one, both through prefect-dask, with the
same flow and tasks.
"""

from __future__ import annotations

from prefect.task_runners import ThreadPoolTaskRunner

import pipeline.prefect_env  # noqa: F401  (must precede prefect)
from pipeline.batch import Options
from pipeline.flows import RunSummary, run_flow


def task_runner(workers: int = 1, dask_address: str | None = None):
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers > 1:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(
            cluster_class="distributed.LocalCluster",
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                            "dashboard_address": None},
        )
    return ThreadPoolTaskRunner(max_workers=1)


def run_pipeline(
    inputs: list[str],
    out: str,
    manifest_path: str | None = None,
    options: Options | None = None,
    batch_size: int | None = None,
    workers: int = 1,
    dask_address: str | None = None,
) -> RunSummary:
    flow = run_flow.with_options(task_runner=task_runner(workers, dask_address))
    return flow(inputs, out, manifest_path=manifest_path, options=options,
                batch_size=batch_size, workers=workers)
