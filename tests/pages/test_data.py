"""The Data page through AppTest: upload, a preview that writes nothing, then Indlæs applies it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dk2020dash import auth, i18n, queries
from dk2020dash.db.store import Store
from dk2020dash.ui.signin import SESSION_KEY
from tests.ingest_helpers import assert_unchanged, snapshot
from tests.support import page

GOOD = "kommune;år;sektor;ton\n101;2024;vej;1.234,5\n751;2024;El;99\n".encode("cp1252")
BAD = "kommune;år;sektor;ton\n101;2024;vej;mange\nGotham;2024;vej;5\n".encode()


@pytest.fixture
def env(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    path = tmp_path / "page.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("DK2020_DB", str(path))
    store = Store(path)
    auth.grant(store, auth.cli_admin("test"), ADMIN, "admin")
    return store


ADMIN = "admin@kommune.dk"


def data_page(signed_in: str | None = ADMIN, **query: str) -> AppTest:
    """The Data page, signed in as an admin (local account session) unless signed_in is None."""
    return page("pages/data.py", session={SESSION_KEY: signed_in} if signed_in else None, timeout=60, **query)


def upload(at: AppTest, name: str, data: bytes, kind: str = "inventory") -> AppTest:
    at.selectbox(key="imp-kind").set_value(kind).run()
    at.file_uploader(key="imp-file").set_value((name, data, "text/csv"))
    return at.run()


def test_page_shows_the_form(env: Store) -> None:
    at = data_page()
    assert not at.exception
    assert at.title[0].value == i18n.t("data.title", "da")
    assert at.file_uploader(key="imp-file") is not None


def test_upload_shows_preview_and_writes_nothing_until_applied(env: Store) -> None:
    before = snapshot(env)
    log_before = len(queries.import_log(env))
    at = upload(data_page(), "ecr2025.csv", GOOD)
    assert not at.exception
    assert any(i18n.t("imp.preview", "da") in s.value for s in at.subheader)
    assert any("Eksempeldata (demo) af denne slags fjernes" in w.value for w in at.warning)
    assert at.button(key="imp-apply").label == i18n.t("imp.apply", "da")
    assert "dl-import-pr-kommune-csv" in {d.key for d in at.get("download_button")}
    assert_unchanged(before, env)  # the preview is a dry run
    assert len(queries.import_log(env)) == log_before

    at.button(key="imp-apply").click().run()
    assert not at.exception
    assert any("Indlæst: ecr2025.csv" in s.value for s in at.success)
    assert queries.editions(env)["name"].tolist() == ["ecr2025"]
    assert "inventory" not in queries.demo_kinds(env)
    assert queries.import_log(env)["outcome"].iloc[0] == "imported"


def test_preview_names_who_loses_figures_and_says_who_keeps_them_only_when_true(env: Store) -> None:
    """Issue 19, item 3: a file for two municipalities removes the demo inventory of all; the preview says which
    municipalities lose their figures, and that those outside the file keep theirs only once some have real ones."""
    losing = env.query("SELECT e.municipality FROM emission e JOIN edition ed ON ed.id = e.edition "
                       "WHERE e.municipality NOT IN (101, 751) GROUP BY 1 HAVING bool_and(ed.is_demo) ORDER BY 1"
                       )["municipality"].astype(int).tolist()
    names = queries.municipalities(env).set_index("code")["name"]
    first = ", ".join(names[c] for c in losing[:10])
    at = upload(data_page(), "ecr2025.csv", GOOD)
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert (f"{len(losing)} kommuner mister deres tal (eksempeldata fjernes): {first} og {len(losing) - 10} andre. "
            "De viser »kan ikke beregnes«, indtil deres egen opgørelse er indlæst.") in warnings
    assert not any("beholder" in m.value for m in at.markdown)
    en = upload(data_page(lang="English"), "ecr2025.csv", GOOD)
    assert any(w.value.startswith(f"{len(losing)} municipalities lose their figures (demo data is removed): {first} "
                                  f"and {len(losing) - 10} others.") for w in en.warning)
    assert not any("keep their figures" in m.value for m in en.markdown)

    at.button(key="imp-apply").click().run()
    assert not at.exception
    at = upload(data_page(), "frb.csv", b"kommune;aar;sektor;ton\n147;2024;vej;5\n")
    assert not at.exception
    assert not any("mister" in w.value for w in at.warning)
    assert any("2 kommuner, der ikke står i filen, beholder deres tal" in m.value for m in at.markdown)


def test_bad_file_shows_problems_in_danish_and_no_button(env: Store) -> None:
    before = snapshot(env)
    at = upload(data_page(), "bad.csv", BAD)
    assert not at.exception
    assert any("kan ikke indlæses" in e.value for e in at.error)
    problems = at.dataframe[0].value
    assert list(problems.columns) == ["Række", "Kolonne", "Værdi", "Forventet"]
    assert problems["Række"].tolist() == [2, 3]
    assert {"dl-importproblemer-csv", "dl-importproblemer-xlsx"} <= {d.key for d in at.get("download_button")}
    assert not [b for b in at.button if b.key == "imp-apply"]
    assert_unchanged(before, env)


def test_bad_file_shows_problems_in_english_on_the_english_page(env: Store) -> None:
    """Issue 18: the problem list is in the page's language (the import log keeps the Danish record)."""
    at = upload(data_page(lang="English"), "bad.csv", BAD)
    assert not at.exception
    assert [e.value for e in at.error] == [i18n.t("imp.rejected", "en", count=2)]
    problems = at.dataframe[0].value
    assert list(problems.columns) == ["Row", "Column", "Value", "Expected"]
    assert problems["Expected"].tolist() == [i18n.t("imp.p.number", "en"), i18n.t("imp.p.municipality", "en")]
    assert problems["Value"].tolist() == ["mange", "Gotham"]  # what the file holds, as it holds it
    danish = upload(data_page(), "bad.csv", BAD).dataframe[0].value
    assert danish["Forventet"].tolist() == [i18n.t("imp.p.number", "da"), i18n.t("imp.p.municipality", "da")]


def test_a_file_that_cannot_be_read_is_explained_in_the_pages_language(env: Store) -> None:
    for lang, name in (("en", "English"), ("da", "Dansk")):
        at = upload(data_page(lang=name), "x.csv", b"\x00\x01\x02binary")
        assert not at.exception
        assert at.dataframe[0].value.iloc[0, -1] == i18n.t("imp.file.binary", lang)


def test_a_field_longer_than_the_csv_limit_is_a_refusal_with_the_row(env: Store) -> None:
    """_csv.Error ('field larger than field limit (131072)') reached the page as a traceback."""
    from dk2020dash.errors import render

    data = ("kommune;titel;status\n101;" + "x" * 140_000 + ";planlagt\n").encode()
    at = upload(data_page(), "lang.csv", data, kind="actions")
    assert not at.exception
    problems = at.dataframe[0].value
    assert problems.iloc[0, 0] == 2 and problems.iloc[0, -1] == render("imp.file.field_too_long", "da", {"count": 131_072})
    assert not [b for b in at.button if b.label == i18n.t("imp.apply", "da")]  # a preview: nothing to apply


def test_garbage_upload_is_a_message_not_a_traceback(env: Store) -> None:
    at = upload(data_page(lang="English"), "ecr.xlsx", b"kommune;aar\n101;2020\n")
    assert not at.exception
    assert any("cannot be imported" in e.value for e in at.error)


def test_preview_in_english(env: Store) -> None:
    at = upload(data_page(lang="English"), "plans.csv", "kommune;basisår;nettonul år;mål 2030\n101;1990;2050;70 %\n".encode(),
                kind="plans")
    assert not at.exception
    assert any(i18n.t("imp.preview", "en") in s.value for s in at.subheader)
    assert any("plans (with targets) of the municipalities in the file are replaced" in m.value for m in at.markdown)


# -- export, backup and restore ----------------------------------------------------------------------

@pytest.fixture
def real_backup(tmp_path: Path) -> bytes:
    """A backup of a database with one real inventory and no demo data (and the admin who restores it)."""
    from dk2020dash.exports import backup
    from dk2020dash.ingest import run_import

    store = Store(tmp_path / "real.duckdb")
    store.create()
    auth.grant(store, auth.cli_admin("test"), ADMIN, "admin")
    assert run_import(store, "inventory", GOOD, "ecr2025.csv", who="test").written
    return backup.backup_bytes(store)


def restore_upload(at: AppTest, name: str, data: bytes, n: int = 0) -> AppTest:
    at.file_uploader(key=f"restore-file-{n}").set_value((name, data, "application/zip"))
    return at.run()


def test_the_page_offers_export_backup_and_restore(env: Store) -> None:
    at = data_page()
    assert not at.exception
    assert any(s.value == i18n.t("exp.restore", "da") for s in at.subheader)
    assert at.file_uploader(key="restore-file-0") is not None
    assert not [b for b in at.button if b.key == "restore-apply"]


@pytest.mark.parametrize("name, data", [("noter.zip", b"ikke en zip"), ("ecr2025.csv", GOOD),
                                        ("env.duckdb", b"DUCK" * 100)])
def test_a_file_that_is_not_our_backup_is_refused_in_danish_and_nothing_changes(env: Store, name: str,
                                                                                   data: bytes) -> None:
    before, version = snapshot(env), env.data_version()
    at = restore_upload(data_page(), name, data)
    assert not at.exception
    (error,) = at.error
    assert error.value == (f"{name} kan ikke gendannes: filen er ikke en backup fra DK2020 Klimaplan-dashboard. "
                           "Intet er ændret.")
    assert not [b for b in at.button if b.key == "restore-apply"]
    assert_unchanged(before, env)
    assert env.data_version() == version


def test_a_refusal_in_english(env: Store, real_backup: bytes) -> None:
    import io
    import zipfile

    damaged = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(real_backup)) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.namelist():
            blob = src.read(item)
            dst.writestr(item, blob[:-1] + bytes([blob[-1] ^ 1]) if item == "tables/emission.parquet" else blob)
    at = restore_upload(data_page(lang="English"), "b.zip", damaged.getvalue())
    assert not at.exception
    assert [e.value for e in at.error] == [
        "b.zip cannot be restored: the backup is incomplete, damaged or changed after it was made. Nothing was changed."]


def test_a_backup_shows_what_it_holds_and_is_restored_only_on_confirm(env: Store, real_backup: bytes) -> None:
    before, version = snapshot(env), env.data_version()
    at = restore_upload(data_page(), "dk2020-backup.zip", real_backup)
    assert not at.exception
    assert any("Backuppen er lavet" in m.value for m in at.markdown)
    (contents,) = at.dataframe
    held = contents.value.set_index("Tabel")
    assert held.loc["emission", "Rækker i backuppen"] == "2" and held.loc["edition", "Rækker i backuppen"] == "1"
    assert held.loc["plan", "Rækker nu"] == "98"
    assert any("ALLE nuværende data" in w.value for w in at.warning)
    assert any("Eksempeldata – ikke officielle tal" in w.value for w in at.warning)  # the demo banner, still
    assert_unchanged(before, env)  # nothing before the button

    at.button(key="restore-apply").click().run()
    assert not at.exception
    assert any("Gendannet fra dk2020-backup.zip" in s.value for s in at.success)
    (kept,) = env.path.parent.glob(f"{env.path.name}.erstattet-*")  # the replaced database, kept beside
    assert any(f"Den erstattede databasefil er gemt som {kept.name}" in i.value for i in at.info)
    # The app's cached store and loaders show the restored data: no demo left, so no banner.
    assert not any("Eksempeldata – ikke officielle tal" in w.value for w in at.warning)
    assert env.data_version() > version
    assert queries.editions(env)["name"].tolist() == ["ecr2025"] and queries.demo_kinds(env) == []
    assert queries.import_log(env)["outcome"].iloc[0] == "restored"
    assert at.file_uploader(key="restore-file-1").value is None  # the restored file is not offered again
    assert not [b for b in at.button if b.key == "restore-apply"]


# -- a damaged database (issue 9 item 10) and the cache after init --force (item 6) --------------------------------

def test_a_damaged_database_shows_how_to_restore_it_on_the_data_page(env: Store) -> None:
    """The roles live in the damaged file, so no upload is offered; the page says how an admin restores (the CLI's
    restore --force over a damaged file is tested in test_backup)."""
    data = env.path.read_bytes()
    env.path.write_bytes(data[: len(data) // 2])  # truncated
    other = page(timeout=60)  # every other page: the plain error
    assert not other.exception and other.error and not other.file_uploader
    at = data_page()
    assert not at.exception
    assert any(s.value == i18n.t("exp.damaged.title", "da") for s in at.subheader)
    assert any("restore BACKUP.zip --force" in m.value for m in at.markdown)
    assert not at.file_uploader and not at.button  # nothing that writes, nothing that needs the data
    assert env.path.read_bytes() == data[: len(data) // 2]


def test_after_init_force_a_running_app_shows_the_new_database(env: Store) -> None:
    """init --force starts the data version over at 1: once the new database has reached the old one's version,
    the app must still not serve its cached figures of the old database."""
    at = data_page()
    old = env.data_version()
    assert any("Eksempeldata – ikke officielle tal" in w.value for w in at.warning)
    Store(env.path).create(force=True)  # python -m dk2020dash init --empty --force, while the app runs
    while env.data_version() < old:
        with env.transaction():  # each write moves the version on
            pass
    assert env.data_version() == old
    at.run()
    assert not at.exception
    assert not any("Eksempeldata – ikke officielle tal" in w.value for w in at.warning)


ACTIONS_HEAD = "municipality,title,sector,status,start,end,expected_2030_t,responsible\n"


def test_an_import_whose_preview_went_stale_is_refused_and_the_new_preview_is_shown(env: Store) -> None:
    """Issue 20, item 2: the admin previews one status change, an editor then saves the action, the admin clicks
    Indlæs: nothing is written, the page says why and shows the new preview; the next click applies that one."""
    from dk2020dash import edits, labels
    from dk2020dash.ingest import run_import

    first = ACTIONS_HEAD + "101,Cykelsti,vej,planned,2025-01-01,2028-12-31,100,Vejafdelingen\n"
    assert run_import(env, "actions", first.encode(), "first.csv", who=ADMIN).written
    auth.grant(env, auth.cli_admin("test"), "kbh@kk.dk", "editor", municipalities=["København"])
    second = (ACTIONS_HEAD + "101,Cykelsti,vej,in_progress,2025-01-01,2028-12-31,100,Vejafdelingen\n").encode()
    at = upload(data_page(), "second.csv", second, kind="actions")
    changes = next(d.value for d in at.dataframe if "old_status" in d.value.columns)  # the status changes
    assert changes[["old_status", "new_status"]].values.tolist() == [[labels.status("planned", "da"),
                                                                       labels.status("in_progress", "da")]]

    aid = int(env.query("SELECT id FROM action WHERE title = 'Cykelsti' AND NOT is_demo").iloc[0, 0])
    version = edits.action(env, aid)["version"]
    edits.edit_action(env, auth.load_user(env, "kbh@kk.dk"), aid, version,
                      {"status": "completed", "expected_2030_t": 150, "responsible": "Mobilitet"})
    saved = edits.action(env, aid)

    at.button(key="imp-apply").click().run()
    assert not at.exception
    assert any("second.csv er ikke indlæst" in w.value for w in at.warning)
    assert not any("Indlæst: second.csv" in s.value for s in at.success)
    assert edits.action(env, aid) == saved  # completed, 150 t, Mobilitet: the editor's save stands
    changes = next(d.value for d in at.dataframe if "old_status" in d.value.columns)  # the status changes
    assert changes[["old_status", "new_status"]].values.tolist() == [[labels.status("completed", "da"),
                                                                       labels.status("in_progress", "da")]]

    at.button(key="imp-apply").click().run()
    assert not at.exception
    assert any("Indlæst: second.csv" in s.value for s in at.success)
    now = edits.action(env, aid)
    assert (now["status"], now["expected_2030_t"], now["responsible"]) == ("in_progress", 100, "Vejafdelingen")
    audit = env.query("SELECT field, old, new, who FROM audit WHERE table_name = 'action' AND row_id = ? "
                      "AND note LIKE '%second.csv%'", [str(aid)])
    assert sorted(audit.itertuples(index=False, name=None)) == [("expected_2030_t", "150", "100", ADMIN),
                                                                ("responsible", "Mobilitet", "Vejafdelingen", ADMIN)]
