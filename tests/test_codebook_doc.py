"""The codebook in the repository: generated from indicators.yaml, complete and up to date."""

from __future__ import annotations

import json

import yaml
from conftest import run_antq

from extractors.figures.descriptions import DATA, indicator_descriptions
from pipeline.cli.codebook_doc import DOC, codebook_markdown


def yaml_indicators() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))["indicators"]


def test_every_yaml_indicator_is_described():
    described = {d.code: d for d in indicator_descriptions()}
    assert list(described) == list(yaml_indicators())
    for code, d in described.items():
        assert d.vi and d.en and d.counted and d.axis and d.wording, code
        assert d.kind in {"flow", "stock"}, code


def test_every_yaml_indicator_appears_in_the_doc():
    text = DOC.read_text(encoding="utf-8")
    for code in yaml_indicators():
        assert f"| `{code}` |" in text, code
    for d in indicator_descriptions():
        assert d.vi in text and d.en in text


def test_the_doc_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == codebook_markdown(), (
        "docs/codebook.md is stale: run `python -m pipeline.cli.codebook_doc`"
    )


def test_antq_indicators_prints_the_codebook_and_json():
    assert run_antq("indicators").stdout == codebook_markdown()
    rows = json.loads(run_antq("indicators", "--json").stdout)
    assert [r["code"] for r in rows] == list(yaml_indicators())
    assert rows[0]["vi"] and rows[0]["wording"]
