"""The one loader of the YAML data files that sit beside the code reading them."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml


def read_yaml(path: str | Path) -> Any:
    """Parse the YAML file at ``path`` (read every time: for files a person may edit)."""
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def _load(path: str) -> Any:
    return read_yaml(path)


@cache
def load_data(module_file: str, name: str) -> Any:
    """Parse ``name`` from the folder of ``module_file`` (once per process)."""
    return _load(str(Path(module_file).with_name(name)))
