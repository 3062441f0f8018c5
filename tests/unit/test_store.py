"""The store: schema, versions, migrations, atomic writes, bad files, locks and many threads."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dk2020dash import domain
from dk2020dash.db.migrations import (
    ADAPTATION_VERSION,
    MIGRATIONS,
    SCHEMA_VERSION,
    TABLES,
    THROTTLE_VERSION,
    TRAIL_VERSION,
)
from dk2020dash.db.store import Store
from dk2020dash.errors import StoreError, StoreLocked
from tests.support import ROOT


def test_new_store_has_every_table_reference_rows_and_versions(empty_store: Store) -> None:
    counts = empty_store.table_counts()
    assert set(counts) == set(TABLES)
    assert counts["municipality"] == 98
    assert counts["sector"] == len(domain.SECTORS)
    meta = dict(empty_store.query("SELECT key, value FROM meta").itertuples(index=False))
    db_id = meta.pop("db_id")
    assert meta == {"schema_version": str(SCHEMA_VERSION), "data_version": "1"}
    assert len(db_id) == 32 and int(db_id, 16) >= 0


def test_every_write_bumps_the_data_version(empty_store: Store) -> None:
    before = empty_store.data_version()
    with empty_store.transaction() as con:
        con.execute("UPDATE municipality SET population = 1000 WHERE code = 101")
    assert empty_store.data_version() == before + 1


def test_a_failed_write_leaves_nothing_behind(empty_store: Store) -> None:
    before = empty_store.data_version()
    with pytest.raises(duckdb.ConstraintException):
        with empty_store.transaction() as con:
            con.execute("INSERT INTO edition (name, source) VALUES ('x', 'test')")
            con.execute("INSERT INTO emission VALUES (101, 1989, 'el', 1, 5.0, false)")  # year out of range
    assert empty_store.table_counts()["edition"] == 0
    assert empty_store.data_version() == before


@pytest.mark.parametrize("status", domain.ACTION_STATUSES)
def test_schema_accepts_every_status_of_the_domain(empty_store: Store, status: str) -> None:
    with empty_store.transaction() as con:
        con.execute("INSERT INTO action (municipality, title, status, last_updated) "
                    "VALUES (101, 'x', ?, DATE '2025-01-01')", [status])


@pytest.mark.parametrize("kind", domain.MILESTONE_KINDS)
def test_schema_accepts_every_milestone_kind_of_the_domain(empty_store: Store, kind: str) -> None:
    with empty_store.transaction() as con:
        con.execute("INSERT INTO milestone (municipality, kind, due) VALUES (101, ?, DATE '2025-01-01')", [kind])


def test_schema_accepts_every_hazard_level_and_protection_kind_of_the_domain(empty_store: Store) -> None:
    with empty_store.transaction() as con:
        con.execute("INSERT INTO action (id, municipality, title, kind, status, last_updated) "
                    "VALUES (1, 101, 'x', 'adaptation', 'planned', DATE '2025-01-01')")
        for i, hazard in enumerate(domain.HAZARD_CODES):
            level = domain.RISK_LEVELS[i % len(domain.RISK_LEVELS)]
            con.execute("INSERT INTO risk (municipality, hazard, level, assessed_year) VALUES (101, ?, ?, 2023)",
                        [hazard, level])
            con.execute("INSERT INTO action_hazard VALUES (1, ?)", [hazard])
        for kind in domain.PROTECTION_KINDS:
            con.execute("INSERT INTO action_protection VALUES (1, ?, 100)", [kind])
    assert set(empty_store.query("SELECT level FROM risk")["level"]) == set(domain.RISK_LEVELS)


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO risk (municipality, hazard, level, assessed_year) VALUES (101, 'tsunami', 'lav', 2023)",
        "INSERT INTO risk (municipality, hazard, level, assessed_year) VALUES (101, 'skybrud', 'extreme', 2023)",
        "INSERT INTO risk (municipality, hazard, level, assessed_year) VALUES (101, 'skybrud', 'lav', 1800)",
        "INSERT INTO action (municipality, title, status, last_updated) VALUES (101, 'x', 'done', DATE '2025-01-01')",
        "INSERT INTO milestone (municipality, kind, due) VALUES (101, 'party', DATE '2025-01-01')",
        "INSERT INTO scenario VALUES (101, 'wishful', 2030, 1.0)",
        "INSERT INTO scenario VALUES (101, 'bau', 2101, 1.0)",
        "INSERT INTO plan (municipality, baseline_year, net_zero_year) VALUES (999, 1990, 2050)",
        "INSERT INTO plan (municipality, baseline_year, net_zero_year) VALUES (101, 1990, 1980)",
    ],
)
def test_schema_refuses_values_outside_the_domain(empty_store: Store, sql: str) -> None:
    with pytest.raises(duckdb.Error):
        with empty_store.transaction() as con:
            con.execute(sql)


def test_unknown_sector_is_refused(empty_store: Store) -> None:
    with pytest.raises(duckdb.ConstraintException):
        with empty_store.transaction() as con:
            con.execute("INSERT INTO edition (id, name, source) VALUES (1, 'x', 'test')")
            con.execute("INSERT INTO emission VALUES (101, 2020, 'kul', 1, 5.0, false)")


def test_older_file_is_migrated_in_order(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    Store(path, migrations={}).create()  # labelled version 1
    with Store(path, migrations={}).transaction() as con:
        con.execute("INSERT INTO edition (name, source) VALUES ('gammel', 'test')")
    migrations = {
        2: "ALTER TABLE edition ADD COLUMN note VARCHAR",
        3: "UPDATE edition SET note = 'set by 3 after 2 added the column'",
    }
    newer = Store(path, migrations=migrations)
    assert newer.query("SELECT name, note FROM edition").values.tolist() == [["gammel", "set by 3 after 2 added the column"]]
    assert newer.query("SELECT value FROM meta WHERE key = 'schema_version'").iloc[0, 0] == "3"


def test_file_from_a_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    Store(path, migrations={**MIGRATIONS, SCHEMA_VERSION + 1: "SELECT 1"}).create()
    before = path.read_bytes()
    with pytest.raises(StoreError, match=f"skemaversion {SCHEMA_VERSION + 1}"):
        Store(path).data_version()
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_and_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("Mødereferat, ikke en database\n", encoding="utf-8")
    with pytest.raises(StoreError, match="ikke en DuckDB-database"):
        Store(path).data_version()
    with pytest.raises(StoreError):
        Store(path).create(force=True)
    assert path.read_text(encoding="utf-8") == "Mødereferat, ikke en database\n"


def test_a_duckdb_file_from_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="ikke fra dette program"):
        Store(path).data_version()


def test_existing_database_is_not_overwritten_without_force(empty_store: Store) -> None:
    with empty_store.transaction() as con:
        con.execute("INSERT INTO edition (name, source) VALUES ('behold', 'test')")
    with pytest.raises(StoreError, match="--force"):
        empty_store.create()
    assert empty_store.table_counts()["edition"] == 1
    empty_store.create(force=True)
    assert empty_store.table_counts()["edition"] == 0


def test_a_place_where_no_database_can_be_made_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="a-file"):
        Store(blocker / "sub" / "db.duckdb").create()


def test_a_failed_fill_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "db.duckdb"

    def broken(con: duckdb.DuckDBPyConnection) -> None:
        con.execute("INSERT INTO edition (name, source) VALUES ('x', 'y')")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        Store(path).create(broken)
    # Only the (empty) writers' lock file stays; no database, temporary file or write-ahead log.
    assert [p.name for p in tmp_path.iterdir()] == ["db.duckdb.lock"]
    assert (tmp_path / "db.duckdb.lock").stat().st_size == 0


def test_a_database_held_by_another_process_gives_a_clear_error(empty_store: Store) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(30)",
         str(empty_store.path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreLocked, match="andet program"):
            Store(empty_store.path, lock_wait=0.3).data_version()
    finally:
        holder.kill()
        holder.wait()
    assert Store(empty_store.path).data_version() == 1


def test_many_readers_while_one_thread_writes(empty_store: Store) -> None:
    errors: list[BaseException] = []
    seen: list[int] = []
    stop = threading.Event()

    def read() -> None:
        try:
            while not stop.is_set():
                n = int(empty_store.query("SELECT count(*) FROM municipality").iloc[0, 0])
                seen.append(n)
                empty_store.data_version()
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    def write() -> None:
        try:
            for i in range(20):
                with empty_store.transaction() as con:
                    con.execute("UPDATE municipality SET population = ? WHERE code = 101", [1000 + i])
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(8)]
    writer = threading.Thread(target=write)
    for th in readers:
        th.start()
    writer.start()
    writer.join()
    stop.set()
    for th in readers:
        th.join()
    assert errors == []
    assert seen and set(seen) == {98}
    assert empty_store.data_version() == 21
    assert empty_store.query("SELECT population FROM municipality WHERE code = 101").iloc[0, 0] == 1019


# -- version 1 files (before scenario.is_demo) ----------------------------------------------------------

V1_SCENARIO = """
    CREATE TEMP TABLE scenario_v2 AS SELECT municipality, kind, year, tco2e FROM scenario;
    DROP TABLE scenario;
    CREATE TABLE scenario (
        municipality INTEGER NOT NULL REFERENCES municipality (code),
        kind         VARCHAR NOT NULL CHECK (kind IN ('bau', 'plan')),
        year         INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        tco2e        DOUBLE NOT NULL CHECK (isfinite(tco2e)),
        PRIMARY KEY (municipality, kind, year)
    );
    INSERT INTO scenario SELECT * FROM scenario_v2;
    DROP TABLE audit;
    DROP SEQUENCE audit_id;
    DROP TABLE app_user_scope;
    DROP TABLE app_user;
    UPDATE meta SET value = '1' WHERE key = 'schema_version';
"""


# What THROTTLE_VERSION added: the sign-in attempts.
BEFORE_THROTTLE = f"""
    DROP TABLE signin_attempt;
    UPDATE meta SET value = '{THROTTLE_VERSION - 1}' WHERE key = 'schema_version';
"""  # noqa: S608 - fixed SQL fragments


def make_before_throttle(path: Path) -> None:
    """Turn a file of this version into what the version before THROTTLE_VERSION wrote: no signin_attempt (and
    what came after it undone first)."""
    make_v4(path)
    con = duckdb.connect(str(path))
    try:
        con.execute(BEFORE_THROTTLE)
        con.execute("CHECKPOINT")
    finally:
        con.close()


# What TRAIL_VERSION changed: action_event.changed_on was a DATE, edition had no withdrawn_at (emission rebuilt with
# edition, its foreign key's parent). The tables as the version before wrote them.
BEFORE_TRAIL = f"""
    CREATE TEMP TABLE em AS SELECT * FROM emission;
    CREATE TEMP TABLE ed AS SELECT * EXCLUDE (withdrawn_at) FROM edition;
    CREATE TEMP TABLE ae AS SELECT * REPLACE (CAST(changed_on AS DATE) AS changed_on) FROM action_event;
    DROP TABLE emission;
    DROP TABLE edition;
    DROP TABLE action_event;
    CREATE TABLE edition (
        id          INTEGER PRIMARY KEY DEFAULT nextval('edition_id'),
        name        VARCHAR NOT NULL UNIQUE,
        source      VARCHAR NOT NULL,
        published   DATE,
        is_demo     BOOLEAN NOT NULL DEFAULT false,
        created_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
    CREATE TABLE emission (
        municipality INTEGER NOT NULL REFERENCES municipality (code),
        year         INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        sector       VARCHAR NOT NULL REFERENCES sector (code),
        edition      INTEGER NOT NULL REFERENCES edition (id),
        tco2e        DOUBLE NOT NULL CHECK (isfinite(tco2e)),
        estimated    BOOLEAN NOT NULL DEFAULT false,
        PRIMARY KEY (municipality, year, sector, edition)
    );
    CREATE TABLE action_event (
        id          INTEGER PRIMARY KEY DEFAULT nextval('action_event_id'),
        action_id   INTEGER NOT NULL REFERENCES action (id),
        changed_on  DATE NOT NULL,
        who         VARCHAR NOT NULL,
        old_status  VARCHAR CHECK (old_status IN ('planned', 'in_progress', 'completed', 'delayed', 'paused', 'cancelled')),
        new_status  VARCHAR NOT NULL
            CHECK (new_status IN ('planned', 'in_progress', 'completed', 'delayed', 'paused', 'cancelled')),
        note        VARCHAR
    );
    INSERT INTO edition SELECT * FROM ed;
    INSERT INTO emission SELECT * FROM em;
    INSERT INTO action_event SELECT * FROM ae;
    UPDATE meta SET value = '{TRAIL_VERSION - 1}' WHERE key = 'schema_version';
"""  # noqa: S608 - fixed SQL fragments


def make_v4(path: Path) -> None:
    """Turn a file of this version into what the version before TRAIL_VERSION wrote (version 6 today; the name is older)."""
    con = duckdb.connect(str(path))
    try:
        con.execute(BEFORE_TRAIL)
        con.execute("CHECKPOINT")
    finally:
        con.close()


# What ADAPTATION_VERSION added: the climate adaptation tables (children first).
BEFORE_ADAPTATION = f"""
    DROP TABLE action_protection;
    DROP TABLE action_hazard;
    DROP TABLE risk;
    UPDATE meta SET value = '{ADAPTATION_VERSION - 1}' WHERE key = 'schema_version';
"""  # noqa: S608 - fixed SQL fragments


def make_v2(path: Path) -> None:
    """Turn a file of this version into what the version before ADAPTATION_VERSION wrote: no climate adaptation
    tables (version 3 today; the name is older)."""
    make_before_throttle(path)
    con = duckdb.connect(str(path))
    try:
        con.execute(BEFORE_ADAPTATION)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def make_v1(path: Path) -> None:
    """Turn a file of this version into what version 1 wrote: scenario without is_demo, none of version 3's tables
    (app_user, app_user_scope, audit) nor the adaptation tables, schema version 1."""
    make_v2(path)
    con = duckdb.connect(str(path))
    try:
        con.execute(V1_SCENARIO)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def schema_of(path: Path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT table_name, sql FROM duckdb_tables() ORDER BY table_name").fetchall()
    finally:
        con.close()


def test_a_version_1_demo_file_is_migrated_on_open_and_its_scenarios_are_demo(demo_db: Path, tmp_path: Path) -> None:
    from dk2020dash import queries

    path = tmp_path / "v1.duckdb"
    shutil.copy(demo_db, path)
    make_v1(path)
    old = Store(path, migrations={})  # what version 1 saw
    rows = old.query("SELECT * FROM scenario ORDER BY ALL")
    version = old.data_version()

    store = Store(path)
    assert store.query("SELECT value FROM meta WHERE key = 'schema_version'").iloc[0, 0] == str(SCHEMA_VERSION)
    migrated = store.query("SELECT * FROM scenario ORDER BY ALL")
    pd.testing.assert_frame_equal(migrated.drop(columns="is_demo"), rows)
    assert migrated["is_demo"].all() and len(migrated) > 0
    assert "scenarios" in queries.demo_kinds(store)
    assert store.data_version() == version  # a migration is not a change of data
    assert schema_of(path) == schema_of(demo_db)  # as schema.sql makes it


def test_a_version_1_file_with_imported_scenarios_keeps_them_real(demo_db: Path, tmp_path: Path) -> None:
    from dk2020dash.ingest import run_import

    path = tmp_path / "v1.duckdb"
    shutil.copy(demo_db, path)
    assert run_import(Store(path), "scenarios", b"kommune;scenarie;aar;ton\n101;bau;2030;900\n", "s.csv").written
    make_v1(path)
    store = Store(path)
    assert store.query("SELECT municipality, is_demo FROM scenario").values.tolist() == [[101, False]]


def test_scenarios_of_a_version_1_file_without_the_demo_are_real(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    Store(path).create()
    with Store(path).transaction() as con:
        con.execute("INSERT INTO scenario (municipality, kind, year, tco2e) VALUES (101, 'bau', 2030, 1.0)")
    make_v1(path)
    assert Store(path).query("SELECT is_demo FROM scenario").values.tolist() == [[False]]


DIE_AFTER_MIGRATION = """
import os, sys, duckdb
from dk2020dash.db.migrations import MIGRATIONS
con = duckdb.connect(sys.argv[1])
con.execute("BEGIN TRANSACTION")
con.execute(MIGRATIONS[2])
con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
con.execute("COMMIT")
os._exit(3)  # before any checkpoint: the migration is only in the write-ahead log
"""


def test_a_process_that_dies_right_after_the_migration_leaves_a_file_that_opens(demo_db: Path, tmp_path: Path) -> None:
    """DuckDB 1.5 cannot replay some DDL from its write-ahead log (an ALTER TABLE, for one); the migration must
    not be such DDL, or a crash before the next checkpoint would leave a file that never opens again."""
    path = tmp_path / "v1.duckdb"
    shutil.copy(demo_db, path)
    make_v1(path)
    root = ROOT
    child = subprocess.run([sys.executable, "-c", DIE_AFTER_MIGRATION, str(path)], cwd=root, capture_output=True,
                           text=True, timeout=120)
    assert child.returncode == 3, child.stderr
    assert Path(str(path) + ".wal").exists()
    store = Store(path)
    assert store.query("SELECT bool_and(is_demo) FROM scenario").iloc[0, 0]
    assert schema_of(path) == schema_of(demo_db)


# -- the cache key never repeats for different contents (issue 9 item 6) ----------------------------------------------

def test_the_data_key_changes_when_init_force_starts_the_version_over(empty_store: Store) -> None:
    first = empty_store.data_key()
    assert first.endswith(":1")
    with empty_store.transaction() as con:
        con.execute("INSERT INTO edition (name, source) VALUES ('x', 'test')")
    assert empty_store.data_key() != first and empty_store.data_key().endswith(":2")
    empty_store.create(force=True)  # init --force: the data version starts over at 1, the contents differ
    assert empty_store.data_version() == 1
    assert empty_store.data_key() != first
    assert Store(empty_store.path).data_key() == empty_store.data_key()  # the same file, the same key


def test_a_file_made_before_database_ids_gets_one_when_opened(empty_store: Store) -> None:
    con = duckdb.connect(str(empty_store.path))
    con.execute("DELETE FROM meta WHERE key = 'db_id'")
    con.close()
    key = Store(empty_store.path).data_key()
    db_id, version = key.split(":")
    assert len(db_id) == 32 and version == "1"
    assert Store(empty_store.path).data_key() == key  # stored, not made up on each read


def _age(path: Path, seconds: float = 60) -> None:
    """Move the file's modification time back, as for a database last written a while ago."""
    then = time.time() - seconds
    os.utime(path, (then, then))


BUMP_IN_ANOTHER_PROCESS = """
import sys
from dk2020dash.db.store import Store
with Store(sys.argv[1]).transaction():
    pass
"""


def test_an_unchanged_file_gives_its_data_key_without_being_opened(empty_store: Store) -> None:
    """Every page run asks for the data key (issue 14): while the file is unchanged it is not opened again, so a
    run does not pay for opening it, nor wait while another process holds it (pages keep serving cached data)."""
    _age(empty_store.path)
    key = empty_store.data_key()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); print('held', flush=True); "
         "time.sleep(30)", str(empty_store.path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert Store(empty_store.path, lock_wait=0.3).data_key() == key
        with pytest.raises(StoreLocked):  # the file itself is held: only the data key came without opening it
            Store(empty_store.path, lock_wait=0.3).data_version()
    finally:
        holder.kill()
        holder.wait()


def test_the_data_key_follows_writes_of_another_process_and_of_this_one(empty_store: Store) -> None:
    root = ROOT
    _age(empty_store.path)
    first = empty_store.data_key()
    assert empty_store.data_key() == first  # unchanged: served again
    subprocess.run([sys.executable, "-c", BUMP_IN_ANOTHER_PROCESS, str(empty_store.path)], cwd=root, check=True)
    second = empty_store.data_key()
    assert second != first and second.endswith(":2")
    _age(empty_store.path)  # even with the old modification time the size, inode or change time moved
    subprocess.run([sys.executable, "-c", BUMP_IN_ANOTHER_PROCESS, str(empty_store.path)], cwd=root, check=True)
    _age(empty_store.path)
    assert empty_store.data_key().endswith(":3")
    _age(empty_store.path)
    assert empty_store.data_key().endswith(":3")
    with empty_store.transaction():  # this process's write, within the same clock tick
        pass
    assert empty_store.data_key().endswith(":4")
    _age(empty_store.path)
    assert empty_store.data_key().endswith(":4")
    replaced = Store(empty_store.path)
    replaced.create(force=True)  # init --force: a new file, the version back at 1
    _age(empty_store.path)
    assert empty_store.data_key().endswith(":1") and not empty_store.data_key().startswith(first.split(":")[0])


# -- the writers' lock across processes (issue 9 item 8) ----------------------------------------------------------

HOLD_WRITE_LOCK = """
import sys, time
from dk2020dash.db.store import Store
with Store(sys.argv[1]).write_lock():
    print('held', flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_writer_of_another_process_makes_a_write_wait_or_refuse_clearly(empty_store: Store) -> None:
    root = ROOT
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITE_LOCK, str(empty_store.path), "2"],
                              stdout=subprocess.PIPE, text=True, cwd=root)
    try:
        assert holder.stdout.readline().strip() == "held"
        held_at = time.monotonic()
        from dk2020dash.errors import StoreBusy

        with (pytest.raises(StoreBusy, match="en anden skriver"),  # a short wait: refused, nothing written
              Store(empty_store.path, lock_wait=0.3).transaction() as con):
            con.execute("INSERT INTO edition (name, source) VALUES ('for tidligt', 'test')")
        with pytest.raises(StoreBusy):
            Store(empty_store.path, lock_wait=0.3).create(force=True)
        with Store(empty_store.path, lock_wait=30).transaction() as con:  # a long wait: it waits for the other
            con.execute("INSERT INTO edition (name, source) VALUES ('efter', 'test')")
        assert time.monotonic() - held_at > 1.5  # it went in only once the other process let go (after 2 s)
    finally:
        holder.kill()
        holder.wait()
    assert empty_store.query("SELECT name FROM edition")["name"].tolist() == ["efter"]


def test_the_write_lock_is_reentrant_and_released(empty_store: Store) -> None:
    with empty_store.write_lock(), empty_store.transaction() as con:  # a restore holds it around create()
        con.execute("INSERT INTO edition (name, source) VALUES ('a', 'test')")
    done = []
    thread = threading.Thread(target=lambda: done.append(Store(empty_store.path, lock_wait=1).data_key()))
    with Store(empty_store.path, lock_wait=1).transaction() as con:
        con.execute("INSERT INTO edition (name, source) VALUES ('b', 'test')")
    thread.start()
    thread.join()
    assert done and empty_store.table_counts()["edition"] == 2


# The app in another process: a session reads the file while another session's write waits for the writers' lock.
APP_READS_THEN_WRITES = """
import sys, threading, time
from dk2020dash.db.store import Store
from dk2020dash.errors import StoreError
store = Store(sys.argv[1], lock_wait=60)
def write():
    try:
        with store.transaction() as con:
            con.execute("INSERT INTO edition (name, source) VALUES ('skrevet af appen', 'test')")
        print('written', flush=True)
    except StoreError as exc:
        print('refused', exc, flush=True)
with store.connection() as con:
    con.execute("SELECT count(*) FROM edition").fetchone()
    print('reading', flush=True)
    writer = threading.Thread(target=write)
    writer.start()
    time.sleep(2)
writer.join()
"""


def test_a_file_another_process_is_reading_is_not_swapped_under_it(empty_store: Store,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """init --force (or a restore) while the app in another process has just opened the old file: the swap waits
    for it to let go, so the app's next write goes into the new file instead of the replaced one."""
    from dk2020dash.db import store as store_module

    root = ROOT
    real = store_module.seed_reference
    started: list[subprocess.Popen] = []

    def app_opens_the_old_file_meanwhile(con) -> None:
        app = subprocess.Popen([sys.executable, "-c", APP_READS_THEN_WRITES, str(empty_store.path)],
                               stdout=subprocess.PIPE, text=True, cwd=root)
        started.append(app)
        assert app.stdout.readline().strip() == "reading"
        real(con)

    monkeypatch.setattr(store_module, "seed_reference", app_opens_the_old_file_meanwhile)
    try:
        Store(empty_store.path, lock_wait=30).create(force=True)
        (app,) = started
        said = app.stdout.read()
        assert app.wait(timeout=60) == 0
    finally:
        for app in started:
            app.kill()
            app.wait()
    assert said.startswith(("written", "refused")), said
    names = Store(empty_store.path).query("SELECT name FROM edition")["name"].tolist()
    assert names == (["skrevet af appen"] if said.startswith("written") else [])


# -- version 2 files (before the climate adaptation tables) -------------------------------------------------

def test_a_file_from_before_adaptation_gains_empty_adaptation_tables_and_keeps_its_data(demo_db: Path, tmp_path: Path) -> None:
    from dk2020dash import queries

    path = tmp_path / "v2.duckdb"
    shutil.copy(demo_db, path)
    make_v2(path)
    old = Store(path, migrations={k: v for k, v in MIGRATIONS.items() if k < ADAPTATION_VERSION})  # what it saw
    actions = old.query("SELECT * FROM action ORDER BY id")
    version = old.data_version()
    with pytest.raises(duckdb.CatalogException):
        old.query("SELECT count(*) FROM risk")

    store = Store(path)
    assert store.query("SELECT value FROM meta WHERE key = 'schema_version'").iloc[0, 0] == str(SCHEMA_VERSION)
    pd.testing.assert_frame_equal(store.query("SELECT * FROM action ORDER BY id"), actions)
    for table in ("risk", "action_hazard", "action_protection"):
        assert store.query(f"SELECT count(*) FROM {table}").iloc[0, 0] == 0  # noqa: S608 - fixed names
    assert "risks" not in queries.demo_kinds(store)
    assert store.data_version() == version
    assert schema_of(path) == schema_of(demo_db)  # the migration builds what schema.sql builds


DIE_AFTER_ADAPTATION_MIGRATION = """
import os, sys, duckdb
from dk2020dash.db.migrations import ADAPTATION_VERSION, MIGRATIONS
con = duckdb.connect(sys.argv[1])
con.execute("BEGIN TRANSACTION")
con.execute(MIGRATIONS[ADAPTATION_VERSION])
con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(ADAPTATION_VERSION)])
con.execute("COMMIT")
os._exit(3)  # before any checkpoint: the migration is only in the write-ahead log
"""


def test_a_process_that_dies_right_after_the_adaptation_migration_leaves_a_file_that_opens(demo_db: Path, tmp_path: Path) -> None:
    """Migration 3 only creates tables (with foreign keys to action and municipality); the write-ahead log must
    replay it, so a crash before the next checkpoint leaves a file that opens."""
    path = tmp_path / "v2.duckdb"
    shutil.copy(demo_db, path)
    make_v2(path)
    root = ROOT
    child = subprocess.run([sys.executable, "-c", DIE_AFTER_ADAPTATION_MIGRATION, str(path)], cwd=root, capture_output=True,
                           text=True, timeout=120)
    assert child.returncode == 3, child.stderr
    assert Path(str(path) + ".wal").exists()
    store = Store(path)
    assert store.query("SELECT count(*) FROM risk").iloc[0, 0] == 0
    assert schema_of(path) == schema_of(demo_db)


DIE_AFTER_MIGRATION_3 = """
import os, sys, duckdb
from dk2020dash.db.migrations import MIGRATIONS
con = duckdb.connect(sys.argv[1])
con.execute("BEGIN TRANSACTION")
con.execute(MIGRATIONS[3])
con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
con.execute("INSERT INTO app_user (email, role, granted_by) VALUES ('a@b.dk', 'admin', 'test')")
con.execute("INSERT INTO audit (table_name, row_id, field, new, who) VALUES ('app_user', 'a@b.dk', 'role', 'admin', 'test')")
con.execute("COMMIT")
os._exit(3)  # before any checkpoint: the new tables are only in the write-ahead log
"""


def test_a_process_that_dies_right_after_migration_3_leaves_a_file_that_opens(demo_db: Path, tmp_path: Path) -> None:
    """Version 3 only creates tables and a sequence (app_user, app_user_scope, audit): that must replay from the
    write-ahead log, with the rows written in the same transaction."""
    path = tmp_path / "v2.duckdb"
    shutil.copy(demo_db, path)
    make_v2(path)  # without the adaptation tables of version 4
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE audit; DROP SEQUENCE audit_id; DROP TABLE app_user_scope; DROP TABLE app_user; "
                "UPDATE meta SET value = '2' WHERE key = 'schema_version'; CHECKPOINT")
    con.close()
    root = ROOT
    child = subprocess.run([sys.executable, "-c", DIE_AFTER_MIGRATION_3, str(path)], cwd=root, capture_output=True,
                           text=True, timeout=120)
    assert child.returncode == 3, child.stderr
    assert Path(str(path) + ".wal").exists()
    store = Store(path)  # opens, replays version 3 and migrates on to the newest
    assert store.query("SELECT email FROM app_user").values.tolist() == [["a@b.dk"]]
    assert store.query("SELECT count(*) FROM audit").iloc[0, 0] == 1
    assert schema_of(path) == schema_of(demo_db)


def test_an_open_that_finds_pending_demo_rows_does_not_wait_for_a_writer(demo_copy: Store,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """An import leaves meta 'pending:<kind>' between its two transactions. Another process that opens the file
    then must not wait for the writers' lock with the file open: the import needs the file (DuckDB lets one
    process have it) to run its second transaction, so both would wait until lock_wait ran out and one fail."""
    import fcntl
    import os

    from dk2020dash.db import store as store_module
    from dk2020dash.db.pending import PENDING

    with demo_copy.transaction() as con:
        con.execute("INSERT INTO meta VALUES (?, '1')", [PENDING + "actions"])
    fd = os.open(str(demo_copy.lock_path), os.O_RDWR | os.O_CREAT)  # another writer holds the lock
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        def no_waiting(seconds: float) -> None:
            raise AssertionError(f"the open waited ({seconds} s) for the writers' lock")

        monkeypatch.setattr(store_module.time, "sleep", no_waiting)
        reader = Store(demo_copy.path, lock_wait=3600)
        assert reader.data_version() > 0  # served, the pending step left for later
        assert reader.query("SELECT count(*) FROM meta WHERE starts_with(key, ?)", [PENDING]).iloc[0, 0] == 1
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
        monkeypatch.undo()
    later = Store(demo_copy.path)  # once the lock is free, the next open finishes it
    assert later.query("SELECT count(*) FROM meta WHERE starts_with(key, ?)", [PENDING]).iloc[0, 0] == 0


# -- files from before the sign-in attempts (THROTTLE_VERSION) ------------------------------------------------------
DIE_AFTER_THROTTLE_MIGRATION = """
import os, sys, duckdb
from dk2020dash.db.migrations import MIGRATIONS, THROTTLE_VERSION
con = duckdb.connect(sys.argv[1])
con.execute("BEGIN TRANSACTION")
con.execute(MIGRATIONS[THROTTLE_VERSION])
con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(THROTTLE_VERSION)])
con.execute("INSERT INTO signin_attempt (token, email_key, client_key, tried_at) VALUES ('t', 'e', 'c', 1.0)")
con.execute("COMMIT")
os._exit(3)  # before any checkpoint: the new table is only in the write-ahead log
"""


def test_a_file_from_before_the_throttle_gains_signin_attempt_and_a_crash_right_after_replays(
        demo_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "v4.duckdb"
    shutil.copy(demo_db, path)
    make_before_throttle(path)
    old = Store(path, migrations={k: v for k, v in MIGRATIONS.items() if k < THROTTLE_VERSION})  # what it saw
    version = old.data_version()
    crashed = tmp_path / "crashed.duckdb"
    shutil.copy(path, crashed)
    store = Store(path)
    assert store.query("SELECT count(*) FROM signin_attempt").iloc[0, 0] == 0
    assert store.data_version() == version and schema_of(path) == schema_of(demo_db)
    child = subprocess.run([sys.executable, "-c", DIE_AFTER_THROTTLE_MIGRATION, str(crashed)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == 3, child.stderr
    assert Path(str(crashed) + ".wal").exists()
    assert Store(crashed).query("SELECT count(*) FROM signin_attempt").iloc[0, 0] == 1
    assert schema_of(crashed) == schema_of(demo_db)


# -- version 4 files (action_event by day, editions that cannot be withdrawn) --------------------------------

def test_a_file_from_before_the_trail_keeps_its_history_at_midnight_and_its_editions(demo_db: Path,
                                                                                  tmp_path: Path) -> None:
    path = tmp_path / "v4.duckdb"
    shutil.copy(demo_db, path)
    make_v4(path)
    old = Store(path, migrations={k: v for k, v in MIGRATIONS.items() if k < TRAIL_VERSION})  # what it saw
    events = old.query("SELECT * FROM action_event ORDER BY id")
    editions = old.query("SELECT * FROM edition ORDER BY id")
    emissions = old.query("SELECT * FROM emission ORDER BY ALL")
    version = old.data_version()
    assert len(events) > 0 and str(events["changed_on"].dtype).startswith("datetime64")  # pandas shows a day so

    store = Store(path)
    assert store.query("SELECT value FROM meta WHERE key = 'schema_version'").iloc[0, 0] == str(SCHEMA_VERSION)
    assert schema_of(path) == schema_of(demo_db)  # the migration builds what schema.sql builds
    types = dict(store.query("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'action_event'")
                 .values.tolist())
    assert types["changed_on"] == "TIMESTAMP"
    now = store.query("SELECT * FROM action_event ORDER BY id")
    pd.testing.assert_frame_equal(now.drop(columns="changed_on"), events.drop(columns="changed_on"))
    assert (now["changed_on"] == pd.to_datetime(events["changed_on"])).all()  # each day at midnight
    assert (now["changed_on"] == now["changed_on"].dt.normalize()).all()
    migrated = store.query("SELECT * FROM edition ORDER BY id")
    assert migrated["withdrawn_at"].isna().all()
    pd.testing.assert_frame_equal(migrated.drop(columns="withdrawn_at"), editions)
    pd.testing.assert_frame_equal(store.query("SELECT * FROM emission ORDER BY ALL"), emissions)
    assert store.data_version() == version
    with store.transaction() as con:  # the ids go on where they stood
        con.execute("INSERT INTO action_event (action_id, changed_on, who, new_status) "
                    "SELECT min(id), TIMESTAMP '2026-03-01 14:05:00', 't', 'planned' FROM action")
    assert store.query("SELECT max(id) FROM action_event").iloc[0, 0] == events["id"].max() + 1


DIE_AFTER_TRAIL_MIGRATION = """
import os, sys, duckdb
from dk2020dash.db.migrations import MIGRATIONS, SCHEMA_VERSION, TRAIL_VERSION
from dk2020dash.db.store import run_migrations
con = duckdb.connect(sys.argv[1])
run_migrations(con, MIGRATIONS, TRAIL_VERSION - 1, SCHEMA_VERSION)
os._exit(3)  # before Store._migrate's own CHECKPOINT
"""


def test_a_process_that_dies_right_after_the_trail_migration_leaves_a_file_that_opens(demo_db: Path,
                                                                                     tmp_path: Path) -> None:
    """TRAIL_VERSION drops and rebuilds action_event, edition and emission, whose foreign keys point at tables with
    nextval defaults: DuckDB 1.5 cannot replay that from its write-ahead log ("GetDefaultDatabase with no default
    database set"), so the migration's commit must checkpoint at once (store.run_migrations)."""
    path = tmp_path / "v4.duckdb"
    shutil.copy(demo_db, path)
    make_v4(path)
    events = duckdb.connect(str(path), read_only=True)
    try:
        count = events.execute("SELECT count(*) FROM action_event").fetchone()[0]
    finally:
        events.close()
    child = subprocess.run([sys.executable, "-c", DIE_AFTER_TRAIL_MIGRATION, str(path)], cwd=ROOT, capture_output=True,
                           text=True, timeout=120)
    assert child.returncode == 3, child.stderr
    store = Store(path)
    assert store.query("SELECT count(*) FROM action_event").iloc[0, 0] == count
    assert schema_of(path) == schema_of(demo_db)
