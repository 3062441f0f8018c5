"""Kort: all 98 municipalities on a map, coloured by verdict, reduction, per capita or manko; a click opens one."""
from pathlib import Path

import streamlit as st

from dk2020dash import i18n
from dk2020dash.ui import context, loaders, shell, tables, widgets
from dk2020dash.views import charts, maps

ctx = shell.page_setup()
st.title(ctx.t("map.title"))

metric = st.segmented_control(
    ctx.t("map.metric"), maps.METRICS, default="verdict", required=True, key="metric", bind="query-params",
    format_func=lambda m: ctx.t(f"map.metric.{m}"),
) or "verdict"

path, boundaries, error = loaders.load_boundaries(ctx)
if error:
    context.show_refusal(ctx, error, icon="🗺️", warning=True)
drawn = loaders.load_map(ctx, metric)  # the decks, built once per data version, language, metric and area
metrics, area_codes, legend, crowded = drawn["metrics"], drawn["area_codes"], drawn["legend"], drawn["crowded"]
inset_spots: dict[int, int | None] = drawn["inset_spots"]
inset_event = None

st.caption(ctx.t(f"map.legend.{metric}"))
with st.container(key="map-legend", horizontal=True):
    for item in legend:
        st.markdown(
            f'<span style="display:inline-block;width:1.1em;height:1.1em;border:1px solid #555;'
            f'background:{item["colour"]};vertical-align:middle"></span> {item["label"]} '
            f'<span style="color:#555">({ctx.t("map.legend.count", count=item["count"])})</span>',
            unsafe_allow_html=True, width="content",
        )
listing = loaders.load_map_list(ctx, metric)  # the map in words: a sentence, the municipalities by verdict as a list
event = st.pydeck_chart(drawn["deck"], height=maps.MAP_PX[1], on_select="rerun", selection_mode="single-object", key="map",
                        alt=listing.summary)
if metric == "verdict":  # the chosen area as a static image (as on the KKR slides), made when a button is clicked
    shown = metrics[metrics["code"].isin(area_codes)]
    widgets.chart_downloads(ctx, lambda: charts.verdict_map(shown, ctx.lang, boundaries).to_dict(),
                       f"kort-{tables.file_slug(shell.area_label(ctx.area, ctx.lang))}")
widgets.text_alternative(ctx, listing, "map", label="alt.map_list")
if drawn["inset_deck"] is not None:
    st.subheader(ctx.t("map.inset"))
    inset_event = st.pydeck_chart(drawn["inset_deck"], height=maps.INSET_PX[1], on_select="rerun",
                                  selection_mode="single-object", key="map-inset", alt=ctx.t("map.inset"))

unnamed = [c for c in crowded if inset_spots.get(c) is None]
if unnamed:
    names = metrics.set_index("code").loc[unnamed, "name"]
    st.caption(ctx.t("map.unnamed", names=i18n.literal(", ".join(sorted(names, key=str.casefold)))))
st.caption(ctx.t("map.click"))
if boundaries:
    shipped = Path(path).resolve() == maps.DEFAULT_BOUNDARIES
    st.caption(ctx.t("map.shipped") if shipped else ctx.t("map.polygons", file=i18n.literal(Path(path).name)))
    without = metrics.loc[~metrics["code"].isin(list(boundaries)), "name"].tolist()
    if without:
        st.info(ctx.t("map.missing_polygons", names=i18n.literal(", ".join(without))))
else:
    st.caption(ctx.t("map.points"))
st.caption(ctx.t("map.attribution"))

code = maps.clicked_code(event) or maps.clicked_code(inset_event)
if code is not None:
    widgets.open_municipality(code, metrics.loc[metrics["code"] == code, "name"].iloc[0])
