"""Every page in a real browser (headless Debian Chromium via Playwright): what AppTest cannot see."""
from __future__ import annotations

import math
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest

from dk2020dash.ui.shell import PAGES as MENU
from dk2020dash.views import maps
from dk2020dash.views.maps import BOUNDARIES_ENV
from tests.support import ROOT, SCREENSHOTS, server_log

CHROMIUM = Path("/usr/bin/chromium")

LOCAL = ("http://localhost", "data:", "blob:")
DAGI = ROOT.parent / "shared" / "reference" / "kommuner.geojson"  # the official boundaries, where present

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"{CHROMIUM} is missing: CI must install Debian's chromium for the browser tests")
    pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


# (file, URL path); the first page is the default, served at / (its own path shows "Page not found").
PAGES = [(file, url) for group in MENU.values() for file, _title, url, _icon in group]
PAGES[0] = (PAGES[0][0], "")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    """Wait until a server answers 200 at url; fail with the end of its log if it stops or takes too long."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not come up: {log.read_text()[-2000:]}")
        time.sleep(0.3)


@contextmanager
def streamlit_app(db: Path, name: str, boundaries: Path | None = None) -> Iterator[str]:
    """`streamlit run app.py` on `db` (and a boundary file, if given) on a free port; stopped afterwards. Its output
    goes to support.server_log(name) (the session's server logs, checked for test secrets at the end)."""
    port = free_port()
    log = server_log(name)
    env = {**os.environ, "DK2020_DB": str(db)}
    env.setdefault("DK2020_LOG_LEVEL", "debug")  # every record the app makes is in the log that is checked
    env.pop(BOUNDARIES_ENV, None)
    if boundaries is not None:
        env[BOUNDARIES_ENV] = str(boundaries)
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(port), "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://localhost:{port}"
    try:
        wait_for(f"{url}/_stcore/health", proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def server(demo_db: Path) -> Iterator[str]:
    """The app on the demo database with the boundaries shipped in data/ (no DK2020_BOUNDARIES)."""
    with streamlit_app(demo_db, "browser") as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium: object) -> object:
    return chromium  # conftest's one Chromium for every browser test file


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1440, "height": 1100}, locale="da-DK")
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    context.close()


CHARTS = "[data-testid='stVegaLiteChart'] svg, [data-testid='stVegaLiteChart'] canvas"


def charts_drawn(pg: object, at_least: int, timeout: float = 30_000) -> None:
    """Wait until `at_least` Vega charts have drawn (an svg or a canvas each): Vega draws them one after another,
    after the script has finished, so counting right after settle() can see fewer."""
    pg.wait_for_function(f"n => document.querySelectorAll({CHARTS!r}).length >= n", arg=at_least, timeout=timeout)


def settle(pg: object) -> None:
    """Wait until the script has run and nothing is re-running."""
    pg.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    pg.wait_for_timeout(500)
    pg.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)


@pytest.mark.parametrize(("file", "url_path"), PAGES, ids=[Path(f).stem for f, _ in PAGES])
def test_every_page_renders_without_an_exception(server: str, page: object, file: str, url_path: str) -> None:
    foreign: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(LOCAL) else None)
    page.goto(f"{server}/{url_path}")
    settle(page)
    page.wait_for_timeout(1500)  # charts and the map draw after the script has finished
    SCREENSHOTS.mkdir(exist_ok=True)
    # Streamlit scrolls inside its main block, so a tall window shows the whole page in one screenshot.
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1440, "height": min(int(height) + 50, 9000)})
    page.wait_for_timeout(1500)
    page.screenshot(path=str(SCREENSHOTS / f"{Path(file).stem}.png"))
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.get_by_text("Eksempeldata – ikke officielle tal").first.is_visible()
    assert foreign == []  # no fonts, icons, tiles or scripts from the internet
    assert page.get_by_text("Page not found").count() == 0


def test_the_map_draws_without_requests_to_the_internet(server: str, page: object) -> None:
    foreign: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(LOCAL) else None)
    page.goto(f"{server}/kort")
    settle(page)
    assert the_map(page).locator("canvas").count() >= 1
    assert foreign == []


def test_overview_chart_renders(server: str, page: object) -> None:
    page.goto(server)  # Overblik is the default page
    settle(page)
    charts_drawn(page, 1)


def test_the_compare_page_draws_its_charts(server: str, page: object) -> None:
    page.goto(f"{server}/sammenlign?kommuner=Aarhus&kommuner=Odense")
    settle(page)
    charts_drawn(page, 2)
    assert page.locator(CHARTS).count() >= 2
    assert page.get_by_text("Aarhus").first.is_visible()


def test_sidebar_choices_are_written_to_the_url(server: str, page: object) -> None:
    page.goto(f"{server}/metode")
    settle(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("English", exact=True).click()
    settle(page)
    page.wait_for_function("() => location.search.includes('lang=English')", timeout=15_000)
    sidebar.locator("[data-testid='stSelectbox']").first.click()
    page.get_by_role("option", name="Region Sjælland").click()
    settle(page)
    page.wait_for_function("() => decodeURIComponent(location.search.replace(/\\+/g, ' ')).includes('area=Region Sjælland')",
                           timeout=15_000)
    assert page.get_by_text("Example data – not official figures").first.is_visible()


def the_map(page: object) -> object:
    """The Kort page's main map, once deck.gl has drawn it."""
    chart = page.locator("[data-testid='stDeckGlJsonChart']").first
    chart.locator("canvas").first.wait_for(state="attached", timeout=30_000)
    page.wait_for_timeout(1500)
    return chart


def click_on(page: object, chart: object, code: int) -> None:
    """Click a municipality's label point on the Denmark map: the view is maps.view_for all 98, centred in
    the canvas, so its pixel is the canvas centre plus its Web Mercator offset from the view's centre."""
    munis = pd.read_csv(ROOT / "data" / "municipalities.csv")
    view = maps.view_for(munis)
    row = munis.set_index("code").loc[code]
    scale = 512 * 2 ** view.zoom / (2 * math.pi)
    y = lambda lat: math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))  # noqa: E731
    box = chart.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2 + math.radians(row.label_lon - view.longitude) * scale,
                    box["y"] + box["height"] / 2 - (y(row.label_lat) - y(view.latitude)) * scale)
    page.wait_for_timeout(300)
    page.mouse.down()
    page.wait_for_timeout(100)
    page.mouse.up()


def test_clicking_a_municipality_on_the_map_opens_its_page(server: str, page: object) -> None:
    page.goto(f"{server}/kort")
    settle(page)
    click_on(page, the_map(page), 791)
    page.wait_for_url("**/kommune?kommune=Viborg", timeout=30_000)
    settle(page)
    assert page.locator("[data-testid='stException']").count() == 0


def test_the_chosen_set_is_written_to_the_url(server: str, page: object) -> None:
    page.goto(f"{server}/sammenlign")
    settle(page)
    chooser = page.locator("[data-testid='stMultiSelect']").first
    chooser.get_by_role("button", name="Remove Odense").or_(chooser.locator("[title='Odense'] ~ *")).first.click()
    settle(page)
    page.wait_for_function("() => decodeURIComponent(location.search).includes('kommuner=')", timeout=15_000)
    search = page.evaluate("() => decodeURIComponent(location.search.replace(/\\+/g, ' '))")
    assert "kommuner=København" in search and "Odense" not in search


def test_the_menu_keeps_language_and_area_and_shows_no_file_list(server: str, page: object) -> None:
    page.goto(f"{server}/kommune?lang=English&area=Region+Sj%C3%A6lland&kommune=Roskilde")
    settle(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    assert sidebar.locator("[data-testid='stSidebarNavItems']").count() == 0  # Streamlit's own menu is hidden
    sidebar.get_by_role("link", name="Compare").click()
    page.wait_for_url("**/sammenlign?*", timeout=30_000)
    settle(page)
    search = page.evaluate("() => decodeURIComponent(location.search.replace(/\\+/g, ' '))")
    assert "lang=English" in search and "area=Region Sjælland" in search and "kommune=" not in search
    assert page.get_by_text("Example data – not official figures").first.is_visible()
    sidebar.get_by_role("link", name="Overview").click()  # the default page: its URL is /
    page.wait_for_function("() => !location.pathname.includes('sammenlign')", timeout=30_000)
    settle(page)
    assert page.locator("h1").first.inner_text() == "Overview: Region Sjælland"


def test_the_map_draws_real_boundaries_and_a_click_on_one_opens_it(
        demo_db: Path, page: object) -> None:
    if not DAGI.is_file():
        pytest.skip(f"{DAGI} is absent")
    with streamlit_app(demo_db, "browser-dagi", boundaries=DAGI) as url:
        page.goto(f"{url}/kort")
        settle(page)
        assert page.get_by_text("Kommunegrænser fra kommuner.geojson").first.is_visible()
        chart = the_map(page)
        SCREENSHOTS.mkdir(exist_ok=True)
        chart.screenshot(path=str(SCREENSHOTS / "kort-graenser.png"))
        click_on(page, chart, 791)  # inside Viborg's polygon, away from its outline
        page.wait_for_url("**/kommune?kommune=Viborg", timeout=30_000)
        settle(page)
        assert page.locator("[data-testid='stException']").count() == 0


def test_a_table_downloads_as_a_danish_csv(server: str, page: object) -> None:
    page.goto(f"{server}/sammenlign?kommuner=Aarhus&kommuner=Odense")
    settle(page)
    with page.expect_download(timeout=30_000) as got:
        page.locator(".st-key-dl-sammenligning").get_by_role("button", name="CSV (Excel)").click()
    download = got.value
    assert download.suggested_filename == "sammenligning.csv"
    data = Path(download.path()).read_bytes()
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Kommune;Vurdering;") and len(lines) == 3
    assert {line.split(";")[0] for line in lines[1:]} == {"Aarhus", "Odense"}


def test_the_adaptation_page_draws_its_charts_and_the_kommune_page_its_section(server: str, page: object) -> None:
    page.goto(f"{server}/tilpasning")
    settle(page)
    charts_drawn(page, 2)  # the heat chart and the actions by hazard
    assert page.locator(CHARTS).count() >= 2
    assert page.get_by_text("Høje risici uden tilpasning i gang").first.is_visible()
    assert page.locator("[data-testid='stException']").count() == 0

    page.goto(f"{server}/kommune?kommune=Lolland")
    settle(page)
    heading = page.get_by_role("heading", name="Klimatilpasning")
    heading.wait_for(timeout=30_000)
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1440, "height": min(int(height) + 50, 9000)})
    page.wait_for_timeout(1500)
    box = heading.bounding_box()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "kommune-klimatilpasning.png"),
                    clip={"x": 0, "y": max(box["y"] - 20, 0), "width": 1440, "height": 1100})
    assert page.get_by_text("Lolland har høj risiko for").first.is_visible() or \
        page.get_by_text("høje klimarisici i Lolland").first.is_visible()
    assert page.locator("[data-testid='stException']").count() == 0


def test_the_presentation_at_1920x1080_every_slide(server: str, browser: object) -> None:
    """Each slide of the KKR presentation on a meeting-room screen, saved as a screenshot; the arrow keys and
    the slide number in the URL move between them."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(60_000)
    foreign: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(LOCAL) else None)
    try:
        SCREENSHOTS.mkdir(exist_ok=True)
        for n in range(1, 8):
            page.goto(f"{server}/praesentation?area=Region+Hovedstaden&since=2025-06-01&slide={n}")
            settle(page)
            page.wait_for_timeout(2000)  # charts draw after the script has finished
            assert page.locator("[data-testid='stException']").count() == 0
            assert page.get_by_text(f"Dias {n} af 7").first.is_visible()
            assert page.locator(".st-key-kkr-slide h1").first.is_visible()
            page.screenshot(path=str(SCREENSHOTS / f"praesentation-{n}.png"))
        # The title is read from the back of the room: at least 40 pixels high.
        size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.st-key-kkr-slide h1')).fontSize)")
        assert size >= 40
        page.mouse.click(1900, 700)  # on the page, away from any input, so the key goes to the app
        page.keyboard.press("ArrowLeft")
        settle(page)
        page.wait_for_function("() => location.search.includes('slide=6')", timeout=15_000)
        assert page.get_by_text("Dias 6 af 7").first.is_visible()
        assert foreign == []
    finally:
        context.close()
