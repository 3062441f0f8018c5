"""Entry point: page config, the shared sidebar (language, area), navigation and the demo banner."""
import streamlit as st

from dk2020dash import i18n, ui

PAGES = {
    "nav.group.about": [("pages/metode.py", "nav.method", "metode", ":material/menu_book:")],
}


def main() -> None:
    st.set_page_config(page_title="DK2020 Klimaplan-dashboard", page_icon="🌍", layout="wide")
    lang, area = ui.sidebar()
    nav = {
        i18n.t(group, lang): [st.Page(path, title=i18n.t(title, lang), url_path=url, icon=icon)
                              for path, title, url, icon in pages]
        for group, pages in PAGES.items()
    }
    page = st.navigation(nav)
    ctx = ui.context(lang, area)
    st.session_state["ctx"] = ctx
    ui.demo_banner(ctx)
    page.run()


main()
