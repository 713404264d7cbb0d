"""The book's combined timeline: every chapter's dated events in one table (data/timeline.csv).

Reads the chapters' own timeline tables in data/ (already curated from the sources, each row
with its source), adds a `theme` column, and sorts by date. Rerun after a chapter's timeline
changes:  cd scripts/curate && ../../.venv/bin/python timeline.py
"""
import pandas as pd

from common import DATA, write

THEMES = {"donors_timeline.csv": "Donors", "powers_timeline.csv": "Great powers",
          "borders_timeline.csv": "Borders", "un_timeline.csv": "UN",
          "mekong_timeline.csv": "Mekong"}

parts = []
for file, theme in THEMES.items():
    df = pd.read_csv(DATA / file, dtype=str, keep_default_na=False)
    parts.append(df.assign(theme=theme))
tl = pd.concat(parts, ignore_index=True)
tl = tl[["date", "date_precision", "theme", "lane", "event", "source_title", "source_url"]]
write(tl.sort_values(["date", "theme", "event"]), "timeline.csv")
