"""pydeck deck builders for the Kort page: municipalities coloured by a metric, no map tiles from the internet."""
from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pydeck as pdk

from . import i18n
from .domain import VERDICTS

BOUNDARIES_ENV = "DK2020_BOUNDARIES"
METRICS: tuple[str, ...] = ("verdict", "reduction", "per_capita", "manko")
POINT_LAYER, POLYGON_LAYER, LABEL_LAYER = "kommuner-punkter", "kommuner-graenser", "kommuner-navne"

# Okabe-Ito verdict colours (as in charts.py) and a light-to-dark blue ramp for the numeric metrics,
# which stays readable for the common colour-vision deficiencies; grey where nothing can be computed.
VERDICT_HEX = {"on_track": "#009E73", "deviating": "#E69F00", "off_track": "#D55E00"}
VERDICT_ICON = {"on_track": "✅", "deviating": "⚠️", "off_track": "❌"}
RAMP_HEX = ("#DEEBF7", "#9ECAE1", "#4292C6", "#08519C", "#08306B")
NONE_HEX = "#999999"
BINS = len(RAMP_HEX)


class BoundaryError(ValueError):
    """A boundary file that cannot be used; reason is a key under map.bad.* in i18n."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def read_boundaries(path: str | Path, codes: set[int]) -> dict[int, dict]:
    """Features by municipality code from a GeoJSON with `kode`/`navn` properties (the DAGI format).

    Features for codes outside `codes` (0411 Christiansø, which is not a municipality) are dropped.
    """
    path = Path(path)
    if not path.is_file():
        raise BoundaryError("missing", str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BoundaryError("not_json", str(exc)) from exc
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list) or not features:
        raise BoundaryError("no_features")
    out: dict[int, dict] = {}
    for f in features:
        props = f.get("properties") if isinstance(f, dict) else None
        geometry = f.get("geometry") if isinstance(f, dict) else None
        if not isinstance(props, dict) or not isinstance(geometry, dict) or "navn" not in props:
            continue
        try:
            code = int(str(props.get("kode", "")).strip())
        except ValueError:
            continue
        if code in codes and geometry.get("type") in ("Polygon", "MultiPolygon"):
            out[code] = {"type": "Feature", "geometry": geometry, "properties": {"kode": code}}
    if not out:
        raise BoundaryError("properties")
    return out


def _rgba(hex_colour: str, alpha: int = 230) -> list[int]:
    h = hex_colour.lstrip("#")
    return [int(h[i:i + 2], 16) for i in (0, 2, 4)] + [alpha]


def _value_text(metric: str, value: float | None, lang: str) -> str:
    if value is None or pd.isna(value):
        return "–"
    if metric == "reduction":
        return i18n.percent(value, lang)
    if metric == "per_capita":
        return i18n.number(value, lang, 1)
    return i18n.tonnes(value, lang)


def _breaks(values: pd.Series) -> list[float]:
    """BINS−1 inner class limits at the quantiles, so each colour holds about as many municipalities."""
    qs = values.quantile([i / BINS for i in range(1, BINS)]).tolist()
    return sorted(set(qs))


def colour_classes(metrics: pd.DataFrame, metric: str, lang: str) -> tuple[list[str], list[dict]]:
    """A colour per municipality (hex) and the legend: [{colour, label, count}], in the page language."""
    if metric not in METRICS:
        raise ValueError(f"ukendt mål: {metric!r}")
    legend: list[dict] = []
    if metric == "verdict":
        colours = [VERDICT_HEX.get(v, NONE_HEX) if isinstance(v, str) else NONE_HEX for v in metrics["verdict"]]
        for v in VERDICTS:
            legend.append({"colour": VERDICT_HEX[v], "label": f"{VERDICT_ICON[v]} {i18n.t(f'verdict.{v}', lang)}",
                           "count": int((metrics["verdict"] == v).sum())})
    else:
        values = pd.to_numeric(metrics[metric], errors="coerce")
        known = values.dropna()
        limits = _breaks(known) if not known.empty else []
        edges = [float(known.min()) if not known.empty else 0.0, *limits,
                 float(known.max()) if not known.empty else 0.0]
        colours = []
        for v in values:
            if pd.isna(v):
                colours.append(NONE_HEX)
            else:
                colours.append(RAMP_HEX[sum(v > lim for lim in limits)])
        for i in range(len(limits) + 1):
            lo, hi = edges[i], edges[i + 1]
            count = int(((values >= lo) if i == 0 else (values > lo)).mul(values <= hi).sum())
            legend.append({"colour": RAMP_HEX[i], "label": f"{_value_text(metric, lo, lang)} – {_value_text(metric, hi, lang)}",
                           "count": count})
    missing = int(metrics[metric].isna().sum()) if metric != "verdict" else int(metrics["verdict"].isna().sum())
    if missing:
        legend.append({"colour": NONE_HEX, "label": i18n.t("map.legend.none", lang), "count": missing})
    return colours, legend


TIP_LINES: tuple[str, ...] = ("tip_verdict", "tip_reduction", "tip_per_capita", "tip_manko", "tip_year")


def tooltip_frame(metrics: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The tooltip's lines as pre-formatted strings (Danish numbers by default), one column per line: pydeck
    fills {column} into the template, and Streamlit escapes the values, so line breaks live in the template."""
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    approx = t("approx")
    rows = []
    for r in metrics.itertuples():
        if r.verdict is None or (isinstance(r.verdict, float) and pd.isna(r.verdict)):
            rows.append((r.why or t("map.legend.none"), "", "", "", ""))
            continue
        per_capita = i18n.number(r.per_capita, lang, 1)
        if r.population_approx and r.per_capita is not None and not pd.isna(r.per_capita):
            per_capita = f"{approx} {per_capita}"
        rows.append((
            f"{VERDICT_ICON[r.verdict]} {t(f'verdict.{r.verdict}')}",
            f"{t('map.tip.reduction')}: {i18n.percent(r.reduction, lang)}",
            f"{per_capita} {t('unit.t_per_capita')}",
            f"{t('map.tip.manko')}: {i18n.tonnes(r.manko, lang)}",
            f"{t('map.tip.year')}: {int(r.latest_year)} ({t('map.tip.lag', n=int(r.data_lag))})",
        ))
    out = pd.DataFrame(rows, columns=list(TIP_LINES))
    out.insert(0, "name", metrics["name"].to_numpy())
    out.insert(0, "code", metrics["code"].astype(int).to_numpy())
    return out


def view_for(metrics: pd.DataFrame, width_px: int = 700, height_px: int = 600) -> pdk.ViewState:
    """A view that fits the given municipalities' label points (all of Denmark for the 98)."""
    lat, lon = metrics["label_lat"].astype(float), metrics["label_lon"].astype(float)
    lat0, lat1, lon0, lon1 = lat.min() - 0.25, lat.max() + 0.25, lon.min() - 0.35, lon.max() + 0.35
    # Web Mercator with 512-pixel tiles: zoom where the box fills the map.
    zoom_x = math.log2(width_px * 360 / (512 * max(lon1 - lon0, 0.05)))
    y = lambda la: math.log(math.tan(math.pi / 4 + math.radians(la) / 2))  # noqa: E731
    zoom_y = math.log2(height_px * 2 * math.pi / (512 * max(y(lat1) - y(lat0), 0.001)))
    return pdk.ViewState(latitude=float((lat0 + lat1) / 2), longitude=float((lon0 + lon1) / 2),
                         zoom=round(min(zoom_x, zoom_y, 9.0), 2), pitch=0, bearing=0)


def deck(metrics: pd.DataFrame, metric: str, lang: str, boundaries: Mapping[int, dict] | None = None,
         view: pdk.ViewState | None = None) -> tuple[pdk.Deck, list[dict]]:
    """The map and its legend. Polygons where `boundaries` has the municipality, else a circle (area-sized,
    never smaller than a few pixels so Læsø or Fanø stay visible) at its label point; every name as text."""
    colours, legend = colour_classes(metrics, metric, lang)
    tips = tooltip_frame(metrics, lang)
    frame = pd.DataFrame({
        "code": metrics["code"].astype(int).to_numpy(),
        "name": metrics["name"].to_numpy(),
        **{c: tips[c].to_numpy() for c in TIP_LINES},
        "lon": metrics["label_lon"].astype(float).to_numpy(),
        "lat": metrics["label_lat"].astype(float).to_numpy(),
        # A circle with the municipality's own area, in metres.
        "radius": (metrics["area_km2"].astype(float).fillna(50.0).clip(lower=1.0) * 1e6 / math.pi).pow(0.5).to_numpy(),
        "fill": [_rgba(c) for c in colours],
        "priority": metrics["population"].fillna(0).astype(float).to_numpy(),
    })
    boundaries = boundaries or {}
    layers = []
    with_polygon = frame["code"].isin(list(boundaries))
    if with_polygon.any():
        # One row per polygon part in a SolidPolygonLayer, not a GeoJsonLayer: Streamlit matches a click to a
        # top-level layer's data row, which a composite layer's sub-layers do not give (checked in Chromium).
        # No outline layer: with a PathLayer on top, Chromium showed hover but never delivered a click.
        parts = []
        for r in frame[with_polygon].itertuples():
            geometry = boundaries[int(r.code)]["geometry"]
            polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
            for rings in polygons:
                parts.append({"code": int(r.code), "name": r.name, "fill": r.fill, "polygon": rings,
                              **{c: getattr(r, c) for c in TIP_LINES}})
        layers.append(pdk.Layer(
            "SolidPolygonLayer", data=parts, id=POLYGON_LAYER, pickable=True, filled=True,
            get_polygon="polygon", get_fill_color="fill", auto_highlight=True,
        ))
    points = frame[~with_polygon]
    if not points.empty:
        layers.append(pdk.Layer(
            "ScatterplotLayer", data=points.drop(columns=["priority"]), id=POINT_LAYER, pickable=True,
            get_position=["lon", "lat"], get_radius="radius", radius_units="'meters'", radius_min_pixels=6,
            get_fill_color="fill", stroked=True, get_line_color=[255, 255, 255, 255], line_width_min_pixels=1,
            auto_highlight=True,
        ))
    layers.append(pdk.Layer(
        "TextLayer", data=frame[["code", "name", "lon", "lat", "priority"]], id=LABEL_LAYER, pickable=False,
        get_position=["lon", "lat"], get_text="name", get_size=12, size_units="'pixels'",
        get_color=[20, 20, 20, 255], get_text_anchor="'middle'", get_alignment_baseline="'top'",
        get_pixel_offset=[0, 7], character_set="'auto'", font_family="'DejaVu Sans, Arial, sans-serif'",
        font_settings={"sdf": True}, outline_width=3, outline_color=[255, 255, 255, 230],
        # Where names would overlap (the Copenhagen area at country zoom) the larger municipality's name
        # shows; zooming in shows the rest.
    ))
    # Literal strings are quoted: pydeck turns a bare string into an accessor expression.
    # map_provider=None keeps Streamlit from adding its default Carto basemap (map_style=None would add it):
    # no tiles or style from the internet.
    d = pdk.Deck(layers=layers, initial_view_state=view or view_for(metrics), map_provider=None,
                 tooltip={"html": "<b>{name}</b><br/>" + "<br/>".join(f"{{{c}}}" for c in TIP_LINES),
                          "style": {"fontSize": "14px", "backgroundColor": "#FFFFFF", "color": "#000000"}})
    return d, legend


def selected_code(event: object) -> int | None:
    """The municipality code a map selection points at (st.pydeck_chart's on_select event), or None."""
    try:
        objects = event["selection"]["objects"]  # type: ignore[index]
    except (KeyError, TypeError):
        objects = getattr(getattr(event, "selection", None), "objects", None)
    if not objects:
        return None
    for layer in (POLYGON_LAYER, POINT_LAYER):
        for obj in objects.get(layer, []) or []:
            code = obj.get("code") if isinstance(obj, dict) else None
            if code is None and isinstance(obj, dict):
                code = (obj.get("properties") or {}).get("code")
            if code is not None:
                return int(code)
    return None
