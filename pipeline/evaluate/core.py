"""Score extraction against gold annotations, strictly (codebook.md, "Gold annotations").

- ``numbers``: a predicted figure matches a gold figure when the values are
  equal and the predicted span overlaps the gold quote (one-to-one);
- ``figures``: a match counts only when the indicator agrees too (a gold
  ``other_*`` agrees with ``unclassified``; a codebook code never does);
- accuracies of indicator, qualifier, unit, denominator, kind and period on
  matched figures; province, province_2025, year, scope, published and period
  per document, each scored only where the gold gives the field;
- ``weaknesses``, ``solutions``, ``named_models``: clauses sharing at least
  half their words.

Every score with nothing to score is ``None``, never 1.0.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from extractors.extract import extract_document
from extractors.geo import places as geo
from extractors.records import Extraction
from extractors.text.periods import Published
from pipeline.evaluate.matching import (
    FigureMatch,
    Locator,
    gold_clause_text,
    indicator_agrees,
    match_clauses,
    match_figures,
    unit_agrees,
)
from pipeline.evaluate.scores import Counts, Tally, prf
from pipeline.evaluate.table import TableCheck
from pipeline.flows.batch import document_metadata
from pipeline.ingest.discover import read_manifest
from pipeline.ingest.readers import read_file

FIGURE_FIELDS = ("indicator", "qualifier", "unit", "denominator", "kind", "period")
DOCUMENT_FIELDS = ("province", "province_2025", "year", "scope", "published", "period")
CLAUSE_KINDS = ("weaknesses", "solutions", "named_models")


def find_document(docs_dir: Path, stem: str) -> Path | None:
    for path in sorted(docs_dir.glob(f"{stem}.*")):
        if path.is_file():
            return path
    return None


def _same_place(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return a == b
    return (geo.canonical_province(a) or a) == (geo.canonical_province(b) or b)


def _doc_period(doc) -> tuple[str | None, str | None]:
    return getattr(doc, "period_start", None), getattr(doc, "period_end", None)


def _full_date(value: Any, end: bool) -> str | None:
    """A gold date given to the month or the year (``2020-09``, ``2021``) names a span:
    as a period's start it is that span's first day, as its end its last day, which
    is how the pipeline writes them (published dates are compared by prefix instead)."""
    if not value:
        return None
    text = str(value)
    known = Published.parse(text) if re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", text) else None
    if known is None:
        return text
    if end:
        return known.last_day().isoformat()
    return date(known.year, known.month or 1, known.day or 1).isoformat()


def _gold_period(gold: dict[str, Any]) -> tuple[str | None, str | None] | None:
    period = gold.get("period")
    if not isinstance(period, dict) or not period.get("start"):
        return None
    return _full_date(period.get("start"), end=False), _full_date(period.get("end"), end=True)


def document_checks(doc, gold: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per document field: gold, predicted, and whether they agree (None: not in gold)."""
    predicted = {
        "province": doc.province,
        "province_2025": doc.province_2025,
        "year": doc.period,
        "scope": doc.scope,
        "published": doc.published,
        "period": _doc_period(doc),
    }
    checks: dict[str, dict[str, Any]] = {}
    for name in DOCUMENT_FIELDS:
        if name == "period":
            want: Any = _gold_period(gold)
            if want is None:
                checks[name] = {"gold": None, "predicted": predicted[name], "correct": None}
                continue
            got = tuple(predicted[name])
            ok: bool | None = got == tuple(want)
        elif name not in gold:
            want, ok = None, None
        else:
            want = gold[name]
            if want == "":
                want = None  # an empty gold date is no date, as null is
            got = predicted[name]
            if name in ("province", "province_2025"):
                ok = _same_place(got, want)
            elif name == "published" and want and got:
                ok = str(got)[: len(str(want))] == str(want)
            else:
                ok = got == want
        checks[name] = {"gold": want, "predicted": predicted[name], "correct": ok}
    return checks


def figure_checks(match: FigureMatch, doc_period) -> dict[str, bool | None]:
    """Field agreement for one matched figure (None: nothing to score)."""
    g, p = match.gold, match.predicted
    assert p is not None
    denominator = g.get("denominator")
    if denominator is None and p.denominator is None:
        denom_ok = None
    else:
        denom_ok = (
            denominator is not None
            and p.denominator is not None
            and abs(float(denominator) - p.denominator) < 1e-6
        )
    period_ok = None
    if doc_period is not None and not g.get("period_label"):
        period_ok = (getattr(p, "period_start", None), getattr(p, "period_end", None)) == tuple(
            doc_period
        )
    return {
        "indicator": indicator_agrees(g.get("indicator"), p.indicator),
        "qualifier": p.qualifier == g.get("qualifier", "exact"),
        "unit": unit_agrees(g["unit"], p.unit) if g.get("unit") else None,
        "denominator": denom_ok,
        "kind": p.kind == g["kind"] if g.get("kind") else None,
        "period": period_ok,
    }


def _unique_models(extraction: Extraction):
    """Gold lists each model name once: score the first occurrence of each name."""
    seen: set[str] = set()
    models = []
    for model in extraction.named_models:
        key = model.name.lower()
        if key not in seen:
            seen.add(key)
            models.append(model)
    return models


def _clause_texts(extraction: Extraction, kind: str) -> list[str]:
    """The text of each predicted clause; a solution is scored by its summary, the
    item's first sentence (codebook: "one row with its first sentence as a summary"),
    which is what gold gives, not by the whole item with its follow-up paragraphs."""
    text = extraction.document.text
    records = _unique_models(extraction) if kind == "named_models" else getattr(extraction, kind)
    if kind == "solutions":
        return [r.summary or text[r.start : r.end] for r in records]
    return [text[r.start : r.end] for r in records]


class Evaluation:
    """Running totals over documents, and the per-document entries."""

    def __init__(self) -> None:
        self.numbers = Counts()
        self.figures = Counts()
        self.figure_fields = {name: Tally() for name in FIGURE_FIELDS}
        self.document_fields = {name: Tally() for name in DOCUMENT_FIELDS}
        self.clauses = {name: Counts() for name in CLAUSE_KINDS}
        self.documents: dict[str, Any] = {}
        self.table = TableCheck()

    def add(self, stem: str, extraction: Extraction, gold: dict[str, Any]) -> None:
        doc = extraction.document
        locator = Locator(doc.text)
        figures = sorted(extraction.figures, key=lambda f: (f.start, f.end))
        matches, spurious = match_figures(figures, gold.get("figures", []), locator)
        matched = [m for m in matches if m.predicted is not None]
        strict = [
            m for m in matched if indicator_agrees(m.gold.get("indicator"), m.predicted.indicator)
        ]
        self.numbers.add(len(matched), len(figures), len(matches))
        self.figures.add(len(strict), len(figures), len(matches))
        doc_period = _gold_period(gold)
        confusions = []
        for m in matched:
            checks = figure_checks(m, doc_period)
            for name, ok in checks.items():
                self.figure_fields[name].add(ok)
            wrong = [name for name, ok in checks.items() if ok is False]
            if wrong:
                confusions.append(_confusion(m, wrong, doc_period))
        self.table.add(
            extraction,
            gold,
            {
                m.predicted.figure_id
                for m in matched
                if "national" in str(m.gold.get("note", "")).lower()
            },
        )
        doc_checks = document_checks(doc, gold)
        for name, check in doc_checks.items():
            self.document_fields[name].add(check["correct"])
        entry: dict[str, Any] = {
            "document": Path(doc.source).name,
            "numbers": prf(len(matched), len(figures), len(matches)),
            "figures": prf(len(strict), len(figures), len(matches)),
            "fields": doc_checks,
            "missed": [
                {
                    "value": m.gold.get("value"),
                    "indicator": m.gold.get("indicator"),
                    "quote": m.gold.get("quote"),
                    **({} if m.located else {"problem": "quote not found in the text"}),
                }
                for m in matches
                if m.predicted is None
            ],
            "spurious": [
                {
                    "value": f.value,
                    "indicator": f.indicator,
                    "evidence": doc.text[f.start : f.end],
                    "sentence": f.sentence,
                }
                for f in spurious
            ],
            "confusions": confusions,
        }
        for kind in CLAUSE_KINDS:
            if kind not in gold:
                continue
            gold_texts = [gold_clause_text(item) for item in gold[kind]]
            predicted = _clause_texts(extraction, kind)
            pairs = match_clauses(predicted, gold_texts)
            self.clauses[kind].add(len(pairs), len(predicted), len(gold_texts))
            hit_g = {g for g, _ in pairs}
            hit_p = {p for _, p in pairs}
            entry[kind] = {
                **prf(len(pairs), len(predicted), len(gold_texts)),
                "missed": [t for i, t in enumerate(gold_texts) if i not in hit_g],
                "spurious": [t for i, t in enumerate(predicted) if i not in hit_p],
            }
        self.documents[stem] = entry

    def result(self) -> dict[str, Any]:
        scored = [e for e in self.documents.values() if "error" not in e]
        out: dict[str, Any] = {
            "documents": len(scored),
            "figures": self.figures.prf(),
            "numbers": self.numbers.prf(),
        }
        for name, tally in self.figure_fields.items():
            out[f"{name}_accuracy"] = tally.accuracy
        for name, tally in self.document_fields.items():
            out[f"document_{name}_accuracy"] = tally.accuracy
        for kind, counts in self.clauses.items():
            out[kind] = counts.prf()
        out["counts"] = {
            **{f"figure_{k}": v.as_dict() for k, v in self.figure_fields.items()},
            **{f"document_{k}": v.as_dict() for k, v in self.document_fields.items()},
        }
        out["table"] = self.table.result()
        out["per_document"] = self.documents
        return out


def _confusion(m: FigureMatch, wrong: list[str], doc_period: Any = None) -> dict[str, Any]:
    """What the gold says and what was predicted, for each field; a figure's period is
    shown as its span (gold: the document's), the field that is scored."""
    p = m.predicted
    assert p is not None
    return {
        "value": m.gold.get("value"),
        "wrong": wrong,
        "gold": {
            **{k: m.gold.get(k) for k in ("indicator", "qualifier", "unit", "denominator", "kind")},
            "period": list(doc_period) if doc_period is not None else None,
        },
        "predicted": {
            "indicator": p.indicator,
            "qualifier": p.qualifier,
            "unit": p.unit,
            "denominator": p.denominator,
            "kind": p.kind,
            "period": [p.period_start, p.period_end],
        },
        "sentence": p.sentence,
    }


def evaluate(
    docs_dir: str | Path,
    gold_dir: str | Path,
    manifest: str | Path | None = None,
    weakness_mode: str = "model",
) -> dict[str, Any]:
    """Extract every document that has a gold file and score it; see the module doc."""
    docs_dir, gold_dir = Path(docs_dir), Path(gold_dir)
    entries = read_manifest(manifest) if manifest else {}
    evaluation = Evaluation()
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_path = find_document(docs_dir, gold_path.stem)
        if doc_path is None:
            evaluation.documents[gold_path.stem] = {"error": "document not found"}
            continue
        raw = read_file(doc_path)
        meta = document_metadata(raw, entries.get(str(doc_path.resolve())))
        extraction = extract_document(raw.text, meta, weakness_mode=weakness_mode)
        evaluation.add(gold_path.stem, extraction, gold)
    return evaluation.result()
