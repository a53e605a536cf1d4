"""Review: look at extractions, correct them, and show them to people.

Public functions, by module:

- ``pipeline.review.session``: ``Review`` (a notebook's view of one store),
  ``export_corrections``, ``import_corrections``, ``check_table``; also
  importable from this package (``from pipeline.review import Review``),
  loaded on first use.
- ``pipeline.review.decisions``: accept, reject, correct, add (the writing half
  of ``Review``), ``default_author``.
- ``pipeline.review.store_access``: ``StoreAccess``, ``holding`` (store connections).
- ``pipeline.review.corrections_io``: ``export_corrections``, ``import_corrections``.
- ``pipeline.review.corrections``: ``apply_corrections`` and the correction rules.
- ``pipeline.review.highlight``: ``document_fragment``, ``spans_from_tables``,
  ``style_block`` (documents as HTML).
- ``pipeline.review.report``: ``write_report``, ``report_html``;
  ``pipeline.review.report_tables``: ``figures_table``.
- ``pipeline.review.plots``: ``write_plots``; ``pipeline.review.plot_data``: ``plot_data``.
- ``pipeline.review.notebook``: the helpers behind the two notebooks.
- ``pipeline.review.suggest``: ``suggest_indicators``.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["Review", "export_corrections", "import_corrections"]


def __getattr__(name: str) -> Any:
    """Load ``Review`` and friends on first use, so importing the package stays cheap."""
    if name in __all__:
        return getattr(importlib.import_module("pipeline.review.session"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
