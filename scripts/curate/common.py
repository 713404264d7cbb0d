"""Shared bits for the curation scripts (maintainer tools, never run by the build).

Each ``scripts/curate/<theme>.py`` reads the raw extracts in ``../shared/sources/<theme>/``
and writes small tidy tables into ``data/``. Rerun one when a source extract is updated:

    .venv/bin/python scripts/curate/intro.py
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SOURCES = ROOT.parent / "shared" / "sources"


def write(df, name: str) -> None:
    path = DATA / name
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")
    print(f"wrote {path.relative_to(ROOT)} ({len(df)} rows)")
