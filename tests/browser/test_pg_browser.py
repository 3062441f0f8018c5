"""Two `streamlit run` servers on one PostgreSQL database with nginx (deploy/nginx.conf) in front, in Chromium: the
websocket goes through the proxy, and an import made through it on one server is shown by the other."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from dk2020dash.db import open_store
from tests.browser.test_browser import (  # noqa: F401 - skips like the browser tests
    CHROMIUM,
    free_port,
    settle,
    sync_api,
    wait_for,
)
from tests.support import REGION_PASSWORD, ROOT

pytestmark = pytest.mark.browser

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


@pytest.fixture(scope="module")
def region(pg_server, demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """Servers A and B on one PostgreSQL copy of the demo, and nginx from deploy/nginx.conf in front of them."""
    if NGINX is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is not installed: .ci/run installs it")
        pytest.skip("nginx is not installed (apt-get install nginx)")
    from dk2020dash.db.postgres import migrate_to_postgres
    from tests.browser.test_browser import streamlit_app

    url = pg_server.createdb("region")
    migrate_to_postgres(open_store(demo_db), open_store(url))
    tmp = tmp_path_factory.mktemp("region")
    os.chmod(tmp, 0o777)  # nginx's workers run as nobody
    old = os.environ.get("DK2020_DATABASE_URL")
    os.environ["DK2020_DATABASE_URL"] = url  # streamlit_app passes the environment on
    try:
        with streamlit_app(tmp / "unused.duckdb", "region-a") as a, streamlit_app(tmp / "unused.duckdb",
                                                                                  "region-b") as b:
            port_a, port_b, port = a.rsplit(":", 1)[1], b.rsplit(":", 1)[1], free_port()
            conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
            conf = conf.replace("127.0.0.1:8501", f"127.0.0.1:{port_a}").replace("127.0.0.1:8502", f"127.0.0.1:{port_b}")
            conf = conf.replace("listen 127.0.0.1:8080", f"listen 127.0.0.1:{port}")
            conf = conf.replace("/tmp/dk2020-nginx", str(tmp / "nginx"))
            (tmp / "nginx.conf").write_text(conf, encoding="utf-8")
            proxy = subprocess.Popen([NGINX, "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"],
                                     stdout=subprocess.DEVNULL, stderr=open(tmp / "nginx.out", "wb"))  # noqa: SIM115
            front = f"http://127.0.0.1:{port}"
            try:
                wait_for(f"{front}/_stcore/health", proxy, tmp / "nginx.out", seconds=30)
                yield {"front": front, "a": a, "b": b, "url": url, "tmp": tmp}
            finally:
                proxy.terminate()
                proxy.wait(timeout=15)
    finally:
        if old is None:
            os.environ.pop("DK2020_DATABASE_URL", None)
        else:
            os.environ["DK2020_DATABASE_URL"] = old


@pytest.fixture(scope="module")
def browser(chromium: object) -> object:
    return chromium  # conftest's one Chromium for every browser test file


def open_page(browser: object, url: str) -> object:
    context = browser.new_context(viewport={"width": 1440, "height": 1100}, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(90_000)
    page.goto(url)
    settle(page)
    return page


def figures(page: object) -> list[str]:
    page.locator("[data-testid='stMetricValue']").first.wait_for(timeout=90_000)
    return page.locator("[data-testid='stMetricValue']").all_inner_texts()


def test_an_import_through_nginx_on_one_server_shows_on_the_other(region: dict, browser: object) -> None:
    before_a = figures(open_page(browser, region["a"]))
    before_b = figures(open_page(browser, region["b"]))
    assert before_a == before_b and before_a

    from dk2020dash import auth

    auth.grant(open_store(region["url"]), auth.cli_admin("test"), "admin@kommune.dk", "admin", password=REGION_PASSWORD)
    page = open_page(browser, f"{region['front']}/data")  # through nginx: the websocket too
    sign_in(page, "admin@kommune.dk", REGION_PASSWORD)  # imports are an admin's
    marker = region["tmp"] / "markoer.csv"
    marker.write_text("kommune;år;sektor;ton\n101;2023;vej;9.999.999\n", encoding="utf-8")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(str(marker))
    settle(page)
    page.get_by_role("textbox", name="Navn på den nye udgave (valgfrit)").fill("Browsermarkør")
    page.keyboard.press("Enter")
    settle(page)
    page.locator(".st-key-imp-apply button").click()
    page.get_by_text(re.compile("Indlæst: markoer.csv")).wait_for(timeout=90_000)
    assert open_store(region["url"]).query("SELECT count(*) FROM edition WHERE name = 'Browsermarkør'").iloc[0, 0] == 1

    after_a = figures(open_page(browser, region["a"]))
    after_b = figures(open_page(browser, region["b"]))
    assert after_a == after_b  # whichever server nginx chose, the other shows the same new figures
    assert after_b != before_b


def sign_in(page: object, email: str, password: str) -> None:
    """The sidebar's local-account sign-in."""
    page.locator("[data-testid='stSidebar']").get_by_text("Log ind").first.click()
    page.get_by_role("textbox", name="E-mail").fill(email)
    page.get_by_label("Adgangskode", exact=True).fill(password)
    page.locator(".st-key-auth-submit button").click()
    settle(page)
    page.get_by_text(email).first.wait_for(timeout=60_000)


def test_two_editors_on_two_servers_save_the_same_action_one_is_refused(region: dict, browser: object) -> None:
    from dk2020dash import auth

    store = open_store(region["url"])
    password = REGION_PASSWORD
    for email in ("anne@kommune.dk", "bo@kommune.dk"):
        auth.grant(store, auth.cli_admin("test"), email, "admin", password=password)
    aid = int(store.query("SELECT min(id) FROM action").iloc[0, 0])
    version = int(store.query("SELECT version FROM action WHERE id = ?", [aid]).iloc[0, 0])
    pages = []
    for email, server in (("anne@kommune.dk", region["a"]), ("bo@kommune.dk", region["b"])):
        page = open_page(browser, f"{server}/indsatser?indsats={aid}")
        sign_in(page, email, password)
        page.locator(f".st-key-act-save-{aid} button").wait_for(timeout=60_000)
        pages.append(page)
    for page, name in zip(pages, ("Anne Ansvarlig", "Bo Ansvarlig"), strict=True):  # both start from one version
        page.locator(f".st-key-act-responsible-{aid} input").fill(name)
    pages[0].locator(f".st-key-act-save-{aid} button").click()
    pages[0].get_by_text(f"Gemt (version {version + 1})").wait_for(timeout=60_000)
    pages[1].locator(f".st-key-act-save-{aid} button").click()
    pages[1].get_by_text("gemte en ændring først").first.wait_for(timeout=60_000)
    rows = open_store(region["url"]).query("SELECT responsible, version FROM action WHERE id = ?", [aid])
    assert rows.values.tolist() == [["Anne Ansvarlig", version + 1]]
