"""Tilpasning and Kommune's Klimatilpasning section through AppTest: risk overview, actions by hazard and status,
uncovered high risks, what is overdue or out of date, the plain sentence, demo labels and English."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dk2020dash import i18n, queries
from dk2020dash.db.store import Store
from dk2020dash.demo import NO_RISK_ASSESSMENT
from dk2020dash.ingest import run_import
from dk2020dash.metrics import adaptation
from dk2020dash.views import sentences
from tests.conftest import data_page_as_admin
from tests.support import page


def open_page(path: str, **query: str) -> AppTest:
    return page(path, runs=2, timeout=90, **query)


@pytest.fixture
def real_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Only real data: København's assessment and two adaptation actions, one in progress."""
    db = tmp_path / "real.duckdb"
    store = Store(db)
    store.create()
    risks = ("kommune;klimafare;risiko;vurderet;note\n101;skybrud;høj;2024;Skybrudsplan\n"
             "101;stormflod;meget høj;2019;\n101;hedebølge;middel;2024;\n")
    assert run_import(store, "risks", risks.encode(), "risici.csv").written
    actions = ("kommune;titel;status;klimafare;gentagelsesperiode;slut\n"
               "101;Havnedige;i gang;stormflod;1000;2030-01-01\n"
               "101;Skybrudsvej;planlagt;skybrud;100;2021-01-01\n")
    assert run_import(store, "actions", actions.encode(), "handlinger.csv").written
    monkeypatch.setenv("DK2020_DB", str(db))
    return db


def texts(at: AppTest) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.warning, *at.info, *at.caption, *at.success, *at.title])


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def chart_rows(chart: object) -> list[dict]:
    """Every data row a Vega-Lite chart element carries (Streamlit sends the datasets as Arrow)."""
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    inline = [r for ds in json.loads(chart.proto.spec).get("datasets", {}).values() for r in ds]
    return inline + [r for ds in chart.proto.datasets
                     for r in convert_arrow_bytes_to_pandas_df(ds.data.data).to_dict("records")]


# The page's tables, each told apart by a column only it has.
TABLE_COLUMN = {"ad-uncovered": "Handlinger ikke i gang", "ad-attention": "Opmærksomhed",
                "mun-adapt-risks": "Tilpasningshandlinger", "mun-adapt-actions": "Beskyttelsesmål"}


def frame(at: AppTest, table: str):
    found = [d.value for d in at.dataframe if TABLE_COLUMN[table] in d.value.columns]
    assert len(found) == 1, (table, [list(d.value.columns) for d in at.dataframe])
    return found[0]


def expected(db: Path, area_codes: list[int] | None = None):
    store = Store(db)
    codes = area_codes or queries.area_codes(queries.municipalities(store), "DK")
    risks, actions = queries.risks(store, codes), queries.adaptation_actions(store, codes)
    return risks, actions, adaptation.uncovered_high_risks(risks, actions)


# -- Tilpasning ---------------------------------------------------------------------------------------------

def test_tilpasning_for_denmark_on_the_demo(demo_env: Path) -> None:
    at = open_page("pages/tilpasning.py")
    assert not at.exception
    risks, actions, uncovered = expected(demo_env)
    assert at.title[0].value == "Klimatilpasning – Danmark"
    kpi = metrics(at)
    assert kpi["Kommuner med risikovurdering"] == f"{risks['municipality'].nunique()} af 98"
    assert kpi["Uden tilpasning i gang"] == i18n.number(len(uncovered), "da") and len(uncovered) > 0
    assert kpi["Høje klimarisici"] == i18n.number(int(risks["level"].isin(["hoej", "meget_hoej"]).sum()), "da")
    # The heat chart counts what adaptation.risk_matrix counts, in words.
    heat = next(c for c in at.get("vega_lite_chart") if "risikoniveau" in json.loads(c.proto.spec)["title"]["text"])
    cells = {(r["hazard"], r["level"]): r["n"] for r in chart_rows(heat)}
    matrix = adaptation.risk_matrix(risks)
    assert cells[("Stormflod", "Meget høj")] == matrix.loc["stormflod", "meget_hoej"]
    assert cells[("Oversvømmelse fra vandløb", "Lav")] == matrix.loc["vandloeb", "lav"]
    assert len(specs(at)) == 2
    table = frame(at, "ad-uncovered")
    assert len(table) == len(uncovered)
    assert table.iloc[0]["Risiko"] == "Meget høj"
    attention = frame(at, "ad-attention")
    assert len(attention) == len(adaptation.adaptation_overdue(actions, date.today())) > 0
    body = texts(at)
    assert "Eksempeldata – ikke officielle tal" in body and "opdigtede eksempeldata" in body
    assert "Ingen risikovurdering indlæst (1): Vallensbæk" in body


def test_tilpasning_for_a_region_counts_only_its_municipalities(demo_env: Path) -> None:
    at = open_page("pages/tilpasning.py", area="Region Nordjylland")
    assert not at.exception
    codes = queries.area_codes(queries.municipalities(Store(demo_env)), "Nordjylland")
    _, _, uncovered = expected(demo_env, codes)
    assert at.title[0].value == "Klimatilpasning – Region Nordjylland"
    assert metrics(at)["Kommuner med risikovurdering"] == f"{len(codes)} af {len(codes)}"
    assert len(frame(at, "ad-uncovered")) == len(uncovered)
    assert NO_RISK_ASSESSMENT not in codes and "Ingen risikovurdering indlæst" not in texts(at)


def test_tilpasning_in_english(demo_env: Path) -> None:
    at = open_page("pages/tilpasning.py", lang="English")
    assert not at.exception
    assert at.title[0].value == "Climate adaptation – Denmark"
    assert "Without adaptation under way" in metrics(at)
    assert "Storm surge" in json.dumps(specs(at))


def test_tilpasning_on_real_data_lists_exactly_the_uncovered_high_risk(real_env: Path) -> None:
    at = open_page("pages/tilpasning.py")
    assert not at.exception
    body = texts(at)
    assert "Eksempeldata" not in body and "opdigtede" not in body
    table = frame(at, "ad-uncovered")
    # stormflod has an action in progress; skybrud only a planned one; hedebølge is medium.
    assert table.values.tolist() == [["København", "Skybrud", "Høj", "2024", 1]]
    assert metrics(at)["Kommuner med risikovurdering"] == "1 af 98"
    attention = frame(at, "ad-attention")
    assert attention["Handling"].tolist() == ["Skybrudsvej"]
    assert "slutdato passeret" in attention["Opmærksomhed"].iloc[0]
    assert "Risikovurderinger ældre end 5 år (1): København (stormflod 2019)" in body


def test_tilpasning_without_any_adaptation_data_says_what_to_load(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "empty.duckdb"
    Store(db).create()
    monkeypatch.setenv("DK2020_DB", str(db))
    at = open_page("pages/tilpasning.py")
    assert not at.exception
    assert any(i18n.t("ad.none_at_all", "da") in i.value for i in at.info)
    assert not at.get("vega_lite_chart")


# -- Kommune's Klimatilpasning section --------------------------------------------------------------------

def test_kommune_section_on_the_demo(demo_env: Path) -> None:
    at = open_page("pages/kommune.py", kommune="Lolland")
    assert not at.exception
    risks, actions, uncovered = expected(demo_env, [360])
    sentence = sentences.uncovered_sentence("Lolland", len(risks), int(risks["level"].map(adaptation.is_high_risk).sum()),
                                            list(zip(uncovered["hazard"], uncovered["level"], strict=True)), "da")
    assert any(m.value == sentence for m in at.markdown)
    assert any(s.value == "Klimatilpasning" for s in at.subheader)
    table = frame(at, "mun-adapt-risks")
    assert len(table) == len(risks) and table["Risiko"].iloc[0] in ("Meget høj", "Høj")
    assert len(frame(at, "mun-adapt-actions")) == len(actions)


def test_kommune_section_without_an_assessment(demo_env: Path) -> None:
    at = open_page("pages/kommune.py", kommune="Vallensbæk")
    assert not at.exception
    assert any(m.value == "Vallensbæk har ingen klimarisikovurdering indlæst." for m in at.markdown)


def test_kommune_section_on_real_data(real_env: Path) -> None:
    at = open_page("pages/kommune.py", kommune="København")
    assert not at.exception
    assert any(m.value == "København har høj risiko for skybrud (høj) uden en tilpasningshandling i gang eller "
                          "gennemført (1 af 2 høje risici)." for m in at.markdown)
    risks = frame(at, "mun-adapt-risks")
    assert risks["Klimafare"].tolist() == ["Stormflod", "Skybrud", "Hedebølge"]  # highest risk first
    assert risks["Vurderet"].tolist() == ["2019 (ældre end 5 år)", "2024", "2024"]
    assert risks["Tilpasningshandlinger"].tolist() == ["1 i gang", "1 planlagt", "–"]
    assert risks["Note"].tolist() == ["", "Skybrudsplan", ""]
    acts = frame(at, "mun-adapt-actions")
    assert acts["Beskyttelsesmål"].tolist() == ["1.000-års hændelse", "100-års hændelse"]


def test_kommune_section_in_english(real_env: Path) -> None:
    at = open_page("pages/kommune.py", kommune="København", lang="English")
    assert not at.exception
    assert any(m.value.startswith("København has a high risk of cloudburst (high)") for m in at.markdown)


def test_metode_explains_uncovered_high_risks(demo_env: Path) -> None:
    at = open_page("pages/metode.py")
    assert not at.exception
    body = texts(at)
    assert "høj risiko uden tilpasning i gang" in body.lower() and "mere end 5 år" in body


# -- the Data page takes a risks file ----------------------------------------------------------------------

def test_data_page_imports_risks_with_a_preview_first(demo_db: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    db = tmp_path / "page.duckdb"
    shutil.copy(demo_db, db)
    monkeypatch.setenv("DK2020_DB", str(db))
    at = data_page_as_admin(Store(db))
    assert i18n.t("imp.kind.risks", "da") in at.selectbox(key="imp-kind").options
    at.selectbox(key="imp-kind").set_value("risks").run()
    assert any("Risikovurderingen for kommunerne i filen erstattes helt" in c.value for c in at.caption)
    data = "Kommune;Klimafare;Risiko;Vurderet\nLolland;Stormflod;Meget høj;2025\n".encode("cp1252")
    at.file_uploader(key="imp-file").set_value(("risici.csv", data, "text/csv"))
    at.run()
    assert not at.exception
    assert any("Eksempeldata (demo) af denne slags fjernes" in w.value for w in at.warning)
    assert "risks" in queries.demo_kinds(Store(db))  # the preview writes nothing
    at.button(key="imp-apply").click().run()
    assert not at.exception
    assert "risks" not in queries.demo_kinds(Store(db))
    assert Store(db).query("SELECT municipality, hazard, level FROM risk").values.tolist() == [
        [360, "stormflod", "meget_hoej"]]
