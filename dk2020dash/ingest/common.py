"""What every kind shares: reference data (municipalities, sectors), code lookups and bulk inserts."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from dk2020dash import names as municipality_names
from dk2020dash.db.store import Store
from dk2020dash.domain import YEAR_MAX, YEAR_MIN
from dk2020dash.errors import Phrase
from dk2020dash.ingest import numbers
from dk2020dash.ingest.problems import MAX_PROBLEMS, Problem, Problems
from dk2020dash.ingest.read import Table
from dk2020dash.ingest.synonyms import ESTIMATED_FALSE, ESTIMATED_TRUE, SECTORS, fold, lookup
from dk2020dash.labels import SECTORS as SECTOR_WORDS

HUGE_TCO2E = 1e8  # more than any Danish municipality emits in one sector and year (all of Denmark: ~5e7)


@dataclass
class Reference:
    """The store's municipalities, for lookups by code or any spelling of the name."""

    names: dict[int, str]
    by_name: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, store: Store) -> Reference:
        with store.connection() as con:
            df = con.execute("SELECT code, name FROM municipality ORDER BY code").df()
        ref = cls(dict(zip(df["code"].astype(int), df["name"], strict=True)))
        ref.by_name = municipality_names.name_keys(ref.names)
        return ref

    def code(self, value: object) -> int | None:
        """The code a cell names (names.code_of: the same resolver as the app's links)."""
        return municipality_names.code_of(value, self.by_name, self.names)


_SECTOR_LOOKUP = lookup(SECTORS)
_SECTOR_LOOKUP.update({fold(word): code for code, words in SECTOR_WORDS.items() for word in words})


def _by_unique(values: pd.Series, fn) -> np.ndarray:
    """Apply a lookup once per distinct value (files repeat the same few names a million times)."""
    codes, uniques = pd.factorize(values.astype(str), use_na_sentinel=False)
    mapped = np.array([fn(u) for u in uniques], dtype=object)
    return mapped[codes] if len(uniques) else np.array([], dtype=object)


def municipalities(values: pd.Series, rows: np.ndarray, column: str, ref: Reference, problems: Problems) -> np.ndarray:
    """Municipality codes (0 where unknown, with a problem)."""
    mapped = _by_unique(values, ref.code)
    bad = np.array([m is None for m in mapped], dtype=bool)
    problems.add_mask(bad, rows, column, values, "imp.p.municipality")
    return np.where(bad, 0, mapped).astype(np.int64)


def sectors(values: pd.Series, rows: np.ndarray, column: str, problems: Problems) -> np.ndarray:
    mapped = _by_unique(values, lambda v: _SECTOR_LOOKUP.get(fold(v)))
    bad = np.array([m is None for m in mapped], dtype=bool)
    problems.add_mask(bad, rows, column, values, "imp.p.sector")
    return np.where(bad, "", mapped).astype(object)


def words(values: pd.Series, rows: np.ndarray, column: str, table: dict[str, str], expected: str,
          problems: Problems, *, default: str | None = None,
          expected_values: Mapping[str, object] | None = None) -> np.ndarray:
    """Codes for words from a synonyms table (status, kind); empty cells get the default if there is one. `expected`
    is the i18n key of what a cell should say, filled with expected_values."""
    def one(v: str) -> str | None:
        key = fold(v)
        if not key and default is not None:
            return default
        return table.get(key)

    mapped = _by_unique(values, one)
    bad = np.array([m is None for m in mapped], dtype=bool)
    problems.add_mask(bad, rows, column, values, expected, **(expected_values or {}))
    return mapped


def flags(values: pd.Series, rows: np.ndarray, column: str, problems: Problems) -> np.ndarray:
    true, false = {fold(v) for v in ESTIMATED_TRUE}, {fold(v) for v in ESTIMATED_FALSE}
    mapped = _by_unique(values, lambda v: True if fold(v) in true else False if fold(v) in false else None)
    bad = np.array([m is None for m in mapped], dtype=bool)
    problems.add_mask(bad, rows, column, values, "imp.p.flag")
    return np.where(bad, False, mapped).astype(bool)


def years(values: np.ndarray, rows: np.ndarray, column: str, original: pd.Series | np.ndarray,
          problems: Problems) -> None:
    bad = ~np.isnan(values) & ((values < YEAR_MIN) | (values > YEAR_MAX))
    problems.add_mask(bad, rows, column, original, "imp.p.year", low=YEAR_MIN, high=YEAR_MAX)


def text(table: Table, header: str | None) -> pd.Series:
    """A column's cells as text ('' for a column the file does not have)."""
    if header is None:
        return pd.Series([""] * len(table.frame), dtype=object)
    col = table.frame[header]
    if isinstance(col, pd.DataFrame):  # two columns with the same header: the first counts
        col = col.iloc[:, 0]
    return col


def read_numbers(table: Table, cols: dict[str, str | None], problems: Problems, *, integer=(), optional=()
                 ) -> dict[str, np.ndarray]:
    """Number columns by canonical name, parsed in the file's one number style."""
    present = {c: text(table, h) for c, h in cols.items() if h is not None}
    shown = {c: h for c, h in cols.items() if h is not None}
    style = numbers.NumberStyle()
    classes = {c: numbers.classify(v, _typed(v) if table.encoding == "xlsx" else None) for c, v in present.items()}
    for c, v in present.items():
        if c not in integer:
            numbers.observe(style, classes[c], v, table.rows, shown[c])
    n = len(table.frame)
    if numbers.mixed_style_problem(style, problems):
        return {c: np.full(n, np.nan) for c in cols}
    out = {c: numbers.parse(v, classes[c], style.style, table.rows, shown[c], problems,
                            integer=c in integer, required=c not in optional) for c, v in present.items()}
    for c in cols:
        out.setdefault(c, np.full(n, np.nan))
    return out


def _typed(values: pd.Series) -> np.ndarray:
    """Spreadsheet cells that hold a number rather than text."""
    return values.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)).to_numpy(dtype=bool)


def duplicates(keys: pd.DataFrame, rows: np.ndarray, column: str, values: pd.Series, what: str,
               problems: Problems) -> np.ndarray:
    """A problem for every row whose key appeared in an earlier row, naming that row; `what` (the key's words) is
    an i18n key suffix under imp.p.what."""
    dup = keys.duplicated(keep="first").to_numpy()
    if dup.any():
        first = pd.Series(rows).groupby([keys[c].to_numpy() for c in keys.columns]).transform("first").to_numpy()
        for i in np.flatnonzero(dup)[:MAX_PROBLEMS]:
            problems.found.append(Problem(problems.file, int(rows[i]), column, str(values.iloc[i]), "imp.p.duplicate",
                                          {"what": Phrase(f"imp.p.what.{what}"), "first": int(first[i])}))
        problems.total += int(dup.sum())
    return dup


def cell_text(value: object) -> str | None:
    """A value as an audit row stores it (as edits.py does): None for empty, a day as 2026-09-01, a whole float
    without decimals, any other float in full."""
    if value is None or (not isinstance(value, (tuple, list)) and pd.isna(value)):
        return None
    if isinstance(value, (pd.Timestamp, np.datetime64)):
        return pd.Timestamp(value).date().isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (tuple, list)):
        return ";".join(str(v) for v in value) or None
    return str(value.item() if hasattr(value, "item") else value) or None


def insert_audit(con: duckdb.DuckDBPyConnection, table: str, changes: list[tuple[int, str, object, object]],
                 who: str, note: str) -> int:
    """One audit row per (row id, field, old, new): what an import changed in a row that was there before, in the
    import's transaction, with who imported it and the file in the note (edits.py writes the same rows)."""
    rows = [(table, str(int(i)), f, cell_text(o), cell_text(n), who, note) for i, f, o, n in changes]
    if rows:
        con.executemany("INSERT INTO audit (table_name, row_id, field, old, new, who, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        rows)
    return len(rows)


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, df: pd.DataFrame) -> int:
    """Bulk insert through a registered view; column names are the table's (fixed in this package)."""
    view = f"ingest_{table}"
    columns = ", ".join(df.columns)
    # An Arrow table scans several times faster than a frame of Python string objects.
    con.register(view, pa.Table.from_pandas(df, preserve_index=False))
    try:
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {view}")  # noqa: S608 - fixed names
    finally:
        con.unregister(view)
    return len(df)
