"""Bytes to text: BOMs, UTF-8/16/32, legacy code pages, and TCVN3/VNI fonts.

Order of trust: a byte-order mark; NUL bytes mean UTF-16 or binary; strict
UTF-8; otherwise several candidates (charset-normalizer's guess, Windows-1258,
and cp1252 read through the TCVN3/VNI tables) compete, and the one whose words
are the most valid Vietnamese syllables wins. Windows-1258 stores tones as
combining marks, so every result is NFC-normalized.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata

import charset_normalizer
from charset_normalizer.md import mess_ratio

from extractors.text.legacy_fonts import ENCODINGS, convert_legacy, syllable_counts, to_unicode

from .base import DecodeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of binary formats that turn up under a text extension.
_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",  # OLE2: .doc, .xls
    b"\x1f\x8b",
    b"7z\xbc\xaf",
    b"Rar!",
)
# Control characters (Unicode category Cc) that no text file holds: all but tab, line and
# page breaks, and the DOS end-of-file mark.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.01
SAMPLE_BYTES = 256 * 1024  # enough to choose an encoding; the whole file is then decoded
_MESSY = 0.2  # charset-normalizer mess ratio above which a reading is garbled
# cp1252 where it defines a byte, Latin-1 for the five bytes it leaves undefined:
# what a Windows "ANSI" file typed in a TCVN3/VNI font holds.
_ANSI = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0)}


def _ansi(data: bytes) -> str:
    return data.decode("latin-1").translate({b: ch for b, ch in _ANSI.items()})


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NULs in every other byte of the ASCII characters."""
    head = data[:4096]
    half = max(len(head) // 2, 1)
    even = head[0::2].count(0) / half
    odd = head[1::2].count(0) / half
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROLS.findall(text)) / len(text)


def _score(text: str) -> int:
    valid, invalid = syllable_counts(text)
    return valid - invalid


def _rank(indexed: tuple[int, tuple[str, str]]) -> tuple[int, bool, int]:
    """Most valid Vietnamese syllables first; then not garbled (charset-normalizer's mess
    ratio, which tells Cyrillic read as cp1258 from the real thing); then list order."""
    index, (text, _) = indexed
    text = unicodedata.normalize("NFC", text)
    return _score(text), mess_ratio(text) < _MESSY, -index


def _candidates(data: bytes) -> list[tuple[str, str]]:
    """Readings of non-UTF-8 bytes, most likely first for a Vietnamese corpus: the
    Vietnamese and Western Windows code pages, then charset-normalizer's guess (it
    misreads short Western texts as cp1250 or mac-latin2), then legacy fonts."""
    found: list[tuple[str, str]] = []
    for codec in ("cp1258", "cp1252"):
        with contextlib.suppress(UnicodeDecodeError):
            found.append((data.decode(codec), codec))
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        found.append((str(best), codecs.lookup(best.encoding).name))
    ansi = _ansi(data)
    converted, legacy = convert_legacy(ansi)
    if legacy is not None:
        found.append((converted, legacy))
        return found
    # Too short for convert_legacy to decide (a title, a note): bytes that are not
    # UTF-8 are often legacy, so let each table compete if it yields mostly syllables.
    for encoding in ENCODINGS:
        converted = to_unicode(ansi, encoding)
        valid, invalid = syllable_counts(converted)
        if valid > invalid:
            found.append((converted, encoding))
    return found


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes to NFC text; raises DecodeError.

    Legacy fonts are converted here only when they decide how non-UTF-8 bytes
    are read (the name is then "tcvn3" / "vni"); decode_bytes converts the rest.
    The encoding of a large file is chosen on its first SAMPLE_BYTES.
    """
    if not data.strip():
        raise DecodeError("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data.decode(name), name)
            except UnicodeDecodeError as exc:
                raise DecodeError("undecodable text", str(exc)) from exc
    if b"\x00" in data:
        name = _sniff_utf16(data)
        if name is None:
            raise DecodeError("binary content", "NUL bytes")
        try:
            return _finish(data.decode(name), name)
        except UnicodeDecodeError as exc:
            raise DecodeError("binary content", str(exc)) from exc
    if data.startswith(_MAGIC):
        raise DecodeError("binary content", f"signature {data[:4]!r}")
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _control_share(_ansi(data)) > _MAX_CONTROL_SHARE:
        raise DecodeError("binary content", "control characters")
    sample = data[:SAMPLE_BYTES]
    candidates = _candidates(sample)
    if not candidates:
        raise DecodeError("undecodable text", "no encoding fits")
    _, (text, name) = max(enumerate(candidates), key=_rank)
    if len(sample) < len(data):
        if name in ENCODINGS:
            text = convert_legacy(_ansi(data))[0]
        else:
            text = data.decode(name, errors="replace")
    return _finish(text, name)


def _finish(text: str, name: str) -> tuple[str, str]:
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise DecodeError("binary content", "control characters")
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise DecodeError("empty file")
    return text, name


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text and encoding name of ``data``, legacy TCVN3/VNI fonts converted to Unicode.

    The name is the codec ("utf-8", "utf-8-sig", "utf-16", "cp1258", ...) or
    "tcvn3" / "vni" when a legacy font was converted. Raises DecodeError
    (reason "empty file", "binary content" or "undecodable text").
    """
    text, name = decode_text(data)
    if name in ("tcvn3", "vni"):
        return text, name
    converted, legacy = convert_legacy(text)
    return converted, legacy or name
