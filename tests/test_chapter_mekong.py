"""The Mekong chapter: runs in a fresh kernel, draws its charts, and its numbers match the tables."""

import pandas as pd

from cfr import load
from conftest import close, figures

PAGE = "chapters/mekong"


def test_charts_have_data(nb):
    figs = figures(nb)
    assert len(figs) >= 4
    for fig in figs:
        traces = [t for t in fig["data"]
                  if t.get("x") is not None and any(v is not None for v in t["x"])]
        assert traces, fig["layout"]["meta"]["cfr_title"]
        for t in traces:
            ys = t.get("y") if t.get("y") is not None else []
            assert len(t["x"]) > 0 and len(ys) > 0, fig["layout"]["meta"]["cfr_title"]
        assert fig["layout"]["meta"]["cfr_alt"]


def test_map_places_only_dams_with_coordinates(nb):
    dams = load("mekong_dams")
    fig = figures(nb)[0]
    hover_dams = set()
    for t in fig["data"]:
        for cd in t.get("customdata") or []:
            hover_dams.add(cd[0])
    with_coords = set(dams.dropna(subset=["latitude", "longitude"]).dam)
    assert hover_dams == with_coords
    unplaced = dams[dams.latitude.isna()].dam
    listed = " ".join(a.get("text", "") for a in fig["layout"]["annotations"])
    for dam in unplaced:
        assert dam in listed


def test_dam_numbers(g):
    dams = load("mekong_dams")
    op = dams[(dams.status == "operating") & dams.mainstream]
    chn, lao = op[op.iso3 == "CHN"], op[op.iso3 == "LAO"]
    assert close(g["lancang_mw"], chn.capacity_mw.sum())
    assert g["lancang_n"] == len(chn) == 6
    assert close(g["lower_mw"], lao.capacity_mw.sum())
    assert close(g["china_to_lower"], chn.capacity_mw.sum() / lao.capacity_mw.sum())
    assert g["lancang_done_year"] == chn.year_full.max() == 2014
    assert g["first_dam"] == "Manwan" and g["first_dam_year"] == 1995
    assert (g["lower_first_year"], g["lower_last_year"]) == (2019, 2020)
    pending = dams[dams.status.isin(["planned", "under development", "postponed"])]
    assert close(g["pending_khm_mw"], pending[pending.iso3 == "KHM"].capacity_mw.sum())
    assert close(g["pending_lao_mw"], pending[pending.iso3 == "LAO"].capacity_mw.sum())
    assert g["n_unplaced"] == dams.latitude.isna().sum()
    assert g["n_disagree"] == (dams.capacity_min_mw < dams.capacity_max_mw).sum()
    since = chn[chn.year_full >= 2008].capacity_mw.sum() / chn.capacity_mw.sum() * 100
    assert close(g["lancang_share_since_2008"], since)


def test_storage_numbers(g):
    figs = load("mekong_dam_figures")
    facts = load("mekong_facts").set_index("id").value
    lancang = ["Xiaowan", "Nuozhadu", "Manwan", "Dachaoshan", "Jinghong", "Gongguoqiao"]
    st = figs[(figs.attribute == "storage_mcm") & figs.dam.isin(lancang)]
    hi = st.groupby("dam").value.max()
    assert close(g["storage_max_km3"], hi.sum() / 1000)
    assert close(g["storage_min_km3"], st.groupby("dam").value.min().sum() / 1000)
    china_flow = facts["discharge_wb"] * facts["china_flow_share"] / 100
    assert close(g["china_flow_km3"], china_flow)
    assert close(g["storage_vs_china_flow"], hi.sum() / 1000 / china_flow * 100)
    assert close(g["storage_two_share"], hi[["Xiaowan", "Nuozhadu"]].sum() / hi.sum() * 100)


def test_flow_fish_and_facts(g):
    reach = load("mekong_flow_reach").set_index("reach").total_pct
    assert close(g["flow_china"], reach["China"])
    assert close(g["flow_above_pakse"], reach.loc[:"Mukdahan - Pakse"].sum())
    fish = load("mekong_fish_catch")
    khm = fish[fish.iso3 == "KHM"].set_index("year").capture_tonnes
    peak = khm.loc[2010:].idxmax()
    low = khm.loc[peak:].idxmin()
    assert g["fish_peak_year"] == peak and close(g["fish_peak"], khm[peak])
    assert g["fish_low_year"] == low and close(g["fish_low"], khm[low])
    assert close(g["fish_drop_pct"], (1 - khm[low] / khm[peak]) * 100)
    facts = load("mekong_facts").set_index("id").value
    for key in ("kratie_2019", "kratie_below_avg", "tonle_sap_2021", "mrc_members",
                "stimson_china_mw", "funan_km", "khm_land_in_basin"):
        assert close(g[key], facts[key]), key


def test_dates_come_from_the_timeline(g):
    tl = load("mekong_timeline")
    assert pd.Timestamp(g["date_mrc"]) == tl[tl.event.str.contains("Mekong Agreement")].date.iloc[0]
    assert pd.Timestamp(g["date_data"]) == tl[tl.event.str.startswith("China and the MRC")].date.iloc[0]
    assert pd.Timestamp(g["date_funan"]) == tl[tl.event.str.contains("Funan Techo")].date.iloc[0]
    assert set(tl.date_precision) <= {"day", "month", "year"}


def test_differing_figures_are_kept():
    figs = load("mekong_dam_figures")
    cap = figs[figs.attribute == "capacity_mw"]
    assert set(cap[cap.dam == "Manwan"].value) == {1500, 1605}
    assert set(cap[cap.dam == "Jinghong"].value) == {1500, 1750}
    assert cap[cap.dam == "Sambor"].value.nunique() >= 3
