"""Milepæle: the DK2020 / Klimaalliancen process. Overdue and due-soon milestones of the area first, counts per
region, then one municipality's milestones; editors mark a milestone done or move its due date."""
from datetime import date

import pandas as pd
import streamlit as st

from dk2020dash import i18n, names, queries
from dk2020dash.domain import DUE_SOON_DAYS
from dk2020dash.metrics import followup
from dk2020dash.ui import loaders, shell, signin, tables, widgets
from dk2020dash.ui.parts import workspace as work

ctx = shell.page_setup()
t, lang = ctx.t, ctx.lang
today = date.today()
st.title(t("ms.title"))

munis = loaders.load_municipalities(ctx)
codes = queries.area_codes(munis, ctx.area)
# Counted per region, due date and done-or-not in the database, and only the first rows of each list fetched:
# Denmark at 100 times the demo has 88,000 milestones.
dates = work.milestone_dates_with_state(loaders.load_milestone_dates(ctx, codes), today)
counts = dates.groupby("state")["n"].sum()
windows = followup.milestone_windows(today)
lists = {}
left, right = st.columns(2)
for column, state, title in ((left, "overdue", t("ms.overdue", n=i18n.number(int(counts.get("overdue", 0)), lang))),
                             (right, "due_soon", t("ms.due_soon", count=DUE_SOON_DAYS,
                                                   n=i18n.number(int(counts.get("due_soon", 0)), lang)))):
    with column:
        st.subheader(title)
        n = int(counts.get(state, 0))
        lists[state] = loaders.load_open_milestones(ctx, codes, *windows[state], loaders.TABLE_ROWS)
        if not n:
            st.caption(t("ms.none"))
            continue
        loaders.first_rows_note(ctx, n)
        st.dataframe(work.milestone_list(ctx, lists[state]), hide_index=True,
                     key="ms-overdue" if state == "overdue" else "ms-due-soon")
        widgets.download_table(ctx, lambda state=state: work.milestone_list(
            ctx, queries.open_milestones(ctx.store, codes, *windows[state])), f"milepaele-{state.replace('_', '-')}")

st.subheader(t("ms.per_region"))
st.dataframe(work.region_counts(ctx, dates), hide_index=True, key="ms-regions")

st.subheader(t("ms.per_municipality"))
area_names = sorted(munis.loc[munis["code"].isin(codes), "name"], key=names.danish_sort_key)
name = st.selectbox(t("ms.choose"), area_names, index=None, key="ms-kommune", bind="query-params",
                    placeholder=t("ms.choose.placeholder"))
shown = None
if name is not None:
    code = int(munis.loc[munis["name"] == name, "code"].iloc[0])
    shown = loaders.load_milestones(ctx, [code])
    st.dataframe(tables.milestones_frame(ctx, shown, today), hide_index=True, key="ms-municipality")
if signin.is_writer(ctx):
    # An editor works on the chosen municipality's milestones, or else on the overdue and due-soon ones listed.
    work.milestone_forms(ctx, shown if shown is not None else pd.concat([lists["overdue"], lists["due_soon"]]))
