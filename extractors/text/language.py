"""Which language a document is written in, and reading its numbers in that language.

py3langid (langid.py's model, shipped inside the wheel: offline) restricted to
the languages a provincial-report corpus meets. Vietnamese writes ``15.000``
for fifteen thousand and ``2,5`` for two and a half; English and East Asian
languages write ``15,000`` and ``2.5``, so their numbers are re-read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extractors.text.numbers import NumberMention

VIETNAMESE = "vi"
CANDIDATES = ("vi", "en", "fr", "zh", "ru", "de", "es", "ja", "ko", "th", "lo", "km")
MIN_LETTERS = 40  # below this a guess is noise: keep the corpus default
COMMA_THOUSANDS = frozenset({"en", "zh", "ja", "ko", "th"})
_COMMA_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_POINT_DECIMAL = re.compile(r"\d+\.\d+")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CANDIDATES))
    return identifier


#: Letters only Vietnamese writes (ă, đ, ơ, ư and the dot-below and hook-above vowels;
#: not â, ê, ô, nor acute or grave vowels, which French and Portuguese share).
_VIETNAMESE_ONLY = frozenset("ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
#: Share of letters that are Vietnamese-only above which the text is Vietnamese without
#: asking the model: Vietnamese prose has about 15-25%, a foreign text quoting a
#: Vietnamese name well under 1%.
VIETNAMESE_SHARE = 0.05


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; ``vi`` for text too short to tell."""
    head = text[:5000]
    letters = sum(ch.isalpha() for ch in head)
    if letters < MIN_LETTERS:
        return VIETNAMESE
    lowered = head.lower()
    if sum(lowered.count(ch) for ch in _VIETNAMESE_ONLY) >= VIETNAMESE_SHARE * letters:
        return VIETNAMESE  # plainly Vietnamese: the model would say so, at a cost per document
    language, _ = _identifier().classify(head)
    return str(language)


def reread_numbers(text: str, mentions: list[NumberMention], language: str) -> list[NumberMention]:
    """Numbers read again with the separators of ``language`` (``15,000`` = 15000 in English)."""
    if language not in COMMA_THOUSANDS:
        return mentions
    out = []
    for mention in mentions:
        digits = text[mention.number_start : mention.number_end]
        if mention.scale_word is None and mention.denominator is None:
            if _COMMA_GROUPED.fullmatch(digits):
                mention = replace(mention, value=float(digits.replace(",", "")))
            elif _POINT_DECIMAL.fullmatch(digits):
                mention = replace(mention, value=float(digits))
        out.append(mention)
    return out
