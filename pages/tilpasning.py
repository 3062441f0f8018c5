"""Tilpasning: climate risks across the area's municipalities, adaptation actions by hazard and status, the high
risks without adaptation under way, and what is overdue or out of date."""
from datetime import date

import streamlit as st

from dk2020dash import i18n, progress, queries, ui
from dk2020dash.domain import RISK_STALE_AFTER_YEARS, STALE_AFTER_DAYS

ctx = ui.page_setup()
t, lang = ctx.t, ctx.lang
today = date.today()
munis = ui.load_municipalities(ctx)
codes = queries.area_codes(munis, ctx.area)
area_name = ui.area_label(ctx.area, lang)
st.title(t("ad.title", area=area_name))
st.write(t("ad.intro"))

risks = ui.load_risks(ctx, codes)
actions = ui.load_adaptation_actions(ctx, codes)
if risks.empty and actions.empty:
    st.info(t("ad.none_at_all"))
    st.stop()
if bool(risks["is_demo"].any()):
    st.caption(t("ad.demo_note"))

uncovered = progress.uncovered_high_risks(risks, actions)
high = int(risks["level"].map(progress.is_high_risk).sum()) if len(risks) else 0
under_way = int(actions["status"].map(progress.covers).sum()) if len(actions) else 0
with st.container(horizontal=True, key="ad-kpis"):
    st.metric(t("ad.kpi.assessed"), t("ad.kpi.assessed.value", n=risks["municipality"].nunique(), total=len(codes)),
              border=True)
    st.metric(t("ad.kpi.high"), i18n.number(high, lang), help=t("ad.kpi.high.help"), border=True)
    st.metric(t("ad.kpi.uncovered"), i18n.number(len(uncovered), lang), help=t("ad.kpi.uncovered.help"), border=True)
    st.metric(t("ad.kpi.actions"), t("ad.kpi.actions.value", n=i18n.number(under_way, lang),
                                     total=i18n.number(len(actions), lang)), border=True)

specs = ui.load_adaptation_specs(ctx, codes)
if "heat" in specs:
    st.subheader(t("ad.heat"))
    st.vega_lite_chart(specs["heat"], key="ad-heat", height=520)  # the plot, its titles and axis labels
    ui.download_table(ctx, ui.matrix_frame(ctx, progress.risk_matrix(risks)), f"klimarisici-{ui.file_slug(area_name)}")

st.subheader(t("ad.actions"))
if "status" in specs:
    st.vega_lite_chart(specs["status"], key="ad-status", height=560)  # the bars, titles and legend
    ui.download_table(ctx, ui.by_hazard_frame(ctx, progress.adaptation_by_hazard(actions)),
                      f"tilpasning-klimafare-status-{ui.file_slug(area_name)}")
else:
    st.info(t("ad.actions.none"))
untagged = int(actions["hazards"].map(len).eq(0).sum()) if len(actions) else 0
if untagged:
    st.caption(t("ad.actions.untagged", n=i18n.number(untagged, lang)))

st.subheader(t("ad.uncovered"))
st.caption(t("ad.uncovered.caption"))
if uncovered.empty:
    st.success(t("ad.uncovered.none"), icon="✅")
else:
    table = ui.uncovered_frame(ctx, uncovered, risks, today)
    st.dataframe(table, hide_index=True, key="ad-uncovered")
    ui.download_table(ctx, table, f"hoeje-risici-uden-tilpasning-{ui.file_slug(area_name)}")

st.subheader(t("ad.attention"))
st.caption(t("ad.attention.caption", days=STALE_AFTER_DAYS))
attention = progress.adaptation_overdue(actions, today)
if attention.empty:
    st.success(t("ad.attention.none"), icon="✅")
else:
    st.dataframe(ui.adaptation_actions_frame(ctx, attention, today), hide_index=True, key="ad-attention")
    ui.download_table(ctx, ui.adaptation_actions_frame(ctx, attention, today, dates_as_text=False),
                      f"tilpasning-overskredet-{ui.file_slug(area_name)}")
stale = ui.stale_assessments(ctx, risks, today)
if stale:
    st.markdown(t("ad.stale_assessments", years=RISK_STALE_AFTER_YEARS, n=len(stale), names=", ".join(stale)))
name_of = dict(zip(munis["code"].astype(int), munis["name"]))
missing = sorted(name_of[c] for c in codes if c not in set(risks["municipality"].astype(int)))
if missing:
    st.markdown(t("ad.no_assessment", n=len(missing), names=", ".join(missing)))
