"""Overblik through AppTest: every area, the sentence and KPIs as metrics/ computes them, charts, ranking."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dk2020dash import i18n, queries
from dk2020dash.db.store import Store
from dk2020dash.domain import DENMARK, REGIONS, Verdict
from dk2020dash.metrics.mitigation import assess_area, assess_municipality
from dk2020dash.ui import shell
from dk2020dash.views import charts, sentences
from tests.spec_helpers import domains
from tests.support import municipality_inputs, page


def overblik(**query: str) -> AppTest:
    return page("pages/overblik.py", timeout=60, **query)


def expected(db: Path, area: str):
    store = Store(db)
    codes = queries.area_codes(queries.municipalities(store), area)
    inputs = municipality_inputs(store)
    return assess_area([inputs[c] for c in codes], date.today()), codes


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def unit_of(text: str) -> str:
    """The unit a figure is written in: "mio. t", "kt" or "t"."""
    return next(u for u in ("mio. t", "kt", "t") if f" {u} CO2e" in text)


def specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]




@pytest.mark.parametrize("area", [DENMARK, *REGIONS])
def test_every_area_shows_its_sentence_and_kpis_from_progress(demo_backend: Path, area: str) -> None:
    query = {} if area == DENMARK else {"area": shell.area_label(area, "da")}
    at = overblik(**query)
    assert not at.exception
    p, codes = expected(demo_backend, area)
    name = shell.area_label(area, "da")
    assert at.title[0].value == f"Overblik: {name}"
    assert any(m.value == f"### {sentences.area_sentence(p, name, 'da')}" for m in at.markdown)
    assert any(c.value == sentences.verdict_note(p, "da") for c in at.caption)
    kpi = metrics(at)
    assert kpi[f"Udledning {p.latest_year}"] == i18n.tonnes(p.latest, "da")
    assert kpi["Reduktion siden 1990"] == i18n.percent(p.reduction, "da")
    assert kpi["Manko til 2030"] == i18n.tonnes(p.manko, "da", like=p.bridge.need)
    assert kpi["Nødvendigt fald pr. år til 2030"] == sentences.required_pace_text(p, "da")
    # a card and its comparison in one unit (issue 19: "2,6 mio. t CO2e/år" beside "615 kt CO2e/år")
    cards = {m.label: m for m in at.metric}
    for label in ("Nødvendigt fald pr. år til 2030", "Manko til 2030"):
        value, delta = cards[label].value, cards[label].delta
        if any(ch.isdigit() for ch in delta):
            assert unit_of(value) == unit_of(delta), (label, value, delta)
    assert kpi["Samlet vurdering for 2030"] == sentences.verdict_label(p.verdict, "da")
    counts = p.verdict_counts()
    for v in Verdict:
        assert kpi[sentences.verdict_label(v, "da")] == i18n.number(counts[v], "da")
    # actions per status and overdue milestones, straight from the store and progress.milestone_state
    actions = queries.actions(Store(demo_backend), codes)
    assert kpi["Planlagt"] == i18n.number(int((actions["status"] == "planned").sum()), "da")
    ms = queries.milestones(Store(demo_backend), codes)
    overdue = int((ms["done"].isna() & (ms["due"].dt.date < date.today())).sum())
    assert kpi["Overskredne milepæle"] == i18n.number(overdue, "da")


def test_charts_carry_the_expected_series(demo_backend: Path) -> None:
    at = overblik()
    trajectory, bars, area, bridge = specs(at)
    assert [charts.series_label(k, "da") for k in ("actual", "target", "trend", "plan", "bau")] in domains(trajectory)
    assert trajectory["config"]["locale"]["number"]["decimal"] == ","
    p, _ = expected(demo_backend, DENMARK)
    assert trajectory["title"]["text"] == sentences.trajectory_title(p, "da")
    assert "2024" in bars["title"]["text"]
    assert "Arealanvendelse (LULUCF)" in domains(area)[0]


def test_ranking_lists_every_municipality_with_progress_figures(demo_backend: Path) -> None:
    at = overblik(area="Region Syddanmark")
    table = at.dataframe[0].value
    store = Store(demo_backend)
    munis = queries.municipalities(store)
    inputs = municipality_inputs(store)
    codes = queries.area_codes(munis, "Syddanmark")
    computed = {c: assess_municipality(inputs[c], date.today()) for c in codes}
    ok = {c: p for c, p in computed.items() if p}
    assert len(table) == len(ok)
    row = table.iloc[0]
    first = max(ok.values(), key=lambda p: p.reduction)
    name = munis.set_index("code").loc[first.members[0], "name"]
    assert row["Kommune"] == name
    assert row["Vurdering"] == sentences.verdict_label(first.verdict, "da")
    assert row["Reduktion siden basisår (%)"] == pytest.approx(first.reduction * 100)
    assert row["t CO2e pr. indbygger (ca.)"] == pytest.approx(first.per_capita)
    assert row["Manko 2030 (t CO2e)"] == pytest.approx(first.manko)
    assert row["Dataforsinkelse (år)"] == first.data_lag
    # Fanø (no 1990 inventory) is listed with the reason, not silently dropped
    assert any("**Fanø**: Ingen opgørelse for basisåret 1990" in m.value for m in at.markdown)


def test_selecting_a_ranking_row_opens_that_municipality(demo_backend: Path) -> None:
    # AppTest cannot click a row, but the dataframe's selection state can be set as a browser would send it.
    at = overblik(area="Region Nordjylland", lang="English")
    first = at.dataframe[0].value.iloc[0]["Municipality"]
    at.session_state["ov-ranking"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    assert at.title[0].value == f"Municipality: {first}"
    assert at.query_params["kommune"] == [first] or at.query_params["kommune"] == first
    assert at.segmented_control(key="lang").value == "en"
    assert at.selectbox(key="area").value == "Nordjylland"


def test_english_switch(demo_backend: Path) -> None:
    at = overblik(lang="English")
    assert not at.exception
    assert at.title[0].value == "Overview: Denmark"
    p, _ = expected(demo_backend, DENMARK)
    assert any(m.value == f"### {sentences.area_sentence(p, 'Denmark', 'en')}" for m in at.markdown)
    assert metrics(at)["Reduction since 1990"] == i18n.percent(p.reduction, "en")
    assert specs(at)[0]["config"]["locale"]["number"]["decimal"] == "."


def test_a_link_reproduces_the_area_view(demo_backend: Path) -> None:
    at = overblik(area="Region Sjælland", lang="English")
    assert at.selectbox(key="area").value == "Sjælland"
    assert at.title[0].value == "Overview: Region Sjælland"


def test_overblik_is_the_default_page(demo_backend: Path) -> None:
    at = page(timeout=60)
    assert not at.exception
    assert at.title[0].value == "Overblik: Danmark"


def test_an_empty_database_says_why_instead_of_failing(empty_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DK2020_DB", str(empty_store.path))
    at = overblik()
    assert not at.exception
    assert any("Der kan ikke vises et overblik for Danmark" in i.value for i in at.info)


def test_an_area_without_common_years_names_the_municipalities_that_lack_them(
        demo_copy: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    codes = queries.area_codes(queries.municipalities(demo_copy), "Nordjylland")
    first, rest = codes[:6], codes[6:]
    # The first six have 1990 and 2010 only; the others a plan from 2016 and inventories 2016–2024 only: their spans
    # do not overlap, so nothing can be interpolated (never extrapolated) and no year is common
    with demo_copy.transaction() as con:
        con.execute("DELETE FROM emission WHERE list_contains(?, municipality) AND year > 2010", [first])
        con.execute("DELETE FROM emission WHERE list_contains(?, municipality) AND year < 2016", [rest])
        con.execute("UPDATE plan SET baseline_year = 2016 WHERE list_contains(?, municipality)", [rest])
    monkeypatch.setenv("DK2020_DB", str(demo_copy.path))
    at = overblik(area="Region Nordjylland")
    assert not at.exception
    assert at.title[0].value == "Overblik: Region Nordjylland"
    message = " ".join(i.value for i in at.info)
    assert "færre end to opgørelsesår til fælles" in message
    name = queries.municipalities(demo_copy).set_index("code")["name"]
    assert all(f"{name[c]}: 1990, 2010" in message for c in rest)


def chart_rows(chart: object) -> list[dict]:
    """Every data row a Vega-Lite chart element carries (Streamlit sends the datasets as Arrow)."""
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    return [r for ds in chart.proto.datasets for r in convert_arrow_bytes_to_pandas_df(ds.data.data).to_dict("records")]


def test_region_pace_reads_the_region_as_a_geography_and_its_manko_the_members_plans(demo_backend: Path) -> None:
    # DESIGN §4 (revised): question A on the summed series, question B on the members' plans. Hovedstaden:
    # Frederiksberg is below its 2030 target (need 0), so the summed series needs less a year than the sum of the
    # members' needs; the pace card shows the geography's pace, the manko card the members' need.
    at = overblik(area="Region Hovedstaden")
    assert not at.exception
    p, codes = expected(demo_backend, "Hovedstaden")
    inputs = municipality_inputs(Store(demo_backend))
    needs = sum(max(0.0, q.series[p.latest_year] - q.target_2030)
                for q in (assess_municipality(inputs[c], date.today()) for c in codes) if q)
    assert p.bridge.need == pytest.approx(needs)
    geography = (p.latest - p.target_2030) / (2030 - p.latest_year)
    assert p.required_pace == pytest.approx(geography)
    assert i18n.tonnes(geography, "da") != i18n.tonnes(needs / (2030 - p.latest_year), "da")  # they differ here
    kpi = metrics(at)
    assert kpi["Nødvendigt fald pr. år til 2030"] == f"{i18n.tonnes(geography, 'da', like=abs(p.observed_pace))}/år"
    assert kpi["Manko til 2030"] == i18n.tonnes(p.manko, "da", like=p.bridge.need)


def test_area_bridge_shows_what_is_already_in_the_inventory(demo_backend: Path) -> None:
    at = overblik(lang="English")
    assert not at.exception
    p, _ = expected(demo_backend, DENMARK)
    assert p.bridge.in_inventory_actions > 0  # the demo has actions completed in or before 2024
    data = {r["key"]: r for r in chart_rows(at.get("vega_lite_chart")[-1]) if "step" in r}
    assert data["in_inventory"]["step"] == "Already in the inventory (counts nothing)"
    assert data["in_inventory"]["tco2e"] == pytest.approx(p.bridge.in_inventory)
    assert data["secured"]["tco2e"] == pytest.approx(p.bridge.secured)
    assert data["manko"]["tco2e"] == pytest.approx(p.manko)
    note = (f"{p.bridge.in_inventory_actions} completed actions ({i18n.tonnes(p.bridge.in_inventory, 'en')} expected) "
            f"were completed in or before {p.latest_year} and are already in the inventory; they count nothing in "
            "the reduction bridge.")
    assert note in [c.value for c in at.caption]
