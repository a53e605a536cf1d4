"""Strict scoring against gold annotations: ``evaluate``, ``format_report``, ``format_errors``."""

from pipeline.evaluate.core import evaluate
from pipeline.evaluate.report import format_errors, format_report
from pipeline.evaluate.scores import prf

__all__ = ["evaluate", "format_errors", "format_report", "prf"]
