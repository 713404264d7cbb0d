"""Indicators of Cambodia's ties with each partner, computed once from the book's tables.

The great-power chapter's scorecard and the report's cross-theme view both use these, so a
number means the same thing wherever it appears. Every function returns values keyed by the
partner's code (ISO3, EUU for the European Union, ASEAN); a partner a source does not cover is
absent, never zero.
"""
from __future__ import annotations

import pandas as pd

from cfr.data import load

# The book's one definition of "Western donors": the United States, the EU institutions and the
# European and Australian bilateral donors in the DAC-by-donor table. Japan and South Korea are
# counted on their own, never as "Western". Both the donors and the great-powers chapters use it.
WESTERN_DONORS = ("USA", "EUU", "FRA", "DEU", "GBR", "SWE", "AUS")


def un_agreement(first: int, last: int) -> pd.Series:
    """Share of UN General Assembly roll calls, first..last, in which Cambodia and the partner
    cast the same vote (yes, no or abstain), in %, pooled over all roll calls of those years."""
    agree = load("powers_unga_agreement")
    s = agree[agree.year.between(first, last)].groupby("partner_iso3")[
        ["identical_votes", "shared_votes"]].sum()
    return s.identical_votes / s.shared_votes * 100


def arms_delivered(since: int = 1991) -> pd.Series:
    """Major arms delivered to the Cambodian government since ``since`` (to the SIPRI
    register's last year), million TIV, by supplier, largest first: the register's deliveries
    (:func:`arms_delivered_register`), the same figures the great-powers chapter uses."""
    return arms_delivered_register(since)


def net_oda(first: int, last: int) -> pd.Series:
    """Net bilateral ODA disbursed by each DAC donor, first..last, US$ million (current)."""
    oda = load("donors_by_donor")
    return oda[oda.year.between(first, last)].groupby("donor_iso3").net_oda_usd.sum() / 1e6


def china_official_finance(first: int, last: int) -> float:
    """Chinese official finance committed (ODA-like + OOF-like), first..last, US$ million at
    constant 2021 prices (AidData). Commitments, not disbursements: not comparable with ODA."""
    gcdf = load("donors_china_gcdf")
    sel = gcdf[gcdf.year.between(first, last) & gcdf.flow_class.isin(["ODA-like", "OOF-like"])]
    return float(sel.commitment_usd_2021.sum() / 1e6)


def export_shares(year: int = 2022) -> pd.Series:
    """Each partner's share of Cambodia's non-gold exports in ``year``, %, as reported."""
    trade = load("powers_trade")
    rows = trade[(trade.year == year) & (trade.flow == "share_of_cambodia_non_gold_exports")]
    code = rows.partner_iso3.fillna(rows.partner.where(rows.partner == "ASEAN"))
    return rows.assign(code=code).dropna(subset=["code"]).set_index("code").value


def land_border_km() -> pd.Series:
    """Length of Cambodia's land border with each neighbour, km (CIA World Factbook)."""
    b = load("borders_boundary_lengths")
    return b[b.boundary == "land border"].set_index("iso3").length_km


def cross_theme(partners: list[str], *, votes=(2010, 2019), finance=(2010, 2021),
                arms_since: int = 1991, exports_year: int = 2022) -> pd.DataFrame:
    """One row per partner and indicator: the cross-theme view of the report.

    Columns: partner, theme, indicator, value (NaN where the sources give no figure), unit,
    note.
    """
    oda = net_oda(*finance)
    finance_vals = {p: oda.get(p) for p in partners}
    if "CHN" in partners:
        finance_vals["CHN"] = china_official_finance(*finance)
    specs = [
        ("Votes", f"UN votes: same vote, {votes[0]}-{str(votes[1])[2:]}", "%",
         un_agreement(*votes)),
        ("Aid", f"Official finance, {finance[0]}-{str(finance[1])[2:]}", "US$ bn",
         pd.Series(finance_vals, dtype=float) / 1000),
        ("Trade", f"Share of non-gold exports, {exports_year}", "%", export_shares(exports_year)),
        ("Security", f"Arms delivered since {arms_since}", "m TIV", arms_delivered(arms_since)),
        ("Borders", "Land border", "km", land_border_km()),
    ]
    countries = {p for p in partners if len(p) == 3 and p != "EUU"}
    rows = []
    for theme, indicator, unit, values in specs:
        for p in partners:
            v = values.get(p)
            note = ""
            if theme == "Aid" and p == "CHN":
                note = "commitments, constant 2021 US$ (AidData); others: net ODA disbursed"
            if v is None and p in countries and theme in ("Security", "Borders"):
                # SIPRI lists every recorded delivery; the Factbook lists every land border.
                v = 0.0
                note = ("no delivery recorded by SIPRI" if theme == "Security"
                        else "no common land border (the Factbook lists three neighbours)")
            rows.append(dict(partner=p, theme=theme, indicator=indicator,
                             value=float(v) if v is not None and pd.notna(v) else float("nan"),
                             unit=unit, note=note))
    return pd.DataFrame(rows)


# --- Series added for issue 17 (money and arms, 2026-12-01): new names, the functions above
# are unchanged. The intro's cross-theme view may move to these (see the chapter's notes).
def arms_delivered_register(since: int = 1991, until: int | None = None,
                            recipient: str = "KHM") -> pd.Series:
    """Major arms delivered to ``recipient`` (KHM, LAO, THA or VNM) from ``since`` to ``until``
    (default: the register's last year, 2024), million SIPRI TIV, by supplier, largest first.
    From the SIPRI trade register, each deal's TIV spread evenly over its delivery years
    (``powers_arms_deliveries``); unknown suppliers are left out."""
    arms = load("powers_arms_deliveries")
    sel = arms[(arms.recipient_iso3 == recipient) & (arms.year >= since)
               & (arms.year <= (until if until is not None else arms.year.max()))]
    return sel.groupby("supplier_iso3").tiv_musd.sum().sort_values(ascending=False)


def dots_export_shares(year: int = 2020) -> pd.Series:
    """Each partner's share of Cambodia's goods exports (all goods, gold included) in ``year``,
    %, from Cambodia's own figures in the IMF Direction of Trade Statistics (to 2020). Not the
    same measure as ``export_shares`` (non-gold exports, 2022, as the ministry reported)."""
    dots = load("powers_trade_dots")
    rows = dots[(dots.year == year) & (dots.flow == "exports")].set_index("partner_iso3")
    return (rows.value_usd_mn.drop("WLD") / rows.value_usd_mn["WLD"] * 100).rename(None)


def un_agreement_to_2024(first: int, last: int) -> pd.Series:
    """Like ``un_agreement``, over the series carried to June 2024: ``powers_unga_agreement``
    (to 2019) and ``powers_unga_agreement_2020s`` (2020 to 4 June 2024, same method, from the
    Voeten-based roll-call file that reproduces every earlier row). 2022 holds only the roll
    calls from 3 November (the Ukraine votes of March-October are not in the file) and 2024
    only those to 4 June."""
    agree = pd.concat([load("powers_unga_agreement"), load("powers_unga_agreement_2020s")])
    s = agree[agree.year.between(first, last)].groupby("partner_iso3")[
        ["identical_votes", "shared_votes"]].sum()
    return s.identical_votes / s.shared_votes * 100
