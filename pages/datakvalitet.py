"""Datakvalitet: per municipality the inventory's latest year, gaps and estimates, when data was loaded, the
import log, and downloads of every table, an export of all tables and a backup."""
import streamlit as st

from dk2020dash import i18n, queries, ui

ctx = ui.page_setup()
t = ctx.t
st.title(t("dq.title"))

codes = queries.area_codes(ui.load_municipalities(ctx), ctx.area)
dq = ui.load_data_quality(ctx, codes)
newest = ui.load_newest_edition(ctx)
slug = ui.file_slug(ui.area_label(ctx.area, ctx.lang))

if newest is None:
    st.info(t("dq.no_edition"))
else:
    st.write(t("dq.intro", area=ui.area_label(ctx.area, ctx.lang), edition=i18n.literal(newest["name"]),
               first=ui.year_text(dq["span_first"].iloc[0]), last=ui.year_text(dq["span_last"].iloc[0])))

summary = ui.quality_summary(dq)
of = t("dq.metric.of", n=summary["municipalities"])
with st.container(horizontal=True, key="dq-summary"):
    st.metric(t("dq.metric.complete"), i18n.number(summary["complete"], ctx.lang), help=of, border=True)
    st.metric(t("dq.metric.gaps"), i18n.number(summary["gaps"], ctx.lang), help=of, border=True)
    st.metric(t("dq.metric.none"), i18n.number(summary["no_inventory"], ctx.lang), help=of, border=True)
    st.metric(t("dq.metric.estimated"), i18n.percent(summary["estimated_share"], ctx.lang, 1),
              help=t("dq.metric.estimated_help"), border=True)

st.subheader(t("dq.gaps"))
gaps = ui.quality_gaps(ctx, dq)
if gaps:
    shown = gaps[:ui.GAPS_SHOWN]
    more = [t("dq.gap.more", n=len(gaps) - len(shown))] if len(gaps) > len(shown) else []
    st.warning("\n".join(f"- {line}" for line in [*shown, *more]), icon="⚠️")
else:
    st.success(t("dq.no_gaps"), icon="✅")

st.subheader(t("dq.per_municipality"))
table, download = ui.quality_frames(ctx, dq)
st.dataframe(table, hide_index=True, key="dq-table")
ui.download_table(ctx, download, f"datakvalitet-{slug}")

st.subheader(t("dq.last_imports"))
st.caption(t("dq.last_imports.caption"))
loads = ui.last_imports_frame(ctx, ui.load_last_imports(ctx))
st.dataframe(loads, hide_index=True, key="dq-last-imports")
ui.download_table(ctx, loads, "senest-indlaest")

st.subheader(t("dq.editions"))
editions = ui.editions_frame(ctx, ui.load_editions(ctx))
st.dataframe(editions, hide_index=True, key="dq-editions")
ui.download_table(ctx, editions, "udgaver")

st.subheader(t("dq.import_log"))
log = ui.import_log_frame(ctx, ui.load_import_log(ctx))
if log.empty:
    st.info(t("dq.import_log.empty"))
else:
    st.dataframe(log, hide_index=True, key="dq-import-log")
    ui.download_table(ctx, log, "importlog")

st.divider()
st.subheader(t("exp.title"))
st.write(t("exp.body"))
ui.export_downloads(ctx)
