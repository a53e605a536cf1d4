"""Word files through python-docx: paragraphs and table rows, in document order."""

from __future__ import annotations

import io
import unicodedata

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from extractors.text.legacy_fonts import convert_legacy

from .base import DecodeError, RawDocument

CELL_SEPARATOR = " | "


def _row_text(cells: list[str]) -> str:
    """Cells of one row; a merged cell that python-docx repeats is kept once."""
    kept: list[str] = []
    for cell in cells:
        cell = " ".join(cell.split())
        if cell and (not kept or kept[-1] != cell):
            kept.append(cell)
    return CELL_SEPARATOR.join(kept)


def _blocks(document: DocxDocument) -> list[str]:
    lines: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            lines.append(Paragraph(element, document).text)
        elif element.tag == qn("w:tbl"):
            table = Table(element, document)
            for row in table.rows:
                row_text = _row_text([cell.text for cell in row.cells])
                if row_text:
                    lines.append(row_text)
    return lines


def read_docx(path: str, data: bytes) -> RawDocument:
    document = docx.Document(io.BytesIO(data))
    text = unicodedata.normalize("NFC", "\n".join(_blocks(document)))
    if not text.strip():
        raise DecodeError("empty file", "no text in the document")
    text, legacy = convert_legacy(text)
    title = (document.core_properties.title or "").strip() or None
    return RawDocument(
        path=path,
        text=text,
        format="docx",
        title=title,
        encoding=legacy,
    )
