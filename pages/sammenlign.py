"""Sammenlign: 2–8 municipalities side by side (indexed trajectories, per capita against reduction, a table)."""
import streamlit as st

from dk2020dash import i18n, names
from dk2020dash.ui import loaders, shell, tables, widgets

ctx = shell.page_setup()
st.title(ctx.t("cmp.title"))

munis = loaders.load_municipalities(ctx)
name_of = dict(zip(munis["code"].astype(int), munis["name"]))
options = sorted(name_of, key=lambda c: name_of[c])
# Coming from a municipality's page, its peers are the default; otherwise the area's most populous one's.
anchor = names.resolve_municipality(munis, st.session_state.get("kommune"))
default = tables.peer_group(munis, ctx.area, anchor)
# Bound to the URL by the shown names: ?kommuner=Aarhus&kommuner=Odense reproduces the view.
chosen = st.multiselect(ctx.t("cmp.pick"), options, default=default, format_func=name_of.get, max_selections=8,
                        key="kommuner", bind="query-params", help=ctx.t("cmp.pick.help"))

if len(chosen) < 2:
    st.info(ctx.t("cmp.too_few"), icon="👆")
    st.stop()

metrics = loaders.municipality_metrics(ctx)
picked = metrics.set_index("code").loc[chosen].reset_index()
for r in picked[picked["verdict"].isna()].itertuples():
    st.warning(ctx.t("cmp.cannot", name=i18n.literal(r.name), why=r.why), icon="ℹ️")

specs = loaders.load_compare_specs(ctx, chosen)
if "index" in specs:
    widgets.chart(ctx, specs["index"], "cmp-index", height=440, alt=specs["alt"]["index"])
widgets.chart(ctx, specs["scatter"], "cmp-scatter", height=480, alt=specs["alt"]["scatter"])

st.subheader(ctx.t("cmp.table"))
ordered = picked.sort_values("reduction", ascending=False, na_position="last")
st.dataframe(tables.comparison_table(ctx, ordered), hide_index=True, width="stretch", key="cmp-table")
widgets.download_table(ctx, tables.comparison_download(ctx, ordered), "sammenligning")
if picked["population_approx"].any():
    st.caption(ctx.t("cmp.approx_note"))
