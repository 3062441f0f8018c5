"""Climate risk assessments: a level per municipality and hazard, with the year (or day) assessed; a municipality
in the file gets exactly the file's hazards (its assessment is replaced as a whole)."""
from __future__ import annotations

import datetime as dt
import re

import duckdb
import numpy as np
import pandas as pd

from dk2020dash import labels
from dk2020dash.domain import YEAR_MAX, YEAR_MIN, happened_range
from dk2020dash.ingest import common
from dk2020dash.ingest.common import Reference
from dk2020dash.ingest.dates import parse_dates
from dk2020dash.ingest.headers import map_headers, require
from dk2020dash.ingest.problems import Listed, Problems
from dk2020dash.ingest.read import Table
from dk2020dash.ingest.result import ImportJob, Summary
from dk2020dash.ingest.synonyms import HAZARDS, RISK_LEVELS, fold, lookup

COLUMNS = ("municipality", "hazard", "level", "assessed", "year", "note")
_YEAR = re.compile(r"\d{4}(\.0+)?")


def _hazard_lookup() -> dict[str, str]:
    table = lookup(HAZARDS)
    for code, words in labels.HAZARDS.items():  # the words shown in the app read back too
        for word in words:
            table.setdefault(fold(word), code)
    return table


HAZARD_LOOKUP = _hazard_lookup()
LEVEL_LOOKUP = lookup(RISK_LEVELS)

# What a hazard or a risk level cell should say: i18n keys, filled with the words of labels (Listed).
HAZARD_EXPECTED = "imp.p.hazard"
LEVEL_EXPECTED = "imp.p.level"
HAZARD_WORDS = {"hazards": Listed(labels.HAZARDS)}
LEVEL_WORDS = {"levels": Listed(labels.RISK_LEVELS), "other": Listed(labels.RISK_LEVELS, other=True)}


def hazard_code(value: object) -> str | None:
    """The hazard code for any spelling (None when unknown)."""
    return HAZARD_LOOKUP.get(fold(value))


def parse_assessed(values: pd.Series, rows: np.ndarray, column: str | None, problems: Problems
                   ) -> tuple[np.ndarray, pd.Series]:
    """Year assessed (float, NaN where empty) and the day where a date was given: '2023', '2023-05-01',
    '01-05-2023', '1.5.2023' or a spreadsheet date or number."""
    n = len(values)
    year = np.full(n, np.nan)
    on = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    if column is None:
        return year, on
    typed_date = values.map(lambda v: isinstance(v, (dt.date, dt.datetime, pd.Timestamp))).to_numpy(dtype=bool)
    text = values.map(lambda v: "" if isinstance(v, (dt.date, dt.datetime, pd.Timestamp)) else
                      (str(int(v)) if isinstance(v, float) and float(v).is_integer() else str(v)).strip())
    is_year = text.map(lambda v: bool(_YEAR.fullmatch(v))).to_numpy(dtype=bool)
    year[is_year] = [float(v.split(".")[0]) for v in text[is_year]]
    as_date = ~is_year
    if as_date.any():
        parsed = parse_dates(values[as_date], rows[as_date], column, problems, within=happened_range())
        on[as_date] = parsed
        year[as_date] = parsed.dt.year.to_numpy(dtype=float)
    empty = ((text == "") & ~typed_date).to_numpy(dtype=bool)
    problems.add_mask(empty, rows, column, values, "imp.p.assessed_empty")
    bad_year = ~np.isnan(year) & ((year < YEAR_MIN) | (year > YEAR_MAX))
    problems.add_mask(bad_year, rows, column, values, "imp.p.year", low=YEAR_MIN, high=YEAR_MAX)
    return year, on


def parse(table: Table, ref: Reference, problems: Problems) -> pd.DataFrame:
    found = map_headers(table.headers, COLUMNS)
    if "assessed" not in found and "year" in found:  # "år" reads as the year assessed
        found["assessed"] = found["year"]
    if not require(found, ("municipality", "hazard", "level", "assessed"), table.headers, problems):
        return pd.DataFrame()
    rows = table.rows
    muni_text = common.text(table, found["municipality"])
    hazard_text = common.text(table, found["hazard"])
    year, on = parse_assessed(common.text(table, found["assessed"]), rows, found["assessed"], problems)
    df = pd.DataFrame({
        "municipality": common.municipalities(muni_text, rows, found["municipality"], ref, problems),
        "hazard": common.words(hazard_text, rows, found["hazard"], HAZARD_LOOKUP, HAZARD_EXPECTED, problems,
                               expected_values=HAZARD_WORDS),
        "level": common.words(common.text(table, found["level"]), rows, found["level"], LEVEL_LOOKUP,
                              LEVEL_EXPECTED, problems, expected_values=LEVEL_WORDS),
        "assessed_year": year, "assessed_on": on.to_numpy(), "_row": rows,
    })
    note = common.text(table, found.get("note")).astype(str).str.strip()
    df["note"] = note.where(note != "", None).to_numpy()
    known = (df["municipality"] != 0).to_numpy() & df["hazard"].notna().to_numpy()
    if known.any():  # unknown values are named once, above, not again as duplicates
        common.duplicates(df.loc[known, ["municipality", "hazard"]].reset_index(drop=True), rows[known],
                          found["hazard"], hazard_text[known].reset_index(drop=True), "municipality_hazard", problems)
    return df


def _existing(con: duckdb.DuckDBPyConnection, codes: list[int]) -> pd.DataFrame:
    return con.execute("SELECT municipality, hazard, level, assessed_year, assessed_on, note FROM risk "
                       "WHERE NOT is_demo AND list_contains(?, municipality)", [codes]).df()


def summarise(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: ImportJob, ref: Reference,
              problems: Problems) -> Summary:
    codes = sorted({int(c) for c in df["municipality"]})
    old = _existing(con, codes)
    merged = df.merge(old, on=["municipality", "hazard"], how="left", suffixes=("", "_old"), indicator=True)
    is_new = (merged["_merge"] == "left_only").to_numpy()

    def same(a: pd.Series, b: pd.Series) -> np.ndarray:
        a, b = a.astype(object), b.astype(object)
        na_a, na_b = pd.isna(a).to_numpy(), pd.isna(b).to_numpy()
        return (na_a & na_b) | (~na_a & ~na_b & np.array([x == y for x, y in zip(a, b, strict=True)], dtype=bool))

    unchanged = (same(merged["level"], merged["level_old"]) & same(merged["note"], merged["note_old"])
                 & same(merged["assessed_year"].astype(float), pd.to_numeric(merged["assessed_year_old"]).astype(float))
                 & same(pd.to_datetime(merged["assessed_on"]).dt.date, pd.to_datetime(merged["assessed_on_old"]).dt.date))
    unchanged &= ~is_new
    kept = {(int(m), h) for m, h in zip(df["municipality"], df["hazard"], strict=True)}
    dropped = sum((int(m), h) not in kept for m, h in zip(old["municipality"], old["hazard"], strict=True))
    demo = int(con.execute("SELECT count(*) FROM risk WHERE is_demo").fetchone()[0])
    per = df.groupby("municipality").size().rename("rows").reset_index()
    per.insert(1, "name", per["municipality"].map(ref.names))
    s = Summary("risks", rows=len(df), added=int(is_new.sum()), changed=int((~is_new & ~unchanged).sum()),
                unchanged=int(unchanged.sum()), replaced=int(dropped), demo_removed=demo, municipalities=per)
    s.notes.append(("imp.note.risks", {}))
    return s


def write(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: ImportJob, summary: Summary) -> None:
    con.execute("DELETE FROM risk WHERE is_demo OR list_contains(?, municipality)",
                [sorted({int(c) for c in df["municipality"]})])
    common.insert_frame(con, "risk", pd.DataFrame({
        "municipality": df["municipality"].astype("int32"), "hazard": df["hazard"].astype(str),
        "level": df["level"].astype(str), "assessed_year": df["assessed_year"].astype("int32"),
        "assessed_on": pd.to_datetime(df["assessed_on"]), "note": df["note"], "is_demo": False}))
