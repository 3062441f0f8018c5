"""Writes by signed-in users (edits.py): permissions, validation, optimistic concurrency, and exactly the history
rows each change leaves."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from dk2020dash import auth, edits
from dk2020dash.db.store import Store

TODAY = date(2026, 11, 30)


def history_counts(store: Store) -> tuple[int, int, int]:
    """(action_event rows, audit rows, data version)."""
    row = store.query("SELECT (SELECT count(*) FROM action_event), (SELECT count(*) FROM audit)").iloc[0]
    return int(row.iloc[0]), int(row.iloc[1]), store.data_version()


def an_action(store: Store, municipality: int = 101, status: str | None = None) -> dict:
    sql = "SELECT id FROM action WHERE municipality = ? AND start_date IS NOT NULL AND end_date IS NOT NULL"
    params: list = [municipality]
    if status:
        sql += " AND status = ?"
        params.append(status)
    aid = int(store.query(sql + " ORDER BY id LIMIT 1", params).iloc[0, 0])
    return edits.action(store, aid)


def an_open_milestone(store: Store, municipality: int = 101) -> dict:
    mid = int(store.query("SELECT id FROM milestone WHERE municipality = ? AND done IS NULL ORDER BY id LIMIT 1",
                          [municipality]).iloc[0, 0])
    return edits.milestone(store, mid)


@pytest.fixture
def people(demo_copy: Store) -> dict[str, auth.User]:
    admin = auth.cli_admin("test")
    auth.grant(demo_copy, admin, "kbh@kk.dk", "editor", municipalities=["København"])
    auth.grant(demo_copy, admin, "midt@rm.dk", "editor", regions=["Midtjylland"])
    auth.grant(demo_copy, admin, "boss@kl.dk", "admin")
    return {e: auth.load_user(demo_copy, e) for e in ("kbh@kk.dk", "midt@rm.dk", "boss@kl.dk")}


# -- permissions -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("who", [None, "ukendt@kommune.dk"])
def test_a_viewer_is_refused_and_nothing_is_written(demo_copy: Store, people, who) -> None:
    a = an_action(demo_copy)
    before = history_counts(demo_copy)
    with pytest.raises(auth.AuthError) as err:
        edits.edit_action(demo_copy, auth.load_user(demo_copy, who), a["id"], a["version"], {"status": "paused"})
    assert err.value.key == "auth.err.viewer"
    with pytest.raises(auth.AuthError):
        edits.mark_done(demo_copy, auth.load_user(demo_copy, who), an_open_milestone(demo_copy)["id"], None, TODAY,
                        today=TODAY)
    assert history_counts(demo_copy) == before
    assert edits.action(demo_copy, a["id"]) == a


def test_an_editor_outside_their_scope_is_refused(demo_copy: Store, people) -> None:
    aarhus = an_action(demo_copy, 751)
    before = history_counts(demo_copy)
    with pytest.raises(auth.AuthError, match="Aarhus") as err:
        edits.edit_action(demo_copy, people["kbh@kk.dk"], aarhus["id"], aarhus["version"], {"status": "paused"})
    assert err.value.key == "auth.err.scope"
    with pytest.raises(auth.AuthError):
        edits.move_due(demo_copy, people["kbh@kk.dk"], an_open_milestone(demo_copy, 751)["id"], None, TODAY, "fordi")
    assert history_counts(demo_copy) == before


def test_a_region_scope_covers_its_municipalities_and_an_admin_covers_all(demo_copy: Store, people) -> None:
    aarhus, kbh = an_action(demo_copy, 751), an_action(demo_copy, 101)
    assert edits.edit_action(demo_copy, people["midt@rm.dk"], aarhus["id"], aarhus["version"],
                             {"responsible": "Regionens testenhed"}, today=TODAY).version == aarhus["version"] + 1
    with pytest.raises(auth.AuthError):
        edits.edit_action(demo_copy, people["midt@rm.dk"], kbh["id"], kbh["version"], {"responsible": "x"})
    assert edits.edit_action(demo_copy, people["boss@kl.dk"], kbh["id"], kbh["version"], {"responsible": "x"},
                             today=TODAY).audits == 1


# -- history rows ----------------------------------------------------------------------------------------------
def test_a_status_change_leaves_one_action_event_and_no_audit(demo_copy: Store, people) -> None:
    a = an_action(demo_copy, status="planned")
    events, audits, version = history_counts(demo_copy)
    saved = edits.edit_action(demo_copy, people["kbh@kk.dk"], a["id"], a["version"], {"status": "in_progress"},
                              "Udbud afsluttet", today=TODAY)
    assert saved == edits.Saved(a["version"] + 1, 1, 0)
    assert history_counts(demo_copy) == (events + 1, audits, version + 1)
    ev = demo_copy.query("SELECT * FROM action_event ORDER BY id DESC LIMIT 1").iloc[0]
    assert (ev["action_id"], ev["who"], ev["old_status"], ev["new_status"], ev["note"], ev["changed_on"].date()) == (
        a["id"], "kbh@kk.dk", "planned", "in_progress", "Udbud afsluttet", TODAY)
    now = edits.action(demo_copy, a["id"])
    assert now["status"] == "in_progress" and now["version"] == a["version"] + 1 and now["last_updated"] == TODAY


def test_other_fields_leave_one_audit_row_each_with_old_and_new(demo_copy: Store, people) -> None:
    a = an_action(demo_copy)
    events, audits, _ = history_counts(demo_copy)
    start = a["start_date"] + timedelta(days=10)
    changes = {"start_date": start.isoformat(), "end_date": a["end_date"] + timedelta(days=30),
               "expected_2030_t": "12,5", "responsible": "Klimasekretariatet", "status": a["status"]}  # status unchanged
    saved = edits.edit_action(demo_copy, people["kbh@kk.dk"], a["id"], a["version"], changes, "Ny tidsplan",
                              today=TODAY)
    assert (saved.events, saved.audits) == (0, 4)
    assert history_counts(demo_copy)[:2] == (events, audits + 4)
    rows = demo_copy.query("SELECT field, old, new, who, note FROM audit WHERE table_name = 'action' AND row_id = ? "
                           "ORDER BY id", [str(a["id"])])
    assert rows["field"].tolist() == ["start_date", "end_date", "expected_2030_t", "responsible"]
    assert rows["old"].tolist()[0] == a["start_date"].isoformat() and rows["new"].tolist()[0] == start.isoformat()
    assert rows["new"].tolist()[2] == "12.5"
    assert set(rows["who"]) == {"kbh@kk.dk"} and set(rows["note"]) == {"Ny tidsplan"}
    history = edits.action_history(demo_copy, a["id"])
    assert {h["field"] for h in history[:4]} == {"start_date", "end_date", "expected_2030_t", "responsible"}


def test_status_and_a_field_together_leave_one_event_and_one_audit(demo_copy: Store, people) -> None:
    a = an_action(demo_copy, status="planned")
    events, audits, _ = history_counts(demo_copy)
    edits.edit_action(demo_copy, people["kbh@kk.dk"], a["id"], a["version"],
                      {"status": "delayed", "responsible": "Vej og Park"}, today=TODAY)
    assert history_counts(demo_copy)[:2] == (events + 1, audits + 1)
    fields = [h["field"] for h in edits.action_history(demo_copy, a["id"])]
    assert "status" in fields and "responsible" in fields


def test_milestone_done_leaves_one_audit_row_and_moves_its_version(demo_copy: Store, people) -> None:
    m = an_open_milestone(demo_copy)
    assert m["version"] == 1
    events, audits, _ = history_counts(demo_copy)
    saved = edits.mark_done(demo_copy, people["kbh@kk.dk"], m["id"], m["version"], "2026-11-02", None, today=TODAY)
    assert (saved.version, saved.audits) == (2, 1)
    assert history_counts(demo_copy)[:2] == (events, audits + 1)
    now = edits.milestone(demo_copy, m["id"])
    assert now["done"] == date(2026, 11, 2) and now["version"] == 2
    with pytest.raises(edits.EditError) as err:  # already done
        edits.mark_done(demo_copy, people["kbh@kk.dk"], m["id"], 2, TODAY, today=TODAY)
    assert err.value.key == "edit.err.already_done"


def test_milestone_done_with_a_note_records_the_note_too(demo_copy: Store, people) -> None:
    m = an_open_milestone(demo_copy)
    saved = edits.mark_done(demo_copy, people["kbh@kk.dk"], m["id"], m["version"], TODAY, "Sendt til KKR",
                            today=TODAY)
    assert saved.audits == 2
    hist = edits.milestone_history(demo_copy, m["id"])
    assert {h["field"] for h in hist} == {"done", "note"} and {h["note"] for h in hist} == {"Sendt til KKR"}
    assert edits.milestone(demo_copy, m["id"])["note"] == "Sendt til KKR"


def test_moving_a_due_date_needs_a_reason_and_records_it(demo_copy: Store, people) -> None:
    m = an_open_milestone(demo_copy)
    before = history_counts(demo_copy)
    with pytest.raises(edits.EditError) as err:
        edits.move_due(demo_copy, people["kbh@kk.dk"], m["id"], m["version"], "2027-03-01", "  ")
    assert err.value.key == "edit.err.reason" and history_counts(demo_copy) == before
    edits.move_due(demo_copy, people["kbh@kk.dk"], m["id"], m["version"], "2027-03-01", "Byrådsmøde flyttet")
    (row,) = edits.milestone_history(demo_copy, m["id"])
    assert (row["field"], row["old"], row["new"], row["note"], row["who"]) == (
        "due", m["due"].isoformat(), "2027-03-01", "Byrådsmøde flyttet", "kbh@kk.dk")


# -- validation: every rule refuses with a clear message and writes nothing -----------------------------------
@pytest.mark.parametrize("changes, key", [
    ({"status": "færdig"}, "edit.err.status"),
    ({"start_date": "31-12-2026"}, "edit.err.date"),
    ({"expected_2030_t": "mange"}, "edit.err.expected"),
    ({"expected_2030_t": float("nan")}, "edit.err.expected"),
    ({"expected_2030_t": -1}, "edit.err.negative"),
    ({"expected_2030_t": 1e12}, "edit.err.too_large"),
    ({"responsible": "x" * 201}, "edit.err.too_long"),
    ({}, "edit.err.nothing"),
])
def test_bad_action_input_is_refused_and_nothing_is_written(demo_copy: Store, people, changes, key) -> None:
    a = an_action(demo_copy)
    before = history_counts(demo_copy)
    with pytest.raises(edits.EditError) as err:
        edits.edit_action(demo_copy, people["kbh@kk.dk"], a["id"], a["version"], changes, today=TODAY)
    assert err.value.key == key and str(err.value)
    assert err.value.message("en") != str(err.value)  # translated
    assert history_counts(demo_copy) == before and edits.action(demo_copy, a["id"]) == a


def test_an_end_before_the_start_is_refused_also_against_the_stored_start(demo_copy: Store, people) -> None:
    a = an_action(demo_copy)
    before = history_counts(demo_copy)
    for changes in ({"end_date": a["start_date"] - timedelta(days=1)},
                    {"start_date": "2030-01-02", "end_date": "2030-01-01"}):
        with pytest.raises(edits.EditError) as err:
            edits.edit_action(demo_copy, people["kbh@kk.dk"], a["id"], a["version"], changes, today=TODAY)
        assert err.value.key == "edit.err.end_before_start"
    assert history_counts(demo_copy) == before


def test_the_upper_bound_is_the_municipalitys_latest_total(demo_copy: Store, people) -> None:
    a = an_action(demo_copy)
    total = demo_copy.query(
        "SELECT sum(tco2e) FROM emission WHERE municipality = 101 AND year = (SELECT max(year) FROM emission) "
        "AND edition = (SELECT max(edition) FROM emission WHERE municipality = 101)").iloc[0, 0]
    edits.edit_action(demo_copy, people["kbh@kk.dk"], a["id"], a["version"], {"expected_2030_t": total}, today=TODAY)
    with pytest.raises(edits.EditError, match="større end kommunens samlede udledning"):
        edits.edit_action(demo_copy, people["kbh@kk.dk"], a["id"], a["version"] + 1,
                          {"expected_2030_t": total + 1}, today=TODAY)


def test_unknown_ids_are_refused(demo_copy: Store, people) -> None:
    with pytest.raises(edits.EditError, match="Handling 99999999 findes ikke"):
        edits.edit_action(demo_copy, people["boss@kl.dk"], 99999999, 1, {"status": "paused"})
    with pytest.raises(edits.EditError, match="Milepæl 99999999 findes ikke"):
        edits.mark_done(demo_copy, people["boss@kl.dk"], 99999999, None, TODAY, today=TODAY)


def test_a_done_date_in_the_future_is_refused(demo_copy: Store, people) -> None:
    m = an_open_milestone(demo_copy)
    before = history_counts(demo_copy)
    with pytest.raises(edits.EditError) as err:
        edits.mark_done(demo_copy, people["kbh@kk.dk"], m["id"], m["version"], TODAY + timedelta(days=1), today=TODAY)
    assert err.value.key == "edit.err.future" and history_counts(demo_copy) == before


def test_html_and_script_are_stored_as_text(demo_copy: Store, people) -> None:
    a = an_action(demo_copy)
    text = '<script>alert("x")</script><b>Teknik</b> & Miljø'
    edits.edit_action(demo_copy, people["kbh@kk.dk"], a["id"], a["version"], {"responsible": text}, text, today=TODAY)
    assert edits.action(demo_copy, a["id"])["responsible"] == text
    assert edits.action_history(demo_copy, a["id"])[0]["note"] == text


# -- optimistic concurrency ------------------------------------------------------------------------------------
def test_a_stale_action_edit_is_refused_with_the_newer_values(demo_copy: Store, people) -> None:
    a = an_action(demo_copy, status="planned")
    edits.edit_action(demo_copy, people["boss@kl.dk"], a["id"], a["version"], {"status": "in_progress"}, today=TODAY)
    before = history_counts(demo_copy)
    with pytest.raises(edits.ConflictError) as err:  # made on the version both started from
        edits.edit_action(demo_copy, people["kbh@kk.dk"], a["id"], a["version"], {"status": "cancelled"}, today=TODAY)
    assert err.value.current["status"] == "in_progress" and err.value.current["version"] == a["version"] + 1
    assert "boss@kl.dk" in str(err.value) and "Status: I gang" in str(err.value)
    assert "Status: In progress" in err.value.message("en")
    assert history_counts(demo_copy) == before
    assert edits.action(demo_copy, a["id"])["status"] == "in_progress"


def test_two_saves_on_one_day_are_in_the_order_they_were_made(demo_copy: Store, people) -> None:
    """A status change (action_event) stored its day only: a field change made earlier that day (audit, with its
    time) came after it in the history, and a stale save named the earlier saver as the one who saved first."""
    from dk2020dash.queries import history

    a = an_action(demo_copy, status="planned")
    first = edits.edit_action(demo_copy, people["kbh@kk.dk"], a["id"], a["version"], {"responsible": "Teknik"})
    edits.edit_action(demo_copy, people["boss@kl.dk"], a["id"], first.version, {"status": "in_progress"})
    shown = [(h["who"], h["field"]) for h in edits.action_history(demo_copy, a["id"])[:2]]
    assert shown == [("boss@kl.dk", "status"), ("kbh@kk.dk", "responsible")]
    with pytest.raises(edits.ConflictError) as err:  # made on the version after the first save
        edits.edit_action(demo_copy, people["kbh@kk.dk"], a["id"], first.version, {"responsible": "Miljø"})
    assert err.value.who == "boss@kl.dk"
    today = date.today()  # a day still means the whole day: the change is among today's
    changes = history.status_changes_since(demo_copy, [101], today, today)
    assert a["id"] in changes["action_id"].tolist()


def test_a_stale_milestone_edit_is_refused(demo_copy: Store, people) -> None:
    m = an_open_milestone(demo_copy)
    edits.move_due(demo_copy, people["boss@kl.dk"], m["id"], m["version"], "2027-06-01", "Ny plan")
    before = history_counts(demo_copy)
    with pytest.raises(edits.ConflictError) as err:
        edits.mark_done(demo_copy, people["kbh@kk.dk"], m["id"], m["version"], TODAY, today=TODAY)
    assert "2027-06-01" in str(err.value) and "boss@kl.dk" in str(err.value)
    assert history_counts(demo_copy) == before
