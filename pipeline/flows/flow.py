"""The Prefect flows: ingest + extract per batch, write the store, build the dataset.

```
files ──discover──> batches ──extract_batch (task per batch)──> store ──build_dataset──> CSV
```

Each finished batch is committed to the DuckDB store at once, so a killed
run resumes: the next run finds those files in the store (by cache key: the
file's bytes, its manifest row, the options that change records, the extractor
and reader code and the NLP library versions, see ``pipeline.flows.cache_key``)
and extracts only the rest. Known files are recognised in
the flow (one SHA-1 per file) and never sent to a task; the others go to tasks
in batches, so memory stays flat as the corpus grows: with one worker each
batch's task runs in the flow's thread, one after the other; with Dask workers
a few batches are in flight at a time.
"""

from __future__ import annotations

import pipeline.flows.prefect_env  # noqa: F401  (must precede prefect)

# isort: split

import math
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict
from pathlib import Path

from prefect import flow, task

from extractors.extract import extractor_version
from pipeline.flows import progress, stopping
from pipeline.flows.batch import BatchResult, FileRow, Options, process_batch
from pipeline.flows.cache_key import (
    cache_key,
    key_base,
    library_versions,
    manifest_row,
    reader_version,
)
from pipeline.flows.summary import RunSummary, fingerprint
from pipeline.ingest.discover import discover, read_manifest
from pipeline.store import db as store
from pipeline.store.export import export_all


@task(name="extract-batch", retries=0)
def extract_batch(paths: list[str], options: Options, manifest: dict, base: str) -> BatchResult:
    return process_batch(paths, options, manifest, base)


@task(name="build-dataset")
def build_dataset(store_path: str, out: str) -> dict[str, int]:
    return export_all(store_path, out)


def _display(path: Path) -> str:
    """Paths under the working directory are shown relative to it (portable outputs)."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _batches(paths: list[str], batch_size: int) -> list[list[str]]:
    return [paths[i : i + batch_size] for i in range(0, len(paths), max(1, batch_size))]


def split_known(
    names: list[str],
    known: Mapping[str, tuple[str, str]],
    max_bytes: int,
    manifest: Mapping[str, object] | None = None,
    base: str = "",
) -> tuple[list[FileRow], list[str]]:
    """File rows for files the store already holds, and the names still to extract.

    ``known`` maps cache keys to (doc_id, format); a file's key is made from
    its SHA-1, its manifest row and ``base``. Files that cannot be hashed (or
    are too large) go with the rest: the task turns them into failure rows.
    """
    manifest = manifest or {}
    rows: list[FileRow] = []
    todo: list[str] = []
    for name in names:
        path = Path(name)
        try:
            size = path.stat().st_size
            sha1 = fingerprint(path) if size <= max_bytes else None
        except OSError:
            sha1 = None
        key = cache_key(sha1, manifest.get(str(path.resolve())), base) if sha1 else None
        if key is not None and key in known:
            doc_id, fmt = known[key]
            rows.append(FileRow(name, sha1, size, doc_id, fmt, None, key))
        else:
            todo.append(name)
    return rows, todo


def in_window(futures: Iterable, window: int) -> Iterator[BatchResult]:
    """Results of lazily submitted futures, oldest first, at most ``window`` in flight."""
    pending: deque = deque()
    for future in futures:
        pending.append(future)
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def auto_batch_size(n_files: int, workers: int) -> int:
    """Big enough to amortise a task run, small enough to keep every worker busy."""
    if n_files == 0:
        return 1
    return max(1, min(50, math.ceil(n_files / max(1, workers * 4))))


def run_info(
    inputs: list[str],
    manifest_path: str | None,
    manifest: Mapping[str, object],
    names: list[str],
    options: Options,
) -> dict:
    """What the run was given, as cited in ``datapackage.json``."""
    rows = {name: manifest_row(manifest.get(str(Path(name).resolve()))) for name in names}
    return {
        "inputs": [str(i) for i in inputs],
        "manifest": {
            "path": _display(Path(manifest_path)),
            "sha1": fingerprint(Path(manifest_path)),
        }
        if manifest_path
        else None,
        "manifest_rows": {name: row for name, row in rows.items() if row is not None},
        "options": asdict(options),
        "reader_version": reader_version(),
        "libraries": library_versions(),
    }


@flow(name="antq-run", log_prints=False)
def run_flow(
    inputs: list[str],
    out: str,
    manifest_path: str | None = None,
    options: Options | None = None,
    batch_size: int | None = None,
    workers: int = 1,
    force: bool = False,
    in_process: bool | None = None,
) -> RunSummary:
    """``in_process`` (default: ``workers <= 1``) runs each batch's task in the flow's
    thread, one after the other, instead of submitting it to the task runner."""
    stopping.reclaim_signals()
    options = options or Options()
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    store_path = str(out_dir / "antq.duckdb")

    paths, discover_failures = discover(inputs)
    manifest = read_manifest(manifest_path) if manifest_path else {}
    version = extractor_version()
    con = store.connect(store_path)
    try:
        known = {} if force else store.known_files(con, version)
        failures = [f.as_row() | {"detail": str(f)} for f in discover_failures]
        names = [_display(p) for p in paths]
        base = key_base(options, version)
        known_rows, todo = split_known(names, known, options.max_bytes, manifest, base)
        store.record_files(con, [asdict(f) for f in known_rows])
        seen_docs = {f.doc_id for f in known_rows}
        reporter = progress.current()
        reporter.start(len(names), [f.path for f in known_rows])
        size = batch_size or auto_batch_size(len(todo), workers)
        batches = _batches(todo, size)
        extracted = 0
        if in_process is None:
            in_process = workers <= 1
        if in_process:
            # One task run at a time, in this thread: a worker thread would only
            # take turns with this one for the GIL while a batch is committed.
            results = (extract_batch(batch, options, manifest, base) for batch in batches)
        else:
            futures = (extract_batch.submit(batch, options, manifest, base) for batch in batches)
            results = in_window(futures, 2 * max(1, workers))
        for done, (batch, result) in enumerate(zip(batches, results, strict=False), 1):
            with stopping.committing():
                store.write_extractions(con, result.extractions, version)
                store.record_files(con, [asdict(f) for f in result.files])
                stopping.batch_committed(len(result.files) + len(result.failures))
            failures += result.failures
            extracted += result.extracted
            seen_docs.update(f.doc_id for f in result.files)
            reporter.files_done(batch)
            reporter.batch_committed(done, len(batches), len(result.files), len(result.failures))
        store.prune_unreferenced(con)
        failed_paths = {f["path"] for f in failures}
        store.set_run_files(con, sorted(n for n in names if n not in failed_paths))
        store.replace_failures(con, sorted(failures, key=lambda f: (f["path"], f["stage"])))
        store.set_run_info(con, run_info(inputs, manifest_path, manifest, names, options))
    finally:
        con.close()
        del con  # a traceback kept by a failed Prefect state must not keep it alive
    build_dataset(store_path, out)
    return RunSummary(
        documents=len(seen_docs),
        failures=len(failures),
        extracted=extracted,
        cached=len(names) - len(failed_paths & set(names)) - extracted,
        out=str(out_dir),
    )
