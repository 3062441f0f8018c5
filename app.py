"""Entry point: ui.draw_shell() draws the shared sidebar (page menu, language, area) and sets up st.navigation
over ui.PAGES; then the chosen page runs with those choices."""
from dk2020dash import ui

lang, area, page = ui.draw_shell()
with ui.shell(lang, area):
    page.run()
