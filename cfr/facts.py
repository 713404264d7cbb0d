"""Sourced single facts: one layout for every chapter's ``<chapter>_facts`` table.

A *fact* is one number (or one named thing) that a source states: a pledge, a toll, a date,
a venue. Each is one row with a ``key`` that is unique across the book, so a fact used in two
chapters is read from the same row by both::

    from cfr import fact, fact_row
    fact("us_cut_2018")           # the value, a float
    fact_row("ceasefire_2025_jul")  # the whole row: claim, value_as_given, as_of, source...

The layout (see ``FACT_FIELDS``) is the same in every facts table:

- ``key``: lower-case identifier, unique across all facts tables
- ``claim``: what the value is, in the book's words
- ``value``: the number, or empty for a fact that is a name or a place
- ``value_high``: the upper end when the source gives a range, else empty
- ``unit``: unit of ``value`` (``million US$``, ``people``, ``year``...)
- ``value_as_given``: the figure or name exactly as the source gives it
- ``as_of``: the date the fact refers to, at the source's precision (``2019``,
  ``2019-10`` or ``2019-10-05``)
- ``source_title``, ``source_url``, ``quote``: where it comes from, with the words that say it
"""
from __future__ import annotations

import pandas as pd

from cfr.data import DataError, load, package

FACT_FIELDS = ["key", "claim", "value", "value_high", "unit", "value_as_given", "as_of",
               "source_title", "source_url", "quote"]
FACT_TABLES = ["donors_facts", "powers_facts", "borders_facts", "un_facts", "mekong_facts"]


def _has_fact_layout(name: str) -> bool:
    for res in package().get("resources", []):
        if res.get("name") == name:
            names = [f["name"] for f in res.get("schema", {}).get("fields", [])]
            return names[:len(FACT_FIELDS)] == FACT_FIELDS
    return False


def facts() -> pd.DataFrame:
    """Every facts table in one frame indexed by ``key``, with the owning ``table``."""
    parts = [load(t).assign(table=t) for t in FACT_TABLES if _has_fact_layout(t)]
    df = pd.concat(parts, ignore_index=True)
    dup = df.key[df.key.duplicated()].tolist()
    if dup:
        raise DataError(f"fact keys used twice across the facts tables: {dup}")
    return df.set_index("key")


def fact_row(key: str) -> pd.Series:
    """The whole row of fact ``key`` (claim, value, value_as_given, as_of, source...)."""
    df = facts()
    if key not in df.index:
        raise DataError(f"no fact {key!r} in {', '.join(FACT_TABLES)}")
    return df.loc[key]


def fact(key: str) -> float:
    """The value of fact ``key`` as a float (an error if the fact has no number)."""
    row = fact_row(key)
    if pd.isna(row["value"]):
        raise DataError(f"fact {key!r} has no number; use fact_row({key!r})")
    return float(row["value"])
