"""Emission inventories, long (municipality, year, sector, tonnes) or wide (one column per year); each a new edition
or a correction of an existing one."""
from __future__ import annotations

import re

import duckdb
import numpy as np
import pandas as pd

from dk2020dash import queries
from dk2020dash.domain import SECTOR_BY_CODE, YEAR_MAX, YEAR_MIN
from dk2020dash.errors import Phrase, StoreError
from dk2020dash.ingest import common
from dk2020dash.ingest.common import HUGE_TCO2E, Reference
from dk2020dash.ingest.headers import map_headers, require, year_of
from dk2020dash.ingest.problems import Problems
from dk2020dash.ingest.read import Table
from dk2020dash.ingest.result import ImportJob, Summary

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
            problems.add(1, h, h, "imp.p.year_header", low=YEAR_MIN, high=YEAR_MAX)
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
                      common.text(table, found["municipality"]), "municipality_sector", problems)
    return df.drop(columns=["_col", "_text"])


def _check_values(df: pd.DataFrame, column: str, original: pd.Series, problems: Problems) -> None:
    t = df["tco2e"].to_numpy(dtype=float)
    rows = df["_row"].to_numpy()
    huge = np.abs(t) > HUGE_TCO2E
    problems.add_mask(huge, rows, column, original, "imp.p.huge", max=int(HUGE_TCO2E))
    may_be_negative = [c for c, s in SECTOR_BY_CODE.items() if s.can_be_negative] + [""]  # "" = unknown sector
    negative_ok = df["sector"].isin(may_be_negative).to_numpy()
    problems.add_mask((t < 0) & ~negative_ok, rows, column, original, "imp.p.negative")


def _check_duplicates(df: pd.DataFrame, column: str, values: pd.Series, problems: Problems) -> None:
    common.duplicates(df[["municipality", "year", "sector"]], df["_row"].to_numpy(), column, values,
                      "municipality_year_sector", problems)


def edition_name(ctx: ImportJob, con: duckdb.DuckDBPyConnection) -> str:
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


def _target_edition(ctx: ImportJob, con: duckdb.DuckDBPyConnection, problems: Problems) -> tuple[int, str] | None:
    """The existing edition a correction goes into (id, name), or None with a problem saying why."""
    name = ctx.into_edition.strip()
    found = con.execute("SELECT id, is_demo FROM edition WHERE name = ?", [name]).fetchone()
    if found is None:
        problems.add(None, "--into-edition", name, "imp.p.edition_unknown")
        return None
    if found[1]:
        problems.add(None, "--into-edition", name, "imp.p.edition_demo")
        return None
    if ctx.edition_name or ctx.published:
        problems.add(None, "--into-edition", name, "imp.p.edition_both")
        return None
    return int(found[0]), name


# The new edition, imported now: after every edition of its published date (queries.newest_editions_of).
_NEW = -1


def _newest(rows: pd.DataFrame, keys: pd.DataFrame) -> pd.DataFrame:
    """Each municipality's rows from its newest edition (queries.newest_editions_of, the rule every figure uses)."""
    if rows.empty:
        return rows
    return rows.merge(queries.newest_editions_of(rows, keys), on=["municipality", "edition"])


def _headline(rows: pd.DataFrame, baseline: dict[int, int]) -> pd.DataFrame:
    """Per municipality: the edition, years covered, latest year, E(latest) and E at the plan's baseline year."""
    cols = ["edition", "years", "first_year", "latest_year", "latest_t", "baseline_t"]
    if rows.empty:
        return pd.DataFrame(columns=cols, index=pd.Index([], name="municipality"))
    totals = rows.groupby(["municipality", "edition", "year"], as_index=False)["tco2e"].sum()
    out = totals.groupby("municipality").agg(edition=("edition", "first"), years=("year", "nunique"),
                                             first_year=("year", "min"), latest_year=("year", "max"))
    at = totals.set_index(["municipality", "year"])["tco2e"]
    out["latest_t"] = [at.get((m, y), np.nan) for m, y in zip(out.index, out["latest_year"])]
    out["baseline_t"] = [at.get((m, baseline.get(m, 1990)), np.nan) for m in out.index]
    return out[cols]


def _before_after(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, ctx: ImportJob,
                  target: tuple[int, str] | None) -> pd.DataFrame:
    """Per municipality in the file, its headline figures now and after the import: each from its newest edition,
    with the file's rows as a new edition (published ctx.published, else today; imported now) or, for a
    correction, replacing the same (year, sector) rows of the target edition; demo rows go either way."""
    codes = sorted(frame["municipality"].astype(int).unique().tolist())
    rows = con.execute("SELECT municipality, year, sector, edition, tco2e FROM emission "
                       "WHERE list_contains(?, municipality)", [codes]).df()
    keys = con.execute("SELECT id, is_demo, published, created_at, withdrawn_at FROM edition").df()
    baseline = dict(con.execute("SELECT municipality, baseline_year FROM plan WHERE list_contains(?, municipality)",
                                [codes]).fetchall())
    demo = set(keys.loc[keys["is_demo"], "id"].astype(int))
    new = frame[["municipality", "year", "sector", "tco2e"]].copy()
    after = rows[~rows["edition"].isin(demo)]
    if target is None:
        new["edition"] = _NEW
        keys = pd.concat([keys, pd.DataFrame({"id": [_NEW], "is_demo": [False],
                                              "published": [pd.Timestamp(ctx.published or ctx.today)],
                                              "created_at": [pd.Timestamp.max]})], ignore_index=True)
    else:
        new["edition"] = target[0]
        same = after.merge(new[["municipality", "year", "sector"]].assign(_hit=True),
                           on=["municipality", "year", "sector"], how="left")["_hit"].fillna(False).to_numpy(bool)
        after = after[~((after["edition"] == target[0]).to_numpy() & same)]
    after = pd.concat([after, new], ignore_index=True)
    b = _headline(_newest(rows, keys), baseline)
    a = _headline(_newest(after, keys), baseline)
    out = pd.DataFrame({"municipality": codes}).set_index("municipality")
    out["baseline_year"] = [int(baseline.get(m, 1990)) for m in codes]
    out = out.join(b.add_suffix("_before")).join(a.add_suffix("_after"))
    out["uses_file"] = (out["edition_after"] == (_NEW if target is None else target[0])).to_numpy(bool)
    return out.reset_index()


def _warnings(heads: pd.DataFrame, names: dict[int, str], target: tuple[int, str] | None) -> list[tuple[str, dict]]:
    """What the user should weigh before importing: municipalities left without their plan's baseline year, with
    fewer years than before, or whose figures the file does not reach (they keep a newer edition)."""
    def listed(part: pd.DataFrame, fmt) -> str:
        return ", ".join(fmt(r) for r in part.itertuples())

    out: list[tuple[str, dict]] = []
    had_base = heads["baseline_t_before"].notna()
    lost = heads[had_base & heads["baseline_t_after"].isna()]
    if len(lost):
        out.append(("imp.warn.baseline", {"count": len(lost), "names": listed(
            lost, lambda r: f"{names.get(r.municipality, r.municipality)} ({r.baseline_year})")}))
    fewer = heads[heads["years_after"].fillna(0) < heads["years_before"].fillna(0)]
    if len(fewer):
        out.append(("imp.warn.fewer_years", {"count": len(fewer), "names": listed(
            fewer, lambda r: f"{names.get(r.municipality, r.municipality)} "
                             f"({int(r.years_before)} → {0 if pd.isna(r.years_after) else int(r.years_after)})")}))
    behind = heads[~heads["uses_file"]]
    if len(behind):
        out.append(("imp.warn.not_newest", {"count": len(behind), "names": listed(
            behind, lambda r: str(names.get(r.municipality, r.municipality)))}))
    if (len(lost) or len(fewer)) and target is None:
        out.append(("imp.warn.correction", {}))
    return out


def summarise(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: ImportJob, ref: Reference,
              problems: Problems) -> Summary:
    """Per municipality in the file: which values are new, revised or the same compared with the rows its
    figures use now (its newest edition; for a correction, the target edition's rows), and its headline figures
    before -> after, with warnings where the import would lose a baseline year or years."""
    target = None
    if ctx.into_edition:
        target = _target_edition(ctx, con, problems)
        if target is None:
            return Summary("inventory")
        name = target[1]
    else:
        name = edition_name(ctx, con)
        if ctx.edition_name and con.execute("SELECT 1 FROM edition WHERE name = ?", [name]).fetchone():
            problems.add(None, "--edition", name, "imp.p.edition_taken")
    frame = _frame(df)
    con.register("ingest_inventory", frame)
    try:
        # Compared with each municipality's newest edition (queries' rule), or the edition corrected.
        compared = "(SELECT ?::INTEGER AS edition)" if target else (
            f"(SELECT n.edition FROM {queries.newest_per_municipality()} n WHERE n.municipality = f.municipality)")  # noqa: S608 - fixed SQL fragments
        cmp = con.execute(
            "SELECT f.municipality, count(*) AS rows, "  # noqa: S608 - fixed SQL fragments
            "count(*) FILTER (WHERE e.tco2e IS NULL) AS added, "
            "count(*) FILTER (WHERE e.tco2e IS NOT NULL AND e.tco2e <> f.tco2e) AS changed, "
            "count(*) FILTER (WHERE e.tco2e = f.tco2e) AS unchanged, min(f.year) AS first_year, "
            f"max(f.year) AS last_year FROM ingest_inventory f LEFT JOIN emission e ON e.edition = {compared} "
            "AND e.municipality = f.municipality AND e.year = f.year AND e.sector = f.sector "
            "GROUP BY f.municipality ORDER BY f.municipality", [target[0]] if target else []
        ).df()
        demo = con.execute("SELECT count(*) FROM emission WHERE edition IN (SELECT id FROM edition WHERE is_demo)"
                           ).fetchone()[0]
    finally:
        con.unregister("ingest_inventory")
    heads = _before_after(con, frame, ctx, target)
    # The municipalities not in the file: with demo rows only they are left without figures (the demo rows of
    # all go), with a real edition they keep their figures.
    outside = con.execute(
        "SELECT h.municipality, bool_and(ed.is_demo) AS demo_only FROM (SELECT DISTINCT municipality, edition "
        "FROM emission) h JOIN edition ed ON ed.id = h.edition WHERE NOT list_contains(?, h.municipality) "
        "GROUP BY h.municipality ORDER BY h.municipality", [sorted(heads["municipality"].astype(int).tolist())]).df()
    losing = outside.loc[outside["demo_only"], "municipality"].astype(int).tolist()
    keeping = int((~outside["demo_only"]).sum())
    cmp.insert(1, "name", cmp["municipality"].map(ref.names))
    s = Summary("inventory", rows=len(frame), added=int(cmp["added"].sum()), changed=int(cmp["changed"].sum()),
                unchanged=int(cmp["unchanged"].sum()), demo_removed=int(demo), edition=name, municipalities=cmp,
                correction=target is not None)
    if target is not None:
        s.replaced = s.changed + s.unchanged
    real_before = heads["edition_before"].notna() & ~heads["edition_before"].isin(_demo_editions(con))
    heads.insert(1, "name", heads["municipality"].map(ref.names))
    s.headlines = heads
    s.losing = tuple(losing)
    s.warnings = _warnings(heads, ref.names, target)
    if losing:
        s.warnings.insert(0, ("imp.warn.demo_lost", {"count": len(losing), "names": _names(losing, ref.names)}))
    if target:
        s.notes.append(("imp.note.correction", {}))
    else:
        s.notes.append(("imp.note.inventory", {}))
        if real_before.any():  # a demo edition is not kept: it goes with the import
            s.notes.append(("imp.note.older_kept", {}))
    if keeping:
        s.notes.append(("imp.note.others_keep", {"count": keeping}))
    return s


def _demo_editions(con: duckdb.DuckDBPyConnection) -> list[int]:
    return [int(r[0]) for r in con.execute("SELECT id FROM edition WHERE is_demo").fetchall()]


NAMES_SHOWN = 10


def _names(codes: list[int], names: dict[int, str]) -> str | Phrase:
    """The municipalities by name: all of them, or the first NAMES_SHOWN and how many others."""
    shown = ", ".join(str(names.get(c, c)) for c in codes[:NAMES_SHOWN])
    if len(codes) <= NAMES_SHOWN:
        return shown
    return Phrase("imp.names.more", names=shown, count=len(codes) - NAMES_SHOWN)


def write(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: ImportJob, summary: Summary) -> None:
    """A new edition with the file's rows, or (a correction) the rows put into the existing edition, replacing its
    rows of the same municipality, year and sector; the demo editions' rows go in the same transaction, the
    emptied demo editions in the next (store.DEMO_PARENTS)."""
    con.execute("DELETE FROM emission WHERE edition IN (SELECT id FROM edition WHERE is_demo)")
    frame = _frame(df)
    if summary.correction:
        edition_id = con.execute("SELECT id FROM edition WHERE name = ? AND NOT is_demo", [summary.edition]).fetchone()
        if edition_id is None:  # renamed or removed since the preview: nothing is written (the caller rolls back)
            raise StoreError("store.err.edition_gone", edition=summary.edition)
        frame.insert(3, "edition", np.int32(edition_id[0]))
        con.register("ingest_correction", frame)
        try:
            # Update in place, then add the new keys: no row is deleted and inserted again under the same key.
            con.execute("UPDATE emission SET tco2e = c.tco2e, estimated = c.estimated FROM ingest_correction c "
                        "WHERE emission.edition = c.edition AND emission.municipality = c.municipality "
                        "AND emission.year = c.year AND emission.sector = c.sector")
            con.execute("INSERT INTO emission (municipality, year, sector, edition, tco2e, estimated) "
                        "SELECT c.municipality, c.year, c.sector, c.edition, c.tco2e, c.estimated "
                        "FROM ingest_correction c ANTI JOIN emission e ON e.edition = c.edition "
                        "AND e.municipality = c.municipality AND e.year = c.year AND e.sector = c.sector")
        finally:
            con.unregister("ingest_correction")
        return
    edition_id = con.execute(
        "INSERT INTO edition (name, source, published, is_demo) VALUES (?, ?, ?, false) RETURNING id",
        [summary.edition, ctx.source or f"Import af {ctx.file_name}", ctx.published or ctx.today],
    ).fetchone()[0]
    frame.insert(3, "edition", np.int32(edition_id))
    common.insert_frame(con, "emission", frame)
