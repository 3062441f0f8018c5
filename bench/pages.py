"""Warm run time of every page for Denmark through AppTest, against a one-line Streamlit page run the same way.

python bench/pages.py [--db PATH] [--database-url URL] [--runs 7] [--warmup 2]

Each page: app.py runs once, switch_page, `warmup` runs, then `runs` timed reruns (caches warm, as for a user
clicking around); the median is compared with the median of a one-page app (st.navigation to a page that is
only `st.write("hej")`) timed the same way. With --database-url each page is also timed on PostgreSQL in the same
run, beside the file (an empty PostgreSQL database gets the file's data first, with migrate-to-postgres).
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
    from dk2020dash.ui import PAGES  # the menu app.py draws

    return [file for group in PAGES.values() for file, *_ in group]


def timed(at, runs: int, warmup: int) -> float:
    for _ in range(warmup):
        at.run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        if at.exception:
            raise SystemExit(f"exception: {at.exception[0].value}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database (default: a fresh demo database in a temporary folder)")
    parser.add_argument("--database-url", help="also time every page on this PostgreSQL database")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args()

    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "demo.duckdb"
        if not db.exists():
            from dk2020dash.demo import fill_demo
            from dk2020dash.store import Store

            Store(db).create(fill_demo)
        os.environ["DK2020_DB"] = str(db)
        os.environ.pop("DK2020_BOUNDARIES", None)

        # The one-line page behind st.navigation too, so both pay for the same framework work.
        (Path(tmp) / "hej.py").write_text('import streamlit as st\nst.write("hej")\n', encoding="utf-8")
        (Path(tmp) / "app.py").write_text('import streamlit as st\nst.navigation([st.Page("hej.py")]).run()\n',
                                          encoding="utf-8")
        one = AppTest.from_file(str(Path(tmp) / "app.py"), default_timeout=120)
        one.run()
        baseline = timed(one.switch_page("hej.py"), args.runs, args.warmup)
        if args.database_url:
            from dk2020dash.store import Store
            from dk2020dash.store_pg import migrate_to_postgres

            if not Store(args.database_url).path.exists():
                migrate_to_postgres(Store(db), Store(args.database_url))
        rows = []
        for page in app_pages():
            times = []
            for url in [None, args.database_url] if args.database_url else [None]:
                if url:
                    os.environ["DK2020_DATABASE_URL"] = url
                else:
                    os.environ.pop("DK2020_DATABASE_URL", None)
                at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
                at.run()
                at.switch_page(page)
                times.append(timed(at, args.runs, args.warmup))
            rows.append((page, times))

    print(f"Warm run time per page, Denmark, median of {args.runs} runs after {args.warmup} warm-up runs (AppTest)")
    pg = bool(args.database_url)
    print(f"{'page':<24}{'median ms':>12}{'× one-line page':>18}" + (f"{'PostgreSQL ms':>16}{'× file':>9}" if pg else ""))
    one_line = 'st.write("hej")'
    print(f"{one_line:<24}{baseline * 1000:>12.1f}{1.0:>18.1f}")
    for page, times in rows:
        t = times[0]
        extra = f"{times[1] * 1000:>16.1f}{times[1] / t:>9.2f}" if pg else ""
        print(f"{page:<24}{t * 1000:>12.1f}{t / baseline:>18.1f}{extra}")


if __name__ == "__main__":
    main()
