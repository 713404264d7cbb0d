"""The great-power chapter: each comparison, trend and superlative its key findings and prose
state is checked here on the tables (through ``cfr.load``), written as the relation the
sentence claims, not as a copy of the notebook's code; and every chart has data."""
from pathlib import Path

import pandas as pd
import pytest

from cfr import fact, fact_row, facts, load, partners
from cfr.facts import FACT_FIELDS
from conftest import ROOT, figures, has_data

PAGE = "chapters/powers"
NEIGHBOURS = ["VNM", "LAO", "THA"]
ALL_PARTNERS = ["CHN", "VNM", "LAO", "THA", "USA", "JPN", "RUS", "FRA", "IND"]


def agreement(first, last):
    """% same vote, pooled over the roll calls of first..last, by partner (from the rows)."""
    u = load("powers_unga_agreement")
    s = u[u.year.between(first, last)].groupby("partner_iso3")[
        ["identical_votes", "shared_votes"]].sum()
    return s.identical_votes / s.shared_votes * 100


# --- Votes ---------------------------------------------------------------------------------
@pytest.mark.parametrize("decade", [1990, 2000, 2010])
def test_votes_with_each_neighbour_more_than_with_china(decade):
    """Key finding: in each decade since the 1990s Cambodia's votes matched Vietnam's, Laos's
    and Thailand's more often than China's."""
    a = agreement(decade, decade + 9)
    for iso in NEIGHBOURS:
        assert a[iso] > a["CHN"], (decade, iso)


@pytest.mark.parametrize("decade", [1980, 1990, 2000, 2010])
def test_votes_with_the_us_least(decade):
    """The US was the partner Cambodia agreed with least in every decade from the 1980s."""
    a = agreement(decade, decade + 9)
    assert a.idxmin() == "USA", (decade, a.idxmin())


def test_votes_order_2010s():
    """2010-2019: Vietnam, Laos, Thailand, then China; India and Russia behind; Japan, France
    and the US far below."""
    a = agreement(2010, 2019)
    assert a["VNM"] > a["LAO"] > a["THA"] > a["CHN"]
    assert a["CHN"] > max(a["IND"], a["RUS"])
    assert min(a["IND"], a["RUS"]) > max(a["JPN"], a["FRA"], a["USA"])
    assert a.idxmax() == "VNM"


def test_votes_seat_holder_and_1990s():
    """DK/CGDK seat: far closer to China than to the US. In the 1990s agreement with China
    fell and agreement with the US reached its highest decade after the 1970s."""
    u = load("powers_unga_agreement")
    dk = u.loc[u.dk_seat, "year"]
    assert (dk.min(), dk.max()) == (1975, 1989)
    era = agreement(dk.min(), dk.max())
    assert era["CHN"] > 90 > 20 > era["USA"]
    nineties = agreement(1990, 1999)
    assert nineties["CHN"] < era["CHN"] and nineties["USA"] > era["USA"]
    for later in [(1980, 1989), (2000, 2009), (2010, 2019)]:
        assert nineties["USA"] > agreement(*later)["USA"], later


def test_ideal_points_further_from_us_than_china_since_2015():
    """Every session 2015-2019 Cambodia lay below China (further from the US); in 2018 and
    2019 below Vietnam and Laos too; in 1999-2014 they swapped places; China itself sat higher
    in every session of 2015-2019 than in any of 1999-2014."""
    ip = load("powers_unga_ideal_points").pivot(index="year", columns="iso3",
                                                 values="ideal_point")
    recent, middle = ip.loc[2015:2019], ip.loc[1999:2014]
    assert len(recent.KHM.dropna()) == 5 and (recent.KHM < recent.CHN).all()
    for year in (2018, 2019):
        assert ip.loc[year, "KHM"] < min(ip.loc[year, "VNM"], ip.loc[year, "LAO"]), year
    below = (middle.KHM < middle.CHN).sum()
    assert 0 < below < middle.KHM.notna().sum()
    assert recent.CHN.min() > middle.CHN.max()


# --- Arms ----------------------------------------------------------------------------------
def test_arms_china_largest_since_1991_and_no_us_deliveries_after_1974():
    a = load("powers_arms_transfers")
    gov = a[a.recipient == "Cambodian government"]
    since = gov[gov.year >= 1991].groupby("supplier_iso3").tiv_musd.sum()
    assert since.idxmax() == "CHN"
    assert gov[gov.supplier_iso3 == "USA"].year.max() == 1974 < 1991
    # "the rest came mostly from other former socialist states in Europe"
    rest = since.drop(["CHN", "UKR"])
    east = rest.reindex(["CZE", "POL", "SRB", "BGR", "SVK", "RUS"]).fillna(0).sum()
    assert east > rest.sum() / 2
    # Khmer Republic: almost entirely the US; PRK/SOC: the USSR first, Bulgaria second
    kr = gov[gov.year.between(1970, 1974)].tiv_musd
    assert gov[gov.year.between(1970, 1974) & (gov.supplier_iso3 == "USA")].tiv_musd.sum() \
        > 0.9 * kr.sum()
    eighties = gov[gov.year.between(1979, 1990)].groupby("supplier_iso3").tiv_musd.sum()
    assert list(eighties.sort_values(ascending=False).index[:2]) == ["RUS", "BGR"]


def test_article_ranking_against_deliveries():
    """Only three of the article's ten partners delivered major arms after 1991; China most."""
    r = load("powers_defence_ranking")
    since = partners.arms_delivered(since=1991)
    delivered = r.partner_iso3.map(since).fillna(0)
    assert len(r) == 10 and (delivered > 0).sum() == 3
    assert r.partner_iso3[delivered.idxmax()] == "CHN"


# --- Trade and tariffs ---------------------------------------------------------------------
def test_cambodia_buys_more_from_china_than_it_sells_in_every_period():
    t = load("powers_trade")
    c = t[(t.partner == "China") & t.flow.isin(["exports_to_partner", "imports_from_partner"])]
    assert not c.reported_by.str.startswith("China").any()  # Cambodian figures only
    both = c.pivot(index=["year", "period"], columns="flow", values="value").dropna()
    assert len(both) >= 5
    ratio = both.imports_from_partner / both.exports_to_partner
    assert (ratio > 4).all()


def test_export_markets_2022():
    """The US took the largest share of non-gold exports in 2022; US + EU far above China."""
    shares = partners.export_shares(2022)
    assert shares.idxmax() == "USA"
    assert shares["USA"] + shares["EUU"] > 60 > 10 > shares["CHN"]
    assert shares["CHN"] < shares["EUU"]


def test_us_tariffs_2025_sequence():
    """49% announced (2 Apr 2025), 36% threatened (July), 19% applied (7 Aug) and kept under
    the October agreement, in which Cambodia removed its tariffs on all US goods."""
    steps = ["us_tariff_2025_apr", "us_tariff_2025_jul_letter", "us_tariff_2025_aug"]
    rates = [fact(k) for k in steps]
    assert rates == sorted(rates, reverse=True) and rates[0] == 49 and rates[-1] == 19
    dates = [fact_row(k).as_of for k in steps + ["us_tariff_2025_oct"]]
    assert dates == sorted(dates) and dates[0] == "2025-04-02"
    assert fact("us_tariff_2025_oct") == fact("us_tariff_2025_aug")
    assert fact("khm_tariffs_us_goods_2025_oct") == 100


# --- Aid and investment --------------------------------------------------------------------
def test_japan_is_not_western_and_gives_more_than_any_western_donor():
    assert "JPN" not in partners.WESTERN_DONORS
    oda = partners.net_oda(2010, 2021)
    western = oda.reindex(list(partners.WESTERN_DONORS)).dropna()
    assert len(western) == len(partners.WESTERN_DONORS)
    assert oda["JPN"] > western.max() and western.idxmax() == "USA"
    assert 0.45 < oda["JPN"] / western.sum() < 0.55  # "about half as much"
    assert oda.idxmax() == "JPN"  # the largest provider of net bilateral aid in the table


def test_japan_aid_did_not_shrink():
    """Japan's net aid in 2020 and 2021 was higher than in any year 2010-2019, and the second
    half of the period above the first."""
    years = pd.Series({y: partners.net_oda(y, y)["JPN"] for y in range(2010, 2022)})
    assert min(years[2020], years[2021]) > years.loc[:2019].max()
    assert years.loc[2016:].mean() > years.loc[:2015].mean()


def test_china_share_of_approvals_swings():
    """China's share of all approved investment: lowest in 2024 Q1, highest in Jan-Sep 2018,
    above half in four of five periods; China the largest foreign source in every period that
    names more than one country."""
    f = load("powers_fdi")
    share = f[(f.source_country == "China")
              & (f.share_of == "all approved investment (domestic included)")].set_index(
        "period").value
    assert len(share) == 5
    assert share.idxmin() == "2024 Q1" and share.idxmax() == "2018 Jan-Sep"
    assert (share > 50).sum() == 4
    countries = f[f.source_iso3.notna()]
    for (period, measure), part in countries.groupby(["period", "measure"]):
        if len(part) > 1 and "CHN" in set(part.source_iso3):
            assert part.set_index("source_iso3").value.idxmax() == "CHN", period


def test_scorecard_leaders():
    """Scorecard title: China leads on arms and official finance, the US on export markets,
    Vietnam on UN votes (each indicator as cfr.partners computes it)."""
    card = partners.cross_theme(["CHN", "VNM", "LAO", "THA", "USA", "JPN", "EUU", "FRA", "RUS",
                                 "IND"])
    leader = card.dropna(subset=["value"]).sort_values("value").groupby("theme").partner.last()
    assert leader["Security"] == "CHN" and leader["Aid"] == "CHN"
    assert leader["Trade"] == "USA" and leader["Votes"] == "VNM"


# --- Timeline and facts --------------------------------------------------------------------
def test_ceasefire_is_one_row_in_putrajaya():
    """The July 2025 ceasefire is read from the borders timeline row (one fact, one row), and
    nothing in the chapter's tables or text places it in Kuala Lumpur."""
    t = load("powers_timeline")
    row = t[t.date == "2025-07-28"]
    assert len(row) == 1 and "Putrajaya" in row.event.iloc[0]
    borders = pd.read_csv(ROOT / "sources/borders/timeline.csv", dtype=str)
    assert row.event.iloc[0] in set(borders[borders.date == "2025-07-28"].event)
    for table in ["powers_timeline", "powers_facts"]:
        for text in load(table).fillna("").astype(str).apply(" ".join, axis=1):
            assert not ("ceasefire" in text and "Kuala Lumpur" in text), (table, text)
    assert "Kuala Lumpur" not in (ROOT / "chapters/powers.md").read_text()


def test_timeline_title_claims():
    """China's lane fills up after 2006; the US lane's 2025-2026 events follow the embargo."""
    t = load("powers_timeline")
    chn = t[t.lane == "CHN"].date.dt.year
    assert (chn >= 2006).sum() > (chn < 2006).sum()
    usa = t[t.lane == "USA"]
    embargo = usa[usa.event.str.contains("arms embargo")].date.min()
    assert (usa[usa.date.dt.year >= 2025].date > embargo).all()
    assert usa.date.dt.year.max() == 2026


def test_facts_in_the_one_layout_and_no_duplicated_fact():
    f = load("powers_facts")
    assert list(f.columns[:len(FACT_FIELDS)]) == FACT_FIELDS
    everything = facts()  # raises if a key is used twice across the book's facts tables
    assert set(f.key) <= set(everything.index)
    # the canal's cost and financing are the Mekong chapter's rows, not repeated here
    assert not f.key.str.startswith("funan_techo_usd").any()
    assert everything.loc["funan_cambodian_stake_2025", "table"] == "mekong_facts"


def test_text_corrections_hold():
    """Fact-check findings 5, 11, 12: the old wording is gone."""
    text = (ROOT / "chapters/powers.md").read_text()
    assert "largest Western donor, disbursed" not in text
    assert "Japan, the largest Western donor" not in text
    assert "only {glue:text}`fdi_chn_share_2024q1" not in text
    assert "China-funded Funan" not in text


# --- Charts --------------------------------------------------------------------------------
def test_every_chart_has_data(nb):
    figs = figures(nb)
    assert len(figs) >= 8
    for fig in figs:
        meta = fig["layout"]["meta"]
        assert meta["cfr_title"] and meta["cfr_tables"] and meta["cfr_alt"]
        keys = ("x", "y", "z")
        assert any(has_data(trace, k) for trace in fig["data"] for k in keys), meta["cfr_title"]
        for trace in fig["data"]:
            if trace["type"] in ("bar", "heatmap"):
                key = "z" if trace["type"] == "heatmap" else (
                    "x" if trace.get("orientation") == "h" else "y")
                assert has_data(trace, key), (meta["cfr_title"], trace.get("name"))
    kinds = {t["type"] for fig in figs for t in fig["data"]}
    assert "heatmap" in kinds  # the scorecard
    assert any(len({t.get("xaxis", "x") for t in f["data"]}) >= 9 for f in figs)


def test_event_text_is_escaped():
    """Text from a CSV cell reaches the chart's hover escaped, so markup cannot run."""
    from cfr import charts

    df = pd.DataFrame({"date": pd.to_datetime(["2000-01-01"]), "event": ["<script>x</script>"],
                       "lane": ["CHN"], "date_precision": ["day"]})
    fig = charts.timeline(df, start="date", label="event", lane="lane")
    assert "<script>" not in str(fig.data[0].customdata[0])


def test_source_files_exist():
    assert (ROOT / "sources/powers/facts_added.csv").exists()
    assert (ROOT / "sources/powers/ADDED.md").exists()
    assert Path(ROOT / "sources/editorial/corrections_powers.csv").exists()
