"""Source grades for every table in ``data/`` that names its sources row by row.

``common.write()`` calls :func:`grade` on each table before writing it. For a table with a
``source_url`` column it

1. applies the editors' source replacements (``sources/editorial/source_replacements.csv``:
   ``table, old_url, new_source_title, new_source_url, new_quote, checked, match, note``;
   per-theme parts ``source_replacements_<theme>.csv`` beside it are read too): a
   row citing ``old_url`` in that table (and, if ``match`` is set, e.g. ``key=pledge_2009_cg``,
   meeting it) now cites the stronger source instead. Only the source changes
   (title, URL and, where the table has one, the quote); the row's numbers never do. A
   replacement is applied only when ``checked`` is ``yes`` (the editor read the new source and
   it gives the same figure or event);
2. adds a ``source_grade`` column after the row's source (``source_url`` and the quote that
   follows it, if any): the grade of the longest
   registry prefix (``sources/editorial/source_grades.csv`` and its parts
   ``source_grades_<theme>.csv``: ``prefix, grade, publisher, note, reason``) that the URL starts with, once ``https://``/``http://`` is dropped;
3. stops, naming the URLs, if any URL has no registry row: no ungraded source enters ``data/``.

The grades, strongest first (``GRADES``; the methods page explains them):
``primary`` (the document itself: UN resolutions and records, ICJ judgments, treaties,
government statements and statistics), ``official-statistics`` (World Bank, IMF, SIPRI, UN and
government statistical data), ``research`` (peer-reviewed or institute work), ``press`` (press
of record and news agencies, and wire copy carried by other sites), ``secondary``
(encyclopedias, Wikipedia and its mirrors, document-sharing copies, aggregators) and ``blog``.
A ``secondary`` or ``blog`` link that stays needs a URL-level registry row whose ``reason``
says why no better source was used (``weak_without_reason`` lists those that lack one).
"""
from __future__ import annotations

import re

import pandas as pd

from common import SOURCES

GRADES = ["primary", "official-statistics", "research", "press", "secondary", "blog"]
WEAK = {"secondary", "blog"}
REGISTRY = SOURCES / "editorial" / "source_grades.csv"
REPLACEMENTS = SOURCES / "editorial" / "source_replacements.csv"


def _bare(url: str) -> str:
    return re.sub(r"^https?://", "", str(url).strip())


def _with_parts(main) -> list:
    """``main`` and its per-theme parts beside it (``source_grades_mekong.csv`` ...): editors
    working on different chapters each keep their own file."""
    parts = sorted(main.parent.glob(f"{main.stem}_*.csv"))
    return [f for f in [main, *parts] if f.exists()]


def _read(main) -> pd.DataFrame:
    frames = [pd.read_csv(f, dtype=str, keep_default_na=False) for f in _with_parts(main)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def registry() -> pd.DataFrame:
    reg = _read(REGISTRY)
    bad = sorted(set(reg.grade) - set(GRADES))
    if bad:
        raise SystemExit(f"{REGISTRY.name}: grades not in the scale {GRADES}: {bad}")
    dup = reg.prefix[reg.prefix.duplicated()].tolist()
    if dup:
        raise SystemExit(f"{REGISTRY.name}: prefixes listed twice: {dup}")
    return reg


def match(url: str, reg: pd.DataFrame) -> pd.Series | None:
    """The registry row of the longest prefix that ``url`` starts with (or None)."""
    bare = _bare(url)
    hits = reg[[bare.startswith(p) for p in reg.prefix]]
    if hits.empty:
        return None
    return hits.loc[hits.prefix.str.len().idxmax()]


def replacements(table: str) -> pd.DataFrame:
    rep = _read(REPLACEMENTS)
    if rep.empty:
        return pd.DataFrame(columns=["old_url"])
    return rep[(rep.table == table) & (rep.checked.str.lower() == "yes")]


def replace(df: pd.DataFrame, table: str) -> pd.DataFrame:
    rep = replacements(table)
    if rep.empty:
        return df
    df = df.copy()
    quote = next((c for c in ("quote", "source_quote") if c in df.columns), None)
    for r in rep.itertuples():
        rows = (df.source_url == r.old_url) & _matches(df, getattr(r, "match", ""))
        if not rows.any():
            continue
        df.loc[rows, "source_title"] = r.new_source_title
        df.loc[rows, "source_url"] = r.new_source_url
        if quote and r.new_quote:
            df.loc[rows, quote] = r.new_quote
    return df


def _same(a, b: str) -> bool:
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return str(a) == b


def _matches(df: pd.DataFrame, match: str) -> pd.Series:
    """Rows meeting an optional ``match`` ("column=value; column=value"): a replacement can
    cover only the rows of a page whose figure the new source gives."""
    rows = pd.Series(True, index=df.index)
    for cond in filter(None, (c.strip() for c in str(match or "").split(";"))):
        col, _, value = cond.partition("=")
        rows &= df[col.strip()].map(lambda v: _same(v, value.strip()))
    return rows


def grade(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """``df`` with its sources replaced and graded (see the module docstring); tables without
    a ``source_url`` column pass unchanged."""
    if "source_url" not in df.columns:
        return df
    table = name.removesuffix(".csv")
    df = replace(df.drop(columns="source_grade", errors="ignore"), table)
    reg = registry()
    grades, missing = [], []
    for url in df.source_url:
        if pd.isna(url) or not str(url).strip():
            grades.append("")
            continue
        hit = match(url, reg)
        if hit is None:
            missing.append(str(url))
            grades.append("")
        else:
            grades.append(hit.grade)
    if missing:
        raise SystemExit(f"{name}: {len(set(missing))} source URL(s) have no grade in "
                         f"{REGISTRY.relative_to(SOURCES.parent)}; add a row for each:\n  "
                         + "\n  ".join(sorted(set(missing))))
    out = df.copy()
    out.insert(position(list(out.columns)), "source_grade", grades)
    weak = weak_without_reason(out, reg)
    if weak:
        print(f"  {name}: {len(weak)} secondary/blog link(s) without a reason in "
              f"{REGISTRY.name} (tests/test_sources.py will fail)")
    return out


def position(columns: list[str]) -> int:
    """Where ``source_grade`` goes: right after the row's source (``source_url``, or the quote
    that follows it), so the facts layout (key ... source_url, quote) stays a prefix."""
    pos = columns.index("source_url") + 1
    if pos < len(columns) and columns[pos] in ("quote", "source_quote"):
        pos += 1
    return pos


def weak_without_reason(df: pd.DataFrame, reg: pd.DataFrame | None = None) -> list[str]:
    """The secondary/blog URLs in ``df`` whose registry row gives no ``reason``."""
    reg = registry() if reg is None else reg
    out = []
    for url in df.source_url.dropna().unique():
        if not str(url).strip():
            continue
        hit = match(url, reg)
        if hit is not None and hit.grade in WEAK and not hit.reason.strip():
            out.append(str(url))
    return out
