"""Milestones (joined, plan approved/adopted, status reports, revision); replaces the file's municipalities."""
from __future__ import annotations

import duckdb
import pandas as pd

from dk2020dash.domain import happened_range
from dk2020dash.ingest import common
from dk2020dash.ingest.common import Reference
from dk2020dash.ingest.dates import parse_dates
from dk2020dash.ingest.headers import map_headers, require
from dk2020dash.ingest.problems import Problems
from dk2020dash.ingest.read import Table
from dk2020dash.ingest.result import ImportJob, Summary
from dk2020dash.ingest.synonyms import MILESTONE_KINDS, lookup

COLUMNS = ("municipality", "kind", "due", "done", "note")
_KINDS = lookup(MILESTONE_KINDS)


def parse(table: Table, ref: Reference, problems: Problems) -> pd.DataFrame:
    found = map_headers(table.headers, COLUMNS)
    if not require(found, ("municipality", "kind", "due"), table.headers, problems):
        return pd.DataFrame()
    rows = table.rows
    muni_text = common.text(table, found["municipality"])
    df = pd.DataFrame({
        "municipality": common.municipalities(muni_text, rows, found["municipality"], ref, problems),
        "kind": common.words(common.text(table, found["kind"]), rows, found["kind"], _KINDS,
                             "imp.p.milestone_kind", problems),
        "due": parse_dates(common.text(table, found["due"]), rows, found["due"], problems, required=True),
        "_row": rows,
    })
    df["done"] = (parse_dates(common.text(table, found["done"]), rows, found["done"], problems,
                              within=happened_range())
                  if "done" in found else pd.NaT)
    note = common.text(table, found.get("note")).astype(str).str.strip()
    df["note"] = note.where(note != "", None)
    common.duplicates(df[["municipality", "kind", "due"]], rows, found["municipality"], muni_text,
                      "municipality_milestone", problems)
    return df


def summarise(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: ImportJob, ref: Reference,
              problems: Problems) -> Summary:
    codes = sorted({int(c) for c in df["municipality"]})
    replaced = int(con.execute("SELECT count(*) FROM milestone WHERE NOT is_demo AND list_contains(?, municipality)",
                               [codes]).fetchone()[0])
    demo = int(con.execute("SELECT count(*) FROM milestone WHERE is_demo").fetchone()[0])
    per = df.groupby("municipality").size().rename("rows").reset_index()
    per.insert(1, "name", per["municipality"].map(ref.names))
    s = Summary("milestones", rows=len(df), added=len(df), replaced=replaced, demo_removed=demo, municipalities=per)
    s.notes.append(("imp.note.milestones", {}))
    return s


_REAL = ("SELECT id, municipality, kind, due, done, note FROM milestone WHERE NOT is_demo "
         "AND list_contains(?, municipality)")
_KEY = ["municipality", "kind", "due"]


def write(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: ImportJob, summary: Summary) -> None:
    codes = sorted({int(c) for c in df["municipality"]})
    before = con.execute(_REAL, [codes]).df()
    con.execute("DELETE FROM milestone WHERE is_demo OR list_contains(?, municipality)", [codes])
    common.insert_frame(con, "milestone", pd.DataFrame({
        "municipality": df["municipality"].astype("int32"), "kind": df["kind"].astype(str), "due": df["due"],
        "done": pd.to_datetime(df["done"]), "note": df["note"], "is_demo": False}))
    common.insert_audit(con, "milestone", _audits(before, con.execute(_REAL, [codes]).df()), ctx.who,
                        f"Import af {ctx.file_name}")


def _audits(before: pd.DataFrame, after: pd.DataFrame) -> list[tuple[int, str, object, object]]:
    """What the import changed in the real milestones it replaced (it gives every row a new id): a milestone with the
    same municipality, kind and due date gets a row under its new id per field that changed (done, note); one the
    file no longer has gets a row per field it held, old -> empty, under its old id. New milestones get none."""
    if not len(before):
        return []
    for frame in (before, after):
        frame["due"] = pd.to_datetime(frame["due"]).dt.date
        frame["done"] = pd.to_datetime(frame["done"]).dt.date.where(frame["done"].notna(), None)
    both = before.merge(after, on=_KEY, how="left", suffixes=("_old", ""), indicator="matched")
    out: list[tuple[int, str, object, object]] = []
    for row in both.itertuples(index=False):
        if row.matched == "left_only":
            out += [(int(row.id_old), f, v, None) for f, v in (("kind", row.kind), ("due", row.due),
                                                                ("done", row.done_old), ("note", row.note_old))
                    if common.cell_text(v) is not None]
            continue
        out += [(int(row.id), f, old, new) for f, old, new in (("done", row.done_old, row.done),
                                                                ("note", row.note_old, row.note))
                if common.cell_text(old) != common.cell_text(new)]
    return out
