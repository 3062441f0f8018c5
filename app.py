"""Entry point: shell.draw_shell() draws the shared sidebar (page menu, language, area) and sets up st.navigation
over shell.PAGES; then the chosen page runs with those choices."""
from dk2020dash.ui import shell

lang, area, page = shell.draw_shell()
with shell.page_frame(lang, area):
    page.run()
