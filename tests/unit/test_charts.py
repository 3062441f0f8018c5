"""Chart builders: the specs carry the expected series, Danish number locale, projector-sized fonts, finding titles."""
from __future__ import annotations

import json
import shutil
from datetime import date

import pandas as pd
import pytest

from dk2020dash import i18n, queries
from dk2020dash.db.store import Store
from dk2020dash.ingest import run_import
from dk2020dash.metrics.bridge import Bridge
from dk2020dash.metrics.mitigation import assess_area, assess_municipality
from dk2020dash.views import charts, sentences
from tests.spec_helpers import domains
from tests.support import municipality_inputs

TODAY = date(2026, 6, 30)


def rows(spec: dict) -> list[dict]:
    return [r for data in spec.get("datasets", {}).values() for r in data]




@pytest.fixture(scope="module")
def inputs(demo_db):
    return municipality_inputs(Store(demo_db))


@pytest.fixture(scope="module")
def copenhagen(inputs):
    return assess_municipality(inputs[101], TODAY)


def test_trajectory_has_every_series_with_words_colour_and_dash(demo_store: Store, copenhagen) -> None:
    chart = charts.trajectory(copenhagen, "da", queries.scenarios(demo_store, [101]), (1990, 5_800_000.0))
    spec = chart.to_dict()
    keys = {r["key"] for r in rows(spec) if "key" in r}
    assert {"actual", "target", "trend", "plan", "bau"} <= keys
    assert {"target_2030", "net_zero", "adopted_baseline"} <= keys
    labels = [charts.series_label(k, "da") for k in ("actual", "target", "trend", "plan", "bau")]
    # colour and dash both keyed on the same plain-word series names, so the legend merges into one
    assert sum(1 for d in domains(spec) if d == labels) >= 2
    assert spec["title"]["text"] == sentences.trajectory_title(copenhagen, "da")
    assert spec["title"]["text"].startswith("Udledningen er faldet 46\u00a0% siden 1990 – målet for 2030 er 50\u00a0%")


def test_trajectory_target_path_runs_from_baseline_to_net_zero_and_marks_2030(copenhagen) -> None:
    data = rows(charts.trajectory(copenhagen, "da").to_dict())
    target = {r["year"]: r["tco2e"] for r in data if r.get("key") == "target"}
    assert min(target) == 1990 and max(target) == 2050 and target[2050] == 0
    assert target[2030] == pytest.approx(copenhagen.target_2030)
    mark = next(r for r in data if r.get("key") == "target_2030")
    assert mark["label"] == "Mål 2030: −50\u00a0%"
    trend = {r["year"]: r["tco2e"] for r in data if r.get("key") == "trend"}
    assert trend[2030] == pytest.approx(copenhagen.forecast_2030)  # the trend carried on from the latest inventory
    assert trend[copenhagen.latest_year] == pytest.approx(copenhagen.latest)


def test_danish_number_locale_and_projector_fonts(copenhagen) -> None:
    spec = charts.trajectory(copenhagen, "da").to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["number"]["thousands"] == "."
    assert spec["config"]["axis"]["labelFontSize"] >= 14
    assert spec["config"]["legend"]["labelFontSize"] >= 14
    assert spec["title"]["fontSize"] >= 14
    en = charts.trajectory(copenhagen, "en").to_dict()
    assert en["config"]["locale"]["number"]["decimal"] == "."
    assert en["title"]["text"].startswith("Emissions have fallen 46% since 1990")


def test_colours_are_colour_blind_safe(demo_store: Store, copenhagen) -> None:
    safe = set(charts.PALETTE.values())
    specs = [charts.trajectory(copenhagen, "da", queries.scenarios(demo_store, [101])).to_dict(),
             charts.reduction_bridge(copenhagen.bridge, "da").to_dict(),
             charts.sector_area(queries.emissions_by_sector(demo_store, [101]), "da").to_dict()]
    used = {c for spec in specs for d in domains(spec) for c in d if isinstance(c, str) and c.startswith("#")}
    ranges = {c for spec in specs for c in str(spec).split("'") if c.startswith("#") and len(c) == 7}
    assert (used | ranges) <= safe


def test_sector_bars_latest_year_by_group_with_a_sink_below_zero(demo_store: Store, inputs) -> None:
    sink_code = next(c for c in inputs if (lambda df: ((df["sector"] == "lulucf") & (df["year"] == 2024)
                                                       & (df["tco2e"] < 0)).any())(
        queries.emissions_by_sector(demo_store, [c])))
    spec = charts.sector_bars(queries.emissions_by_sector(demo_store, [sink_code]), "da").to_dict()
    data = [r for r in rows(spec) if "sector_group" in r]
    assert {r["year"] for r in data} == {2024}
    assert {r["group"] for r in data} >= {"Energi", "Transport", "Landbrug", "Arealanvendelse (LULUCF)"}
    assert next(r for r in data if r["sector_group"] == "lulucf")["value"] < 0
    assert "2024" in spec["title"]["text"]


def test_sector_area_over_time_names_groups_in_the_language(demo_store: Store) -> None:
    spec = charts.sector_area(queries.emissions_by_sector(demo_store, [751]), "en").to_dict()
    assert ["Energy", "Transport", "Agriculture", "Land use (LULUCF)", "Waste and wastewater",
            "Industrial processes and F-gases"] in domains(spec)
    assert spec["title"]["text"] == "Emissions by sector 1990–2024"
    assert spec["encoding"]["y"]["stack"] == "zero"


def test_reduction_bridge_labels_every_step_in_words_and_tonnes() -> None:
    bridge = Bridge(need=200_000, secured=40_000, in_progress=50_000, planned=30_000, at_risk=20_000, cancelled=9_000)
    spec = charts.reduction_bridge(bridge, "da").to_dict()
    data = {r["key"]: r for r in rows(spec) if "step" in r}
    assert list(data) == ["need", "secured", "in_progress", "planned", "at_risk", "manko", "in_inventory"]
    assert data["manko"]["tco2e"] == bridge.manko == 60_000
    assert data["manko"]["step"] == "Manko (udækket)" and data["manko"]["label"] == "60 kt CO2e"
    assert data["at_risk"]["end"] == 140_000  # the steps stack up toward the need
    assert spec["title"]["text"] == "Manko: 60 kt CO2e af et behov på 200 kt CO2e til 2030"
    assert "legend" not in str(spec["layer"][0]["encoding"]["color"]) or spec["layer"][0]["encoding"]["color"]["legend"] is None


@pytest.mark.parametrize(("lang", "label"), [("da", "Allerede i opgørelsen (tæller ikke)"),
                                             ("en", "Already in the inventory (counts nothing)")])
def test_bridge_shows_completed_actions_already_in_the_inventory_apart_counting_nothing(lang: str, label: str) -> None:
    # 30 kt completed in or before the inventory year: a grey bar from 0, after the manko, not in the waterfall
    bridge = Bridge(need=200_000, secured=40_000, in_progress=50_000, in_inventory=30_000, in_inventory_actions=2)
    spec = charts.reduction_bridge(bridge, lang).to_dict()
    data = {r["key"]: r for r in rows(spec) if "step" in r}
    assert list(data)[-1] == "in_inventory"
    assert data["in_inventory"]["step"] == label
    assert (data["in_inventory"]["start"], data["in_inventory"]["end"]) == (0, 30_000)
    assert data["manko"]["tco2e"] == 110_000  # 200 − 40 − 50: the 30 kt cover nothing
    assert data["manko"]["end"] == 200_000
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert scale["range"][scale["domain"].index("in_inventory")] == charts.PALETTE["grey"]


def test_bridge_labels_just_short_of_the_need_line_start_beyond_it() -> None:
    bridge = Bridge(need=232_000, secured=47_000, in_progress=55_000, planned=60_000, at_risk=62_000)
    data = {r["key"]: r for r in rows(charts.reduction_bridge(bridge, "da").to_dict()) if "step" in r}
    assert data["planned"]["label_x"] == data["planned"]["x1"]  # far from the line: beside its bar
    line = data["need"]["x1"]  # 232.000 t: the manko (8.000 t) puts the chart in t
    assert data["at_risk"]["x1"] < line <= data["at_risk"]["label_x"]  # would be cut by the line


def test_bridge_titles_when_covered_or_no_need() -> None:
    assert "dækker hele behovet" in charts.reduction_bridge(Bridge(need=10, secured=20), "da").to_dict()["title"]["text"]
    assert "allerede under målet" in charts.reduction_bridge(Bridge(need=0), "da").to_dict()["title"]["text"]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_long_subtitles_are_broken_into_lines_not_cut_off(demo_store: Store, lang: str) -> None:
    by_sector = queries.emissions_by_sector(demo_store, [101])
    for chart, key, most in ((charts.reduction_bridge(Bridge(need=10), lang), "chart.bridge.subtitle", 100),
                             (charts.sector_area(by_sector, lang), "chart.sector_time.subtitle", 55)):
        lines = chart.to_dict()["title"]["subtitle"]
        assert " ".join(lines) == i18n.t(key, lang)
        assert len(lines) > 1 and max(map(len, lines)) <= most


def test_area_trajectory_leaves_out_partial_scenario_years(demo_store: Store, inputs) -> None:
    munis = queries.municipalities(demo_store)
    area = assess_area([inputs[c] for c in queries.area_codes(munis, "Sjælland")], TODAY)
    sc = queries.scenarios(demo_store, list(area.members))
    data = rows(charts.trajectory(area, "da", sc).to_dict())
    plan_years = {r["year"] for r in data if r.get("key") == "plan"}
    full = sc[(sc["kind"] == "plan") & (sc["municipalities"] == sc["municipalities"].max())]
    assert plan_years == set(full["year"])


def test_the_verdict_maps_bornholm_frame_is_hidden_from_screen_readers() -> None:
    """The frame around Bornholm's moved position is decoration: an unnamed SVG graphic fails WCAG 1.1.1 (axe's
    svg-img-alt on slide 3); the municipalities themselves stay readable."""
    import pandas as pd

    munis = pd.DataFrame({"code": [400, 101], "name": ["Bornholm", "København"], "verdict": ["on_track", None],
                          "label_lat": [55.1, 55.68], "label_lon": [14.9, 12.57], "area_km2": [588.0, 86.0]})
    layers = charts.verdict_map(munis, "da").to_dict()["layer"]
    frames = [layer for layer in layers if layer["mark"].get("filled") is False]
    assert len(frames) == 1 and frames[0]["mark"]["aria"] is False
    assert all(layer["mark"].get("aria", True) for layer in layers if layer not in frames)


# -- an area's sectors at the years all its members have (issue 19, item 8) ------------------------------------

NORDJYLLAND_2025 = (851, 860)  # Aalborg and Hjørring: 2 of Nordjylland's municipalities with a 2025 inventory


@pytest.fixture(scope="module")
def partial_2025(demo_db, tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The demo with a real edition of every municipality (1990, 2010-2024), then a newer edition that holds
    Aalborg's and Hjørring's years again plus a 2025: their region has 2025 for 2 of its municipalities."""
    path = tmp_path_factory.mktemp("partial") / "partial.duckdb"
    shutil.copy(demo_db, path)
    store = Store(path)
    full = store.query("SELECT municipality, year, sector, tco2e FROM emission WHERE edition = 2 ORDER BY ALL")
    assert run_import(store, "inventory", full.to_csv(index=False).encode(), "ecr_2025.csv", who="test",
                      published=date(2025, 10, 1)).written
    two = full[full["municipality"].isin(NORDJYLLAND_2025)]
    new = two[two["year"] == 2024].assign(year=2025, tco2e=lambda d: d["tco2e"] * 0.9)
    file = pd.concat([two, new]).to_csv(index=False).encode()
    assert run_import(store, "inventory", file, "ecr_2026.csv", who="test", published=date(2026, 10, 1)).written
    return store


def _region_specs(store: Store, codes: list[int], lang: str = "da") -> dict:
    from dk2020dash.ui import context, loaders

    ctx = context.Context(lang=lang, area="Nordjylland", store=store, version=store.data_version())
    return loaders.load_chart_specs(ctx, codes, TODAY)


def test_an_area_sector_query_keeps_only_the_years_every_municipality_has(partial_2025: Store) -> None:
    codes = queries.area_codes(queries.municipalities(partial_2025), "Nordjylland")
    inputs = municipality_inputs(partial_2025)
    held = [set(inputs[c].series) for c in codes if inputs[c].series]
    by_sector = queries.emissions_by_sector(partial_2025, codes)
    assert set(by_sector["year"]) == set.intersection(*held)  # the rule: years every one of them has
    assert 2025 in set.union(*held) and 2025 not in set(by_sector["year"])
    assert set(by_sector["municipalities"]) == {len(held)}
    # One municipality keeps its own years, 2025 included.
    assert queries.emissions_by_sector(partial_2025, [851])["year"].max() == 2025


@pytest.mark.parametrize("lang", ["da", "en"])
def test_an_area_sector_chart_and_its_text_leave_out_a_year_only_some_members_have(partial_2025: Store,
                                                                                   lang: str) -> None:
    codes = queries.area_codes(queries.municipalities(partial_2025), "Nordjylland")
    inputs = municipality_inputs(partial_2025)
    area = assess_area([inputs[c] for c in codes], TODAY)
    assert area and area.latest_year == 2024 and {851, 860} <= set(area.members)
    specs = _region_specs(partial_2025, codes, lang)
    # 2024's full sums: every member from its own newest edition.
    rows_2024 = partial_2025.query(
        "SELECT s.sector_group, sum(e.tco2e) AS t FROM emission e JOIN sector s ON s.code = e.sector "
        "JOIN edition ed ON ed.id = e.edition WHERE e.year = 2024 AND list_contains(?, e.municipality) "
        "AND (ed.name = 'ecr_2026' OR NOT list_contains(?, e.municipality)) GROUP BY ALL",
        [list(area.members), list(NORDJYLLAND_2025)]).set_index("sector_group")["t"]
    area_rows = [r for r in rows(specs["sector_area"]) if "sector_group" in r]
    assert {r["year"] for r in area_rows} == set(area.series) and 2025 not in {r["year"] for r in area_rows}
    assert {r["sector_group"]: r["tco2e"] for r in area_rows if r["year"] == 2024} == pytest.approx(rows_2024.to_dict())
    assert specs["sector_area"]["title"]["text"].endswith("1990–2024")
    bar_rows = [r for r in rows(specs["sector_bars"]) if "sector_group" in r]
    assert {r["year"] for r in bar_rows} == {2024}
    assert {r["sector_group"]: r["tco2e"] for r in bar_rows} == pytest.approx(rows_2024.to_dict())
    # The text alternatives say the same: no 2025, 2024's sums.
    alt_area, alt_bars = specs["alt"]["sector_area"], specs["alt"]["sector_bars"]
    year_col = i18n.t("chart.year", lang)
    assert "2025" not in set(alt_area.table[year_col]) and "2025" not in alt_area.summary
    assert "2024" in alt_area.summary
    assert alt_bars.table.columns[1] == i18n.t("alt.col.emissions_year", lang, year=2024)
    assert alt_bars.table.iloc[:, 1].tolist() == [i18n.tonnes(v, lang)
                                                   for v in rows_2024.sort_values(ascending=False)]
    assert "2024" in alt_bars.summary and "2025" not in alt_bars.summary


def test_a_municipalitys_own_sector_chart_keeps_its_newest_year(partial_2025: Store) -> None:
    specs = _region_specs(partial_2025, [851])
    assert {r["year"] for r in rows(specs["sector_bars"]) if "sector_group" in r} == {2025}
    assert specs["sector_area"]["title"]["text"].endswith("1990–2025")
    assert "2025" in specs["alt"]["sector_area"].summary
def test_bridge_labels_title_and_axis_share_one_unit() -> None:
    # issue 19 item 11: "2,6 mio. t" beside "615 kt" on one chart; now every bar, the title and the axis in kt
    bridge = Bridge(need=2_600_000, secured=1_385_000, in_progress=600_000, in_inventory=615_000)
    spec = charts.reduction_bridge(bridge, "da").to_dict()
    data = {r["key"]: r for r in rows(spec) if "step" in r}
    assert data["need"]["label"] == "2.600 kt CO2e" and data["in_inventory"]["label"] == "615 kt CO2e"
    assert data["manko"]["label"] == "615 kt CO2e" and data["planned"]["label"] == "0 kt CO2e"
    assert spec["title"]["text"] == "Manko: 615 kt CO2e af et behov på 2.600 kt CO2e til 2030"
    assert data["need"]["x1"] == 2_600  # the axis counts in the labels' unit
    assert "kt CO2e" in json.dumps(spec["layer"][0]["encoding"]["x"])
