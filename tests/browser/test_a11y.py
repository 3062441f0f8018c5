"""Accessibility (WCAG 2.1 A/AA, webtilgængelighedsloven) in a real browser: axe-core on every page in Danish and
English, as a viewer and as a signed-in admin, and the main controls with the keyboard only.

axe-core comes from npm, pinned in tests/browser/a11y/package-lock.json; `.ci/run` installs it with
`npm ci --prefix tests/browser/a11y`. Without it these tests are skipped, except in CI (CI=true), where that is an error."""
from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dk2020dash import auth
from dk2020dash.db.store import Store
from dk2020dash.exports import kkr
from dk2020dash.ui.shell import PAGES as MENU
from tests.browser.test_browser import ROOT, settle, streamlit_app
from tests.support import A11Y_PASSWORD

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")

AXE = ROOT / "tests" / "browser" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ADMIN, PASSWORD = "a11y-admin@kommune.dk", A11Y_PASSWORD

# (file, URL path); the first page is the default, served at /.
PAGES = [(file, url) for group in MENU.values() for file, _title, url, _icon in group]
PAGES[0] = (PAGES[0][0], "")
LANGUAGES = {"da": "", "en": "lang=English"}


@pytest.fixture(scope="module")
def axe_script() -> Path:
    if not AXE.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{AXE} is missing: CI must run `npm ci --prefix tests/browser/a11y` (.ci/run does)")
        pytest.skip(f"{AXE} is missing (npm ci --prefix tests/browser/a11y)")
    return AXE


@pytest.fixture(scope="module")
def a11y_server(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a copy of the demo database that has a local admin account (password sign-in)."""
    root = tmp_path_factory.mktemp("a11y")
    db = root / "a11y.duckdb"
    shutil.copy(demo_db, db)
    auth.grant(Store(db), auth.cli_admin("test"), ADMIN, "admin", password=PASSWORD)
    with streamlit_app(db, "a11y") as url:
        yield url


def new_page(browser: object, lang: str) -> object:
    context = browser.new_context(viewport={"width": 1440, "height": 1100},
                                  locale="da-DK" if lang == "da" else "en-GB")
    page = context.new_page()
    page.set_default_timeout(60_000)
    return page


RENDERED = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector("[data-testid='stSpinner'], [data-testid='stSkeleton']")) return false;
  for (const c of document.querySelectorAll("[data-testid='stVegaLiteChart']"))
    if (!c.querySelector('svg, canvas')) return false;
  for (const c of document.querySelectorAll("[data-testid='stDeckGlJsonChart']"))
    if (!c.querySelector('canvas')) return false;
  return document.querySelector('h1') !== null;
}"""


def rendered(page: object) -> None:
    """Wait until the script has run, no spinner shows and every chart and map has drawn."""
    settle(page)
    page.wait_for_function(RENDERED, timeout=60_000)
    page.wait_for_timeout(700)  # Vega's and deck.gl's last frame, Glide's table canvas
    page.wait_for_function(RENDERED, timeout=60_000)


AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.map(String), html: n.html.slice(0, 200),
                               message: (n.any.concat(n.all, n.none).map(c => c.message).join(' ')).slice(0, 300)})),
  }));
}"""


OPEN_EXPANDERS = """() => {
  const closed = [...document.querySelectorAll("[data-testid='stExpander'] details:not([open]) > summary")];
  closed.forEach(s => s.click());
  return closed.length;
}"""


def axe_violations(page: object, axe: Path) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page as shown, with every expander opened first (axe checks only
    what is displayed)."""
    if page.evaluate(OPEN_EXPANDERS):
        page.wait_for_timeout(500)
        page.wait_for_function(RENDERED, timeout=60_000)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe))
    return page.evaluate(AXE_RUN, WCAG21_AA)


def describe(where: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        for n in v["nodes"]:
            lines.append(f"{where}: {v['id']} ({v['impact']}) {' '.join(n['target'])}\n"
                         f"    {n['html']}\n    {n['message']}")
    return lines


def page_language(page: object, where: str, lang: str) -> list[str]:
    """WCAG 3.1.1 (language of page), which axe checks only for a valid code: <html lang> is the page's language."""
    actual = page.evaluate("() => document.documentElement.lang")
    return [] if actual == lang else [f"{where}: <html lang=\"{actual}\"> on a page in {lang!r} (WCAG 3.1.1)"]


def check_pages(page: object, axe: Path, url: str, lang: str) -> list[str]:
    found: list[str] = []
    query = LANGUAGES[lang]
    for _file, path in PAGES:
        where = f"/{path}" + (f"?{query}" if query else "")
        page.goto(f"{url}{where}")
        rendered(page)
        found += describe(where, axe_violations(page, axe)) + page_language(page, where, lang)
        if path == "praesentation":  # every slide: the next button moves on
            for n in range(2, len(kkr.SLIDES) + 1):
                page.locator(".st-key-kkr-next button").click()
                page.wait_for_function(f"() => location.search.includes('slide={n}')", timeout=30_000)
                rendered(page)
                found += describe(f"{where} slide {n}", axe_violations(page, axe))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_meets_wcag21_aa(a11y_server: str, chromium: object, axe_script: Path, lang: str) -> None:
    page = new_page(chromium, lang)
    try:
        found = check_pages(page, axe_script, a11y_server, lang)
    finally:
        page.context.close()
    assert not found, f"{len(found)} WCAG 2.1 A/AA violations:\n" + "\n".join(found)


def sign_in(page: object, url: str) -> None:
    """Sign in with the local admin account through the sidebar's form (the session keeps it while the page is
    not reloaded, so the test moves on with the menu's links)."""
    page.goto(f"{url}/data")
    rendered(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("Log ind", exact=True).first.click()
    sidebar.get_by_label("E-mail").fill(ADMIN)
    sidebar.get_by_label("Adgangskode").fill(PASSWORD)
    sidebar.get_by_role("button", name="Log ind").click()
    sidebar.get_by_text("Logget ind som").first.wait_for(timeout=30_000)
    rendered(page)


def go(page: object, link: str, path: str) -> None:
    """Follow the menu's link (the session, and so the sign-in, stays) and wait until that page has drawn."""
    page.locator("[data-testid='stSidebar']").get_by_role("link", name=link, exact=True).click()
    page.wait_for_function(f"() => location.pathname.endsWith('/{path}')", timeout=30_000)
    rendered(page)


def test_the_admin_views_meet_wcag21_aa(a11y_server: str, chromium: object, axe_script: Path) -> None:
    """Signed in as an admin, the workspace pages show their forms: the import, the role grant, the milestone
    forms and an action's edit form."""
    page = new_page(chromium, "da")
    found: list[str] = []
    try:
        sign_in(page, a11y_server)
        found += describe("admin /data", axe_violations(page, axe_script))
        for link, where in (("Brugere", "brugere"), ("Milepæle", "milepaele"), ("Indsatser", "indsatser")):
            go(page, link, where)
            assert page.locator("[data-testid='stSidebar']").get_by_text("Logget ind som").first.is_visible()
            found += describe(f"admin /{where}", axe_violations(page, axe_script))
        # An action's edit form: tick the first row of the table (Glide's grid is a canvas: header 36 px, rows 35).
        grid = page.locator(".st-key-ind-table [data-testid='stDataFrameResizable']").first
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        page.mouse.move(box["x"] + 22, box["y"] + 53)
        page.mouse.click(box["x"] + 22, box["y"] + 53)
        page.wait_for_function("() => location.search.includes('indsats=')", timeout=30_000)
        page.get_by_role("button", name="Gem").first.wait_for(timeout=30_000)
        rendered(page)
        found += describe("admin /indsatser?indsats=", axe_violations(page, axe_script))
    finally:
        page.context.close()
    assert not found, f"{len(found)} WCAG 2.1 A/AA violations:\n" + "\n".join(found)


# -- the keyboard only ---------------------------------------------------------------------------------------------
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  return {tag: el.tagName.toLowerCase(), role: el.getAttribute('role'), text: (el.innerText || '').trim().slice(0, 80),
          label: el.getAttribute('aria-label'), href: el.getAttribute('href'),
          sidebar: !!el.closest("[data-testid='stSidebar']"),
          testid: (el.closest('[data-testid]') || {}).dataset?.testid || null};
}"""


def tab_to(page: object, wanted, limit: int = 120, key: str = "Tab") -> dict:
    """Press Tab (or Shift+Tab) until the focused element is the wanted one (a predicate on FOCUSED's dict); fail
    with the elements passed on the way if it never gets focus."""
    seen = []
    for _ in range(limit):
        page.keyboard.press(key)
        now = page.evaluate(FOCUSED)
        if now is not None and wanted(now):
            return now
        seen.append(now)
    raise AssertionError(f"not reachable with {key} in {limit} presses; focus went through {seen}")


RING = r"""() => {
  const s = getComputedStyle(document.activeElement);
  let bg = 'rgb(255, 255, 255)';  // the first opaque background around the element
  for (let el = document.activeElement.parentElement; el; el = el.parentElement) {
    const c = getComputedStyle(el).backgroundColor;
    if (c !== 'transparent' && !/rgba\(.*, 0\)$/.test(c)) { bg = c; break; }
  }
  return {outline: s.outlineStyle === 'none' ? null : [parseFloat(s.outlineWidth), s.outlineColor],
          shadow: s.boxShadow === 'none' ? null : s.boxShadow, background: bg};
}"""


def luminance(css: str) -> float:
    r, g, b = (float(v) / 255 for v in re.findall(r"[\d.]+", css)[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def assert_focus_visible(page: object) -> None:
    """WCAG 2.4.7: the focused element shows a ring: an outline of 2 px or more at 3:1 against the background, or
    Streamlit's own box-shadow ring."""
    ring = page.evaluate(RING)
    if ring["outline"] is not None:
        width, colour = ring["outline"]
        high, low = sorted((luminance(colour), luminance(ring["background"])), reverse=True)
        assert width >= 2 and (high + 0.05) / (low + 0.05) >= 3, ring
    else:
        assert ring["shadow"] is not None, f"no visible focus on {page.evaluate(FOCUSED)}: {ring}"


ACTIVE_OPTION = """() => {
  const id = document.activeElement && document.activeElement.getAttribute('aria-activedescendant');
  const option = id && document.getElementById(id);
  return option ? option.innerText.trim() : null;
}"""


def search(page: object) -> str:
    return page.evaluate("() => decodeURIComponent(location.search.replace(/\\+/g, ' '))")


def test_the_menu_the_area_and_the_language_work_with_the_keyboard_only(a11y_server: str, chromium: object) -> None:
    page = new_page(chromium, "da")
    try:
        page.goto(f"{a11y_server}/metode")
        rendered(page)
        # The page menu: a link, followed with Enter.
        tab_to(page, lambda f: f["sidebar"] and f["tag"] == "a" and (f["href"] or "").endswith("kommune"))
        assert_focus_visible(page)
        page.keyboard.press("Enter")
        page.wait_for_function("() => location.pathname.endsWith('/kommune')", timeout=30_000)
        rendered(page)
        assert page.get_by_role("heading", level=1).first.is_visible()
        # The area: a selectbox, opened and chosen with the arrow keys and Enter.
        tab_to(page, lambda f: f["sidebar"] and f["testid"] == "stSelectbox")
        page.keyboard.press("ArrowDown")  # opens the list
        page.get_by_role("option", name="Region Sjælland").wait_for(timeout=15_000)
        for _ in range(6):
            if page.evaluate(ACTIVE_OPTION) == "Region Sjælland":
                break
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.wait_for_function("() => decodeURIComponent(location.search.replace(/\\+/g, ' '))"
                               ".includes('area=Region Sjælland')", timeout=30_000)
        rendered(page)
        assert "/kommune" in page.url
        # The language: a radio group (one tab stop, the chosen segment); the arrow key moves to the other, Space.
        tab_to(page, lambda f: f["sidebar"] and f["role"] == "radio" and f["text"] == "Dansk", key="Shift+Tab")
        page.keyboard.press("ArrowRight")
        assert page.evaluate(FOCUSED)["text"] == "English"
        assert_focus_visible(page)
        page.keyboard.press("Space")
        page.wait_for_function("() => location.search.includes('lang=English')", timeout=30_000)
        rendered(page)
        assert page.get_by_text("Example data – not official figures").first.is_visible()
        assert "area=Region Sjælland" in search(page)
        assert page.evaluate("() => document.documentElement.lang") == "en"
    finally:
        page.context.close()


def test_the_presentation_moves_between_slides_with_the_keyboard_only(a11y_server: str, chromium: object) -> None:
    page = new_page(chromium, "da")

    def on_slide(n: int) -> None:
        page.wait_for_function(f"() => new URLSearchParams(location.search).get('slide') === '{n}'"
                               + (" || (location.search.indexOf('slide=') < 0)" if n == 1 else ""), timeout=30_000)
        settle(page)
        page.get_by_text(f"Dias {n} af {len(kkr.SLIDES)}").first.wait_for(timeout=30_000)

    try:
        page.goto(f"{a11y_server}/praesentation")
        rendered(page)
        on_slide(1)
        tab_to(page, lambda f: f["tag"] == "button" and "Næste" in f["text"])
        assert_focus_visible(page)
        page.keyboard.press("Enter")
        on_slide(2)
        page.keyboard.press("Enter")  # the focus stays on the button
        on_slide(3)
        tab_to(page, lambda f: f["tag"] == "button" and "Forrige" in f["text"], key="Shift+Tab")
        page.keyboard.press("Space")
        on_slide(2)
        page.keyboard.press("ArrowRight")  # the arrow keys, wherever the focus is outside a text field
        on_slide(3)
        page.keyboard.press("ArrowLeft")
        on_slide(2)
        page.keyboard.press("ArrowLeft")
        on_slide(1)
        # The slide numbers themselves are buttons too.
        tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "5")
        assert_focus_visible(page)
        page.keyboard.press("Enter")
        on_slide(5)
    finally:
        page.context.close()
