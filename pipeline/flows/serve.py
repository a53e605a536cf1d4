"""``antq serve``: watch an inbox and keep the dataset up to date as reports arrive.

One long-lived process pays the start-up once (the Prefect API, the models),
then each batch of new or changed files (``watchfiles``, debounced) runs the
same flow as ``antq run`` in this process: only files the store does not hold
are extracted, and the CSVs are re-exported (each written to a temporary file
and renamed). The flow is also served as a Prefect deployment (``antq-serve``),
so it shows in the Prefect UI, with a run per batch, and can be started from
there.

SIGINT / SIGTERM stop it between batches: a batch in progress finishes first,
so the store and the CSVs stay consistent. (Ctrl-C in a terminal reaches the
temporary Prefect API process too; a batch that then cannot report to it is
said to be interrupted: the store keeps what it committed, every CSV is
either the old one or the new one, and the next start re-exports.) A batch
that fails for another reason is said in one line and the watch goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import queue
import signal
import threading
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pipeline.flows.prefect_env  # noqa: F401  (must precede prefect)
from pipeline.flows.runner import PrefectApi, warm_up

DEPLOYMENT = "antq-serve"
DEBOUNCE_MS = 300


def say(line: str) -> None:
    print(line, flush=True)


class ServedDeployment:
    """The flow served as a Prefect deployment by a ``Runner`` in a background thread.

    Runs started from the UI execute as Prefect runs them (a process each);
    the inbox batches run in the serving process and appear as runs of the same
    flow. Failing to serve (an API too old, ...) is said in one line and the
    inbox is still watched.
    """

    def __init__(self, flow: Any, parameters: dict[str, Any]) -> None:
        self.flow = flow
        self.parameters = parameters
        self.loop = asyncio.new_event_loop()
        self.runner: Any = None
        self.ready = threading.Event()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._serve, name="antq-deployment", daemon=True)

    def start(self, wait_s: float = 60.0) -> ServedDeployment:
        self.thread.start()
        self.ready.wait(wait_s)
        if self.error is not None:
            say(f"not served as a deployment ({type(self.error).__name__}: {self.error})")
        return self

    def _serve(self) -> None:
        from prefect.runner import Runner

        asyncio.set_event_loop(self.loop)
        try:
            self.runner = Runner(name=DEPLOYMENT, pause_on_shutdown=False)
            self.runner.add_flow(self.flow, name=DEPLOYMENT, parameters=self.parameters)
        except Exception as error:  # the inbox is watched all the same
            self.error = error
            self.ready.set()
            return
        self.ready.set()
        try:
            self.loop.run_until_complete(self.runner.start())
        except Exception as error:  # pragma: no cover - stopped or lost the API
            self.error = error

    def stop(self, wait_s: float = 10.0) -> None:
        if self.runner is not None and self.thread.is_alive():
            future = asyncio.run_coroutine_threadsafe(self.runner.astop(), self.loop)
            with contextlib.suppress(Exception):  # shutting down: nothing to add
                future.result(timeout=wait_s)
        self.thread.join(wait_s)


def _watch_filter(inbox: Path, out: Path) -> Callable[[Any, str], bool]:
    """Reports only: supported suffixes, not hidden, not the output folder."""
    from pipeline.ingest.readers import SUPPORTED_SUFFIXES

    out = out.resolve()

    def keep(_change: Any, path: str) -> bool:
        p = Path(path)
        if p.name.startswith(".") or p.suffix.lower() not in SUPPORTED_SUFFIXES:
            return False
        return not p.resolve().is_relative_to(out)

    return keep


def _watch_in_thread(
    inbox: Path, out: Path, stop: threading.Event, ready_s: float = 60.0
) -> queue.Queue[set | None]:
    """Sets of changes in ``inbox`` on a queue (``None`` when the watch ends).

    Returns once the watcher is live (its first, possibly empty, yield), so a
    scan of the inbox made after this call and the changes cover every file.
    """
    from watchfiles import watch

    changes: queue.Queue[set | None] = queue.Queue()
    ready = threading.Event()

    def pump() -> None:
        try:
            for batch in watch(
                inbox,
                watch_filter=_watch_filter(inbox, out),
                debounce=DEBOUNCE_MS,
                step=50,
                stop_event=stop,
                rust_timeout=250,
                yield_on_timeout=True,
                raise_interrupt=False,
            ):
                ready.set()
                if batch:
                    changes.put(set(batch))
        finally:
            ready.set()
            changes.put(None)

    threading.Thread(target=pump, name="antq-watch", daemon=True).start()
    ready.wait(ready_s)
    return changes


def _stop_on_signals(stop: threading.Event) -> None:
    """The first SIGINT/SIGTERM asks to stop after the current batch; a second one quits."""

    def handle(signum: int, _frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        say(f"stopping ({signal.Signals(signum).name})")
        stop.set()

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)


def serve(inbox: Path, out: Path, options: dict[str, Any], serve_deployment: bool = True) -> int:
    """Watch ``inbox`` until SIGINT/SIGTERM; returns the number of batches processed."""
    inbox, out = inbox.resolve(), out.resolve()
    inbox.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    stop = threading.Event()
    _stop_on_signals(stop)
    import prefect  # noqa: F401  (whole, before the server thread imports parts of it)

    api = PrefectApi().start()
    batches = 0
    with ExitStack() as stack:
        stack.callback(api.stop)
        from prefect.settings import PREFECT_API_URL, temporary_settings

        from pipeline.flows.batch import Options
        from pipeline.flows.flow import run_flow

        warm_up(options.get("with_entities", "needed"))
        url = api.wait()
        stack.enter_context(temporary_settings({PREFECT_API_URL: url}))
        os.environ["PREFECT_API_URL"] = url
        flow_options = Options(**options)
        parameters = {"inputs": [str(inbox)], "out": str(out), "options": dict(options)}
        if serve_deployment:
            deployment = ServedDeployment(run_flow, parameters).start()
            stack.callback(deployment.stop)
            if deployment.error is None:
                say(f"deployment {run_flow.name}/{DEPLOYMENT} served at PREFECT_API_URL={url}")

        def run_batch(reason: str) -> None:
            nonlocal batches
            batches += 1
            try:
                summary = run_flow([str(inbox)], str(out), options=flow_options)
            except Exception as error:  # one line, and the inbox is still watched
                cause = f"{type(error).__name__}: {str(error)[:200]}"
                if stop.is_set():  # Ctrl-C in a terminal also stops the Prefect API child
                    say(f"batch {batches} ({reason}) interrupted by the stop ({cause})")
                else:
                    say(f"batch {batches} ({reason}) failed: {cause}")
                return
            say(f"batch {batches} ({reason}): {summary.line()}")

        changes = _watch_in_thread(inbox, out, stop)
        run_batch("start")  # after the watcher is live: nothing dropped meanwhile is missed
        say(f"watching {inbox}")
        while not stop.is_set():
            try:
                batch = changes.get(timeout=0.2)
            except queue.Empty:
                continue
            if batch is None:
                break
            while not changes.empty():  # changes that came in while a batch ran
                more = changes.get_nowait()
                if more is None:
                    break
                batch |= more
            run_batch(f"{len(batch)} changes")
    say(f"stopped after {batches} batches")
    return batches
