"""Who may do what, as plain functions (DESIGN.md section 7); no Streamlit. Roles (app_user) come in a later issue:
until then these are the single places that decide, so the pages and the CLI ask them and never decide themselves."""
from __future__ import annotations


def may_restore(user: str | None = None) -> bool:
    """Whether `user` may replace the whole database with a backup (the Data page's restore, also over a damaged
    file). Until roles exist everyone who reaches the Data page may, as before; with roles: admins only."""
    return True
