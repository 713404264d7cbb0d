"""Shared bits for the curation scripts (maintainer tools, never run by the build).

Each ``scripts/curate/<theme>.py`` reads the raw extracts in ``../shared/sources/<theme>/``
and writes small tidy tables into ``data/``. Rerun one when a source extract is updated:

    .venv/bin/python scripts/curate/intro.py
"""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SOURCES = ROOT / "sources"


def write(df, name: str) -> None:
    path = DATA / name
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")
    print(f"wrote {path.relative_to(ROOT)} ({len(df)} rows)")


def iso_date(d: str) -> tuple[str, str]:
    """A source date ('2019-10-05', '2019-10' or '2019') as an ISO day plus its precision,
    for the timeline tables' date and date_precision columns."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
        return d, "day"
    if re.fullmatch(r"\d{4}-\d{2}", d):
        return d + "-01", "month"
    if re.fullmatch(r"\d{4}", d):
        return d + "-01-01", "year"
    raise ValueError(f"not an ISO date, month or year: {d!r}")
