"""Drop-in for ``underthesea.word_tokenize(sentence)``: the same words, computed faster.

underthesea cuts a sentence into syllables and punctuation by regex, then joins
syllables into words with a CRF whose features come from its compiled
``CRFFeaturizer``. That featurizer receives every token from Python and returns
43 feature strings per token, and the crossing between Python and compiled code
costs more than the features themselves: it is about 60% of the time of
``word_tokenize``. Here the same 43 templates are computed column-wise in Python
(one list per template over shifted slices, as :mod:`extractors.ner.features`
does for POS and NER), from underthesea's own model directory (templates,
dictionary, CRF model file), and fed to the same compiled ``CRFTagger``. The
features equal the featurizer's string for string; a test compares the words of
every corpus sentence with ``underthesea.word_tokenize``.

The featurizer's value functions, as it computes them:
``lower``; ``isdigit`` (every character a digit); ``istitle`` (every
space-separated part starts with a character that is not lowercase, so ``1.160``
and ``(Hà`` count); ``is_in_dict`` (the lowercased words, joined by spaces, are
in the dictionary). Row ``i`` of template ``T[a,b]`` reads tokens ``i+a .. i+b``:
``BOS`` if ``i+a`` is before the sentence, else ``EOS`` if ``i+b`` is past its end.
A template this module does not know stops loading with a clear error rather than
giving other words.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

_TEMPLATE = re.compile(r"T\[(?P<a>-?\d+)(?:,(?P<b>-?\d+))?\](?:\.(?P<function>\w+))?")
_BOOL = {True: "True", False: "False"}


def _istitle(value: str) -> bool:
    if " " not in value:
        return value[:1] != "" and not value[0].islower()
    return all(part[:1] and not part[0].islower() for part in value.split(" "))


@dataclass(frozen=True)
class _Template:
    """One template ``T[a,b].function`` (``b == a`` for one token)."""

    prefix: str
    a: int
    b: int
    function: str | None


def _parse_template(template: str) -> _Template:
    match = _TEMPLATE.fullmatch(template)
    function = match.group("function") if match else None
    if match is None or function not in (None, "lower", "isdigit", "istitle", "is_in_dict"):
        raise ValueError(f"word segmentation: unsupported feature template {template!r}")
    a = int(match.group("a"))
    b = int(match.group("b") or a)
    if b < a:
        raise ValueError(f"word segmentation: unsupported feature template {template!r}")
    return _Template(f"{template}=", a, b, function)


class _Segmenter:
    """underthesea's word segmentation model with column-wise features."""

    def __init__(self, directory: Path) -> None:
        import joblib
        from underthesea_core import CRFTagger

        self._templates = [_parse_template(t) for t in joblib.load(directory / "features.bin")]
        self._dictionary: frozenset[str] = frozenset(joblib.load(directory / "dictionary.bin"))
        self._tagger = CRFTagger()
        self._tagger.load(str(directory / "models.bin"))

    def _windows(self, values: Sequence[str], a: int, b: int) -> list[str]:
        """The tokens ``k .. k+(b-a)`` joined by spaces, for every ``k`` where they all exist."""
        if a == b:
            return list(values)
        width = b - a
        return [
            " ".join(w)
            for w in zip(
                *(values[o : len(values) - width + o] for o in range(width + 1)), strict=True
            )
        ]

    def features(self, tokens: Sequence[str]) -> list[tuple[str, ...]]:
        """The 43 feature strings of every token, as ``CRFFeaturizer`` gives them."""
        n = len(tokens)
        lowered = [t.lower() for t in tokens]
        values: dict[tuple[str | None, int], list[str]] = {}
        dictionary = self._dictionary

        def computed(function: str | None, width: int) -> list[str]:
            key = (function, width)
            found = values.get(key)
            if found is not None:
                return found
            if function is None:
                found = self._windows(tokens, 0, width)
            elif function == "lower":
                found = self._windows(lowered, 0, width)
            elif function == "isdigit":
                found = [_BOOL[v.isdigit()] for v in self._windows(tokens, 0, width)]
            elif function == "istitle":  # a window is title-cased when each of its tokens is
                titled = [_istitle(t) for t in tokens]
                found = [
                    _BOOL[all(w)]
                    for w in zip(
                        *(titled[o : n - width + o] for o in range(width + 1)), strict=True
                    )
                ]
            else:
                found = [_BOOL[v in dictionary] for v in self._windows(lowered, 0, width)]
            values[key] = found
            return found

        columns = []
        for template in self._templates:
            a, b, prefix = template.a, template.b, template.prefix
            window = computed(template.function, b - a)
            bos = min(n, max(0, -a))
            inside = max(0, min(n, n - b) - bos)
            eos = n - bos - inside
            first = bos + a
            columns.append(
                [prefix + "BOS"] * bos
                + [prefix + v for v in window[first : first + inside]]
                + [prefix + "EOS"] * eos
            )
        return list(zip(*columns, strict=True))

    def words(self, sentence: str, tokenize: Callable[[str], list[str]]) -> list[str]:
        tokens = tokenize(sentence)
        if not tokens:
            return []
        tags = self._tagger.tag(self.features(tokens))
        output: list[str] = []
        for index, (tag, token) in enumerate(zip(tags, tokens, strict=True)):
            if tag == "I-W" and index > 0:
                output[-1] = output[-1] + " " + token
            else:
                output.append(token)
        return output


_segmenter: _Segmenter | None = None
_lock = threading.Lock()


def _load() -> _Segmenter:
    global _segmenter
    if _segmenter is None:
        with _lock:
            if _segmenter is None:
                import underthesea.pipeline.word_tokenize as package

                directory = Path(package.__file__).parent / "models" / "ws_crf_vlsp2013_20230727"
                _segmenter = _Segmenter(directory)
    return _segmenter


def word_tokenize(sentence: str) -> list[str]:
    """Exactly what ``underthesea.word_tokenize(sentence)`` returns."""
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    return _load().words(sentence, tokenize)
