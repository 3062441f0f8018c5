"""Klimatilpasning: loaders, frames and the Kommune page's section for risk assessments and adaptation actions."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dk2020dash import i18n, labels, queries
from dk2020dash.db import open_store
from dk2020dash.domain import ACTION_STATUSES, RISK_RANK, RISK_STALE_AFTER_YEARS, STALE_AFTER_DAYS
from dk2020dash.metrics import adaptation
from dk2020dash.ui.context import Context
from dk2020dash.ui.loaders import cached
from dk2020dash.ui.widgets import download_table

__all__ = ["adaptation_actions_frame", "adaptation_section", "by_hazard_frame", "load_adaptation_actions",
           "load_adaptation_specs", "load_area_view", "load_risks", "matrix_frame", "stale_assessments",
           "uncovered_frame"]

load_risks = cached(queries.risks, 32)
load_adaptation_actions = cached(queries.adaptation_actions, 32)


@st.cache_data(show_spinner=False, max_entries=32)
def _adaptation_specs(path: str, version: int, codes: tuple[int, ...], lang: str) -> dict[str, dict]:
    """The Tilpasning page's two Vega-Lite specs, built once per data version, area and language; under "alt" their
    text alternatives."""
    from dk2020dash.views import alternatives, charts

    risks = load_risks.cached(path, version, codes)
    actions = load_adaptation_actions.cached(path, version, codes)
    specs: dict = {"alt": {}}
    if len(risks):
        matrix, assessed = adaptation.risk_matrix(risks), risks["municipality"].nunique()
        specs["heat"] = charts.risk_heatmap(matrix, lang, assessed).to_dict()
        specs["alt"]["heat"] = alternatives.risk_heatmap(matrix, lang, assessed)
    by_hazard = adaptation.adaptation_by_hazard(actions)
    if int(by_hazard.to_numpy().sum()):
        specs["status"] = charts.adaptation_status_bars(by_hazard, lang).to_dict()
        specs["alt"]["status"] = alternatives.adaptation_status(by_hazard, actions, lang)
    return specs


@st.cache_data(show_spinner=False, max_entries=32)
def _area_view(path: str, version: int, codes: tuple[int, ...], lang: str, today: date) -> dict:
    """Everything the Tilpasning page shows for an area, computed once per data version, area, language and day."""

    ctx = Context(lang=lang, area="", store=open_store(path), version=version)
    risks = load_risks.cached(path, version, codes)
    actions = load_adaptation_actions.cached(path, version, codes)
    uncovered = adaptation.uncovered_high_risks(risks, actions)
    attention = adaptation.adaptation_overdue(actions, today)
    assessed = set(risks["municipality"].astype(int))
    return {
        "municipalities": len(assessed),
        "demo": bool(risks["is_demo"].any()),
        "high": int(risks["level"].map(adaptation.is_high_risk).sum()) if len(risks) else 0,
        "actions": len(actions),
        "under_way": int(actions["status"].map(adaptation.covers).sum()) if len(actions) else 0,
        "untagged": int(actions["hazards"].map(len).eq(0).sum()) if len(actions) else 0,
        "uncovered": len(uncovered),
        "uncovered_table": uncovered_frame(ctx, uncovered, risks, today),
        "attention_table": adaptation_actions_frame(ctx, attention, today),
        "attention_download": adaptation_actions_frame(ctx, attention, today, dates_as_text=False),
        "matrix_table": matrix_frame(ctx, adaptation.risk_matrix(risks)),
        "by_hazard_table": by_hazard_frame(ctx, adaptation.adaptation_by_hazard(actions)),
        "stale": stale_assessments(ctx, risks, today),
        "unassessed": [c for c in codes if c not in assessed],
    }


def load_area_view(ctx: Context, codes: list[int], today: date) -> dict:
    """The Tilpasning page's figures and tables for an area: counts (municipalities assessed, high risks, uncovered,
    actions and those under way, actions naming no hazard), the uncovered and attention tables, the heat and
    status tables for download, old assessments and the codes without one."""
    return _area_view(ctx.store.target, ctx.version, tuple(codes), ctx.lang, today)


def load_adaptation_specs(ctx: Context, codes: list[int]) -> dict[str, dict]:
    """"heat" (hazard × risk level, when any risk is assessed) and "status" (actions by hazard and status)."""
    return _adaptation_specs(ctx.store.target, ctx.version, tuple(codes), ctx.lang)


def hazards_text(codes: object, lang: str) -> str:
    """A list of hazard codes in words ("Skybrud, Hedebølge"); "–" when there are none."""
    codes = [] if codes is None or (isinstance(codes, float) and pd.isna(codes)) else list(codes)
    return ", ".join(labels.hazard(c, lang) for c in codes) or "–"


def protection_text(ctx: Context, return_period_years: float, buildings_protected: float) -> str:
    """An action's protection target in words: "100-års hændelse · 350 bygninger"; "" when none is stated."""
    parts = []
    if not pd.isna(return_period_years):
        parts.append(ctx.t("ad.protection.return", n=i18n.number(float(return_period_years), ctx.lang)))
    if not pd.isna(buildings_protected):
        parts.append(ctx.t("ad.protection.buildings", count=float(buildings_protected)))
    return " · ".join(parts)


def _day(value: object, lang: str, as_text: bool) -> object:
    if value is None or pd.isna(value):
        return "" if as_text else None
    d = pd.Timestamp(value).date()
    return i18n.day(d, lang) if as_text else d


def matrix_frame(ctx: Context, matrix: pd.DataFrame) -> pd.DataFrame:
    """adaptation.risk_matrix with words for hazards and levels (the heat chart as a table, for download)."""
    out = matrix.copy()
    out.index = [labels.hazard(h, ctx.lang) for h in out.index]
    out.columns = [labels.risk_level(lv, ctx.lang) for lv in out.columns]
    return out.rename_axis(ctx.t("ad.col.hazard")).reset_index()


def by_hazard_frame(ctx: Context, by_hazard: pd.DataFrame) -> pd.DataFrame:
    out = by_hazard.copy()
    out.index = [labels.hazard(h, ctx.lang) for h in out.index]
    out.columns = [labels.status(s, ctx.lang) for s in out.columns]
    return out.rename_axis(ctx.t("ad.col.hazard")).reset_index()


def uncovered_frame(ctx: Context, uncovered: pd.DataFrame, risks: pd.DataFrame, today: date) -> pd.DataFrame:
    """Uncovered high risks as shown: municipality, hazard and level in words, year assessed (marked when the
    assessment is old), and how many actions for the hazard are planned, delayed or paused."""
    t, lang = ctx.t, ctx.lang
    names = dict(zip(risks["municipality"].astype(int), risks["municipality_name"], strict=True))
    return pd.DataFrame({
        t("ad.col.municipality"): [names[int(c)] for c in uncovered["municipality"]],
        t("ad.col.hazard"): [labels.hazard(h, lang) for h in uncovered["hazard"]],
        t("ad.col.level"): [labels.risk_level(lv, lang) for lv in uncovered["level"]],
        t("ad.col.assessed"): [assessed_text(ctx, y, today) for y in uncovered["assessed_year"]],
        t("ad.col.not_under_way"): uncovered["not_under_way"].astype(int).to_numpy(),
    })


def assessed_text(ctx: Context, year: object, today: date) -> str:
    """The year assessed, with a mark when the assessment is due again (adaptation.risk_assessment_is_stale)."""
    if adaptation.risk_assessment_is_stale(int(year), today):
        return ctx.t("ad.assessed.stale", year=int(year), count=RISK_STALE_AFTER_YEARS)
    return str(int(year))


def stale_assessments(ctx: Context, risks: pd.DataFrame, today: date) -> list[str]:
    """Each municipality with hazards whose assessment is out of date, by name: "Lolland (2019)" when its whole
    assessment is from that year, else the old hazards with their years: "København (stormflod 2019)"."""
    if risks.empty:
        return []
    years = {y: adaptation.risk_assessment_is_stale(int(y), today) for y in risks["assessed_year"].unique()}
    stale = risks["assessed_year"].map(years).to_numpy(dtype=bool)
    assessed = risks["municipality_name"].value_counts()
    out = []
    old = risks[stale]
    for name, group in old.groupby("municipality_name", sort=True):
        if len(group) == assessed[name] and group["assessed_year"].nunique() == 1:  # the whole assessment is old
            out.append(f"{name} ({int(group['assessed_year'].iloc[0])})")
            continue
        hazards = ", ".join(f"{labels.hazard(h, ctx.lang).lower()} {int(y)}"
                            for h, y in zip(group["hazard"], group["assessed_year"], strict=True))
        out.append(f"{name} ({hazards})")
    return out


def adaptation_actions_frame(ctx: Context, actions: pd.DataFrame, today: date, dates_as_text: bool = True,
                  with_municipality: bool = True) -> pd.DataFrame:
    """Adaptation actions as shown: title, hazards and status in words, protection target, end, last update,
    and a mark for what needs attention (overdue, not updated)."""
    t, lang = ctx.t, ctx.lang
    attention = adaptation.adaptation_overdue(actions, today)
    texts = dict(zip(attention["id"], (attention_text(ctx, o, s) for o, s in
                                       zip(attention["overdue"], attention["stale"], strict=True)), strict=True))
    why = [texts.get(i, "") for i in actions["id"]]
    out = {}
    if with_municipality:
        out[t("ad.col.municipality")] = actions["municipality_name"].to_numpy()
    out.update({
        t("ad.col.title"): actions["title"].to_numpy(),
        t("ad.col.why"): why,
        t("ad.col.hazards"): [hazards_text(h, lang) for h in actions["hazards"]],
        t("ad.col.status"): [labels.status(s, lang) for s in actions["status"]],
        t("ad.col.protection"): [protection_text(ctx, years, buildings) for years, buildings in
                                 zip(actions["return_period_years"], actions["buildings_protected"], strict=True)],
        t("ad.col.end"): [_day(d, lang, dates_as_text) for d in actions["end_date"]],
        t("ad.col.last_updated"): [_day(d, lang, dates_as_text) for d in actions["last_updated"]],
    })
    return pd.DataFrame(out)


def attention_text(ctx: Context, overdue: bool, stale: bool) -> str:
    """Why an adaptation action needs attention, in words."""
    parts = []
    if overdue:
        parts.append(ctx.t("ad.why.overdue"))
    if stale:
        parts.append(ctx.t("ad.why.stale", count=STALE_AFTER_DAYS))
    return "; ".join(parts)


def risks_frame(ctx: Context, risks: pd.DataFrame, actions: pd.DataFrame, today: date) -> pd.DataFrame:
    """One municipality's assessment as shown, highest risk first: hazard, level, year (marked when old), the
    adaptation actions naming the hazard by status, and the note."""
    t, lang = ctx.t, ctx.lang
    pairs = actions.assign(hazard=actions["hazards"].map(list)).explode("hazard") if len(actions) else actions
    ordered = risks.assign(_rank=risks["level"].map(lambda v: -RISK_RANK[v])).sort_values(
        ["_rank", "hazard"])

    def statuses(hazard: str) -> str:
        if not len(pairs):
            return "–"
        mine = pairs[pairs["hazard"] == hazard]["status"].value_counts()
        return ", ".join(f"{int(mine[s])} {labels.status(s, lang).lower()}" for s in ACTION_STATUSES
                         if s in mine) or "–"

    return pd.DataFrame({
        t("ad.col.hazard"): [labels.hazard(h, lang) for h in ordered["hazard"]],
        t("ad.col.level"): [labels.risk_level(lv, lang) for lv in ordered["level"]],
        t("ad.col.assessed"): [assessed_text(ctx, y, today) for y in ordered["assessed_year"]],
        t("ad.col.actions"): [statuses(h) for h in ordered["hazard"]],
        t("ad.col.note"): ordered["note"].fillna("").to_numpy(),
    })


@st.cache_data(show_spinner=False, max_entries=64)
def _municipality_view(path: str, version: int, code: int, name: str, lang: str, today: date) -> dict:
    """The Kommune page's Klimatilpasning section for one municipality, computed once per data version."""
    from dk2020dash.views.sentences import uncovered_sentence

    ctx = Context(lang=lang, area="", store=open_store(path), version=version)
    risks = load_risks.cached(path, version, (code,))
    actions = load_adaptation_actions.cached(path, version, (code,))
    uncovered = adaptation.uncovered_high_risks(risks, actions)
    high = int(risks["level"].map(adaptation.is_high_risk).sum()) if len(risks) else 0
    return {
        "sentence": uncovered_sentence(i18n.literal(name), len(risks), high,
                                       list(zip(uncovered["hazard"], uncovered["level"], strict=True)), lang),
        "demo": bool(risks["is_demo"].any()),
        "years": sorted({int(y) for y in risks["assessed_year"]}),
        "risks_table": risks_frame(ctx, risks, actions, today) if len(risks) else None,
        "actions_table": adaptation_actions_frame(ctx, actions, today, with_municipality=False) if len(actions) else None,
        "actions_download": (adaptation_actions_frame(ctx, actions, today, dates_as_text=False, with_municipality=False)
                             if len(actions) else None),
    }


def adaptation_section(ctx: Context, code: int, name: str, today: date) -> None:
    """The Kommune page's Klimatilpasning section: the assessment per hazard, the uncovered high risks in one
    sentence, and the adaptation actions per hazard with their status."""
    t = ctx.t
    view = _municipality_view(ctx.store.target, ctx.version, code, name, ctx.lang, today)
    st.subheader(t("mun.adapt"))
    with st.container(key="mun-adapt-sentence"):
        st.markdown(view["sentence"])
    if view["risks_table"] is not None:
        if view["demo"]:
            st.caption(t("ad.demo_note"))
        st.caption(t("mun.adapt.assessed", years=", ".join(str(y) for y in view["years"])))
        st.dataframe(view["risks_table"], hide_index=True, key="mun-adapt-risks")
        download_table(ctx, view["risks_table"], f"klimarisici-{_slug(name)}")
    if view["actions_table"] is None:
        st.info(t("mun.adapt.actions_none"))
    else:
        st.markdown(f"**{t('mun.adapt.actions')}**")
        st.dataframe(view["actions_table"], hide_index=True, key="mun-adapt-actions")
        download_table(ctx, view["actions_download"], f"tilpasning-{_slug(name)}")


def _slug(name: str) -> str:
    from dk2020dash.ui.tables import file_slug

    return file_slug(name)
