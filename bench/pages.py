"""Warm run time of every page for Denmark through AppTest, against a one-line Streamlit page run the same way.

python bench/pages.py [--db PATH] [--database-url URL] [--runs 7] [--warmup 2]

Each page: app.py runs once, switch_page, `warmup` runs, then `runs` timed reruns (caches warm, as for a user
clicking around); the median is compared with the median of a one-page app (st.navigation to a page that is
only `st.write("hej")`) timed the same way. The one-line page's runs are interleaved with each page's runs (one
of each in turn), so load from other processes falls on both alike; each page's line shows its own one-line
median and the spread of the ratio (lowest and highest of run i / one-line run i) before the ratio.
With --database-url each page is also timed on PostgreSQL in the same
run, beside the file (an empty PostgreSQL database gets the file's data first, with migrate-to-postgres).

AppTest compiles the entry script and the page anew on every run (a new ScriptCache each time), which a Streamlit
server does once per process; for a long page file that is a tenth to a fifth of its warm run. --script-cache
keeps one ScriptCache for all runs (of both apps), as a server does; without it the figures are AppTest's own.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def app_pages() -> list[str]:
    from dk2020dash.ui.shell import PAGES  # the menu app.py draws

    return [file for group in PAGES.values() for file, *_ in group]


def one_run(at) -> float:
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise SystemExit(f"exception: {at.exception[0].value}")
    return elapsed


def timed(at, runs: int, warmup: int) -> float:
    for _ in range(warmup):
        at.run()
    return statistics.median(one_run(at) for _ in range(runs))


def interleaved(at, one, runs: int, warmup: int) -> tuple[list[float], list[float]]:
    """`runs` timed runs of the page `at` and of the one-line page `one`, alternating, after `warmup` of each."""
    for _ in range(warmup):
        at.run()
        one.run()
    page_times, one_times = [], []
    for _ in range(runs):
        page_times.append(one_run(at))
        one_times.append(one_run(one))
    return page_times, one_times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database (default: a fresh demo database in a temporary folder)")
    parser.add_argument("--database-url", help="also time every page on this PostgreSQL database")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--script-cache", action="store_true",
                        help="compile each script once, as a server does (AppTest compiles it on every run)")
    args = parser.parse_args()

    from streamlit.testing.v1 import AppTest

    if args.script_cache:
        from streamlit.runtime.scriptrunner.script_cache import ScriptCache
        from streamlit.testing.v1 import app_test, local_script_runner

        shared = ScriptCache()
        app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "demo.duckdb"
        if not db.exists():
            from dk2020dash.db import open_store
            from dk2020dash.demo import fill_demo

            open_store(db).create(fill_demo)
        os.environ["DK2020_DB"] = str(db)
        os.environ.pop("DK2020_BOUNDARIES", None)

        # The one-line page behind st.navigation too, so both pay for the same framework work.
        (Path(tmp) / "hej.py").write_text('import streamlit as st\nst.write("hej")\n', encoding="utf-8")
        (Path(tmp) / "app.py").write_text('import streamlit as st\nst.navigation([st.Page("hej.py")]).run()\n',
                                          encoding="utf-8")
        one = AppTest.from_file(str(Path(tmp) / "app.py"), default_timeout=120)
        one.run()
        one.switch_page("hej.py")
        if args.database_url:
            from dk2020dash.db.postgres import migrate_to_postgres

            if not open_store(args.database_url).exists():
                migrate_to_postgres(open_store(db), open_store(args.database_url))
        rows = []
        for page in app_pages():
            times, spread = [], None
            for url in [None, args.database_url] if args.database_url else [None]:
                if url:
                    os.environ["DK2020_DATABASE_URL"] = url
                else:
                    os.environ.pop("DK2020_DATABASE_URL", None)
                at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
                at.run()
                at.switch_page(page)
                if url:
                    times.append(timed(at, args.runs, args.warmup))
                    continue
                page_times, one_times = interleaved(at, one, args.runs, args.warmup)
                times.append(statistics.median(page_times))
                ratios = [p / o for p, o in zip(page_times, one_times)]
                spread = (statistics.median(one_times), min(ratios), max(ratios))
            rows.append((page, times, spread))

    print(f"Warm run time per page, Denmark, median of {args.runs} runs after {args.warmup} warm-up runs (AppTest"
          + (", scripts compiled once" if args.script_cache else "") + '), each run followed by a run of a one-line'
          ' page (st.write("hej"))')
    pg = bool(args.database_url)
    print(f"{'page':<24}{'median ms':>12}{'one-line ms':>13}{'spread (min–max ×)':>21}"
          + (f"{'PostgreSQL ms':>16}{'× file':>9}" if pg else "") + f"{'× one-line page':>18}")
    for page, times, (baseline, low, high) in rows:
        t = times[0]
        extra = f"{times[1] * 1000:>16.1f}{times[1] / t:>9.2f}" if pg else ""
        print(f"{page:<24}{t * 1000:>12.1f}{baseline * 1000:>13.1f}{f'{low:.1f}–{high:.1f}':>21}{extra}{t / baseline:>18.1f}")


if __name__ == "__main__":
    main()
