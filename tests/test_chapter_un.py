"""The UN-reform chapter: runs in a fresh kernel, draws its charts, and every glued number
equals the value recomputed here from the tables (independently of the notebook's code)."""


from cfr import load
from conftest import close, figures

PAGE = "chapters/un"


def test_charts_have_data(nb):
    figs = figures(nb)
    assert len(figs) >= 4
    for fig in figs:
        assert fig["layout"]["meta"]["cfr_title"]
        assert fig["data"], fig["layout"]["meta"]["cfr_title"]
        for trace in fig["data"]:
            values = trace.get("x") or trace.get("y") or trace.get("z")
            assert values is not None and len(values) > 0, fig["layout"]["meta"]["cfr_title"]
    kinds = {t["type"] for fig in figs for t in fig["data"]}
    assert "heatmap" in kinds  # at least one chart beyond a plain line or bar


def test_debate_numbers(g):
    d = load("un_debate_statements")
    assert g["n_statements"] == len(d)
    assert g["deb_first"] == d.year.min() and g["deb_last"] == d.year.max()
    assert g["n_reform"] == int(d.reform_statement.sum())
    named = d.loc[d.candidates_named.notna(), "year"]
    assert g["last_named_year"] == named.max()
    modern = named[named >= 2000]
    assert g["first_g4_named_year"] == modern.min()
    assert g["n_named_modern"] == len(modern)
    after = d[d.year > named.max()]
    assert g["n_after_named"] == len(after)
    assert g["n_reform_after_named"] == int(after.reform_statement.sum())
    late = d[(d.year >= 2016) & (d.year <= 2023)]
    assert g["n_late"] == len(late)
    assert g["n_late_silent"] == int((late.reform_statement == False).sum())  # noqa: E712


def test_council_shares(g):
    r = load("un_unsc_regions")
    p5 = load("un_unsc_permanent_groups")
    members = r[r.measure.isin(["member_states", "electoral_members_outside_group"])]
    total = members.value.sum()
    assert g["total_members"] == total == 193
    elected = r[r.measure == "elected_seats"]
    assert g["total_seats"] == elected.value.sum() + len(p5) == 15
    for key, grp in {"afr": "African Group", "apg": "Asia-Pacific Group",
                     "weog": "Western European and Others Group",
                     "grulac": "Latin American and Caribbean Group",
                     "eeg": "Eastern European Group"}.items():
        n = members[members.group == grp].value.sum()
        seats = elected[elected.group == grp].value.sum() + (p5.group == grp).sum()
        assert g[f"{key}_members"] == n
        assert g[f"{key}_seats"] == seats
        assert close(g[f"{key}_member_share"], n / total * 100)
        assert close(g[f"{key}_seat_share"], seats / 15 * 100)


def test_reform_and_election_facts(g):
    m = load("un_reform_models")
    assert g["g4_total"] == m[m.model.str.startswith("G4")].seats.sum() == 25
    assert g["au_total"] == m[m.model.str.startswith("African")].seats.sum() == 26
    assert g["ufc_total"] == m[m.model.str.startswith("Uniting")].seats.sum() == 25
    f = load("un_facts").set_index("key").value
    for k in ["election2012_r1_khm", "election2012_r1_kor", "election2012_r2_khm",
              "election2012_r2_kor", "election2012_threshold", "bid_announced_year",
              "credentials1980_yes", "untac_military", "untac_registered",
              "admission_sc_votes"]:
        assert g[k] == f[k], k
    assert g["g4_veto_freeze"] == f["g4_veto_freeze_years"]
    assert g["g4_sponsors"] == f["g4_sponsors"]
    assert g["unsc_permanent"] == m[(m.model == "Council today") & (m.category == "permanent")]\
        .seats.iloc[0] == f["unsc_permanent"]
    assert g["unsc_elected"] == m[(m.model == "Council today") & (m.category == "elected")]\
        .seats.iloc[0] == f["unsc_elected"]
    p5 = load("un_unsc_permanent_groups")
    assert g["weog_permanent"] == (p5.group == "Western European and Others Group").sum()
    seats = m.set_index(["model", "category"]).seats
    for key, model in {"g4": "G4 draft (A/59/L.64)", "au": "African Union draft",
                       "ufc": "Uniting for Consensus draft (A/59/L.68)"}.items():
        assert g[f"{key}_add_perm"] == seats[(model, "permanent")] - 5
        assert g[f"{key}_add_elec"] == seats[(model, "elected")] - 10


def test_peacekeeping(g):
    t = load("un_peacekeeping_totals").set_index("year")
    assert g["pk_2011"] == t.loc[2011, "total_uniformed_avg_monthly"]
    assert g["pk_2020"] == t.loc[2020, "total_uniformed_avg_monthly"]
    complete = t[t.quality_flag == "ok"].loc[2015:2020, "total_uniformed_avg_monthly"]
    assert g["pk_min_1419"] == complete.min() and g["pk_max_1419"] == complete.max()
    assert close(g["pk_share_2020"], t.loc[2020, "total_uniformed_avg_monthly"]
                 / t.loc[2020, "all_countries_total_same_method"] * 100)
    assert g["pk_women_2011"] == t.loc[2011, "female_avg_monthly"]
    assert g["pk_women_2020"] == t.loc[2020, "female_avg_monthly"]
    assert close(g["pk_women_share_2020"], t.loc[2020, "female_avg_monthly"]
                 / t.loc[2020, "total_uniformed_avg_monthly"] * 100)
    m = load("un_peacekeeping_missions")
    assert g["pk_minusma_2020"] == m[(m.year == 2020) & (m.mission == "MINUSMA")]\
        .personnel_avg_monthly.iloc[0]
    # the sum over missions is the year's total
    assert m.groupby("year").personnel_avg_monthly.sum().sub(
        t.total_uniformed_avg_monthly).abs().max() <= 2  # per-mission rounding
    rep = load("un_peacekeeping_reported")
    latest = rep[rep.measure == "peacekeepers dispatched since 2006 (cumulative)"]
    assert g["pk_cum_2025"] == latest.value.max() == 9826
    assert g["pk_cum_women_2025"] == rep[rep.measure.str.startswith("women among")].value.iloc[0]
    assert g["pk_rank_2019"] == rep[rep.measure.str.startswith("rank")].value.iloc[0]
    qualifier = rep[rep.measure.str.startswith("rank")].qualifier.iloc[0]  # "rank (of N)"
    assert g["pk_rank_of_2019"] == int(qualifier.split("of ")[1].rstrip(")"))


def test_voting_agreement(g):
    a = load("un_unga_agreement_by_issue")

    def share(decade, iso, issue):
        row = a[(a.decade == decade) & (a.partner_iso3 == iso) & (a.issue_code == issue)]
        return row.identical_votes.iloc[0] / row.shared_votes.iloc[0] * 100

    for iso in ["CHN", "USA", "FRA", "RUS", "JPN", "IND", "VNM"]:
        assert abs(g[f"agree_{iso.lower()}_2010s"] - share("2010s", iso, "all")) < 0.01
    assert abs(g["agree_chn_1990s"] - share("1990s", "CHN", "all")) < 0.01
    assert abs(g["agree_usa_1990s"] - share("1990s", "USA", "all")) < 0.01
    assert abs(g["hr_chn_2010s"] - share("2010s", "CHN", "hr")) < 0.01
    assert abs(g["hr_usa_2010s"] - share("2010s", "USA", "hr")) < 0.01
    assert abs(g["hr_jpn_2010s"] - share("2010s", "JPN", "hr")) < 0.01
    assert abs(g["me_usa_2010s"] - share("2010s", "USA", "me")) < 0.01
    assert abs(g["nu_chn_2010s"] - share("2010s", "CHN", "nu")) < 0.01
    usa = a[(a.decade == "2010s") & (a.partner_iso3 == "USA") & (a.issue_code == "all")]
    assert g["n_roll_2010s"] == usa.shared_votes.iloc[0]


def test_text_cells_are_escaped(nb):
    """Event text reaches the page escaped (DESIGN section 4): the timeline's hover text is
    built with html.escape, so markup in a CSV cell cannot run."""
    from cfr import charts
    import pandas as pd

    df = pd.DataFrame({"date": pd.to_datetime(["2000-01-01"]), "label": ["<script>x</script>"],
                       "lane": ["Council reform"]})
    fig = charts.timeline(df, start="date", label="label", lane="lane")
    assert "<script>" not in str(fig.data[0].customdata[0])
