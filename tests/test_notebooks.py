"""Every notebook runs top to bottom in a fresh kernel from its own folder (as a reader
rerunning it would) and draws the charts it should, each with data and its furniture."""
from __future__ import annotations

import pytest

from conftest import THEME_CHAPTERS, executed, figures, is_notebook, toc_pages

NOTEBOOKS = [p for p in toc_pages() if is_notebook(p)]


def test_every_theme_chapter_is_a_notebook():
    assert set(THEME_CHAPTERS) <= set(NOTEBOOKS)


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_notebook_runs_and_draws_charts_with_data(page):
    nb = executed(page)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    figs = figures(nb)
    assert figs, f"{page} draws no chart"
    for fig in figs:
        meta = fig["layout"]["meta"]
        assert meta["cfr_title"] and meta["cfr_subtitle"] and meta["cfr_alt"], page
        assert meta["cfr_source"].startswith("Source: ") and meta["cfr_tables"], page
        traces = [t for t in fig["data"] if t.get("x") is not None or t.get("z") is not None
                  or t.get("values") is not None]
        assert traces, f"{page}: chart {meta['cfr_title']!r} has no data"
        for t in traces:
            values = t.get("x") if t.get("x") is not None else t.get("z", t.get("values"))
            n = len(values["_inputArray"] if isinstance(values, dict) else values) \
                if not (isinstance(values, dict) and "bdata" in values) else 1
            assert n > 0, f"{page}: empty trace in {meta['cfr_title']!r}"


def _is_rich(fig: dict) -> bool:
    """More than a plain line or bar: a map, heatmap, small multiples, timeline or bubbles."""
    layout = fig["layout"]
    if any(k.startswith(("xaxis2", "yaxis2")) for k in layout):
        return True
    for t in fig["data"]:
        if t.get("type") in {"heatmap", "treemap", "sunburst", "sankey", "table"}:
            return True
        if t.get("fill") == "toself":
            return True
        marker = t.get("marker", {})
        if isinstance(marker.get("size"), (list, dict)):
            return True
        if t.get("mode") == "markers" and layout.get("xaxis", {}).get("type") == "date":
            return True
    return False


@pytest.mark.parametrize("page", THEME_CHAPTERS)
def test_theme_chapter_has_four_charts_one_beyond_line_or_bar(page):
    figs = figures(executed(page))
    assert len(figs) >= 4, f"{page}: {len(figs)} charts"
    assert any(_is_rich(f) for f in figs), f"{page}: only plain line/bar charts"


@pytest.mark.parametrize("page", THEME_CHAPTERS)
def test_theme_chapter_hides_its_code(page):
    import jupytext

    from conftest import source_of
    nb = jupytext.read(source_of(page))
    for cell in nb.cells:
        if cell.cell_type == "code":
            tags = set(cell.metadata.get("tags", []))
            assert tags & {"hide-input", "remove-cell", "remove-input", "hide-cell"}, \
                f"{page}: code cell shown by default:\n{cell.source[:80]}"


def test_intro_numbers_match_the_tables():
    import cfr
    from conftest import glued
    g = glued(executed("intro"))
    oda = cfr.load("donors_oda_gni")
    khm = oda[oda.iso3 == "KHM"].set_index("year")["oda_pct_gni"]
    assert g["oda_peak_year"] == int(khm.loc[1990:].idxmax())
    assert g["oda_peak"] == pytest.approx(khm.loc[1990:].max())
    assert g["oda_last"] == pytest.approx(khm.loc[khm.index.max()])
    b = cfr.load("borders_boundary_lengths")
    assert g["land_total_km"] == b[b.boundary == "land border"].length_km.sum() == 2530
    assert g["vnm_km"] == 1158 and g["coast_km"] == 443
