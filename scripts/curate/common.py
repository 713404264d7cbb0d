"""Shared bits for the curation scripts (maintainer tools, never run by the build).

Each ``scripts/curate/<theme>.py`` reads the raw extracts in ``sources/<theme>/`` (in this
repository; ``sources/README.md`` says where each came from) and writes small tidy tables
into ``data/``. ``make data`` runs them all in a fixed order (``scripts/curate/run_all.py``)
and records which raw file feeds which table in ``data/lineage.json``. To rerun one script:

    cd scripts/curate && ../../.venv/bin/python intro.py
"""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SOURCES = ROOT / "sources"


def write(df, name: str) -> None:
    from grading import grade  # sources replaced and graded; stops on an ungraded URL
    df = grade(df, name)
    path = DATA / name
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")
    print(f"wrote {path.relative_to(ROOT)} ({len(df)} rows)")


def write_text(text: str, name: str) -> None:
    """Write a non-tabular file (GeoJSON) into ``data/`` exactly as given (UTF-8, no newline
    translation)."""
    path = DATA / name
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    print(f"wrote {path.relative_to(ROOT)} ({len(text.encode('utf-8'))} bytes)")


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
