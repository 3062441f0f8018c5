"""Times run_import of a 1,000,000-row long inventory CSV (semicolon, decimal comma) into an empty database,
beside DuckDB's own read_csv of the same file through a store connection. Prints rows per second for both.

    python bench/import_inventory.py [ROWS]
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dk2020dash.db.store import MUNICIPALITIES_CSV, Store  # noqa: E402
from dk2020dash.ingest import run_import  # noqa: E402
from dk2020dash.labels import SECTORS  # noqa: E402


def write_inventory(path: Path, rows: int) -> int:
    """Real municipality names, years 1990-2100 and sectors with Danish labels; tonnes with decimal comma and
    thousands dots (1.234,5), so the importer has to read the Danish style. There are only 98 x 16 x 111 =
    174,048 distinct (municipality, sector, year) keys, so a longer file repeats keys; returns how many distinct."""
    rng = np.random.default_rng(2020)
    munis = pd.read_csv(MUNICIPALITIES_CSV)["name"].to_numpy()
    labels = np.array([da for da, _ in SECTORS.values()])
    m, s, y = np.meshgrid(np.arange(len(munis)), np.arange(len(labels)), np.arange(1990, 2101), indexing="ij")
    keys = np.stack([m.ravel(), s.ravel(), y.ravel()], axis=1)
    distinct = min(rows, len(keys))
    keys = np.concatenate([keys] * (rows // len(keys) + 1))[rng.permutation(max(rows, len(keys)))[:rows]] \
        if rows > len(keys) else keys[rng.permutation(len(keys))[:rows]]
    tonnes = np.round(rng.lognormal(9, 1.5, rows), 1)
    lulucf = labels[keys[:, 1]] == "Arealanvendelse (LULUCF)"
    tonnes[lulucf] -= 20000
    text = pd.Series(tonnes).map(lambda v: f"{v:,.1f}".replace(",", "X").replace(".", ",").replace("X", "."))
    df = pd.DataFrame({"Kommune": munis[keys[:, 0]], "År": keys[:, 2], "Sektor": labels[keys[:, 1]], "Ton CO2e": text})
    df.to_csv(path, sep=";", index=False, encoding="utf-8")
    return distinct


def duckdb_read_csv(store: Store, path: Path) -> int:
    """DuckDB's own CSV reader on the same file, materialised, for comparison."""
    with store.connection() as con:
        con.execute("CREATE TEMP TABLE bench_read AS SELECT * FROM read_csv(?, delim=';', decimal_separator=',', "
                    "header=true, columns={'Kommune': 'VARCHAR', 'År': 'INTEGER', 'Sektor': 'VARCHAR', "
                    "'Ton CO2e': 'VARCHAR'})", [str(path)])
        n = con.execute("SELECT count(*) FROM bench_read").fetchone()[0]
        con.execute("DROP TABLE bench_read")
        return n


def measure(tmp: Path, rows: int) -> None:
    csv_path = tmp / f"inventory_{rows}.csv"
    t = time.perf_counter()
    write_inventory(csv_path, rows)
    print(f"\n{rows:,} rows ({csv_path.stat().st_size / 1e6:.1f} MB, written in {time.perf_counter() - t:.1f} s)")
    store = Store(tmp / f"bench_{rows}.duckdb")
    store.create()
    data = csv_path.read_bytes()
    t = time.perf_counter()
    report = run_import(store, "inventory", data, csv_path.name, who="bench")
    took = time.perf_counter() - t
    outcome = (f"stored {store.table_counts()['emission']:,} rows" if report.written else
               f"validated completely, refused: {len(report.problems) + report.more_problems:,} problems, "
               f"first: {report.problems[0].expected if report.problems else '-'}")
    print(f"  run_import:      {took:6.2f} s  {rows / took:>10,.0f} rows/s  ({outcome})")
    t = time.perf_counter()
    n = duckdb_read_csv(store, csv_path)
    took_duck = time.perf_counter() - t
    print(f"  duckdb read_csv: {took_duck:6.2f} s  {n / took_duck:>10,.0f} rows/s  (into a temp table; no validation)")
    print(f"  run_import takes {took / took_duck:.1f}x DuckDB's read_csv")


def main(rows: int = 1_000_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # A 1,000,000-row long inventory must repeat keys (174,048 exist), so run_import reads, parses and validates
        # all of it and refuses it for duplicates; the largest valid file shows the writing speed too.
        measure(Path(tmp), rows)
        measure(Path(tmp), 98 * len(SECTORS) * 111)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
