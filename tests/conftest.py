"""Shared fixtures: the real CLI run once over the seeds, reused by several tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
# The CSV files every run writes.
OUTPUTS = [
    "documents",
    "figures",
    "entities",
    "weaknesses",
    "solutions",
    "named_models",
    "failures",
    "province_indicators",
    "weakness_themes",
    "solution_themes",
]
SEEDS = ROOT / "corpora" / "seeds"
GOLD = ROOT / "corpora" / "gold"


def antq_command() -> list[str]:
    script = Path(sys.executable).with_name("antq")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli.main"]


def run_antq(
    *args: str, cwd: Path = ROOT, check: bool = True, timeout: float = 600
) -> subprocess.CompletedProcess:
    """Run the installed ``antq`` console script, as a researcher would."""
    result = subprocess.run(
        [*antq_command(), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONUTF8": "1"},
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"antq {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr[-4000:]}"
        )
    return result


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory) -> Path:
    """``antq run corpora/seeds --out OUT`` through the real CLI; returns OUT."""
    out = tmp_path_factory.mktemp("seed_run") / "out"
    result = run_antq("run", "corpora/seeds", "--out", str(out))
    assert "5 documents, 0 failures" in result.stdout
    return out


def read_csv(out: Path, name: str) -> pd.DataFrame:
    """One output CSV as researchers get it (UTF-8 with BOM), empty cells as ''."""
    return pd.read_csv(out / f"{name}.csv", encoding="utf-8-sig", keep_default_na=False)
