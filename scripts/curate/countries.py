"""``countries.csv``: the country and group codes the book uses, from ``sources/geo/countries.csv``.

The raw list is kept by hand (the ISO 3166-1 alpha-3 code of every country any table names,
plus the World Bank's ``EUU`` for the European Union, with the short name the book writes).
This script checks it and writes it unchanged: codes are three capitals and unique, ``kind``
is ``country`` or ``group``, and the seven Natural Earth country outlines in
``sources/geo/mekong_region_countries_to34n.geojson`` carry codes on the list with the same
names. Every country code in every other table must appear here (a foreign key that
``cfr.load`` checks).
"""
import json

import pandas as pd

from common import SOURCES, write

COLUMNS = ["iso3", "name", "kind"]

df = pd.read_csv(SOURCES / "geo/countries.csv", dtype=str, keep_default_na=False)
assert list(df.columns) == COLUMNS, f"columns {list(df.columns)} != {COLUMNS}"
assert df.iso3.str.fullmatch(r"[A-Z]{3}").all(), df.iso3[~df.iso3.str.fullmatch(r"[A-Z]{3}")]
assert df.iso3.is_unique, df.iso3[df.iso3.duplicated()].tolist()
assert df.kind.isin(["country", "group"]).all(), df[~df.kind.isin(["country", "group"])]
assert (df.name.str.strip() != "").all()

names = dict(zip(df.iso3, df.name))
outlines = json.loads((SOURCES / "geo/mekong_region_countries_to34n.geojson").read_text("utf-8"))
for feature in outlines["features"]:
    p = feature["properties"]
    assert p["ISO_A3"] in names, f"Natural Earth country {p['ISO_A3']} not in countries.csv"
    assert names[p["ISO_A3"]] == p["NAME"], (p["ISO_A3"], names[p["ISO_A3"]], p["NAME"])

write(df[COLUMNS], "countries.csv")
