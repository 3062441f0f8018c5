"""Milepæle: the DK2020 / Klimaalliancen process. Overdue and due-soon milestones of the area first, counts per
region, then one municipality's milestones; editors mark a milestone done or move its due date."""
from datetime import date

import streamlit as st

from dk2020dash import i18n, names, queries, ui
from dk2020dash.domain import DUE_SOON_DAYS
from dk2020dash.ui import work

ctx = ui.page_setup()
t, lang = ctx.t, ctx.lang
today = date.today()
st.title(t("ms.title"))

munis = ui.load_municipalities(ctx)
codes = queries.area_codes(munis, ctx.area)
milestones = work.milestones_with_state(ui.load_milestones(ctx, codes), today)

overdue = milestones[milestones["state"] == "overdue"].sort_values(["due", "municipality_name"])
soon = milestones[milestones["state"] == "due_soon"].sort_values(["due", "municipality_name"])
left, right = st.columns(2)
with left:
    st.subheader(t("ms.overdue", n=i18n.number(len(overdue), lang)))
    if overdue.empty:
        st.caption(t("ms.none"))
    else:
        st.dataframe(work.milestone_list(ctx, overdue), hide_index=True, key="ms-overdue")
with right:
    st.subheader(t("ms.due_soon", days=DUE_SOON_DAYS, n=i18n.number(len(soon), lang)))
    if soon.empty:
        st.caption(t("ms.none"))
    else:
        st.dataframe(work.milestone_list(ctx, soon), hide_index=True, key="ms-due-soon")

st.subheader(t("ms.per_region"))
st.dataframe(work.region_counts(ctx, milestones, munis), hide_index=True, key="ms-regions")

st.subheader(t("ms.per_municipality"))
area_names = sorted(munis.loc[munis["code"].isin(codes), "name"], key=names.danish_sort_key)
name = st.selectbox(t("ms.choose"), area_names, index=None, key="ms-kommune", bind="query-params",
                    placeholder=t("ms.choose.placeholder"))
shown = milestones.iloc[0:0]
if name is not None:
    shown = milestones[milestones["municipality_name"] == name]
    st.dataframe(ui.milestones_frame(ctx, shown, today), hide_index=True, key="ms-municipality")
if ui.is_writer(ctx):
    # An editor works on the chosen municipality's milestones, or else on the overdue and due-soon ones.
    work.milestone_forms(ctx, shown if name is not None else milestones[milestones["state"].isin(["overdue",
                                                                                                   "due_soon"])])
