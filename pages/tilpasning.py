"""Tilpasning: climate risks across the area's municipalities, adaptation actions by hazard and status, the high
risks without adaptation under way, and what is overdue or out of date."""
from datetime import date

import streamlit as st

from dk2020dash import i18n, queries
from dk2020dash.domain import RISK_STALE_AFTER_YEARS, STALE_AFTER_DAYS
from dk2020dash.ui import loaders, shell, tables, widgets
from dk2020dash.ui.parts import adaptation

ctx = shell.page_setup()
t, lang = ctx.t, ctx.lang
munis = loaders.load_municipalities(ctx)
codes = queries.area_codes(munis, ctx.area)
area_name = shell.area_label(ctx.area, lang)
slug = tables.file_slug(area_name)
st.title(t("ad.title", area=area_name))
st.write(t("ad.intro"))

view = adaptation.load_area_view(ctx, codes, date.today())
if not view["municipalities"] and not view["actions"]:
    st.info(t("ad.none_at_all"))
    st.stop()
if view["demo"]:
    st.caption(t("ad.demo_note"))

with st.container(horizontal=True, key="ad-kpis"):
    st.metric(t("ad.kpi.assessed"), t("ad.kpi.assessed.value", n=view["municipalities"], total=len(codes)),
              border=True)
    st.metric(t("ad.kpi.high"), i18n.number(view["high"], lang), help=t("ad.kpi.high.help"), border=True)
    st.metric(t("ad.kpi.uncovered"), i18n.number(view["uncovered"], lang), help=t("ad.kpi.uncovered.help"),
              border=True)
    st.metric(t("ad.kpi.actions"), t("ad.kpi.actions.value", n=i18n.number(view["under_way"], lang),
                                     total=i18n.number(view["actions"], lang)), border=True)

specs = adaptation.load_adaptation_specs(ctx, codes)
if "heat" in specs:
    st.subheader(t("ad.heat"))
    widgets.chart(ctx, specs["heat"], "ad-heat", height=520,  # the plot, its titles and axis labels
             alt=specs["alt"]["heat"])
    widgets.download_table(ctx, view["matrix_table"], f"klimarisici-{slug}")

st.subheader(t("ad.actions"))
if "status" in specs:
    widgets.chart(ctx, specs["status"], "ad-status", height=560, alt=specs["alt"]["status"])  # the bars, titles and legend
    widgets.download_table(ctx, view["by_hazard_table"], f"tilpasning-klimafare-status-{slug}")
else:
    st.info(t("ad.actions.none"))
if view["untagged"]:
    st.caption(t("ad.actions.untagged", count=view["untagged"]))

st.subheader(t("ad.uncovered"))
st.caption(t("ad.uncovered.caption"))
if view["uncovered_table"].empty:
    st.success(t("ad.uncovered.none"), icon="✅")
else:
    st.dataframe(view["uncovered_table"], hide_index=True, key="ad-uncovered")
    widgets.download_table(ctx, view["uncovered_table"], f"hoeje-risici-uden-tilpasning-{slug}")

st.subheader(t("ad.attention"))
st.caption(t("ad.attention.caption", count=STALE_AFTER_DAYS))
if view["attention_table"].empty:
    st.success(t("ad.attention.none"), icon="✅")
else:
    st.dataframe(view["attention_table"], hide_index=True, key="ad-attention")
    widgets.download_table(ctx, view["attention_download"], f"tilpasning-overskredet-{slug}")
if view["stale"]:
    st.markdown(t("ad.stale_assessments", count=RISK_STALE_AFTER_YEARS, n=len(view["stale"]),
                  names=i18n.literal(", ".join(view["stale"]))))
if view["unassessed"]:
    names = sorted(loaders.municipality_name(ctx, c) for c in view["unassessed"])
    st.markdown(t("ad.no_assessment", n=len(names), names=i18n.literal(", ".join(names))))
