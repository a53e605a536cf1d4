"""Column-wise featurization for underthesea's 2017 POS, chunking and NER CRF models.

underthesea computes these features token by token in ``tagged_feature.template2features``,
which re-parses the template with a regex and rebuilds every column of the sentence for
every token and every template: tagging is quadratic in sentence length and nearly all
of its time is Python overhead. Here each template is computed once per sentence as a
whole column (a few list comprehensions over shifted slices), with the same value
functions underthesea uses (``str.lower``, its own ``text_istitle`` ...), the same
BOS/EOS rules and the same feature order, then fed to the same bundled ``CRFTagger``.
Identical feature strings give identical tags.

``underthesea_core.CRFFeaturizer`` (Rust) was measured too: it is slower than these
columns on this workload (Python/Rust string conversion dominates), and its ``istitle``
means "first character is not lowercase" (``1.160`` and ``(Hà`` would be title-cased),
so it cannot reproduce underthesea's POS, chunk and NER features exactly.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TypeVar

from underthesea_core import CRFTagger

# Same syntax as underthesea's tagged_feature.template2features.
_TEMPLATE = re.compile(
    r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?"
)

Rows = Sequence[Sequence[str]]
T = TypeVar("T")


def _value_functions(module: ModuleType) -> dict[str | None, Callable[[str], str]]:
    """underthesea's ``apply_function`` table, with results rendered as f-strings do."""

    def rendered(function: Callable[[str], object]) -> Callable[[str], str]:
        return lambda word: str(function(word))

    return {
        None: str,
        "lower": str.lower,
        "istitle": rendered(module.text_istitle),
        "isallcap": rendered(module.text_isallcap),
        "isdigit": rendered(module.text_isdigit),
        "is_in_dict": rendered(module.text_is_in_dict),
    }


@dataclass(frozen=True)
class _Template:
    """One parsed template ``T[start,stop][column].function``."""

    prefix: str
    start: int
    stop: int
    column: int
    function: Callable[[str], str]

    @classmethod
    def parse(cls, template: str, functions: dict[str | None, Callable[[str], str]]) -> _Template:
        match = _TEMPLATE.match(template)
        if match is None:
            raise ValueError(f"unsupported feature template {template!r}")
        start = int(match.group("index1"))
        stop = int(match.group("index2") or start)
        if stop < start:
            raise ValueError(f"unsupported feature template {template!r}")
        column = match.group("column")
        if match.group("function") not in functions:
            raise ValueError(f"unsupported feature template {template!r}")
        return cls(
            prefix=f"{template}=",
            start=start,
            stop=stop,
            column=int(column) if column else 0,
            function=functions[match.group("function")],
        )

    def column_features(self, columns: list[list[str]], cache: dict) -> list[str]:
        """This template's feature string for every token of one sentence.

        Token ``i`` reads rows ``i+start .. i+stop``: ``BOS`` if the first is before the
        sentence, else ``EOS`` if the last is past its end, as in underthesea. The
        windows of a width, joined and then mapped by a function, are computed once per
        sentence (``cache``) and shared by the templates that read them.
        """
        values = columns[self.column]
        n = len(values)
        width = self.stop - self.start
        key = (self.column, self.function, width)
        mapped = cache.get(key)
        if mapped is None:
            joined = values
            if width:
                joined_key = (self.column, None, width)
                joined = cache.get(joined_key)
                if joined is None:
                    last = n - width  # windows start at 0 .. last-1
                    slices = [values[o : last + o] for o in range(width + 1)] if last > 0 else []
                    windows = zip(*slices, strict=True)
                    joined = cache[joined_key] = [" ".join(w) for w in windows]
            function = self.function
            mapped = cache[key] = joined if function is str else [function(v) for v in joined]
        bos = min(n, max(0, -self.start))
        inside = max(0, min(n, n - self.stop) - bos)
        eos = n - bos - inside
        first = bos + self.start  # window k holds rows k .. k+width
        prefix = self.prefix
        return (
            [prefix + "BOS"] * bos
            + [prefix + v for v in mapped[first : first + inside]]
            + [prefix + "EOS"] * eos
        )


class StageTagger:
    """One CRF stage: underthesea's templates, computed column-wise, and its model.

    ``rows`` are the stage's input columns plus the placeholder ``"X"`` that underthesea
    puts in the column being predicted, e.g. ``(word, pos, "X")`` for chunking.
    ``functions`` are the value functions the templates name (``lower``, ``istitle``
    ...), each rendering its result as the feature string shows it.
    """

    def __init__(
        self,
        template: Sequence[str],
        tagger: CRFTagger,
        functions: dict[str | None, Callable[[str], str]],
    ) -> None:
        self._templates = [_Template.parse(t, functions) for t in template]
        self._tagger = tagger

    @classmethod
    def for_module(
        cls, template: Sequence[str], tagger: CRFTagger, module: ModuleType
    ) -> StageTagger:
        """A stage whose value functions are those of an underthesea ``tagged_feature``
        module (its POS, chunking and NER models)."""
        return cls(template, tagger, _value_functions(module))

    def features(self, rows: Rows) -> list[tuple[str, ...]]:
        """Feature strings of each token, exactly as underthesea's transformer builds them."""
        if not rows:
            return []
        columns = [list(column) for column in zip(*rows, strict=True)]
        cache: dict = {}
        per_template = [t.column_features(columns, cache) for t in self._templates]
        return list(zip(*per_template, strict=True))

    def tag(self, rows: Rows) -> list[str]:
        """Predicted tag of every token."""
        if not rows:
            return []
        return list(self._tagger.tag(self.features(rows)))


def load_once(loader: Callable[[], T]) -> Callable[[], T]:
    """``loader`` called on first use only, once even when several threads ask at once
    (the bundled CRF models are loaded once per process and then only read)."""
    loaded: list[T] = []
    lock = threading.Lock()

    def load() -> T:
        if not loaded:
            with lock:
                if not loaded:
                    loaded.append(loader())
        return loaded[0]

    return load
