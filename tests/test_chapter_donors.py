"""The donor-dependency chapter: each comparison, trend and superlative its key findings and
section prose state is checked here as a relation on the tables (read through ``cfr.load``),
and every chart must have data.

These tests do not recompute the notebook's numbers; they state what the sentences claim
("the Western donors together gave more than Japan in every period", "below half of expense
every year since 2013") and check it on the data, so a change in the data that breaks a
sentence fails here.
"""
import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, figures, has_data

from cfr import fact, fact_row, load, package
from cfr.facts import FACT_FIELDS
from cfr.partners import WESTERN_DONORS

PAGE = "chapters/donors"
TEXT = (ROOT / f"{PAGE}.md").read_text()
PERIODS = [(first, first + 3) for first in range(1992, 2024, 4)]


# --- small readers of the tables ------------------------------------------------------------
def khm(table: str, column: str) -> pd.Series:
    df = load(table)
    return df[df.iso3 == "KHM"].set_index("year")[column].astype(float)


def period_shares() -> pd.DataFrame:
    """Each donor's share (%) of all net ODA Cambodia received, by four-year period."""
    total = khm("donors_oda", "oda_usd")
    donors = load("donors_by_donor")
    rows = {}
    for a, b in PERIODS:
        given = donors[donors.year.between(a, b)].groupby("donor_iso3").net_oda_usd.sum()
        rows[f"{a}-{b}"] = given / total.loc[a:b].sum() * 100
    shares = pd.DataFrame(rows).T
    shares["WEST"] = shares[list(WESTERN_DONORS)].sum(axis=1)
    return shares


def yearly_donors() -> pd.DataFrame:
    d = load("donors_by_donor")
    return d[d.year >= 1992].pivot(index="year", columns="donor_iso3", values="net_oda_usd")


def loans() -> pd.DataFrame:
    ln = load("donors_loans_net").pivot(index="year", columns="lender", values="net_flow_usd")
    ln["banks"] = ln["World Bank IDA"] + ln["Regional development bank (ADB)"]
    return ln


# --- charts -----------------------------------------------------------------------------------
def test_every_chart_has_a_title_and_data(nb):
    figs = figures(nb)
    assert len(figs) == 7
    for fig in figs:
        title = fig["layout"]["meta"]["cfr_title"]
        assert title and fig["layout"]["meta"]["cfr_alt"], title
        assert fig["data"], title
        for trace in fig["data"]:
            key = "z" if trace["type"] == "heatmap" else "y"
            assert has_data(trace, key), f"{title}: trace {trace.get('name')!r} has no data"


def test_key_findings_glue_the_relations(g):
    """The key findings read their numbers from the cells below; the relations they state hold
    for the glued values too."""
    assert g["western_share_last"] > g["japan_share_last"]
    assert g["expense_share_below_half_since"] == g["expense_share_last_half_year"] + 1
    assert g["oda_gni_last"] < g["oda_gni_peak"] and g["oda_usd_growth_2000_last"] > 1
    assert g["china_oda_like_share"] < 50


# --- aid's weight -----------------------------------------------------------------------------
def test_aid_share_of_gni_peaked_in_1995_and_fell_by_2023_while_dollars_grew():
    gni = khm("donors_oda_gni", "oda_pct_gni").loc[1990:]
    usd = khm("donors_oda", "oda_usd")
    assert gni.idxmax() == 1995
    assert gni[2023] < gni[1995] / 3                      # "fallen by 74%"
    assert usd.idxmax() == 2023                            # "the highest in the series"
    assert usd[2023] / usd[2000] > 4                       # "grew 4.6 times"


def test_fall_in_aid_weight_was_not_smooth():
    gni = khm("donors_oda_gni", "oda_pct_gni")
    assert gni[1999] < gni[1996] and gni[2000] > gni[1999]  # dip after 1997, recovery in 2000
    assert 9 < gni[2000] < 10                               # "close to" a tenth, not a tenth
    assert gni.loc[1995:].idxmin() == 2018                  # the low after the peak
    assert (gni.loc[1995:].diff().dropna() > 0).sum() >= 3  # it rose in several years


def test_cambodia_close_to_laos_far_above_vietnam_in_2023():
    gni = load("donors_oda_gni").query("year == 2023").set_index("iso3").oda_pct_gni
    assert abs(gni.KHM - gni.LAO) < 1 and gni.VNM < gni.KHM / 10
    pp = load("donors_oda").query("year == 2023").set_index("iso3").oda_per_person_usd
    assert pp.KHM > pp.LAO


def test_net_oda_jumped_in_2020_held_in_2021_and_rose_again():
    usd = khm("donors_oda", "oda_usd")
    assert usd[2020] / usd[2019] > 1.3
    assert abs(usd[2021] / usd[2020] - 1) < 0.02
    assert usd[2021] < usd[2022] < usd[2023]
    # Lowy's broader measure fell back after the pandemic years (both editions)
    assert fact("lowy2024_odf_pct_gdp_2022") < fact("lowy2024_odf_pct_gdp_2021")
    assert fact("lowy_odf_pct_gdp_2023") < fact("lowy_odf_pct_gdp_2020")
    assert "reflects pandemic-era finance" not in TEXT


# --- the budget -------------------------------------------------------------------------------
def test_half_the_budget_last_true_in_2012_below_every_year_since():
    ratio = khm("donors_oda_expense", "oda_pct_expense").dropna()
    assert ratio[ratio >= 50].index.max() == 2012
    assert (ratio.loc[2013:] < 50).all()
    assert list(ratio.loc[:2012][ratio.loc[:2012] < 50].index) == [2011]  # the one dip
    assert list(ratio[ratio > 100].index) == [2002, 2003]
    # the key findings and the prose say it one way (no "about 2010" left)
    assert not re.search(r"(until|to) about 20\d\d", TEXT)


def test_ratio_rose_again_from_2020_and_ministry_figure_sits_under_it():
    ratio = khm("donors_oda_expense", "oda_pct_expense")
    assert (ratio.loc[2020:2023] > ratio[2019]).all()
    assert 25 < ratio.loc[2020:2023].min() and ratio.loc[2020:2023].max() < 35
    stated = load("donors_budget_statements").set_index("year")
    assert stated.loc[2017, "value"] < ratio[2017]


def test_budget_statements_table_renamed():
    names = {r["name"] for r in package()["resources"]}
    assert "donors_budget_statements" in names and "donors_budget_facts" not in names
    assert not (ROOT / "data" / "donors_budget_facts.csv").exists()
    assert (load("donors_budget_statements").quote.str.len() > 10).all()


# --- who gives --------------------------------------------------------------------------------
def test_japan_largest_single_donor_in_every_period():
    shares = period_shares().drop(columns="WEST")
    assert (shares.idxmax(axis=1) == "JPN").all()


def test_western_donors_together_gave_more_than_japan_in_every_period():
    shares = period_shares()
    assert (shares.WEST > shares.JPN).all()
    assert shares.WEST.iloc[:-1].min() >= 35 and shares.WEST.iloc[-1] < 30


def test_western_fall_is_one_period_and_the_largest_swing():
    west = period_shares().WEST
    swings = west.diff().abs().dropna()
    assert swings.idxmax() == west.index[-1]                  # "the largest"
    assert swings.iloc[:-1].max() > 10                        # "has swung before"


def test_japan_out_gave_the_seven_only_in_2022_and_2023():
    yearly = yearly_donors()
    west = yearly[list(WESTERN_DONORS)].sum(axis=1)
    assert list(yearly.index[yearly.JPN > west]) == [2022, 2023]
    top = yearly.idxmax(axis=1)
    assert dict(top[top != "JPN"]) == {1992: "SWE", 2019: "FRA"}


def test_uk_all_but_left_sweden_shrank_korea_steady_since_2012():
    shares = period_shares()
    assert shares.GBR.iloc[-1] < 0.5
    assert shares.SWE.iloc[-1] < shares.SWE.iloc[:-1].min()
    assert shares.KOR.iloc[0] < 0.1 and shares.KOR.loc["2012-2015":].between(7, 8.5).all()


def test_one_definition_of_western_donors():
    assert set(WESTERN_DONORS) == {"USA", "EUU", "FRA", "DEU", "GBR", "SWE", "AUS"}
    assert "WESTERN_DONORS" in TEXT and not re.search(r"\bWEST\s*=", TEXT)


def test_us_and_europe_sent_billions():
    yearly = yearly_donors()
    assert yearly[["USA", "EUU", "FRA", "DEU", "GBR", "SWE"]].sum().sum() > 2e9


# --- lenders and China ------------------------------------------------------------------------
def test_bilateral_lenders_ahead_of_the_banks_2008_to_2022_only():
    ln = loans().dropna(subset=["banks", "Bilateral lenders (all)"])
    ahead = ln["Bilateral lenders (all)"] > ln.banks
    assert not ahead.loc[:2007].any()
    assert ahead.loc[2008:2022].all()
    assert not ahead[2023]


def test_ida_low_2006_2018_and_negative_in_2015_2016():
    ida = loans()["World Bank IDA"] / 1e6
    assert ida.loc[2006:2018].max() < 25
    assert list(ida.index[ida < 0]) == [2015, 2016]


def test_china_mostly_not_aid_and_surged_from_2007():
    cn = load("donors_china_gcdf")
    by_class = cn.groupby("flow_class").commitment_usd_2021.sum()
    assert by_class["ODA-like"] / by_class.sum() < 0.25
    before = cn[cn.year < 2007].groupby("flow_class").commitment_usd_2021.sum()
    assert before["ODA-like"] / before.sum() > 0.8
    by_year = cn.groupby("year").commitment_usd_2021.sum()
    assert by_year.idxmax() == 2010 and by_year.loc[2007:].sum() > 10 * by_year.loc[:2006].sum()


def test_sources_disagree_on_china_versus_japan_in_2010():
    assert fact("cdc_2010_japan") > fact("cdc_2010_china")
    assert fact("china_top_donor_since") == 2010


# --- conditions -------------------------------------------------------------------------------
def test_2009_pledges_compared_with_the_june_2007_row():
    ratio = fact("pledge_2009_cg") / fact("pledge_2007_cdcf")
    assert 1.3 < ratio < 1.5                     # not "almost double"
    assert "almost double" not in TEXT


def test_2009_pledge_ranking_as_the_text_gives_it():
    """China's pledge for 2009 was the largest, ahead of the EU's and then Japan's, all three
    inside the total (Phnom Penh Post, 8 Dec 2008)."""
    china, eu, japan = (fact(k) for k in ["china_pledge_2009", "eu_pledge_2009",
                                          "japan_pledge_2009"])
    assert china > eu > japan and china + eu + japan < fact("pledge_2009_cg")


def test_china_counted_at_the_first_cdcf_without_a_delegation():
    """Chinese aid counted in the June 2007 forum's pledges, though China sent no delegation:
    the text no longer says China 'pledged at the donor forum'."""
    assert 0 < fact("china_pledge_2007") < fact("pledge_2007_cdcf")
    assert "did not send a delegation" in fact_row("cdcf_2007_china_no_delegation").quote
    assert "China pledged at the donor forum for the first time" not in TEXT
    assert "China sent no delegation" in " ".join(TEXT.split())


def test_2001_pledges_two_reports_both_kept():
    """The CDC's record (over US$610 million) is above the Japan Times' US$560 million; both
    rows are kept, neither on a repost."""
    cdc, jt = fact_row("pledge_2001_cg"), fact_row("pledge_2001_japantimes")
    assert cdc.value > jt.value and cdc.value_as_given.startswith("over")
    assert "cdc-crdb.gov.kh" in cdc.source_url and "japantimes" in jt.source_url


def test_china_share_of_debt_two_sources_ap_higher():
    """The caveat: AP's 'more than 40%' and, lower, the SCMP's figure from the finance
    ministry's bulletin (2023)."""
    ap, mef = fact_row("debt_china_share_rfa"), fact_row("debt_china_share_mef_2023")
    assert ap.value > mef.value and ap.value_as_given.startswith(">")
    assert ap.as_of == mef.as_of == "2023"
    assert "put it lower the same month" in " ".join(TEXT.split())


def test_donor_tables_cite_no_blog_or_encyclopedia():
    """Issue 20: the donors' facts, timeline and budget statements rest on no secondary or
    blog source."""
    for table in ["donors_facts", "donors_timeline", "donors_budget_statements"]:
        weak = load(table).query("source_grade in ['secondary', 'blog']")
        assert weak.empty, (table, sorted(set(weak.source_url)))


def test_world_bank_freeze_was_over_evictions():
    row = fact_row("wb_freeze_2011_condition")
    assert "Boeung Kak" in row.quote and row.value_as_given in row.quote
    assert "withheld aid over political reform" not in TEXT


def test_china_pledges_on_the_timeline_did_not_only_grow():
    tl = load("donors_timeline")
    china = tl[tl.lane == "CHN"].sort_values("date").event.str.extract(r"\$(\d+)")[0].astype(float)
    assert not china.is_monotonic_increasing
    assert "China's pledges grew" not in TEXT


def test_2025_facts_are_dated_and_quoted():
    for key in ["usaid_terminated_2025", "us_demining_halt_2025", "china_cmac_grant_2025",
                "lowy_2025_us_cuts_warning"]:
        row = fact_row(key)
        assert row.as_of.startswith("2025") and row.value_as_given.split()[-1].strip("$") in row.quote


# --- the facts table --------------------------------------------------------------------------
def test_donors_facts_use_the_one_layout_and_every_glued_fact_exists():
    facts = load("donors_facts")
    assert list(facts.columns)[:len(FACT_FIELDS)] == FACT_FIELDS
    assert facts.key.is_unique and facts.as_of.str.fullmatch(r"\d{4}(-\d{2}){0,2}").all()
    used = set()
    for call in re.findall(r"glue_facts\(\[([^\]]*)\]", TEXT):
        used |= set(re.findall(r'"([a-z0-9_]+)"', call))
    assert used and used <= set(facts.key)
    assert "def fact(" not in TEXT


def test_added_facts_reach_the_table():
    added = pd.read_csv(ROOT / "sources" / "donors" / "facts_added.csv")
    assert set(added.key) <= set(load("donors_facts").key)
    assert (added.retrieved == "2026-12-01").all()
    assert (Path(ROOT / "sources" / "donors" / "ADDED.md")).exists()


def test_timeline_schema():
    tl = load("donors_timeline")
    assert list(tl.columns) == ["date", "date_precision", "event", "lane", "source_title",
                                "source_url", "source_grade"]
    assert set(tl.date_precision) <= {"day", "month", "year"}
    month = tl[tl.date_precision == "month"]
    assert (pd.to_datetime(month.date).dt.day == 1).all()


@pytest.mark.parametrize("phrase", ["Western donors' share has slipped", "Japan, not the West"])
def test_retired_framings_are_gone(phrase):
    assert phrase not in TEXT
