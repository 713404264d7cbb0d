"""Claims register, issue 20 ("Sources a scholar would accept"): the register's evidence rests
on primary documents, research and press of record, and the claims whose evidence now reads
the book's own tables say what those tables say.

Tables are read through ``cfr.load`` so ``CFR_DATA_DIR`` can point the tests at a broken copy
of ``data/``. Replacements are listed in ``sources/editorial/source_replacements_claims.csv``.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest

import cfr
from cfr import partners

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "curate"))
import grading  # noqa: E402

REPLACEMENTS = ROOT / "sources" / "editorial" / "source_replacements_claims.csv"
SOURCE_CLAIMS = ROOT / "sources" / "claims" / "claims.csv"

# Claims whose only source is still a blog repost or an encyclopedia copy, and why (the
# registry row of each URL gives the full reason; see sources/claims/ADDED.md).
KEPT_WEAK = {
    "C50": "no stored primary or press source dates when the Democratic Kampuchea flag left "
           "the UN; the verdict stays 'disputed'",
    "C57": "only AFP's report, stored as a blog copy, says the Zheng He was the first Chinese "
           "warship in Cambodia; VOA Khmer confirms the visit only",
}


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return cfr.load("claims").set_index("id")


def num(value: float) -> str:
    return f"{value:,.0f}"


# --- weak links ------------------------------------------------------------------------------
def test_only_the_kept_claims_rest_on_a_blog_or_encyclopedia_copy(claims):
    weak = set(claims.index[claims.source_grade.isin(grading.WEAK)])
    assert weak == set(KEPT_WEAK)


def test_each_kept_weak_link_has_a_url_level_reason(claims):
    reg = grading.registry()
    for cid in KEPT_WEAK:
        url = claims.loc[cid, "source_url"]
        hit = grading.match(url, reg)
        assert hit is not None and hit.reason.strip(), cid
        assert re.sub(r"^https?://", "", url).startswith(hit.prefix) and "/" in hit.prefix, (
            cid, "the reason must be on the URL's own row, not the domain's")


def test_each_replacement_was_read_and_is_used_and_stronger(claims):
    rep = pd.read_csv(REPLACEMENTS, dtype=str, keep_default_na=False)
    assert len(rep) and (rep.table == "claims").all()
    assert (rep.checked == "yes").all()
    src = pd.read_csv(SOURCE_CLAIMS, dtype=str, keep_default_na=False).set_index("id")
    reg = grading.registry()
    for r in rep.itertuples():
        rows = src.index[src.source_url == r.old_url]
        if r.match:
            col, _, value = r.match.partition("=")
            assert col.strip() == "id", r.match
            rows = rows[rows == value.strip()]
        assert len(rows) == 1, f"{r.old_url} ({r.match}) matches {list(rows)}"
        cid = rows[0]
        assert claims.loc[cid, "source_url"] == r.new_source_url, cid
        assert claims.loc[cid, "source_quote"] == r.new_quote, cid
        assert len(r.new_quote.split()) <= 25, cid
        assert grading.match(r.new_source_url, reg).grade not in grading.WEAK, cid


# --- C35: China's money and arms against the article's "more than USD 3 million" ------------
def china_commitments() -> pd.Series:
    gcdf = cfr.load("donors_china_gcdf")
    gcdf = gcdf[(gcdf.iso3 == "KHM") & gcdf.flow_class.isin(["ODA-like", "OOF-like"])]
    return gcdf.groupby("year").commitment_usd_2021.sum() / 1e6


def test_c35_china_commitments_hold_the_floor_in_every_year_of_the_run_the_evidence_names(claims):
    evidence = claims.loc["C35", "evidence"]
    m = re.search(r"committed to Cambodia of at least USD ([\d,]+)m \(in 2021 dollars\) in every "
                  r"year from (\d{4}) to "
                  r"(\d{4})", evidence)
    assert m, evidence
    floor, first, last = float(m[1].replace(",", "")), int(m[2]), int(m[3])
    yearly = china_commitments()
    run = yearly[yearly.index >= first]
    assert last == yearly.index.max() and first > yearly.index.min()
    assert run.min() >= floor - 0.5 and num(run.min()) == m[1]  # every year, not endpoints
    assert yearly[first - 1] < 100 <= run.min()  # the run is the whole stretch of 100m+ years
    assert floor > 3 * 10  # an order of magnitude above the article's USD 3 million


def test_c35_china_delivered_the_most_arms_and_vietnam_only_in_the_years_named(claims):
    evidence = claims.loc["C35", "evidence"]
    m = re.search(r"since (\d{4}) \(([\d,]+) million TIV.*?Vietnam ([\d,]+) million, all "
                  r"delivered in (\d{4})", evidence)
    assert m, evidence
    since = int(m[1])
    arms = partners.arms_delivered_register(since)
    assert arms.index[0] == "CHN"  # the largest of all suppliers over the whole period
    assert num(arms["CHN"]) == m[2] and num(arms["VNM"]) == m[3]
    deliveries = cfr.load("powers_arms_deliveries")
    vnm = deliveries[(deliveries.recipient_iso3 == "KHM") & (deliveries.supplier_iso3 == "VNM")
                     & (deliveries.year >= since)]
    assert sorted(vnm.year.unique()) == [int(m[4])]


# --- C39: the date the capital fell is the great-powers timeline's row ----------------------
def test_c39_phnom_penh_date_is_the_timeline_row(claims):
    tl = cfr.load("powers_timeline")
    row = tl[tl.event.str.contains("enters Phnom Penh", regex=False)]
    assert len(row) == 1
    day = pd.Timestamp(row.iloc[0].date)
    assert f"entered Phnom Penh on {day.day} {day:%B %Y}" in claims.loc["C39", "evidence"]
    assert day.year == 1979 and day.month == 1  # "only the capture of the capital falls in January"


@pytest.mark.parametrize("cid", ["C50", "C57"])
def test_each_kept_weak_link_says_what_was_searched(claims, cid):
    hit = grading.match(claims.loc[cid, "source_url"], grading.registry())
    assert "searched" in hit.reason and not hit.reason.startswith("not yet checked"), hit.reason


def test_the_page_names_exactly_the_claims_still_resting_on_a_copy(claims):
    text = (ROOT / "chapters" / "claims.md").read_text(encoding="utf-8")
    sentence = re.search(r"the entries still resting on such a copy\s*\((.*?)\)\s*name it",
                         text, flags=re.S)
    assert sentence, "the sentence on the remaining weak links is gone from chapters/claims.md"
    named = set(re.findall(r"\{ref\}`(C\d\d) <claim-c\d\d>`", sentence[1]))
    assert named == set(claims.index[claims.source_grade.isin(grading.WEAK)])


def test_c55_relations_date_is_the_timeline_row_and_the_fiftieth_falls_in_2008(claims):
    tl = cfr.load("powers_timeline")
    row = tl[tl.event.str.contains("China establish diplomatic relations", regex=False)]
    assert len(row) == 1
    day = pd.Timestamp(row.iloc[0].date)
    evidence = claims.loc["C55", "evidence"]
    assert f"Relations date from {day.day} {day:%B %Y}" in evidence
    assert f"fiftieth anniversary fell in {day.year + 50}" in evidence
    assert day.year + 50 == 2008  # the year the article names
    # the register's own source gives the same day
    assert f"{day.day} {day:%B}, {day.year}" in claims.loc["C55", "source_quote"]
