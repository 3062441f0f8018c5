"""Identity (issue 20, items 1, 8 and the e-mail half of 11): a single sign-on account is bound to the provider's
issuer and subject on its first sign-in with the e-mail verified, and no other identity is that account afterwards;
a local account is never reached through the provider; the command line records 'cli:<os user> as <e-mail>' and
checks that user's role; e-mails are normalised and look-alikes refused wherever one enters."""
from __future__ import annotations

import getpass
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from dk2020dash import auth
from dk2020dash.cli import main
from dk2020dash.db.migrations import IDENTITY_VERSION, MIGRATIONS, SCHEMA_VERSION
from dk2020dash.db.store import Store
from dk2020dash.exports import backup as bk
from tests.support import ROOT
from tests.unit.test_store import schema_of

ADMIN = auth.cli_admin("test")
ISS = "https://idp.example"
CHEF = "chef@kl.dk"
OS_USER = getpass.getuser()


def claims(sub: str, email: str | None, verified: object = True, **more: object) -> dict:
    out = {"iss": ISS, "sub": sub, **more}
    if email is not None:
        out["email"] = email
    if verified is not None:
        out["email_verified"] = verified
    return out


def binding(store: Store, email: str) -> tuple:
    return tuple(store.query("SELECT idp_issuer, idp_subject FROM app_user WHERE email = ?", [email]).iloc[0])


def refusal(store: Store, token: dict) -> str:
    with pytest.raises(auth.AuthError) as exc:
        auth.provider_user(store, token)
    return exc.value.key


@pytest.fixture
def sso(empty_store: Store) -> Store:
    auth.grant(empty_store, ADMIN, CHEF, "admin")  # a single sign-on admin (no local password)
    auth.grant(empty_store, ADMIN, "lokal@kl.dk", "admin", password="en-lang-adgangskode")
    return empty_store


# -- item 1: the binding ------------------------------------------------------------------------------------------
def test_an_unverified_email_never_gets_the_accounts_role_and_binds_nothing(sso: Store) -> None:
    version = sso.data_version()
    for verified in (False, None, "false"):
        assert refusal(sso, claims("attacker-4711", "CHEF@KL.DK ", verified)) == "auth.err.sso_unverified"
    # preferred_username is a name the user picks: never verified
    assert refusal(sso, claims("attacker-4711", None, None, preferred_username=CHEF)) == "auth.err.sso_unverified"
    assert binding(sso, CHEF) == (None, None) and sso.data_version() == version


def test_the_first_verified_sign_in_binds_and_every_other_identity_is_refused_after(sso: Store) -> None:
    user = auth.provider_user(sso, claims("chef-1", " Chef@KL.dk", True))
    assert (user.email, user.role) == (CHEF, "admin")
    assert binding(sso, CHEF) == (ISS, "chef-1")
    assert sso.query("SELECT field, old, new, who FROM audit WHERE row_id = ? AND field = 'identity'",
                     [CHEF]).values.tolist() == [["identity", None, f"{ISS} chef-1", CHEF]]
    assert auth.provider_user(sso, claims("chef-1", CHEF)).role == "admin"  # the same identity again
    assert auth.provider_user(sso, claims("chef-1", "ny-adresse@kl.dk")).email == CHEF  # the identity decides
    assert refusal(sso, claims("attacker-4711", CHEF, True)) == "auth.err.sso_bound"
    assert refusal(sso, {**claims("chef-1", CHEF), "iss": "https://other.idp"}) == "auth.err.sso_bound"
    assert binding(sso, CHEF) == (ISS, "chef-1")


def test_a_local_account_is_never_reached_through_the_provider(sso: Store) -> None:
    assert refusal(sso, claims("x", "Lokal@kl.dk", True)) == "auth.err.sso_local"
    assert binding(sso, "lokal@kl.dk") == (None, None)
    # setting a password on a bound account makes it local: the binding goes (on record), the provider is refused
    auth.provider_user(sso, claims("chef-1", CHEF))
    auth.grant(sso, ADMIN, CHEF, "admin", password="en-anden-adgangskode")
    assert binding(sso, CHEF) == (None, None)
    assert sso.query("SELECT old, new FROM audit WHERE row_id = ? AND field = 'identity' ORDER BY id DESC LIMIT 1",
                     [CHEF]).values.tolist() == [[f"{ISS} chef-1", None]]
    assert refusal(sso, claims("chef-1", CHEF)) == "auth.err.sso_local"


def test_entra_binds_tenant_and_object_id_and_its_tenant_email_counts_as_verified(sso: Store) -> None:
    tid, oid = "72F988BF-86F1-41AF-91AB-2D7CD011DB47", "00000000-0000-0000-66f3-3332eca7ea81"
    token = {"iss": f"https://login.microsoftonline.com/{tid}/v2.0", "sub": "per-app-1", "tid": tid, "oid": oid,
             "preferred_username": "Chef@kl.dk"}
    assert auth.provider_user(sso, token).role == "admin"
    assert binding(sso, CHEF) == (f"entra:{tid.lower()}", oid)
    assert auth.provider_user(sso, {**token, "sub": "per-app-2", "iss": "https://sts.windows.net/x/"}).email == CHEF
    assert refusal(sso, {**token, "oid": "another-person"}) == "auth.err.sso_bound"
    auth.reset_identity(sso, ADMIN, CHEF)
    assert refusal(sso, {**token, "email": CHEF, "email_verified": False}) == "auth.err.sso_unverified"


def test_other_identities_are_viewers_and_a_token_without_subject_is_refused(sso: Store) -> None:
    version = sso.data_version()
    user = auth.provider_user(sso, claims("someone", "Borger@Example.dk", False))
    assert (user.email, user.role) == ("borger@example.dk", "viewer")
    assert refusal(sso, {"iss": ISS, "email": CHEF, "email_verified": True}) == "auth.err.sso_no_identity"
    assert refusal(sso, claims("s", "сhef@kl.dk")) == "auth.err.email_lookalike"  # Cyrillic с
    assert sso.data_version() == version


def test_an_admin_resets_a_binding_on_record_and_the_next_verified_sign_in_binds_again(sso: Store) -> None:
    auth.provider_user(sso, claims("chef-1", CHEF))
    auth.grant(sso, ADMIN, "ed@kl.dk", "editor", municipalities=["101"])
    editor = auth.provider_user(sso, claims("ed-1", "ed@kl.dk"))
    with pytest.raises(auth.AuthError, match="administrator"):
        auth.reset_identity(sso, editor, CHEF)
    assert auth.list_users(sso).set_index("email").loc[CHEF, "identity"] == f"{ISS} · chef-1"
    auth.reset_identity(sso, ADMIN, CHEF)
    assert binding(sso, CHEF) == (None, None)
    assert sso.query("SELECT old, new, who FROM audit WHERE row_id = ? AND field = 'identity' ORDER BY id DESC "
                     "LIMIT 1", [CHEF]).values.tolist() == [[f"{ISS} chef-1", None, "cli:test"]]
    with pytest.raises(auth.AuthError) as exc:
        auth.reset_identity(sso, ADMIN, CHEF)
    assert exc.value.key == "auth.err.not_bound"
    assert auth.provider_user(sso, claims("chef-2", CHEF)).role == "admin"
    assert binding(sso, CHEF) == (ISS, "chef-2")


def test_two_first_sign_ins_at_once_bind_one_identity(sso: Store) -> None:
    start = threading.Barrier(2)
    results: dict[str, str] = {}

    def sign_in(sub: str) -> None:
        start.wait()
        try:
            results[sub] = auth.provider_user(sso, claims(sub, CHEF)).role
        except auth.AuthError as exc:
            results[sub] = exc.key

    threads = [threading.Thread(target=sign_in, args=(s,)) for s in ("one", "two")]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert sorted(results.values()) == ["admin", "auth.err.sso_bound"], results
    winner = next(s for s, r in results.items() if r == "admin")
    assert binding(sso, CHEF) == (ISS, winner)


def test_the_cli_unbinds_and_lists_the_binding(sso: Store, capsys) -> None:
    auth.provider_user(sso, claims("chef-1", CHEF))
    assert main(["user", "list", "--db", str(sso.path)]) == 0
    assert f"bundet til {ISS} · chef-1" in capsys.readouterr().out
    assert main(["user", "unbind", "Chef@kl.dk", "--db", str(sso.path)]) == 0
    assert binding(sso, CHEF) == (None, None)


def test_a_backup_carries_the_binding(sso: Store, tmp_path: Path) -> None:
    auth.provider_user(sso, claims("chef-1", CHEF))
    bk.backup(sso, tmp_path / "b.zip")
    auth.reset_identity(sso, ADMIN, CHEF)
    bk.restore(sso, tmp_path / "b.zip")
    assert binding(sso, CHEF) == (ISS, "chef-1")
    assert refusal(sso, claims("attacker-4711", CHEF)) == "auth.err.sso_bound"


def test_the_binding_is_kept_in_postgresql(pg_demo_copy: Store) -> None:
    from dk2020dash.db import open_store

    auth.grant(pg_demo_copy, ADMIN, CHEF, "admin")
    assert auth.provider_user(pg_demo_copy, claims("chef-1", CHEF)).role == "admin"
    fresh = open_store(pg_demo_copy.url)
    assert binding(fresh, CHEF) == (ISS, "chef-1")
    assert refusal(fresh, claims("attacker-4711", CHEF)) == "auth.err.sso_bound"


def test_a_postgresql_database_from_before_the_binding_is_migrated(pg_url: str) -> None:
    import psycopg

    from dk2020dash.db.postgres import pg_schema

    assert main(["init", "--empty", "--database-url", pg_url]) == 0
    assert main(["user", "add", CHEF, "--role", "admin", "--database-url", pg_url]) == 0
    with psycopg.connect(pg_url) as con:  # back to what the version before wrote
        con.execute(pg_schema(BEFORE_IDENTITY))
    child = subprocess.run([sys.executable, "-m", "dk2020dash", "info", "--database-url", pg_url], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)  # a new process: migrates on first use
    assert child.returncode == 0, child.stderr
    with psycopg.connect(pg_url) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert con.execute("SELECT email, role, idp_subject FROM app_user").fetchall() == [(CHEF, "admin", None)]


# -- the migration ------------------------------------------------------------------------------------------------
BEFORE_IDENTITY = f"""
    CREATE TEMP TABLE u AS SELECT email, role, password_hash, granted_by, granted_at FROM app_user;
    DROP TABLE app_user;
    {MIGRATIONS[3].split("CREATE TABLE app_user_scope")[0]}
    INSERT INTO app_user SELECT * FROM u;
    DROP TABLE IF EXISTS signin_attempt;  -- added after the binding (THROTTLE_VERSION)
    UPDATE meta SET value = '{IDENTITY_VERSION - 1}' WHERE key = 'schema_version';
"""  # noqa: S608 - fixed SQL


def make_before_identity(path: Path) -> None:
    con = duckdb.connect(str(path))
    try:
        con.execute(BEFORE_IDENTITY)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def test_a_file_from_before_the_binding_keeps_its_accounts_unbound(demo_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "v4.duckdb"
    shutil.copy(demo_db, path)
    store = Store(path)
    auth.grant(store, ADMIN, CHEF, "admin")
    auth.grant(store, ADMIN, "lokal@kl.dk", "editor", municipalities=["101"], password="en-lang-adgangskode")
    users = store.query("SELECT email, role, password_hash, granted_by, granted_at FROM app_user ORDER BY email")
    make_before_identity(path)
    with pytest.raises(duckdb.BinderException):
        Store(path, migrations={k: v for k, v in MIGRATIONS.items() if k < IDENTITY_VERSION}).query(
            "SELECT idp_subject FROM app_user")
    store = Store(path)
    assert store.query("SELECT value FROM meta WHERE key = 'schema_version'").iloc[0, 0] == str(SCHEMA_VERSION)
    assert store.query("SELECT email, role, password_hash, granted_by, granted_at FROM app_user ORDER BY email"
                       ).equals(users)
    assert store.query("SELECT count(*) FROM app_user WHERE idp_subject IS NOT NULL").iloc[0, 0] == 0
    assert schema_of(path) == schema_of(demo_db)
    assert auth.provider_user(store, claims("chef-1", CHEF)).role == "admin"


DIE_AFTER_IDENTITY_MIGRATION = """
import os, sys, duckdb
from dk2020dash.db.migrations import IDENTITY_VERSION, MIGRATIONS
con = duckdb.connect(sys.argv[1])
con.execute("BEGIN TRANSACTION")
con.execute(MIGRATIONS[IDENTITY_VERSION])
con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(IDENTITY_VERSION)])
con.execute("COMMIT")
os._exit(3)  # before any checkpoint: the rebuilt app_user is only in the write-ahead log
"""


def test_a_process_that_dies_right_after_the_identity_migration_leaves_a_file_that_opens(demo_db: Path,
                                                                                           tmp_path: Path) -> None:
    path = tmp_path / "v4.duckdb"
    shutil.copy(demo_db, path)
    auth.grant(Store(path), ADMIN, CHEF, "admin")
    make_before_identity(path)
    child = subprocess.run([sys.executable, "-c", DIE_AFTER_IDENTITY_MIGRATION, str(path)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == 3, child.stderr
    assert Path(str(path) + ".wal").exists()
    store = Store(path)
    assert store.query("SELECT email, idp_subject FROM app_user").values.tolist() == [[CHEF, None]]
    assert schema_of(path) == schema_of(demo_db)


# -- item 11: e-mails ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", [" CHEF@KL.DK ", "ＣＨＥＦ@ｋｌ.ｄｋ", "chef@kl.dk\n"])
def test_emails_are_normalised_to_one_spelling(typed: str) -> None:
    assert auth.normalise_email(typed) == CHEF


@pytest.mark.parametrize("typed, key, named", [
    ("сhef@kl.dk", "auth.err.email_lookalike", "CYRILLIC SMALL LETTER ES"),
    ("chef@kł.dk", "auth.err.email_lookalike", "LATIN SMALL LETTER L WITH STROKE"),
    ("chef@kl.dk\u200b", "auth.err.email_invisible", "U+200B ZERO WIDTH SPACE"),
    ("ch\u00adef@kl.dk", "auth.err.email_invisible", "SOFT HYPHEN"),
    ("chef\u00a0@kl.dk", "auth.err.email_invisible", "U+0020"),  # NFKC makes the no-break space a space
])
def test_look_alike_and_invisible_characters_are_refused_with_the_reason(typed: str, key: str, named: str) -> None:
    with pytest.raises(auth.AuthError) as exc:
        auth.normalise_email(typed)
    assert exc.value.key == key and named in exc.value.message("en")


def test_look_alikes_never_become_separate_accounts_anywhere(sso: Store, capsys) -> None:
    db = str(sso.path)
    for typed in ("сhef@kl.dk", "chef@kl.dk\u200b"):
        assert main(["user", "add", typed, "--role", "admin", "--db", db]) == 1
        err = capsys.readouterr().err
        assert err.startswith("fejl: ") and err.count("\n") == 1 and ("ligner" in err or "usynligt" in err)
        with pytest.raises(auth.AuthError):
            auth.grant(sso, ADMIN, typed, "editor", municipalities=["101"])  # what the Brugere form calls
        with pytest.raises(auth.AuthError) as exc:
            auth.authenticate(sso, typed.replace("chef", "lokal"), "en-lang-adgangskode", auth.Throttle())
        assert exc.value.key in ("auth.err.email_lookalike", "auth.err.email_invisible")
    assert main(["user", "add", "ＣＨＥＦ@KL.DK", "--role", "editor", "--kommune", "101", "--db", db]) == 0
    assert sorted(auth.list_users(sso)["email"]) == [CHEF, "lokal@kl.dk"]
    assert auth.load_user(sso, CHEF).role == "editor"  # the same account, changed


# -- item 8: the command line names who did it, and checks their role ------------------------------------------
@pytest.fixture
def roles(demo_copy: Store) -> Store:
    auth.grant(demo_copy, ADMIN, CHEF, "admin")
    auth.grant(demo_copy, ADMIN, "klima@aarhus.dk", "editor", municipalities=["Aarhus"])
    auth.grant(demo_copy, ADMIN, "kbh@kk.dk", "editor", municipalities=["101"])
    return demo_copy


def test_an_import_names_an_admin_or_is_refused(roles: Store, tmp_path: Path, capsys) -> None:
    f = tmp_path / "kbh.csv"
    f.write_text("kommune;år;sektor;ton\n101;2023;vej;1.234,5\n", encoding="utf-8")
    db = str(roles.path)
    version = roles.data_version()
    logged = roles.query("SELECT count(*) FROM import_log").iloc[0, 0]
    for who, says in (("klima@aarhus.dk", "kun en administrator"), ("nobody@kl.dk", "ingen rolle"),
                      ("сhef@kl.dk", "ligner")):
        assert main(["import", "inventory", str(f), "--db", db, "--who", who]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and says in err, err
    assert roles.data_version() == version and roles.query("SELECT count(*) FROM import_log").iloc[0, 0] == logged
    assert main(["import", "inventory", str(f), "--db", db, "--who", "Chef@KL.dk", "--edition", "A"]) == 0
    f.write_text("kommune;år;sektor;ton\n101;2023;vej;1000\n", encoding="utf-8")
    assert main(["import", "inventory", str(f), "--db", db, "--edition", "B"]) == 0  # the operator, as an admin
    assert roles.query("SELECT who FROM import_log ORDER BY id DESC LIMIT 2")["who"].tolist() == [
        f"cli:{OS_USER}", f"cli:{OS_USER} as {CHEF}"]


def test_edits_on_the_command_line_record_the_operator_and_the_user(roles: Store, capsys) -> None:
    db = str(roles.path)
    aid = int(roles.query("SELECT min(id) FROM action WHERE municipality = 101 AND status <> 'paused'").iloc[0, 0])
    mid = int(roles.query("SELECT min(id) FROM milestone WHERE municipality = 101 AND done IS NULL").iloc[0, 0])
    other = int(roles.query("SELECT min(id) FROM action WHERE municipality = 751").iloc[0, 0])
    assert main(["action", "set-status", str(other), "paused", "--by", "kbh@kk.dk", "--db", db]) == 1  # scope
    assert "uden for brugerens område" in capsys.readouterr().err
    assert main(["action", "set-status", str(aid), "paused", "--by", "KBH@kk.dk", "--db", db]) == 0
    assert roles.query("SELECT who FROM action_event ORDER BY id DESC LIMIT 1").iloc[0, 0] == \
        f"cli:{OS_USER} as kbh@kk.dk"
    assert main(["milestone", "done", str(mid), "--by", "kbh@kk.dk", "--db", db]) == 0
    assert roles.query("SELECT DISTINCT who FROM audit WHERE table_name = 'milestone' AND row_id = ?",
                       [str(mid)])["who"].tolist() == [f"cli:{OS_USER} as kbh@kk.dk"]
