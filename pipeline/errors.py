"""Errors that are a person's mistake or a broken install, not a bug in antq.

The command line shows each as one line and a non-zero exit code, with no
traceback unless ``--debug`` is given (``pipeline.cli.entry``). Messages are
written for the researcher: what is wrong, where, and what to do.
"""

from __future__ import annotations

import re
from pathlib import Path


class UserError(Exception):
    """A mistake the person running antq can fix; the message is one line."""


class DependencyError(UserError):
    """A package antq needs is missing or fails to import.

    Raised instead of turning every file of a format into a failure row: a
    broken install is not a property of the files.
    """

    @classmethod
    def from_import(cls, error: ImportError, needed_for: str) -> DependencyError:
        package = (error.name or "").split(".")[0] or "a package"
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return cls(
            f"{package} (needed for {needed_for}) cannot be imported: {first}. "
            "Reinstall exactly with `make run` (or pip install -r requirements.lock)."
        )


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<exe>.+?) \(PID (?P<pid>\d+)\)")


def process_name(pid: int) -> str:
    """A short description of a running process: its command line, or its executable."""
    try:
        import psutil

        command = " ".join(psutil.Process(pid).cmdline()).strip()
    except Exception:  # gone, or not ours to inspect: the PID alone still helps
        command = ""
    return command[:120] + ("..." if len(command) > 120 else "")


def store_in_use(store: str | Path, error: BaseException) -> UserError | None:
    """The UserError for DuckDB's "Could not set lock" error, else None."""
    message = str(error)
    if "Could not set lock" not in message and "Conflicting lock" not in message:
        return None
    holder = _LOCK_HOLDER.search(message)
    who = "another process"
    if holder:
        pid = int(holder["pid"])
        who = f"process {pid} ({process_name(pid) or holder['exe']})"
    return UserError(
        f"the store {store} is in use by {who}; wait for that run to end, "
        "or give another --out folder"
    )
