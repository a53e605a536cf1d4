"""Readable labels for figures that fit no indicator.

``figure_label`` reads the counted noun phrase after the number with
underthesea part-of-speech tags (``120 vụ phạm tội về trật tự xã hội, bắt
200 bị can`` -> ``vụ phạm tội về trật tự xã hội`` and ``bị can``), ending at
punctuation, a conjunction, another number, a preposition or a stop word
(``labels.yaml``). The tags come from ``fast_ner.pos_tag``: underthesea's
model and tags, without the per-token featurizer that made a long document
with many figures slow. When nothing follows the number, or only a bare unit, the
words before the number complete it (``tổng số tiền ủng hộ là 500 triệu
đồng`` -> ``triệu đồng (tổng số tiền ủng hộ)``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from extractors.ner.fast_ner import pos_tag
from extractors.text.yaml_data import load_data

DATA_FILE = Path(__file__).with_name("labels.yaml")
PUNCTUATION = "CH"
CONJUNCTIONS = {"C", "CC"}
PREPOSITION = "E"
DENOMINATOR = re.compile(r"^\s*/\s*\d[\d.,]*")
#: Where a label's phrase must end (punctuation, a number). Tagging stops a few
#: words past it: the tagger reads neighbouring words, so the words up to the
#: boundary keep the tags they get in the whole text.
_BOUNDARY = re.compile(r"[,;:!?()\[\]\d]")
_MARGIN = re.compile(r"\S*(?:\s+\S+){0,3}")


@cache
def _vocabulary() -> dict[str, Any]:
    data = load_data(__file__, DATA_FILE.name)
    return {
        "max_words": int(data.get("max_words", 7)),
        "continue": frozenset(w.lower() for w in data.get("continue", [])),
        "stop": frozenset(w.lower() for w in data.get("stop", [])),
        "around": frozenset(w.lower() for w in data.get("around_number", [])),
        "measures": frozenset(w.lower() for w in data.get("measures", [])),
    }


def _is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _ends_phrase(word: str, tag: str) -> bool:
    vocab = _vocabulary()
    lowered = word.lower()
    if tag == PUNCTUATION or tag in CONJUNCTIONS or _is_number(word):
        return True
    if lowered in vocab["stop"]:
        return True
    return tag == PREPOSITION and lowered not in vocab["continue"]


def _after(text: str) -> list[str]:
    """The noun phrase at the start of ``text``."""
    boundary = _BOUNDARY.search(text)
    if boundary is not None:  # the phrase ends there: no need to tag the rest
        margin = _MARGIN.match(text, boundary.start())
        text = text[: margin.end() if margin else boundary.end()]
    words: list[str] = []
    for word, tag in pos_tag(text):
        if len(words) >= _vocabulary()["max_words"]:
            break
        if _ends_phrase(word, tag):
            break
        words.append(word)
    while words and words[-1].lower() in _vocabulary()["continue"]:
        words.pop()
    return words


def _before(text: str) -> list[str]:
    """The words just before the number, back to punctuation or a stop word.

    Approximation and linking words next to the number (``hơn``, ``là``) are
    skipped first, then words are read backwards until a boundary.
    """
    vocab = _vocabulary()
    boundaries = list(_BOUNDARY.finditer(text))
    if boundaries:  # the words read back stop at the last boundary
        start = boundaries[-1].start()
        back = re.search(r"(?:\S+\s+){0,3}\S*$", text[:start])
        text = text[back.start() if back else start :]
    tagged = list(reversed(pos_tag(text)))
    while tagged and (
        tagged[0][0].lower() in vocab["around"] or tagged[0][0].lower() in vocab["stop"]
    ):
        tagged.pop(0)
    words: list[str] = []
    for word, tag in tagged:
        if len(words) >= vocab["max_words"] or _ends_phrase(word, tag):
            break
        words.insert(0, word)
    return words


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def figure_label(
    sentence: str,
    number_start_in_sentence: int,
    number_end_in_sentence: int,
    unit: str | None,
) -> str:
    """A readable label for the number at the given span of ``sentence``.

    The unit, when given and standing right after the number, is kept whole
    (``tin, bài viết`` keeps its comma) and the phrase continues after it.
    """
    rest = sentence[number_end_in_sentence:]
    rest = DENOMINATOR.sub("", rest).lstrip()
    head = ""
    if unit and rest.lower().startswith(unit.lower()):
        head, rest = rest[: len(unit)], rest[len(unit) :]
        if rest[:1].isalnum():  # the unit was only the start of a longer word
            head, rest = "", head + rest
    after = _after(rest) if rest.strip() else []
    label_words = ([head] if head else []) + after
    label = _clean(" ".join(label_words))
    measures = _vocabulary()["measures"]
    if all(word.lower() in measures for word in label.split()):
        before = _clean(" ".join(_before(sentence[:number_start_in_sentence])))
        if label and before:
            return f"{label} ({before})"
        return label or before
    return label
