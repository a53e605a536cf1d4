"""Install exactly: the lock files exist, pin every dependency, and the Makefile uses them."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pins(name: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.lstrip().startswith("#"):
            package, version = line.strip().split("==", 1)
            pins[re.sub(r"[-_.]+", "-", package.lower())] = version
    return pins


def _names(requirements: list[str]) -> set[str]:
    bare = (re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0] for r in requirements)
    return {re.sub(r"[-_.]+", "-", name.lower()) for name in bare}


def test_locks_pin_every_declared_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    run, test = _pins("requirements.lock"), _pins("requirements-test.lock")
    assert _names(project["dependencies"]) <= set(run)
    assert _names(project["dependencies"] + project["optional-dependencies"]["test"]) <= set(test)
    assert all(test[name] == version for name, version in run.items())  # one resolution
    assert int(run["fastapi"].split(".")[1]) < 151  # prefect breaks on fastapi 0.151+


def test_locks_say_how_they_were_made() -> None:
    for name in ("requirements.lock", "requirements-test.lock"):
        assert "uv pip compile pyproject.toml" in (ROOT / name).read_text(encoding="utf-8")


def test_makefile_installs_from_the_locks() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet -r $(LOCK)" in makefile
    assert "pip install --quiet -r $(TEST_LOCK)" in makefile
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
