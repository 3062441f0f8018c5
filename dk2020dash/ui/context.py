"""The store and the context every page runs with: language, area, store and data version."""
from __future__ import annotations

import logging
from dataclasses import dataclass

import streamlit as st

from dk2020dash import config, i18n
from dk2020dash.auth import ANONYMOUS, User
from dk2020dash.db import open_or_create, open_store
from dk2020dash.db.store import Store, database_target, db_path
from dk2020dash.demo import fill_demo
from dk2020dash.errors import Refusal, StoreDamaged, StoreError, StoreLocked, StoreUnavailable
from dk2020dash.logs import mask_url

__all__ = ["Context", "context", "database", "get_store", "show_refusal"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Context:
    """What every page needs: language, chosen area, the store and its data key.

    `version` is what every cached loader keys on: Store.data_key(), the database id and the data version, which
    never repeats for different contents (init --force and restore start a new id). `damaged` is set only on a page
    that asked to run without a database (the Data page, to restore one): the store's error, and no data. `user` is
    who is signed in (a viewer unless page_setup's sign-in found a role; see ui/signin.py)."""

    lang: str
    area: str
    store: Store
    version: str | int
    damaged: str | None = None
    user: User = ANONYMOUS

    def t(self, key: str, **values: object) -> str:
        return i18n.t(key, self.lang, **values)


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    return open_or_create(path, fill_demo)


def _secrets_url() -> str | None:
    """[database] url in .streamlit/secrets.toml, if there is one."""
    name, key = config.secret_key("database.url")
    try:
        section = st.secrets.get(name)
    except Exception:  # noqa: BLE001 - no secrets file, or one that does not parse: no URL from there
        return None
    url = section.get(key) if hasattr(section, "get") else None
    return str(url) if url else None


def database() -> str:
    """The database the app uses: DK2020_DATABASE_URL, else [database] url in secrets.toml, else the file
    (DK2020_DB or data/dk2020.duckdb)."""
    return config.value("DK2020_DATABASE_URL") or _secrets_url() or database_target()


def get_store() -> Store:
    """The app's store; a fresh checkout gets the demo database on first use."""
    return _store(database())


def context(lang: str, area: str, allow_damaged: bool = False) -> Context:
    """Open the store and read its data key; on a store problem show why and stop the page. With allow_damaged
    (the Data page) a database file that cannot be opened gives a Context with `damaged` set instead of a stop."""
    try:
        store = get_store()
        version = store.data_key()
    except StoreLocked as exc:
        show_refusal(lang, exc, instead="error.locked", icon="⏳", warning=True, log=False)
        st.stop()
    except StoreUnavailable as exc:  # PostgreSQL stopped: say so; the next run connects again by itself
        _log.warning("error.unavailable: %s", mask_url(exc))
        show_refusal(lang, exc, instead="error.unavailable", icon="🔌", log=False)
        st.stop()
    except StoreError as exc:
        _store.clear()
        show_refusal(lang, exc)
        if allow_damaged and isinstance(exc, StoreDamaged):
            return Context(lang=lang, area=area, store=open_store(db_path()), version="", damaged=str(exc))
        st.stop()
    return Context(lang=lang, area=area, store=store, version=version)


def show_refusal(where: Context | str, exc: Refusal, *, instead: str | None = None, icon: str = "🚫",
                 warning: bool = False, log: bool = True) -> None:
    """Every refusal a page shows, in the page's language (`where`: the Context, or the language): exc.shown(), with
    the values a user typed or a file held shown as written (i18n.literal). A refusal whose message names server
    details (a StoreError: paths, the database's own words) shows its plain `public` text and its message goes to
    the server's log (unless the caller logged it: log=False). `instead` is the key a page shows in place of the
    generic StoreError text (error.store.plain), e.g. "imp.failed.plain" where an import failed; a read-only
    database or a full disk says so whatever `instead` is. st.error, or st.warning when the page goes on without
    what was refused."""
    lang = where.lang if isinstance(where, Context) else where
    if exc.public is not None and log:
        _log.error("%s: %s", exc.key, mask_url(exc), exc_info=exc)
    if instead is not None and exc.public == StoreError.public:
        text = i18n.t(instead, lang)
    else:
        text = exc.shown(lang, i18n.literal)
    (st.warning if warning else st.error)(text, icon=icon)
