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

GLUE_REF = re.compile(r"\{glue:text\}`(chapters/[a-z-]+)\.md::([a-z0-9_]+):([^`]*)`")


def _summary_html(html_dir: Path) -> str:
    text = (html_dir / "intro.html").read_text()
    start = text.index('id="summary"')
    return text[start: text.index('id="partners-view"')]


def _fmt(value, spec: str) -> str:
    return str(value) if spec == "s" else format(value, spec)


def test_summary_numbers_are_the_chapters_numbers(html_dir):
    refs = GLUE_REF.findall((ROOT / "intro.md").read_text())
    assert len(refs) >= 12
    summary = re.sub(r"<[^>]+>", "", _summary_html(html_dir))
    for chapter, key, spec in refs:
        value = glued(executed(chapter))[key]
        assert _fmt(value, spec) in summary, (chapter, key, _fmt(value, spec))


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


def test_combined_timeline_holds_every_chapters_events():
    tl = cfr.load("timeline")
    parts = ["donors_timeline", "powers_timeline", "borders_timeline", "un_timeline",
             "mekong_timeline"]
    assert len(tl) == sum(len(cfr.load(p)) for p in parts)
    for p in parts:
        assert set(cfr.load(p).event) <= set(tl.event), p


def test_timeline_page_lists_every_event_as_searchable_text(html_dir):
    page = (html_dir / "chapters" / "timeline.html").read_text()
    section = page[page.index('id="all-events"'):]
    assert section.count("<li>") == len(cfr.load("timeline"))


def test_markdown_from_tables_is_escaped():
    assert md_escape("<script>alert(1)</script>") == r"\<script\>alert\(1\)\</script\>"
    assert "](" not in md_escape("[x](http://evil)").replace(r"\]\(", "")
    assert md_link("t", "javascript:alert(1)") == "t"
    assert md_link("t", "https://example.org/a") == "[t](<https://example.org/a>)"


# Abbreviations that are not acronyms to explain: country and currency codes, file formats.
NOT_ACRONYMS = {"US", "USD", "EUR", "PDF", "HTML", "README", "VS", "CSV"}


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
        words |= set(re.findall(r"\b[A-Z][A-Z0-9]{1,6}\b", text))
    missing = {w for w in words - NOT_ACRONYMS
               if w not in terms and not any(w in t.split() for t in terms)}
    assert missing == set()
