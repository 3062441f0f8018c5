"""Climate plans: adopted/approved dates, baseline, interim targets, net-zero year; replaces the file's municipalities.

Targets are read as a percentage when written with %, or when above 1 (70 = 70 %); a plain number up to 1 is a
share (0,7 = 70 %). So "1" means 100 %, never 1 %.
"""
from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from dk2020dash.domain import happened_range
from dk2020dash.ingest import common
from dk2020dash.ingest.common import HUGE_TCO2E, Reference
from dk2020dash.ingest.dates import parse_dates
from dk2020dash.ingest.headers import map_headers, require, target_year_of
from dk2020dash.ingest.problems import Problems
from dk2020dash.ingest.read import Table
from dk2020dash.ingest.result import ImportJob, Summary

COLUMNS = ("municipality", "adopted", "approved", "baseline_year", "baseline_tco2e", "net_zero_year", "revision_due")


def parse(table: Table, ref: Reference, problems: Problems) -> pd.DataFrame:
    found = map_headers(table.headers, COLUMNS)
    targets = {h: target_year_of(h) for h in table.headers if target_year_of(h) is not None}
    if not require(found, ("municipality", "baseline_year", "net_zero_year"), table.headers, problems):
        return pd.DataFrame()
    rows = table.rows
    muni_text = common.text(table, found["municipality"])
    muni = common.municipalities(muni_text, rows, found["municipality"], ref, problems)
    percent = {}
    for h in targets:  # "70 %" -> "70", remembering it was a percentage
        col = common.text(table, h).astype(str)
        percent[h] = col.str.contains("%", regex=False).to_numpy()
        table.frame[h] = col.str.replace("%", "", regex=False).str.strip()
    nums = common.read_numbers(
        table, {"baseline_year": found["baseline_year"], "net_zero_year": found["net_zero_year"],
                "baseline_tco2e": found.get("baseline_tco2e"), **{h: h for h in targets}},
        problems, integer=("baseline_year", "net_zero_year"), optional=("baseline_tco2e", *targets))
    for c in ("baseline_year", "net_zero_year"):
        common.years(nums[c], rows, found[c], common.text(table, found[c]), problems)
    bad_order = nums["net_zero_year"] <= nums["baseline_year"]
    problems.add_mask(bad_order, rows, found["net_zero_year"], common.text(table, found["net_zero_year"]),
                      "imp.p.net_zero_after_baseline")
    base = nums["baseline_tco2e"]
    if "baseline_tco2e" in found:
        problems.add_mask((base <= 0) | (base > 50 * HUGE_TCO2E), rows, found["baseline_tco2e"],
                          common.text(table, found["baseline_tco2e"]), "imp.p.baseline_positive")
    df = pd.DataFrame({"municipality": muni, "_row": rows, "baseline_year": nums["baseline_year"],
                       "baseline_tco2e": base, "net_zero_year": nums["net_zero_year"]})
    for c in ("adopted", "approved", "revision_due"):
        within = None if c == "revision_due" else happened_range()  # adopted and approved have happened
        df[c] = (parse_dates(common.text(table, found[c]), rows, found[c], problems, within=within) if c in found
                 else pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]"))
    for h, year in targets.items():
        v = nums[h]
        share = np.where(percent[h] | (v > 1), v / 100, v)
        problems.add_mask(~np.isnan(v) & ((share < 0) | (share > 1)), rows, h, common.text(table, h),
                          "imp.p.target_share")
        df[f"target_{year}"] = share
        _targets_within_plan(v, share, year, nums["baseline_year"], nums["net_zero_year"], rows, h,
                             common.text(table, h), problems)
    common.duplicates(df[["municipality"]], rows, found["municipality"], muni_text, "municipality", problems)
    return df


def _targets_within_plan(value: np.ndarray, share: np.ndarray, year: int, baseline_year: np.ndarray,
                         net_zero_year: np.ndarray, rows: np.ndarray, column: str, text: pd.Series,
                         problems: Problems) -> None:
    """A target must lie within its plan: after the baseline year and no later than the net-zero year (there only
    as 100 %). The target path ignores any other (progress.target_points), so it is refused, not stored unseen."""
    given = ~np.isnan(value) & ~np.isnan(baseline_year) & ~np.isnan(net_zero_year)
    before = given & (year <= baseline_year)
    after = given & (year > net_zero_year)
    short = given & (year == net_zero_year) & (share < 1)
    texts = np.asarray(text, dtype=object)
    for i in np.flatnonzero(before | after | short):
        base, zero = int(baseline_year[i]), int(net_zero_year[i])
        if before[i]:
            key = "imp.p.target_before_baseline" if year < base else "imp.p.target_in_baseline"
        elif after[i]:
            key = "imp.p.target_after_net_zero"
        else:
            key = "imp.p.target_net_zero_full"
        problems.add(int(rows[i]), column, texts[i], key, base=base, zero=zero, year=int(year))


def _targets(df: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in df.columns if c.startswith("target_")]
    long = df.melt(id_vars=["municipality"], value_vars=cols, var_name="target_year", value_name="reduction")
    long = long.dropna(subset=["reduction"])
    long["target_year"] = long["target_year"].str.removeprefix("target_").astype("int32")
    long["municipality"] = long["municipality"].astype("int32")
    return long[["municipality", "target_year", "reduction"]]


def summarise(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: ImportJob, ref: Reference,
              problems: Problems) -> Summary:
    existing = con.execute("SELECT municipality, is_demo FROM plan").df()
    real = set(existing.loc[~existing["is_demo"], "municipality"].astype(int))
    codes = df["municipality"].astype(int)
    replaced = codes.isin(real)
    per = pd.DataFrame({"municipality": codes, "name": codes.map(ref.names), "rows": 1,
                        "replaces_plan": replaced})
    s = Summary("plans", rows=len(df), added=int((~replaced).sum()), changed=int(replaced.sum()),
                replaced=int(replaced.sum()), demo_removed=int(existing["is_demo"].sum()), municipalities=per)
    s.notes.append(("imp.note.plans", {}))
    return s


def write(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: ImportJob, summary: Summary) -> None:
    """Plans already in the store (real or demo) are updated in place and their targets replaced; DuckDB cannot
    delete a plan in the transaction that deleted its targets, so demo plans of other municipalities lose their
    targets here and are removed in the next transaction (store.DEMO_PARENTS)."""
    codes = [int(c) for c in df["municipality"]]
    con.execute("DELETE FROM plan_target WHERE list_contains(?, municipality) "
                "OR municipality IN (SELECT municipality FROM plan WHERE is_demo)", [codes])
    plan = pd.DataFrame({
        "municipality": df["municipality"].astype("int32"), "adopted": df["adopted"], "approved": df["approved"],
        "baseline_year": df["baseline_year"].astype("int32"), "baseline_tco2e": df["baseline_tco2e"],
        "net_zero_year": df["net_zero_year"].astype("int32"), "revision_due": df["revision_due"], "is_demo": False,
    })
    con.register("ingest_plan", plan)
    try:
        con.execute(
            "UPDATE plan SET adopted = p.adopted, approved = p.approved, baseline_year = p.baseline_year, "
            "baseline_tco2e = p.baseline_tco2e, net_zero_year = p.net_zero_year, revision_due = p.revision_due, "
            "is_demo = false FROM ingest_plan p WHERE plan.municipality = p.municipality")
        con.execute("INSERT INTO plan SELECT * FROM ingest_plan p "
                    "WHERE p.municipality NOT IN (SELECT municipality FROM plan)")
    finally:
        con.unregister("ingest_plan")
    common.insert_frame(con, "plan_target", _targets(df))
