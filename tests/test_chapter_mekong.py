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


def _year(key):
    return int(str(fact_row(key).as_of)[:4])


# --- "China's dams came first and are far larger" ------------------------------------------
def test_china_capacity_is_about_ten_times_the_lower_mekong_on_the_figures_found(in_service):
    china = in_service[in_service.iso3 == "CHN"].capacity_mw.sum()
    lower = in_service[in_service.iso3 != "CHN"].capacity_mw.sum()
    assert 9.5 <= china / lower < 10.5          # "about 10 times" (glued, shown as 10)


def test_the_ten_times_is_a_floor_stimson_count_is_higher(in_service):
    china = in_service[in_service.iso3 == "CHN"]
    lower = in_service[in_service.iso3 != "CHN"].capacity_mw.sum()
    assert fact("stimson_china_dams") > len(china)
    assert fact("stimson_china_mw") > china.capacity_mw.sum()
    assert 13.5 <= fact("stimson_china_mw") / lower < 14.5   # "about 14 times"


def test_every_chinese_dam_with_figures_was_in_service_years_before_the_first_lower_dam(in_service):
    china = in_service[in_service.iso3 == "CHN"]
    lower = in_service[in_service.iso3 != "CHN"]
    assert china.year_full.notna().all()
    assert china.year_full.max() + 2 <= lower.year_full.min()   # "years before"
    assert len(china) == 6                                       # chart title: "Six Lancang dams"


def test_cascade_was_not_complete_when_the_last_dam_with_figures_was(dams, in_service):
    """The sentence that replaced 'China's cascade was completed in 2014': the list has Chinese
    dams with no status and one under construction, and Stimson counted more in operation."""
    china_list = dams[dams.iso3 == "CHN"]
    assert (china_list.status == "under construction").sum() >= 1
    assert (china_list.status == "unknown").sum() >= fact("stimson_china_dams") - (
        in_service.iso3 == "CHN").sum()
    assert _year("stimson_china_dams") > in_service[in_service.iso3 == "CHN"].year_full.max()


def test_xayaburi_is_the_first_lower_mekong_mainstream_dam_and_don_sahong_the_second(in_service):
    lower = in_service[in_service.iso3 != "CHN"].sort_values("year_full")
    assert list(lower.dam) == ["Xayaburi", "Don Sahong"]
    assert lower.year_full.iloc[0] < lower.year_full.iloc[1]


def test_dams_without_capacity_figures_are_all_chinese_and_unmapped(dams):
    none = dams[dams.n_capacity_figures == 0]
    assert len(none) > 0 and set(none.iso3) == {"CHN"}
    assert none.latitude.isna().all()


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


def test_sambor_has_the_widest_capacity_range_and_most_dams_agree():
    cap = load("mekong_dam_figures").query("attribute == 'capacity_mw'")
    ranges = cap.groupby("dam").value.agg(["min", "max"])
    spread = ranges["max"] - ranges["min"]
    assert spread.idxmax() == "Sambor"
    assert (spread > 0).sum() < len(spread) / 2        # alt text: "most dams ... agree"


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


# --- the Funan Techo canal ---------------------------------------------------------------------
def test_funan_techo_is_majority_cambodian_on_every_dated_statement():
    assert fact("funan_cambodian_stake_2025") > fact("funan_chinese_stake_2025")
    assert fact("funan_cambodian_stake_2025") + fact("funan_chinese_stake_2025") == 100
    assert fact("funan_china_share_announced") < 50
    for key in ("funan_majority_cambodian_2024", "funan_china_uncommitted_2024",
                "funan_deal_2025_usd", "funan_excavation_2025"):
        assert len(str(fact_row(key).as_of)) >= 7, key        # dated to the month at least


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
    assert len(figs) == 7
    for fig in figs:
        title = fig["layout"]["meta"]["cfr_title"]
        assert fig["layout"]["meta"]["cfr_alt"], title
        traces = [t for t in fig["data"] if not _is_legend_key(t)]
        assert traces, title
        for t in traces:
            assert has_data(t, "x") and has_data(t, "y"), (title, t.get("name"))


def test_glue_names_used_by_the_intro_exist(g):
    for name in ("lancang_mw", "china_to_lower", "mrc_members"):
        assert name in g
