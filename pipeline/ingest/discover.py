"""What to read: files, folders and glob patterns, plus an optional metadata manifest.

``discover`` turns command-line inputs into a sorted, de-duplicated list of
files, and reports inputs that lead nowhere as ReadFailure rows (stage
"discover") so that nothing a researcher named is silently dropped.

Folders are walked recursively and yield supported formats only, skipping
hidden files and folders; a file named explicitly is always kept (an
unsupported one then fails at reading with "unsupported format"). Glob
patterns (``reports/**/*.pdf``) behave like folders; a pattern that matches
nothing is a failure too.
"""

from __future__ import annotations

import csv
import datetime as dt
import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .readers import SUPPORTED_SUFFIXES, ReadFailure

STAGE = "discover"
_GLOB_CHARS = frozenset("*?[")


def _walk(root: Path, failures: list[ReadFailure]) -> Iterator[Path]:
    def on_error(error: OSError) -> None:
        failures.append(
            ReadFailure(str(error.filename or root), STAGE, "unreadable path", type(error).__name__)
        )

    for directory, subdirs, files in os.walk(root, onerror=on_error, followlinks=True):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                yield Path(directory) / name


def _expand(item: str, failures: list[ReadFailure]) -> Iterator[Path]:
    path = Path(item).expanduser()
    if path.is_file():
        yield path
    elif path.is_dir():
        yield from _walk(path, failures)
    elif _GLOB_CHARS & set(item):
        # glob itself skips hidden names unless the pattern spells them out
        matches = sorted(glob.glob(str(path), recursive=True))
        if not matches:
            failures.append(ReadFailure(item, STAGE, "unreadable path", "NoMatch"))
        for match in map(Path, matches):
            if match.is_dir():
                yield from _walk(match, failures)
            elif match.suffix.lower() in SUPPORTED_SUFFIXES:
                yield match
    else:
        error = "FileNotFoundError" if not path.exists() else "NotAFile"
        failures.append(ReadFailure(item, STAGE, "unreadable path", error))


def discover(inputs: Sequence[str]) -> tuple[list[Path], list[ReadFailure]]:
    """Files to read (absolute, sorted, each once) and the inputs that failed."""
    failures: list[ReadFailure] = []
    found: dict[Path, None] = {}
    for item in inputs:
        for path in _expand(str(item), failures):
            found.setdefault(path.resolve(), None)
    return sorted(found), failures


# --- manifest -------------------------------------------------------------------

MANIFEST_COLUMNS = ("path", "url", "province", "published")


@dataclass(frozen=True)
class ManifestEntry:
    """Metadata a researcher already knows about one document; overrides detection."""

    path: str
    url: str | None
    province: str | None
    published: str | None  # ISO date


class ManifestError(ValueError):
    """A manifest that cannot be used as written; the message says where and why."""


def _published(value: str, where: str) -> str:
    """ISO date: YYYY-MM-DD, or a bare year / year-month as the source gives it."""
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
        return value
    raise ManifestError(f"{where}: published {value!r} is not an ISO date (YYYY-MM-DD)")


def read_manifest(path: str | Path) -> dict[str, ManifestEntry]:
    """Read a CSV with columns path,url,province,published (only path is required).

    Relative paths are taken from the manifest's folder. Returns entries keyed
    by the resolved path as a string. Raises ManifestError on unknown or
    missing columns, empty paths, bad dates, or a path listed twice.
    """
    manifest = Path(path)
    base = manifest.resolve().parent
    try:
        with manifest.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = [c.strip().lower() for c in (reader.fieldnames or [])]
            unknown = [c for c in columns if c not in MANIFEST_COLUMNS]
            if "path" not in columns or unknown:
                raise ManifestError(
                    f"{manifest}: columns must be {', '.join(MANIFEST_COLUMNS)} (path required); "
                    f"found {', '.join(columns) or 'none'}"
                    + (f"; unknown: {', '.join(unknown)}" if unknown else "")
                )
            reader.fieldnames = columns
            entries: dict[str, ManifestEntry] = {}
            for line, row in enumerate(reader, start=2):
                where = f"{manifest}, line {line}"
                values = {k: (v or "").strip() or None for k, v in row.items() if k in columns}
                if values.get("path") is None:
                    raise ManifestError(f"{where}: empty path")
                resolved = str((base / Path(values["path"]).expanduser()).resolve())
                if resolved in entries:
                    raise ManifestError(f"{where}: {values['path']} is listed twice")
                published = values.get("published")
                entries[resolved] = ManifestEntry(
                    path=resolved,
                    url=values.get("url"),
                    province=values.get("province"),
                    published=_published(published, where) if published else None,
                )
    except OSError as exc:
        raise ManifestError(f"{manifest}: cannot read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ManifestError(f"{manifest}: not a UTF-8 CSV ({exc})") from exc
    return entries
