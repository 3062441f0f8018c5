"""Times `python -m dk2020dash init --demo` end to end (a fresh process, as a user runs it), median of runs."""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5


def main() -> None:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(RUNS):
            db = Path(tmp) / f"bench{i}.duckdb"
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "dk2020dash", "init", "--demo", "--db", str(db)],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        size = db.stat().st_size
    print(f"init --demo: median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s "
          f"over {RUNS} runs; database {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
