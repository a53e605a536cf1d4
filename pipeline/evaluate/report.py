"""Human-readable summaries of an evaluation: the scores, and every error with its sentence."""

from __future__ import annotations

from typing import Any


def _num(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def _prf_line(name: str, s: dict[str, Any]) -> str:
    return (
        f"{name:<22} P {_num(s['precision'])}  R {_num(s['recall'])}  F1 {_num(s['f1'])}  "
        f"({s['tp']} right / {s['predicted']} predicted / {s['gold']} gold)"
    )


def format_report(result: dict[str, Any]) -> str:
    """The headline scores, then one line per document."""
    counts = result["counts"]
    lines = [
        f"documents              {result['documents']}",
        _prf_line("figures (strict)", result["figures"]),
        _prf_line("numbers (value+place)", result["numbers"]),
    ]
    for key, tally in counts.items():
        label = key.replace("_", " ")
        lines.append(f"{label:<22} {_num(tally['accuracy'])}  ({tally['right']}/{tally['n']})")
    for name in ("weaknesses", "solutions", "named_models"):
        lines.append(_prf_line(name, result[name]))
    table = result.get("table") or {}
    if table.get("rows"):
        lines.append(
            f"{'table rows pure':<22} {_num(table['pure'])}  ({table['rows']} rows of "
            "province_indicators built only from documents of the row's scope and year)"
        )
    lines.append("")
    for stem, entry in result["per_document"].items():
        if "error" in entry:
            lines.append(f"{stem}: {entry['error']}")
            continue
        fields = entry["fields"]
        wrong = [k for k, v in fields.items() if v["correct"] is False]
        lines.append(
            f"{stem}: figures F1 {_num(entry['figures']['f1'])}, numbers F1 "
            f"{_num(entry['numbers']['f1'])}" + (f", wrong: {', '.join(wrong)}" if wrong else "")
        )
    return "\n".join(lines)


def format_errors(result: dict[str, Any]) -> str:
    """Every miss, spurious figure, confusion and wrong document field, with its sentence."""
    lines: list[str] = []
    for stem, entry in result["per_document"].items():
        if "error" in entry:
            lines.append(f"== {stem}: {entry['error']}")
            continue
        lines.append(f"== {stem}")
        for name, check in entry["fields"].items():
            if check["correct"] is False:
                lines.append(f"  {name}: gold {check['gold']!r}, got {check['predicted']!r}")
        for m in entry["missed"]:
            problem = f" [{m['problem']}]" if "problem" in m else ""
            lines.append(f"  MISSED {m['value']} {m['indicator']}: {m['quote']!r}{problem}")
        for s in entry["spurious"]:
            lines.append(f"  SPURIOUS {s['value']:g} {s['indicator']} {s['evidence']!r}")
            lines.append(f"      in: {s['sentence']}")
        for c in entry["confusions"]:
            diffs = ", ".join(
                f"{k}: gold {c['gold'].get(k)!r} got {c['predicted'].get(k)!r}" for k in c["wrong"]
            )
            lines.append(f"  CONFUSED {c['value']} ({diffs})")
            lines.append(f"      in: {c['sentence']}")
        for kind in ("weaknesses", "solutions", "named_models"):
            if kind not in entry:
                continue
            for text in entry[kind]["missed"]:
                lines.append(f"  {kind} MISSED: {text}")
            for text in entry[kind]["spurious"]:
                lines.append(f"  {kind} SPURIOUS: {text}")
    return "\n".join(lines)
