"""Altair chart builders for the views: data in, alt.Chart out (no Streamlit, no SQL), readable on a projector."""
from __future__ import annotations

import textwrap
from collections.abc import Sequence

import altair as alt
import pandas as pd

from dk2020dash import i18n, labels
from dk2020dash.domain import NATIONAL_TARGET_2030, NET_ZERO_YEAR, SCENARIO_KINDS, TARGET_YEAR
from dk2020dash.metrics.bridge import Bridge
from dk2020dash.metrics.mitigation import Progress, Trend
from dk2020dash.views import sentences

# Okabe-Ito: safe for the common colour-vision deficiencies; verdict colours as in the common brief.
PALETTE = {"black": "#000000", "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
           "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "grey": "#999999"}
VERDICT_COLOURS = {"on_track": PALETTE["green"], "deviating": PALETTE["orange"], "off_track": PALETTE["vermillion"]}

FONT_SIZE = 14
TITLE_SIZE = 18

# Vega-Lite number locales: the axis labels follow the page language (1.234,5 in Danish).
NUMBER_LOCALE = {
    "da": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0kr."]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["£", ""]},
}

# Trajectory series: stable keys -> (colour, dash). Colour AND dash tell them apart. The plan's scenarios (plan,
# bau) are named by labels.scenario_kind, the others by chart.series.* in i18n (series_label).
TRAJECTORY_SERIES: dict[str, tuple[str, list[int]]] = {
    "actual": (PALETTE["blue"], [1, 0]),
    "target": (PALETTE["green"], [8, 4]),
    "trend": (PALETTE["orange"], [2, 3]),
    "plan": (PALETTE["purple"], [12, 3, 3, 3]),
    "bau": (PALETTE["grey"], [4, 4]),
}
SECTOR_GROUP_COLOURS = {"energi": PALETTE["blue"], "transport": PALETTE["orange"], "landbrug": PALETTE["green"],
                        "lulucf": PALETTE["sky"], "affald": PALETTE["purple"], "industri": PALETTE["grey"]}
BRIDGE_COLOURS = {"need": PALETTE["blue"], "secured": PALETTE["green"], "in_progress": PALETTE["sky"],
                  "planned": PALETTE["purple"], "at_risk": PALETTE["orange"], "manko": PALETTE["vermillion"],
                  "beyond_need": PALETTE["yellow"],
                  "in_inventory": PALETTE["grey"]}


def unit_for(values: Sequence[float]) -> tuple[float, str]:
    """Divisor and unit key so the axis reads 3,1 mio. t rather than 3.100.000 t."""
    size = max((abs(v) for v in values if v is not None and not pd.isna(v)), default=0.0)
    if size >= 1_000_000:
        return 1_000_000.0, "unit.mt"
    if size >= 10_000:
        return 1_000.0, "unit.kt"
    return 1.0, "unit.t"


def _finish(chart: alt.TopLevelMixin, title: str, lang: str, subtitle: str | None = None,
            height: int = 380, legend_columns: int = 3, subtitle_chars: int = 100) -> alt.TopLevelMixin:
    """Title, projector-sized fonts and the language's number locale on the top-level chart. The subtitle is
    broken into lines of at most `subtitle_chars` characters (Vega cuts a long line off with "…"; a chart in
    half the page width takes about 55)."""
    lines = textwrap.wrap(subtitle or "", subtitle_chars) or [""]
    t = alt.TitleParams(text=title, subtitle=lines, fontSize=TITLE_SIZE, subtitleFontSize=FONT_SIZE,
                        anchor="start")
    return (chart.properties(title=t, height=height)
            .configure(locale={"number": NUMBER_LOCALE.get(lang, NUMBER_LOCALE["en"])})
            .configure_axis(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE + 1)
            .configure_legend(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, orient="bottom", columns=legend_columns,
                              symbolStrokeWidth=3, labelLimit=400)
            .configure_text(fontSize=FONT_SIZE))


def series_label(key: str, lang: str) -> str:
    """A trajectory series in words: a scenario by its kind, the inventory, target path and trend by i18n."""
    return labels.scenario_kind(key, lang) if key in SCENARIO_KINDS else i18n.t(f"chart.series.{key}", lang)


# -- trajectory -----------------------------------------------------------------------------------

def trajectory_frame(progress: Progress, lang: str, scenarios: pd.DataFrame | None = None) -> pd.DataFrame:
    """Long frame (key, series, year, tco2e) of the lines: actual, target path, trend, plan and BAU scenarios."""
    first = min(progress.series)
    end = max(progress.net_zero_year, NET_ZERO_YEAR)
    rows = [("actual", y, v) for y, v in progress.series.items()]
    rows += [("target", y, progress.target_at(y)) for y in range(first, end + 1)]
    if isinstance(progress.trend, Trend):
        # The trend carried on from the latest inventory (the forecast: F(2030) is on it), to 2050 or to zero.
        for y in range(progress.latest_year, end + 1):
            v = progress.trend.forecast(y)
            rows.append(("trend", y, max(v, 0.0)))
            if v <= 0:
                break
    if scenarios is not None and not scenarios.empty:
        for kind, g in scenarios.groupby("kind"):
            # Years where only some municipalities give a scenario would make a false dip in the sum.
            full = g[g["municipalities"] == g["municipalities"].max()] if "municipalities" in g else g
            rows += [(str(kind), int(r.year), float(r.tco2e)) for r in full.itertuples()]
    df = pd.DataFrame(rows, columns=["key", "year", "tco2e"])
    df["series"] = df["key"].map(lambda k: series_label(k, lang))
    return df


def trajectory(progress: Progress, lang: str, scenarios: pd.DataFrame | None = None,
               adopted_baseline: tuple[int, float] | None = None) -> alt.LayerChart:
    """Actual emissions, target path, trend to 2030/2050, plan scenarios; the 2030 target and net zero marked.

    adopted_baseline: (year, tonnes) from the plan as adopted, drawn beside the current edition's revised value.
    """
    df = trajectory_frame(progress, lang, scenarios)
    divisor, unit = unit_for(df["tco2e"].tolist() + ([adopted_baseline[1]] if adopted_baseline else []))
    unit_text = i18n.t(unit, lang)
    df["value"] = df["tco2e"] / divisor
    df["value_text"] = df["tco2e"].map(lambda v: i18n.tonnes(v, lang))
    keys = [k for k in TRAJECTORY_SERIES if k in set(df["key"])]
    series = [series_label(k, lang) for k in keys]
    legend_title = i18n.t("chart.legend", lang)
    colour = alt.Color("series:N", title=legend_title,
                       scale=alt.Scale(domain=series, range=[TRAJECTORY_SERIES[k][0] for k in keys]),
                       sort=series)
    dash = alt.StrokeDash("series:N", title=legend_title,
                          scale=alt.Scale(domain=series, range=[TRAJECTORY_SERIES[k][1] for k in keys]),
                          sort=series)
    x = alt.X("year:Q", title=i18n.t("chart.year", lang), axis=alt.Axis(format="d", tickMinStep=5),
              scale=alt.Scale(nice=False, zero=False))
    y = alt.Y("value:Q", title=unit_text, axis=alt.Axis(format=",.1~f"), scale=alt.Scale(zero=True))
    tooltip = [alt.Tooltip("series:N", title=legend_title), alt.Tooltip("year:Q", title=i18n.t("chart.year", lang)),
               alt.Tooltip("value_text:N", title=i18n.t("chart.emissions", lang))]
    lines = alt.Chart(df).mark_line(strokeWidth=3).encode(x=x, y=y, color=colour, strokeDash=dash, tooltip=tooltip)
    actual_points = alt.Chart(df[df["key"] == "actual"]).mark_point(filled=True, size=60, shape="circle").encode(
        x=x, y=y, color=alt.value(PALETTE["blue"]), tooltip=tooltip)

    # Marks with direct labels: the 2030 target and net zero; the adopted baseline where given.
    marks = [
        {"key": "target_2030", "year": TARGET_YEAR, "tco2e": progress.target_2030,
         "label": i18n.t("chart.mark.target", lang, year=TARGET_YEAR,
                         pct=i18n.percent(progress.target_reduction_2030, lang))},
        {"key": "net_zero", "year": progress.net_zero_year, "tco2e": 0.0,
         "label": i18n.t("chart.mark.net_zero", lang, year=progress.net_zero_year)},
    ]
    national = progress.baseline_1990 * (1 - NATIONAL_TARGET_2030) if progress.baseline_1990 else None
    if national is not None and progress.asked > 1:  # an area: the Climate Act's −70 % against its 1990 emissions
        marks.append({"key": "national_2030", "year": TARGET_YEAR, "tco2e": national,
                      "label": i18n.t("chart.mark.national", lang, pct=i18n.percent(NATIONAL_TARGET_2030, lang))})
    if adopted_baseline is not None:
        marks.append({"key": "adopted_baseline", "year": adopted_baseline[0], "tco2e": adopted_baseline[1],
                      "label": i18n.t("chart.mark.adopted", lang, value=i18n.tonnes(adopted_baseline[1], lang))})
    mk = pd.DataFrame(marks)
    mk["value"] = mk["tco2e"] / divisor
    mk["value_text"] = mk["tco2e"].map(lambda v: i18n.tonnes(v, lang))
    mk["series"] = mk["label"]
    shape = alt.Shape("key:N", legend=None, scale=alt.Scale(
        domain=["target_2030", "net_zero", "adopted_baseline", "national_2030"],
        range=["diamond", "square", "triangle-down", "cross"]))
    mark_points = alt.Chart(mk).mark_point(filled=True, size=220, color=PALETTE["black"]).encode(
        x=x, y=y, shape=shape, tooltip=[alt.Tooltip("label:N", title=legend_title),
                                        alt.Tooltip("value_text:N", title=i18n.t("chart.emissions", lang))])
    mark_labels = alt.Chart(mk).mark_text(align="left", dx=10, dy=-14, fontSize=FONT_SIZE, fontWeight="bold").encode(
        x=x, y=y, text="label:N")
    rule = alt.Chart(pd.DataFrame({"year": [TARGET_YEAR]})).mark_rule(color=PALETTE["grey"], strokeDash=[2, 2]).encode(x=x)
    chart = alt.layer(rule, lines, actual_points, mark_points, mark_labels)
    subtitle = i18n.t("chart.traj.subtitle", lang, year=progress.latest_year)
    return _finish(chart, sentences.trajectory_title(progress, lang), lang, subtitle)


# -- emissions by sector --------------------------------------------------------------------------

def sector_groups_frame(by_sector: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Emissions per year and sector group (from queries.emissions_by_sector) with the group's label."""
    df = by_sector.groupby(["year", "sector_group"], as_index=False)["tco2e"].sum()
    df["group"] = df["sector_group"].map(lambda g: labels.sector_group(g, lang))
    return df


def sector_bars(by_sector: pd.DataFrame, lang: str, year: int | None = None) -> alt.LayerChart:
    """The latest year (or `year`) by sector group; a net sink (LULUCF below zero) is drawn left of zero."""
    df = sector_groups_frame(by_sector, lang)
    year = int(df["year"].max()) if year is None else year
    df = df[df["year"] == year].sort_values("tco2e", ascending=False).reset_index(drop=True)
    divisor, unit = unit_for(df["tco2e"].tolist())
    df["value"] = df["tco2e"] / divisor
    df["value_text"] = df["tco2e"].map(lambda v: i18n.tonnes(v, lang))
    order = df["group"].tolist()
    y = alt.Y("group:N", sort=order, title=None, axis=alt.Axis(labelLimit=320))
    x = alt.X("value:Q", title=i18n.t(unit, lang), axis=alt.Axis(format=",.1~f"))
    colour = alt.Color("sector_group:N", legend=None, scale=alt.Scale(
        domain=list(SECTOR_GROUP_COLOURS), range=list(SECTOR_GROUP_COLOURS.values())))
    bars = alt.Chart(df).mark_bar().encode(x=x, y=y, color=colour,
                                           tooltip=[alt.Tooltip("group:N", title=i18n.t("chart.sector", lang)),
                                                    alt.Tooltip("value_text:N", title=i18n.t("chart.emissions", lang))])
    text = alt.Chart(df).mark_text(align="left", dx=6, fontSize=FONT_SIZE).encode(
        x=alt.X("label_x:Q"), y=y, text="value_text:N").transform_calculate(label_x="max(datum.value, 0)")
    zero = alt.Chart(pd.DataFrame({"value": [0.0]})).mark_rule(color=PALETTE["black"]).encode(x="value:Q")
    top = df.iloc[0] if not df.empty else None
    total = float(df["tco2e"].sum())
    if top is not None and total > 0:
        title = i18n.t("chart.sector.title", lang, group=top["group"], year=year,
                       value=i18n.tonnes(float(top["tco2e"]), lang))
    else:
        title = i18n.t("chart.sector.title_plain", lang, year=year)
    return _finish(alt.layer(bars, text, zero), title, lang, height=300)


def sector_area(by_sector: pd.DataFrame, lang: str) -> alt.Chart:
    """Emissions by sector group over the inventory years, stacked; a net sink stacks below zero."""
    df = sector_groups_frame(by_sector, lang)
    divisor, unit = unit_for(df.groupby("year")["tco2e"].sum().tolist() + df["tco2e"].tolist())
    df["value"] = df["tco2e"] / divisor
    df["value_text"] = df["tco2e"].map(lambda v: i18n.tonnes(v, lang))
    groups = [g for g in SECTOR_GROUP_COLOURS if g in set(df["sector_group"])]
    group_words = [labels.sector_group(g, lang) for g in groups]
    colour = alt.Color("group:N", title=i18n.t("chart.sector", lang), sort=group_words, scale=alt.Scale(
        domain=group_words, range=[SECTOR_GROUP_COLOURS[g] for g in groups]))
    chart = alt.Chart(df).mark_area(opacity=0.9, line={"color": "white", "strokeWidth": 0.5}).encode(
        x=alt.X("year:Q", title=i18n.t("chart.year", lang), axis=alt.Axis(format="d"), scale=alt.Scale(nice=False, zero=False)),
        y=alt.Y("value:Q", title=i18n.t(unit, lang), stack="zero", axis=alt.Axis(format=",.1~f")),
        color=colour, order=alt.Order("sector_group:N"),
        tooltip=[alt.Tooltip("group:N", title=i18n.t("chart.sector", lang)),
                 alt.Tooltip("year:Q", title=i18n.t("chart.year", lang)),
                 alt.Tooltip("value_text:N", title=i18n.t("chart.emissions", lang))],
    )
    first, last = int(df["year"].min()), int(df["year"].max())
    return _finish(chart, i18n.t("chart.sector_time.title", lang, first=first, last=last), lang,
                   i18n.t("chart.sector_time.subtitle", lang), height=340, legend_columns=2, subtitle_chars=55)


# -- reduction bridge -----------------------------------------------------------------------------

def bridge_frame(bridge: Bridge, lang: str) -> pd.DataFrame:
    """One row per step of the waterfall: the need, then what covers it by status (each part capped at the need),
    then the manko, so the steps end exactly at the need line; then what the actions would reduce beyond the need
    (from the need line on) and, from 0, the completed actions already in the inventory: both count nothing."""
    rows = [("need", 0.0, bridge.need, bridge.need)]
    start = 0.0
    for part in ("secured", "in_progress", "planned", "at_risk"):
        value = getattr(bridge, part)
        rows.append((part, start, start + value, value))
        start += value
    rows.append(("manko", start, start + bridge.manko, bridge.manko))
    if bridge.beyond_need > 0:
        rows.append(("beyond_need", bridge.need, bridge.need + bridge.beyond_need, bridge.beyond_need))
    rows.append(("in_inventory", 0.0, bridge.in_inventory, bridge.in_inventory))
    df = pd.DataFrame(rows, columns=["key", "start", "end", "tco2e"])
    df["step"] = df["key"].map(lambda k: labels.bridge_part(k, lang))
    values = df["tco2e"].tolist()
    df["label"] = [i18n.tonnes(v, lang, like=values) for v in values]  # one unit for the bars read side by side
    return df


def reduction_bridge(bridge: Bridge, lang: str) -> alt.LayerChart:
    """A horizontal waterfall: the need by 2030 on top, below it what actions cover by status and the manko,
    each bar named in words on its row and labelled with its tonnes (no legend to learn)."""
    df = bridge_frame(bridge, lang)
    divisor, unit = i18n.tonnes_unit(df["tco2e"].tolist())  # the axis in the labels' unit
    df["x0"], df["x1"] = df["start"] / divisor, df["end"] / divisor
    # A label starting just short of the dashed need line would be cut by it: start it at the line instead.
    need_x = bridge.need / divisor
    df["label_x"] = df["x1"].where(df["x1"] < 0.9 * need_x, df["x1"].clip(lower=need_x))
    steps = df["step"].tolist()
    y = alt.Y("step:N", sort=steps, title=None, axis=alt.Axis(labelLimit=360, labelFontSize=FONT_SIZE + 1))
    x = alt.X("x0:Q", title=i18n.t(unit, lang), axis=alt.Axis(format=",.1~f"))
    colour = alt.Color("key:N", legend=None, scale=alt.Scale(domain=list(BRIDGE_COLOURS),
                                                             range=list(BRIDGE_COLOURS.values())))
    bars = alt.Chart(df).mark_bar().encode(
        x=x, x2="x1:Q", y=y, color=colour,
        tooltip=[alt.Tooltip("step:N", title=""), alt.Tooltip("label:N", title=i18n.t("chart.emissions", lang))])
    text = alt.Chart(df).mark_text(align="left", dx=8, fontSize=FONT_SIZE + 1, fontWeight="bold").encode(
        x="label_x:Q", y=y, text="label:N")
    need_rule = alt.Chart(pd.DataFrame({"x": [need_x]})).mark_rule(
        color=PALETTE["black"], strokeDash=[6, 3], strokeWidth=2).encode(x="x:Q")
    if bridge.need <= 0:
        title = i18n.t("chart.bridge.title_no_need", lang, year=TARGET_YEAR)
    elif bridge.manko <= 0:
        title = i18n.t("chart.bridge.title_covered", lang, year=TARGET_YEAR)
    else:
        title = i18n.t("chart.bridge.title_manko", lang, manko=i18n.tonnes(bridge.manko, lang, like=bridge.need),
                       need=i18n.tonnes(bridge.need, lang, like=bridge.manko), year=TARGET_YEAR)
    return _finish(alt.layer(bars, need_rule, text), title, lang, i18n.t("chart.bridge.subtitle", lang), height=300)


# -- Sammenlign: indexed trajectories and per capita against reduction (helper B's section) -------------

def indexed_frame(progresses: dict[str, Progress]) -> pd.DataFrame:
    """Each municipality's emissions as an index of its own baseline (B = 100), one row per inventory year."""
    rows = [(name, y, 100.0 * v / p.baseline) for name, p in progresses.items() for y, v in p.series.items()
            if y >= p.paths[0][0][0]]
    return pd.DataFrame(rows, columns=["name", "year", "index"])


def indexed_trajectories(progresses: dict[str, Progress], lang: str) -> alt.LayerChart:
    """Trajectories indexed to the baseline in one chart; the title names who has reduced most."""
    df = indexed_frame(progresses)
    df["index_text"] = df["index"].map(lambda v: i18n.number(v, lang, 1))
    names = list(progresses)
    palette = [PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky", "black", "yellow")]
    colour = alt.Color("name:N", title=i18n.t("cmp.col.municipality", lang), sort=names,
                       scale=alt.Scale(domain=names, range=palette[:len(names)]))
    x = alt.X("year:Q", title=i18n.t("chart.year", lang), axis=alt.Axis(format="d"), scale=alt.Scale(nice=False))
    y = alt.Y("index:Q", title=i18n.t("cmp.index.axis", lang), scale=alt.Scale(zero=True),
              axis=alt.Axis(format=",.0f"))
    tooltip = [alt.Tooltip("name:N", title=i18n.t("cmp.col.municipality", lang)),
               alt.Tooltip("year:Q", title=i18n.t("chart.year", lang)),
               alt.Tooltip("index_text:N", title=i18n.t("cmp.index.value", lang))]
    lines = alt.Chart(df).mark_line(strokeWidth=3, point=alt.OverlayMarkDef(size=50, filled=True)).encode(
        x=x, y=y, color=colour, shape=alt.Shape("name:N", sort=names, legend=None), tooltip=tooltip)
    base = alt.Chart(pd.DataFrame({"index": [100.0]})).mark_rule(color=PALETTE["grey"], strokeDash=[4, 4]).encode(y="index:Q")
    last = df.sort_values("year").groupby("name", as_index=False).last()
    name_marks = alt.Chart(last).mark_text(align="left", dx=8, fontSize=FONT_SIZE, fontWeight="bold").encode(
        x=x, y=y, text="name:N", color=alt.Color("name:N", sort=names, legend=None,
                                                 scale=alt.Scale(domain=names, range=palette[:len(names)])))
    best = max(progresses, key=lambda n: progresses[n].reduction)
    most = progresses[best].reduction
    title = i18n.t("cmp.index.title" if most >= 0 else "cmp.index.title_rise", lang, best=best,
                   pct=i18n.percent(abs(most), lang))  # when all rose, the least rise, as a rise
    return _finish(alt.layer(base, lines, name_marks), title, lang, i18n.t("cmp.index.subtitle", lang))


def per_capita_scatter(metrics: pd.DataFrame, chosen: list[int], lang: str) -> alt.LayerChart:
    """Per capita emissions (latest year) against reduction since the baseline for every municipality that
    can be computed; the chosen ones large, coloured by verdict, and named."""
    df = metrics.dropna(subset=["reduction", "per_capita"]).copy()
    df["chosen"] = df["code"].isin(chosen)
    df["reduction_pct"] = df["reduction"].astype(float) * 100
    df["reduction_text"] = df["reduction"].map(lambda v: i18n.percent(v, lang))
    df["per_capita_text"] = df["per_capita"].map(lambda v: i18n.number(v, lang, 1))
    df["verdict_text"] = df["verdict"].map(lambda v: sentences.verdict_label(v, lang))
    x = alt.X("reduction_pct:Q", title=i18n.t("cmp.col.reduction", lang) + " (%)", axis=alt.Axis(format=",.0f"))
    y = alt.Y("per_capita:Q", title=i18n.t("cmp.col.per_capita", lang), axis=alt.Axis(format=",.0f"),
              scale=alt.Scale(zero=True))
    tooltip = [alt.Tooltip("name:N", title=i18n.t("cmp.col.municipality", lang)),
               alt.Tooltip("verdict_text:N", title=i18n.t("cmp.col.verdict", lang)),
               alt.Tooltip("reduction_text:N", title=i18n.t("cmp.col.reduction", lang)),
               alt.Tooltip("per_capita_text:N", title=i18n.t("cmp.col.per_capita", lang))]
    others = alt.Chart(df[~df["chosen"]]).mark_circle(size=60, color=PALETTE["grey"], opacity=0.5).encode(
        x=x, y=y, tooltip=tooltip)
    picked = df[df["chosen"]]
    labels_v = [sentences.verdict_label(v, lang) for v in VERDICT_COLOURS]
    colour = alt.Color("verdict_text:N", title=i18n.t("cmp.col.verdict", lang), sort=labels_v,
                       scale=alt.Scale(domain=labels_v, range=list(VERDICT_COLOURS.values())))
    shapes = alt.Shape("verdict_text:N", sort=labels_v, title=i18n.t("cmp.col.verdict", lang),
                       scale=alt.Scale(domain=labels_v, range=["circle", "triangle-up", "square"]))
    chosen_marks = alt.Chart(picked).mark_point(size=260, filled=True, stroke="black", strokeWidth=1.5).encode(
        x=x, y=y, color=colour, shape=shapes, tooltip=tooltip)
    # Neighbours in reduction get their names above and below in turn, so close points stay readable.
    picked = picked.sort_values("reduction_pct").assign(above=[i % 2 == 0 for i in range(len(picked))])
    names = [alt.Chart(picked[picked["above"] == above]).mark_text(
        align="left", dx=12, dy=-12 if above else 14, fontSize=FONT_SIZE + 1, fontWeight="bold").encode(
        x=x, y=y, text="name:N") for above in (True, False)]
    title = i18n.t("cmp.scatter.title", lang, count=len(df))
    return _finish(alt.layer(others, chosen_marks, *names), title, lang, i18n.t("cmp.scatter.subtitle", lang),
                   height=420)


# -- Klimatilpasning: risk levels across municipalities, adaptation actions by hazard and status -----------
RISK_LEVEL_COLOURS = {"lav": PALETTE["sky"], "middel": PALETTE["yellow"], "hoej": PALETTE["orange"],
                      "meget_hoej": PALETTE["vermillion"]}
STATUS_COLOURS = {"completed": PALETTE["green"], "in_progress": PALETTE["sky"], "planned": PALETTE["purple"],
                  "delayed": PALETTE["orange"], "paused": PALETTE["yellow"], "cancelled": PALETTE["grey"]}


def risk_heatmap_frame(matrix: pd.DataFrame, lang: str) -> pd.DataFrame:
    """progress.risk_matrix as long rows: hazard and level in words, the number of municipalities."""
    rows = [{"hazard": labels.hazard(h, lang), "level": labels.risk_level(lv, lang), "n": int(matrix.loc[h, lv]),
             "label": i18n.number(int(matrix.loc[h, lv]), lang)}
            for h in matrix.index for lv in matrix.columns]
    return pd.DataFrame(rows, columns=["hazard", "level", "n", "label"])


def risk_heatmap(matrix: pd.DataFrame, lang: str, municipalities: int) -> alt.LayerChart:
    """Hazard (rows) × risk level (columns, low to very high): how many of the area's municipalities assessed each
    hazard at each level, the count written in every cell (colour is never the only cue): the cell's hue is its
    level, its strength the count."""
    df = risk_heatmap_frame(matrix, lang)
    hazards = [labels.hazard(h, lang) for h in matrix.index]
    levels = [labels.risk_level(lv, lang) for lv in matrix.columns]
    top = max(int(df["n"].max()) if len(df) else 0, 1)
    x = alt.X("level:N", sort=levels, title=i18n.t("ad.chart.level", lang),
              axis=alt.Axis(orient="top", labelAngle=0, labelFontSize=FONT_SIZE + 1))
    y = alt.Y("hazard:N", sort=hazards, title=None, axis=alt.Axis(labelLimit=320, labelFontSize=FONT_SIZE + 1))
    # Hue says the level (as the column does), strength how many municipalities share it.
    cells = alt.Chart(df).mark_rect(stroke="white", strokeWidth=2).encode(
        x=x, y=y, color=alt.Color("level:N", legend=None, scale=alt.Scale(
            domain=levels, range=[RISK_LEVEL_COLOURS[lv] for lv in matrix.columns])),
        opacity=alt.Opacity("n:Q", legend=None, scale=alt.Scale(type="sqrt", domain=[0, top], range=[0.1, 1.0])),
        tooltip=[alt.Tooltip("hazard:N", title=i18n.t("ad.col.hazard", lang)),
                 alt.Tooltip("level:N", title=i18n.t("ad.col.level", lang)),
                 alt.Tooltip("label:N", title=i18n.t("ad.chart.municipalities", lang))])
    text = alt.Chart(df).mark_text(fontSize=FONT_SIZE + 1, fontWeight="bold", color=PALETTE["black"]).encode(
        x=x, y=y, text="label:N")
    title = i18n.t("ad.chart.heat.title", lang)
    subtitle = i18n.t("ad.chart.heat.subtitle", lang, count=municipalities)
    return _finish(alt.layer(cells, text), title, lang, subtitle, height=40 * len(hazards))


def adaptation_status_frame(by_hazard: pd.DataFrame, lang: str) -> pd.DataFrame:
    rows = [{"hazard": labels.hazard(h, lang), "status_key": s, "status": labels.status(s, lang),
             "n": int(by_hazard.loc[h, s])}
            for h in by_hazard.index for s in by_hazard.columns if int(by_hazard.loc[h, s]) > 0]
    return pd.DataFrame(rows, columns=["hazard", "status_key", "status", "n"])


def adaptation_status_bars(by_hazard: pd.DataFrame, lang: str) -> alt.Chart:
    """Adaptation actions per hazard, stacked by status (covering statuses first, from the axis out)."""
    df = adaptation_status_frame(by_hazard, lang)
    hazards = [labels.hazard(h, lang) for h in by_hazard.index]
    order = list(STATUS_COLOURS)
    df["order"] = df["status_key"].map(order.index)
    statuses = [labels.status(s, lang) for s in order]
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("n:Q", title=i18n.t("ad.chart.actions", lang), axis=alt.Axis(format=",d", tickMinStep=1)),
        y=alt.Y("hazard:N", sort=hazards, title=None, axis=alt.Axis(labelLimit=320, labelFontSize=FONT_SIZE + 1)),
        color=alt.Color("status:N", title=None, sort=statuses,
                        scale=alt.Scale(domain=statuses, range=[STATUS_COLOURS[s] for s in order])),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("hazard:N", title=i18n.t("ad.col.hazard", lang)),
                 alt.Tooltip("status:N", title=i18n.t("ad.col.status", lang)),
                 alt.Tooltip("n:Q", title=i18n.t("ad.chart.actions", lang))])
    return _finish(chart, i18n.t("ad.chart.status.title", lang), lang, i18n.t("ad.chart.status.subtitle", lang),
                   height=40 * len(hazards), legend_columns=6)


# -- KKR meeting pack: the municipalities on a static map, coloured by verdict ------------------------

# Bornholm (400) lies 150 km east of the rest: drawn where it is, it leaves Denmark a third of the map. Danish
# maps show it moved into the sea north-east of Sjælland, in a box; the slides do the same.
# Degrees (longitude, latitude): for Denmark into the Kattegat below the legend; for the capital region just
# east of Amager, so the region's map is not stretched.
BORNHOLM, BORNHOLM_SHIFT, BORNHOLM_SHIFT_REGION = 400, (-1.55, 1.3), (-1.72, 0.35)


def _shifted(coords: object, dx: float, dy: float) -> object:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [coords[0] + dx, coords[1] + dy, *coords[2:]]
    return [_shifted(c, dx, dy) for c in coords]  # type: ignore[union-attr]


def _bounds(coords: object) -> tuple[float, float, float, float]:
    points: list[tuple[float, float]] = []

    def walk(c: object) -> None:
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            points.append((float(c[0]), float(c[1])))
        elif isinstance(c, (list, tuple)):
            for x in c:
                walk(x)

    walk(coords)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def verdict_map(rows: pd.DataFrame, lang: str, features: dict[int, dict] | None = None,
                width: int = 720, height: int = 600) -> alt.Chart:
    """The municipalities in `rows` (code, name, verdict value or None, label_lat, label_lon, area_km2) coloured
    by verdict: real boundaries from `features` (maps.read_boundaries), else a circle at each label point.
    A static chart for slides (vl-convert renders it offline); grey where nothing can be computed."""
    from dk2020dash.domain import VERDICTS

    verdicts = [labels.verdict(v, lang) for v in VERDICTS]
    none = i18n.t("map.legend.none", lang)
    colour_of = dict(zip(VERDICTS, verdicts))
    domain = [*verdicts, none]
    scale = alt.Scale(domain=domain, range=[*VERDICT_COLOURS.values(), PALETTE["grey"]])
    # Inside the map's top-right corner: open sea (Kattegat and Sweden) for Denmark and every region.
    legend = alt.Legend(orient="top-right", symbolType="square", symbolSize=300, fillColor="#FFFFFFDD", padding=8)
    title = i18n.t("ov.col.verdict", lang)
    colour = alt.Color("verdict_text:N", title=title, sort=domain, scale=scale, legend=legend)
    texts = [colour_of.get(v, none) if isinstance(v, str) else none for v in rows["verdict"]]
    tooltip = [alt.Tooltip("name:N", title=i18n.t("ov.col.municipality", lang)),
               alt.Tooltip("verdict_text:N", title=i18n.t("ov.col.verdict", lang))]
    features = dict(features or {})
    rows = rows.copy()
    layers = []
    others = set(rows["code"].astype(int)) - {BORNHOLM}
    if BORNHOLM in set(rows["code"].astype(int)) and others:  # moved only beside other municipalities
        dx, dy = BORNHOLM_SHIFT if rows["label_lon"].astype(float).min() < 10 else BORNHOLM_SHIFT_REGION
        at = rows["code"].astype(int) == BORNHOLM
        rows.loc[at, "label_lon"] = rows.loc[at, "label_lon"].astype(float) + dx
        rows.loc[at, "label_lat"] = rows.loc[at, "label_lat"].astype(float) + dy
        if BORNHOLM in features:
            geometry = features[BORNHOLM]["geometry"]
            moved = {"type": geometry["type"], "coordinates": _shifted(geometry["coordinates"], dx, dy)}
            features[BORNHOLM] = {**features[BORNHOLM], "geometry": moved}
            x0, y0, x1, y1 = _bounds(moved["coordinates"])
        else:
            lon, lat = float(rows.loc[at, "label_lon"].iloc[0]), float(rows.loc[at, "label_lat"].iloc[0])
            x0, y0, x1, y1 = lon - 0.25, lat - 0.15, lon + 0.25, lat + 0.15
        pad = 0.06
        box = [[x0 - pad, y0 - pad], [x1 + pad, y0 - pad], [x1 + pad, y1 + pad], [x0 - pad, y1 + pad], [x0 - pad, y0 - pad]]
        layers.append(alt.Chart(alt.Data(values=[{"type": "Feature", "properties": {},
                                                  "geometry": {"type": "LineString", "coordinates": box}}]))
                      # a decorative frame: hidden from screen readers (axe: svg-img-alt, an unnamed graphic)
                      .mark_geoshape(filled=False, stroke=PALETTE["grey"], strokeWidth=1, aria=False))
    drawn = rows["code"].astype(int).isin(list(features))
    if drawn.any():
        values = [{"type": "Feature", "geometry": features[int(code)]["geometry"],
                   "properties": {"name": str(name), "verdict_text": text}}
                  for code, name, text, ok in zip(rows["code"], rows["name"], texts, drawn) if ok]
        layers.append(alt.Chart(alt.Data(values=values)).mark_geoshape(stroke="white", strokeWidth=0.6).encode(
            color=alt.Color("properties.verdict_text:N", title=title, sort=domain, scale=scale, legend=legend),
            tooltip=[alt.Tooltip("properties.name:N", title=i18n.t("ov.col.municipality", lang)),
                     alt.Tooltip("properties.verdict_text:N", title=title)]))
    if (~drawn).any():
        points = rows[~drawn].assign(verdict_text=[t for t, ok in zip(texts, drawn) if not ok])
        layers.append(alt.Chart(points).mark_circle(opacity=0.95, stroke="white", strokeWidth=1).encode(
            longitude="label_lon:Q", latitude="label_lat:Q", color=colour, tooltip=tooltip,
            size=alt.Size("area_km2:Q", legend=None, scale=alt.Scale(range=[60, 1400]))))
    chart = alt.layer(*layers).project("mercator").properties(width=width, height=height)
    return (chart.configure(locale={"number": NUMBER_LOCALE.get(lang, NUMBER_LOCALE["en"])})
            .configure_view(stroke=None)
            .configure_legend(labelFontSize=FONT_SIZE + 2, titleFontSize=FONT_SIZE + 2, labelLimit=400))
