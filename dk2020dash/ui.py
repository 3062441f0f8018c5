"""Streamlit helpers shared by pages: the store, cached loaders keyed on the data version, sidebar and banners."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from . import i18n, queries
from .demo import fill_demo
from .domain import DENMARK, REGIONS
from .progress import MunicipalityInputs, Progress, Unavailable, assess_area, assess_municipality
from .store import Store, StoreError, StoreLocked, db_path, open_or_create

AREAS: tuple[str, ...] = (DENMARK, *REGIONS)


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


def area_label(area: str, lang: str) -> str:
    return i18n.t("area.DK", lang) if area == DENMARK else i18n.t("area.region", lang, name=area)


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


LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}  # also what ?lang= holds in the URL


def current_language() -> str:
    """The language chosen in the sidebar or the URL, before the sidebar is drawn (for page titles)."""
    lang = st.session_state.get("lang")
    if lang in i18n.LANGUAGES:
        return lang
    by_name = {name: code for code, name in LANGUAGE_NAMES.items()}
    return by_name.get(st.query_params.get("lang", ""), i18n.DEFAULT_LANGUAGE)


def page_setup() -> Context:
    """What every page starts with: sidebar choices, the store (or a clear message and stop), demo banner.

    Pages call this themselves rather than relying on app.py having run first: Streamlit runs a file in
    pages/ directly on a process's first request for it.
    """
    st.set_page_config(page_title="DK2020 Klimaplan-dashboard", page_icon="🌍", layout="wide")
    lang, area = sidebar()
    ctx = context(lang, area)
    demo_banner(ctx)
    return ctx


def demo_banner(ctx: Context) -> None:
    """The visible demo label on every page while any demo data is loaded."""
    if load_demo_kinds(ctx):
        st.warning(ctx.t("demo.banner"), icon="⚠️")


# -- cached loaders: keyed on the database path and data version, so an import shows on the next run --

@st.cache_data(show_spinner=False, max_entries=8)
def _demo_kinds(path: str, version: int) -> list[str]:
    return queries.demo_kinds(Store(path))


def load_demo_kinds(ctx: Context) -> list[str]:
    return _demo_kinds(str(ctx.store.path), ctx.version)


@st.cache_data(show_spinner=False, max_entries=8)
def _municipalities(path: str, version: int) -> pd.DataFrame:
    return queries.municipalities(Store(path))


def load_municipalities(ctx: Context) -> pd.DataFrame:
    return _municipalities(str(ctx.store.path), ctx.version)


@st.cache_data(show_spinner=False, max_entries=8)
def _inputs(path: str, version: int) -> dict[int, MunicipalityInputs]:
    return queries.municipality_inputs(Store(path))


def load_inputs(ctx: Context) -> dict[int, MunicipalityInputs]:
    return _inputs(str(ctx.store.path), ctx.version)


def assess(ctx: Context, codes: list[int] | None = None, today: date | None = None) -> Progress | Unavailable:
    """progress.py's assessment of the given municipalities (default: the chosen area)."""
    inputs = load_inputs(ctx)
    if codes is None:
        codes = queries.area_codes(load_municipalities(ctx), ctx.area)
    today = today or date.today()
    if len(codes) == 1:
        return assess_municipality(inputs[codes[0]], today)
    return assess_area([inputs[c] for c in codes], today)


def unavailable_text(ctx: Context, result: Unavailable) -> str:
    reason = ctx.t(f"unavailable.{result.reason}", detail=result.detail)
    return ctx.t("cannot_compute", reason=reason)


@st.cache_data(show_spinner=False, max_entries=8)
def _newest_edition(path: str, version: int) -> dict | None:
    df = queries.newest_edition(Store(path))
    return None if df.empty else df.iloc[0].to_dict()


def load_newest_edition(ctx: Context) -> dict | None:
    return _newest_edition(str(ctx.store.path), ctx.version)


# -- views (Overblik, Kommune, Sammenlign, Kort) -----------------------------------------------------


# -- data (import, export, data quality) -------------------------------------------------------------
