"""The people-facing half of the codebook: labels and meaning of each indicator.

Read from the ``descriptions`` block of ``indicators.yaml``, next to the rules
that find the figures, so one file defines an indicator for the extractor and
for the researcher. Plots take their titles and axis units from here; the
generated ``docs/codebook.md`` and ``antq indicators`` show all of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.text.yaml_data import read_yaml

DATA = Path(__file__).with_name("indicators.yaml")


@dataclass(frozen=True)
class IndicatorDescription:
    code: str
    family: str
    kind: str  # the default kind: flow or stock
    vi: str
    en: str
    counted: str
    axis: str  # unit written on a plot's value axis
    wording: tuple[str, ...]


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[IndicatorDescription, ...]:
    data = read_yaml(path)
    texts = data.get("descriptions") or {}
    out = []
    for code, spec in data["indicators"].items():
        text = texts.get(code) or {}
        out.append(
            IndicatorDescription(
                code=code,
                family=str(spec.get("family", "")),
                kind=str(spec.get("kind") or ""),
                vi=str(text.get("vi", "")),
                en=str(text.get("en", "")),
                counted=str(text.get("counted", "")),
                axis=str(text.get("axis", "")),
                wording=tuple(str(w) for w in text.get("wording", [])),
            )
        )
    return tuple(out)


def indicator_descriptions(path: str | Path | None = None) -> list[IndicatorDescription]:
    """Every indicator of the YAML, in its order, with whatever description it has."""
    return list(_load(str(path or DATA)))


def read_families(path: str | Path | None = None) -> dict[str, str]:
    """Indicator code -> family, read from the file now (not cached), tolerant of gaps.

    For a review session that may outlive an edit of the codebook; entries
    without a family are left out.
    """
    data = read_yaml(path or DATA) or {}
    indicators = data.get("indicators") or {}
    return {
        code: str(spec.get("family"))
        for code, spec in indicators.items()
        if isinstance(spec, Mapping) and spec.get("family")
    }


def describe(code: str) -> IndicatorDescription | None:
    return next((d for d in indicator_descriptions() if d.code == code), None)
