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
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import TextIO

LOG_NAME = "antq.log"
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
GRACE_S = 1.0  # children get SIGTERM, then SIGKILL after this
COMMIT_WAIT_S = 2.0  # a stop lets a batch being committed finish, for this long at most


class _State:
    terminal_fd: int | None = None  # the terminal's stderr while fd 2 goes to the log
    guard: RunGuard | None = None
    batches = 0
    files = 0
    stopping = threading.Lock()  # held by the one thread that stops the run
    stopped = False
    commit = threading.RLock()  # held while a batch is written and counted


def say(line: str, *, final: bool = False) -> None:
    """One line for the person at the terminal, whatever stderr points to; nothing
    after a stop began but the stop line itself.

    A raw ``os.write``: safe from a signal handler, even one that interrupts another ``say``.
    """
    if _State.stopped and not final:
        return
    fd = _State.terminal_fd if _State.terminal_fd is not None else 2
    os.write(fd, (line + "\n").encode("utf-8", "replace"))


@contextlib.contextmanager
def committing() -> Iterator[None]:
    """Wrap the writing of one batch: a stop counts it only once it is whole, and no
    batch starts being written after a stop began (the process is about to exit)."""
    while _State.stopped:
        time.sleep(1)
    with _State.commit:
        yield


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


def stop_now(signum: int) -> None:
    """Say what was committed, end every child, exit. Runs once, from whichever
    of the signal handler and the watcher thread gets there first."""
    if not _State.stopping.acquire(blocking=False):
        return
    _State.stopped = True
    _State.commit.acquire(timeout=COMMIT_WAIT_S)
    guard = _State.guard
    store = guard.store if guard else "the store"
    done = (
        f"{_State.batches} batches ({_State.files} files) committed to {store}"
        if _State.batches
        else "nothing committed yet"
    )
    try:
        say(
            f"antq: stopped by {signal.Signals(signum).name}: {done}; "
            "run the same command again to resume",
            final=True,
        )
        end_children()
    finally:
        os._exit(128 + signum)


def _on_signal(signum: int, _frame: FrameType | None) -> None:
    stop_now(signum)


def _watch(read_fd: int) -> None:
    """Wake on the signal byte Python's C handler writes at once, even while the main
    thread is stuck in C code (where a Python-level handler would have to wait)."""
    with contextlib.closing(os.fdopen(read_fd, "rb", buffering=0)) as pipe:
        while data := pipe.read(16):
            for signum in data:
                if signum in STOP_SIGNALS:
                    stop_now(signum)


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
        previous[signum] = signal.signal(signum, _on_signal)
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
        self._pipe: tuple[int, int] | None = None
        self._previous_wakeup = -1

    def __enter__(self) -> RunGuard:
        import psutil  # noqa: F401  (not imported for the first time inside a handler)

        _State.guard, _State.batches, _State.files, _State.stopped = self, 0, 0, False
        if self.quiet:
            self.out.mkdir(parents=True, exist_ok=True)
            sys.stderr.flush()
            self._log = (self.out / LOG_NAME).open("w", encoding="utf-8")
            self._saved_fd = os.dup(2)
            os.dup2(self._log.fileno(), 2)
            _State.terminal_fd = self._saved_fd
        if self.signals and threading.current_thread() is threading.main_thread():
            self._previous = _install()
            read_fd, write_fd = os.pipe()
            os.set_blocking(write_fd, False)
            self._pipe = (read_fd, write_fd)
            self._previous_wakeup = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
            threading.Thread(target=_watch, args=(read_fd,), name="antq-stop", daemon=True).start()
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._pipe is not None:
            signal.set_wakeup_fd(self._previous_wakeup)
            os.close(self._pipe[1])  # the watcher reads EOF and ends
            self._pipe = None
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        self._previous = {}
        if self._saved_fd is not None:
            sys.stderr.flush()
            os.dup2(self._saved_fd, 2)
            os.close(self._saved_fd)
            self._saved_fd = None
            _State.terminal_fd = None
        if self._log is not None:
            self._log.close()
            self._log = None
        _State.guard = None
