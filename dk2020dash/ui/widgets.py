"""Widgets shared by pages: KPI cards, the sector charts, download buttons, jumps to the Kommune page."""
from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from dk2020dash import i18n, labels
from dk2020dash.db import open_store
from dk2020dash.metrics.mitigation import Progress
from dk2020dash.ui.context import Context
from dk2020dash.ui.loaders import activity_counts, load_municipality_editions, reason_text
from dk2020dash.ui.tables import year_text
from dk2020dash.views.alternatives import TextAlternative

__all__ = [
    "activity_kpis", "chart", "chart_downloads", "download_table", "edition_choice", "export_downloads", "forecast_text",
    "open_municipality", "progress_kpis", "sector_charts", "selected_code", "text_alternative", "verdict_kpis"
]

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


def progress_kpis(ctx: Context, p: Progress) -> None:
    """The headline KPI cards of an assessment: latest emissions, reduction, pace, manko, the 2030 verdict with its
    basis and the net-zero year by the trend against the plan's; under them, for an area, the national frame and
    (under 90 % coverage) whom the figures cover."""
    from dk2020dash.domain import TARGET_YEAR
    from dk2020dash.views import sentences
    from dk2020dash.views.sentences import coverage_text, national_frame, pace_reached, verdict_label, zero_year_text

    lang, t = ctx.lang, ctx.t
    with st.container(horizontal=True, key="kpi-progress"):
        st.metric(t("ov.kpi.latest", year=p.latest_year), i18n.tonnes(p.latest, lang), help=t("ov.kpi.latest.help"),
                  border=True)
        label, value = sentences.reduction_card(p, lang)  # a rise reads "Stigning siden 1990: 4 %"
        st.metric(label, value,
                  delta=t("ov.kpi.target", year=TARGET_YEAR, pct=i18n.percent(p.target_reduction_2030, lang)),
                  delta_color="off", delta_arrow="off", border=True)
        if not p.headline:
            pace, observed = "–", coverage_text(p, lang)
        else:
            pace = sentences.required_pace_text(p, lang)  # in the unit of the observed pace beside it
            observed = sentences.observed_text(p, lang) or t("ov.kpi.no_trend", reason=reason_text(ctx, p.trend))
            if pace_reached(p):
                observed = t("ov.kpi.pace_reached", year=TARGET_YEAR)
        st.metric(t("ov.kpi.required_pace", year=TARGET_YEAR), pace, delta=observed, delta_color="off",
                  delta_arrow="off", help=t("ov.kpi.required_pace.help"), border=True)
        manko, need = sentences.manko_texts(p.bridge, lang)
        st.metric(t("ov.kpi.manko", year=TARGET_YEAR), manko, delta=t("ov.kpi.manko.need", value=need),
                  delta_color="off", delta_arrow="off", help=t("ov.kpi.manko.help"), border=True)
        if not p.headline:
            verdict, basis = t("map.legend.none"), coverage_text(p, lang)
        else:
            verdict = verdict_label(p.verdict, lang)
            basis = forecast_text(ctx, p) if p.verdict_basis == "forecast" else t("ov.kpi.position", year=p.latest_year)
        st.metric(t("ov.kpi.verdict", year=TARGET_YEAR), verdict, delta=basis, delta_color="off", delta_arrow="off",
                  help=t("ov.kpi.verdict.help"), border=True)
        st.metric(t("ov.kpi.zero_year"), zero_year_text(p, lang) if p.headline else "–",
                  delta=t("ov.kpi.zero_plan", year=p.net_zero_year), delta_color="off", delta_arrow="off", border=True)
    notes = []
    if not p.headline:
        notes.append(t("ov.sent.covers", n=i18n.number(len(p.members), lang), count=p.asked))
    if p.estimated_years:
        from dk2020dash.metrics.mitigation import year_ranges

        notes.append(t("ov.sent.estimated", years=year_ranges(p.estimated_years)))
    if len(p.members) > 1 or p.asked > 1:
        notes.append(national_frame(p, lang))
    for note in notes:
        st.caption(note)


def forecast_text(ctx: Context, p: Progress) -> str:
    """"Prognose 2030: 1,2 mio. t (fast rate: 1,3 mio. t)": the linear forecast beside the constant-rate one."""
    from dk2020dash.domain import TARGET_YEAR

    both = [p.forecast_2030, p.forecast_rate_2030]  # one comparison, one unit
    value = i18n.tonnes(p.forecast_2030, ctx.lang, like=both)
    if p.forecast_rate_2030 is None:
        return ctx.t("ov.kpi.forecast.linear", year=TARGET_YEAR, value=value)
    return ctx.t("ov.kpi.forecast", year=TARGET_YEAR, value=value,
                 rate=i18n.tonnes(p.forecast_rate_2030, ctx.lang, like=both))


def activity_kpis(ctx: Context, codes: list[int], today: date) -> None:
    """Actions per status and overdue milestones of the municipalities, as bordered KPI cards (counted in the
    database: Denmark at 100 times the demo has 600,000 actions)."""
    t = ctx.t
    by_status, overdue = activity_counts(ctx, codes, today)
    with st.container(horizontal=True, key="kpi-activity"):
        with st.container(border=True, key="kpi-actions"):
            st.markdown(f"**{t('ov.kpi.actions')}**")
            with st.container(horizontal=True):
                for status, n in by_status.items():
                    st.metric(labels.status(status, ctx.lang), i18n.number(n, ctx.lang))
        st.metric(t("ov.kpi.overdue"), i18n.number(overdue, ctx.lang), border=True,
                  help=t("ov.kpi.overdue.help", today=i18n.day(today, ctx.lang)))


def verdict_kpis(ctx: Context, p: Progress) -> None:
    """Municipalities per verdict, icon and word on every card."""
    from dk2020dash.views.sentences import verdict_label

    counts = p.verdict_counts()
    with st.container(border=True, key="kpi-verdicts"):
        st.markdown(f"**{ctx.t('ov.kpi.verdicts')}**")
        with st.container(horizontal=True):
            for v, n in counts.items():
                st.metric(verdict_label(v, ctx.lang), i18n.number(n, ctx.lang))
            if p.excluded:
                st.metric(ctx.t("ov.excluded"), i18n.number(len(p.excluded), ctx.lang))


def sector_charts(ctx: Context, specs: dict[str, dict], key: str) -> None:
    """Emissions by sector: the latest year beside the years over time (Overblik and Kommune)."""
    st.subheader(ctx.t("ov.sectors"))
    left, right = st.columns(2)
    alt = specs.get("alt", {})
    with left:
        chart(ctx, specs["sector_bars"], f"{key}-sector-bars", height=460, alt=alt.get("sector_bars"))
    with right:
        chart(ctx, specs["sector_area"], f"{key}-sector-area", height=460, alt=alt.get("sector_area"))


def download_table(ctx: Context, df: pd.DataFrame | Callable[[], pd.DataFrame], name: str) -> None:
    """CSV (for Danish Excel: semicolon, decimal comma, UTF-8 with BOM) and XLSX download buttons for a
    frame, with its column headers as given (pass the translated frame the page shows). `name` is the file
    name without extension and keys the buttons, so it must be unique on the page. The files are made
    only when a button is clicked; `df` may be a function making the frame then (a list too long to show whole:
    it runs without Streamlit, so it reads through queries.py, not the cached loaders)."""
    from dk2020dash.exports import tables

    frame = df if callable(df) else df.copy()
    with st.container(horizontal=True, key=f"dl-{name}"):
        for fmt, label, help_key in (("csv", "exp.csv", "exp.csv.help"), ("xlsx", "exp.xlsx", "exp.xlsx.help")):
            st.download_button(
                ctx.t(label), data=lambda fmt=fmt: tables.table_bytes(frame() if callable(frame) else frame, fmt,
                                                                      ctx.lang),
                file_name=f"{name}.{fmt}", mime=tables.MIME[fmt], key=f"dl-{name}-{fmt}",
                help=ctx.t(help_key), on_click="ignore", icon=":material/download:",
            )


def export_downloads(ctx: Context) -> None:
    """Every table as one zip (CSV, XLSX or Parquet, each with a README) and a backup of the database. Only an
    admin's downloads hold the accounts (app_user, app_user_scope, the audit rows about them) and only an admin's
    backup the password hashes of local accounts; anyone else's leave them out."""
    from dk2020dash.auth import is_admin
    from dk2020dash.exports import backup, tables

    path = ctx.store.target
    secrets = is_admin(ctx.user)
    with st.container(horizontal=True, key="export-archives"):
        for fmt in tables.FORMATS:
            st.download_button(
                ctx.t(f"exp.archive_{fmt}"), data=lambda fmt=fmt: tables.export_archive(open_store(path), fmt, accounts=secrets),
                file_name=tables.archive_name(fmt), mime=tables.MIME["zip"], key=f"export-{fmt}",
                on_click="ignore", icon=":material/folder_zip:",
            )
    st.markdown(ctx.t("exp.backup.body"))
    st.download_button(
        ctx.t("exp.backup"), data=lambda: backup.backup_bytes(open_store(path), secrets=secrets), file_name=backup.backup_name(),
        mime=tables.MIME["zip"], key="backup", on_click="ignore", icon=":material/backup:",
    )


def chart(ctx: Context, spec: dict, name: str, height: int | None = None, width: str = "stretch",
          alt: TextAlternative | None = None) -> None:
    """A chart, with PNG and SVG download buttons under it (rendered offline by vl-convert when clicked).
    width="content" keeps the spec's own size (a map, whose projection would stretch with the page).
    `alt` (views/alternatives.py) is its text alternative: the sentence under the chart (and as the chart's accessible
    name), and its data as a table on request. Every chart on a page is drawn here, so none goes without."""
    st.vega_lite_chart(_arrow_datasets(spec), key=name, height=height if height is not None else "content",
                       width=width, alt=alt.summary if alt is not None and alt.summary else None)
    if alt is not None:
        text_alternative(ctx, alt, name)
    chart_downloads(ctx, spec, name)


def text_alternative(ctx: Context, alt: TextAlternative, name: str, label: str = "alt.table") -> None:
    """The sentence as visible text a screen reader reaches (charts are pictures without words), then the data
    as an HTML table in an expander; `name` keys the container ("alt-<name>")."""
    with st.container(key=f"alt-{name}"):
        if alt.summary:
            st.caption(i18n.literal(alt.summary))
        with st.expander(ctx.t(label), key=f"alt-{name}-table"):
            st.table(alt.table, hide_index=True)



_ARROW_SPECS: dict[int, tuple[dict, dict]] = {}  # id(spec) -> (spec, its copy with Arrow datasets); specs held
_ARROW_LOCK = threading.Lock()


def _arrow_datasets(spec: dict) -> dict:
    """The spec with its named datasets as Arrow bytes, as st.vega_lite_chart would convert them on every run
    (the conversion was up to a quarter of a warm Sammenlign run); made once for a spec that is kept between runs
    (the cached specs of ui/loaders.py). Streamlit sends such bytes unchanged, so the chart is the same."""
    if not isinstance(spec.get("datasets"), dict):
        return spec
    known = _ARROW_SPECS.get(id(spec))
    if known is not None and known[0] is spec:
        return known[1]
    from streamlit.dataframe_util import convert_anything_to_arrow_bytes
    from streamlit.elements.vega_charts import _is_geojson_or_topojson_payload as geo  # left in the spec, as there

    datasets = {name: data if isinstance(data, bytes) or geo(data) else convert_anything_to_arrow_bytes(data)
                for name, data in spec["datasets"].items()}
    prepared = {**spec, "datasets": datasets}
    with _ARROW_LOCK:
        while len(_ARROW_SPECS) >= 64:  # the oldest out (a spec made anew on each run is not met again)
            _ARROW_SPECS.pop(next(iter(_ARROW_SPECS)))
        _ARROW_SPECS[id(spec)] = (spec, prepared)
    return prepared


def chart_downloads(ctx: Context, spec: dict | Callable[[], dict], name: str) -> None:
    """PNG (for slides) and SVG (for print) of a Vega-Lite spec, or of a function making one (called only when
    a button is clicked); `name` is the file name and keys the buttons."""
    from dk2020dash.exports import kkr

    def image(fmt: str) -> bytes:
        full = spec() if callable(spec) else spec
        width = full.get("width") if isinstance(full.get("width"), int) else 900
        return kkr.chart_png(full, width) if fmt == "png" else kkr.chart_svg(full, width).encode("utf-8")

    with st.container(horizontal=True, key=f"chart-dl-{name}"):
        for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
            st.download_button(ctx.t(f"chart.dl.{fmt}"), data=lambda fmt=fmt: image(fmt), file_name=f"{name}.{fmt}",
                               mime=mime, key=f"chart-dl-{name}-{fmt}", help=ctx.t("chart.dl.help"),
                               on_click="ignore", icon=":material/image:")


def edition_choice(ctx: Context, code: int) -> tuple[int | None, pd.DataFrame]:
    """The Kommune page's edition selector, bound to ?udgave= (the edition's name; absent for the newest):
    (the chosen edition's id, or None for the municipality's newest; the municipality's editions)."""
    editions = load_municipality_editions(ctx, code)
    if editions.empty:
        return None, editions
    ids = editions["id"].astype(int).tolist()
    name_of = dict(zip(ids, editions["name"]))
    # A choice made for another municipality does not carry over: back to this one's newest. (The bound URL
    # parameter follows the widget's value; it cannot be deleted directly.)
    if st.session_state.get("_udgave_code", code) != code or st.session_state.get("udgave") not in (None, *ids):
        st.session_state["udgave"] = ids[0]
    st.session_state["_udgave_code"] = code
    chosen = st.selectbox(ctx.t("mun.edition"), ids, index=0, format_func=lambda i: name_of[i], key="udgave",
                          help=ctx.t("mun.edition.help"), bind="query-params")
    row = editions.iloc[ids.index(chosen)] if chosen in ids else editions.iloc[0]
    years = f"{year_text(row['first_year'])}–{year_text(row['last_year'])}"
    st.caption(ctx.t("mun.edition.newest" if int(row["id"]) == ids[0] else "mun.edition.option",
                     name=i18n.literal(row["name"]), years=years))
    return (None if chosen in (None, ids[0]) else int(chosen)), editions
