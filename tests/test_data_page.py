"""The Data page through AppTest: upload, a preview that writes nothing, then Indlæs applies it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dk2020dash import i18n, queries
from dk2020dash.store import Store
from tests.ingest_helpers import assert_unchanged, snapshot

ROOT = Path(__file__).resolve().parents[1]
GOOD = "kommune;år;sektor;ton\n101;2024;vej;1.234,5\n751;2024;El;99\n".encode("cp1252")
BAD = "kommune;år;sektor;ton\n101;2024;vej;mange\nGotham;2024;vej;5\n".encode()


@pytest.fixture
def env(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    path = tmp_path / "page.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("DK2020_DB", str(path))
    return Store(path)


def page(**query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(query)
    at.run()
    return at.switch_page("pages/data.py").run()


def upload(at: AppTest, name: str, data: bytes, kind: str = "inventory") -> AppTest:
    at.selectbox(key="imp-kind").set_value(kind).run()
    at.file_uploader(key="imp-file").set_value((name, data, "text/csv"))
    return at.run()


def test_page_shows_the_form(env: Store) -> None:
    at = page()
    assert not at.exception
    assert at.title[0].value == i18n.t("data.title", "da")
    assert at.file_uploader(key="imp-file") is not None


def test_upload_shows_preview_and_writes_nothing_until_applied(env: Store) -> None:
    before = snapshot(env)
    log_before = len(queries.import_log(env))
    at = upload(page(), "ecr2025.csv", GOOD)
    assert not at.exception
    assert any(i18n.t("imp.preview", "da") in s.value for s in at.subheader)
    assert any("Eksempeldata (demo) af denne slags fjernes" in w.value for w in at.warning)
    assert at.button(key="imp-apply").label == i18n.t("imp.apply", "da")
    assert_unchanged(before, env)  # the preview is a dry run
    assert len(queries.import_log(env)) == log_before

    at.button(key="imp-apply").click().run()
    assert not at.exception
    assert any("Indlæst: ecr2025.csv" in s.value for s in at.success)
    assert queries.editions(env)["name"].tolist() == ["ecr2025"]
    assert "inventory" not in queries.demo_kinds(env)
    assert queries.import_log(env)["outcome"].iloc[0] == "imported"


def test_bad_file_shows_problems_in_danish_and_no_button(env: Store) -> None:
    before = snapshot(env)
    at = upload(page(), "bad.csv", BAD)
    assert not at.exception
    assert any("kan ikke indlæses" in e.value for e in at.error)
    problems = at.dataframe[0].value
    assert list(problems.columns) == ["Række", "Kolonne", "Værdi", "Forventet"]
    assert problems["Række"].tolist() == [2, 3]
    assert not [b for b in at.button if b.key == "imp-apply"]
    assert_unchanged(before, env)


def test_garbage_upload_is_a_message_not_a_traceback(env: Store) -> None:
    at = upload(page(lang="English"), "ecr.xlsx", b"kommune;aar\n101;2020\n")
    assert not at.exception
    assert any("cannot be imported" in e.value for e in at.error)


def test_preview_in_english(env: Store) -> None:
    at = upload(page(lang="English"), "plans.csv", "kommune;basisår;nettonul år;mål 2030\n101;1990;2050;70 %\n".encode(),
                kind="plans")
    assert not at.exception
    assert any(i18n.t("imp.preview", "en") in s.value for s in at.subheader)
    assert any("plans (with targets) of the municipalities in the file are replaced" in m.value for m in at.markdown)
