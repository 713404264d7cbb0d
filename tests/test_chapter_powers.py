"""The great-power chapter: runs in a fresh kernel, draws its charts, and every glued number
equals the value recomputed here from the tables (independently of the notebook's code)."""


from cfr import load
from conftest import close, figures

PAGE = "chapters/powers"


def test_charts_have_data(nb):
    figs = figures(nb)
    assert len(figs) >= 4
    for fig in figs:
        title = fig["layout"]["meta"]["cfr_title"]
        assert title and fig["layout"]["meta"]["cfr_tables"]
        assert fig["data"], title
        for trace in fig["data"]:
            values = trace.get("x") if trace.get("x") is not None else trace.get("z")
            assert values is not None and len(values) > 0, title
    kinds = {t["type"] for fig in figs for t in fig["data"]}
    assert "heatmap" in kinds  # the scorecard: more than a plain line or bar
    assert any(len({t.get("xaxis", "x") for t in f["data"]}) >= 8 for f in figs)  # small multiples


def agree_pct(a, b, iso):
    u = load("powers_unga_agreement")
    part = u[u.year.between(a, b) & (u.partner_iso3 == iso)]
    return part.identical_votes.sum() / part.shared_votes.sum() * 100


def test_unga_agreement(g):
    for iso in ["CHN", "VNM", "USA", "JPN", "THA", "RUS", "FRA", "IND"]:
        assert close(g[f"agree_{iso.lower()}_1019"], agree_pct(2010, 2019, iso))
    assert close(g["agree_chn_7589"], agree_pct(1975, 1989, "CHN"))
    assert close(g["agree_usa_7589"], agree_pct(1975, 1989, "USA"))
    assert close(g["agree_chn_9199"], agree_pct(1991, 1999, "CHN"))
    assert close(g["agree_usa_9199"], agree_pct(1991, 1999, "USA"))
    u = load("powers_unga_agreement")
    assert g["n_roll_1019"] == u[u.year.between(2010, 2019) & (u.partner_iso3 == "USA")]\
        .shared_votes.sum()
    assert (g["dk_first"], g["dk_last"]) == (1975, 1989)
    assert u.loc[u.dk_seat, "year"].min() == 1975 and u.loc[u.dk_seat, "year"].max() == 1989
    assert g["agree_last_year"] == u.year.max()
    best = max(["CHN", "VNM", "USA", "JPN", "THA", "RUS", "FRA", "IND"],
               key=lambda i: agree_pct(2010, 2019, i))
    assert g["top_partner_1019"] == {"VNM": "Vietnam", "THA": "Thailand", "CHN": "China"}.get(best)


def test_unga_agreement_matches_source_method():
    """The curated shares equal identical/shared votes (the README's method), and the DK
    years are exactly those whose seat holder is Democratic Kampuchea or the CGDK."""
    u = load("powers_unga_agreement")
    assert ((u.identical_votes / u.shared_votes - u.agreement).abs() < 5e-5).all()
    dk = u.seat_holder.str.contains("Democratic Kampuchea")
    assert (dk == u.dk_seat).all()
    assert not set(u.year) & {1964, 1977, 1990, 1998}


def test_ideal_points(g):
    ip = load("powers_unga_ideal_points").pivot(index="year", columns="iso3",
                                                 values="ideal_point")
    late = ip.loc[2015:2019]
    assert g["n_sessions_below_chn"] == (late.KHM < late.CHN).sum()
    assert g["n_sessions_late"] == late.KHM.notna().sum()
    mid = ip.loc[1999:2014]
    assert g["n_mid_below_chn"] == (mid.KHM < mid.CHN).sum()
    assert g["n_mid"] == mid.KHM.notna().sum()
    for iso in ["KHM", "CHN", "USA", "VNM"]:
        assert close(g[f"ip_{iso.lower()}_2018"], ip.loc[2018, iso])


def test_arms(g):
    a = load("powers_arms_transfers")
    gov = a[a.recipient == "Cambodian government"]
    since = gov[gov.year >= 1991]
    total = since.tiv_musd.sum()
    chn = since[since.supplier_iso3 == "CHN"].tiv_musd.sum()
    assert g["arms91_total"] == total
    assert g["arms91_chn"] == chn
    assert close(g["arms91_chn_share"], chn / total * 100)
    assert g["arms91_ukr"] == since[since.supplier_iso3 == "UKR"].tiv_musd.sum()
    assert g["arms_usa_last"] == gov[gov.supplier_iso3 == "USA"].year.max()
    assert g["arms_usa_7074"] == gov[(gov.supplier_iso3 == "USA")
                                     & gov.year.between(1970, 1974)].tiv_musd.sum()
    assert g["arms_rus_7990"] == gov[(gov.supplier_iso3 == "RUS")
                                     & gov.year.between(1979, 1990)].tiv_musd.sum()
    assert g["arms_last_year"] == a.year.max()
    r = load("powers_defence_ranking")
    assert g["n_ranked"] == len(r) == 10
    by = since.groupby("supplier_iso3").tiv_musd.sum()
    assert g["n_ranked_with_arms"] == sum(by.get(i, 0) > 0 for i in r.partner_iso3)
    assert g["vnm_arms91"] == by["VNM"]
    assert list(r.sort_values("rank").partner_iso3[:2]) == ["VNM", "CHN"]


def test_trade(g):
    t = load("powers_trade")

    def val(year, period, partner, flow, reporter=None):
        row = t[(t.year == year) & (t.period == period) & (t.partner == partner)
                & (t.flow == flow)]
        if reporter:
            row = row[row.reported_by.str.startswith(reporter)]
        assert len(row) == 1
        return float(row.value.iloc[0])

    share = "share_of_cambodia_non_gold_exports"
    assert close(g["exp22_usa"], val(2022, "full year", "United States", share))
    assert close(g["exp22_eu"], val(2022, "full year", "European Union", share))
    assert close(g["exp22_chn"], val(2022, "full year", "China", share))
    assert close(g["exp22_jpn"], val(2022, "full year", "Japan", share))
    assert close(g["chn_trade_share22"], val(2022, "full year", "China",
                                             "share_of_cambodia_total_trade"))
    imp, exp = (val(2021, "full year", "China", f) for f in
                ("imports_from_partner", "exports_to_partner"))
    assert close(g["chn_ratio21"], imp / exp)
    assert close(g["chn_imp21"], imp / 1000) and close(g["chn_exp21"], exp / 1000)
    assert close(g["chn_ratio24"], val(2024, "Jan-Nov", "China", "imports_from_partner")
                 / val(2024, "Jan-Nov", "China", "exports_to_partner"))
    assert close(g["chn_tt22_gdce"], val(2022, "full year", "China", "total_trade",
                                         "Cambodia GDCE") / 1000)
    assert close(g["usa_exp22"], val(2022, "full year", "United States",
                                     "exports_to_partner") / 1000)


def test_investment_aid_facts(g):
    f = load("powers_fdi")

    def v(period, country, start):
        row = f[(f.period == period) & (f.source_country == country)
                & f.measure.str.startswith(start)]
        assert len(row) == 1
        return float(row.value.iloc[0])

    assert close(g["fdi_chn_9411"], v("1994-2011", "China", "CDC") / 1000)
    assert close(g["fdi_all_9411"], v("1994-2011", "All foreign", "CDC") / 1000)
    assert close(g["fdi_chn_share_9411"], v("1994-2011", "China", "CDC")
                 / v("1994-2011", "All foreign", "CDC") * 100)
    assert close(g["fdi_jpn_9411"], v("1994-2011", "Japan", "CDC"))
    assert close(g["fdi_chn_share_2018"], v("2018 Jan-Sep", "China", "share"))
    assert close(g["fdi_chn_share_2021"], v("2021", "China", "share"))
    assert close(g["fdi_chn_share_2024q1"], v("2024 Q1", "China", "share"))
    assert close(g["fdi_chn_stock_share"], v("stock as of 2023 Q1", "China", "share"))

    facts = load("powers_facts").set_index("key").value_num
    assert close(g["chn_aid_2011"], facts["chn_aid_1992_2011"] / 1000)
    assert close(g["chn_aid_2017"], facts["chn_aid_to_2017"] / 1000)
    assert g["vnm_last_troops"] == facts["vnm_last_troops_1989"] == 26000
    assert g["es11_yes"] == facts["ukraine_es11_1_yes"] == 141
    assert close(g["eba_eur"], facts["eba_withdrawal_eur"] / 1000)
    assert g["chn_top_years"] == facts["chn_top_trade_partner_years"]
    assert close(g["funan_usd"], facts["funan_techo_usd"] / 1000)

    oda = load("donors_by_donor")
    o = oda[oda.year.between(2010, 2021)].groupby("donor_iso3").net_oda_usd.sum()
    assert close(g["oda_jpn_1021"], o["JPN"] / 1e9, 1e-6)
    assert close(g["oda_usa_1021"], o["USA"] / 1e9, 1e-6)
    c = load("donors_china_gcdf")
    c = c[c.year.between(2010, 2021) & c.flow_class.isin(["ODA-like", "OOF-like"])]
    assert close(g["gcdf_chn_1021"], c.commitment_usd_2021.sum() / 1e9, 1e-6)


def test_timeline(g):
    t = load("powers_timeline")
    assert g["n_events"] == len(t)
    assert g["tl_first"] == t.date.dt.year.min() and g["tl_last"] == t.date.dt.year.max()
    assert {"CHN", "VNM", "USA", "THA", "JPN", "ASEAN"} <= set(t.lane)
    # month- and year-precision dates sit on the first day of the month / year
    assert (t[t.date_precision != "day"].date.dt.day == 1).all()
    assert (t[t.date_precision == "year"].date.dt.month == 1).all()


def test_event_text_is_escaped():
    """Text from a CSV cell reaches the chart's hover escaped, so markup cannot run."""
    import pandas as pd

    from cfr import charts

    df = pd.DataFrame({"date": pd.to_datetime(["2000-01-01"]), "event": ["<script>x</script>"],
                       "lane": ["CHN"], "date_precision": ["day"]})
    fig = charts.timeline(df, start="date", label="event", lane="lane")
    assert "<script>" not in str(fig.data[0].customdata[0])
