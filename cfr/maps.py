"""Maps drawn from the GeoJSON in ``data/geo/`` as plain Plotly scatter traces.

Plotly's geo traces fetch a world map from a CDN and tile maps need WebGL, so neither draws
offline or headless. Country polygons become filled ``go.Scatter`` traces on hidden axes with
the y axis scaled by 1/cos(latitude), which keeps shapes true at this latitude.
"""
from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from cfr.charts import MUTED, colour, name


def _rings(geometry: dict):
    kind, coords = geometry["type"], geometry["coordinates"]
    if kind == "Polygon":
        yield from coords
    elif kind == "MultiPolygon":
        for poly in coords:
            yield from poly
    elif kind == "LineString":
        yield coords
    elif kind == "MultiLineString":
        yield from coords


def _xy(geometry: dict, box=None):
    """Coordinates of all rings/lines of a geometry, separated by NaN (one trace each), as
    float32 arrays: Plotly ships them base64-encoded, a third of the size of JSON numbers.

    ``box`` (lon0, lon1, lat0, lat1): the view. Rings wholly outside it are dropped; points far
    outside it are clamped to a frame around it and the clamped points that only run along
    the frame are dropped. Lines inside the view stay as they were; the page stays small.
    """
    xs, ys = [], []
    for ring in _rings(geometry):
        if box is not None:
            ring = _trim(ring, box)
            if ring is None:
                continue
        xs += [p[0] for p in ring] + [math.nan]
        ys += [p[1] for p in ring] + [math.nan]
    return np.asarray(xs, dtype=np.float32), np.asarray(ys, dtype=np.float32)


def _trim(ring, box):
    lon0, lon1, lat0, lat1 = box
    # Generous frame: Plotly may widen one axis to keep the map's aspect ratio.
    mx = my = 0.5 * max(lon1 - lon0, lat1 - lat0)
    x0, x1, y0, y1 = lon0 - mx, lon1 + mx, lat0 - my, lat1 + my
    if (max(p[0] for p in ring) < x0 or min(p[0] for p in ring) > x1
            or max(p[1] for p in ring) < y0 or min(p[1] for p in ring) > y1):
        return None
    pts = [(min(max(x, x0), x1), min(max(y, y0), y1)) for x, y in ring]

    def on_edge(a, b, c):
        return any(a[i] == b[i] == c[i] == edge for i, edges in ((0, (x0, x1)), (1, (y0, y1)))
                   for edge in edges)

    out = pts[:1]
    for i in range(1, len(pts) - 1):
        if pts[i] != out[-1] and not on_edge(out[-1], pts[i], pts[i + 1]):
            out.append(pts[i])
    out += pts[-1:]
    return out


def _view(fig: go.Figure):
    xr, yr = fig.layout.xaxis.range, fig.layout.yaxis.range
    return (xr[0], xr[1], yr[0], yr[1]) if xr and yr else None


def base_map(countries: dict, *, lon: tuple[float, float], lat: tuple[float, float],
             code_field: str = "ADM0_A3", highlight: str = "KHM", tint: bool = False,
             labels: bool = True, label_at: dict | None = None) -> go.Figure:
    """Country shapes from a GeoJSON FeatureCollection, Cambodia highlighted.

    ``tint``: fill every country with a pale version of its book colour (else light grey).
    ``label_at``: (lon, lat) for a country's name where the centre of its shape in view would
    print over the chart's own labels (``{"THA": (99.6, 15.9)}``).
    """
    fig = go.Figure()
    box = (lon[0], lon[1], lat[0], lat[1])
    for feat in countries["features"]:
        code = feat["properties"].get(code_field)
        xs, ys = _xy(feat["geometry"], box)
        if not len(xs):
            continue
        fill = "#DCE9F5" if code == highlight else ("#F1F1F1" if not tint else _pale(colour(code)))
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", fill="toself", fillcolor=fill,
            line=dict(color="#9A9A9A", width=0.8), name=name(code),
            hoverinfo="text", text=name(code), showlegend=False,
        ))
    if labels:
        for feat in countries["features"]:
            code = feat["properties"].get(code_field)
            cx, cy = (label_at or {}).get(code) or _label_point(feat["geometry"], lon, lat)
            if cx is not None:
                fig.add_annotation(x=cx, y=cy, text=name(code).upper(), showarrow=False,
                                   font=dict(size=11, color=MUTED), opacity=0.9)
    mid = math.radians((lat[0] + lat[1]) / 2)
    # constrain="domain": in a narrow column the map shrinks to fit instead of being cropped.
    fig.update_xaxes(range=list(lon), visible=False, fixedrange=False, constrain="domain")
    fig.update_yaxes(range=list(lat), visible=False, scaleanchor="x", scaleratio=1 / math.cos(mid),
                     constrain="domain")
    fig.update_layout(plot_bgcolor="#EAF3FA", hovermode="closest", dragmode="pan",
                      margin=dict(l=10, r=10))
    return fig


def add_lines(fig: go.Figure, geojson: dict, *, colour_of=None, width: float = 2,
              name_of=None, hover_of=None, dash: str | None = None) -> go.Figure:
    """Draw line features (rivers, borders): one trace per feature.

    ``colour_of``, ``name_of``, ``hover_of``: functions of a feature's properties.
    """
    for feat in geojson["features"]:
        props = feat["properties"]
        xs, ys = _xy(feat["geometry"], _view(fig))
        if not len(xs):
            continue
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines",
            line=dict(color=colour_of(props) if colour_of else "#2B7BB9", width=width, dash=dash),
            name=name_of(props) if name_of else "", showlegend=bool(name_of),
            hoverinfo="text" if hover_of else "skip",
            text=hover_of(props) if hover_of else None,
        ))
    return fig


def add_polygons(fig: go.Figure, geojson: dict, *, fill: str, line: str, label: str,
                 hover: str) -> go.Figure:
    """Draw polygon features (a lake, a sea area) with one hover text."""
    for feat in geojson["features"]:
        xs, ys = _xy(feat["geometry"], _view(fig))
        if not len(xs):
            continue
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", fill="toself", fillcolor=fill,
                                 line=dict(color=line, width=1), name=label, showlegend=False,
                                 hoverinfo="text", text=hover))
    return fig


def _pale(hex_colour: str, amount: float = 0.8) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    r, g, b = (round(c + (255 - c) * amount) for c in (r, g, b))
    return f"#{r:02X}{g:02X}{b:02X}"


def _label_point(geometry, lon, lat):
    """Centre of the bounding box of the largest ring inside the view (for a country label)."""
    best = None
    for ring in _rings(geometry):
        pts = [(x, y) for x, y in ring if lon[0] <= x <= lon[1] and lat[0] <= y <= lat[1]]
        if len(pts) > (len(best) if best else 0):
            best = pts
    if not best:
        return None, None
    xs, ys = zip(*best)
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
