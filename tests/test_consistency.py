"""One fact, one row: the chapters' timelines and facts tables do not contradict each other,
the combined timeline shows each event once, and every comparison or trend the front page's
key findings state holds on the data (over the whole series, not two chosen years).

Each test reads the tables through ``cfr.load`` (so ``CFR_DATA_DIR`` can point it at a broken
copy of ``data/``) and states the relation the sentence claims; none copies the page's code.
"""
from __future__ import annotations

import re

import pandas as pd

import cfr
from cfr import events, partners
from cfr.facts import FACT_TABLES

TIMELINES = {"donors_timeline": "Donors", "powers_timeline": "Great powers",
             "borders_timeline": "Borders", "un_timeline": "UN", "mekong_timeline": "Mekong"}


def chapter_events() -> pd.DataFrame:
    parts = [cfr.load(name).assign(table=name) for name in TIMELINES]
    tl = pd.concat(parts, ignore_index=True)
    return tl.assign(date=tl.date.dt.strftime("%Y-%m-%d"))


# --- no contradictions between tables --------------------------------------------------------
def test_chapter_timelines_never_give_one_event_two_venues_or_two_dates():
    problems = events.conflicts(chapter_events(), label="table")
    assert problems == [], "\n".join(problems)


def test_the_conflict_check_catches_a_second_venue_and_a_second_date():
    """The checker itself: one event told with two venues, or under two dates, is reported."""
    rows = pd.DataFrame({
        "table": ["a", "b", "a", "b"],
        "date": ["2025-07-28", "2025-07-28", "1955-12-14", "1955-12-15"],
        "event": ["Immediate and unconditional ceasefire agreed in Putrajaya",
                  "Immediate and unconditional Thailand-Cambodia ceasefire agreed in Kuala Lumpur",
                  "Cambodia admitted to the UN by Security Council resolution 109",
                  "Cambodia admitted to the UN by Security Council resolution 109"]})
    problems = events.conflicts(rows, label="table")
    assert len(problems) == 2
    assert "Kuala Lumpur" in problems[0] and "Putrajaya" in problems[0]
    assert "two dates" in problems[1]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", str(text).lower()).split())


def test_facts_tables_never_give_one_fact_two_values():
    """Two fact rows that state the same claim (same wording, ignoring case and punctuation)
    for the same date and unit must give the same value. (Near-identical wording is not
    enough: "first round" and "second round" of one vote are different facts.)"""
    facts = cfr.facts().reset_index()
    assert set(facts.table) == set(FACT_TABLES)
    facts = facts.assign(norm=facts.claim.map(_norm), as_of=facts.as_of.astype(str),
                         unit=facts.unit.fillna("").astype(str))
    problems = []
    for (_, _), same in facts.groupby(["as_of", "unit"]):
        rows = list(same.itertuples())
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                alike = a.norm == b.norm
                differ = not (pd.isna(a.value) and pd.isna(b.value)) and a.value != b.value
                if alike and differ:
                    problems.append(f"{a.key} ({a.table}) = {a.value} vs {b.key} ({b.table}) "
                                    f"= {b.value}: {a.claim[:70]}")
    assert problems == [], "\n".join(problems)


# --- the combined timeline ----------------------------------------------------------------------
def test_combined_timeline_has_one_row_per_event():
    tl = cfr.load("timeline")
    tl = tl.assign(date=tl.date.dt.strftime("%Y-%m-%d"))
    assert not tl.duplicated(["date", "event"]).any()
    repeated = [g for g in events.groups(tl) if len(g) > 1]
    assert repeated == [], [tl.event[g].tolist() for g in repeated]


def test_combined_timeline_holds_every_chapter_event_once_with_its_themes():
    tl = cfr.load("timeline")
    tl = tl.assign(date=tl.date.dt.strftime("%Y-%m-%d"))
    chapters = chapter_events()
    for row in chapters.itertuples():
        same_day = tl[tl.date == row.date]
        match = [r for r in same_day.itertuples()
                 if r.event == row.event or events.overlap(r.event, row.event)
                 >= events.SAME_DATE_OVERLAP]
        assert len(match) == 1, (row.date, row.event)
        assert TIMELINES[row.table] in match[0].themes.split("; "), (row.date, row.event)
    # the 28 July 2025 ceasefire is one row, told by two chapters, in Putrajaya
    ceasefire = tl[(tl.date == "2025-07-28") & tl.event.str.contains("ceasefire")]
    assert len(ceasefire) == 1 and ";" in ceasefire.themes.iloc[0]
    assert events.venues(ceasefire.event.iloc[0]) <= {"Putrajaya"}


# --- the front page's key findings, checked on the tables -----------------------------------------
def _khm(table: str, column: str) -> pd.Series:
    df = cfr.load(table)
    return df[df.iso3 == "KHM"].set_index("year")[column].astype(float)


def test_finding1_aid_peaked_in_the_1990s_and_fell_below_half_the_budget_for_good():
    gni = _khm("donors_oda_gni", "oda_pct_gni").loc[1990:]
    assert gni.idxmax() < 2000 and gni.iloc[-1] < gni.max() / 2
    expense = _khm("donors_oda_expense", "oda_pct_expense")
    last_half = expense[expense >= 50].index.max()
    # "below half in every year since": every later year, not only the last one
    assert (expense.loc[last_half + 1:] < 50).all() and len(expense.loc[last_half + 1:]) >= 5


def _period_shares() -> pd.DataFrame:
    total = _khm("donors_oda", "oda_usd")
    donors = cfr.load("donors_by_donor")
    rows = []
    for start in range(1992, int(donors.year.max()) + 1, 4):
        part = donors[donors.year.between(start, start + 3)]
        rows.append({"period": start,
                     "west": part[part.donor_iso3.isin(partners.WESTERN_DONORS)].net_oda_usd.sum(),
                     "japan": part[part.donor_iso3 == "JPN"].net_oda_usd.sum(),
                     "total": total.loc[start:start + 3].sum()})
    df = pd.DataFrame(rows).set_index("period")
    return df[["west", "japan"]].div(df.total, axis=0) * 100


def test_finding2_the_west_gave_more_than_japan_in_every_period_and_fell_in_one():
    shares = _period_shares()
    assert len(shares) == 8
    assert (shares.west > shares.japan).all()          # "more than Japan in every period"
    assert shares.west.idxmin() == shares.index[-1]     # "lowest in the latest period"
    assert (shares.west.iloc[:-1] > 30).all()           # one period, not a slide


def test_finding3_cambodia_votes_with_each_neighbour_more_than_with_china():
    votes = pd.concat([cfr.load("powers_unga_agreement"),
                       cfr.load("powers_unga_agreement_2020s")])
    first = votes[votes.seat_holder == "Kingdom of Cambodia"].year.min()
    kingdom = votes[votes.year >= first].year.unique()
    pooled = partners.un_agreement_to_2024(int(first), int(votes.year.max()))
    for neighbour in ("LAO", "VNM", "THA"):
        assert pooled[neighbour] > pooled["CHN"] > pooled["USA"], neighbour
    # and year by year: a neighbour is the closest voter in every year of the series
    yearly = votes[votes.year.isin(kingdom)].assign(
        share=lambda d: d.identical_votes / d.shared_votes).pivot(
        index="year", columns="partner_iso3", values="share")
    assert (yearly[["LAO", "VNM", "THA"]].max(axis=1) >= yearly.CHN).all()


def test_finding3_china_leads_on_arms_and_finance_the_united_states_on_exports():
    arms = partners.arms_delivered(since=1991)
    assert arms.idxmax() == "CHN"
    view = partners.cross_theme(["CHN", "VNM", "USA", "JPN", "THA", "EUU", "ASEAN"])
    finance = view[view.theme == "Aid"].set_index("partner").value
    assert finance.idxmax() == "CHN"
    exports = partners.export_shares(2022)
    assert exports.idxmax() == "USA"
    assert set(exports.sort_values().index[-2:]) == {"USA", "EUU"}  # the largest buyers


def test_finding4_the_court_ruled_twice_and_the_tolls_are_per_round():
    icj = cfr.load("borders_timeline")
    icj = icj[icj.event.str.contains("ICJ")]
    assert icj[icj.event.str.contains("judgment")].date.min().year == 1962
    assert icj[icj.event.str.contains("promontory")].date.min().year == 2013
    toll = cfr.load("borders_conflict_toll")
    killed = toll[(toll.measure == "killed") & (toll.group == "all") & toll.side.isna()]
    july = killed[killed.episode.str.startswith("Jul 2025")]
    december = killed[killed.episode.str.startswith("Dec 2025")]
    assert len(july) and len(december)
    crisis = toll[(toll.episode == "2008-2011 crisis (whole)") & (toll.measure == "killed")]
    assert july.value.max() > crisis.value.sum()       # "more than the whole 2008-2011 crisis"
    high = december.loc[december.value.idxmax()]
    assert "indirect" in str(high.note)                # the higher count adds indirect deaths
    low = december.loc[december.value.idxmin()]
    assert "official" in str(low.note)                 # the lower is the official tallies


def test_finding5_no_statement_names_candidates_after_the_last_that_did():
    debate = cfr.load("un_debate_statements")
    named = debate[debate.stance == "Names candidates for permanent seats"]
    after = debate[debate.year > named.year.max()]
    assert len(after) > 0 and not (after.stance == "Names candidates for permanent seats").any()


def test_finding6_china_has_more_operating_mainstream_capacity_than_the_lower_mekong():
    dams = cfr.load("mekong_dams")
    operating = dams[(dams.status == "operating") & dams.mainstream]
    mw = operating.groupby("river_section").capacity_mw.sum()
    assert mw["Lancang (China)"] > 2 * mw["Lower Mekong"]
    assert cfr.fact("mrc_members") == 4


def test_finding7_claims_shares_add_up():
    claims = cfr.load("claims")
    factual = claims[claims.verdict != "opinion"]
    wrong = factual.verdict.isin(["corrected", "outdated"]).mean()
    confirmed = (factual.verdict == "confirmed").mean()
    assert confirmed > wrong and confirmed + wrong <= 1
