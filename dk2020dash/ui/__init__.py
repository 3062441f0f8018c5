"""Streamlit helpers shared by the pages, one module per concern; pages import them all from here (`ui.X`).

context  the store and the Context a page runs with       data        loaders cached on the data version
shell    page list, sidebar, navigation, page set-up      tables      frames as pages show them
widgets  KPI cards, charts, download buttons, choices     forms       forms that change the database
auth     sign-in/out in the sidebar, who may see what      work        the Indsatser and Milepæle pages' parts
adaptation  Klimatilpasning: risk and adaptation loaders, frames, the Kommune page's section
presentation  the Præsentation page: the KKR deck model, one slide drawn large
"""









