"""Review extractions from a notebook: look at a document, then accept, reject, correct or add.

Every decision is one row in the store's ``corrections`` table, keyed by the
stable id of the record it concerns, with its time, author and note. The
pipeline never rewrites that table, and every export applies it through
:func:`pipeline.review.corrections.apply_corrections`.

The store is opened for each call and closed right after, so a notebook left
open does not keep the DuckDB file locked against ``antq run``.
"""

from __future__ import annotations

import functools
import getpass
import json
import os
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pandas as pd

from pipeline.review import highlight
from pipeline.review.corrections import (
    ACTIONS,
    ADDABLE_KINDS,
    ID_COLUMNS,
    LOCKED_FIELDS,
    TABLES,
    added_id,
    apply_corrections,
    coerce_change,
    editable_fields,
    kind_of,
    latest_corrections,
    parse_changes,
)
from pipeline.store.db import CORRECTION_COLUMNS, connect

AUTHOR_ENV = "ANTQ_AUTHOR"
F = TypeVar("F", bound=Callable[..., Any])
FIGURE_TABLE_COLUMNS = [
    "figure_id",
    "indicator",
    "value",
    "unit",
    "qualifier",
    "denominator",
    "kind",
    "period",
    "breakdown",
    "evidence",
    "sentence",
    "confidence",
    "rule",
    "reviewed",
    "start",
    "end",
]


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


def _holding(read_only: bool) -> Callable[[F], F]:
    """Run a method on one store connection, however many queries it makes."""

    def wrap(method: F) -> F:
        @functools.wraps(method)
        def held(self: Review, *args: Any, **kwargs: Any) -> Any:
            with self._hold(read_only=read_only):
                return method(self, *args, **kwargs)

        return held  # type: ignore[return-value]

    return wrap


KNOWN_TABLES = frozenset({*TABLES.values(), "documents"})


def check_table(table: str, records_only: bool = False) -> None:
    """Refuse a name that is not one of the store's tables (before any SQL)."""
    allowed = set(TABLES.values()) if records_only else KNOWN_TABLES
    if table not in allowed:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(sorted(allowed))}")


class Review:
    """Review helpers over one store, for notebooks."""

    def __init__(self, store_path: str | Path, author: str | None = None) -> None:
        self.store_path = Path(store_path)
        self.author = default_author(author)
        self._held: duckdb.DuckDBPyConnection | None = None

    # --- store access -------------------------------------------------

    @contextmanager
    def _hold(self, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
        """One connection for the calls inside; nested holds reuse the outer one."""
        if self._held is not None:
            yield self._held
            return
        if not self.store_path.is_file():
            raise FileNotFoundError(f"no store at {self.store_path}; run `antq run` first")
        try:
            con = connect(self.store_path, read_only=read_only)
        except duckdb.ConnectionException:
            # this process already holds the file open for writing (same-process
            # connections must share one configuration): go through that mode
            con = connect(self.store_path)
        self._held = con
        try:
            yield con
        finally:
            self._held = None
            con.close()

    @contextmanager
    def session(self) -> Iterator[Review]:
        """Keep the store open across many calls, e.g. to accept a whole table at once.

        Each call otherwise opens and closes the store (some 30 ms), which keeps it
        free for ``antq run`` between calls; inside a session it stays locked.
        """
        with self._hold(read_only=False):
            yield self

    def _query(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        with self._hold(read_only=True) as con:
            return con.execute(sql, params or []).df()

    def _table(self, table: str, doc_id: str | None = None) -> pd.DataFrame:
        check_table(table)  # a table name goes into SQL only once it is known
        if doc_id is None:
            return self._query(f"SELECT * FROM {table}")
        return self._query(f"SELECT * FROM {table} WHERE doc_id = ?", [doc_id])

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

    # --- what a reviewer decides --------------------------------------

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

    @_holding(read_only=False)
    def accept(self, target_id: str, note: str | None = None) -> str:
        """Mark a record as checked and right; returns the correction id."""
        _, doc_id = self._target(target_id)
        return self._write(
            {"target_id": target_id, "doc_id": doc_id, "action": "accept", "note": note}
        )

    @_holding(read_only=False)
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

    @_holding(read_only=False)
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

    @_holding(read_only=False)
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

    # --- what a reviewer looks at -------------------------------------

    def list(self, target_id: str | None = None, doc_id: str | None = None) -> pd.DataFrame:
        """Corrections, oldest first, optionally for one record or one document."""
        sql, params = "SELECT * FROM corrections", []
        if target_id is not None:
            sql, params = sql + " WHERE target_id = ?", [target_id]
        elif doc_id is not None:
            sql, params = sql + " WHERE doc_id = ?", [doc_id]
        return self._query(sql + " ORDER BY created_at, correction_id", params)

    @_holding(read_only=True)
    def documents(self) -> pd.DataFrame:
        """One row per document with its record counts, to choose one from."""
        return self._query(
            """
            SELECT d.doc_id, d.title, d.province, d.province_2025, d.period, d.published,
                   d.source,
                   (SELECT count(*) FROM figures f WHERE f.doc_id = d.doc_id) AS n_figures,
                   (SELECT count(*) FROM weaknesses w WHERE w.doc_id = d.doc_id) AS n_weaknesses,
                   (SELECT count(*) FROM solutions s WHERE s.doc_id = d.doc_id) AS n_solutions
            FROM documents d
            ORDER BY d.province NULLS LAST, d.period NULLS LAST, d.title
            """
        )

    def find(
        self,
        province: str | None = None,
        title: str | None = None,
        doc_id: str | None = None,
    ) -> pd.DataFrame:
        """Documents matching all given criteria (case-insensitive substrings; id prefix)."""
        docs = self.documents()
        mask = pd.Series(True, index=docs.index)
        for column, wanted in (("province", province), ("title", title)):
            if wanted:
                values = docs[column].fillna("").astype(str)
                other = docs["province_2025"].fillna("").astype(str)
                hit = values.str.contains(wanted, case=False, regex=False)
                if column == "province":
                    hit |= other.str.contains(wanted, case=False, regex=False)
                mask &= hit
        if doc_id:
            mask &= docs["doc_id"].astype(str).str.startswith(doc_id)
        return docs[mask].reset_index(drop=True)

    def pick(
        self,
        province: str | None = None,
        title: str | None = None,
        doc_id: str | None = None,
    ) -> str | None:
        """The id of the first document matching, or None."""
        found = self.find(province=province, title=title, doc_id=doc_id)
        return None if found.empty else str(found["doc_id"].iloc[0])

    def choose(self, query: str | None = None) -> str | None:
        """A document from one free query: a doc_id prefix, else a province, else a title word.

        An empty query gives the first document (by province, period, title).
        """
        if not query:
            return self.pick()
        for how in ("doc_id", "province", "title"):
            found = self.pick(**{how: query})
            if found:
                return found
        return None

    def locate(self, doc_id: str, phrase: str, occurrence: int = 1) -> tuple[int, int]:
        """Offsets of the n-th occurrence of ``phrase`` in the document, for :meth:`add`."""
        docs = self._query("SELECT text FROM documents WHERE doc_id = ?", [doc_id])
        if docs.empty:
            raise KeyError(f"no document {doc_id!r} in {self.store_path}")
        text = str(docs["text"].iloc[0])
        start = -1
        for _ in range(occurrence):
            start = text.find(phrase, start + 1)
            if start < 0:
                raise ValueError(f"{phrase!r} occurs fewer than {occurrence} times in {doc_id}")
        return start, start + len(phrase)

    @_holding(read_only=True)
    def records(
        self, table: str, doc_id: str | None = None, corrected: bool = True
    ) -> pd.DataFrame:
        """A record table (``figures``, ``weaknesses``...), with the corrections applied."""
        check_table(table, records_only=True)
        frame = self._table(table, doc_id)
        if not corrected:
            return frame
        kind = next(k for k, t in TABLES.items() if t == table)
        corrections = self.list(doc_id=doc_id) if doc_id else self.list()
        documents = self._table("documents", doc_id)
        result, _ = apply_corrections(frame, corrections, documents, kind=kind)
        return result

    @_holding(read_only=True)
    def figures(self, doc_id: str | None = None, corrected: bool = True) -> pd.DataFrame:
        """Figures with their evidence (the highlighted text), ready to read."""
        frame = self.records("figures", doc_id, corrected)
        if frame.empty:
            return pd.DataFrame(columns=FIGURE_TABLE_COLUMNS)
        texts = self._query("SELECT doc_id, text FROM documents")
        text_of = dict(zip(texts["doc_id"], texts["text"], strict=False))
        frame["evidence"] = [
            str(text_of.get(d, ""))[int(s) : int(e)]
            for d, s, e in zip(frame["doc_id"], frame["start"], frame["end"], strict=False)
        ]
        if "reviewed" not in frame:
            frame["reviewed"] = False
        return frame[[c for c in FIGURE_TABLE_COLUMNS if c in frame.columns]]

    def flagged(self, doc_id: str | None = None, threshold: float = 0.6) -> pd.DataFrame:
        """Figures worth a look first: unclassified, or confidence below ``threshold``."""
        frame = self.figures(doc_id)
        if frame.empty:
            return frame
        low = pd.to_numeric(frame["confidence"], errors="coerce").fillna(0) < threshold
        return frame[low | (frame["indicator"] == "unclassified")].reset_index(drop=True)

    def weaknesses(self, doc_id: str | None = None) -> pd.DataFrame:
        return self.records("weaknesses", doc_id)

    def solutions(self, doc_id: str | None = None) -> pd.DataFrame:
        return self.records("solutions", doc_id)

    @_holding(read_only=True)
    def orphans(self) -> pd.DataFrame:
        """Corrections that no longer apply (record or document gone, bad value), all kinds."""
        corrections = self.list()
        documents = self._table("documents")
        reports = []
        for kind, table in TABLES.items():
            _, problems = apply_corrections(self._table(table), corrections, documents, kind=kind)
            reports.append(problems)
        unknown = corrections[corrections["target_id"].map(kind_of).isna()]
        result = pd.concat(reports, ignore_index=True)
        if not unknown.empty:
            extra = unknown.assign(kind=None, problem="not a record id")
            result = pd.concat([result, extra[result.columns]], ignore_index=True)
        return result

    @_holding(read_only=True)
    def document_html(self, doc_id: str, corrected: bool = True, entities: bool = False) -> str:
        """The document with its records highlighted, as HTML for ``IPython.display.HTML``.

        Entities are left out by default: place names are everywhere and would
        bury the figures; pass ``entities=True`` to see them.
        """
        docs = self._table("documents", doc_id)
        if docs.empty:
            raise KeyError(f"no document {doc_id!r} in {self.store_path}")
        spans = highlight.spans_from_tables(
            figures=self.records("figures", doc_id, corrected),
            weaknesses=self.records("weaknesses", doc_id, corrected),
            solutions=self.records("solutions", doc_id, corrected),
            named_models=self.records("named_models", doc_id, corrected),
            entities=self.records("entities", doc_id, corrected) if entities else None,
        )
        document = docs.iloc[0].to_dict()
        return highlight.style_block() + highlight.document_fragment(document, spans)


def export_corrections(store_path: str | Path, csv_path: str | Path) -> int:
    """Write every correction to a CSV (UTF-8 with BOM); returns how many."""
    con = connect(store_path, read_only=True)
    try:
        frame = con.execute("SELECT * FROM corrections ORDER BY created_at, correction_id").df()
    finally:
        con.close()
    frame = frame[list(CORRECTION_COLUMNS)]
    frame["created_at"] = pd.to_datetime(frame["created_at"]).dt.strftime("%Y-%m-%dT%H:%M:%S.%f")
    Path(csv_path).parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(csv_path, index=False, encoding="utf-8-sig")
    return len(frame)


def _read_corrections_csv(csv_path: str | Path) -> pd.DataFrame:
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in ("correction_id", "target_id", "action") if c not in frame.columns]
    if missing:
        raise ValueError(f"{csv_path}: missing columns {', '.join(missing)}")
    for column in CORRECTION_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    frame = frame[list(CORRECTION_COLUMNS)].replace({"": None})
    problems = []
    for number, row in enumerate(frame.to_dict("records"), start=2):
        if not row["correction_id"] or not row["target_id"]:
            problems.append(f"line {number}: no correction_id or target_id")
        if row["action"] not in ACTIONS:
            problems.append(f"line {number}: unknown action {row['action']!r}")
        try:
            parse_changes(row["changes"])
        except ValueError as error:
            problems.append(f"line {number}: unreadable changes ({error})")
    if problems:
        raise ValueError(f"{csv_path}: " + "; ".join(problems))
    frame["created_at"] = pd.to_datetime(frame["created_at"], errors="coerce")
    return frame.drop_duplicates("correction_id")


def import_corrections(store_path: str | Path, csv_path: str | Path) -> int:
    """Add the CSV's corrections that the store lacks; returns how many were new.

    Idempotent: a correction already present (same ``correction_id``) is skipped,
    so researchers can exchange files back and forth. A malformed file is
    rejected as a whole before anything is written.
    """
    frame = _read_corrections_csv(csv_path)
    con = connect(store_path)
    try:
        known = set(con.execute("SELECT correction_id FROM corrections").df()["correction_id"])
        new = frame[~frame["correction_id"].isin(known)].reset_index(drop=True)
        if not new.empty:
            cols = list(CORRECTION_COLUMNS)
            con.register("_corrections", new[cols])
            try:
                col_list = ", ".join(cols)
                con.execute(
                    f"INSERT INTO corrections ({col_list}) SELECT {col_list} FROM _corrections"
                )
            finally:
                con.unregister("_corrections")
    finally:
        con.close()
    return len(new)
