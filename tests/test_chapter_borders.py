"""The Borders chapter: each comparison, trend and superlative its key findings, prose and
chart titles state is checked here on the tables (through ``cfr.load``), not by copying the
notebook's code; and every chart the chapter draws has data in every trace."""
import math

import pandas as pd
import pytest

from cfr import fact, fact_row, load, load_geojson
from conftest import figures, has_data

PAGE = "chapters/borders"
JUL, DEC = "Jul 2025 round (24-28 Jul)", "Dec 2025 round (7-27 Dec)"
CRISIS = "2008-2011 crisis (whole)"


@pytest.fixture(scope="module")
def toll():
    return load("borders_conflict_toll")


@pytest.fixture(scope="module")
def tl():
    return load("borders_timeline")


def both_sides(toll, episode, measure):
    """Figures for both sides together, in the order they were reported."""
    rows = toll[(toll.episode == episode) & (toll.measure == measure) & toll.side.isna()
                & (toll.group == "all")]
    return rows.sort_values("reported", kind="stable")


def crisis_killed(toll):
    return toll[(toll.episode == CRISIS) & (toll.measure == "killed")].value.sum()


# --- three borders ---------------------------------------------------------------------------
def test_vietnam_border_is_the_longest():
    """'{vnm_km} km with Vietnam, the longest' (prose and map alt text)."""
    b = load("borders_boundary_lengths")
    land = b[b.boundary == "land border"].set_index("iso3").length_km
    assert land.idxmax() == "VNM" and land["VNM"] > land.drop("VNM").max()


def test_sources_disagree_most_on_vietnam():
    """Lengths chart title and prose: the Vietnam spread is the widest; Laos and Thailand
    differ 'by much less'."""
    lens = load("borders_lengths")
    spread = lens.groupby("iso3").length_km.agg(lambda v: v.max() - v.min())
    assert spread.idxmax() == "VNM"
    assert spread.drop("VNM").max() * 2 < spread["VNM"]


def test_flashpoints_all_lie_on_the_thai_border():
    """Map title: every place named in the disputes is nearest to the Thai boundary line."""
    places = load("borders_places")
    flash = places[places.category.isin(["border temple", "disputed-border temple", "island"])]
    lines = load_geojson("geo_boundary_lines")["features"]
    vertices = {}
    for f in lines:
        pr = f["properties"]
        if "KHM" not in (pr["adm0_a3_l"], pr["adm0_a3_r"]):
            continue
        code = pr["adm0_a3_r"] if pr["adm0_a3_l"] == "KHM" else pr["adm0_a3_l"]
        vertices.setdefault(code, []).extend(p for part in f["geometry"]["coordinates"]
                                             for p in part)
    assert set(vertices) == {"THA", "LAO", "VNM"}
    for p in flash.itertuples():
        nearest = min(vertices, key=lambda c: min(math.dist((p.longitude, p.latitude), v)
                                                  for v in vertices[c]))
        assert nearest == "THA", p.name


# --- Preah Vihear ----------------------------------------------------------------------------
def test_icj_majority_and_gap(tl):
    """'by 9 votes to 3'; the 2013 interpretation came 51 years after the 1962 judgment."""
    assert fact("icj1962_votes_for") > fact("icj1962_votes_against")
    y1962 = tl[tl.event.str.startswith("ICJ judgment")].date.dt.year.item()
    y2013 = tl[tl.event.str.startswith("ICJ, unanimously")].date.dt.year.item()
    assert (y1962, y2013 - y1962) == (1962, 51)


def test_2013_judgment_left_phnom_trap_and_the_line_open():
    """Key finding and prose: the promontory went to Cambodia, Phnom Trap and the boundary
    were not decided (the rows' quotes say so)."""
    trap = fact_row("icj2013_phnom_trap")
    assert "Phnom Trap lay outside the disputed area" in trap.quote
    assert "did not" in trap.quote and trap.as_of == "2013-11-11"
    assert "not engaged in delimiting the frontier" in fact_row("icj2013_no_delimitation").quote


def test_disputed_area_was_claimed_by_both():
    """'both countries went on claiming the land next to it, an area of 4.6 km²'."""
    row = fact_row("pv_disputed_area_km2")
    assert row.value == pytest.approx(4.6) and row.unit == "km2"
    assert "Both Thailand and Cambodia laid claim" in row.quote


def test_preah_vihear_strand_quiet_between_rulings_and_crises(tl):
    """'no dated event between the 1962 judgment and 2008'; 'no event between the 2013
    interpretation judgment and 2025'."""
    pv = tl[tl.lane == "Preah Vihear"]
    assert not pv.date.between("1962-06-16", "2007-12-31").any()
    assert pv.date.between("2008-01-01", "2008-12-31").any()
    assert not pv.date.between("2013-11-12", "2025-12-31").any()


def test_standoff_came_days_after_the_unesco_listing(tl):
    """'days after UNESCO inscribed the temple ..., Thai troops entered the area of a pagoda'."""
    unesco = tl[tl.event.str.startswith("UNESCO World Heritage Committee")].date.item()
    standoff = tl[tl.event.str.startswith("Thai troops enter the area")].date.item()
    assert pd.Timedelta(0) < standoff - unesco < pd.Timedelta(days=14)


def test_events_crowd_into_2008_2011_and_2025(tl):
    """Timeline title: over half the dated events fall in 2008-2011 or 2025, and those
    periods hold the two busiest years."""
    year = tl.date.dt.year
    busy = year.between(2008, 2011) | (year == 2025)
    assert busy.mean() > 0.5
    assert set(year.value_counts().index[:2]) <= set(range(2008, 2012)) | {2025}


# --- Vietnam and Laos ------------------------------------------------------------------------
def _stated(dem, iso3, measure, as_of):
    dem = dem.assign(as_of=dem.as_of.fillna("undated"))
    return dem[(dem.iso3 == iso3) & (dem.measure == measure) & (dem.as_of == as_of)].value.item()


def test_most_of_vietnam_border_marked_and_progress_since_1988():
    """Key finding 'most of the line is marked', and the 2019 figures against 1986-1988."""
    dem = load("borders_demarcation")
    assert _stated(dem, "VNM", "share demarcated (%)", "2019-10-05") > 50
    assert (_stated(dem, "VNM", "km demarcated", "2019-10-05")
            > _stated(dem, "VNM", "km demarcated", "1986-1988"))
    assert (_stated(dem, "VNM", "markers planted", "2019-10-05")
            > _stated(dem, "VNM", "markers planted", "1986-1988"))
    # 'the three marker types ... add up to ..., matching the later count'
    types = sum(fact(k) for k in ["vnm_main_landmarks", "vnm_sub_landmarks", "vnm_pillars"])
    assert types == _stated(dem, "VNM", "markers planted", "2022-03-04")


def test_laos_share_above_vietnam_and_earlier_statement():
    """'86% ..., a share slightly above Vietnam's 84% of 2019'; up from the undated 75%."""
    dem = load("borders_demarcation")
    lao = _stated(dem, "LAO", "share demarcated (%)", "2023-02-13")
    vnm = _stated(dem, "VNM", "share demarcated (%)", "2019-10-05")
    assert vnm < lao <= vnm + 5
    assert lao > _stated(dem, "LAO", "share demarcated (%)", "undated")


def test_no_demarcation_figure_for_thailand():
    """Chart title and caveat: 'no tally for Thailand'."""
    assert not (load("borders_demarcation").iso3 == "THA").any()


# --- the cost of the fighting ----------------------------------------------------------------
def test_2025_is_two_rounds_never_merged(toll):
    """The two rounds are separate episodes; a December report of the July round is marked as
    such, and December's figures are all reported from 7 December on."""
    rounds = toll[toll.episode.str.contains("2025") & ~toll.episode.str.startswith("May")]
    assert set(rounds.episode) == {JUL, DEC}
    late_jul = toll[(toll.episode == JUL) & (toll.reported >= "2025-12-01")]
    assert len(late_jul) and late_jul.note.str.contains("July round").all()
    assert (toll[toll.episode == DEC].reported >= "2025-12-07").all()


CRISIS_KHM_GOVT, FIGHTING_2011 = "2008-2011 crisis (to 21 Jun 2011)", "2011 fighting (Feb, Apr-May)"
WEAK = {"secondary", "blog"}


def test_each_2025_round_killed_more_than_the_2011_fighting(toll):
    """Key finding: the latest both-sides count of each round exceeds Crisis Group's estimate
    for all the fighting of 2011 (a research source, not the encyclopedia total)."""
    icg = toll[(toll.episode == FIGHTING_2011) & (toll.measure == "killed")]
    assert len(icg) == 1 and icg.source_grade.item() not in WEAK
    for episode in (JUL, DEC):
        assert both_sides(toll, episode, "killed").value.iloc[-1] > icg.value.item(), episode


def test_each_2025_round_killed_more_than_any_count_of_the_earlier_crisis(toll):
    """Chart title 'more than any earlier episode shown' and prose 'more than any count of the
    earlier crisis': each round's latest count exceeds Wikipedia's whole-crisis total, the
    Cambodian government's count, Crisis Group's 2011 estimate and each 2011 episode."""
    earlier = [crisis_killed(toll)]
    earlier += list(toll[toll.episode.isin([CRISIS_KHM_GOVT, FIGHTING_2011])
                         & (toll.measure == "killed")].value)
    for episode in ("Feb 2011 (Preah Vihear)", "Apr 2011 (Ta Moan, Ta Krabey)"):
        rows = toll[(toll.episode == episode) & (toll.measure == "killed")]
        both = rows[rows.side.isna()]
        earlier.append(both.value.iloc[-1] if len(both) else rows.value.sum())
    assert len(earlier) == 5
    for episode in (JUL, DEC):
        assert both_sides(toll, episode, "killed").value.iloc[-1] > max(earlier), episode


def test_whole_crisis_toll_is_wikipedia_only_and_cambodia_counts_more_of_its_own(toll):
    """'No press, government or research source found here gives a toll of both sides for the
    whole 2008-2011 crisis. The only total ... is English Wikipedia's'; 'Cambodia's own count
    is higher for its side' (24 against Wikipedia's 22)."""
    whole = toll[toll.episode == CRISIS]
    assert set(whole.source_grade) <= WEAK and whole.source_url.str.contains("wikipedia").all()
    strong = toll[toll.episode.str.startswith("2008-2011") & ~toll.source_grade.isin(WEAK)]
    assert not (strong.side.isna() & (strong.measure == "killed")).any()
    govt = toll[(toll.episode == CRISIS_KHM_GOVT) & (toll.side == "KHM")].value.item()
    wiki_khm = whole[(whole.side == "KHM") & (whole.measure == "killed")].value.sum()
    assert govt > wiki_khm


def test_july_tallies_rose_and_all_later_ones_exceed_the_crisis(toll):
    """July chart title 'rose from 33 to 48'; prose 'each later report gave a figure at least
    as high as the one before'; every tally after the ceasefire exceeds the crisis's 40."""
    jul = both_sides(toll, JUL, "killed")
    assert jul.value.is_monotonic_increasing
    assert (jul.value.iloc[0], jul.value.iloc[-1]) == (jul.value.min(), jul.value.max())
    after = jul[jul.reported > "2025-07-31"]
    crisis = crisis_killed(toll)
    assert all(v > crisis or (v == crisis and q == "over")
               for v, q in zip(after.value, after.qualifier))


def test_july_displaced_more_than_three_times_april_2011(toll):
    """'displaced about 300,000, 3.5 times as many as in April 2011'."""
    jul = both_sides(toll, JUL, "displaced").value.iloc[-1]
    apr = both_sides(toll, "Apr 2011 (Ta Moan, Ta Krabey)", "displaced").value.iloc[-1]
    assert jul / apr > 3


def test_december_wide_count_is_the_official_one_plus_indirect_deaths(toll):
    """Key finding: at least 47 by official tallies; the wider count (96) adds deaths Thailand
    links indirectly to the fighting: it equals the by-side figures it is built from."""
    dec = toll[toll.episode == DEC]
    killed = both_sides(toll, DEC, "killed")
    official, wide = killed.value.iloc[-1], killed.value.max()
    assert official < wide
    indirect = dec[dec.measure == "died of indirect effects"].value.item()
    tha = dec[(dec.side == "THA") & (dec.measure == "killed")].value.sum()
    khm_cited = dec[(dec.side == "KHM") & (dec.measure == "killed")].value.max()
    assert wide == tha + indirect + khm_cited
    assert wide - indirect < official + 10


def test_december_cambodia_published_no_military_toll(toll):
    """By-side chart title: for December, Cambodia's own counts cover civilians only."""
    dec_khm = toll[(toll.episode == DEC) & (toll.side == "KHM")]
    assert len(dec_khm) and not (dec_khm.group == "soldiers").any()
    jul_khm = toll[(toll.episode == JUL) & (toll.side == "KHM") & (toll.measure == "killed")]
    assert (jul_khm.group == "soldiers").any()


def test_december_displaced_in_cambodia_alone_exceed_july_both_sides(toll):
    """Key finding sets December's Cambodian displaced (nearly 649,000) beside July's both-side
    figure (about 300,000)."""
    dec_khm = toll[(toll.episode == DEC) & (toll.side == "KHM") & (toll.measure == "displaced")]
    assert dec_khm.value.max() > both_sides(toll, JUL, "displaced").value.max()


def test_july_ceasefire_was_agreed_in_putrajaya(tl):
    """The book's one row for the July ceasefire (read by the powers chapter too)."""
    row = fact_row("ceasefire_2025_jul")
    assert row.value_as_given == "Putrajaya" and row.as_of == "2025-07-28"
    assert "Putrajaya" in row.quote
    event = tl[tl.event.str.startswith("Immediate and unconditional ceasefire")]
    assert "Putrajaya" in event.event.item() and event.source_url.item() == row.source_url


def test_sea_claim_is_not_set_against_land_area():
    """The Overlapping Claims Area is given in km² and compared with nothing it is not."""
    text = (pd.io.common.Path(__file__).parents[1] / f"{PAGE}.md").read_text()
    assert "total area" not in text and "oca_share" not in text
    assert fact_row("oca_km2").unit == "km2"


# --- the notebook ----------------------------------------------------------------------------
def test_every_chart_has_data_in_every_trace(nb):
    figs = figures(nb)
    assert len(figs) == 7
    for fig in figs:
        title = fig["layout"]["meta"]["cfr_title"]
        for trace in fig["data"]:
            assert has_data(trace, "x") or has_data(trace, "y"), (title, trace.get("name"))
    # the map is drawn from the GeoJSON as scatter traces, with no geo or tile traces
    kinds = {t.get("type", "scatter") for f in figs for t in f["data"]}
    assert not kinds & {"scattergeo", "choropleth", "scattermap", "scattermapbox"}


def test_map_says_lines_are_de_facto(nb):
    notes = " ".join(f["layout"]["meta"]["cfr_note"] for f in figures(nb))
    assert "de facto" in notes and "not a claim" in notes
