"""How :class:`pipeline.review.session.Review` reaches the store.

The store is opened for each call and closed right after, so a notebook left
open does not keep the DuckDB file locked against ``antq run``; a method
decorated with :func:`holding`, or a ``with review.session():`` block, keeps
one connection for all the queries inside.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self, TypeVar

import duckdb
import pandas as pd

from pipeline.review.corrections import TABLES
from pipeline.store.db import connect

F = TypeVar("F", bound=Callable[..., Any])
KNOWN_TABLES = frozenset({*TABLES.values(), "documents"})


def check_table(table: str, records_only: bool = False) -> None:
    """Refuse a name that is not one of the store's tables (before any SQL)."""
    allowed = set(TABLES.values()) if records_only else KNOWN_TABLES
    if table not in allowed:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(sorted(allowed))}")


def holding(read_only: bool) -> Callable[[F], F]:
    """Run a method on one store connection, however many queries it makes."""

    def wrap(method: F) -> F:
        @functools.wraps(method)
        def held(self: StoreAccess, *args: Any, **kwargs: Any) -> Any:
            with self._hold(read_only=read_only):
                return method(self, *args, **kwargs)

        return held  # type: ignore[return-value]

    return wrap


class StoreAccess:
    """Connections and plain queries over one store file."""

    store_path: Path
    _held: duckdb.DuckDBPyConnection | None

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
    def session(self) -> Iterator[Self]:
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

    def list(self, target_id: str | None = None, doc_id: str | None = None) -> pd.DataFrame:
        """Corrections, oldest first, optionally for one record or one document."""
        sql, params = "SELECT * FROM corrections", []
        if target_id is not None:
            sql, params = sql + " WHERE target_id = ?", [target_id]
        elif doc_id is not None:
            sql, params = sql + " WHERE doc_id = ?", [doc_id]
        return self._query(sql + " ORDER BY created_at, correction_id", params)
