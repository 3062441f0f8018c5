"""Shared fixtures: a demo database built once per test session, and fresh empty ones per test."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dk2020dash.store import Store


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database built once; tests that write must copy it (see demo_copy)."""
    from dk2020dash.demo import fill_demo

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    Store(path).create(fill_demo)
    return path


@pytest.fixture
def demo_store(demo_db: Path) -> Store:
    """A read-only view of the shared demo database (do not write to it)."""
    return Store(demo_db)


@pytest.fixture
def demo_copy(demo_db: Path, tmp_path: Path) -> Store:
    """A private copy of the demo database that a test may change."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(demo_db, path)
    return Store(path)


@pytest.fixture
def empty_store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "empty.duckdb")
    store.create()
    return store


ADMIN = "admin@kommune.dk"


def data_page_as_admin(store: Store, **query: str):
    """The Data page in AppTest, signed in (a local-account session) as an admin of the store: imports and restores
    are an admin's."""
    from streamlit.testing.v1 import AppTest

    from dk2020dash import auth
    from dk2020dash.ui.auth import SESSION_KEY

    if auth.load_user(store, ADMIN).role != "admin":
        auth.grant(store, auth.cli_admin("test"), ADMIN, "admin")
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=90)
    at.query_params.update(query)
    at.session_state[SESSION_KEY] = ADMIN
    at.run()
    return at.switch_page("pages/data.py").run()
