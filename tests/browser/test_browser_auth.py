"""Single sign-on for real: oidc-provider-mock serves an OpenID Connect provider on a loopback port, the app runs with
an [auth] section pointing at it (in a secrets file of the test's own, never the user's), and Chromium goes through
the whole st.login redirect flow, saves an edit, sees it after a reload, and signs out."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


@pytest.fixture
def sso_app(demo_db: Path, tmp_path: Path) -> Iterator[tuple[str, Store, int]]:
    """The app with [auth] pointing at a mock OIDC provider; an editor for København; yields (url, store, action)."""
    db = tmp_path / "sso.duckdb"
    shutil.copy(demo_db, db)
    store = Store(db)
    auth.grant(store, auth.cli_admin("test"), EDITOR, "editor", municipalities=["København"])
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
        with process([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                      "--server.port", str(app_port), "--browser.gatherUsageStats", "false",
                      "--secrets.files", str(secrets_file)], app_log, env) as app:
            wait_for(f"{app_url}/_stcore/health", app, app_log)
            yield app_url, store, aid


@pytest.fixture
def page(chromium: object) -> Iterator[object]:
    context = chromium.new_context(viewport={"width": 1440, "height": 1400}, locale="da-DK")
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    context.close()


def test_sign_in_through_the_provider_edit_reload_and_sign_out(sso_app, page) -> None:
    url, store, aid = sso_app
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
