"""The UN-reform chapter's claims, stated on the tables (read through ``cfr.load``).

Each test states one comparison, trend, superlative or absolute that the key findings, the
prose or a chart title makes, and checks it on the data; none copies the notebook's code.
The last tests check that every chart the chapter draws has data.
"""

import pandas as pd
import pytest

from cfr import fact, fact_row, load
from conftest import ROOT, figures, has_data

PAGE = "chapters/un"
TEXT = (ROOT / f"{PAGE}.md").read_text()


# --- Who held the seat -------------------------------------------------------------------
def test_settlement_was_not_un_administration_of_the_whole_state():
    """The Supreme National Council held the seat and signed; UNTAC controlled five areas of
    civil administration and 'the relevant aspects' of administration, not the state."""
    assert fact("untac_control_areas") == 5
    assert "relevant aspects of the administration" in fact_row(
        "untac_mandate_administration_1991").quote
    assert "represented by the Supreme National Council" in fact_row(
        "snc_represents_cambodia_1991").quote
    assert "SNC offers advice to UNTAC" in fact_row("snc_advises_untac_1991").quote
    # the parties accepted the framework before the Council was formed on 10 Sep 1990
    assert fact_row("framework_accepted_by_parties_1990").as_of < fact_row("snc_formed_1990").as_of
    assert "placed the country under UN administration" not in TEXT
    assert "three\ntimes without it" not in TEXT and "three times without it" not in TEXT


def test_seat_was_decided_without_phnom_penh_twice():
    """'Twice the seat was decided in New York without the government in Phnom Penh': the
    credentials votes (1979-90) and the 1997 vacancy; the settlement rows are a third kind."""
    t = load("un_timeline")
    seat = t[(t.lane == "Membership, seat, votes") & t.event.str.contains("Khmer Rouge|vacant")]
    assert sorted(seat.date.dt.year) == [1980, 1997]
    assert fact("credentials1980_yes") > int(fact_row("credentials1980_yes").unit.split("(")[1].split()[0])


def test_timeline_title_seat_until_1998_then_what_cambodia_does():
    t = load("un_timeline")
    year = t.date.dt.year
    seat_lanes = ["Membership, seat, votes", "Settlement and UNTAC"]
    before, after = t[year <= 1998], t[year >= 2000]
    assert before.lane.isin(seat_lanes).mean() > 0.5          # "most ... until 1998"
    assert not (after.lane == "Settlement and UNTAC").any()
    # after 2000 the only membership-lane row is a vote Cambodia cast
    assert after[after.lane == "Membership, seat, votes"].event.str.contains("ES-11/1").all()
    assert year[t.lane == "Peacekeeping"].min() == 2006        # "from 2006 peacekeepers"
    assert year[(year > 1998) & (year < 2000)].empty


# --- The Council ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def groups():
    regions = load("un_unsc_regions")
    permanent = load("un_unsc_permanent_groups")
    wide = regions.pivot(index="group", columns="measure", values="value").fillna(0)
    members = wide.member_states + wide.electoral_members_outside_group
    seats = wide.elected_seats + permanent.group.value_counts().reindex(wide.index, fill_value=0)
    return pd.DataFrame({"members": members, "member_share": members / members.sum(),
                         "seat_share": seats / seats.sum()}).drop(index="No group (Kiribati)")


def test_two_largest_groups_are_the_most_under_represented(groups):
    shortfall = groups.member_share - groups.seat_share
    assert set(shortfall.nlargest(2).index) == set(groups.members.nlargest(2).index)
    assert "Asia-Pacific Group" in groups.members.nlargest(2).index      # "including Cambodia's"
    assert (shortfall.nlargest(2) > 0).all()


def test_western_group_over_represented(groups):
    west = groups.loc["Western European and Others Group"]
    assert west.seat_share > 2 * west.member_share
    assert groups.seat_share.idxmax() == "Western European and Others Group"
    asia = groups.loc["Asia-Pacific Group"]
    assert asia.seat_share < asia.member_share


def test_us_counts_with_the_west_kiribati_in_no_group_and_the_counts_rest_on_a_wikipedia_copy():
    """'The United States counts with the Western European and Others Group for elections (the
    UN seats it in that group's share of bodies filled by region), and Kiribati was in no
    group'; the member counts are 'as a copy of Wikipedia's article gave them' (key finding:
    'from a copy of Wikipedia's article'), while the permanent members' groups come from UN or
    government pages."""
    regions = load("un_unsc_regions")
    permanent = load("un_unsc_permanent_groups").set_index("iso3")
    assert permanent.group["USA"] == "Western European and Others Group"
    outside = regions[regions.measure == "electoral_members_outside_group"]
    assert outside.group.tolist() == ["Western European and Others Group"]
    assert outside.value.item() == 1 and "un.org" in outside.source_url.item()
    kiribati = regions[regions.group == "No group (Kiribati)"]
    assert kiribati.value.item() == 1 and "ask.un.org" in kiribati.source_url.item()
    counts = regions[regions.measure == "member_states"].drop(kiribati.index)
    assert counts.source_url.str.contains("alchetron").all()          # the Wikipedia copy
    assert "copy of\n  Wikipedia's article" in TEXT or "copy of Wikipedia's article" in TEXT
    assert permanent.source_grade.isin(["primary"]).all()


def test_2005_drafts_25_to_26_seats_split_on_permanent():
    m = load("un_reform_models").pivot(index="model", columns="category", values="seats")
    today = m.loc["Council today"]
    drafts = m.drop(index="Council today")
    assert drafts.sum(axis=1).between(25, 26).all()
    added = drafts.permanent - today.permanent
    assert added["G4 draft (A/59/L.64)"] > 0 and added["African Union draft"] > 0
    assert added["Uniting for Consensus draft (A/59/L.68)"] == 0
    assert fact("reform_drafts_voted") == 0                            # "None was put to a vote"
    assert "Cambodia not among them" in fact_row("g4_sponsors").claim


# --- What Cambodia said ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def statements():
    return load("un_debate_statements")


def test_named_candidates_only_2000_2004_and_none_since(statements):
    japan = statements[statements.candidates_named.str.contains("Japan", na=False)]
    # consecutive statements, all by Hor Namhong
    assert japan.year.diff().dropna().eq(1).all()
    assert japan.speaker.str.lower().str.contains("hor").all()
    # the first named Japan and India only; every later one Japan, Germany and India
    names = japan.candidates_named.str.split("; ").map(set).tolist()
    assert names[0] == {"Japan", "India"}
    assert all(n == {"Japan", "Germany", "India"} for n in names[1:])
    # none since: no statement after the last names anyone
    assert statements[statements.year > japan.year.max()].candidates_named.isna().all()
    # the only other naming statement is 1961 (India and the PRC), before these
    others = statements[statements.candidates_named.notna() & ~statements.index.isin(japan.index)]
    assert (others.year < japan.year.min()).all()
    assert not others.candidates_named.str.contains("Japan|Germany").any()


def test_2005_statement_silent_and_later_stances_name_no_one(statements):
    assert not statements.set_index("year").reform_statement[2005]
    later = statements[statements.year > 2005]
    assert later.candidates_named.isna().all()
    assert not (later.stance == "Names candidates for permanent seats").any()


def test_2016_2023_mostly_silent(statements):
    late = statements[statements.year.between(2016, 2023)]
    assert (~late.reform_statement).sum() > len(late) / 2
    assert statements.reform_statement.sum() < len(statements) / 2    # "only ... at all"


def test_reason_for_dropping_names_is_attributed_not_asserted():
    """The cause is one analyst's reading; the text says so and does not state it as fact."""
    assert "Lao Mong Hay" in fact_row("backtracking_analyst_2005").claim
    assert "status quo" in fact_row("wait_and_see_reason_2005").quote
    assert "began to cost something with China" not in TEXT
    sentences = [s for s in TEXT.replace("\n", " ").split(". ") if "appeas" in s]
    assert sentences and all("analyst" in s for s in sentences)


def test_ign_statement_dated_after_first_plenary():
    assert fact_row("ign80_first_plenary").as_of.startswith(fact_row("ign80_khm_both_categories").as_of)
    t = load("un_timeline")
    assert t[t.event.str.startswith("At the Intergovernmental")].date.dt.year.tolist() == [2026]


# --- The bid ------------------------------------------------------------------------------
def test_2012_bid_fell_and_lost_widely():
    r1, r2 = fact("election2012_r1_khm"), fact("election2012_r2_khm")
    kor1, kor2 = fact("election2012_r1_kor"), fact("election2012_r2_kor")
    threshold = fact("election2012_threshold")
    assert r2 < r1 and kor2 > kor1                       # "fell from ... South Korea rose"
    assert kor2 >= threshold > r1                         # Korea above the threshold
    assert kor2 - r2 > r2                                 # "a wide margin": more than Cambodia's vote


# --- Peacekeepers ------------------------------------------------------------------------
def test_peacekeepers_rose_from_2011_to_2015_2020():
    t = load("un_peacekeeping_totals").set_index("year")
    complete = t[t.complete_year].total_uniformed_avg_monthly
    assert complete.loc[:2015].is_monotonic_increasing     # rose, 2011 to 2015
    assert (complete.loc[2015:2020] > complete[2011]).all()
    assert t.female_avg_monthly[2020] > t.female_avg_monthly[2011]
    assert t.total_uniformed_avg_monthly[2020] / t.all_countries_total_same_method[2020] < 0.01


def test_reported_deployments_rose_and_count_deployments():
    rep = load("un_peacekeeping_reported")
    series = rep[rep.measure.str.contains("cumulative") & ~rep.measure.str.startswith("women")
                 ].sort_values("date")
    assert series.value.is_monotonic_increasing
    assert series.value.iloc[-1] == series.value.max()
    assert "a year of service" in fact_row("pk_rotation_one_year_2025").quote


# --- Votes -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def agreement():
    a = load("un_unga_agreement_by_issue")
    return a.pivot_table(index="partner_iso3", columns=["decade", "issue_code"], values="agreement")


def test_neighbours_closest_china_far_above_us(agreement):
    all_2010s = agreement["2010s"]["all"]
    assert set(all_2010s.nlargest(3).index) == {"VNM", "LAO", "THA"}
    assert all_2010s.idxmin() == "USA"
    assert all_2010s["CHN"] > 3 * all_2010s["USA"]                   # "far more"
    assert agreement["1990s"]["all"]["CHN"] > agreement["1990s"]["all"]["USA"]   # "not new"


def test_issue_gaps(agreement):
    d = agreement["2010s"].drop(columns="all")
    assert set(d.loc["USA"].nsmallest(3).index) == {"me", "co", "hr"}
    assert d.loc["CHN"].idxmin() == "nu" and d.loc["CHN", "hr"] > d.loc["CHN", "nu"]
    assert d.loc["JPN"].idxmin() == "hr"
    assert set(d.loc["IND"].nsmallest(2).index) == {"nu", "di"}       # alt text


def test_every_issue_closer_to_china_and_neighbours_than_to_us(agreement):
    d = agreement["2010s"]
    for issue in d.columns.unique():
        assert min(d.loc[iso, issue] for iso in ["CHN", "VNM", "LAO", "THA"]) > d.loc["USA", issue]


def test_es11_1_deplores_not_condemns():
    assert fact_row("es11_1_deplores_2022").quote.startswith("Deploring")
    vote = fact_row("ukraine_es11_1_yes").claim            # one fact, one row: the powers chapter's
    assert "Cambodia co-sponsored" in vote and "China" in vote.split("abstained")[0].split(";")[-1]
    es = [s for s in TEXT.replace("\n", " ").split(". ") if "ES-11/1" in s]
    assert es and all("deplores" in s and "condemn" not in s for s in es)


# --- Figures -----------------------------------------------------------------------------
def _data_keys(trace):
    return ["z"] if trace["type"] == "heatmap" else ["x", "y"]


def test_every_chart_has_data(nb):
    figs = figures(nb)
    assert len(figs) == 8
    for fig in figs:
        meta = fig["layout"]["meta"]
        assert meta["cfr_title"] and meta["cfr_alt"] and meta["cfr_tables"]
        drawn = [t for t in fig["data"] if t.get("hoverinfo") != "skip"]
        assert drawn, meta["cfr_title"]
        for trace in drawn:
            for key in _data_keys(trace):
                assert has_data(trace, key), (meta["cfr_title"], trace.get("name"), key)
    assert any(t["type"] == "heatmap" for f in figs for t in f["data"])


def test_peacekeeping_titles_say_deployments(nb):
    by_table = {tuple(f["layout"]["meta"]["cfr_tables"]): f["layout"]["meta"] for f in figures(nb)}
    meta = by_table[("un_peacekeeping_reported",)]
    assert "deployments" in meta["cfr_title"] and "peacekeepers" not in meta["cfr_title"]
    assert "deployments" in meta["cfr_alt"]
