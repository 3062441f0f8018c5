"""Overblik: is Denmark or the chosen region on track? One sentence, KPI cards, trajectory, sectors, ranking."""
from datetime import date

import streamlit as st

from dk2020dash import queries
from dk2020dash.ui import loaders, shell, tables, widgets
from dk2020dash.views import sentences

ctx = shell.page_setup()
t, lang = ctx.t, ctx.lang
today = date.today()
area_name = shell.area_label(ctx.area, lang)
st.title(t("ov.title", area=area_name))

codes = queries.area_codes(loaders.load_municipalities(ctx), ctx.area)
result = loaders.assess(ctx, codes, today)

if not result:
    st.info(t("ov.no_data", area=area_name, reason=loaders.unavailable_text(ctx, result)), icon="ℹ️")
else:
    with st.container(key="ov-sentence"):
        st.markdown(f"### {sentences.area_sentence(result, area_name, lang)}")
        st.caption(sentences.verdict_note(result, lang))
    widgets.progress_kpis(ctx, result)
    widgets.verdict_kpis(ctx, result)
widgets.activity_kpis(ctx, codes, today)

if result:
    specs = loaders.load_chart_specs(ctx, codes, today)  # views/charts.py's charts, built once per data version
    st.subheader(t("ov.trajectory"))
    widgets.chart(ctx, specs["trajectory"], "ov-trajectory", height=560, alt=specs["alt"]["trajectory"])
    widgets.sector_charts(ctx, specs, "ov")
    # the reduction bridge at the area's year: need, what the actions cover, manko, and what is already in it
    st.subheader(t("mun.bridge"))
    widgets.chart(ctx, specs["bridge"], "ov-bridge", height=440, alt=specs["alt"]["bridge"])
    for note in sentences.bridge_notes(result.bridge, lang, result.latest_year):
        st.caption(note)

st.subheader(t("ov.ranking", area=area_name))
rank, excluded = loaders.ranking(ctx, codes, today)
st.caption(t("ov.ranking.help"))
ranking = tables.ranking_table(ctx, rank)
event = st.dataframe(ranking, hide_index=True, key="ov-ranking", on_select="rerun", selection_mode="single-row")
widgets.download_table(ctx, ranking.data, f"rangliste-{tables.file_slug(area_name)}")
chosen = widgets.selected_code(rank, event)
if chosen is not None:
    widgets.open_municipality(chosen, loaders.municipality_name(ctx, chosen))
if excluded:
    st.markdown(f"**{t('ov.excluded')}**")
    st.markdown("\n".join(f"- {line}" for line in tables.excluded_lines(ctx, excluded)))
