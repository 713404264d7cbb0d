"""The map layers in ``data/geo/`` from the Natural Earth extracts in ``sources/geo/``.

The extracts were cut from Natural Earth v4.0 (public domain) when they were gathered: clipped
with shapely to a lon/lat box, simplified, coordinates snapped to 0.001 degree (see
``sources/geo/README.md``). The book ships them as they are: this script parses each one,
checks it (a FeatureCollection of the expected geometry types, the expected properties and
feature count, every coordinate inside the clip box and on the 0.001-degree grid) and writes it
in the same compact JSON (no spaces, ASCII, no final newline), so ``data/geo/`` is byte for
byte the checked extract.
"""
import json
import math

from common import SOURCES, write_text

# file: (feature count, properties, geometry types, (lon_min, lon_max, lat_min, lat_max))
LAYERS = {
    "mekong_region_countries_to34n.geojson": (
        7, {"NAME", "ADM0_A3", "ISO_A3"}, {"Polygon", "MultiPolygon"}, (90, 112, 5, 34)),
    "mekong_river_full.geojson": (
        6, {"name", "name_en", "featurecla", "scalerank", "ne_rivernum"},
        {"LineString", "MultiLineString"}, (90, 112, 5, 34)),
    "tonle_sap.geojson": (1, {"name", "name_en"}, {"Polygon"}, (90, 112, 5, 30)),
    "boundary_lines_land.geojson": (
        12, {"name", "adm0_left", "adm0_right", "adm0_a3_l", "adm0_a3_r", "featurecla", "type"},
        {"LineString", "MultiLineString"}, (90, 112, 5, 30)),
    "gulf_of_thailand.geojson": (1, {"name", "featurecla", "scalerank"}, {"Polygon"},
                                 (90, 112, 5, 30)),
}


def points(coords):
    """Every [lon, lat] pair in a GeoJSON coordinates array."""
    if coords and isinstance(coords[0], (int, float)):
        yield coords
    else:
        for c in coords:
            yield from points(c)


def on_grid(v: float) -> bool:
    return math.isclose(v * 1000, round(v * 1000), abs_tol=1e-6)


for name, (count, props, types, (x0, x1, y0, y1)) in LAYERS.items():
    text = (SOURCES / "geo" / name).read_text(encoding="utf-8")
    geo = json.loads(text)
    assert geo["type"] == "FeatureCollection", name
    feats = geo["features"]
    assert len(feats) == count, f"{name}: {len(feats)} features, expected {count}"
    for f in feats:
        assert set(f["properties"]) == props, f"{name}: properties {sorted(f['properties'])}"
        assert f["geometry"]["type"] in types, f"{name}: geometry {f['geometry']['type']}"
        for lon, lat in points(f["geometry"]["coordinates"]):
            assert x0 <= lon <= x1 and y0 <= lat <= y1, f"{name}: point {lon}, {lat} off the box"
            assert on_grid(lon) and on_grid(lat), f"{name}: point {lon}, {lat} off the 0.001 grid"
    out = json.dumps(geo, separators=(",", ":"), ensure_ascii=True)
    assert out == text, f"{name}: not in the compact form the book ships; rewrite it with json.dumps"
    write_text(out, f"geo/{name}")
