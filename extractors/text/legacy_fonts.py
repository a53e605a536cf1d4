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

from extractors.text.yaml_data import load_data

ENCODINGS = ("tcvn3", "vni")

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VIETNAMESE_MARKS = "\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323"
_LETTER_RE = re.compile(r"[^\W\d_]")
# Runs of characters that can form a word: anything but whitespace, digits and
# punctuation. Latin-1 symbols (¸ · µ § «) stay inside the word on purpose:
# TCVN3 uses them as letters.
_WORD_RE = re.compile(r"[^\s\d!-/:-@\[-`{-~\u2010-\u206f\u00a0]+")


@dataclass(frozen=True)
class _Tables:
    decode: dict[str, dict[str, str]]  # encoding -> legacy sequence -> Unicode letter
    decode_re: dict[str, re.Pattern[str]]  # encoding -> any legacy sequence, longest first
    unicode_letters: re.Pattern[str]  # Vietnamese letters that Latin-1 cannot hold
    encode: dict[str, dict[str, str]]  # encoding -> Unicode letter -> legacy sequence
    onsets: tuple[str, ...]
    codas: frozenset[str]
    nuclei: dict[str, frozenset[int]]  # bare nucleus -> positions that may carry the tone
    max_unicode_share: float
    min_evidence_words: int
    min_gain_share: float


@cache
def _tables() -> _Tables:
    data = load_data(__file__, "legacy_fonts.yaml")
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
    decode = {"tcvn3": tcvn3_decode, "vni": vni_decode}
    decode_re = {
        name: re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
        for name, table in decode.items()
    }
    beyond_latin1 = sorted({ch for ch in tcvn3_encode if ord(ch) > 0xFF})
    unicode_letters = re.compile(f"[{''.join(beyond_latin1)}{_VIETNAMESE_MARKS}]")
    return _Tables(
        decode=decode,
        decode_re=decode_re,
        unicode_letters=unicode_letters,
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
    tables = _tables()
    table = tables.decode[encoding]
    converted = tables.decode_re[encoding].sub(lambda match: table[match.group()], text)
    return unicodedata.normalize("NFC", converted)


def from_unicode(text: str, encoding: str) -> str:
    """Write Unicode text the way a legacy ``encoding`` font stores it (the inverse table).

    Used to build test material and to verify the tables by round trip. TCVN3
    has no capitals with a tone, so those come out as their lowercase code.
    """
    table = _tables().encode[encoding]
    nfc = unicodedata.normalize("NFC", text)
    return "".join(table.get(ch, ch) for ch in nfc)


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


def _is_unicode_text(text: str) -> bool:
    """Whether Vietnamese letters beyond Latin-1 (ă, đ, ơ, ư, ạ, ...) make up enough of
    the letters to show real Unicode: TCVN3/VNI text read as Latin-1 has none."""
    threshold = _tables().max_unicode_share
    found = len(_tables().unicode_letters.findall(text))
    if found >= threshold * len(text):  # letters <= characters: no need to count them
        return True
    return found >= threshold * len(_LETTER_RE.findall(text)) and found > 0


def _gains(block: str) -> tuple[dict[str, int], int]:
    """For each legacy encoding whose conversion of ``block`` reads as Vietnamese, how many
    more valid syllables it yields; and the number of non-ASCII words (the evidence)."""
    if block.isascii() or _is_unicode_text(block):
        return {}, 0
    valid, invalid = syllable_counts(block)
    if valid + invalid == 0:
        return {}, 0
    gains: dict[str, int] = {}
    for encoding in ENCODINGS:
        v, i = syllable_counts(to_unicode(block, encoding))
        if v > i and (v - i) > (valid - invalid):
            gains[encoding] = (v - i) - (valid - invalid)
    return gains, valid + invalid


def _decide(gains: dict[str, int], evidence: int, prefer: str | None = None) -> str | None:
    """The legacy encoding for a block with enough evidence, else None; ties go to ``prefer``."""
    tables = _tables()
    if not gains or evidence < tables.min_evidence_words:
        return None
    top = max(gains.values())
    if top < tables.min_gain_share * evidence:
        return None
    best = [encoding for encoding in ENCODINGS if gains.get(encoding) == top]
    return prefer if prefer in best else best[0]


def detect_legacy(text: str) -> str | None:
    """'tcvn3' or 'vni' when the text as a whole reads as that legacy font, else None."""
    return _decide(*_gains(text))


def convert_legacy(text: str) -> tuple[str, str | None]:
    """Convert the legacy-font parts of ``text`` to Unicode.

    Each paragraph with enough evidence decides for itself; the document's
    encoding is the one those paragraphs chose most (by length), and it
    settles ties and the paragraphs too short to decide (headings, table
    cells). Returns the text and the document's legacy encoding, or the text
    unchanged and None when nothing was legacy.
    """
    blocks = text.split("\n")
    assessed = [_gains(block) for block in blocks]
    votes: dict[str, int] = {}
    for block, (gains, evidence) in zip(blocks, assessed, strict=True):
        encoding = _decide(gains, evidence)
        if encoding is not None:
            votes[encoding] = votes.get(encoding, 0) + len(block)
    if votes:
        document = max(votes, key=votes.__getitem__)
    else:  # only short paragraphs: judge them together
        short = [b for b, (_, evidence) in zip(blocks, assessed, strict=True) if evidence]
        document = detect_legacy("\n".join(short)) if short else None
    if document is None and not votes:
        return text, None
    out: list[str] = []
    for block, (gains, evidence) in zip(blocks, assessed, strict=True):
        if evidence >= _tables().min_evidence_words:
            encoding = _decide(gains, evidence, prefer=document)
        else:
            encoding = document if evidence else None
        out.append(to_unicode(block, encoding) if encoding else block)
    return "\n".join(out), document
