"""Entry point: the page list in the chosen language and st.navigation; each page calls ui.page_setup()."""
import streamlit as st

from dk2020dash import i18n, ui

# (file, title key, URL path, icon), grouped as they appear in the sidebar.
PAGES = {
    "nav.group.results": [("pages/overblik.py", "nav.overview", "overblik", ":material/dashboard:"),
                          ("pages/kommune.py", "nav.municipality", "kommune", ":material/location_city:"),
                          ("pages/sammenlign.py", "nav.compare", "sammenlign", ":material/compare_arrows:"),
                          ("pages/kort.py", "nav.map", "kort", ":material/map:")],
    "nav.group.about": [("pages/metode.py", "nav.method", "metode", ":material/menu_book:"),
                        ("pages/datakvalitet.py", "nav.quality", "datakvalitet", ":material/fact_check:"),
                        ("pages/data.py", "nav.data", "data", ":material/upload_file:")],
}


def main() -> None:
    st.set_page_config(page_title="DK2020 Klimaplan-dashboard", page_icon="🌍", layout="wide")
    lang = ui.current_language()
    nav = {
        i18n.t(group, lang): [st.Page(path, title=i18n.t(title, lang), url_path=url, icon=icon)
                              for path, title, url, icon in pages]
        for group, pages in PAGES.items()
    }
    st.navigation(nav).run()


main()
