"""Prefect settings for an offline, quiet, per-checkout run.

Imported before ``prefect`` anywhere in the pipeline. Values the user set in
the environment win, so ``PREFECT_API_URL=http://127.0.0.1:4200/api antq run``
sends the flow to a running ``prefect server start`` and its UI.
"""

from __future__ import annotations

import os
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]

DEFAULTS = {
    # One Prefect home per checkout: its SQLite database is the ephemeral API's.
    "PREFECT_HOME": str(CHECKOUT / ".prefect"),
    # A fresh home takes longer than Prefect's 20 s default to migrate and start.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
    "PREFECT_UI_ENABLED": "false",
    # The ephemeral server's own logs (it runs as a child process) and its start-up work:
    # block types are registered by `prefect server start`, which is what a UI user runs.
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_API_BLOCKS_REGISTER_ON_START": "false",
    # Dask (through prefect-dask): no INFO chatter from the scheduler and workers.
    "DASK_LOGGING__DISTRIBUTED": "error",
}


def configure() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)


configure()
