"""Plain text and Markdown files."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from .base import RawDocument
from .encoding import decode_bytes

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)


def read_txt(path: str, data: bytes) -> RawDocument:
    text, encoding = decode_bytes(data)
    return RawDocument(path=path, text=text, format="txt", encoding=encoding)


def _iso(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            return None
    return None


def _front_matter(text: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(meta, dict):
        return {}, text
    return meta, text[match.end() :]


def read_md(path: str, data: bytes) -> RawDocument:
    """Markdown as text: front matter read as metadata, images dropped, links and
    emphasis reduced to their words, heading marks removed."""
    text, encoding = decode_bytes(data)
    meta, body = _front_matter(text)
    body = _IMAGE.sub("", body)
    body = _LINK.sub(r"\1", body)
    body = _EMPHASIS.sub(r"\2", body)
    heading = _HEADING.search(body)
    body = _HEADING.sub(r"\1", body)
    title = meta.get("title") or (heading.group(1) if heading else None)
    published = _iso(meta.get("published") or meta.get("date"))
    url = meta.get("url") or meta.get("canonical_url")
    return RawDocument(
        path=path,
        text=body,
        format="md",
        title=str(title) if title else None,
        published=published,
        url=str(url) if url else None,
        encoding=encoding,
    )
