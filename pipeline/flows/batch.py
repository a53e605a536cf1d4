"""Read and extract one batch of files: the work inside a Prefect task.

Plain functions, so the flow, a Dask worker and the tests run the same code.
Nothing here raises for a bad file: every problem becomes a failure row and
the rest of the batch goes on. A broken install (DependencyError) does stop it.
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extractors.extract import Metadata, extract_document, extractor_version
from extractors.records import Extraction
from pipeline.errors import DependencyError
from pipeline.flows import heap, progress
from pipeline.flows.budget import BudgetExceeded, time_budget
from pipeline.flows.cache_key import cache_key, key_base
from pipeline.flows.summary import fingerprint
from pipeline.ingest.discover import ManifestEntry
from pipeline.ingest.readers import DEFAULT_MAX_UNZIPPED_BYTES, ReadFailure, read_file


@dataclass(frozen=True)
class Options:
    max_bytes: int = 50 * 1024**2
    timeout_s: float = 60.0
    # ``records``: options that change records, part of the cache key
    with_entities: str = field(default="needed", metadata={"records": True})  # all/needed/off
    weakness_mode: str = field(default="model", metadata={"records": True})  # model / rules
    languages: tuple[str, ...] = field(default=("vi",), metadata={"records": True})
    doc_timeout_s: float = 60.0  # extraction budget per document (0: none)
    max_unzipped_bytes: int = DEFAULT_MAX_UNZIPPED_BYTES  # .docx inflated-size cap


@dataclass(frozen=True)
class FileRow:
    path: str
    file_sha1: str
    size: int
    doc_id: str
    format: str
    url: str | None
    cache_key: str | None = None  # see pipeline.flows.cache_key


@dataclass
class BatchResult:
    extractions: list[Extraction] = field(default_factory=list)
    files: list[FileRow] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)
    extracted: int = 0  # documents actually extracted (not taken from the store)


def failure_row(
    path: str,
    stage: str,
    reason: str,
    error: BaseException | None = None,
    detail: str | None = None,
    error_class: str | None = None,
) -> dict:
    return {
        "path": path,
        "stage": stage,
        "reason": reason,
        "error_class": error_class or (type(error).__name__ if error else None),
        "detail": detail if detail is not None else (str(error)[:500] if error else None),
    }


def document_metadata(raw, entry: ManifestEntry | None) -> Metadata:
    """What the reader found, overridden by the researcher's manifest row."""
    url, published, province, manifest_fields = raw.url, raw.published, None, []
    if entry is not None:
        for name in ("url", "published", "province"):
            value = getattr(entry, name)
            if value:
                manifest_fields.append(name)
        url = entry.url or url
        published = entry.published or published
        province = entry.province
    return Metadata(
        source=raw.path,
        url=url,
        title=raw.title,
        published=published,
        province=province,
        format=raw.format,
        from_manifest=tuple(manifest_fields),
        ocr=raw.ocr,
    )


def process_batch(
    paths: Sequence[str],
    options: Options,
    manifest: Mapping[str, ManifestEntry],
    base: str | None = None,
) -> BatchResult:
    """Read and extract ``paths`` (files the store already holds are filtered out
    by the flow before a batch is made, see ``pipeline.flows.flow.split_known``).

    ``base`` is the run's ``key_base`` (computed here when not given).
    """
    result = BatchResult()
    base = base if base is not None else key_base(options, extractor_version())
    reporter = progress.current()  # silent in a Dask worker
    for name in paths:
        reporter.file_started(name)
        _process_file(name, Path(name), options, manifest, base, result)
        if result.extracted:
            heap.settle_once()  # the models are loaded now
        reporter.files_done([name])
    return result


def _process_file(
    name: str,
    path: Path,
    options: Options,
    manifest: Mapping[str, ManifestEntry],
    base: str,
    result: BatchResult,
) -> None:
    """Read and extract one file into ``result`` (an extraction or a failure row)."""
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            result.failures.append(
                failure_row(
                    name,
                    "read",
                    "too large",
                    detail=f"{size} bytes > limit {options.max_bytes}",
                )
            )
            return
        sha1 = fingerprint(path)
    except OSError as error:
        result.failures.append(failure_row(name, "read", "unreadable path", error))
        return
    try:
        raw = read_file(
            path,
            max_bytes=options.max_bytes,
            timeout_s=options.timeout_s,
            max_unzipped_bytes=options.max_unzipped_bytes,
        )
    except ReadFailure as failure:
        result.failures.append(
            failure_row(
                name,
                failure.stage,
                failure.reason,
                error_class=failure.error_class,
                detail=str(failure),
            )
        )
        return
    entry = manifest.get(str(path.resolve()))
    try:
        with time_budget(options.doc_timeout_s):
            extraction = extract_document(
                raw.text,
                document_metadata(raw, entry),
                with_entities=options.with_entities,
                weakness_mode=options.weakness_mode,
                languages=options.languages,
                on_sentence=progress.sentence_callback(),
            )
    except BudgetExceeded:
        detail = f"extraction ran past the {options.doc_timeout_s:g} s budget (--doc-timeout)"
        result.failures.append(failure_row(name, "extract", "timeout", detail=detail))
        return
    except ImportError as error:  # a broken install, not a bad document: stop the run
        raise DependencyError.from_import(error, "extraction") from error
    except Exception as error:  # one bad document never stops the others
        detail = "".join(traceback.format_exception_only(type(error), error)).strip()
        result.failures.append(failure_row(name, "extract", "extractor error", error, detail))
        return
    if not extraction.document.text.strip():
        result.failures.append(
            failure_row(name, "read", "empty file", detail="no text after normalization")
        )
        return
    result.extractions.append(extraction)
    result.extracted += 1
    result.files.append(
        FileRow(
            name,
            sha1,
            size,
            extraction.document.doc_id,
            raw.format,
            extraction.document.url,
            cache_key(sha1, entry, base),
        )
    )
