"""Backup and restore: the whole database as one zip (manifest.json plus one Parquet file per table)."""
from __future__ import annotations

import getpass
import hashlib
import io
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePath
from typing import BinaryIO

import duckdb
import pandas as pd

from dk2020dash.db import open_store
from dk2020dash.db.migrations import SCHEMA_VERSION, TABLE_SINCE, TABLES, UPGRADE_ROWS
from dk2020dash.db.store import DB_ID, Store
from dk2020dash.errors import Phrase, StoreDamaged, StoreError
from dk2020dash.exports import trail
from dk2020dash.exports.tables import ACCOUNT_TABLES, SECRET_COLUMNS, account_filter

APP = "dk2020dash"
MANIFEST = "manifest.json"
# Tables load in this order so every foreign key finds its parent (store.TABLES is already in that order).
LOAD_ORDER = TABLES
# Columns with an id sequence behind them: restored past the backup's ids so new rows never reuse one.
SEQUENCES = {"edition": "edition_id", "action": "action_id", "action_event": "action_event_id",
             "milestone": "milestone_id", "import_log": "import_log_id", "audit": "audit_id"}
# meta rows that describe the file, not the data: a restore writes its own (store.create gives a new database id).
OWN_META = ("schema_version", "data_version", DB_ID)
MAX_UNPACKED_BYTES = 8 * 10**9  # never more, whatever the file's size
UNPACK_RATIO = 20  # and at most this many times the zip's size (plus UNPACK_SLACK): Parquet hardly compresses
UNPACK_SLACK = 16 * 2**20
MAX_MANIFEST_BYTES = 2**20
CHUNK = 2**20
MAX_VERSION = 2**62
MAX_TABLE_ROWS = 10**10
SEQUENCE_SLACK = 10**7  # how far past its table's rows a sequence in a manifest may stand (ids of deleted rows)
_SHA256 = re.compile(r"[0-9a-f]{64}")

BackupFile = str | os.PathLike | bytes | BinaryIO


class BackupError(StoreError):
    """A file that cannot be restored; the message (a backup.err.* key) says why, naming the file and what is wrong
    inside it, and nothing has been changed. `reason` sorts it for a page: not_ours, damaged, newer, older, too_big
    or unreadable; a page shows exp.restore.refused with exp.restore.reason.<reason> (`public`), which the same
    values fill in (version, known, limit)."""

    public = "exp.restore.refused"

    def __init__(self, key: str, /, reason: str = "unreadable", **values: object):
        super().__init__(key, **values)
        self.reason = reason

    def public_values(self) -> dict[str, object]:
        file = self.values.get("name") or PurePath(str(self.values.get("path", "backup.zip"))).name
        return {"file": str(file), "reason": Phrase(f"exp.restore.reason.{self.reason}", **self.values)}


@dataclass(frozen=True)
class Contents:
    """What a backup holds, from its manifest: shown before a restore replaces the database with it."""

    created: datetime | None  # when the backup was made (None if the manifest does not say)
    schema_version: int
    data_version: int
    rows: dict[str, int]  # rows per table, in store.TABLES order


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did: the backup's manifest, rows per table and the new data version; where a damaged
    database file it replaced was kept (replace_damaged), else None; where the sound database file it replaced was
    kept (kept_replaced; None on PostgreSQL, or when there was none), and the rows of the replaced database's record
    it carried forward per table (exports.trail)."""

    created: str
    backup_data_version: int
    data_version: int
    rows: dict[str, int]
    kept_damaged: Path | None = None
    kept_replaced: Path | None = None
    carried: dict[str, int] | None = None


def _member(table: str) -> str:
    return f"tables/{table}.parquet"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _ordered(table: str, secrets: bool = True) -> str:
    """The table as a backup holds it. Without secrets (anyone but an admin) the accounts are left out as well: the
    account tables are empty (in their shape, so the backup still restores) and the audit has no rows about them."""
    if secrets or table not in SECRET_COLUMNS:
        return f'SELECT * FROM "{table}"{account_filter(table, secrets)} ORDER BY ALL'  # noqa: S608 - fixed names
    # The secret columns stay in the file's shape but empty (NULL).
    blank = ", ".join(f'CAST(NULL AS VARCHAR) AS "{c}"' for c in SECRET_COLUMNS[table])
    return f'SELECT * REPLACE ({blank}) FROM "{table}"{account_filter(table, secrets)} ORDER BY ALL'  # noqa: S608


def tables_in(version: int) -> tuple[str, ...]:
    """The tables a backup of a schema version holds: a table added later (store.TABLE_SINCE) is not in it, and a
    restore leaves it empty."""
    return tuple(t for t in TABLES if TABLE_SINCE.get(t, 1) <= version)


def backup(store: Store, file: str | os.PathLike | BinaryIO, *, secrets: bool = True) -> dict:
    """Write the whole database to one zip file (a path or a binary file object); returns the manifest.

    A backup is the whole database, so by default it keeps the argon2 hashes of local accounts (app_user
    .password_hash): a restore must give the accounts back. Keep backup files as safe as the database file.
    With secrets=False (the app's download for anyone but an admin) it holds no accounts at all: app_user and
    app_user_scope are empty and the audit has no rows about them ("accounts": false in the manifest); a restore of
    that file keeps the accounts of the database it replaces."""
    with tempfile.TemporaryDirectory(prefix="dk2020-backup-") as tmp:
        tables: dict[str, dict] = {}
        # One read transaction over all tables, so a write in between cannot make them disagree.
        with store.connection() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                versions = dict(con.execute("SELECT key, value FROM meta").fetchall())
                for table in TABLES:
                    path = Path(tmp) / f"{table}.parquet"
                    con.execute(f"COPY ({_ordered(table, secrets)}) TO ? (FORMAT parquet, COMPRESSION zstd)",  # noqa: S608
                                [str(path)])
                    rows = con.execute(f"SELECT count(*) FROM ({_ordered(table, secrets)})").fetchone()[0]  # noqa: S608
                    tables[table] = {"rows": int(rows), "sha256": _sha256(path.read_bytes())}
                sequences = {name: int(last) for name, last in con.execute(
                    "SELECT sequence_name, last_value FROM duckdb_sequences() WHERE last_value IS NOT NULL"
                ).fetchall()}
            finally:
                con.execute("ROLLBACK")
        manifest = {
            "app": APP,
            "schema_version": int(versions["schema_version"]),
            "data_version": int(versions["data_version"]),
            "created": datetime.now().isoformat(timespec="seconds"),
            "tables": tables,
            "sequences": sequences,
            "secrets": secrets,
            "accounts": secrets,
        }
        target = file if hasattr(file, "write") else open(file, "wb")  # noqa: SIM115 - closed below
        try:
            with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as zf:  # Parquet is compressed already
                zf.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
                for table in TABLES:
                    zf.write(Path(tmp) / f"{table}.parquet", arcname=_member(table))
        finally:
            if target is not file:
                target.close()
    return manifest


def backup_bytes(store: Store, *, secrets: bool = True) -> bytes:
    """backup() into memory, for the app's download."""
    buf = io.BytesIO()
    backup(store, buf, secrets=secrets)
    return buf.getvalue()


def backup_name(when: datetime | None = None) -> str:
    return f"dk2020-backup-{(when or datetime.now()).strftime('%Y%m%d-%H%M%S')}.zip"


def _source(file: BackupFile) -> tuple[str | os.PathLike | BinaryIO, str]:
    """What zipfile can open without reading the whole file into memory, and the file's name for messages."""
    if isinstance(file, (bytes, bytearray, memoryview)):
        return io.BytesIO(file), "backup.zip"
    if hasattr(file, "read"):
        return file, PurePath(str(getattr(file, "name", "backup.zip"))).name
    path = Path(file)
    if not path.exists():
        raise BackupError("backup.err.missing", path=path)
    if not os.access(path, os.R_OK) or path.is_dir():
        raise BackupError("backup.err.unreadable_path", path=path)
    return path, path.name


def _file_sha256(source: str | os.PathLike | BinaryIO) -> str:
    """The sha256 of the whole backup file, read in chunks."""
    digest = hashlib.sha256()
    if hasattr(source, "read"):
        source.seek(0)
        while chunk := source.read(CHUNK):
            digest.update(chunk)
        source.seek(0)
    else:
        with open(source, "rb") as f:
            while chunk := f.read(CHUNK):
                digest.update(chunk)
    return digest.hexdigest()


def _size(source: str | os.PathLike | BinaryIO) -> int:
    if hasattr(source, "seek"):
        end = source.seek(0, os.SEEK_END)
        source.seek(0)
        return end
    return Path(source).stat().st_size


def _damaged(name: str, what: str) -> BackupError:
    return BackupError("backup.err.manifest_incomplete", "damaged", name=name, manifest=MANIFEST, what=what)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_fields(manifest: dict, name: str, names: set[str]) -> None:
    """Every field of the manifest has the type and range a backup of this app writes; BackupError otherwise.
    The values drive the restore (row checks, how far id sequences move), so none is trusted unchecked."""
    for key in ("schema_version", "data_version"):
        if not _is_int(manifest.get(key)) or not 0 <= manifest[key] <= MAX_VERSION:
            raise _damaged(name, key)
    created = manifest.get("created")
    if created is not None and (not isinstance(created, str) or len(created) > 64):
        raise _damaged(name, "created")
    listed = manifest.get("tables")
    if not isinstance(listed, dict):
        raise _damaged(name, "tables")
    unknown = sorted(str(t)[:40] for t in listed if t not in TABLES)
    if unknown:
        raise BackupError("backup.err.unknown_tables", "damaged", name=name, manifest=MANIFEST,
                          tables=", ".join(unknown[:5]))
    held = tables_in(manifest["schema_version"])
    missing = [t for t in held if t not in listed or _member(t) not in names]
    if missing:
        raise BackupError("backup.err.missing_tables", "damaged", name=name, tables=", ".join(missing))
    for table in held:
        entry = listed[table]
        if (not isinstance(entry, dict) or not _is_int(entry.get("rows")) or not 0 <= entry["rows"] <= MAX_TABLE_ROWS
                or not isinstance(entry.get("sha256"), str) or not _SHA256.fullmatch(entry["sha256"])):
            raise _damaged(name, table)
    sequences = manifest.get("sequences", {})
    if sequences is None:
        sequences = {}
    if not isinstance(sequences, dict):
        raise _damaged(name, "sequences")
    table_of = {sequence: table for table, sequence in SEQUENCES.items()}
    for sequence, value in sequences.items():
        if sequence not in table_of or table_of[sequence] not in held or not _is_int(value):
            raise _damaged(name, f"sequences: {str(sequence)[:40]}")
        # A sequence stands at most a little past its table's rows (ids of deleted rows); the restore draws it
        # forward one value at a time, so an absurd value would keep it busy for minutes.
        if not 0 <= value <= listed[table_of[sequence]]["rows"] + SEQUENCE_SLACK:
            raise _damaged(name, f"sequences: {sequence} = {value}")


def _read_member(zf: zipfile.ZipFile, member: str, budget: int, sink: BinaryIO | None = None) -> tuple[int, str]:
    """A member's real decompressed size and sha256, read in chunks (written on to sink if given); stops with
    too_big as soon as more than `budget` bytes come out, whatever the zip's header claims."""
    digest, size = hashlib.sha256(), 0
    with zf.open(member) as f:
        while chunk := f.read(CHUNK):
            size += len(chunk)
            if size > budget:
                raise _TooBig
            digest.update(chunk)
            if sink is not None:
                sink.write(chunk)
    return size, digest.hexdigest()


class _TooBig(Exception):
    """A member unpacks past what is left of the budget."""


def verify(file: BackupFile, name: str | None = None, into: str | os.PathLike | None = None) -> dict:
    """Check that a file is a complete, untampered backup from this app that this version can restore and
    return its manifest, or raise BackupError saying what is wrong. The zip is read in chunks and never
    whole: memory stays small for any file, and reading stops once more comes out than a backup of the
    file's size can hold (a zip bomb). With `into`, each table's Parquet file is written there as it is checked."""
    source, default_name = _source(file)
    name = name or default_name
    if hasattr(source, "seek"):
        source.seek(0)
    if not zipfile.is_zipfile(source):
        raise BackupError("backup.err.not_zip", "not_ours", name=name)
    if hasattr(source, "seek"):
        source.seek(0)
    # Parquet is compressed already and backup() stores it as is, so a real backup unpacks to about its own
    # size; the ratio leaves room for a backup someone zipped again.
    budget = min(MAX_UNPACKED_BYTES, UNPACK_RATIO * _size(source) + UNPACK_SLACK)
    too_big = BackupError("backup.err.too_big_mb" if budget >= 1e6 else "backup.err.too_big_bytes", "too_big",
                          name=name, mb=budget / 1e6, size=Phrase("n.bytes", count=budget), limit=max(1, round(budget / 1e6)))
    try:
        with zipfile.ZipFile(source) as zf:
            names = set(zf.namelist())
            if MANIFEST not in names:
                raise BackupError("backup.err.no_manifest", "not_ours", name=name, manifest=MANIFEST)
            raw = io.BytesIO()
            try:
                _read_member(zf, MANIFEST, MAX_MANIFEST_BYTES, raw)
            except _TooBig:
                raise BackupError("backup.err.manifest_too_big", "not_ours", name=name, manifest=MANIFEST) from None
            try:
                manifest = json.loads(raw.getvalue().decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError) as exc:
                raise BackupError("backup.err.manifest_unreadable", "not_ours", name=name,
                                  manifest=MANIFEST) from exc
            if not isinstance(manifest, dict) or manifest.get("app") != APP:
                raise BackupError("backup.err.other_app", "not_ours", name=name, manifest=MANIFEST)
            version = manifest.get("schema_version")
            if not _is_int(version):
                raise _damaged(name, "schema_version")
            if version > SCHEMA_VERSION:
                raise BackupError("backup.err.newer", "newer", name=name, version=version, known=SCHEMA_VERSION)
            if not upgradable(version):
                raise BackupError("backup.err.older", "older", name=name, version=version, oldest=oldest_restorable(),
                                  known=SCHEMA_VERSION)
            _check_fields(manifest, name, names)
            left = budget
            for table in tables_in(version):
                sink = open(Path(into) / f"{table}.parquet", "wb") if into is not None else None  # noqa: SIM115
                try:
                    size, sha = _read_member(zf, _member(table), left, sink)
                except _TooBig:
                    raise too_big from None
                finally:
                    if sink is not None:
                        sink.close()
                left -= size
                if sha != manifest["tables"][table]["sha256"]:
                    raise BackupError("backup.err.checksum", "damaged", name=name, table=table)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise BackupError("backup.err.bad_zip", "damaged", name=name, detail=str(exc)[:100]) from exc
    except OSError as exc:
        raise BackupError("backup.err.unreadable", name=name) from exc
    return manifest


def oldest_restorable() -> int:
    """The oldest schema version whose backups this version restores: every later migration says what it does
    to the rows (store.UPGRADE_ROWS), so loading by column name and then that gives the migrated data."""
    version = SCHEMA_VERSION
    while version - 1 >= 1 and version in UPGRADE_ROWS:
        version -= 1
    return version


def upgradable(version: int) -> bool:
    return oldest_restorable() <= version <= SCHEMA_VERSION


def contents(manifest: dict) -> Contents:
    """What a checked backup holds (verify or check gives the manifest)."""
    try:
        created = datetime.fromisoformat(str(manifest.get("created")))
    except ValueError:
        created = None
    return Contents(created=created, schema_version=int(manifest["schema_version"]),
                    data_version=int(manifest["data_version"]),
                    rows={t: int(manifest["tables"][t]["rows"]) if t in manifest["tables"] else 0 for t in TABLES})


def check(file: BackupFile, name: str | None = None) -> dict:
    """The manifest of a backup file that restore would accept; BackupError saying why otherwise."""
    return verify(file, name)


def restore(store_or_path: Store | str | os.PathLike, file: BackupFile, *, who: str | None = None,
            replace_damaged: bool = False, authorize: Callable | None = None) -> RestoreReport:
    """Replace the database with a backup: the file is checked whole first, the new database is built
    beside the old one and swapped in only when complete, and nothing changes if anything fails.

    Holds the writers' lock from reading the old database to the swap (store.create), so a concurrent import
    either finishes before (and is replaced, as everything is) or waits and writes into the restored file.
    A database file that cannot be opened is refused, unless replace_damaged: then it is kept beside the new one
    (RestoreReport.kept_damaged). Whether the user may restore at all is auth.can_restore's to say; `authorize`
    (auth.admin_guard of the page's user) asks again under the writers' lock, on the roles in the database about to
    be replaced (store.create's guard), and refuses with nothing replaced."""
    store = store_or_path if isinstance(store_or_path, Store) else open_store(store_or_path)
    who = who or _user()
    source, name = _source(file)
    with store.write_lock():
        return _restore_locked(store, source, name, who, replace_damaged, authorize)


def _restore_locked(store: Store, source: BackupFile, name: str, who: str, replace_damaged: bool,
                    authorize: Callable | None = None) -> RestoreReport:
    rows: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="dk2020-restore-") as tmp:
        manifest = verify(source, name, into=tmp)  # checked whole before anything is replaced
        replaced = _replaced(store, replace_damaged)  # None: no database yet, or a damaged one
        current = replaced.data_version if replaced is not None else 0
        new_version = max(current, int(manifest["data_version"])) + 1
        carried: dict[str, int] = {}
        paths = {table: Path(tmp) / f"{table}.parquet" for table in tables_in(int(manifest["schema_version"]))}
        # A backup without accounts (anyone but an admin downloaded it) keeps the accounts of the database it replaces.
        accounts = _current_accounts(store) if manifest.get("accounts") is False else {}

        def fill(con: duckdb.DuckDBPyConnection) -> None:
            # The fresh file holds the shipped sectors and municipalities; the backup's own replace them.
            for table in reversed(LOAD_ORDER):
                con.execute(f'DELETE FROM "{table}"')  # noqa: S608 - names from store.TABLES
            for table in LOAD_ORDER:
                if table not in paths:  # added after the backup's schema version (store.TABLE_SINCE): stays empty
                    rows[table] = 0
                    continue
                if table == "meta":
                    con.execute("INSERT INTO meta BY NAME SELECT * FROM read_parquet(?) WHERE NOT list_contains(?, key)",
                                [str(paths[table]), list(OWN_META)])
                else:
                    con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM read_parquet(?)',  # noqa: S608
                                [str(paths[table])])
                rows[table] = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            rows["meta"] += len(OWN_META)
            wrong = {t: (rows[t], manifest["tables"][t]["rows"]) for t in paths
                     if rows[t] != int(manifest["tables"][t]["rows"])}
            if wrong:
                raise BackupError("backup.err.rows", "damaged", name=name, wrong=str(wrong))
            for version in range(int(manifest["schema_version"]) + 1, SCHEMA_VERSION + 1):
                con.execute(UPGRADE_ROWS[version])  # a backup from an older version: as if migrated
            con.execute("INSERT INTO meta VALUES ('schema_version', ?), ('data_version', ?)",
                        [str(SCHEMA_VERSION), str(new_version)])
            _advance_sequences(con, manifest.get("sequences") or {}, name,
                               floor=replaced.sequences if replaced is not None else None)
            for table, frame in accounts.items():  # a backup without accounts keeps the replaced database's
                con.register("restore_accounts", frame)
                try:
                    con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM restore_accounts')  # noqa: S608
                finally:
                    con.unregister("restore_accounts")
            if replaced is not None:  # the trail since the backup (the audit rows about accounts among it)
                label = f"backup {manifest.get('created', '?')} (dataversion {manifest['data_version']})"
                carried.update(trail.carry_forward(con, replaced, who, label, name))
            con.execute(
                "INSERT INTO import_log (who, kind, file_name, sha256, rows, outcome, message) "
                "VALUES (?, 'restore', ?, ?, ?, 'restored', ?)",
                [who, name, _file_sha256(source), sum(rows.values()),
                 f"Gendannet fra backup lavet {manifest.get('created', '?')} (dataversion {manifest['data_version']})"],
            )

        try:
            kept = store.create(fill, force=True, replace_damaged=replace_damaged, keep_replaced=True,
                                guard=authorize)
        except duckdb.Error as exc:
            raise BackupError("backup.err.cannot_load", "damaged", name=name,
                              detail=str(exc).splitlines()[0]) from exc
    return RestoreReport(created=str(manifest.get("created", "")), backup_data_version=int(manifest["data_version"]),
                         data_version=new_version, rows={t: n for t, n in rows.items()},
                         kept_damaged=kept if replaced is None else None,
                         kept_replaced=kept if replaced is not None else None, carried=carried)


def _advance_sequences(con: duckdb.DuckDBPyConnection, recorded: dict, name: str = "backup.zip",
                       floor: dict[str, int] | None = None) -> None:
    """Move each id sequence past both the backup's largest id and where its sequence stood, so no id
    (not even of a row deleted before the backup) is handed out twice; and past `floor` (where the replaced
    database's sequences stood), so no id of a row the restore removes is handed out again either."""
    for table, sequence in SEQUENCES.items():
        largest, count = con.execute(f'SELECT coalesce(max(id), 0), count(*) FROM "{table}"').fetchone()  # noqa: S608
        target = max(int(largest), int(recorded.get(sequence, 0) or 0))
        if target > int(count) + SEQUENCE_SLACK:  # ids far past the rows: drawing that far would take minutes
            raise BackupError("backup.err.ids", "damaged", name=name, table=table, target=int(target),
                              count=int(count))
        target = max(target, int((floor or {}).get(sequence, 0)))  # our own database's: no bound needed
        if target > 0:
            # DuckDB cannot reset a sequence a column default depends on; drawing it forward is the way.
            con.execute(f"SELECT max(nextval('{sequence}')) FROM range(?)", [target])  # noqa: S608 - fixed names


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers
        return "ukendt"


def _current_accounts(store: Store) -> dict[str, pd.DataFrame]:
    """The accounts of the database about to be replaced (app_user, app_user_scope), or none when there is no
    readable database. The audit rows about them come along with the rest of the trail (exports.trail)."""
    if not store.exists():
        return {}
    try:
        with store.connection() as con:
            return {t: con.execute(f'SELECT * FROM "{t}"').df() for t in ACCOUNT_TABLES}  # noqa: S608 - fixed names
    except StoreDamaged:
        return {}


def _replaced(store: Store, replace_damaged: bool = False) -> trail.Replaced | None:
    """What a restore carries forward of the database about to be replaced (exports.trail; the caller holds the
    writers' lock); None when there is none yet, or it is damaged and replace_damaged."""
    if not store.exists():
        return None
    try:
        return trail.read_replaced(store)
    except (StoreDamaged, duckdb.Error) as exc:
        if not replace_damaged:
            raise exc if isinstance(exc, StoreDamaged) else StoreDamaged("store.err.other", path=store.target,
                                                                          detail=str(exc)) from exc
        return None


def describe(store: Store) -> str:
    """One line on what a database holds, for 'restore' to say what it replaces."""
    counts = store.table_counts()
    main = ", ".join(f"{t} {counts[t]}" for t in ("emission", "plan", "action", "milestone"))
    return f"dataversion {store.data_version()}; rækker: {main}"
