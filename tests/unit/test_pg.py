"""PostgreSQL as the shared record (issue 11), against a real server (conftest.pg_server): schema, CLI, migration,
copies refreshed on the data version, writes of several processes, the server going away, pages on both backends."""
from __future__ import annotations

import getpass
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from dk2020dash import i18n
from dk2020dash.cli import main
from dk2020dash.db import open_store
from dk2020dash.db.migrations import TABLES, TRANSIENT_TABLES
from dk2020dash.db.postgres import PgStore, migrate_to_postgres, pg_schema, table_checksums
from dk2020dash.db.store import Store
from dk2020dash.errors import StoreError, StoreUnavailable
from dk2020dash.logs import mask_url
from tests.support import PG_PASSWORD, ROOT, page

PASSWORD = PG_PASSWORD


def pg_rows(url: str, sql: str, params=None) -> list[tuple]:
    with psycopg.connect(url) as con:
        return con.execute(sql, params).fetchall()


# -- masking ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, shown", [
    ("postgresql://kim:hemmelig@db.example:5432/dk2020", "postgresql://kim:***@db.example:5432/dk2020"),
    ("fejl ved postgres://kim:p%40ss:w0rd@h/db: refused", "fejl ved postgres://kim:***@h/db: refused"),
    ("postgresql://kim@h/db", "postgresql://kim@h/db"),
    ("host=h user=kim password=hemmelig dbname=x", "host=h user=kim password=*** dbname=x"),
    ("PASSWORD = 'med mellemrum' dbname=x", "PASSWORD = *** dbname=x"),
])
def test_mask_hides_every_password(text: str, shown: str) -> None:
    assert mask_url(text) == shown


def test_store_path_prints_masked_and_finds_its_way_back() -> None:
    store = open_store(f"postgresql://kim:{PASSWORD}@127.0.0.1:1/x")
    assert isinstance(store, PgStore)
    assert store.target == "postgresql://kim:***@127.0.0.1:1/x" and PASSWORD not in repr(store.target)
    assert open_store(store.target).url == store.url  # the app's cached loaders rebuild the store from its target


def test_database_url_wins_over_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DK2020_DB", str(tmp_path / "x.duckdb"))
    assert not isinstance(open_store(), PgStore)
    monkeypatch.setenv("DK2020_DATABASE_URL", "postgresql://kim@127.0.0.1:1/x")
    assert isinstance(open_store(), PgStore)
    assert not isinstance(open_store(tmp_path / "y.duckdb"), PgStore)  # an explicit file is the file


# -- schema -------------------------------------------------------------------------------------------------
def _duck_shape(store: Store) -> dict:
    with store.connection() as con:
        cols = con.execute("SELECT table_name, column_name, is_nullable FROM information_schema.columns "
                           "WHERE table_schema = 'main' ORDER BY ALL").fetchall()
        cons = con.execute("SELECT table_name, constraint_type, count(*) FROM duckdb_constraints() "
                           "WHERE database_name = current_database() AND constraint_type IN "
                           "('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE', 'CHECK') GROUP BY ALL ORDER BY ALL").fetchall()
    return {"columns": cols, "constraints": cons}


def _pg_shape(url: str) -> dict:
    cols = pg_rows(url, "SELECT table_name::text, column_name::text, is_nullable::text FROM information_schema.columns "
                        "WHERE table_schema = 'public' ORDER BY 1, 2, 3")
    kinds = {"p": "PRIMARY KEY", "f": "FOREIGN KEY", "u": "UNIQUE", "c": "CHECK"}
    cons = pg_rows(url, "SELECT conrelid::regclass::text, contype::text, count(*) FROM pg_constraint "
                        "WHERE connamespace = 'public'::regnamespace GROUP BY 1, 2 ORDER BY 1, 2")
    return {"columns": [tuple(c) for c in cols],
            "constraints": sorted((t.strip('"'), kinds[k], n) for t, k, n in cons)}


def test_the_postgres_schema_has_the_same_tables_columns_keys_and_checks(pg_url: str, tmp_path: Path) -> None:
    file = open_store(tmp_path / "e.duckdb")
    file.create()
    open_store(pg_url).create()
    duck, pg = _duck_shape(file), _pg_shape(pg_url)
    assert pg["columns"] == duck["columns"]
    assert pg["constraints"] == sorted(duck["constraints"])
    assert {t for t, *_ in pg["columns"]} == {*TABLES, *TRANSIENT_TABLES}


def test_a_postgres_database_from_before_the_trail_is_migrated_with_its_history_at_midnight(
        pg_demo_copy: Store, tmp_path: Path) -> None:
    """TRAIL_VERSION on PostgreSQL (the same migration SQL, pg_schema's dialect): action_event.changed_on becomes a
    timestamp with the old rows at midnight, edition gains withdrawn_at, and the schema is what a new one is."""
    from dk2020dash.db.migrations import TRAIL_VERSION
    from dk2020dash.db.pg_copy import shared_state

    url = pg_demo_copy.url
    with psycopg.connect(url) as con:  # what the version before wrote
        con.execute("ALTER TABLE action_event ALTER COLUMN changed_on TYPE DATE")
        con.execute("ALTER TABLE edition DROP COLUMN withdrawn_at")
        con.execute("UPDATE meta SET value = %s WHERE key = 'schema_version'", [str(TRAIL_VERSION - 1)])
    before = pg_rows(url, "SELECT id, changed_on FROM action_event ORDER BY id")
    editions = pg_rows(url, "SELECT id, name, published FROM edition ORDER BY id")
    shared = shared_state(url)
    shared.schema_checked, shared.copy = False, None  # as a process that starts now

    store = open_store(url)
    events = store.query("SELECT id, changed_on FROM action_event ORDER BY id")
    assert len(before) > 0 and [(i, d) for i, d in before] == [
        (i, pd.Timestamp(t).date()) for i, t in events.itertuples(index=False)]
    assert (events["changed_on"] == events["changed_on"].dt.normalize()).all()  # at midnight
    assert pg_rows(url, "SELECT data_type FROM information_schema.columns WHERE table_name = 'action_event' "
                        "AND column_name = 'changed_on'") == [("timestamp without time zone",)]
    assert pg_rows(url, "SELECT id, name, published FROM edition ORDER BY id") == editions
    assert pg_rows(url, "SELECT count(*) FROM edition WHERE withdrawn_at IS NOT NULL") == [(0,)]
    file = open_store(tmp_path / "e.duckdb")
    file.create()
    duck, pg = _duck_shape(file), _pg_shape(url)
    assert pg["columns"] == duck["columns"] and pg["constraints"] == sorted(duck["constraints"])


@pytest.mark.parametrize("sql", [
    "INSERT INTO emission VALUES (101, 2020, 'vej', 1, 'Infinity', false)",  # isfinite
    "INSERT INTO emission VALUES (101, 2020, 'nope', 1, 1, false)",  # foreign key (at commit)
    "INSERT INTO municipality (code, name, region, region_code, label_lat, label_lon, area_km2, cohort) "
    "VALUES (99, 'X', 'Hovedstaden', 1, 55, 12, 1, 'pilot_2019')",  # check
    "UPDATE action SET status = 'done' WHERE id = 1",  # check of a list
    "INSERT INTO sector SELECT * FROM sector LIMIT 1",  # primary key
])
def test_postgres_refuses_what_the_file_refuses(pg_demo_copy: Store, sql: str) -> None:
    with pytest.raises(psycopg.Error), psycopg.connect(pg_demo_copy.url) as con:
        con.execute(sql)
        con.commit()


def test_pg_schema_spells_duckdb_functions_for_postgres() -> None:
    out = pg_schema("x DOUBLE NOT NULL CHECK (isfinite(x)), e VARCHAR CHECK (contains(lower(e), '@')) "
                    "REFERENCES municipality (code)")
    assert "DOUBLE PRECISION" in out and "isfinite" not in out and "contains" not in out
    assert "strpos(lower(e), '@') > 0" in out and "DEFERRABLE INITIALLY DEFERRED" in out


# -- CLI ----------------------------------------------------------------------------------------------------
def test_every_cli_command_works_against_postgres(pg_url: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture) -> None:
    assert main(["init", "--database-url", pg_url]) == 0
    assert main(["init", "--database-url", pg_url]) == 1  # exists: refused without --force
    assert main(["info", "--database-url", pg_url]) == 0
    counts = open_store(pg_url).table_counts()
    assert counts["emission"] > 10_000 and counts["action"] > 1000
    f = tmp_path / "ecr.csv"
    f.write_text("kommune;år;sektor;ton\n101;2023;vej;1.234,5\n", encoding="utf-8")
    assert main(["import", "inventory", str(f), "--database-url", pg_url, "--edition", "ECR 2025"]) == 0
    got = pg_rows(pg_url, "SELECT e.tco2e FROM emission e JOIN edition d ON d.id = e.edition WHERE d.name = 'ECR 2025'")
    assert got == [(1234.5,)]
    assert pg_rows(pg_url, "SELECT count(*) FROM edition WHERE is_demo") == [(0,)]  # the second step ran too
    assert main(["export", str(tmp_path / "out"), "--database-url", pg_url]) == 0
    assert "1234.5" in (tmp_path / "out" / "emission.csv").read_text(encoding="utf-8")
    backup = tmp_path / "b.zip"
    assert main(["backup", str(backup), "--database-url", pg_url]) == 0
    before = open_store(pg_url).checksums()
    assert main(["init", "--empty", "--force", "--database-url", pg_url]) == 0
    assert open_store(pg_url).table_counts()["emission"] == 0
    assert main(["restore", str(backup), "--database-url", pg_url]) == 1  # replaces a database: needs --force
    assert main(["restore", str(backup), "--force", "--database-url", pg_url]) == 0
    after = open_store(pg_url).checksums()
    assert {t: after[t] for t in TABLES if t not in ("meta", "import_log", "audit")} == \
        {t: before[t] for t in TABLES if t not in ("meta", "import_log", "audit")}
    # the restore is on record (exports.trail): its own audit row, the only one (the replaced database was empty)
    assert pg_rows(pg_url, "SELECT table_name, field FROM audit") == [("database", "restore")]
    out = capsys.readouterr()
    assert PASSWORD not in out.out + out.err and "postgres:***@" in out.out


def test_a_stopped_server_is_a_one_line_error_without_the_password(pg_server, capsys: pytest.CaptureFixture) -> None:
    url = f"postgresql://postgres:{PASSWORD}@127.0.0.1:1/none"  # nothing listens on port 1
    assert main(["info", "--database-url", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fejl: postgresql://postgres:***@127.0.0.1:1/none") and PASSWORD not in err


# -- migrate-to-postgres -----------------------------------------------------------------------------------------
def test_migrate_copies_every_row_and_checks_it(demo_db: Path, pg_url: str, capsys: pytest.CaptureFixture) -> None:
    assert main(["migrate-to-postgres", "--db", str(demo_db), "--database-url", pg_url]) == 0
    assert "kontrolsummer stemmer" in capsys.readouterr().out
    with open_store(demo_db).connection() as con:
        expected = table_checksums(con)
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    found = open_store(pg_url).checksums()
    assert {t: found[t] for t in TABLES if t != "meta"} == {t: expected[t] for t in TABLES if t != "meta"}
    pg_meta = dict(pg_rows(pg_url, "SELECT key, value FROM meta"))
    assert pg_meta.pop("db_id") and pg_meta == {k: v for k, v in meta.items() if k != "db_id"}  # a new id if none
    expected = found
    file_seq = dict(open_store(demo_db).query("SELECT sequence_name, last_value FROM duckdb_sequences()").values.tolist())
    pg_seq = dict(pg_rows(pg_url, "SELECT sequencename::text, last_value FROM pg_sequences"))
    assert {k: v for k, v in file_seq.items() if pd.notna(v)} == {k: v for k, v in pg_seq.items() if v is not None}
    # not into a database that holds ours already: nothing changes
    assert main(["migrate-to-postgres", "--db", str(demo_db), "--database-url", pg_url]) == 1
    assert open_store(pg_url).checksums() == expected


def test_a_failed_check_leaves_the_target_empty(demo_db: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from dk2020dash.db import postgres

    real = postgres.read_back
    monkeypatch.setattr(postgres, "read_back", lambda pg: {**real(pg), "action": (0, 0)})  # a copy that went wrong
    with pytest.raises(StoreError, match="action ikke med filen"):
        migrate_to_postgres(open_store(demo_db), open_store(pg_url))
    assert pg_rows(pg_url, "SELECT to_regclass('public.meta') IS NULL") == [(True,)]


# -- copies and writes ------------------------------------------------------------------------------------------
WRITER = """
import sys
from dk2020dash.db import open_store
with open_store(sys.argv[1]).transaction() as con:
    con.execute("UPDATE action SET responsible = ?, version = version + 1 WHERE id = 1", [sys.argv[2]])
"""


def test_a_write_by_another_process_is_read_at_the_next_version(pg_demo_copy: Store) -> None:
    store = pg_demo_copy
    v = store.data_version()
    old = store.query("SELECT responsible FROM action WHERE id = 1").iloc[0, 0]
    subprocess.run([sys.executable, "-c", WRITER, store.url, "Anden server"], check=True, cwd=ROOT, timeout=120)
    # this thread's run still reads the version it started with: the old data, not a mix
    assert store.query("SELECT responsible FROM action WHERE id = 1").iloc[0, 0] == old
    assert store.data_version() == v + 1  # the next run: the new version and the new data
    assert store.query("SELECT responsible FROM action WHERE id = 1").iloc[0, 0] == "Anden server"
    # another thread that never asked for the version reads the newest
    seen = []
    threading.Thread(target=lambda: seen.append(open_store(store.url).query(
        "SELECT responsible FROM action WHERE id = 1").iloc[0, 0])).start()
    while not seen:
        threading.Event().wait(0.05)
    assert seen == ["Anden server"]


EDITOR = """
import sys, time
from dk2020dash import auth, edits
from dk2020dash.db import open_store
store, email, version, start = open_store(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
user = auth.load_user(store, email)
time.sleep(max(0, start - time.time()))
try:
    saved = edits.edit_action(store, user, 1, version, {"responsible": email})
    print(f"saved {saved.version}")
except edits.ConflictError as exc:
    print(f"refused {exc.current['version']} {exc.current['responsible']}")
"""


def test_two_servers_saving_the_same_action_one_is_refused(pg_demo_copy: Store) -> None:
    """edits.edit_action in two processes at once, from the same version: one saves, the other is refused with the
    newer values (the version check runs under PostgreSQL's write lock, on the newest data)."""
    import time

    from dk2020dash import auth

    url = pg_demo_copy.url
    for email in ("a@kommune.dk", "b@kommune.dk"):
        auth.grant(pg_demo_copy, auth.cli_admin("test"), email, "admin")
    version = int(pg_demo_copy.query("SELECT version FROM action WHERE id = 1").iloc[0, 0])
    start = time.time() + 4
    procs = [subprocess.Popen([sys.executable, "-c", EDITOR, url, email, str(version), str(start)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for email in ("a@kommune.dk", "b@kommune.dk")]
    outs = [p.communicate(timeout=120) for p in procs]
    lines = sorted(o.strip() for o, _ in outs)
    assert [line.split()[0] for line in lines] == ["refused", "saved"], outs
    winner = pg_rows(url, "SELECT responsible, version FROM action WHERE id = 1")[0]
    assert winner[1] == version + 1 and lines[0] == f"refused {version + 1} {winner[0]}"
    assert pg_rows(url, "SELECT count(*) FROM audit WHERE table_name = 'action' AND row_id = '1'") == [(1,)]


def test_user_action_and_milestone_commands_against_postgres(pg_demo_copy: Store,
                                                              capsys: pytest.CaptureFixture) -> None:
    url = pg_demo_copy.url
    assert main(["user", "add", "kim@kommune.dk", "--role", "admin", "--database-url", url]) == 0
    assert main(["user", "list", "--database-url", url]) == 0
    assert "kim@kommune.dk" in capsys.readouterr().out
    now = pg_rows(url, "SELECT status FROM action WHERE id = 1")[0][0]
    new = "paused" if now != "paused" else "delayed"
    assert main(["action", "set-status", "1", new, "--by", "kim@kommune.dk", "--database-url", url]) == 0
    assert pg_rows(url, "SELECT status FROM action WHERE id = 1") == [(new,)]
    assert pg_rows(url, "SELECT new_status, who FROM action_event WHERE action_id = 1 ORDER BY id DESC LIMIT 1") == \
        [(new, f"cli:{getpass.getuser()} as kim@kommune.dk")]
    open_ms = pg_rows(url, "SELECT min(id) FROM milestone WHERE done IS NULL")[0][0]
    assert main(["milestone", "done", str(open_ms), "--by", "kim@kommune.dk", "--database-url", url]) == 0
    assert pg_rows(url, "SELECT done IS NOT NULL FROM milestone WHERE id = %s", [open_ms]) == [(True,)]
    assert main(["user", "remove", "kim@kommune.dk", "--database-url", url]) == 1  # the last admin stays
    assert "sidste administrator" in capsys.readouterr().err
    assert main(["user", "add", "ny@kommune.dk", "--role", "admin", "--database-url", url]) == 0
    assert main(["user", "remove", "kim@kommune.dk", "--database-url", url]) == 0
    assert pg_rows(url, "SELECT email FROM app_user") == [("ny@kommune.dk",)]


def test_a_refused_write_leaves_postgres_unchanged(pg_demo_copy: Store) -> None:
    store = pg_demo_copy
    before, v = store.checksums(), store.data_version()
    with pytest.raises(Exception, match="foreign key|Constraint"), store.transaction() as con:
        con.execute("UPDATE action SET responsible = 'halvt' WHERE id = 1")
        con.execute("INSERT INTO emission VALUES (101, 2020, 'nope', 1, 1, false)")
    assert store.checksums() == before and store.data_version() == v
    assert store.query("SELECT count(*) FROM action WHERE responsible = 'halvt'").iloc[0, 0] == 0


def test_ids_continue_where_postgres_stands(pg_demo_copy: Store) -> None:
    store = pg_demo_copy
    top = pg_rows(store.url, "SELECT last_value FROM pg_sequences WHERE sequencename = 'import_log_id'")[0][0]
    assert top >= pg_rows(store.url, "SELECT max(id) FROM import_log")[0][0]
    for who in ("a", "b"):
        subprocess.run([sys.executable, "-c", "import sys\nfrom dk2020dash.db import open_store\n"
                        "with open_store(sys.argv[1]).transaction() as con:\n"
                        "    con.execute(\"INSERT INTO import_log (who, kind, outcome) VALUES (?, 'x', 'imported')\","
                        " [sys.argv[2]])", store.url, who], check=True, cwd=ROOT, timeout=120)
    assert pg_rows(store.url, "SELECT who, id FROM import_log WHERE kind = 'x' ORDER BY id") == [("a", top + 1),
                                                                                                 ("b", top + 2)]


# -- the server going away --------------------------------------------------------------------------------------
def _page(env: dict[str, str], path: str = "pages/overblik.py") -> AppTest:
    return page(path, timeout=90)


def test_server_stopped_during_page_runs_and_an_edit_then_back(pg_server, pg_demo_copy: Store,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.INFO)
    store = pg_demo_copy
    monkeypatch.setenv("DK2020_DATABASE_URL", store.url)
    monkeypatch.delenv("DK2020_DB", raising=False)
    at = _page({})
    assert not at.exception and not at.error and at.metric
    before = store.checksums()
    store.data_version()  # this thread's run: pinned to the copy of the version it started with
    unavailable = i18n.t("error.unavailable", "da")
    # an edit in flight when the server goes: reported as not stored
    with pytest.raises(StoreUnavailable) as err, store.transaction() as con:
        con.execute("UPDATE action SET responsible = 'i luften', version = version + 1 WHERE id = 1")
        pg_server.stop("fast")
    assert PASSWORD not in str(err.value) and "kan ikke nås" in str(err.value)
    try:
        # a page run that had started before the server went: its queries read the copy it pinned, and finish
        assert store.query("SELECT count(*) FROM action").iloc[0, 0] > 1000
        at = _page({})
        assert not at.exception
        assert [e.value for e in at.error] == [unavailable]
        assert PASSWORD not in json.dumps([c.value for c in at.caption] + [e.value for e in at.error])
        with pytest.raises(StoreUnavailable):
            store.data_version()
    finally:
        pg_server.start()
    at = _page({})  # back by itself
    assert not at.exception and not at.error and at.metric
    assert store.checksums() == before  # the edit was not half stored: not at all
    assert "kan ikke nås" in caplog.text or "unavailable" in caplog.text
    assert PASSWORD not in caplog.text
    with store.transaction() as con:  # and writing works again
        con.execute("UPDATE action SET responsible = 'efter', version = version + 1 WHERE id = 1")
    assert pg_rows(store.url, "SELECT responsible FROM action WHERE id = 1") == [("efter",)]


# -- pages on both backends ------------------------------------------------------------------------------------
def _what_a_page_shows(at: AppTest) -> dict:
    return {
        "exception": [str(e.value) for e in at.exception],
        "title": [t.value for t in at.title],
        "metrics": [(m.label, m.value, m.delta) for m in at.metric],
        "markdown": [m.value for m in at.markdown],
        "captions": [c.value for c in at.caption],
        "charts": [c.proto.spec for c in at.get("vega_lite_chart")],
        "tables": [len(d.value) for d in at.dataframe],
    }


def _menu() -> list[str]:
    from dk2020dash.ui.shell import PAGES as MENU

    return [file for group in MENU.values() for file, *_ in group]


PAGES = _menu()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_the_same_figures_on_file_and_postgres(page: str, demo_db: Path, pg_demo_url: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DK2020_DATABASE_URL", raising=False)
    monkeypatch.setenv("DK2020_DB", str(demo_db))
    on_file = _what_a_page_shows(_page({}, page))
    monkeypatch.setenv("DK2020_DATABASE_URL", pg_demo_url)
    on_pg = _what_a_page_shows(_page({}, page))
    assert on_file["exception"] == [] and on_pg["exception"] == []
    for key in on_file:
        if key == "captions":  # the Data page names the database it uses
            on_file[key] = [c for c in on_file[key] if str(demo_db) not in c]
            on_pg[key] = [c for c in on_pg[key] if "postgresql://" not in c]
        assert on_pg[key] == on_file[key], key
    if page in ("pages/overblik.py", "pages/kommune.py"):
        assert on_pg["metrics"]  # key figures are there to compare


def test_demo_data_on_postgres_is_labelled_like_on_the_file(pg_demo_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DK2020_DATABASE_URL", pg_demo_url)
    at = _page({})
    assert any(i18n.t("demo.banner", "da") in w.value for w in at.warning)


def test_the_app_creates_the_demo_in_an_empty_postgres_database(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DK2020_DATABASE_URL", pg_url)
    at = _page({})
    assert not at.exception and at.metric
    assert pg_rows(pg_url, "SELECT count(*) > 0 FROM emission") == [(True,)]


def test_secrets_toml_names_the_database(pg_demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    monkeypatch.delenv("DK2020_DATABASE_URL", raising=False)
    monkeypatch.setenv("DK2020_DB", str(tmp_path / "nicht.duckdb"))
    at = page("pages/overblik.py", secrets={"database": {"url": pg_demo_url}}, timeout=90)
    assert not at.exception and at.metric
    assert not (tmp_path / "nicht.duckdb").exists()  # the page ran on PostgreSQL, not on a new file
    context = importlib.import_module("dk2020dash.ui.context")
    monkeypatch.setattr(context, "_secrets_url", lambda: pg_demo_url)
    monkeypatch.setenv("DK2020_DATABASE_URL", "postgresql://other@h/db")
    assert context.database() == "postgresql://other@h/db"  # the environment wins


def test_read_the_newest_copy_concurrently(pg_demo_copy: Store) -> None:
    """Many readers while another process writes: every read is of one whole version (never an error)."""
    store = pg_demo_copy
    errors: list[BaseException] = []
    seen: set[int] = set()

    def reader() -> None:
        s = open_store(store.url)
        for _ in range(15):
            try:
                v = s.data_version()
                n = s.query("SELECT value FROM meta WHERE key = 'data_version'").iloc[0, 0]
                assert int(n) == v  # the copy read is the version pinned
                seen.add(v)
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    for i in range(3):
        subprocess.run([sys.executable, "-c", WRITER, store.url, f"w{i}"], check=True, cwd=ROOT, timeout=120)
    for t in threads:
        t.join()
    assert errors == []
    assert pd.Series(sorted(seen)).is_monotonic_increasing


def test_no_password_in_the_log(pg_server, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    with pytest.raises(StoreError):
        open_store(f"postgresql://postgres:{PASSWORD}@127.0.0.1:1/none").data_version()
    assert caplog.records and PASSWORD not in caplog.text


@pytest.fixture(autouse=True)
def _no_url_leaks_between_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DK2020_DATABASE_URL", raising=False)
    os.environ.pop("DK2020_DATABASE_URL", None)


def test_the_postgres_extension_comes_from_its_wheel_never_downloaded(tmp_path: Path) -> None:
    import duckdb

    from dk2020dash.db import pg_copy

    con = pg_copy.duck()
    row = con.execute("SELECT loaded, installed_from, install_mode FROM duckdb_extensions() "
                      "WHERE extension_name = 'postgres_scanner'").fetchone()
    assert row[0] and row[2] == "CUSTOM_PATH" and row[1] == str(pg_copy.extension_file())
    assert f"v{duckdb.__version__}" in row[1] and "duckdb_extension_postgres" in row[1]
    assert con.execute("SELECT current_setting('autoinstall_known_extensions')").fetchone()[0] is False
    # a service user without a home folder: installed from the same file into a folder of the app's own
    env = {**os.environ, "HOME": str(tmp_path / "none")}
    out = subprocess.run([sys.executable, "-c", "from dk2020dash.db import pg_copy\ncon = pg_copy.duck()\n"
                          "print(con.execute(\"SELECT install_mode FROM duckdb_extensions() "
                          "WHERE extension_name = 'postgres_scanner' AND loaded\").fetchone()[0])"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "CUSTOM_PATH", out.stderr


class _LostAnswer:
    """A psycopg connection whose COMMIT loses its answer: committed (or not) on the server, an error here."""

    def __init__(self, con, commits: bool):
        self._con, self._commits = con, commits

    def __getattr__(self, name):
        return getattr(self._con, name)

    def commit(self):
        if self._commits:
            self._con.commit()
        else:
            self._con.rollback()
        raise psycopg.OperationalError("server closed the connection unexpectedly")


@pytest.mark.parametrize("commits", [True, False], ids=["stored", "not-stored"])
def test_a_commit_without_an_answer_is_stored_or_reported_never_half(pg_demo_copy: Store, commits: bool,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    store = pg_demo_copy
    real = type(store)._connect_pg
    monkeypatch.setattr(type(store), "_connect_pg",
                        lambda self, **kw: real(self, **kw) if kw.get("autocommit") else _LostAnswer(real(self, **kw),
                                                                                                      commits))
    v = store.data_version()
    if commits:
        with store.transaction() as con:  # stored: asked again (txid_status), so no error
            con.execute("UPDATE action SET responsible = 'svar tabt', version = version + 1 WHERE id = 1")
    else:
        with pytest.raises(StoreUnavailable), store.transaction() as con:
            con.execute("UPDATE action SET responsible = 'svar tabt', version = version + 1 WHERE id = 1")
    monkeypatch.undo()
    stored = pg_rows(store.url, "SELECT responsible = 'svar tabt' FROM action WHERE id = 1")[0][0]
    assert stored is commits
    assert store.data_version() == v + (1 if commits else 0)
    assert (store.query("SELECT responsible FROM action WHERE id = 1").iloc[0, 0] == "svar tabt") is commits
