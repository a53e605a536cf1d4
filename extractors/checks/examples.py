"""Run the codebook's worked examples (``extractors/figures/examples.yaml``).

An example passes when the figure with its value, in its sentence, has its
indicator; a counter-example passes when no figure with its value has it
(another indicator, ``unclassified``, or not a figure at all).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractors.checks.schemas import Example, IndicatorExamples
from extractors.text.yaml_data import read_yaml

EXAMPLES = Path(__file__).resolve().parents[1] / "figures" / "examples.yaml"


@dataclass(frozen=True)
class Case:
    id: str
    indicator: str
    sentence: str
    value: float
    counter: bool
    xfail: str | None


@dataclass(frozen=True)
class Outcome:
    case: Case
    got: tuple[str, ...]  # indicators of the figures with the case's value

    @property
    def passed(self) -> bool:
        if self.case.counter:  # given to another indicator, or not a figure at all
            return self.case.indicator not in self.got
        return self.case.indicator in self.got

    def __str__(self) -> str:
        want = "not " if self.case.counter else ""
        return (
            f"{self.case.id}: want {want}{self.case.indicator} for {self.case.value:g}, "
            f"got {list(self.got) or 'no figure'} in {self.case.sentence!r}"
        )


def load_cases(path: Path = EXAMPLES) -> list[Case]:
    data = read_yaml(path)
    cases = []
    for code, raw in data.items():
        spec = IndicatorExamples.model_validate(raw)
        groups: list[tuple[str, list[Example], bool]] = [
            ("example", spec.examples, False),
            ("counter", spec.counter_examples, True),
        ]
        for label, items, counter in groups:
            for index, item in enumerate(items, 1):
                case_id = f"{code}-{label}{index}"
                cases.append(Case(case_id, code, item.sentence, item.value, counter, item.xfail))
    return cases


def run_case(case: Case) -> Outcome:
    from extractors.extract import extract_document

    figures = extract_document(case.sentence, with_entities="off").figures
    got = tuple(f.indicator for f in figures if abs(f.value - case.value) < 1e-6)
    return Outcome(case, got)


def run_examples(path: Path = EXAMPLES) -> list[Outcome]:
    return [run_case(case) for case in load_cases(path)]
