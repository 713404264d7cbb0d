"""The donor-dependency chapter: it runs, its charts have data, its numbers match the tables.

Every glued number is recomputed here from the tables through ``cfr.load`` (independently of
the notebook's code), so the text cannot drift from the data.
"""

import pandas as pd
from conftest import close, figures

from cfr import load

PAGE = "chapters/donors"


def test_figures_have_data(nb):
    figs = figures(nb)
    assert len(figs) >= 4
    kinds = set()
    for fig in figs:
        assert fig["layout"]["meta"]["cfr_title"]
        assert fig["data"], fig["layout"]["meta"]["cfr_title"]
        for tr in fig["data"]:
            kinds.add(tr["type"])
            values = tr.get("y") if tr["type"] != "heatmap" else tr.get("z")
            assert values is not None and len(values) > 0, fig["layout"]["meta"]["cfr_title"]
            flat = [v for row in values for v in (row if isinstance(row, list) else [row])]
            assert any(v is not None for v in flat), fig["layout"]["meta"]["cfr_title"]
    assert "heatmap" in kinds  # at least one chart beyond a plain line or bar


def test_aid_weight(g):
    gni = load("donors_oda_gni")
    k = gni[gni.iso3 == "KHM"].set_index("year").oda_pct_gni.astype(float)
    peak_year = int(k.loc[1990:].idxmax())
    last = int(k.index.max())
    assert g["gni_peak_year"] == peak_year == 1995
    assert close(g["gni_peak"], k[peak_year])
    assert g["gni_last_year"] == last
    assert close(g["gni_last"], k[last])
    assert close(g["gni_fall_pct"], (1 - k[last] / k[peak_year]) * 100)
    assert close(g["lao_gni_last"], gni[(gni.iso3 == "LAO") & (gni.year == last)].oda_pct_gni.iloc[0])

    imf = load("donors_imf_flows")
    pct = imf[(imf.indicator == "aid_total") & (imf.unit == "percent of GDP")].set_index("year").value
    assert close(g["imf_avg"], pct.mean())
    assert close(g["imf_peak"], pct.max()) and g["imf_peak_year"] == int(pct.idxmax())
    assert close(g["imf_1998"], imf[(imf.indicator == "aid_total") & (imf.unit == "million US$")
                                    & (imf.year == 1998)].value.iloc[0])

    oda = load("donors_oda")
    khm = oda[oda.iso3 == "KHM"].set_index("year")
    assert close(g["usd_2000"], khm.oda_usd[2000] / 1e6)
    assert close(g["usd_last"], khm.oda_usd[last] / 1e6)
    assert close(g["usd_ratio"], khm.oda_usd[last] / khm.oda_usd[2000])
    assert close(g["pp_last"], khm.oda_per_person_usd[last])


def test_budget(g):
    xp = load("donors_oda_expense")
    k = xp[xp.iso3 == "KHM"].set_index("year").oda_pct_expense.astype(float)
    assert g["xp_first_year"] == int(k.index.min()) == 2002
    assert close(g["xp_first"], k[2002])
    assert close(g["xp_2010"], k[2010])
    last_half = max(y for y, v in k.items() if v >= 50)
    assert g["xp_last_half_year"] == last_half
    assert g["xp_below_from"] == last_half + 1
    assert all(v < 50 for y, v in k.items() if y > last_half)
    assert close(g["xp_min"], k.min()) and g["xp_min_year"] == int(k.idxmin())
    assert close(g["xp_last"], k[k.index.max()])

    b = load("donors_budget_facts")
    assert close(g["bf_1995"], b[b.year == 1995].value.iloc[0])
    assert close(g["bf_2017"], b[b.year == 2017].value.iloc[0])
    assert close(g["bf_1997"], b[(b.year == 1997) & b.measure.str.contains("expenditure")].value.iloc[0])
    for quote in b.quote:  # every statement keeps its verbatim quote
        assert len(quote) > 10


def test_donor_shares(g):
    oda = load("donors_oda")
    total = oda[oda.iso3 == "KHM"].set_index("year").oda_usd.astype(float)
    d = load("donors_by_donor")

    def share(codes, a, b):
        part = d[d.donor_iso3.isin(codes) & d.year.between(a, b)].net_oda_usd.astype(float).sum()
        return part / total.loc[a:b].sum() * 100

    west = ["USA", "EUU", "FRA", "DEU", "GBR", "SWE", "AUS"]
    assert g["first_period"] == "1992-1995" and g["last_period"] == "2020-2023"
    assert close(g["jpn_share_first"], share(["JPN"], 1992, 1995))
    assert close(g["jpn_share_last"], share(["JPN"], 2020, 2023))
    assert close(g["west_share_first"], share(west, 1992, 1995))
    assert close(g["west_share_last"], share(west, 2020, 2023))
    assert close(g["kor_share_last"], share(["KOR"], 2020, 2023))
    all9 = d.donor_iso3.unique().tolist()
    assert close(g["other_share_last"], 100 - share(all9, 2020, 2023))
    periods = [(a, a + 3) for a in range(1992, 2024, 4)]
    jpn = [share(["JPN"], a, b) for a, b in periods]
    assert close(g["jpn_share_min"], min(jpn)) and close(g["jpn_share_max"], max(jpn))
    # Japan's is the largest single-donor share in every period (the text says so)
    for a, b in periods:
        assert share(["JPN"], a, b) == max(share([c], a, b) for c in all9)
    j = d[d.donor_iso3 == "JPN"].set_index("year").net_oda_usd.astype(float)
    assert g["jpn_peak_year"] == int(j.idxmax()) and close(g["jpn_peak"], j.max() / 1e6)
    since = d[d.year >= 1992]
    us_eu = since[since.donor_iso3.isin(["USA", "EUU", "FRA", "DEU", "GBR", "SWE"])]
    assert close(g["us_europe_total_bn"], us_eu.net_oda_usd.sum() / 1e9)


def test_loans_and_china(g):
    ln = load("donors_loans_net").pivot(index="year", columns="lender", values="net_flow_usd")
    bil = ln["Bilateral lenders (all)"].astype(float) / 1e6
    assert close(g["bil_2007"], bil[2007])
    assert close(g["bil_peak"], bil.max()) and g["bil_peak_year"] == int(bil.idxmax())
    banks = (ln["World Bank IDA"] + ln["Regional development bank (ADB)"]).astype(float) / 1e6
    years = [y for y in bil.index if y >= g["bil_first_ahead"]]
    assert g["bil_years_ahead"] == sum(bil[y] > banks[y] for y in years)
    assert all(bil[y] <= banks[y] for y in bil.index if 2000 <= y < g["bil_first_ahead"])

    cn = load("donors_china_gcdf")
    amt = cn.commitment_usd_2021.astype(float) / 1e9
    assert close(g["cn_total"], amt.sum())
    oda_like = amt[cn.flow_class == "ODA-like"].sum()
    assert close(g["cn_oda"], oda_like)
    assert close(g["cn_oda_share"], oda_like / amt.sum() * 100)
    by_year = amt.groupby(cn.year).sum()
    assert g["cn_peak_year"] == int(by_year.idxmax()) and close(g["cn_peak"], by_year.max())


def test_facts_match_table(g):
    facts = load("donors_facts").set_index("key")
    for key in ["china_share_bilateral_2016", "pledge_2009_cg", "china_pledge_2009",
                "us_suspend_1997_jul", "wb_freeze_2011", "us_cut_2018", "debt_2023_bilateral_share",
                "godfrey_1998", "cdc_1998"]:
        assert close(g[key], facts.loc[key, "value"]), key
    oda = load("donors_oda")
    usd2018 = oda[(oda.iso3 == "KHM") & (oda.year == 2018)].oda_usd.iloc[0] / 1e6
    assert close(g["us_cut_2018_pct"], facts.loc["us_cut_2018", "value"] / usd2018 * 100)


def test_timeline_schema():
    tl = load("donors_timeline")
    assert list(tl.columns) == ["date", "date_precision", "event", "lane", "source_title",
                                "source_url"]
    assert set(tl.date_precision) <= {"day", "month", "year"}
    month = tl[tl.date_precision == "month"]
    assert (pd.to_datetime(month.date).dt.day == 1).all()
