"""Backup and restore: the whole database as one zip (manifest.json plus one Parquet file per table)."""
from __future__ import annotations

import getpass
import hashlib
import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import duckdb

from .store import SCHEMA_VERSION, SECRET_COLUMNS, TABLE_SINCE, TABLES, UPGRADE_ROWS, Store, StoreError

APP = "dk2020dash"
MANIFEST = "manifest.json"
# Tables load in this order so every foreign key finds its parent (store.TABLES is already in that order).
LOAD_ORDER = TABLES
# Columns with an id sequence behind them: restored past the backup's ids so new rows never reuse one.
SEQUENCES = {"edition": "edition_id", "action": "action_id", "action_event": "action_event_id",
             "milestone": "milestone_id", "import_log": "import_log_id", "audit": "audit_id"}
# meta rows that describe the file, not the data: a restore writes its own.
OWN_META = ("schema_version", "data_version")
MAX_UNPACKED_BYTES = 8 * 10**9

BackupFile = str | os.PathLike | bytes | BinaryIO


class BackupError(StoreError):
    """A file that cannot be restored; the message says why, and nothing has been changed. `reason` sorts it for a
    translated message: not_ours, damaged, newer, older, too_big or unreadable; `values` fill that message in."""

    def __init__(self, message: str, reason: str = "unreadable", **values: object):
        super().__init__(message)
        self.reason = reason
        self.values = values


@dataclass(frozen=True)
class Contents:
    """What a backup holds, from its manifest: shown before a restore replaces the database with it."""

    created: datetime | None  # when the backup was made (None if the manifest does not say)
    schema_version: int
    data_version: int
    rows: dict[str, int]  # rows per table, in store.TABLES order


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did: the backup's manifest, rows per table and the new data version."""

    created: str
    backup_data_version: int
    data_version: int
    rows: dict[str, int]


def _member(table: str) -> str:
    return f"tables/{table}.parquet"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _ordered(table: str, secrets: bool = True) -> str:
    if secrets or table not in SECRET_COLUMNS:
        return f'SELECT * FROM "{table}" ORDER BY ALL'  # noqa: S608 - names from store.TABLES
    # The secret columns stay in the file's shape but empty (NULL), so the backup still restores.
    blank = ", ".join(f'CAST(NULL AS VARCHAR) AS "{c}"' for c in SECRET_COLUMNS[table])
    return f'SELECT * REPLACE ({blank}) FROM "{table}" ORDER BY ALL'  # noqa: S608 - fixed names


def tables_in(version: int) -> tuple[str, ...]:
    """The tables a backup of a schema version holds (tables added later are absent from older backups)."""
    return tuple(t for t in TABLES if TABLE_SINCE.get(t, 1) <= version)


def backup(store: Store, file: str | os.PathLike | BinaryIO, *, secrets: bool = True) -> dict:
    """Write the whole database to one zip file (a path or a binary file object); returns the manifest.

    A backup is the whole database, so by default it keeps the argon2 hashes of local accounts (app_user
    .password_hash): a restore must give the accounts back. Keep backup files as safe as the database file.
    With secrets=False (the app's download for anyone but an admin) those columns are written empty and a restore
    of that file leaves local accounts without a password (set one again with `user add ... --password`)."""
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
                    rows = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
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


def _read_bytes(file: BackupFile) -> tuple[bytes, str]:
    if isinstance(file, bytes):
        return file, "backup.zip"
    if hasattr(file, "read"):
        return file.read(), str(getattr(file, "name", "backup.zip"))
    path = Path(file)
    try:
        return path.read_bytes(), path.name
    except FileNotFoundError as exc:
        raise BackupError(f"{path}: filen findes ikke.") from exc
    except OSError as exc:
        raise BackupError(f"{path}: kan ikke læses ({exc.strerror}).") from exc


def read_manifest(data: bytes, name: str = "backup.zip") -> tuple[dict, dict[str, bytes]]:
    """Check that data is a complete, untampered backup from this app that this version can restore;
    returns the manifest and each table's Parquet bytes, or raises BackupError saying what is wrong."""
    not_ours = f"{name}: ikke en backup fra DK2020 Klimaplan-dashboard"
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise BackupError(f"{not_ours} (ikke en zip-fil); intet er ændret.", "not_ours")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if MANIFEST not in names:
                raise BackupError(f"{not_ours} (ingen {MANIFEST}); intet er ændret.", "not_ours")
            try:
                manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise BackupError(f"{not_ours} ({MANIFEST} kan ikke læses); intet er ændret.", "not_ours") from exc
            if not isinstance(manifest, dict) or manifest.get("app") != APP:
                raise BackupError(f"{not_ours} ({MANIFEST} er fra et andet program); intet er ændret.", "not_ours")
            try:
                version = int(manifest["schema_version"])
                int(manifest["data_version"])
                listed = manifest["tables"]
            except (KeyError, TypeError, ValueError) as exc:
                raise BackupError(f"{name}: {MANIFEST} er ufuldstændig; intet er ændret.", "damaged") from exc
            if version > SCHEMA_VERSION:
                raise BackupError(
                    f"{name}: backuppen har skemaversion {version}, men denne version af programmet kender kun op "
                    f"til {SCHEMA_VERSION}. Opdatér programmet; intet er ændret.", "newer", version=version,
                    known=SCHEMA_VERSION)
            if not upgradable(version):
                raise BackupError(
                    f"{name}: backuppen har skemaversion {version}, og denne version af programmet gendanner kun "
                    f"skemaversion {oldest_restorable()} til {SCHEMA_VERSION}; intet er ændret.", "older",
                    version=version)
            declared = sum(i.file_size for i in zf.infolist())
            if declared > MAX_UNPACKED_BYTES:  # a zip bomb, or not a backup of this app's size
                raise BackupError(f"{name}: backuppen fylder {declared / 1e9:.1f} GB udpakket, mere end de "
                                  f"{MAX_UNPACKED_BYTES / 1e9:.0f} GB en backup kan have; intet er ændret.",
                                  "too_big", size=round(declared / 1e9, 1), limit=round(MAX_UNPACKED_BYTES / 1e9))
            if not isinstance(listed, dict):
                raise BackupError(f"{name}: {MANIFEST} er ufuldstændig; intet er ændret.", "damaged")
            held = tables_in(version)
            missing = [t for t in held if t not in listed or _member(t) not in names]
            if missing:
                raise BackupError(f"{name}: backuppen mangler tabellerne {', '.join(missing)}; intet er ændret.",
                                  "damaged")
            parts = {}
            for table in held:
                blob = zf.read(_member(table))
                entry = listed[table]
                if not isinstance(entry, dict) or not isinstance(entry.get("rows"), int):
                    raise BackupError(f"{name}: {MANIFEST} er ufuldstændig ({table}); intet er ændret.", "damaged")
                if _sha256(blob) != entry.get("sha256"):
                    raise BackupError(
                        f"{name}: tabellen {table} stemmer ikke med sin kontrolsum (filen er ændret eller "
                        "beskadiget); intet er ændret.", "damaged")
                parts[table] = blob
    except zipfile.BadZipFile as exc:
        raise BackupError(f"{name}: zip-filen er beskadiget ({exc}); intet er ændret.", "damaged") from exc
    return manifest, parts


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
    """What a checked backup holds (read_manifest or check gives the manifest)."""
    try:
        created = datetime.fromisoformat(str(manifest.get("created")))
    except ValueError:
        created = None
    return Contents(created=created, schema_version=int(manifest["schema_version"]),
                    data_version=int(manifest["data_version"]),
                    rows={t: int(manifest["tables"][t]["rows"]) if t in manifest["tables"] else 0 for t in TABLES})


def check(file: BackupFile) -> dict:
    """The manifest of a backup file that restore would accept; BackupError saying why otherwise."""
    data, name = _read_bytes(file)
    return read_manifest(data, name)[0]


def restore(store_or_path: Store | str | os.PathLike, file: BackupFile, *, who: str | None = None) -> RestoreReport:
    """Replace the database with a backup: the file is checked whole first, the new database is built
    beside the old one and swapped in only when complete, and nothing changes if anything fails."""
    store = store_or_path if isinstance(store_or_path, Store) else Store(store_or_path)
    who = who or _user()
    data, name = _read_bytes(file)
    manifest, parts = read_manifest(data, name)
    current = _current_data_version(store)
    new_version = max(current, int(manifest["data_version"])) + 1
    rows: dict[str, int] = {}

    with tempfile.TemporaryDirectory(prefix="dk2020-restore-") as tmp:
        paths = {}
        for table, blob in parts.items():
            paths[table] = Path(tmp) / f"{table}.parquet"
            paths[table].write_bytes(blob)

        def fill(con: duckdb.DuckDBPyConnection) -> None:
            # The fresh file holds the shipped sectors and municipalities; the backup's own replace them.
            for table in reversed(LOAD_ORDER):
                con.execute(f'DELETE FROM "{table}"')  # noqa: S608 - names from store.TABLES
            for table in LOAD_ORDER:
                if table not in paths:  # added after the backup's version: stays empty
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
                raise BackupError(f"{name}: antal rækker stemmer ikke med manifestet ({wrong}); intet er ændret.",
                                  "damaged")
            for version in range(int(manifest["schema_version"]) + 1, SCHEMA_VERSION + 1):
                con.execute(UPGRADE_ROWS[version])  # a backup from an older version: as if migrated
            con.execute("INSERT INTO meta VALUES ('schema_version', ?), ('data_version', ?)",
                        [str(SCHEMA_VERSION), str(new_version)])
            _advance_sequences(con, manifest.get("sequences") or {})
            con.execute(
                "INSERT INTO import_log (who, kind, file_name, sha256, rows, outcome, message) "
                "VALUES (?, 'restore', ?, ?, ?, 'restored', ?)",
                [who, name, _sha256(data), sum(rows.values()),
                 f"Gendannet fra backup lavet {manifest.get('created', '?')} (dataversion {manifest['data_version']})"],
            )

        try:
            store.create(fill, force=True)
        except duckdb.Error as exc:
            raise BackupError(f"{name}: backuppen kan ikke indlæses ({str(exc).splitlines()[0]}); intet er ændret.",
                              "damaged") from exc
    return RestoreReport(created=str(manifest.get("created", "")), backup_data_version=int(manifest["data_version"]),
                         data_version=new_version, rows={t: n for t, n in rows.items()})


def _advance_sequences(con: duckdb.DuckDBPyConnection, recorded: dict) -> None:
    """Move each id sequence past both the backup's largest id and where its sequence stood, so no id
    (not even of a row deleted before the backup) is handed out twice."""
    for table, sequence in SEQUENCES.items():
        largest = con.execute(f'SELECT coalesce(max(id), 0) FROM "{table}"').fetchone()[0]  # noqa: S608
        target = max(int(largest), int(recorded.get(sequence, 0) or 0))
        if target > 0:
            # DuckDB cannot reset a sequence a column default depends on; drawing it forward is the way.
            con.execute(f"SELECT max(nextval('{sequence}')) FROM range(?)", [target])  # noqa: S608 - fixed names


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers
        return "ukendt"


def _current_data_version(store: Store) -> int:
    """The data version of the database about to be replaced (0 when there is none yet)."""
    if not store.path.exists():
        return 0
    return store.data_version()


def describe(store: Store) -> str:
    """One line on what a database holds, for 'restore' to say what it replaces."""
    counts = store.table_counts()
    main = ", ".join(f"{t} {counts[t]}" for t in ("emission", "plan", "action", "milestone"))
    return f"dataversion {store.data_version()}; rækker: {main}"
