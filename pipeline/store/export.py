"""Export the store as CSV (UTF-8 with BOM, for Excel) and Parquet, with datapackage.json.

Review corrections are applied on every export. Output is deterministic:
rows sorted by stable keys, no timestamps, so two runs over the same input
give byte-identical files. Every table is checked by its pandera schema
(``pipeline.store.checks``) before it is written; a table that fails is not
written (an older copy is removed), is left out of ``datapackage.json``, and
the export says why on one line of stderr.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from pipeline.review.corrections import apply_corrections
from pipeline.store import db as store
from pipeline.store.checks import check_table
from pipeline.store.dataset import province_indicators
from pipeline.store.package import applied_corrections, run_inputs, write_package
from pipeline.store.theme_tables import theme_matrix, weakness_cells

RECORD_SORT = {
    "figures": ["doc_id", "number_start", "figure_id"],
    "entities": ["doc_id", "start", "entity_id"],
    "weaknesses": ["doc_id", "start", "weakness_id"],
    "solutions": ["doc_id", "start", "solution_id"],
    "named_models": ["doc_id", "start", "model_id"],
}
CORRECTABLE = {"figures": "figure", "weaknesses": "weakness", "solutions": "solution"}
# Scores stay fractions even when every one happens to be whole.
FRACTIONS = {"confidence", "theme_score", "score"}


def _whole(values: pd.Series) -> pd.Series:
    return values.notna() & (values == values.round())


def integral(frame: pd.DataFrame, for_csv: bool = False) -> pd.DataFrame:
    """Counts as integers: ``34``, never ``34.0``; money in đồng stays exact.

    A float column whose values are all whole becomes ``Int64`` (empty cells
    stay empty). In a column mixing whole and fractional values (a count and a
    percentage in ``value``) the CSV writes each number as it is (``34``,
    ``95.5``); Parquet keeps such a column as float.
    """
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if column in FRACTIONS or not pd.api.types.is_float_dtype(values):
            continue
        present = values.dropna()
        whole = _whole(values)
        if present.empty or whole.sum() == len(present):
            out[column] = values.round().astype("Int64")
        elif for_csv:
            out[column] = pd.Series(
                [
                    int(v) if w else (None if pd.isna(v) else float(v))
                    for v, w in zip(values, whole, strict=True)
                ],
                index=values.index,
                dtype=object,
            )
    return out


def replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    A reader (Excel, a notebook, ``antq serve`` stopped midway) sees the old
    file or the new one, never half of one.
    """
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    replace_atomically(
        path,
        lambda p: integral(frame, for_csv=True).to_csv(
            p, index=False, encoding="utf-8-sig", lineterminator="\n"
        ),
    )


def write_table(frame: pd.DataFrame, out: Path, name: str) -> None:
    write_csv(frame, out / f"{name}.csv")
    parquet_dir = out / "parquet"
    parquet_dir.mkdir(exist_ok=True)
    replace_atomically(
        parquet_dir / f"{name}.parquet", lambda p: integral(frame).to_parquet(p, index=False)
    )


def _sorted(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    keys = [k for k in keys if k in frame.columns]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True) if keys else frame


def load_tables(con, run_only: bool = True) -> dict[str, pd.DataFrame]:
    """Store tables restricted to the documents of the latest run (or all)."""
    run_docs = (
        con.execute("SELECT DISTINCT f.doc_id FROM files f JOIN run_files r ON r.path = f.path")
        .df()["doc_id"]
        .tolist()
    )
    if not run_only or not run_docs:
        run_docs = con.execute("SELECT doc_id FROM documents").df()["doc_id"].tolist()
    keep = set(run_docs)
    tables: dict[str, pd.DataFrame] = {}
    for name in ["documents", *store.RECORD_TABLES]:
        frame = store.read_table(con, name)
        tables[name] = frame[frame["doc_id"].isin(keep)].reset_index(drop=True)
    sources = con.execute(
        "SELECT f.doc_id, f.path, f.url FROM files f JOIN run_files r ON r.path = f.path "
        "ORDER BY f.path"
    ).df()
    grouped = sources.groupby("doc_id")["path"].apply(
        lambda s: json.dumps(sorted(s), ensure_ascii=False)
    )
    docs = tables["documents"]
    docs["sources"] = docs["doc_id"].map(grouped).fillna(docs["sources"])
    docs["source"] = docs["sources"].map(lambda s: (json.loads(s) or [""])[0] if s else "")
    tables["corrections"] = store.read_table(con, "corrections")
    tables["failures"] = store.read_table(con, "failures")
    return tables


def corrected_tables(
    tables: dict[str, pd.DataFrame],
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Apply corrections to the correctable tables; return them and the problems."""
    out = dict(tables)
    problems = []
    for name, kind in CORRECTABLE.items():
        fixed, issues = apply_corrections(
            tables[name], tables["corrections"], tables["documents"], kind=kind
        )
        out[name] = fixed
        problems.append(issues)
    report = (
        pd.concat([p for p in problems if len(p)], ignore_index=True)
        if any(len(p) for p in problems)
        else pd.DataFrame(columns=["correction_id", "target_id", "problem"])
    )
    return out, report


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class CheckedWriter:
    """Writes a table only when its pandera check passes; remembers what was written."""

    def __init__(self, out: Path, report: Callable[[str], None]) -> None:
        self.out = out
        self.report = report
        self.written: dict[str, pd.DataFrame] = {}
        self.rejected: dict[str, str] = {}

    def write(self, name: str, frame: pd.DataFrame, parquet: bool = True) -> bool:
        problem = check_table(name, frame, self.written)
        if problem is not None:
            self.rejected[name] = problem
            for stale in (self.out / f"{name}.csv", self.out / "parquet" / f"{name}.parquet"):
                stale.unlink(missing_ok=True)
            self.report(f"{name}.csv not written: {problem}")
            return False
        if parquet:
            write_table(frame, self.out, name)
        else:
            write_csv(frame, self.out / f"{name}.csv")
        self.written[name] = frame
        return True


def _provenance(
    tables: dict[str, pd.DataFrame], files: pd.DataFrame, info: dict
) -> dict[str, object]:
    from extractors.figures.codebook import load_codebook

    versions = sorted(set(tables["documents"]["extractor_version"].dropna()))
    return {
        "codebook_version": str(load_codebook().version),
        "extractor_version": versions[0] if len(versions) == 1 else versions,
        "reader_version": info.get("reader_version"),
        "libraries": info.get("libraries"),
        "corrections": applied_corrections(
            {name: tables[name] for name in CORRECTABLE}, tables["corrections"]
        ),
        "inputs": run_inputs(files, info),
    }


def export_all(
    store_path: str | Path,
    out: str | Path,
    run_only: bool = True,
    report: Callable[[str], None] = _stderr,
) -> dict[str, int]:
    """Write every CSV (and Parquet copy) that passes its check, and datapackage.json.

    Returns row counts per written file; ``report`` gets one line per table not written.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    con = store.connect(store_path)
    try:
        tables = load_tables(con, run_only)
        files = con.execute(
            "SELECT f.* FROM files f JOIN run_files r ON r.path = f.path ORDER BY f.path"
        ).df()
        info = store.run_info(con)
    finally:
        con.close()
        del con  # nothing may keep the DuckDB connection alive until interpreter exit
    tables, problems = corrected_tables(tables)
    tables["figures"] = without_dangling_parts(tables["figures"])
    writer = CheckedWriter(out, report)

    documents = _sorted(tables["documents"].drop(columns=["text"]), ["doc_id"])
    writer.write("documents", documents)
    for name, keys in RECORD_SORT.items():
        writer.write(name, _sorted(tables[name], keys))
    writer.write("failures", _sorted(tables["failures"], ["path", "stage"]))

    comparable = province_indicators(tables["figures"], tables["documents"])
    writer.write("province_indicators", comparable)
    writer.write("weakness_themes", weakness_cells(tables["weaknesses"]))
    writer.write("solution_themes", theme_matrix(tables["solutions"], "solution_id"))
    writer.write("corrections_problems", _sorted(problems, ["correction_id"]), parquet=False)
    write_package(out, writer.written, _provenance(tables, files, info))
    return {name: len(frame) for name, frame in writer.written.items()}


def without_dangling_parts(figures: pd.DataFrame) -> pd.DataFrame:
    """A part whose total a reviewer rejected stands on its own (``part_of`` cleared)."""
    if "part_of" not in figures or "figure_id" not in figures:
        return figures
    known = set(figures["figure_id"])
    dangling = figures["part_of"].notna() & ~figures["part_of"].isin(known)
    if not dangling.any():
        return figures
    figures = figures.copy()
    figures.loc[dangling, "part_of"] = None
    return figures
