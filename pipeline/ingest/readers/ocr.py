"""OCR of scanned PDFs: pages rendered by pdfplumber (pypdfium2), read by tesseract.

Runs in the PDF worker process, under the same per-file time limit as any
PDF. Needs the ``tesseract`` program with its Vietnamese data; on Debian:

    apt-get install -y tesseract-ocr tesseract-ocr-vie
"""

from __future__ import annotations

import re
import shutil
from functools import lru_cache
from typing import Any

LANGUAGE = "vie"
RESOLUTION = 300  # dpi: tesseract reads body text best around 300
INSTALL = "apt-get install -y tesseract-ocr tesseract-ocr-vie"


@lru_cache(maxsize=1)
def missing() -> str | None:
    """What to install for OCR, or None when it is available."""
    if shutil.which("tesseract") is None:
        return f"no OCR: tesseract is not installed ({INSTALL})"
    try:
        import pytesseract

        languages = set(pytesseract.get_languages(config=""))
    except Exception as error:  # a broken tesseract is as good as none
        return f"no OCR: tesseract does not run ({type(error).__name__}; {INSTALL})"
    if LANGUAGE not in languages:
        return f"no OCR: tesseract has no Vietnamese data ({INSTALL})"
    return None


def ocr_pdf(path: str) -> dict[str, Any]:
    """{'pages': [text, ...]} or {'error': reason, 'error_class': name}."""
    import pdfplumber
    import pytesseract

    pages: list[str] = []
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                image = page.to_image(resolution=RESOLUTION).original
                pages.append(pytesseract.image_to_string(image, lang=LANGUAGE))
                page.close()
    except Exception as error:  # reported as a failure row by the parent
        return {"error": "corrupt pdf", "error_class": type(error).__name__}
    return {"pages": pages}


def page_text(ocr_output: str) -> str:
    """Tesseract's lines as running text: lines of a block (blocks are separated by a
    blank line) are one wrapped paragraph; a word hyphenated at a line end is rejoined."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", ocr_output):
        text = ""
        for line in (line.strip() for line in block.splitlines()):
            if not line:
                continue
            if text.endswith("-") and text[-2:-1].isalpha() and line[:1].islower():
                text = text[:-1] + line
            else:
                text = f"{text} {line}" if text else line
        if text:
            paragraphs.append(text)
    return "\n".join(paragraphs)
