"""Præsentation: the KKR meeting pack, one slide at a time, for Denmark or the chosen region since a date."""
from datetime import date

import streamlit as st

from dk2020dash.exports import kkr
from dk2020dash.ui import context, shell
from dk2020dash.ui.parts import presentation

st.set_page_config(layout="wide", initial_sidebar_state="collapsed")
ctx = shell.page_setup()
t = ctx.t
today = date.today()
total = len(kkr.SLIDES)


def step(by: int) -> None:
    st.session_state["slide"] = min(total, max(1, int(st.session_state.get("slide") or 1) + by))


with st.container(horizontal=True, vertical_alignment="bottom", key="kkr-controls"):
    since_text = st.text_input(t("kkr.since"), value=kkr.default_since(today).isoformat(), key="since",
                               bind="query-params", help=t("kkr.since.help"), width=260)
    st.button(t("kkr.prev"), key="kkr-prev", on_click=step, args=(-1,), icon=":material/arrow_back:",
              shortcut="Left")
    number = st.pagination(total, key="slide", bind="query-params", max_visible_pages=total)
    st.button(t("kkr.next"), key="kkr-next", on_click=step, args=(1,), icon=":material/arrow_forward:",
              shortcut="Right")
    st.markdown(f"**{t('kkr.counter', n=number, total=total)}**", width="content")

try:
    since = kkr.parse_since(since_text, presentation.load_history_start(ctx), today, ctx.lang)
except kkr.SinceError as exc:
    context.show_refusal(ctx, exc, icon="📅")
    st.stop()

d = presentation.load_deck(ctx, since, today)
presentation.draw_slide(ctx, d, number)
st.caption(t("kkr.keys"))
st.download_button(t("kkr.download"), data=lambda: presentation.pptx_bytes(ctx, since, today), file_name=d.file_name("pptx"),
                   mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                   key="kkr-download", help=t("kkr.download.help"), on_click="ignore", icon=":material/download:")
