"""Datakvalitet page and its queries: gaps per municipality, last loads, import log, downloads."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dk2020dash import i18n, queries
from dk2020dash.db.store import Store
from dk2020dash.demo import NO_BASELINE_INVENTORY, NO_INVENTORY
from tests.support import ROOT

PAGE = "pages/datakvalitet.py"


def open_page(db: Path, monkeypatch: pytest.MonkeyPatch, **query: str) -> AppTest:
    """The page as a link opens it (?area=...&lang=...). Switching straight to the page: AppTest's first run
    of a page switched to after another page had run ignores query-bound widgets (see the closing note)."""
    monkeypatch.setenv("DK2020_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(query)
    return at.switch_page(PAGE).run()


def texts(at: AppTest) -> str:
    return "\n".join(e.value for e in [*at.markdown, *at.warning, *at.info, *at.success, *at.title, *at.subheader])


def download_labels(at: AppTest) -> list[str]:
    return [b.label for b in at.get("download_button")]


# -- queries --------------------------------------------------------------------------------------

def test_demo_gaps_are_found(demo_store: Store) -> None:
    codes = queries.municipalities(demo_store)["code"].tolist()
    dq = queries.data_quality(demo_store, codes).set_index("municipality")
    assert len(dq) == 98
    laeso, fanoe = dq.loc[NO_INVENTORY], dq.loc[NO_BASELINE_INVENTORY]
    assert laeso["rows"] == 0 and laeso["missing_years"] == [1990, *range(2010, 2025)]
    assert fanoe["missing_years"] == [1990] and fanoe["latest_year"] == 2024
    complete = dq.drop([NO_INVENTORY, NO_BASELINE_INVENTORY])
    assert (complete["missing_years"].map(len) == 0).all() and (complete["missing_cells"] == 0).all()
    assert (complete["latest_year"] == 2024).all() and (complete["years"] == 16).all()
    assert complete["estimated_share"].between(0.01, 0.2).all()
    assert all(len(e) == 2 for e in complete["editions"])  # both demo editions
    assert (complete["loaded_by"] == "demo").all()
    assert (dq["span_first"] == 2010).all() and (dq["span_last"] == 2024).all()


def test_missing_years_and_sectors_of_a_real_looking_inventory(empty_store: Store) -> None:
    with empty_store.transaction() as con:
        con.execute("INSERT INTO edition (id, name, source, published) VALUES (1, 'ECO2 2025', 'test', DATE '2025-10-01')")
        con.execute("INSERT INTO plan (municipality, baseline_year, net_zero_year) VALUES (101, 2010, 2050)")
        rows = [(101, y, s, 1, 100.0, y == 2014) for y in (2010, 2011, 2013, 2014) for s in ("el", "vej")]
        rows += [(147, y, "el", 1, 50.0, False) for y in (1990, 2010, 2011, 2012, 2013, 2014)]
        rows += [(147, 2014, "vej", 1, 10.0, False)]
        con.executemany("INSERT INTO emission VALUES (?, ?, ?, ?, ?, ?)", rows)
    dq = queries.data_quality(empty_store, [101, 147, 151]).set_index("municipality")
    assert dq.loc[101, "missing_years"] == [1990, 2012]  # 1990, and 2012 inside the span 2010-2014
    assert dq.loc[101, "estimated_share"] == pytest.approx(0.25)
    assert "el" not in dq.loc[101, "missing_sectors"] and "lulucf" in dq.loc[101, "missing_sectors"]
    assert dq.loc[147, "missing_years"] == []
    assert dq.loc[147, "missing_cells"] == 6 * 16 - 7
    assert dq.loc[151, "rows"] == 0 and dq.loc[151, "editions"] == []


def test_last_imports_per_kind(demo_copy: Store) -> None:
    loads = queries.last_imports(demo_copy).set_index("kind")
    assert set(loads.index) == {"inventory", "plans", "scenarios", "actions", "milestones", "risks"}
    assert (loads["who"] == "demo").all() and (loads["outcome"] == "demo").all()
    with demo_copy.transaction() as con:
        con.execute("INSERT INTO import_log (logged_at, who, kind, file_name, rows, outcome) VALUES "
                    "(TIMESTAMP '2026-11-01 10:00', 'anna@kk.dk', 'actions', 'handlinger.xlsx', 65, 'imported'), "
                    "(TIMESTAMP '2026-11-02 10:00', 'bo', 'actions', 'fejl.csv', 0, 'rejected'), "
                    "(TIMESTAMP '2026-11-03 10:00', 'bo', 'population', 'folk1a.csv', 98, 'imported')")
    loads = queries.last_imports(demo_copy).set_index("kind")
    assert loads.loc["actions", "who"] == "anna@kk.dk"  # a rejected file is not a load
    assert loads.loc["population", "file_name"] == "folk1a.csv"
    assert loads.loc["plans", "who"] == "demo"


# -- the page ------------------------------------------------------------------------------------

def test_page_for_denmark_shows_the_laeso_and_fanoe_gaps(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch)
    assert not at.exception
    assert at.title[0].value == i18n.t("dq.title", "da")
    gaps = "\n".join(w.value for w in at.warning)
    assert "**Læsø**: ingen opgørelse" in gaps and "**Fanø**: mangler år 1990" in gaps
    assert "Eksempeldata – ikke officielle tal" in gaps  # the demo banner
    table = at.dataframe[0].value
    assert len(table) == 98
    laeso = table[table["Kommune"] == "Læsø"].iloc[0]
    assert laeso["Manglende år"] == "ingen opgørelse" and laeso["Seneste år"] == "–"
    assert table.loc[table["Kommune"] == "Fanø", "Manglende år"].iloc[0] == "1990"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Komplette kommuner"] == "96" and metrics["Uden opgørelse"] == "1"
    loads = at.dataframe[1].value
    assert loads.loc[loads["Data"] == "Handlinger", "Af"].iloc[0] == "demo"
    assert loads.loc[loads["Data"] == "Befolkning", "Tidspunkt"].iloc[0] == "aldrig indlæst"
    labels = download_labels(at)
    assert labels.count("CSV (Excel)") == 4 and labels.count("XLSX") == 4  # every table on the page
    for key in ("export-csv", "export-xlsx", "export-parquet", "backup"):
        assert at.get("download_button") and any(b.key == key for b in at.get("download_button"))


def test_page_for_a_region_in_english(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, area="Region Nordjylland", lang="English")
    assert not at.exception
    assert at.title[0].value == i18n.t("dq.title", "en")
    body = texts(at)
    assert "**Læsø**: no inventory in any edition" in body
    assert "Fanø" not in body  # Fanø is in Syddanmark
    table = at.dataframe[0].value
    assert set(table["Region"]) == {"Nordjylland"} and len(table) == 11
    assert "Missing years" in table.columns
    assert "Export and backup" in body
    assert "All tables (CSV)" in download_labels(at)


def test_page_for_a_region_without_gaps(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, area="Region Hovedstaden")
    assert not at.exception
    assert any(i18n.t("dq.no_gaps", "da") in s.value for s in at.success)


def test_page_on_an_empty_database_explains_and_does_not_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "empty.duckdb"
    Store(db).create()
    at = open_page(db, monkeypatch)
    assert not at.exception
    assert any(i18n.t("dq.no_edition", "da") in i.value for i in at.info)
    assert any(i18n.t("dq.import_log.empty", "da") in i.value for i in at.info)
    assert "backup" in [b.key for b in at.get("download_button")]


def test_page_after_an_import_shows_who_loaded_it(demo_copy: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with demo_copy.transaction() as con:
        con.execute("INSERT INTO import_log (who, kind, file_name, rows, outcome, message) "
                    "VALUES ('klima@fanoe.dk', 'plans', 'planer.csv', 1, 'imported', 'ok')")
    at = open_page(demo_copy.path, monkeypatch)
    assert not at.exception
    loads = at.dataframe[1].value
    assert loads.loc[loads["Data"] == "Klimaplaner", "Af"].iloc[0] == "klima@fanoe.dk"
    log = at.dataframe[3].value
    assert log.iloc[0]["Af"] == "klima@fanoe.dk" and log.iloc[0]["Resultat"] == "Indlæst"


def test_who_loaded_each_municipalitys_inventory(demo_copy: Store) -> None:
    from dk2020dash.ingest import run_import

    data = "kommune;år;sektor;ton\n101;2024;el;1000\n101;2025;el;900\n".encode()
    report = run_import(demo_copy, "inventory", data, "kbh.csv", edition_name="KK 2025", who="anna@kk.dk")
    assert report.ok, [p.line() for p in report.problems]
    dq = queries.data_quality(demo_copy, [101, 147]).set_index("municipality")
    assert dq.loc[101, "loaded_by"] == "anna@kk.dk" and dq.loc[101, "editions"][-1] == "KK 2025"
    assert dq.loc[101, "missing_years"] == [1990] and dq.loc[101, "latest_year"] == 2025
    assert dq.loc[147, "loaded_by"] is None or pd.isna(dq.loc[147, "loaded_by"])  # no rows in the newest edition
