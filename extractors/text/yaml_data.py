"""The one loader of the YAML data files that sit beside the code reading them."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml


@cache
def _load(path: str) -> Any:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_data(module_file: str, name: str) -> Any:
    """Parse ``name`` from the folder of ``module_file`` (once per process)."""
    return _load(str(Path(module_file).with_name(name)))
