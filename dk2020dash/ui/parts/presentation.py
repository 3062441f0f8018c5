"""The Præsentation page's parts: the deck model cached on the data version, one slide drawn large, chart images."""
from __future__ import annotations

from datetime import date

import streamlit as st

from dk2020dash import i18n
from dk2020dash.db import open_store
from dk2020dash.exports import kkr
from dk2020dash.queries import history
from dk2020dash.ui.context import Context
from dk2020dash.ui.widgets import chart
from dk2020dash.views import maps

__all__ = ["SLIDE_CSS", "draw_slide", "load_deck", "load_history_start", "pptx_bytes"]

@st.cache_data(show_spinner=False, max_entries=16)
def _deck(path: str, version: str | int, area: str, since: date, lang: str, today: date) -> kkr.Deck:
    return kkr.build(open_store(path), area, since, lang, today)


def load_deck(ctx: Context, since: date, today: date) -> kkr.Deck:
    """deck.build for the chosen area: the same model the PowerPoint is made from."""
    return _deck(ctx.store.target, ctx.version, ctx.area, since, ctx.lang, today)


@st.cache_data(show_spinner=False, max_entries=8)
def _history_start(path: str, version: str | int) -> date | None:
    return history.history_start(open_store(path))


def load_history_start(ctx: Context) -> date | None:
    return _history_start(ctx.store.target, ctx.version)


@st.cache_data(show_spinner=False, max_entries=8)
def _pptx(path: str, version: str | int, area: str, since: date, lang: str, today: date) -> bytes:
    return kkr.to_pptx(_deck(path, version, area, since, lang, today))


def pptx_bytes(ctx: Context, since: date, today: date) -> bytes:
    return _pptx(ctx.store.target, ctx.version, ctx.area, since, ctx.lang, today)


# Large type for a meeting room: read from the back at 1920x1080.
SLIDE_CSS = """
<style>
.st-key-kkr-slide h1 {font-size: 3.1rem; line-height: 1.15; margin-bottom: 0.4rem;}
.st-key-kkr-slide .kkr-lead p {font-size: 1.9rem; line-height: 1.35;}
.st-key-kkr-slide .kkr-lead-big p {font-size: 2.3rem; line-height: 1.3; font-weight: 700;}
.st-key-kkr-slide [data-testid="stMetricLabel"] p {font-size: 1.35rem;}
.st-key-kkr-slide [data-testid="stMetricValue"] {font-size: 2.8rem;}
.st-key-kkr-slide .kkr-lines li, .st-key-kkr-slide .kkr-lines p {font-size: 1.45rem; line-height: 1.45;}
.st-key-kkr-slide table {font-size: 1.3rem;}
.st-key-kkr-slide .kkr-footer p {font-size: 1.1rem; color: #6b4a00;}
</style>
"""


def draw_slide(ctx: Context, d: kkr.Deck, number: int) -> None:
    """Slide `number` (1-based) of the deck: title, lead, figures, chart, table, lines, footer."""
    s = d.slides[number - 1]
    st.html(SLIDE_CSS)
    with st.container(key="kkr-slide"):
        st.markdown(f"# {i18n.literal(s.title)}")
        if s.lead:
            css = "kkr-lead-big" if s.key == "verdict" else "kkr-lead"
            st.markdown(f'<div class="{css}">\n\n{i18n.literal(s.lead)}\n\n</div>', unsafe_allow_html=True)
        if s.key in ("map", "bridge", "follow_up", "adaptation"):
            left, right = st.columns({"follow_up": [1, 2], "adaptation": [2, 3]}.get(s.key, [3, 2]), gap="large")
        else:
            left = right = st.container()
        if s.key == "verdict":
            _figures(s.figures, per_row=3)
        elif s.key == "trajectory" and "trajectory" in s.charts:
            chart(ctx, s.charts["trajectory"], "kkr-trajectory", height=620, alt=s.alt.get("trajectory"))
        elif s.key == "map":
            with left:
                chart(ctx, dict(s.charts["map"], width=680, height=520), "kkr-map", width="content",
                      alt=s.alt.get("map"))
                st.caption(maps.ATTRIBUTION)
            with right:
                _figures(s.figures, per_row=1)
        elif s.key == "bridge":
            with left:
                if "bridge" in s.charts:
                    chart(ctx, s.charts["bridge"], "kkr-bridge", height=400, alt=s.alt.get("bridge"))
                figures = i18n.literal(" · ".join(f"{f.label}: {f.value}" for f in s.figures))
                st.markdown(f'<div class="kkr-lines">\n\n**{figures}**\n\n</div>',
                            unsafe_allow_html=True)
            with right:
                _table(s)
        elif s.key == "changes":
            _figures(s.figures, per_row=5)
            lines = "\n".join(f"- {i18n.literal(line)}" for line in s.lines)
            st.markdown(f'<div class="kkr-lines">\n\n{lines}\n\n</div>', unsafe_allow_html=True)
        elif s.key == "follow_up":
            with left:
                _figures(s.figures, per_row=1)
            with right:
                _table(s)
        elif s.key == "adaptation":
            with left:
                if "heat" in s.charts:
                    chart(ctx, s.charts["heat"], "kkr-heat", height=560, alt=s.alt.get("heat"))
            with right:
                _figures(s.figures, per_row=3)
                _table(s)
        st.markdown(f'<div class="kkr-footer">\n\n{i18n.literal(d.footer)}\n\n</div>', unsafe_allow_html=True)


def _figures(figs: list[kkr.Figure], per_row: int) -> None:
    for start in range(0, len(figs), per_row):
        with st.container(horizontal=True):
            for f in figs[start:start + per_row]:
                st.metric(f.label, f.value, border=True)


def _table(s: kkr.Slide) -> None:
    st.markdown(f"**{i18n.literal(s.table_title)}**")
    if s.table is not None and not s.table.empty:
        st.table(s.table.set_index(s.table.columns[0]))
