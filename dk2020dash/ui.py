"""Streamlit helpers shared by pages: the store, cached loaders keyed on the data version, sidebar and banners."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st
from streamlit.navigation.page import StreamlitPage

from . import i18n, queries
from .demo import fill_demo
from .domain import DENMARK, REGIONS
from .progress import MunicipalityInputs, Progress, Unavailable, assess_area, assess_municipality, lacking_text
from .store import Store, StoreDamaged, StoreError, StoreLocked, db_path, open_or_create

AREAS: tuple[str, ...] = (DENMARK, *REGIONS)

# (file, title key, URL path, icon), grouped as they appear in the sidebar menu.
PAGES: dict[str, list[tuple[str, str, str, str]]] = {
    "nav.group.results": [("pages/overblik.py", "nav.overview", "overblik", ":material/dashboard:"),
                          ("pages/kommune.py", "nav.municipality", "kommune", ":material/location_city:"),
                          ("pages/sammenlign.py", "nav.compare", "sammenlign", ":material/compare_arrows:"),
                          ("pages/kort.py", "nav.map", "kort", ":material/map:")],
    "nav.group.about": [("pages/metode.py", "nav.method", "metode", ":material/menu_book:"),
                        ("pages/datakvalitet.py", "nav.quality", "datakvalitet", ":material/fact_check:"),
                        ("pages/data.py", "nav.data", "data", ":material/upload_file:")],
}


@dataclass(frozen=True)
class Context:
    """What every page needs: language, chosen area, the store and its data key.

    `version` is what every cached loader keys on: Store.data_key(), the database id and the data version, which
    never repeats for different contents (init --force and restore start a new id). `damaged` is set only on a page
    that asked to run without a database (the Data page, to restore one): the store's error, and no data."""

    lang: str
    area: str
    store: Store
    version: str | int
    damaged: str | None = None

    def t(self, key: str, **values: object) -> str:
        return i18n.t(key, self.lang, **values)


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    return open_or_create(path, fill_demo)


def get_store() -> Store:
    """The app's store; a fresh checkout gets the demo database on first use."""
    return _store(str(db_path()))


def area_label(area: str, lang: str) -> str:
    return i18n.t("area.DK", lang) if area == DENMARK else i18n.t("area.region", lang, name=area)


LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}  # also what ?lang= holds in the URL


def sidebar() -> tuple[str, str]:
    """Language and area choices, kept in the URL so a link reproduces the view.

    Bound widgets store their shown label in the URL (?lang=English&area=Region+Sjælland); region labels
    are the same in both languages, and the defaults (Dansk, Danmark) leave the URL clean.
    """
    with st.sidebar:
        lang = st.segmented_control(
            "Sprog / Language", i18n.LANGUAGES, default=i18n.DEFAULT_LANGUAGE, required=True,
            format_func=LANGUAGE_NAMES.get, key="lang", bind="query-params",
        ) or i18n.DEFAULT_LANGUAGE
        area = st.selectbox(
            i18n.t("sidebar.area", lang), AREAS, format_func=lambda a: area_label(a, lang),
            key="area", bind="query-params",
        ) or DENMARK
    return lang, area


def context(lang: str, area: str, allow_damaged: bool = False) -> Context:
    """Open the store and read its data key; on a store problem show why and stop the page. With allow_damaged
    (the Data page) a database file that cannot be opened gives a Context with `damaged` set instead of a stop."""
    try:
        store = get_store()
        version = store.data_key()
    except StoreLocked:
        st.warning(i18n.t("error.locked", lang), icon="⏳")
        st.stop()
    except StoreError as exc:
        _store.clear()
        st.error(i18n.t("error.store", lang, message=str(exc)), icon="🚫")
        if allow_damaged and isinstance(exc, StoreDamaged):
            return Context(lang=lang, area=area, store=Store(db_path()), version="", damaged=str(exc))
        st.stop()
    return Context(lang=lang, area=area, store=store, version=version)


_shell: ContextVar[tuple[str, str] | None] = ContextVar("dk2020_shell", default=None)


def draw_shell() -> tuple[str, str, StreamlitPage]:
    """What app.py does before it runs a page: page config, the sidebar (menu, language, area), st.navigation.

    The language and area widgets belong to the entry script: Streamlit keeps a bound widget's query
    parameter (?lang=, ?area=) across a page change only then. Returns the choices and the page to run."""
    st.set_page_config(page_title="DK2020 Klimaplan-dashboard", page_icon="🌍", layout="wide")
    menu = st.sidebar.container()
    lang, area = sidebar()
    page = navigation(lang)
    with menu:
        page_menu(lang)
    return lang, area, page


def navigation(lang: str) -> StreamlitPage:
    """st.navigation over PAGES (Streamlit's own menu hidden: page_menu draws ours); returns the page to run.

    No icons here: Streamlit makes a page's Material icon the browser tab's icon, fetched from the internet."""
    return st.navigation({
        i18n.t(group, lang): [st.Page(path, title=i18n.t(title, lang), url_path=url)
                              for path, title, url, _icon in pages]
        for group, pages in PAGES.items()
    }, position="hidden")


@contextmanager
def shell(lang: str, area: str) -> Iterator[None]:
    """app.py runs the page inside this, so page_setup() uses the choices app.py's sidebar made."""
    token = _shell.set((lang, area))
    try:
        yield
    finally:
        _shell.reset(token)


def page_setup(allow_damaged: bool = False) -> Context:
    """What every page starts with: the sidebar choices, the store (or a clear message and stop), demo banner.

    A page can run without app.py: until a Streamlit process has run app.py once, it runs a page URL's file
    in pages/ directly (its older pages-folder mode; AppTest does so on every run). Any st.navigation call
    ends that mode for the process. On a session's first run the page then reruns itself through app.py
    with the same URL, so the sidebar's widgets belong to app.py from the start; on later runs (only AppTest
    gets here) it draws the shell itself, keeping the run's widget clicks."""
    choices = _shell.get()
    if choices is None:
        if not st.session_state.get("_shell_seen"):
            st.session_state["_shell_seen"] = True
            page = navigation(i18n.DEFAULT_LANGUAGE)
            st.switch_page(page, query_params={key: st.query_params.get_all(key) for key in st.query_params})
        lang, area, _page = draw_shell()
        choices = lang, area
    st.session_state["_shell_seen"] = True
    ctx = context(*choices, allow_damaged=allow_damaged)
    if ctx.damaged is None:
        demo_banner(ctx)
    return ctx


def page_menu(lang: str) -> None:
    """The page menu. The language and area stay in the URL across a click because their widgets belong to
    the entry script. Streamlit's own menu is hidden (position="hidden" and showSidebarNavigation=false in
    .streamlit/config.toml, which also hides the raw pages/ list before app.py has run)."""
    for group, pages in PAGES.items():
        st.caption(i18n.t(group, lang))
        for path, title, _url, icon in pages:
            st.page_link(path, label=i18n.t(title, lang), icon=icon, width="stretch")


def demo_banner(ctx: Context) -> None:
    """The visible demo label on every page while any demo data is loaded."""
    if load_demo_kinds(ctx):
        st.warning(ctx.t("demo.banner"), icon="⚠️")


# -- cached loaders: keyed on the database path and data version, so an import shows on the next run --

@st.cache_data(show_spinner=False, max_entries=8)
def _demo_kinds(path: str, version: int) -> list[str]:
    return queries.demo_kinds(Store(path))


def load_demo_kinds(ctx: Context) -> list[str]:
    return _demo_kinds(str(ctx.store.path), ctx.version)


@st.cache_data(show_spinner=False, max_entries=8)
def _municipalities(path: str, version: int) -> pd.DataFrame:
    return queries.municipalities(Store(path))


def load_municipalities(ctx: Context) -> pd.DataFrame:
    return _municipalities(str(ctx.store.path), ctx.version)


@st.cache_data(show_spinner=False, max_entries=8)
def _inputs(path: str, version: int) -> dict[int, MunicipalityInputs]:
    return queries.municipality_inputs(Store(path))


def load_inputs(ctx: Context) -> dict[int, MunicipalityInputs]:
    return _inputs(str(ctx.store.path), ctx.version)


def assess(ctx: Context, codes: list[int] | None = None, today: date | None = None) -> Progress | Unavailable:
    """progress.py's assessment of the given municipalities (default: the chosen area)."""
    inputs = load_inputs(ctx)
    if codes is None:
        codes = queries.area_codes(load_municipalities(ctx), ctx.area)
    today = today or date.today()
    if len(codes) == 1:
        return assess_municipality(inputs[codes[0]], today)
    return assess_area([inputs[c] for c in codes], today)


def reason_text(ctx: Context, result: Unavailable) -> str:
    """Why it cannot be computed, in the page language; municipalities by name where the reason lists them."""
    detail = result.detail
    if result.lacking:
        detail = lacking_text(result.lacking, lambda code: municipality_name(ctx, code))
    return ctx.t(f"unavailable.{result.reason}", detail=detail)


def unavailable_text(ctx: Context, result: Unavailable) -> str:
    return ctx.t("cannot_compute", reason=reason_text(ctx, result))


@st.cache_data(show_spinner=False, max_entries=8)
def _newest_edition(path: str, version: int) -> dict | None:
    df = queries.newest_edition(Store(path))
    return None if df.empty else df.iloc[0].to_dict()


def load_newest_edition(ctx: Context) -> dict | None:
    return _newest_edition(str(ctx.store.path), ctx.version)


# -- views (Overblik, Kommune, Sammenlign, Kort) -----------------------------------------------------

# Overblik and Kommune

@st.cache_data(show_spinner=False, max_entries=32)
def _emissions_by_sector(path: str, version: int, codes: tuple[int, ...]) -> pd.DataFrame:
    return queries.emissions_by_sector(Store(path), codes)


def load_emissions_by_sector(ctx: Context, codes: list[int]) -> pd.DataFrame:
    return _emissions_by_sector(str(ctx.store.path), ctx.version, tuple(codes))


@st.cache_data(show_spinner=False, max_entries=32)
def _scenarios(path: str, version: int, codes: tuple[int, ...]) -> pd.DataFrame:
    return queries.scenarios(Store(path), codes)


def load_scenarios(ctx: Context, codes: list[int]) -> pd.DataFrame:
    return _scenarios(str(ctx.store.path), ctx.version, tuple(codes))


@st.cache_data(show_spinner=False, max_entries=8)
def _plans(path: str, version: int) -> pd.DataFrame:
    return queries.plans(Store(path))


def load_plans(ctx: Context) -> pd.DataFrame:
    return _plans(str(ctx.store.path), ctx.version)


@st.cache_data(show_spinner=False, max_entries=32)
def _actions(path: str, version: int, codes: tuple[int, ...]) -> pd.DataFrame:
    return queries.actions(Store(path), codes)


def load_actions(ctx: Context, codes: list[int]) -> pd.DataFrame:
    return _actions(str(ctx.store.path), ctx.version, tuple(codes))


@st.cache_data(show_spinner=False, max_entries=32)
def _milestones(path: str, version: int, codes: tuple[int, ...]) -> pd.DataFrame:
    return queries.milestones(Store(path), codes)


def load_milestones(ctx: Context, codes: list[int]) -> pd.DataFrame:
    return _milestones(str(ctx.store.path), ctx.version, tuple(codes))


@st.cache_data(show_spinner=False, max_entries=32)
def _estimated_share(path: str, version: int, codes: tuple[int, ...]) -> pd.DataFrame:
    return queries.estimated_share(Store(path), codes)


def load_estimated_share(ctx: Context, codes: list[int]) -> pd.DataFrame:
    return _estimated_share(str(ctx.store.path), ctx.version, tuple(codes))


def municipality_name(ctx: Context, code: int) -> str:
    munis = load_municipalities(ctx)
    return str(munis.loc[munis["code"] == code, "name"].iloc[0])


def ranking(ctx: Context, codes: list[int], today: date) -> tuple[pd.DataFrame, dict[int, Unavailable]]:
    """Each municipality's progress.py figures for the ranking table (best reduction first), and those that
    cannot be computed with the reason."""
    from .sentences import verdict_label

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


def open_municipality(code: int, name: str) -> None:
    """Go to the Kommune page for a municipality, keeping the language and area in the URL."""
    # Bound parameters (lang, area) follow their widgets across the switch and cannot be passed here.
    st.session_state["kommune"] = code
    st.switch_page("pages/kommune.py", query_params={"kommune": name})


def selected_code(rank: pd.DataFrame, event: object) -> int | None:
    """The municipality code of the row selected in the ranking table, if any."""
    rows = list(getattr(getattr(event, "selection", None), "rows", None) or [])
    if not rows and isinstance(event, dict):
        rows = list(event.get("selection", {}).get("rows", []))
    return int(rank.iloc[rows[0]]["code"]) if rows and rows[0] < len(rank) else None


def excluded_lines(ctx: Context, excluded: dict[int, Unavailable]) -> list[str]:
    return [ctx.t("ov.excluded.line", name=municipality_name(ctx, code),
                  reason=reason_text(ctx, u)) for code, u in excluded.items()]


def status_counts(actions: pd.DataFrame) -> dict[str, int]:
    """Actions per status, every status present (zero where none)."""
    from .domain import ACTION_STATUSES

    counts = actions["status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in ACTION_STATUSES}


def milestone_states(milestones: pd.DataFrame, today: date) -> pd.Series:
    """progress.milestone_state of every milestone row."""
    from .progress import milestone_state

    def one(r) -> str:
        done = None if pd.isna(r.done) else pd.Timestamp(r.done).date()
        return milestone_state(pd.Timestamp(r.due).date(), done, today)

    return pd.Series([one(r) for r in milestones.itertuples()], index=milestones.index, dtype=object)


def progress_kpis(ctx: Context, p: Progress) -> None:
    """The headline KPI cards of an assessment: latest emissions, reduction, pace, manko, net-zero year."""
    from .domain import TARGET_YEAR
    from .progress import Trend
    from .sentences import since_text, verdict_label, zero_year_text

    lang, t = ctx.lang, ctx.t
    with st.container(horizontal=True, key="kpi-progress"):
        st.metric(t("ov.kpi.latest", year=p.latest_year), i18n.tonnes(p.latest, lang), help=t("ov.kpi.latest.help"),
                  border=True)
        st.metric(t("ov.kpi.reduction", since=since_text(p, lang)), i18n.percent(p.reduction, lang),
                  delta=t("ov.kpi.target", year=TARGET_YEAR, pct=i18n.percent(p.target_reduction_2030, lang)),
                  delta_color="off", delta_arrow="off", border=True)
        pace = "–" if isinstance(p.required_pace, Unavailable) else f"{i18n.tonnes(p.required_pace, lang)}/{t('ov.year_unit')}"
        observed = (t("ov.kpi.observed", value=f"{i18n.tonnes(p.observed_pace, lang)}/{t('ov.year_unit')}")
                    if isinstance(p.trend, Trend) else
                    t("ov.kpi.no_trend", reason=reason_text(ctx, p.trend)))
        st.metric(t("ov.kpi.required_pace", year=TARGET_YEAR), pace, delta=observed, delta_color="off",
                  delta_arrow="off", help=t("ov.kpi.required_pace.help"), border=True)
        st.metric(t("ov.kpi.manko", year=TARGET_YEAR), i18n.tonnes(p.manko, lang),
                  delta=t("ov.kpi.manko.need", value=i18n.tonnes(p.bridge.need, lang)), delta_color="off",
                  delta_arrow="off", help=t("ov.kpi.manko.help"), border=True)
        st.metric(t("ov.kpi.verdict"), verdict_label(p.verdict, lang), border=True)
        st.metric(t("ov.kpi.zero_year"), zero_year_text(p, lang), border=True)


def activity_kpis(ctx: Context, actions: pd.DataFrame, milestones: pd.DataFrame, today: date) -> None:
    """Actions per status and overdue milestones, as bordered KPI cards."""
    t = ctx.t
    with st.container(horizontal=True, key="kpi-activity"):
        with st.container(border=True, key="kpi-actions"):
            st.markdown(f"**{t('ov.kpi.actions')}**")
            with st.container(horizontal=True):
                for status, n in status_counts(actions).items():
                    st.metric(t(f"status.{status}"), i18n.number(n, ctx.lang))
        overdue = int((milestone_states(milestones, today) == "overdue").sum())
        st.metric(t("ov.kpi.overdue"), i18n.number(overdue, ctx.lang), border=True,
                  help=t("ov.kpi.overdue.help", today=i18n.day(today, ctx.lang)))


def verdict_kpis(ctx: Context, p: Progress) -> None:
    """Municipalities per verdict, icon and word on every card."""
    from .sentences import verdict_label

    counts = p.verdict_counts()
    with st.container(border=True, key="kpi-verdicts"):
        st.markdown(f"**{ctx.t('ov.kpi.verdicts')}**")
        with st.container(horizontal=True):
            for v, n in counts.items():
                st.metric(verdict_label(v, ctx.lang), i18n.number(n, ctx.lang))
            if p.excluded:
                st.metric(ctx.t("ov.excluded"), i18n.number(len(p.excluded), ctx.lang))


def sector_label(code: str, lang: str) -> str:
    from .domain import SECTOR_BY_CODE

    s = SECTOR_BY_CODE.get(code)
    return code if s is None else (s.label_en if lang == "en" else s.label_da)


def actions_frame(ctx: Context, actions: pd.DataFrame, today: date, dates_as_text: bool = True) -> pd.DataFrame:
    """Actions as shown: title, sector and status in words, expected 2030 reduction, last update, stale mark.
    With dates_as_text=False the dates stay dates (for downloads: real dates in a spreadsheet)."""
    from .progress import is_stale

    t, lang = ctx.t, ctx.lang
    stale = [is_stale(pd.Timestamp(d).date(), today) for d in actions["last_updated"]]
    return pd.DataFrame({
        t("ov.col.title"): actions["title"],
        t("ov.col.stale"): [t("mun.stale") if s else "" for s in stale],
        t("ov.col.sector"): actions["sector"].map(lambda c: "–" if c is None or pd.isna(c) else sector_label(c, lang)),
        t("ov.col.status"): actions["status"].map(lambda s: t(f"status.{s}")),
        t("ov.col.expected"): actions["expected_2030_t"],
        t("ov.col.responsible"): actions["responsible"].fillna(""),
        t("ov.col.updated"): actions["last_updated"].map(
            lambda d: i18n.day(pd.Timestamp(d).date(), lang) if dates_as_text else pd.Timestamp(d).date()),
    })


def milestones_frame(ctx: Context, milestones: pd.DataFrame, today: date, dates_as_text: bool = True) -> pd.DataFrame:
    """Milestones as shown: kind in words, Danish dates and the state (done/overdue/due soon/upcoming) with icon.
    With dates_as_text=False the dates stay dates (for downloads)."""
    from .sentences import MILESTONE_ICON

    t, lang = ctx.t, ctx.lang
    states = milestone_states(milestones, today)

    def day(v: object) -> object:
        if v is None or pd.isna(v):
            return "–" if dates_as_text else None
        return i18n.day(pd.Timestamp(v).date(), lang) if dates_as_text else pd.Timestamp(v).date()

    return pd.DataFrame({
        t("ov.col.milestone"): milestones["kind"].map(lambda k: t(f"milestone.{k}")),
        t("ov.col.due"): milestones["due"].map(day),
        t("ov.col.done"): milestones["done"].map(day),
        t("ov.col.state"): states.map(lambda s: f"{MILESTONE_ICON[s]} {t(f'milestone_state.{s}')}"),
        t("ov.col.note"): milestones["note"].fillna(""),
    })


def sector_charts(ctx: Context, specs: dict[str, dict], key: str) -> None:
    """Emissions by sector: the latest year beside the years over time (Overblik and Kommune)."""
    st.subheader(ctx.t("ov.sectors"))
    left, right = st.columns(2)
    with left:
        st.vega_lite_chart(specs["sector_bars"], key=f"{key}-sector-bars", height=460)
    with right:
        st.vega_lite_chart(specs["sector_area"], key=f"{key}-sector-area", height=460)


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


@st.cache_data(show_spinner=False, max_entries=64)
def _chart_specs(path: str, version: int, codes: tuple[int, ...], lang: str, today: date,
                 adopted: tuple[int, float] | None) -> dict[str, dict]:
    """The Vega-Lite specs of an assessment's charts, built once per data version (Altair's building and
    validation is the slowest part of a warm page run)."""
    from . import charts

    inputs = _inputs(path, version)
    p = assess_municipality(inputs[codes[0]], today) if len(codes) == 1 else \
        assess_area([inputs[c] for c in codes], today)
    by_sector = _emissions_by_sector(path, version, tuple(p.members) if p else codes)
    specs = {}
    if not by_sector.empty:
        specs["sector_bars"] = charts.sector_bars(by_sector, lang, p.latest_year if p else None).to_dict()
        specs["sector_area"] = charts.sector_area(by_sector, lang).to_dict()
    if p:
        specs["trajectory"] = charts.trajectory(p, lang, _scenarios(path, version, tuple(p.members)), adopted).to_dict()
        specs["bridge"] = charts.reduction_bridge(p.bridge, lang).to_dict()
    return specs


def load_chart_specs(ctx: Context, codes: list[int], today: date,
                     adopted: tuple[int, float] | None = None) -> dict[str, dict]:
    """trajectory, sector_bars, sector_area and bridge specs for the municipalities (those that can be drawn)."""
    return _chart_specs(str(ctx.store.path), ctx.version, tuple(codes), ctx.lang, today, adopted)


# - Sammenlign and Kort: every municipality's metrics in one frame, peer groups, boundary files -

def assess_each(ctx: Context, codes: list[int], today: date | None = None) -> dict[int, Progress | Unavailable]:
    """progress.py's assessment of each municipality on its own."""
    inputs = load_inputs(ctx)
    today = today or date.today()
    return {c: assess_municipality(inputs[c], today) for c in codes if c in inputs}


def municipality_metrics(ctx: Context, codes: list[int] | None = None, today: date | None = None) -> pd.DataFrame:
    """One row per municipality with progress.py's figures (verdict, reduction, per capita, manko, data lag),
    or, where it cannot be computed, `why` in the page language. Numbers stay numbers; formatting is the
    caller's."""
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


def kommune_code(value: object, munis: pd.DataFrame) -> int | None:
    """A municipality given as code (101, "101") or name ("København"), as its code; None if unknown."""
    if value is None:
        return None
    text = str(value).strip()
    if text.isdigit() and int(text) in set(munis["code"]):
        return int(text)
    by_name = dict(zip(munis["name"].str.casefold(), munis["code"].astype(int)))
    return by_name.get(text.casefold())


def comparison_download(ctx: Context, metrics: pd.DataFrame) -> pd.DataFrame:
    """The Sammenlign table for download: the same rows with numbers as numbers (reduction in %)."""
    from .sentences import verdict_label

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
    from .sentences import verdict_label

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
            t("cmp.col.lag"): t("years", n=int(r.data_lag)) if ok else "–",
            t("cmp.col.note"): "" if ok else r.why,
        })
    return pd.DataFrame(rows)


@st.cache_data(show_spinner=False, max_entries=32)
def _compare_specs(path: str, version: int, chosen: tuple[int, ...], lang: str, today: date) -> dict[str, dict]:
    """Sammenlign's two Vega-Lite specs, built once per data version and choice (Altair's building and
    validation is most of the page's run time)."""
    from . import charts

    ctx = Context(lang=lang, area=DENMARK, store=Store(path), version=version)
    metrics = municipality_metrics(ctx, today=today)
    name_of = dict(zip(metrics["code"], metrics["name"]))
    progresses = {name_of[c]: p for c, p in assess_each(ctx, list(chosen), today).items() if isinstance(p, Progress)}
    specs = {"scatter": charts.per_capita_scatter(metrics, list(chosen), lang).to_dict()}
    if progresses:
        specs["index"] = charts.indexed_trajectories(progresses, lang).to_dict()
    return specs


def load_compare_specs(ctx: Context, chosen: list[int], today: date | None = None) -> dict[str, dict]:
    """"index" (trajectories indexed to the baseline, when any chosen can be computed) and "scatter"."""
    return _compare_specs(str(ctx.store.path), ctx.version, tuple(chosen), ctx.lang, today or date.today())


@st.cache_data(show_spinner=False, max_entries=4)
def _boundaries(path: str, mtime: float, codes: tuple[int, ...]) -> dict:
    from . import maps

    try:
        return {"features": maps.read_boundaries(path, set(codes)), "error": None}
    except maps.BoundaryError as exc:
        return {"features": {}, "error": exc.reason}


def load_boundaries(ctx: Context) -> tuple[str | None, dict, str | None]:
    """The boundary file named by DK2020_BOUNDARIES: (its path or None, features by code, error key or None).
    Cached on the file's path and modification time."""
    import os

    from . import maps

    path = os.environ.get(maps.BOUNDARIES_ENV)
    if not path:
        return None, {}, None
    try:
        mtime = os.path.getmtime(path)
    except OSError:
        return path, {}, "missing"
    codes = tuple(load_municipalities(ctx)["code"].astype(int))
    got = _boundaries(path, mtime, codes)
    return path, got["features"], got["error"]


# -- data (import, export, data quality) -------------------------------------------------------------


# -- export, backup and Datakvalitet -----------------------------------------------------------------

def download_table(ctx: Context, df: pd.DataFrame, name: str) -> None:
    """CSV (for Danish Excel: semicolon, decimal comma, UTF-8 with BOM) and XLSX download buttons for a
    frame, with its column headers as given (pass the translated frame the page shows). `name` is the file
    name without extension and keys the buttons, so it must be unique on the page. The files are made
    only when a button is clicked."""
    from . import report

    frame = df.copy()
    with st.container(horizontal=True, key=f"dl-{name}"):
        for fmt, label, help_key in (("csv", "exp.csv", "exp.csv.help"), ("xlsx", "exp.xlsx", "exp.xlsx.help")):
            st.download_button(
                ctx.t(label), data=lambda fmt=fmt: report.table_bytes(frame, fmt, ctx.lang),
                file_name=f"{name}.{fmt}", mime=report.MIME[fmt], key=f"dl-{name}-{fmt}",
                help=ctx.t(help_key), on_click="ignore", icon=":material/download:",
            )


def export_downloads(ctx: Context) -> None:
    """Every table as one zip (CSV, XLSX or Parquet, each with a README) and a backup of the database."""
    from . import backup, report

    path = str(ctx.store.path)
    with st.container(horizontal=True, key="export-archives"):
        for fmt in report.FORMATS:
            st.download_button(
                ctx.t(f"exp.archive_{fmt}"), data=lambda fmt=fmt: report.export_archive(Store(path), fmt),
                file_name=report.archive_name(fmt), mime=report.MIME["zip"], key=f"export-{fmt}",
                on_click="ignore", icon=":material/folder_zip:",
            )
    st.markdown(ctx.t("exp.backup.body"))
    st.download_button(
        ctx.t("exp.backup"), data=lambda: backup.backup_bytes(Store(path)), file_name=backup.backup_name(),
        mime=report.MIME["zip"], key="backup", on_click="ignore", icon=":material/backup:",
    )


@st.cache_data(show_spinner=False, max_entries=16)
def _data_quality(path: str, version: int, codes: tuple[int, ...]) -> pd.DataFrame:
    return queries.data_quality(Store(path), codes)


def load_data_quality(ctx: Context, codes: list[int]) -> pd.DataFrame:
    return _data_quality(str(ctx.store.path), ctx.version, tuple(codes))


@st.cache_data(show_spinner=False, max_entries=8)
def _last_imports(path: str, version: int) -> pd.DataFrame:
    return queries.last_imports(Store(path))


def load_last_imports(ctx: Context) -> pd.DataFrame:
    return _last_imports(str(ctx.store.path), ctx.version)


@st.cache_data(show_spinner=False, max_entries=8)
def _import_log(path: str, version: int) -> pd.DataFrame:
    return queries.import_log(Store(path))


def load_import_log(ctx: Context) -> pd.DataFrame:
    return _import_log(str(ctx.store.path), ctx.version)


@st.cache_data(show_spinner=False, max_entries=8)
def _editions(path: str, version: int) -> pd.DataFrame:
    return queries.editions(Store(path))


def load_editions(ctx: Context) -> pd.DataFrame:
    return _editions(str(ctx.store.path), ctx.version)


GAPS_SHOWN = 15  # the table below the list has every municipality


def year_text(year: object) -> str:
    return "–" if year is None or pd.isna(year) else str(int(year))


def file_slug(text: str) -> str:
    """A file-name part from a label: Region Sjælland -> region-sjaelland."""
    import re

    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "data"


def year_ranges(years: list[int]) -> str:
    """1990, 2012–2014, 2020: runs of consecutive years joined with an en dash."""
    runs: list[list[int]] = []
    for y in sorted(years):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def _sector_labels(codes: list[str], lang: str) -> str:
    from .domain import SECTOR_BY_CODE

    return ", ".join((SECTOR_BY_CODE[c].label_en if lang == "en" else SECTOR_BY_CODE[c].label_da)
                     if c in SECTOR_BY_CODE else c for c in codes)


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
            lines.append(ctx.t("dq.gap.no_inventory", name=row.name))
            continue
        if row.missing_years:
            lines.append(ctx.t("dq.gap.years", name=row.name, years=year_ranges(row.missing_years)))
        if row.missing_cells:
            lines.append(ctx.t("dq.gap.sectors", name=row.name, sectors=_sector_labels(row.missing_sectors, ctx.lang),
                               cells=i18n.number(row.missing_cells, ctx.lang)))
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
        t("dq.col.published"): editions["published"].map(lambda d: "–" if pd.isna(d) else i18n.day(pd.Timestamp(d).date(), ctx.lang)),
        t("dq.col.demo"): editions["is_demo"].map(lambda b: yes if b else no),
        t("dq.col.rows"): editions["rows"],
        t("dq.col.first_year"): editions["first_year"],
        t("dq.col.last_year"): editions["last_year"],
    })


def restore_contents_frame(ctx: Context, rows: dict[str, int], now: dict[str, int] | None) -> pd.DataFrame:
    """Rows per table in a backup beside the rows the database holds now (None: a damaged one, shown as –), each
    table with what it holds."""
    from .report import TABLE_DOCS

    i = 1 if ctx.lang == "en" else 0
    return pd.DataFrame({
        ctx.t("exp.restore.col.table"): list(rows),
        ctx.t("exp.restore.col.holds"): [TABLE_DOCS[table][i] for table in rows],
        ctx.t("exp.restore.col.backup"): [i18n.number(n, ctx.lang) for n in rows.values()],
        ctx.t("exp.restore.col.now"): [i18n.number(None if now is None else now.get(table, 0), ctx.lang)
                                       for table in rows],
    })


def _made(ctx: Context, created: object) -> str:
    if created is None:
        return ctx.t("exp.restore.unknown_time")
    return f"{i18n.day(created.date(), ctx.lang)} {created:%H:%M}"


def restore_upload(ctx: Context, who: str) -> None:
    """Restore from an uploaded backup: what it holds and when it was made, a warning that it replaces all data,
    and a button that does it. A file that is not an intact backup of this app is refused with the reason, and
    nothing changes. The restore gives the database a new id (Store.data_key), so every cached loader reads the
    restored data on the next run. Over a damaged database (ctx.damaged) the damaged file is kept beside.
    auth.may_restore decides who may."""
    import io

    from . import auth, backup

    done = st.session_state.pop("restore-outcome", None)
    if done is not None:
        st.success(ctx.t("exp.restore.done", file=done["file"], when=done["when"]), icon="✅")
        if done.get("kept"):
            st.info(ctx.t("exp.damaged.kept", name=done["kept"]), icon="ℹ️")
    if not auth.may_restore(who):
        st.info(ctx.t("exp.damaged.not_allowed"), icon="🔒")
        return
    n = st.session_state.get("restore-n", 0)  # a new uploader after each restore: the file is not offered again
    upload = st.file_uploader(ctx.t("exp.restore.file"), key=f"restore-file-{n}")
    if upload is None:
        return
    data = upload.getvalue()
    try:
        held = backup.contents(backup.read_manifest(data, upload.name)[0])
    except backup.BackupError as exc:
        reason = ctx.t(f"exp.restore.reason.{exc.reason}", **exc.values)
        st.error(ctx.t("exp.restore.refused", file=upload.name, reason=reason), icon="🚫")
        st.caption(ctx.t("exp.restore.detail", message=str(exc)))
        return
    st.write(ctx.t("exp.restore.made", when=_made(ctx, held.created), version=held.data_version))
    now = None if ctx.damaged is not None else ctx.store.table_counts()
    st.dataframe(restore_contents_frame(ctx, held.rows, now), hide_index=True, key="restore-contents")
    st.warning(ctx.t("exp.restore.warning"), icon="⚠️")
    if not st.button(ctx.t("exp.restore.confirm"), type="primary", key="restore-apply", icon=":material/restore:"):
        return
    file = io.BytesIO(data)
    file.name = upload.name
    try:
        with st.spinner():
            report = backup.restore(ctx.store, file, who=who, replace_damaged=ctx.damaged is not None)
    except backup.BackupError as exc:
        reason = ctx.t(f"exp.restore.reason.{exc.reason}", **exc.values)
        st.error(ctx.t("exp.restore.refused", file=upload.name, reason=reason), icon="🚫")
        st.caption(ctx.t("exp.restore.detail", message=str(exc)))
        return
    except StoreError as exc:
        st.error(ctx.t("exp.restore.failed", message=str(exc)), icon="🚫")
        return
    st.session_state["restore-outcome"] = {"file": upload.name, "when": _made(ctx, held.created),
                                           "kept": report.kept_damaged.name if report.kept_damaged else None}
    st.session_state["restore-n"] = n + 1
    st.session_state.pop("imp-preview", None)
    st.rerun()


def damaged_restore(ctx: Context, who: str) -> None:
    """The Data page when the database cannot be opened: what is wrong and the restore upload (context() has shown
    the store's error), nothing that needs the data."""
    st.subheader(ctx.t("exp.damaged.title"))
    st.write(ctx.t("exp.damaged.body"))
    restore_upload(ctx, who)
