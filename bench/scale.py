"""Warm run time of every page at 1x and 100x the demo data, in the same run (AppTest), and peak memory.

python bench/scale.py [--runs 5] [--warmup 2] [--editions 8] [--factor 100]

The 100x store is synthetic and separate from the demo data (dk2020dash.demo is only its starting point): a fresh
demo database, then, set-based with DuckDB SQL in one Store transaction, `factor - 1` copies of every action
with its events, hazards and protection targets, `factor - 1` copies of every milestone, and `editions` more
inventory editions, each with every year 1990-2050 for every sector of every municipality that has figures.
Everything added is marked as demo. Each page's runs at 1x and at 100x alternate (one of each in turn), so load
from other processes falls on both alike. Output: one line per page, its path first, the ratio 100x/1x last.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NOTE_MORE_MUNICIPALITIES = (
    "Note: no variant with many more municipalities (e.g. the ~10,000 of the Covenant of Mayors): the schema "
    "allows only codes 100-999 (CHECK on municipality.code) and the five Danish regions (CHECK on region).")


def _pages_bench():
    """bench/pages.py as a module (its name would clash with the app's pages/ folder)."""
    import importlib.util

    if "bench_pages" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench_pages", Path(__file__).with_name("pages.py"))
        sys.modules["bench_pages"] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules["bench_pages"]


def grow(con, factor: int, editions: int) -> None:
    """Multiply actions (with events, hazards, protection targets) and milestones by `factor`, add `editions`
    inventory editions covering 1990-2050. `con` is inside Store.transaction()."""
    copies = factor - 1
    con.execute("CREATE TEMP TABLE action_copy AS SELECT a.id AS old_id, c.k, nextval('action_id') AS new_id "
                "FROM action a CROSS JOIN range(1, ? + 1) c(k)", [copies])
    con.execute(
        "INSERT INTO action (id, municipality, title, sector, kind, status, start_date, end_date, expected_2030_t, "
        "responsible, budget_dkk, last_updated, version, is_demo) "
        "SELECT m.new_id, a.municipality, a.title || ' (' || m.k || ')', a.sector, a.kind, a.status, a.start_date, "
        "a.end_date, a.expected_2030_t, a.responsible, a.budget_dkk, a.last_updated, a.version, true "
        "FROM action a JOIN action_copy m ON m.old_id = a.id")
    con.execute("INSERT INTO action_event (action_id, changed_on, who, old_status, new_status, note) "
                "SELECT m.new_id, e.changed_on, e.who, e.old_status, e.new_status, e.note "
                "FROM action_event e JOIN action_copy m ON m.old_id = e.action_id ORDER BY e.id, m.k")
    con.execute("INSERT INTO action_hazard (action_id, hazard) SELECT m.new_id, h.hazard "
                "FROM action_hazard h JOIN action_copy m ON m.old_id = h.action_id")
    con.execute("INSERT INTO action_protection (action_id, kind, value) SELECT m.new_id, p.kind, p.value "
                "FROM action_protection p JOIN action_copy m ON m.old_id = p.action_id")
    con.execute("DROP TABLE action_copy")
    con.execute("INSERT INTO milestone (municipality, kind, due, done, note, is_demo) "
                "SELECT s.municipality, s.kind, s.due, s.done, s.note, true "
                "FROM milestone s CROSS JOIN range(1, ? + 1) c(k) ORDER BY s.id, c.k", [copies])
    for k in range(1, editions + 1):
        edition = con.execute(
            "INSERT INTO edition (name, source, published, is_demo) "
            "VALUES (?, 'Syntetisk (bench/scale.py)', DATE '2026-01-01' + to_days(?), true) RETURNING id",
            [f"Syntetisk udgave {k} (bench)", k]).fetchone()[0]
        # Each (municipality, sector)'s mean over the existing editions, sloping down 1 % a year from 1990.
        con.execute(
            "INSERT INTO emission (municipality, year, sector, edition, tco2e, estimated) "
            "SELECT b.municipality, y.year, b.sector, ?, b.mean * (1 - 0.01 * (y.year - 1990)) * (1 + 0.001 * ?), "
            "y.year > 2024 "
            "FROM (SELECT municipality, sector, avg(tco2e) AS mean FROM emission GROUP BY ALL) b "
            "CROSS JOIN range(1990, 2051) y(year)", [edition, k])


def build(folder: Path, factor: int, editions: int) -> tuple[Path, Path, dict, dict]:
    from dk2020dash.db.store import Store
    from dk2020dash.demo import fill_demo

    small, big = folder / "demo.duckdb", folder / f"demo_x{factor}.duckdb"
    Store(small).create(fill_demo)
    Store(big).create(fill_demo)
    store = Store(big)
    with store.transaction() as con:
        grow(con, factor, editions)
    return small, big, Store(small).table_counts(), store.table_counts()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--editions", type=int, default=8, help="inventory editions to add (default 8)")
    parser.add_argument("--factor", type=int, default=100)
    args = parser.parse_args()

    from streamlit.testing.v1 import AppTest
    app_pages, one_run = _pages_bench().app_pages, _pages_bench().one_run

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        small, big, small_counts, big_counts = build(Path(tmp), args.factor, args.editions)
        built = time.perf_counter() - start
        os.environ.pop("DK2020_DATABASE_URL", None)
        os.environ.pop("DK2020_BOUNDARIES", None)
        rows = []
        for page in app_pages():
            tests = {}
            for db in (small, big):
                os.environ["DK2020_DB"] = str(db)
                at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
                at.run()
                at.switch_page(page)
                tests[db] = at
            times = {small: [], big: []}
            for i in range(args.warmup + args.runs):
                for db in (small, big):
                    os.environ["DK2020_DB"] = str(db)  # read on every run (store.db_path)
                    elapsed = one_run(tests[db])
                    if i >= args.warmup:
                        times[db].append(elapsed)
            rows.append((page, statistics.median(times[small]), statistics.median(times[big])))

    print(f"Synthetic store built in {built:.1f} s; rows at 1x -> {args.factor}x:")
    for table in ("action", "action_event", "action_hazard", "action_protection", "milestone", "edition", "emission"):
        print(f"  {table:<18}{small_counts[table]:>10,} -> {big_counts[table]:>12,}")
    print(f"Warm run time per page, Denmark, median of {args.runs} runs after {args.warmup} warm-up runs (AppTest), "
          f"1x and {args.factor}x alternating")
    print(f"{'page':<24}{'1x ms':>10}{f'{args.factor}x ms':>12}{f'× ({args.factor}x/1x)':>14}")
    for page, one, many in rows:
        print(f"{page:<24}{one * 1000:>10.1f}{many * 1000:>12.1f}{many / one:>14.2f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(f"peak memory (max RSS of this process): {peak:,.0f} MB")
    print(NOTE_MORE_MUNICIPALITIES)


if __name__ == "__main__":
    main()
