"""A time budget for one call running in the current thread.

Extraction is pure Python over one document; a pathological document (very
long, or a rule that backtracks) must not hold a whole run. ``time_budget``
starts a watchdog timer that, when the budget runs out, raises
``BudgetExceeded`` inside the thread doing the work (CPython's
``PyThreadState_SetAsyncExc``), which works in Prefect's worker threads and in
Dask workers alike, where ``signal.alarm`` (main thread only) does not.

The exception arrives between two Python bytecodes: a single call into C (one
sentence through the CRF tagger, one regular expression) finishes first, so
the budget is kept to within the longest such call.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class BudgetExceeded(Exception):
    """The work ran past its time budget."""


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> int:
    target = ctypes.py_object(exception) if exception is not None else None
    return ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), target)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``BudgetExceeded`` in this thread if the block runs past ``seconds``.

    ``None`` or a value <= 0 means no budget.
    """
    if not seconds or seconds <= 0:
        yield
        return
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = _raise_in(thread_id, BudgetExceeded) == 1

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            timer.cancel()
            if state["fired"]:
                # Fired but not yet delivered (the block ended first): withdraw it.
                _raise_in(thread_id, None)
