"""Read one input file into a RawDocument, or fail with a ReadFailure row.

    >>> doc = read_file("reports/kontum_2023.pdf")        # doctest: +SKIP
    >>> doc.format, doc.encoding, doc.text[:40]            # doctest: +SKIP

Formats: .txt and .md (any common encoding, TCVN3/VNI fonts converted),
.html/.htm (trafilatura main text plus title, date, URL), .pdf (pdfplumber in
a worker process with a time limit), .docx (python-docx, tables as rows).
Reasons for failure are listed in ``REASONS``.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

from pipeline.errors import DependencyError

from .base import REASONS, DecodeError, RawDocument, ReadFailure
from .encoding import decode_bytes

__all__ = [
    "REASONS",
    "SUPPORTED_SUFFIXES",
    "RawDocument",
    "ReadFailure",
    "decode_bytes",
    "read_file",
]

DEFAULT_MAX_BYTES = 50 * 1024**2
DEFAULT_TIMEOUT_S = 60.0
# A .docx is a zip: a few KB can inflate to gigabytes (a zip bomb).
DEFAULT_MAX_UNZIPPED_BYTES = 200 * 1024**2
ZIP_FORMATS = {"docx"}  # formats whose files are zip archives
STAGE = "read"

_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
SUPPORTED_SUFFIXES: set[str] = set(_FORMATS)
# What an unexpected error in each format's parser means for the file.
_PARSER_FAILURE = {
    "txt": "undecodable text",
    "md": "undecodable text",
    "html": "undecodable text",
    "pdf": "corrupt pdf",
    "docx": "corrupt docx",
}


def _reader(fmt: str) -> Callable[[str, bytes], RawDocument]:
    # Imported on use: the PDF worker process imports this package and
    # should not pay for trafilatura and python-docx.
    if fmt == "txt":
        from .text import read_txt

        return read_txt
    if fmt == "md":
        from .text import read_md

        return read_md
    if fmt == "html":
        from .html import read_html

        return read_html
    from .docx import read_docx

    return read_docx


def _check_path(path: Path, max_bytes: int) -> int:
    try:
        info = path.stat()
    except OSError as exc:
        raise ReadFailure(str(path), STAGE, "unreadable path", type(exc).__name__) from exc
    if not stat.S_ISREG(info.st_mode):
        raise ReadFailure(str(path), STAGE, "unreadable path", "NotAFile")
    if not os.access(path, os.R_OK):
        raise ReadFailure(str(path), STAGE, "unreadable path", "PermissionError")
    if info.st_size > max_bytes:
        raise ReadFailure(str(path), STAGE, "too large", None)
    if info.st_size == 0:
        raise ReadFailure(str(path), STAGE, "empty file", None)
    return info.st_size


def check_unzipped_size(name: str, data: bytes, max_unzipped_bytes: int) -> None:
    """Refuse a zip-based file (.docx ...) whose members would inflate past the cap.

    Only the zip's central directory is read: nothing is inflated. The sizes it
    declares bound what ``zipfile`` will inflate (it stops at the declared size
    and checks the CRC), so a lying directory cannot get past this either.
    """
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return  # not a zip (a corrupt .docx fails in its reader)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        total = sum(member.file_size for member in archive.infolist())
    if total > max_unzipped_bytes:
        raise ReadFailure(name, STAGE, "too large", "UnzippedSize")


def read_file(
    path: str | Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    max_unzipped_bytes: int = DEFAULT_MAX_UNZIPPED_BYTES,
) -> RawDocument:
    """Read one file. Raises ReadFailure for a bad file, DependencyError for a broken
    install (a package that fails to import says nothing about the file)."""
    path = Path(path)
    name = str(path)
    fmt = _FORMATS.get(path.suffix.lower())
    try:
        if fmt is None:
            _check_path(path, max_bytes)
            raise ReadFailure(name, STAGE, "unsupported format", None)
        _check_path(path, max_bytes)
        if fmt == "pdf":
            from .pdf import read_pdf

            return read_pdf(name, timeout_s)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReadFailure(name, STAGE, "unreadable path", type(exc).__name__) from exc
        if fmt in ZIP_FORMATS:
            check_unzipped_size(name, data, max_unzipped_bytes)
        return _reader(fmt)(name, data)
    except ReadFailure:
        raise
    except DecodeError as exc:
        raise ReadFailure(name, STAGE, exc.reason, type(exc).__name__) from exc
    except ImportError as exc:
        raise DependencyError.from_import(exc, f".{fmt} files") from exc
    except Exception as exc:  # a parser bug or a malformed file: one row, never a crash
        reason = _PARSER_FAILURE.get(fmt or "", "unsupported format")
        raise ReadFailure(name, STAGE, reason, type(exc).__name__) from exc
