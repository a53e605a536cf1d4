"""``docs/codebook.md``: the indicator codebook, generated from ``indicators.yaml``.

``antq indicators`` prints the same text; ``python -m pipeline.cli.codebook_doc``
rewrites the file (a test fails when the file is out of date).
"""

from __future__ import annotations

import sys
from pathlib import Path

from extractors.figures.descriptions import IndicatorDescription, indicator_descriptions

DOC = Path(__file__).resolve().parents[2] / "docs" / "codebook.md"
KINDS = {"flow": "flow (activity in the period)", "stock": "stock (standing count)"}

HEADER = """\
# Codebook: the indicators

Generated from `extractors/figures/indicators.yaml` (the `descriptions` block
and each indicator's `family` and `kind`) by `python -m pipeline.cli.codebook_doc`;
`antq indicators` prints the same. Do not edit by hand: edit the YAML.

A figure that fits no indicator is kept as `unclassified`. `kind` is the
default when the sentence gives no time frame: `flow` counts activity in the
report's period (`trong năm`, `đã tổ chức`), `stock` a standing count
(`hiện có`, `đến nay`, `đang duy trì`). A flow and a stock never add up.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _row(d: IndicatorDescription) -> str:
    wording = "; ".join(f"`{w}`" for w in d.wording)
    cells = [f"`{d.code}`", d.vi, d.en, d.counted, d.kind, d.axis, wording]
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def codebook_markdown(descriptions: list[IndicatorDescription] | None = None) -> str:
    """The whole codebook page as Markdown."""
    descriptions = descriptions if descriptions is not None else indicator_descriptions()
    families: dict[str, list[IndicatorDescription]] = {}
    for d in descriptions:
        families.setdefault(d.family or "other", []).append(d)
    lines = [HEADER]
    lines.append(f"{len(descriptions)} indicators in {len(families)} families.\n")
    head = "| code | Vietnamese | English | what is counted | kind | unit | typical wording |"
    for family, members in families.items():
        lines += [f"## {family}\n", head, "| --- | --- | --- | --- | --- | --- | --- |"]
        lines += [_row(d) for d in members]
        lines.append("")
    lines.append("Kinds: " + "; ".join(f"`{k}` {v}" for k, v in KINDS.items()) + ".")
    return "\n".join(lines) + "\n"


def main() -> int:
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(codebook_markdown(), encoding="utf-8")
    sys.stdout.write(f"{DOC}\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
