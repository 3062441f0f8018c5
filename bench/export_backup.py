"""Times export (csv, xlsx, parquet), backup and restore of the demo database in this process, median of runs."""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dk2020dash.db.store import Store  # noqa: E402
from dk2020dash.demo import fill_demo  # noqa: E402
from dk2020dash.exports import (
    backup,  # noqa: E402
    tables,
)

RUNS = 3


def timed(step) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "demo.duckdb")
        store.create(fill_demo)
        rows = sum(store.table_counts().values())
        print(f"demo database: {rows:,} rows in all tables, {store.path.stat().st_size / 1e6:.1f} MB")
        for fmt in tables.FORMATS:
            out = Path(tmp) / fmt
            seconds = timed(lambda fmt=fmt, out=out: tables.export_tables(store, out, fmt))
            size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
            print(f"export {fmt:<8} median {seconds:.2f} s over {RUNS} runs; {size / 1e6:.1f} MB")
        file = Path(tmp) / "backup.zip"
        print(f"backup          median {timed(lambda: backup.backup(store, file)):.2f} s; {file.stat().st_size / 1e6:.1f} MB")
        print(f"restore         median {timed(lambda: backup.restore(store, file, who='bench')):.2f} s")


if __name__ == "__main__":
    main()
