"""Sammenlign through AppTest: peer-group default, deep links, and table values equal metrics/."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dk2020dash import i18n, queries
from dk2020dash.db.store import Store
from dk2020dash.domain import REGIONS
from dk2020dash.metrics.mitigation import Progress, assess_municipality
from dk2020dash.ui import tables
from dk2020dash.views.sentences import verdict_label
from tests.support import municipality_inputs, page


def compare(**query: object) -> AppTest:
    return page("pages/sammenlign.py", timeout=60, **query)


def chart_rows(chart: object) -> list[dict]:
    """Every data row a Vega-Lite chart element carries (Streamlit sends the datasets as Arrow)."""
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    inline = [r for ds in json.loads(chart.proto.spec).get("datasets", {}).values() for r in ds]
    return inline + [r for ds in chart.proto.datasets
                     for r in convert_arrow_bytes_to_pandas_df(ds.data.data).to_dict("records")]


def table(at: AppTest):
    return at.dataframe[0].value


def test_denmark_defaults_to_the_largest_and_its_population_peers(demo_env: Path) -> None:
    at = compare()
    assert not at.exception
    assert at.multiselect(key="kommuner").value == [101, 751, 851, 461]  # København, Aarhus, Aalborg, Odense
    assert set(table(at)["Kommune"]) == {"København", "Aarhus", "Aalborg", "Odense"}
    assert len(at.get("vega_lite_chart")) == 2


@pytest.mark.parametrize("region", REGIONS)
def test_each_region_runs_without_an_exception(demo_env: Path, region: str) -> None:
    at = compare(area=f"Region {region}")
    assert not at.exception
    at.run()  # AppTest applies the URL's area to page_setup from the second run
    assert not at.exception


def test_peer_group_of_a_region_is_its_largest_and_the_closest_in_population(demo_store: Store) -> None:

    munis = queries.municipalities(demo_store)
    group = tables.peer_group(munis, "Sjælland")
    region = munis[munis["region"] == "Sjælland"]
    assert len(group) == 4 and set(group) <= set(region["code"])
    assert group[0] == int(region.sort_values("population")["code"].iloc[-1])
    # From a municipality's page: its own region, the anchor first.
    group = tables.peer_group(munis, "DK", anchor=825)
    assert group[0] == 825 and set(munis.set_index("code").loc[group, "region"]) == {"Nordjylland"}


def test_a_deep_link_reproduces_the_chosen_set(demo_env: Path) -> None:
    at = compare(kommuner=["Aarhus", "Odense", "Vejle"])
    assert not at.exception
    assert at.multiselect(key="kommuner").value == [751, 461, 630]
    assert list(table(at)["Kommune"]) == sorted(["Aarhus", "Odense", "Vejle"], key=list(table(at)["Kommune"]).index)
    assert set(table(at)["Kommune"]) == {"Aarhus", "Odense", "Vejle"}


def test_table_and_scatter_values_equal_progress(demo_env: Path, demo_store: Store) -> None:
    at = compare(kommuner=["Aarhus", "Odense", "Vejle"])
    inputs = municipality_inputs(demo_store)
    df = table(at).set_index("Kommune")
    for code, name in ((751, "Aarhus"), (461, "Odense"), (630, "Vejle")):
        p = assess_municipality(inputs[code], date.today())
        assert isinstance(p, Progress)
        row = df.loc[name]
        assert row["Vurdering"] == verdict_label(p.verdict, "da")
        assert row["Reduktion siden basisår"] == i18n.percent(p.reduction, "da")
        assert row["t CO2e pr. indbygger"] == f"ca. {i18n.number(p.per_capita, 'da', 1)}"
        assert row["Manko 2030"] == i18n.tonnes(p.manko, "da")
        assert row["Dataforsinkelse"] == f"{p.data_lag} år"
    values = chart_rows(at.get("vega_lite_chart")[1])
    aarhus = next(v for v in values if v.get("name") == "Aarhus")
    p = assess_municipality(inputs[751], date.today())
    assert aarhus["per_capita"] == pytest.approx(p.per_capita)
    assert aarhus["reduction_pct"] == pytest.approx(100 * p.reduction)
    assert aarhus["chosen"] is True
    # The indexed chart: the latest point is 100 · E(latest) / B.
    rows = [v for v in chart_rows(at.get("vega_lite_chart")[0]) if v.get("name") == "Aarhus" and "index" in v]
    latest = max(rows, key=lambda v: v["year"])
    assert latest["index"] == pytest.approx(100 * p.latest / p.baseline)


def test_fewer_than_two_gives_a_hint_not_an_error(demo_env: Path) -> None:
    at = compare(kommuner="Aarhus")
    assert not at.exception and not at.error
    assert any(i18n.t("cmp.too_few", "da") in i.value for i in at.info)


def test_municipalities_that_cannot_be_computed_say_why(demo_env: Path) -> None:
    at = compare(kommuner=["Aarhus", "Læsø", "Fanø"])
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "Læsø: Kan ikke beregnes: Ingen opgørelse af udledninger" in warnings
    assert "Fanø: Kan ikke beregnes: Ingen opgørelse for basisåret 1990" in warnings
    df = table(at).set_index("Kommune")
    assert df.loc["Læsø", "Vurdering"] == "–" and "Ingen opgørelse" in df.loc["Læsø", "Bemærkning"]


def test_english(demo_env: Path) -> None:
    at = compare(lang="English", kommuner=["Aarhus", "Odense"]).run()  # see test_each_region_runs...
    assert not at.exception
    assert at.title[0].value == i18n.t("cmp.title", "en")
    assert "Verdict" in table(at).columns
