"""Tables for the chapter "UN reform" (chapters/un.md), prefix ``un_``.

Reads sources/un/ (README there) and, for votes by issue area,
sources/powers/unga_agreement_by_issue.csv. A few facts on the Security Council's
regional make-up and the 2005 reform drafts were not in the folder; they are copied below
from the pages named in each row (found with the project's stored-pages search on
2026-11-28), each with a short verbatim quote. Facts found later (2026-12-01) are in
un/facts_added.csv, described in un/ADDED.md; un_facts uses the book's one facts layout
(cfr/facts.py).

    cd scripts/curate && ../../.venv/bin/python un.py
"""

import pandas as pd

from common import iso_date, SOURCES, write

UN = SOURCES / "un"
UNGDC = ("UN General Debate Corpus (UNGDC v13, Harvard Dataverse doi:10.7910/DVN/0TJX8Y), "
         "Cambodia statement")

# --- 1. Timeline (common schema) --------------------------------------------------------------
LANES = {  # source `theme` -> the chapter's strand
    "UN membership": "Membership, seat, votes",
    "UN representation": "Membership, seat, votes",
    "Peace settlement": "Settlement and UNTAC",
    "Peace settlement; UN": "Settlement and UNTAC",
    "UN peacekeeping; elections": "Settlement and UNTAC",
    "UN peacekeeping": "Peacekeeping",
    "Security Council elections": "Council seat bids",
    "Security Council reform; Security Council elections": "Council reform",
    "Security Council reform": "Council reform",
    "UN voting": "Membership, seat, votes",
}
t = pd.read_csv(UN / "timeline.csv", dtype=str)
# UNTAC rows are about the operation in Cambodia, not about Cambodian peacekeepers.
untac = t.event.str.contains("UNTAC")
t["lane"] = t.theme.map(LANES)
t.loc[untac, "lane"] = "Settlement and UNTAC"
assert t.lane.notna().all(), t[t.lane.isna()]
# Corrections to un/timeline.csv, each decided by a row of un_facts (see un/ADDED.md):
# - the Supreme National Council was formed on 10 Sep 1990, not on 28 Aug 1990 (snc_formed_1990);
# - Cambodia's statement at the IGN's second plenary in the 80th session came after the first
#   plenary of 21 Jan 2026, so it is dated 2026, not 2025 (ign80_first_plenary).
snc = t.event.str.endswith("the Supreme National Council is created")
assert snc.sum() == 1
t.loc[snc, "event"] = t.loc[snc, "event"].str.replace(
    "the Supreme National Council is created",
    "it provides for a Supreme National Council (formed in Jakarta on 10 Sep 1990)")
# - the CGDK row's day (22 Jun 1982) is found only in encyclopedia copies (absoluteastronomy);
#   the Library of Congress Country Study gives "June 1982", so the row is dated to the month
#   and cites the study (issue 20; see un/ADDED.md).
cgdk = t.event.str.startswith("Coalition Government of Democratic Kampuchea formed")
assert cgdk.sum() == 1 and (t.loc[cgdk, "date"] == "1982-06-22").all()
t.loc[cgdk, ["date", "source_title", "source_url"]] = [
    "1982-06", "Cambodia: A Country Study (Library of Congress, Federal Research Division, "
    "1987), 'Coalition Government of Democratic Kampuchea' (countrystudies.us copy)",
    "http://countrystudies.us/cambodia/72.htm"]
ign = t.event.str.startswith("At the Intergovernmental Negotiations (GA 80th session)")
assert ign.sum() == 1 and (t.loc[ign, "date"] == "2025").all()
t.loc[ign, "date"] = "2026"
t[["date", "date_precision"]] = [iso_date(d) for d in t.date]
timeline = t[["date", "date_precision", "event", "lane", "source_title", "source_url"]]
write(timeline.sort_values(["date", "event"]), "un_timeline.csv")

# --- 2. What Cambodia said on Council reform in the general debate, 1956-2024 ----------------
g = pd.read_csv(UN / "unga_general_debate_unsc_reform.csv")
# My coding of the gatherer's `position_summary` (read for every "yes" row) into one stance.
STANCE = {
    1961: "Names candidates for permanent seats",
    2000: "Names candidates for permanent seats",
    2001: "Names candidates for permanent seats",
    2002: "Names candidates for permanent seats",
    2003: "Names candidates for permanent seats",
    2004: "Names candidates for permanent seats",
    2008: "Expand both categories",
    2012: "Expand both categories",
    2013: "Expand both categories",
    2015: "Expand both categories",
    2010: "More seats for developing countries",
    2021: "More seats for developing countries",
    2006: "Reform the Council last",
    2007: "Reform the Council last",
    2011: "Reform the Council last",
    1976: "General call for Council reform",
    1996: "General call for Council reform",
    2024: "General call for Council reform",
}
yes = set(g.loc[g.unsc_reform_statement == "yes", "year"])
assert yes == set(STANCE), sorted(yes ^ set(STANCE))
g["stance"] = g.year.map(STANCE).fillna("No statement on Council reform")
g["delegation"] = "Cambodia"
g.loc[g.year.between(1976, 1989), "delegation"] = "Democratic Kampuchea / CGDK"
g["reform_statement"] = g.unsc_reform_statement.eq("yes")
speeches = g[["year", "session", "delegation", "speaker", "post", "security_council_mentions",
              "reform_statement", "stance", "permanent_seat_candidates_named",
              "position_summary", "quote", "source_url"]].rename(
    columns={"permanent_seat_candidates_named": "candidates_named"})
speeches = speeches.assign(source_title=UNGDC + ", session " + g.session.astype(str)
                           + " (" + g.year.astype(str) + ")")
write(speeches, "un_debate_statements.csv")

# --- 3. Facts used in the text: the book's one facts layout (cfr/facts.py) -------------------
# From un/facts.csv (renamed with short keys) and un/facts_added.csv (facts found with the
# stored-pages search on 2026-12-01, already in the layout; see un/ADDED.md).
FACT_FIELDS = ["key", "claim", "value", "value_high", "unit", "value_as_given", "as_of",
               "source_title", "source_url", "quote"]
f = pd.read_csv(UN / "facts.csv", dtype=str)
KEYS = {  # short key -> start of the claim in facts.csv
    "unsc_members": "UN Security Council total membership",
    "unsc_permanent": "Permanent members of the Security Council",
    "unsc_elected": "Elected (non-permanent) members",
    "unsc_majority": "Majority needed to win",
    "g4_total": "G4 2005 draft: enlarge Council",
    "g4_veto_freeze_years": "G4 2005 draft: new permanent members would not use the veto",
    "g4_sponsors": "Sponsors listed on A/59/L.64",
    "reform_drafts_voted": "None of the 2005 rival reform drafts",
    "bid_announced_year": "Cambodia announced its candidacy",
    "previous_terms": "Cambodia had never held a Security Council seat",
    "election2012_r1_kor": "UNSC election 18 Oct 2012, first round: Republic of Korea",
    "election2012_r1_khm": "UNSC election 18 Oct 2012, first round: Cambodia",
    "election2012_r2_kor": "UNSC election 18 Oct 2012, second round: Republic of Korea",
    "election2012_r2_khm": "UNSC election 18 Oct 2012, second round: Cambodia",
    "election2012_threshold": "Two-thirds threshold in the 2012 election",
    "admission_sc_votes": "Security Council vote recommending admission",
    "credentials1980_yes": "UNGA vote confirming the Khmer Rouge",
    "untac_military": "UNTAC became operational",
    "untac_registered": "Voters registered for the 1993 UNTAC election",
    "untac_turnout_pct": "Turnout in the 1993 UNTAC election",
    "untac_force_1993": "Size of the UN peacekeeping force",
    "vacant_seats_1997": "In 1997 Cambodia was one of only three",
    "wait_and_see_2005": "April 2005: FM Hor Namhong says",
    "ranariddh_japan_2005": "April 2005: National Assembly President Prince Ranariddh",
}
# as_of is the date the fact refers to; facts.csv's `date` is sometimes the page's date.
AS_OF = {"bid_announced_year": "2011-01"}  # "announced its candidacy for the seat in January 2011"
rows = []
for key, start in KEYS.items():
    hit = f[f.claim.str.startswith(start)]
    assert len(hit) == 1, (key, len(hit))
    r = hit.iloc[0]
    rows.append({"key": key, "claim": r.claim, "value": r.value, "value_high": None,
                 "unit": r.unit, "value_as_given": r.value, "as_of": AS_OF.get(key, r.date),
                 "source_title": r.source_title, "source_url": r.source_url, "quote": r.quote})
added = pd.read_csv(UN / "facts_added.csv", dtype=str)
facts = pd.concat([pd.DataFrame(rows), added[FACT_FIELDS]], ignore_index=True)
assert facts.key.is_unique and facts.as_of.str.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?").all()
for col in ["value", "value_high"]:
    facts[col] = pd.to_numeric(facts[col])
write(facts[FACT_FIELDS], "un_facts.csv")

# --- 4. Council seats against membership, by regional group ----------------------------------
ASKDAG = ("How are the non-permanent members of the Security Council selected? (Ask DAG, UN Dag "
          "Hammarskjold Library FAQ, updated 26 Apr 2018)", "http://ask.un.org/faq/14382")
XINHUA = ("UNGA to elect 5 new Security Council members (Clique News / Xinhua copy, 8 Jun 2018)",
          "http://cliquenews.com/2018/06/08/unga-to-elect-5-new-security-council-members")
GROUPS = ("United Nations Regional Groups (Alchetron copy of the Wikipedia article, "
          "membership as of May 2014)", "https://alchetron.com/United-Nations-Regional-Groups")
GROUPS_US = ("What Are The Five Regional Groups Of The United Nations? (copy of a WorldAtlas "
             "article on galeroshotel.com)",
             "http://galeroshotel.com/articles/what-are-the-five-regional-groups-of-the-united-nations.html")
COC = ("Committee on Conferences: current membership 2024-2026 (copy of the UN DGACM page, "
       "fanyjok.com mirror)", "http://fanyjok.com/dgacm/en/content/coc/current-membership")
FCDO = ("The New Human Rights Council (Julian Braithwaite, UK FCDO blog, 7 Nov 2016)",
        "https://blogs.fcdo.gov.uk/julianbraithwaite/2016/11/07/the-new-human-rights-council")
AFR, APG, EEG, GRULAC, WEOG = ("African Group", "Asia-Pacific Group", "Eastern European Group",
                               "Latin American and Caribbean Group",
                               "Western European and Others Group")
regions = [
    # group, measure, value, as_of, source, quote
    (AFR, "member_states", 54, "2014-05", GROUPS, "the African Group, with 54 member states"),
    (APG, "member_states", 53, "2014-05", GROUPS, "the Asia-Pacific Group, with 53 member states"),
    (EEG, "member_states", 23, "2014-05", GROUPS, "the Eastern European Group, with 23 member states"),
    (GRULAC, "member_states", 33, "2014-05", GROUPS,
     "the Latin American and Caribbean Group (GRULAC), with 33 member states"),
    (WEOG, "member_states", 28, "2014-05", GROUPS,
     "the Western European and Others Group (WEOG), with 28 member states, plus 1 member state as observer."),
    (WEOG, "electoral_members_outside_group", 1, "2014-05", GROUPS_US,
     "considered to be a member of that group for electoral purposes."),
    ("No group (Kiribati)", "member_states", 1, "2014-05", GROUPS,
     "Kiribati is not included in the above numbers"),
    (AFR, "elected_seats", 3, "2018-06-08", XINHUA, "three seats for Africa"),
    (APG, "elected_seats", 2, "2018-06-08", XINHUA,
     "two seats each for Asia-Pacific, Latin America and the Caribbean, and Western Europe and Others."),
    (EEG, "elected_seats", 1, "2018-04-26", ASKDAG, "one for Eastern European countries;"),
    (GRULAC, "elected_seats", 2, "2018-04-26", ASKDAG,
     "two for Latin American and Caribbean countries;"),
    (WEOG, "elected_seats", 2, "2018-04-26", ASKDAG, "two for Western European and other countries."),
]
reg = pd.DataFrame([{"group": grp, "measure": m, "value": v, "as_of": a, "source_title": s[0],
                     "source_url": s[1], "quote": q} for grp, m, v, a, s, q in regions])
write(reg, "un_unsc_regions.csv")

# Which group each permanent member sits in (seats per group are counted in the notebook).
p5 = [("CHN", APG, COC, "Asia-Pacific Group | 2024 | 2025 | 2026 | ... China"),
      ("RUS", EEG, COC, "Eastern European Group | 2024 | 2025 | 2026 | ... Russian Federation (the)"),
      ("FRA", WEOG, COC, "Western European and Others Group | 2024 | 2025 | 2026 | ... France"),
      ("GBR", WEOG, FCDO, "WEOG, the group the UK belongs to, gets two seats"),
      ("USA", WEOG, GROUPS_US, "is considered to be a member of that group for electoral purposes.")]
write(pd.DataFrame([{"iso3": i, "group": grp, "source_title": s[0], "source_url": s[1], "quote": q}
                    for i, grp, s, q in p5]), "un_unsc_permanent_groups.csv")

# --- 5. The 2005 reform models (seats on the proposed Council) --------------------------------
GA10367 = ("General Assembly Opens Debate on Group of Four-Sponsored Draft Resolution on "
           "Security Council Reform (UN press release GA/10367, 12 Jul 2005)",
           "http://unis.unvienna.org/unis/en/pressrels/2005/ga10367.html")
GA10371 = ("\u201cUniting for Consensus\u201d Group of States Introduces Text on Security Council "
           "Reform to General Assembly (UN press release GA/10371, 27 Jul 2005)",
           "https://unis.unvienna.org/unis/en/pressrels/2005/ga10371.html")
CD2005 = ("Resolution submitted calling for increasing elected Security Council members "
          "(China Daily / Xinhua, 22 Jul 2005)",
          "http://covid-19.chinadaily.com.cn/english/doc/2005-07/22/content_462466.htm")
g4q = ("The proposal would have the Assembly increase the Council\u2019s membership from 15 to "
       "25, by adding six permanent and four non-permanent members.")
models = [
    ("Council today", "permanent", 5, XINHUA,
     "The UN Security Council has 15 members \u2014 five permanent ones and 10 elected ones."),
    ("Council today", "elected", 10, XINHUA,
     "The UN Security Council has 15 members \u2014 five permanent ones and 10 elected ones."),
    ("G4 draft (A/59/L.64)", "permanent", 5 + 6, GA10367, g4q),
    ("G4 draft (A/59/L.64)", "elected", 10 + 4, GA10367, g4q),
    ("African Union draft", "permanent", 5 + 6, CD2005,
     "suggests an increase of six permanent council members with the veto power and five "
     "elected members"),
    ("African Union draft", "elected", 10 + 5, CD2005,
     "suggests an increase of six permanent council members with the veto power and five "
     "elected members"),
    ("Uniting for Consensus draft (A/59/L.68)", "permanent", 5, GA10371,
     "The Security Council would consist of 20 elected members, serving for a two-year term, "
     "in addition to the five permanent members"),
    ("Uniting for Consensus draft (A/59/L.68)", "elected", 20, GA10371,
     "The Security Council would consist of 20 elected members, serving for a two-year term, "
     "in addition to the five permanent members"),
]
mod = pd.DataFrame([{"model": m, "category": c, "seats": n, "source_title": s[0],
                     "source_url": s[1], "quote": q} for m, c, n, s, q in models])
write(mod, "un_reform_models.csv")

# --- 6. Peacekeepers: UN DPO monthly averages by mission, and reported cumulative totals -------
p = pd.read_csv(UN / "peacekeeping.csv")
by_mission = []
for r in p.itertuples():
    for part in r.by_mission.split(";"):
        mission, n = part.strip().split("=")
        by_mission.append({"year": r.year, "mission": mission, "personnel_avg_monthly": int(n)})
bm = pd.DataFrame(by_mission)
write(bm, "un_peacekeeping_missions.csv")
tot = p[["year", "female_avg_monthly", "male_avg_monthly", "total_uniformed_avg_monthly",
         "all_countries_total_same_method", "quality_flag"]].copy()
tot["complete_year"] = tot.quality_flag.eq("ok")
write(tot, "un_peacekeeping_totals.csv")

c = pd.read_csv(UN / "peacekeeping_cumulative_reported.csv", dtype=str)
c["date"], c["date_precision"] = zip(*[iso_date(d) for d in c.date])
c["value"] = c.value.astype(float)
write(c[["date", "date_precision", "measure", "value", "qualifier", "reported_by",
         "source_title", "source_url", "quote", "note"]], "un_peacekeeping_reported.csv")

# --- 7. UNGA vote agreement by issue area (Voeten data via unvotes) ---------------------------
a = pd.read_csv(SOURCES / "powers/unga_agreement_by_issue.csv")
ISO = {"China": "CHN", "France": "FRA", "India": "IND", "Japan": "JPN", "Laos": "LAO",
       "Russia (incl. USSR)": "RUS", "Thailand": "THA", "United States": "USA",
       "Vietnam": "VNM"}
# The Republic of China delegation (China's seat to Oct 1971) is left out: no ISO3 code of its
# own here, and this chapter reads the decades from the 1990s.
a = a[a.partner.isin(ISO)].assign(partner_iso3=lambda d: d.partner.map(ISO))
a = a.rename(columns={"short_name": "issue_code"})
write(a[["decade", "partner_iso3", "issue_code", "issue", "agreement", "shared_votes",
         "identical_votes"]].sort_values(["decade", "partner_iso3", "issue_code"]),
      "un_unga_agreement_by_issue.csv")
