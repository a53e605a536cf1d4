"""Precision, recall and accuracies that can say "wrong" and "nothing to score".

A score with nothing in gold and nothing predicted is ``None`` (JSON ``null``):
an empty category is not evidence of accuracy. An accuracy over zero items is
``None`` too, never 1.0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    """P/R/F1 with their counts; ``None`` where the denominator is zero."""
    precision = tp / n_pred if n_pred else None
    recall = tp / n_gold if n_gold else None
    if precision is None and recall is None:
        f1 = None
    elif precision is None or recall is None:
        f1 = 0.0  # something on one side only: every item is an error
        precision = 0.0 if precision is None else precision
        recall = 0.0 if recall is None else recall
    else:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": _round(precision),
        "recall": _round(recall),
        "f1": _round(f1),
        "tp": tp,
        "predicted": n_pred,
        "gold": n_gold,
    }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


@dataclass
class Tally:
    """Right answers out of scored items; ``accuracy`` is ``None`` when none were scored."""

    right: int = 0
    n: int = 0

    def add(self, correct: bool | None) -> None:
        """Count one item; ``None`` means the item has nothing to score."""
        if correct is None:
            return
        self.n += 1
        self.right += bool(correct)

    @property
    def accuracy(self) -> float | None:
        return round(self.right / self.n, 4) if self.n else None

    def as_dict(self) -> dict[str, Any]:
        return {"accuracy": self.accuracy, "right": self.right, "n": self.n}


@dataclass
class Counts:
    """tp / predicted / gold, summed over documents."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    def prf(self) -> dict[str, Any]:
        return prf(self.tp, self.predicted, self.gold)
