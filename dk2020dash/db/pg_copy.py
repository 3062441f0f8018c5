"""In-memory DuckDB copies of a PostgreSQL database: the postgres extension from its wheel, schema.sql in
PostgreSQL's dialect, the per-process copy each page run pins, and the checksums a migration is verified by."""
from __future__ import annotations

import os
import re
import threading
import time
from contextlib import suppress
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import duckdb

from dk2020dash.db.migrations import SCHEMA_FILE, TABLES


def sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def display_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query=""))


# -- the postgres extension, from its wheel -----------------------------------------------------------------------
_EXTENSION_LOCK = threading.Lock()
_extension_installed = False


def extension_file() -> Path:
    """The .duckdb_extension file inside the duckdb-extension-postgres wheel (same version as duckdb)."""
    try:
        import duckdb_extension_postgres
    except ImportError as exc:
        raise RuntimeError("duckdb-extension-postgres is not installed (pip install -r requirements.txt)") from exc
    root = Path(duckdb_extension_postgres.__file__).parent
    found = sorted(root.rglob(f"v{duckdb.__version__}/*.duckdb_extension")) or sorted(root.rglob("*.duckdb_extension"))
    if not found:
        raise RuntimeError(f"no .duckdb_extension file in {root}")
    return found[0]


def duck() -> duckdb.DuckDBPyConnection:
    """A new in-memory DuckDB with the postgres extension loaded from the wheel's file (no download)."""
    global _extension_installed
    con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False,
                                             "autoload_known_extensions": False})
    path = extension_file()
    try:
        with _EXTENSION_LOCK:
            if not _extension_installed:
                con.execute(f"INSTALL {sql_literal(str(path))}")
                _extension_installed = True
        con.execute("LOAD postgres_scanner")
    except duckdb.Error:  # no home folder to install into (a service user): install into a folder of our own
        import tempfile

        folder = Path(tempfile.gettempdir()) / f"dk2020-duckdb-extensions-{os.getuid()}"
        folder.mkdir(mode=0o700, exist_ok=True)
        con.execute(f"SET extension_directory = {sql_literal(str(folder))}")
        con.execute(f"INSTALL {sql_literal(str(path))}")
        con.execute("LOAD postgres_scanner")
    return con


# -- schema ---------------------------------------------------------------------------------------------------
def pg_schema(sql: str) -> str:
    """schema.sql (or a migration of it) in PostgreSQL's dialect: the same tables, columns, keys and checks.
    DuckDB's DOUBLE is PostgreSQL's DOUBLE PRECISION, isfinite(x) on a number and contains(a, b) are spelled out,
    and foreign keys are checked at commit (a write's changed rows arrive in table order, but need not)."""
    out = re.sub(r"\bDOUBLE\b(?!\s+PRECISION)", "DOUBLE PRECISION", sql)
    out = re.sub(r"\bisfinite\((\w+)\)", r"(\1 <> 'Infinity'::float8 AND \1 <> '-Infinity'::float8 "
                                         r"AND \1 <> 'NaN'::float8)", out)
    out = re.sub(r"\bcontains\(([^,()]+(?:\([^()]*\))?),\s*([^()]+?)\)", r"(strpos(\1, \2) > 0)", out)
    out = re.sub(r"(REFERENCES\s+\w+\s*\([^)]*\))", r"\1 DEFERRABLE INITIALLY DEFERRED", out)
    return out


def sequences_of(sql: str) -> list[str]:
    return re.findall(r"CREATE SEQUENCE (\w+)", sql)


def create_schema(con: duckdb.DuckDBPyConnection, schema: str, starts: dict[str, int]) -> None:
    """schema.sql into DuckDB with each sequence standing where `starts` says (its last value handed out), so
    nextval gives the next id and duckdb_sequences() shows the same last value as PostgreSQL."""
    def start(m: re.Match) -> str:
        return f"CREATE SEQUENCE {m.group(1)} START {max(1, starts.get(m.group(1), 1))}"
    con.execute(re.sub(r"CREATE SEQUENCE (\w+) START \d+", start, schema))
    for name, last in starts.items():
        if last >= 1 and name in sequences_of(schema):
            con.execute("SELECT nextval(?)", [name])


class Copy:
    """An in-memory DuckDB copy of the whole database at one data version; never changed once published."""

    def __init__(self, con: duckdb.DuckDBPyConnection, version: int, db_id: str):
        self.con = con
        self.version = version
        self.db_id = db_id
        self.loaded_at = time.time()

    def close(self) -> None:
        with suppress(Exception):
            self.con.close()

    def __del__(self) -> None:
        self.close()


class _Shared:
    """Per process and URL: the current copy, the lock that builds copies, and one small connection for checks."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.copy: Copy | None = None
        self.check_con = None
        self.check_lock = threading.Lock()
        self.schema_checked = False
        self.loader: duckdb.DuckDBPyConnection | None = None


_SHARED: dict[str, _Shared] = {}
_SHARED_LOCK = threading.Lock()
_PINS = threading.local()  # url -> Copy, per thread


def shared_state(url: str) -> _Shared:
    with _SHARED_LOCK:
        return _SHARED.setdefault(url, _Shared())


def pins() -> dict:
    if not hasattr(_PINS, "by_url"):
        _PINS.by_url = {}
    return _PINS.by_url


def table_checksums(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """Rows and an order-free checksum (the sum of DuckDB's hash of each whole row) of every table."""

    out = {}
    for table in TABLES:
        n, h = con.execute(f'SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0) FROM "{table}" t').fetchone()  # noqa: S608
        out[table] = (int(n), int(h))
    return out


def read_back(pg) -> dict[str, tuple[int, int]]:
    """table_checksums of what PostgreSQL holds, seen by this connection (inside its transaction): every table
    read out with COPY and loaded into DuckDB with schema.sql's types, so the numbers compare with a file's."""
    import tempfile

    con = duckdb.connect(":memory:")
    try:
        con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory(prefix="dk2020-pg-") as tmp:
            for table in TABLES:
                cols = [r[0] for r in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
                    "AND schema_name = 'main' AND table_name = ? ORDER BY column_index", [table]).fetchall()]
                collist = ", ".join(f'"{c}"' for c in cols)
                path = Path(tmp) / f"{table}.csv"
                with open(path, "wb") as fh, pg.cursor() as cur, cur.copy(
                        f"COPY (SELECT {collist} FROM \"{table}\") TO STDOUT (FORMAT csv, NULL '\\N')") as copy:  # noqa: S608 - fixed SQL fragments
                    for chunk in copy:
                        fh.write(chunk)
                if path.stat().st_size == 0:  # an empty table (DuckDB cannot read the dialect of an empty file)
                    continue
                con.execute(f"COPY \"{table}\" ({collist}) FROM {sql_literal(str(path))} "  # noqa: S608
                            "(FORMAT csv, HEADER false, NULLSTR '\\N', QUOTE '\"', ESCAPE '\"')")
        return table_checksums(con)
    finally:
        con.close()


# -- what PgStore does with copies, tables and sequences ------------------------------------------------
def read_copy(copy: Copy) -> dict[str, object]:

    cur = copy.con.cursor()
    try:
        return {t: cur.execute(f'SELECT * FROM "{t}"').to_arrow_table() for t in TABLES}  # noqa: S608
    finally:
        cur.close()


def build_copy(tables: dict[str, object], starts: dict[str, int], *, foreign_keys: bool = True) -> Copy:
    """A new in-memory DuckDB with schema.sql (sequences where PostgreSQL's stand) holding the tables. A copy
    only read needs no foreign keys (PostgreSQL checked them; checking them again is half the time)."""

    schema = SCHEMA_FILE.read_text(encoding="utf-8")
    if not foreign_keys:
        schema = re.sub(r"REFERENCES\s+\w+\s*\([^)]*\)", "", schema)
    con = duckdb.connect(":memory:")
    try:
        create_schema(con, schema, starts)
        for table, rows in tables.items():  # one table at a time: faster than one transaction, and a copy
            con.register("_rows", rows)     # that fails half-way is thrown away anyway
            con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM _rows')  # noqa: S608
            con.unregister("_rows")
        meta = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('data_version', 'db_id')").fetchall())
    except BaseException:
        con.close()
        raise
    return Copy(con, int(meta.get("data_version", 0)), meta.get("db_id", ""))


def sequence_values(pg) -> dict[str, int]:
    rows = pg.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'").fetchall()
    return {name: int(last) for name, last in rows if last is not None}


# -- the rows a write changed ---------------------------------------------------------------------------------
def snapshot_tables(con: duckdb.DuckDBPyConnection, before: dict) -> dict[str, tuple[list[str], list[str]]]:
    """Each table as it was (the Arrow tables the work copy was built from, registered as _was_<table>, no
    copy) to find the rows a write changed; returns each table's columns and primary key."""
    out = {}
    for table, rows in before.items():
        cols = [r[0] for r in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
            "AND schema_name = 'main' AND table_name = ? ORDER BY column_index", [table]).fetchall()]
        key = con.execute(
            "SELECT constraint_column_names FROM duckdb_constraints() WHERE database_name = current_database() "
            "AND table_name = ? AND constraint_type = 'PRIMARY KEY'", [table]).fetchone()
        out[table] = (cols, list(key[0]) if key else [])
        con.register(f"_was_{table}", rows)
    return out


def drop_snapshot_tables(con: duckdb.DuckDBPyConnection, tables: dict) -> None:
    for table in tables:
        con.unregister(f"_was_{table}")


def set_sequences(con: duckdb.DuckDBPyConnection, pg) -> None:
    for name, last in con.execute("SELECT sequence_name, last_value FROM duckdb_sequences() "
                                  "WHERE last_value IS NOT NULL AND database_name = current_database()").fetchall():
        pg.execute("SELECT setval(%s, greatest(%s, (SELECT last_value FROM pg_sequences "
                   "WHERE schemaname = 'public' AND sequencename = %s)))", [name, int(last), name])


def pg_has(pg, table: str) -> bool:
    return pg.execute("SELECT to_regclass(%s) IS NOT NULL", [f'public."{table}"']).fetchone()[0]


def copy_tables(con: duckdb.DuckDBPyConnection, pg, tables, select: str = 'SELECT {cols} FROM main."{table}"',
                 target: str = '"{table}"', columns: list[str] | None = None) -> None:
    """Rows from DuckDB into PostgreSQL through CSV (DuckDB writes it, COPY reads it): 50 000 rows a second
    where row-by-row Python takes ten times as long. Numbers keep every digit (DuckDB prints the shortest
    text that reads back as the same double); NULL and the empty string stay apart."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="dk2020-pg-") as tmp:
        for table in tables:
            cols = columns or [r[0] for r in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
                "AND schema_name = 'main' AND table_name = ? ORDER BY column_index", [table]).fetchall()]
            collist = ", ".join(f'"{c}"' for c in cols)
            path = Path(tmp) / f"{table}.csv"
            query = select.format(cols=collist, table=table)
            con.execute(f"COPY ({query}) TO {sql_literal(str(path))} (FORMAT csv, HEADER false, "  # noqa: S608
                        "NULLSTR '\\N', QUOTE '\"', ESCAPE '\"')")
            with pg.cursor() as pc, pc.copy(f"COPY {target.format(table=table)} ({collist}) FROM STDIN "
                                             "(FORMAT csv, NULL '\\N')") as copy, open(path, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    copy.write(chunk)


class Qmark:
    """A psycopg connection that takes DuckDB's ? parameters: execute(sql, params) returns psycopg's cursor
    (fetchone, fetchall). For the few statements that run on PostgreSQL itself in the same words as on the file:
    the sign-in attempts (PgStore.state_transaction) and the restorer's role (PgStore.create's guard)."""

    def __init__(self, pg):
        self.pg = pg

    def execute(self, sql: str, params=()):
        return self.pg.execute(sql.replace("%", "%%").replace("?", "%s"), list(params))
