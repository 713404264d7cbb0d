"""The corrections record: what this edition changed in what the book said (data/corrections.csv).

Concatenates every ``sources/editorial/corrections_<chapter>.csv`` (one per editor, columns
``chapter,location,was,now,why,evidence``), checks that each row names a page of the book and
says what was written, what is written now and why, and writes one table sorted by the book's
page order, then location, then the old wording. A missing folder or no files gives an empty
table (the appendix then says that no corrections are recorded for a page).

    cd scripts/curate && ../../.venv/bin/python corrections.py
"""
import re

import pandas as pd
import yaml

from common import ROOT, SOURCES, write

COLUMNS = ["chapter", "location", "was", "now", "why", "evidence"]


def book_pages() -> list[str]:
    """Page names in the book's order (``intro``, ``donors``, ..., ``glossary``)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]] + [c["file"] for part in toc.get("parts", [])
                             for c in part["chapters"]]
    return [f.split("/")[-1] for f in files]


def page_name(chapter: str) -> str:
    """'chapters/donors.md', 'Donors' or 'donors' -> 'donors'."""
    name = re.sub(r"\.md$", "", chapter.strip().lower()).split("/")[-1]
    return {"great powers": "powers", "front page": "intro", "claims register": "claims",
            "index": "intro"}.get(name, name)


def corrections(folder=SOURCES / "editorial") -> pd.DataFrame:
    files = sorted(folder.glob("corrections_*.csv")) if folder.is_dir() else []
    parts = [pd.read_csv(f, dtype=str, keep_default_na=False).assign(file=f.name) for f in files]
    df = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS + ["file"])
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise SystemExit(f"corrections files lack columns {missing}")
    df = df[COLUMNS + ["file"]].apply(lambda s: s.str.strip())
    pages = book_pages()
    df["chapter"] = df.chapter.map(page_name)
    bad = df[~df.chapter.isin(pages)]
    if len(bad):
        raise SystemExit("corrections name pages the book does not have:\n"
                         + bad[["file", "chapter", "location"]].to_string())
    empty = df[(df[["was", "now", "why"]] == "").any(axis=1)]
    if len(empty):
        raise SystemExit("corrections without was, now or why:\n"
                         + empty[["file", "chapter", "location"]].to_string())
    df = df.drop_duplicates(COLUMNS)
    df["order"] = df.chapter.map(pages.index)
    return (df.sort_values(["order", "location", "was", "now"], kind="stable")
            .drop(columns=["order", "file"]).reset_index(drop=True))


if __name__ == "__main__":
    out = corrections()
    write(out, "corrections.csv")
    print(out.chapter.value_counts().to_string())
