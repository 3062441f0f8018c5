"""Loaders cached on the data version: `cached` turns any queries.py function into one, so an import shows on
the next run; plus the assessments and chart specs pages build from them."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

import pandas as pd
import streamlit as st

from dk2020dash import figures, queries
from dk2020dash.db import open_store
from dk2020dash.db.store import Store
from dk2020dash.domain import DENMARK
from dk2020dash.errors import Refusal
from dk2020dash.metrics.bridge import Bridge
from dk2020dash.metrics.mitigation import (
    MunicipalityInputs,
    Progress,
    Unavailable,
    assess_municipality,
    lacking_text,
)
from dk2020dash.metrics.mitigation import assess as assess_codes
from dk2020dash.ui.context import Context

__all__ = [
    "T", "TABLE_ROWS", "activity_counts", "assess", "assess_each", "bridge_spec", "cached", "first_rows_note",
    "load_action_status_counts", "load_action_totals", "load_actions", "load_actions_filtered", "load_boundaries",
    "load_chart_specs", "load_compare_specs", "load_data_quality", "load_demo_kinds", "load_editions",
    "load_estimated_share", "load_import_log", "load_inputs", "load_last_imports", "load_map", "load_map_list",
    "load_milestone_dates", "load_milestones", "load_municipalities", "load_municipality_editions",
    "load_newest_edition", "load_open_milestones", "load_plans", "municipality_metrics", "municipality_name",
    "ranking", "reason_text", "selection_bridge", "unavailable_text"
]

T = TypeVar("T")


def cached(query: Callable[..., T], max_entries: int = 16) -> Callable[..., T]:
    """A loader for a queries.py function: load(ctx, *args) runs query(store, *args) once per database, data
    version and arguments (lists count as tuples). Each loader has a cache of its own (its name is the query's)."""
    def run(path: str, version: str, key: str, _args: tuple) -> T:
        store = open_store(path)
        with store.snapshot(version):  # made from that version's data or not at all (DataMoved: ui.shell reruns)
            return query(store, *_args)

    run.__qualname__ = run.__name__ = f"cached_{query.__name__}"  # Streamlit keys a function's cache on its name
    run_cached = st.cache_data(show_spinner=False, max_entries=max_entries)(run)

    def cached_run(path: str, version: str, *args: object) -> T:
        # Keyed on the arguments' repr (codes, ids, dates): Streamlit hashing a list of 98 codes item by item was a
        # tenth of a warm Overblik run. (_args is not hashed: the leading underscore.)
        args = tuple(tuple(a) if isinstance(a, list) else a for a in args)
        return run_cached(path, version, repr(args), args)

    def load(ctx: Context, *args: object) -> T:
        return cached_run(ctx.store.target, ctx.version, *args)

    load.__doc__ = f"queries.{query.__name__}, cached on the data version."
    load.cached = cached_run  # (path, version, *args), for cached builders that take no Context
    return load


def _newest_edition(store: Store) -> dict | None:
    df = queries.newest_edition(store)
    return None if df.empty else df.iloc[0].to_dict()


load_demo_kinds = cached(queries.demo_kinds, 8)
load_municipalities = cached(queries.municipalities, 8)
load_inputs: Callable[[Context], dict[int, MunicipalityInputs]] = cached(figures.municipality_inputs, 8)
load_newest_edition = cached(_newest_edition, 8)
load_plans = cached(queries.plans, 8)
load_actions = cached(queries.actions, 32)
load_milestones = cached(queries.milestones, 32)
load_estimated_share = cached(queries.estimated_share, 32)
load_municipality_editions = cached(queries.municipality_editions, 32)
load_data_quality = cached(queries.data_quality)
load_last_imports = cached(queries.last_imports, 8)
load_import_log = cached(queries.import_log, 8)
load_editions = cached(queries.editions, 8)
# Large areas (bench/scale.py): totals and first rows from the database instead of every row of Denmark.
load_action_totals = cached(queries.action_totals, 32)
load_actions_filtered = cached(queries.actions_filtered, 32)
load_action_status_counts = cached(queries.action_status_counts, 32)
load_milestone_dates = cached(queries.milestone_dates, 32)
load_open_milestones = cached(queries.open_milestones, 32)
TABLE_ROWS = 500  # rows a page shows of a long list (the download has them all)


def first_rows_note(ctx: Context, n: int, downloads: bool = True) -> None:
    """Under a list's heading when it has more rows than a page shows: the first TABLE_ROWS of how many, and
    (downloads) that the download has them all."""
    from dk2020dash import i18n

    if n > TABLE_ROWS:
        st.caption(ctx.t("table.first" if downloads else "table.first.plain", shown=i18n.number(TABLE_ROWS, ctx.lang),
                         count=n))


def activity_counts(ctx: Context, codes: list[int], today: date) -> tuple[dict[str, int], int]:
    """Actions per status (every status, zero where none) and the number of overdue milestones of the municipalities:
    the figures of the activity KPI cards, counted in the database."""
    from dk2020dash.domain import ACTION_STATUSES
    from dk2020dash.metrics.followup import milestone_state

    by_status = load_action_status_counts(ctx, codes)
    counts = dict(zip(by_status["status"], by_status["n"]))
    dates = load_milestone_dates(ctx, codes)
    overdue = sum(int(n) for due, done, n in zip(dates["due"], dates["done"], dates["n"])
                  if milestone_state(pd.Timestamp(due).date(), None if pd.isna(done) else done, today) == "overdue")
    return {s: int(counts.get(s, 0)) for s in ACTION_STATUSES}, overdue


# Derived values (assessments, the ranking, the metrics frame, chart specs and decks) are kept with
# st.cache_resource: one shared object per data version and arguments, not a copy unpickled on every run (which
# for the inputs of all 98 municipalities was a tenth of a warm run). Callers only read them.
@st.cache_resource(show_spinner=False, max_entries=64)
def _assessment(path: str, version: str, codes: tuple[int, ...], today: date,
                edition: int | None) -> Progress | Unavailable:
    inputs = load_inputs.cached(path, version) if edition is None else load_inputs.cached(path, version, edition)
    return assess_codes(inputs, codes, today)


def assess(ctx: Context, codes: list[int] | None = None, today: date | None = None,
           edition: int | None = None) -> Progress | Unavailable:
    """metrics' assessment of the given municipalities (default: the chosen area), each from its newest
    edition unless one is given. Made once per data version and arguments (shared: read it, do not change it)."""
    if codes is None:
        codes = queries.area_codes(load_municipalities(ctx), ctx.area)
    return _assessment(ctx.store.target, ctx.version, tuple(int(c) for c in codes), today or date.today(), edition)


def reason_text(ctx: Context, result: Unavailable) -> str:
    """Why it cannot be computed, in the page language; municipalities by name where the reason lists them."""
    detail = result.detail
    if result.lacking:
        detail = lacking_text(result.lacking, lambda code: municipality_name(ctx, code))
    return ctx.t(f"unavailable.{result.reason}", detail=detail)


def unavailable_text(ctx: Context, result: Unavailable) -> str:
    return ctx.t("cannot_compute", reason=reason_text(ctx, result))


def municipality_name(ctx: Context, code: int) -> str:
    munis = load_municipalities(ctx)
    return str(munis.loc[munis["code"] == code, "name"].iloc[0])


def ranking(ctx: Context, codes: list[int], today: date) -> tuple[pd.DataFrame, dict[int, Unavailable]]:
    """Each municipality's metrics/ figures for the ranking table (best reduction first), and those that
    cannot be computed with the reason. Made once per data version, language and arguments (shared: read only)."""
    return _ranking(ctx.store.target, ctx.version, ctx.lang, tuple(int(c) for c in codes), today)


@st.cache_resource(show_spinner=False, max_entries=32)
def _ranking(path: str, version: str, lang: str, codes: tuple[int, ...],
             today: date) -> tuple[pd.DataFrame, dict[int, Unavailable]]:
    from dk2020dash.views.sentences import verdict_label

    ctx = Context(lang=lang, area=DENMARK, store=open_store(path), version=version)
    munis = load_municipalities(ctx).set_index("code")
    inputs = load_inputs(ctx)
    rows, excluded = [], {}
    for code in codes:
        p = assess_municipality(inputs[code], today)
        if isinstance(p, Unavailable):
            excluded[code] = p
            continue
        rows.append({"code": code, "name": munis.loc[code, "name"], "region": munis.loc[code, "region"],
                     "verdict": p.verdict.value, "verdict_label": verdict_label(p.verdict, ctx.lang),
                     "reduction": p.reduction, "per_capita": p.per_capita, "manko": p.manko,
                     "latest_year": p.latest_year, "data_lag": p.data_lag})
    cols = ["code", "name", "region", "verdict", "verdict_label", "reduction", "per_capita", "manko", "latest_year",
            "data_lag"]
    df = pd.DataFrame(rows, columns=cols).sort_values("reduction", ascending=False, ignore_index=True)
    return df, excluded


def _pinned(build: Callable[..., T]) -> Callable[..., T]:
    """build(path, version, ...) reading only that version's data (Store.snapshot), for builders cached on it."""
    import functools

    @functools.wraps(build)
    def run(path: str, version: str, *args: object, **kwargs: object) -> T:
        with open_store(path).snapshot(version):
            return build(path, version, *args, **kwargs)
    return run


@st.cache_resource(show_spinner=False, max_entries=64)
@_pinned
def _chart_specs(path: str, version: str, codes: tuple[int, ...], lang: str, today: date,
                 adopted: tuple[int, float] | None, edition: int | None = None) -> dict[str, dict]:
    """The Vega-Lite specs of an assessment's charts, built once per data version (Altair's building and
    validation is the slowest part of a warm page run); under "alt" each chart's text alternative."""
    from dk2020dash.views import alternatives, charts

    store = open_store(path)
    inputs = load_inputs.cached(path, version) if edition is None else load_inputs.cached(path, version, edition)
    p = assess_codes(inputs, codes, today)
    # The assessment's members (else all with an inventory), at the years every one of them has: the bars show the
    # latest of those years, which for an area can be older than its newest members' latest year.
    by_sector = queries.emissions_by_sector(store, tuple(p.members) if p else codes, edition)
    specs: dict = {"alt": {}}
    if not by_sector.empty:
        specs["sector_bars"] = charts.sector_bars(by_sector, lang).to_dict()
        specs["sector_area"] = charts.sector_area(by_sector, lang).to_dict()
        specs["alt"]["sector_bars"] = alternatives.sector_bars(by_sector, lang)
        specs["alt"]["sector_area"] = alternatives.sector_area(by_sector, lang)
    if p:
        scenarios = queries.scenarios(store, tuple(p.members))
        specs["trajectory"] = charts.trajectory(p, lang, scenarios, adopted).to_dict()
        specs["bridge"] = charts.reduction_bridge(p.bridge, lang).to_dict()
        specs["alt"]["trajectory"] = alternatives.trajectory(p, lang, scenarios)
        specs["alt"]["bridge"] = alternatives.bridge(p.bridge, lang)
    return specs


def load_chart_specs(ctx: Context, codes: list[int], today: date,
                     adopted: tuple[int, float] | None = None, edition: int | None = None) -> dict[str, dict]:
    """trajectory, sector_bars, sector_area and bridge specs for the municipalities (those that can be drawn),
    each from its newest edition unless one is given; "alt" holds each one's alternatives.TextAlternative."""
    return _chart_specs(ctx.store.target, ctx.version, tuple(codes), ctx.lang, today, adopted, edition)


def assess_each(ctx: Context, codes: list[int], today: date | None = None) -> dict[int, Progress | Unavailable]:
    """metrics' assessment of each municipality on its own."""
    inputs = load_inputs(ctx)
    today = today or date.today()
    return {c: assess_municipality(inputs[c], today) for c in codes if c in inputs}


def municipality_metrics(ctx: Context, codes: list[int] | None = None, today: date | None = None) -> pd.DataFrame:
    """One row per municipality with metrics' figures (verdict, reduction, per capita, manko, data lag),
    or, where it cannot be computed, `why` in the page language. Numbers stay numbers; formatting is the
    caller's. Made once per data version, language and arguments (shared: read only, copy to change)."""
    return _metrics(ctx.store.target, ctx.version, ctx.lang, None if codes is None else tuple(codes),
                    today or date.today())


@st.cache_resource(show_spinner=False, max_entries=32)
def _metrics(path: str, version: str, lang: str, codes: tuple[int, ...] | None, today: date) -> pd.DataFrame:
    ctx = Context(lang=lang, area=DENMARK, store=open_store(path), version=version)
    munis = load_municipalities(ctx)
    if codes is not None:
        munis = munis[munis["code"].isin(codes)]
    results = assess_each(ctx, munis["code"].astype(int).tolist(), today)
    rows = []
    for m in munis.itertuples():
        r = results.get(int(m.code))
        row = {"code": int(m.code), "name": m.name, "region": m.region, "label_lat": m.label_lat,
               "label_lon": m.label_lon, "area_km2": m.area_km2, "population": m.population,
               "verdict": None, "reduction": None, "per_capita": None, "population_approx": bool(m.population_approx),
               "manko": None, "latest_year": None, "data_lag": None, "why": None}
        if isinstance(r, Progress):
            row.update(verdict=r.verdict.value, reduction=r.reduction, per_capita=r.per_capita,
                       population_approx=r.population_approx, manko=r.manko, latest_year=r.latest_year,
                       data_lag=r.data_lag)
        elif r is not None:
            row["why"] = unavailable_text(ctx, r)
        rows.append(row)
    return pd.DataFrame(rows)


@st.cache_resource(show_spinner=False, max_entries=32)
def _map_list(path: str, version: str, area: str, metric: str, lang: str, today: date):
    from dk2020dash.views import alternatives

    ctx = Context(lang=lang, area=area, store=open_store(path), version=version)
    metrics = municipality_metrics(ctx, queries.area_codes(load_municipalities(ctx), area), today)
    return alternatives.verdict_list(metrics, lang, metric)


def load_map_list(ctx: Context, metric: str, today: date | None = None):
    """The Kort map as words (alternatives.verdict_list): the area's municipalities by verdict, with the value of
    the metric the map is coloured by, and its sentence; built once per data version, area, metric and language."""
    return _map_list(ctx.store.target, ctx.version, ctx.area, metric, ctx.lang, today or date.today())


@st.cache_resource(show_spinner=False, max_entries=32)
def _compare_specs(path: str, version: str, chosen: tuple[int, ...], lang: str, today: date) -> dict[str, dict]:
    """Sammenlign's two Vega-Lite specs, built once per data version and choice (Altair's building and
    validation is most of the page's run time); under "alt" their text alternatives."""
    from dk2020dash.views import alternatives, charts

    ctx = Context(lang=lang, area=DENMARK, store=open_store(path), version=version)
    metrics = municipality_metrics(ctx, today=today)
    name_of = dict(zip(metrics["code"], metrics["name"]))
    progresses = {name_of[c]: p for c, p in assess_each(ctx, list(chosen), today).items() if isinstance(p, Progress)}
    specs: dict = {"scatter": charts.per_capita_scatter(metrics, list(chosen), lang).to_dict(),
                   "alt": {"scatter": alternatives.scatter(metrics, list(chosen), lang)}}
    if progresses:
        specs["index"] = charts.indexed_trajectories(progresses, lang).to_dict()
        specs["alt"]["index"] = alternatives.indexed(progresses, lang)
    return specs


@st.cache_resource(show_spinner=False, max_entries=64)
@_pinned
def _selection_bridge(path: str, version: str, codes: tuple[int, ...], today: date, *filters: object) -> Bridge | None:
    store = open_store(path)
    inputs = load_inputs.cached(path, version)
    return figures.selection_bridge(store, inputs, _assessment(path, version, codes, today, None), codes, *filters)


def selection_bridge(ctx: Context, codes: list[int], today: date, sectors=(), statuses=(), kind: str | None = None,
                     stale_since=None, search: str = "") -> Bridge | None:
    """figures.selection_bridge (the one bridge of DESIGN.md §4 B) of the actions that pass Indsatser's filters, once
    per data version and filters (shared: read only)."""
    return _selection_bridge(ctx.store.target, ctx.version, tuple(int(c) for c in codes), today, tuple(sectors),
                             tuple(statuses), kind, stale_since, search or "")


@st.cache_resource(show_spinner=False, max_entries=64)
def _bridge_spec(key: str, lang: str, _bridge: object) -> dict:
    from dk2020dash.views import charts

    return charts.reduction_bridge(_bridge, lang).to_dict()


def bridge_spec(bridge: object, lang: str) -> dict:
    """charts.reduction_bridge's Vega-Lite spec of a progress.Bridge, built once per bridge and language (Altair's
    building and validation was a fifth of a warm Indsatser run). Shared: read only."""
    return _bridge_spec(repr(bridge), lang, bridge)


def load_compare_specs(ctx: Context, chosen: list[int], today: date | None = None) -> dict[str, dict]:
    """"index" (trajectories indexed to the baseline, when any chosen can be computed) and "scatter"; "alt" holds
    each one's alternatives.TextAlternative."""
    return _compare_specs(ctx.store.target, ctx.version, tuple(chosen), ctx.lang, today or date.today())


@st.cache_resource(show_spinner=False, max_entries=4)  # shared, not copied per run: callers only read it
def _boundaries(path: str, mtime: float, codes: tuple[int, ...]) -> dict:
    from dk2020dash.views import maps

    try:
        return {"features": maps.read_boundaries(path, set(codes)), "error": None}
    except maps.BoundaryError as exc:
        return {"features": {}, "error": exc}


def load_boundaries(ctx: Context) -> tuple[str | None, dict, Refusal | None]:
    """The boundary file to draw, the shipped data/kommuner.geojson unless DK2020_BOUNDARIES names another:
    (its path or None, features by code, the maps.BoundaryError why it cannot be used or None). Cached on the
    file's path and modification time."""
    import os

    from dk2020dash.views import maps

    path, _named = maps.boundaries_path()
    if not path:
        return None, {}, None
    try:
        mtime = os.path.getmtime(path)
    except OSError:
        return path, {}, maps.BoundaryError("missing", path, path)
    codes = tuple(load_municipalities(ctx)["code"].astype(int))
    got = _boundaries(path, mtime, codes)
    return path, got["features"], got["error"]


def _frozen(deck: object) -> object:
    """A pydeck Deck whose JSON is made once: st.pydeck_chart calls to_json() on every run, which for the
    boundaries' polygons was over half of a warm Kort run. Table data as records first, as Streamlit does."""
    for layer in getattr(deck, "layers", None) or []:
        if isinstance(getattr(layer, "data", None), pd.DataFrame):
            layer.data = layer.data.to_dict(orient="records")
    text = deck.to_json()
    deck.to_json = lambda: text
    return deck


@st.cache_resource(show_spinner=False, max_entries=32)
def _map(path: str, version: str, lang: str, metric: str, area: str, today: date,
         boundary_file: str | None, boundary_mtime: float | None) -> dict:
    """The Kort page's decks, legend and label spots, built once per data version, language, metric, area and
    boundary file (see load_map); shared by the sessions, which only read them."""
    from dk2020dash.views import maps

    ctx = Context(lang=lang, area=area, store=open_store(path), version=version)
    metrics = municipality_metrics(ctx, today=today)
    features = {}
    if boundary_file is not None and boundary_mtime is not None:
        features = _boundaries(boundary_file, boundary_mtime, tuple(load_municipalities(ctx)["code"].astype(int)))["features"]
    codes = queries.area_codes(load_municipalities(ctx), area)
    deck, legend, spots = maps.map_deck(metrics, metric, lang, features, focus=codes,
                                    view=maps.view_for(metrics[metrics["code"].isin(codes)]))
    crowded = [code for code, spot in spots.items() if spot is None]
    inset = maps.inset_codes(metrics)
    inset_deck, inset_spots = None, {}
    if set(crowded) & set(inset):
        inset_deck, _, inset_spots = maps.map_deck(
            metrics, metric, lang, features, size=maps.INSET_PX, focus=inset, circles=maps.INSET_CIRCLES,
            view=maps.view_for(metrics[metrics["code"].isin(inset)], *maps.INSET_PX, pad=maps.INSET_PAD))
        inset_deck = _frozen(inset_deck)
    return {"metrics": metrics, "area_codes": codes, "deck": _frozen(deck), "legend": legend, "spots": spots,
            "crowded": crowded, "inset_deck": inset_deck, "inset_spots": inset_spots}


def load_map(ctx: Context, metric: str, today: date | None = None) -> dict:
    """What the Kort page draws for a metric: "metrics" (municipality_metrics), "area_codes", "deck", "legend",
    "spots" and "crowded" (names without room), and "inset_deck"/"inset_spots" for the capital area when names
    there had no room (else None/{}). The boundaries are load_boundaries'. Read-only: shared by all sessions."""
    import os

    path, _features, error = load_boundaries(ctx)
    mtime = None
    if path and not error:
        try:
            mtime = os.path.getmtime(path)
        except OSError:
            path = None
    return _map(ctx.store.target, ctx.version, ctx.lang, metric, ctx.area, today or date.today(),
                path if mtime is not None else None, mtime)
