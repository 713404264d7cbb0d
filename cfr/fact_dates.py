"""The date of a fact as the book writes it, at the precision its source gives.

A facts table's ``as_of`` is ``2019``, ``2019-07`` or ``2019-07-18`` (see :mod:`cfr.facts`);
``fact_date`` turns it into the book's date style through :func:`cfr.charts.date_label`::

    from cfr.fact_dates import fact_date
    fact_date("kratie_2019")      # '18 Jul 2019'
    fact_date("jinghong_cut")     # 'Jul 2019'
"""
from __future__ import annotations

import pandas as pd

from cfr.charts import date_label
from cfr.data import DataError
from cfr.facts import fact_row

PRECISION = {4: "year", 7: "month", 10: "day"}
FIRST_DAY = {4: "-01-01", 7: "-01", 10: ""}


def fact_date(key: str) -> str:
    """``as_of`` of fact ``key`` as '18 Jul 2019', 'Jul 2019' or '2019' (an error if the
    fact carries no date)."""
    as_of = fact_row(key)["as_of"]
    if pd.isna(as_of) or len(str(as_of)) not in PRECISION:
        raise DataError(f"fact {key!r} has no ISO as_of date (got {as_of!r})")
    as_of = str(as_of)
    return date_label([as_of + FIRST_DAY[len(as_of)]], [PRECISION[len(as_of)]])[0]
