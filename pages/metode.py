"""Metode: every metric explained in plain language, with the thresholds, from domain.py's own constants."""
import streamlit as st

from dk2020dash import domain, i18n
from dk2020dash.ui import loaders, shell

ctx = shell.page_setup()
lang = ctx.lang
st.title(ctx.t("method.title"))
st.write(ctx.t("method.intro"))

values = {
    "pct2030": i18n.percent(0.70, lang), "target_year": domain.TARGET_YEAR, "net_zero_year": domain.NET_ZERO_YEAR,
    "on_track": i18n.number(domain.ON_TRACK_MAX_D, lang, 2), "deviating": i18n.number(domain.DEVIATING_MAX_D, lang, 2),
    # counts in words with their plural forms ("365 dage", "5 år"), as one text holds several
    "trend_years": ctx.t("n.calendar_years", count=domain.TREND_YEARS),
    "trend_min": ctx.t("n.inventory_years", count=domain.TREND_MIN_YEARS),
    "stale": ctx.t("n.days", count=domain.STALE_AFTER_DAYS), "soon": ctx.t("n.days", count=domain.DUE_SOON_DAYS),
    "risk_years": ctx.t("years", count=domain.RISK_STALE_AFTER_YEARS),
    "national": i18n.percent(domain.NATIONAL_TARGET_2030, lang),
}
for section in ("emissions", "target", "reduction", "verdict", "trend", "pace", "bridge", "example", "freshness",
                "capita", "area", "national", "adaptation"):
    with st.container(key=f"method-{section}"):
        st.subheader(ctx.t(f"method.{section}.title"))
        st.markdown(ctx.t(f"method.{section}.body", **values))

st.subheader(ctx.t("method.sources"))
edition = loaders.load_newest_edition(ctx)
if edition is None:
    st.info(ctx.t("method.no_edition"))
else:
    st.write(ctx.t("method.edition", name=i18n.literal(edition["name"]), published=i18n.day(edition["published"], lang)))
    used = loaders.load_editions(ctx)
    used = used[used["newest_for"] > 0]
    st.write(ctx.t("method.editions_in_use", editions="; ".join(
        ctx.t("method.edition_use", name=i18n.literal(r.name), count=r.newest_for) for r in used.itertuples())))

with st.container(key="method-accessibility"):  # the accessibility statement (webtilgængelighedsloven)
    st.subheader(ctx.t("method.accessibility.title"))
    st.markdown(ctx.t("method.accessibility.body"))
