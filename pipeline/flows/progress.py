"""What a run shows while it works: a progress bar on a terminal, log lines elsewhere.

The flow and the batch code report to ``current()``, a reporter set for the
duration of a run by ``reporting()``. Three reporters:

* ``BarReporter`` (a terminal): a rich progress bar with files done, files
  per second and time left, and a second bar for the sentences of the file
  being extracted, so a single large file shows movement;
* ``LogReporter`` (output is a file or a pipe): one plain line per batch;
* ``Reporter`` itself: silent (``--quiet``), and the default in any process
  that never set one, such as a Dask worker, whose files are then counted
  when their batch is committed.

Files are counted by name, so a file reported by its batch and again at the
batch's commit counts once.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO

SENTENCE_STEP = 25  # report every this many sentences (a callback per sentence costs time)


class Reporter:
    """Silent reporter; the others override what they show."""

    def __init__(self) -> None:
        self.total = 0
        self.done: set[str] = set()
        self.already = 0  # files the store already held: not part of the rate
        self.started = time.monotonic()
        self._lock = threading.Lock()

    def start(self, total: int, already: Iterable[str] = ()) -> None:
        self.total = total
        self.started = time.monotonic()
        self.done = set(already)
        self.already = len(self.done)
        self.update()

    def files_done(self, names: Iterable[str]) -> None:
        with self._lock:
            before = len(self.done)
            self.done.update(names)
            changed = len(self.done) != before
        if changed:
            self.update()

    def file_started(self, name: str) -> None:
        """A file's extraction begins (only in the flow's own process)."""

    def sentences(self, done: int, total: int) -> None:
        """Progress inside the file being extracted."""

    def batch_committed(self, number: int, batches: int, files: int, failures: int) -> None:
        """A batch is in the store."""

    def update(self) -> None:
        """Show the file count."""

    def stop(self) -> None:
        """The run is over."""

    def rate(self) -> float:
        elapsed = max(1e-6, time.monotonic() - self.started)
        return (len(self.done) - self.already) / elapsed


class LogReporter(Reporter):
    """Plain lines on stderr: one per committed batch, with the rate and time left."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        super().__init__()
        self.stream = stream  # None: the terminal antq started on (stopping.say)

    def batch_committed(self, number: int, batches: int, files: int, failures: int) -> None:
        rate = self.rate()
        left = (self.total - len(self.done)) / rate if rate > 0 else 0.0
        line = (
            f"batch {number}/{batches} committed ({files} files, {failures} failures); "
            f"{len(self.done)}/{self.total} files done, {rate:.2f} files/s, ~{left:.0f} s left"
        )
        if self.stream is None:
            # a run sends library output to OUT/antq.log; antq's own lines still reach
            # the person (or the program) that started it
            from pipeline.flows import stopping

            stopping.say(line)
            return
        self.stream.write(line + "\n")
        self.stream.flush()


class BarReporter(Reporter):
    """A rich progress bar: files, files/s, time left, and sentences of the current file."""

    def __init__(self, console=None) -> None:
        super().__init__()
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=False,
        )
        self.files_task = self.progress.add_task("starting (Prefect, models)", total=None, rate="")
        self.sentence_task = self.progress.add_task(
            "  sentences", total=None, rate="", visible=False
        )
        self.progress.start()

    def update(self) -> None:
        self.progress.update(
            self.files_task,
            description="files",
            total=self.total,
            completed=len(self.done),
            rate=f"{self.rate():.2f} files/s",
        )

    def file_started(self, name: str) -> None:
        short = name if len(name) <= 40 else "…" + name[-39:]
        self.progress.update(
            self.sentence_task, description=f"  {short}", completed=0, total=None, visible=True
        )

    def sentences(self, done: int, total: int) -> None:
        self.progress.update(
            self.sentence_task, completed=done, total=total, rate="sentences", visible=True
        )

    def files_done(self, names: Iterable[str]) -> None:
        super().files_done(names)
        self.progress.update(self.sentence_task, visible=False)

    def stop(self) -> None:
        self.progress.update(self.sentence_task, visible=False)
        if not self.total:  # nothing ran (an unchanged run): leave no "starting" line
            self.progress.update(self.files_task, visible=False)
        self.progress.stop()


_current: Reporter = Reporter()


def current() -> Reporter:
    return _current


def choose(quiet: bool, stream: IO[str] | None = None) -> Reporter:
    """Silent with ``quiet``; a bar when stderr is a terminal; else log lines."""
    if quiet:
        return Reporter()
    if (stream or sys.stderr).isatty():
        return BarReporter()
    return LogReporter(stream)


@contextmanager
def reporting(reporter: Reporter) -> Iterator[Reporter]:
    """Make ``reporter`` the current one for the duration of a run."""
    global _current
    previous, _current = _current, reporter
    try:
        yield reporter
    finally:
        reporter.stop()
        _current = previous


def sentence_callback(every: int = SENTENCE_STEP):
    """A callback for ``extract_document`` that reports every ``every`` sentences."""
    reporter = current()

    def report(done: int, total: int) -> None:
        if done % every == 0 or done == total:
            reporter.sentences(done, total)

    return report
