"""Tables for the Borders chapter (prefix ``borders_``), from sources/borders/.

    cd scripts/curate && ../../.venv/bin/python borders.py

Writes:
- borders_places.csv        flashpoints, capitals and border towns with coordinates as stated
                            by the source (Wikipedia pages/mirrors, Natural Earth 10m places)
- borders_timeline.csv      dated border events, 1904-2026 (the book's common timeline schema)
- borders_lengths.csv       the length of each land border as different sources give it
- borders_demarcation.csv   demarcation progress: share demarcated, km, markers, by neighbour
- borders_conflict_toll.csv killed / wounded / displaced in the Thai-Cambodian clashes,
                            one row per reported figure (press tallies stay side by side); the
                            2025 fighting is two rounds: July (24-28 Jul) and December (7-27 Dec)
- borders_facts.csv         other dated facts the prose uses (ICJ vote, OCA area, ...), in the
                            book's one facts layout (see cfr/facts.py)

Nothing is estimated. Facts found with the project's search tool (stored copies) are in
``sources/borders/facts_added.csv`` (described in ``sources/borders/ADDED.md``), each with URL and
verbatim quote; a few older ones are recorded in the constants below.
"""
import re

import pandas as pd

from common import SOURCES, iso_date, write

SRC = SOURCES / "borders"
CLAIMS = SOURCES / "claims" / "claims.csv"

# --- pages found with the search tool (stored copies, 2026-11-28) ----------------------------
VNP_2023 = ("VietnamPlus (VNA), 14 Feb 2023: Laos, Cambodia foster bilateral cooperation",
            "https://en.vietnamplus.vn/laos-cambodia-foster-bilateral-cooperation/248307.vnp")
VNP_2023_Q = ("The two sides signed two documents, including a treaty on the two countries' "
              "shared border where demarcation is now 86% complete")
VNP_2023B = ("VietnamPlus (VNA), 13 Feb 2023: Cambodia, Laos step up cooperation",
             "https://en.vietnamplus.vn/cambodia-laos-step-up-cooperation/248255.vnp")
VNP_2023B_Q = "Cambodia shares about 540 km of border with Laos to the north and northeast."
RFA_2017 = ("Radio Free Asia, 1 Sep 2017: Leaders of Cambodia, Laos Vow to Settle Border Dispute",
            "https://rfa.org/english/news/cambodia/laos-border-09012017153221.html")
RFA_2017_Q = ("On Aug. 12, following the two leaders' first meeting, in the Lao capital Vientiane, "
              "Laos agreed to withdraw the dozens of troops remaining")

# --- places ------------------------------------------------------------------------------------
ISO = {"Cambodia": "KHM", "Thailand": "THA", "Laos": "LAO", "Vietnam": "VNM"}
ne = pd.read_csv(SRC / "places_natural_earth.csv")
rows = []
for r in ne.itertuples():
    if "temple" in r.kind:
        category = "disputed-border temple" if "disputed" in r.country else "border temple"
    elif "island" in r.kind:
        category = "island"
    elif r.kind == "capital":
        category = "national capital"
    else:
        category = "town"
    rows.append(dict(name=r.name, category=category, iso3=ISO.get(r.country, ""),
                     latitude=r.latitude, longitude=r.longitude, description=r.kind,
                     source_title=r.source_title, source_url=r.source_url,
                     note="" if pd.isna(r.note) else r.note))
p2 = pd.read_csv(SRC / "places.csv").set_index("name")
poi = p2.loc["Poipet"]
rows.append(dict(name="Poipet", category="town", iso3="KHM", latitude=poi.latitude,
                 longitude=poi.longitude, description=poi.kind, source_title=poi.source_title,
                 source_url=poi.source_url, note="coordinates as stated on the page"))
places = pd.DataFrame(rows)
# Ho Chi Minh City etc. keep the Natural Earth name; drop the two far-away capitals only from
# the map view in the notebook, not from the table.
write(places.sort_values(["category", "name"]), "borders_places.csv")

# --- timeline ----------------------------------------------------------------------------------
tl = pd.read_csv(SRC / "timeline_themed.csv")
LANE = {"preah_vihear": "Preah Vihear", "thailand_land_border": "Thailand: land border",
        "thailand_2025_conflict": "Thailand: 2025 conflict", "thailand_maritime": "Thailand: sea",
        "vietnam_land_border": "Vietnam: land border", "vietnam_maritime": "Vietnam: sea"}


def parse_date(text: str):
    """'1904' -> (1904-01-01, year); '2008-10' -> month; '2011-02-04/2011-02-07' -> start day;
    '1986-1988' -> (1986-01-01, year); '2025-12 (early)' -> month."""
    text = str(text).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return m.group(0), "day"
    m = re.match(r"^(\d{4})-(\d{2})(?!\d)", text)
    if m and int(m.group(2)) <= 12:
        return f"{m.group(1)}-{m.group(2)}-01", "month"
    m = re.match(r"^(\d{4})", text)
    return f"{m.group(1)}-01-01", "year"


# Rewordings in our own words; the source rows stay the authority for each event.
EVENT = {
    "1904-02-13": "Franco-Siamese treaty: the Dangrek frontier is to follow the watershed line",
    "1904; 1907": "1907 Franco-Siamese treaty; French officers' map of the Dangrek (Annex I, "
                  "issued in 1908) later backs Cambodia's claim; Thailand argues it departs "
                  "from the treaty's watershed line",
    "1939-01-31": "Governor-General Brévié's letter draws a line for the Gulf islands: those "
                  "north of it to be administered by Cambodia, those south by Cochinchina",
    "1962-06-15": "ICJ judgment: the Temple of Preah Vihear lies in territory under Cambodian "
                  "sovereignty (9 votes to 3)",
    "1982-07-07": "Vietnam and the PRK sign the Agreement on Historical Waters; the Brevie Line "
                  "divides the islands",
    "1983-07-20": "Vietnam-Cambodia treaty on the principles for settling border issues",
    "1985-12-27": "Vietnam-Cambodia Treaty on the Delimitation of National Boundaries",
    "1986-1988": "About 200 km of the Vietnam border demarcated and 72 markers built (1986-1988); "
                 "work halted in 1989",
    "2001-06": "Thailand and Cambodia sign the MoU on their overlapping maritime claims (MOU-44)",
    "2005-10-10": "Supplementary Treaty to the 1985 boundary treaty signed in Hanoi by the two "
                  "prime ministers",
    "2005-12-06": "Ratifications of the 2005 Supplementary Treaty exchanged in Phnom Penh",
    "2008-05-22": "Joint communique: Thailand backs Cambodia's World Heritage bid (later "
                  "withdrawn after Thai protests and a court ruling)",
    "2008-07-07": "UNESCO World Heritage Committee lists the Temple of Preah Vihear as a World "
                  "Heritage Site",
    "2008-07-15": "Thai troops enter the area near the temple, by the Cambodian government's "
                  "account (Thailand denies it); the standoff begins",
    "2008-10": "Regular clashes between Cambodian and Thai troops around Preah Vihear",
    "2009-04-03": "Two clashes at Preah Vihear; Cambodia's government says four Thai soldiers "
                  "were killed",
    "2011-02-04/2011-02-07": "Artillery exchanges near Preah Vihear (4-7 Feb): at least 10 "
                             "killed and 89 injured",
    "2011-02-14": "UN Security Council meets on the border with both foreign ministers and ASEAN "
                  "chair Indonesia; backs ASEAN mediation",
    "2011-02-22": "ASEAN ministers agree to send up to 40 Indonesian observers to the border",
    "2011-04-22": "Fighting around the Ta Moan and Ta Krabey temples: about 18 killed, 85,000 "
                  "displaced",
    "2011-04-23": "Vietnam-Cambodia MoU on adjusting the land border in the remaining areas",
    "2011-04-28": "Cambodia asks the ICJ to interpret its 1962 judgment",
    "2011-07-18": "ICJ orders provisional measures, including a provisional demilitarised zone",
    "2011-12-21": "General Border Committee: both sides agree to withdraw their troops from "
                  "the ICJ's provisional demilitarised zone, under Indonesian observers",
    "2012-08-09": "Hun Sen tells the National Assembly the sea boundary with Vietnam is not yet "
                  "determined (Cambodia Herald via a blog)",
    "2013-11-11": "ICJ, unanimously: the 1962 judgment gave Cambodia the whole promontory of "
                  "Preah Vihear; Thai forces must withdraw",
    "2019-10-05": "2019 Supplementary Treaty and demarcation protocol signed in Hanoi; 84% of "
                  "the land border demarcated",
    "2020-08-01": "Vietnam and Cambodia exchange 1:25,000 border maps at the Moc Bai crossing",
    "2024-11": "Thailand says talks on the Overlapping Claims Area will resume under the 2001 MoU",
    "2025-06-15": "Cambodia sends the ICJ a request on four disputed areas (delivered 16 June); "
                  "Thailand rejects ICJ jurisdiction",
    "2025-07-23": "Thailand recalls its ambassador and expels Cambodia's after landmine injuries "
                  "to Thai soldiers",
    "2025-07-24": "Heavy fighting along the border (artillery, air strikes, rockets): five days "
                  "of clashes",
    "2025-07-28": "Immediate and unconditional ceasefire agreed in Putrajaya, hosted by ASEAN "
                  "chair Malaysia",
    "2025-10-26": "Kuala Lumpur joint declaration signed by Hun Manet and Anutin, witnessed by "
                  "Anwar Ibrahim and Donald Trump",
    "2025-11-10": "Thailand suspends the Kuala Lumpur declaration after a landmine injures Thai "
                  "soldiers",
}
ADDED = pd.read_csv(SRC / "facts_added.csv", dtype={"as_of": str}).set_index("key")
# Stronger sources for events first told by blogs, Wikipedia or a page quoting it (issue 20;
# search tool, 2026-12-01): title, URL and the quote that carries the event, in
# timeline_sources_added.csv (see ADDED.md); the event text above says what they say.
TL_SOURCES = pd.read_csv(SRC / "timeline_sources_added.csv").set_index("date")
events = []
for r in tl.itertuples():
    if r.date in ("1904", "2025-05", "2025-12 (early)", "2008-06-22"):
        # '2025-12 (early)' is replaced by the dated December 2025 events (facts_added.csv).
        # '1904' duplicates the dated 1904-02-13 row; '2025-05' is the 28 May clash (below).
        # '2008-06-22' was only English Wikipedia's infobox start date of the 2008-2011 crisis
        # (no event of that day in any source found); the crisis starts with the July rows.
        continue
    if r.date == "2025-05-28":
        continue  # replaced below by the Xinhua row (the location is disputed between reports)
    date, prec = parse_date(r.date)
    if r.date == "1904; 1907":
        date, prec = "1907-01-01", "year"
    title, url = r.source_title, r.source_url
    if r.date in TL_SOURCES.index:
        title, url = TL_SOURCES.loc[r.date, ["source_title", "source_url"]]
    if r.date == "2025-07-28":
        # the venue (Putrajaya) is quoted in the fact row, which the timeline shares
        title, url = ADDED.loc["ceasefire_2025_jul", ["source_title", "source_url"]]
    events.append(dict(date=date, date_precision=prec, event=EVENT[r.date], lane=LANE[r.theme],
                       source_title=title, source_url=url))

# December 2025 round and after (search tool, facts_added.csv)
for key, lane, text in [
    ("event_2025_12_07", "Thailand: 2025 conflict",
     "A skirmish wounds two Thai soldiers; fighting resumes along the border (December round)"),
    ("event_2025_12_08", "Thailand: 2025 conflict",
     "Thailand launches air strikes on Cambodian military targets along the border"),
    ("ceasefire_2025_dec", "Thailand: 2025 conflict",
     "Ceasefire from noon 27 Dec, signed by the two defence ministers at a Special General Border "
     "Committee meeting"),
    ("event_2025_12_29", "Thailand: land border",
     "Cambodia asks Thailand for an urgent special Joint Boundary Commission meeting"),
    ("pows_released_2025_dec", "Thailand: 2025 conflict",
     "Thailand releases 18 Cambodian prisoners of war held since July"),
    ("event_2026_hun_manet_jbc", "Thailand: land border",
     "Hun Manet tells Reuters Thai forces occupy Cambodian land and asks for the Joint Boundary "
     "Commission; Thailand denies it (undated 2026 report)"),
]:
    a = ADDED.loc[key]
    date, prec = iso_date(a.as_of)
    events.append(dict(date=date, date_precision=prec, event=text, lane=lane,
                       source_title=a.source_title, source_url=a.source_url))

f3 = pd.read_csv(SRC / "facts_3.csv")
x = f3[f3.claim.str.startswith("Clash at the Emerald Triangle")].iloc[0]
events.append(dict(date="2025-05-28", date_precision="day",
                   event="Exchange of fire kills one Cambodian soldier (Xinhua, Bangkok Post: at "
                         "the Emerald Triangle / Mom Bei; other reports: Ta Moan Thom)",
                   lane="Thailand: 2025 conflict", source_title=x.source_title,
                   source_url=x.source_url))

# Laos: the two dated events found (search tool), and the Thaksin row from the claims register.
events.append(dict(date="2017-08-12", date_precision="day",
                   event="After talks in Vientiane, Laos agrees to withdraw troops from the "
                         "disputed Stung Treng border area",
                   lane="Laos: land border", source_title=RFA_2017[0], source_url=RFA_2017[1]))
events.append(dict(date="2023-02-13", date_precision="day",
                   event="Cambodia and Laos sign their first boundary treaty, covering the 86% "
                         "of the border already demarcated",
                   lane="Laos: land border", source_title=VNP_2023[0], source_url=VNP_2023[1]))
cl = pd.read_csv(CLAIMS).set_index("id")
c67 = cl.loc["C67"]
events.append(dict(date="2009-11-05", date_precision="day",
                   event="Thailand and Cambodia recall their ambassadors over Thaksin's "
                         "appointment as Hun Sen's adviser",
                   lane="Thailand: diplomacy", source_title=c67.source_title,
                   source_url=c67.source_url))

timeline = pd.DataFrame(events).sort_values(["date", "event"])
assert not timeline.duplicated(["date", "event"]).any()
write(timeline, "borders_timeline.csv")

# --- border lengths by source -------------------------------------------------------------------
f1 = pd.read_csv(SRC / "facts.csv")
f2 = pd.read_csv(SRC / "facts_2.csv")


def row(df, start):
    hit = df[df.claim.str.startswith(start)]
    assert len(hit) == 1, (start, len(hit))
    return hit.iloc[0]


lengths = []


def length(iso3, km, label, as_of, r, quote=None):
    lengths.append(dict(iso3=iso3, length_km=km, source_label=label, as_of=as_of,
                        source_title=r[0] if isinstance(r, tuple) else r.source_title,
                        source_url=r[1] if isinstance(r, tuple) else r.source_url,
                        quote=quote or r.quote))


for iso3, claim in [("THA", "Border with Thailand"), ("LAO", "Border with Laos"),
                    ("VNM", "Border with Vietnam")]:
    r = row(f1, claim)
    length(iso3, int(r.value), "CIA Factbook 2023-24", "2023", r)
# The older Factbook edition's figures (Laos 541, Thailand 803, Vietnam 1,228 km) were read
# only from an undated repost (khpost.com); no Factbook edition or other stronger copy of them
# was found (issue 20, 2026-12-01), so they are left out; the current edition's figures stay.
length("VNM", 1245, "Vietnamese govt, Oct 2019", "2019-10-05",
       row(f1, "Cambodia-Vietnam land border length (Vietnamese official figure)"))
length("VNM", 1137, "1985 treaty maps (Vietnamese)", "1985",
       row(f1, "Cambodia-Vietnam borderline length on maps attached to 1985 treaty"))
length("THA", 817, "Reuters, Jul 2025", "2025-07-24",
       row(f2, "Thailand-Cambodia land border length as cited by Reuters"))
length("LAO", 535, "Cambodia Daily (undated)", "n.d.",
       row(f2, "Cambodia-Laos border length at start of marking ceremony"))
length("LAO", 540, "Cambodian official, Feb 2023", "2023-02-13", VNP_2023B, VNP_2023B_Q)
write(pd.DataFrame(lengths).sort_values(["iso3", "length_km"]), "borders_lengths.csv")

# --- demarcation ------------------------------------------------------------------------------
dem = []


def demarc(iso3, measure, value, as_of, as_of_note, r, quote=None):
    dem.append(dict(iso3=iso3, measure=measure, value=value, as_of=as_of, as_of_note=as_of_note,
                    source_title=r[0] if isinstance(r, tuple) else r.source_title,
                    source_url=r[1] if isinstance(r, tuple) else r.source_url,
                    quote=quote or r.quote))


vn19 = row(f1, "Cambodia-Vietnam land border demarcated (km)")
demarc("VNM", "km demarcated", 1045, "2019-10-05", "", vn19)
demarc("VNM", "share demarcated (%)", 84, "2019-10-05", "",
       row(f1, "Cambodia-Vietnam land border demarcated (share)"))
demarc("VNM", "markers planted", 2037, "2019-10-05", "",
       row(f1, "Cambodia-Vietnam border markers built by Oct 2019"))
demarc("VNM", "markers planted", 2047, "2022-03-04",
       "review of 1999-2019 work; differs from the 2,037 given in Oct 2019",
       row(f1, "Cambodia-Vietnam border markers planted 1999-2019"))
early = row(f1, "Cambodia-Vietnam border demarcation 1986-1988")
demarc("VNM", "km demarcated", 200, "1986-1988", "about 200 km", early)
demarc("VNM", "markers planted", 72, "1986-1988", "", early)
demarc("VNM", "share still to demarcate (%)", 16, "2022-05-26", "",
       row(f1, "Cambodia-Vietnam border still to be demarcated (2022)"))
bern = row(f2, "Cambodia achieved border demarcation with Vietnam 80%")
demarc("VNM", "share demarcated (%)", 80, "", "dated 'July 17', year not shown in stored page",
       bern)
demarc("LAO", "share demarcated (%)", 75, "", "dated 'July 17', year not shown in stored page",
       bern)
ppp = row(f2, "Cambodia-Laos border demarcation 86% complete")
demarc("LAO", "markers planted", 121, "", "undated; Thongloun Sisoulith was Lao PM 2016-2021",
       ppp, "there have been only 121 markers for hundreds of kilometres of the border")
demarc("LAO", "share demarcated (%)", 86, "2023-02-13", "at the signing of the boundary treaty",
       VNP_2023, VNP_2023_Q)
write(pd.DataFrame(dem), "borders_demarcation.csv")

# --- conflict toll ------------------------------------------------------------------------------
toll = []


def t(episode, measure, side, group, value, qualifier, reported, precision, r, quote=None,
      note=""):
    toll.append(dict(episode=episode, measure=measure, side=side, group=group, value=value,
                     qualifier=qualifier, reported=reported, date_precision=precision,
                     source_title=r.source_title, source_url=r.source_url,
                     quote=quote or r.quote, note=note))


def t_added(key, episode, measure, side, group, qualifier, note=""):
    """A toll row from facts_added.csv: value and report date as the stored page gives them."""
    a = ADDED.loc[key]
    date, prec = iso_date(a.as_of)
    t(episode, measure, side, group, int(a.value), qualifier, date, prec, a, note=note)


E08, EF, EA = "2008-2011 crisis (whole)", "Feb 2011 (Preah Vihear)", "Apr 2011 (Ta Moan, Ta Krabey)"
E25M = "May 2025 (Emerald Triangle)"
# Issue 20: the whole-crisis rows above come from English Wikipedia's infobox only; two other
# counts are kept beside them, never added to them: the Cambodian government's count of its
# own dead to June 2011 (Xinhua, on a blog copy) and Crisis Group's estimate for 2011.
E08K, E11 = "2008-2011 crisis (to 21 Jun 2011)", "2011 fighting (Feb, Apr-May)"
# The 2025 fighting came in two rounds, each with its own tolls (never added together here).
E25J, E25D = "Jul 2025 round (24-28 Jul)", "Dec 2025 round (7-27 Dec)"
kh = row(f2, "2008–2011 crisis casualties, Cambodian side")
th = row(f2, "2008–2011 crisis casualties, Thai side")
t(E08, "killed", "KHM", "soldiers", 19, "exact", "2011-12-21", "day", kh)
t(E08, "killed", "KHM", "civilians", 3, "exact", "2011-12-21", "day", kh)
t(E08, "killed", "THA", "soldiers", 16, "exact", "2011-12-21", "day", th)
t(E08, "killed", "THA", "civilians", 2, "exact", "2011-12-21", "day", th)
t_added("toll_2008_2011_khm_killed_hunsen", E08K, "killed", "KHM", "all", "exact",
        note="Cambodian government count of its own dead (Prime Minister Hun Sen)")
t_added("toll_2011_killed_icg", E11, "killed", "", "all", "about",
        note="International Crisis Group estimate for the February and April 2011 fighting")
ws = row(f1, "February 2011 Preah Vihear clashes")
t(EF, "killed", "THA", "all", 3, "at least", "2011-02-01", "month", ws)
t(EF, "killed", "KHM", "all", 7, "at least", "2011-02-01", "month", ws)
t(EF, "wounded", "", "all", 89, "at least", "2011-02-01", "month", ws)
ii = row(f2, "Feb 2011 clashes: killed, wounded, displaced")
t(EF, "displaced", "", "all", 35000, "about", "2011-02-01", "month", ii)
rs = row(f2, "April 2011 clashes near Ta Moan")
t(EA, "killed", "", "all", 18, "about", "2011-05-01", "month", rs)
t(EA, "displaced", "", "all", 85000, "exact", "2011-05-01", "month", rs)
mb = row(f3, "Clash at the Emerald Triangle")
t(E25M, "killed", "KHM", "soldiers", 1, "exact", "2025-06-14", "day", mb)

# July 2025 round: running tallies of both sides, and each side's own figures
cn = row(f1, "2025 Thailand-Cambodia clashes: deaths by 27 July 2025")
t(E25J, "killed", "", "all", 33, "at least", "2025-07-27", "day", cn)
cd = row(f1, "2025 Thailand-Cambodia clashes: displaced people (reported)")
t(E25J, "displaced", "", "all", 200000, "over", "2025-07-28", "day", cd,
  "Over 200,000 people have been displaced")
t(E25J, "displaced", "THA", "all", 138000, "over", "2025-07-28", "day", cd)
t(E25J, "displaced", "KHM", "all", 50000, "about", "2025-07-28", "day", cd)
SIDE_FIGURES = "each government's count of its own side"
for key, measure, side, group, q in [
        ("toll_2025jul_khm_civilians_wounded", "wounded", "KHM", "civilians", "at least"),
        ("toll_2025jul_khm_soldiers_wounded", "wounded", "KHM", "soldiers", "over"),
        ("toll_2025jul_tha_soldiers_wounded", "wounded", "THA", "soldiers", "exact"),
        ("toll_2025jul_tha_civilians_wounded", "wounded", "THA", "civilians", "exact")]:
    t_added(key, E25J, measure, side, group, q,
            note="early count, two days before the ceasefire; " + SIDE_FIGURES)
t_added("toll_2025jul_all_displaced_hunmanet", E25J, "displaced", "", "all", "exact",
        note="figure given by Cambodia's prime minister")
t_added("toll_2025jul_khm_displaced_hunmanet", E25J, "displaced", "KHM", "all", "exact",
        note="figure given by Cambodia's prime minister")
t_added("toll_2025jul_all_killed_0729", E25J, "killed", "", "all", "at least")
t_added("toll_2025jul_all_displaced_0729", E25J, "displaced", "", "all", "nearly")
for key, side, group in [("toll_2025jul_tha_soldiers_killed", "THA", "soldiers"),
                         ("toll_2025jul_tha_civilians_killed", "THA", "civilians"),
                         ("toll_2025jul_khm_soldiers_killed", "KHM", "soldiers"),
                         ("toll_2025jul_khm_civilians_killed", "KHM", "civilians")]:
    t_added(key, E25J, "killed", side, group, "exact", note=SIDE_FIGURES)
ir = row(f2, "July 2025 five-day clashes: at least 43 deaths")
t(E25J, "killed", "", "all", 43, "at least", "2025-08-07", "day", ir)
pn = row(f1, "2025 clashes: deaths (later tally)")
t(E25J, "killed", "", "all", 40, "over", "2025-08-01", "month", pn)
pd_ = row(f1, "2025 clashes: total displaced on both sides")
t(E25J, "displaced", "", "all", 300000, "about", "2025-08-01", "month", pd_)
vn = row(f3, "2025 clashes toll as reported at the KL signing")
t(E25J, "killed", "", "all", 43, "at least", "2025-10-26", "day", vn)
t(E25J, "displaced", "", "all", 300000, "over", "2025-10-26", "day", vn)
gr = row(f2, "Renewed fighting (Dec 2025)")
RETRO = "tally of the July round given in a December 2025 report"
t(E25J, "killed", "", "all", 48, "at least", "2025-12-01", "month", gr, note=RETRO)
t(E25J, "displaced", "", "all", 300000, "exact", "2025-12-01", "month", gr, note=RETRO)

# December 2025 round: each government's count of its own side, and press totals
OWN = "own-side count by the government named in the source title"
for key, measure, side, group, q, note in [
        ("toll_2025dec_tha_evacuated_mod_1210", "displaced", "THA", "all", "over",
         "people evacuated to temporary shelters"),
        ("toll_2025dec_khm_civilians_killed_moi", "killed", "KHM", "civilians", "exact",
         OWN + "; Cambodia published no military toll"),
        ("toll_2025dec_khm_civilians_wounded_moi", "wounded", "KHM", "civilians", "exact", OWN),
        ("toll_2025dec_khm_displaced_moi", "displaced", "KHM", "all", "exact", OWN),
        ("toll_2025dec_tha_soldiers_killed_mod", "killed", "THA", "soldiers", "exact", OWN),
        ("toll_2025dec_tha_civilians_killed_mod", "killed", "THA", "civilians", "exact",
         OWN + "; killed directly by attacks"),
        ("toll_2025dec_tha_indirect_deaths_mod", "died of indirect effects", "THA", "civilians",
         "exact", OWN + "; deaths the ministry links indirectly to the fighting"),
        ("toll_2025dec_tha_civilians_wounded_mod", "wounded", "THA", "civilians", "exact", OWN),
        ("toll_2025dec_tha_sheltered_mod", "displaced", "THA", "all", "exact",
         "people still in temporary shelters on 24 Dec"),
        ("toll_2025dec_all_killed_trt", "killed", "", "all", "exact",
         "sum including Thailand's 41 indirect deaths and 31 Cambodian civilians"),
        ("toll_2025dec_khm_civilians_killed_trt", "killed", "KHM", "civilians", "exact",
         "Cambodian Interior Ministry as cited; the ministry's own 24 Dec update gives 21"),
        ("toll_2025dec_all_killed_afp", "killed", "", "all", "at least", "sum of official tallies"),
        ("toll_2025dec_all_displaced_afp", "displaced", "", "all", "over",
         "sum of official tallies"),
        ("toll_2025dec_khm_displaced_peak_ncdm", "displaced", "KHM", "all", "nearly",
         "Cambodian NCDM figure for the height of the crisis on 27 Dec, reported 19 Jan 2026")]:
    t_added(key, E25D, measure, side, group, q, note=note)
eu = row(f2, "Dec 2025: Cambodian government says over 300,000")
t(E25D, "displaced", "KHM", "all", 300000, "over", "2025-12-15", "day", eu)
toll_df = pd.DataFrame(toll).sort_values(["episode", "reported", "measure", "side"],
                                         kind="stable")
toll_df.insert(0, "row_id", range(1, len(toll_df) + 1))
write(toll_df, "borders_conflict_toll.csv")

# --- other facts (the book's one facts layout, see cfr/facts.py) --------------------------------
facts = []


def fact(key, claim, value, unit, given, as_of, r, quote=None):
    facts.append(dict(key=key, claim=claim, value=value, value_high=None, unit=unit,
                      value_as_given=given, as_of=as_of, source_title=r.source_title,
                      source_url=r.source_url, quote=quote or r.quote))


def fact_added(key):
    a = ADDED.loc[key]
    facts.append(dict(key=key, claim=a.claim, value=a.value, value_high=a.value_high,
                      unit=a.unit, value_as_given=a.value_as_given, as_of=a.as_of,
                      source_title=a.source_title, source_url=a.source_url, quote=a.quote))


vote = row(f1, "ICJ 1962 vote in Temple of Preah Vihear case")
fact("icj1962_votes_for", "ICJ 1962 Preah Vihear judgment: judges in the majority", 9, "judges",
     "9-3", "1962-06-15", vote)
fact("icj1962_votes_against", "ICJ 1962 Preah Vihear judgment: judges against", 3, "judges",
     "9-3", "1962-06-15", vote)
for key in ["pv_disputed_area_km2", "icj2013_phnom_trap", "icj2013_no_delimitation"]:
    fact_added(key)
fact("asean_observers_2011", "ASEAN observers agreed for the Thai-Cambodian border (up to)", 40,
     "observers", "up to 40 military and civilian observers", "2011-02-22", row(f1, "ASEAN observer mission agreed Feb 2011"))
fact("oca_km2", "Thailand-Cambodia maritime Overlapping Claims Area (about)", 26000, "km2",
     "about 26,000 square kilometres", "2024-11-10",
     row(f1, "Thailand-Cambodia maritime Overlapping Claims Area (OCA)"))
fact("oca_claim_year", "Year of Cambodia's first claim in the Gulf of Thailand", 1972, "year",
     "1972", "2024-11-10", row(f1, "Year of Cambodia s initial maritime claim"))
fact("k5_belt_km", "Length of the K5 landmine belt along the northwest Thai border", 1000, "km",
     "1,000 km", "2023", row(f1, "Landmine belt along northwest Thai-Cambodian border"))
fact("kl_pows", "Cambodian prisoners of war to be released under the Kuala Lumpur declaration",
     18, "soldiers", "18", "2025-10-26", row(f3, "Cambodian prisoners of war to be released"))
for key in ["ceasefire_2025_jul", "ceasefire_2025_dec", "pows_released_2025_dec"]:
    fact_added(key)
vg = row(f1, "Cambodia-Vietnam border: provinces and border-gate pairs")
fact("vnm_gate_pairs", "Pairs of border gates on the Cambodia-Vietnam border", 41, "pairs", "41",
     "2019-10-05", vg)
hk = row(f1, "Cambodia-Vietnam landmarks by Sept 2019")
for key, label, v in [("vnm_main_landmarks", "main landmarks", 315),
                      ("vnm_sub_landmarks", "sub-landmarks", 1511), ("vnm_pillars", "pillars", 221)]:
    fact(key, f"Cambodia-Vietnam border {label} set up by Sept 2019", v, "markers", f"{v:,}",
         "2019-09", hk)
pos = row(f1, "Cambodia-Vietnam border markers planted 1999-2019")
fact("vnm_marker_positions", "Positions of the Cambodia-Vietnam border markers planted 1999-2019",
     1553, "positions", "1,553", "2022-03-04", pos)
# (The Ocean Yearbook's undated Gulf of Thailand coastlines are not used by the chapter.)
facts_df = pd.DataFrame(facts)
assert facts_df.key.is_unique and facts_df.key.str.fullmatch(r"[a-z0-9_]+").all()
write(facts_df, "borders_facts.csv")
