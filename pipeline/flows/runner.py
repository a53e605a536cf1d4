"""Choose where the flow's tasks run, then run the flow.

In-process by default; ``workers > 1`` starts a local Dask cluster and
``dask_address`` uses an existing one, both through prefect-dask, with the
same flow and tasks.

Three things keep small runs fast:

* a run whose inputs, options, code, libraries and outputs are all unchanged since the
  last successful run returns at once, without starting Prefect
  (``out/.antq-run.json`` holds what was seen; delete it to force a run);
* when no ``PREFECT_API_URL`` is set, Prefect's ephemeral API server is
  started in a background thread while the extractors load, instead of after;
* Dask workers get the flow process's API URL (environment and Prefect
  settings context), so they report to the same server instead of each
  starting an ephemeral server of its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
import warnings
from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pipeline.flows.prefect_env  # noqa: F401  (must precede prefect)
from pipeline.flows.cache_key import library_versions
from pipeline.flows.stopping import LOG_NAME, RunGuard
from pipeline.flows.summary import RunSummary, fingerprint

CHECKOUT = Path(__file__).resolve().parents[2]
STATE_FILE = ".antq-run.json"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}


def code_version() -> str:
    """Hash of every source and data file that shapes the outputs."""
    digest = hashlib.sha1()
    for folder in ("extractors", "pipeline"):
        for path in sorted((CHECKOUT / folder).rglob("*")):
            if path.suffix in {".py", ".yaml"}:
                digest.update(str(path.relative_to(CHECKOUT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _outputs(out: Path) -> dict[str, list[int]]:
    return {
        str(p.relative_to(out)): [p.stat().st_size, p.stat().st_mtime_ns]
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name not in (STATE_FILE, LOG_NAME) and not p.name.endswith(".wal")
    }


def run_key(inputs: Sequence[str], manifest_path: str | None, options: Mapping[str, Any]) -> dict:
    """Everything a run's outputs depend on, apart from the store and the outputs."""
    from pipeline.ingest.discover import discover

    paths, failures = discover(inputs)
    files = {}
    for path in paths:
        try:
            files[str(path)] = fingerprint(path)
        except OSError:
            files[str(path)] = None
    manifest = Path(manifest_path).read_bytes() if manifest_path else b""
    return {
        "code": code_version(),
        "libraries": library_versions(),
        "files": files,
        "discover_failures": len(failures),
        "manifest": hashlib.sha1(manifest).hexdigest(),
        "options": json.loads(json.dumps(dict(options))),  # tuples as the saved state has them
        "cwd": os.getcwd(),
    }


def _read_state(out: Path) -> dict | None:
    try:
        return json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def up_to_date(out: Path, key: dict) -> dict | None:
    """The last run's summary when nothing it depends on changed, else None."""
    state = _read_state(out)
    if not state or state.get("key") != key:
        return None
    if state.get("outputs") != _outputs(out):
        return None
    return state["summary"]


def save_state(out: Path, key: dict, summary: dict) -> None:
    state = {"key": key, "summary": summary}
    state["outputs"] = _outputs(out)
    (out / STATE_FILE).write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")


def configured_api_url() -> str | None:
    """``PREFECT_API_URL`` from the environment or the active Prefect profile."""
    url = os.environ.get("PREFECT_API_URL")
    if url:
        return url
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value() or None


def api_answers(url: str, timeout_s: float = 2.0) -> bool:
    """Whether a Prefect server answers its health check at ``url`` (``.../api``)."""
    import urllib.request

    try:
        with urllib.request.urlopen(url.rstrip("/") + "/health", timeout=timeout_s) as reply:
            return reply.status == 200
    except (OSError, ValueError):
        return False


class PrefectApi:
    """The API the flow reports to: a server already answering at ``PREFECT_API_URL``
    (environment or Prefect profile), else an ephemeral one started here.

    ``start()`` returns at once; the ephemeral server boots in a thread. A
    configured URL where nothing answers is said in one line, and an ephemeral
    server is started instead.
    """

    def __init__(self) -> None:
        self.url: str | None = configured_api_url()
        if self.url is not None and not api_answers(self.url):
            print(
                f"no Prefect server answers at PREFECT_API_URL={self.url}; "
                "starting a temporary one for this run",
                file=sys.stderr,
                flush=True,
            )
            self.url = None
        self.server = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> PrefectApi:
        if self.url is None:
            self._thread = threading.Thread(target=self._boot, name="prefect-api", daemon=True)
            self._thread.start()
        return self

    def _boot(self) -> None:
        try:
            from prefect.server.api.server import SubprocessASGIServer

            self.server = SubprocessASGIServer()
            self.server.start()
            self.url = self.server.api_url
        except BaseException as error:  # re-raised in wait()
            self._error = error

    def booting(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self) -> str:
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        assert self.url is not None
        return self.url

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None


WARM_UP_TEXT = (
    "Năm 2024, Công an tỉnh đã phối hợp tổ chức 12 buổi tuyên truyền cho 1.500 lượt người. "
    "Tuy nhiên, một số nơi phong trào còn hình thức. Thời gian tới, cần tăng cường kiểm tra."
)


def warm_up(entities: str | bool) -> None:
    """Load the extractors' models in this process while the API server boots.

    The first document otherwise pays for them after the server is up; this
    only runs when the tasks run in this process.
    """
    from extractors.extract import extract_document
    from pipeline.flows import heap

    extract_document(WARM_UP_TEXT, with_entities=entities)
    heap.settle_once()


def runs_in_process(workers: int, dask_address: str | None) -> bool:
    """Whether the tasks run in this process (one worker, no Dask cluster): the models
    are then warmed up here, and each batch runs in the flow's own thread."""
    return workers <= 1 and not dask_address


def task_runner(workers: int = 1, dask_address: str | None = None):
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers > 1:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(
            cluster_class="distributed.LocalCluster",
            cluster_kwargs={
                "n_workers": workers,
                "threads_per_worker": 1,
                "processes": True,
                "dashboard_address": ":0",
            },
        )
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=1)


def check_reachable(api_url: str, dask_address: str | None) -> None:
    """A remote Dask cluster cannot report to an API bound to this machine's loopback."""
    if not dask_address:
        return
    api_host = urlparse(api_url).hostname or ""
    dask_host = urlparse(dask_address).hostname or ""
    if api_host in LOCAL_HOSTS and dask_host not in LOCAL_HOSTS:
        raise RuntimeError(
            f"Dask workers at {dask_address} cannot reach the Prefect API at {api_url}. "
            "Start a server they can reach (prefect server start --host 0.0.0.0) and set "
            "PREFECT_API_URL=http://THIS_HOST:4200/api before antq run."
        )


def _options_dict(options: Any) -> dict[str, Any]:
    if options is None:
        return {}
    return asdict(options) if is_dataclass(options) else dict(options)


def run_pipeline(
    inputs: list[str],
    out: str,
    manifest_path: str | None = None,
    options: Any = None,
    batch_size: int | None = None,
    workers: int = 1,
    dask_address: str | None = None,
    reuse: bool = True,
    force: bool = False,
    guard: RunGuard | None = None,
):
    """Run the flow; ``options`` is a ``pipeline.flows.batch.Options`` or a dict of its fields.

    With ``reuse`` (the default) an unchanged run returns the previous summary
    without starting Prefect. ``force`` re-extracts every file, stored or not.
    ``guard`` (the CLI's) sends library logs to a file and stops cleanly on a signal.
    """
    out_dir = Path(out)
    option_values = _options_dict(options)
    key = run_key(inputs, manifest_path, option_values)
    if reuse and not force and (summary := up_to_date(out_dir, key)) is not None:
        skipped = {"extracted": 0, "cached": summary["documents"], "unchanged": True}
        return RunSummary(**{**summary, **skipped})

    # Optional SOCKS support that trafilatura probes for; not used offline.
    warnings.filterwarnings("ignore", message="SOCKS support in urllib3")
    with ExitStack() as guarded:
        if guard is not None:
            guarded.enter_context(guard)
        summary = _run_with_prefect(
            inputs, out, manifest_path, option_values, batch_size, workers, dask_address, force
        )
    if summary.failures == 0:
        save_state(out_dir, key, asdict(summary))
    return summary


def _run_with_prefect(
    inputs: list[str],
    out: str,
    manifest_path: str | None,
    option_values: dict[str, Any],
    batch_size: int | None,
    workers: int,
    dask_address: str | None,
    force: bool,
) -> RunSummary:
    import prefect  # noqa: F401  (whole, before the server thread imports parts of it)

    api = PrefectApi().start()
    try:
        from prefect.settings import PREFECT_API_URL, temporary_settings

        from pipeline.flows.batch import Options
        from pipeline.flows.flow import run_flow

        if runs_in_process(workers, dask_address) and api.booting():
            warm_up(option_values.get("with_entities", "needed"))
        url = api.wait()
        check_reachable(url, dask_address)
        with ExitStack() as stack:
            stack.enter_context(temporary_settings({PREFECT_API_URL: url}))
            previous = os.environ.get("PREFECT_API_URL")
            os.environ["PREFECT_API_URL"] = url  # inherited by local Dask workers
            stack.callback(_restore_env, "PREFECT_API_URL", previous)
            flow = run_flow.with_options(task_runner=task_runner(workers, dask_address))
            summary = flow(
                inputs,
                out,
                manifest_path=manifest_path,
                options=Options(**option_values),
                batch_size=batch_size,
                workers=workers,
                force=force,
                in_process=runs_in_process(workers, dask_address),
            )
    finally:
        api.stop()
    return summary


def _restore_env(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value
