"""Indsatser: actions across municipalities. Filters in the URL, totals by status, the bridge of the selection, the
table; a selected row opens the action's history and, for an editor of its municipality, the edit form."""
from datetime import date

import streamlit as st

from dk2020dash import i18n, labels, names, queries
from dk2020dash.domain import (
    ACTION_KINDS,
    ACTION_STATUSES,
    REGIONS,
    SECTOR_CODES,
    STALE_AFTER_DAYS,
    parse_id,
)
from dk2020dash.metrics import followup
from dk2020dash.ui import loaders, shell, tables, widgets
from dk2020dash.ui.parts import workspace as work
from dk2020dash.views import alternatives, sentences

ctx = shell.page_setup()
t, lang = ctx.t, ctx.lang
today = date.today()
st.title(t("act.title"))
st.caption(t("act.intro"))

munis = loaders.load_municipalities(ctx)
all_names = sorted(munis["name"], key=names.danish_sort_key)
c1, c2, c3 = st.columns(3)
regions = c1.multiselect(t("act.region"), REGIONS, key="ind-region", bind="query-params", placeholder=t("act.all"))
chosen = c2.multiselect(t("act.municipality"), all_names, key="ind-kommune", bind="query-params",
                        placeholder=t("act.all"))
sectors = c3.multiselect(t("act.sector"), SECTOR_CODES, format_func=lambda c: tables.sector_label(c, lang),
                         key="ind-sektor", bind="query-params", placeholder=t("act.all"))
c4, c5, c6 = st.columns(3)
statuses = c4.multiselect(t("act.status"), ACTION_STATUSES, format_func=lambda s: labels.status(s, lang),
                          key="ind-status", bind="query-params", placeholder=t("act.all"))
kind = c5.segmented_control(t("act.kind"), ACTION_KINDS, format_func=lambda k: labels.action_kind(k, lang),
                            key="ind-type", bind="query-params")
search = c6.text_input(t("act.search"), key="ind-search", bind="query-params")
stale_only = st.toggle(t("act.stale", count=STALE_AFTER_DAYS), key="ind-stale", bind="query-params")

area = munis
if regions:
    area = area[area["region"].isin(regions)]
if chosen:
    area = area[area["name"].isin(chosen)]
codes = area["code"].astype(int).tolist()
# Filtered, counted and summed in the database: Denmark at 100 times the demo has 600,000 actions.
filters = (codes, sectors, statuses, kind, followup.stale_since(today) if stale_only else None, search or "")
by_status_kind = loaders.load_action_totals(ctx, *filters)
n_actions = int(by_status_kind["n"].sum())

st.subheader(t("act.totals"))
totals = work.status_totals(by_status_kind)
with st.container(horizontal=True, key="ind-totals"):
    for status, row in totals.iterrows():
        st.metric(labels.status(status, lang), t("act.totals.value", n=i18n.number(row["n"], lang),
                                           tonnes=i18n.tonnes(float(row["tonnes"]), lang)), border=True)
st.caption(t("act.count", count=n_actions))

# The one bridge (figures.selection_bridge): the selected actions against the need of the municipalities the
# assessment includes, at its year, the same function Overblik, Kommune, the deck and the exports use.
bridge = loaders.selection_bridge(ctx, codes, today, *filters[1:]) if codes else None
if bridge is not None and int(by_status_kind.loc[by_status_kind["kind"] == "mitigation", "n"].sum()):
    st.subheader(t("act.bridge"))
    widgets.chart(ctx, loaders.bridge_spec(bridge, lang), "ind-bridge", alt=alternatives.bridge(bridge, lang))
    st.caption(t("act.bridge.note"))
    result = loaders.assess(ctx, codes, today)
    for note in sentences.bridge_notes(bridge, lang, result.latest_year):
        st.caption(note)
    if result.excluded:
        st.caption(t("act.bridge.excluded", count=len(result.excluded),
                     names=i18n.listed([loaders.municipality_name(ctx, c) for c in sorted(result.excluded)], lang)))

if n_actions == 0:
    st.info(t("act.none"), icon="ℹ️")
else:
    actions = loaders.load_actions_filtered(ctx, *filters, loaders.TABLE_ROWS)  # the first rows; the download has them all
    loaders.first_rows_note(ctx, n_actions)
    table = work.actions_table(ctx, actions, today)
    event = st.dataframe(table, hide_index=True, column_config=work.table_columns(ctx), key="ind-table",
                         on_select="rerun", selection_mode="single-row")
    widgets.download_table(ctx, lambda: work.actions_table(ctx, queries.actions_filtered(ctx.store, *filters), today),
                      "indsatser")
    rows = list(getattr(getattr(event, "selection", None), "rows", None) or [])
    if rows and rows[0] < len(actions):
        st.query_params["indsats"] = str(int(actions.iloc[rows[0]]["id"]))

picked = st.query_params.get("indsats")
if picked:
    if (action_id := parse_id(picked)) is not None:
        work.action_detail(ctx, action_id)
    else:
        st.warning(t("act.unknown", id=i18n.literal(picked[:40])), icon="⚠️")
