"""Kommune: one municipality's verdict, KPIs, trajectory beside its adopted baseline, sectors, bridge, actions."""
from datetime import date

import pandas as pd
import streamlit as st

from dk2020dash import i18n, labels, names, queries
from dk2020dash.domain import STALE_AFTER_DAYS
from dk2020dash.ui import loaders, shell, tables, widgets
from dk2020dash.ui.parts import adaptation
from dk2020dash.views import sentences

ctx = shell.page_setup()
t, lang = ctx.t, ctx.lang
today = date.today()
munis = loaders.load_municipalities(ctx)
if munis.empty:
    st.info(t("mun.no_municipalities"))
    st.stop()

name_of = dict(zip(munis["code"].astype(int), munis["name"]))
options = sorted(name_of, key=lambda c: names.danish_sort_key(name_of[c]))

# ?kommune= may hold a code (101) or an old spelling (aarhus); the bound widget only knows the shown names,
# so resolve those before it is created. Remember what was applied so a later choice is not overridden.
raw = st.query_params.get("kommune")
if raw and raw not in name_of.values() and raw != st.session_state.get("_kommune_url"):
    st.session_state["_kommune_url"] = raw
    found = names.resolve_municipality(munis, raw)
    if found is None:
        st.warning(t("mun.unknown", value=i18n.literal(raw)), icon="⚠️")
    else:
        st.session_state["kommune"] = found
        # Open the page again under the name, so the URL shows it as a choice in the list would.
        st.switch_page("pages/kommune.py", query_params={"kommune": name_of[found]})
if st.session_state.get("kommune") is None and not (raw and raw in name_of.values()):
    # Nothing chosen yet: the area's largest municipality, so the page opens with something to read.
    area_codes = queries.area_codes(munis, ctx.area)
    area = munis[munis["code"].isin(area_codes)]
    st.session_state["kommune"] = int(area.sort_values("population", ascending=False)["code"].iloc[0])

code = st.selectbox(t("mun.choose"), options, index=None, format_func=name_of.get, key="kommune",
                    bind="query-params")
if code is None:
    st.stop()
code = int(code)
name = name_of[code]
region = str(munis.loc[munis["code"] == code, "region"].iloc[0])
st.title(t("mun.title", name=i18n.literal(name)))

# Any edition that holds the municipality's rows can be shown; the default is its newest, which every page uses.
shown_edition, mun_editions = widgets.edition_choice(ctx, code)
if shown_edition is not None:
    by_id = mun_editions.set_index("id")["name"]
    st.info(t("mun.edition.older", name=i18n.literal(by_id[shown_edition]), newest=i18n.literal(mun_editions["name"].iloc[0])),
            icon="ℹ️")

result = loaders.assess(ctx, [code], today, edition=shown_edition)
actions = loaders.load_actions(ctx, [code])
milestones = loaders.load_milestones(ctx, [code])
plan = loaders.load_plans(ctx).set_index("municipality")

if result:
    with st.container(key="mun-sentence"):
        st.markdown(f"### {sentences.municipality_sentence(result, i18n.literal(name), lang)}")
        st.caption(sentences.verdict_note(result, lang))
    widgets.progress_kpis(ctx, result)
else:
    reason = loaders.reason_text(ctx, result)
    st.warning(t("mun.cannot", name=i18n.literal(name), reason=reason), icon="ℹ️")
widgets.activity_kpis(ctx, [code], today)

if result and shown_edition is None:  # the region's ranking rests on each municipality's newest edition
    rank, _ = loaders.ranking(ctx, queries.area_codes(munis, region), today)
    place = tables.region_rank(rank, code)
    if place:
        with st.container(border=True, key="mun-rank"):
            st.markdown(f"**{t('mun.rank', region=region)}**")
            with st.container(horizontal=True):
                st.metric(t("mun.rank.reduction", rank=place["reduction"][0], n=place["reduction"][1]),
                          f"{place['reduction'][0]}/{place['reduction'][1]}")
                if "per_capita" in place:
                    st.metric(t("mun.rank.per_capita", rank=place["per_capita"][0], n=place["per_capita"][1]),
                              f"{place['per_capita'][0]}/{place['per_capita'][1]}")

adopted = None
if code in plan.index and not pd.isna(plan.loc[code, "baseline_tco2e"]):
    adopted = (int(plan.loc[code, "baseline_year"]), float(plan.loc[code, "baseline_tco2e"]))
# views/charts.py's charts, built once per data version
specs = loaders.load_chart_specs(ctx, [code], today, adopted, edition=shown_edition)
if "trajectory" in specs:
    st.subheader(t("ov.trajectory"))
    widgets.chart(ctx, specs["trajectory"], "mun-trajectory", height=560, alt=specs["alt"]["trajectory"])

if "sector_bars" in specs:
    widgets.sector_charts(ctx, specs, "mun")

if "bridge" in specs:
    st.subheader(t("mun.bridge"))
    widgets.chart(ctx, specs["bridge"], "mun-bridge", height=440, alt=specs["alt"]["bridge"])
    # actions the bridge leaves out, counts as 0, or that are already in the inventory
    for note in sentences.bridge_notes(result.bridge, lang, result.latest_year):
        st.caption(note)

st.subheader(t("mun.actions"))
if actions.empty:
    st.info(t("mun.actions.none"))
else:
    f1, f2 = st.columns(2)
    sectors = sorted(actions["sector"].dropna().unique(), key=lambda c: tables.sector_label(c, lang))
    chosen_sectors = f1.multiselect(t("mun.actions.sector"), sectors, format_func=lambda c: tables.sector_label(c, lang),
                                    key="mun-sector", placeholder=t("mun.actions.all_sectors"))
    statuses = [s for s in ("planned", "in_progress", "completed", "delayed", "paused", "cancelled")
                if s in set(actions["status"])]
    chosen_statuses = f2.multiselect(t("mun.actions.status"), statuses, format_func=lambda s: labels.status(s, lang),
                                     key="mun-status", placeholder=t("mun.actions.all_statuses"))
    shown = actions
    if chosen_sectors:
        shown = shown[shown["sector"].isin(chosen_sectors)]
    if chosen_statuses:
        shown = shown[shown["status"].isin(chosen_statuses)]
    st.caption(t("mun.actions.count", count=len(shown), days=STALE_AFTER_DAYS))
    loaders.first_rows_note(ctx, len(shown))
    table = tables.actions_frame(ctx, shown.head(loaders.TABLE_ROWS), today)
    st.dataframe(table.style.format({t("ov.col.expected"): lambda v: i18n.number(v, lang)}), hide_index=True,
                 key="mun-actions")
    widgets.download_table(ctx, lambda: tables.actions_frame(ctx, shown, today, dates_as_text=False),
                      f"handlinger-{tables.file_slug(name)}")

st.subheader(t("mun.milestones"))
if milestones.empty:
    st.info(t("mun.milestones.none"))
else:
    loaders.first_rows_note(ctx, len(milestones))
    st.dataframe(tables.milestones_frame(ctx, milestones.head(loaders.TABLE_ROWS), today), hide_index=True,
                 key="mun-milestones")
    widgets.download_table(ctx, lambda: tables.milestones_frame(ctx, milestones, today, dates_as_text=False),
                      f"milepaele-{tables.file_slug(name)}")

adaptation.adaptation_section(ctx, code, name, today)

st.subheader(t("mun.notes"))
share = loaders.load_estimated_share(ctx, [code], shown_edition)
notes = []
if not mun_editions.empty:
    shown_name = mun_editions.set_index("id")["name"][shown_edition] if shown_edition else mun_editions["name"].iloc[0]
    notes.append(t("mun.notes.edition", name=i18n.literal(shown_name)))
if not share.empty:
    notes.append(t("mun.notes.latest", year=int(share["latest_year"].iloc[0])))
    notes.append(t("mun.notes.estimated", share=i18n.percent(float(share["estimated_share"].iloc[0]), lang, 1)))
if result and code in plan.index and not pd.isna(plan.loc[code, "baseline_tco2e"]):
    notes.append(t("mun.notes.adopted", value=i18n.tonnes(float(plan.loc[code, "baseline_tco2e"]), lang),
                   revised=i18n.tonnes(result.baseline, lang)))
population = munis.loc[munis["code"] == code, "population"].iloc[0]
if not pd.isna(population):
    notes.append(t("mun.notes.population", value=i18n.number(float(population), lang)))
st.markdown("\n".join(f"- {n}" for n in notes))
