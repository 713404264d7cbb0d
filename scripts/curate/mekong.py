"""Tables for the Mekong chapter (prefix ``mekong_``), from sources/mekong/ in this repository.

    cd scripts/curate && ../../.venv/bin/python mekong.py

Writes:
- mekong_dams.csv         one row per dam: the figure the map uses, the range across sources,
                          status, years, coordinates (blank where no source gives them)
- mekong_dam_figures.csv  every capacity / storage / year figure, one row per dam x attribute x
                          source, so that figures that disagree stay side by side
- mekong_flow_reach.csv   MRC: share of mean annual flow contributed by each reach
- mekong_basin_share.csv  MRC 2005 (via Mekong Flows): catchment area and flow share by country
- mekong_fish_catch.csv   WDI ER.FSH.CAPT.MT capture fisheries, Cambodia and Laos
- mekong_facts.csv        the facts the prose uses, in the book's facts layout (cfr/facts.py),
                          from the raw extracts in sources/mekong/ and facts_added.csv
- mekong_timeline.csv     governance / dams / low-water timeline (common timeline schema)
- mekong_dam_finance.csv  Stimson Mekong Infrastructure Tracker (snapshot late 2020): every
                          hydropower project in Cambodia and Laos, one row per project x role
                          (sponsor, lender, builder) x party country, with capacity and status

Nothing is estimated. Where sources disagree, every figure is kept in mekong_dam_figures.csv;
the map's figure is chosen by a stated rule (see ``primary`` below) and the range is shown.
Stung Treng's encyclopedia coordinates (a stored page found with the project's search tool) are
kept in mekong_facts with URL and quote (``EXTRA_COORDS``), to show how far they are from the
tracker's point; the map uses the tracker's.

Sources (issue 20): an encyclopedia figure that a stronger source in the table repeats is left
out (the stronger row stands for it); where a stronger source gives a different figure, the
encyclopedia's is left out and the change is recorded in
sources/editorial/corrections_mekong.csv (``SUPERSEDED``). Figures found on stronger pages are in
sources/mekong/dam_figures_added.csv; same-figure source swaps are in
sources/editorial/source_replacements_mekong.csv (applied by grading.py).

The Stimson tracker (sources/mekong/infrastructure_tracker/) is matched to the dam list by a
reviewed name table (``TRACKER_NAME``); it adds a capacity (and, for dams in operation, a
completion year) to mekong_dam_figures for every matched dam, the status of dams the other
sources leave without one, and coordinates where no other source gives them or where it is
the stronger source (Sambor, Stung Treng). Coordinates the tracker marks as approximate
("Actual location unknown ...") are never used: such dams stay unplaced.
"""
import re

import pandas as pd

import grading
from common import SOURCES, write

FACT_FIELDS = ["key", "claim", "value", "value_high", "unit", "value_as_given", "as_of",
               "source_title", "source_url", "quote"]

SRC = SOURCES / "mekong"
ISO = {"China": "CHN", "Laos": "LAO", "Lao PDR": "LAO", "Cambodia": "KHM", "Thailand": "THA",
       "Myanmar (Burma on page)": "MMR", "Viet Nam": "VNM", "Vietnam": "VNM"}
RETRIEVED = "2026-11-28"

# --- dams -------------------------------------------------------------------------------------
md = pd.read_csv(SRC / "mainstream_dams.csv")
wri = pd.read_csv(SRC / "lancang_dams_wri_gppd.csv")
att = pd.read_csv(SRC / "dam_attributes_long.csv")
tracker = pd.read_csv(SRC / "infrastructure_tracker" / "power_projects_extract.csv")

TRACKER_TITLE = ("Stimson Center, Mekong Infrastructure Tracker (power projects; snapshot with "
                 "row updates to 28 Dec 2020)")
TRACKER_URL = ("https://github.com/non-ceterisparibus/water-climate-change-mekong-basin/tree/"
               "0cb985df203a/mekong")
TRACKER_SNAPSHOT = "2020-12"
# Reviewed name table: dam list name -> tracker "Project Name". Each pair was checked by hand on
# country, river (tracker "Tributary": "Mekong Mainstem - China" / "Mekong Mainstream - Lower"
# or "Sesan") and capacity; two names differ in spelling only.
TRACKER_NAME = {
    "Xiaowan": "Xiaowan", "Nuozhadu": "Nuozhadu", "Dachaoshan": "Dachaoshan",
    "Jinghong": "Jinghong", "Manwan": "Manwan", "Gongguoqiao": "Gongguoqiao",
    "Ganlanba": "Ganlanba", "Huangdeng": "Huangdeng", "Miaowei": "Miaowei", "Lidi": "Lidi",
    "Tuoba": "Tuoba", "Wunonglong": "Wunonglong", "Dahuaqiao": "Dahuaqiao",
    "Mengsong": "Mengsong", "Xayaburi": "Xayaburi", "Don Sahong": "Don Sahong",
    "Pak Beng": "Pak Beng", "Pak Lay": "Pak Lay", "Sanakham": "Sanakham",
    "Luang Prabang": "Luang Phrabang (Nam Sang)",   # tracker spelling; 1,410 MW, Luang Prabang
    "Phou Ngoy": "Phu Ngoy",                          # tracker spelling; Champasak, 651 MW
    "Lower Sesan 2": "Lower Sesan 2", "Stung Treng": "Stung Treng", "Sambor": "Sambor",
}
APPROXIMATE = "Actual location unknown"   # tracker "Proximity": coordinates are a locality
TRACKER_STATUS = {"Operational": "operating", "Under Construction": "under construction",
                  "Planned": "planned", "Postponed": "postponed", "Cancelled": "cancelled",
                  "Unknown": "unknown"}
tracker_of = {}
for dam, name in TRACKER_NAME.items():
    hit = tracker[(tracker["Project Name"] == name) & (tracker.Subtype == "Hydro")]
    assert len(hit) == 1, (dam, len(hit))
    tracker_of[dam] = hit.iloc[0]

md["dam"] = md.name.str.replace(r"\s*\(TRIBUTARY.*\)$", "", regex=True)

# Pages found with the search tool (stored copies), not in the raw extracts.
WIKI_SAMBOR = ("Sambor Dam (English Wikipedia, stored copy)",
               "https://en.wikipedia.org/wiki/Sambor_Dam")
WIKI_STUNG = ("Stung Treng Dam (English Wikipedia via wikimili.com mirror, stored copy)",
              "https://wikimili.com/en/Stung_Treng_Dam")
# Stung Treng's encyclopedia point, kept (latitude only) to state its distance from the tracker's
# point, which the map uses. (Sambor's encyclopedia point was dropped: the tracker places it.)
EXTRA_COORDS = {
    "Stung Treng": (13.05865, 105.98345, *WIKI_STUNG,
                    "Coordinates | 13°3′31.14″N105°59′0.42″E / 13.0586500°N 105.9834500°E"),
}

figs = []  # dam, iso3, attribute, value, as_of, source_title, source_url, note


def fig(dam, country, attribute, value, as_of, title, url, note=""):
    figs.append(dict(dam=dam, iso3=ISO[country], attribute=attribute, value=float(value),
                     as_of=str(as_of), source_title=title, source_url=url, note=note))


def years(text):
    """'2009-2010' -> (2009, 2010); '2019' -> (2019, 2019); blank -> (None, None)."""
    if pd.isna(text):
        return None, None
    ys = [int(y) for y in re.findall(r"\d{4}", str(text))]
    return ys[0], ys[-1]


for r in md.itertuples():
    if pd.isna(r.capacity_mw) and pd.isna(r.year_commissioned):
        continue
    as_of = "2008-08-01" if "Probe" in r.source_title else "n.d. (stored copy)"
    if "Mongabay" in r.source_title:
        as_of = "2022-09-16"
    if not pd.isna(r.capacity_mw):
        note = "plan or as-built as of Aug 2008" if "Probe" in r.source_title else ""
        fig(r.dam, r.country, "capacity_mw", r.capacity_mw, as_of, r.source_title, r.source_url,
            note)
    first, full = years(r.year_commissioned)
    if first and first != full:  # a range "2009-2010": first power, then full service
        fig(r.dam, r.country, "year_first_power", first, as_of, r.source_title, r.source_url,
            f"source gives {r.year_commissioned}")
    if first:  # a single year is the year the dam was completed / entered service
        fig(r.dam, r.country, "year_full", full, as_of, r.source_title, r.source_url,
            f"source gives {r.year_commissioned}")

WRI_TITLE = ("World Resources Institute, Global Power Plant Database v1.3.0, raw source file "
             "WRI/China.csv (citing Wilson Center, Mapping China's dam rush)")
WRI_URL = ("https://github.com/wri/global-power-plant-database/blob/"
           "7a91cfbb2a4e272597acbc00506d61fc1ec73b3d/raw_source_files/WRI/China.csv")
for r in wri.itertuples():
    fig(r.name, r.country, "capacity_mw", r.capacity_mw, "v1.3.0 (2021)", WRI_TITLE, WRI_URL)
    if not pd.isna(r.commissioning_year):
        fig(r.name, r.country, "year_first_power", r.commissioning_year, "v1.3.0 (2021)",
            WRI_TITLE, WRI_URL, "commissioning_year in the source")

ATTR = {"installed_capacity": "capacity_mw", "reservoir_capacity": "storage_mcm",
        "reservoir_capacity_total": "storage_mcm", "total_storage": "storage_mcm",
        "year_commissioned": "year_full"}
for r in att.itertuples():
    if r.attribute in ATTR:
        fig(r.dam, r.country, ATTR[r.attribute], r.value, r.as_of, r.source_title, r.source_url,
            "" if pd.isna(r.note) else r.note)
    elif r.attribute == "commissioning":  # Xiaowan infobox "2009-2010"
        a, b = years(r.value)
        fig(r.dam, r.country, "year_first_power", a, r.as_of, r.source_title, r.source_url,
            f"source gives {r.value}")
        fig(r.dam, r.country, "year_full", b, r.as_of, r.source_title, r.source_url,
            f"source gives {r.value}")

# facts files: storage and milestone years stated with a quote
fig("Nuozhadu", "China", "storage_mcm", 23703, "2014",
    "NS Energy: China's Huaneng Nuozhadu hydropower station enters service",
    "https://nsenergybusiness.com/news/newschinas-huaneng-nuozhadu-hydropower-station-enters-"
    "service-010714-4306424", "23.703 billion m3, converted to million m3")
fig("Manwan", "China", "year_first_power", 1995, "2000-08-09",
    "People's Daily (9 Aug 2000): Step hydro-electric stations being built on Lancang River",
    "http://en.people.cn/english/200008/09/print20000809_47709.html", "first phase completed 1995")
# Sambor's older and smaller designs: found only on the encyclopedia page (searched 2026-12-01:
# Mongabay 2017, Southeast Asia Globe and an IPS excerpt confirm the 2,600 MW option, which the
# tracker gives, but not these two). The encyclopedia's 2,600 MW, its planned reservoirs for
# Sambor and Stung Treng (3,794 and 70 million m3) and Stung Treng's 980 MW were dropped: the
# tracker gives 2,600 and 980 MW, and nothing in the book reads the planned reservoirs.
fig("Sambor", "Cambodia", "capacity_mw", 3300, "1994 (proposal)", *WIKI_SAMBOR,
    "1994 Mekong Secretariat proposal, as reported on the page")
fig("Sambor", "Cambodia", "capacity_mw", 465, "2006 feasibility (alternative)", *WIKI_SAMBOR,
    "alternative, smaller option in the 2006 feasibility MoU, as reported on the page")
# Figures found on stronger pages with the search tool (2026-12-01), quoted in the raw file
for r in pd.read_csv(SRC / "dam_figures_added.csv").itertuples():
    fig(r.dam, r.country, r.attribute, r.value, r.as_of, r.source_title, r.source_url, r.note)

for dam, r in tracker_of.items():
    country = r.Country
    fig(dam, country, "capacity_mw", r["Capacity (MW)"], TRACKER_SNAPSHOT, TRACKER_TITLE,
        TRACKER_URL, f"tracker row {r._id}, status {r['Current Status']}")
    if r["Current Status"] == "Operational" and not pd.isna(r["Year of Completion"]):
        fig(dam, country, "year_full", r["Year of Completion"], TRACKER_SNAPSHOT, TRACKER_TITLE,
            TRACKER_URL, "the tracker's 'Year of Completion' (first units for some dams: it gives "
            "2008 for Jinghong and 2012 for Nuozhadu)")

figures = pd.DataFrame(figs)
# the same page cited twice (Probe fact box for Manwan) counts once
figures = figures.drop_duplicates(["dam", "attribute", "source_url", "value"])

# Encyclopedia figures a stronger source contradicts: left out (corrections_mekong.csv says so).
SUPERSEDED = {
    ("Xiaowan", "storage_mcm", 15043):
        "the owner, China Huaneng, gives 14.9 billion m3 and Probe International 15 billion",
    ("Dachaoshan", "storage_mcm", 890):
        "Probe International gives 940 million m3; the encyclopedia table's cells ran together",
    ("Gongguoqiao", "storage_mcm", 316):
        "Probe International gives 348 million m3; the encyclopedia table's cells ran together",
    ("Jinghong", "storage_mcm", 1140):
        "Probe International gives 1.2 billion m3; the encyclopedia's own infobox says 249 million",
    ("Gongguoqiao", "year_full", 2012):
        "the WRI database and the Stimson tracker both give 2011",
}
superseded = [k in SUPERSEDED for k in zip(figures.dam, figures.attribute, figures.value)]
assert sum(superseded) == len(SUPERSEDED), "a superseded figure is no longer in the sources"
figures = figures[[not s for s in superseded]]
# Encyclopedia figures a stronger source in the table repeats (after the editors' same-figure
# source swaps): the stronger row stands for them.
figures = grading.replace(figures, "mekong_dam_figures")
REGISTRY = grading.registry()
weak = figures.source_url.map(lambda u: grading.match(u, REGISTRY).grade in grading.WEAK)
strong = set(zip(*(figures[~weak][c] for c in ("dam", "attribute", "value"))))
repeated = weak & pd.Series([k in strong for k in zip(figures.dam, figures.attribute,
                                                      figures.value)], index=figures.index)
print(f"encyclopedia figures left out, repeated by a stronger source: {int(repeated.sum())}")
figures = figures[~repeated]
figures["value"] = figures.value.round(3)
assert not figures.duplicated(["dam", "attribute", "source_title", "value"]).any()
figures = figures.sort_values(["iso3", "dam", "attribute", "value"]).reset_index(drop=True)
write(figures, "mekong_dam_figures.csv")

# One row per dam. The map's capacity ("capacity_mw") is the figure in the first-pass dam list
# (mainstream_dams.csv: as-built where the page says so); where that list has none, the
# International Rivers 2017 slides (Pak Lay) or RFA (Phou Ngoy). The range over every source is
# kept in capacity_min_mw / capacity_max_mw. Years: the first-pass list, else WRI (Gongguoqiao).
STATUS = {  # (status, status_detail as the sources put it, source of the status)
    "Xiaowan": "operating", "Nuozhadu": "operating", "Dachaoshan": "operating",
    "Jinghong": "operating", "Manwan": "operating", "Gongguoqiao": "operating",
    "Xayaburi": "operating", "Don Sahong": "operating", "Lower Sesan 2": "operating",
    "Ganlanba": "unknown", "Pak Beng": "planned", "Luang Prabang": "under development",
    "Pak Lay": "planned", "Sanakham": "planned", "Phou Ngoy": "planned",
    "Stung Treng": "postponed", "Sambor": "postponed", "Huangdeng": "unknown",
    "Miaowei": "unknown", "Lidi": "unknown", "Tuoba": "under construction",
    "Wunonglong": "unknown", "Dahuaqiao": "unknown", "Mengsong": "cancelled",
}
STIMSON = ("Stimson Center: Mekong Mainstream Dams (map; updated June 2020)",
           "https://www.stimson.org/2020/mekong-mainstream-dams/")
DETAIL = {
    "Gongguoqiao": ("commissioned 2011 (WRI; the Stimson tracker also gives 2011)", WRI_TITLE,
                    WRI_URL),
    "Tuoba": ("under construction (Stimson, June 2020)",) + STIMSON,
    "Mengsong": ("removed from the Stimson map as cancelled (June 2020); 600 MW in 2008 plans",)
    + STIMSON,
    "Xiaowan": ("all six units (4,200 MW) in operation from 22 Aug (2010)",
                "China Huaneng Group press release: All 6 Units of Huaneng Xiaowan Power Station "
                "Put into Operation (copy of Huaneng's English press page)",
                "http://www.jamesonscafe.com/eng/n75863/n75941/c188163/content.html"),
    "Nuozhadu": ("in full operation from the last week of June 2014 (Reuters)",
                 "Reuters (3 Jul 2014), report on China's Xiluodu station in full operation "
                 "(names Nuozhadu)", "http://uk.reuters.com/article/china-hydropower-"
                 "idUKL4N0PE0NU20140703"),
    # (not the tracker: the chapter counts the dams whose status source is the tracker as the
    # ones with figures only there)
    "Dachaoshan": ("Completed: 2003 (Probe International fact box, Aug 2008)",
                   "Probe International: The Hydrolancang cascade: Fact box (1 Aug 2008)",
                   "https://journal.probeinternational.org/2008/08/01/"
                   "hydrolancang-cascade-fact-box/?share=google-plus-1"),
    "Jinghong": ("operating in Sept 2009, one of Hydrolancang's three large dams on the Lancang "
                 "(China Daily); first unit June 2008",
                 "China Daily (25 Sep 2009): Xiaowan dam generating electricity",
                 "http://www.chinadaily.com.cn/regional/2009-09/25/content_8738659.htm"),
    "Xayaburi": ("operational, one of the two Lower Mekong mainstream dams in operation (MRC)",
                 "Mekong River Commission: Hydropower (topic page)",
                 "https://www.mrcmekong.org/our-work/topics/hydropower/"),
    "Don Sahong": ("commercial operation date certified on 4 Nov 2020 (Laotian Times)",
                   "Laotian Times (5 Nov 2020): Don Sahong Hydropower Project Begins Commercial "
                   "Operations", "https://laotiantimes.com/2020/11/05/don-sahong-hydropower-"
                   "project-begins-commercial-operations/"),
    "Lower Sesan 2": ("completed; inaugurated Dec 2018 (CNV)",
                      "CNV (Fresh News): Lower Sesan 2 inauguration (Dec 2018)",
                      "http://en.cnv.org.kh/?p=12750"),
    "Sambor": ("postponed: in March 2020 Cambodia put off its two mainstream dams to after 2030 "
               "(Stimson, June 2020)",) + STIMSON,
    "Phou Ngoy": ("initial environmental and social impact study approved; completion projected "
                  "2029 (RFA)", "Comparemela repost of Radio Free Asia: Phou Ngoy Dam",
                  "https://comparemela.com/ampnews/ban-koum/2"),
    "Pak Lay": ("planned; submitted to the MRC notification process",
                "Enerdata: Lao PDR plans a new 1.4 GW hydro project on the Mekong River",
                "https://www.enerdata.net/publications/daily-energy-news/lao-pdr-plans-new-14-gw-"
                "hydro-project-mekong-river.html"),
}
SECTION = {"Lancang": "Lancang (China)", "Lower Mekong": "Lower Mekong"}
rows = []
names = list(md.dam) + ["Mengsong"]
for dam in names:
    src = md[md.dam == dam]
    r = src.iloc[0] if len(src) else None
    country = r.country if r is not None else "China"
    f = figures[figures.dam == dam]
    cap = f[f.attribute == "capacity_mw"].value
    other_cap = f[(f.attribute == "capacity_mw") & (f.source_title != TRACKER_TITLE)].value
    tr = tracker_of.get(dam)
    primary = r.capacity_mw if r is not None and not pd.isna(r.capacity_mw) else None
    if primary is None and dam in ("Pak Lay", "Phou Ngoy", "Mengsong"):
        primary = float(other_cap.iloc[0]) if len(other_cap) else None
    if primary is None and tr is not None:   # no other source gives a capacity: the tracker's
        primary = float(tr["Capacity (MW)"])
    first, full = years(r.year_commissioned) if r is not None else (None, None)
    if dam == "Gongguoqiao":
        full = 2011  # WRI commissioning year (the Wikipedia 2020 table gives 2012)
    if full is None and tr is not None and tr["Current Status"] == "Operational":
        full = int(tr["Year of Completion"])   # the tracker's year, where no other source has one
    early = f[f.attribute == "year_first_power"].value
    first = int(early.min()) if len(early) else full
    lat = r.latitude if r is not None else None
    lon = r.longitude if r is not None else None
    coord_src = r.source_title if r is not None and not pd.isna(lat) else ""
    w = wri[wri.name == dam]
    if (lat is None or pd.isna(lat)) and len(w):
        lat, lon, coord_src = float(w.latitude.iloc[0]), float(w.longitude.iloc[0]), WRI_TITLE
    exact = tr is not None and not str(tr.Proximity).startswith(APPROXIMATE)
    if exact and ((lat is None or pd.isna(lat)) or dam in EXTRA_COORDS):
        # the tracker where no other source places the dam, and before the encyclopedia pages
        lat, lon, coord_src = float(tr.Latitude), float(tr.Longitude), TRACKER_TITLE
    if (lat is None or pd.isna(lat)) and dam in EXTRA_COORDS:
        lat, lon, t, u, _q = EXTRA_COORDS[dam]
        coord_src = t
    location_note = ("the tracker gives only a locality (\"actual location unknown\"), not used"
                     if tr is not None and not exact and (lat is None or pd.isna(lat)) else "")
    status = STATUS[dam]
    storage = f[f.attribute == "storage_mcm"].value
    if status == "unknown" and tr is not None:   # the tracker's status where others give none
        status = TRACKER_STATUS[tr["Current Status"]]
        done = "" if pd.isna(tr["Year of Completion"]) or status != "operating" else (
            f", completed {int(tr['Year of Completion'])}")
        detail, s_title, s_url = (f"{tr['Current Status']}{done} (Stimson tracker, late 2020)",
                                  TRACKER_TITLE, TRACKER_URL)
    elif dam in DETAIL:
        detail, s_title, s_url = DETAIL[dam]
    elif r is not None and not str(r.source_title).startswith("NOT FOUND"):
        detail, s_title, s_url = (r.status if not pd.isna(r.status) else "not stated",
                                  r.source_title, r.source_url)
    else:
        detail, s_title, s_url = "no figures found in the stored sources", "", ""
    section = ("Sesan (tributary, Cambodia)" if dam == "Lower Sesan 2"
               else SECTION[r.river_section] if r is not None else "Lancang (China)")
    rows.append(dict(
        dam=dam, iso3=ISO[country], river_section=section, mainstream=dam != "Lower Sesan 2",
        status=status, status_detail=detail,
        capacity_mw=primary,
        capacity_min_mw=cap.min() if len(cap) else None,
        capacity_max_mw=cap.max() if len(cap) else None,
        n_capacity_figures=len(cap),
        storage_min_mcm=storage.min() if len(storage) else None,
        storage_max_mcm=storage.max() if len(storage) else None,
        year_first_power=first, year_full=full,
        latitude=None if lat is None or pd.isna(lat) else round(float(lat), 5),
        longitude=None if lon is None or pd.isna(lon) else round(float(lon), 5),
        coord_source=coord_src, location_note=location_note,
        tracker_project=TRACKER_NAME.get(dam, ""), tracker_status=(
            "" if tr is None else TRACKER_STATUS[tr["Current Status"]]),
        source_title=s_title, source_url=s_url,
    ))
dams = pd.DataFrame(rows)
for c in ("year_first_power", "year_full", "n_capacity_figures"):
    dams[c] = dams[c].astype("Int64")
unmatched = sorted(set(dams.dam) - set(TRACKER_NAME))
print("dams not matched to a tracker project:", ", ".join(unmatched) or "none")
differ = dams[(dams.tracker_status != "") & (dams.tracker_status != dams.status)]
for r in differ.itertuples():
    print(f"status differs: {r.dam}: {r.status} (our sources) vs {r.tracker_status} (tracker)")
print("dams without coordinates:", ", ".join(dams[dams.latitude.isna()].dam) or "none")
write(dams, "mekong_dams.csv")

# --- who sponsors, lends to and builds Cambodia's and Laos's hydropower (Stimson tracker) -----
ROLES = {"sponsor": ("Country list of Sponsor/Developer", "Sponsor/Developer Company"),
         "lender": ("Country list of Lender/Financier", "Lender/Financier Company"),
         "builder": ("Country list of Construction/EPC", "Construction Company/EPC Participant")}
MULTILATERAL = {"ADB", "World Bank Group"}      # the tracker lists them among the countries
NONE = "none recorded"
hydro = tracker[tracker.Country.isin(["Cambodia", "Laos"]) & (tracker.Subtype == "Hydro")]
fin = []
for _, r in hydro.iterrows():
    for role, (country_col, company_col) in ROLES.items():
        parties = ([p.strip() for p in r[country_col].split(";")]
                   if not pd.isna(r[country_col]) else [NONE])
        assert len(parties) == len(set(parties)), (r["Project Name"], role)
        for party in parties:
            fin.append(dict(
                project_id=int(r._id), project=r["Project Name"], iso3=ISO[r.Country],
                status=TRACKER_STATUS[r["Current Status"]], capacity_mw=r["Capacity (MW)"],
                year_completed=r["Year of Completion"], role=role, party=party,
                party_kind=("none" if party == NONE else
                            "multilateral" if party in MULTILATERAL else "country"),
                n_parties=0 if party == NONE else len(parties),
                companies="" if pd.isna(r[company_col]) else str(r[company_col]).strip(),
                tracker_data_source="" if pd.isna(r["Data Source"]) else r["Data Source"]))
finance = pd.DataFrame(fin)
finance["year_completed"] = finance.year_completed.astype("Int64")
# every project has at least one row per role, so capacity totals can be taken per role
assert (finance.groupby(["project_id", "role"]).size() >= 1).all()
assert finance.groupby("project_id").role.nunique().eq(3).all()
finance = finance.sort_values(["iso3", "project", "project_id", "role", "party"])
write(finance, "mekong_dam_finance.csv")

# --- flow and basin ------------------------------------------------------------------------
fr = pd.read_csv(SRC / "flow_contribution_by_reach_mrc.csv")
fr = fr[fr.river_reach != "Total"].rename(columns={
    "order_upstream_to_downstream": "order", "river_reach": "reach"})
write(fr[["order", "reach", "left_bank_pct", "right_bank_pct", "total_pct", "source_title",
          "source_url"]], "mekong_flow_reach.csv")

bs = pd.read_csv(SRC / "basin_area_flow_by_country.csv")
bs = bs[bs.country != "Total"].assign(iso3=lambda d: d.country.map(ISO))
write(bs[["iso3", "catchment_area_km2", "catchment_share_pct", "flow_share_pct"]],
      "mekong_basin_share.csv")

# --- fish ------------------------------------------------------------------------------------
fc = pd.read_csv(SRC / "capture_fisheries_production_wdi.csv")
fc = fc.rename(columns={"capture_fisheries_production_tonnes": "capture_tonnes"})
write(fc[["iso3", "year", "capture_tonnes"]].sort_values(["iso3", "year"]), "mekong_fish_catch.csv")

# --- facts -------------------------------------------------------------------------------------
# One row per fact in the book's facts layout (cfr/facts.py: key, claim, value, value_high, unit,
# value_as_given, as_of, source_title, source_url, quote). From the raw extracts (matched by a
# substring of their claim) plus facts_added.csv (pages found with the search tool, 2026-12-01).
facts = pd.concat([pd.read_csv(SRC / f) for f in ("facts.csv", "facts_supplement.csv",
                                                   "facts_3.csv")])
# key -> (substring of the source claim, value, value_high, unit, as_of (ISO, source precision))
PICK = {
    "basin_area": ("Mekong basin area (World Bank", 795000, None, "km2", ""),
    "length_wb": ("Mekong mainstream length (World Bank", 4909, None, "km", ""),
    "length_alt": ("Mekong basin area (alternative length", 4350, None, "km", ""),
    "discharge_wb": ("Mekong annual discharge", 475, None, "km3 per year", ""),
    "flow_mrc2005": ("Estimated mean annual flow of the Mekong", 460, None, "km3 per year", "2005"),
    "china_flow_share": ("China share of total annual Mekong discharge", 16, None, "percent", ""),
    "china_snowmelt_share": ("MRC statement on China snowmelt contribution", 24, None,
                             "percent of total annual flow (over; as worded)", ""),
    "khm_land_in_basin": ("Share of Cambodia land area inside the Mekong basin", 86, None,
                          "percent of Cambodia's land", ""),
    "lao_land_in_basin": ("Share of Cambodia land area inside the Mekong basin", 90, None,
                          "percent of Laos's land", ""),
    "khm_basin_share_wb": ("Cambodia share of the overall Mekong basin area", 21, None,
                           "percent of basin area", ""),
    "lmb_pop_2005": ("People living within the (lower) Mekong basin", 60, None,
                     "million people", "2005"),
    "lmb_pop_2015": ("People living in the Lower Mekong Basin (WLE", 65, None,
                     "million people (about)", "2015"),
    "basin_pop_wb": ("Population of the Mekong basin (World Bank", 70, None,
                     "million people (more than)", ""),
    "tonle_sap_catch_voa": ("Usual annual Tonle Sap Lake fish catch", 500000, None,
                            "tonnes per year", "2019"),
    "protein_voa": ("Share of Cambodians protein intake from Tonle Sap", 70, None,
                    "percent (more than)", "2019"),
    "protein_cgiar": ("Fish share of protein intake in Cambodia", 81, None, "percent", ""),
    "protein_wonders": ("Share of Cambodia protein consumption from Tonle Sap", 66.7, None,
                        "percent (more than two-thirds)", "2018"),
    "people_at_risk": ("Cambodians whose main protein source", 15, None, "million people", "2019"),
    "lmb_catch_2015": ("Total fish catch in the Lower Mekong Basin (MRC)", 2.3, None,
                       "million tonnes per year (about)", "2015"),
    "lmb_world_share": ("LMB catch as share of world inland", 20, None, "percent", "2015"),
    "fish_gdp_share": ("Fishery sector share of Cambodia GDP", 12, None, "percent (nearly)",
                       "2005"),
    "khm_fw_fish_fao": ("Cambodia freshwater fish production", 300000, 450000, "tonnes per year",
                        ""),
    "low_water_1992": ("July 2019: water levels from Chiang Saen to Neak Luong below those of 1992",
                       None, None, "", "2019-07"),
    "kratie_2019": ("Kratie water level, July 2019", 9.31, None, "m", "2019-07-18"),
    "kratie_below_avg": ("Kratie water level, July 2019", 5.4, None, "m below long-term average",
                         "2019-07-18"),
    "kratie_above_min": ("Kratie water level, July 2019", 0.16, None, "m above lowest on record",
                         "2019-07-18"),
    "jinghong_cut": ("Jinghong dam outflow reduction", 504, 600, "m3/s (from 1,050-1,250)",
                     "2019-07"),
    "tonle_sap_reversal_2020": ("Tonle Sap flow reversal had not yet happened", None, None, "",
                                "2020-07-27"),
    "tonle_sap_2021": ("Tonle Sap Lake level on 31 Aug 2021", 3.86, None, "m", "2021-08-31"),
    "tonle_sap_2021_vs_avg": ("Tonle Sap level end-Aug 2021", 4, None, "m below average",
                              "2021-08"),
    "tonle_sap_2021_vs_2020": ("Tonle Sap level end-Aug 2021", 0.8, None, "m below 2020 low",
                               "2021-08"),
    "held_back_2021": ("Water held back by upstream dams since early July 2021", 12, None,
                       "billion m3 (more than), 45 dams", "2021-09"),
    "stimson_china_dams": ("China: dams operated on the upstream Mekong", 11, None, "dams",
                           "2020-06"),
    "stimson_china_storage": ("China: dams operated on the upstream Mekong", 47, None,
                              "billion m3 (more than)", "2020-06"),
    "stimson_china_mw": ("China: dams operated on the upstream Mekong", 21310, None, "MW",
                         "2020-06"),
    "stimson_lower_slated": ("Lower Mekong mainstream dams slated", 11, None, "dams", "2020-06"),
    "stimson_tuoba": ("Mengsong Dam (China) removed from Stimson map", None, None, "", "2020-06"),
    "lancang_plan_2002": ("Lancang cascade plan announced Jan 2002", 15550, None, "MW",
                          "2002-01-21"),
    "hydrolancang_operating_2009": ("Hydrolancang dams operating on the Lancang in Sept 2009", 3,
                                    None, "dams operating (3 more under construction)",
                                    "2009-09-25"),
    "probe_storage_dams": ("Xiaowan and Nuozhadu are the two storage reservoirs", 2, None,
                           "storage reservoirs of the 8 dams in the 2008 fact box", "2008-08-01"),
    "basin_hpp_2024": ("Hydropower plants in the Mekong basin and combined", 36376.3, None,
                       "MW (167 plants)", "2024-02"),
    "pnpca_submitted": ("Lower Mekong mainstream projects submitted to MRC PNPCA", None, None, "",
                        "2020"),
    "china_data_years": ("Years China had shared flood-season", 18, None, "years", "2020-10-22"),
    "mrc_members": ("MRC member states", 4, None, "countries", "1995-04-05"),
    "sediment_2007": ("Sediment carried to the Mekong Delta per year", 143, None,
                      "million tonnes per year (about 15 years before December 2022)", "2007"),
    "sediment_2040": ("MRC projection: sediment reaching the delta", 5, None,
                      "million tonnes per year (less than; projection made in 2022)", "2040"),
    "funan_km": ("Funan Techo canal length", 180, None, "km", "2024-08-05"),
    "funan_cost": ("Funan Techo canal estimated cost", 1.7, None, "US$ billion", "2024-08-05"),
}
out = []
for key, (needle, value, high, unit, as_of) in PICK.items():
    hit = facts[facts.claim.str.contains(needle, regex=False)]
    assert len(hit) >= 1, key
    h = hit.iloc[0]
    out.append(dict(key=key, claim=h.claim, value=value, value_high=high, unit=unit,
                    value_as_given=str(h.value), as_of=as_of, source_title=h.source_title,
                    source_url=h.source_url, quote=h.quote))
for dam, (lat, _lon, title, url, quote) in EXTRA_COORDS.items():   # latitude: all the book reads
    out.append(dict(key=f"{dam.lower().replace(' ', '_')}_lat",
                    claim=f"{dam} Dam site (latitude; proposed dam, encyclopedia infobox)",
                    value=lat, value_high=None, unit="degrees", value_as_given=quote,
                    as_of="", source_title=title, source_url=url, quote=quote))
added = pd.read_csv(SRC / "facts_added.csv", dtype={"as_of": str})
facts_out = pd.concat([pd.DataFrame(out), added.drop(columns="retrieved")], ignore_index=True)
facts_out.loc[facts_out.key == "length_alt", ["claim", "value_as_given"]] = (
    "Mekong length used in MRC documents before December 2018", "4,350 km")
facts_out.loc[facts_out.key == "lao_land_in_basin", "claim"] = (
    "Share of Laos's land area inside the Mekong basin")
assert facts_out.key.is_unique and facts_out.key.str.fullmatch(r"[a-z0-9_]+").all()
assert facts_out.as_of.fillna("").str.fullmatch(r"(\d{4}(-\d{2}(-\d{2})?)?)?").all()
write(facts_out[FACT_FIELDS], "mekong_facts.csv")

# --- timeline ------------------------------------------------------------------------------
tl = pd.read_csv(SRC / "timeline.csv")
LANE = {"governance": "MRC", "dams_china": "CHN", "dams_lower_mekong": "LAO",
        "dams_cambodia": "KHM", "hydrology_drought": "Low water", "data_sharing": "Data sharing",
        "canal": "KHM"}
EVENT = {  # short descriptions in our own words, keyed by the source date
    "1957": "Mekong Committee set up under the UN, the MRC's forerunner",
    "1995": "Manwan, China's first Lancang mainstream dam, completes its first phase",
    "1995-04-05": "Cambodia, Laos, Thailand and Vietnam sign the Mekong Agreement: MRC founded",
    "1996": "China and Myanmar become MRC dialogue partners, not members",
    "2002-01-21": "China confirms eight Lancang hydropower stations (15,550 MW planned)",
    "2009-09-25": "Xiaowan's first units generate power",
    "2010-08-22": "Xiaowan's last unit enters service (4,200 MW)",
    "2014": "Nuozhadu (5,850 MW), the cascade's largest reservoir, in full service",
    "2015-11-12": "First Lancang-Mekong Cooperation foreign ministers' meeting, Jinghong",
    "2016-03-23": "Sanya leaders' meeting declares the Lancang-Mekong Cooperation established",
    "2018-12": "Lower Sesan 2 (400 MW, Sesan tributary) enters service in Cambodia",
    "2019-07": "Levels from Chiang Saen to Neak Luong fall below 1992; China cuts Jinghong outflow",
    "2019-10": "Xayaburi, first Lower Mekong mainstream dam, starts commercial operation",
    "2020-03": "Cambodia postpones its two mainstream dams (Sambor, Stung Treng) to after 2030",
    "2020-04-13": "US-funded Eyes on Earth study blames Chinese dams for 2019 low flows; China disputes it",
    "2020-07-27": "MRC: the Tonle Sap flow reversal has not yet begun",
    "2020-08-24": "At the LMC leaders' meeting China offers year-round Lancang flow data",
    "2020-10-22": "China and the MRC sign a year-round data-sharing agreement (two stations)",
    "2020-11": "Don Sahong (260 MW) receives its commercial operation certificate",
    "2020-12-14": "Mekong Dam Monitor (Stimson Center, Eyes on Earth) launched",
    "2021-08-31": "Tonle Sap at 3.86 m, about 80 cm below the 2020 low",
    "2024-08-05": "Hun Manet breaks ground on the Funan Techo canal",
}
t_rows = []
for r in tl.itertuples():
    d = str(r.date)
    prec = {4: "year", 7: "month", 10: "day"}[len(d)]
    iso = d + {"year": "-01-01", "month": "-01", "day": ""}[prec]
    lane = LANE[r.theme]
    if r.theme == "governance" and "Lancang-Mekong" in r.event:
        lane = "LMC"
    if r.date == "2020-08-24":
        lane = "LMC"
    t_rows.append(dict(date=iso, date_precision=prec, event=EVENT[d], lane=lane,
                       source_title=r.source_title, source_url=r.source_url))
# Later events found with the search tool (facts_added.csv), in our own words.
ADDED_EVENTS = {
    "funan_crbc_framework_2023": "Cambodia signs a canal investment framework agreement with "
                                 "China Road and Bridge Corporation",
    "funan_china_uncommitted_2024": "Reuters: Beijing has made no definitive commitment to fund "
                                    "the canal",
    "funan_deal_2025_usd": "Cambodia and China sign a US$1.2 bn Funan Techo financing deal",
}
for key, event in ADDED_EVENTS.items():
    r = added.set_index("key").loc[key]
    d = r.as_of
    prec = {4: "year", 7: "month", 10: "day"}[len(d)]
    t_rows.append(dict(date=d + {"year": "-01-01", "month": "-01", "day": ""}[prec],
                       date_precision=prec, event=event, lane="KHM",
                       source_title=r.source_title, source_url=r.source_url))
timeline = pd.DataFrame(t_rows).sort_values("date")
assert not timeline.duplicated(["date", "event"]).any()
write(timeline, "mekong_timeline.csv")
