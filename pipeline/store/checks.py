"""pandera checks run on every table before it is written.

The checks look at values as ``DataFrame.to_csv`` will write them, so a
table that passes is one ``frictionless validate`` accepts against the schema
in ``datapackage.json``: an integer column holding floats would be written
``2012.0`` and is refused, a date must be ISO ``YYYY-MM-DD``, a required cell
must not be empty, keys must be unique and foreign keys must point at a row
of the table they name.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError, SchemaErrors

from pipeline.store.table_spec import ColumnSpec, columns, foreign_keys, primary_key


def _all(series: pd.Series, value: bool) -> pd.Series:
    return pd.Series(value, index=series.index)


def _is_integer(series: pd.Series) -> pd.Series:
    if pd.api.types.is_bool_dtype(series):
        return _all(series, False)
    if pd.api.types.is_integer_dtype(series):
        return _all(series, True)
    return series.map(lambda v: isinstance(v, int | np.integer) and not isinstance(v, bool))


def _is_number(series: pd.Series) -> pd.Series:
    if pd.api.types.is_bool_dtype(series):
        return _all(series, False)
    if pd.api.types.is_numeric_dtype(series):
        return _all(series, True)
    return series.map(
        lambda v: isinstance(v, int | float | np.number) and not isinstance(v, bool | np.bool_)
    )


def _is_boolean(series: pd.Series) -> pd.Series:
    if pd.api.types.is_bool_dtype(series):
        return _all(series, True)
    return series.map(lambda v: isinstance(v, bool | np.bool_))


def _is_date(series: pd.Series) -> pd.Series:
    text = series.astype(str)
    parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    return text.str.fullmatch(r"\d{4}-\d{2}-\d{2}") & parsed.notna()


TYPE_CHECKS = {
    "integer": (_is_integer, "not an integer"),
    "number": (_is_number, "not a number"),
    "boolean": (_is_boolean, "not True or False"),
    "date": (_is_date, "not an ISO date (YYYY-MM-DD)"),
}


def _column_checks(column: ColumnSpec) -> list[pa.Check]:
    checks = []
    if column.type in TYPE_CHECKS:
        function, error = TYPE_CHECKS[column.type]
        checks.append(pa.Check(function, error=error))
    if column.required:
        checks.append(pa.Check(lambda s: s.astype(str) != "", error="empty"))
    if column.enum:
        checks.append(pa.Check.isin(column.enum, error=f"not one of {', '.join(column.enum)}"))
    if column.pattern:
        pattern = column.pattern
        checks.append(
            pa.Check(lambda s: s.astype(str).str.fullmatch(pattern), error=f"not like {pattern}")
        )
    return checks


def table_schema(
    table: str, frame: pd.DataFrame, written: Mapping[str, pd.DataFrame] | None = None
) -> pa.DataFrameSchema:
    """The pandera schema of ``table`` for the columns ``frame`` has.

    ``written`` holds the tables already written, for foreign keys (a key to a
    table that was not written is not checked; the package leaves it out too).
    """
    written = dict(written or {})
    written.setdefault(table, frame)
    key = primary_key(table, frame)
    schema_columns = {}
    for column in columns(table, frame):
        checks = _column_checks(column)
        for fk in foreign_keys(table, frame):
            target = written.get(fk.table)
            if fk.column == column.name and target is not None and fk.key in target:
                allowed = set(target[fk.key].dropna())
                checks.append(pa.Check.isin(allowed, error=f"not a {fk.table}.{fk.key}"))
        schema_columns[column.name] = pa.Column(
            checks=checks,
            nullable=not (column.required or key == [column.name]),
            unique=key == [column.name],
            required=True,
        )
    return pa.DataFrameSchema(schema_columns, unique=key if len(key) > 1 else None, name=table)


def check_table(
    table: str, frame: pd.DataFrame, written: Mapping[str, pd.DataFrame] | None = None
) -> str | None:
    """None when ``frame`` passes; otherwise one line saying why it fails."""
    schema = table_schema(table, frame, written)
    try:
        # a fresh index: pandera cannot report repeated keys under a repeated index
        schema.validate(frame.reset_index(drop=True), lazy=True)
    except SchemaErrors as errors:
        return describe_failures(errors.failure_cases, schema.unique or [])
    except SchemaError as error:  # pragma: no cover (lazy validation collects them)
        return str(error).splitlines()[0]
    return None


CHECK_NAMES = {"field_uniqueness": "not unique", "not_nullable": "empty"}


def describe_failures(cases: pd.DataFrame, key: list[str]) -> str:
    """``column: check (N rows, e.g. value)`` for the first failing check, and where else."""
    unique = cases[cases["check"] == "multiple_fields_uniqueness"]
    if len(unique):
        names = ", ".join(key)
        cases = cases[cases["check"] != "multiple_fields_uniqueness"]
        first = f"rows repeat the key ({names}): {unique['index'].nunique()} rows"
    else:
        column, check = cases.iloc[0][["column", "check"]]
        rows = cases[(cases["column"] == column) & (cases["check"] == check)]
        example = str(rows["failure_case"].iloc[0])
        where = f"column {column}" if isinstance(column, str) else "table"
        first = f"{where}: {CHECK_NAMES.get(check, check)} ({len(rows)} rows, e.g. {example!r})"
        cases = cases[(cases["column"] != column) | (cases["check"] != check)]
    others = sorted({str(c) for c in cases["column"].dropna()})
    return first + (f"; also problems in {', '.join(others)}" if others else "")
