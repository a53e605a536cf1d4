"""Checks made before a run starts Prefect: each mistake found is one UserError.

They take well under a second, so a misspelt path, a store another run holds,
an output folder that cannot be written, a manifest that does not fit the
inputs or a broken install are reported before the slow start-up, not after.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from pipeline.cli.codebook import check_at_start_up
from pipeline.errors import DependencyError, UserError, store_in_use
from pipeline.ingest.discover import ManifestEntry, ManifestError, discover, read_manifest

# The package each format's reader imports, by file suffix.
READER_PACKAGES: dict[str, tuple[str, str]] = {
    ".html": ("trafilatura", ".html files"),
    ".htm": ("trafilatura", ".html files"),
    ".xhtml": ("trafilatura", ".html files"),
    ".pdf": ("pdfplumber", ".pdf files"),
    ".docx": ("docx", ".docx files"),
    ".txt": ("charset_normalizer", "text files"),
    ".md": ("charset_normalizer", "text files"),
}
SHOWN = 5  # names listed in one line before "and N more"


def _listed(items: Sequence[str]) -> str:
    more = len(items) - SHOWN
    return ", ".join(items[:SHOWN]) + (f" and {more} more" if more > 0 else "")


def check_inputs(inputs: Sequence[str]) -> list[Path]:
    """The files to read; a named input that does not exist (or a glob matching
    nothing) is an error rather than a failure row."""
    paths, failures = discover(inputs)
    missing = [f.path for f in failures if f.error_class in ("FileNotFoundError", "NoMatch")]
    if missing:
        noun = "input does not exist" if len(missing) == 1 else "inputs do not exist"
        raise UserError(f"{noun}: {_listed(missing)}")
    return paths


def check_out(out: Path) -> None:
    """The output folder exists or can be made, and a file can be written in it."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".antq-write-test-"):
            pass
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise UserError(f"cannot write to the output folder {out}: {reason}") from None
    store = out / "antq.duckdb"
    if store.exists() and not os.access(store, os.W_OK):
        raise UserError(f"cannot write to the store {store}: permission denied")


def check_store(store: Path) -> None:
    """Another run holding the store is named, with its process."""
    if not store.exists():
        return
    import duckdb

    try:
        duckdb.connect(str(store), read_only=True).close()
    except duckdb.Error as error:
        in_use = store_in_use(store, error)
        if in_use is not None:
            raise in_use from None
        raise UserError(f"the store {store} cannot be opened: {error}") from None


def check_manifest(manifest: Path | None, paths: Sequence[Path]) -> Mapping[str, ManifestEntry]:
    """The manifest reads, and every row names one of the input files."""
    if manifest is None:
        return {}
    try:
        entries = read_manifest(manifest)
    except ManifestError as error:
        raise UserError(f"manifest {error}") from None
    found = {str(p) for p in paths}
    unmatched = [os.path.relpath(key) for key in entries if key not in found]
    if unmatched:
        noun = "row matches" if len(unmatched) == 1 else "rows match"
        raise UserError(
            f"manifest {manifest}: {len(unmatched)} {noun} no input file: {_listed(unmatched)}"
        )
    return entries


def check_readers(paths: Sequence[Path]) -> None:
    """Import the package each input format needs: a broken install stops here."""
    suffixes = {p.suffix.lower() for p in paths}
    needed = {READER_PACKAGES[s] for s in suffixes if s in READER_PACKAGES}
    for module, needed_for in sorted(needed):
        try:
            importlib.import_module(module)
        except ImportError as error:
            raise DependencyError.from_import(error, needed_for) from None


def check_run(inputs: Sequence[str], out: Path, manifest: Path | None) -> None:
    """Every check of ``antq run``, cheapest first."""
    paths = check_inputs(inputs)
    check_manifest(manifest, paths)
    check_out(out)
    check_store(out / "antq.duckdb")
    check_readers(paths)
    check_at_start_up()
