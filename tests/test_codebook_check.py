"""The codebook's YAML is checked, and its worked examples all run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import run_antq

from extractors.checks.codebook import check
from extractors.checks.examples import load_cases, run_case

FIGURES = Path(__file__).resolve().parents[1] / "extractors" / "figures"
CASES = load_cases()


def test_every_data_file_passes_the_check():
    assert [str(p) for p in check()] == []


def _copy(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """indicators.yaml copied with the first ``old`` line replaced; the line's number."""
    lines = (FIGURES / "indicators.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if line.startswith(old))
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path = tmp_path / "indicators.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    shutil.copy(FIGURES / "examples.yaml", tmp_path / "examples.yaml")
    return path, number


def test_a_misspelt_cues_key_is_named_with_its_line(tmp_path):
    path, line = _copy(tmp_path, "    cues:", "    cuse:")
    result = run_antq("codebook", "check", str(path), check=False)
    assert result.returncode != 0
    assert f"{path}:{line}: indicators.campaign_sessions.cuse: unknown key 'cuse'" in result.stdout
    assert "did you mean 'cues'" in result.stdout


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("    previous: [campaign_sessions]", "    previous: [campaign_session]", "names no"),
        ("    kind: flow", "    kind: flows", "Input should be 'flow' or 'stock'"),
        ("      near: [phát động", "      nearby: [phát động", "unknown key 'nearby'"),
        ("    family: campaign", "    family: campain", "no family 'campain'"),
        ("      - [{LOWER: {IN: [phát động]}}", "      - [{LOWR: {IN: [phát động]}}", "LOWR"),
        # a key written twice in one indicator ("family" again): YAML would keep the last
        ("    kind: flow", "    family: campaign", "written twice"),
    ],
)
def test_each_mistake_has_file_line_and_key(tmp_path, old, new, words):
    path, line = _copy(tmp_path, old, new)
    problems = check([path])
    assert problems, (old, new)
    assert any(p.line == line and words in p.message for p in problems), [str(p) for p in problems]


def test_an_indicator_without_examples_is_reported(tmp_path):
    _copy(tmp_path, "    cues:", "    cues:")
    examples = tmp_path / "examples.yaml"
    text = examples.read_text(encoding="utf-8")
    examples.write_text(text.replace("\nawards_individual:", "\nawards_individul:"), "utf-8")
    messages = {(p.key, p.message.split(";")[0]) for p in check([tmp_path])}
    assert ("awards_individual", "indicator without examples") in messages
    assert ("awards_individul", "'awards_individul' names no indicator") in messages


def test_the_run_checks_the_codebook_at_start_up(tmp_path, monkeypatch):
    from pipeline.cli import codebook as cli_codebook
    from pipeline.errors import UserError

    _copy(tmp_path, "    cues:", "    cuse:")
    monkeypatch.setattr("extractors.checks.codebook.ROOT", tmp_path)
    monkeypatch.setattr("extractors.checks.codebook.check.__defaults__", ((tmp_path,),))
    with pytest.raises(UserError, match="cuse"):
        cli_codebook.check_at_start_up()


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(reason=c.xfail, strict=True)) if c.xfail else c
        for c in CASES
    ],
    ids=[c.id for c in CASES],
)
def test_codebook_example(case):
    outcome = run_case(case)
    assert outcome.passed, str(outcome)


def test_every_indicator_has_examples_and_counter_examples():
    from extractors.figures.codebook import load_codebook

    codes = {rule.code for rule in load_codebook().rules}
    assert {c.indicator for c in CASES if not c.counter} == codes
    assert {c.indicator for c in CASES if c.counter} == codes
