"""Cut the book's five map layers from Natural Earth files (maintainers only; needs shapely).

The GeoJSON extracts in ``sources/geo/`` were made from Natural Earth v4.0 with the recipe in
``LAYERS`` below: select the features, take the listed properties, then with shapely
``intersection`` with a lon/lat box (where a box is given), ``simplify(tolerance,
preserve_topology=True)`` and ``set_precision(0.001)``, and write compact JSON (no spaces,
ASCII, no final newline). Checked on 2026-12-01: run on the Natural Earth files of the mirror
``martynafford/natural-earth-geojson`` @ ``0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e`` with
shapely 2.1.2 (GEOS 3.13.1), it reproduces all five files of ``sources/geo/`` byte for byte.

``make data`` does not need this script or shapely: it ships the extracts as they are
(``scripts/curate/geo.py``). Use it to cut the layers from a newer Natural Earth release
(``scripts/refresh.py --only naturalearth`` downloads one and calls it):

    pip install shapely==2.1.2 py7zr      # py7zr only for the mirror's .7z archives
    .venv/bin/python scripts/geo_clip.py FOLDER_WITH_NATURAL_EARTH_FILES [--out sources/geo]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEVEN = {"KHM", "THA", "LAO", "VNM", "MMR", "CHN", "MYS"}
RIVERS = {"Tonle Sap", "Lancang", "Mekong", "Srepok", "Mun"}

# out file: (Natural Earth layer, keep(properties), {out property: source property},
#            clip box (lon_min, lat_min, lon_max, lat_max) or None, simplify tolerance)
LAYERS = {
    "mekong_region_countries_to34n.geojson": (
        "ne_50m_admin_0_countries", lambda p: p.get("ADM0_A3") in SEVEN,
        {"NAME": "NAME", "ADM0_A3": "ADM0_A3", "ISO_A3": "ISO_A3"}, (90, 5, 112, 34), 0.01),
    "mekong_river_full.geojson": (
        "ne_10m_rivers_lake_centerlines", lambda p: p.get("name") in RIVERS,
        {"name": "name", "name_en": "name_en", "featurecla": "featurecla",
         "scalerank": "scalerank", "ne_rivernum": "rivernum"}, (90, 5, 112, 34), 0.005),
    "tonle_sap.geojson": (
        "ne_10m_lakes", lambda p: p.get("name") == "Tonle Sap",
        {"name": "name", "name_en": "name_en"}, (90, 5, 112, 30), 0.002),
    "boundary_lines_land.geojson": (
        "ne_10m_admin_0_boundary_lines_land",
        lambda p: p.get("adm0_a3_l") in SEVEN and p.get("adm0_a3_r") in SEVEN,
        {k: k for k in ["name", "adm0_left", "adm0_right", "adm0_a3_l", "adm0_a3_r",
                        "featurecla", "type"]}, (90, 5, 112, 30), 0.002),
    "gulf_of_thailand.geojson": (
        "ne_10m_geography_marine_polys", lambda p: p.get("name") == "Gulf of Thailand",
        {"name": "name", "featurecla": "featurecla", "scalerank": "scalerank"}, None, 0.01),
}


def read_layer(folder: Path, layer: str) -> dict:
    """A Natural Earth layer from ``folder``: <layer>.geojson, <layer>.json or <layer>.7z."""
    for suffix in (".geojson", ".json"):
        if (folder / f"{layer}{suffix}").exists():
            return json.loads((folder / f"{layer}{suffix}").read_text(encoding="utf-8"))
    archive = folder / f"{layer}.7z"
    if archive.exists():
        import tempfile

        import py7zr
        with tempfile.TemporaryDirectory() as tmp, py7zr.SevenZipFile(archive) as z:
            z.extractall(tmp)
            found = sorted(p for p in Path(tmp).rglob("*") if p.suffix in (".json", ".geojson"))
            return json.loads(found[0].read_text(encoding="utf-8"))
    raise FileNotFoundError(f"{layer}: no .geojson, .json or .7z in {folder}")


def cut(collection: dict, keep, props: dict, bbox, tolerance: float) -> str:
    """One layer cut with the recipe, as the compact JSON text the book ships."""
    import shapely
    from shapely.geometry import box, mapping, shape

    feats = []
    for f in collection["features"]:
        p = f["properties"]
        if not keep(p):
            continue
        geom = shape(f["geometry"])
        if bbox is not None:
            geom = geom.intersection(box(*bbox))
        geom = shapely.set_precision(geom.simplify(tolerance, preserve_topology=True), 0.001)
        if geom.is_empty:
            continue
        feats.append({"type": "Feature", "properties": {k: p.get(src) for k, src in props.items()},
                      "geometry": json.loads(json.dumps(mapping(geom)))})
    return json.dumps({"type": "FeatureCollection", "features": feats}, separators=(",", ":"))


def cut_all(folder: Path) -> dict[str, str]:
    """{out file name: text} for the five layers from the Natural Earth files in ``folder``."""
    return {name: cut(read_layer(folder, layer), keep, props, bbox, tol)
            for name, (layer, keep, props, bbox, tol) in LAYERS.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path, help="folder holding the Natural Earth files")
    ap.add_argument("--out", type=Path, default=ROOT / "sources" / "geo")
    ap.add_argument("--check", action="store_true",
                    help="only say whether the cut equals the files in --out")
    args = ap.parse_args(argv)
    same = True
    for name, text in cut_all(args.folder).items():
        path = args.out / name
        equal = path.exists() and path.read_text(encoding="utf-8") == text
        same &= equal
        if args.check:
            print(f"{name}: {'identical' if equal else 'differs'}")
        else:
            path.write_text(text, encoding="utf-8", newline="")
            print(f"wrote {path} ({len(text)} bytes)")
    return 0 if same or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
