"""Strict scoring against gold annotations: ``evaluate``, ``format_report``, ``format_errors``.

Public functions, by module:

- ``pipeline.evaluate.core``: ``evaluate``, ``Evaluation``.
- ``pipeline.evaluate.report``: ``format_report``, ``format_errors``.
- ``pipeline.evaluate.scores``: ``prf``, ``Tally``, ``Counts``.
- ``pipeline.evaluate.matching``: ``match_figures``, ``match_clauses``.
- ``pipeline.evaluate.table``: ``TableCheck`` (the comparable table against gold).
- ``pipeline.evaluate.clause_measures``: ``measure_clauses``, ``format_measures``.
- ``pipeline.evaluate.weakness_training``: ``train``, ``cross_validate``.

The four names in ``__all__`` are importable from this package and loaded on
first use, so importing one light submodule does not load the evaluator.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "evaluate": "pipeline.evaluate.core",
    "format_errors": "pipeline.evaluate.report",
    "format_report": "pipeline.evaluate.report",
    "prf": "pipeline.evaluate.scores",
}
__all__ = ["evaluate", "format_errors", "format_report", "prf"]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
