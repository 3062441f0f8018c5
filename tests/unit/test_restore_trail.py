"""A restore keeps the record (issue 20 item 7, exports.trail): the history since the backup is carried into the
restored database, the replaced file is kept beside, and row versions move past the old ones, so a form opened
before the restore cannot overwrite a newer save."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dk2020dash import auth, edits
from dk2020dash.cli import main
from dk2020dash.db.store import Store
from dk2020dash.exports import backup as bk
from dk2020dash.ingest import run_import

EDITOR, ADMIN = "kbh@kk.dk", "chef@kl.dk"


@pytest.fixture
def people(demo_copy: Store) -> dict[str, auth.User]:
    cli = auth.cli_admin("test")
    auth.grant(demo_copy, cli, EDITOR, "editor", municipalities=["København"])
    auth.grant(demo_copy, cli, ADMIN, "admin")
    return {e: auth.load_user(demo_copy, e) for e in (EDITOR, ADMIN)}


def planned_action(store: Store) -> dict:
    aid = int(store.query("SELECT min(id) FROM action WHERE municipality = 101 AND status = 'planned'").iloc[0, 0])
    return edits.action(store, aid)


def open_milestone(store: Store) -> dict:
    mid = int(store.query("SELECT min(id) FROM milestone WHERE municipality = 101 AND done IS NULL").iloc[0, 0])
    return edits.milestone(store, mid)


def test_the_record_since_the_backup_survives_the_restore(demo_copy: Store, people, tmp_path: Path) -> None:
    bk.backup(demo_copy, tmp_path / "b.zip")
    a = planned_action(demo_copy)
    edits.edit_action(demo_copy, people[EDITOR], a["id"], a["version"], {"status": "in_progress"}, "efter backup")
    cli = auth.cli_admin("kim")
    auth.grant(demo_copy, cli, "ny@kk.dk", "editor", municipalities=["København"])
    auth.revoke(demo_copy, cli, "ny@kk.dk")
    new = run_import(demo_copy, "inventory", "kommune;år;sektor;ton\n101;2024;vej;5\n".encode(), "ny.csv")
    assert new.written
    with demo_copy.transaction() as con:  # an action the backup does not have, with its first status event
        new_id = con.execute("INSERT INTO action (municipality, title, status, last_updated) VALUES "
                             "(101, 'Ny cykelsti', 'planned', DATE '2026-11-01') RETURNING id").fetchone()[0]
        con.execute("INSERT INTO action_event (action_id, changed_on, who, new_status) "
                    "VALUES (?, TIMESTAMP '2026-11-01 10:00', 'kim', 'planned')", [new_id])
    old_db = demo_copy.query("SELECT value FROM meta WHERE key = 'db_id'").iloc[0, 0]

    report = bk.restore(demo_copy, tmp_path / "b.zip", who="tester")

    # the status change, on the action the backup has
    events = demo_copy.query("SELECT who, old_status, new_status, note FROM action_event WHERE action_id = ? "
                             "ORDER BY id DESC LIMIT 1", [a["id"]]).values.tolist()
    assert events == [[EDITOR, "planned", "in_progress", "efter backup"]]
    assert edits.action(demo_copy, a["id"])["status"] == "planned"  # the data is the backup's
    # the grant and the removal of an account (the account itself is the backup's: not there)
    grants = demo_copy.query("SELECT field, coalesce(old, '-'), coalesce(new, '-') FROM audit "
                             "WHERE table_name = 'app_user' AND row_id = 'ny@kk.dk' ORDER BY id").values.tolist()
    assert grants[0] == ["role", "-", "editor"] and ["role", "editor", "-"] in grants  # granted, then removed
    assert auth.load_user(demo_copy, "ny@kk.dk").role == "viewer"
    # the import, and the status event of the action it made (the backup has no such action: kept in audit)
    log = demo_copy.query("SELECT file_name, outcome FROM import_log ORDER BY id").values.tolist()
    assert log[-2:] == [["ny.csv", "imported"], ["b.zip", "restored"]]
    assert demo_copy.query("SELECT new FROM audit WHERE table_name = 'action' AND row_id = ? AND field = 'status'",
                           [str(new_id)]).values.tolist() == [["planned"]]
    # the restore itself
    restore_row = demo_copy.query("SELECT row_id, old, who, note FROM audit WHERE table_name = 'database'")
    assert restore_row.values.tolist()[-1][0] == old_db and restore_row.values.tolist()[-1][2:] == ["tester", "b.zip"]
    assert report.carried["action_event"] >= 1 and report.carried["import_log"] >= 1
    # a new row never takes an id the replaced database had handed out
    with demo_copy.transaction() as con:
        con.execute("INSERT INTO action (municipality, title, status, last_updated) VALUES (101, 'x', 'planned', "
                    "DATE '2026-11-01')")
    assert demo_copy.query("SELECT max(id) FROM action").iloc[0, 0] > new_id
    # a second restore of the same backup carries nothing twice
    bk.restore(demo_copy, tmp_path / "b.zip", who="tester")
    assert demo_copy.query("SELECT count(*) FROM action_event WHERE note = 'efter backup'").iloc[0, 0] == 1
    assert demo_copy.query("SELECT count(*) FROM import_log WHERE file_name = 'ny.csv'").iloc[0, 0] == 1


def test_the_replaced_file_is_kept_beside(demo_copy: Store, people, tmp_path: Path,
                                          capsys: pytest.CaptureFixture) -> None:
    bk.backup(demo_copy, tmp_path / "b.zip")
    a = planned_action(demo_copy)
    edits.edit_action(demo_copy, people[EDITOR], a["id"], a["version"], {"status": "paused"})
    assert main(["restore", str(tmp_path / "b.zip"), "--force", "--db", str(demo_copy.path)]) == 0
    (kept,) = demo_copy.path.parent.glob(f"{demo_copy.path.name}.erstattet-*")
    assert str(kept) in capsys.readouterr().out
    con = duckdb.connect(str(kept), read_only=True)  # the database as it was, untouched
    try:
        assert con.execute("SELECT status FROM action WHERE id = ?", [a["id"]]).fetchone() == ("paused",)
    finally:
        con.close()
    assert edits.action(demo_copy, a["id"])["status"] == "planned"
    report = bk.restore(demo_copy, tmp_path / "b.zip")  # another, in the same second: a name of its own
    assert report.kept_replaced is not None and report.kept_replaced != kept and report.kept_replaced.exists()


def test_a_form_opened_before_the_restore_cannot_overwrite_a_later_save(demo_copy: Store, people,
                                                                        tmp_path: Path) -> None:
    bk.backup(demo_copy, tmp_path / "b.zip")
    a = planned_action(demo_copy)
    m = open_milestone(demo_copy)
    saved = edits.edit_action(demo_copy, people[EDITOR], a["id"], a["version"], {"responsible": "Før gendannelse"})
    moved = edits.move_due(demo_copy, people[EDITOR], m["id"], m["version"], "2027-03-01", "før gendannelse")
    form_action, form_milestone = saved.version, moved.version  # the forms open now, on these versions
    bk.restore(demo_copy, tmp_path / "b.zip")
    # after the restore someone saves first
    now = edits.action(demo_copy, a["id"])
    edits.edit_action(demo_copy, people[ADMIN], a["id"], now["version"], {"responsible": "Efter gendannelse"})
    edits.move_due(demo_copy, people[ADMIN], m["id"], edits.milestone(demo_copy, m["id"])["version"], "2027-09-01",
                   "efter gendannelse")
    with pytest.raises(edits.ConflictError):
        edits.edit_action(demo_copy, people[EDITOR], a["id"], form_action, {"responsible": "Den gamle formular"})
    with pytest.raises(edits.ConflictError):
        edits.move_due(demo_copy, people[EDITOR], m["id"], form_milestone, "2028-01-01", "den gamle formular")
    assert edits.action(demo_copy, a["id"])["responsible"] == "Efter gendannelse"
    assert str(edits.milestone(demo_copy, m["id"])["due"]) == "2027-09-01"
    history = edits.milestone_history(demo_copy, m["id"])
    assert [h["field"] for h in history[:3]] == ["due", "restored", "due"]  # newest first: the restore is on record


def test_on_postgresql_the_record_is_carried_and_versions_move_on(pg_demo_copy: Store, tmp_path: Path) -> None:
    cli = auth.cli_admin("test")
    auth.grant(pg_demo_copy, cli, EDITOR, "editor", municipalities=["København"])
    editor = auth.load_user(pg_demo_copy, EDITOR)
    bk.backup(pg_demo_copy, tmp_path / "b.zip")
    a = planned_action(pg_demo_copy)
    saved = edits.edit_action(pg_demo_copy, editor, a["id"], a["version"], {"status": "paused"}, "efter backup")
    report = bk.restore(pg_demo_copy, tmp_path / "b.zip", who="tester")
    assert report.kept_replaced is None  # no file to keep on PostgreSQL
    assert pg_demo_copy.query("SELECT count(*) FROM action_event WHERE note = 'efter backup'").iloc[0, 0] == 1
    now = edits.action(pg_demo_copy, a["id"])
    assert now["status"] == "planned" and now["version"] > saved.version
    edits.edit_action(pg_demo_copy, editor, a["id"], now["version"], {"responsible": "Efter"})
    with pytest.raises(edits.ConflictError):
        edits.edit_action(pg_demo_copy, editor, a["id"], saved.version, {"responsible": "Gammel formular"})
