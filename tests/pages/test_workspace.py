"""The secretariat workspace through AppTest: sign-in, the Indsatser filters and history, edits by editors (and
refusals for viewers, editors outside their scope and stale saves), Milepæle, Brugere, and no write control for an
anonymous viewer on any page."""
from __future__ import annotations

import shutil
import time
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dk2020dash import auth, edits, i18n
from dk2020dash.db.store import Store
from dk2020dash.ui.shell import PAGES
from dk2020dash.ui.signin import SESSION_KEY, md
from tests.support import LOCAL_PASSWORD, page

EDITOR, OTHER, ADMIN = "kbh@kk.dk", "aarhus@aarhus.dk", "admin@kl.dk"
PASSWORD = LOCAL_PASSWORD


@pytest.fixture
def env(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    path = tmp_path / "ws.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("DK2020_DB", str(path))
    store = Store(path)
    cli = auth.cli_admin("test")
    auth.grant(store, cli, EDITOR, "editor", municipalities=["København"], password=PASSWORD)
    auth.grant(store, cli, OTHER, "editor", municipalities=["Aarhus"])
    auth.grant(store, cli, ADMIN, "admin", password=PASSWORD)
    return store


def open_page(path: str, signed_in: str | None = None, **query: str) -> AppTest:
    return page(path, session={SESSION_KEY: signed_in} if signed_in else None, timeout=90, **query)


def first_action(store: Store, municipality: int, status: str = "planned") -> int:
    return int(store.query("SELECT min(id) FROM action WHERE municipality = ? AND status = ?",
                           [municipality, status]).iloc[0, 0])


def table(at: AppTest, key: str):
    """A dataframe by its key (AppTest knows the key only of a dataframe with row selection) or by a column."""
    column = {"act-history": "Hvem", "ms-overdue": "Milepæl", "ms-regions": "Region", "users-table": "Rolle"}.get(key)
    for d in at.dataframe:
        if d.key == key or (d.key is None and column is not None and column in d.value.columns):
            return d.value
    raise AssertionError(f"no table {key}")


# -- sign-in -------------------------------------------------------------------------------------------------
def test_local_sign_in_and_out_and_a_wrong_password(env: Store) -> None:
    at = open_page("pages/indsatser.py")
    at.text_input(key="auth-email").set_value(EDITOR)
    at.text_input(key="auth-password").set_value("forkert-adgangskode")
    at.button(key="auth-submit").click().run()
    assert not at.exception
    assert [e.value for e in at.sidebar.error] == [md(i18n.t("auth.err.bad_login", "da"))]
    time.sleep(1.1)  # the next attempt for the e-mail waits 1 s (auth.Throttle, in the database)
    at.text_input(key="auth-email").set_value(EDITOR)
    at.text_input(key="auth-password").set_value(PASSWORD)
    at.button(key="auth-submit").click().run()
    assert not at.exception
    assert at.session_state[SESSION_KEY] == EDITOR
    assert any(f"Logget ind som {md(EDITOR)}" in c.value and "redaktør" in c.value for c in at.sidebar.markdown)
    # Sign out (in a session of its own: AppTest replays the form's submit when the form is drawn again).
    at = open_page("pages/indsatser.py", EDITOR)
    at.button(key="auth-sign-out").click().run()
    assert SESSION_KEY not in at.session_state
    assert not [b for b in at.button if b.key == "auth-sign-out"]


# -- Indsatser: filters, totals, history --------------------------------------------------------------------------
def test_filters_narrow_the_table_and_the_totals(env: Store) -> None:
    at = open_page("pages/indsatser.py")
    everything = len(table(at, "ind-table"))
    at.multiselect(key="ind-kommune").set_value(["Aarhus"]).run()
    at.multiselect(key="ind-status").set_value(["delayed"]).run()
    assert not at.exception
    shown = table(at, "ind-table")
    assert 0 < len(shown) < everything
    assert set(shown["Kommune"]) == {"Aarhus"} and set(shown["Status"]) == {"Forsinket"}
    expected = env.query("SELECT count(*) FROM action WHERE municipality = 751 AND status = 'delayed'").iloc[0, 0]
    assert len(shown) == expected
    totals = {m.label: m.value for m in at.metric}
    assert totals["Forsinket"].startswith(f"{expected} ·") and totals["I gang"].startswith("0 ·")


def test_a_link_reproduces_the_view(env: Store) -> None:
    at = open_page("pages/indsatser.py", **{"ind-region": "Nordjylland", "ind-search": "cykel", "ind-type": "Reduktion"})
    assert not at.exception
    shown = table(at, "ind-table")
    nord = set(env.query("SELECT name FROM municipality WHERE region = 'Nordjylland'")["name"])
    assert len(shown) > 0 and set(shown["Kommune"]) <= nord
    assert all("cykel" in title.casefold() for title in shown["Handling"])


def test_stale_only(env: Store) -> None:
    at = open_page("pages/indsatser.py", **{"ind-kommune": "København"})
    at.toggle(key="ind-stale").set_value(True).run()
    shown = table(at, "ind-table")
    assert len(shown) > 0 and set(shown["Forældet"]) == {i18n.t("mun.stale", "da")}


def test_the_history_shows_who_when_old_new_and_note(env: Store) -> None:
    aid = first_action(env, 101)
    editor = auth.load_user(env, EDITOR)
    version = edits.action(env, aid)["version"]
    edits.edit_action(env, editor, aid, version, {"status": "in_progress", "responsible": "<b>Klima</b>"},
                      "Udbud <script>x</script>")
    at = open_page("pages/indsatser.py", indsats=str(aid))
    assert not at.exception
    history = table(at, "act-history")
    assert list(history.columns) == ["Hvornår", "Hvem", "Felt", "Før", "Efter", "Note"]
    assert set(history["Hvem"]) >= {EDITOR}
    status_row = history[history["Felt"] == "Status"].iloc[0]
    assert (status_row["Før"], status_row["Efter"]) == ("Planlagt", "I gang")
    responsible = history[history["Felt"] == "Ansvarlig"].iloc[0]
    assert responsible["Efter"] == "<b>Klima</b>" and responsible["Note"] == "Udbud <script>x</script>"  # as text


@pytest.mark.parametrize("raw", ["²", "٣", "99999999999999999999", "-1"])
def test_an_id_in_the_url_that_is_no_number_is_a_warning_not_a_traceback(env: Store, raw: str) -> None:
    """'²'.isdigit() is true and int('²') raises: the page showed the traceback, server paths included."""
    at = open_page("pages/indsatser.py", indsats=raw)
    assert not at.exception
    assert any("findes ikke" in w.value for w in at.warning)


# -- edits --------------------------------------------------------------------------------------------------------
def test_an_editor_edits_an_action_of_their_municipality(env: Store) -> None:
    aid = first_action(env, 101)
    events = env.query("SELECT count(*) FROM action_event").iloc[0, 0]
    at = open_page("pages/indsatser.py", EDITOR, indsats=str(aid))
    at.selectbox(key=f"act-status-{aid}").set_value("in_progress")
    at.text_input(key=f"act-responsible-{aid}").set_value("Klimasekretariatet")
    at.text_area(key=f"act-note-{aid}").set_value("Kontrakt underskrevet")
    at.button(key=f"act-save-{aid}").click().run()
    assert not at.exception
    assert any("Gemt" in s.value for s in at.success)
    row = edits.action(env, aid)
    assert (row["status"], row["responsible"], row["last_updated"]) == ("in_progress", "Klimasekretariatet", date.today())
    assert env.query("SELECT count(*) FROM action_event").iloc[0, 0] == events + 1
    assert env.query("SELECT who, note FROM action_event ORDER BY id DESC LIMIT 1").values.tolist() == [
        [EDITOR, "Kontrakt underskrevet"]]
    assert env.query("SELECT field, who FROM audit WHERE table_name = 'action'").values.tolist() == [
        ["responsible", EDITOR]]


def test_a_bad_edit_is_refused_with_a_message_and_nothing_written(env: Store) -> None:
    aid = first_action(env, 101)
    before = edits.action(env, aid)
    at = open_page("pages/indsatser.py", EDITOR, indsats=str(aid))
    at.number_input(key=f"act-expected-{aid}").set_value(-5.0)
    at.button(key=f"act-save-{aid}").click().run()
    assert not at.exception
    assert any("negativ" in e.value for e in at.error)
    assert edits.action(env, aid) == before


def test_a_viewer_sees_the_history_but_no_edit_form(env: Store) -> None:
    aid = first_action(env, 101)
    for who in (None, "ukendt@kommune.dk"):  # not signed in, and signed in without a role
        at = open_page("pages/indsatser.py", who, indsats=str(aid))
        assert not at.exception
        assert any(s.value.startswith("Indsats:") for s in at.subheader)
        assert len(table(at, "act-history")) >= 1  # the demo's own status history
        assert not [b for b in at.button if (b.key or "").startswith("act-save")]


def test_an_editor_outside_their_scope_gets_no_form_and_a_reason(env: Store) -> None:
    aid = first_action(env, 751)
    at = open_page("pages/indsatser.py", EDITOR, indsats=str(aid))
    assert not at.exception
    assert not [b for b in at.button if (b.key or "").startswith("act-save")]
    assert any("uden for brugerens område" in c.value for c in at.markdown)


def test_a_save_on_a_stale_view_is_refused_and_shows_the_newer_values(env: Store) -> None:
    aid = first_action(env, 101)
    at = open_page("pages/indsatser.py", EDITOR, indsats=str(aid))  # the form opens on version v
    other = auth.load_user(env, ADMIN)
    edits.edit_action(env, other, aid, edits.action(env, aid)["version"], {"status": "cancelled"})  # someone saves first
    at.selectbox(key=f"act-status-{aid}").set_value("completed")
    at.button(key=f"act-save-{aid}").click().run()
    assert not at.exception
    (message,) = [e.value for e in at.error]
    assert md(ADMIN) in message and md("Status: Opgivet") in message
    assert edits.action(env, aid)["status"] == "cancelled"  # never overwritten
    # The form opens again on the newer row, so a second save is a deliberate one.
    assert at.selectbox(key=f"act-status-{aid}").value == "cancelled"


# -- Milepæle -------------------------------------------------------------------------------------------------------
def test_milestones_lists_and_an_editor_marks_one_done(env: Store) -> None:
    at = open_page("pages/milepaele.py", EDITOR, **{"ms-kommune": "København"})
    assert not at.exception
    overdue = table(at, "ms-overdue")
    assert len(overdue) == env.query("SELECT count(*) FROM milestone WHERE done IS NULL AND due < current_date"
                                     ).iloc[0, 0]
    regions = table(at, "ms-regions")
    assert len(regions) == 5
    mid = at.selectbox(key="ms-which").value
    assert env.query("SELECT municipality FROM milestone WHERE id = ?", [mid]).iloc[0, 0] == 101
    if env.query("SELECT done FROM milestone WHERE id = ?", [mid]).iloc[0, 0] is not None:
        open_id = int(env.query("SELECT min(id) FROM milestone WHERE municipality = 101 AND done IS NULL").iloc[0, 0])
        at.selectbox(key="ms-which").set_value(open_id).run()
        mid = open_id
    at.text_input(key=f"ms-done-note-{mid}").set_value("Sendt til KKR")
    at.button(key=f"ms-done-save-{mid}").click().run()
    assert not at.exception
    assert any(s.value == md(i18n.t("ms.saved", "da")) for s in at.success)
    assert str(env.query("SELECT done FROM milestone WHERE id = ?", [mid]).iloc[0, 0])[:10] == date.today().isoformat()
    assert env.query("SELECT count(*) FROM audit WHERE table_name = 'milestone' AND row_id = ?",
                     [str(mid)]).iloc[0, 0] == 2


def test_a_viewer_gets_no_milestone_form(env: Store) -> None:
    at = open_page("pages/milepaele.py", None, **{"ms-kommune": "København"})
    assert not at.exception
    assert not [s for s in at.selectbox if s.key == "ms-which"]


# -- Brugere ------------------------------------------------------------------------------------------------------
def test_only_an_admin_sees_the_users_page_controls_and_grants_a_role(env: Store) -> None:
    for who in (None, EDITOR):
        at = open_page("pages/brugere.py", who)
        assert not at.exception and not [b for b in at.button if b.key == "users-save"]
    at = open_page("pages/brugere.py", ADMIN)
    assert EDITOR in set(table(at, "users-table")["E-mail"])
    at.text_input(key="users-email").set_value("ny@odense.dk")
    at.selectbox(key="users-role").set_value("editor")
    at.multiselect(key="users-municipalities").set_value(["Odense"])
    at.button(key="users-save").click().run()
    assert not at.exception
    user = auth.load_user(env, "ny@odense.dk")
    assert user.role == "editor" and user.codes == {461}
    assert env.query("SELECT who FROM audit WHERE row_id = 'ny@odense.dk'")["who"].unique().tolist() == [ADMIN]


def test_an_admin_sees_a_binding_and_resets_it_and_a_look_alike_email_is_refused(env: Store) -> None:
    """Issue 20, items 1 and 11 on the Brugere page: an e-mail with a Cyrillic letter is refused with the reason,
    nothing written; the provider identity an account is bound to is in the table and an admin resets it (on
    record)."""
    auth.provider_user(env, {"iss": "https://idp.example", "sub": "aarhus-1", "email": OTHER, "email_verified": True})
    count = len(auth.list_users(env))
    at = open_page("pages/brugere.py", ADMIN)
    at.text_input(key="users-email").set_value("\u0441hef@kl.dk")  # Cyrillic с
    at.selectbox(key="users-role").set_value("admin")
    at.button(key="users-save").click().run()
    assert not at.exception
    assert any("CYRILLIC SMALL LETTER ES" in e.value for e in at.error)
    assert len(auth.list_users(env)) == count

    at = open_page("pages/brugere.py", ADMIN)
    users = table(at, "users-table").set_index("E-mail")
    assert users.loc[OTHER, "Bundet til (udbyder · id)"] == "https://idp.example · aarhus-1"
    at.selectbox(key="users-unbind").set_value(OTHER).run()
    at.button(key="users-unbind-button").click().run()
    assert not at.exception
    assert env.query("SELECT idp_subject IS NULL FROM app_user WHERE email = ?", [OTHER]).iloc[0, 0]
    assert env.query("SELECT who FROM audit WHERE row_id = ? AND field = 'identity' ORDER BY id DESC LIMIT 1",
                     [OTHER]).iloc[0, 0] == ADMIN


# -- no write control for an anonymous viewer, on any page ---------------------------------------------------------
WRITE_WIDGETS = ("file_uploader", "data_editor")


@pytest.mark.parametrize("page", [p for group in PAGES.values() for p, *_ in group])
def test_no_write_control_for_an_anonymous_viewer(env: Store, page: str) -> None:
    aid = first_action(env, 101)
    at = open_page(page, None, indsats=str(aid), **{"ms-kommune": "København", "kommune": "København"})
    assert not at.exception
    for kind in WRITE_WIDGETS:
        assert not at.get(kind), (page, kind)
    # The only buttons (form submit buttons included) are the sign-in and the Præsentation page's slide
    # navigation; downloads are reading, not writing.
    assert {b.key for b in at.button} <= {"auth-submit", "kkr-prev", "kkr-next"}, {b.key for b in at.button}


def test_the_data_page_import_and_restore_are_for_admins_and_log_the_signed_in_user(env: Store) -> None:
    for who in (None, EDITOR):
        at = open_page("pages/data.py", who)
        assert not at.exception and not at.get("file_uploader")
        assert any(i18n.t("auth.admin_only", "da") in i.value for i in at.info)
    at = open_page("pages/data.py", ADMIN)
    assert {u.key for u in at.get("file_uploader")} == {"imp-file", "restore-file-0"}
    assert not [t for t in at.text_input if t.key == "imp-who"]  # no typed name
    at.selectbox(key="imp-kind").set_value("inventory").run()
    at.file_uploader(key="imp-file").set_value(("ecr.csv", "kommune;år;sektor;ton\n101;2024;vej;5\n".encode(),
                                                "text/csv"))
    at.run()
    at.button(key="imp-apply").click().run()
    assert not at.exception
    assert env.query("SELECT who FROM import_log ORDER BY id DESC LIMIT 1").iloc[0, 0] == ADMIN


@pytest.mark.parametrize("page", ["pages/indsatser.py", "pages/milepaele.py", "pages/brugere.py"])
def test_the_new_pages_in_english(env: Store, page: str) -> None:
    aid = first_action(env, 101)
    at = open_page(page, ADMIN, lang="English", indsats=str(aid), **{"ms-kommune": "København"}).run()
    assert not at.exception
    title = {"pages/indsatser.py": "act.title", "pages/milepaele.py": "ms.title", "pages/brugere.py": "users.title"}
    assert at.title[0].value == i18n.t(title[page], "en")
    assert any(f"Signed in as {md(ADMIN)}" in c.value and "admin" in c.value for c in at.sidebar.markdown)


def test_an_editor_moves_a_due_date_with_a_reason(env: Store) -> None:
    at = open_page("pages/milepaele.py", EDITOR, **{"ms-kommune": "København"})
    mid = at.selectbox(key="ms-which").value
    before = edits.milestone(env, mid)
    at.button(key=f"ms-move-save-{mid}").click().run()  # no reason: refused, nothing written
    assert any("begrundelse" in e.value for e in at.error)
    assert edits.milestone(env, mid) == before
    at.date_input(key=f"ms-due-{mid}").set_value(date(2027, 6, 30))
    at.text_input(key=f"ms-reason-{mid}").set_value("Byrådsmødet er flyttet")
    at.button(key=f"ms-move-save-{mid}").click().run()
    assert not at.exception
    assert edits.milestone(env, mid)["due"] == date(2027, 6, 30)
    (row,) = edits.milestone_history(env, mid)
    assert (row["field"], row["new"], row["note"], row["who"]) == ("due", "2027-06-30", "Byrådsmødet er flyttet", EDITOR)
