"""The store and the context every page runs with: language, area, store and data version."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from .. import i18n
from ..demo import fill_demo
from ..store import Store, StoreError, StoreLocked, db_path, open_or_create


@dataclass(frozen=True)
class Context:
    """What every page needs: language, chosen area, the store and its data version."""

    lang: str
    area: str
    store: Store
    version: int

    def t(self, key: str, **values: object) -> str:
        return i18n.t(key, self.lang, **values)


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    return open_or_create(path, fill_demo)


def get_store() -> Store:
    """The app's store; a fresh checkout gets the demo database on first use."""
    return _store(str(db_path()))


def context(lang: str, area: str) -> Context:
    """Open the store and read its data version; on a store problem show why and stop the page."""
    try:
        store = get_store()
        version = store.data_version()
    except StoreLocked:
        st.warning(i18n.t("error.locked", lang), icon="⏳")
        st.stop()
    except StoreError as exc:
        _store.clear()
        st.error(i18n.t("error.store", lang, message=str(exc)), icon="🚫")
        st.stop()
    return Context(lang=lang, area=area, store=store, version=version)


