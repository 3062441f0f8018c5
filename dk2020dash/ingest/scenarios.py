"""Adopted plans' BAU and plan scenarios, long (municipality, kind, year, tonnes) or wide (year columns); replaces
the file's municipalities, and removes the demo's scenarios (all of them, as the other kinds do)."""
from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from dk2020dash.domain import YEAR_MAX, YEAR_MIN
from dk2020dash.ingest import common
from dk2020dash.ingest.common import HUGE_TCO2E, Reference
from dk2020dash.ingest.headers import map_headers, require, year_of
from dk2020dash.ingest.problems import Problems
from dk2020dash.ingest.read import Table
from dk2020dash.ingest.result import ImportJob, Summary
from dk2020dash.ingest.synonyms import SCENARIO_KINDS, lookup

COLUMNS = ("municipality", "kind", "year", "tco2e")
_KINDS = lookup(SCENARIO_KINDS)


def parse(table: Table, ref: Reference, problems: Problems) -> pd.DataFrame:
    found = map_headers(table.headers, COLUMNS)
    year_cols = {h: year_of(h) for h in table.headers if year_of(h) is not None}
    wide = bool(year_cols) and "tco2e" not in found and "year" not in found
    required = ("municipality", "kind") if wide else COLUMNS
    if not require(found, required, table.headers, problems):
        return pd.DataFrame()
    rows = table.rows
    muni_text = common.text(table, found["municipality"])
    muni = common.municipalities(muni_text, rows, found["municipality"], ref, problems)
    kind = common.words(common.text(table, found["kind"]), rows, found["kind"], _KINDS,
                        "imp.p.scenario_kind", problems)
    if wide:
        for h, y in year_cols.items():
            if not YEAR_MIN <= y <= YEAR_MAX:
                problems.add(1, h, h, "imp.p.year_header", low=YEAR_MIN, high=YEAR_MAX)
        nums = common.read_numbers(table, {h: h for h in year_cols}, problems, optional=tuple(year_cols))
        common.duplicates(pd.DataFrame({"m": muni, "k": kind}), rows, found["municipality"], muni_text,
                          "municipality_scenario", problems)
        parts = [pd.DataFrame({"municipality": muni, "kind": kind, "year": float(y), "tco2e": nums[h], "_row": rows,
                               "_text": common.text(table, h).astype(str).to_numpy()}) for h, y in year_cols.items()]
        df = pd.concat(parts, ignore_index=True)
        df = df[df["_text"].str.strip() != ""].drop(columns="_text").reset_index(drop=True)
        shown = "tco2e"
    else:
        nums = common.read_numbers(table, {"year": found["year"], "tco2e": found["tco2e"]}, problems,
                                   integer=("year",))
        common.years(nums["year"], rows, found["year"], common.text(table, found["year"]), problems)
        df = pd.DataFrame({"municipality": muni, "kind": kind, "year": nums["year"], "tco2e": nums["tco2e"],
                           "_row": rows})
        common.duplicates(df[["municipality", "kind", "year"]], rows, found["municipality"], muni_text,
                          "municipality_scenario_year", problems)
        shown = found["tco2e"]
    problems.add_mask(np.abs(df["tco2e"].to_numpy(dtype=float)) > 50 * HUGE_TCO2E, df["_row"].to_numpy(), shown,
                      df["tco2e"], "imp.p.scenario_huge")
    return df


def summarise(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: ImportJob, ref: Reference,
              problems: Problems) -> Summary:
    codes = sorted({int(c) for c in df["municipality"]})
    replaced, demo = con.execute(
        "SELECT count(*) FILTER (WHERE NOT is_demo AND list_contains(?, municipality)), "
        "count(*) FILTER (WHERE is_demo) FROM scenario", [codes]).fetchone()
    per = (df.groupby("municipality").size().rename("rows").reset_index())
    per.insert(1, "name", per["municipality"].map(ref.names))
    s = Summary("scenarios", rows=len(df), added=len(df), replaced=int(replaced), demo_removed=int(demo),
                municipalities=per)
    s.notes.append(("imp.note.scenarios", {}))
    return s


def write(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: ImportJob, summary: Summary) -> None:
    con.execute("DELETE FROM scenario WHERE is_demo OR list_contains(?, municipality)",
                [sorted({int(c) for c in df["municipality"]})])
    common.insert_frame(con, "scenario", pd.DataFrame({
        "municipality": df["municipality"].astype("int32"), "kind": df["kind"].astype(str),
        "year": df["year"].astype("int32"), "tco2e": df["tco2e"].astype(float), "is_demo": False}))
