"""The Store interface and the DuckDB file store: paths, short read connections, write transactions, create.
db.postgres.PgStore is the same interface on PostgreSQL; db.open_store() picks one for a target."""
from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from dk2020dash import config
from dk2020dash.db.cache import DataKeys, OpenFiles, pinned_read
from dk2020dash.db.migrations import MIGRATIONS, SCHEMA_FILE, TABLES
from dk2020dash.db.pending import PENDING, finish_pending
from dk2020dash.domain import SECTORS
from dk2020dash.errors import DataMoved, StoreBusy, StoreDamaged, StoreError, StoreFull, StoreLocked, StoreReadOnly
from dk2020dash.labels import SECTORS as SECTOR_WORDS

ROOT = config.ROOT
DEFAULT_DB = ROOT / str(config.setting("DK2020_DB").default)
MUNICIPALITIES_CSV = ROOT / "data" / "municipalities.csv"

BUMP_DATA_VERSION = "UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) WHERE key = 'data_version'"

# meta's random id of the database's contents: new whenever create() builds a file (init, restore), so the pair
# (database id, data version) never repeats for different contents, even when the data version starts over.
DB_ID = "db_id"

log = logging.getLogger(__name__)


_DISK_FULL = ("No space left on device", "File too large", "Disk quota exceeded")
_READ_ONLY = ("read-only mode", "Read-only file system", "Permission denied")


def _refused_write(path: Path, exc: BaseException) -> StoreError | None:
    """The StoreFull or StoreReadOnly a database error of a write means, if it means one."""
    if not isinstance(exc, duckdb.Error):
        return None
    text = str(exc)
    if any(s in text for s in _DISK_FULL):
        return StoreFull(path)
    if any(s in text for s in _READ_ONLY):
        return StoreReadOnly(path)
    return None


def _read_only(path: Path) -> bool:
    """Whether the existing file cannot be written (its mode, a read-only mount, an immutable file). Asked with
    access(2), never by opening it: closing any descriptor of the file would drop DuckDB's lock on it (POSIX record
    locks belong to the process), and a restore could then swap the file under this process's open connection."""
    return os.path.exists(path) and not os.access(path, os.W_OK)


class _WriteLocks:
    """The writers' lock of each database file across processes: an fcntl.flock on '<file>.lock' beside it, held by
    every write transaction, migration, create() and restore. Re-entrant within the process: it is only taken
    while holding Store._write_lock, so one thread at a time touches `held` (lock path -> [fd, depth])."""

    held: dict[str, list] = {}

    @classmethod
    @contextmanager
    def hold(cls, lock_path: Path, wait: float, db: Path) -> Iterator[None]:
        key = str(lock_path)
        entry = cls.held.get(key)
        if entry is None:
            try:
                lock_path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(key, os.O_RDWR | os.O_CREAT, 0o664)
            except OSError as exc:
                raise _explain(db, exc) from exc
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        os.close(fd)
                        raise StoreBusy("store.err.busy_other", path=db) from None
                    time.sleep(0.05)
            entry = cls.held[key] = [fd, 0]
        entry[1] += 1
        try:
            yield
        finally:
            entry[1] -= 1
            if entry[1] == 0:
                del cls.held[key]
                fcntl.flock(entry[0], fcntl.LOCK_UN)
                os.close(entry[0])


def db_path() -> Path:
    """The database file: DK2020_DB if set, else data/dk2020.duckdb in the checkout."""
    return config.path("DK2020_DB") or DEFAULT_DB


def database_url() -> str | None:
    """DK2020_DATABASE_URL (postgresql://USER[:PASSWORD]@HOST:PORT/DB) if set: it wins over DK2020_DB."""
    return config.value("DK2020_DATABASE_URL")


def database_target() -> str:
    """What open_store() opens without an argument: the PostgreSQL URL if one is set, else the file."""
    return database_url() or str(db_path())


def _explain(path: Path, exc: Exception) -> StoreError:
    text = str(exc)
    if "Could not set lock" in text or "Conflicting lock" in text:
        pid = re.search(r"PID (\d+)", text)
        if pid:
            return StoreLocked("store.err.locked_pid", path=path, pid=pid.group(1))
        return StoreLocked("store.err.locked", path=path)
    if "not a valid DuckDB database" in text or "is not a valid" in text or "Failed to read" in text:
        return StoreDamaged("store.err.not_duckdb", path=path)
    if "Permission denied" in text or "Not a directory" in text or "No such file" in text or "Read-only" in text:
        return StoreError("store.err.cannot_open", path=path, detail=text.split(":")[-1].strip())
    if "Corrupt database file" in text or "Could not read enough bytes" in text:
        log.warning("%s: %s", path, text)
        return StoreDamaged("store.err.corrupt", path=path)
    if isinstance(exc, duckdb.Error):
        return StoreDamaged("store.err.other", path=path, detail=text)
    return StoreError("store.err.other", path=path, detail=text)


class Store:
    """One database file. Every caller gets a cursor of its own (one per thread), the file stays open only
    while someone uses it, and writes are single transactions."""

    _write_lock = threading.RLock()  # re-entrant: a write may trigger a migration

    def __init__(self, path: str | Path | None = None, *, migrations: Mapping[int, str] | None = None,
                 lock_wait: float | None = None):
        self.path = Path(path) if path is not None else db_path()
        self.migrations = dict(MIGRATIONS if migrations is None else migrations)
        self.schema_version = 1 + len(self.migrations)
        self.lock_wait = config.lock_wait() if lock_wait is None else lock_wait
        self._checked = False

    @property
    def target(self) -> str:
        """What the store is, for messages and as a cache key: the file's path (PgStore: the masked URL)."""
        return str(self.path)

    def exists(self) -> bool:
        """Whether the database is there (PgStore: whether the schema is)."""
        return self.path.exists()

    # -- connections ---------------------------------------------------------------------------
    def _connect(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.lock_wait
        while True:
            try:  # a file this process may not write is opened read-only: its pages are still served
                return duckdb.connect(str(self.path), read_only=_read_only(self.path))
            except (duckdb.IOException, duckdb.Error) as exc:
                err = _explain(self.path, exc)
                if isinstance(err, StoreLocked) and time.monotonic() < deadline:
                    time.sleep(0.1)
                    continue
                raise err from exc

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the caller's own on the database, closed afterwards."""
        pinned = getattr(pinned_read, "con", None)
        if pinned is not None and pinned[0] == self._key:  # inside snapshot(): its transaction's cursor
            yield pinned[1]
            return
        if not self.path.exists():
            raise StoreError("store.err.missing", path=self.path)
        with OpenFiles.cursor(self._key, self._connect) as con:
            if not self._checked:
                try:
                    self._check_version(con)
                except duckdb.Error as exc:  # a damaged file can open and then fail on its first read
                    raise _explain(self.path, exc) from exc
            yield con

    @property
    def _key(self) -> str:
        return str(self.path.resolve())

    def query(self, sql: str, params: list | tuple | Mapping | None = None) -> pd.DataFrame:
        """Run one parameterised read and return it as a DataFrame."""
        with self.connection() as con:
            return con.execute(sql, params or []).df()

    @contextmanager
    def snapshot(self, key: str | int) -> Iterator[None]:
        """Every read of this thread inside is one read transaction that sees the data of data key `key` (what a
        cached loader keeps under a page run's key is made from that version's data, never from a write that landed
        after the run read the key); DataMoved when the database has moved on from `key` already. Nested: the
        outer snapshot holds. Another process cannot write the file meanwhile (it is open); a write of this process
        commits after the transaction began, which it does not see."""
        pinned = getattr(pinned_read, "con", None)
        if pinned is not None and pinned[0] == self._key:
            yield
            return
        with self.connection() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                found = dict(con.execute("SELECT key, value FROM meta WHERE key IN (?, 'data_version')",
                                         [DB_ID]).fetchall())
                # The data key, or (callers that key on it alone) the data version.
                if str(key) not in (f"{found.get(DB_ID, '')}:{found.get('data_version')}", str(found.get("data_version"))):
                    raise DataMoved("store.err.data_moved", path=self.path, data_key=str(key))
                pinned_read.con = (self._key, con)
                try:
                    yield
                finally:
                    pinned_read.con = None
            finally:
                con.execute("ROLLBACK")

    @property
    def lock_path(self) -> Path:
        """The writers' lock file beside the database ('<file>.lock')."""
        return self.path.with_name(self.path.name + ".lock")

    @contextmanager
    def write_lock(self, wait: float | None = None) -> Iterator[None]:
        """The writers' lock: this process's threads (Store._write_lock) and other processes (a flock on
        lock_path). Every write transaction, migration, create() and restore holds it, so no write lands in a file
        that is being replaced. Waits up to `wait` (default lock_wait, DK2020_LOCK_WAIT), then raises StoreBusy;
        re-entrant. A file that cannot be written is refused at once (StoreReadOnly), before any lock is taken."""
        wait = self.lock_wait if wait is None else wait
        if _read_only(self.path):
            raise StoreReadOnly(self.path)
        if not self._write_lock.acquire(timeout=max(wait, 0.01)):
            raise StoreBusy("store.err.busy", path=self.path)
        try:
            with _WriteLocks.hold(self.lock_path, wait, self.path):
                yield
        finally:
            DataKeys.forget(self.path)
            self._write_lock.release()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write transaction that also bumps the data version; rolled back whole on any error. A full disk or a
        file that turns out not to be writable raises StoreFull or StoreReadOnly instead of the database's error."""
        with self.write_lock(), self.connection() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute(BUMP_DATA_VERSION)
                con.execute("COMMIT")
            except BaseException as exc:
                self._roll_back(con, exc)
                raise

    @contextmanager
    def state_transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write transaction on the app's transient state (migrations.TRANSIENT_TABLES: the sign-in attempts),
        under the same writers' lock as transaction(), so it is atomic across threads and processes; it does not
        bump the data version, so no cache or copy is made anew. Statements use ? parameters (as on PgStore)."""
        with self.write_lock(), self.connection() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException as exc:
                self._roll_back(con, exc)
                raise

    def _roll_back(self, con: duckdb.DuckDBPyConnection, exc: BaseException) -> None:
        """Roll the open transaction back after exc; raise StoreFull or StoreReadOnly if that is what exc means."""
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:  # a COMMIT that failed (the disk full) has ended the transaction already
            pass
        refused = _refused_write(self.path, exc)
        if refused is not None:
            log.warning("%s: write refused: %s", self.path, exc)
            raise refused from exc

    def data_version(self) -> int:
        return int(self.query("SELECT value FROM meta WHERE key = 'data_version'").iloc[0, 0])

    def data_key(self) -> str:
        """What caches key on: '<database id>:<data version>'. The id is new with every file create() builds (init,
        restore), so the key never repeats for different contents although the data version may start over.
        Read from the file only when the file changed since the last read (DataKeys): every page run asks."""
        known = DataKeys.get(self.path)
        if known is not None:
            return known
        read_at = time.time()
        sig = DataKeys.signature(self.path)
        with self.connection() as con:
            found = dict(con.execute("SELECT key, value FROM meta WHERE key IN (?, 'data_version')", [DB_ID]).fetchall())
        key = f"{found.get(DB_ID, '')}:{found['data_version']}"
        if found.get(DB_ID):  # a file without an id yet gets one on a later open: read it again then
            DataKeys.put(self.path, sig, read_at, key)
        return key

    # -- schema ----------------------------------------------------------------------------------
    def _check_version(self, con: duckdb.DuckDBPyConnection) -> None:
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException as exc:
            raise StoreDamaged("store.err.no_meta", path=self.path) from exc
        version = int(row[0])
        if version > self.schema_version:
            raise StoreError("store.err.newer_schema", path=self.path, version=version, known=self.schema_version)
        if version < self.schema_version:
            try:
                self._migrate(con, version)
            except (StoreReadOnly, StoreFull) as exc:  # not "pages can be read": this file cannot be, until upgraded
                why = "read_only" if isinstance(exc, StoreReadOnly) else "disk_full"
                raise StoreError(f"store.err.cannot_upgrade.{why}", path=self.path, version=version,
                                 newest=self.schema_version) from exc
        if con.execute("SELECT count(*) FROM meta WHERE starts_with(key, ?)", [PENDING]).fetchone()[0]:
            try:
                self._finish_pending(con)
            # Reads go on; the next writable open or import finishes it. StoreBusy: another process is writing, and
            # it may be the very import that left the rows, waiting to open the file this open holds (DuckDB lets
            # one process have it), so waiting here would hold both until lock_wait ran out.
            except (StoreReadOnly, StoreFull, StoreBusy):
                log.info("%s: pending demo rows not removed yet", self.path, exc_info=True)
        if not con.execute("SELECT count(*) FROM meta WHERE key = ?", [DB_ID]).fetchone()[0]:
            self._give_id(con)  # a file made before database ids
        self._checked = True

    def _give_id(self, con: duckdb.DuckDBPyConnection) -> None:
        try:
            with self.write_lock(wait=0):  # not while another writer is at it (see _check_version)
                con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT DO NOTHING", [DB_ID, uuid.uuid4().hex])
        except (StoreError, duckdb.Error):  # busy or read-only: the next open tries again; data_key works meanwhile
            log.info("%s: no database id written yet", self.path, exc_info=True)

    def _migrate(self, con: duckdb.DuckDBPyConnection, version: int) -> None:
        with self.write_lock():
            try:
                run_migrations(con, self.migrations, version, self.schema_version)
            except BaseException as exc:
                self._roll_back(con, exc)
                raise
            try:  # out of the write-ahead log at once (see MIGRATIONS)
                con.execute("CHECKPOINT")
            except duckdb.Error:  # another thread's transaction is open; DuckDB checkpoints when it can
                pass

    def _finish_pending(self, con: duckdb.DuckDBPyConnection) -> None:
        """Finish the second step of an import that stopped before it (see DEMO_PARENTS); StoreBusy at once if another
        writer holds the lock."""
        with self.write_lock(wait=0):
            con.execute("BEGIN TRANSACTION")
            try:
                if finish_pending(con):
                    con.execute(BUMP_DATA_VERSION)
                con.execute("COMMIT")
            except BaseException as exc:
                self._roll_back(con, exc)
                raise

    def create(self, fill: Callable[[duckdb.DuckDBPyConnection], None] | None = None, *,
               force: bool = False, replace_damaged: bool = False, keep_replaced: bool = False,
               guard: Callable[[duckdb.DuckDBPyConnection | None], None] | None = None) -> Path | None:
        """Build a new database beside the target and move it into place, so a failure leaves nothing
        half-written and an existing file is replaced only with force. The new file gets a new database id.

        The writers' lock is held throughout, so no write of this or another process lands in the old file while it
        is replaced (a concurrent writer waits for the new file, or gives up after lock_wait saying so). A file that
        cannot be opened as our database is refused, unless replace_damaged (restore --force): then it is kept beside
        as '<file>.beskadiget-<time>' and that path is returned. `guard` (a restore: whether its user may) is asked
        under that lock with a connection to the database about to be replaced (None when there is none, or it is
        damaged); it raises to refuse, and nothing is replaced. With keep_replaced (a restore) a sound file that is
        replaced is kept beside too, as '<file>.erstattet-<time>', and that path is returned."""
        with self.write_lock():
            damaged = self._existing_file(force, replace_damaged)
            if guard is not None:
                if damaged is None and self.path.exists():
                    with self.connection() as con:
                        guard(con)
                else:
                    guard(None)
            aside = damaged
            if aside is None and keep_replaced and self.path.exists():
                aside = self._aside("erstattet")
            self._build_and_swap(fill, damaged, aside)
        self._checked = False
        return aside

    def _aside(self, what: str) -> Path:
        """A free name beside the file for keeping it: '<file>.<what>-<time>' (then -2, -3 … within one second)."""
        base = f"{self.path.name}.{what}-{time.strftime('%Y%m%d-%H%M%S')}"
        aside, n = self.path.with_name(base), 1
        while aside.exists() or Path(str(aside) + ".wal").exists():
            n += 1
            aside = self.path.with_name(f"{base}-{n}")
        return aside

    def _existing_file(self, force: bool, replace_damaged: bool) -> Path | None:
        """Check what create() would replace; the path to keep a damaged file under, or None."""
        if not self.path.exists():
            return None
        if not force:
            raise StoreError("store.err.exists", path=self.path)
        try:
            self._refuse_foreign_file()
        except StoreDamaged:
            if not replace_damaged:
                raise
            return self._aside("beskadiget")
        return None

    def _build_and_swap(self, fill: Callable[[duckdb.DuckDBPyConnection], None] | None, damaged: Path | None,
                        aside: Path | None = None) -> None:
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.unlink(missing_ok=True)
            con = duckdb.connect(str(tmp))
        except (OSError, duckdb.Error) as exc:
            raise _explain(self.path, exc) from exc
        try:
            con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
            fill_new(con, self.schema_version, fill)
            con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT DO UPDATE SET value = excluded.value",
                        [DB_ID, uuid.uuid4().hex])
            con.execute("CHECKPOINT")
            con.close()
            # No reader of this process may be inside the old file while it is swapped out; readers are short, so
            # wait a little for them (the app's other sessions) before giving up. Nor may another process (the app,
            # while the CLI restores): holding DuckDB's own lock on the old file across the swap makes sure, so no
            # process goes on using the replaced file and, later, writes into it.
            deadline = time.monotonic() + self.lock_wait
            while True:
                with OpenFiles.lock:
                    if self._key not in OpenFiles.open and (old := self._hold_old(damaged)) is not False:
                        try:
                            if aside is not None:
                                self._keep_aside(aside, damaged is not None)
                            os.replace(tmp, self.path)
                        finally:
                            if old is not None:
                                old.close()
                        break
                if time.monotonic() >= deadline:
                    raise StoreError("store.err.in_use", path=self.path)
                time.sleep(0.05)
        except BaseException:
            con.close()
            tmp.unlink(missing_ok=True)
            Path(str(tmp) + ".wal").unlink(missing_ok=True)
            raise

    def _hold_old(self, damaged: Path | None) -> duckdb.DuckDBPyConnection | None | bool:
        """A read-only connection to the file about to be replaced (DuckDB's lock: no other process has it open),
        None when there is none to hold (no file, or a damaged one), False while another process holds it."""
        if damaged is not None or not self.path.exists():
            return None
        try:
            return duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as exc:
            if isinstance(_explain(self.path, exc), StoreLocked):
                return False
            raise _explain(self.path, exc) from exc

    def _keep_aside(self, aside: Path, damaged: bool) -> None:
        """Keep the file about to be replaced (a damaged one, or the one a restore replaces) and its write-ahead log,
        which must not meet the new file, under `aside`."""
        try:
            os.link(self.path, aside)
        except FileExistsError:
            raise
        except OSError:
            shutil.copy2(self.path, aside)
        wal = Path(str(self.path) + ".wal")
        if wal.exists():
            os.replace(wal, Path(str(aside) + ".wal"))
        log.warning("%s: the %s database file is kept as %s", self.path, "damaged" if damaged else "replaced", aside)

    def _refuse_foreign_file(self) -> None:
        """Refuse to replace a file that is not one of ours (or is held by another process)."""
        with self.connection():
            pass

    def table_counts(self) -> dict[str, int]:
        with self.connection() as con:
            return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}  # noqa: S608 - fixed names


def run_migrations(con: duckdb.DuckDBPyConnection, migrations: Mapping[int, str], version: int, newest: int) -> None:
    """Upgrade an open file from `version` to `newest` in one transaction. The commit checkpoints at once
    (checkpoint_threshold 0), so the migration is written to the file itself and not to the write-ahead log: DuckDB
    1.5 cannot replay a rebuilt table whose foreign key points at a table with a nextval default (MIGRATIONS), and a
    process dying before a later checkpoint would leave a file that never opens. (DuckDB cannot checkpoint while
    another transaction of the process is open; the commit then goes to the log, and _migrate's CHECKPOINT tries.)"""
    con.execute("BEGIN TRANSACTION")
    for target in range(version + 1, newest + 1):
        con.execute(migrations[target])
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(target)])
    con.execute("SET checkpoint_threshold = '0b'")
    try:
        con.execute("COMMIT")
    finally:
        con.execute("RESET checkpoint_threshold")


def fill_new(con: duckdb.DuckDBPyConnection, schema_version: int,
             fill: Callable[[duckdb.DuckDBPyConnection], None] | None = None) -> None:
    """A new database's first rows, on its bare schema: the versions, the reference tables, then `fill` (the demo)
    in a transaction of its own."""
    con.execute("INSERT INTO meta VALUES ('schema_version', ?), ('data_version', '1')", [str(schema_version)])
    seed_reference(con)
    if fill is not None:
        con.execute("BEGIN TRANSACTION")
        fill(con)
        con.execute("COMMIT")


def seed_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Load the sectors of domain.py (their Danish and English words from labels.py) and the 98 municipalities of
    data/municipalities.csv."""
    con.executemany(
        "INSERT INTO sector VALUES (?, ?, ?, ?, ?, ?)",
        [(s.code, *SECTOR_WORDS[s.code], s.group, s.gpc, s.can_be_negative) for s in SECTORS],
    )
    rows = pd.read_csv(MUNICIPALITIES_CSV, dtype={"code": int}, encoding="utf-8")
    con.register("municipality_csv", rows)
    con.execute(
        "INSERT INTO municipality SELECT code, name, region, region_code, label_lat, label_lon, area_km2, "
        "cohort, population, population_year, population_approx FROM municipality_csv"
    )
    con.unregister("municipality_csv")
