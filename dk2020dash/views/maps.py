"""pydeck deck builders for the Kort page: municipalities coloured by a metric, no map tiles from the internet."""
from __future__ import annotations

import json
import math
from collections.abc import Collection, Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import pydeck as pdk

from dk2020dash import config, i18n, labels
from dk2020dash.domain import VERDICTS
from dk2020dash.errors import Phrase, Rejected

BOUNDARIES_ENV = "DK2020_BOUNDARIES"
# The boundaries shipped with the app (made by data/make_boundaries.py from DAGI); DK2020_BOUNDARIES overrides.
DEFAULT_BOUNDARIES = config.ROOT / "data" / "kommuner.geojson"
ATTRIBUTION = "Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI"
METRICS: tuple[str, ...] = ("verdict", "reduction", "per_capita", "manko")
POINT_LAYER, POLYGON_LAYER, OUTLINE_LAYER, LABEL_LAYER = (
    "kommuner-punkter", "kommuner-graenser", "kommuner-omrids", "kommuner-navne")

# Okabe-Ito verdict colours (as in charts.py; with the verdict's icon and word from labels) and a light-to-dark
# blue ramp for the numeric metrics, which stays readable for the common colour-vision deficiencies; grey where
# nothing can be computed.
VERDICT_HEX = {"on_track": "#009E73", "deviating": "#E69F00", "off_track": "#D55E00"}
RAMP_HEX = ("#DEEBF7", "#9ECAE1", "#4292C6", "#08519C", "#08306B")
NONE_HEX = "#999999"
BINS = len(RAMP_HEX)


class BoundaryError(Rejected):
    """A boundary file that cannot be used: map.bad_boundaries names the file (its name, not the server's path) and
    why (map.bad.<reason>); `detail` (the path, the JSON error) is for the log."""

    def __init__(self, reason: str, path: str | Path, detail: str = "") -> None:
        super().__init__("map.bad_boundaries", file=Path(path).name, why=Phrase(f"map.bad.{reason}"))
        self.reason = reason
        self.detail = detail


def read_boundaries(path: str | Path, codes: set[int]) -> dict[int, dict]:
    """Features by municipality code from a GeoJSON with `kode`/`navn` properties (the DAGI format).

    Features for codes outside `codes` (0411 Christiansø, which is not a municipality) are dropped.
    """
    path = Path(path)
    if not path.is_file():
        raise BoundaryError("missing", path, str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BoundaryError("not_json", path, str(exc)) from exc
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list) or not features:
        raise BoundaryError("no_features", path)
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
        raise BoundaryError("properties", path)
    return out


def boundaries_path() -> tuple[str | None, bool]:
    """The boundary file to draw: (path, named by DK2020_BOUNDARIES). The shipped file unless the variable names
    another; (None, False) when neither is there."""
    named = config.value(BOUNDARIES_ENV)
    if named:
        return named, True
    return (str(DEFAULT_BOUNDARIES), False) if DEFAULT_BOUNDARIES.is_file() else (None, False)


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
            legend.append({"colour": VERDICT_HEX[v], "label": f"{labels.verdict_icon(v)} {labels.verdict(v, lang)}",
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
        rose = r.reduction is not None and not pd.isna(r.reduction) and r.reduction < 0
        per_capita = i18n.number(r.per_capita, lang, 1)
        if r.population_approx and r.per_capita is not None and not pd.isna(r.per_capita):
            per_capita = f"{approx} {per_capita}"
        rows.append((
            f"{labels.verdict_icon(r.verdict)} {labels.verdict(r.verdict, lang)}",
            f"{t('map.tip.increase' if rose else 'map.tip.reduction')}: "
            f"{i18n.percent(abs(r.reduction) if rose else r.reduction, lang)}",  # a rise reads as a rise
            f"{per_capita} {t('unit.t_per_capita')}",
            f"{t('map.tip.manko')}: {i18n.tonnes(r.manko, lang)}",
            f"{t('map.tip.year')}: {int(r.latest_year)} ({t('map.tip.lag', count=int(r.data_lag))})",
        ))
    out = pd.DataFrame(rows, columns=list(TIP_LINES))
    out.insert(0, "name", metrics["name"].to_numpy())
    out.insert(0, "code", metrics["code"].astype(int).to_numpy())
    return out


# The Kort page's maps in pixels (width, height): the main map spans the page (about 820 pixels of a 1280-pixel
# screen with the sidebar open; wider screens get more room around Denmark), the inset below it.
MAP_PX = (820, 720)
INSET_PX = (820, 640)
LABEL_PX = 12  # label font size
ALONE_PX = 40  # a point with no other this close is labelled first (small islands)
INSET_REGION, INSET_LEAVE_OUT = "Hovedstaden", (400,)  # the inset: the capital area, Bornholm left out
INSET_PAD = (0.02, 0.03)  # degrees around the inset's municipalities
INSET_CIRCLES = 0.5  # circle size in the inset: at its closer zoom area-sized circles would hide each other
# Where a name may stand, tried in this order: (text anchor, baseline, pixel offset) below, above, right,
# left of its point, then the four corners.
LABEL_SPOTS: tuple[tuple[str, str, tuple[int, int]], ...] = (
    ("middle", "top", (0, 7)), ("middle", "bottom", (0, -7)), ("start", "center", (8, 0)), ("end", "center", (-8, 0)),
    ("start", "top", (5, 5)), ("end", "top", (-5, 5)), ("start", "bottom", (5, -5)), ("end", "bottom", (-5, -5)))


def view_for(metrics: pd.DataFrame, width_px: int = MAP_PX[0], height_px: int = MAP_PX[1],
             pad: tuple[float, float] = (0.25, 0.35)) -> pdk.ViewState:
    """A view that fits the given municipalities' label points (all of Denmark for the 98), with `pad`
    degrees (latitude, longitude) around them."""
    lat, lon = metrics["label_lat"].astype(float), metrics["label_lon"].astype(float)
    lat0, lat1, lon0, lon1 = lat.min() - pad[0], lat.max() + pad[0], lon.min() - pad[1], lon.max() + pad[1]
    # Web Mercator with 512-pixel tiles: zoom where the box fills the map.
    zoom_x = math.log2(width_px * 360 / (512 * max(lon1 - lon0, 0.05)))
    zoom_y = math.log2(height_px * 2 * math.pi / (512 * max(_mercator_y(lat1) - _mercator_y(lat0), 0.001)))
    return pdk.ViewState(latitude=float((lat0 + lat1) / 2), longitude=float((lon0 + lon1) / 2),
                         zoom=round(min(zoom_x, zoom_y, 11.0), 2), pitch=0, bearing=0)


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def place_labels(frame: pd.DataFrame, view: pdk.ViewState, size: tuple[int, int] = MAP_PX,
                 focus: Collection[int] | None = None, font_px: int = LABEL_PX) -> dict[int, int | None]:
    """Where each name fits at this view without touching another: {code: index into LABEL_SPOTS, or None}.

    Greedy, as map makers do, in this order: the municipalities in `focus` (the chosen area); among them
    first those with no other point within ALONE_PX (islands such as Ærø and Samsø keep their names), then
    the more populous (`priority`). Each name takes the first free spot around its point. A name that fits nowhere
    (the Copenhagen area at country zoom) gets None; a municipality whose point lies outside the map is
    left out. Text width is estimated (DejaVu Sans averages 0.6 em a character), a little generously."""
    scale = 512 * 2 ** view.zoom / (2 * math.pi)  # pixels per radian of longitude
    x = np.radians(frame["lon"].to_numpy(float)) * scale
    y = -np.log(np.tan(np.pi / 4 + np.radians(frame["lat"].to_numpy(float)) / 2)) * scale
    x = x - math.radians(view.longitude) * scale + size[0] / 2
    y = y + _mercator_y(view.latitude) * scale + size[1] / 2
    alone = (np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :]) < ALONE_PX).sum(axis=1) == 1
    order = pd.DataFrame({"focus": frame["code"].isin(list(focus or [])).to_numpy(), "alone": alone,
                          "priority": frame["priority"].to_numpy(float)})
    order = order.sort_values(["focus", "alone", "priority"], ascending=False, kind="stable")
    taken: list[tuple[float, float, float, float]] = []
    placed: dict[int, int | None] = {}
    for i in order.index:
        px, py = x[frame.index.get_loc(i)], y[frame.index.get_loc(i)]
        if not (0 <= px <= size[0] and 0 <= py <= size[1]):
            continue
        code, name = int(frame.at[i, "code"]), str(frame.at[i, "name"])
        placed[code] = None
        w, h = len(name) * font_px * 0.6 + 6, font_px * 1.25
        for spot, (anchor, baseline, (dx, dy)) in enumerate(LABEL_SPOTS):
            left = px + dx - {"middle": w / 2, "start": 0, "end": w}[anchor]
            top = py + dy - {"top": 0, "bottom": h, "center": h / 2}[baseline]
            box = (left, top, left + w, top + h)
            if all(box[2] <= o[0] or o[2] <= box[0] or box[3] <= o[1] or o[3] <= box[1] for o in taken):
                taken.append(box)
                placed[code] = spot
                break
    return placed


def inset_codes(metrics: pd.DataFrame) -> list[int]:
    """The municipalities of the map's inset: the capital area (Region Hovedstaden without Bornholm), where
    names are too close to fit at country or region zoom."""
    inside = (metrics["region"] == INSET_REGION) & ~metrics["code"].isin(INSET_LEAVE_OUT)
    return metrics.loc[inside, "code"].astype(int).tolist()


def map_deck(metrics: pd.DataFrame, metric: str, lang: str, boundaries: Mapping[int, dict] | None = None,
         view: pdk.ViewState | None = None, size: tuple[int, int] = MAP_PX,
         focus: Collection[int] | None = None, circles: float = 1.0,
         ) -> tuple[pdk.Deck, list[dict], dict[int, int | None]]:
    """The map, its legend and its labels as place_labels gives them (None: no room for the name).

    Polygons where `boundaries` has the municipality, else a circle (of the municipality's area times
    `circles`, never smaller than a few pixels so Læsø or Fanø stay visible) at its label point; every name
    that fits at this view (place_labels, `focus` first) as text."""
    colours, legend = colour_classes(metrics, metric, lang)
    tips = tooltip_frame(metrics, lang)
    view = view or view_for(metrics, *size)
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
        layers.append(pdk.Layer(
            "PathLayer", data=[{"path": ring} for part in parts for ring in part["polygon"]], id=OUTLINE_LAYER,
            pickable=False, get_path="path", get_color=[255, 255, 255, 255], width_units="'pixels'", get_width=1,
        ))
    points = frame[~with_polygon].sort_values("radius", ascending=False)  # small circles drawn on top
    if not points.empty:
        layers.append(pdk.Layer(
            "ScatterplotLayer", data=points.drop(columns=["priority"]), id=POINT_LAYER, pickable=True,
            get_position=["lon", "lat"], get_radius="radius", radius_units="'meters'", radius_min_pixels=6,
            radius_scale=circles,
            get_fill_color="fill", stroked=True, get_line_color=[255, 255, 255, 255], line_width_min_pixels=1,
            auto_highlight=True,
        ))
    spots = place_labels(frame, view, size, focus)
    named = frame.loc[frame["code"].isin([c for c, spot in spots.items() if spot is not None]),
                      ["code", "name", "lon", "lat"]].copy()
    spot = [LABEL_SPOTS[spots[c]] for c in named["code"]]
    named["anchor"], named["baseline"] = [a for a, _, _ in spot], [b for _, b, _ in spot]
    named["offset"] = [list(o) for _, _, o in spot]
    layers.append(pdk.Layer(
        "TextLayer", data=named, id=LABEL_LAYER, pickable=False,
        get_position=["lon", "lat"], get_text="name", get_size=LABEL_PX, size_units="'pixels'",
        get_color=[20, 20, 20, 255], get_text_anchor="anchor", get_alignment_baseline="baseline",
        get_pixel_offset="offset", character_set="'auto'", font_family="'DejaVu Sans, Arial, sans-serif'",
        font_settings={"sdf": True}, outline_width=3, outline_color=[255, 255, 255, 230],
    ))
    # Literal strings are quoted: pydeck turns a bare string into an accessor expression.
    # map_provider=None keeps Streamlit from adding its default Carto basemap (map_style=None would add it):
    # no tiles or style from the internet.
    d = pdk.Deck(layers=layers, initial_view_state=view, map_provider=None,
                 tooltip={"html": "<b>{name}</b><br/>" + "<br/>".join(f"{{{c}}}" for c in TIP_LINES),
                          "style": {"fontSize": "14px", "backgroundColor": "#FFFFFF", "color": "#000000"}})
    return d, legend, spots


def clicked_code(event: object) -> int | None:
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
