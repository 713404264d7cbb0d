"""Years as the book writes them in prose."""
from __future__ import annotations

from collections.abc import Iterable


def year_ranges(years: Iterable) -> str:
    """Years as runs, in words: [2002, 2003, 2004, 2012] -> '2002-2004 and 2012'."""
    runs: list[list[int]] = []
    for year in sorted({int(y) for y in years}):
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    parts = [f"{a}-{b}" if a != b else f"{a}" for a, b in runs]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
