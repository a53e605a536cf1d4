"""The part of PDF reading that runs in the worker process: pdfplumber only.

Kept apart from the rest of the readers so the worker imports little. Returns
plain lists and strings (picklable); layout cleanup happens in the parent
(pdf_layout), where it can be tested without PDFs.
"""

from __future__ import annotations

from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

CELL_SEPARATOR = " | "

# One line of a page: (text, x0, x1, is_table_row)
Line = tuple[str, float, float, bool]


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _row_text(row: list[str | None]) -> str:
    cells = [" ".join((cell or "").split()) for cell in row]
    return CELL_SEPARATOR.join(cell for cell in cells if cell)


def page_lines(page: pdfplumber.page.Page) -> list[Line]:
    """Text lines top to bottom; each table becomes one line per row, where it stands."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    text_page = (
        page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
        if boxes
        else page
    )
    items: list[tuple[float, int, Line]] = []
    for line in text_page.extract_text_lines(return_chars=False):
        items.append((line["top"], 0, (line["text"], line["x0"], line["x1"], False)))
    for table in tables:
        x0, top, x1, _ = table.bbox
        for index, row in enumerate(table.extract()):
            text = _row_text(row)
            if text:
                items.append((top, index, (text, x0, x1, True)))
    items.sort(key=lambda item: (item[0], item[1]))
    return [line for _, _, line in items]


def _error_class(exc: BaseException) -> str:
    """pdfplumber wraps pdfminer errors; report the underlying class."""
    if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], BaseException):
        return type(exc.args[0]).__name__
    return type(exc).__name__


def _is_encrypted(exc: BaseException) -> bool:
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    return isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError) or (
        isinstance(inner, BaseException) and "password" in str(inner).lower()
    )


def extract(path: str) -> dict[str, Any]:
    """{'pages': [[Line, ...], ...], 'title': str | None, 'image_pages': int} or
    {'error': reason, 'error_class': name}."""
    try:
        with pdfplumber.open(path) as pdf:
            title = (pdf.metadata or {}).get("Title")
            pages: list[list[Line]] = []
            image_pages = 0
            for page in pdf.pages:
                pages.append(page_lines(page))
                image_pages += bool(page.images)
                page.close()
    except Exception as exc:  # any parser error is a property of the file, reported as a row
        reason = "encrypted pdf" if _is_encrypted(exc) else "corrupt pdf"
        return {"error": reason, "error_class": _error_class(exc)}
    return {
        "pages": pages,
        "title": title if isinstance(title, str) else None,
        "image_pages": image_pages,
    }


def serve(read_fd: int, write_fd: int) -> None:
    """Worker loop: receive a path (or ("ocr", path)), send back the result; None or EOF stops."""
    import logging
    from multiprocessing.connection import Connection

    # pdfminer warns about every odd object; the parent reports failures as rows.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    inbox = Connection(read_fd, writable=False)
    outbox = Connection(write_fd, readable=False)
    outbox.send("ready")
    while True:
        try:
            path = inbox.recv()
        except EOFError:
            return
        if path is None:
            return
        if isinstance(path, tuple):  # ("ocr", path): a scanned PDF
            from .ocr import ocr_pdf

            outbox.send(ocr_pdf(path[1]))
            continue
        outbox.send(extract(path))


if __name__ == "__main__":
    import sys

    serve(int(sys.argv[1]), int(sys.argv[2]))
