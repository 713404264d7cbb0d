"""Tables for the chapter "Great-power balancing" (chapters/powers.md), prefix ``powers_``.

Reads sources/powers/ (see the README there for origins and caveats, and ADDED.md for the
facts added in December 2026 in facts_added.csv) and, for a few Thailand, Japan, ASEAN and UN
events, rows of sources/borders/timeline.csv (told as the borders chapter tells them, with the
sources of sources/borders/timeline_sources_added.csv and facts_added.csv),
sources/donors/facts.csv and sources/un/timeline.csv, plus the seed article's ranking of defence partners
(sources/seed/000_97a2cdd9aa9513cd.txt). Nothing is estimated: every value is copied or
computed from those files.

    cd scripts/curate && ../../.venv/bin/python powers.py
"""
import re

import pandas as pd

from common import iso_date, SOURCES, write

P = SOURCES / "powers"

# --- 1. UNGA agreement, year by year -------------------------------------------------------
PARTNERS = {"China": "CHN", "United States": "USA", "Vietnam": "VNM", "Thailand": "THA",
            "Laos": "LAO", "Japan": "JPN", "Russia (incl. USSR)": "RUS", "France": "FRA",
            "India": "IND"}


def seat_holder(year: int) -> str:
    """Who cast Cambodia's votes, per the source README ('Who held Cambodia's seat')."""
    if year <= 1969:
        return "Kingdom of Cambodia (Sihanouk)"
    if year <= 1974:
        return "Lon Nol government / Khmer Republic"
    if year <= 1978:
        return "Democratic Kampuchea"
    if year <= 1981:
        return "Democratic Kampuchea (ousted, kept the seat)"
    if year <= 1989:
        return "CGDK (seated as Democratic Kampuchea)"
    if year <= 1992:
        return "Supreme National Council"
    return "Kingdom of Cambodia"


u = pd.read_csv(P / "unga_agreement.csv")
u = u[u.partner.isin(PARTNERS)].copy()  # drops the ROC delegation (no ISO3 in the book)
assert set(u.partner) == set(PARTNERS), set(PARTNERS) - set(u.partner)
u = u[u.year <= 2019]  # 2020 holds a single roll call (README: "ignore")
u["partner_iso3"] = u.partner.map(PARTNERS)
u["seat_holder"] = u.year.map(seat_holder)
u["dk_seat"] = u.year.between(1975, 1989)
u["few_votes"] = u.shared_votes < 20
# Recompute from the raw votes as a check (same method as the README: yes/no/abstain only,
# abstain against yes or no = disagreement, calendar year of the roll-call date).
v = pd.read_csv(P / "unga_votes_cambodia_partners.csv", dtype=str)
v["year"] = v.date.str[:4].astype(int)
code2 = {"CHN": "CN", "USA": "US", "VNM": "VN", "THA": "TH", "LAO": "LA", "JPN": "JP",
         "RUS": "RU", "FRA": "FR", "IND": "IN"}
for iso, c2 in code2.items():
    both = v[v.KH.notna() & v[c2].notna()]
    chk = both.assign(same=both.KH == both[c2]).groupby("year").same.agg(["size", "sum"])
    mine = u[u.partner_iso3 == iso].set_index("year")
    assert (chk.loc[mine.index, "size"] == mine.shared_votes).all(), iso
    assert (chk.loc[mine.index, "sum"] == mine.identical_votes).all(), iso
cols = ["year", "partner_iso3", "agreement", "shared_votes", "identical_votes", "seat_holder",
        "dk_seat", "few_votes"]
write(u[cols].sort_values(["partner_iso3", "year"]), "powers_unga_agreement.csv")

# --- 2. UNGA ideal points ------------------------------------------------------------------
ip = pd.read_csv(P / "unga_ideal_points.csv")
ip = ip[ip.iso3c.isin(["KHM", *PARTNERS.values()])]
assert set(ip.iso3c) == {"KHM", *PARTNERS.values()}
ip = ip.rename(columns={"iso3c": "iso3", "session_start_year": "year"})
write(ip[["session", "year", "iso3", "n_votes", "ideal_point", "q05", "q95"]]
      .sort_values(["iso3", "session"]), "powers_unga_ideal_points.csv")

# --- votes: UNGA 2020-2024, the overlaps, the 2022 Ukraine votes (issue 17, 2026-12-01) ----
# Raw extracts in sources/powers/unga_2020s/ (see its README). One method per figure: the
# agreement series is extended from the Voeten-based roll-call file with the method of
# section 1 (yes/no/abstain only; abstain against yes or no = disagreement; absent and
# non-member are not votes; calendar year of the roll-call date).
U2 = P / "unga_2020s"
VOTED = [1, 2, 3]  # roll-call file codes: 1 yes, 2 abstain, 3 no; 8 absent, 9 not a member
rc = pd.read_csv(U2 / "ungaVoting_003_extract.csv")
assert rc.rcid.duplicated().sum() == 4  # four ids reused for a 1950s and a 2023 roll call
assert not rc.duplicated(["rcid", "date"]).any()  # so a roll call is (rcid, date): keep both
rc["year"] = rc.date.str[:4].astype(int)


def same_vote(rolls: pd.DataFrame, iso: str) -> tuple[int, int]:
    """(roll calls where Cambodia and the partner both voted yes/no/abstain, same vote)."""
    both = rolls[rolls.KHM.isin(VOTED) & rolls[iso].isin(VOTED)]
    return len(both), int((both.KHM == both[iso]).sum())


# Overlap 1: the roll-call file reproduces every year x partner row of section 1 exactly.
for row in u.itertuples():
    assert same_vote(rc[rc.year == row.year], row.partner_iso3) == (
        row.shared_votes, row.identical_votes), (row.year, row.partner_iso3)
rows = []
for year, rolls in rc[rc.year >= 2020].groupby("year"):
    for iso in PARTNERS.values():
        n, same = same_vote(rolls, iso)
        rows.append(dict(year=year, partner_iso3=iso, agreement=round(same / n, 4),
                         shared_votes=n, identical_votes=same,
                         first_roll_call=rolls.date.min(), last_roll_call=rolls.date.max()))
a2 = pd.DataFrame(rows)
a2["few_votes"] = a2.shared_votes < 20
# 2022: the file has no roll call before 3 November (the Ukraine votes of March-October are
# missing); 2024: roll calls to 4 June only (README).
a2["partial_year"] = ~(a2.first_roll_call.str[5:7].isin(["01", "02", "03"])
                       & a2.last_roll_call.str[5:7].eq("12"))
assert set(a2[a2.partial_year].year) == {2022, 2024}, a2[a2.partial_year].year.unique()
write(a2.sort_values(["partner_iso3", "year"]), "powers_unga_agreement_2020s.csv")

# Overlap 2: the UN Digital Library records (one vote per resolution, to Dec 2021) against the
# roll-call file, and against its whole-resolution votes only (the unvotes copy of section 1
# flags separate votes on paragraphs and amendments; the roll-call file does not).
DL_NAME = {"KHM": "CAMBODIA", "CHN": "CHINA", "USA": "UNITED STATES", "VNM": "VIET NAM",
           "THA": "THAILAND", "LAO": "LAO PEOPLE'S DEMOCRATIC REPUBLIC", "JPN": "JAPAN",
           "RUS": "RUSSIAN FEDERATION", "FRA": "FRANCE", "IND": "INDIA"}
dl = pd.read_csv(U2 / "UN_DATA_ga_1990-2021_extract.csv", dtype=str)
dl = dl[dl.Date.str.fullmatch(r"\d{4}-\d{2}-\d{2}")]  # drops one row dated '2011' only
dl["year"] = dl.Date.str[:4].astype(int)
PERIODS = {"1990s": (1990, 1999), "2000s": (2000, 2009), "2010s": (2010, 2019),
           "2020": (2020, 2020), "2021": (2021, 2021)}
whole = v[v.amend.isna() & v.para.isna()]
A_DL = "UN Digital Library (one recorded vote per resolution)"
overlap = []


def add(comparison, period, iso, series_a, n_a, same_a, series_b, n_b, same_b):
    overlap.append(dict(comparison=comparison, period=period, partner_iso3=iso,
                        series_a=series_a, agreement_a=round(same_a / n_a, 4), shared_votes_a=n_a,
                        series_b=series_b, agreement_b=round(same_b / n_b, 4), shared_votes_b=n_b))


for period, (first, last) in PERIODS.items():
    d = dl[dl.year.between(first, last)]
    for iso in PARTNERS.values():
        both = d[d.CAMBODIA.isin(list("YNA")) & d[DL_NAME[iso]].isin(list("YNA"))]
        n_dl, same_dl = len(both), int((both.CAMBODIA == both[DL_NAME[iso]]).sum())
        add("digital_library_vs_roll_calls", period, iso, A_DL, n_dl, same_dl,
            "Voeten roll-call file (all recorded votes)",
            *same_vote(rc[rc.year.between(first, last)], iso))
        if last <= 2019:
            w = whole[whole.year.between(first, last)]
            c2 = code2[iso]
            wb = w[w.KH.notna() & w[c2].notna()]
            add("digital_library_vs_whole_resolution_votes", period, iso, A_DL, n_dl, same_dl,
                "Voeten roll calls, whole-resolution votes only (unvotes flags)",
                len(wb), int((wb.KH == wb[c2]).sum()))
# Overlap 3: the agreement shares published with the per-session ideal points (session opening
# in the year) against the calendar-year roll-call file, for the three partners they cover.
ses = pd.read_csv(U2 / "IdealpointestimatesAll_Jun2024_extract.csv")
khm_ses = ses[ses.iso3c == "KHM"].set_index("session")
for year in range(2010, 2024):
    for iso, col in {"USA": "USAgree", "CHN": "ChinaAgree", "RUS": "RUSSAgree"}.items():
        n, same = same_vote(rc[rc.year == year], iso)
        overlap.append(dict(comparison="session_shares_vs_roll_calls", period=str(year),
                            partner_iso3=iso, series_a="Bailey-Strezhnev-Voeten per-session "
                            f"agreement share (session {year - 1945})",
                            agreement_a=round(khm_ses.loc[year - 1945, col], 4),
                            series_b="Voeten roll-call file (calendar year)",
                            agreement_b=round(same / n, 4), shared_votes_b=n))
ov = pd.DataFrame(overlap)
ov["difference_pp"] = ((ov.agreement_a - ov.agreement_b) * 100).round(1)
for c in ["shared_votes_a", "shared_votes_b"]:
    ov[c] = ov[c].astype("Int64")
write(ov, "powers_unga_agreement_overlap.csv")

# Ideal points per calendar year 1946-2025 (one model run), with the per-session estimates of
# the June 2024 and April 2020 releases for the session opening in that year, for comparison.
ipy = pd.read_csv(U2 / "Idealpointestimates1946-2025_extract.tab", sep="\t")
ipy = ipy[ipy.iso3c.isin(["KHM", *PARTNERS.values()])].rename(columns={
    "iso3c": "iso3", "NVotesFP": "n_votes", "IdealPointFP": "ideal_point", "Q5%FP": "q05",
    "Q95%FP": "q95"})
assert not ipy.duplicated(["iso3", "year"]).any()
ipy["session_opening"] = ipy.year - 1945
ipy["few_votes"] = ipy.n_votes < 20
s24 = ses.rename(columns={"iso3c": "iso3", "session": "session_opening",
                          "IdealPointAll": "ideal_point_session_jun2024"})
ipy = ipy.merge(s24[["iso3", "session_opening", "ideal_point_session_jun2024"]], how="left")
ipy = ipy.merge(ip.rename(columns={"session": "session_opening",
                                   "ideal_point": "ideal_point_session_apr2020"})[
    ["iso3", "session_opening", "ideal_point_session_apr2020"]], how="left")
for c in ["ideal_point", "q05", "q95", "ideal_point_session_jun2024"]:
    ipy[c] = ipy[c].round(4)
write(ipy[["year", "iso3", "n_votes", "ideal_point", "q05", "q95", "few_votes",
           "session_opening", "ideal_point_session_jun2024", "ideal_point_session_apr2020"]]
      .sort_values(["iso3", "year"]), "powers_unga_ideal_points_by_year.csv")

# The 2022 Ukraine emergency-session votes (UN Digital Library records), Cambodia against its
# mainland Southeast Asian neighbours, India and the major powers.
gap = pd.read_csv(U2 / "ddl_ga_2022_gapfill.csv", dtype=str)
states = [c for c in gap.columns if re.fullmatch(r"[A-Z]{3}", c)]
assert len(states) == 193
es = gap[gap.Resolution.str.startswith("A/RES/ES-11/")].copy()
assert list(es.Resolution) == [f"A/RES/ES-11/{i}" for i in range(1, 5)]
TOTALS = {"YES": "YES COUNT", "NO": "NO COUNT", "ABSTAIN": "ABSTAIN COUNT", "": "NO-VOTE COUNT"}
for _, r in es.iterrows():  # the votes add up to the totals printed in the record (README)
    counts = r[states].fillna("").value_counts()
    for vote, col in TOTALS.items():
        assert counts.get(vote, 0) == float(r[col] if pd.notna(r[col]) else 0), (r.Resolution, vote)
GROUP = {"KHM": "Cambodia", "VNM": "mainland Southeast Asia", "LAO": "mainland Southeast Asia",
         "THA": "mainland Southeast Asia", "MMR": "mainland Southeast Asia",
         "USA": "major power", "CHN": "major power", "RUS": "major power", "JPN": "major power",
         "IND": "major power"}
es["title"] = (es.Title.str.replace(r"^\[title prefix taken from UN record \d+\] ", "", regex=True)
               .str.replace(" : resolution / adopted by the General Assembly", "", regex=False))
uk = es.melt(id_vars=["Resolution", "Date", "title", "Link", "YES COUNT", "NO COUNT",
                      "ABSTAIN COUNT", "NO-VOTE COUNT"], value_vars=list(GROUP),
             var_name="iso3", value_name="vote")
uk["vote"] = uk.vote.fillna("did not vote").str.lower()
uk["group"] = uk.iso3.map(GROUP)
uk = uk.rename(columns={"Resolution": "resolution", "Date": "date", "Link": "record_url",
                        "YES COUNT": "yes_total", "NO COUNT": "no_total",
                        "ABSTAIN COUNT": "abstain_total", "NO-VOTE COUNT": "non_voting_total"})
for c in ["yes_total", "no_total", "abstain_total", "non_voting_total"]:
    uk[c] = uk[c].fillna("0").astype(float).astype(int)
uk["order"] = uk.iso3.map({k: i for i, k in enumerate(GROUP)})
uk = uk.sort_values(["date", "order"])
write(uk[["resolution", "date", "title", "iso3", "group", "vote", "yes_total", "no_total",
          "abstain_total", "non_voting_total", "record_url"]], "powers_unga_ukraine_2022.csv")
# The facts row on ES-11/1 (VOA) must agree with the record: 141 in favour, Cambodia yes, and
# China, India, Vietnam and Laos abstaining (the row's claim).
es11 = uk[uk.resolution == "A/RES/ES-11/1"].set_index("iso3")
f27 = pd.read_csv(P / "facts.csv", dtype=str)
f27 = f27[f27.claim.str.startswith("UNGA resolution ES-11/1")].iloc[0]
assert float(f27.value) == es11.yes_total.iloc[0] == 141
assert es11.vote["KHM"] == "yes" and (es11.vote[["CHN", "IND", "VNM", "LAO"]] == "abstain").all()

# --- 3. Arms deliveries (SIPRI TIV) --------------------------------------------------------
SUPPLIERS = {"France": "FRA", "Japan": "JPN", "United States": "USA", "Soviet Union": "RUS",
             "China": "CHN", "Yugoslavia": "YUG", "Australia": "AUS", "Bulgaria": "BGR",
             "Czechia": "CZE", "Oman": "OMN", "Poland": "POL", "Ukraine": "UKR",
             "Seychelles": "SYC", "Slovakia": "SVK", "Viet Nam": "VNM", "Serbia": "SRB",
             "Canada": "CAN", "Italy": "ITA", "Russia": "RUS", "Unknown supplier(s)": None}
a = pd.read_csv(P / "arms_transfers_sipri_tiv.csv")
assert set(a.supplier) == set(SUPPLIERS), set(a.supplier) ^ set(SUPPLIERS)
a["supplier_iso3"] = a.supplier.map(SUPPLIERS)
a["recipient"] = a.recipient_type.map({"state": "Cambodian government",
                                       "non-state armed group (SIPRI asterisk)": "Khmer Rouge"})
assert a.recipient.notna().all()
a = a.rename(columns={"supplier": "supplier_as_named"})
write(a[["year", "supplier_iso3", "supplier_as_named", "recipient", "tiv_musd"]]
      .sort_values(["year", "supplier_as_named", "recipient"]), "powers_arms_transfers.csv")

# --- 4. Trade figures as reported ----------------------------------------------------------
ISO = {"China": "CHN", "United States": "USA", "European Union": "EUU", "Vietnam": "VNM",
       "Thailand": "THA", "Japan": "JPN", "United Kingdom": "GBR", "ASEAN": None, "World": None}
t = pd.read_csv(P / "trade_partner_reported.csv")
assert set(t.partner) <= set(ISO), set(t.partner) - set(ISO)
t["partner_iso3"] = t.partner.map(ISO)
t = t[["year", "period", "partner", "partner_iso3", "flow", "value", "unit", "reported_by",
       "source_title", "source_url", "quote", "note"]]
assert not t.duplicated(["year", "period", "partner", "flow", "reported_by"]).any()
write(t.sort_values(["partner", "year", "period", "flow"]), "powers_trade.csv")

# --- 5. Investment figures as reported -----------------------------------------------------
ISO_F = {**ISO, "South Korea": "KOR", "Malaysia": "MYS", "Singapore": "SGP", "Europe": None,
         "Taiwan": None, "All foreign": None, "All (incl. domestic)": None}
f = pd.read_csv(P / "fdi_by_source_reported.csv")
assert set(f.source_country) <= set(ISO_F), set(f.source_country) - set(ISO_F)
f["source_iso3"] = f.source_country.map(ISO_F)
# The last year the period covers (e.g. '1994-Jul 2011' -> 2011), for ordering on a chart.
f["period_end_year"] = [int(re.findall(r"(19|20)(\d\d)", p)[-1][0] + re.findall(r"(19|20)(\d\d)", p)[-1][1])
                        for p in f.period]
# What a share is a share of, read from each row's quote (see the README): CDC approvals of all
# investors (domestic included), CDC approvals of foreign investors only, or the NBC's FDI stock.
# 2022 Jan-Jun: the AKP copy of the CDC report (26 Jul 2022) gives US$2.99 billion as all approved
# investment, local US$1.59 billion included, and China's 43.02% as a share of that total; a blog
# copy had called both "foreign" (sources/editorial/corrections_powers.csv).
BASE = {"2018 Jan-Sep": "all approved investment (domestic included)",
        "2021": "all approved investment (domestic included)",
        "2023": "all approved investment (domestic included)",
        "2024 Q1": "all approved investment (domestic included)",
        "2024 Oct": "all approved investment (domestic included)",
        "2022 Jan-Jun": "all approved investment (domestic included)",
        "cumulative to about 2008 (page undated)": "approved foreign investment",
        "stock as of 2023 Q1": "foreign direct investment stock (NBC)"}
is_share = f.measure.str.contains("share")
assert set(f.period[is_share]) == set(BASE), set(f.period[is_share]) ^ set(BASE)
f["share_of"] = f.period.map(BASE).where(is_share)
f = f[["period", "period_end_year", "source_country", "source_iso3", "measure", "share_of", "value",
       "unit", "reported_by", "source_title", "source_url", "quote", "note"]]
write(f, "powers_fdi.csv")

# --- 6. Facts (keys for the text), in the book's one facts layout (cfr/facts.py) ------------
KEYS = ["us_relations_70y_2020", "jpn_relations_year", "jpn_first_pko", "vnm_relations_date",
        "vnm_investment_2019", "vnm_troops_jan1989", "vnm_troops_us_est_1989",
        "vnm_last_troops_1989", "chn_aid_1992_2011", "chn_aid_to_2017",
        "chn_top_trade_partner_years", "ccfta_in_force", "ccfta_zero_tariff_share",
        "us_milaid_ban_waived", "us_arms_embargo_2021", "sipri_us_not_supplier",
        "ream_wsj_2019", "ream_demolition_sep2020", "ream_demolition_oct2020",
        "ream_pla_ships_2023", "ream_pier_size", "jpn_ream_2023", "eba_withdrawal_eur",
        "eba_share_pct", "asean_2016", "ukraine_es11_1_yes", "ukraine_hun_sen",
        "ukraine_annexation_2022", "funan_techo_usd", "funan_techo_vnm", "thai_clash_2025_dead",
        "thai_ceasefire_2025"]
# Dropped, one fact one row: the canal's cost and length are the Mekong chapter's facts
# (mekong_facts funan_cost, funan_km) and the AP row called the canal "China-funded", which the
# financing rows in facts_added.csv contradict; the July 2025 toll is the borders chapter's
# (borders_conflict_toll); the July 2025 ceasefire row named Kuala Lumpur, but the talks were in
# Putrajaya: the borders timeline row (sources/borders/timeline.csv, 2025-07-28) is the one used.
DROP = {"funan_techo_usd", "thai_clash_2025_dead", "thai_ceasefire_2025"}
FACT_FIELDS = ["key", "claim", "value", "value_high", "unit", "value_as_given", "as_of",
               "source_title", "source_url", "quote"]


def fact_value(given: str) -> tuple[str, str]:
    """(value, value_high) from a value as the source gives it: a number, a range 'a-b', or a
    date or name (no number: both empty)."""
    if pd.isna(given) or re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", given):
        return "", ""
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)", given):
        return m.group(1), m.group(2)
    float(given)  # anything else must be a plain number
    return given, ""


facts = pd.read_csv(P / "facts.csv", dtype=str)
assert len(facts) == len(KEYS)
facts.insert(0, "key", KEYS)
facts = facts.rename(columns={"date": "as_of", "value": "value_as_given"})
facts[["value", "value_high"]] = [fact_value(v) for v in facts.value_as_given]
facts["unit"] = facts.unit.where(facts.value != "")  # a date or a statement has no unit
# as_of is the date the fact refers to. facts.csv's date is often the source's date: where the
# row itself gives the event's date (a date value, a year, or the claim's own words), use it.
is_date = facts.value_as_given.str.fullmatch(r"\d{4}-\d{2}-\d{2}", na=False)
facts.loc[is_date, "as_of"] = facts.value_as_given[is_date]
EVENT_DATE = {"jpn_relations_year": "1953",  # claim and quote: established in 1953
              "us_milaid_ban_waived": "2005-08",  # claim: waived in Aug 2005
              "ream_wsj_2019": "2019-07",  # claim and quote: a July 2019 report
              "ream_demolition_sep2020": "2020-09"}  # claim: demolished Sept 2020
facts["as_of"] = facts.key.map(EVENT_DATE).fillna(facts.as_of)
facts = facts[~facts.key.isin(DROP)]
added = pd.read_csv(P / "facts_added.csv", dtype=str)
facts = pd.concat([facts[FACT_FIELDS], added[FACT_FIELDS]], ignore_index=True)
assert facts.key.is_unique and facts.key.str.fullmatch(r"[a-z0-9_]+").all()
assert facts.as_of.str.fullmatch(r"\d{4}(-\d{2}){0,2}").all()
write(facts, "powers_facts.csv")

# --- 7. The article's ranking of defence partners ------------------------------------------
seed = " ".join((SOURCES / "seed/000_97a2cdd9aa9513cd.txt").read_text().split())
m = re.search(r"\(in order of assessed value\) ([^.]+)\.", seed)
names = [n.strip() for n in re.split(r",| and ", m.group(1)) if n.strip()]
NAME_ISO = {"Vietnam": "VNM", "China": "CHN", "Australia": "AUS", "France": "FRA",
            "the US": "USA", "Thailand": "THA", "Indonesia": "IDN", "Malaysia": "MYS",
            "Singapore": "SGP", "India": "IND"}
rank = pd.DataFrame({"rank": range(1, len(names) + 1), "partner_iso3": [NAME_ISO[n] for n in names],
                     "name_in_article": names})
rank["source_title"] = "Cambodia - Foreign Relations (GlobalSecurity.org, last modified 27 Jul 2018)"
rank["source_url"] = ""  # the stored copy records no address; the book cites the page by name
rank["quote"] = "including (in order of assessed value) " + m.group(1)
write(rank, "powers_defence_ranking.csv")

# --- 8. Timeline (common schema) -----------------------------------------------------------
# Lane per row of powers/timeline.csv, by date + first words (the actor the event is about).
LANE = {
    "1955-04": "CHN", "1955-12-14": "UN", "1958-07-19": "CHN", "1967-06-24": "VNM",
    "1970": "CHN", "1979-01-07": "VNM", "1979-02-17": "CHN", "1980-10": "UN",
    "1989-09": "VNM", "1991-10-23": "UN", "1992-02-28": "UN",
    "1997-07": "CHN", "1997-09-19": "UN", "1999-04-30": "ASEAN", "2004-10-13": None,
    "2005-08": "USA", "2006-04": "CHN", "2006-04-12": None, "2008-11-05": "CHN",
    "2010-12-13": "CHN", "2012-07-13": "ASEAN", "2012-10-18": "UN", "2016-07-25": "ASEAN",
    "2016-10": "CHN", "2017-01-16": "USA", "2019-07": "CHN", "2020-02-12": "EUU",
    "2020-08-12": "EUU", "2020-09": "USA", "2020-10": "CHN", "2021-12-08": "USA",
    "2022-01-01": "CHN", "2022-03-02": "UN", "2022-06-08": "CHN", "2023-08-22": None,
    "2023-09-07": "JPN", "2023-12-03": "CHN", "2024-08-05": "VNM", "2025": "CHN",
    "2025-07-24": None, "2025-07-28": None,
}
# The July 2025 fighting and ceasefire are read from the borders timeline (below), the one row
# for each event in the book; this folder's own rows gave the ceasefire venue as Kuala Lumpur.
# The canal row called the canal "China-funded"; its financing is set out in the facts.
REWORDED = {"2024-08-05": "Groundbreaking of the Funan Techo canal linking Phnom Penh to the "
                          "coast, aimed at reducing reliance on Vietnamese ports; Vietnam asks "
                          "for information-sharing"}

tl = pd.read_csv(P / "timeline.csv", dtype=str)
assert set(tl.date) == set(LANE), set(tl.date) ^ set(LANE)
tl["lane"] = tl.date.map(LANE)
tl = tl[tl.lane.notna()]  # WTO entry, first peacekeepers, new PM, border war: not here
tl["event"] = tl.date.map(REWORDED).fillna(tl.event)

# Thailand, Japan and ASEAN rows from other theme folders (same columns, cited pages).
b = pd.read_csv(SOURCES / "borders/timeline.csv", dtype=str)
keep_b = {"1962-06-15": "THA", "2008-07-07": "THA", "2011-02-22": "ASEAN", "2013-11-11": "THA",
          "2025-07-24": "THA", "2025-07-28": "ASEAN"}
b = b[b.date.isin(keep_b)].assign(lane=lambda d: d.date.map(keep_b))
assert len(b) == len(keep_b), b.date.tolist()
# One event, one row: these rows are told as the borders chapter tells them (its wording in
# scripts/curate/borders.py, its stronger sources in sources/borders/timeline_sources_added.csv
# and, for the July ceasefire, its facts row); tests/test_chapter_powers.py checks that the two
# tables agree, so a change on the borders side shows up there.
BORDERS_TELLING = {
    "1962-06-15": "ICJ judgment: the Temple of Preah Vihear lies in territory under Cambodian "
                  "sovereignty (9 votes to 3)",
    "2008-07-07": "UNESCO World Heritage Committee lists the Temple of Preah Vihear as a World "
                  "Heritage Site",
    "2011-02-22": "ASEAN ministers agree to send up to 40 Indonesian observers to the border",
    "2013-11-11": "ICJ, unanimously: the 1962 judgment gave Cambodia the whole promontory of "
                  "Preah Vihear; Thai forces must withdraw",
    "2025-07-24": "Heavy fighting along the border (artillery, air strikes, rockets): five days "
                  "of clashes",
    "2025-07-28": "Immediate and unconditional ceasefire agreed in Putrajaya, hosted by ASEAN "
                  "chair Malaysia",
}
b["event"] = b.date.map(BORDERS_TELLING)
b_src = pd.read_csv(SOURCES / "borders/timeline_sources_added.csv", dtype=str).set_index("date")
b_facts = pd.read_csv(SOURCES / "borders/facts_added.csv", dtype=str).set_index("key")
b_src.loc["2025-07-28", ["source_title", "source_url"]] = b_facts.loc[
    "ceasefire_2025_jul", ["source_title", "source_url"]].values
for col in ["source_title", "source_url"]:
    b[col] = b.date.map(b_src[col]).fillna(b[col])
un = pd.read_csv(SOURCES / "un/timeline.csv", dtype=str)
# The 2005 Japan row and, one event one row, the formation of the CGDK (the UN chapter's row;
# this folder's own copy of it was dropped on 2026-12-01).
# The UN chapter (scripts/curate/un.py) dates that row to the month and cites the Library of
# Congress Country Study, the day being found only in encyclopedia copies; the same here, so
# both chapters tell it the same way (tests/test_chapter_powers.py checks they agree).
cgdk = un.event.str.startswith("Coalition Government of Democratic Kampuchea")
assert cgdk.sum() == 1
un.loc[cgdk & (un.date == "1982-06-22"), ["date", "source_title", "source_url"]] = [
    "1982-06", "Cambodia: A Country Study (Library of Congress, Federal Research Division, "
    "1987), 'Coalition Government of Democratic Kampuchea' (countrystudies.us copy)",
    "http://countrystudies.us/cambodia/72.htm"]
un = pd.concat([un[un.date == "2005-04"].assign(lane="JPN"), un[cgdk].assign(lane="UN")])
assert len(un) == 2, un.date.tolist()
extra = pd.concat([b, un])[["date", "event", "lane", "source_title", "source_url"]]

# Facts that carry an event date (year or day), written as events in my own words.
fx = facts.set_index("key")
own = [
    ("1953", "Japan and Cambodia establish diplomatic relations", "JPN", "jpn_relations_year"),
    ("1950", "Cambodia and the United States establish diplomatic relations (70th anniversary "
             "marked in 2020)", "USA", "us_relations_70y_2020"),
    ("2025-04-02", "The US announces a 49% 'reciprocal' tariff on Cambodian goods", "USA",
     "us_tariff_2025_apr"),
    ("2025-07-26", "Trump tells Hun Manet and Thailand's acting prime minister there will be no "
                   "trade deal while the border fighting continues", "USA",
     "us_trade_ceasefire_link_2025"),
    ("2025-08-07", "A 19% US tariff on Cambodian goods applies (executive order of 31 July)",
     "USA", "us_tariff_2025_aug"),
    ("2025-10", "US-Cambodia Agreement on Reciprocal Trade: Cambodia removes its tariffs on US "
                "goods, the US keeps 19%", "USA", "khm_tariffs_us_goods_2025_oct"),
    ("2025-11-07", "The US lifts the arms embargo of December 2021", "USA",
     "us_arms_embargo_lifted_2025"),
    ("2026-01-24", "USS Cincinnati docks at Ream Naval Base for a five-day visit", "USA",
     "ream_us_warship_2026"),
]
rows = []
for date, event, lane, key in own:
    rows.append({"date": date, "event": event, "lane": lane,
                 "source_title": fx.loc[key, "source_title"],
                 "source_url": fx.loc[key, "source_url"]})
# The canal's April 2025 financing: the Mekong chapter's fact row (one fact, one row).
mk = pd.read_csv(SOURCES / "mekong/facts_added.csv", dtype=str).set_index("key")
stake = mk.loc["funan_cambodian_stake_2025"]
rows.append({"date": stake.as_of, "event": "Funan Techo canal financing and partnership "
             "agreements signed during Xi Jinping's visit: Cambodian investors 51%, Chinese 49%",
             "lane": "CHN", "source_title": stake.source_title, "source_url": stake.source_url})
d = pd.read_csv(SOURCES / "donors/facts.csv", dtype=str)
tokyo = d[d.claim.str.startswith("Pledged at the June (1992) Tokyo conference")].iloc[0]
rows.append({"date": "1992-06", "event": "Donors meeting in Tokyo pledge USD 800 million for "
             "Cambodia's reconstruction", "lane": "JPN", "source_title": tokyo.source_title,
             "source_url": tokyo.source_url})
tl = pd.concat([tl[["date", "event", "lane", "source_title", "source_url"]], extra,
                pd.DataFrame(rows)])
tl[["date", "date_precision"]] = [iso_date(x) for x in tl.date]
tl = tl[["date", "date_precision", "event", "lane", "source_title", "source_url"]]
assert not tl.duplicated(["date", "event"]).any()
write(tl.sort_values(["date", "event"]), "powers_timeline.csv")


# --- money and arms: IMF DOTS trade, SIPRI register, AEI investment deals (2026-12-01) ----
# Raw extracts and their READMEs: sources/powers/trade_dots/, arms_register/, china_investment/.

# 9. Trade by partner as Cambodia reports it (IMF Direction of Trade Statistics), 1960-2020.
DOTS_PARTNER = {"World": "WLD", "United States": "USA", "European Union": "EUU",
                "China, P.R.: Mainland": "CHN", "China, P.R.: Hong Kong": "HKG",
                "Japan": "JPN", "Vietnam": "VNM", "Thailand": "THA"}
dots = pd.read_csv(P / "trade_dots/IMF_DOTS_Cambodia_partners_1960_2020.csv", dtype=str)
assert set(dots.partner) == set(DOTS_PARTNER), set(dots.partner) ^ set(DOTS_PARTNER)
cell = dots.value_usd_mn.str.extract(r"^(\d+(?:\.\d+)?)( e)?$")
assert cell[0].notna().all(), dots[cell[0].isna()]  # a number, optionally flagged ' e'
dots = dots.assign(partner_iso3=dots.partner.map(DOTS_PARTNER),
                   flow=dots.flow.map({"exports_fob": "exports", "imports_cif": "imports"}),
                   value_usd_mn=cell[0].astype(float).round(2),
                   imf_estimate=cell[1].notna(),
                   reported_by="Cambodia, as compiled by the IMF (DOTS)")
assert dots.flow.notna().all() and not dots.duplicated(["year", "partner", "flow"]).any()
# README checks (US$ million, 2020 unless stated)
chk = dots.set_index(["flow", "partner_iso3", "year"]).value_usd_mn
for key, want in {("exports", "USA", "2015"): 2136.8, ("exports", "USA", "2020"): 5333.2,
                  ("exports", "CHN", "2020"): 1089.1, ("exports", "EUU", "2020"): 3227.4,
                  ("exports", "WLD", "2020"): 17767.1, ("imports", "CHN", "2020"): 7098.2,
                  ("imports", "WLD", "2020"): 19833.3}.items():
    assert abs(chk[key] - want) < 0.06, (key, chk[key])
dots = dots.rename(columns={"partner": "partner_as_named"})
write(dots[["year", "partner_iso3", "partner_as_named", "flow", "value_usd_mn", "imf_estimate",
            "reported_by"]].astype({"year": int}).sort_values(["partner_iso3", "flow", "year"]),
      "powers_trade_dots.csv")

# 10. SIPRI trade register (deal level): Cambodia, Laos, Thailand, Viet Nam, deliveries to 2024.
RECIPIENT = {"Cambodia": "KHM", "Laos": "LAO", "Thailand": "THA", "Viet Nam": "VNM"}
SUPPLIER_REG = {
    "China": "CHN", "Seychelles": "SYC", "Ukraine": "UKR", "Soviet Union": "RUS",
    "United States": "USA", "France": "FRA", "Czechia": "CZE", "Italy": "ITA", "Canada": "CAN",
    "Yugoslavia": "YUG", "Bulgaria": "BGR", "Australia": "AUS", "unknown supplier(s)": None,
    "Viet Nam": "VNM", "Serbia": "SRB", "Russia": "RUS", "Slovakia": "SVK", "Poland": "POL",
    "Oman": "OMN", "Qatar": "QAT", "Japan": "JPN", "Israel": "ISR", "Germany": "DEU",
    "Spain": "ESP", "Austria": "AUT", "United Kingdom": "GBR", "Switzerland": "CHE",
    "Indonesia": "IDN", "Netherlands": "NLD", "Singapore": "SGP", "Sweden": "SWE",
    "South Korea": "KOR", "New Zealand": "NZL", "South Africa": "ZAF", "Malaysia": "MYS",
    "Denmark": "DNK", "North Korea": "PRK", "India": "IND", "Romania": "ROU", "Hungary": "HUN",
    "Czechoslovakia": "CSK", "East Germany (GDR)": "DDR", "Belarus": "BLR"}  # RUS as in part 3
reg = pd.read_csv(P / "arms_register/sipri_trade_register_KHM_THA_VNM_LAO_extract.csv")
assert set(reg.Recipient) == set(RECIPIENT) and set(reg.Supplier) == set(SUPPLIER_REG)
reg = reg.rename(columns={
    "Supplier": "supplier_as_named", "Year of order": "year_of_order",
    "Number ordered": "number_ordered", "Weapon designation": "designation",
    "Weapon description": "description", "Number delivered": "number_delivered",
    "Year(s) of delivery": "delivery_years", "Comments": "comments",
    "SIPRI TIV per unit": "tiv_per_unit", "SIPRI TIV for total order": "tiv_order",
    "SIPRI TIV of delivered weapons": "tiv_delivered"})
# The three unnamed columns hold SIPRI's '?' marks of uncertainty; the extract does not say
# which value each qualifies, so they are not carried (README of arms_register/).
reg["recipient_iso3"] = reg.Recipient.map(RECIPIENT)
reg["supplier_iso3"] = reg.supplier_as_named.map(SUPPLIER_REG)
for c in ["year_of_order", "number_ordered", "number_delivered"]:
    reg[c] = reg[c].astype("Int64")
years_listed = reg.delivery_years.fillna("").str.findall(r"\d{4}")
assert (years_listed.str.len().gt(0) | reg.tiv_delivered.eq(0)).all()  # TIV only if delivered
reg = reg[["recipient_iso3", "supplier_iso3", "supplier_as_named", "year_of_order",
           "number_ordered", "designation", "description", "number_delivered",
           "delivery_years", "status", "comments", "tiv_per_unit", "tiv_order", "tiv_delivered"]]
write(reg.sort_values(["recipient_iso3", "year_of_order", "supplier_as_named", "designation"]),
      "powers_arms_register.csv")

# 11. Deliveries by year from the register. The register gives each deal's delivered TIV and
# the years of delivery, not the number delivered each year: the TIV is spread evenly over the
# listed years (a deal delivered in 2022 and 2023 counts half in each). SIPRI's own yearly TIV
# tables (section 3, to 2021) use the yearly numbers, so single years can differ; sums over a
# deal's whole delivery span agree.
alloc = reg.assign(year=years_listed).explode("year").dropna(subset=["year", "tiv_delivered"])
alloc["share"] = 1 / alloc.groupby(level=0).year.transform("size")
alloc["tiv_musd"] = alloc.tiv_delivered * alloc.share
alloc = alloc.assign(year=alloc.year.astype(int),
                     supplier_iso3=alloc.supplier_iso3.fillna("unknown"))
yearly = (alloc.groupby(["year", "recipient_iso3", "supplier_iso3", "supplier_as_named"])
          .tiv_musd.sum().round(3).reset_index())
yearly["supplier_iso3"] = yearly.supplier_iso3.replace("unknown", None)
for rec, part in reg.groupby("recipient_iso3"):  # nothing lost or added by the spreading
    spread = yearly[yearly.recipient_iso3 == rec].tiv_musd.sum()
    assert abs(part.tiv_delivered.sum() - spread) < 0.05, rec
write(yearly.sort_values(["recipient_iso3", "year", "supplier_as_named"]),
      "powers_arms_deliveries.csv")

# 12. Chinese investment deals recorded by AEI (China Global Investment Tracker), host country
# by year. Deals of US$100 million or more, construction contracts excluded; 0 = no such deal
# recorded that year. Not FDI.
AEI_HOST = {"Cambodia": "KHM", "Laos": "LAO", "Myanmar": "MMR", "Thailand": "THA",
            "Vietnam": "VNM"}
aei = pd.read_csv(P / "china_investment/AEI_CGIT_annual_flows_KHM_neighbours_usd_mn.csv")
aei = aei.melt(id_vars="Year", var_name="host", value_name="deals_usd_mn").rename(
    columns={"Year": "year"})
aei["host_iso3"] = aei.host.map(AEI_HOST)
assert aei.host_iso3.notna().all() and (aei.year.min(), aei.year.max()) == (2005, 2025)
khm = aei[aei.host_iso3 == "KHM"].set_index("year").deals_usd_mn  # README check
assert (khm[2008], khm[2019], khm[2025]) == (2500, 2340, 810)
write(aei[["year", "host_iso3", "deals_usd_mn"]].sort_values(["host_iso3", "year"]),
      "powers_china_investment_aei.csv")
