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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType

from underthesea_core import CRFTagger

# Same syntax as underthesea's tagged_feature.template2features.
_TEMPLATE = re.compile(
    r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?"
)

Rows = Sequence[Sequence[str]]


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
        sentence, else ``EOS`` if the last is past its end, as in underthesea.
        """
        values = columns[self.column]
        n = len(values)
        bos = min(n, max(0, -self.start))
        inside = max(0, min(n, n - self.stop) - bos)
        eos = n - bos - inside
        if self.start == self.stop:
            key = (self.column, self.function)
            mapped = cache.get(key)
            if mapped is None:
                function = self.function
                mapped = cache[key] = values if function is str else [function(v) for v in values]
            first = bos + self.start
            middle = mapped[first : first + inside]
        else:
            parts = [
                values[bos + offset : bos + offset + inside]
                for offset in range(self.start, self.stop + 1)
            ]
            joined = [" ".join(words) for words in zip(*parts, strict=True)]
            function = self.function
            middle = joined if function is str else [function(v) for v in joined]
        prefix = self.prefix
        return [prefix + "BOS"] * bos + [prefix + v for v in middle] + [prefix + "EOS"] * eos


class StageTagger:
    """One CRF stage: underthesea's templates, computed column-wise, and its model.

    ``rows`` are the stage's input columns plus the placeholder ``"X"`` that underthesea
    puts in the column being predicted, e.g. ``(word, pos, "X")`` for chunking.
    """

    def __init__(self, template: Sequence[str], tagger: CRFTagger, module: ModuleType) -> None:
        functions = _value_functions(module)
        self._templates = [_Template.parse(t, functions) for t in template]
        self._tagger = tagger

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
