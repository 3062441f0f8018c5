"""The only module that opens DuckDB: paths, schema, migrations, short read connections and write transactions.
A postgresql:// URL (DK2020_DATABASE_URL) makes Store a PostgreSQL store instead (store_pg.py, its other half)."""
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

from .domain import SECTORS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "dk2020.duckdb"
SCHEMA_FILE = Path(__file__).with_name("schema.sql")
MUNICIPALITIES_CSV = ROOT / "data" / "municipalities.csv"

# Scenarios of a version-1 file are the demo's when the file was filled with the demo and no scenario file was
# ever imported into it (the first real scenario import removed them all).
_V1_SCENARIOS_ARE_DEMO = (
    "EXISTS (SELECT 1 FROM import_log WHERE outcome = 'demo') "
    "AND NOT EXISTS (SELECT 1 FROM import_log WHERE kind = 'scenarios' AND outcome = 'imported')"
)


def _schema_block(first: str, last_line: str) -> str:
    """The statements of schema.sql from the line starting with `first` through the line `last_line`: a migration
    that only adds tables creates them exactly as schema.sql does."""
    text = SCHEMA_FILE.read_text(encoding="utf-8")
    start = text.index(first)
    end = text.index(last_line, start) + len(last_line)
    return text[start:end]


_V3_TABLES = _schema_block("CREATE TABLE app_user (", "    note        VARCHAR\n);")
ADAPTATION_VERSION = 4  # the schema version that added the climate adaptation tables

# Upgrades of older files, applied in order: MIGRATIONS[v] takes a file from version v-1 to v.
# schema.sql always creates the newest version directly.
#
# DuckDB 1.5 cannot replay a write-ahead log holding an ALTER TABLE (nor a DROP TABLE of a table whose foreign
# key points at a table with nextval or other function defaults): a process that dies after such a commit and
# before the next checkpoint leaves a file that will not open. So a migration rebuilds a table (create beside,
# copy, drop, create) only where that replays, and _migrate checkpoints right after its commit; tests/test_store.py
# kills a process at that point to prove the file still opens.
MIGRATIONS: dict[int, str] = {
    # v2: scenario.is_demo, so demo scenarios are labelled like the demo's other rows.
    2: f"""
        CREATE TEMP TABLE scenario_v1 AS SELECT * FROM scenario;
        DROP TABLE scenario;
        CREATE TABLE scenario (
            municipality INTEGER NOT NULL REFERENCES municipality (code),
            kind         VARCHAR NOT NULL CHECK (kind IN ('bau', 'plan')),
            year         INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
            tco2e        DOUBLE NOT NULL CHECK (isfinite(tco2e)),
            is_demo      BOOLEAN NOT NULL DEFAULT false,
            PRIMARY KEY (municipality, kind, year)
        );
        INSERT INTO scenario SELECT municipality, kind, year, tco2e, {_V1_SCENARIOS_ARE_DEMO} FROM scenario_v1;
        DROP TABLE scenario_v1;
    """,
    # v3: app_user, app_user_scope and audit (sign-in, roles, the record of every change); new tables only.
    3: _V3_TABLES,
    # v4: climate adaptation: risk assessments, the hazards adaptation actions address and their protection
    # targets; new tables only.
    ADAPTATION_VERSION: _schema_block("CREATE TABLE risk (", "    PRIMARY KEY (action_id, kind)\n);"),
}
SCHEMA_VERSION = 1 + len(MIGRATIONS)

# What a migration does to existing rows beyond giving new columns their defaults: applied after a backup made by
# an older version is loaded into the newest schema (backup.restore), so it ends as if restored and migrated.
UPGRADE_ROWS: dict[int, str] = {
    2: f"UPDATE scenario SET is_demo = true WHERE {_V1_SCENARIOS_ARE_DEMO}",
    3: "SELECT 1",  # new tables only; a backup from before has none of their rows
    ADAPTATION_VERSION: "SELECT 1",  # new tables only: an older backup has no rows for them
}

# Demo rows that an import of a kind leaves without their child rows, by kind: (table, statement removing them).
# DuckDB 1.5 refuses to delete a parent row in the transaction that deleted its child rows (their foreign-key
# index entries stay until commit), however the statements are ordered; rebuilding the child table instead works
# but cannot be replayed from the write-ahead log (see MIGRATIONS). So an import removes the demo's child rows
# and writes its own rows and log in one transaction that also writes meta 'pending:<kind>', and removes these
# parents in the next transaction, which deletes that row. A process that dies in between leaves the row, and
# the next open of the file (or the next import) finishes the step; it is idempotent.
DEMO_PARENTS: dict[str, tuple[str, str]] = {
    "inventory": ("edition", "DELETE FROM edition WHERE is_demo AND NOT EXISTS "
                             "(SELECT 1 FROM emission WHERE emission.edition = edition.id)"),
    "plans": ("plan", "DELETE FROM plan WHERE is_demo AND municipality NOT IN (SELECT municipality FROM plan_target)"),
    "actions": ("action", "DELETE FROM action WHERE is_demo AND id NOT IN (SELECT action_id FROM action_event) "
                          "AND id NOT IN (SELECT action_id FROM action_hazard) "
                          "AND id NOT IN (SELECT action_id FROM action_protection)"),
}
PENDING = "pending:"
_BUMP_DATA_VERSION = "UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) WHERE key = 'data_version'"

TABLES = (
    "meta", "sector", "municipality", "edition", "emission", "plan", "plan_target", "scenario",
    "action", "action_event", "milestone", "import_log", "app_user", "app_user_scope", "audit",
    "risk", "action_hazard", "action_protection",
)
# Tables added after version 1, by the schema version that added them: a backup made before has none of them.
TABLE_SINCE: dict[str, int] = {"app_user": 3, "app_user_scope": 3, "audit": 3, "risk": ADAPTATION_VERSION,
                               "action_hazard": ADAPTATION_VERSION, "action_protection": ADAPTATION_VERSION}
# Columns that never leave the database in an export (CSV, XLSX, Parquet, README); a backup keeps them (see
# backup.py) so a restore keeps local accounts.
SECRET_COLUMNS: dict[str, tuple[str, ...]] = {"app_user": ("password_hash",)}

LOCK_WAIT_SECONDS = float(os.environ.get("DK2020_LOCK_WAIT", "15"))
# meta's random id of the database's contents: new whenever create() builds a file (init, restore), so the pair
# (database id, data version) never repeats for different contents, even when the data version starts over.
DB_ID = "db_id"

log = logging.getLogger(__name__)


class StoreError(Exception):
    """A problem with the database file that a user can act on; the message says what and where."""


class StoreLocked(StoreError):
    """Another process holds the database."""


class StoreUnavailable(StoreError):
    """The database server cannot be reached (PostgreSQL stopped or the network gone); nothing was written."""


class StoreDamaged(StoreError):
    """The file cannot be opened as this program's database (damaged, truncated, or another program's); a restore
    may replace it (backup.restore with replace_damaged: restore --force, the Data page)."""


class StoreBusy(StoreLocked):
    """Another writer (an import, a restore, init) holds the write lock longer than DK2020_LOCK_WAIT."""


class StoreReadOnly(StoreError):
    """The file (or its folder) cannot be written: reads are served from it read-only, every write is refused before
    it starts. `plain` is the i18n key of the message a page shows."""

    plain = "error.read_only.plain"
    kind = "read_only"

    def __init__(self, path: Path):
        from . import i18n

        super().__init__(i18n.t("store.err.read_only", "da", path=path))


class StoreFull(StoreError):
    """The disk is full (or the file may grow no further): the write failed and was rolled back."""

    plain = "error.disk_full.plain"
    kind = "disk_full"

    def __init__(self, path: Path):
        from . import i18n

        super().__init__(i18n.t("store.err.disk_full", "da", path=path))


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
                        raise StoreBusy(f"{db}: en anden skriver (indlæsning, gendannelse eller init) er i gang; "
                                        "intet er ændret. Prøv igen, når den er færdig.") from None
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


class DataMoved(StoreError):
    """The data moved on from the version a page run read (a write landed meanwhile): the run starts again on the
    new version (ui.shell), so no page shows figures of two versions."""


_pinned = threading.local()  # this thread's read snapshot (Store.snapshot): (file key, cursor) or None


def db_path() -> Path:
    """The database file: DK2020_DB if set, else data/dk2020.duckdb in the checkout."""
    return Path(os.environ.get("DK2020_DB") or DEFAULT_DB)


def database_url() -> str | None:
    """DK2020_DATABASE_URL (postgresql://USER[:PASSWORD]@HOST:PORT/DB) if set: it wins over DK2020_DB."""
    return os.environ.get("DK2020_DATABASE_URL") or None


def database_target() -> str:
    """What Store() opens without an argument: the PostgreSQL URL if one is set, else the file."""
    return database_url() or str(db_path())


def mask_url(text: object) -> str:
    """Any text with the password of each database URL in it replaced by ***: for every message and log."""
    from .store_pg import mask

    return mask(text)


def _explain(path: Path, exc: Exception) -> StoreError:
    text = str(exc)
    if "Could not set lock" in text or "Conflicting lock" in text:
        pid = re.search(r"PID (\d+)", text)
        who = f" (proces {pid.group(1)})" if pid else ""
        return StoreLocked(
            f"{path}: databasen bruges af et andet program{who}; prøv igen, når det er færdigt."
        )
    if "not a valid DuckDB database" in text or "is not a valid" in text or "Failed to read" in text:
        return StoreDamaged(f"{path}: filen er ikke en DuckDB-database fra dette program; intet er ændret.")
    if "Permission denied" in text or "Not a directory" in text or "No such file" in text or "Read-only" in text:
        return StoreError(f"{path}: kan ikke åbne eller oprette databasen her ({text.split(':')[-1].strip()}).")
    if "Corrupt database file" in text or "Could not read enough bytes" in text:
        log.warning("%s: %s", path, text)
        return StoreDamaged(f"{path}: filen er beskadiget (afkortet eller med ødelagte blokke) og kan ikke åbnes; "
                            "intet er ændret.")
    if isinstance(exc, duckdb.Error):
        return StoreDamaged(f"{path}: {text}")
    return StoreError(f"{path}: {text}")


class _OpenFiles:
    """Database files this process has open, each shared by all threads through cursors and closed when
    its last user is done, so another process (the CLI) can take the file between runs. Opening and
    closing go through one lock: DuckDB refuses to open a file while the same process is closing it."""

    lock = threading.Lock()
    open: dict[str, list] = {}  # resolved path -> [base connection, users]

    @classmethod
    @contextmanager
    def cursor(cls, key: str, connect: Callable[[], duckdb.DuckDBPyConnection]) -> Iterator[duckdb.DuckDBPyConnection]:
        with cls.lock:
            entry = cls.open.get(key)
            if entry is None:
                entry = cls.open[key] = [connect(), 0]
            entry[1] += 1
            cur = entry[0].cursor()
        try:
            yield cur
        finally:
            cur.close()
            with cls.lock:
                entry[1] -= 1
                if entry[1] == 0:
                    entry[0].close()
                    del cls.open[key]


class _DataKeys:
    """Each file's data key as last read, with the file's (and its write-ahead log's) stat from just before the read:
    Store.data_key() serves it again while both are unchanged instead of opening the file on every page run. Any
    write changes the file or the log (another process's import, restore or init --force: a new inode, size or
    modification time); this process's writers also forget the key when they let go of the writers' lock. A stat
    whose modification time is within SETTLE seconds of the read is not trusted (a write in the same clock tick
    leaves the time as it was), so for a moment after each write every run reads the file again."""

    SETTLE = 2.0
    lock = threading.Lock()
    known: dict[str, tuple[tuple, str]] = {}  # path -> (stat signature, data key)

    @staticmethod
    def signature(path: Path) -> tuple | None:
        sig = []
        for name in (str(path), str(path) + ".wal"):
            try:
                st = os.stat(name)
            except FileNotFoundError:
                sig.append(None)
                continue
            except OSError:
                return None
            sig.append((st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns))
        return tuple(sig) if sig[0] is not None else None

    @classmethod
    def get(cls, path: Path) -> str | None:
        sig = cls.signature(path)
        with cls.lock:
            known = cls.known.get(str(path))
        return known[1] if sig is not None and known is not None and known[0] == sig else None

    @classmethod
    def put(cls, path: Path, sig: tuple | None, read_at: float, key: str) -> None:
        newest = max((s[3] for s in sig or () if s is not None), default=None)
        if newest is None or newest / 1e9 > read_at - cls.SETTLE:
            return  # no stat, or one too recent to tell a later write in the same tick apart
        with cls.lock:
            cls.known[str(path)] = (sig, key)

    @classmethod
    def forget(cls, path: Path) -> None:
        with cls.lock:
            cls.known.pop(str(path), None)


class Store:
    """One database file. Every caller gets a cursor of its own (one per thread), the file stays open only
    while someone uses it, and writes are single transactions."""

    _write_lock = threading.RLock()  # re-entrant: a write may trigger a migration

    def __new__(cls, path: str | Path | None = None, *args, **kwargs):
        from . import store_pg

        target = path if path is not None else database_url()
        if cls is Store and store_pg.is_url(target):
            return super().__new__(PgStore)
        return super().__new__(cls)

    def __init__(self, path: str | Path | None = None, *, migrations: Mapping[int, str] | None = None,
                 lock_wait: float | None = None):
        self.path = Path(path) if path is not None else db_path()
        self.migrations = dict(MIGRATIONS if migrations is None else migrations)
        self.schema_version = 1 + len(self.migrations)
        self.lock_wait = LOCK_WAIT_SECONDS if lock_wait is None else lock_wait
        self._checked = False

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
        pinned = getattr(_pinned, "con", None)
        if pinned is not None and pinned[0] == self._key:  # inside snapshot(): its transaction's cursor
            yield pinned[1]
            return
        if not self.path.exists():
            raise StoreError(f"{self.path}: databasen findes ikke; opret den med 'python -m dk2020dash init'.")
        with _OpenFiles.cursor(self._key, self._connect) as con:
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
        pinned = getattr(_pinned, "con", None)
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
                    raise DataMoved(f"{self.path}: data moved on from {key}")
                _pinned.con = (self._key, con)
                try:
                    yield
                finally:
                    _pinned.con = None
            finally:
                con.execute("ROLLBACK")

    @property
    def lock_path(self) -> Path:
        """The writers' lock file beside the database ('<file>.lock')."""
        return self.path.with_name(self.path.name + ".lock")

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """The writers' lock: this process's threads (Store._write_lock) and other processes (a flock on
        lock_path). Every write transaction, migration, create() and restore holds it, so no write lands in a file
        that is being replaced. Waits up to lock_wait (DK2020_LOCK_WAIT), then raises StoreBusy; re-entrant. A file
        that cannot be written is refused at once (StoreReadOnly), before any lock is taken."""
        if _read_only(self.path):
            raise StoreReadOnly(self.path)
        if not self._write_lock.acquire(timeout=max(self.lock_wait, 0.01)):
            raise StoreBusy(f"{self.path}: en anden skriver i programmet er i gang; intet er ændret. Prøv igen.")
        try:
            with _WriteLocks.hold(self.lock_path, self.lock_wait, self.path):
                yield
        finally:
            _DataKeys.forget(self.path)
            self._write_lock.release()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write transaction that also bumps the data version; rolled back whole on any error. A full disk or a
        file that turns out not to be writable raises StoreFull or StoreReadOnly instead of the database's error."""
        with self.write_lock(), self.connection() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute(_BUMP_DATA_VERSION)
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
        Read from the file only when the file changed since the last read (_DataKeys): every page run asks."""
        known = _DataKeys.get(self.path)
        if known is not None:
            return known
        read_at = time.time()
        sig = _DataKeys.signature(self.path)
        with self.connection() as con:
            found = dict(con.execute("SELECT key, value FROM meta WHERE key IN (?, 'data_version')", [DB_ID]).fetchall())
        key = f"{found.get(DB_ID, '')}:{found['data_version']}"
        if found.get(DB_ID):  # a file without an id yet gets one on a later open: read it again then
            _DataKeys.put(self.path, sig, read_at, key)
        return key

    # -- schema ----------------------------------------------------------------------------------
    def _check_version(self, con: duckdb.DuckDBPyConnection) -> None:
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException as exc:
            raise StoreDamaged(f"{self.path}: filen er en DuckDB-database, men ikke fra dette program (ingen meta-tabel).") from exc
        version = int(row[0])
        if version > self.schema_version:
            raise StoreError(
                f"{self.path}: databasen har skemaversion {version}, men denne version af programmet kender "
                f"kun op til {self.schema_version}. Opdatér programmet; intet er ændret."
            )
        if version < self.schema_version:
            try:
                self._migrate(con, version)
            except (StoreReadOnly, StoreFull) as exc:  # not "pages can be read": this file cannot be, until upgraded
                from . import i18n

                raise StoreError(i18n.t(f"store.err.cannot_upgrade.{exc.kind}", "da", path=self.path,
                                        version=version, newest=self.schema_version)) from exc
        if con.execute("SELECT count(*) FROM meta WHERE starts_with(key, ?)", [PENDING]).fetchone()[0]:
            try:
                self._finish_pending(con)
            except (StoreReadOnly, StoreFull):  # reads go on; the next writable open or import finishes it
                log.info("%s: pending demo rows not removed yet", self.path, exc_info=True)
        if not con.execute("SELECT count(*) FROM meta WHERE key = ?", [DB_ID]).fetchone()[0]:
            self._give_id(con)  # a file made before database ids
        self._checked = True

    def _give_id(self, con: duckdb.DuckDBPyConnection) -> None:
        try:
            with self.write_lock():
                con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT DO NOTHING", [DB_ID, uuid.uuid4().hex])
        except (StoreError, duckdb.Error):  # busy or read-only: the next open tries again; data_key works meanwhile
            log.info("%s: no database id written yet", self.path, exc_info=True)

    def _migrate(self, con: duckdb.DuckDBPyConnection, version: int) -> None:
        with self.write_lock():
            con.execute("BEGIN TRANSACTION")
            try:
                for target in range(version + 1, self.schema_version + 1):
                    con.execute(self.migrations[target])
                    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(target)])
                con.execute("COMMIT")
            except BaseException as exc:
                self._roll_back(con, exc)
                raise
            try:  # out of the write-ahead log at once (see MIGRATIONS)
                con.execute("CHECKPOINT")
            except duckdb.Error:  # another thread's transaction is open; DuckDB checkpoints when it can
                pass

    def _finish_pending(self, con: duckdb.DuckDBPyConnection) -> None:
        """Finish the second step of an import that stopped before it (see DEMO_PARENTS)."""
        with self.write_lock():
            con.execute("BEGIN TRANSACTION")
            try:
                if finish_pending(con):
                    con.execute(_BUMP_DATA_VERSION)
                con.execute("COMMIT")
            except BaseException as exc:
                self._roll_back(con, exc)
                raise

    def create(self, fill: Callable[[duckdb.DuckDBPyConnection], None] | None = None, *,
               force: bool = False, replace_damaged: bool = False) -> Path | None:
        """Build a new database beside the target and move it into place, so a failure leaves nothing
        half-written and an existing file is replaced only with force. The new file gets a new database id.

        The writers' lock is held throughout, so no write of this or another process lands in the old file while it
        is replaced (a concurrent writer waits for the new file, or gives up after lock_wait saying so). A file that
        cannot be opened as our database is refused, unless replace_damaged (restore --force): then it is kept beside
        as '<file>.beskadiget-<time>' and that path is returned."""
        with self.write_lock():
            damaged = self._existing_file(force, replace_damaged)
            self._build_and_swap(fill, damaged)
        self._checked = False
        return damaged

    def _existing_file(self, force: bool, replace_damaged: bool) -> Path | None:
        """Check what create() would replace; the path to keep a damaged file under, or None."""
        if not self.path.exists():
            return None
        if not force:
            raise StoreError(f"{self.path}: databasen findes allerede; brug --force for at erstatte den.")
        try:
            self._refuse_foreign_file()
        except StoreDamaged:
            if not replace_damaged:
                raise
            return self.path.with_name(f"{self.path.name}.beskadiget-{time.strftime('%Y%m%d-%H%M%S')}")
        return None

    def _build_and_swap(self, fill: Callable[[duckdb.DuckDBPyConnection], None] | None, damaged: Path | None) -> None:
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.unlink(missing_ok=True)
            con = duckdb.connect(str(tmp))
        except (OSError, duckdb.Error) as exc:
            raise _explain(self.path, exc) from exc
        try:
            con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
            con.execute("INSERT INTO meta VALUES ('schema_version', ?), ('data_version', '1')",
                        [str(self.schema_version)])
            seed_reference(con)
            if fill is not None:
                con.execute("BEGIN TRANSACTION")
                fill(con)
                con.execute("COMMIT")
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
                with _OpenFiles.lock:
                    if self._key not in _OpenFiles.open and (old := self._hold_old(damaged)) is not False:
                        try:
                            if damaged is not None:
                                self._keep_damaged(damaged)
                            os.replace(tmp, self.path)
                        finally:
                            if old is not None:
                                old.close()
                        break
                if time.monotonic() >= deadline:
                    raise StoreError(f"{self.path}: databasen er i brug; prøv igen.")
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

    def _keep_damaged(self, aside: Path) -> None:
        """Keep the damaged file (and its write-ahead log, which must not meet the new file) under `aside`."""
        try:
            os.link(self.path, aside)
        except OSError:
            shutil.copy2(self.path, aside)
        wal = Path(str(self.path) + ".wal")
        if wal.exists():
            os.replace(wal, Path(str(aside) + ".wal"))
        log.warning("%s: the damaged database file is kept as %s", self.path, aside)

    def _refuse_foreign_file(self) -> None:
        """Refuse to replace a file that is not one of ours (or is held by another process)."""
        with self.connection():
            pass

    def table_counts(self) -> dict[str, int]:
        with self.connection() as con:
            return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}  # noqa: S608 - fixed names


def mark_pending(con: duckdb.DuckDBPyConnection, kind: str) -> bool:
    """In an import's transaction: note that demo rows of the kind wait for removal in the next (DEMO_PARENTS);
    False when there are none."""
    if kind not in DEMO_PARENTS:
        return False
    table = DEMO_PARENTS[kind][0]
    if not con.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}" WHERE is_demo)').fetchone()[0]:  # noqa: S608
        return False
    con.execute("INSERT INTO meta VALUES (?, '1') ON CONFLICT DO NOTHING", [PENDING + kind])
    return True


def finish_pending(con: duckdb.DuckDBPyConnection) -> list[str]:
    """In a transaction after the one that marked them: remove the demo rows left for it; returns the kinds."""
    keys = [k for (k,) in con.execute("SELECT key FROM meta WHERE starts_with(key, ?) ORDER BY key",
                                      [PENDING]).fetchall()]
    for key in keys:
        if key.removeprefix(PENDING) in DEMO_PARENTS:
            con.execute(DEMO_PARENTS[key.removeprefix(PENDING)][1])
    if keys:
        con.execute("DELETE FROM meta WHERE starts_with(key, ?)", [PENDING])
    return [k.removeprefix(PENDING) for k in keys]


def seed_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Load the sectors of domain.py and the 98 municipalities of data/municipalities.csv."""
    con.executemany(
        "INSERT INTO sector VALUES (?, ?, ?, ?, ?, ?)",
        [(s.code, s.label_da, s.label_en, s.group, s.gpc, s.can_be_negative) for s in SECTORS],
    )
    rows = pd.read_csv(MUNICIPALITIES_CSV, dtype={"code": int}, encoding="utf-8")
    con.register("municipality_csv", rows)
    con.execute(
        "INSERT INTO municipality SELECT code, name, region, region_code, label_lat, label_lon, area_km2, "
        "cohort, population, population_year, population_approx FROM municipality_csv"
    )
    con.unregister("municipality_csv")


def _pg_store_class() -> type:
    from .store_pg import PgStore as _PgBody

    class PgStore(_PgBody, Store):
        """A Store whose record is PostgreSQL (store_pg.py): same interface, same DuckDB SQL for callers."""

        def __init__(self, path: str | None = None, *, migrations: Mapping[int, str] | None = None,
                     lock_wait: float | None = None):
            from . import store_pg

            self.url = store_pg.resolve(str(path if path is not None else database_url()).strip())
            store_pg.remember(self.url)
            self.path = store_pg.PgTarget(self)
            self.migrations = dict(MIGRATIONS if migrations is None else migrations)
            self.schema_version = 1 + len(self.migrations)
            self.lock_wait = LOCK_WAIT_SECONDS if lock_wait is None else lock_wait
            self._checked = False

        def query(self, sql: str, params: list | tuple | Mapping | None = None) -> pd.DataFrame:
            with self.connection() as con:
                return con.execute(sql, params or []).df()

        @contextmanager
        def snapshot(self, key: str) -> Iterator[None]:
            """Reads already go to the one in-memory copy store_pg pinned when the run read its data key."""
            yield

    return PgStore


PgStore = _pg_store_class()


def open_or_create(path: str | Path | None = None,
                   fill: Callable[[duckdb.DuckDBPyConnection], None] | None = None) -> Store:
    """The app's entry: open the database, creating it with `fill` (the demo) on a fresh checkout."""
    store = Store(path)
    if isinstance(store, PgStore):
        if not store.path.exists():
            try:
                store.create(fill)
            except StoreError:
                if not store.path.exists():  # another server created it meanwhile: fine
                    raise
        store.data_version()
        return store
    if not store.path.exists():
        with store.write_lock():
            if not store.path.exists():
                store.create(fill)
    with store.connection():
        pass
    return store
