"""Stop a run cleanly on SIGINT / SIGTERM, and keep library noise off the terminal.

``RunGuard`` is entered by ``antq run`` around everything that starts
Prefect. While it is active:

* the process's stderr (file descriptor 2, inherited by the Prefect server,
  the PDF workers and Dask workers) goes to ``OUT/antq.log``; antq's own lines
  (batches committed, the stop line) still reach the terminal through ``say``;
* SIGINT and SIGTERM print one line saying what was committed and how to
  resume, end every child process (the temporary Prefect server, Dask
  workers, PDF workers) and exit at once with 128 + the signal number.

Exiting at once is safe because each batch is committed to the store in its
own transaction; the next run skips what is there and produces the same
outputs as an uninterrupted run (the same guarantee as after SIGKILL).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TextIO

LOG_NAME = "antq.log"
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
GRACE_S = 1.5  # children get SIGTERM, then SIGKILL after this


class _State:
    terminal: TextIO | None = None  # the terminal's stderr while fd 2 goes to the log
    guard: RunGuard | None = None
    batches = 0
    files = 0
    stopping = False


def say(line: str) -> None:
    """One line for the person at the terminal, whatever stderr points to."""
    stream = _State.terminal or sys.stderr
    stream.write(line + "\n")
    stream.flush()


def batch_committed(files: int) -> None:
    _State.batches += 1
    _State.files += files


def end_children(grace_s: float = GRACE_S) -> None:
    """SIGTERM every descendant process, then SIGKILL those still alive after ``grace_s``."""
    import psutil

    try:
        children = psutil.Process().children(recursive=True)
    except psutil.Error:
        return
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.terminate()
    _, alive = psutil.wait_procs(children, timeout=grace_s)
    for child in alive:
        with contextlib.suppress(psutil.Error):
            child.kill()
    psutil.wait_procs(alive, timeout=grace_s)


def _stop(signum: int, _frame: FrameType | None) -> None:
    if _State.stopping:  # a second Ctrl-C while children end: leave now
        os._exit(128 + signum)
    _State.stopping = True
    guard = _State.guard
    store = guard.store if guard else "the store"
    done = (
        f"{_State.batches} batches ({_State.files} files) committed to {store}"
        if _State.batches
        else "nothing committed yet"
    )
    say(
        f"antq: stopped by {signal.Signals(signum).name}: {done}; "
        "run the same command again to resume"
    )
    end_children()
    os._exit(128 + signum)


def reclaim_signals() -> None:
    """Take SIGINT/SIGTERM back from Prefect inside the flow (it installs its own
    SIGTERM handler for the flow run, which would crash the run slowly)."""
    if _State.guard is not None and _State.guard.signals:
        _install()


def _install() -> dict[int, object]:
    previous = {}
    if threading.current_thread() is not threading.main_thread():
        return previous
    for signum in STOP_SIGNALS:
        previous[signum] = signal.signal(signum, _stop)
    return previous


class RunGuard:
    """Context manager for one run; see the module docstring."""

    def __init__(self, out: Path, quiet: bool = True, signals: bool = True) -> None:
        self.out = Path(out)
        self.store = self.out / "antq.duckdb"
        self.quiet = quiet
        self.signals = signals
        self._previous: dict[int, object] = {}
        self._saved_fd: int | None = None
        self._log: TextIO | None = None

    def __enter__(self) -> RunGuard:
        _State.guard, _State.batches, _State.files, _State.stopping = self, 0, 0, False
        if self.signals:
            self._previous = _install()
        if self.quiet:
            self.out.mkdir(parents=True, exist_ok=True)
            sys.stderr.flush()
            self._log = (self.out / LOG_NAME).open("w", encoding="utf-8")
            self._saved_fd = os.dup(2)
            os.dup2(self._log.fileno(), 2)
            _State.terminal = os.fdopen(os.dup(self._saved_fd), "w", encoding="utf-8")
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._saved_fd is not None:
            sys.stderr.flush()
            os.dup2(self._saved_fd, 2)
            os.close(self._saved_fd)
            self._saved_fd = None
        if _State.terminal is not None:
            _State.terminal.close()
            _State.terminal = None
        if self._log is not None:
            self._log.close()
            self._log = None
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        _State.guard = None
