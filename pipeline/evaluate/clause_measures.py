"""Themes leave-one-province-out, and solutions and named models per corpus.

Themes: the gold weakness clauses of ``corpora/modelled`` carry a theme. For
each province, the theme classifier is rebuilt without that province's
clauses and without any training phrase (seed phrase or ``gold_labels`` row of
``themes.yaml``) that shares a 4-word n-gram with one of them, then predicts
them; a clause below the threshold is ``other``. Two training sets are
scored: the codebook alone (what ``antq run`` uses) and the codebook plus the
other provinces' modelled clauses.

Solutions and named models: the strict evaluator (``antq evaluate``) on each
gold corpus, since both are rule extractors with nothing to cross-validate.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from extractors.clauses.themes import (
    OTHER,
    WEAKNESSES,
    CentroidModel,
    gold_rows,
    seed_rows,
    theme_threshold,
)
from pipeline.evaluate.core import evaluate
from pipeline.evaluate.weakness_training import TRAINING_SETS

_WORD = re.compile(r"\w+")
NGRAM = 4


def ngrams(text: str, n: int = NGRAM) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def modelled_theme_rows(root: Path) -> list[dict[str, str]]:
    """Gold weakness clauses of the modelled corpus: text, theme, province, doc."""
    rows = []
    for path in sorted((root / "corpora/modelled/gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for item in gold.get("weaknesses", []):
            if isinstance(item, dict) and item.get("theme"):
                province = gold.get("province") or f"unknown:{path.stem}"
                rows.append(
                    {
                        "text": item["text"],
                        "theme": item["theme"],
                        "province": province,
                        "doc": path.stem,
                    }
                )
    return rows


def _disjoint(rows: Iterable[tuple[str, str]], test_grams: set) -> list[tuple[str, str]]:
    return [(t, c) for t, c in rows if not ngrams(t) & test_grams]


def themes_leave_one_province_out(root: Path) -> dict[str, Any]:
    """Accuracy of the theme classifier on unseen provinces (see the module doc)."""
    rows = modelled_theme_rows(root)
    codebook_rows = seed_rows(WEAKNESSES) + [
        (r["text"], r["theme"]) for r in gold_rows(WEAKNESSES) if r["theme"] != OTHER
    ]
    threshold = theme_threshold(WEAKNESSES)
    correct = {"codebook": 0, "codebook+modelled": 0}
    dropped = 0
    errors = []
    for province in sorted({r["province"] for r in rows}):
        test = [r for r in rows if r["province"] == province]
        grams = set().union(*(ngrams(r["text"]) for r in test))
        base = _disjoint(codebook_rows, grams)
        dropped += len(codebook_rows) - len(base)
        others = [
            (r["text"], r["theme"])
            for r in rows
            if r["province"] != province and r["theme"] != OTHER
        ]
        texts = [r["text"] for r in test]
        for name, train in (("codebook", base), ("codebook+modelled", base + others)):
            model = CentroidModel.fit([t for t, _ in train], [c for _, c in train], threshold)
            for row, (theme, _) in zip(test, model.predict(texts), strict=True):
                correct[name] += theme == row["theme"]
                if name == "codebook" and theme != row["theme"]:
                    errors.append({"text": row["text"], "truth": row["theme"], "predicted": theme})
    n = len(rows)
    return {
        "n": n,
        "provinces": len({r["province"] for r in rows}),
        "accuracy": round(correct["codebook"] / n, 4) if n else None,
        "accuracy_with_modelled": round(correct["codebook+modelled"] / n, 4) if n else None,
        "majority_other": round(sum(r["theme"] == OTHER for r in rows) / n, 4) if n else None,
        "phrases_dropped_for_ngram_overlap": dropped,
        "errors": errors,
    }


def solutions_and_models(root: Path) -> dict[str, Any]:
    """Strict P/R/F1 of solutions and named models on each gold corpus."""
    out: dict[str, Any] = {}
    for docs, gold in TRAINING_SETS:
        manifest = root / Path(docs).parent / "manifest.csv"
        result = evaluate(root / docs, root / gold, manifest if manifest.exists() else None)
        out[gold] = {kind: result[kind] for kind in ("solutions", "named_models")}
    return out


def measure_clauses(root: Path) -> dict[str, Any]:
    return {
        "themes": themes_leave_one_province_out(root),
        "solutions_and_models": solutions_and_models(root),
    }


def _prf(s: dict[str, Any]) -> str:
    if s["precision"] is None and s["recall"] is None:
        return f"nothing to score (gold {s['gold']}, predicted {s['predicted']})"
    return (
        f"P {s['precision'] or 0:.3f}  R {s['recall'] or 0:.3f}  F1 {s['f1'] or 0:.3f}  "
        f"(tp {s['tp']}, predicted {s['predicted']}, gold {s['gold']})"
    )


def format_measures(result: dict[str, Any]) -> str:
    themes = result["themes"]
    lines = [
        "",
        f"themes, leave-one-province-out on {themes['n']} modelled gold weakness clauses "
        f"({themes['provinces']} provinces; {themes['phrases_dropped_for_ngram_overlap']} "
        f"training phrases dropped over all folds for sharing a {NGRAM}-word n-gram):",
        f"  accuracy, codebook phrases only        {themes['accuracy']:.3f}",
        f"  accuracy, plus other provinces' clauses {themes['accuracy_with_modelled']:.3f}",
        f"  share of gold 'other' (baseline)       {themes['majority_other']:.3f}",
        "",
        "solutions and named models, strict evaluator:",
    ]
    for corpus, kinds in result["solutions_and_models"].items():
        for kind, scores in kinds.items():
            lines.append(f"  {corpus:<22} {kind:<13} {_prf(scores)}")
    return "\n".join(lines)
