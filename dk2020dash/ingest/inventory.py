"""Emission inventories, long (municipality, year, sector, tonnes) or wide (one column per year); each a new edition."""
from __future__ import annotations

import re

import duckdb
import numpy as np
import pandas as pd

from ..domain import SECTOR_BY_CODE, YEAR_MAX, YEAR_MIN
from . import common
from .common import HUGE_TCO2E, Reference
from .headers import map_headers, require, year_of
from .problems import Problems
from .read import Table
from .report import Context, Summary

COLUMNS = ("municipality", "year", "sector", "tco2e", "estimated")


def parse(table: Table, ref: Reference, problems: Problems) -> pd.DataFrame:
    found = map_headers(table.headers, COLUMNS)
    year_cols = {h: year_of(h) for h in table.headers if year_of(h) is not None}
    if year_cols and "tco2e" not in found and "year" not in found:
        return _parse_wide(table, found, year_cols, ref, problems)
    if not require(found, ("municipality", "year", "sector", "tco2e"), table.headers, problems):
        return pd.DataFrame()
    rows = table.rows
    muni = common.municipalities(common.text(table, found["municipality"]), rows, found["municipality"], ref, problems)
    sector = common.sectors(common.text(table, found["sector"]), rows, found["sector"], problems)
    nums = common.read_numbers(table, {"year": found["year"], "tco2e": found["tco2e"]}, problems, integer=("year",))
    common.years(nums["year"], rows, found["year"], common.text(table, found["year"]), problems)
    est = (common.flags(common.text(table, found["estimated"]), rows, found["estimated"], problems)
           if "estimated" in found else np.zeros(len(rows), bool))
    df = pd.DataFrame({"municipality": muni, "year": nums["year"], "sector": sector, "tco2e": nums["tco2e"],
                       "estimated": est, "_row": rows})
    _check_values(df, found["tco2e"], common.text(table, found["tco2e"]), problems)
    _check_duplicates(df, found["municipality"], common.text(table, found["municipality"]), problems)
    return df


def _parse_wide(table: Table, found: dict[str, str], year_cols: dict[str, int], ref: Reference,
                problems: Problems) -> pd.DataFrame:
    if not require(found, ("municipality", "sector"), table.headers, problems):
        return pd.DataFrame()
    for h, y in year_cols.items():
        if not YEAR_MIN <= y <= YEAR_MAX:
            problems.add(1, h, h, f"et år fra {YEAR_MIN} til {YEAR_MAX} som kolonneoverskrift")
    rows = table.rows
    muni = common.municipalities(common.text(table, found["municipality"]), rows, found["municipality"], ref, problems)
    sector = common.sectors(common.text(table, found["sector"]), rows, found["sector"], problems)
    nums = common.read_numbers(table, {h: h for h in year_cols}, problems, optional=tuple(year_cols))
    frames = []
    for h, y in year_cols.items():
        frames.append(pd.DataFrame({"municipality": muni, "year": float(y), "sector": sector, "tco2e": nums[h],
                                    "estimated": False, "_row": rows, "_col": h,
                                    "_text": common.text(table, h).to_numpy()}))
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if len(df):  # an empty cell is a year the municipality has no figure for, not an error
        df = df[df["_text"].astype(str).str.strip() != ""].reset_index(drop=True)
    for h in year_cols:  # per year column, so messages name the column the value stands in
        part = df["_col"] == h
        _check_values(df[part], h, df.loc[part, "_text"], problems)
    common.duplicates(pd.DataFrame({"m": muni, "s": sector}), rows, found["municipality"],
                      common.text(table, found["municipality"]), "kommune og sektor", problems)
    return df.drop(columns=["_col", "_text"])


def _check_values(df: pd.DataFrame, column: str, original: pd.Series, problems: Problems) -> None:
    t = df["tco2e"].to_numpy(dtype=float)
    rows = df["_row"].to_numpy()
    huge = np.abs(t) > HUGE_TCO2E
    problems.add_mask(huge, rows, column, original,
                      f"højst {f'{HUGE_TCO2E:,.0f}'.replace(',', '.')} t CO2e for én kommune, sektor og år "
                      "(tjek enheden: ton, ikke kg)")
    may_be_negative = [c for c, s in SECTOR_BY_CODE.items() if s.can_be_negative] + [""]  # "" = unknown sector
    negative_ok = df["sector"].isin(may_be_negative).to_numpy()
    problems.add_mask((t < 0) & ~negative_ok, rows, column, original,
                      "et tal ≥ 0: kun arealanvendelse (LULUCF) kan være negativ")


def _check_duplicates(df: pd.DataFrame, column: str, values: pd.Series, problems: Problems) -> None:
    common.duplicates(df[["municipality", "year", "sector"]], df["_row"].to_numpy(), column, values,
                      "kommune, år og sektor", problems)


def edition_name(ctx: Context, con: duckdb.DuckDBPyConnection) -> str:
    """The edition's name: as given, or from the file name ("ecr_2025.csv" -> "ecr_2025"), made unique."""
    if ctx.edition_name:
        return ctx.edition_name.strip()
    base = re.sub(r"\.(csv|txt|xlsx|xlsm)$", "", ctx.file_name, flags=re.I).strip() or "Import"
    name, n = base, 1
    while con.execute("SELECT 1 FROM edition WHERE name = ?", [name]).fetchone():
        n += 1
        name = f"{base} ({n})"
    return name


def _frame(df: pd.DataFrame) -> pd.DataFrame:
    """The rows as the emission table wants them, in key order (DuckDB builds the primary key index faster)."""
    return pd.DataFrame({"municipality": df["municipality"].astype("int32"), "year": df["year"].astype("int32"),
                         "sector": df["sector"].astype(str), "tco2e": df["tco2e"].astype(float),
                         "estimated": df["estimated"].astype(bool)}).sort_values(["municipality", "year", "sector"])


def summarise(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: Context, ref: Reference,
              problems: Problems) -> Summary:
    """Compared with the newest edition: which values are new, revised or the same."""
    name = edition_name(ctx, con)
    if ctx.edition_name and con.execute("SELECT 1 FROM edition WHERE name = ?", [name]).fetchone():
        problems.add(None, "--edition", name, "et navn, som ingen anden udgave har (navnet findes allerede)")
    frame = _frame(df)
    con.register("ingest_inventory", frame)
    try:
        cmp = con.execute(
            "WITH newest AS (SELECT id FROM edition ORDER BY published DESC NULLS LAST, id DESC LIMIT 1) "
            "SELECT f.municipality, count(*) AS rows, "
            "count(*) FILTER (WHERE e.tco2e IS NULL) AS added, "
            "count(*) FILTER (WHERE e.tco2e IS NOT NULL AND e.tco2e <> f.tco2e) AS changed, "
            "count(*) FILTER (WHERE e.tco2e = f.tco2e) AS unchanged, min(f.year) AS first_year, "
            "max(f.year) AS last_year FROM ingest_inventory f LEFT JOIN emission e ON e.edition = (SELECT id FROM newest) "
            "AND e.municipality = f.municipality AND e.year = f.year AND e.sector = f.sector "
            "GROUP BY f.municipality ORDER BY f.municipality"
        ).df()
        demo = con.execute("SELECT count(*) FROM emission WHERE edition IN (SELECT id FROM edition WHERE is_demo)"
                           ).fetchone()[0]
    finally:
        con.unregister("ingest_inventory")
    cmp.insert(1, "name", cmp["municipality"].map(ref.names))
    s = Summary("inventory", rows=len(frame), added=int(cmp["added"].sum()), changed=int(cmp["changed"].sum()),
                unchanged=int(cmp["unchanged"].sum()), demo_removed=int(demo), edition=name, municipalities=cmp)
    s.notes.append(("imp.note.inventory", {}))
    return s


def write(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: Context, summary: Summary) -> None:
    """A new edition with the file's rows; the demo editions' rows go in the same transaction, the emptied demo
    editions in the next (store.DEMO_PARENTS)."""
    con.execute("DELETE FROM emission WHERE edition IN (SELECT id FROM edition WHERE is_demo)")
    edition_id = con.execute(
        "INSERT INTO edition (name, source, published, is_demo) VALUES (?, ?, ?, false) RETURNING id",
        [summary.edition, ctx.source or f"Import af {ctx.file_name}", ctx.published or ctx.today],
    ).fetchone()[0]
    frame = _frame(df)
    frame.insert(3, "edition", np.int32(edition_id))
    common.insert_frame(con, "emission", frame)
