"""Time spent in each stage of the pipeline, measured from outside the code it times.

``StageTimer`` wraps the functions ``extractors.extract`` and the pipeline call
(looked up in their modules' namespaces) with timers, so the extractors carry
no timing code. Nested stages are not double counted: time inside an inner
stage (a figure label inside the figures stage) is charged to the innermost one.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from types import ModuleType
from typing import Any

STAGES = (
    "read",
    "normalize",
    "numbers",
    "geo",
    "NER",
    "figures",
    "dates",
    "clauses",
    "store",
    "export",
)


def _targets() -> list[tuple[ModuleType, str, str]]:
    """(module, attribute, stage) of every function to time (missing ones are skipped)."""
    from extractors import extract
    from extractors.figures import sentence
    from pipeline.flows import batch, flow

    return [
        (batch, "read_file", "read"),
        (extract.textmod, "normalize_text", "normalize"),
        (extract.textmod, "split_sentences", "normalize"),
        (extract.textmod, "detect_title", "normalize"),
        (extract, "find_numbers", "numbers"),
        (extract.geo, "find_place_mentions", "geo"),
        (extract.geo, "detect_province", "geo"),
        (extract, "tag_sentences", "NER"),
        (extract, "figures_in_sentence", "figures"),
        (extract, "plan_sections", "figures"),
        (sentence, "word_tokens", "figures"),
        (extract, "figure_label", "figures"),
        (extract.dates, "find_published", "dates"),
        (extract.periods, "document_period", "dates"),
        (extract.periods, "sentence_period", "dates"),
        (extract, "extract_weaknesses", "clauses"),
        (extract, "detect_weaknesses", "clauses"),
        (extract, "link_parts", "figures"),
        (extract, "extract_solutions", "clauses"),
        (extract, "classify_weaknesses", "clauses"),
        (extract, "classify_solutions", "clauses"),
        (extract, "extract_named_models", "clauses"),
        (flow.store, "write_extractions", "store"),
        (flow.store, "record_files", "store"),
        (flow, "export_all", "export"),
    ]


class StageTimer:
    """Seconds per stage, own time only (an inner stage's time is not its caller's)."""

    def __init__(self, from_first_read: bool = False) -> None:
        """``from_first_read``: stages that run before the first file is read (the
        warm-up that loads the models while the Prefect API boots) are start-up, kept
        apart in ``startup`` and not in ``seconds``."""
        self.seconds: dict[str, float] = defaultdict(float)
        self.startup: dict[str, float] = defaultdict(float)
        self.from_first_read = from_first_read
        self._local = threading.local()  # per thread: [start, time in inner stages] frames
        self._lock = threading.Lock()
        self.first: float | None = None  # perf_counter when the first file was read
        self.last: float | None = None  # ... and when the last stage ended

    @property
    def _stack(self) -> list[list[float]]:
        if not hasattr(self._local, "stack"):
            self._local.stack = []
        return self._local.stack

    def wrap(self, stage: str, function: Callable) -> Callable:
        @wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            frame = [time.perf_counter(), 0.0]
            if self.first is None and stage == "read":
                self.first = frame[0]
            self._stack.append(frame)
            try:
                return function(*args, **kwargs)
            finally:
                stack = self._stack
                stack.pop()
                total = time.perf_counter() - frame[0]
                with self._lock:
                    early = self.from_first_read and self.first is None
                    (self.startup if early else self.seconds)[stage] += total - frame[1]
                    self.last = frame[0] + total
                if stack:
                    stack[-1][1] += total

        return timed

    @contextmanager
    def installed(self) -> Iterator[StageTimer]:
        """Wrap the stage functions while the block runs (this process, any thread)."""
        saved = []
        for module, name, stage in _targets():
            original = getattr(module, name, None)
            if original is None:
                continue  # renamed or gone in this version of the code: not timed
            saved.append((module, name, original))
            setattr(module, name, self.wrap(stage, original))
        try:
            yield self
        finally:
            for module, name, original in reversed(saved):
                setattr(module, name, original)

    def window(self) -> float:
        """Seconds from the first file read to the last stage's end: the work of a
        run without its start-up (imports, Prefect API, loading the models)."""
        if self.first is None or self.last is None:
            return 0.0
        return self.last - self.first

    def table(self) -> dict[str, float]:
        return {stage: round(self.seconds.get(stage, 0.0), 3) for stage in STAGES}
