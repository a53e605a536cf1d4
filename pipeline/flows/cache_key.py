"""The cache key of a stored document: everything its records depend on.

A file is taken from the store instead of being extracted again only when its
key is unchanged. The key covers

* the file's bytes (SHA-1),
* its manifest row (url, province, published; not the path it was found by,
  so moving a checkout keeps the cache),
* the run options that change records (``Options`` fields marked
  ``records=True``: ``with_entities``; not the size or time limits, which only
  decide whether a file fails),
* the extractor version (code and codebook data of ``extractors/``),
* the reader code (``pipeline/ingest/readers/``),
* the versions of the libraries whose output becomes records: the NLP stack
  (underthesea, spaCy, vietnamadminunits, dateparser) and the readers'
  parsers (trafilatura, pdfplumber, python-docx, charset-normalizer).

So a new manifest row re-extracts that file only, and a changed option,
reader or library re-extracts every file. Kept free of heavy imports: the
runner uses it before Prefect and the extractors load.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields, is_dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

READERS = Path(__file__).resolve().parents[1] / "ingest" / "readers"
RECORD_LIBRARIES = (
    "underthesea",
    "spacy",
    "vietnamadminunits",
    "dateparser",
    "trafilatura",
    "pdfplumber",
    "python-docx",
    "charset-normalizer",
)
MANIFEST_FIELDS = ("url", "province", "published")


def library_versions() -> dict[str, str | None]:
    """Installed version of each library in ``RECORD_LIBRARIES`` (None: not installed)."""
    versions: dict[str, str | None] = {}
    for name in RECORD_LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


@lru_cache(maxsize=1)
def reader_version() -> str:
    """Hash of the reader code and data (``pipeline/ingest/readers``)."""
    digest = hashlib.sha1()
    for path in sorted(READERS.rglob("*")):
        if path.suffix in {".py", ".yaml"}:
            digest.update(path.relative_to(READERS).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def record_options(options: Any) -> dict[str, Any]:
    """The options that change records: dataclass fields with ``metadata={"records": True}``."""
    if not is_dataclass(options):
        return {}
    return {f.name: getattr(options, f.name) for f in fields(options) if f.metadata.get("records")}


def key_base(options: Any, extractor_version: str) -> str:
    """The part of the key shared by every file of a run (computed once, in the flow)."""
    base = {
        "extractor": extractor_version,
        "readers": reader_version(),
        "libraries": library_versions(),
        "options": record_options(options),
    }
    return json.dumps(base, sort_keys=True)


def manifest_row(entry: Any) -> dict[str, str | None] | None:
    """The values of a manifest row that reach the records (None: no row)."""
    if entry is None:
        return None
    return {name: getattr(entry, name, None) for name in MANIFEST_FIELDS}


def cache_key(file_sha1: str, entry: Any, base: str) -> str:
    """The key one file's document is stored under; ``base`` comes from ``key_base``."""
    payload = json.dumps(
        {"file": file_sha1, "manifest": manifest_row(entry), "base": base}, sort_keys=True
    )
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()
