"""The two PostgreSQL designs of DESIGN.md section 6, measured on the queries the pages run (Denmark, demo data).

python bench/pg_designs.py --database-url URL [--db FILE] [--runs 5]

For each queries.py loader of the main pages: the median time on the file, on the in-memory copy this app uses
(store_pg), and straight through DuckDB's postgres extension on the attached database (the other design).
An empty PostgreSQL database first gets the file's data (migrate-to-postgres).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class Attached:
    """A store-like object whose reads run on the PostgreSQL database attached through the extension."""

    def __init__(self, url: str):
        from dk2020dash.db import pg_copy

        self.con = pg_copy.duck()
        self.con.execute(f"ATTACH {pg_copy.sql_literal(url)} AS pg (TYPE postgres, READ_ONLY)")
        self.con.execute("USE pg")

    @contextmanager
    def connection(self):
        cur = self.con.cursor()
        cur.execute("USE pg")
        try:
            yield cur
        finally:
            cur.close()

    def query(self, sql, params=None):
        with self.connection() as con:
            return con.execute(sql, params or []).df()


def median(fn, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from dk2020dash import queries
    from dk2020dash.db.postgres import migrate_to_postgres

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "demo.duckdb"
        if not db.exists():
            from dk2020dash.db import open_store
            from dk2020dash.demo import fill_demo

            open_store(db).create(fill_demo)
        if not open_store(args.database_url).exists():
            migrate_to_postgres(open_store(db), open_store(args.database_url))
        stores = {"file": open_store(db), "copy (chosen)": open_store(args.database_url), "attached": Attached(args.database_url)}
        stores["copy (chosen)"].data_version()
        loaders = {
            "input_frames": queries.input_frames,
            "municipalities": queries.municipalities,
            "actions": lambda s: queries.actions(s, [101, 147, 751]),
            "milestones": lambda s: queries.milestones(s, [101, 147, 751]),
            "data_quality": lambda s: queries.data_quality(s, list(range(100, 1000))),
        }
        print(f"median ms of {args.runs} runs")
        print(f"{'query':<22}" + "".join(f"{name:>16}" for name in stores))
        for name, fn in loaders.items():
            row = [median(lambda s=s: fn(s), args.runs) * 1000 for s in stores.values()]
            print(f"{name:<22}" + "".join(f"{t:>16.1f}" for t in row))


if __name__ == "__main__":
    main()
