"""Roles, grants, argon2 passwords, sign-in throttling, the user CLI and the edit CLI, and accounts in backups."""
from __future__ import annotations

import getpass
import io
import json
import zipfile
from pathlib import PurePath

import pytest

from dk2020dash import auth
from dk2020dash.cli import main
from dk2020dash.db.store import Store
from dk2020dash.exports import backup as bk

ADMIN = auth.cli_admin("test")


def audit_rows(store: Store) -> list[tuple]:
    with store.connection() as con:
        return con.execute("SELECT row_id, field, old, new, who FROM audit ORDER BY id").fetchall()


# -- passwords ------------------------------------------------------------------------------------------------
def test_argon2_hashes_verify_and_never_hold_the_password() -> None:
    h = auth.hash_password("korrekt hest batteri")
    assert h.startswith("$argon2id$") and "korrekt" not in h
    assert auth.verify_password(h, "korrekt hest batteri")
    assert not auth.verify_password(h, "korrekt hest batteri!")
    assert not auth.verify_password(None, "korrekt hest batteri")
    assert not auth.verify_password("$argon2id$beskadiget", "korrekt hest batteri")
    assert auth.hash_password("korrekt hest batteri") != h  # salted


def test_a_short_password_is_refused() -> None:
    with pytest.raises(auth.AuthError, match="mindst 10 tegn"):
        auth.hash_password("kort")


def test_sign_in_is_slowed_down_per_email_and_says_the_same_for_unknown_emails(empty_store: Store) -> None:
    auth.grant(empty_store, ADMIN, "lokal@kommune.dk", "admin", password="en-lang-adgangskode")
    now = [1000.0]
    throttle = auth.Throttle(clock=lambda: now[0])
    user = auth.authenticate(empty_store, "Lokal@Kommune.dk ", "en-lang-adgangskode", throttle)
    assert (user.email, user.role) == ("lokal@kommune.dk", "admin")
    with pytest.raises(auth.AuthError) as wrong:
        auth.authenticate(empty_store, "lokal@kommune.dk", "forkert-adgangskode", throttle)
    with pytest.raises(auth.AuthError) as unknown:
        auth.authenticate(empty_store, "ingen@kommune.dk", "forkert-adgangskode", throttle)
    assert wrong.value.key == unknown.value.key == "auth.err.bad_login"
    # the next attempt for the e-mail must wait, even with the right password; other e-mails are not held up
    with pytest.raises(auth.AuthError) as wait:
        auth.authenticate(empty_store, "lokal@kommune.dk", "en-lang-adgangskode", throttle)
    assert wait.value.key == "auth.err.wait"
    now[0] += 1.5
    with pytest.raises(auth.AuthError):
        auth.authenticate(empty_store, "lokal@kommune.dk", "forkert-igen-igen", throttle)
    now[0] += 1.5  # the wait doubles with each failure: 2 s now
    with pytest.raises(auth.AuthError) as wait:
        auth.authenticate(empty_store, "lokal@kommune.dk", "en-lang-adgangskode", throttle)
    assert wait.value.key == "auth.err.wait"
    now[0] += 1.0
    assert auth.authenticate(empty_store, "lokal@kommune.dk", "en-lang-adgangskode", throttle).role == "admin"
    # a success forgives the failures before it: the next attempt need not wait
    assert auth.authenticate(empty_store, "lokal@kommune.dk", "en-lang-adgangskode", throttle).role == "admin"


def test_an_account_without_a_password_cannot_sign_in_locally(empty_store: Store) -> None:
    auth.grant(empty_store, ADMIN, "sso@kommune.dk", "admin")
    with pytest.raises(auth.AuthError):
        auth.authenticate(empty_store, "sso@kommune.dk", "", auth.Throttle())


# -- roles and scope ------------------------------------------------------------------------------------------
def test_unknown_emails_and_no_sign_in_are_viewers(empty_store: Store) -> None:
    for user in (auth.load_user(empty_store, None), auth.load_user(empty_store, "hvem@som.helst.dk")):
        assert user.role == "viewer" and not auth.is_writer(user)
        assert not auth.can_edit(user, 101) and not auth.can_import(user) and not auth.can_grant(user)


def test_an_editors_scope_is_their_municipalities_and_regions(empty_store: Store) -> None:
    user = auth.grant(empty_store, ADMIN, "Ed@Kommune.DK", "editor", regions=["Nordjylland"],
                      municipalities=["aarhus", "101"])
    assert user.email == "ed@kommune.dk" and user.municipalities == (101, 751) and user.regions == ("Nordjylland",)
    nord = set(empty_store.query("SELECT code FROM municipality WHERE region = 'Nordjylland'")["code"])
    assert user.codes == nord | {101, 751}
    assert auth.can_edit(user, 851) and auth.can_edit(user, 101) and not auth.can_edit(user, 147)
    assert not auth.can_import(user) and not auth.can_restore(user) and not auth.can_grant(user)
    admin = auth.grant(empty_store, ADMIN, "a@kommune.dk", "admin", municipalities=["101"])
    assert admin.codes == frozenset() and auth.can_edit(admin, 147) and auth.can_grant(admin)


@pytest.mark.parametrize("kwargs, key", [
    (dict(email="ikke-en-mail", role="editor", regions=["Nordjylland"]), "auth.err.email"),
    (dict(email="a@b.dk", role="superbruger", regions=["Nordjylland"]), "auth.err.role"),
    (dict(email="a@b.dk", role="editor", regions=["Bornholm"]), "auth.err.region"),
    (dict(email="a@b.dk", role="editor", municipalities=["Atlantis"]), "auth.err.municipality"),
    (dict(email="a@b.dk", role="editor"), "auth.err.no_scope"),
    (dict(email="a@b.dk", role="admin", password="kort"), "auth.err.short_password"),
])
def test_bad_grants_are_refused_and_write_nothing(empty_store: Store, kwargs: dict, key: str) -> None:
    version = empty_store.data_version()
    with pytest.raises(auth.AuthError) as err:
        auth.grant(empty_store, ADMIN, **kwargs)
    assert err.value.key == key
    assert empty_store.data_version() == version and auth.list_users(empty_store).empty


def test_only_an_admin_grants_and_nobody_demotes_themselves(empty_store: Store) -> None:
    editor = auth.grant(empty_store, ADMIN, "ed@kommune.dk", "editor", municipalities=["101"])
    with pytest.raises(auth.AuthError, match="administrator"):
        auth.grant(empty_store, editor, "ven@kommune.dk", "admin")
    with pytest.raises(auth.AuthError):
        auth.revoke(empty_store, auth.ANONYMOUS, "ed@kommune.dk")
    boss = auth.grant(empty_store, ADMIN, "boss@kommune.dk", "admin")
    with pytest.raises(auth.AuthError) as err:
        auth.revoke(empty_store, boss, "boss@kommune.dk")
    assert err.value.key == "auth.err.self"


def test_every_grant_change_and_removal_is_on_record(empty_store: Store) -> None:
    auth.grant(empty_store, ADMIN, "ed@kommune.dk", "editor", municipalities=["101"])
    assert audit_rows(empty_store) == [("ed@kommune.dk", "role", None, "editor", "cli:test"),
                                       ("ed@kommune.dk", "scope", None, "101", "cli:test")]
    auth.grant(empty_store, ADMIN, "ed@kommune.dk", "editor", regions=["Sjælland"], password="en-lang-adgangskode")
    assert audit_rows(empty_store)[2:] == [("ed@kommune.dk", "scope", "101", "region:Sjælland", "cli:test"),
                                           ("ed@kommune.dk", "password", None, "set", "cli:test")]
    auth.revoke(empty_store, ADMIN, "ed@kommune.dk")
    assert audit_rows(empty_store)[4:] == [("ed@kommune.dk", "role", "editor", None, "cli:test"),
                                           ("ed@kommune.dk", "scope", "region:Sjælland", None, "cli:test")]
    assert auth.load_user(empty_store, "ed@kommune.dk").role == "viewer"
    assert empty_store.query("SELECT count(*) FROM app_user_scope").iloc[0, 0] == 0
    assert "$argon2" not in "".join(str(r) for r in audit_rows(empty_store))


# -- backups keep accounts; the app's viewer download does not -------------------------------------------------
def test_a_backup_keeps_local_accounts_and_a_restore_gives_them_back(empty_store: Store, tmp_path) -> None:
    auth.grant(empty_store, ADMIN, "lokal@kommune.dk", "editor", municipalities=["101"], password="en-lang-adgangskode")
    target = Store(tmp_path / "gendannet.duckdb")
    bk.restore(target, bk.backup_bytes(empty_store))
    assert auth.authenticate(target, "lokal@kommune.dk", "en-lang-adgangskode", auth.Throttle()).codes == {101}
    assert target.query("SELECT count(*) FROM audit").iloc[0, 0] == 3  # role, scope, password set


def test_a_backup_without_secrets_has_no_accounts_and_a_restore_keeps_the_current_ones(empty_store: Store,
                                                                                       tmp_path) -> None:
    """A backup anyone but an admin downloads (secrets=False) holds no accounts: no hash, no user, no scope, no
    audit row about them (issue 20, item 4). Restored over a database, it keeps that database's accounts."""
    auth.grant(empty_store, ADMIN, "lokal@kommune.dk", "admin", password="en-lang-adgangskode")
    auth.grant(empty_store, ADMIN, "ed@kommune.dk", "editor", municipalities=["101"])
    data = bk.backup_bytes(empty_store, secrets=False)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert not manifest["secrets"] and not manifest["accounts"]
        assert b"$argon2" not in b"".join(zf.read(n) for n in zf.namelist())
        assert b"lokal@kommune.dk" not in b"".join(zf.read(n) for n in zf.namelist())
    assert {t: manifest["tables"][t]["rows"] for t in ("app_user", "app_user_scope", "audit")} == {
        "app_user": 0, "app_user_scope": 0, "audit": 0}
    fresh = Store(tmp_path / "uden.duckdb")
    bk.restore(fresh, data)
    assert fresh.query("SELECT count(*) FROM app_user").iloc[0, 0] == 0
    target = Store(tmp_path / "med.duckdb")
    target.create()
    auth.grant(target, ADMIN, "chef@kommune.dk", "admin", password="en-anden-adgangskode")
    before = target.query("SELECT table_name, row_id, field, old, new, who FROM audit ORDER BY id")
    bk.restore(target, data, who="test")
    assert auth.authenticate(target, "chef@kommune.dk", "en-anden-adgangskode", auth.Throttle()).role == "admin"
    assert auth.load_user(target, "lokal@kommune.dk").role == "viewer"
    after = target.query("SELECT table_name, row_id, field, old, new, who FROM audit ORDER BY id")
    # the accounts' audit rows are carried forward with the rest of the trail; the restore adds its own row
    assert after["table_name"].tolist().count("database") == 1
    kept = after[after["table_name"] != "database"].reset_index(drop=True)
    assert before.astype(str).values.tolist() == kept.astype(str).values.tolist()


def test_a_backup_from_version_2_restores_with_no_users(demo_copy: Store, tmp_path) -> None:
    """A backup made before app_user and audit existed has none of their files; it restores with them empty."""
    import hashlib

    def as_version_2(data: bytes) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
            manifest = json.loads(zin.read("manifest.json"))
            manifest["schema_version"] = 2
            dropped = ("app_user", "app_user_scope", "audit", "risk", "action_hazard", "action_protection")
            for t in dropped:
                del manifest["tables"][t]
            for name in zin.namelist():
                if name != "manifest.json" and PurePath(name).stem not in dropped:
                    zout.writestr(name, zin.read(name))
            zout.writestr("manifest.json", json.dumps(manifest))
        return out.getvalue()

    old = as_version_2(bk.backup_bytes(demo_copy))
    assert hashlib.sha256(old).hexdigest()
    target = Store(tmp_path / "v2.duckdb")
    report = bk.restore(target, old)
    assert report.rows["app_user"] == 0 and report.rows["action"] > 0
    assert auth.list_users(target).empty


# -- CLI -------------------------------------------------------------------------------------------------------
def test_cli_user_add_list_remove(empty_store: Store, capsys, monkeypatch) -> None:
    db = str(empty_store.path)
    assert main(["user", "add", "Ed@Kommune.dk", "--role", "editor", "--region", "Sjælland", "--kommune", "Aarhus",
                 "101", "--db", db]) == 0
    assert "ed@kommune.dk er nu editor" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("en-lang-adgangskode\n"))
    assert main(["user", "add", "boss@kommune.dk", "--role", "admin", "--password", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "lokal adgangskode" in out and "en-lang-adgangskode" not in out
    assert auth.authenticate(empty_store, "boss@kommune.dk", "en-lang-adgangskode", auth.Throttle()).role == "admin"
    assert main(["user", "list", "--db", db]) == 0
    listing = capsys.readouterr().out
    assert "ed@kommune.dk\teditor\tSjælland; Aarhus, København" in listing and "$argon2" not in listing
    assert main(["user", "remove", "ed@kommune.dk", "--db", db]) == 0
    assert main(["user", "remove", "ed@kommune.dk", "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ingen rolle" in err


@pytest.mark.parametrize("args", [
    ["user", "add", "x@y.dk", "--role", "editor", "--kommune", "Atlantis"],
    ["user", "add", "x@y.dk", "--role", "editor"],
    ["user", "add", "ikke-mail", "--role", "admin"],
])
def test_cli_bad_user_input_is_exit_1_with_one_line_and_nothing_written(empty_store: Store, capsys, args) -> None:
    version = empty_store.data_version()
    assert main([*args, "--db", str(empty_store.path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fejl: ") and err.count("\n") == 1
    assert empty_store.data_version() == version


def test_cli_action_set_status_and_milestone_done(demo_copy: Store, capsys) -> None:
    db = str(demo_copy.path)
    auth.grant(demo_copy, ADMIN, "kbh@kk.dk", "editor", municipalities=["101"])
    aid = int(demo_copy.query("SELECT id FROM action WHERE municipality = 101 AND status <> 'paused' LIMIT 1").iloc[0, 0])
    mid = int(demo_copy.query("SELECT id FROM milestone WHERE municipality = 101 AND done IS NULL LIMIT 1").iloc[0, 0])
    events = demo_copy.query("SELECT count(*) FROM action_event").iloc[0, 0]
    assert main(["action", "set-status", str(aid), "paused", "--by", "KBH@kk.dk", "--note", "Afventer budget",
                 "--db", db]) == 0
    assert demo_copy.query("SELECT count(*) FROM action_event").iloc[0, 0] == events + 1
    assert demo_copy.query("SELECT who, note FROM action_event ORDER BY id DESC LIMIT 1").values.tolist() == [
        [f"cli:{getpass.getuser()} as kbh@kk.dk", "Afventer budget"]]  # the operator, acting as the user
    assert main(["milestone", "done", str(mid), "--date", "2026-01-15", "--by", "kbh@kk.dk", "--db", db]) == 0
    assert str(demo_copy.query("SELECT done FROM milestone WHERE id = ?", [mid]).iloc[0, 0])[:10] == "2026-01-15"
    capsys.readouterr()


@pytest.mark.parametrize("args, says", [
    (["action", "set-status", "{aid}", "færdig", "--by", "kbh@kk.dk"], "Ukendt status"),
    (["action", "set-status", "99999999", "paused", "--by", "kbh@kk.dk"], "findes ikke"),
    (["action", "set-status", "{aid}", "paused", "--by", "ukendt@kk.dk"], "ingen rolle"),
    (["action", "set-status", "{other}", "paused", "--by", "kbh@kk.dk"], "uden for brugerens område"),
    (["milestone", "done", "{mid}", "--date", "2999-01-01", "--by", "kbh@kk.dk"], "i fremtiden"),
    (["milestone", "done", "{mid}", "--date", "i går", "--by", "kbh@kk.dk"], "ikke en dato"),
])
def test_cli_bad_edits_are_exit_1_with_one_line_and_nothing_written(demo_copy: Store, capsys, args, says) -> None:
    auth.grant(demo_copy, ADMIN, "kbh@kk.dk", "editor", municipalities=["101"])
    ids = {"aid": demo_copy.query("SELECT min(id) FROM action WHERE municipality = 101").iloc[0, 0],
           "other": demo_copy.query("SELECT min(id) FROM action WHERE municipality = 751").iloc[0, 0],
           "mid": demo_copy.query("SELECT min(id) FROM milestone WHERE municipality = 101 AND done IS NULL").iloc[0, 0]}
    version = demo_copy.data_version()
    assert main([a.format(**ids) for a in args] + ["--db", str(demo_copy.path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err
    assert demo_copy.data_version() == version


@pytest.mark.parametrize("text", ["²", "¹⁰¹", "99999999999999999999"])
def test_a_municipality_that_only_looks_like_a_code_is_refused_plainly(empty_store: Store, text: str) -> None:
    """'²'.isdigit() is true and int('²') raises ValueError: `user add --kommune ²` was a traceback."""
    with pytest.raises(auth.AuthError) as err:
        auth.resolve_municipalities(empty_store, [text])
    assert err.value.key == "auth.err.municipality"
    assert auth.resolve_municipalities(empty_store, ["101", "0101"]) == [101]


def test_parse_id_takes_ascii_digits_only() -> None:
    from dk2020dash.domain import MAX_ID, parse_id

    assert [parse_id(x) for x in ("12", " 7 ", "0012", str(MAX_ID))] == [12, 7, 12, MAX_ID]
    assert [parse_id(x) for x in ("²", "٣", "", None, "-1", "1.0", "1e3", str(MAX_ID + 1))] == [None] * 8
