"""The book's combined timeline: every chapter's dated events in one table (data/timeline.csv).

Reads the chapters' own timeline tables in data/ (already curated from the sources, each row
with its source) and writes one row per event. An event that two chapters both tell (same
date, overlapping wording; see cfr/events.py) becomes one row whose ``themes`` names both
chapters, e.g. "Borders; Great powers", keeping the more detailed wording and its source.
If two tellings of one event disagree (a different venue, or near-identical wording under two
dates) the script stops and names the rows: fix the chapter's table, never this output.
Rerun after a chapter's timeline changes:  cd scripts/curate && ../../.venv/bin/python timeline.py
"""
import sys

import pandas as pd

from common import DATA, ROOT, write

sys.path.insert(0, str(ROOT))
from cfr.events import conflicts, content_words, groups  # noqa: E402

THEMES = {"donors_timeline.csv": "Donors", "powers_timeline.csv": "Great powers",
          "borders_timeline.csv": "Borders", "un_timeline.csv": "UN",
          "mekong_timeline.csv": "Mekong"}
ORDER = list(THEMES.values())


def combined(data=DATA) -> pd.DataFrame:
    parts = [pd.read_csv(data / file, dtype=str, keep_default_na=False).assign(theme=theme)
             for file, theme in THEMES.items()]
    tl = pd.concat(parts, ignore_index=True)
    problems = conflicts(tl)
    if problems:
        raise SystemExit("The chapters' timelines disagree; fix their tables:\n  "
                         + "\n  ".join(problems))
    rows = []
    for group in groups(tl):
        g = tl.loc[group]
        # the most detailed telling (most content words), ties to the earlier chapter
        g = g.assign(detail=g.event.map(lambda e: len(content_words(e))),
                     rank=g.theme.map(ORDER.index))
        keep = g.sort_values(["detail", "rank"], ascending=[False, True]).iloc[0]
        themes = sorted(set(g.theme), key=ORDER.index)
        rows.append(dict(date=keep.date, date_precision=keep.date_precision,
                         themes="; ".join(themes), lane=keep.lane, event=keep.event,
                         source_title=keep.source_title, source_url=keep.source_url))
    return pd.DataFrame(rows).sort_values(["date", "themes", "event"], ignore_index=True)


if __name__ == "__main__":
    out = combined()
    write(out, "timeline.csv")
    print(f"{(out.themes.str.contains(';')).sum()} events told by more than one chapter")
