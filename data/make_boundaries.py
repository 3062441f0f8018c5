"""Derive data/kommuner.geojson, the app's simplified municipality boundaries, from the DAGI reference file.

Re-run it with:  pip install -r data/requirements-boundaries.txt && python data/make_boundaries.py [SOURCE] [OUT]
(SOURCE defaults to ../shared/reference/kommuner.geojson beside the repository; OUT to data/kommuner.geojson).

Source: Styrelsen for Dataforsyning og Infrastruktur, DAGI. Attribution, shown wherever the map is drawn:
"Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI".

The simplification is topological: the 98 polygons are first made one clean coverage (valid polygons on a
1 m grid, the one overlap between neighbours given to one of them), then GEOS's coverage simplification
simplifies each shared border once, so neighbours keep exactly the same border and no sliver or gap opens.
Islets under MIN_ISLAND_KM2 are left out (invisible at slide size), and coordinates are rounded to DECIMALS
places, which moves every copy of a shared vertex the same way. 0411 Christiansø is not a municipality
and is left out. Shapely is needed only here, never by the app.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent / "shared" / "reference" / "kommuner.geojson"
OUT = HERE / "kommuner.geojson"
LEAVE_OUT = {"0411"}  # Christiansø
GRID = 1e-5  # degrees (about 1 m): snaps the reference file's near-identical shared vertices together
TOLERANCE = 0.0015  # degrees (about 100 m): coverage simplification tolerance
MIN_ISLAND_KM2 = 0.1
DECIMALS = 5  # about 1 m
KM2_PER_DEG2 = 111.32 * 111.32 * 0.574  # at 55° N, near enough to sort out islets
ATTRIBUTION = "Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI"


def _polygons(geometry) -> shapely.MultiPolygon:
    """The valid polygon parts of a geometry (make_valid can add lines and points where rings touch)."""
    valid = shapely.make_valid(geometry, method="structure", keep_collapsed=False)
    parts = [p for p in shapely.get_parts(shapely.get_parts(valid)) if p.geom_type == "Polygon" and p.area > 0]
    return shapely.MultiPolygon(parts)


def _without_islets(geometry) -> shapely.MultiPolygon:
    parts = sorted(shapely.get_parts(geometry), key=lambda p: -p.area)
    kept = [p for p in parts if p.area * KM2_PER_DEG2 >= MIN_ISLAND_KM2] or parts[:1]
    return shapely.MultiPolygon(kept)


def clean_coverage(geoms: list) -> list:
    """Valid polygons on the grid, each overlap with an earlier neighbour taken out of the later one."""
    geoms = [shapely.set_precision(_polygons(g), GRID) for g in geoms]
    tree = shapely.STRtree(geoms)
    for i, g in enumerate(geoms):
        for j in tree.query(g):
            if j < i and shapely.intersection(g, geoms[j]).area > 0:
                g = shapely.set_precision(_polygons(shapely.difference(g, geoms[j])), GRID)
        geoms[i] = g
    return geoms


def _rounded(coords):
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), DECIMALS) for c in coords[:2]]
    return [_rounded(c) for c in coords]


def _ring_ok(ring: list) -> bool:
    """A ring that still encloses something after rounding (4 points, first = last, not all on a line)."""
    return len({tuple(p) for p in ring}) >= 3


def build(source: Path) -> dict:
    data = json.loads(source.read_text(encoding="utf-8"))
    feats = [f for f in data["features"] if str(f["properties"]["kode"]).zfill(4) not in LEAVE_OUT]
    geoms = clean_coverage([shape(f["geometry"]) for f in feats])
    if not shapely.coverage_is_valid(geoms):
        raise SystemExit("the cleaned boundaries are not a valid coverage")
    simple = shapely.coverage_simplify([_without_islets(g) for g in geoms], TOLERANCE)
    out = []
    for f, g in zip(feats, simple):
        if g.is_empty:
            raise SystemExit(f"{f['properties']['navn']}: empty after simplification")
        polygons = []
        # Exterior rings clockwise, holes anticlockwise: d3 and Vega (the slides' map) read GeoJSON on the
        # sphere and would otherwise fill the whole globe except the municipality; pydeck does not mind.
        for p in shapely.get_parts(shapely.orient_polygons(g, exterior_cw=True)):
            rings = [r for r in _rounded(mapping(p)["coordinates"]) if _ring_ok(r)]
            if rings and _ring_ok(rings[0]):
                polygons.append(rings)
        out.append({"type": "Feature",
                    "properties": {"kode": str(f["properties"]["kode"]).zfill(4), "navn": f["properties"]["navn"]},
                    "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    out.sort(key=lambda f: f["properties"]["kode"])
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": out}


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else SOURCE
    target = Path(argv[2]) if len(argv) > 2 else OUT
    collection = build(source)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    target.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) for f in collection["features"] for p in f["geometry"]["coordinates"] for r in p)
    print(f"{target}: {len(collection['features'])} municipalities, {points} points, {len(text) / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
