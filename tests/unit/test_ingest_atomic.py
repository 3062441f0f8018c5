"""An import is all or nothing: a failure while writing leaves every table as it was, demo rows included; demo
rows an import must leave for the next transaction are removed even when the process dies in between."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dk2020dash import queries
from dk2020dash.db.migrations import TABLES
from dk2020dash.db.pending import DEMO_PARENTS, PENDING
from dk2020dash.db.store import Store
from dk2020dash.ingest import common, importer, run_import
from tests.support import ROOT

TODAY = dt.date(2026, 11, 28)

# A valid file of every kind, each touching demo rows of its kind (population has none).
FILES: dict[str, tuple[bytes, str]] = {
    "inventory": ("kommune;år;sektor;ton\n101;2024;vej;1000\n751;2024;el;5\n".encode(), "ecr.csv"),
    "plans": ("kommune;basisår;nettonul år;mål 2030\n101;1990;2050;70 %\n".encode(), "plans.csv"),
    "scenarios": ("kommune;scenarie;år;ton\n101;bau;2030;900\n101;plan;2030;300\n".encode(), "sc.csv"),
    "actions": ("kommune;titel;sektor;status\n101;Cykelsti;vej;planlagt\n".encode(), "a.csv"),
    "milestones": ("kommune;milepæl;frist\n101;statusrapport;2027-06-01\n".encode(), "m.csv"),
    "population": ('"101 København";"2025K1";"653.491"\n'.encode(), "FOLK1A.csv"),
    "risks": ("kommune;klimafare;risiko;vurderet\n101;skybrud;høj;2024\n".encode(), "risici.csv"),
}
DEMO_TABLE = {"inventory": "edition", "plans": "plan", "scenarios": "scenario", "actions": "action",
              "milestones": "milestone", "risks": "risk"}


def everything(store: Store) -> dict[str, pd.DataFrame]:
    """Every table whole (the import log and the data version included) and the schema."""
    with store.connection() as con:
        out = {t: con.execute(f'SELECT * FROM "{t}" ORDER BY ALL').df() for t in TABLES}  # noqa: S608
        out["schema"] = con.execute("SELECT table_name, sql FROM duckdb_tables() ORDER BY table_name").df()
    return out


def assert_same(before: dict[str, pd.DataFrame], store: Store) -> None:
    after = everything(store)
    for name, df in before.items():
        pd.testing.assert_frame_equal(df, after[name], obj=name)


def fail_after(monkeypatch: pytest.MonkeyPatch, module, name: str) -> None:
    """Make module.name do its work and then fail, as a full disk or a killed query would."""
    real = getattr(module, name)

    def broken(*args, **kwargs):
        real(*args, **kwargs)
        raise RuntimeError("disken er fuld")

    monkeypatch.setattr(module, name, broken)


# Population updates municipality in place (no insert_frame), so for it only "log written" applies.
@pytest.mark.parametrize(("kind", "where"), [(k, w) for k in FILES for w in ("rows written", "log written")
                                             if (k, w) != ("population", "rows written")])
def test_a_failure_in_the_write_leaves_every_table_as_it_was(demo_copy: Store, monkeypatch: pytest.MonkeyPatch,
                                                            kind: str, where: str) -> None:
    if where == "rows written":
        fail_after(monkeypatch, common, "insert_frame")
    else:
        fail_after(monkeypatch, importer, "_insert_log")
    data, name = FILES[kind]
    before = everything(demo_copy)
    demo_before = queries.demo_kinds(demo_copy)
    with pytest.raises(RuntimeError, match="disken er fuld"):
        run_import(demo_copy, kind, data, name, today=TODAY)
    assert_same(before, demo_copy)
    assert queries.demo_kinds(demo_copy) == demo_before


@pytest.mark.parametrize("kind", [k for k in FILES if k in DEMO_TABLE])
def test_an_import_removes_every_demo_row_of_its_kind_and_nothing_is_left_pending(demo_copy: Store, kind: str
                                                                                  ) -> None:
    data, name = FILES[kind]
    report = run_import(demo_copy, kind, data, name, today=TODAY)
    assert report.written and report.summary.demo_removed > 0
    assert kind not in queries.demo_kinds(demo_copy)
    assert not demo_copy.query(f"SELECT 1 FROM {DEMO_TABLE[kind]} WHERE is_demo").shape[0]  # noqa: S608
    assert not demo_copy.query("SELECT key FROM meta WHERE starts_with(key, ?)", [PENDING]).shape[0]


# The child process imports, and dies where the second step (removing the emptied demo rows) would begin.
DIE_BETWEEN = """
import os, sys, datetime as dt
from dk2020dash.ingest import importer
from dk2020dash.db.store import Store
calls = []
real = importer.finish_pending
def finish_or_die(con):
    calls.append(1)
    if len(calls) == 2:
        os._exit(3)
    return real(con)
importer.finish_pending = finish_or_die
importer.run_import(Store(sys.argv[1]), sys.argv[2], open(sys.argv[3], "rb").read(), sys.argv[4],
                    today=dt.date(2026, 11, 28))
"""


@pytest.mark.parametrize("kind", list(DEMO_PARENTS))
def test_a_process_that_dies_between_the_two_steps_leaves_a_file_the_next_open_finishes(
        demo_copy: Store, tmp_path: Path, kind: str) -> None:
    data, name = FILES[kind]
    (tmp_path / name).write_bytes(data)
    version = demo_copy.data_version()
    child = subprocess.run([sys.executable, "-c", DIE_BETWEEN, str(demo_copy.path), kind, str(tmp_path / name), name],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert child.returncode == 3, child.stderr
    table = DEMO_PARENTS[kind][0]
    raw = duckdb.connect(str(demo_copy.path))  # as the dead process left it, before the store opens it
    try:
        assert raw.execute("SELECT key FROM meta WHERE starts_with(key, ?)", [PENDING]).fetchall() == [(PENDING + kind,)]
        assert raw.execute(f"SELECT count(*) FROM {table} WHERE is_demo").fetchone()[0] > 0  # noqa: S608
        assert raw.execute("SELECT outcome FROM import_log ORDER BY id DESC LIMIT 1").fetchone() == ("imported",)
    finally:
        raw.close()

    store = Store(demo_copy.path)
    assert kind not in queries.demo_kinds(store)
    assert not store.query(f"SELECT 1 FROM {table} WHERE is_demo").shape[0]  # noqa: S608
    assert not store.query("SELECT key FROM meta WHERE starts_with(key, ?)", [PENDING]).shape[0]
    assert store.data_version() == version + 2  # the import and the step the open finished


def test_an_error_in_the_second_step_is_finished_by_the_next_import(demo_copy: Store,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = importer.finish_pending

    def second_fails(con):
        calls.append(1)
        if len(calls) == 2:
            raise duckdb.IOException("IO Error: disken er fuld")
        return real(con)

    monkeypatch.setattr(importer, "finish_pending", second_fails)
    report = run_import(demo_copy, "actions", *FILES["actions"], today=TODAY)
    assert report.ok and report.written  # the import itself is in
    assert demo_copy.query("SELECT count(*) FROM action WHERE is_demo").iloc[0, 0] > 0
    monkeypatch.setattr(importer, "finish_pending", real)
    assert run_import(demo_copy, "milestones", *FILES["milestones"], today=TODAY).written
    assert queries.demo_kinds(demo_copy) == ["inventory", "plans", "scenarios", "risks"]
    assert not demo_copy.query("SELECT key FROM meta WHERE starts_with(key, ?)", [PENDING]).shape[0]


# -- two imports at once (issue 9 item 7) ----------------------------------------------------------------------------

ACTIONS_200 = ("kommune;titel;sektor;status\n"
               + "".join(f"101;Handling nr. {i};vej;planlagt\n" for i in range(200))).encode()


def import_twice_at_once(store: Store, monkeypatch: pytest.MonkeyPatch, kind: str, data: bytes, name: str) -> list:
    """Two threads import the same file; both have read and checked it before either writes (a barrier after the
    parse, which runs outside the write lock), as two users pressing Indlæs together would."""
    import threading

    barrier = threading.Barrier(2)
    real = importer._parse

    def parse_then_meet(*args, **kwargs):
        out = real(*args, **kwargs)
        barrier.wait(timeout=60)
        return out

    monkeypatch.setattr(importer, "_parse", parse_then_meet)
    results: list = [None, None]

    def run(i: int) -> None:
        try:
            results[i] = run_import(store, kind, data, name, today=TODAY)
        except BaseException as exc:  # noqa: BLE001 - the test reports what reached the caller
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


@pytest.mark.parametrize(("kind", "data", "name"), [("actions", ACTIONS_200, "handlinger.csv"),
                                                    ("inventory", *FILES["inventory"])])
def test_the_same_file_imported_twice_at_once_is_stored_once(demo_copy: Store, monkeypatch: pytest.MonkeyPatch,
                                                              kind: str, data: bytes, name: str) -> None:
    results = import_twice_at_once(demo_copy, monkeypatch, kind, data, name)
    assert all(not isinstance(r, BaseException) for r in results), results  # no raw ConstraintException
    assert sorted((r.written, r.duplicate) for r in results) == [(False, True), (True, False)]
    log = demo_copy.query("SELECT outcome FROM import_log WHERE file_name = ? ORDER BY id", [name])
    assert log["outcome"].tolist() == ["imported", "duplicate"]
    if kind == "actions":
        counts = demo_copy.query("SELECT count(*) AS n, count(DISTINCT title) AS d FROM action WHERE NOT is_demo")
        assert counts.values.tolist() == [[200, 200]]
    else:
        assert demo_copy.query("SELECT count(*) FROM edition WHERE name = 'ecr'").iloc[0, 0] == 1


def test_a_database_error_while_importing_is_a_clear_store_error(demo_copy: Store,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """No raw DuckDB error reaches the page or the CLI: it becomes a StoreError naming the file, and nothing changes."""
    from dk2020dash.errors import StoreError
    from dk2020dash.ingest import actions

    def broken(con, *args):
        con.execute("INSERT INTO action (municipality, title, status, last_updated) VALUES (9999, 'x', 'planned', "
                    "DATE '2026-01-01')")  # a foreign-key violation, as a concurrent change could cause

    monkeypatch.setattr(actions, "write", broken)
    before = everything(demo_copy)
    with pytest.raises(StoreError, match="a.csv: databasen kunne ikke gemme indlæsningen") as caught:
        run_import(demo_copy, "actions", *FILES["actions"], today=TODAY)
    assert "9999" not in str(caught.value) and "Constraint" not in str(caught.value).replace("ConstraintException", "")
    assert_same(before, demo_copy)


# Each child imports the same file through the CLI; both are started together.
def test_two_processes_importing_the_same_file_store_it_once(demo_copy: Store, tmp_path: Path) -> None:
    (tmp_path / "handlinger.csv").write_bytes(ACTIONS_200)
    cmd = [sys.executable, "-m", "dk2020dash", "import", "actions", str(tmp_path / "handlinger.csv"),
           "--db", str(demo_copy.path)]
    # A long lock wait: on a loaded machine the first import can hold the writers' lock past the default 15 s, and
    # the second must then wait for it (a refusal is the other allowed outcome, tested in test_store).
    env = {**os.environ, "DK2020_LOCK_WAIT": "150"}
    children = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
                for _ in range(2)]
    outs = [c.communicate(timeout=300) for c in children]
    assert [c.returncode for c in children] == [0, 0], outs
    said = sorted("allerede indlæst" in out for out, _err in outs)
    assert said == [False, True], outs
    counts = demo_copy.query("SELECT count(*) AS n, count(DISTINCT title) AS d FROM action WHERE NOT is_demo")
    assert counts.values.tolist() == [[200, 200]]
