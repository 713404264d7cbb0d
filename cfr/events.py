"""Dated events told by more than one chapter: which timeline rows are the same event, and
whether two tellings of one event disagree.

The five chapters keep their own timeline tables; the book's combined timeline
(``scripts/curate/timeline.py``) shows each event once. Two rows tell the same event when they
have the same date and their content words overlap (``SAME_DATE_OVERLAP``). Two rows
*conflict* when they tell the same event but name different venues, or when two chapters'
wording is near-identical (``NEAR_IDENTICAL``) but their dates differ (within one chapter, a
yearly series such as general-debate statements repeats its wording on purpose). The curation script refuses to
write a combined timeline with a conflict, and ``tests/test_consistency.py`` runs the same
check on the chapters' tables.
"""
from __future__ import annotations

import re

import pandas as pd

# Share of the shorter text's content words that the longer one also has. Measured on the
# book's timelines (December 2026): every pair of rows telling the same event on the same day
# scores 0.43 or more; the highest pair of different events on one date scores 0.33.
SAME_DATE_OVERLAP = 0.4
# Wording this close on two different dates is one event given two dates (a conflict); the
# closest pair of genuinely different events within a year scores 0.67 with 2 shared words.
NEAR_IDENTICAL = 0.75
NEAR_IDENTICAL_MIN_WORDS = 4

# Places where meetings, talks and signings in the timelines happen: a venue named in one
# telling of an event and a different one in another telling is a conflict.
VENUES = ("Putrajaya", "Kuala Lumpur", "Jakarta", "Bangkok", "Phnom Penh", "Hanoi", "Vientiane",
          "Beijing", "Tokyo", "Paris", "Washington", "New York", "Geneva", "The Hague",
          "Quebec City", "Chiang Rai", "Siem Reap", "Sihanoukville", "Manila", "Singapore",
          "Naypyidaw", "Bandar Seri Begawan", "Brussels", "Canberra", "Moscow", "Delhi")

_STOP = set("the a an of in on and to for by at as its it is with from after over under into "
            "be was were their his her that this which who than more less new first".split())


def content_words(text: str) -> set[str]:
    """Lower-case words of three letters or more, without common function words."""
    return {w for w in re.findall(r"[a-z0-9]+", str(text).lower())
            if len(w) > 2 and w not in _STOP}


def overlap(a: str, b: str) -> float:
    """Share of the shorter text's content words that the other text also has (0-1)."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def venues(text: str) -> set[str]:
    """The venues of ``VENUES`` named in a text (a declaration named after a city counts too:
    compare only two tellings of the same event)."""
    return {v for v in VENUES if re.search(rf"\b{re.escape(v)}\b", str(text))}


def same_event(a: pd.Series, b: pd.Series) -> bool:
    """Whether two timeline rows tell the same event: same date and overlapping wording."""
    return a["date"] == b["date"] and overlap(a["event"], b["event"]) >= SAME_DATE_OVERLAP


def groups(events: pd.DataFrame) -> list[list[int]]:
    """Row positions of ``events`` (columns date, event) grouped into events: rows that tell
    the same event (directly or through a third row) share a group. Deterministic order."""
    events = events.reset_index(drop=True)
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, day in events.groupby("date", sort=True):
        idx = list(day.index)
        for pos, i in enumerate(idx):
            for j in idx[pos + 1:]:
                if same_event(events.loc[i], events.loc[j]):
                    parent[root(j)] = root(i)
    out: dict[int, list[int]] = {}
    for i in range(len(events)):
        out.setdefault(root(i), []).append(i)
    return sorted(out.values())


def conflicts(events: pd.DataFrame, label: str = "theme") -> list[str]:
    """Every disagreement between rows of ``events`` (columns date, event and ``label``, the
    table or theme a row comes from), as readable messages; an empty list means none."""
    events = events.reset_index(drop=True)
    problems = []
    for group in groups(events):
        named = {i: venues(events.event[i]) for i in group}
        places = {frozenset(v) for v in named.values() if v}
        if len(places) > 1:
            problems.append(
                f"{events.date[group[0]]}: one event, different venues: "
                + " / ".join(f"{events[label][i]}: {sorted(named[i])} ({events.event[i][:80]})"
                             for i in group if named[i]))
    dates = pd.to_datetime(events.date)
    for i in range(len(events)):
        for j in range(i + 1, len(events)):
            if (events[label][i] == events[label][j] or events.date[i] == events.date[j]
                    or abs((dates[i] - dates[j]).days) > 366):
                continue
            wa, wb = content_words(events.event[i]), content_words(events.event[j])
            shared = len(wa & wb)
            if (shared >= NEAR_IDENTICAL_MIN_WORDS
                    and shared / max(1, min(len(wa), len(wb))) >= NEAR_IDENTICAL):
                problems.append(
                    f"one event, two dates: {events[label][i]} {events.date[i]} "
                    f"({events.event[i][:70]}) / {events[label][j]} {events.date[j]} "
                    f"({events.event[j][:70]})")
    return problems
