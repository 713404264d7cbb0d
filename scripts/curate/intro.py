"""Tables for "Cambodia at a glance" (intro): donors_oda_gni and borders_boundary_lengths.

The country list (countries.csv) is made by countries.py, the map layers by geo.py.
"""
import pandas as pd

from common import SOURCES, write

# Net ODA received, % of GNI (World Bank WDI DT.ODA.ODAT.GN.ZS): KHM/LAO/VNM from
# donors/wdi_aid.csv, MMR/THA from donors/wdi_aid_more.csv (same mirror, same commit).
a = pd.read_csv(SOURCES / "donors/wdi_aid.csv")
m = pd.read_csv(SOURCES / "donors/wdi_aid_more.csv")
m = m[m.indicator_code == "DT.ODA.ODAT.GN.ZS"]
oda = pd.concat([a[["iso3", "year", "value"]], m[["iso3", "year", "value"]]])
oda = oda[oda.year >= 1985].rename(columns={"value": "oda_pct_gni"})
write(oda.sort_values(["iso3", "year"]), "donors_oda_gni.csv")

# Land borders and coastline, CIA World Factbook 2023-24 edition (borders/facts.csv rows
# that cite factbook/factbook.json directly).
f = pd.read_csv(SOURCES / "borders/facts.csv")
f = f[f.source_url.str.contains("factbook/factbook.json", na=False)]
print(f[["claim", "value", "unit", "date"]].to_string())

lengths = {"Border with Thailand": ("THA", "land border"), "Border with Laos": ("LAO", "land border"),
           "Border with Vietnam": ("VNM", "land border"),
           "Cambodia coastline (Gulf of Thailand)": ("", "coastline")}
rows = [{"iso3": lengths[c][0], "boundary": lengths[c][1], "length_km": int(v)}
        for c, v in zip(f.claim, f.value) if c in lengths]
write(pd.DataFrame(rows), "borders_boundary_lengths.csv")
