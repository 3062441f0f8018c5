"""Single sign-on for real: oidc-provider-mock serves an OpenID Connect provider on a loopback port, the app runs with
an [auth] section pointing at it (in a secrets file of the test's own, never the user's), and Chromium goes through
the whole st.login redirect flow, saves an edit, sees it after a reload, and signs out; and an identity that only
names an admin's e-mail (unverified, or verified but another subject than the one bound) gets no role."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dk2020dash import auth, edits
from dk2020dash.db.store import Store
from tests.browser.test_browser import ROOT, free_port, settle, wait_for
from tests.support import COOKIE_SECRET, OIDC_CLIENT_SECRET, server_log

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")
pytest.importorskip("oidc_provider_mock")
pytest.importorskip("authlib")

EDITOR = "kbh@kk.dk"
CHIEF = "chef@kl.dk"


@contextmanager
def process(args: list[str], log: Path, env: dict | None = None, cwd: Path = ROOT) -> Iterator[subprocess.Popen]:
    with log.open("wb") as out:
        proc = subprocess.Popen(args, cwd=cwd, env=env or dict(os.environ), stdout=out, stderr=subprocess.STDOUT)
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def provider_user(idp_url: str, sub: str, claims: dict) -> None:
    """Tell the mock provider which claims the identity `sub` signs in with (PUT /users/<sub>)."""
    request = urllib.request.Request(f"{idp_url}/users/{sub}", data=json.dumps(claims).encode(), method="PUT",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 204


def sign_in_at_provider(pg: object, url: str, sub: str) -> None:
    pg.locator("[data-testid='stSidebar']").get_by_role("button", name="Log ind").click()  # st.login: off we go
    pg.wait_for_url(lambda u: u.startswith("http://127.0.0.1"), timeout=30_000)
    pg.locator("input[name='sub']").fill(sub)
    pg.get_by_role("button", name="Authorize").click()
    pg.wait_for_url(lambda u: u.startswith(url), timeout=30_000)  # back through /oauth2callback
    settle(pg)


def sign_out(pg: object, url: str) -> None:
    pg.locator("[data-testid='stSidebar']").get_by_role("button", name="Log ud").click()
    end = pg.get_by_role("button", name="End session")  # the provider asks to end its own session too
    try:
        end.wait_for(timeout=10_000)
        end.click()
    except sync_api.TimeoutError:
        pass
    pg.wait_for_url(lambda u: u.startswith(url), timeout=30_000)


@pytest.fixture
def sso_app(demo_db: Path, tmp_path: Path) -> Iterator[tuple[str, Store, int, str, Path]]:
    """The app with [auth] pointing at a mock OIDC provider; an editor for København and an admin, both single
    sign-on accounts; yields (app url, store, action, provider url, the app's log)."""
    db = tmp_path / "sso.duckdb"
    shutil.copy(demo_db, db)
    store = Store(db)
    auth.grant(store, auth.cli_admin("test"), EDITOR, "editor", municipalities=["København"])
    auth.grant(store, auth.cli_admin("test"), CHIEF, "admin")
    aid = int(store.query("SELECT min(id) FROM action WHERE municipality = 101").iloc[0, 0])
    idp_port, app_port = free_port(), free_port()
    app_url = f"http://localhost:{app_port}"
    idp_url = f"http://127.0.0.1:{idp_port}"
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text(
        "[auth]\n"
        f'redirect_uri = "{app_url}/oauth2callback"\n'
        f'cookie_secret = "{COOKIE_SECRET}"\n'
        'client_id = "dk2020-test"\n'
        f'client_secret = "{OIDC_CLIENT_SECRET}"\n'
        f'server_metadata_url = "{idp_url}/.well-known/openid-configuration"\n', encoding="utf-8")
    env = {**os.environ, "DK2020_DB": str(db)}
    env.setdefault("DK2020_LOG_LEVEL", "debug")  # every record the app makes is in the log that is checked
    app_log = server_log("sso")  # the session's server logs, checked for test secrets at the end
    with process([sys.executable, "-m", "oidc_provider_mock", "--port", str(idp_port)], tmp_path / "idp.log") as idp:
        wait_for(f"{idp_url}/.well-known/openid-configuration", idp, tmp_path / "idp.log")
        provider_user(idp_url, EDITOR, {"email": EDITOR, "email_verified": True})
        with process([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                      "--server.port", str(app_port), "--browser.gatherUsageStats", "false",
                      "--secrets.files", str(secrets_file)], app_log, env) as app:
            wait_for(f"{app_url}/_stcore/health", app, app_log)
            yield app_url, store, aid, idp_url, app_log


@pytest.fixture
def page(chromium: object) -> Iterator[object]:
    context = chromium.new_context(viewport={"width": 1440, "height": 1400}, locale="da-DK")
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    context.close()


def test_sign_in_through_the_provider_edit_reload_and_sign_out(sso_app, page) -> None:
    url, store, aid, *_ = sso_app
    page.goto(f"{url}/indsatser?indsats={aid}")
    settle(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    assert page.get_by_role("button", name="Gem").count() == 0  # a viewer has no edit form

    sidebar.get_by_role("button", name="Log ind").click()  # st.login: off to the provider
    page.wait_for_url(lambda u: u.startswith("http://127.0.0.1"), timeout=30_000)
    page.locator("input[name='sub']").fill(EDITOR)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(lambda u: u.startswith(url), timeout=30_000)  # back through /oauth2callback
    settle(page)
    assert sidebar.get_by_text("Logget ind som").first.is_visible()

    page.goto(f"{url}/indsatser?indsats={aid}")
    settle(page)
    field = page.get_by_label("Ansvarlig")
    field.fill("Browsertestens enhed")
    page.get_by_role("button", name="Gem").click()
    page.get_by_text("Gemt (version").first.wait_for(timeout=30_000)
    assert edits.action(store, aid)["responsible"] == "Browsertestens enhed"
    assert store.query("SELECT who FROM audit WHERE table_name = 'action' ORDER BY id DESC LIMIT 1"
                       ).iloc[0, 0] == EDITOR  # the signed-in user, from the provider's token

    page.reload()  # the sign-in is a cookie: still signed in, and the saved value is there
    settle(page)
    assert sidebar.get_by_text("Logget ind som").first.is_visible()
    assert page.get_by_label("Ansvarlig").input_value() == "Browsertestens enhed"

    sidebar.get_by_role("button", name="Log ud").click()
    end = page.get_by_role("button", name="End session")  # the provider asks to end its own session too
    try:
        end.wait_for(timeout=10_000)
        end.click()
    except sync_api.TimeoutError:
        pass
    page.wait_for_url(lambda u: u.startswith(url), timeout=30_000)
    page.goto(f"{url}/indsatser?indsats={aid}")
    settle(page)
    assert sidebar.get_by_role("button", name="Log ind").is_visible()
    assert page.get_by_role("button", name="Gem").count() == 0


def test_an_identity_that_only_names_an_admins_email_gets_no_role(sso_app, page) -> None:
    """Issue 20, item 1: sub=attacker-4711 with email "CHEF@KL.DK " unverified signed in as the admin; and once the
    admin's own identity has bound the account, another subject with the same e-mail, even verified, is refused."""
    url, store, _, idp_url, app_log = sso_app
    sidebar = page.locator("[data-testid='stSidebar']")
    provider_user(idp_url, "attacker-4711", {"email": "CHEF@KL.DK ", "email_verified": False})
    provider_user(idp_url, "chef-4242", {"email": CHIEF, "email_verified": True})
    provider_user(idp_url, "attacker-4712", {"email": CHIEF, "email_verified": True})

    page.goto(f"{url}/brugere")
    settle(page)
    sign_in_at_provider(page, url, "attacker-4711")
    page.goto(f"{url}/brugere")
    settle(page)
    assert page.get_by_role("button", name="Gem rolle").count() == 0  # no grant form
    assert page.get_by_text("Kun en administrator må gøre det.").first.is_visible()
    assert sidebar.get_by_text("identitetsudbyderen har ikke bekræftet e-mailadressen").first.is_visible()
    assert store.query("SELECT idp_subject IS NULL FROM app_user WHERE email = ?", [CHIEF]).iloc[0, 0]
    sign_out(page, url)

    page.goto(f"{url}/brugere")
    settle(page)
    sign_in_at_provider(page, url, "chef-4242")  # the admin's own, verified: binds the account
    page.goto(f"{url}/brugere")
    settle(page)
    assert sidebar.get_by_text("Logget ind som").first.is_visible()
    assert page.get_by_role("button", name="Gem rolle").is_visible()
    assert store.query("SELECT idp_issuer, idp_subject FROM app_user WHERE email = ?", [CHIEF]
                       ).values.tolist() == [[idp_url, "chef-4242"]]
    sign_out(page, url)

    page.goto(f"{url}/brugere")
    settle(page)
    sign_in_at_provider(page, url, "attacker-4712")  # verified, but not the identity the account is bound to
    page.goto(f"{url}/brugere")
    settle(page)
    refusals = sidebar.get_by_text("kontoen er bundet til en anden identitet")
    assert refusals.count() == 1 and refusals.first.is_visible()  # one clear refusal
    assert page.get_by_role("button", name="Gem rolle").count() == 0
    assert store.query("SELECT idp_subject FROM app_user WHERE email = ?", [CHIEF]).iloc[0, 0] == "chef-4242"
    log = app_log.read_text(encoding="utf-8", errors="replace")
    assert "single sign-on refused (auth.err.sso_bound): issuer" in log and "attacker-4712" in log
    assert "eyJ" not in log  # no token (a JWT starts so) in the server's log
