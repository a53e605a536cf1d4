"""What a reviewer decides: accept, reject, correct or add, one row each.

Every decision is one row in the store's ``corrections`` table, keyed by the
stable id of the record it concerns, with its time, author and note. The
pipeline never rewrites that table, and every export applies it through
:func:`pipeline.review.corrections.apply_corrections`.
"""

from __future__ import annotations

import getpass
import json
import os
import secrets
import time
from datetime import UTC, datetime
from typing import Any

from pipeline.review import highlight
from pipeline.review.corrections import (
    ADDABLE_KINDS,
    ID_COLUMNS,
    LOCKED_FIELDS,
    TABLES,
    added_id,
    coerce_change,
    editable_fields,
    kind_of,
    latest_corrections,
    parse_changes,
)
from pipeline.review.store_access import StoreAccess, holding
from pipeline.store.db import CORRECTION_COLUMNS

AUTHOR_ENV = "ANTQ_AUTHOR"


def default_author(author: str | None = None) -> str:
    """The argument, else ``$ANTQ_AUTHOR``, else the OS user."""
    if author:
        return author
    if os.environ.get(AUTHOR_ENV):
        return os.environ[AUTHOR_ENV]
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def new_correction_id() -> str:
    """Time-ordered and unique: ties on ``created_at`` still sort in creation order."""
    return f"c{time.time_ns():016x}{secrets.token_hex(3)}"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def indicator_codes() -> set[str]:
    """Known indicator codes (empty while the codebook YAML does not exist)."""
    return set(highlight.indicator_families())


class Decisions(StoreAccess):
    """The writing half of :class:`pipeline.review.session.Review`."""

    author: str

    def _write(self, row: dict[str, Any]) -> str:
        row = {
            "correction_id": new_correction_id(),
            "author": self.author,
            "created_at": _now(),
            **row,
        }
        cols = list(CORRECTION_COLUMNS)
        marks = ", ".join("?" * len(cols))
        with self._hold(read_only=False) as con:
            con.execute(
                f"INSERT INTO corrections ({', '.join(cols)}) VALUES ({marks})",
                [row.get(c) for c in cols],
            )
        return row["correction_id"]

    def _target(self, target_id: str) -> tuple[str, str]:
        """(kind, doc_id) of an existing record, extracted or added in review."""
        kind = kind_of(target_id)
        if kind is None:
            raise KeyError(f"{target_id!r} is not a record id")
        found = self._query(
            f"SELECT doc_id FROM {TABLES[kind]} WHERE {ID_COLUMNS[kind]} = ?", [target_id]
        )
        if found.empty:
            found = self._query(
                "SELECT doc_id FROM corrections WHERE target_id = ? AND action = 'add'",
                [target_id],
            )
        if found.empty:
            raise KeyError(f"no {kind} with id {target_id!r} in {self.store_path}")
        return kind, str(found["doc_id"].iloc[0])

    @holding(read_only=False)
    def accept(self, target_id: str, note: str | None = None) -> str:
        """Mark a record as checked and right; returns the correction id."""
        _, doc_id = self._target(target_id)
        return self._write(
            {"target_id": target_id, "doc_id": doc_id, "action": "accept", "note": note}
        )

    @holding(read_only=False)
    def reject(self, target_id: str, reason: str, note: str | None = None) -> str:
        """Remove a record from every export; ``reason`` says why (not a result, wrong value)."""
        if not reason:
            raise ValueError("a rejection needs a reason")
        _, doc_id = self._target(target_id)
        return self._write(
            {
                "target_id": target_id,
                "doc_id": doc_id,
                "action": "reject",
                "reason": reason,
                "note": note,
            }
        )

    @holding(read_only=False)
    def correct(
        self,
        target_id: str,
        *,
        note: str | None = None,
        reason: str | None = None,
        **changes: Any,
    ) -> str:
        """Change fields of a record, e.g. ``correct(fid, value=1160, qualifier="more_than")``.

        The latest correction of a record wins, so when the latest one is also a
        ``correct``, its changes are carried into this one: two successive
        corrections of value and qualifier keep both.
        """
        kind, doc_id = self._target(target_id)
        if not changes:
            raise ValueError(f"nothing to correct; fields: {', '.join(editable_fields(kind))}")
        checked = self._check_changes(kind, changes)
        previous = latest_corrections(self.list(target_id=target_id))
        if not previous.empty and previous["action"].iloc[0] == "correct":
            checked = {**parse_changes(previous["changes"].iloc[0]), **checked}
        return self._write(
            {
                "target_id": target_id,
                "doc_id": doc_id,
                "action": "correct",
                "changes": json.dumps(checked, ensure_ascii=False),
                "reason": reason,
                "note": note,
            }
        )

    def add(
        self,
        doc_id: str,
        start: int,
        end: int,
        indicator: str,
        value: float,
        *,
        note: str | None = None,
        **fields: Any,
    ) -> str:
        """Add a figure the extractors missed at ``text[start:end]``; returns its figure id.

        Extra fields (``unit``, ``qualifier``, ``kind``, ``period``, ...) may be given.
        The sentence is taken from the document text.
        """
        return self._add(
            "figure", doc_id, start, end, note, {"indicator": indicator, "value": value, **fields}
        )

    def add_weakness(
        self, doc_id: str, start: int, end: int, theme: str = "other", note: str | None = None
    ) -> str:
        """Add a weakness clause the extractors missed; returns its weakness id."""
        return self._add("weakness", doc_id, start, end, note, {"theme": theme})

    def add_solution(
        self, doc_id: str, start: int, end: int, note: str | None = None, **fields: Any
    ) -> str:
        """Add a solution / lesson the extractors missed; returns its solution id."""
        return self._add("solution", doc_id, start, end, note, fields)

    @holding(read_only=False)
    def _add(
        self,
        kind: str,
        doc_id: str,
        start: int,
        end: int,
        note: str | None,
        fields: dict[str, Any],
    ) -> str:
        assert kind in ADDABLE_KINDS
        docs = self._query("SELECT text FROM documents WHERE doc_id = ?", [doc_id])
        if docs.empty:
            raise KeyError(f"no document {doc_id!r} in {self.store_path}")
        text = str(docs["text"].iloc[0])
        start, end = int(start), int(end)
        if not 0 <= start < end <= len(text):
            raise ValueError(f"offsets {start}:{end} fall outside the document ({len(text)} chars)")
        checked = self._check_changes(kind, fields, adding=True)
        target_id = added_id(kind, doc_id, start, end, text)
        self._write(
            {
                "target_id": target_id,
                "doc_id": doc_id,
                "action": "add",
                "changes": json.dumps({"start": start, "end": end, **checked}, ensure_ascii=False),
                "note": note,
            }
        )
        return target_id

    @staticmethod
    def _check_changes(kind: str, changes: dict[str, Any], adding: bool = False) -> dict[str, Any]:
        allowed = set(editable_fields(kind))
        checked = {}
        for name, value in changes.items():
            if name not in allowed:
                hint = "reject it and add it again" if name in LOCKED_FIELDS else "unknown field"
                raise ValueError(f"cannot set {kind}.{name}: {hint}")
            checked[name] = coerce_change(kind, name, value)
        indicator = checked.get("indicator")
        codes = indicator_codes()
        if indicator and codes and indicator not in codes and indicator != "unclassified":
            raise ValueError(
                f"unknown indicator {indicator!r}; see extractors/figures/indicators.yaml"
            )
        if adding and kind == "figure" and "value" not in checked:
            raise ValueError("an added figure needs a value")
        return checked
