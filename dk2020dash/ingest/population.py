"""Population from Statistics Denmark's FOLK1A as exported from Statbank (title lines, "101 København";"2025K1";...).

Both Statbank layouts are read: long rows (area, time, value; or columns OMRÅDE/TID/INDHOLD) and wide tables with
the time periods as column headers. The latest period per municipality wins; regions and the whole country
are skipped. Sets population, population_year and population_approx = false.
"""
from __future__ import annotations

import re

import duckdb
import numpy as np
import pandas as pd

from dk2020dash.ingest import numbers
from dk2020dash.ingest.common import Reference
from dk2020dash.ingest.problems import Problems
from dk2020dash.ingest.read import FileError, decode, is_xlsx, read_text_grid, xlsx_grid
from dk2020dash.ingest.result import ImportJob, Summary
from dk2020dash.ingest.synonyms import fold

PERIOD = re.compile(r"(\d{4})(?:[KQ][1-4]|M\d{2}|H[12])?")
_NOT_MUNICIPALITIES = ("hele landet", "region", "landsdel", "christiansoe", "i alt", "all denmark", "denmark")


def _area(value: str, ref: Reference) -> tuple[int | None, bool]:
    """(code, is_area): a municipality, or a known non-municipal area (skipped), or neither."""
    text = str(value).strip()
    if not text:
        return None, False
    code = ref.code(text)
    if code is not None:
        return code, True
    key = re.sub(r"^\d+ ", "", fold(text))
    return None, key.startswith(_NOT_MUNICIPALITIES) or text.startswith("411")


def parse_bytes(data: bytes, file_name: str, ref: Reference, problems: Problems) -> pd.DataFrame:
    if not data.strip():
        raise FileError("imp.file.empty", row=1)
    if is_xlsx(data):
        grid = [[str(c) for c in r] for r in xlsx_grid(data, "folk1a")]
    elif file_name.lower().endswith((".xlsx", ".xlsm")):
        raise FileError("imp.file.xlsx_is_text")
    else:
        grid, _ = read_text_grid(decode(data)[0])
    period_cols: dict[int, str] = {}
    area_col = value_col = time_col = None
    found: list[tuple[int, int, str, str]] = []  # (row, code, period, value)
    for i, raw in enumerate(grid, start=1):
        fields = [f.strip() for f in raw]
        folded = [fold(f) for f in fields]
        if "indhold" in folded and ("omraade" in folded or "kommune" in folded):
            area_col = folded.index("omraade") if "omraade" in folded else folded.index("kommune")
            value_col = folded.index("indhold")
            time_col = folded.index("tid") if "tid" in folded else None
            continue
        if area_col is not None and len(fields) > max(area_col, value_col):
            code, is_area = _area(fields[area_col], ref)
            period = fields[time_col] if time_col is not None and len(fields) > time_col else ""
            _collect(found, problems, i, code, is_area, fields[area_col], period, fields[value_col])
            continue
        areas = [(j, *_area(f, ref)) for j, f in enumerate(fields)]
        area = next(((j, c) for j, c, ok in areas if ok), None)
        periods = [j for j, f in enumerate(fields) if PERIOD.fullmatch(f) and (area is None or j != area[0])]
        if area is None:
            others = [f for k, f in enumerate(fields) if k not in periods and f]
            named = [f for f in others if re.search(r"[A-Za-zÆØÅæøå]", f)]
            if periods and not others and len(fields) > 1:
                period_cols = {j: fields[j] for j in periods}  # the header of a wide table
            elif named and (periods or period_cols) and any(re.fullmatch(r"[\d. ]+", f) for f in others):
                problems.add(i, "område", named[0], "imp.p.municipality_named")
            continue
        j, code = area
        if code is None:  # region, landsdel, Hele landet: not a municipality
            continue
        if periods:  # long: area; period; value
            value = next((f for f in reversed(fields) if f and f != fields[periods[0]] and f != fields[j]), "")
            _collect(found, problems, i, code, True, fields[j], fields[periods[0]], value)
        elif period_cols:
            for pj, period in period_cols.items():
                if pj < len(fields) and fields[pj]:
                    _collect(found, problems, i, code, True, fields[j], period, fields[pj])
    if not found and not problems:
        raise FileError("imp.file.no_population")
    df = pd.DataFrame(found, columns=["_row", "municipality", "period", "text"])
    values = numbers.parse(df["text"], numbers.classify(df["text"]), None, df["_row"].to_numpy(), "indhold",
                           problems, integer=True)
    bad = ~np.isnan(values) & (values <= 0)
    problems.add_mask(bad, df["_row"].to_numpy(), "indhold", df["text"], "imp.p.population")
    df["population"] = values
    df["population_year"] = [int(PERIOD.fullmatch(p).group(1)) for p in df["period"]]
    # The latest period per municipality: "2025K2" sorts after "2025K1" and "2024K4".
    df = df.sort_values(["municipality", "period", "_row"]).groupby("municipality").tail(1)
    return df.sort_values("municipality").reset_index(drop=True)


def _collect(found: list, problems: Problems, row: int, code: int | None, is_area: bool, area: str, period: str,
             value: str) -> None:
    if code is None:
        if not is_area:
            problems.add(row, "område", area, "imp.p.municipality_named")
        return
    if not PERIOD.fullmatch(period):
        problems.add(row, "tid", period, "imp.p.period")
        return
    found.append((row, code, period, value))


def summarise(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: ImportJob, ref: Reference,
              problems: Problems) -> Summary:
    old = con.execute("SELECT code AS municipality, population AS old_population, population_year AS old_year, "
                      "population_approx FROM municipality").df()
    m = df.merge(old, on="municipality", how="left")
    same = (m["old_population"] == m["population"]) & (m["old_year"] == m["population_year"]) & ~m["population_approx"]
    per = pd.DataFrame({"municipality": m["municipality"], "name": m["municipality"].map(ref.names),
                        "population": m["population"].astype("int64"), "year": m["population_year"],
                        "before": m["old_population"]})
    s = Summary("population", rows=len(df), changed=int((~same).sum()), unchanged=int(same.sum()),
                municipalities=per)
    missing = sorted(set(ref.names) - set(df["municipality"]))
    if missing:
        names = ", ".join(ref.names[c] for c in missing[:10]) + (" ..." if len(missing) > 10 else "")
        s.notes.append(("imp.note.population_missing", {"count": len(missing), "names": names}))
    approx = int(m["population_approx"].sum())
    if approx:
        s.notes.append(("imp.note.population_approx", {"count": approx}))
    return s


def write(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: ImportJob, summary: Summary) -> None:
    frame = pd.DataFrame({"code": df["municipality"].astype("int32"), "population": df["population"].astype("int64"),
                          "population_year": df["population_year"].astype("int32")})
    con.register("ingest_population", frame)
    try:
        con.execute("UPDATE municipality SET population = p.population, population_year = p.population_year, "
                    "population_approx = false FROM ingest_population p WHERE municipality.code = p.code")
    finally:
        con.unregister("ingest_population")
