"""The Mekong chapter: each comparison, trend and superlative its key findings and prose make,
stated as a relation on the tables (read through cfr.load), plus its charts carry data.

The claim tests do not recompute the notebook's glued numbers; they check that what the
sentences say holds on the data, so a change in the data that breaks a sentence fails here.
"""
import pytest

from cfr import fact, fact_row, load
from conftest import figures, has_data, values

PAGE = "chapters/mekong"


@pytest.fixture(scope="module")
def dams():
    return load("mekong_dams")


@pytest.fixture(scope="module")
def in_service(dams):
    return dams[(dams.status == "operating") & dams.mainstream]


@pytest.fixture(scope="module")
def finance():
    return load("mekong_dam_finance")


@pytest.fixture(scope="module")
def operating_share(finance):
    """Share (%) of each country's operating hydropower capacity in plants with a party from a
    given country in a given role: index (iso3, party), columns sponsor / lender / builder."""
    op = finance[finance.status == "operating"]
    total = op.drop_duplicates("project_id").groupby("iso3").capacity_mw.sum()
    return (op.groupby(["iso3", "party", "role"]).capacity_mw.sum()
            .div(total, level="iso3").mul(100).unstack("role").fillna(0))


TRACKER = "Stimson Center, Mekong Infrastructure Tracker"


def _year(key):
    return int(str(fact_row(key).as_of)[:4])


# --- "China's dams came first and are far larger" ------------------------------------------
def test_china_capacity_is_about_fourteen_times_the_lower_mekong(in_service):
    china = in_service[in_service.iso3 == "CHN"].capacity_mw.sum()
    lower = in_service[in_service.iso3 != "CHN"].capacity_mw.sum()
    assert 13.5 <= china / lower < 14.5         # "about 14 times" (glued, shown as 14)
    assert 13.5 <= fact("stimson_china_mw") / lower < 14.5   # on Stimson's total too


def test_the_count_matches_stimsons_and_the_tracker_adds_up_to_its_total(in_service):
    """Replaces 'that is a floor': with the tracker the list has as many Chinese dams in service
    as Stimson counted in June 2020, and the tracker's own figures for them sum to its MW."""
    china = in_service[in_service.iso3 == "CHN"]
    assert len(china) == fact("stimson_china_dams")
    chn = load("mekong_dams").query("iso3 == 'CHN'")            # "lists the same dams"
    assert set(chn[chn.tracker_status == "operating"].dam) == set(china.dam)
    figs = load("mekong_dam_figures")
    tracker = figs[figs.source_title.str.startswith(TRACKER) & (figs.attribute == "capacity_mw")
                   & figs.dam.isin(china.dam)]
    assert set(tracker.dam) == set(china.dam)
    assert tracker.value.sum() == pytest.approx(fact("stimson_china_mw"))
    # "the difference lies in three dams whose sources disagree"
    used = china.set_index("dam").capacity_mw
    assert (tracker.set_index("dam").value != used.reindex(tracker.dam)).sum() == 3


def test_chinas_dams_came_first_most_before_the_first_lower_dam(in_service):
    china = in_service[in_service.iso3 == "CHN"]
    lower = in_service[in_service.iso3 != "CHN"]
    assert china.year_full.notna().all()
    assert china.year_first_power.min() < lower.year_full.min()
    assert china.year_full.max() <= lower.year_full.min()     # all working by that year
    before = (china.year_full < lower.year_full.min()).sum()
    assert before == 9                                        # chart title and key finding: 9
    same_year = china[china.year_full == lower.year_full.min()].dam
    assert set(same_year) == {"Huangdeng", "Lidi"}            # "completed the same year"


def test_five_chinese_dams_have_figures_only_from_the_tracker(in_service):
    china = in_service[in_service.iso3 == "CHN"]
    only = china[china.source_title.str.startswith(TRACKER)]
    assert set(only.dam) == {"Miaowei", "Wunonglong", "Dahuaqiao", "Huangdeng", "Lidi"}
    figs = load("mekong_dam_figures")
    other = figs[figs.dam.isin(only.dam) & ~figs.source_title.str.startswith(TRACKER)]
    assert other.empty                                        # "no other source ... gives"
    assert only.year_full.min() == 2017                       # "completed from 2017 on"


def test_cascade_was_still_growing_when_the_sources_stop(dams):
    """Replaces 'the list holds six Chinese dams with no status': Tuoba under construction
    (Stimson, June 2020, and the tracker, late 2020), Ganlanba planned, Mengsong cancelled."""
    china_list = dams[dams.iso3 == "CHN"].set_index("dam")
    assert (china_list.status == "unknown").sum() == 0
    assert list(china_list[china_list.status == "under construction"].index) == ["Tuoba"]
    assert china_list.tracker_status["Tuoba"] == "under construction"
    assert china_list.status["Ganlanba"] == "planned"
    assert china_list.status["Mengsong"] == "cancelled"


def test_xayaburi_is_the_first_lower_mekong_mainstream_dam_and_don_sahong_the_second(in_service):
    lower = in_service[in_service.iso3 != "CHN"].sort_values("year_full")
    assert list(lower.dam) == ["Xayaburi", "Don Sahong"]
    assert lower.year_full.iloc[0] < lower.year_full.iloc[1]


def test_every_dam_has_a_capacity_figure_and_all_but_phou_ngoy_are_placed(dams):
    assert (dams.n_capacity_figures >= 1).all()
    unplaced = dams[dams.latitude.isna() | dams.longitude.isna()]
    assert list(unplaced.dam) == ["Phou Ngoy"]
    # the tracker gives only a locality for it: the reason is recorded, not a guessed point
    assert unplaced.location_note.fillna("").str.contains("actual location unknown").all()
    from_tracker = dams[dams.coord_source.fillna("").str.startswith(TRACKER)]
    assert len(from_tracker) == 14 and (from_tracker.tracker_project.fillna("") != "").all()


def test_lao_planned_dams_above_and_below_xayaburi(dams):
    by = dams.set_index("dam").latitude
    assert by["Pak Beng"] > by["Xayaburi"] and by["Luang Prabang"] > by["Xayaburi"]
    assert by["Pak Lay"] < by["Xayaburi"] and by["Sanakham"] < by["Xayaburi"]


def test_stung_treng_encyclopedia_point_is_about_57_km_south_of_the_trackers(dams):
    gap_km = (dams.set_index("dam").latitude["Stung Treng"] - fact("stung_treng_lat")) * 111.2
    assert 50 < gap_km < 65


def test_tracker_rows_are_dated_to_the_snapshot():
    figs = load("mekong_dam_figures")
    assert set(figs[figs.source_title.str.startswith(TRACKER)].as_of) == {"2020-12"}


def test_two_largest_mapped_dams_are_chinese_and_cambodias_mainstream_sites_on_hold(dams):
    placed = dams.dropna(subset=["latitude", "longitude", "capacity_mw"])
    assert set(placed.nlargest(2, "capacity_mw").iso3) == {"CHN"}
    khm_main = dams[(dams.iso3 == "KHM") & dams.mainstream]
    assert set(khm_main.status) == {"postponed"}
    built_khm = dams[(dams.iso3 == "KHM") & (dams.status == "operating")]
    assert list(built_khm.dam) == ["Lower Sesan 2"] and not built_khm.mainstream.any()


def test_most_chinese_capacity_with_figures_came_from_2008_on(in_service):
    china = in_service[in_service.iso3 == "CHN"]
    assert china[china.year_full >= 2008].capacity_mw.sum() > china.capacity_mw.sum() / 2
    assert china.year_first_power.idxmin() == china.index[china.dam == "Manwan"][0]


def test_first_power_came_the_year_the_mrc_was_founded(in_service):
    china = in_service[in_service.iso3 == "CHN"]
    assert china.year_first_power.min() == _year("mrc_members")


def test_sambor_has_the_widest_capacity_range():
    cap = load("mekong_dam_figures").query("attribute == 'capacity_mw'")
    ranges = cap.groupby("dam").value.agg(["min", "max"])
    spread = ranges["max"] - ranges["min"]
    assert spread.idxmax() == "Sambor"
    assert (spread > 0).sum() > 1                      # title: "many dams"


WEAK = {"secondary", "blog"}


def test_sambors_range_ends_rest_only_on_wikipedia():
    """'both ends ... only as Wikipedia's article on the dam reports them': the lowest and the
    highest Sambor figure come from the encyclopedia, and no stronger row gives either."""
    sambor = load("mekong_dam_figures").query("dam == 'Sambor' and attribute == 'capacity_mw'")
    for end in (sambor.value.min(), sambor.value.max()):
        rows = sambor[sambor.value == end]
        assert set(rows.source_grade) <= WEAK, end
        assert rows.source_url.str.contains("wikipedia.org/wiki/Sambor_Dam").all(), end


def test_wikipedia_is_used_only_for_sambors_designs_and_jinghongs_completion():
    """Caveats: 'Wikipedia is used only where nothing stronger was found: Sambor's 1994 and 2006
    designs and Jinghong's completion year (2009 in one of its pages, 2010 in another)'."""
    figs = load("mekong_dam_figures")
    weak = figs[figs.source_grade.isin(WEAK)]
    assert set(zip(weak.dam, weak.attribute)) == {("Sambor", "capacity_mw"),
                                                  ("Jinghong", "year_full")}
    assert sorted(weak[weak.dam == "Jinghong"].value) == [2009, 2010]
    assert sorted(weak[weak.dam == "Sambor"].as_of.str[:4]) == ["1994", "2006"]
    # the figure the map and the step chart use for Jinghong is one of them: no stronger year
    jinghong = load("mekong_dams").set_index("dam").loc["Jinghong"]
    assert jinghong.year_full in set(weak[weak.dam == "Jinghong"].value)


# --- storage ---------------------------------------------------------------------------------
def _storage(in_service):
    china = in_service[in_service.iso3 == "CHN"].dam
    figs = load("mekong_dam_figures")
    st = figs[(figs.attribute == "storage_mcm") & figs.dam.isin(china)]
    return st.groupby("dam").value.max() / 1000


def test_two_reservoirs_hold_most_of_the_storage(in_service):
    st = _storage(in_service)
    assert set(st.nlargest(2).index) == {"Xiaowan", "Nuozhadu"}
    assert st[["Xiaowan", "Nuozhadu"]].sum() > 0.9 * st.sum()


def test_storage_is_a_floor_figures_for_fewer_dams_than_in_service(in_service):
    assert len(_storage(in_service)) < (in_service.iso3 == "CHN").sum()


def test_storage_figures_behind_the_finding_rest_on_no_encyclopedia_row(in_service):
    """Key finding 2: every storage figure for the Lancang dams in service comes from the owner,
    the press or research, and the owner's Xiaowan figure (14.9 billion m3) is one end of its
    range (corrections: the encyclopedia's 15,043 million m3 was dropped)."""
    china = in_service[in_service.iso3 == "CHN"].dam
    figs = load("mekong_dam_figures")
    st = figs[(figs.attribute == "storage_mcm") & figs.dam.isin(china)]
    assert not st.source_grade.isin(WEAK).any()
    xiaowan = st[st.dam == "Xiaowan"]
    assert xiaowan.value.min() == 14900 and "Huaneng" in xiaowan.loc[
        xiaowan.value.idxmin(), "source_title"]
    # the range the finding gives, 42.0-42.1 km3 to one decimal
    low = st.groupby("dam").value.min().sum() / 1000
    high = st.groupby("dam").value.max().sum() / 1000
    assert (round(low, 1), round(high, 1)) == (42.0, 42.1)


def test_storage_is_over_half_of_chinas_yearly_flow_on_both_counts(in_service):
    china_flow = fact("discharge_wb") * fact("china_flow_share") / 100
    assert _storage(in_service).sum() > china_flow / 2
    assert fact("stimson_china_storage") > _storage(in_service).sum()
    assert _storage(in_service).sum() < fact("discharge_wb") / 10   # "about 9%" of the whole


# --- where the water comes from --------------------------------------------------------------
def test_about_a_sixth_of_the_water_comes_from_china_and_most_joins_below():
    flow = load("mekong_flow_reach").set_index("reach").total_pct
    assert 1 / 7 <= flow["China"] / flow.sum() <= 1 / 5
    assert flow.drop("China").sum() > flow["China"]


def test_largest_reaches_and_their_left_banks():
    reach = load("mekong_flow_reach").set_index("reach")
    top = reach.total_pct.drop("China").nlargest(2)
    assert list(top.index) == ["Pakse - Kratie", "Vientiane - Nakhon Phanom"]
    for r in top.index:
        assert reach.left_bank_pct[r] > reach.right_bank_pct[r]     # "mostly from the left bank"


def test_laos_generates_more_flow_than_any_country_but_not_most():
    basin = load("mekong_basin_share").set_index("iso3").flow_share_pct
    assert basin.idxmax() == "LAO"
    assert basin["LAO"] > basin["CHN"]
    assert basin["LAO"] < 50          # the old "mostly from Laos" was wrong


# --- stakes: land, low water, fish --------------------------------------------------------------
def test_cambodia_is_not_the_most_mekong_country_by_land_share():
    assert fact("lao_land_in_basin") > fact("khm_land_in_basin")


def test_kratie_was_near_not_below_its_record_low_and_tonle_sap_set_a_new_low():
    assert 0 < fact("kratie_above_min") < 0.5
    assert fact("tonle_sap_2021_vs_2020") > 0
    assert fact("tonle_sap_2021_vs_avg") > fact("tonle_sap_2021_vs_2020")


def test_low_water_sequence_2019_2021():
    assert fact_row("kratie_2019").as_of < fact_row("tonle_sap_reversal_2020").as_of
    assert fact_row("tonle_sap_reversal_2020").as_of < fact_row("tonle_sap_2021").as_of


def test_cambodias_catch_peak_fall_and_partial_recovery():
    fish = load("mekong_fish_catch")
    khm = fish[fish.iso3 == "KHM"].set_index("year").capture_tonnes
    lao = fish[fish.iso3 == "LAO"].set_index("year").capture_tonnes
    peak = khm.idxmax()                          # highest in the whole series
    low = khm.loc[peak:].idxmin()
    assert 2019 <= low <= 2021                   # "across the low-water years"
    assert khm.iloc[-1] > khm[low] and khm.iloc[-1] < khm[peak]   # partial recovery
    assert khm[2010] < khm[low]                  # "lower still in 2010"
    assert lao[low] > lao[peak]                  # Laos's kept rising
    assert (lao >= khm).sum() <= 1               # Laos's smaller in all years but one
    assert (lao.loc[1999:] < khm.loc[1999:] / 3).all()


# --- who decides -----------------------------------------------------------------------------
def test_governance_order():
    tl = load("mekong_timeline").set_index("event").date
    mrc = tl[tl.index.str.contains("Mekong Agreement")].iloc[0]
    partners = tl[tl.index.str.contains("dialogue partners")].iloc[0]
    offer = tl[tl.index.str.contains("offers year-round")].iloc[0]
    signed = tl[tl.index.str.startswith("China and the MRC sign")].iloc[0]
    sanya = tl[tl.index.str.contains("Sanya")].iloc[0]
    assert mrc < partners < sanya < offer < signed
    assert 1 <= (signed - offer).days / 30.4 <= 2.5          # "two months before"
    assert fact("mrc_members") == 4


def test_cambodia_shelved_laos_did_not(dams):
    pending = dams[dams.status.isin(["planned", "under development", "postponed"])]
    assert set(pending[pending.iso3 == "KHM"].status) == {"postponed"}
    assert "postponed" not in set(pending[pending.iso3 == "LAO"].status)
    assert (pending.iso3 == "LAO").sum() > (pending.iso3 == "KHM").sum()


# --- who sponsors, lends to and builds the dams (Stimson tracker) ------------------------------
def test_china_sponsors_lends_to_and_builds_almost_all_of_cambodias_hydropower(operating_share,
                                                                               finance):
    khm = operating_share.loc["KHM"]
    for role in ("sponsor", "lender", "builder"):
        assert khm.loc["China", role] > 99.5, role           # "99.9%"
        assert khm[role].idxmax() == "China", role
    op = finance[(finance.status == "operating") & (finance.iso3 == "KHM")]
    with_china = set(op[op.party == "China"].project_id)
    others = op[~op.project_id.isin(with_china)].drop_duplicates("project_id")
    assert len(others) == 2 and (others.capacity_mw <= 1).all()   # "all but two", both tiny
    # Chinese parties in all three roles on every other plant
    chinese = op[op.project_id.isin(with_china)]
    assert (chinese[chinese.party == "China"].groupby("project_id").role.nunique() == 3).all()


def test_laos_lenders_are_thai_chinese_and_multilateral_and_china_leads_building(operating_share):
    lao = operating_share.loc["LAO"]
    lenders = lao.lender.drop("none recorded").sort_values(ascending=False)
    assert list(lenders.index[:3]) == ["Thailand", "China", "ADB"]   # chart title, in order
    assert lenders.max() < 50                                          # no lender dominates
    builders = lao.builder.drop("none recorded").sort_values(ascending=False)
    assert builders.index[0] == "China" and builders.iloc[0] > 2 * builders.iloc[1]
    sponsors = lao.sponsor.drop("none recorded").sort_values(ascending=False)
    assert list(sponsors.index[:3]) == ["Laos", "Thailand", "China"]
    assert lao.loc["China", "lender"] < operating_share.loc["KHM"].loc["China", "lender"]


def test_shares_in_a_role_can_add_up_to_more_than_100(operating_share):
    """'A plant with parties from two countries counts in full for each, so the shares in a
    role can add up to more than 100%' (every plant has a row per role, 'none recorded' too)."""
    sums = operating_share.groupby(level="iso3").sum()
    assert (sums > 100 - 1e-6).all().all() and (sums > 101).any().any()


def test_shelved_cambodian_mainstream_projects_parties(finance):
    def parties(project, role):
        rows = finance[(finance.project == project) & (finance.role == role)]
        return set(rows.party)
    for role in ("sponsor", "lender", "builder"):
        assert "China" in parties("Sambor", role), role
    assert parties("Stung Treng", "sponsor") == {"Cambodia"}
    assert parties("Stung Treng", "lender") == {"Vietnam"}


# --- the Funan Techo canal ---------------------------------------------------------------------
def test_funan_techo_is_majority_cambodian_on_every_dated_statement():
    assert fact("funan_cambodian_stake_2025") > fact("funan_chinese_stake_2025")
    assert fact("funan_cambodian_stake_2025") + fact("funan_chinese_stake_2025") == 100
    assert fact("funan_china_share_announced") < 50
    for key in ("funan_majority_cambodian_2024", "funan_china_uncommitted_2024",
                "funan_deal_2025_usd", "funan_excavation_2025"):
        assert len(str(fact_row(key).as_of)) >= 7, key        # dated to the month at least


def test_mekong_length_4350_is_the_mrcs_pre_2018_figure_and_4909_not_the_mrcs():
    """Caveats: 4,909 km in the World Bank's text, 4,350 km in MRC documents until the MRC
    re-measured the river in December 2018 (to 4,763 km, not 4,909)."""
    old = fact_row("length_alt")
    assert old.source_url.startswith("http://mrcmekong.org/") and old.source_grade == "primary"
    assert "4,350 km" in old.quote and "Previously" in old.quote
    new = fact_row("length_mrc_2018")
    assert str(new.as_of).startswith("2018-12")
    assert fact("length_mrc_2018") not in (fact("length_wb"), fact("length_alt"))
    assert "docslib.org/doc/10665219/mekong-vision-3-0" in fact_row("length_wb").source_url


def test_funan_techo_sequence_and_length_disagreement():
    tl = load("mekong_timeline").set_index("event").date
    ground = tl[tl.index.str.contains("breaks ground")].iloc[0]
    assert fact_row("funan_crbc_framework_2023").as_of < str(ground.date())
    assert str(ground.date()) < fact_row("funan_china_uncommitted_2024").as_of
    assert fact_row("funan_china_uncommitted_2024").as_of < fact_row("funan_deal_2025_usd").as_of
    assert fact("funan_km_2025") < fact("funan_km") == fact("funan_km_2026")
    assert fact("funan_deal_2025_usd") < fact("funan_cost")
    assert fact("funan_completion_target") >= _year("funan_excavation_2025")


# --- the notebook: charts carry data; glue names other pages use ---------------------------------
def _is_legend_key(trace):
    return values(trace, "x") == [None] and "hovertemplate" not in trace


def test_every_chart_trace_has_data(nb):
    figs = figures(nb)
    assert len(figs) == 8
    for fig in figs:
        title = fig["layout"]["meta"]["cfr_title"]
        assert fig["layout"]["meta"]["cfr_alt"], title
        traces = [t for t in fig["data"] if not _is_legend_key(t)]
        assert traces, title
        for t in traces:
            assert has_data(t, "x") and has_data(t, "y"), (title, t.get("name"))


def test_every_dam_is_on_the_map_or_listed_beside_it(nb, dams):
    """The map draws every dam with coordinates and lists every other one as lacking them."""
    fig = next(f for f in figures(nb) if "Not placed" in str(f["layout"].get("annotations")))
    assert fig["layout"]["meta"]["cfr_tables"] == ["mekong_dams"]
    drawn = set()
    for t in fig["data"]:          # dam markers on the main map (the inset repeats China's)
        if "MW (all sources" in t.get("hovertemplate", "") and t.get("xaxis", "x") == "x":
            drawn |= {row[0] for row in t["customdata"]}
    note = next(a["text"] for a in fig["layout"]["annotations"] if "Not placed" in a["text"])
    placed = set(dams.dropna(subset=["latitude", "longitude"]).dam)
    assert drawn == placed
    for dam in set(dams.dam) - placed:
        assert dam in note, dam


def test_glue_names_used_by_the_intro_exist(g):
    for name in ("lancang_mw", "china_to_lower", "mrc_members"):
        assert name in g
