"""Small pieces shared by the flow and the runner, kept free of heavy imports
so the runner can use them before Prefect and the extractors are loaded."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


def fingerprint(path: Path) -> str:
    """SHA-1 of a file's bytes, read in 1 MiB chunks."""
    digest = hashlib.sha1()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class RunSummary:
    documents: int
    failures: int
    extracted: int
    cached: int
    out: str
    unchanged: bool = False  # the run was skipped: nothing changed since the last one

    def line(self) -> str:
        return (
            f"{self.documents} documents, {self.failures} failures "
            f"({self.extracted} extracted, {self.cached} from the store) -> {self.out}"
            + (" (nothing changed)" if self.unchanged else "")
        )
