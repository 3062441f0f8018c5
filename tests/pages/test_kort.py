"""Kort through AppTest and maps.py: 98 municipalities, no URLs to the internet, Danish tooltips, boundary files."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pydeck as pdk
import pytest
from streamlit.testing.v1 import AppTest

from dk2020dash import i18n
from dk2020dash.db.store import Store
from dk2020dash.domain import REGIONS
from dk2020dash.metrics.mitigation import Progress, assess_municipality
from dk2020dash.views import maps
from tests.support import REFERENCE, ROOT, municipality_inputs, page

SMALL_ISLANDS = {825: "Læsø", 563: "Fanø", 741: "Samsø", 492: "Ærø", 400: "Bornholm"}


@pytest.fixture
def shipped_env(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo database and the boundaries shipped in data/ (no DK2020_BOUNDARIES)."""
    monkeypatch.setenv("DK2020_DB", str(demo_db))
    monkeypatch.delenv(maps.BOUNDARIES_ENV, raising=False)
    return demo_db


@pytest.fixture
def no_boundaries_env(shipped_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """As without a shipped boundary file: the map falls back to circles at the label points."""
    monkeypatch.setattr(maps, "DEFAULT_BOUNDARIES", tmp_path / "not-shipped.geojson")
    return shipped_env


def kort(**query: object) -> AppTest:
    return page("pages/kort.py", timeout=60, **query)


def deck_spec(at: AppTest, which: int = 0) -> tuple[dict, dict]:
    """The main map's spec and tooltip (which=1: the inset's)."""
    chart = at.get("deck_gl_json_chart")[which]
    return json.loads(chart.proto.json), json.loads(chart.proto.tooltip)


def named(spec: dict) -> set[str]:
    return {r["name"] for r in layer(spec, maps.LABEL_LAYER)["data"]}


def unnamed_caption(at: AppTest) -> str:
    return next((c.value for c in at.caption if c.value.startswith("Uden navn på kortet")), "")


def layer(spec: dict, layer_id: str) -> dict | None:
    return next((x for x in spec["layers"] if x.get("id") == layer_id), None)


def test_points_map_has_the_98_municipalities_labelled_and_no_internet(no_boundaries_env: Path) -> None:
    at = kort()
    assert not at.exception
    spec, tooltip = deck_spec(at)
    points = layer(spec, maps.POINT_LAYER)
    layer(spec, maps.LABEL_LAYER)  # the names are a layer of their own
    codes = {r["code"] for r in points["data"]}
    assert len(codes) == 98 and 411 not in codes
    assert named(spec) >= set(SMALL_ISLANDS.values())
    # Names that do not fit at country zoom are in the Copenhagen-area inset or listed under the map.
    inset, _ = deck_spec(at, 1)
    listed = unnamed_caption(at)
    names = {r["name"] for r in points["data"]}
    assert all(n in named(spec) or n in named(inset) or n in listed for n in names)
    assert len(named(spec)) >= 55 and {"København", "Frederiksberg", "Gentofte"} <= named(inset)
    assert points["radiusMinPixels"] >= 5  # Læsø, Fanø, Ærø stay visible at country zoom
    text = json.dumps(spec) + json.dumps(tooltip)
    assert not re.search(r"https?://|mapbox://|cartocdn", text)
    # No basemap: pydeck's sentinel (which Streamlit drops) or nothing at all, never a style URL.
    assert spec.get("mapStyle") in (None, "__MAP_STYLE__") and "mapProvider" not in spec
    assert "{name}" in tooltip["html"] and all(f"{{{c}}}" in tooltip["html"] for c in maps.TIP_LINES)


def test_tooltips_are_in_danish_number_format_and_equal_progress(no_boundaries_env: Path, demo_store: Store) -> None:
    at = kort()
    spec, _ = deck_spec(at)
    rows = {r["code"]: r for r in layer(spec, maps.POINT_LAYER)["data"]}
    p = assess_municipality(municipality_inputs(demo_store)[101], date.today())
    assert isinstance(p, Progress)
    tip = " | ".join(rows[101][c] for c in maps.TIP_LINES)
    assert i18n.percent(p.reduction, "da") in tip and "\u00a0%" in tip
    assert f"ca. {i18n.number(p.per_capita, 'da', 1)} t CO2e pr. indbygger" in tip
    assert i18n.tonnes(p.manko, "da") in tip
    assert "På rette vej" in tip or "Afviger" in tip or "Ikke på rette vej" in tip
    assert re.search(r"\d,\d", tip)  # decimal comma
    assert "Ingen opgørelse af udledninger" in rows[825]["tip_verdict"]  # Læsø cannot be computed, and says why


@pytest.mark.parametrize("metric", ["Vurdering", "Reduktion", "Pr. indbygger", "Manko"])
def test_each_metric_colours_the_map_with_a_legend(no_boundaries_env: Path, metric: str) -> None:
    at = kort(metric=metric)
    assert not at.exception
    spec, _ = deck_spec(at)
    fills = {tuple(r["fill"]) for r in layer(spec, maps.POINT_LAYER)["data"]}
    assert len(fills) >= 3
    legend = " ".join(m.value for m in at.markdown)
    assert "kommuner" in legend and "Kan ikke beregnes" in legend


@pytest.mark.parametrize("region", REGIONS)
def test_each_region_runs_and_still_shows_all_98(no_boundaries_env: Path, region: str) -> None:
    at = kort(area=f"Region {region}").run()
    assert not at.exception
    spec, _ = deck_spec(at)
    assert len(layer(spec, maps.POINT_LAYER)["data"]) == 98
    if region != "Hovedstaden":  # a region's own names all fit at its zoom, and it has no inset
        own = {r["name"] for r in layer(spec, maps.POINT_LAYER)["data"] if r["code"] in region_codes(region)}
        assert own <= named(spec), own - named(spec)


def region_codes(region: str) -> set[int]:
    munis = pd.read_csv(ROOT / "data" / "municipalities.csv")
    return set(munis.loc[munis["region"] == region, "code"])


def test_labels_never_overlap_and_the_chosen_area_comes_first() -> None:
    """Three names on one point: the focus first, then the next spots around it; a crowd gets None."""
    view = pdk.ViewState(latitude=56.0, longitude=10.0, zoom=7)
    crowd = pd.DataFrame({"code": range(1, 13), "name": [f"Kommune {i}" for i in range(1, 13)],
                          "lon": 10.0, "lat": 56.0, "priority": range(12)})
    spots = maps.place_labels(crowd, view, (400, 400), focus={3})
    assert spots[3] == 0 and spots[12] == 1  # the focus below the point, then the most populous above it
    assert [c for c, spot in spots.items() if spot is None]  # twelve names do not fit around one point
    placed = [s for s in spots.values() if s is not None]
    assert len(placed) == len(set(placed))
    far = pd.DataFrame({"code": [1, 2], "name": ["Vest", "Øst"], "lon": [9.0, 11.0], "lat": 56.0, "priority": 1})
    assert maps.place_labels(far, view, (400, 400)) == {1: 0, 2: 0}
    assert maps.place_labels(far, pdk.ViewState(latitude=56.0, longitude=20.0, zoom=7), (400, 400)) == {}


def test_polygons_from_the_dagi_file_without_christianso(no_boundaries_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    geojson = REFERENCE / "kommuner.geojson"
    if not geojson.is_file():
        pytest.skip(f"{geojson} is absent")
    monkeypatch.setenv(maps.BOUNDARIES_ENV, str(geojson))
    at = kort()
    assert not at.exception
    spec, _ = deck_spec(at)
    polygons = layer(spec, maps.POLYGON_LAYER)
    codes = {f["code"] for f in polygons["data"]}
    assert len(codes) == 98 and 411 not in codes
    assert layer(spec, maps.POINT_LAYER) is None
    outline = layer(spec, maps.OUTLINE_LAYER)  # white borders, drawn above the fills but never clicked
    assert outline["pickable"] is False and len(outline["data"]) >= 98
    assert all(set(maps.TIP_LINES) <= set(f) and f["polygon"] for f in polygons["data"])
    assert not re.search(r"https?://", json.dumps(spec))
    assert any("kommuner.geojson" in c.value for c in at.caption)


@pytest.mark.parametrize(("content", "why"), [
    (None, "filen findes ikke"),
    ("dette er ikke json", "ikke gyldig JSON"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": 1},'
     ' "geometry": {"type": "Polygon", "coordinates": []}}]}', "egenskaberne kode og navn"),
])
def test_a_bad_boundary_file_gives_a_message_and_falls_back_to_points(
        no_boundaries_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str | None, why: str) -> None:
    path = tmp_path / "grænser.geojson"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setenv(maps.BOUNDARIES_ENV, str(path))
    at = kort()
    assert not at.exception
    assert any(why in w.value and "cirkler" in w.value for w in at.warning)
    spec, _ = deck_spec(at)
    assert len(layer(spec, maps.POINT_LAYER)["data"]) == 98


def test_read_boundaries_drops_christianso(tmp_path: Path) -> None:
    path = tmp_path / "k.geojson"
    square = {"type": "Polygon", "coordinates": [[[10, 55], [10.1, 55], [10.1, 55.1], [10, 55]]]}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"kode": "0101", "navn": "København"}, "geometry": square},
        {"type": "Feature", "properties": {"kode": "0411", "navn": "Christiansø"}, "geometry": square},
    ]}), encoding="utf-8")
    assert set(maps.read_boundaries(path, {101, 825})) == {101}


def test_a_selection_names_the_municipality() -> None:
    event = {"selection": {"indices": {maps.POINT_LAYER: [0]}, "objects": {maps.POINT_LAYER: [{"code": 751, "name": "Aarhus"}]}}}
    assert maps.clicked_code(event) == 751
    polygon = {"selection": {"objects": {maps.POLYGON_LAYER: [{"code": 101, "polygon": []}]}}}
    assert maps.clicked_code(polygon) == 101
    assert maps.clicked_code({"selection": {"indices": {}, "objects": {}}}) is None
    assert maps.clicked_code(None) is None


def test_english_tooltips(no_boundaries_env: Path) -> None:
    at = kort(lang="English").run()
    assert not at.exception
    spec, _ = deck_spec(at)
    tip = " ".join({r["code"]: r for r in layer(spec, maps.POINT_LAYER)["data"]}[101][c] for c in maps.TIP_LINES)
    assert "Reduction since baseline" in tip and "%" in tip


ATTRIBUTION = "Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI"


def test_the_shipped_boundaries_are_drawn_by_default_with_the_attribution(shipped_env: Path) -> None:
    at = kort()
    assert not at.exception
    spec, _ = deck_spec(at)
    polygons = layer(spec, maps.POLYGON_LAYER)
    assert {f["code"] for f in polygons["data"]} == set(pd.read_csv(ROOT / "data" / "municipalities.csv")["code"])
    assert layer(spec, maps.POINT_LAYER) is None and not any("kan ikke bruges" in w.value for w in at.warning)
    captions = " ".join(c.value for c in at.caption)
    assert ATTRIBUTION in captions and "data/kommuner.geojson" in captions
    assert not re.search(r"https?://", json.dumps(spec))


def test_dk2020_boundaries_still_overrides_the_shipped_file(shipped_env: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    square = {"type": "Polygon", "coordinates": [[[12.5, 55.6], [12.6, 55.6], [12.6, 55.7], [12.5, 55.6]]]}
    path = tmp_path / "egne.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"kode": "0101", "navn": "København"}, "geometry": square}]}), encoding="utf-8")
    monkeypatch.setenv(maps.BOUNDARIES_ENV, str(path))
    at = kort()
    spec, _ = deck_spec(at)
    assert {f["code"] for f in layer(spec, maps.POLYGON_LAYER)["data"]} == {101}
    assert len(layer(spec, maps.POINT_LAYER)["data"]) == 97  # the rest as circles, and said so
    assert any("egne.geojson" in c.value for c in at.caption) and any(ATTRIBUTION in c.value for c in at.caption)


def test_the_shipped_boundary_file_is_small_complete_and_without_christianso() -> None:
    path = ROOT / "data" / "kommuner.geojson"
    assert path.stat().st_size < 500_000  # well under 1 MB
    data = json.loads(path.read_text(encoding="utf-8"))
    codes = {int(f["properties"]["kode"]) for f in data["features"]}
    assert codes == set(pd.read_csv(ROOT / "data" / "municipalities.csv")["code"]) and 411 not in codes
    assert ATTRIBUTION in data["attribution"]
    for f in data["features"]:
        assert f["geometry"]["type"] == "MultiPolygon" and f["geometry"]["coordinates"]
        for polygon in f["geometry"]["coordinates"]:
            ring = polygon[0]
            assert ring[0] == ring[-1] and len(ring) >= 4
            # Exterior rings clockwise (d3/Vega's spherical convention; else Vega fills the globe):
            area2 = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))
            assert area2 < 0, f["properties"]["navn"]


def test_the_shipped_boundaries_share_their_borders_exactly() -> None:
    """Neighbours share each border vertex for vertex: no sliver or gap between municipalities."""
    shapely = pytest.importorskip("shapely")
    from shapely.geometry import shape

    data = json.loads((ROOT / "data" / "kommuner.geojson").read_text(encoding="utf-8"))
    geoms = [shape(f["geometry"]) for f in data["features"]]
    assert all(g.is_valid for g in geoms)
    assert shapely.coverage_is_valid(geoms)


def test_the_verdict_map_downloads_as_png_and_svg(shipped_env: Path) -> None:
    at = kort(area="Region Sjælland").run()
    keys = {b.key for b in at.get("download_button")}
    assert {"chart-dl-kort-region-sjaelland-png", "chart-dl-kort-region-sjaelland-svg"} <= keys
    assert not any(k.startswith("chart-dl-kort") for k in {b.key for b in kort(metric="Manko").get("download_button")})


def test_a_warm_run_reuses_the_map_and_a_change_of_data_rebuilds_it(
        demo_copy: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 14: serialising the boundaries' polygons to JSON was over half of every Kort run. A rerun with the same
    data, language, metric and area serves the decks made before; new data (a write) makes them anew."""
    monkeypatch.setenv("DK2020_DB", str(demo_copy.path))
    monkeypatch.delenv(maps.BOUNDARIES_ENV, raising=False)
    made = []
    to_json = pdk.Deck.to_json
    monkeypatch.setattr(pdk.Deck, "to_json", lambda self: made.append(1) or to_json(self))
    at = kort()
    assert not at.exception and made
    first, _ = deck_spec(at)
    made.clear()
    at.run()
    assert not made and deck_spec(at)[0] == first
    with demo_copy.transaction() as con:  # 101 København's newest emissions doubled: its reduction changes
        con.execute("UPDATE emission SET tco2e = tco2e * 2 WHERE municipality = 101 "
                    "AND year = (SELECT max(year) FROM emission WHERE municipality = 101)")
    at.run()
    assert not at.exception and made
    after, _ = deck_spec(at)
    tip = lambda spec: {r["code"]: r["tip_reduction"] for r in layer(spec, maps.POLYGON_LAYER)["data"]}  # noqa: E731
    assert tip(after)[101] != tip(first)[101]
