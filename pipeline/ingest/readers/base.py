"""The reader contract: what a read returns, and how it fails."""

from __future__ import annotations

from dataclasses import dataclass

# Stable, short reasons: they become the `reason` column of failures.csv.
REASONS: dict[str, str] = {
    "empty file": "the file has no bytes, or no text once decoded or extracted",
    "binary content": "a text extension on bytes that are not text (NUL bytes, an image, a zip)",
    "corrupt pdf": "pdfplumber could not parse the PDF",
    "encrypted pdf": "the PDF needs a password to open",
    "no text layer": "a scanned PDF and no OCR (tesseract with Vietnamese data) to read it",
    "too large": "the file is over the size limit, or a .docx would inflate past its cap",
    "unreadable path": "missing, not a regular file, or no permission to read",
    "timeout": "parsing (stage read) or extraction (stage extract) ran past its time limit",
    "unsupported format": "the extension is not one the reader knows",
    "undecodable text": "no text encoding gives readable text",
    "corrupt docx": "python-docx could not open the Word file",
}


@dataclass(frozen=True)
class RawDocument:
    """A file's text and the metadata the file itself carries, before normalization."""

    path: str
    text: str
    format: str  # "txt" | "md" | "html" | "pdf" | "docx"
    title: str | None = None
    published: str | None = None  # ISO date from the file's metadata
    url: str | None = None
    encoding: str | None = None  # "utf-8", "utf-16", "cp1258", "tcvn3", "vni", ...
    ocr: bool = False  # the text was read by OCR from page images


class ReadFailure(Exception):
    """A file that could not be read; becomes one row of failures.csv."""

    def __init__(
        self,
        path: str,
        stage: str,
        reason: str,
        error_class: str | None = None,
        hint: str | None = None,
    ):
        if reason not in REASONS:
            raise ValueError(f"unknown failure reason {reason!r}; known: {sorted(REASONS)}")
        super().__init__(
            f"{path}: {reason}"
            + (f" ({error_class})" if error_class else "")
            + (f"; {hint}" if hint else "")
        )
        self.path = path
        self.stage = stage
        self.reason = reason
        self.error_class = error_class
        self.hint = hint  # what the person can do about it, e.g. what to install

    def as_row(self) -> dict[str, str | None]:
        return {
            "path": self.path,
            "stage": self.stage,
            "reason": self.reason,
            "error_class": self.error_class,
        }

    def __reduce__(self):  # picklable across processes (Dask, multiprocessing)
        return (type(self), (self.path, self.stage, self.reason, self.error_class, self.hint))


class DecodeError(ValueError):
    """Bytes that are not text; ``reason`` is one of REASONS."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
