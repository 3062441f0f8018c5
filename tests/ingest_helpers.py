"""Shared by the import tests: writing files in a dialect, and snapshots of every table's content."""
from __future__ import annotations

import io

import pandas as pd

from dk2020dash.db.migrations import TABLES
from dk2020dash.db.store import Store


def snapshot(store: Store) -> dict[str, pd.DataFrame]:
    """Every table's full content, sorted. A rejected file may add its own import_log row, and that small
    log transaction bumps meta's data_version, so those two are left out; everything else must be equal."""
    out = {}
    with store.connection() as con:
        for table in TABLES:
            if table == "import_log":
                continue
            df = con.execute(f'SELECT * FROM "{table}" ORDER BY ALL').df()  # noqa: S608 - fixed names
            if table == "meta":
                df = df[df["key"] != "data_version"].reset_index(drop=True)
            out[table] = df
    return out


def assert_unchanged(before: dict[str, pd.DataFrame], store: Store) -> None:
    after = snapshot(store)
    for table, df in before.items():
        pd.testing.assert_frame_equal(df, after[table], obj=table)


def xlsx_bytes(rows: list[list[object]], sheet: str = "Ark1") -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def csv_text(rows: list[list[str]], delimiter: str = ";") -> str:
    def cell(v: str) -> str:
        v = str(v)
        return f'"{v}"' if (delimiter in v or '"' in v) else v

    return "\n".join(delimiter.join(cell(v) for v in r) for r in rows) + "\n"
