"""Datakvalitet: per municipality the inventory's latest year, gaps and estimates, when data was loaded, the
import log, and downloads of every table, an export of all tables and a backup."""
import streamlit as st

from dk2020dash import i18n, queries
from dk2020dash.ui import loaders, shell, tables, widgets

ctx = shell.page_setup()
t = ctx.t
st.title(t("dq.title"))

codes = queries.area_codes(loaders.load_municipalities(ctx), ctx.area)
dq = loaders.load_data_quality(ctx, codes)
newest = loaders.load_newest_edition(ctx)
slug = tables.file_slug(shell.area_label(ctx.area, ctx.lang))

if newest is None:
    st.info(t("dq.no_edition"))
else:
    st.write(t("dq.intro", area=shell.area_label(ctx.area, ctx.lang), edition=i18n.literal(newest["name"]),
               first=tables.year_text(dq["span_first"].iloc[0]), last=tables.year_text(dq["span_last"].iloc[0])))

summary = tables.quality_summary(dq)
of = t("dq.metric.of", count=summary["municipalities"])
with st.container(horizontal=True, key="dq-summary"):
    st.metric(t("dq.metric.complete"), i18n.number(summary["complete"], ctx.lang), help=of, border=True)
    st.metric(t("dq.metric.gaps"), i18n.number(summary["gaps"], ctx.lang), help=of, border=True)
    st.metric(t("dq.metric.none"), i18n.number(summary["no_inventory"], ctx.lang), help=of, border=True)
    st.metric(t("dq.metric.estimated"), i18n.percent(summary["estimated_share"], ctx.lang, 1),
              help=t("dq.metric.estimated_help"), border=True)

st.subheader(t("dq.gaps"))
gaps = tables.quality_gaps(ctx, dq)
if gaps:
    shown = gaps[:tables.GAPS_SHOWN]
    more = [t("dq.gap.more", count=len(gaps) - len(shown))] if len(gaps) > len(shown) else []
    st.warning("\n".join(f"- {line}" for line in [*shown, *more]), icon="⚠️")
else:
    st.success(t("dq.no_gaps"), icon="✅")

st.subheader(t("dq.per_municipality"))
table, download = tables.quality_frames(ctx, dq)
st.dataframe(table, hide_index=True, key="dq-table")
widgets.download_table(ctx, download, f"datakvalitet-{slug}")

st.subheader(t("dq.last_imports"))
st.caption(t("dq.last_imports.caption"))
loads = tables.last_imports_frame(ctx, loaders.load_last_imports(ctx))
st.dataframe(loads, hide_index=True, key="dq-last-imports")
widgets.download_table(ctx, loads, "senest-indlaest")

st.subheader(t("dq.editions"))
editions = tables.editions_frame(ctx, loaders.load_editions(ctx))
st.dataframe(editions, hide_index=True, key="dq-editions")
widgets.download_table(ctx, editions, "udgaver")

st.subheader(t("dq.import_log"))
log = tables.import_log_frame(ctx, loaders.load_import_log(ctx))
if log.empty:
    st.info(t("dq.import_log.empty"))
else:
    st.dataframe(log, hide_index=True, key="dq-import-log")
    widgets.download_table(ctx, log, "importlog")

st.divider()
st.subheader(t("exp.title"))
st.write(t("exp.body"))
widgets.export_downloads(ctx)
