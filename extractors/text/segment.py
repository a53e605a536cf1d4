"""Drop-in for ``underthesea.word_tokenize(sentence)``: the same words, computed faster.

underthesea cuts a sentence into syllables and punctuation by regex, then joins
syllables into words with a CRF whose features come from its compiled
``CRFFeaturizer``. That featurizer receives every token from Python and returns
43 feature strings per token, and the crossing between Python and compiled code
costs more than the features themselves: it is about 60% of the time of
``word_tokenize``. Here the same templates are computed column-wise by
:class:`extractors.ner.features.StageTagger` (as for POS and NER), from
underthesea's own model directory (templates, dictionary, CRF model file), and fed
to the same compiled ``CRFTagger``. The features equal the featurizer's string for
string; a test compares the words of every corpus sentence with
``underthesea.word_tokenize``.

The featurizer's value functions differ from those of underthesea's Python
templates, so they are given here: ``lower``; ``isdigit`` (every character a
digit); ``istitle`` (every space-separated part starts with a character that is
not lowercase, so ``1.160`` and ``(Hà`` count); ``is_in_dict`` (the lowercased
words, joined by spaces, are in the dictionary). A template naming another
function stops loading with a clear error rather than giving other words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from extractors.ner.features import StageTagger, load_once

_BOOL = {True: "True", False: "False"}


def _istitle(value: str) -> bool:
    if " " not in value:
        return value[:1] != "" and not value[0].islower()
    return all(part[:1] and not part[0].islower() for part in value.split(" "))


def value_functions(dictionary: frozenset[str]) -> dict[str | None, Callable[[str], str]]:
    """The compiled featurizer's value functions, rendered as its feature strings."""
    return {
        None: str,
        "lower": str.lower,
        "isdigit": lambda v: _BOOL[v.isdigit()],
        "istitle": lambda v: _BOOL[_istitle(v)],
        "is_in_dict": lambda v: _BOOL[v.lower() in dictionary],
    }


def _load_model() -> StageTagger:
    import joblib
    import underthesea.pipeline.word_tokenize as package
    from underthesea_core import CRFTagger

    directory = Path(package.__file__).parent / "models" / "ws_crf_vlsp2013_20230727"
    dictionary = frozenset(joblib.load(directory / "dictionary.bin"))
    tagger = CRFTagger()
    tagger.load(str(directory / "models.bin"))
    return StageTagger(joblib.load(directory / "features.bin"), tagger, value_functions(dictionary))


_load = load_once(_load_model)


def word_tokenize(sentence: str) -> list[str]:
    """Exactly what ``underthesea.word_tokenize(sentence)`` returns."""
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    tokens = tokenize(sentence)
    if not tokens:
        return []
    tags = _load().tag([(token,) for token in tokens])
    output: list[str] = []
    for index, (tag, token) in enumerate(zip(tags, tokens, strict=True)):
        if tag == "I-W" and index > 0:
            output[-1] = output[-1] + " " + token
        else:
            output.append(token)
    return output
