"""Saved web pages: main text through trafilatura, plus title, date and URL."""

from __future__ import annotations

import re

import trafilatura

from extractors.text.legacy_fonts import convert_legacy

from .base import DecodeError, RawDocument
from .encoding import decode_text

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode_html(data: bytes) -> tuple[str, str]:
    """Honour a <meta charset> that decodes the page cleanly, else guess like any text."""
    declared = _DECLARED.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            return decode_text(data.decode(name).encode("utf-8"))[0], name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


def read_html(path: str, data: bytes) -> RawDocument:
    html, encoding = _decode_html(data)
    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (extracted.text if extracted is not None else None) or ""
    if not text.strip():
        # Pages too short for trafilatura's main-text heuristics: keep all visible text.
        text = trafilatura.html2txt(html) or ""
    if not text.strip():
        raise DecodeError("empty file", "no text in the page")
    text, legacy = convert_legacy(text)
    title = extracted.title if extracted is not None else None
    if title:
        title = convert_legacy(title)[0] if legacy else title
    return RawDocument(
        path=path,
        text=text,
        format="html",
        title=title or None,
        published=(extracted.date if extracted is not None else None) or None,
        url=(extracted.url if extracted is not None else None) or None,
        encoding=legacy or encoding,
    )
