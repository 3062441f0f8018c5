"""Page times in the real app with 20 browser sessions at once, while a CLI import and an editor's edits write,
against one session alone; and whether any page view mixed two versions of the data.

python bench/load.py [--sessions 20] [--rounds 1] [--alone-rounds 3] [--edits 6] [--page-timeout 90] [--deadline 900]

Starts `streamlit run app.py` headless on a free 127.0.0.1 port (DK2020_DB: a fresh demo database in a temporary
folder, with a local editor account for København made by `python -m dk2020dash user add ... --password`, the
password on stdin) and one headless Chromium (/usr/bin/chromium, through playwright.async_api). First one session
alone opens every page of the menu (dk2020dash.ui.PAGES) `alone-rounds` times, after one untimed pass that warms
the caches; then `sessions` browser contexts at once each open every page `rounds` times while one writer, in
turn: runs `python -m dk2020dash import actions` of the demo's exported actions less København's last ten (the
import replaces the demo actions, so København has ten fewer), then
signs in as the editor in a browser context of its own and saves `edits` status changes (planned -> cancelled)
through the Indsatser page's edit form. A page's time is from navigation to
`[data-testid='stApp'][data-test-script-state='notRunning']` with an element in the page's main area and no
element left as a placeholder (stSkeleton). An exception
on a page (stException) or a timeout is an error.

Mixed versions: before the server starts, the same writes are applied one by one to a copy of the database and,
after each, Overblik (Denmark) and Kommune (København, its default) are run in AppTest to note the figures every
version shows: the actions per status (one query), the manko (another: the assessment), and on Kommune the
number of actions listed (a third). Every Overblik and Kommune view under load must show the figures of one of
those versions; a view whose figures match none mixed two versions (`mixed: N`). Loopback only; the server is
stopped at the end.
"""
from __future__ import annotations

import argparse
import asyncio
import csv
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from browser import start, stop  # bench/browser.py: a streamlit server on a free loopback port
from playwright.async_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
# Done: the script has stopped and drew something in the main area (a new page starts out "notRunning" and empty).
DONE = ("[data-testid='stApp'][data-test-script-state='notRunning'] [data-testid='stMainBlockContainer'] "
        "[data-testid='stElementContainer']")
EXCEPTION = "[data-testid='stException']"
# ...and the browser drew it: no element still a placeholder while its component loads (metrics were, at times).
DRAWN = "() => !document.querySelector(\"[data-testid='stSkeleton']\")"
EDITOR, PASSWORD, KOMMUNE, KOMMUNE_CODE = "redaktoer@bench.dk", "bench-adgangskode-2026", "København", 101
CHECKED = ("overblik", "kommune")  # pages whose figures are checked against the versions the writes made
# Every metric (label, value) and caption of the page, as shown.
READ_FIGURES = """() => {
  const metrics = {};
  for (const m of document.querySelectorAll("[data-testid='stMetric']")) {
    const l = m.querySelector("[data-testid='stMetricLabel']"), v = m.querySelector("[data-testid='stMetricValue']");
    if (l && v) metrics[l.innerText.trim()] = v.innerText.trim();
  }
  const captions = [...document.querySelectorAll("[data-testid='stCaptionContainer']")].map(c => c.innerText.trim());
  return {metrics, captions};
}"""


def menu_paths() -> list[str]:
    """The URL path of every page of the menu; the first is the default page, at the root ('/overblik' is "Page
    not found" and then the main page)."""
    from dk2020dash.ui.shell import PAGES  # the menu app.py draws

    urls = [url for group in PAGES.values() for _file, _title, url, _icon in group]
    return ["", *urls[1:]]


def _plain(text: str) -> str:
    return " ".join(str(text).replace("\xa0", " ").split())


def figures(page: str, metrics: dict[str, str], captions: list[str]) -> tuple:
    """The figures a view of Overblik or Kommune is checked on: actions per status (action_status_counts), the
    manko (the assessment: action_expected and the inventory) and, on Kommune, how many actions it lists
    (the actions loader). Each comes from a different cached query, so a view that mixed two versions shows a
    combination no single version has."""
    from dk2020dash import i18n, labels
    from dk2020dash.domain import ACTION_STATUSES, TARGET_YEAR

    metrics = {_plain(k): _plain(v) for k, v in metrics.items()}
    shown = [labels.status(s, "da") for s in ACTION_STATUSES] + [i18n.t("ov.kpi.manko", "da", year=TARGET_YEAR)]
    out = tuple(metrics.get(label) for label in shown)
    if page == "kommune":
        listed = [m.group(1) for c in captions if (m := re.match(r"^([\d.]+) handlinger? vist", _plain(c)))]
        out += (listed[0] if listed else None,)
    return out


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "DK2020_DB": str(db)}
    env.pop("DK2020_DATABASE_URL", None)
    env.pop("DK2020_BOUNDARIES", None)
    return start("app.py", ROOT, env, log)


class Tally:
    def __init__(self) -> None:
        self.times: list[float] = []
        self.errors: list[str] = []
        self.checked = 0
        self.mixed: list[str] = []


async def open_page(page, url: str, timeout_ms: int, tally: Tally | None, versions: dict | None = None) -> None:
    start = time.perf_counter()
    try:
        await page.goto(url, wait_until="commit", timeout=timeout_ms)
        await page.wait_for_selector(DONE, timeout=timeout_ms, state="attached")
        await page.wait_for_function(DRAWN, timeout=timeout_ms)
        elapsed = time.perf_counter() - start
        shown = await page.locator(EXCEPTION).count()
        name = url.rsplit("/", 1)[-1] or "overblik"
        seen = await page.evaluate(READ_FIGURES) if versions and name in CHECKED and not shown else None
    except PlaywrightError as exc:  # a timeout (or a dropped connection) is an error, not a crash of the benchmark
        if tally is not None:
            tally.errors.append(f"{url}: {type(exc).__name__}: {str(exc).splitlines()[0]}")
        return
    if tally is None:
        return
    if shown:
        tally.errors.append(f"{url}: exception shown on the page")
        return
    tally.times.append(elapsed)
    if seen is not None:
        got = figures(name, seen["metrics"], seen["captions"])
        tally.checked += 1
        if got not in versions[name]:
            tally.mixed.append(f"{name}: {got}")


async def session(browser, base: str, paths: list[str], rounds: int, timeout_ms: int, tally: Tally | None,
                  versions: dict | None = None) -> None:
    context = await browser.new_context(viewport={"width": 1440, "height": 1100}, locale="da-DK")
    try:
        page = await context.new_page()
        for _ in range(rounds):
            for path in paths:
                await open_page(page, f"{base}/{path}", timeout_ms, tally, versions)
    finally:
        await context.close()


async def import_actions(db: Path, file: Path) -> tuple[int, float, str]:
    start = time.perf_counter()
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "dk2020dash", "import", "actions", str(file), "--db", str(db),
        cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    try:
        out, _ = await proc.communicate()
    except asyncio.CancelledError:  # the deadline: the import is stopped with the rest
        proc.kill()
        await proc.wait()
        raise
    lines = out.decode(errors="replace").strip().splitlines()
    return proc.returncode, time.perf_counter() - start, lines[-1] if lines else ""


class Edits:
    def __init__(self) -> None:
        self.times: list[float] = []
        self.saved: list[int] = []  # action ids, in the order saved
        self.error: str | None = None


async def edit_in_browser(browser, base: str, n: int, timeout_ms: int, edits: Edits) -> None:
    """The editor signs in on Indsatser (København's planned mitigation actions), selects the table's first row and
    sets its status to Opgivet through the edit form, `n` times: after each save the cancelled action leaves the
    list, so the first row (still selected) is the next one."""
    from dk2020dash import i18n, labels

    context = await browser.new_context(viewport={"width": 1440, "height": 1400}, locale="da-DK")
    page = await context.new_page()
    query = urlencode({"ind-kommune": KOMMUNE, "ind-status": labels.status("planned", "da"),
                       "ind-type": labels.action_kind("mitigation", "da")})
    save = "[class*='st-key-act-save-']"

    async def shown_id() -> int | None:
        el = page.locator(save)
        if not await el.count():
            return None
        found = re.search(r"st-key-act-save-(\d+)", await el.first.get_attribute("class") or "")
        return int(found.group(1)) if found else None

    async def pick_first_row() -> None:
        grid = page.locator(".st-key-ind-table [data-testid='stDataFrameResizable']").first
        await grid.wait_for(timeout=timeout_ms)
        await grid.scroll_into_view_if_needed(timeout=timeout_ms)  # below the bridge and its text alternative
        box = await grid.bounding_box()
        await page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)  # the first row's selection marker
        await page.wait_for_selector(save, timeout=timeout_ms)

    try:
        await page.goto(f"{base}/indsatser?{query}", wait_until="commit", timeout=timeout_ms)
        await page.wait_for_selector(DONE, timeout=timeout_ms, state="attached")
        await page.get_by_test_id("stSidebar").get_by_text(i18n.t("auth.sign_in", "da")).first.click()
        await page.get_by_label(i18n.t("edit.field.email", "da")).fill(EDITOR)
        password = page.get_by_label(i18n.t("edit.field.password", "da"))
        await password.fill(PASSWORD)
        await password.press("Enter")
        await page.get_by_text("Logget ind som").wait_for(timeout=timeout_ms)
        await page.wait_for_selector(DONE, timeout=timeout_ms, state="attached")
        await pick_first_row()
        for _ in range(n):
            aid = await shown_id()
            start = time.perf_counter()
            await page.locator(f".st-key-act-status-{aid}").click()
            await page.get_by_role("option", name=labels.status("cancelled", "da"), exact=True).click()
            await page.locator(f".st-key-act-save-{aid} button").click()
            # Saved: the flash message, and the form of another action (the saved one left the list).
            await page.get_by_text("Gemt (version").first.wait_for(timeout=timeout_ms)
            await page.wait_for_function(
                "(old) => { const el = document.querySelector(\"[class*='st-key-act-save-']\");"
                " return !el || !el.classList.contains('st-key-act-save-' + old); }", arg=aid, timeout=timeout_ms)
            await page.wait_for_selector(DONE, timeout=timeout_ms, state="attached")
            edits.times.append(time.perf_counter() - start)
            edits.saved.append(aid)
            if await shown_id() is None:  # the selection did not survive the rerun: choose the first row again
                await pick_first_row()
    except PlaywrightError as exc:
        edits.error = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    finally:
        await context.close()


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


class Result:
    def __init__(self) -> None:
        self.alone, self.loaded = Tally(), Tally()
        self.imported: tuple[int, float, str] | None = None
        self.edits = Edits()
        self.wall: float | None = None


async def run(args, base: str, db: Path, actions_file: Path, versions: dict, result: Result) -> None:
    from playwright.async_api import async_playwright

    paths = menu_paths()
    timeout_ms = int(args.page_timeout * 1000)

    async def writer(browser) -> None:  # one after the other, in the order the expected versions were made
        result.imported = await import_actions(db, actions_file)
        if args.edits:
            await edit_in_browser(browser, base, args.edits, timeout_ms, result.edits)

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            await session(browser, base, paths, 1, timeout_ms, None)  # warm the server's caches
            await session(browser, base, paths, args.alone_rounds, timeout_ms, result.alone, versions)
            start = time.perf_counter()
            await asyncio.gather(
                writer(browser),
                *(session(browser, base, paths, args.rounds, timeout_ms, result.loaded, versions)
                  for _ in range(args.sessions)))
            result.wall = time.perf_counter() - start
        finally:
            await browser.close()


# -- the writes, and the versions they make ---------------------------------------------------------------------
def add_editor(db: Path) -> None:
    subprocess.run([sys.executable, "-m", "dk2020dash", "user", "add", EDITOR, "--role", "editor", "--kommune",
                    KOMMUNE, "--password", "--db", str(db)], cwd=ROOT, check=True, capture_output=True,
                   input=PASSWORD + "\n", text=True)


def changed_actions(exported: Path, out: Path) -> None:
    """The demo's exported actions without København's last ten: the import changes how many actions København
    has, and so its counts per status."""
    with exported.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    head, body = rows[0], rows[1:]
    col = head.index("municipality")
    mine = [i for i, r in enumerate(body) if r[col] == str(KOMMUNE_CODE)]
    drop = set(mine[-10:])
    with out.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([head, *(r for i, r in enumerate(body) if i not in drop)])


def page_figures(db: Path) -> dict[str, tuple]:
    """Overblik (Denmark) and Kommune (its default, København) run in AppTest on `db`: their figures."""
    from streamlit.testing.v1 import AppTest

    os.environ["DK2020_DB"] = str(db)
    out = {}
    for name in CHECKED:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        at.run()
        at.switch_page(f"pages/{name}.py").run()
        if at.exception:
            raise SystemExit(f"{name} failed in AppTest: {at.exception[0].value}")
        out[name] = figures(name, {m.label: m.value for m in at.metric}, [c.value for c in at.caption])
    return out


def expected_versions(db: Path, actions_file: Path, edits: int, folder: Path) -> tuple[dict[str, set], list[int], list[str]]:
    """Apply the writes of the load, in order, to a copy of `db`, noting the checked pages' figures after each:
    {page: the figures of every version}, the ids the editor will cancel (in order), and a note per write that
    changed none of the figures (a mix across it could not be seen)."""
    from dk2020dash import auth
    from dk2020dash import edits as edit
    from dk2020dash.db.store import Store

    copy = folder / "expected.duckdb"
    shutil.copy(db, copy)
    states = [page_figures(copy)]
    subprocess.run([sys.executable, "-m", "dk2020dash", "import", "actions", str(actions_file), "--db", str(copy)],
                   cwd=ROOT, check=True, capture_output=True)
    states.append(page_figures(copy))
    store = Store(copy)
    ids = store.query("SELECT id FROM action WHERE municipality = ? AND status = 'planned' AND kind = 'mitigation' "
                      "ORDER BY expected_2030_t DESC NULLS LAST, id LIMIT ?", [KOMMUNE_CODE, edits])["id"].tolist()
    editor = auth.load_user(store, EDITOR)
    for aid in ids:
        edit.set_status(store, editor, int(aid), "cancelled", None)
        states.append(page_figures(copy))
    # A mix across a write shows only if the write changed figures of two loaders: the counts per status, the
    # manko, the number listed (Kommune).
    def groups(f: tuple) -> list[tuple]:
        return [f[:-2] if len(f) == 8 else f[:-1], f[-2:-1] if len(f) == 8 else f[-1:], f[-1:] if len(f) == 8 else ()]

    blind = [f"write {i}: {name}" for i in range(1, len(states)) for name in CHECKED
             if sum(a != b for a, b in zip(groups(states[i][name]), groups(states[i - 1][name]))) < 2]
    return {name: {s[name] for s in states} for name in CHECKED}, [int(i) for i in ids], blind


def report(args, result: Result, stopped: bool, expected_ids: list[int], blind: list[str]) -> None:
    alone, loaded = result.alone, result.loaded
    pages = len(menu_paths())
    wall = f"{result.wall:.1f} s" if result.wall is not None else "unfinished"
    print(f"{pages} pages of the menu; alone: 1 session x {args.alone_rounds} rounds; under load: "
          f"{args.sessions} sessions x {args.rounds} rounds at once ({wall}) with a CLI import of actions, then "
          f"{args.edits} edits by an editor in the browser")
    if result.imported:
        code, took, last = result.imported
        print(f"CLI import during the load: exit {code} in {took:.1f} s: {last}")
    else:
        print("CLI import during the load: unfinished")
    e = result.edits
    if e.times:
        print(f"editor edits through the Indsatser form: {len(e.saved)} of {args.edits} saved, median "
              f"{statistics.median(e.times):.1f} s from choosing the status to the form of the next action"
              + ("" if e.saved == expected_ids[:len(e.saved)] else f" (NOT the expected actions: {e.saved} vs "
                                                                    f"{expected_ids})"))
    if e.error:
        print(f"  edit error: {e.error}")
    unfinished = 0
    if stopped:
        expected = pages * (args.alone_rounds + args.sessions * args.rounds)
        unfinished = expected - sum(len(t.times) + len(t.errors) for t in (alone, loaded))
        print(f"stopped at the deadline of {args.deadline:.0f} s: {unfinished} page openings unfinished (errors)")
    for name, tally in (("alone", alone), ("under load", loaded)):
        if tally.times:
            print(f"{name:<11} pages timed {len(tally.times):>4}  median {statistics.median(tally.times) * 1000:>8.0f} ms"
                  f"  p95 {p95(tally.times) * 1000:>8.0f} ms  errors {len(tally.errors)}")
        else:
            print(f"{name:<11} no page finished; errors {len(tally.errors)}")
    for error in (alone.errors + loaded.errors)[:10]:
        print(f"  error: {error}")
    if alone.times and loaded.times:
        print(f"p95 ratio: {p95(loaded.times) / p95(alone.times):.2f}")
    edit_errors = 0 if (e.error is None and len(e.saved) == args.edits) else 1
    print(f"errors: {len(alone.errors) + len(loaded.errors) + unfinished + edit_errors}")
    mixed = alone.mixed + loaded.mixed
    print(f"views checked for mixed versions: {alone.checked + loaded.checked} (Overblik, Kommune); "
          "writes changing figures of fewer than two loaders (a mix across them unseen): "
          f"{len(blind)}{' (' + '; '.join(blind) + ')' if blind else ''}")
    for m in mixed[:5]:
        print(f"  mixed: {m}")
    print(f"mixed: {len(mixed)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=1, help="passes over the menu per session under load")
    parser.add_argument("--alone-rounds", type=int, default=3, help="passes over the menu by the session alone")
    parser.add_argument("--edits", type=int, default=6, help="status changes the editor saves in the browser")
    parser.add_argument("--page-timeout", type=float, default=90, help="seconds before a page counts as an error")
    parser.add_argument("--deadline", type=float, default=900, help="seconds for the whole measurement")
    args = parser.parse_args()

    from dk2020dash.db.store import Store
    from dk2020dash.demo import fill_demo

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.duckdb"
        Store(db).create(fill_demo)
        add_editor(db)
        # The actions file: the demo exported by the CLI (from a copy, so the served file is untouched until the
        # import), less København's last ten.
        exported = Path(tmp) / "export"
        source = Path(tmp) / "source.duckdb"
        Store(source).create(fill_demo)
        subprocess.run([sys.executable, "-m", "dk2020dash", "export", str(exported), "--db", str(source)],
                       cwd=ROOT, check=True, capture_output=True)
        actions_file = Path(tmp) / "actions.csv"
        changed_actions(exported / "import" / "actions.csv", actions_file)
        versions, expected_ids, blind = expected_versions(db, actions_file, args.edits, Path(tmp))
        proc, base = start_server(db, Path(tmp) / "streamlit.log")
        result, stopped = Result(), False
        try:
            asyncio.run(asyncio.wait_for(run(args, base, db, actions_file, versions, result), timeout=args.deadline))
        except TimeoutError:
            stopped = True
        finally:
            stop(proc)
        report(args, result, stopped, expected_ids, blind)


if __name__ == "__main__":
    main()
