"""Pages in a real browser, from navigation to the charts drawn, against a one-line Streamlit page the same way.

python bench/browser.py [--pages overblik kommune] [--runs 7] [--warmup 2] [--db PATH]

Starts `streamlit run app.py` (DK2020_DB: a fresh demo database in a temporary folder unless --db) and a second
server for a one-line page (`st.write("hej")`), each headless on a free 127.0.0.1 port, and one headless Chromium
(/usr/bin/chromium through playwright). One browser context per server (its static files cached after the warm-up,
as for a returning user); every visit is a new navigation, so a new Streamlit session on a warm server. A visit's
time is the page's own performance.now() (milliseconds since navigation began) at the first animation frame where
the script has finished (stApp's data-test-script-state is notRunning), no spinner runs, the main content is shown
and every Vega-Lite chart has drawn its canvas or SVG with a size (at least one chart on an app page; "hej" on the
one-line page). The one-line page's visits are interleaved with each page's (one of each in turn), so load from
other processes falls on both alike; each line shows the page's median, the one-line median, the spread of the
ratio (lowest and highest of visit i / one-line visit i) and, last, the ratio of the medians.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHART_PAGES = {"overblik", "kommune", "sammenlign"}  # pages that draw a Vega-Lite chart with the demo data
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]

# True (as performance.now()) once the page is drawn: the script done, no spinner, content shown, and every chart
# drawn (`charts`: at least that many Vega-Lite charts; `text`: this text shown).
DRAWN = """([charts, text]) => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
    const main = document.querySelector("[data-testid='stMainBlockContainer']");
    if (!main || document.querySelector("[data-testid='stSpinner']")) return false;
    if (text && !main.innerText.includes(text)) return false;
    const shown = [...main.querySelectorAll("[data-testid='stVegaLiteChart']")];
    if (shown.length < charts) return false;
    for (const chart of shown) {
        const drawn = chart.querySelector("canvas, svg.marks");
        if (!drawn) return false;
        const box = drawn.getBoundingClientRect();
        if (box.width < 10 || box.height < 10) return false;
    }
    return performance.now();
}"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(script: str, cwd: Path, env: dict[str, str], log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true", "--server.address",
         "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=cwd, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
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


def visit(page, url: str, charts: int, text: str | None, timeout_ms: int) -> float:
    """Milliseconds from navigation to drawn (the page's own clock)."""
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    drawn = page.wait_for_function(DRAWN, arg=[charts, text], polling="raf", timeout=timeout_ms)
    if page.locator("[data-testid='stException']").count():
        raise SystemExit(f"{url}: an exception is shown on the page")
    return float(drawn.json_value())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", default=["overblik"], help="url paths of app pages (default: overblik)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--db", help="database (default: a fresh demo database in a temporary folder)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per visit")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from dk2020dash.ui.shell import PAGES

    files = {url: file for group in PAGES.values() for file, _title, url, _icon in group}
    unknown = [p for p in args.pages if p not in files]
    if unknown:
        raise SystemExit(f"unknown page(s): {', '.join(unknown)}; the menu has {', '.join(files)}")
    timeout_ms = int(args.timeout * 1000)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = Path(args.db) if args.db else tmp / "demo.duckdb"
        if not db.exists():
            from dk2020dash.db.store import Store
            from dk2020dash.demo import fill_demo

            Store(db).create(fill_demo)
        env = {**os.environ, "DK2020_DB": str(db)}
        for name in ("DK2020_DATABASE_URL", "DK2020_BOUNDARIES"):
            env.pop(name, None)
        one_dir = tmp / "hej"
        one_dir.mkdir()
        (one_dir / "hej.py").write_text('import streamlit as st\nst.write("hej")\n', encoding="utf-8")
        app, app_url = start("app.py", ROOT, env, tmp / "app.log")
        try:
            one, one_url = start("hej.py", one_dir, env, tmp / "hej.log")
        except BaseException:
            stop(app)
            raise
        rows = []
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                try:
                    view = {"viewport": {"width": 1440, "height": 1100}, "locale": "da-DK"}
                    app_page = browser.new_context(**view).new_page()
                    one_page = browser.new_context(**view).new_page()
                    for path in args.pages:
                        url = f"{app_url}/{path}"
                        charts = 1 if path in CHART_PAGES else 0
                        for _ in range(args.warmup):
                            visit(app_page, url, charts, None, timeout_ms)
                            visit(one_page, one_url, 0, "hej", timeout_ms)
                        page_ms, one_ms = [], []
                        for _ in range(args.runs):
                            page_ms.append(visit(app_page, url, charts, None, timeout_ms))
                            one_ms.append(visit(one_page, one_url, 0, "hej", timeout_ms))
                        rows.append((files[path], page_ms, one_ms))
                finally:
                    browser.close()
        finally:
            stop(one)
            stop(app)

    print(f"In Chromium, from navigation to the page drawn (script done, no spinner, every chart drawn), median of "
          f"{args.runs} visits after {args.warmup} warm-up visits, each followed by a visit of a one-line page "
          '(st.write("hej"), a second server)')
    print(f"{'page':<24}{'median ms':>12}{'one-line ms':>13}{'spread (min–max ×)':>21}{'× one-line page':>18}")
    for path, page_ms, one_ms in rows:
        ratios = [p / o for p, o in zip(page_ms, one_ms)]
        median, baseline = statistics.median(page_ms), statistics.median(one_ms)
        print(f"{path:<24}{median:>12.1f}{baseline:>13.1f}{f'{min(ratios):.2f}–{max(ratios):.2f}':>21}"
              f"{median / baseline:>18.2f}")


if __name__ == "__main__":
    main()
