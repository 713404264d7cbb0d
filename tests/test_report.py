"""The report as a whole: the summary's numbers are the chapters' numbers, every summary
finding links to its evidence, the cross-theme view and the timeline reuse the chapters'
tables, and every acronym is in the glossary."""
from __future__ import annotations

import re
from pathlib import Path

import jupytext
import pytest

import cfr
from cfr import partners
from cfr.text import md_escape, md_link
from conftest import ROOT, executed, figures, glued

GLUE_REF = re.compile(r"\{glue:text\}`([a-z0-9_]+)(?::([^`]*))?`")


def _summary_html(html_dir: Path) -> str:
    text = (html_dir / "intro.html").read_text()
    start = text.index('id="summary"')
    return text[start: text.index('id="partners-view"')]


def _fmt(value, spec: str) -> str:
    return str(value) if spec == "s" else format(value, spec)


def page_glue(page: str) -> dict:
    """The values a page glues, as the build executed it (the execution cache keeps them)."""
    return glued(executed(page))


def _summary_source() -> str:
    text = (ROOT / "intro.md").read_text()
    return text[text.index("(summary)="):text.index("(partners-view)=")]


def test_summary_numbers_are_glued_from_the_intros_visible_cells(html_dir):
    """Every number in the findings is glued (none typed), from a visible cell of the intro."""
    refs = GLUE_REF.findall(_summary_source())
    assert len(refs) >= 30
    nb = executed("intro")
    values = page_glue("intro")
    summary = re.sub(r"<[^>]+>", "", _summary_html(html_dir))
    for key, spec in refs:
        assert _fmt(values[key], spec or "s") in summary, (key, values[key])
    # the cells that glue them are shown, not hidden
    for cell in nb.cells:
        if cell.cell_type == "code" and "glue(" in cell.source:
            tags = cell.metadata.get("tags", [])
            assert not {"remove-cell", "remove-input", "hide-input"} & set(tags), cell.source[:80]
            assert len(cell.source.splitlines()) <= 25, cell.source[:80]
    # prose in the findings types no number of its own (years in fixed labels excepted)
    prose = re.sub(r"\{[a-z:]+\}`[^`]*`|\([^)]*evidence[^)]*\)", " ", _summary_source())
    typed = set(re.findall(r"\b\d[\d,.]*\b", prose)) - {"1", "2", "3", "4", "5", "6", "7",
                                                          "2008", "2011", "2025", "2006", "2018"}
    assert typed == set(), typed


# The same number on the front page and in its chapter (where the chapter glues it by name).
SAME_AS_CHAPTER = {
    "chapters/donors": ["cn_total", "cn_oda_share", "cn_first_year", "cn_last_year",
                        "first_period", "last_period"],
    "chapters/borders": ["icj_gap_years"],
    "chapters/un": ["last_named_year", "n_after_named"],
    "chapters/mekong": ["lancang_mw", "china_to_lower", "mrc_members"],
    "chapters/claims": ["n_factual", "pct_confirmed_factual", "pct_wrong_factual"],
}


def test_summary_numbers_equal_the_chapters_numbers():
    mine = page_glue("intro")
    for chapter, keys in SAME_AS_CHAPTER.items():
        theirs = page_glue(chapter)
        for key in keys:
            if key in theirs:
                assert mine[key] == pytest.approx(theirs[key]) if isinstance(
                    mine[key], float) else mine[key] == theirs[key], (chapter, key)


def test_summary_has_five_to_seven_findings_each_linking_its_evidence(html_dir):
    items = re.findall(r"<li>(.*?)</li>", _summary_html(html_dir), re.S)
    assert 5 <= len(items) <= 7
    for item in items:
        assert re.search(r'href="chapters/[a-z-]+\.html#[a-z-]+"|href="chapters/claims\.html"',
                         item), item[:200]


def test_cross_theme_view_matches_the_great_power_chapter():
    view = partners.cross_theme(["CHN", "VNM", "USA", "JPN", "THA", "EUU", "ASEAN"])
    votes = view[view.theme == "Votes"].set_index("partner").value
    g = glued(executed("chapters/powers"))
    for iso in ("CHN", "VNM", "USA", "THA", "JPN"):
        assert votes[iso] == pytest.approx(g[f"agree_{iso.lower()}_1019"])
    assert view[view.theme == "Aid"].set_index("partner").value["CHN"] == pytest.approx(
        g["gcdf_chn_1021"])
    # the chart on the front page has one panel per theme, with the values as bar labels
    fig = figures(executed("intro"))[0]
    assert len(fig["data"]) == view.theme.nunique()
    labels = [t for trace in fig["data"] for t in trace["text"]]
    assert f"{votes['CHN']:.1f}" in labels and labels.count("no data") == view.value.isna().sum()


def test_combined_timeline_is_the_curation_scripts_output():
    import sys
    sys.path.insert(0, str(ROOT / "scripts" / "curate"))
    import timeline  # noqa: E402

    made = timeline.combined()
    table = cfr.load("timeline")
    assert len(made) == len(table)
    assert made.event.tolist() == table.event.tolist()
    assert made.themes.tolist() == table.themes.tolist()


def test_timeline_page_lists_every_event_as_searchable_text(html_dir):
    page = (html_dir / "chapters" / "timeline.html").read_text()
    section = page[page.index('id="all-events"'):]
    assert section.count("<li>") == len(cfr.load("timeline"))


def test_markdown_from_tables_is_escaped():
    assert md_escape("<script>alert(1)</script>") == r"\<script\>alert\(1\)\</script\>"
    assert "](" not in md_escape("[x](http://evil)").replace(r"\]\(", "")
    assert md_link("t", "javascript:alert(1)") == "t"
    assert md_link("t", "https://example.org/a") == "[t](<https://example.org/a>)"


# Abbreviations that are not acronyms to explain: country and currency codes, file formats,
# news outlets and organisations named only as the source of a link, UN document prefixes.
NOT_ACRONYMS = {"US", "USD", "EUR", "PDF", "HTML", "README", "VS", "CSV",
                "ABC", "CNA", "FISHBIO"}


def test_every_acronym_in_the_prose_is_a_glossary_term():
    glossary = (ROOT / "chapters" / "glossary.md").read_text().split("```{glossary}")[1]
    terms = set(re.findall(r"^(\S[^\n]*)$", glossary, re.M))
    words = set()
    for path in [ROOT / "intro.md", *sorted((ROOT / "chapters").glob("*.md"))]:
        if path.name in ("glossary.md", "references.md", "data-catalogue.md"):
            continue
        nb = jupytext.read(path)
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        text = re.sub(r"\{[a-z:]+\}`[^`]*`|\(http[^)]*\)|`[^`]*`", " ", text)
        # a designation such as QW-3 or ES-11/1 is a name, not an acronym
        words |= set(re.findall(r"\b[A-Z][A-Z0-9]{1,6}\b(?!-\d)", text))
    missing = {w for w in words - NOT_ACRONYMS
               if w not in terms and not any(w in t.split() for t in terms)}
    assert missing == set()
