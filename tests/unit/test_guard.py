"""Issue 20, items 3 and 5: the sign-in throttle reserves each attempt in the database before the password is checked
(per e-mail, per client, in total; shared by threads, processes and servers), and every write re-reads the actor's
role and scope inside its own transaction (never leaving the database without an admin)."""
from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from dk2020dash import auth, edits
from dk2020dash.db import open_store
from dk2020dash.db.store import Store
from dk2020dash.exports import backup as bk
from dk2020dash.ingest import run_import
from tests.support import ROOT

CLI = auth.cli_admin("test")
PASSWORD = "en-lang-adgangskode"


def counting_verify(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the password checks authenticate makes (each one an argon2 verify)."""
    calls: list[int] = []
    real = auth.verify_password

    def verify(password_hash, password):
        calls.append(1)
        return real(password_hash, password)

    monkeypatch.setattr(auth, "verify_password", verify)
    return calls


def at_once(n: int, attempt) -> list[str]:
    """Run attempt(i) in n threads started together; the refusal key (or 'ok') of each."""
    barrier = threading.Barrier(n)
    out: list[str] = [""] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            attempt(i)
            out[i] = "ok"
        except auth.AuthError as exc:
            out[i] = exc.key

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return out


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


# -- item 3: the throttle ------------------------------------------------------------------------------------------
def test_eight_simultaneous_wrong_passwords_for_one_email_are_checked_once(empty_store: Store,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    auth.grant(empty_store, CLI, "lokal@kommune.dk", "admin", password=PASSWORD)
    calls = counting_verify(monkeypatch)
    throttle = auth.Throttle()
    out = at_once(8, lambda i: auth.authenticate(empty_store, "lokal@kommune.dk", f"forkert-{i}-adgangskode", throttle))
    assert len(calls) == 1, out  # the first reservation makes the other seven wait
    assert sorted(out) == ["auth.err.bad_login"] + ["auth.err.wait"] * 7


@pytest.mark.parametrize("limit, client", [("CLIENT_LIMIT", lambda i: "ip:6.6.6.6"),
                                           ("GLOBAL_LIMIT", lambda i: f"ip:10.0.0.{i}")])
def test_simultaneous_wrong_passwords_for_many_emails_stop_at_the_client_and_the_global_limit(
        empty_store: Store, monkeypatch: pytest.MonkeyPatch, limit: str, client) -> None:
    calls = counting_verify(monkeypatch)
    throttle = auth.Throttle(**{limit: 3})
    out = at_once(8, lambda i: auth.authenticate(empty_store, f"opdigtet{i}@kommune.dk", "forkert-adgangskode",
                                                 throttle, client=client(i)))
    assert len(calls) == 3 and out.count("auth.err.bad_login") == 3 and out.count("auth.err.wait") == 5, out


def test_a_real_user_is_held_up_only_by_failures_for_their_own_email(empty_store: Store) -> None:
    auth.grant(empty_store, CLI, "chef@kl.dk", "admin", password=PASSWORD)
    clock = Clock()
    throttle = auth.Throttle(clock=clock)
    for i in range(15):  # an attacker's client tries invented e-mails; the client limit stops it after 10
        clock.now += 1
        with pytest.raises(auth.AuthError) as err:
            auth.authenticate(empty_store, f"opdigtet{i}@kommune.dk", "gæt-gæt-gæt", throttle, client="ip:6.6.6.6")
        assert err.value.key == ("auth.err.bad_login" if i < throttle.CLIENT_LIMIT else "auth.err.wait")
    # the real user, from their own client, signs in at once
    assert auth.authenticate(empty_store, "chef@kl.dk", PASSWORD, throttle, client="ip:1.2.3.4").role == "admin"
    # a failure for their own e-mail (from anywhere) makes their next attempt wait 1 s: the per-e-mail rule
    with pytest.raises(auth.AuthError):
        auth.authenticate(empty_store, "chef@kl.dk", "gæt-gæt-gæt", throttle, client="ip:7.7.7.7")
    with pytest.raises(auth.AuthError) as err:
        auth.authenticate(empty_store, "chef@kl.dk", PASSWORD, throttle, client="ip:1.2.3.4")
    assert err.value.key == "auth.err.wait"
    clock.now += 1.5
    assert auth.authenticate(empty_store, "chef@kl.dk", PASSWORD, throttle, client="ip:1.2.3.4").role == "admin"


def attempts(store: Store) -> int:
    return int(store.query("SELECT count(*) FROM signin_attempt").iloc[0, 0])


def test_eviction_drops_the_oldest_attempts_never_all(empty_store: Store) -> None:
    clock = Clock()
    throttle = auth.Throttle(clock=clock, MAX_ROWS=20, CLIENT_LIMIT=10**6, GLOBAL_LIMIT=10**6)
    for i in range(50):
        clock.now += 1
        with pytest.raises(auth.AuthError):
            auth.authenticate(empty_store, f"opdigtet{i}@kommune.dk", "gæt-gæt-gæt", throttle, client=f"ip:10.0.1.{i}")
    assert attempts(empty_store) == 20  # the newest 20, never an empty table
    with pytest.raises(auth.AuthError) as err:  # the newest failure still holds its e-mail back
        auth.authenticate(empty_store, "opdigtet49@kommune.dk", "gæt-gæt-gæt", throttle, client="ip:10.0.1.49")
    assert err.value.key == "auth.err.wait"
    clock.now += throttle.RETENTION + 1  # and everything older than RETENTION goes
    with pytest.raises(auth.AuthError) as err:
        auth.authenticate(empty_store, "opdigtet0@kommune.dk", "gæt-gæt-gæt", throttle)
    assert err.value.key == "auth.err.bad_login" and attempts(empty_store) == 1


def test_a_sign_in_attempt_is_not_a_change_of_data(empty_store: Store) -> None:
    version = empty_store.data_version()
    with pytest.raises(auth.AuthError):
        auth.authenticate(empty_store, "hvem@kommune.dk", "gæt-gæt-gæt", auth.Throttle())
    assert empty_store.data_version() == version and attempts(empty_store) == 1


TWO_PROCESSES = """
import sys
from dk2020dash import auth
from dk2020dash.db.store import Store
store = Store(sys.argv[1])
calls = []
real = auth.verify_password
auth.verify_password = lambda h, p: calls.append(1) or real(h, p)
throttle = auth.Throttle(clock=lambda: 2_000_000.0)  # both processes at one moment
sys.stdin.readline()  # start together
for i in range(4):
    try:
        auth.authenticate(store, "lokal@kommune.dk", f"forkert-{i}-adgangskode", throttle)
    except auth.AuthError:
        pass
print(len(calls))
"""


def test_two_processes_on_one_file_share_the_throttle(empty_store: Store) -> None:
    auth.grant(empty_store, CLI, "lokal@kommune.dk", "admin", password=PASSWORD)
    procs = [subprocess.Popen([sys.executable, "-c", TWO_PROCESSES, str(empty_store.path)], cwd=ROOT, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outs = [p.communicate("go\n", timeout=180) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outs]
    assert sum(int(o) for o, _ in outs) == 1  # 8 attempts in two processes: one password check in all
    assert attempts(empty_store) == 1


def test_the_throttle_is_shared_on_postgresql(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(pg_url)
    store.create()
    other = open_store(pg_url)  # as a second server would: its own connections
    auth.grant(store, CLI, "lokal@kommune.dk", "admin", password=PASSWORD)
    calls = counting_verify(monkeypatch)
    throttle = auth.Throttle()
    out = at_once(8, lambda i: auth.authenticate((store, other)[i % 2], "lokal@kommune.dk", f"forkert-{i}-kode!",
                                                 throttle))
    assert len(calls) == 1 and out.count("auth.err.wait") == 7, out
    version = store.data_version()
    throttle = auth.Throttle(GLOBAL_LIMIT=4)  # the failure above counts too: three more
    out = at_once(6, lambda i: auth.authenticate(other, f"x{i}@kommune.dk", "forkert-adgangskode", throttle,
                                                 client=f"ip:10.0.0.{i}"))
    assert out.count("auth.err.bad_login") == 3 and out.count("auth.err.wait") == 3, out
    assert store.data_version() == version  # no new copy for a sign-in


# -- item 5: roles inside the write --------------------------------------------------------------------------------
def admins(store: Store) -> int:
    return int(store.query("SELECT count(*) FROM app_user WHERE role = 'admin'").iloc[0, 0])


def two_admins(store: Store) -> tuple[auth.User, auth.User]:
    auth.grant(store, CLI, "a@kl.dk", "admin")
    auth.grant(store, CLI, "b@kl.dk", "admin")
    return auth.load_user(store, "a@kl.dk"), auth.load_user(store, "b@kl.dk")  # as each page run read them


def test_two_admins_removing_each_other_in_overlapping_runs_leave_one(empty_store: Store) -> None:
    a, b = two_admins(empty_store)
    auth.revoke(empty_store, a, "b@kl.dk")
    with pytest.raises(auth.AuthError) as err:
        auth.revoke(empty_store, b, "a@kl.dk")  # b's run read b as an admin before a's removal landed
    assert err.value.key == "auth.err.changed"
    assert admins(empty_store) == 1 and auth.load_user(empty_store, "a@kl.dk").role == "admin"


def test_two_admins_removing_each_other_at_once_leave_one(empty_store: Store) -> None:
    a, b = two_admins(empty_store)
    out = at_once(2, lambda i: auth.revoke(empty_store, (a, b)[i], ("b@kl.dk", "a@kl.dk")[i]))
    assert sorted(out) == ["auth.err.changed", "ok"] and admins(empty_store) == 1


def test_the_last_admin_is_never_removed_or_demoted(empty_store: Store) -> None:
    a, b = two_admins(empty_store)
    auth.grant(empty_store, a, "b@kl.dk", "editor", municipalities=["101"])  # demoting one of two is fine
    version = empty_store.data_version()
    for write in (lambda: auth.revoke(empty_store, CLI, "a@kl.dk"),
                  lambda: auth.grant(empty_store, CLI, "a@kl.dk", "editor", regions=["Sjælland"])):
        with pytest.raises(auth.AuthError) as err:
            write()
        assert err.value.key == "auth.err.last_admin"
    assert admins(empty_store) == 1 and empty_store.data_version() == version


def history(store: Store) -> tuple[int, int]:
    return (int(store.query("SELECT count(*) FROM action_event").iloc[0, 0]),
            int(store.query("SELECT count(*) FROM audit WHERE table_name <> 'app_user'").iloc[0, 0]))


def test_an_editor_revoked_after_the_form_loaded_cannot_save(demo_copy: Store) -> None:
    auth.grant(demo_copy, CLI, "kbh@kk.dk", "editor", municipalities=["København"])
    editor = auth.load_user(demo_copy, "kbh@kk.dk")  # the page run reads the editor
    aid = int(demo_copy.query("SELECT id FROM action WHERE municipality = 101 AND status = 'planned' "
                              "ORDER BY id LIMIT 1").iloc[0, 0])
    form = edits.action(demo_copy, aid)  # ... and the form
    mid = int(demo_copy.query("SELECT id FROM milestone WHERE municipality = 101 AND done IS NULL "
                              "ORDER BY id LIMIT 1").iloc[0, 0])
    milestone = edits.milestone(demo_copy, mid)
    auth.revoke(demo_copy, CLI, "kbh@kk.dk")  # meanwhile, an admin removes the grant
    before = history(demo_copy)
    with pytest.raises(auth.AuthError) as err:
        edits.edit_action(demo_copy, editor, aid, form["version"], {"status": "in_progress", "responsible": "x"})
    assert err.value.key == "auth.err.changed"
    with pytest.raises(auth.AuthError):
        edits.mark_done(demo_copy, editor, mid, milestone["version"], None)
    assert edits.action(demo_copy, aid) == form and edits.milestone(demo_copy, mid) == milestone
    assert history(demo_copy) == before


def test_an_editor_whose_scope_narrowed_cannot_save_outside_it(demo_copy: Store) -> None:
    auth.grant(demo_copy, CLI, "hov@regionh.dk", "editor", regions=["Hovedstaden"])
    editor = auth.load_user(demo_copy, "hov@regionh.dk")
    aid = int(demo_copy.query("SELECT id FROM action WHERE municipality = 101 ORDER BY id LIMIT 1").iloc[0, 0])
    form = edits.action(demo_copy, aid)
    auth.grant(demo_copy, CLI, "hov@regionh.dk", "editor", municipalities=["Gentofte"])
    with pytest.raises(auth.AuthError) as err:
        edits.edit_action(demo_copy, editor, aid, form["version"], {"responsible": "ny ansvarlig"})
    assert err.value.key == "auth.err.changed" and edits.action(demo_copy, aid) == form


MILESTONES = "kommune;type;frist\nKøbenhavn;statusrapport;2027-06-30\n"


def test_an_import_and_a_restore_by_an_admin_demoted_meanwhile_are_refused(demo_copy: Store) -> None:
    a, b = two_admins(demo_copy)
    backup = bk.backup_bytes(demo_copy)
    auth.grant(demo_copy, b, "a@kl.dk", "editor", municipalities=["101"])  # a's page still shows the Indlæs button
    version, logged = demo_copy.data_version(), demo_copy.query("SELECT count(*) FROM import_log").iloc[0, 0]
    with pytest.raises(auth.AuthError) as err:
        run_import(demo_copy, "milestones", MILESTONES.encode(), "milepæle.csv", who=a.email,
                   authorize=auth.admin_guard(a))
    assert err.value.key == "auth.err.changed"
    with pytest.raises(auth.AuthError) as err:
        bk.restore(demo_copy, backup, who=a.email, authorize=auth.admin_guard(a))
    assert err.value.key == "auth.err.changed"
    assert demo_copy.data_version() == version
    assert demo_copy.query("SELECT count(*) FROM import_log").iloc[0, 0] == logged
    assert auth.load_user(demo_copy, "a@kl.dk").role == "editor"  # not the backup's admin again
    # b, still an admin, may
    assert run_import(demo_copy, "milestones", MILESTONES.encode(), "milepæle.csv", who=b.email,
                      authorize=auth.admin_guard(b)).written


def test_roles_are_read_inside_the_write_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    store = open_store(pg_url)
    store.create()
    a, b = two_admins(store)
    backup = bk.backup_bytes(store)
    other = open_store(pg_url)  # another server, whose page runs read a and b before the removal
    auth.revoke(store, a, "b@kl.dk")
    with pytest.raises(auth.AuthError) as err:
        auth.revoke(other, b, "a@kl.dk")
    assert err.value.key == "auth.err.changed"
    with pytest.raises(auth.AuthError) as err:
        bk.restore(other, backup, who=b.email, authorize=auth.admin_guard(b))  # the backup still has b as admin
    assert err.value.key == "auth.err.changed"
    assert admins(store) == 1 and auth.load_user(store, "b@kl.dk").role == "viewer"
