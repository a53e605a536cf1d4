"""The table ``antq run`` ends with: documents, figures, failures by reason, time, outputs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Any

import pandas as pd


def _rows(path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    except (OSError, pd.errors.EmptyDataError):
        return pd.DataFrame()


def summary_facts(summary: Any, out: Path, seconds: float, report: Path | None) -> dict:
    """What the run produced, read back from its outputs (plain data, for text or JSON)."""
    failures = _rows(out / "failures.csv")
    by_reason = (
        {str(k): int(v) for k, v in failures.groupby("reason").size().items()}
        if "reason" in failures.columns and len(failures)
        else {}
    )
    return {
        "documents": int(summary.documents),
        "extracted": int(summary.extracted),
        "from_store": int(summary.cached),
        "unchanged": bool(summary.unchanged),
        "figures": len(_rows(out / "figures.csv")),
        "weaknesses": len(_rows(out / "weaknesses.csv")),
        "failures": int(summary.failures),
        "failures_by_reason": by_reason,
        "seconds": round(seconds, 1),
        "out": str(out),
        "report": str(report) if report else None,
    }


def _lines(facts: dict) -> list[tuple[str, str]]:
    rows = [
        (
            "documents",
            f"{facts['documents']} ({facts['extracted']} extracted, "
            f"{facts['from_store']} from the store)"
            + (", nothing changed" if facts["unchanged"] else ""),
        ),
        ("figures", str(facts["figures"])),
        ("weaknesses", str(facts["weaknesses"])),
        ("failures", str(facts["failures"])),
    ]
    rows += [(f"  {reason}", str(n)) for reason, n in facts["failures_by_reason"].items()]
    rows += [("time", f"{facts['seconds']:.1f} s"), ("outputs", f"{facts['out']}/ (CSV, Parquet)")]
    if facts["report"]:
        rows.append(("report", facts["report"]))
    if facts["failures"]:
        rows.append(("why", f"{facts['out']}/failures.csv"))
    return rows


def print_summary(facts: dict, stream: IO[str] | None = None) -> None:
    """A rich table on a terminal, ``name: value`` lines elsewhere."""
    stream = stream or sys.stdout
    if stream.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(title="antq run", show_header=False)
        table.add_column(style="bold")
        table.add_column()
        for name, value in _lines(facts):
            table.add_row(name, value)
        Console(file=stream).print(table)
        return
    for name, value in _lines(facts):
        stream.write(f"{name}: {value}\n")
