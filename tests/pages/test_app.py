"""The app shell through AppTest: navigation, language and area in the URL, demo banner, Metode page."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dk2020dash import domain, i18n, labels
from dk2020dash.db.store import Store
from tests.support import page


def app(db: Path, **query: str) -> AppTest:
    """The app started from app.py (as a browser would), ready for switch_page."""
    return page(timeout=60, **query)


def texts(at: AppTest) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.warning, *at.error, *at.info, *at.title, *at.subheader])


def test_metode_explains_every_metric_with_the_thresholds(demo_env: Path) -> None:
    at = app(demo_env)
    at.switch_page("pages/metode.py").run()
    assert not at.exception
    body = texts(at)
    assert at.title[0].value == i18n.t("method.title", "da")
    for code in ("on_track", "deviating", "off_track"):
        assert labels.verdict(code, "da") in body
    assert "0,05" in body and "365 dage" in body and "60 dage" in body
    assert "Manko" in body
    assert "Eksempeldata" in body  # the newest edition is named as demo


def test_demo_banner_on_the_page_while_demo_data_is_loaded(demo_env: Path) -> None:
    at = app(demo_env)
    at.switch_page("pages/metode.py").run()
    assert any("Eksempeldata – ikke officielle tal" in w.value for w in at.warning)


def test_no_banner_when_nothing_is_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "real.duckdb"
    Store(db).create()
    monkeypatch.setenv("DK2020_DB", str(db))
    at = app(db)
    at.switch_page("pages/metode.py").run()
    assert not at.exception
    assert not any("Eksempeldata" in w.value for w in at.warning)
    assert any(i18n.t("method.no_edition", "da") in m.value for m in at.info)


def test_english_switch_from_the_url(demo_env: Path) -> None:
    at = app(demo_env, lang="English")
    # The app opens on Overblik; the first run after switch_page is a nav click, which drops ?lang/?area
    # (as a browser does); the second run is the page as the link opens it.
    at.switch_page("pages/metode.py").run().run()
    assert not at.exception
    assert at.title[0].value == i18n.t("method.title", "en")
    assert any("Example data – not official figures" in w.value for w in at.warning)


def test_a_link_with_language_and_area_reproduces_the_view(demo_env: Path) -> None:
    # Bound widgets keep their shown label in the URL (the browser writes it; tests/browser/test_browser.py checks
    # that direction): ?lang=English&area=Region+Sjælland.
    at = app(demo_env, lang="English", area="Region Sjælland")
    # The app opens on Overblik; the first run after switch_page is a nav click, which drops ?lang/?area
    # (as a browser does); the second run is the page as the link opens it.
    at.switch_page("pages/metode.py").run().run()
    assert not at.exception
    assert at.selectbox(key="area").value == "Sjælland"
    assert at.segmented_control(key="lang").value == "en"
    assert at.title[0].value == i18n.t("method.title", "en")


def test_choosing_in_the_sidebar_changes_the_view(demo_env: Path) -> None:
    at = app(demo_env)
    at.switch_page("pages/metode.py").run()
    at.segmented_control(key="lang").set_value("en").run()
    assert at.title[0].value == i18n.t("method.title", "en")


def test_first_run_on_a_fresh_checkout_creates_the_demo_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "fresh" / "dk2020.duckdb"
    monkeypatch.setenv("DK2020_DB", str(db))
    at = app(db)
    at.switch_page("pages/metode.py").run()
    assert not at.exception
    assert db.exists()
    assert Store(db).table_counts()["emission"] > 0


def test_a_broken_database_file_shows_a_message_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "broken.duckdb"
    db.write_text("not a database", encoding="utf-8")
    monkeypatch.setenv("DK2020_DB", str(db))
    at = app(db)
    at.switch_page("pages/metode.py").run()
    assert not at.exception
    # A plain message: the file's path and the database's own words go to the server's log (issue 9, item 15).
    assert [e.value for e in at.error] == [i18n.t("error.store.plain", "da")]
    assert db.read_text(encoding="utf-8") == "not a database"


def test_thresholds_on_the_page_come_from_the_domain(demo_env: Path) -> None:
    at = app(demo_env)
    at.switch_page("pages/metode.py").run()
    assert f"{domain.STALE_AFTER_DAYS} dage" in texts(at)
