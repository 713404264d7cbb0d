"""Tables for the donor-dependency chapter (prefix ``donors_``), from sources/donors/.

    cd scripts/curate && ../../.venv/bin/python donors.py

Writes:
- donors_oda.csv            net ODA received (current US$, US$ per person) for KHM, LAO, VNM, MMR,
                         THA, 1985-2023, and (KHM only) net bilateral aid from all DAC donors
- donors_oda_expense.csv    net ODA received as % of central government expense (KHM, LAO, MMR, THA)
- donors_imf_flows.csv      IMF Selected Issues (2004) Table 1: aid flows 1993-2003 (CDC data)
- donors_by_donor.csv       net bilateral ODA to Cambodia from nine DAC donors (WDI dc_dac_*)
- donors_loans_net.csv      net financial flows on official loans to Cambodia: IDA, ADB, bilateral
- donors_china_gcdf.csv     Chinese official finance commitments (AidData GCDF 3.0), constant 2021 US$
- donors_budget_statements.csv  statements of the share of the budget financed by aid, with quotes
- donors_facts.csv          other dated facts the prose uses (pledges, shares, debt), in the book's
                            one facts layout (cfr/facts.py), including sources/donors/facts_added.csv
- donors_timeline.csv       events that moved aid (common timeline schema)

Nothing is estimated. Words such as "about half" are kept as written (``value_text``); the
number plotted for them (``value``) is the plain reading of the words (half = 50) and the
``qualifier`` column keeps "about"/"nearly"/"more than". A few facts come from stored pages
found with the project's search tool; they are in ``PAGES`` with URL, title and quote, and
the facts read on 2026-12-01 are in ``sources/donors/facts_added.csv`` (see ADDED.md there).
"""
import re

import pandas as pd

from common import SOURCES, write

SRC = SOURCES / "donors"
COUNTRIES = ["KHM", "LAO", "VNM", "MMR", "THA"]

# --- ODA in US$ and per person ------------------------------------------------------------
more = pd.read_csv(SRC / "wdi_aid_more.csv")
more = more[more.iso3.isin(COUNTRIES) & (more.year >= 1985)]
usd = more[more.indicator_code == "DT.ODA.ODAT.CD"][["iso3", "year", "value"]]
pc = more[more.indicator_code == "DT.ODA.ODAT.PC.ZS"][["iso3", "year", "value"]]
oda = usd.rename(columns={"value": "oda_usd"}).merge(
    pc.rename(columns={"value": "oda_per_person_usd"}), on=["iso3", "year"], how="left")

donor = pd.read_csv(SRC / "oda_by_donor_wdi.csv")
dac = donor[(donor.donor_code == "DC.DAC.TOTL.CD") & (donor.year >= 1985)]
dac = dac[["year", "value_usd_current"]].rename(columns={"value_usd_current": "dac_bilateral_usd"})
dac["iso3"] = "KHM"
oda = oda.merge(dac, on=["iso3", "year"], how="left")
write(oda.sort_values(["iso3", "year"]), "donors_oda.csv")

# --- ODA as % of central government expense -------------------------------------------------
bg = pd.read_csv(SRC / "wdi_aid_budget_gni.csv")
xp = bg[bg.indicator_code == "DT.ODA.ODAT.XP.ZS"][["iso3", "year", "value"]]
write(xp.rename(columns={"value": "oda_pct_expense"}).sort_values(["iso3", "year"]),
      "donors_oda_expense.csv")

# --- IMF 2004 Table 1 ------------------------------------------------------------------------
imf = pd.read_csv(SRC / "imf_aid_flows_1993_2003.csv")
write(imf[["iso3", "year", "indicator", "value", "unit"]].sort_values(["indicator", "year"]),
      "donors_imf_flows.csv")

# --- donors ----------------------------------------------------------------------------------
CODES = {"JPNL": "JPN", "USAL": "USA", "AUSL": "AUS", "CECL": "EUU", "FRAL": "FRA",
         "DEUL": "DEU", "KORL": "KOR", "GBRL": "GBR", "SWEL": "SWE"}
bd = donor[donor.donor_code != "DC.DAC.TOTL.CD"].copy()
bd["donor_iso3"] = bd.donor_code.str.split(".").str[2].map(CODES)
assert bd.donor_iso3.notna().all()
bd = bd[bd.year >= 1985].rename(columns={"donor_code": "wdi_code",
                                         "value_usd_current": "net_oda_usd"})
write(bd[["year", "donor_iso3", "donor_name", "wdi_code", "net_oda_usd"]]
      .sort_values(["donor_iso3", "year"]), "donors_by_donor.csv")

# --- official loans, net ----------------------------------------------------------------------
ln = pd.read_csv(SRC / "wdi_official_loans_net.csv")
ln = ln[ln.iso3 == "KHM"]
LENDER = {"DT.NFL.MIDA.CD": "World Bank IDA", "DT.NFL.RDBC.CD": "Regional development bank (ADB)",
          "DT.NFL.BLAT.CD": "Bilateral lenders (all)"}
ln = ln.assign(lender=ln.indicator_code.map(LENDER))
write(ln[["iso3", "year", "lender", "indicator_code", "value"]]
      .rename(columns={"indicator_code": "wdi_code", "value": "net_flow_usd"})
      .sort_values(["lender", "year"]), "donors_loans_net.csv")

# --- China (AidData GCDF 3.0) ------------------------------------------------------------------
cn = pd.read_csv(SRC / "china_gcdf_commitments.csv")
assert (cn.amount_constant_2021_usd == cn.adjusted_amount_constant_2021_usd).all()
write(cn[["iso3", "year", "flow_class", "amount_constant_2021_usd"]]
      .rename(columns={"amount_constant_2021_usd": "commitment_usd_2021"})
      .sort_values(["year", "flow_class"]), "donors_china_gcdf.csv")

# --- facts from pages -------------------------------------------------------------------------
facts = pd.read_csv(SRC / "facts.csv")
claims = pd.read_csv(SOURCES / "claims/claims.csv").set_index("id")


def from_facts(i, must):
    r = facts.iloc[i]
    assert must in r.claim, (i, r.claim)
    return r


# Share of the budget financed by aid: (facts row or None, year, measure, value_text,
# qualifier, value, value_high, speaker)
BUDGET = [
    (3, 1997, "share of government expenditure financed by foreign aid (1997 budget)", "40",
     "exact", 40, 40, "World Bank progress report, reported by the Phnom Penh Post"),
    (64, 2002, "share of the annual budget financed by foreign aid", ">50", "more than", 50, 50,
     "The Cambodia Daily"),
    (69, 2004, "share of the government's annual budget from international aid", "about half",
     "about", 50, 50, "VOA News"),
    (70, 2004, "share of the national budget from international aid", "nearly half", "nearly",
     50, 50, "BBC News"),
    (47, 2010, "donor pledges at the 2010 CDCF as a share of planned government spending",
     "nearly half", "nearly", 50, 50, "The Cambodia Daily"),
    (49, 2016, "share of the national budget funded through foreign assistance", "30-40", "range",
     30, 40, "Policy Perspectives"),
]
rows = []
for i, year, measure, text, qual, lo, hi, who in BUDGET:
    r = from_facts(i, "")
    rows.append(dict(year=year, measure=measure, value_text=text, qualifier=qual, value=lo,
                     value_high=hi, speaker=who, source_title=r.source_title,
                     source_url=r.source_url, quote=r.quote))
# Kate Griffiths: the same sentence as her July 2010 guest post on a blog (facts row 81), cited
# from her University of Sydney MSc thesis (2011), read from a document-sharing copy.
assert "nearly half" in facts.iloc[81].quote
rows.append(dict(year=2011, measure="share of the annual budget coming from aid",
                 value_text="nearly half", qualifier="nearly", value=50, value_high=50,
                 speaker="Kate Griffiths (MSc thesis, University of Sydney)",
                 source_title="Cultures of Aid: Chinese Aid to Cambodia (Kate Griffiths, MSc "
                              "thesis, School of Geosciences, University of Sydney, 2011; copy "
                              "on docslib.org)",
                 source_url="https://docslib.org/doc/8474175/cultures-of-aid-chinese-aid-to-"
                            "cambodia-kate-griffiths",
                 quote="Cambodia is also an aid dependent country, with nearly half its annual "
                       "budget coming from aid."))
# The Phnom Penh Post 2018 (claims register C04): the Ministry of Economy and Finance's figures.
c04 = claims.loc["C04"]
for year, val in [(1995, 70), (2017, 21.4)]:
    rows.append(dict(year=year, measure="reliance on external sources of income in the budget",
                     value_text=str(val) if year == 1995 else "around 21.4",
                     qualifier="exact" if year == 1995 else "about", value=val, value_high=val,
                     speaker="Ministry of Economy and Finance, reported by the Phnom Penh Post",
                     source_title=c04.source_title, source_url=c04.source_url,
                     quote=c04.source_quote))
# Human Rights Watch 1997 (stored page found with the search tool).
rows.append(dict(year=1997, measure="share of annual revenue (aid included) that comes from "
                 "foreign aid", value_text="nearly two-thirds", qualifier="nearly",
                 value=66.7, value_high=66.7, speaker="Human Rights Watch",
                 source_title="Cambodia: Aftermath of the Coup (Human Rights Watch report, "
                              "1997), section on the international response",
                 source_url="https://www.hrw.org/reports/1997/cambodia/Cambodia-06.htm",
                 quote="Nearly two-thirds of Cambodia's annual revenue of $782 million comes "
                       "from foreign aid"))
write(pd.DataFrame(rows).sort_values(["year", "measure"]), "donors_budget_statements.csv")

# Other facts: (key, facts row, must-contain, value_num)
FACT_ROWS = [
    ("godfrey_1998", 0, "Total external assistance", 418), ("cdc_1998", 32, "ODA disbursed", 433.3),
    ("pledge_1992_tokyo", 57, "Tokyo", 800), ("pledge_1993_icorc", 56, "ICORC", 119),
    ("pledge_1997_cg", 4, "July 1997", 450), ("pledge_1999_cg", 5, "Feb 1999", 470),
    ("pledge_2002_cg", 65, "2002 CG (old", 635),
    ("pledge_2005_cg", 36, "Pledges for 2005", 504.2), ("pledge_2006_cg", 71, "for 2006", 601),
    ("pledge_2007_cdcf", 78, "June 2007", 689), ("pledge_2009_cg", 41, "for 2009", 951.5),
    ("pledge_2010_cdcf", 47, "2010 CDCF", 1100),
    ("japan_pledge_1999", 6, "Japan pledge", 100), ("japan_pledge_2001", 62, "Japan", 118),
    ("japan_pledge_2007", 80, "Japan", 112), ("japan_pledge_2009", 44, "Japan", 113),
    ("china_pledge_2007", 79, "China", 91), ("china_pledge_2009", 42, "China", 257),
    ("eu_pledge_2009", 43, "European Union", 214), ("eu_pledge_2006", 73, "EU", 164),
    ("us_pledge_2006", 74, "US", 60),
    ("imf_avg_pct_gdp", 7, "average", 12), ("imf_grant_share", 8, "grants", 70),
    ("ta_share_1992_2005", 88, "technical cooperation", 37.7),
    ("cdc_2001_multilateral", 85, "multilateral", 38.7),
    ("cdc_2001_bilateral", 86, "bilateral", 51.1), ("cdc_2001_ngo", 87, "NGOs", 9.2),
    ("china_share_bilateral_2016", 52, "China share", 36),
    ("china_top_donor_since", 53, "China top", 2010),
    ("lowy_china_japan_adb_share", 103, "China, Japan and ADB", 60),
    ("lowy_odf_composition", 104, "Composition", None),
    ("lowy_china_share_2015_2022", 106, "China's share", None),
    ("lowy_china_2021", 108, "2021", 1480), ("lowy_china_2022", 109, "2022", 386),
    ("lowy_odf_pct_gdp_2015", 100, "2015", 7.5), ("lowy_odf_pct_gdp_2020", 101, "2020", 9.6),
    ("lowy_odf_pct_gdp_2023", 102, "2023", 6),
    ("lowy2024_odf_pct_gdp_2021", 96, "2021 (Lowy 2024", 11.3),
    ("lowy2024_odf_pct_gdp_2022", 97, "2022 (Lowy 2024", 7.7),
    ("china_wen_loans_2012", 111, "Wen Jiabao", 500),
    ("debt_2023_total", 115, "2023", 11.24), ("debt_2023_bilateral_share", 116, "bilateral", 64),
    ("debt_2023_cny_share", 117, "CNY", 11), ("debt_2023_service", 118, "Debt service", 519.7),
    ("debt_china_share_rfa", 119, "China", 40),
]
out = []
for key, i, must, num in FACT_ROWS:
    r = from_facts(i, must)
    out.append(dict(key=key, claim=r.claim, value_text=str(r.value), value=num, unit=r.unit,
                    year=str(r.year), source_title=r.source_title, source_url=r.source_url,
                    quote=r.quote))

# Stored pages found with the project's search tool (retrieved 2026-11-28).
PAGES = [
    ("cdc_2010_japan", "Japan's disbursement to Cambodia in 2010 (CDC estimate)", "104.7", 104.7,
     "million US$", "2010", "China's 'No Strings' Aid Increasingly Attractive (The Cambodia Daily, "
     "undated in stored copy; reports August 2011 events)",
     "https://english.cambodiadaily.com/news/chinas-no-strings-aid-increasingly-attractive-102653/",
     "the Center for the Development of Cambodia estimates that the Japanese disbursed $104.7 "
     "million in 2010"),
    ("cdc_2010_china", "China's aid to Cambodia in 2010 (Cambodia Daily, citing the CDC)", "100.2",
     100.2, "million US$", "2010", "China's 'No Strings' Aid Increasingly Attractive (The Cambodia "
     "Daily, undated in stored copy; reports August 2011 events)",
     "https://english.cambodiadaily.com/news/chinas-no-strings-aid-increasingly-attractive-102653/",
     "China, which handed out $100.2 million last year, is now firmly in the number two position."),
    ("cdri_no_strings", "CDRI study (June 2011): Chinese aid not linked to conditions", "", None,
     "qualitative", "2011", "China's 'No Strings' Aid Increasingly Attractive (The Cambodia Daily, "
     "undated in stored copy; reports August 2011 events)",
     "https://english.cambodiadaily.com/news/chinas-no-strings-aid-increasingly-attractive-102653/",
     "it is not linked to any condition or any repayment (\u2018without strings attached\u2019)"),
    ("us_suspend_1997_jul", "US temporarily halts its aid programme after the July 1997 fighting",
     "25", 25, "million US$", "1997", "U.S. Suspends Aid To Cambodia (Chicago Tribune, 10 July 1997)",
     "http://articles.chicagotribune.com/1997-07-10/news/9707110331_1_hun-sen-cambodia-aid",
     "The United States is temporarily halting its $25 million aid program to Cambodia"),
    ("us_suspend_1997_aug", "US aid suspended indefinitely (to or supporting the government)", "60",
     60, "million US$", "1997", "Citing Post-coup Shortcomings, Albright Suspends Cambodia Aid "
     "(Chicago Tribune, 9 August 1997)",
     "http://articles.chicagotribune.com/1997-08-09/news/9708090088_1_ung-huot-coup-leader-hun-sen-security-bloc",
     "The extended cutoff involves about $60 million in aid that Albright concluded either would "
     "have gone to the government or supported it."),
    ("us_humanitarian_1997", "US humanitarian aid continuing after August 1997", "22", 22,
     "million US$", "1997", "Citing Post-coup Shortcomings, Albright Suspends Cambodia Aid "
     "(Chicago Tribune, 9 August 1997)",
     "http://articles.chicagotribune.com/1997-08-09/news/9708090088_1_ung-huot-coup-leader-hun-sen-security-bloc",
     "Some $22 million in U.S. humanitarian assistance will continue."),
    ("japan_1996_disbursed", "Japan's aid to Cambodia in 1996 (largest single donor)", "152", 152,
     "million US$", "1996", "Cambodia: Aftermath of the Coup (Human Rights Watch report, 1997), "
     "section on the international response",
     "https://www.hrw.org/reports/1997/cambodia/Cambodia-06.htm",
     "Japan is Cambodia's largest single donor, having provided $152 million last year"),
    ("wen_pledge_2006", "China pledges aid and loans during Wen Jiabao's visit", "600", 600,
     "million US$", "2006", "China gives Cambodia $600m in aid (BBC News, 8 April 2006)",
     "http://news.bbc.co.uk/2/hi/asia-pacific/4890400.stm",
     "China's Prime Minister Wen Jiabao has promised $600m (344m) in aid and loans to Cambodia"),
    ("cg_benchmarks_2006", "The Consultative Group ties aid to reform benchmarks; China is not a "
     "member", "", None, "qualitative", "2006", "Hun Sen Hails Beijing for Aid Without Strings "
     "(The Cambodia Daily, April 2006)",
     "https://english.cambodiadaily.com/news/hun-sen-hails-beijing-for-aid-without-strings-53594/",
     "The CG, which does not include China, operates on the basis of Cambodia meeting certain "
     "benchmarks"),
    ("wb_freeze_2011", "World Bank lending to Cambodia per year before the 2011 freeze", "up to 70",
     70, "million US$ per year", "2011", "World Bank stops loans to Cambodia (Radio New Zealand, "
     "10 August 2011)", "http://www.radionz.co.nz/news/world/82182/world-bank-stops-loans-to-cambodia",
     "The agency, which provides up to $US70 million in loans for Cambodia each year, said it "
     "would not resume lending"),
    ("wb_resume_2016", "World Bank financing approved for four projects, ending the freeze",
     "130", 130, "million US$", "2016", "World Bank ends suspension of development aid to Cambodia "
     "(AP via Canadian Business, May 2016)",
     "https://archive.canadianbusiness.com/business-news/world-bank-ends-suspension-of-development-aid-to-cambodia/",
     "$130 million in financing had been approved for four projects involving roads, water, "
     "agriculture and health care"),
    ("us_cut_2018", "US aid cut after the February 2018 Senate election", "about 8.3", 8.3,
     "million US$", "2018", "US Cutting Aid to Cambodia for Recent Democratic Setbacks (VOA, "
     "27 February 2018; copy on GlobalSecurity.org)",
     "https://www.globalsecurity.org/military/library/news/2018/02/mil-180227-voa03.htm",
     "the U.S. is cutting about $8.3 million worth of aid to Cambodia because of \"recent "
     "setbacks to democracy\""),
    ("us_25yr_total_2018", "US contribution to Cambodia over the past 25 years (White House)",
     "more than 1", 1, "billion US$", "2018", "Donald Trump slashes U.S. aid to Cambodia "
     "(The Washington Times, 27 February 2018; copy on highergroundtimes.com)",
     "https://highergroundtimes.com/higher-ground/2018/feb/27/donald-trump-slashes-us-aid-cambodia-after-complai",
     "over the past 25 years, the U.S. has contributed more than $1 billion to help Cambodia."),
    ("us_senate_2016_withhold", "US Senate committee bill to withhold planned aid unless "
     "harassment of civil society ends", "77.8", 77.8, "million US$", "2016",
     "Large donation sees China, Cambodia ties increasing (Anadolu Agency, via alaturka.us, "
     "July 2016)", "https://www.alaturka.us/large-donation-sees-china-cambodia-ties-increasing/",
     "the U.S. Senate Appropriations Committee passed a bill that would withhold $77.8 million "
     "in planned aid"),
    ("china_600m_2016", "China announces a donation over three years (3.6 billion yuan)", "600",
     600, "million US$ (approx.)", "2016", "Large donation sees China, Cambodia ties increasing "
     "(Anadolu Agency, via alaturka.us, July 2016)",
     "https://www.alaturka.us/large-donation-sees-china-cambodia-ties-increasing/",
     "China will donate 3.6 billion Yuan (around $600 million) to Cambodia over the course of "
     "the next three years"),
    ("lmic_gni_2015", "Cambodia's GNI per person in 2015 (Atlas method), above the low-income "
     "threshold", "1070", 1070, "US$ per person", "2015", "Cambodia is now a lower-middle income "
     "economy: What does this mean? (World Bank East Asia & Pacific blog, 2016)",
     "http://blogs.worldbank.org/eastasiapacific/comment/reply/3393",
     "Cambodia\u2019s GNI per capita for 2015 was $1,070, according to WBG figures published on "
     "July 1, 2016."),
]
for key, claim, text, num, unit, year, title, url, quote in PAGES:
    out.append(dict(key=key, claim=claim, value_text=text, value=num, unit=unit, year=year,
                    source_title=title, source_url=url, quote=quote))

# One facts layout (cfr/facts.py): value_as_given is the figure in the source's words, as_of the
# year the fact refers to (the last year of a period; the period itself stays in the claim).
FACT_FIELDS = ["key", "claim", "value", "value_high", "unit", "value_as_given", "as_of",
               "source_title", "source_url", "quote"]
facts_out = pd.DataFrame(out)
period = ~facts_out.year.str.fullmatch(r"\d{4}")
facts_out.loc[period, "claim"] += " (" + facts_out.loc[period, "year"] + ")"
facts_out["as_of"] = facts_out.year.map(lambda y: re.findall(r"\d{4}", y)[-1])
facts_out = facts_out.rename(columns={"value_text": "value_as_given"}).assign(value_high=None)
# The 2010 CDCF total is given as "1.1 billion"; value holds it in million US$ like the others.
facts_out.loc[facts_out.key == "pledge_2010_cdcf", ["value_as_given", "unit"]] = [
    "1.1 billion", "million US$"]
added = pd.read_csv(SRC / "facts_added.csv", dtype={"as_of": str})
facts_out = pd.concat([facts_out[FACT_FIELDS], added[FACT_FIELDS]], ignore_index=True)
assert facts_out.key.is_unique and facts_out.key.str.fullmatch(r"[a-z0-9_]+").all()
assert facts_out.as_of.str.fullmatch(r"\d{4}(-\d{2}){0,2}").all()
write(facts_out, "donors_facts.csv")

# --- timeline (common schema) -----------------------------------------------------------------
IPU = ("Cambodia: Constituent Assembly elections held in 1993 (IPU PARLINE archive)",
       "https://data.ipu.org/election-summary/HTML/2051_93.htm")
ND = ("Donor Support \u2013 1993 (Peace Accords Matrix, Kroc Institute, University of Notre Dame)",
      from_facts(56, "ICORC").source_url)
TL = [
    ("1991-10-23", "day", "Paris Agreements signed; they invite the Security Council to set up UNTAC",
     "Settlement", "UNAMIC background (UN Peacekeeping)",
     "https://peacekeeping.un.org/sites/default/files/past/unamicbackgr.html"),
    ("1992-03-15", "day", "UNTAC becomes operational", "Settlement", *IPU),
    ("1992-06-01", "month", "Tokyo conference: donors pledge $800 million for reconstruction",
     "Donor meetings", *ND),
    ("1993-05-23", "day", "UNTAC-run elections open (23-28 May)", "Settlement", *IPU),
    ("1993-09-10", "day", "First ICORC meeting in Paris: $119 million pledged", "Donor meetings", *ND),
    ("1997-07-01", "month", "After the July fighting the US halts its $25 million aid programme", "USA", "U.S. Suspends Aid To Cambodia (Chicago Tribune, 10 July 1997)",
     "http://articles.chicagotribune.com/1997-07-10/news/9707110331_1_hun-sen-cambodia-aid"),
    ("1997-07-01", "month", "Consultative Group meets in Paris: $450 million pledged",
     "Donor meetings", from_facts(4, "July").source_title, from_facts(4, "July").source_url),
    ("1997-08-01", "month", "US suspends about $60 million of aid to or supporting the government "
     "indefinitely; humanitarian aid goes on", "USA",
     "Citing Post-coup Shortcomings, Albright Suspends Cambodia Aid (Chicago Tribune, 9 Aug 1997)",
     "http://articles.chicagotribune.com/1997-08-09/news/9708090088_1_ung-huot-coup-leader-hun-sen-security-bloc"),
    ("1999-02-01", "month", "Consultative Group in Tokyo: $470 million one-year package",
     "Donor meetings", from_facts(5, "Feb").source_title, from_facts(5, "Feb").source_url),
    ("2004-10-13", "day", "Cambodia becomes the WTO's 148th member", "KHM",
     claims.loc["C34"].source_title, claims.loc["C34"].source_url),
    ("2004-12-01", "month", "Consultative Group sets reform benchmarks; $504 million pledged for 2005",
     "Donor meetings", from_facts(36, "2005").source_title, from_facts(36, "2005").source_url),
    ("2006-04-08", "day", "Wen Jiabao pledges $600 million in aid and loans, about as much as the "
     "Consultative Group", "CHN", "China gives Cambodia $600m in aid (BBC News, 8 April 2006)",
     "http://news.bbc.co.uk/2/hi/asia-pacific/4890400.stm"),
    ("2007-06-19", "day", "First Cambodia Development Cooperation Forum (19-20 June), replacing "
     "the Consultative Group co-chaired by the World Bank", "Donor meetings",
     "Cambodia Development Cooperation Forum, 19-20 June 2007: Press Release (Council for the "
     "Development of Cambodia, 20 June 2007)",
     "http://www.cdc-crdb.gov.kh/cdc/first_cdcf/session5/press_conference_eng.htm"),
    ("2008-12-01", "month", "Pledges for 2009 reach $951.5 million; China's $257 million is the "
     "largest", "CHN", "Pledges, promises, faint praise (The Phnom Penh Post, December 2008)",
     "http://mail.phnompenhpost.com/national/pledges-promises-faint-praise"),
    ("2011-08-09", "day", "World Bank stops new lending over the Boeung Kak lake evictions",
     "World Bank", "World Bank stops Cambodia loans due to evictions (AP, 9 Aug 2011, via Townhall)",
     "https://townhall.com/news/business/2011/08/09/world-bank-stops-cambodia-loans-due-to-evictions-n943545"),
    ("2012-09-01", "month", "Wen Jiabao pledges $500 million in infrastructure loans", "CHN",
     from_facts(111, "Wen").source_title, from_facts(111, "Wen").source_url),
    ("2016-05-19", "day", "World Bank approves new financing, ending the five-year freeze",
     "World Bank", "New Country Engagement Plan for Cambodia (World Bank press release, 19 May 2016)",
     "http://worldbank.org/en/news/press-release/2016/05/19/new-country-engagement-plan-for-cambodia-outlines-more-world-bank-group-support-to-help-reduce-poverty"),
    ("2016-07-01", "day", "World Bank reclassifies Cambodia as lower-middle income", "KHM",
     "Cambodia is now a lower-middle income economy: What does this mean? (World Bank blog, 2016)",
     "http://blogs.worldbank.org/eastasiapacific/comment/reply/3393"),
    ("2016-07-01", "month", "China announces 3.6 billion yuan (about $600 million) over three years",
     "CHN", "Large donation sees China, Cambodia ties increasing (Anadolu Agency, July 2016)",
     "https://www.alaturka.us/large-donation-sees-china-cambodia-ties-increasing/"),
    ("2018-02-27", "day", "US suspends or curtails several aid programmes after the Senate election",
     "USA", "US Cutting Aid to Cambodia for Recent Democratic Setbacks (VOA, 27 Feb 2018)",
     "https://www.globalsecurity.org/military/library/news/2018/02/mil-180227-voa03.htm"),
    ("2020-02-12", "day", "EU decides to withdraw part of Cambodia's Everything But Arms trade "
     "preferences over human rights", "EUU",
     "EU set to partially suspend Cambodia trade benefits (Reuters via Financial Post, 12 Feb 2020)",
     "https://business.financialpost.com/pmn/business-pmn/eu-set-to-partially-suspend-cambodia-trade-benefits-eu-diplomats"),
]
tl = pd.DataFrame(TL, columns=["date", "date_precision", "event", "lane", "source_title",
                               "source_url"])
write(tl.sort_values(["date", "event"]), "donors_timeline.csv")
