"""Numbers written in words: ``sáu tập thể``, ``hai lần``, ``ba mươi tám điển hình``.

Reports spell small counts out, mostly for awards and for a handful of teams.
A number word is also an ordinary word (``năm`` is "year", ``ba`` "father",
``một`` "a"), so a spelled number counts only when a counted noun from
``word_numbers.yaml`` follows it, no ordinal or comparison word stands before
it, and it is not capitalised inside a sentence (``Hai Bà Trưng``). A lone
``một`` ("a", "one") is never a figure: ``một số``, ``một tổ`` read as "some",
"a team"; compounds that contain it (``hai mươi mốt``, ``một trăm``) are.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from extractors.text.scan import char_before
from extractors.text.yaml_data import load_data

__all__ = ["WordNumber", "find_word_numbers", "parse_number_words"]

WordNumber = tuple[int, int, float]  # start, end, value


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, Any]:
    data = load_data(__file__, "word_numbers.yaml")
    nouns = sorted(data["counted_nouns"], key=len, reverse=True)
    words = sorted(
        {*data["digits"], *data["tens_digits"], "mười", "mươi", "trăm", "linh", "lẻ"},
        key=len,
        reverse=True,
    )
    run = rf"(?:{'|'.join(words)})(?:[ \t]+(?:{'|'.join(words)}))*"
    range_from, range_to = range_words()
    return {
        "digits": {k: int(v) for k, v in data["digits"].items()},
        "tens_digits": {k: int(v) for k, v in data["tens_digits"].items()},
        "run": re.compile(
            rf"(?<![\w.,])({run})[ \t]+(?:{'|'.join(map(re.escape, nouns))})(?!\w)",
            re.IGNORECASE,
        ),
        "not_nouns": re.compile(
            rf"[ \t]+(?:{'|'.join(map(re.escape, data['not_nouns']))})(?!\w)", re.IGNORECASE
        ),
        "blockers": re.compile(
            rf"(?<!\w)(?:{'|'.join(map(re.escape, data['blockers']))})[ \t]+\Z", re.IGNORECASE
        ),
        "range_start": re.compile(rf"(?<!\w)(?:{range_from})[ \t]+\Z", re.IGNORECASE),
        "range_end": re.compile(
            rf"(?<!\w)(?:{range_from})[ \t]+(?:{run}|\d+)(?:[ \t]+[^\W\d]+){{0,2}}?[ \t]+"
            rf"(?:{range_to})[ \t]+\Z",
            re.IGNORECASE,
        ),
    }


def range_words() -> tuple[str, str]:
    """Regex alternations of the words that open and close a range ("từ" ... "đến")."""
    data = load_data(__file__, "word_numbers.yaml")
    return (
        "|".join(map(re.escape, data.get("range_from", []))),
        "|".join(map(re.escape, data.get("range_to", []))),
    )


def parse_number_words(words: str) -> float | None:
    """The value of a spelled number below a thousand, or None when it does not parse.

    ``"sáu"`` -> 6, ``"mười lăm"`` -> 15, ``"ba mươi tám"`` -> 38,
    ``"hai mươi mốt"`` -> 21, ``"một trăm linh năm"`` -> 105.
    """
    vocab = _vocabulary()
    digits, tens_digits = vocab["digits"], vocab["tens_digits"]
    tokens = words.lower().split()
    total = 0
    if len(tokens) >= 2 and tokens[1] == "trăm" and tokens[0] in digits:
        total, tokens = digits[tokens[0]] * 100, tokens[2:]
        if tokens[:1] in (["linh"], ["lẻ"]):
            tokens = tokens[1:]
            if len(tokens) != 1 or tokens[0] not in digits:
                return None
    if not tokens:
        return float(total) if total else None
    tens, rest = 0, tokens
    if tokens[0] == "mười":
        tens, rest = 10, tokens[1:]
    elif len(tokens) >= 2 and tokens[1] == "mươi" and tokens[0] in digits:
        tens, rest = digits[tokens[0]] * 10, tokens[2:]
    if len(rest) > 1:
        return None
    if rest:
        table = tens_digits if tens else digits
        if rest[0] not in table or (tens == 10 and rest[0] in ("mốt", "tư")):
            return None
        unit = table[rest[0]]
    else:
        unit = 0
    value = total + tens + unit
    return float(value) if value else None


def find_word_numbers(text: str) -> list[WordNumber]:
    """Spelled numbers followed by a counted noun, as (start, end, value) of the number words."""
    vocab = _vocabulary()
    found: list[WordNumber] = []
    for m in vocab["run"].finditer(text):
        start, end = m.span(1)
        words = m.group(1)
        # "trong năm hai tập thể": the run may begin with a word that is not part of it
        while len(words.split()) > 1 and parse_number_words(words) is None:
            first = words.split()[0]
            start += words.index(first) + len(first)
            start += len(text[start:end]) - len(text[start:end].lstrip())
            words = text[start:end]
        if words.lower() == "một" or vocab["not_nouns"].match(text, end):
            continue
        if words[0].isupper() and char_before(text, start) not in ("", ".", "!", "?", "\n", ":"):
            continue  # a name inside a sentence
        if vocab["blockers"].search(text, max(0, start - 20), start):
            continue
        if vocab["range_start"].search(text, max(0, start - 12), start) or vocab[
            "range_end"
        ].search(text, max(0, start - 40), start):
            continue  # "từ bốn đến sáu người": a range
        value = parse_number_words(words)
        if value is not None:
            found.append((start, end, value))
    return found
