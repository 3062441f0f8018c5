"""Frames as pages show them: translated headers, words for codes, numbers and dates in the page language."""
from __future__ import annotations

from datetime import date

import pandas as pd

from dk2020dash import i18n, labels, queries
from dk2020dash.metrics.mitigation import Unavailable
from dk2020dash.ui.context import Context
from dk2020dash.ui.loaders import municipality_name, reason_text

__all__ = [
    "GAPS_SHOWN", "actions_frame", "comparison_download", "comparison_table", "editions_frame", "excluded_lines",
    "file_slug", "import_headlines_frame", "import_log_frame", "last_imports_frame", "milestone_states",
    "milestones_frame", "peer_group", "quality_frames", "quality_gaps", "quality_summary", "ranking_table",
    "region_rank", "restore_contents_frame", "sector_label", "status_counts", "year_ranges", "year_text"
]

def ranking_table(ctx: Context, rank: pd.DataFrame):
    """The ranking as shown: translated headers, numbers sortable but displayed in the language's format."""
    t = ctx.t
    shown = pd.DataFrame({
        t("ov.col.municipality"): rank["name"],
        t("ov.col.verdict"): rank["verdict_label"],
        t("ov.col.reduction"): rank["reduction"] * 100,
        t("ov.col.per_capita"): rank["per_capita"],
        t("ov.col.manko"): rank["manko"],
        t("ov.col.lag"): rank["data_lag"],
    })
    lang = ctx.lang
    return shown.style.format({
        t("ov.col.reduction"): lambda v: i18n.number(v, lang, 1),
        t("ov.col.per_capita"): lambda v: i18n.number(v, lang, 1),
        t("ov.col.manko"): lambda v: i18n.number(v, lang, 0),
        t("ov.col.lag"): lambda v: i18n.number(v, lang, 0),
    })


def excluded_lines(ctx: Context, excluded: dict[int, Unavailable]) -> list[str]:
    return [ctx.t("ov.excluded.line", name=i18n.literal(municipality_name(ctx, code)),
                  reason=reason_text(ctx, u)) for code, u in excluded.items()]


def status_counts(actions: pd.DataFrame) -> dict[str, int]:
    """Actions per status, every status present (zero where none)."""
    from dk2020dash.domain import ACTION_STATUSES

    counts = actions["status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in ACTION_STATUSES}


def milestone_states(milestones: pd.DataFrame, today: date) -> pd.Series:
    """followup.milestone_state of every milestone row."""
    from dk2020dash.metrics.followup import milestone_state

    # Whole columns to dates at once (row by row through pandas it was a quarter of a warm Milepæle run): days as
    # numpy datetime64[D], whose tolist() gives datetime.date, and None where not done.
    due = pd.to_datetime(milestones["due"]).to_numpy("datetime64[D]").tolist()
    done = pd.to_datetime(milestones["done"]).to_numpy("datetime64[D]").tolist()
    return pd.Series([milestone_state(u, d, today) for u, d in zip(due, done)], index=milestones.index, dtype=object)


def sector_label(code: str, lang: str) -> str:
    """The sector's word (labels.sector), or the code itself for one the app does not know."""
    return labels.word_or_code(labels.SECTORS, code, lang)


def actions_frame(ctx: Context, actions: pd.DataFrame, today: date, dates_as_text: bool = True) -> pd.DataFrame:
    """Actions as shown: title, sector and status in words, expected 2030 reduction, last update, stale mark.
    With dates_as_text=False the dates stay dates (for downloads: real dates in a spreadsheet)."""
    from dk2020dash.metrics.followup import stale_flags

    t, lang = ctx.t, ctx.lang
    stale = stale_flags(actions, today).tolist()
    return pd.DataFrame({
        t("ov.col.title"): actions["title"],
        t("ov.col.stale"): [t("mun.stale") if s else "" for s in stale],
        t("ov.col.sector"): actions["sector"].map(lambda c: "–" if c is None or pd.isna(c) else sector_label(c, lang)),
        t("ov.col.status"): actions["status"].map(lambda s: labels.status(s, lang)),
        t("ov.col.expected"): actions["expected_2030_t"],
        t("ov.col.responsible"): actions["responsible"].fillna(""),
        t("ov.col.updated"): actions["last_updated"].map(
            lambda d: i18n.day(pd.Timestamp(d).date(), lang) if dates_as_text else pd.Timestamp(d).date()),
    })


def milestones_frame(ctx: Context, milestones: pd.DataFrame, today: date, dates_as_text: bool = True) -> pd.DataFrame:
    """Milestones as shown: kind in words, Danish dates and the state (done/overdue/due soon/upcoming) with icon.
    With dates_as_text=False the dates stay dates (for downloads)."""
    t, lang = ctx.t, ctx.lang
    states = milestone_states(milestones, today)

    def day(v: object) -> object:
        if v is None or pd.isna(v):
            return "–" if dates_as_text else None
        return i18n.day(pd.Timestamp(v).date(), lang) if dates_as_text else pd.Timestamp(v).date()

    return pd.DataFrame({
        t("ov.col.milestone"): milestones["kind"].map(lambda k: labels.milestone_kind(k, lang)),
        t("ov.col.due"): milestones["due"].map(day),
        t("ov.col.done"): milestones["done"].map(day),
        t("ov.col.state"): states.map(lambda s: f"{labels.milestone_icon(s)} {labels.milestone_state(s, lang)}"),
        t("ov.col.note"): milestones["note"].fillna(""),
    })


def region_rank(rank: pd.DataFrame, code: int) -> dict[str, tuple[int, int]] | None:
    """The municipality's place among the computable ones: by reduction (highest first) and per capita (lowest first)."""
    if code not in set(rank["code"]):
        return None
    by_reduction = rank.sort_values("reduction", ascending=False, ignore_index=True)
    out = {"reduction": (int(by_reduction.index[by_reduction["code"] == code][0]) + 1, len(rank))}
    pc = rank.dropna(subset=["per_capita"]).sort_values("per_capita", ignore_index=True)
    if code in set(pc["code"]):
        out["per_capita"] = (int(pc.index[pc["code"] == code][0]) + 1, len(pc))
    return out


def peer_group(munis: pd.DataFrame, area: str, anchor: int | None = None, size: int = 4) -> list[int]:
    """A sensible default comparison: the anchor (default: the area's most populous municipality) and the
    municipalities of its area (its region when an anchor is given) closest to it in population."""
    if anchor is not None and anchor in set(munis["code"]):
        region = munis.loc[munis["code"] == anchor, "region"].iloc[0]
        pool = munis[munis["region"] == region]
    else:
        pool = munis[munis["code"].isin(queries.area_codes(munis, area))]
        anchor = int(pool.sort_values("population", ascending=False)["code"].iloc[0])
    pop = float(pool.loc[pool["code"] == anchor, "population"].iloc[0])
    others = pool[pool["code"] != anchor].assign(distance=lambda d: (d["population"] - pop).abs())
    return [anchor, *others.sort_values(["distance", "code"])["code"].astype(int).head(size - 1).tolist()]


def comparison_download(ctx: Context, metrics: pd.DataFrame) -> pd.DataFrame:
    """The Sammenlign table for download: the same rows with numbers as numbers (reduction in %)."""
    from dk2020dash.views.sentences import verdict_label

    t = ctx.t
    ok = metrics["verdict"].map(lambda v: isinstance(v, str))
    return pd.DataFrame({
        t("ov.col.municipality"): metrics["name"],
        t("ov.col.verdict"): [verdict_label(v, ctx.lang) if good else None for v, good in zip(metrics["verdict"], ok)],
        t("ov.col.reduction"): pd.to_numeric(metrics["reduction"], errors="coerce") * 100,
        t("ov.col.per_capita"): pd.to_numeric(metrics["per_capita"], errors="coerce"),
        t("ov.col.manko"): pd.to_numeric(metrics["manko"], errors="coerce"),
        t("ov.col.latest_year"): pd.to_numeric(metrics["latest_year"], errors="coerce").astype("Int64"),
        t("ov.col.lag"): pd.to_numeric(metrics["data_lag"], errors="coerce").astype("Int64"),
        t("cmp.col.note"): metrics["why"].fillna(""),
    })


def comparison_table(ctx: Context, metrics: pd.DataFrame) -> pd.DataFrame:
    """The Sammenlign table as shown: verdict as icon and word, numbers in the page language, per capita
    marked approximate where the population is, and why a municipality cannot be computed."""
    from dk2020dash.views.sentences import verdict_label

    t, lang = ctx.t, ctx.lang
    approx = t("approx")

    def capita(r: object) -> str:
        text = i18n.number(r.per_capita, lang, 1)
        return f"{approx} {text}" if r.population_approx and text != "–" else text

    rows = []
    for r in metrics.itertuples():
        ok = isinstance(r.verdict, str)
        rows.append({
            t("cmp.col.municipality"): r.name,
            t("cmp.col.verdict"): verdict_label(r.verdict, lang) if ok else "–",
            t("cmp.col.reduction"): i18n.percent(r.reduction, lang) if ok else "–",
            t("cmp.col.per_capita"): capita(r) if ok else "–",
            t("cmp.col.manko"): i18n.tonnes(r.manko, lang) if ok else "–",
            t("cmp.col.latest_year"): str(int(r.latest_year)) if ok else "–",
            t("cmp.col.lag"): t("years", count=int(r.data_lag)) if ok else "–",
            t("cmp.col.note"): "" if ok else r.why,
        })
    return pd.DataFrame(rows)


GAPS_SHOWN = 15  # the table below the list has every municipality


def year_text(year: object) -> str:
    return "–" if year is None or pd.isna(year) else str(int(year))


def file_slug(text: str) -> str:
    """A file-name part from a label: Region Sjælland -> region-sjaelland."""
    import re

    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "data"


def year_ranges(years: list[int]) -> str:
    """1990, 2012–2014, 2020: metrics' one definition (also in the reasons a figure cannot be computed)."""
    from dk2020dash.metrics.mitigation import year_ranges

    return year_ranges(years)


def _sector_labels(codes: list[str], lang: str) -> str:
    return ", ".join(sector_label(c, lang) for c in codes)


def _when(value: object, lang: str) -> str:
    if value is None or pd.isna(value):
        return "–"
    ts = pd.Timestamp(value)
    return f"{i18n.day(ts.date(), lang)} {ts.strftime('%H:%M')}"


def quality_summary(dq: pd.DataFrame) -> dict[str, float | int]:
    """Counts for the Datakvalitet page: complete municipalities, ones with gaps, ones with no inventory,
    and the share of estimated values over all rows."""
    has_data = dq["rows"] > 0
    gaps = has_data & ((dq["missing_years"].map(len) > 0) | (dq["missing_cells"] > 0))
    rows = int(dq["rows"].sum())
    estimated = float((dq["estimated_share"].fillna(0) * dq["rows"]).sum() / rows) if rows else float("nan")
    return {"municipalities": len(dq), "complete": int((has_data & ~gaps).sum()), "gaps": int(gaps.sum()),
            "no_inventory": int((~has_data).sum()), "estimated_share": estimated}


def quality_gaps(ctx: Context, dq: pd.DataFrame) -> list[str]:
    """One sentence per municipality with a gap: no inventory, missing years, missing sectors."""
    lines = []
    for row in dq.itertuples():
        if row.rows == 0:
            lines.append(ctx.t("dq.gap.no_inventory", name=i18n.literal(row.name)))
            continue
        if row.missing_years:
            lines.append(ctx.t("dq.gap.years", name=i18n.literal(row.name), years=year_ranges(row.missing_years)))
        if row.missing_cells:
            lines.append(ctx.t("dq.gap.sectors", name=i18n.literal(row.name),
                               sectors=_sector_labels(row.missing_sectors, ctx.lang), count=row.missing_cells))
    return lines


def quality_frames(ctx: Context, dq: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The per-municipality table with translated headers: (shown, with formatted numbers; download, with
    the estimated share as a number 0–1)."""
    t = ctx.t
    none = t("dq.none")
    download = pd.DataFrame({
        t("dq.col.code"): dq["municipality"],
        t("dq.col.municipality"): dq["name"],
        t("dq.col.region"): dq["region"],
        t("dq.col.latest_year"): dq["latest_year"],
        t("dq.col.years"): dq["years"],
        t("dq.col.missing_years"): [none if r == 0 else year_ranges(y) for r, y in zip(dq["rows"], dq["missing_years"])],
        t("dq.col.missing_sectors"): dq["missing_sectors"].map(lambda c: _sector_labels(c, ctx.lang)),
        t("dq.col.estimated"): dq["estimated_share"],
        t("dq.col.edition"): dq["edition_name"].fillna("–"),
        t("dq.col.editions"): dq["editions"].map("; ".join),
        t("dq.col.loaded_at"): dq["loaded_at"].map(lambda v: _when(v, ctx.lang)),
        t("dq.col.loaded_by"): dq["loaded_by"].fillna("–"),
    })
    shown = download.copy()
    shown[t("dq.col.latest_year")] = dq["latest_year"].map(lambda y: "–" if pd.isna(y) else str(int(y))).to_numpy()
    shown[t("dq.col.estimated")] = dq["estimated_share"].map(
        lambda s: i18n.percent(None if pd.isna(s) else float(s), ctx.lang, 1)).to_numpy()
    return shown, download


def last_imports_frame(ctx: Context, loads: pd.DataFrame) -> pd.DataFrame:
    """Every kind of data with when it was last loaded and by whom ('aldrig indlæst' when never)."""
    t = ctx.t
    by_kind = {r.kind: r for r in loads.itertuples()}
    rows = []
    for kind in queries.DATA_KINDS:
        r = by_kind.get(kind)
        rows.append({
            t("dq.col.kind"): t(f"dq.kind.{kind}"),
            t("dq.col.when"): t("dq.never") if r is None else _when(r.logged_at, ctx.lang),
            t("dq.col.who"): "" if r is None else r.who,
            t("dq.col.file"): "" if r is None or pd.isna(r.file_name) else r.file_name,
            t("dq.col.outcome"): "" if r is None else t(f"dq.outcome.{r.outcome}"),
        })
    return pd.DataFrame(rows)


def import_log_frame(ctx: Context, log: pd.DataFrame) -> pd.DataFrame:
    t = ctx.t
    return pd.DataFrame({
        t("dq.col.id"): log["id"],
        t("dq.col.when"): log["logged_at"].map(lambda v: _when(v, ctx.lang)),
        t("dq.col.who"): log["who"],
        t("dq.col.kind"): log["kind"].map(lambda k: t(f"dq.kind.{k}") if f"dq.kind.{k}" in i18n.STRINGS else k),
        t("dq.col.file"): log["file_name"],
        t("dq.col.rows"): log["rows"],
        t("dq.col.outcome"): log["outcome"].map(lambda o: t(f"dq.outcome.{o}")),
        t("dq.col.message"): log["message"],
        t("dq.col.sha256"): log["sha256"],
    })


def editions_frame(ctx: Context, editions: pd.DataFrame) -> pd.DataFrame:
    t = ctx.t
    yes, no = t("dq.yes"), t("dq.no")
    return pd.DataFrame({
        t("dq.col.name"): editions["name"],
        t("dq.col.source"): editions["source"],
        t("dq.col.published"): editions["published"].map(
            lambda d: "–" if pd.isna(d) else i18n.day(pd.Timestamp(d).date(), ctx.lang)),
        t("dq.col.demo"): editions["is_demo"].map(lambda b: yes if b else no),
        t("dq.col.rows"): editions["rows"],
        t("dq.col.first_year"): editions["first_year"],
        t("dq.col.last_year"): editions["last_year"],
        t("dq.col.newest_for"): editions["newest_for"],
        t("dq.col.withdrawn"): editions["withdrawn_at"].map(
            lambda d: "–" if pd.isna(d) else i18n.day(pd.Timestamp(d).date(), ctx.lang)),
    })


def restore_contents_frame(ctx: Context, rows: dict[str, int], now: dict[str, int] | None) -> pd.DataFrame:
    """Rows per table in a backup beside the rows the database holds now (None: a damaged one, shown as –), each
    table with what it holds."""
    from dk2020dash.exports.tables import TABLE_DOCS

    i = 1 if ctx.lang == "en" else 0
    return pd.DataFrame({
        ctx.t("exp.restore.col.table"): list(rows),
        ctx.t("exp.restore.col.holds"): [TABLE_DOCS[table][i] for table in rows],
        ctx.t("exp.restore.col.backup"): [i18n.number(n, ctx.lang) for n in rows.values()],
        ctx.t("exp.restore.col.now"): [i18n.number(None if now is None else now.get(table, 0), ctx.lang)
                                       for table in rows],
    })


def import_headlines_frame(ctx: Context, heads: pd.DataFrame, edition_names: dict[int, str]) -> pd.DataFrame:
    """The inventory preview's per-municipality figures before -> after with translated headers (numbers stay
    numbers, for sorting and downloads); edition -1 is the new edition."""
    t = ctx.t
    before, after = t("imp.head.before"), t("imp.head.after")

    def edition(v: object) -> str:
        if v is None or pd.isna(v):
            return "–"
        return t("imp.head.new_edition") if int(v) == -1 else edition_names.get(int(v), str(int(v)))

    def whole(v: object) -> object:
        return None if v is None or pd.isna(v) else int(v)

    return pd.DataFrame({
        t("imp.col.municipality"): heads["municipality"],
        t("imp.col.name"): heads["name"],
        f"{t('imp.head.edition')} ({before})": heads["edition_before"].map(edition),
        f"{t('imp.head.edition')} ({after})": heads["edition_after"].map(edition),
        f"{t('imp.head.years')} ({before})": heads["years_before"].map(whole),
        f"{t('imp.head.years')} ({after})": heads["years_after"].map(whole),
        f"{t('imp.head.latest_year')} ({before})": heads["latest_year_before"].map(whole),
        f"{t('imp.head.latest_year')} ({after})": heads["latest_year_after"].map(whole),
        f"{t('imp.head.latest_t')} ({before})": heads["latest_t_before"],
        f"{t('imp.head.latest_t')} ({after})": heads["latest_t_after"],
        t("imp.head.baseline_year"): heads["baseline_year"],
        f"{t('imp.head.baseline_t')} ({before})": heads["baseline_t_before"],
        f"{t('imp.head.baseline_t')} ({after})": heads["baseline_t_after"],
    })
