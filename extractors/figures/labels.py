"""Readable labels for figures that fit no indicator.

``figure_label`` reads the counted noun phrase after the number with
underthesea part-of-speech tags (``120 vụ phạm tội về trật tự xã hội, bắt
200 bị can`` -> ``vụ phạm tội về trật tự xã hội`` and ``bị can``), ending at
punctuation, a conjunction, another number, a preposition or a stop word
(``labels.yaml``). The words and tags are the whole sentence's, read once: the
words the figure reader already has and one pass of underthesea's POS model
over them (``fast_ner.pos_tags``), never a tagging per figure. When nothing
follows the number, or only a bare unit, the
words before the number complete it (``tổng số tiền ủng hộ là 500 triệu
đồng`` -> ``triệu đồng (tổng số tiền ủng hộ)``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from extractors.ner.fast_ner import pos_tags
from extractors.text.segment import word_tokenize
from extractors.text.tokens import align
from extractors.text.yaml_data import load_data

#: A word of a sentence: (start, end) offsets in the sentence, the word, its POS tag.
TaggedWord = tuple[int, int, str, str]

DATA_FILE = Path(__file__).with_name("labels.yaml")
PUNCTUATION = "CH"
CONJUNCTIONS = {"C", "CC"}
PREPOSITION = "E"
DENOMINATOR = re.compile(r"\s*/\s*\d[\d.,]*")  # matched right after the number


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


def tag_sentence(sentence: str) -> list[TaggedWord]:
    """The sentence's underthesea words with their part-of-speech tags and offsets."""
    words = align(sentence, word_tokenize(sentence))
    tags = pos_tags([w.text for w in words])
    return [(w.start, w.end, w.text, tag) for w, tag in zip(words, tags, strict=True)]


def _after(sentence: str, tagged: Sequence[TaggedWord], at: int) -> list[str]:
    """The noun phrase starting at offset ``at`` of the sentence (a word cut by ``at``
    keeps its part after it, with its tag)."""
    vocab = _vocabulary()
    words: list[str] = []
    for start, end, word, tag in tagged:
        if end <= at:
            continue
        if start < at:
            word = sentence[at:end].strip()
            if not word:
                continue
        if len(words) >= vocab["max_words"] or _ends_phrase(word, tag):
            break
        words.append(word)
    while words and words[-1].lower() in vocab["continue"]:
        words.pop()
    return words


def _before(sentence: str, tagged: Sequence[TaggedWord], at: int) -> list[str]:
    """The words just before offset ``at``, back to punctuation or a stop word.

    Approximation and linking words next to the number (``hơn``, ``là``) are
    skipped first, then words are read backwards until a boundary.
    """
    vocab = _vocabulary()
    back: list[tuple[str, str]] = []
    for start, end, word, tag in tagged:
        if start >= at:
            break
        back.append((word if end <= at else sentence[start:at].strip(), tag))
    back = [(w, t) for w, t in reversed(back) if w]
    while back and (back[0][0].lower() in vocab["around"] or back[0][0].lower() in vocab["stop"]):
        back.pop(0)
    words: list[str] = []
    for word, tag in back:
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
    tagged: Callable[[], Sequence[TaggedWord]] | None = None,
) -> str:
    """A readable label for the number at the given span of ``sentence``.

    The unit, when given and standing right after the number, is kept whole
    (``tin, bài viết`` keeps its comma) and the phrase continues after it.
    ``tagged`` gives the sentence's tagged words (:func:`tag_sentence`) when the
    caller already has them; it is called only when the label needs them.
    """
    at = number_end_in_sentence
    denominator = DENOMINATOR.match(sentence, at)
    if denominator is not None:
        at = denominator.end()
    while at < len(sentence) and sentence[at].isspace():
        at += 1
    head = ""
    if unit and sentence[at : at + len(unit)].lower() == unit.lower():
        after_unit = at + len(unit)
        if not sentence[after_unit : after_unit + 1].isalnum():
            head, at = sentence[at:after_unit], after_unit
        # else the unit was only the start of a longer word
    words_of = tagged or (lambda: tag_sentence(sentence))
    after = _after(sentence, words_of(), at) if sentence[at:].strip() else []
    label_words = ([head] if head else []) + after
    label = _clean(" ".join(label_words))
    measures = _vocabulary()["measures"]
    if all(word.lower() in measures for word in label.split()):
        before = _clean(" ".join(_before(sentence, words_of(), number_start_in_sentence)))
        if label and before:
            return f"{label} ({before})"
        return label or before
    return label
