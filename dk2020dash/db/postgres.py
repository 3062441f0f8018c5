"""PostgreSQL as the shared record (DESIGN.md section 6): part of the store layer, the only other module that opens
connections. store.Store(url) gives a PgStore for a postgresql:// URL (or DK2020_DATABASE_URL).

How it works (README "Running for a whole region"):
- PostgreSQL holds the data; its meta row 'data_version' moves with every write, on whichever server.
- Reads: each process keeps an in-memory DuckDB copy of all tables (a few MB), loaded through DuckDB's postgres
  extension (from its PyPI wheel, never downloaded) in one PostgreSQL snapshot. A copy never changes once built;
  a newer version builds a new copy. data_version() checks PostgreSQL's version (one small query), loads a new
  copy when it moved, and pins the copy to the calling thread, so one page run reads one version: the old data or
  the new, never a mix. Every query of queries.py stays DuckDB SQL and runs as fast as on the file.
- Writes: transaction() locks the meta row (SELECT ... FOR UPDATE) in a PostgreSQL transaction, so writers of all
  servers take turns, loads a work copy of the data as it is now under that lock, and hands the caller a DuckDB
  connection on it: the writing code (imports, restore, edits with their version checks) runs unchanged on the
  same schema. Then the rows that changed (per table, by primary key) go to PostgreSQL in the same PostgreSQL
  transaction, which commits; the work copy becomes the process's copy. A version check made in the work copy is
  made on the newest data under the lock, so two editors on two servers saving the same action: one is refused.
- The schema for PostgreSQL is generated from schema.sql (pg_schema): same tables, columns, keys, foreign keys and
  checks.
"""
from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress

import duckdb
import pandas as pd

from dk2020dash import config
from dk2020dash.db.migrations import MIGRATIONS, SCHEMA_FILE, TABLES, TRANSIENT_TABLES
from dk2020dash.db.pg_copy import (
    Copy,
    Qmark,
    build_copy,
    copy_tables,
    create_schema,
    drop_snapshot_tables,
    duck,
    pg_has,
    pg_schema,
    pins,
    read_back,
    read_copy,
    sequence_values,
    set_sequences,
    shared_state,
    snapshot_tables,
    sql_literal,
    table_checksums,
)
from dk2020dash.db.store import BUMP_DATA_VERSION, Store, database_url, fill_new
from dk2020dash.errors import StoreBusy, StoreError, StoreUnavailable
from dk2020dash.logs import mask_url as mask

log = logging.getLogger(__name__)

URL_SCHEMES = ("postgresql://", "postgres://")
CONNECT_TIMEOUT = 5
# PostgreSQL's lock on the meta row of the data version: every write transaction of every server takes it first.
_LOCK_META = "SELECT value FROM meta WHERE key = 'data_version' FOR UPDATE"


def is_url(target: object) -> bool:
    return isinstance(target, str) and target.strip().lower().startswith(URL_SCHEMES)


# The full URLs this process was given, by their masked form: store.target is the masked URL, safe to print and
# to key caches on, and Store(masked) finds its way back to the server.
_URLS: dict[str, str] = {}
_URLS_LOCK = threading.Lock()


def remember(url: str) -> str:
    masked = mask(url)
    with _URLS_LOCK:
        if "***" in masked and masked in _URLS and _URLS[masked] != url:
            log.warning("two database URLs differ only in their password: %s", masked)
        _URLS[masked] = url
    return masked


def resolve(url: str) -> str:
    with _URLS_LOCK:
        return _URLS.get(url, url)


class PgStore(Store):
    """A Store whose record is PostgreSQL: same interface, same DuckDB SQL for callers."""

    def __init__(self, path: str | None = None, *, migrations: Mapping[int, str] | None = None,
                 lock_wait: float | None = None):
        self.url = resolve(str(path if path is not None else database_url()).strip())
        remember(self.url)
        self.migrations = dict(MIGRATIONS if migrations is None else migrations)
        self.schema_version = 1 + len(self.migrations)
        self.lock_wait = config.lock_wait() if lock_wait is None else lock_wait
        self._checked = False

    def query(self, sql: str, params: list | tuple | Mapping | None = None) -> pd.DataFrame:
        with self.connection() as con:
            return con.execute(sql, params or []).df()

    @property
    def target(self) -> str:
        """The masked URL: safe to print and to key caches on; open_store(target) finds the server again."""
        return mask(self.url)

    def exists(self) -> bool:
        """Whether the schema is there."""
        return self.schema_exists()

    @contextmanager
    def snapshot(self, key: str) -> Iterator[None]:
        """Reads already go to the one in-memory copy store_pg pinned when the run read its data key."""
        yield

    # -- errors --------------------------------------------------------------------------------------------
    def _unavailable(self, exc: BaseException, doing: str = "") -> Exception:

        text = mask(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
        log.warning("%s: %s%s", self.target, doing + ": " if doing else "", text)
        import psycopg

        if isinstance(exc, psycopg.OperationalError | ConnectionError | TimeoutError) or "connection" in text.lower() \
                or "could not connect" in text.lower() or "server closed" in text.lower():
            return StoreUnavailable("store.err.unavailable", path=self.target, detail=text)
        return StoreError("store.err.other", path=self.target, detail=text)

    def _connect_pg(self, **kw):
        import psycopg

        return psycopg.connect(self.url, connect_timeout=CONNECT_TIMEOUT, **kw)

    # -- small checks ---------------------------------------------------------------------------------------
    def _meta(self, keys: tuple[str, ...]) -> dict[str, str]:
        """meta rows straight from PostgreSQL, on the process's check connection (reconnected when lost)."""
        import psycopg

        shared = shared_state(self.url)
        with shared.check_lock:
            for attempt in (1, 2):
                try:
                    if shared.check_con is None or shared.check_con.closed:
                        shared.check_con = self._connect_pg(autocommit=True)
                    rows = shared.check_con.execute("SELECT key, value FROM meta WHERE key = ANY(%s)",
                                                    [list(keys)]).fetchall()
                    return dict(rows)
                except psycopg.errors.UndefinedTable as exc:

                    raise StoreError("store.err.pg_missing", path=self.target) from exc
                except psycopg.Error as exc:
                    with suppress(Exception):
                        shared.check_con.close()
                    shared.check_con = None
                    if attempt == 2 or not isinstance(exc, psycopg.OperationalError):
                        raise self._unavailable(exc, "check") from None  # logged masked
        raise AssertionError("unreachable")

    def schema_exists(self) -> bool:
        import psycopg

        try:
            with self._connect_pg(autocommit=True) as pg:
                return pg.execute("SELECT to_regclass('public.meta') IS NOT NULL").fetchone()[0]
        except psycopg.Error as exc:
            raise self._unavailable(exc, "connect") from None  # logged masked

    # -- copies -------------------------------------------------------------------------------------------
    def _loader(self) -> duckdb.DuckDBPyConnection:
        """The process's DuckDB with the postgres extension loaded and the database attached read-only (loading
        the extension costs about 0.4 s, so it is done once; copies are plain in-memory DuckDBs)."""
        shared = shared_state(self.url)
        if shared.loader is None:
            con = duck()
            try:
                con.execute(f"ATTACH {sql_literal(self.url)} AS pg (TYPE postgres, READ_ONLY)")
            except BaseException:
                con.close()
                raise
            shared.loader = con
        return shared.loader

    def _read_pg(self) -> dict[str, object]:
        """Every table as an Arrow table, read in one PostgreSQL transaction (one snapshot). A server that went
        away and came back is attached again."""

        shared = shared_state(self.url)
        with shared.lock:
            for attempt in (1, 2):
                try:
                    cur = self._loader().cursor()
                    try:
                        cur.execute("BEGIN TRANSACTION")
                        tables = {t: cur.execute(f'SELECT * FROM pg.public."{t}"').to_arrow_table()  # noqa: S608
                                  for t in TABLES}
                        cur.execute("COMMIT")
                    finally:
                        cur.close()
                    return tables
                except duckdb.Error as exc:
                    if shared.loader is not None:
                        with suppress(Exception):
                            shared.loader.close()
                        shared.loader = None
                    if attempt == 2:
                        raise self._unavailable(exc, "load") from None  # logged masked
        raise AssertionError("unreachable")


    def _load(self, pg=None, base: Copy | None = None) -> Copy:
        """A new copy of the whole database: from PostgreSQL, or from `base` when that is known to be the same
        data (a write under the lock, at the version of the process's copy). With pg (a psycopg connection
        holding the write lock) the sequences are read there."""
        import psycopg

        try:
            if pg is not None:
                starts = sequence_values(pg)
            else:
                with self._connect_pg(autocommit=True) as c:
                    starts = sequence_values(c)
        except psycopg.Error as exc:
            raise self._unavailable(exc, "load") from None  # logged masked
        tables = read_copy(base) if base is not None else self._read_pg()
        return build_copy(tables, starts, foreign_keys=False)


    def _current(self, *, check: bool = True) -> Copy:
        """The process's copy at PostgreSQL's data version, loaded anew when the version moved."""
        shared = shared_state(self.url)
        self._ensure_schema()
        if not check and shared.copy is not None:
            return shared.copy
        meta = self._meta(("data_version", "db_id"))
        version, db_id = int(meta.get("data_version", 0)), meta.get("db_id", "")
        with shared.lock:
            copy = shared.copy
            if copy is None or copy.version != version or copy.db_id != db_id:
                copy = shared.copy = self._load()
            return copy

    def _pin(self, copy: Copy) -> None:
        pins()[self.url] = copy

    def pinned(self) -> Copy:
        """The copy this thread reads: the one data_version()/data_key() pinned at the start of a page run (one
        run, one version), else the newest (checked with PostgreSQL on every use, not pinned)."""
        copy = pins().get(self.url)
        return copy if copy is not None else self._current()

    # -- the store's interface ---------------------------------------------------------------------------------
    @contextmanager
    def write_lock(self, wait: float | None = None) -> Iterator[None]:
        """This process's writers take turns (as on the file), waiting up to `wait` (default lock_wait); across
        processes and servers, PostgreSQL's lock on the data-version row, taken by every transaction() and
        create(), does it."""
        if not self._write_lock.acquire(timeout=max(self.lock_wait if wait is None else wait, 0.01)):
            raise StoreBusy("store.err.busy", path=self.target)
        try:
            yield
        finally:
            self._write_lock.release()

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        copy = self.pinned()
        cur = copy.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def data_version(self) -> int:
        copy = self._current()
        self._pin(copy)
        return copy.version

    def data_key(self) -> str:
        copy = self._current()
        self._pin(copy)
        return f"{copy.db_id}:{copy.version}"

    def table_counts(self) -> dict[str, int]:

        copy = self._current()
        self._pin(copy)
        cur = copy.con.cursor()
        try:
            return {t: cur.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}  # noqa: S608
        finally:
            cur.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write: PostgreSQL's write lock, a work copy of the data as it is now, the caller's statements on it
        (DuckDB SQL, the same schema), then the changed rows into PostgreSQL in the same PostgreSQL transaction."""

        import psycopg

        self._ensure_schema()
        shared = shared_state(self.url)
        try:
            pg = self._connect_pg()
        except psycopg.Error as exc:
            raise self._unavailable(exc, "connect") from None  # logged masked
        work: Copy | None = None
        try:
            try:
                locked = int(pg.execute(_LOCK_META).fetchone()[0])
                db_id = (pg.execute("SELECT value FROM meta WHERE key = 'db_id'").fetchone() or [""])[0]
                xid = pg.execute("SELECT txid_current()").fetchone()[0]
                base = shared.copy
                same = base is not None and base.version == locked and base.db_id == db_id
                before = read_copy(base) if same else self._read_pg()
                work = build_copy(before, sequence_values(pg))
                con = work.con
                tables = snapshot_tables(con, before)
                con.execute("BEGIN TRANSACTION")
            except psycopg.Error as exc:
                raise self._unavailable(exc, "write") from None  # logged masked
            try:
                yield con
                con.execute(BUMP_DATA_VERSION)
                self._apply(con, pg, tables)
            except BaseException:
                with suppress(Exception):
                    con.execute("ROLLBACK")
                raise
            try:
                pg.commit()
            except psycopg.Error as exc:
                con.execute("ROLLBACK")
                if not self._committed(xid):
                    raise self._unavailable(exc, "commit") from None  # logged masked
                with shared.lock:  # stored after all: the next read loads it
                    shared.copy = None
                pins().pop(self.url, None)
                return
            con.execute("COMMIT")
            drop_snapshot_tables(con, tables)
            work.version = int(con.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()[0])
            with shared.lock:
                shared.copy = work
            if self.url in pins():  # a page run that wrote reads its own write from here on
                self._pin(work)
            work = None
        except psycopg.Error as exc:
            raise self._unavailable(exc, "write") from None  # logged masked
        finally:
            with suppress(Exception):
                pg.rollback()
            with suppress(Exception):
                pg.close()
            if work is not None:
                work.close()

    @contextmanager
    def state_transaction(self) -> Iterator[Qmark]:
        """Store.state_transaction on PostgreSQL itself (not a copy, no data version): the transient tables locked
        against every other server's such transaction for its length, so a count and an insert in it are atomic."""
        import psycopg

        self._ensure_schema()
        try:
            with self._connect_pg() as pg:
                pg.execute("LOCK TABLE " + ", ".join(TRANSIENT_TABLES) + " IN SHARE ROW EXCLUSIVE MODE")
                yield Qmark(pg)
                pg.commit()
        except psycopg.Error as exc:
            raise self._unavailable(exc, "write") from None  # logged masked

    def _committed(self, xid: int) -> bool:
        """Whether a transaction whose COMMIT got no answer was stored after all (asked again for a while)."""
        import psycopg

        deadline = time.monotonic() + self.lock_wait
        while True:
            try:
                with self._connect_pg(autocommit=True) as c:
                    status = c.execute("SELECT txid_status(%s)", [xid]).fetchone()[0]
                return status == "committed"
            except psycopg.Error:
                if time.monotonic() >= deadline:
                    return False
                time.sleep(0.5)


    def _apply(self, con: duckdb.DuckDBPyConnection, pg, tables: dict) -> None:
        """Write the rows that differ from the snapshot into PostgreSQL: removed keys deleted (children first),
        new and changed rows upserted (parents first); a table without a key is replaced whole when it changed."""
        deletes: list[tuple[str, list[str]]] = []
        upserts: list[tuple[str, list[str], list[str]]] = []
        for table, (cols, key) in tables.items():
            q = ", ".join(f'"{c}"' for c in cols)
            if key:
                k = ", ".join(f'"{c}"' for c in key)
                n_gone = con.execute(f'CREATE OR REPLACE TEMP TABLE "_gone_{table}" AS SELECT {k} FROM '  # noqa: S608
                                     f'"_was_{table}" EXCEPT SELECT {k} FROM main."{table}"').fetchone()[0]
                n_new = con.execute(f'CREATE OR REPLACE TEMP TABLE "_new_{table}" AS SELECT {q} FROM '  # noqa: S608
                                    f'main."{table}" EXCEPT SELECT {q} FROM "_was_{table}"').fetchone()[0]
            else:
                differs = con.execute(
                    f'SELECT EXISTS (SELECT * FROM main."{table}" EXCEPT ALL SELECT * FROM "_was_{table}") OR '  # noqa: S608 - fixed SQL fragments
                    f'EXISTS (SELECT * FROM "_was_{table}" EXCEPT ALL SELECT * FROM main."{table}")').fetchone()[0]
                n_gone = n_new = 0
                if differs:
                    n_gone = 1
                    n_new = con.execute(f'CREATE OR REPLACE TEMP TABLE "_new_{table}" AS '  # noqa: S608
                                        f'SELECT {q} FROM main."{table}"').fetchone()[0]
            if n_gone:
                deletes.append((table, key))
            if n_new:
                upserts.append((table, cols, key))
        for table, key in reversed(deletes):
            if not key:
                pg.execute(f'DELETE FROM "{table}"')  # noqa: S608
                continue
            k = ", ".join(f'"{c}"' for c in key)
            pg.execute(f'CREATE TEMP TABLE "_gone_{table}" ON COMMIT DROP AS SELECT {k} FROM "{table}" WITH NO DATA')  # noqa: S608 - fixed SQL fragments
            copy_tables(con, pg, [table], select=f'SELECT {{cols}} FROM temp."_gone_{table}"',  # noqa: S608 - fixed SQL fragments
                              target=f'"_gone_{table}"', columns=key)
            cond = " AND ".join(f'"{table}"."{c}" = g."{c}"' for c in key)
            pg.execute(f'DELETE FROM "{table}" USING "_gone_{table}" g WHERE {cond}')  # noqa: S608
        for table, cols, key in upserts:
            collist = ", ".join(f'"{c}"' for c in cols)
            pg.execute(f'CREATE TEMP TABLE "_new_{table}" ON COMMIT DROP AS SELECT {collist} FROM "{table}" '  # noqa: S608 - fixed SQL fragments
                       "WITH NO DATA")
            copy_tables(con, pg, [table], select=f'SELECT {{cols}} FROM temp."_new_{table}"',  # noqa: S608 - fixed SQL fragments
                              target=f'"_new_{table}"')
            if key:
                others = [c for c in cols if c not in key]
                keys = ", ".join(f'"{c}"' for c in key)
                action = ("DO UPDATE SET " + ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in others)) if others \
                    else "DO NOTHING"
                pg.execute(f'INSERT INTO "{table}" ({collist}) SELECT {collist} FROM "_new_{table}" '  # noqa: S608
                           f"ON CONFLICT ({keys}) {action}")
            else:
                pg.execute(f'INSERT INTO "{table}" ({collist}) SELECT {collist} FROM "_new_{table}"')  # noqa: S608
        for table in tables:
            con.execute(f'DROP TABLE IF EXISTS temp."_gone_{table}"')
            con.execute(f'DROP TABLE IF EXISTS temp."_new_{table}"')
        set_sequences(con, pg)
        pg.execute("SET CONSTRAINTS ALL IMMEDIATE")  # foreign keys checked here, before the commit, with a message


    # -- schema, create, replace --------------------------------------------------------------------------------
    def _ensure_schema(self) -> None:
        """On first use in the process: the schema is there, not newer than this program, migrated if older."""
        shared = shared_state(self.url)
        if shared.schema_checked:
            return

        meta = self._meta(("schema_version",))
        if "schema_version" not in meta:
            raise StoreError("store.err.pg_no_meta", path=self.target)
        version = int(meta["schema_version"])
        if version > self.schema_version:
            raise StoreError("store.err.newer_schema", path=self.target, version=version, known=self.schema_version)
        if version < self.schema_version:
            self._migrate_pg(version)
        shared.schema_checked = True

    def _migrate_pg(self, version: int) -> None:
        import psycopg

        try:
            with self._connect_pg() as pg:
                pg.execute(_LOCK_META)
                now = int(pg.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
                for target in range(now + 1, self.schema_version + 1):
                    pg.execute(pg_schema(self.migrations[target]))
                    pg.execute("UPDATE meta SET value = %s WHERE key = 'schema_version'", [str(target)])
                pg.commit()
        except psycopg.Error as exc:
            raise self._unavailable(exc, "migrate") from None  # logged masked

    def create(self, fill: Callable[[duckdb.DuckDBPyConnection], None] | None = None, *, force: bool = False,
               replace_damaged: bool = False, keep_replaced: bool = False,
               source: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
               starts: dict[str, int] | None = None,
               verify: Callable[[dict[str, tuple[int, int]]], None] | None = None, guard: Callable | None = None):
        """Build the whole database in DuckDB (schema.sql, the reference rows, then fill), then put it into
        PostgreSQL in one transaction: the schema if missing, every table replaced. An existing database is
        replaced only with force. `source` (migrate-to-postgres) fills a bare schema instead of seed and fill.
        `guard` (Store.create) is asked under the write lock, on the database about to be replaced (None if none);
        keep_replaced keeps nothing here (there is no file to keep: take a backup first) and None is returned."""

        import psycopg

        schema = SCHEMA_FILE.read_text(encoding="utf-8")
        con = duckdb.connect(":memory:")
        try:
            create_schema(con, schema, starts or {})
            if source is not None:
                source(con)
            else:
                fill_new(con, self.schema_version, fill)
            con.execute("INSERT INTO meta VALUES ('db_id', ?) ON CONFLICT DO " + ("NOTHING" if source else  # noqa: S608 - fixed SQL fragments
                        "UPDATE SET value = excluded.value"), [uuid.uuid4().hex])
            try:
                pg = self._connect_pg()
            except psycopg.Error as exc:
                raise self._unavailable(exc, "connect") from None  # logged masked
            try:
                pg.execute("SELECT pg_advisory_xact_lock(20202020)")  # two inits at once take turns
                exists = pg.execute("SELECT to_regclass('public.meta') IS NOT NULL").fetchone()[0]
                if exists and not force:
                    raise StoreError("store.err.exists", path=self.target)
                if exists:
                    pg.execute(_LOCK_META)
                    if guard is not None:
                        guard(Qmark(pg))
                    found = dict(pg.execute("SELECT key, value FROM meta").fetchall())
                    if int(found.get("schema_version", 0)) > self.schema_version:
                        raise StoreError("store.err.pg_newer_schema", path=self.target)
                    pg.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in TABLES if pg_has(pg, t)))
                    for table in (*TABLES, *TRANSIENT_TABLES):
                        if not pg_has(pg, table):
                            raise StoreError("store.err.pg_no_table", path=self.target, table=table)
                else:
                    if guard is not None:
                        guard(None)
                    pg.execute(pg_schema(schema))
                copy_tables(con, pg, TABLES)
                set_sequences(con, pg)
                pg.execute("SET CONSTRAINTS ALL IMMEDIATE")
                if verify is not None:
                    verify(read_back(pg))  # raises (and so rolls back) when PostgreSQL holds other rows
                pg.commit()
            except psycopg.Error as exc:
                raise self._unavailable(exc, "create") from None  # logged masked
            finally:
                with suppress(Exception):
                    pg.rollback()
                pg.close()
        finally:
            con.close()
        shared = shared_state(self.url)
        with shared.lock:
            shared.copy = None
            shared.schema_checked = False
        pins().pop(self.url, None)
        return None


    def checksums(self) -> dict[str, tuple[int, int]]:
        """Rows and a checksum of each table as PostgreSQL holds it now."""
        import psycopg

        try:
            with self._connect_pg() as pg:
                return read_back(pg)
        except psycopg.Error as exc:
            raise self._unavailable(exc, "read") from None  # logged masked


def migrate_to_postgres(source, target) -> dict[str, tuple[int, int]]:
    """Copy a file database into an empty PostgreSQL database in one transaction, committed only when every
    table's row count and checksum read back from PostgreSQL equal the file's. Returns them per table."""

    if not isinstance(target, PgStore):
        raise StoreError("store.err.pg_not_url", path=target.target)
    if isinstance(source, PgStore):
        raise StoreError("store.err.pg_source", path=source.target)
    with source.connection() as src:  # checks (and migrates) the file first
        src.execute("BEGIN TRANSACTION")
        tables = {t: src.execute(f'SELECT * FROM "{t}"').to_arrow_table() for t in TABLES}  # noqa: S608
        starts = {name: int(last) for name, last in src.execute(
            "SELECT sequence_name, last_value FROM duckdb_sequences() WHERE last_value IS NOT NULL").fetchall()}
        expected = table_checksums(src)
        src.execute("ROLLBACK")

    def fill(con: duckdb.DuckDBPyConnection) -> None:
        for table, rows in tables.items():
            con.register("_rows", rows)
            con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM _rows')  # noqa: S608
            con.unregister("_rows")
        if "db_id" not in dict(con.execute("SELECT key, value FROM meta").fetchall()):
            con.execute("INSERT INTO meta VALUES ('db_id', ?)", [uuid.uuid4().hex])  # a file from before ids
            expected["meta"] = table_checksums(con)["meta"]

    def verify(found: dict[str, tuple[int, int]]) -> None:
        wrong = [t for t in TABLES if found.get(t) != expected.get(t)]
        if wrong:
            raise StoreError("store.err.pg_copy_differs", path=target.target, tables=", ".join(wrong))

    target.create(source=fill, starts=starts, verify=verify)
    return expected
