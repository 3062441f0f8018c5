"""The app's frame: page list, sidebar (menu, language, area), st.navigation, page set-up and demo banner."""
from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from dk2020dash import i18n
from dk2020dash.domain import DENMARK, REGIONS
from dk2020dash.logs import configure_logging
from dk2020dash.ui.context import Context, context
from dk2020dash.ui.loaders import load_demo_kinds
from dk2020dash.ui.signin import sign_in

__all__ = [
    "AREAS", "FOCUS_CSS", "LANGUAGE_NAMES", "PAGES", "area_label", "demo_banner", "document_head", "draw_shell",
    "navigation", "page_frame", "page_menu", "page_setup", "sidebar"
]

AREAS: tuple[str, ...] = (DENMARK, *REGIONS)


PAGES: dict[str, list[tuple[str, str, str, str]]] = {
    "nav.group.results": [("pages/overblik.py", "nav.overview", "overblik", ":material/dashboard:"),
                          ("pages/kommune.py", "nav.municipality", "kommune", ":material/location_city:"),
                          ("pages/sammenlign.py", "nav.compare", "sammenlign", ":material/compare_arrows:"),
                          ("pages/kort.py", "nav.map", "kort", ":material/map:"),
                          ("pages/tilpasning.py", "nav.adaptation", "tilpasning", ":material/flood:"),
                          ("pages/praesentation.py", "nav.presentation", "praesentation", ":material/co_present:")],
    "nav.group.work": [("pages/indsatser.py", "nav.actions", "indsatser", ":material/checklist:"),
                       ("pages/milepaele.py", "nav.milestones", "milepaele", ":material/flag:"),
                       ("pages/brugere.py", "nav.users", "brugere", ":material/group:")],
    "nav.group.about": [("pages/metode.py", "nav.method", "metode", ":material/menu_book:"),
                        ("pages/datakvalitet.py", "nav.quality", "datakvalitet", ":material/fact_check:"),
                        ("pages/data.py", "nav.data", "data", ":material/upload_file:")],
}


def area_label(area: str, lang: str) -> str:
    return i18n.t("area.DK", lang) if area == DENMARK else i18n.t("area.region", lang, name=area)


LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}  # also what ?lang= holds in the URL


def sidebar() -> tuple[str, str]:
    """Language and area choices, kept in the URL so a link reproduces the view.

    Bound widgets store their shown label in the URL (?lang=English&area=Region+Sjælland); region labels
    are the same in both languages, and the defaults (Dansk, Danmark) leave the URL clean.
    """
    with st.sidebar:
        lang = st.segmented_control(
            "Sprog / Language", i18n.LANGUAGES, default=i18n.DEFAULT_LANGUAGE, required=True,
            format_func=LANGUAGE_NAMES.get, key="lang", bind="query-params",
        ) or i18n.DEFAULT_LANGUAGE
        area = st.selectbox(
            i18n.t("sidebar.area", lang), AREAS, format_func=lambda a: area_label(a, lang),
            key="area", bind="query-params",
        ) or DENMARK
    return lang, area


_shell: ContextVar[tuple[str, str] | None] = ContextVar("dk2020_shell", default=None)


def draw_shell() -> tuple[str, str, StreamlitPage]:
    """What app.py does before it runs a page: the log, page config, the sidebar (menu, language, area), st.navigation.

    The language and area widgets belong to the entry script: Streamlit keeps a bound widget's query
    parameter (?lang=, ?area=) across a page change only then. Returns the choices and the page to run."""
    configure_logging()  # the server's log: timestamps, DK2020_LOG_LEVEL, passwords masked (idempotent)
    st.set_page_config(page_title="DK2020 Klimaplan-dashboard", page_icon="🌍", layout="wide")
    menu = st.sidebar.container()
    lang, area = sidebar()
    document_head(lang)
    page = navigation(lang)
    with menu:
        page_menu(lang)
    return lang, area, page


# The menu's links (st.page_link) show keyboard focus only as a 15 % grey background, the same as the current page's
# mark and about 1.1:1 against the sidebar (WCAG 2.4.7): a 2 px outline in the theme's accent (#a82d3a, 6.5:1).
FOCUS_CSS = ("[data-testid='stPageLink-NavLink']:focus-visible "
             "{outline: 2px solid #a82d3a; outline-offset: 1px;}")


def document_head(lang: str) -> None:
    """What Streamlit has no option for. <html lang> as the chosen language (WCAG 2.1 3.1.1): Streamlit always serves
    lang="en", so a screen reader would read the Danish pages with English pronunciation; a script sets it on every
    language change. And a visible keyboard focus on the menu's links (FOCUS_CSS). In a hidden sidebar container, so
    it leaves no gap in the layout."""
    with st.sidebar.container(key="dk2020-lang"):
        st.html(f"<style>.st-key-dk2020-lang {{display: none;}} {FOCUS_CSS}</style>"
                f"<script>document.documentElement.lang = {json.dumps(lang)};</script>",
                unsafe_allow_javascript=True)


def navigation(lang: str) -> StreamlitPage:
    """st.navigation over PAGES (Streamlit's own menu hidden: page_menu draws ours); returns the page to run.

    No icons here: Streamlit makes a page's Material icon the browser tab's icon, fetched from the internet."""
    return st.navigation({
        i18n.t(group, lang): [st.Page(path, title=i18n.t(title, lang), url_path=url)
                              for path, title, url, _icon in pages]
        for group, pages in PAGES.items()
    }, position="hidden")


@contextmanager
def page_frame(lang: str, area: str) -> Iterator[None]:
    """app.py runs the page inside this, so page_setup() uses the choices app.py's sidebar made. A write that
    landed after the page read its data version (store.DataMoved from a loader) runs the page again on the new
    version, so it never shows figures of two."""
    from dk2020dash.errors import DataMoved

    token = _shell.set((lang, area))
    try:
        yield
    except DataMoved:
        st.rerun()
    finally:
        _shell.reset(token)


def page_setup(allow_damaged: bool = False) -> Context:
    """What every page starts with: the sidebar choices, the store (or a clear message and stop), demo banner.

    A page can run without app.py: until a Streamlit process has run app.py once, it runs a page URL's file
    in pages/ directly (its older pages-folder mode; AppTest does so on every run). Any st.navigation call
    ends that mode for the process. On a session's first run the page then reruns itself through app.py
    with the same URL, so the sidebar's widgets belong to app.py from the start; on later runs (only AppTest
    gets here) it draws the shell itself, keeping the run's widget clicks."""
    choices = _shell.get()
    if choices is None:
        if not st.session_state.get("_shell_seen"):
            st.session_state["_shell_seen"] = True
            page = navigation(i18n.DEFAULT_LANGUAGE)
            st.switch_page(page, query_params={key: st.query_params.get_all(key) for key in st.query_params})
        lang, area, _page = draw_shell()
        choices = lang, area
    st.session_state["_shell_seen"] = True
    ctx = context(*choices, allow_damaged=allow_damaged)
    if ctx.damaged is None:  # a damaged database has no user table to sign in against
        ctx = replace(ctx, user=sign_in(ctx))
        demo_banner(ctx)
    return ctx


def page_menu(lang: str) -> None:
    """The page menu. The language and area stay in the URL across a click because their widgets belong to
    the entry script. Streamlit's own menu is hidden (position="hidden" and showSidebarNavigation=false in
    .streamlit/config.toml, which also hides the raw pages/ list before app.py has run)."""
    for group, pages in PAGES.items():
        st.caption(i18n.t(group, lang))
        for path, title, _url, icon in pages:
            st.page_link(path, label=i18n.t(title, lang), icon=icon, width="stretch")


def demo_banner(ctx: Context) -> None:
    """The visible demo label on every page while any demo data is loaded."""
    if load_demo_kinds(ctx):
        st.warning(ctx.t("demo.banner"), icon="⚠️")


