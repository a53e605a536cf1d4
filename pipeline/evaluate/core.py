"""Score extraction against gold annotations (codebook.md, "Gold annotations").

A predicted figure matches a gold figure when the values are equal and the
predicted span overlaps one occurrence of the gold quote in the document,
both located after the same normalization (Unicode NFC, tone placement,
whitespace collapsed). Matching is one-to-one. Indicator, qualifier and kind
are then scored on matched pairs; province, province_2025 and year per
document; weaknesses, solutions and named models by span overlap.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.extract import Metadata, extract_document
from extractors.geo import places as geo
from extractors.records import Extraction
from extractors.text.normalize import normalize_tone
from pipeline.ingest.readers import read_file

WHITESPACE = re.compile(r"\s+")


def _fold(text: str) -> str:
    import unicodedata

    return normalize_tone(unicodedata.normalize("NFC", text))


def collapsed(text: str) -> tuple[str, list[int]]:
    """``text`` with whitespace runs as one space, and each char's offset in ``text``."""
    chars: list[str] = []
    index: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                chars.append(" ")
                index.append(i)
            in_space = True
        else:
            chars.append(ch)
            index.append(i)
            in_space = False
    return "".join(chars), index


class Locator:
    """Finds gold strings in a normalized document text."""

    def __init__(self, text: str):
        self.text = text
        self.flat, self.index = collapsed(_fold(text))

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        needle = WHITESPACE.sub(" ", _fold(quote)).strip()
        spans = []
        if not needle:
            return spans
        at = self.flat.find(needle)
        while at >= 0:
            end = at + len(needle) - 1
            spans.append((self.index[at], self.index[end] + 1))
            at = self.flat.find(needle, at + 1)
        return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "predicted": n_pred,
        "gold": n_gold,
    }


@dataclass
class FigureMatch:
    gold: dict[str, Any]
    predicted: Any | None


def match_figures(
    extraction: Extraction, gold: list[dict[str, Any]], locator: Locator
) -> tuple[list[FigureMatch], int]:
    """One-to-one matches, gold in order; returns matches and the number predicted."""
    predicted = list(extraction.figures)
    used: set[int] = set()
    used_spans: set[tuple[int, int]] = set()
    matches = []
    for item in gold:
        spans = locator.find_all(str(item.get("quote", "")))
        spans.sort(key=lambda s: s in used_spans)  # prefer an occurrence not yet matched
        hit = None
        for span in spans:
            for i, fig in enumerate(predicted):
                if i in used or abs(fig.value - float(item["value"])) > 1e-6:
                    continue
                if _overlaps((fig.start, fig.end), span):
                    hit = i
                    used_spans.add(span)
                    break
            if hit is not None:
                break
        if hit is not None:
            used.add(hit)
        matches.append(FigureMatch(item, predicted[hit] if hit is not None else None))
    return matches, len(predicted)


def match_spans(
    predicted: Iterable[tuple[int, int]], gold: list[str], locator: Locator
) -> tuple[int, int, int]:
    """tp, predicted, gold for clause-like records matched by overlap (one-to-one)."""
    predicted = list(predicted)
    used: set[int] = set()
    tp = 0
    for quote in gold:
        for span in locator.find_all(quote) or []:
            hit = next(
                (i for i, p in enumerate(predicted) if i not in used and _overlaps(p, span)), None
            )
            if hit is not None:
                used.add(hit)
                tp += 1
                break
    return tp, len(predicted), len(gold)


def _same_place(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return a == b
    return (geo.canonical_province(a) or a) == (geo.canonical_province(b) or b)


def find_document(docs_dir: Path, stem: str) -> Path | None:
    for path in sorted(docs_dir.glob(f"{stem}.*")):
        if path.is_file():
            return path
    return None


def evaluate(docs_dir: str | Path, gold_dir: str | Path) -> dict[str, Any]:
    docs_dir, gold_dir = Path(docs_dir), Path(gold_dir)
    totals = {
        "fig_tp": 0,
        "fig_pred": 0,
        "fig_gold": 0,
        "ind": 0,
        "qual": 0,
        "kind": 0,
        "kind_n": 0,
        "prov": 0,
        "prov25": 0,
        "year": 0,
        "pub": 0,
        "docs": 0,
    }
    clause_totals = {name: [0, 0, 0] for name in ("weaknesses", "solutions", "named_models")}
    per_document: dict[str, Any] = {}
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_path = find_document(docs_dir, gold_path.stem)
        if doc_path is None:
            per_document[gold_path.stem] = {"error": "document not found"}
            continue
        raw = read_file(doc_path)
        extraction = extract_document(
            raw.text,
            Metadata(
                source=str(doc_path),
                title=raw.title,
                published=raw.published,
                url=raw.url,
                format=raw.format,
            ),
        )
        doc = extraction.document
        locator = Locator(doc.text)
        matches, n_pred = match_figures(extraction, gold.get("figures", []), locator)
        matched = [m for m in matches if m.predicted is not None]
        ind = sum(m.predicted.indicator == m.gold.get("indicator") for m in matched)
        qual = sum(m.predicted.qualifier == m.gold.get("qualifier", "exact") for m in matched)
        with_kind = [m for m in matched if m.gold.get("kind")]
        kind = sum(m.predicted.kind == m.gold["kind"] for m in with_kind)
        prov_ok = _same_place(doc.province, gold.get("province"))
        prov25_ok = "province_2025" not in gold or _same_place(
            doc.province_2025, gold.get("province_2025")
        )
        year_ok = doc.period == gold.get("year")
        pub_ok = "published" not in gold or doc.published == gold.get("published")
        totals["fig_tp"] += len(matched)
        totals["fig_pred"] += n_pred
        totals["fig_gold"] += len(matches)
        totals["ind"] += ind
        totals["qual"] += qual
        totals["kind"] += kind
        totals["kind_n"] += len(with_kind)
        totals["prov"] += prov_ok
        totals["prov25"] += prov25_ok
        totals["year"] += year_ok
        totals["pub"] += pub_ok
        totals["docs"] += 1
        entry: dict[str, Any] = {
            "document": doc_path.name,
            "figures": prf(len(matched), n_pred, len(matches)),
            "indicator_errors": [
                {
                    "value": m.gold["value"],
                    "gold": m.gold.get("indicator"),
                    "predicted": m.predicted.indicator,
                }
                for m in matched
                if m.predicted.indicator != m.gold.get("indicator")
            ],
            "missed_figures": [m.gold.get("quote") for m in matches if m.predicted is None],
            "province": {
                "gold": gold.get("province"),
                "predicted": doc.province,
                "correct": prov_ok,
            },
            "province_2025": {
                "gold": gold.get("province_2025"),
                "predicted": doc.province_2025,
                "correct": prov25_ok,
            },
            "year": {"gold": gold.get("year"), "predicted": doc.period, "correct": year_ok},
            "published": {
                "gold": gold.get("published"),
                "predicted": doc.published,
                "correct": pub_ok,
            },
        }
        matched_ids = {id(m.predicted) for m in matched}
        entry["extra_figures"] = [
            doc.text[f.start : f.end] for f in extraction.figures if id(f) not in matched_ids
        ]
        for name, records, key in (
            ("weaknesses", extraction.weaknesses, "weaknesses"),
            ("solutions", extraction.solutions, "solutions"),
            ("named_models", extraction.named_models, "named_models"),
        ):
            if key not in gold:
                continue
            spans = [(r.start, r.end) for r in records]
            if name == "named_models":
                spans = _unique_model_spans(extraction)
            tp, n_p, n_g = match_spans(spans, list(gold[key]), locator)
            entry[name] = prf(tp, n_p, n_g)
            for i, value in enumerate((tp, n_p, n_g)):
                clause_totals[name][i] += value
        per_document[gold_path.stem] = entry
    n_docs = max(1, totals["docs"])
    result: dict[str, Any] = {
        "documents": totals["docs"],
        "figures": prf(totals["fig_tp"], totals["fig_pred"], totals["fig_gold"]),
        "indicator_accuracy": _ratio(totals["ind"], totals["fig_tp"]),
        "qualifier_accuracy": _ratio(totals["qual"], totals["fig_tp"]),
        "kind_accuracy": _ratio(totals["kind"], totals["kind_n"]),
        "province_accuracy": round(totals["prov"] / n_docs, 4),
        "province_2025_accuracy": round(totals["prov25"] / n_docs, 4),
        "year_accuracy": round(totals["year"] / n_docs, 4),
        "published_accuracy": round(totals["pub"] / n_docs, 4),
    }
    for name, (tp, n_p, n_g) in clause_totals.items():
        result[name] = prf(tp, n_p, n_g)
    result["per_document"] = per_document
    return result


def _unique_model_spans(extraction: Extraction) -> list[tuple[int, int]]:
    """Gold lists each model name once: score the first occurrence of each name."""
    seen: set[str] = set()
    spans = []
    for model in extraction.named_models:
        key = model.name.lower()
        if key not in seen:
            seen.add(key)
            spans.append((model.start, model.end))
    return spans


def _ratio(n: int, d: int) -> float:
    return round(n / d, 4) if d else 1.0


def format_report(result: dict[str, Any]) -> str:
    """A human-readable summary of ``evaluate``'s result."""
    fig = result["figures"]
    lines = [
        f"documents            {result['documents']}",
        f"figures              P {fig['precision']:.3f}  R {fig['recall']:.3f}  "
        f"F1 {fig['f1']:.3f}  ({fig['tp']} matched / {fig['predicted']} predicted / "
        f"{fig['gold']} gold)",
        f"indicator accuracy   {result['indicator_accuracy']:.3f}",
        f"qualifier accuracy   {result['qualifier_accuracy']:.3f}",
        f"kind accuracy        {result['kind_accuracy']:.3f}",
        f"province accuracy    {result['province_accuracy']:.3f}  "
        f"(2025: {result['province_2025_accuracy']:.3f})",
        f"year accuracy        {result['year_accuracy']:.3f}",
        f"published accuracy   {result['published_accuracy']:.3f}",
    ]
    for name in ("weaknesses", "solutions", "named_models"):
        s = result[name]
        lines.append(f"{name:<20} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    lines.append("")
    for stem, entry in result["per_document"].items():
        if "error" in entry:
            lines.append(f"{stem}: {entry['error']}")
            continue
        f = entry["figures"]
        lines.append(
            f"{stem}: figures F1 {f['f1']:.3f}, province {entry['province']['predicted']} "
            f"({'ok' if entry['province']['correct'] else 'WRONG'}), year "
            f"{entry['year']['predicted']} ({'ok' if entry['year']['correct'] else 'WRONG'})"
        )
        for err in entry["indicator_errors"]:
            lines.append(
                f"    indicator {err['value']}: gold {err['gold']}, got {err['predicted']}"
            )
        for quote in entry["missed_figures"]:
            lines.append(f"    missed: {quote!r}")
    return "\n".join(lines)
