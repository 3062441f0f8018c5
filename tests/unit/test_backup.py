"""Backup and restore: identical tables after a round trip, refusal of anything that is not our backup, CLI."""
from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from dk2020dash.cli import main
from dk2020dash.db.migrations import ADAPTATION_VERSION, SCHEMA_VERSION, TABLES
from dk2020dash.db.store import Store
from dk2020dash.errors import StoreError
from dk2020dash.exports import backup as bk
from tests.support import ROOT


def snapshot(store: Store) -> dict[str, pd.DataFrame]:
    """Every table, fully, in key order."""
    return {t: store.query(f'SELECT * FROM "{t}" ORDER BY ALL') for t in TABLES}  # noqa: S608


def assert_same_tables(before: dict[str, pd.DataFrame], after: dict[str, pd.DataFrame], *, restored: bool) -> None:
    for table in TABLES:
        a, b = before[table], after[table]
        if restored and table == "meta":  # a new database id and data version, so caches never serve the old data
            a, b = (x[~x["key"].isin(["data_version", "db_id"])] for x in (a, b))
            assert before[table].set_index("key").at["db_id", "value"] != after[table].set_index("key").at["db_id", "value"]
        if restored and table in ("import_log", "audit", "action_event"):
            # The restore logs itself, and the replaced database's record since the backup is carried forward
            # (exports.trail; tests/unit/test_restore_trail.py): the backup's rows are there as they were.
            if table == "import_log":
                assert (b["outcome"] == "restored").sum() == (a["outcome"] == "restored").sum() + 1
            b = b[b["id"].isin(a["id"])]
            # The restore row's values can change a column's pandas dtype (all-empty object vs str), not its values.
            a, b = a.astype(object), b.astype(object)
        if restored and table == "action" and len(b):  # versions moved past the replaced database's
            assert (b.set_index("id")["version"] >= a.set_index("id")["version"]).all()
            a, b = a.drop(columns="version"), b.drop(columns="version")
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_exact=True,
                                      obj=table)


def change_data(store: Store, note: str) -> None:
    """Writes that touch several tables, so a backup is not just the demo again."""
    with store.transaction() as con:
        con.execute("UPDATE municipality SET population = population + 1, population_approx = false WHERE code = 101")
        con.execute("INSERT INTO edition (name, source, published) VALUES (?, 'test', DATE '2026-10-01')", [note])
        con.execute("INSERT INTO action (municipality, title, status, last_updated, expected_2030_t) "
                    "VALUES (147, ?, 'planned', DATE '2026-11-01', 1234.5)", [note])
        con.execute("DELETE FROM action_event WHERE id = (SELECT max(id) FROM action_event)")
        con.execute("INSERT INTO import_log (who, kind, file_name, rows, outcome, message) "
                    "VALUES ('test', 'actions', ?, 1, 'imported', 'ok')", [f"{note}.csv"])


def test_restore_gives_back_identical_tables(demo_copy: Store, tmp_path: Path) -> None:
    change_data(demo_copy, "før backup")
    before = snapshot(demo_copy)
    version_at_backup = demo_copy.data_version()
    manifest = bk.backup(demo_copy, tmp_path / "b.zip")
    assert manifest["app"] == "dk2020dash" and manifest["schema_version"] == SCHEMA_VERSION
    assert {t: m["rows"] for t, m in manifest["tables"].items()} == demo_copy.table_counts()

    change_data(demo_copy, "efter backup")
    change_data(demo_copy, "endnu senere")
    current = demo_copy.data_version()
    report = bk.restore(demo_copy, tmp_path / "b.zip", who="tester")

    after = snapshot(demo_copy)
    assert_same_tables(before, after, restored=True)
    assert demo_copy.data_version() == report.data_version == max(current, version_at_backup) + 1
    log = after["import_log"].iloc[-1]
    assert (log["outcome"], log["kind"], log["who"], log["file_name"]) == ("restored", "restore", "tester", "b.zip")
    assert log["sha256"] == hashlib.sha256((tmp_path / "b.zip").read_bytes()).hexdigest()


def test_new_rows_after_a_restore_get_new_ids(demo_copy: Store, tmp_path: Path) -> None:
    change_data(demo_copy, "x")
    largest = demo_copy.query("SELECT max(id) AS m FROM action").iloc[0, 0]
    bk.backup(demo_copy, tmp_path / "b.zip")
    bk.restore(demo_copy, tmp_path / "b.zip")
    with demo_copy.transaction() as con:
        for table in ("edition", "action", "milestone", "import_log"):
            before = con.execute(f"SELECT max(id) FROM {table}").fetchone()[0]  # noqa: S608
            if table == "edition":
                con.execute("INSERT INTO edition (name, source) VALUES ('ny', 'test')")
            elif table == "action":
                con.execute("INSERT INTO action (municipality, title, status, last_updated) "
                            "VALUES (101, 'ny', 'planned', DATE '2026-11-01')")
            elif table == "milestone":
                con.execute("INSERT INTO milestone (municipality, kind, due) VALUES (101, 'status_report', DATE '2027-06-01')")
            else:
                con.execute("INSERT INTO import_log (who, kind, outcome) VALUES ('t', 'plans', 'imported')")
            assert con.execute(f"SELECT max(id) FROM {table}").fetchone()[0] > before  # noqa: S608
    assert demo_copy.query("SELECT max(id) AS m FROM action").iloc[0, 0] > largest


def test_restore_into_a_new_file_and_a_second_round_trip(demo_copy: Store, tmp_path: Path) -> None:
    before = snapshot(demo_copy)
    bk.backup(demo_copy, tmp_path / "one.zip")
    fresh = Store(tmp_path / "new" / "restored.duckdb")
    bk.restore(fresh.path, tmp_path / "one.zip")
    assert_same_tables(before, snapshot(fresh), restored=True)
    # A backup of the restored database restores to the same tables again (the first restore's log row included).
    middle = snapshot(fresh)
    bk.backup(fresh, tmp_path / "two.zip")
    bk.restore(fresh, tmp_path / "two.zip")
    assert_same_tables(middle, snapshot(fresh), restored=True)


def test_backup_to_a_file_object_and_bytes(demo_store: Store, tmp_path: Path) -> None:
    data = bk.backup_bytes(demo_store)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert set(zf.namelist()) == {"manifest.json", *(f"tables/{t}.parquet" for t in TABLES)}
    target = Store(tmp_path / "r.duckdb")
    bk.restore(target, data)
    assert target.table_counts()["emission"] == demo_store.table_counts()["emission"]


# -- refusals: nothing changes ------------------------------------------------------------------------

def zip_bytes(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def rewrite(backup: bytes, change) -> bytes:
    """A copy of a backup with its members passed through change(dict) first."""
    with zipfile.ZipFile(io.BytesIO(backup)) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    change(files)
    return zip_bytes(files)


def set_manifest(files: dict[str, bytes], **values) -> None:
    manifest = json.loads(files["manifest.json"])
    manifest.update(values)
    files["manifest.json"] = json.dumps(manifest).encode()


@pytest.fixture(scope="module")
def good_backup(demo_db: Path) -> bytes:
    return bk.backup_bytes(Store(demo_db))


def tampered_table(files: dict[str, bytes]) -> None:
    data = bytearray(files["tables/emission.parquet"])
    data[len(data) // 2] ^= 0xFF
    files["tables/emission.parquet"] = bytes(data)


def wrong_rows(files: dict[str, bytes]) -> None:
    manifest = json.loads(files["manifest.json"])
    manifest["tables"]["plan"]["rows"] += 1
    files["manifest.json"] = json.dumps(manifest).encode()


def rows_not_numbers(files: dict[str, bytes]) -> None:
    manifest = json.loads(files["manifest.json"])
    manifest["tables"]["plan"]["rows"] = "mange"
    files["manifest.json"] = json.dumps(manifest).encode()


CASES = {
    "garbage": (lambda good: b"\x00\x01\x02 this is no zip", "ikke en zip-fil"),
    "empty": (lambda good: b"", "ikke en zip-fil"),
    "a zip from elsewhere": (lambda good: zip_bytes({"report.docx": b"hello", "data.csv": b"a,b\n1,2\n"}),
                             "ingen manifest.json"),
    "another app's manifest": (lambda good: rewrite(good, lambda f: set_manifest(f, app="other")), "andet program"),
    "unreadable manifest": (lambda good: rewrite(good, lambda f: f.update({"manifest.json": b"{not json"})),
                            "kan ikke læses"),
    "a newer schema": (lambda good: rewrite(good, lambda f: set_manifest(f, schema_version=SCHEMA_VERSION + 1)),
                       "Opdatér programmet"),
    "a schema older than any": (lambda good: rewrite(good, lambda f: set_manifest(f, schema_version=0)),
                                "gendanner kun skemaversion 1"),
    "a tampered table": (lambda good: rewrite(good, tampered_table), "kontrolsum"),
    "a missing table": (lambda good: rewrite(good, lambda f: f.pop("tables/milestone.parquet")), "milestone"),
    "row counts that disagree": (lambda good: rewrite(good, wrong_rows), "antal rækker"),
    "row counts that are not numbers": (lambda good: rewrite(good, rows_not_numbers), "ufuldstændig"),
}
# Why each is refused, for the translated message the Data page shows.
REASONS = {"garbage": "not_ours", "empty": "not_ours", "a zip from elsewhere": "not_ours",
           "another app's manifest": "not_ours", "unreadable manifest": "not_ours", "a newer schema": "newer",
           "a schema older than any": "older", "a tampered table": "damaged", "a missing table": "damaged",
           "row counts that disagree": "damaged", "row counts that are not numbers": "damaged"}


@pytest.mark.parametrize("case", list(CASES))
def test_restore_refuses_what_is_not_our_intact_backup(case: str, good_backup: bytes, demo_copy: Store,
                                                        tmp_path: Path) -> None:
    make, message = CASES[case]
    bad = tmp_path / "bad.zip"
    bad.write_bytes(make(good_backup))
    change_data(demo_copy, "eget arbejde")
    before = snapshot(demo_copy)
    file_before = demo_copy.path.read_bytes()
    with pytest.raises(bk.BackupError, match=message) as err:
        bk.restore(demo_copy, bad)
    assert "intet er ændret" in str(err.value)
    assert err.value.reason == REASONS[case]
    assert demo_copy.path.read_bytes() == file_before
    assert_same_tables(before, snapshot(demo_copy), restored=False)
    assert not list(tmp_path.glob(".*.tmp"))  # nothing left beside the database


def test_restore_refuses_a_backup_too_large_to_unpack(good_backup: bytes, demo_copy: Store, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bk, "MAX_UNPACKED_BYTES", 1000)
    before = demo_copy.path.read_bytes()
    with pytest.raises(bk.BackupError, match="udpakket"):
        bk.restore(demo_copy, good_backup)
    assert demo_copy.path.read_bytes() == before


def test_restore_never_replaces_a_file_that_is_not_our_database(good_backup: bytes, tmp_path: Path) -> None:
    target = tmp_path / "other.duckdb"
    target.write_bytes(b"someone else's file")
    with pytest.raises(StoreError):
        bk.restore(target, good_backup)
    assert target.read_bytes() == b"someone else's file"


def test_a_missing_backup_file_is_a_clear_error(demo_copy: Store, tmp_path: Path) -> None:
    with pytest.raises(bk.BackupError, match="findes ikke"):
        bk.restore(demo_copy, tmp_path / "nowhere.zip")


# -- what a backup holds, and backups from an older version ---------------------------------------------

def test_contents_says_when_the_backup_was_made_and_what_it_holds(demo_store: Store, good_backup: bytes) -> None:
    before = datetime.now()
    held = bk.contents(bk.check(bk.backup_bytes(demo_store)))
    assert list(held.rows) == list(TABLES) and held.rows == demo_store.table_counts()
    assert held.schema_version == SCHEMA_VERSION and held.data_version == demo_store.data_version()
    assert before.replace(microsecond=0) <= held.created <= datetime.now()
    undated = rewrite(good_backup, lambda f: set_manifest(f, created="gammel"))
    assert bk.contents(bk.check(undated)).created is None


ADAPTATION_TABLES = ("risk", "action_hazard", "action_protection")  # added by ADAPTATION_VERSION


def as_version_2(files: dict[str, bytes]) -> None:
    """What the version before ADAPTATION_VERSION wrote (version 2 today): no climate adaptation tables."""
    manifest = json.loads(files["manifest.json"])
    for table in ADAPTATION_TABLES:
        del files[f"tables/{table}.parquet"]
        del manifest["tables"][table]
    manifest["schema_version"] = ADAPTATION_VERSION - 1
    files["manifest.json"] = json.dumps(manifest).encode()


def as_version_1(files: dict[str, bytes]) -> None:
    """What version 1 wrote: scenario without is_demo, schema version 1."""
    import pyarrow.parquet as pq

    as_version_2(files)

    table = pq.read_table(io.BytesIO(files["tables/scenario.parquet"])).drop_columns(["is_demo"])
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    files["tables/scenario.parquet"] = buf.getvalue()
    manifest = json.loads(files["manifest.json"])
    manifest["schema_version"] = 1
    manifest["tables"]["scenario"]["sha256"] = hashlib.sha256(buf.getvalue()).hexdigest()
    files["manifest.json"] = json.dumps(manifest).encode()


def test_a_backup_from_version_1_is_restored_as_if_migrated(good_backup: bytes, demo_copy: Store, tmp_path: Path
                                                            ) -> None:
    from dk2020dash import queries

    old = rewrite(good_backup, as_version_1)
    assert bk.contents(bk.check(old)).schema_version == 1
    target = Store(tmp_path / "fra-v1.duckdb")
    bk.restore(target, old)
    restored, original = snapshot(target), snapshot(demo_copy)
    pd.testing.assert_frame_equal(restored["scenario"], original["scenario"], check_exact=True)
    assert restored["scenario"]["is_demo"].all()
    assert "scenarios" in queries.demo_kinds(target)


def test_a_version_1_backup_with_imported_scenarios_keeps_them_real(demo_copy: Store, tmp_path: Path) -> None:
    from dk2020dash.ingest import run_import

    assert run_import(demo_copy, "scenarios", b"kommune;scenarie;aar;ton\n101;bau;2030;900\n", "s.csv").written
    target = Store(tmp_path / "fra-v1.duckdb")
    bk.restore(target, rewrite(bk.backup_bytes(demo_copy), as_version_1))
    assert target.query("SELECT municipality, is_demo FROM scenario").values.tolist() == [[101, False]]


def test_a_backup_from_version_2_is_restored_with_empty_adaptation_tables(good_backup: bytes, demo_copy: Store,
                                                                          tmp_path: Path) -> None:
    old = rewrite(good_backup, as_version_2)
    held = bk.contents(bk.check(old))
    assert held.schema_version == ADAPTATION_VERSION - 1 and all(held.rows[t] == 0 for t in ADAPTATION_TABLES)
    target = Store(tmp_path / "fra-v2.duckdb")
    report = bk.restore(target, old)
    assert all(report.rows[t] == 0 for t in ADAPTATION_TABLES)
    restored, original = snapshot(target), snapshot(demo_copy)
    for table in ("action", "action_event", "milestone", "emission"):
        pd.testing.assert_frame_equal(restored[table], original[table], check_exact=True, obj=table)
    for table in ADAPTATION_TABLES:
        assert restored[table].empty


def test_backup_and_restore_carry_the_adaptation_tables(demo_copy: Store, tmp_path: Path) -> None:
    with demo_copy.transaction() as con:
        con.execute("UPDATE risk SET note = 'ændret før backup' WHERE municipality = 101 AND hazard = 'skybrud'")
    data = bk.backup_bytes(demo_copy)
    manifest = bk.check(data)
    assert all(manifest["tables"][t]["rows"] > 0 for t in ADAPTATION_TABLES)
    target = Store(tmp_path / "kopi.duckdb")
    bk.restore(target, data)
    for table in ADAPTATION_TABLES:
        pd.testing.assert_frame_equal(snapshot(target)[table], snapshot(demo_copy)[table], check_exact=True)
    assert target.query("SELECT note FROM risk WHERE municipality = 101 AND hazard = 'skybrud'").iloc[0, 0] == \
        "ændret før backup"


def test_a_current_backup_without_the_risk_table_is_refused(good_backup: bytes, demo_copy: Store) -> None:
    def drop_risk(files: dict[str, bytes]) -> None:
        del files["tables/risk.parquet"]

    before = snapshot(demo_copy)
    with pytest.raises(bk.BackupError, match="mangler tabellerne risk"):
        bk.restore(demo_copy, rewrite(good_backup, drop_risk))
    assert_same_tables(before, snapshot(demo_copy), restored=False)


# -- CLI ------------------------------------------------------------------------------------------

def test_cli_backup_and_restore(demo_copy: Store, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db, file = str(demo_copy.path), str(tmp_path / "b.zip")
    assert main(["backup", file, "--db", db]) == 0
    assert "b.zip" in capsys.readouterr().out
    assert main(["backup", file, "--db", db]) == 1  # never overwrites without --force
    assert "--force" in capsys.readouterr().err
    assert main(["backup", file, "--force", "--db", db]) == 0
    capsys.readouterr()

    before = snapshot(demo_copy)
    change_data(demo_copy, "skal væk igen")
    assert main(["restore", file, "--db", db]) == 1  # replacing the database needs --force, and says what it replaces
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--force" in err and "dataversion" in err and db in err
    assert main(["restore", file, "--force", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Erstattede" in out and "dataversion" in out
    assert_same_tables(before, snapshot(demo_copy), restored=True)


def test_cli_restore_into_a_missing_database_needs_no_force(good_backup: bytes, tmp_path: Path) -> None:
    (tmp_path / "b.zip").write_bytes(good_backup)
    assert main(["restore", str(tmp_path / "b.zip"), "--db", str(tmp_path / "x.duckdb")]) == 0
    assert Store(tmp_path / "x.duckdb").table_counts()["emission"] > 0


def test_cli_restore_of_garbage_is_exit_1_with_one_line(demo_copy: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"garbage")
    before = demo_copy.path.read_bytes()
    for force in ([], ["--force"]):
        result = subprocess.run([sys.executable, "-m", "dk2020dash", "restore", str(bad), "--db", str(demo_copy.path),
                                 *force], capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert result.returncode == 1
        assert result.stderr.startswith("fejl:") and result.stderr.count("\n") == 1
        assert "ikke en backup" in result.stderr
    assert demo_copy.path.read_bytes() == before


@pytest.mark.parametrize("args", [["backup"], ["restore"], ["restore", "a.zip", "--bogus"], ["backup", "--db"]])
def test_cli_wrong_usage_exits_2(args: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2


def test_cli_restore_without_force_reports_a_wrong_file_first(demo_copy: Store, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture) -> None:
    assert main(["restore", str(tmp_path / "nowhere.zip"), "--db", str(demo_copy.path)]) == 1
    assert "findes ikke" in capsys.readouterr().err
    (tmp_path / "x.zip").write_bytes(zip_bytes({"a.txt": b"a"}))
    assert main(["restore", str(tmp_path / "x.zip"), "--db", str(demo_copy.path)]) == 1
    assert "ingen manifest.json" in capsys.readouterr().err


def test_restore_waits_for_a_reader_of_the_app_to_finish(demo_copy: Store, good_backup: bytes,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's sessions read through the same open file; a restore swaps the file in once they are done."""
    import threading
    import time

    from dk2020dash.db import store as store_module

    reading, done_waiting = threading.Event(), threading.Event()
    real_sleep = time.sleep

    def reader() -> None:
        with demo_copy.connection():
            reading.set()
            done_waiting.wait(timeout=30)

    def sleep(seconds: float) -> None:  # the restore found the file in use and waits: let the reader finish
        done_waiting.set()
        real_sleep(seconds)

    monkeypatch.setattr(store_module.time, "sleep", sleep)
    change_data(demo_copy, "væk efter gendannelsen")
    thread = threading.Thread(target=reader)
    thread.start()
    reading.wait()
    bk.restore(Store(demo_copy.path), good_backup)
    thread.join()
    assert done_waiting.is_set()  # it did find the reader and wait
    assert demo_copy.query("SELECT count(*) FROM edition WHERE name = 'væk efter gendannelsen'").iloc[0, 0] == 0


# -- a restore and an import at once (issue 9 item 8) ---------------------------------------------------------------

NEW_ACTION = b"kommune;titel;sektor;status\n101;Importeret under gendannelsen;vej;planlagt\n"


def imported_rows(store: Store) -> int:
    return int(store.query("SELECT count(*) FROM action WHERE title = 'Importeret under gendannelsen'").iloc[0, 0])


def test_an_import_during_a_restore_waits_for_it_and_is_kept(demo_copy: Store, good_backup: bytes,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The import starts while the restore builds the new file; it must not report success into the old file that
    the restore then swaps out: it waits and writes into the restored database (or says it failed)."""
    import threading

    from dk2020dash.db import store as store_module
    from dk2020dash.ingest import run_import

    restoring, import_done = threading.Event(), threading.Event()
    real = store_module.seed_reference

    def slow(con):  # while the restore builds the new file: give the import every chance to run now
        restoring.set()
        import_done.wait(timeout=3)
        real(con)

    monkeypatch.setattr(store_module, "seed_reference", slow)
    restore = threading.Thread(target=bk.restore, args=(Store(demo_copy.path), good_backup))
    restore.start()
    assert restoring.wait(timeout=120)
    outcome: list = []

    def do_import() -> None:
        try:
            outcome.append(run_import(Store(demo_copy.path, lock_wait=60), "actions", NEW_ACTION, "a.csv"))
        except StoreError as exc:
            outcome.append(exc)
        import_done.set()

    importer = threading.Thread(target=do_import)
    importer.start()
    restore.join(timeout=120)
    importer.join(timeout=120)
    (result,) = outcome
    assert not isinstance(result, StoreError) and result.written  # with a minute to wait, it waited
    assert imported_rows(demo_copy) == 1  # and its rows are in the restored database
    assert demo_copy.query("SELECT outcome FROM import_log ORDER BY id").iloc[-2:, 0].tolist() == ["restored",
                                                                                                   "imported"]


# The child restores a backup slowly (it waits inside the restore) and says when it has begun.
SLOW_RESTORE = """
import sys, time
from dk2020dash.db import store
from dk2020dash.exports import backup as bk
real = store.seed_reference
def slow(con):  # while the restore builds the new file
    print('restoring', flush=True)
    time.sleep(3)
    real(con)
store.seed_reference = slow
bk.restore(sys.argv[1], sys.argv[2])
print('restored', flush=True)
"""


def test_an_import_in_another_process_during_a_restore_is_kept_or_refused(demo_copy: Store, good_backup: bytes,
                                                                         tmp_path: Path) -> None:
    (tmp_path / "b.zip").write_bytes(good_backup)
    (tmp_path / "a.csv").write_bytes(NEW_ACTION)
    child = subprocess.Popen([sys.executable, "-c", SLOW_RESTORE, str(demo_copy.path), str(tmp_path / "b.zip")],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "restoring", child.stderr.read()
        short = subprocess.run([sys.executable, "-m", "dk2020dash", "import", "actions", str(tmp_path / "a.csv"),
                                "--db", str(demo_copy.path)], cwd=ROOT, capture_output=True, text=True, timeout=120,
                               check=False, env={**os.environ, "DK2020_LOCK_WAIT": "0.5"})
        assert short.returncode == 1 and "en anden skriver" in short.stderr, short  # a clear refusal
        assert "indlæst" not in short.stdout
        waits = subprocess.run([sys.executable, "-m", "dk2020dash", "import", "actions", str(tmp_path / "a.csv"),
                                "--db", str(demo_copy.path)], cwd=ROOT, capture_output=True, text=True, timeout=120,
                               check=False, env={**os.environ, "DK2020_LOCK_WAIT": "60"})
        assert waits.returncode == 0 and "indlæst" in waits.stdout, waits
        assert child.wait(timeout=120) == 0
    finally:
        child.kill()
        child.wait()
    assert imported_rows(Store(demo_copy.path)) == 1  # the import that said "indlæst" is in the restored database


# -- restore over a damaged database (issue 9 item 10) ----------------------------------------------------------

def damage(path: Path, how: str) -> bytes:
    data = path.read_bytes()
    bad = {"random": bytes(range(256)) * 4096, "truncated": data[: len(data) // 2],
           "zeroed": data[:8192] + bytes(len(data) - 8192)}[how]
    path.write_bytes(bad)
    return bad


@pytest.mark.parametrize("how", ["random", "truncated", "zeroed"])
def test_cli_restore_force_replaces_a_damaged_database_and_keeps_it_beside(demo_copy: Store, good_backup: bytes,
                                                                           tmp_path: Path, how: str,
                                                                           capsys: pytest.CaptureFixture) -> None:
    bad = damage(demo_copy.path, how)
    (tmp_path / "b.zip").write_bytes(good_backup)
    db = str(demo_copy.path)
    assert main(["restore", str(tmp_path / "b.zip"), "--db", db]) == 1  # never without --force
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "kan ikke åbnes" in err and "--force" in err
    assert demo_copy.path.read_bytes() == bad
    with pytest.raises(StoreError):  # nor through the API without asking for it
        bk.restore(demo_copy, good_backup)
    assert demo_copy.path.read_bytes() == bad

    assert main(["restore", str(tmp_path / "b.zip"), "--force", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Erstattede en fil, der ikke kunne åbnes" in out
    (kept,) = demo_copy.path.parent.glob("copy.duckdb.beskadiget-*")
    assert str(kept) in out and kept.read_bytes() == bad  # what it replaced is kept, byte for byte
    assert Store(demo_copy.path).table_counts()["emission"] > 0


def test_init_force_still_refuses_a_damaged_file(demo_copy: Store) -> None:
    bad = damage(demo_copy.path, "truncated")
    with pytest.raises(StoreError, match="beskadiget"):
        Store(demo_copy.path).create(force=True)
    assert demo_copy.path.read_bytes() == bad
