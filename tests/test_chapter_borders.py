"""The Borders chapter: runs in a fresh kernel, draws its charts, and its glued numbers
equal what the tables give (recomputed here, independently of the notebook)."""
import pandas as pd
import pytest

from cfr import load
from conftest import figures

PAGE = "chapters/borders"


def test_charts_have_data(nb):
    figs = figures(nb)
    assert len(figs) >= 4
    for fig in figs:
        assert fig["layout"]["meta"]["cfr_title"]
        data = [t for t in fig["data"] if t.get("x") is not None or t.get("y") is not None]
        assert data, fig["layout"]["meta"]["cfr_title"]
        for t in fig["data"]:
            xs = [v for v in (t.get("x") or []) if v is not None]
            assert xs, (fig["layout"]["meta"]["cfr_title"], t.get("name"))
    # the map is drawn from the GeoJSON as scatter traces, with no geo or tile traces
    kinds = {t.get("type", "scatter") for f in figs for t in f["data"]}
    assert not kinds & {"scattergeo", "choropleth", "scattermap", "scattermapbox"}


def test_map_says_lines_are_de_facto(nb):
    notes = " ".join(f["layout"]["meta"]["cfr_note"] for f in figures(nb))
    assert "de facto" in notes and "not a claim" in notes


def test_lengths(g):
    b = load("borders_boundary_lengths")
    land = b[b.boundary == "land border"].set_index("iso3").length_km
    assert g["land_total_km"] == land.sum() == 2530
    assert (g["vnm_km"], g["tha_km"], g["lao_km"]) == (land["VNM"], land["THA"], land["LAO"])
    assert g["coast_km"] == b[b.boundary == "coastline"].length_km.iloc[0]
    lens = load("borders_lengths")
    v = lens[lens.iso3 == "VNM"].length_km
    assert (g["vnm_len_min"], g["vnm_len_max"]) == (v.min(), v.max()) == (1137, 1245)
    assert g["vnm_len_spread"] == v.max() - v.min()


def _day(ts):
    return f"{ts.day} {ts:%B %Y}"


def _date(tl, words):
    hit = tl[tl.event.str.contains(words, regex=False)]
    assert len(hit) == 1, words
    return hit.date.iloc[0]


def test_preah_vihear(g):
    tl = load("borders_timeline")
    facts = load("borders_facts").set_index("fact_id").value
    assert g["icj1962_date"] == _day(_date(tl, "Temple of Preah Vihear lies in territory")) \
        == "15 June 1962"
    assert g["icj2013_date"] == "11 November 2013"
    assert g["icj_gap_years"] == 51
    assert (g["icj_for"], g["icj_against"]) == (facts["icj1962_votes_for"],
                                                facts["icj1962_votes_against"]) == (9, 3)
    assert g["unesco_date"] == _day(_date(tl, "inscribes the Temple")) == "7 July 2008"
    assert g["asean_observers"] == facts["asean_observers_2011"] == 40
    assert g["pv_parcel_km2"] == pytest.approx(facts["pv_parcel_km2"])


def test_demarcation(g):
    d = load("borders_demarcation")
    d["as_of"] = d.as_of.fillna("")

    def val(iso3, measure, as_of):
        return d[(d.iso3 == iso3) & (d.measure == measure) & (d.as_of == as_of)].value.item()

    assert g["vnm_dem_pct"] == val("VNM", "share demarcated (%)", "2019-10-05") == 84
    assert g["vnm_dem_km"] == val("VNM", "km demarcated", "2019-10-05") == 1045
    assert g["vnm_markers_2019"] == val("VNM", "markers planted", "2019-10-05") == 2037
    assert g["vnm_markers_2022"] == val("VNM", "markers planted", "2022-03-04") == 2047
    assert (g["vnm_early_km"], g["vnm_early_markers"]) == (200, 72)
    assert g["lao_dem_pct"] == val("LAO", "share demarcated (%)", "2023-02-13") == 86
    assert g["lao_left_pct"] == 100 - 86
    assert g["lao_markers"] == val("LAO", "markers planted", "") == 121
    assert g["lao_treaty_date"] == "13 February 2023"
    facts = load("borders_facts").set_index("fact_id").value
    assert g["vnm_marker_types_sum"] == facts[["vnm_main_landmarks", "vnm_sub_landmarks",
                                               "vnm_pillars"]].sum() == 2047


def test_conflict_toll(g):
    t = load("borders_conflict_toll")
    crisis = t[t.episode == "2008-2011 crisis (whole)"]
    assert g["crisis_killed"] == crisis.value.sum() == 40
    assert g["crisis_killed_khm"] == crisis[crisis.side == "KHM"].value.sum() == 22
    assert g["crisis_killed_tha"] == crisis[crisis.side == "THA"].value.sum() == 18
    feb = t[(t.episode == "Feb 2011 (Preah Vihear)") & (t.measure == "killed")]
    assert g["feb2011_killed"] == feb.value.sum() == 10
    both = t[t.side.isna() & (t.group == "all") & (t.episode == "2025 conflict (from 24 Jul)")]
    k, dsp = both[both.measure == "killed"], both[both.measure == "displaced"]
    assert g["k25_max"] == k.value.max() == 48
    assert g["k25_first"] == k.sort_values("reported").value.iloc[0] == 33
    assert g["k25_kl"] == k[k.reported == pd.Timestamp("2025-10-26")].value.item() == 43
    assert (g["d25_min"], g["d25_max"]) == (dsp.value.min(), dsp.value.max())
    apr = t[(t.episode == "Apr 2011 (Ta Moan, Ta Krabey)") & (t.measure == "displaced")]
    assert g["d25_ratio_apr2011"] == pytest.approx(dsp.value.max() / apr.value.item())
    assert g["k25_vs_crisis"] == pytest.approx(48 / 40)


def test_sea(g):
    facts = load("borders_facts").set_index("fact_id").value
    assert g["oca_km2"] == facts["oca_km2"] == 26000
    assert g["oca_claim_year"] == 1972
    assert g["oca_share_of_land"] == pytest.approx(26000 / facts["kh_area_km2"] * 100)
    assert g["mou_month"] == "June 2001"


def test_timeline_schema():
    tl = load("borders_timeline")
    assert list(tl.columns) == ["date", "date_precision", "event", "lane", "source_title",
                                "source_url"]
    assert tl.date.min().year == 1904 and tl.date.max().year == 2025
