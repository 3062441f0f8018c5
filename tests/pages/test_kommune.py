"""Kommune through AppTest: deep links by name, code and old spelling, KPIs from metrics/, charts, actions,
milestones, and municipalities that cannot be computed."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dk2020dash import i18n, labels, queries
from dk2020dash.db.store import Store
from dk2020dash.metrics.mitigation import assess_municipality
from dk2020dash.views import charts, sentences
from tests.spec_helpers import domains
from tests.support import municipality_inputs, page


def kommune(rerun: bool = True, **query: str) -> AppTest:
    return page("pages/kommune.py", runs=2 if rerun else 1, timeout=60, **query)


def progress_of(db: Path, code: int):
    return assess_municipality(municipality_inputs(Store(db))[code], date.today())


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def texts(at: AppTest) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.warning, *at.info, *at.caption])


@pytest.mark.parametrize(("query", "code", "name"), [
    ({"kommune": "København"}, 101, "København"),
    ({"kommune": "Aarhus"}, 751, "Aarhus"),
    ({"kommune": "101"}, 101, "København"),
    ({"kommune": "aarhus"}, 751, "Aarhus"),
    ({"kommune": "Århus"}, 751, "Aarhus"),
])
def test_deep_links_by_name_code_and_old_spelling(demo_backend: Path, query: dict, code: int, name: str) -> None:
    at = kommune(**query)
    assert not at.exception
    assert at.selectbox(key="kommune").value == code
    assert at.title[0].value == f"Kommune: {name}"
    assert at.query_params["kommune"] in (name, [name])  # a code or old spelling is shown as the name
    p = progress_of(demo_backend, code)
    assert any(m.value == f"### {sentences.municipality_sentence(p, name, 'da')}" for m in at.markdown)
    kpi = metrics(at)
    assert kpi[f"Udledning {p.latest_year}"] == i18n.tonnes(p.latest, "da")
    assert kpi["Reduktion siden 1990"] == i18n.percent(p.reduction, "da")
    assert kpi["Manko til 2030"] == i18n.tonnes(p.manko, "da", like=p.bridge.need)
    assert kpi["Samlet vurdering for 2030"] == sentences.verdict_label(p.verdict, "da")
    assert kpi["Netto-nul ifølge trenden"] == sentences.zero_year_text(p, "da")


def test_charts_show_adopted_beside_revised_baseline_sectors_and_bridge(demo_backend: Path) -> None:
    at = kommune(kommune="Aarhus")
    trajectory, bars, area, bridge = specs(at)
    series = [charts.series_label(k, "da") for k in ("actual", "target", "trend", "plan", "bau")]
    assert any(d == series for d in domains(trajectory))
    assert ["target_2030", "net_zero", "adopted_baseline", "national_2030"] in domains(trajectory)
    p = progress_of(demo_backend, 751)
    assert trajectory["title"]["text"] == sentences.trajectory_title(p, "da")
    assert bridge["title"]["text"].startswith("Manko: " + i18n.tonnes(p.manko, "da", like=p.bridge.need))
    assert bars["config"]["locale"]["number"]["decimal"] == ","
    assert "Basisår som vedtaget i planen" in texts(at)


def test_bridge_says_how_many_actions_count_as_zero_for_want_of_an_expected_reduction(
        demo_copy: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with demo_copy.transaction() as con:
        con.execute("UPDATE action SET expected_2030_t = NULL WHERE id IN (SELECT id FROM action "
                    "WHERE municipality = 751 AND kind = 'mitigation' AND status <> 'cancelled' ORDER BY id LIMIT 3)")
    monkeypatch.setenv("DK2020_DB", str(demo_copy.path))
    at = kommune(kommune="Aarhus")
    assert "3 handlinger har ingen forventet reduktion og tæller med 0 t." in [c.value for c in at.caption]
    assert progress_of(demo_copy.path, 751).bridge.missing_expected_actions == 3


def test_rank_in_region_and_data_notes(demo_backend: Path) -> None:
    at = kommune(kommune="København")
    body = texts(at)
    assert "Placering i Region Hovedstaden" in body
    assert any(label.startswith("Nr. ") and label.endswith("på reduktion siden basisår") for label in metrics(at))
    # the municipality's own newest edition, its name escaped as markdown (it may come from a file name)
    assert "Opgørelse: Eksempeldata (demo) – Energi- og CO2-regnskab 2025" in body
    share = queries.estimated_share(Store(demo_backend), [101])
    assert f"Skønnede værdier: {i18n.percent(float(share['estimated_share'].iloc[0]), 'da', 1)}" in body
    assert "Seneste opgørelsesår: 2024" in body


@pytest.mark.parametrize(("code", "reason"), [(825, "Ingen opgørelse af udledninger"),
                                              (563, "Ingen opgørelse for basisåret 1990")])
def test_a_municipality_that_cannot_be_computed_says_why_and_shows_what_it_can(
        demo_backend: Path, code: int, reason: str) -> None:
    at = kommune(kommune=str(code))
    assert not at.exception
    assert any(reason in w.value and "kan ikke beregnes" in w.value for w in at.warning)
    # actions, milestones, and Klimatilpasning's risk assessment and adaptation actions
    assert len(at.dataframe) == 4
    assert "Overskredne milepæle" in metrics(at)


def test_actions_filter_by_status_with_danish_words_and_stale_marks(demo_backend: Path) -> None:
    at = kommune(kommune="Aarhus")
    actions = at.dataframe[0].value
    assert set(actions["Status"]) <= {labels.status(s, "da") for s in
                                      ("planned", "in_progress", "completed", "delayed", "paused", "cancelled")}
    expected = actions["Forventet reduktion 2030 (t/år)"].fillna(-1).tolist()
    assert expected == sorted(expected, reverse=True)
    at.multiselect(key="mun-status").set_value(["delayed"]).run()
    filtered = at.dataframe[0].value
    assert len(filtered) > 0 and set(filtered["Status"]) == {"Forsinket"}
    assert set(filtered["Forældet"]) <= {"", "⚠️ Forældet"}


def test_milestones_have_states_and_danish_dates(demo_backend: Path) -> None:
    at = kommune(kommune="København")
    ms = at.dataframe[1].value
    states = {"✅ Udført", "❌ Overskredet", "⏰ Forfalder snart", "📅 Kommende"}
    assert set(ms["Tilstand"]) <= states and "✅ Udført" in set(ms["Tilstand"])
    assert any(". " in d and d[-4:].isdigit() for d in ms["Frist"])  # 20. maj 2020


def test_english_switch(demo_backend: Path) -> None:
    at = kommune(kommune="Aarhus", lang="English")
    assert not at.exception
    assert at.title[0].value == "Municipality: Aarhus"
    assert kommune(kommune="751", lang="English").title[0].value == "Municipality: Aarhus"
    p = progress_of(demo_backend, 751)
    assert any(m.value == f"### {sentences.municipality_sentence(p, 'Aarhus', 'en')}" for m in at.markdown)
    assert "Status" in at.dataframe[0].value.columns and "Delayed" in set(at.dataframe[0].value["Status"])


def test_choosing_another_municipality(demo_backend: Path) -> None:
    at = kommune(kommune="101")
    at.selectbox(key="kommune").set_value(751).run()
    assert not at.exception
    assert at.title[0].value == "Kommune: Aarhus"


def test_unknown_municipality_in_the_link_is_explained(demo_backend: Path) -> None:
    at = kommune(rerun=False, kommune="Atlantis")  # said once, on arrival
    assert not at.exception
    assert any("»Atlantis« findes ikke" in w.value for w in at.warning)




def test_completed_actions_already_in_the_inventory_are_shown_apart_and_count_nothing(
        demo_copy: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # Aarhus (latest inventory 2024). Four of its completed mitigation actions get known completion dates:
    #   a: end date 2023-05-01                                       → in the inventory
    #   b: no end date, changed to completed 2024-11-30 (a later completed→completed event 2025-06-01
    #      only changes the responsible unit)                         → in the inventory (2024)
    #   c: no end date, no history, last updated 2024-03-01          → in the inventory
    #   d: no end date, changed to completed 2025-02-01              → secured
    #   the rest keep their end dates in 2025–2026                    → secured
    a, b, c, d = queries.actions(demo_copy, [751]).query("status == 'completed' and kind == 'mitigation'")["id"][:4]
    with demo_copy.transaction() as con:
        con.execute("DELETE FROM action_event WHERE list_contains(?, action_id)", [[int(x) for x in (a, b, c, d)]])
        con.execute("UPDATE action SET start_date = NULL, end_date = NULL WHERE list_contains(?, id)",
                    [[int(x) for x in (a, b, c, d)]])
        con.execute("UPDATE action SET end_date = DATE '2023-05-01' WHERE id = ?", [int(a)])
        con.execute("UPDATE action SET last_updated = DATE '2024-03-01' WHERE id = ?", [int(c)])
        con.execute("INSERT INTO action_event (action_id, changed_on, who, old_status, new_status) VALUES "
                    "(?, DATE '2024-11-30', 't', 'in_progress', 'completed'), "
                    "(?, DATE '2025-06-01', 't', 'completed', 'completed'), "
                    "(?, DATE '2025-02-01', 't', 'in_progress', 'completed')", [int(b), int(b), int(d)])
    rows = queries.actions(demo_copy, [751]).set_index("id")
    in_inventory = rows.loc[[a, b, c], "expected_2030_t"].sum()
    completed = rows.loc[(rows["status"] == "completed") & (rows["kind"] == "mitigation"), "expected_2030_t"]
    assert [str(rows.loc[x, "completed_on"].date()) for x in (a, b, c, d)] == \
        ["2023-05-01", "2024-11-30", "2024-03-01", "2025-02-01"]
    p = progress_of(demo_copy.path, 751)
    assert p.latest_year == 2024
    assert p.bridge.in_inventory == in_inventory and p.bridge.in_inventory_actions == 3
    assert p.bridge.secured == completed.sum() - in_inventory
    assert p.manko == max(0.0, p.bridge.need - p.bridge.covered)

    monkeypatch.setenv("DK2020_DB", str(demo_copy.path))
    at = kommune(kommune="Aarhus")
    assert not at.exception
    assert metrics(at)["Manko til 2030"] == i18n.tonnes(p.manko, "da", like=p.bridge.need)
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    chart = at.get("vega_lite_chart")[-1]  # the bridge; Streamlit sends its datasets as Arrow
    records = [r for ds in chart.proto.datasets for r in convert_arrow_bytes_to_pandas_df(ds.data.data).to_dict("records")]
    data = {r["key"]: r for r in records if "step" in r}
    assert data["in_inventory"]["step"] == "Allerede i opgørelsen (tæller ikke)"
    assert data["in_inventory"]["tco2e"] == in_inventory
    assert data["secured"]["tco2e"] == p.bridge.secured
    note = (f"3 gennemførte handlinger ({i18n.tonnes(in_inventory, 'da')} forventet) blev gennemført i eller før "
            "2024 og er allerede med i opgørelsen; de tæller ikke i reduktionsbroen.")
    assert note in [c.value for c in at.caption]


def test_required_pace_reads_target_reached_where_the_need_is_zero(demo_backend: Path) -> None:
    # Frederiksberg is below its 2030 target path in the demo: need 0, so 0 t a year and "Målet for 2030 er nået"
    # (the old pace was negative, (E − T(2030)) / years left)
    p = progress_of(demo_backend, 147)
    assert p.bridge.need == 0 and p.latest < p.target_2030
    at = kommune(kommune="Frederiksberg")
    assert not at.exception
    pace = next(m for m in at.metric if m.label == "Nødvendigt fald pr. år til 2030")
    assert pace.value == f"{i18n.tonnes(0, 'da')}/år"
    assert pace.delta == "Målet for 2030 er nået"


def test_trend_uses_the_five_years_up_to_the_latest_and_says_why_it_cannot(
        demo_copy: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # Aarhus keeps only 1990, 2010–2019 and 2024: one year in 2020–2024, so no trend (the old code fitted one
    # line through 2017, 2018, 2019, 2024 ...); the page says why, and the net-zero KPI shows no year
    with demo_copy.transaction() as con:
        con.execute("DELETE FROM emission WHERE municipality = 751 AND year BETWEEN 2020 AND 2023")
    monkeypatch.setenv("DK2020_DB", str(demo_copy.path))
    p = progress_of(demo_copy.path, 751)
    assert p.trend.reason == "too_few_years" and p.trend.detail == "1"
    at = kommune(kommune="Aarhus")
    assert not at.exception
    pace = next(m for m in at.metric if m.label == "Nødvendigt fald pr. år til 2030")
    assert pace.delta == ("Trenden kan ikke beregnes: For få opgørelsesår (mindst 3 inden for de fem kalenderår op "
                          "til det seneste; der er 1)")
    assert metrics(at)["Netto-nul ifølge trenden"] == "–"


def test_net_zero_already_reached_says_so_instead_of_a_year(demo_copy: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # Aarhus's latest year (2024) brought below net zero by a land-use sink: E(2024) = −1 → "nået", not "2024"
    with demo_copy.transaction() as con:
        total = con.execute("SELECT sum(tco2e) FROM emission WHERE municipality = 751 AND year = 2024").fetchone()[0]
        con.execute("UPDATE emission SET tco2e = tco2e - ? WHERE municipality = 751 AND year = 2024 "
                    "AND sector = 'lulucf'", [total + 1.0])
    monkeypatch.setenv("DK2020_DB", str(demo_copy.path))
    p = progress_of(demo_copy.path, 751)
    assert p.latest == pytest.approx(-1.0) and p.trend.reached
    for lang, word in (("Dansk", "nået"), ("English", "reached")):
        at = kommune(kommune="Aarhus", lang=lang)
        assert not at.exception
        label = i18n.t("ov.kpi.zero_year", "da" if lang == "Dansk" else "en")
        assert metrics(at)[label] == word
