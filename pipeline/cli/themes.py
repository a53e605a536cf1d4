"""Text reports behind ``antq themes`` and ``antq indicators``."""

from __future__ import annotations

from pathlib import Path

from extractors.clauses.themes import discover_themes, evaluate_theme_classifier
from extractors.figures.codebook import load_codebook
from pipeline.review.suggest import suggest_indicators
from pipeline.store import db as store


def evaluation_report() -> str:
    result = evaluate_theme_classifier()
    lines = [
        f"theme classifier, leave-one-document-out on {result['n']} gold weakness clauses",
        f"accuracy {result['accuracy']:.3f}",
    ]
    for key, value in result.items():
        if key not in {"accuracy", "n"} and isinstance(value, int | float):
            lines.append(f"{key} {value:.3f}" if isinstance(value, float) else f"{key} {value}")
    return "\n".join(lines)


def _read(store_path: Path, sql: str) -> list[tuple]:
    if not store_path.exists():
        raise SystemExit(f"no store at {store_path}: run `antq run ... --out` first")
    con = store.connect(store_path, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def discover_report(store_path: Path) -> str:
    rows = _read(store_path, "SELECT text FROM weaknesses WHERE theme = 'other' ORDER BY text")
    texts = [r[0] for r in rows]
    if len(texts) < 2:
        return f"{len(texts)} weaknesses without a theme: nothing to cluster"
    lines = [f"{len(texts)} weaknesses without a theme; candidate themes:"]
    for i, cluster in enumerate(discover_themes(texts), 1):
        lines.append(f"\n{i}. size {cluster['size']}: {', '.join(cluster['top_terms'])}")
        lines += [f"   - {example}" for example in cluster["examples"]]
    return "\n".join(lines)


def indicators_report(store_path: Path, suggest: bool) -> str:
    codebook = load_codebook()
    if not suggest:
        return "\n".join(f"{r.code:<30} {r.family:<12} {r.kind or ''}" for r in codebook.rules)
    rows = _read(
        store_path, "SELECT coalesce(label, unit) FROM figures WHERE indicator = 'unclassified'"
    )
    candidates = suggest_indicators([r[0] for r in rows if r[0]])
    if not candidates:
        return "no unclassified figures"
    lines = ["candidate indicators from unclassified figures, most frequent first:"]
    for c in candidates:
        examples = "; ".join(f"{label} ({n})" for label, n in c.examples)
        lines.append(f"{c.count:>5}  {c.name}  [{', '.join(c.top_terms)}]  e.g. {examples}")
    return "\n".join(lines)
