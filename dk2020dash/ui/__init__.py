"""Streamlit helpers shared by the pages, one module per concern (each with __all__); pages import the modules
they use (`from dk2020dash.ui import shell, widgets`):

shell    page list, sidebar, navigation, page set-up     context  the store and the Context a page runs with
loaders  reads and metrics cached on the data version    widgets  KPI cards, charts, download buttons, choices
tables   frames as pages show them                       forms    forms that change the database (import, restore)
signin   sign-in/out in the sidebar, who may see what    parts/   parts drawn by one page only
"""
