"""Page times in the real app with 20 browser sessions at once, while a CLI import writes, against one session alone.

python bench/load.py [--sessions 20] [--rounds 1] [--alone-rounds 3] [--page-timeout 90] [--deadline 900]

Starts `streamlit run app.py` headless on a free 127.0.0.1 port (DK2020_DB: a fresh demo database in a temporary
folder) and one headless Chromium (/usr/bin/chromium, through playwright.async_api). First one session alone opens
every page of the menu (dk2020dash.ui.PAGES) `alone-rounds` times, after one untimed pass that warms the caches;
then `sessions` browser contexts at once each open every page `rounds` times, while `python -m dk2020dash import
actions` of the demo's exported actions file (which replaces the demo actions) runs in parallel. A page's time is
from navigation to `[data-testid='stApp'][data-test-script-state='notRunning']` with the page's main content shown.
An exception on a page (stException) or a timeout is an error. Loopback only; the server is stopped at the end.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.async_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
DONE = "[data-testid='stApp'][data-test-script-state='notRunning'] [data-testid='stMainBlockContainer']"
EXCEPTION = "[data-testid='stException']"


def menu_paths() -> list[str]:
    from dk2020dash.ui import PAGES  # the menu app.py draws

    return [url for group in PAGES.values() for _file, _title, url, _icon in group]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "DK2020_DB": str(db)}
    env.pop("DK2020_DATABASE_URL", None)
    env.pop("DK2020_BOUNDARIES", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            stop(proc)
            raise SystemExit(f"streamlit did not start: {log.read_text()[-2000:]}")
        time.sleep(0.3)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class Tally:
    def __init__(self) -> None:
        self.times: list[float] = []
        self.errors: list[str] = []


async def open_page(page, url: str, timeout_ms: int, tally: Tally | None) -> None:
    start = time.perf_counter()
    try:
        await page.goto(url, wait_until="commit", timeout=timeout_ms)
        await page.wait_for_selector(DONE, timeout=timeout_ms)
        elapsed = time.perf_counter() - start
        shown = await page.locator(EXCEPTION).count()
    except PlaywrightError as exc:  # a timeout (or a dropped connection) is an error, not a crash of the benchmark
        if tally is not None:
            tally.errors.append(f"{url}: {type(exc).__name__}: {str(exc).splitlines()[0]}")
        return
    if tally is None:
        return
    if shown:
        tally.errors.append(f"{url}: exception shown on the page")
    else:
        tally.times.append(elapsed)


async def session(browser, base: str, paths: list[str], rounds: int, timeout_ms: int, tally: Tally | None) -> None:
    context = await browser.new_context(viewport={"width": 1440, "height": 1100}, locale="da-DK")
    try:
        page = await context.new_page()
        for _ in range(rounds):
            for path in paths:
                await open_page(page, f"{base}/{path}", timeout_ms, tally)
    finally:
        await context.close()


async def import_actions(db: Path, file: Path) -> tuple[int, float, str]:
    start = time.perf_counter()
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "dk2020dash", "import", "actions", str(file), "--db", str(db), "--who", "bench",
        cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    try:
        out, _ = await proc.communicate()
    except asyncio.CancelledError:  # the deadline: the import is stopped with the rest
        proc.kill()
        await proc.wait()
        raise
    lines = out.decode(errors="replace").strip().splitlines()
    return proc.returncode, time.perf_counter() - start, lines[-1] if lines else ""


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


class Result:
    def __init__(self) -> None:
        self.alone, self.loaded = Tally(), Tally()
        self.imported: tuple[int, float, str] | None = None
        self.wall: float | None = None


async def run(args, base: str, db: Path, actions_file: Path, result: Result) -> None:
    from playwright.async_api import async_playwright

    paths = menu_paths()
    timeout_ms = int(args.page_timeout * 1000)

    async def load_import() -> None:
        result.imported = await import_actions(db, actions_file)

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            await session(browser, base, paths, 1, timeout_ms, None)  # warm the server's caches
            await session(browser, base, paths, args.alone_rounds, timeout_ms, result.alone)
            start = time.perf_counter()
            await asyncio.gather(
                load_import(),
                *(session(browser, base, paths, args.rounds, timeout_ms, result.loaded) for _ in range(args.sessions)))
            result.wall = time.perf_counter() - start
        finally:
            await browser.close()


def report(args, result: Result, stopped: bool) -> None:
    alone, loaded = result.alone, result.loaded
    pages = len(menu_paths())
    wall = f"{result.wall:.1f} s" if result.wall is not None else "unfinished"
    print(f"{pages} pages of the menu; alone: 1 session x {args.alone_rounds} rounds; under load: "
          f"{args.sessions} sessions x {args.rounds} rounds at once ({wall}) with a CLI import of actions")
    if result.imported:
        code, took, last = result.imported
        print(f"CLI import during the load: exit {code} in {took:.1f} s: {last}")
    else:
        print("CLI import during the load: unfinished")
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
    print(f"errors: {len(alone.errors) + len(loaded.errors) + unfinished}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=1, help="passes over the menu per session under load")
    parser.add_argument("--alone-rounds", type=int, default=3, help="passes over the menu by the session alone")
    parser.add_argument("--page-timeout", type=float, default=90, help="seconds before a page counts as an error")
    parser.add_argument("--deadline", type=float, default=900, help="seconds for the whole measurement")
    args = parser.parse_args()

    from dk2020dash.demo import fill_demo
    from dk2020dash.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.duckdb"
        Store(db).create(fill_demo)
        # The actions file: the demo exported by the CLI (from a copy, so the served file is untouched until the import).
        exported = Path(tmp) / "export"
        source = Path(tmp) / "source.duckdb"
        Store(source).create(fill_demo)
        subprocess.run([sys.executable, "-m", "dk2020dash", "export", str(exported), "--db", str(source)],
                       cwd=ROOT, check=True, capture_output=True)
        actions_file = exported / "import" / "actions.csv"
        proc, base = start_server(db, Path(tmp) / "streamlit.log")
        result, stopped = Result(), False
        try:
            asyncio.run(asyncio.wait_for(run(args, base, db, actions_file, result), timeout=args.deadline))
        except TimeoutError:
            stopped = True
        finally:
            stop(proc)
        report(args, result, stopped)


if __name__ == "__main__":
    main()
