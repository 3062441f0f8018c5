"""An import applies exactly the preview the user saw (issue 20, item 2): if the data moved since the preview, the
write is refused with nothing written and a new preview shows the change; every field an import changes in a row
that was there before leaves an audit row (who, old, new, the file), status changes their action_event."""
from __future__ import annotations

from datetime import date

import pytest

from dk2020dash import auth, edits
from dk2020dash.db.store import Store
from dk2020dash.ingest import run_import
from dk2020dash.ingest.importer import PreviewMoved

ADMIN = "boss@kl.dk"
EDITOR = "kbh@kk.dk"
HEAD = "municipality,title,sector,status,start,end,expected_2030_t,responsible\n"
FIRST = (HEAD + "101,Cykelsti,vej,planned,2025-01-01,2028-12-31,100,Vejafdelingen\n").encode()
# The admin's file: one status change (planned -> in progress), the rest as it was.
SECOND = (HEAD + "101,Cykelsti,vej,in_progress,2025-01-01,2028-12-31,100,Vejafdelingen\n").encode()


@pytest.fixture
def people(demo_copy: Store) -> dict[str, auth.User]:
    admin = auth.cli_admin("test")
    auth.grant(demo_copy, admin, EDITOR, "editor", municipalities=["København"])
    auth.grant(demo_copy, admin, ADMIN, "admin")
    report = run_import(demo_copy, "actions", FIRST, "first.csv", who=ADMIN)
    assert report.written
    return {e: auth.load_user(demo_copy, e) for e in (EDITOR, ADMIN)}


def cykelsti(store: Store) -> dict:
    aid = int(store.query("SELECT id FROM action WHERE title = 'Cykelsti' AND NOT is_demo").iloc[0, 0])
    return edits.action(store, aid)


def test_an_editors_save_after_the_preview_refuses_the_import_and_the_new_preview_shows_it(
        demo_copy: Store, people) -> None:
    preview = run_import(demo_copy, "actions", SECOND, "second.csv", dry_run=True, who=ADMIN)
    assert preview.ok and preview.data_key == demo_copy.data_key()
    assert preview.summary.status_changes[["old_status", "new_status"]].values.tolist() == [["planned", "in_progress"]]

    before = cykelsti(demo_copy)
    edits.edit_action(demo_copy, people[EDITOR], before["id"], before["version"],
                      {"status": "completed", "expected_2030_t": 150, "responsible": "Mobilitet"},
                      today=date(2026, 11, 30))
    saved = cykelsti(demo_copy)
    events = int(demo_copy.query("SELECT count(*) FROM action_event").iloc[0, 0])

    with pytest.raises(PreviewMoved) as refused:
        run_import(demo_copy, "actions", SECOND, "second.csv", who=ADMIN, expect_data_key=preview.data_key)
    assert "second.csv" in refused.value.message("da")
    assert cykelsti(demo_copy) == saved  # the editor's save stands: completed, 150 t, Mobilitet
    assert (saved["status"], saved["expected_2030_t"], saved["responsible"]) == ("completed", 150, "Mobilitet")
    assert int(demo_copy.query("SELECT count(*) FROM action_event").iloc[0, 0]) == events
    assert demo_copy.query("SELECT * FROM import_log WHERE file_name = 'second.csv'").empty

    again = run_import(demo_copy, "actions", SECOND, "second.csv", dry_run=True, who=ADMIN)
    assert again.data_key != preview.data_key
    assert again.summary.status_changes[["old_status", "new_status"]].values.tolist() == [["completed", "in_progress"]]
    done = run_import(demo_copy, "actions", SECOND, "second.csv", who=ADMIN, expect_data_key=again.data_key)
    assert done.written
    now = cykelsti(demo_copy)
    assert (now["status"], now["expected_2030_t"], now["responsible"]) == ("in_progress", 100, "Vejafdelingen")
    history = {(h["field"], h["old"], h["new"], h["who"]) for h in edits.action_history(demo_copy, now["id"])}
    assert {("status", "completed", "in_progress", ADMIN), ("expected_2030_t", "150", "100", ADMIN),
            ("responsible", "Mobilitet", "Vejafdelingen", ADMIN)} <= history


def test_without_an_expected_key_an_import_writes_as_before(demo_copy: Store, people) -> None:
    assert run_import(demo_copy, "actions", SECOND, "second.csv", who=ADMIN).written  # the CLI's single run


def test_every_field_an_import_changes_has_an_audit_row_and_the_status_its_event(demo_copy: Store, people) -> None:
    aid = cykelsti(demo_copy)["id"]
    changed = (f"id,{HEAD.rstrip()},budget_dkk\n"
               f"{aid},101,Cykelsti langs havnen,vej,in_progress,2025-02-01,2029-12-31,80.5,Teknik og Miljø,2000000\n")
    assert run_import(demo_copy, "actions", changed.encode(), "changed.csv", who=ADMIN).written
    audit = demo_copy.query("SELECT field, old, new, who, note FROM audit WHERE table_name = 'action' AND row_id = ?",
                            [str(aid)])
    assert sorted(audit["field"]) == ["budget_dkk", "end_date", "expected_2030_t", "responsible", "start_date", "title"]
    text = lambda v: v if isinstance(v, str) else None  # noqa: E731 - NULL reads back as NaN beside text
    rows = {f: (text(o), text(n)) for f, o, n in zip(audit["field"], audit["old"], audit["new"], strict=True)}
    assert rows["title"] == ("Cykelsti", "Cykelsti langs havnen")
    assert rows["start_date"] == ("2025-01-01", "2025-02-01")
    assert rows["end_date"] == ("2028-12-31", "2029-12-31")
    assert rows["expected_2030_t"] == ("100", "80.5")
    assert rows["responsible"] == ("Vejafdelingen", "Teknik og Miljø")
    assert rows["budget_dkk"] == (None, "2000000")
    assert set(audit["who"]) == {ADMIN} and all("changed.csv" in n for n in audit["note"])
    events = demo_copy.query("SELECT old_status, new_status, who FROM action_event WHERE action_id = ? "
                             "ORDER BY id", [aid])
    assert events.values.tolist()[-1] == ["planned", "in_progress", ADMIN]


def test_a_milestone_import_records_what_it_changed_and_what_it_removed(demo_copy: Store, people) -> None:
    first = "municipality,kind,due,done,note\n101,status_report,2026-06-30,,\n101,plan_revision,2029-01-01,,\n"
    assert run_import(demo_copy, "milestones", first.encode(), "ms1.csv", who=ADMIN).written
    old = demo_copy.query("SELECT id, kind FROM milestone WHERE NOT is_demo ORDER BY id")
    second = "municipality,kind,due,done,note\n101,status_report,2026-06-30,2026-06-15,Sendt til byrådet\n"
    assert run_import(demo_copy, "milestones", second.encode(), "ms2.csv", who=ADMIN).written
    new_id = int(demo_copy.query("SELECT id FROM milestone WHERE NOT is_demo").iloc[0, 0])
    audit = demo_copy.query("SELECT row_id, field, old, new, who, note FROM audit WHERE table_name = 'milestone' "
                            "ORDER BY id")
    audit = audit.astype(object).where(audit.notna(), None)
    kept = audit[audit["row_id"] == str(new_id)]
    assert sorted(zip(kept["field"], kept["old"], kept["new"], strict=True)) == [
        ("done", None, "2026-06-15"), ("note", None, "Sendt til byrådet")]
    gone = str(int(old.loc[old["kind"] == "plan_revision", "id"].iloc[0]))
    removed = audit[audit["row_id"] == gone]
    assert sorted(zip(removed["field"], removed["old"], removed["new"], strict=True)) == [
        ("due", "2029-01-01", None), ("kind", "plan_revision", None)]
    assert set(audit["who"]) == {ADMIN} and all("ms2.csv" in n for n in audit["note"])
    assert edits.milestone(demo_copy, new_id)["version"] == 3  # 1 + its two audit rows


def test_on_postgresql_too_the_preview_is_applied_or_nothing(pg_demo_copy: Store) -> None:
    """PgStore's write runs on a work copy under PostgreSQL's lock: the key it compares is the data as it is there."""
    admin = auth.cli_admin("test")
    auth.grant(pg_demo_copy, admin, EDITOR, "editor", municipalities=["København"])
    assert run_import(pg_demo_copy, "actions", FIRST, "first.csv", who=ADMIN).written
    preview = run_import(pg_demo_copy, "actions", SECOND, "second.csv", dry_run=True, who=ADMIN)
    assert preview.data_key == pg_demo_copy.data_key()
    before = cykelsti(pg_demo_copy)
    edits.edit_action(pg_demo_copy, auth.load_user(pg_demo_copy, EDITOR), before["id"], before["version"],
                      {"status": "completed"})
    with pytest.raises(PreviewMoved):
        run_import(pg_demo_copy, "actions", SECOND, "second.csv", who=ADMIN, expect_data_key=preview.data_key)
    assert cykelsti(pg_demo_copy)["status"] == "completed"
    again = run_import(pg_demo_copy, "actions", SECOND, "second.csv", dry_run=True, who=ADMIN)
    assert run_import(pg_demo_copy, "actions", SECOND, "second.csv", who=ADMIN,
                      expect_data_key=again.data_key).written
    assert cykelsti(pg_demo_copy)["status"] == "in_progress"
