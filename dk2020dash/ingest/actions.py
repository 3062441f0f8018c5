"""Actions: matched by id or (municipality, title); every status change becomes an action_event, versions bumped.

An optional klimafare column names the hazard(s) an adaptation action addresses (several separated by , ; or /),
and optional protection target columns its return period (years) and buildings protected; a file without those
columns leaves them as they are."""
from __future__ import annotations

import datetime as dt
import re

import duckdb
import numpy as np
import pandas as pd

from dk2020dash.domain import happened_range
from dk2020dash.errors import Phrase
from dk2020dash.ingest import common
from dk2020dash.ingest.common import Reference
from dk2020dash.ingest.dates import parse_dates
from dk2020dash.ingest.headers import map_headers, require
from dk2020dash.ingest.problems import Problems
from dk2020dash.ingest.read import Table
from dk2020dash.ingest.result import ImportJob, Summary
from dk2020dash.ingest.risks import HAZARD_EXPECTED, HAZARD_WORDS, hazard_code
from dk2020dash.ingest.synonyms import ACTION_KINDS, STATUSES, lookup

COLUMNS = ("id", "municipality", "title", "sector", "kind", "status", "start", "end", "expected_2030_t",
           "responsible", "budget_dkk", "last_updated", "note", "hazard", "return_period_years",
           "buildings_protected")
PROTECTION = ("return_period_years", "buildings_protected")  # domain.PROTECTION_KINDS
_HAZARD_SPLIT = re.compile(r"[,;/+]")
FIELDS = ("title", "sector", "kind", "status", "start_date", "end_date", "expected_2030_t", "responsible",
          "budget_dkk", "last_updated")
_STATUS = lookup(STATUSES)
_KINDS = lookup(ACTION_KINDS)


def title_key(title: str) -> str:
    """Titles match ignoring case and spacing only: "Solcellepark (9 MW)" and "(12 MW)" are two actions."""
    return " ".join(str(title).casefold().split())


def parse(table: Table, ref: Reference, problems: Problems) -> pd.DataFrame:
    found = map_headers(table.headers, COLUMNS)
    if not require(found, ("municipality", "title", "status"), table.headers, problems):
        return pd.DataFrame()
    rows = table.rows
    muni_text = common.text(table, found["municipality"])
    title = common.text(table, found["title"]).astype(str).str.strip()
    problems.add_mask((title == "").to_numpy(), rows, found["title"], title, "imp.p.title_empty")
    sector_text = common.text(table, found.get("sector")).astype(str)
    has_sector = (sector_text.str.strip() != "").to_numpy()
    sector = np.full(len(rows), None, dtype=object)
    if has_sector.any():
        sector[has_sector] = common.sectors(sector_text[has_sector], rows[has_sector], found.get("sector"), problems)
    nums = common.read_numbers(table, {"id": found.get("id"), "expected_2030_t": found.get("expected_2030_t"),
                                       "budget_dkk": found.get("budget_dkk"),
                                       **{c: found.get(c) for c in PROTECTION}}, problems,
                               integer=("id",), optional=("id", "expected_2030_t", "budget_dkk", *PROTECTION))
    for c in ("expected_2030_t", "budget_dkk"):
        if c in found:
            problems.add_mask(nums[c] < 0, rows, found[c], common.text(table, found[c]), "imp.p.non_negative")
    for c in PROTECTION:
        if c in found:
            problems.add_mask(nums[c] <= 0, rows, found[c], common.text(table, found[c]), "imp.p.protection")
    hazards = _hazards(common.text(table, found.get("hazard")), rows, found.get("hazard"), problems)
    kind_text = common.text(table, found.get("kind")).astype(object)
    if "hazard" in found:  # an action that names a hazard and no kind is an adaptation action
        named = np.array([bool(h) for h in hazards], dtype=bool)
        blank = kind_text.astype(str).str.strip().eq("").to_numpy()
        kind_text = kind_text.where(~(named & blank), "adaptation")
    df = pd.DataFrame({
        "id": nums["id"], "municipality": common.municipalities(muni_text, rows, found["municipality"], ref, problems),
        "title": title.to_numpy(), "sector": sector,
        "kind": common.words(kind_text.reset_index(drop=True), rows, found.get("kind"), _KINDS,
                             "imp.p.action_kind", problems, default="mitigation"),
        "status": common.words(common.text(table, found["status"]), rows, found["status"], _STATUS,
                               "imp.p.status", problems),
        "expected_2030_t": nums["expected_2030_t"], "budget_dkk": nums["budget_dkk"], "_row": rows,
    })
    for c, key in (("start_date", "start"), ("end_date", "end"), ("last_updated", "last_updated")):
        within = happened_range() if c == "last_updated" else None  # start and end: planned_range
        df[c] = (parse_dates(common.text(table, found[key]), rows, found[key], problems, within=within) if key in found
                 else pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]"))
    wrong_order = (df["end_date"] < df["start_date"]).to_numpy()
    problems.add_mask(wrong_order, rows, found.get("end"), common.text(table, found.get("end")),
                      "imp.p.end_after_start")
    resp = common.text(table, found.get("responsible")).astype(str).str.strip()
    df["responsible"] = resp.where(resp != "", None).to_numpy()
    note = common.text(table, found.get("note")).astype(str).str.strip()
    df["note"] = note.where(note != "", None).to_numpy()
    df["hazards"] = hazards if "hazard" in found else None  # None: the file says nothing about hazards
    for c in PROTECTION:
        df[c] = nums[c]
    df["_protection_given"] = any(c in found for c in PROTECTION)
    adaptation_only = (df["kind"] == "mitigation").to_numpy()
    if "hazard" in found:
        named = np.array([bool(h) for h in hazards], dtype=bool)
        problems.add_mask(adaptation_only & named, rows, found["hazard"], common.text(table, found["hazard"]),
                          "imp.p.hazard_adaptation_only")
    for c in PROTECTION:
        if c in found:
            problems.add_mask(adaptation_only & ~np.isnan(nums[c]), rows, found[c], common.text(table, found[c]),
                              "imp.p.protection_adaptation_only")
    df["_title_key"] = [title_key(t) for t in df["title"]]
    common.duplicates(df[["municipality", "_title_key"]], rows, found["title"], title, "municipality_title", problems)
    with_id = df["id"].notna().to_numpy()
    if with_id.any():
        common.duplicates(df.loc[with_id, ["id"]], rows[with_id], found.get("id"),
                          common.text(table, found.get("id"))[with_id], "id", problems)
    return df


def _hazards(values: pd.Series, rows: np.ndarray, column: str | None, problems: Problems) -> list[tuple[str, ...]]:
    """Each cell's hazard codes, sorted (empty where the cell is); every unknown spelling is a problem."""
    out = []
    for value, row in zip(values.astype(str), rows, strict=True):
        codes = set()
        for part in _HAZARD_SPLIT.split(value):
            if not part.strip():
                continue
            code = hazard_code(part)
            if code is None:
                problems.add(int(row), column, part.strip(), "imp.p.hazards",
                             hazard=Phrase(HAZARD_EXPECTED, **HAZARD_WORDS))
            else:
                codes.add(code)
        out.append(tuple(sorted(codes)))
    return out


def _match(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ref: Reference, problems: Problems) -> pd.DataFrame:
    """Each file row with the real action it updates (existing_id NaN for a new action)."""
    existing = con.execute(
        "SELECT id, municipality, title, sector, kind, status, start_date, end_date, expected_2030_t, responsible, "
        "budget_dkk, last_updated, version, is_demo FROM action").df()
    real = existing[~existing["is_demo"]]
    demo_ids = set(existing.loc[existing["is_demo"], "id"].astype(int))
    by_id = real.set_index("id")
    by_title = {(int(m), title_key(t)): int(i) for i, m, t in zip(real["id"], real["municipality"], real["title"], strict=True)}
    matched = []
    for rid, muni, key, row in zip(df["id"], df["municipality"], df["_title_key"], df["_row"], strict=True):
        if not np.isnan(rid):
            aid = int(rid)
            if aid in by_id.index:
                if int(by_id.at[aid, "municipality"]) != muni:
                    problems.add(int(row), "id", aid, "imp.p.id_other_municipality", id=aid,
                                 owner=str(ref.names.get(int(by_id.at[aid, "municipality"]))))
                matched.append(aid)
                continue
            if aid not in demo_ids:
                problems.add(int(row), "id", aid, "imp.p.id_unknown")
                matched.append(None)
                continue
        matched.append(by_title.get((int(muni), key)))
    out = df.copy()
    out["existing_id"] = pd.array(matched, dtype="Int64")
    old = by_id.reindex(out["existing_id"].astype("float").to_numpy())
    for c in (*FIELDS, "version"):
        out[f"old_{c}"] = old[c].to_numpy() if c in old.columns else None
    hazards = con.execute("SELECT action_id, list_sort(list(hazard)) AS hazards FROM action_hazard GROUP BY action_id").df()
    by_action = {int(a): tuple(h) for a, h in zip(hazards["action_id"], hazards["hazards"], strict=True)}
    protection = con.execute("SELECT action_id, kind, value FROM action_protection").df()
    given = {(int(a), k): float(v) for a, k, v in zip(protection["action_id"], protection["kind"], protection["value"],
                                                       strict=True)}
    ids = [None if pd.isna(i) else int(i) for i in out["existing_id"]]
    out["old_hazards"] = [by_action.get(i, ()) if i is not None else () for i in ids]
    for c in PROTECTION:
        out[f"old_{c}"] = [given.get((i, c), np.nan) if i is not None else np.nan for i in ids]
    return out


def _same(a: pd.Series, b: pd.Series) -> np.ndarray:
    a, b = a.astype(object), b.astype(object)
    na_a, na_b = pd.isna(a).to_numpy(), pd.isna(b).to_numpy()
    eq = np.array([x == y for x, y in zip(a, b, strict=True)], dtype=bool)
    return (na_a & na_b) | (~na_a & ~na_b & eq)


def _same_number(a: pd.Series, b: pd.Series) -> np.ndarray:
    a, b = pd.to_numeric(a).astype(float).to_numpy(), pd.to_numeric(b).astype(float).to_numpy()
    return (np.isnan(a) & np.isnan(b)) | np.isclose(a, b, rtol=0, atol=1e-9)


def _field_changes(m: pd.DataFrame) -> dict[str, np.ndarray]:
    """Per field (the audit's names, as edits.py's), the rows whose value the file changes."""
    out = {c: ~_same(m[c], m[f"old_{c}"]) for c in ("title", "sector", "kind", "status", "responsible")}
    for c in ("start_date", "end_date"):
        out[c] = ~_same(pd.to_datetime(m[c]).dt.date, pd.to_datetime(m[f"old_{c}"]).dt.date)
    # A newer (or any other) last update in the file is a change; an empty one says nothing about it.
    given = m["last_updated"].notna().to_numpy()
    out["last_updated"] = given & ~_same(pd.to_datetime(m["last_updated"]).dt.date,
                                         pd.to_datetime(m["old_last_updated"]).dt.date)
    for c in ("expected_2030_t", "budget_dkk"):
        out[c] = ~_same_number(m[c], m[f"old_{c}"])
    # Hazards and protection targets, where the file has those columns (a file without them changes none).
    if "hazards" in m and m["hazards"].notna().any():
        out["hazard"] = np.array([h != o for h, o in zip(m["hazards"], m["old_hazards"], strict=True)], dtype=bool)
    if "_protection_given" in m and len(m) and bool(m["_protection_given"].iloc[0]):
        for c in PROTECTION:
            out[c] = ~_same_number(m[c], m[f"old_{c}"])
    return out


def _changed(m: pd.DataFrame, today) -> np.ndarray:
    diff = np.zeros(len(m), bool)
    for changed in _field_changes(m).values():
        diff |= changed
    return diff


def _audits(upd: pd.DataFrame) -> list[tuple[int, str, object, object]]:
    """(action id, field, old, new) for every field the file changes in an existing action: every field but the
    status (an action_event) and the last update (bookkeeping, which edits do not audit either)."""
    out = []
    ids = upd["existing_id"].astype("int64").to_numpy()
    for f, changed in _field_changes(upd).items():
        if f in ("status", "last_updated"):
            continue
        new, old = upd["hazards" if f == "hazard" else f], upd["old_hazards" if f == "hazard" else f"old_{f}"]
        out += [(int(ids[i]), f, old.iloc[i], new.iloc[i]) for i in np.flatnonzero(changed)]
    return sorted(out, key=lambda c: c[0])


def summarise(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: ImportJob, ref: Reference,
              problems: Problems) -> Summary:
    m = _match(con, df, ref, problems)
    is_new = m["existing_id"].isna().to_numpy()
    old_sector, new_sector = m["old_sector"].astype(object), m["sector"].astype(object)
    moved = ~is_new & (pd.isna(old_sector).to_numpy() != pd.isna(new_sector).to_numpy()
                       | (~pd.isna(old_sector) & ~pd.isna(new_sector) & (old_sector != new_sector)).to_numpy())
    # DuckDB rewrites a row whose foreign-key column changes, which the action's history forbids.
    problems.add_mask(moved, m["_row"].to_numpy(), "sektor", new_sector, "imp.p.same_sector")
    changed = ~is_new & _changed(m, ctx.today)
    status = ~is_new & (m["status"] != m["old_status"]).to_numpy()
    demo = int(con.execute("SELECT count(*) FROM action WHERE is_demo").fetchone()[0])
    per = m.groupby("municipality").agg(rows=("title", "size")).reset_index()
    per.insert(1, "name", per["municipality"].map(ref.names))
    changes = m.loc[status, ["municipality", "title", "old_status", "status"]].rename(columns={"status": "new_status"})
    s = Summary("actions", rows=len(m), added=int(is_new.sum()), changed=int(changed.sum()),
                unchanged=int((~is_new & ~changed).sum()), demo_removed=demo, municipalities=per,
                status_changes=changes.reset_index(drop=True))
    s.notes.append(("imp.note.actions", {}))
    s._matched = m  # reused by write, so the preview and the write agree
    return s


def write(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, ctx: ImportJob, summary: Summary) -> None:
    m: pd.DataFrame = summary._matched
    today = pd.Timestamp(ctx.today)
    note_default = f"Import af {ctx.file_name}"
    # The demo's events (and hazards, protection targets) go here, the demo actions in the next transaction
    # (store.DEMO_PARENTS).
    for child in ("action_event", "action_hazard", "action_protection"):
        con.execute(f"DELETE FROM {child} WHERE action_id IN (SELECT id FROM action WHERE is_demo)")  # noqa: S608
    is_new = m["existing_id"].isna().to_numpy()
    changed = ~is_new & _changed(m, ctx.today)  # as in summarise, before an empty last update becomes today
    m = m.assign(last_updated=m["last_updated"].fillna(today))
    upd = m[changed]
    if len(upd):
        frame = pd.DataFrame({
            "id": upd["existing_id"].astype("int64").to_numpy(), "title": upd["title"], "sector": upd["sector"],
            "kind": upd["kind"], "status": upd["status"], "start_date": upd["start_date"],
            "end_date": upd["end_date"], "expected_2030_t": upd["expected_2030_t"].astype(float),
            "responsible": upd["responsible"], "budget_dkk": upd["budget_dkk"].astype(float),
            "last_updated": upd["last_updated"]})
        con.register("ingest_action_update", frame)
        try:
            con.execute(
                "UPDATE action SET title = u.title, kind = u.kind, status = u.status, "
                "start_date = u.start_date, end_date = u.end_date, expected_2030_t = u.expected_2030_t, "
                "responsible = u.responsible, budget_dkk = u.budget_dkk, last_updated = u.last_updated, "
                "version = action.version + 1 FROM ingest_action_update u WHERE action.id = u.id")
        finally:
            con.unregister("ingest_action_update")
        moved = upd[(upd["status"] != upd["old_status"]).to_numpy()]
        _events(con, moved["existing_id"].astype("int64").to_numpy(), moved["old_status"], moved["status"],
                moved["note"].fillna(note_default), ctx)
        common.insert_audit(con, "action", _audits(upd), ctx.who, note_default)
    new = m[is_new]
    if len(new):
        frame = pd.DataFrame({
            "municipality": new["municipality"].astype("int32"), "title": new["title"], "sector": new["sector"],
            "kind": new["kind"], "status": new["status"], "start_date": new["start_date"],
            "end_date": new["end_date"], "expected_2030_t": new["expected_2030_t"].astype(float),
            "responsible": new["responsible"], "budget_dkk": new["budget_dkk"].astype(float),
            "last_updated": new["last_updated"], "is_demo": False, "_order": np.arange(len(new))})
        con.register("ingest_action_new", frame)
        try:
            ids = con.execute(
                "INSERT INTO action (municipality, title, sector, kind, status, start_date, end_date, expected_2030_t, "
                "responsible, budget_dkk, last_updated, is_demo) SELECT municipality, title, sector, kind, status, "
                "start_date, end_date, expected_2030_t, responsible, budget_dkk, last_updated, is_demo "
                "FROM ingest_action_new ORDER BY _order RETURNING id, municipality, title").df()
        finally:
            con.unregister("ingest_action_new")
        key = {(int(a), t): int(i) for i, a, t in zip(ids["id"], ids["municipality"], ids["title"], strict=True)}
        new_ids = np.array([key[(int(a), t)] for a, t in zip(new["municipality"], new["title"], strict=True)])
        _events(con, new_ids, pd.Series([None] * len(new)), new["status"],
                new["note"].fillna("Oprettet ved " + note_default.lower()), ctx)
        m.loc[is_new, "existing_id"] = new_ids
    _write_adaptation(con, m)


def _write_adaptation(con: duckdb.DuckDBPyConnection, m: pd.DataFrame) -> None:
    """The file's hazards and protection targets replace the actions' own, where the file has those columns."""
    ids = m["existing_id"].astype("int64").to_numpy()
    if len(m) and m["hazards"].notna().any():
        con.execute("DELETE FROM action_hazard WHERE list_contains(?, action_id)", [ids.tolist()])
        pairs = [(int(i), h) for i, hs in zip(ids, m["hazards"], strict=True) for h in hs]
        if pairs:
            common.insert_frame(con, "action_hazard", pd.DataFrame(pairs, columns=["action_id", "hazard"]).astype(
                {"action_id": "int32"}))
    if len(m) and bool(m["_protection_given"].iloc[0]):
        con.execute("DELETE FROM action_protection WHERE list_contains(?, action_id)", [ids.tolist()])
        rows = [(int(i), c, float(v)) for c in PROTECTION for i, v in zip(ids, m[c], strict=True) if not np.isnan(v)]
        if rows:
            common.insert_frame(con, "action_protection", pd.DataFrame(rows, columns=["action_id", "kind", "value"])
                                .astype({"action_id": "int32"}))


def _events(con: duckdb.DuckDBPyConnection, ids: np.ndarray, old: pd.Series, new: pd.Series, note: pd.Series,
            ctx: ImportJob) -> None:
    if not len(ids):
        return
    # The day of the import (ctx.today) at the time of day it is written: history orders within a day by time.
    when = pd.Timestamp(dt.datetime.combine(ctx.today, dt.datetime.now().time()))
    common.insert_frame(con, "action_event", pd.DataFrame({
        "action_id": ids.astype("int32"), "changed_on": when, "who": ctx.who,
        "old_status": old.to_numpy(dtype=object), "new_status": new.to_numpy(dtype=object),
        "note": note.to_numpy(dtype=object)}))
