"""Text alternatives of the charts and the map (WCAG 1.1.1): one sentence and the data behind the chart as a table,
with headers in the page language and numbers formatted by i18n. Plain Python: no Streamlit, no SQL."""
from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from dk2020dash import i18n, labels, names
from dk2020dash.domain import HIGH_RISK_LEVELS, VERDICTS
from dk2020dash.metrics import adaptation
from dk2020dash.metrics.bridge import Bridge
from dk2020dash.metrics.mitigation import Progress
from dk2020dash.views import charts, sentences


class TextAlternative(NamedTuple):
    """What a screen reader reaches for a chart: the sentence, and the chart's data as strings ready to show."""

    summary: str
    table: pd.DataFrame


def _t(key: str, lang: str, **values: object) -> str:
    return i18n.t(key, lang, **values)


def _wide(frame: pd.DataFrame, row: str, column: str, value: str, columns: list, lang: str, row_title: str,
          fmt=None) -> pd.DataFrame:
    """A long frame turned into one row per `row` value and one column per `column` value (in `columns`' order),
    cells formatted by `fmt` (tonnes by default), "–" where the chart has no point."""
    fmt = fmt or (lambda v: i18n.tonnes(v, lang))
    wide = frame.pivot_table(index=row, columns=column, values=value, aggfunc="first", sort=True)
    out = pd.DataFrame({row_title: [str(int(y)) if pd.api.types.is_number(y) else str(y) for y in wide.index]})
    for c in columns:
        if c in wide.columns:
            out[str(c)] = [("–" if pd.isna(v) else fmt(float(v))) for v in wide[c]]
    return out


def trajectory(p: Progress, lang: str, scenarios: pd.DataFrame | None = None) -> TextAlternative:
    """charts.trajectory's lines, one row per year: the inventory, the target path, the trend, the plan's scenarios."""
    df = charts.trajectory_frame(p, lang, scenarios)
    series = [charts.series_label(k, lang) for k in charts.TRAJECTORY_SERIES if k in set(df["key"])]
    table = _wide(df, "year", "series", "tco2e", series, lang, _t("chart.year", lang))
    return TextAlternative(sentences.trajectory_summary(p, lang), table)


def sector_bars(by_sector: pd.DataFrame, lang: str, year: int | None = None) -> TextAlternative:
    """charts.sector_bars's bars: each sector group's emissions in the year, largest first."""
    df = charts.sector_groups_frame(by_sector, lang)
    year = int(df["year"].max()) if year is None else year
    df = df[df["year"] == year].sort_values("tco2e", ascending=False)
    groups = list(zip(df["group"], df["tco2e"].astype(float)))
    table = pd.DataFrame({_t("chart.sector", lang): df["group"].tolist(),
                          _t("alt.col.emissions_year", lang, year=year): [i18n.tonnes(v, lang) for _, v in groups]})
    summary = sentences.sector_bars_summary(groups, year, lang) if groups else ""
    return TextAlternative(summary, table)


def sector_area(by_sector: pd.DataFrame, lang: str) -> TextAlternative:
    """charts.sector_area's areas: one row per inventory year and sector group, in the chart's order. Long, not one
    column per group: a table that wide scrolls sideways in a box the keyboard cannot reach (axe
    scrollable-region-focusable)."""
    df = charts.sector_groups_frame(by_sector, lang)
    order = {g: i for i, g in enumerate(charts.SECTOR_GROUP_COLOURS)}
    rows = df.assign(_o=df["sector_group"].map(order)).sort_values(["year", "_o"])
    table = pd.DataFrame({_t("chart.year", lang): [str(int(y)) for y in rows["year"]],
                          _t("chart.sector", lang): rows["group"].tolist(),
                          _t("chart.emissions", lang): [i18n.tonnes(float(v), lang) for v in rows["tco2e"]]})

    def largest(year: int) -> tuple[int, str, float]:
        row = df[df["year"] == year].sort_values("tco2e", ascending=False).iloc[0]
        return year, str(row["group"]), float(row["tco2e"])

    summary = sentences.sector_time_summary(largest(int(df["year"].min())), largest(int(df["year"].max())), lang)
    return TextAlternative(summary, table)


def bridge(b: Bridge, lang: str) -> TextAlternative:
    """charts.reduction_bridge's steps with their tonnes."""
    df = charts.bridge_frame(b, lang)
    table = pd.DataFrame({_t("alt.col.step", lang): df["step"].tolist(),
                          _t("chart.emissions", lang): df["label"].tolist()})
    return TextAlternative(sentences.bridge_summary(b, lang), table)


def indexed(progresses: dict[str, Progress], lang: str) -> TextAlternative:
    """charts.indexed_trajectories's lines: one row per year, one column per municipality (baseline = 100)."""
    df = charts.indexed_frame(progresses)
    table = _wide(df, "year", "name", "index", list(progresses), lang, _t("chart.year", lang),
                  fmt=lambda v: i18n.number(v, lang, 1))
    return TextAlternative(sentences.indexed_summary(progresses, lang), table)


def scatter(metrics: pd.DataFrame, chosen: list[int], lang: str) -> TextAlternative:
    """charts.per_capita_scatter's points: every municipality that can be computed, the chosen ones first."""
    df = metrics.dropna(subset=["reduction", "per_capita"]).copy()
    df["chosen"] = df["code"].isin(chosen)
    df = df.assign(_key=df["name"].map(names.danish_sort_key)).sort_values(["chosen", "_key"],
                                                                           ascending=[False, True])
    yes = _t("alt.yes", lang)
    table = pd.DataFrame({
        _t("cmp.col.municipality", lang): df["name"].tolist(),
        _t("alt.col.chosen", lang): [yes if c else "" for c in df["chosen"]],
        _t("cmp.col.verdict", lang): [sentences.verdict_label(v, lang) for v in df["verdict"]],
        _t("cmp.col.reduction", lang): [i18n.percent(float(v), lang) for v in df["reduction"]],
        _t("cmp.col.per_capita", lang): [i18n.number(float(v), lang, 1) for v in df["per_capita"]],
    })
    picked = df[df["chosen"]]
    summary = sentences.scatter_summary(len(df), list(zip(picked["name"], picked["reduction"].astype(float),
                                                          picked["per_capita"].astype(float))), lang)
    return TextAlternative(summary, table)


def risk_heatmap(matrix: pd.DataFrame, lang: str, municipalities: int) -> TextAlternative:
    """charts.risk_heatmap's cells: one row per hazard, one column per risk level, municipalities in each."""
    levels = [labels.risk_level(lv, lang) for lv in matrix.columns]
    table = pd.DataFrame({_t("ad.col.hazard", lang): [labels.hazard(h, lang) for h in matrix.index]})
    for label, lv in zip(levels, matrix.columns):
        table[label] = [i18n.number(int(v), lang) for v in matrix[lv]]
    high = matrix[[lv for lv in HIGH_RISK_LEVELS if lv in matrix.columns]].sum(axis=1)
    top = str(high.idxmax()) if len(high) and int(high.max()) > 0 else None
    summary = sentences.heat_summary(municipalities, labels.hazard(top, lang) if top else None,
                                     int(high.max()) if top else 0, lang)
    return TextAlternative(summary, table)


def adaptation_status(by_hazard: pd.DataFrame, actions: pd.DataFrame, lang: str) -> TextAlternative:
    """charts.adaptation_status_bars's bars: one row per hazard, one column per status (an action naming two hazards
    counts under both, as in the chart)."""
    table = pd.DataFrame({_t("ad.col.hazard", lang): [labels.hazard(h, lang) for h in by_hazard.index]})
    for s in by_hazard.columns:
        table[labels.status(s, lang)] = [i18n.number(int(v), lang) for v in by_hazard[s]]
    per = by_hazard.sum(axis=1)
    under_way = int(actions["status"].map(adaptation.covers).sum()) if len(actions) else 0
    summary = sentences.adaptation_status_summary(len(actions), under_way, labels.hazard(str(per.idxmax()), lang),
                                                  int(per.max()), lang)
    return TextAlternative(summary, table)


# The verdicts in the order a list groups them; municipalities that cannot be computed last.
_VERDICT_ORDER = {v: i for i, v in enumerate(VERDICTS)}


def verdict_list(rows: pd.DataFrame, lang: str, metric: str = "verdict") -> TextAlternative:
    """The verdict map (the Kort page's, the KKR slide's) as a list: one row per municipality in `rows` (code, name,
    region, verdict value or None, and the metric's column), grouped by verdict (icon and word), then by name; with
    the value the map shows when it is coloured by another metric."""
    from dk2020dash.views.maps import _value_text

    order = rows.assign(_v=rows["verdict"].map(lambda v: _VERDICT_ORDER.get(v, len(VERDICTS)) if isinstance(v, str)
                                               else len(VERDICTS)),
                        _k=rows["name"].map(names.danish_sort_key)).sort_values(["_v", "_k"])
    none = _t("map.legend.none", lang)
    table = pd.DataFrame({_t("ov.col.municipality", lang): order["name"].astype(str).tolist()})
    if "region" in order:
        table[_t("ms.col.region", lang)] = order["region"].astype(str).tolist()
    table[_t("ov.col.verdict", lang)] = [sentences.verdict_label(v, lang) if isinstance(v, str) else none
                                         for v in order["verdict"]]
    summary = sentences.map_summary([v if isinstance(v, str) else None for v in rows["verdict"]], lang)
    if metric != "verdict":
        what = _t(f"map.metric.{metric}", lang)
        table[what] = [_value_text(metric, v, lang) for v in order[metric]]
        known = order.dropna(subset=[metric])
        if len(known):
            lo = known.loc[pd.to_numeric(known[metric]).idxmin()]
            hi = known.loc[pd.to_numeric(known[metric]).idxmax()]
            summary += " " + sentences.map_range_summary(what, (_value_text(metric, lo[metric], lang), str(lo["name"])),
                                                         (_value_text(metric, hi[metric], lang), str(hi["name"])), lang)
    return TextAlternative(summary, table)
