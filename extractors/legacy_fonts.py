"""Detect and convert text typed in the legacy Vietnamese fonts TCVN3 (ABC) and VNI.

Older provincial documents were typed with 8-bit fonts that draw Vietnamese
letters in place of Latin-1 characters. Without the font the text reads
``Céng hßa x· héi`` (TCVN3) or ``Coäng hoøa xaõ hoäi`` (VNI). The tables live
in ``legacy_fonts.yaml``; this module inverts them, and decides whether a
text is legacy by converting it and checking that the result is made of
valid Vietnamese syllables where the input was not.

Detection works block by block (paragraphs), because real documents often
mix a Unicode letterhead with a body typed in .VnTime. A block with too little
evidence of its own (a heading, a table cell) follows the document's decision.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).with_name("legacy_fonts.yaml")
ENCODINGS = ("tcvn3", "vni")

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Runs of characters that can form a word: anything but whitespace, digits and
# punctuation. Latin-1 symbols (¸ · µ § «) stay inside the word on purpose:
# TCVN3 uses them as letters.
_WORD_RE = re.compile(r"[^\s\d!-/:-@\[-`{-~\u2010-\u206f\u00a0]+")


@dataclass(frozen=True)
class _Tables:
    decode: dict[str, dict[str, str]]  # encoding -> legacy sequence -> Unicode letter
    encode: dict[str, dict[str, str]]  # encoding -> Unicode letter -> legacy sequence
    onsets: tuple[str, ...]
    codas: frozenset[str]
    nuclei: dict[str, frozenset[int]]  # bare nucleus -> positions that may carry the tone
    max_unicode_share: float
    min_evidence_words: int
    min_gain_share: float


@cache
def _tables() -> _Tables:
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    tcvn3_encode = {letter: chr(code) for letter, code in data["tcvn3"].items()}
    # Capitals with a tone have no TCVN3 code: they were drawn with the lowercase codes.
    for letter in list(tcvn3_encode):
        if letter.islower() and letter.upper() not in tcvn3_encode:
            tcvn3_encode[letter.upper()] = tcvn3_encode[letter]
    tcvn3_decode = {seq: letter for letter, seq in tcvn3_encode.items() if letter.islower()}
    for letter, seq in tcvn3_encode.items():
        tcvn3_decode.setdefault(seq, letter)

    vni_encode: dict[str, str] = {}
    for letter, seq in data["vni"].items():
        vni_encode[letter] = seq
        vni_encode[letter.upper()] = seq.upper()
    vni_decode = {seq: letter for letter, seq in vni_encode.items()}
    # Tolerate a modifier whose case differs from its base letter ("Aù"):
    # the base letter decides the case.
    for letter, seq in list(vni_encode.items()):
        if len(seq) == 2:
            mixed = seq[0] + (seq[1].lower() if seq[1].isupper() else seq[1].upper())
            vni_decode.setdefault(mixed, letter)

    syl = data["syllable"]
    nuclei: dict[str, set[int]] = {}
    for nucleus in syl["nuclei"]:
        toned = next(i for i, ch in enumerate(nucleus) if ch.isupper())
        nuclei.setdefault(nucleus.lower(), set()).add(toned)
    det = data["detection"]
    return _Tables(
        decode={"tcvn3": tcvn3_decode, "vni": vni_decode},
        encode={"tcvn3": tcvn3_encode, "vni": vni_encode},
        onsets=("", *syl["onsets"]),
        codas=frozenset(["", *syl["codas"]]),
        nuclei={bare: frozenset(positions) for bare, positions in nuclei.items()},
        max_unicode_share=float(det["max_unicode_vietnamese_share"]),
        min_evidence_words=int(det["min_evidence_words"]),
        min_gain_share=float(det["min_gain_share"]),
    )


def to_unicode(text: str, encoding: str) -> str:
    """Convert legacy ``encoding`` ("tcvn3" or "vni") text to Unicode NFC.

    Longest match first, so VNI ``oâ`` becomes ``ô`` while a lone ``ô`` is ``ơ``.
    Characters outside the table pass through unchanged.
    """
    table = _tables().decode[encoding]
    longest = max(len(k) for k in table)
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        for size in range(min(longest, n - i), 0, -1):
            letter = table.get(text[i : i + size])
            if letter is not None:
                out.append(letter)
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return unicodedata.normalize("NFC", "".join(out))


def from_unicode(text: str, encoding: str) -> str:
    """Write Unicode text the way a legacy ``encoding`` font stores it (the inverse table).

    Used to build test material and to verify the tables by round trip. TCVN3
    has no capitals with a tone, so those come out as their lowercase code.
    """
    table = _tables().encode[encoding]
    nfc = unicodedata.normalize("NFC", text)
    return "".join(table.get(ch, ch) for ch in nfc)


def _is_unicode_vietnamese(ch: str) -> bool:
    """A Vietnamese letter (or combining tone mark) that Latin-1 cannot hold."""
    if ord(ch) <= 0xFF:
        return False
    if ch in _TONE_MARKS or ch in "\u0302\u0306\u031b":
        return True
    base = unicodedata.normalize("NFD", ch)[0]
    return base.isascii() and base.isalpha()


@lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """Whether ``word`` is a well-formed Vietnamese syllable, tone on the right vowel."""
    tables = _tables()
    letters = unicodedata.normalize("NFC", word.lower())
    bare_chars: list[str] = []
    toned: list[int] = []
    for index, ch in enumerate(letters):
        decomposed = unicodedata.normalize("NFD", ch)
        marks = [m for m in decomposed if m in _TONE_MARKS]
        toned.extend([index] * len(marks))
        bare_chars.append(
            unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in _TONE_MARKS))
        )
    if len(toned) > 1:
        return False
    bare = "".join(bare_chars)
    for onset in tables.onsets:
        if not bare.startswith(onset):
            continue
        rest = bare[len(onset) :]
        for nucleus, positions in tables.nuclei.items():
            if not rest.startswith(nucleus) or rest[len(nucleus) :] not in tables.codas:
                continue
            if not toned or toned[0] - len(onset) in positions:
                return True
    return False


def syllable_counts(text: str) -> tuple[int, int]:
    """(valid, invalid) Vietnamese syllables among the words that hold a non-ASCII character.

    Plain ASCII words say nothing about the encoding and are not counted.
    """
    valid = invalid = 0
    for word in _WORD_RE.findall(text):
        if word.isascii():
            continue
        if is_syllable(word):
            valid += 1
        else:
            invalid += 1
    return valid, invalid


def _unicode_share(text: str) -> float:
    letters = sum(1 for ch in text if ch.isalpha())
    if not letters:
        return 0.0
    return sum(1 for ch in text if _is_unicode_vietnamese(ch)) / letters


def _best_conversion(block: str, prefer: str | None = None) -> tuple[str | None, int, int]:
    """The encoding whose conversion most improves ``block``: (encoding, gain, evidence words).

    On a tie, ``prefer`` (the document's own encoding) wins.
    """
    if block.isascii() or _unicode_share(block) >= _tables().max_unicode_share:
        return None, 0, 0
    valid, invalid = syllable_counts(block)
    evidence = valid + invalid
    if evidence == 0:
        return None, 0, 0
    best: tuple[str | None, int] = (None, 0)
    for encoding in ENCODINGS:
        v, i = syllable_counts(to_unicode(block, encoding))
        gain = (v - i) - (valid - invalid)
        if v > i and (gain > best[1] or (gain == best[1] > 0 and encoding == prefer)):
            best = (encoding, gain)
    return best[0], best[1], evidence


def detect_legacy(text: str) -> str | None:
    """'tcvn3' or 'vni' when the text as a whole reads as that legacy font, else None."""
    encoding, gain, evidence = _best_conversion(text)
    tables = _tables()
    if encoding is None or evidence < tables.min_evidence_words:
        return None
    return encoding if gain >= tables.min_gain_share * evidence else None


def convert_legacy(text: str) -> tuple[str, str | None]:
    """Convert the legacy-font parts of ``text`` to Unicode.

    Returns the text and the legacy encoding that was converted (the one
    covering the most paragraphs), or None when nothing was legacy, in which
    case the text is returned unchanged.
    """
    tables = _tables()
    document_encoding = detect_legacy(text)
    blocks = re.split(r"(\n)", text)
    converted: list[str] = []
    used: dict[str, int] = {}
    for block in blocks:
        encoding, gain, evidence = _best_conversion(block, prefer=document_encoding)
        if evidence >= tables.min_evidence_words:
            chosen = encoding if gain >= tables.min_gain_share * evidence else None
        elif evidence:
            chosen = document_encoding
        else:
            chosen = None
        if chosen is None:
            converted.append(block)
        else:
            converted.append(to_unicode(block, chosen))
            used[chosen] = used.get(chosen, 0) + len(block)
    if not used:
        return text, None
    return "".join(converted), max(used, key=used.__getitem__)
