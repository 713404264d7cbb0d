"""Every notebook ran in the book build without an error and draws the charts it should, each
with real data and its furniture; theme chapters show the code behind their numbers."""
from __future__ import annotations

import jupytext
import pytest

from conftest import THEME_CHAPTERS, executed, figures, has_data, is_notebook, source_of, toc_pages

NOTEBOOKS = [p for p in toc_pages() if is_notebook(p)]
HIDDEN = {"remove-cell", "remove-input"}


def test_every_theme_chapter_is_a_notebook():
    assert set(THEME_CHAPTERS) <= set(NOTEBOOKS)


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_notebook_ran_and_draws_charts_with_data(page):
    nb = executed(page)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    for fig in figures(nb):
        meta = fig["layout"]["meta"]
        title = meta["cfr_title"]
        assert title and meta["cfr_subtitle"] and meta["cfr_alt"], page
        assert meta["cfr_source"].startswith("Source: ") and meta["cfr_tables"], page
        # Plotly 7 stores arrays as base64 binaries: decode them, and require at least one
        # real (non-NaN) value in some trace, so an all-NaN chart fails.
        assert any(has_data(t, k) for t in fig["data"] for k in ("y", "z", "values", "x", "lat")), \
            f"{page}: chart {title!r} draws no value"


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


def _code_cells(page):
    return [c for c in jupytext.read(source_of(page)).cells if c.cell_type == "code"]


@pytest.mark.parametrize("page", THEME_CHAPTERS)
def test_theme_chapter_shows_the_code_behind_its_numbers(page):
    """QuantEcon style: the analysis is in short visible cells next to the prose; nothing
    that computes a number is removed from the page, and no cell is a wall of code."""
    cells = _code_cells(page)
    shown = [c for c in cells if not set(c.metadata.get("tags", [])) & HIDDEN]
    removed = [c for c in cells if set(c.metadata.get("tags", [])) & HIDDEN]
    assert len(shown) >= 6, f"{page}: only {len(shown)} visible code cells"
    for c in removed:
        assert "glue(" not in c.source, f"{page}: a removed cell glues numbers:\n{c.source[:200]}"
    for c in cells:
        lines = [ln for ln in c.source.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
        folded = "hide-input" in c.metadata.get("tags", [])
        # Analysis cells are short; folded chart cells (plot furniture, one click to open)
        # may be longer, but not a wall: the longest today is the Mekong map (105 lines).
        limit = 120 if folded else 40
        assert len(lines) <= limit, f"{page}: a {len(lines)}-line cell:\n{c.source[:200]}"


@pytest.mark.parametrize("page", THEME_CHAPTERS)
def test_glue_is_made_in_visible_cells(page):
    """Every number the prose quotes is glued in a cell the reader can see or unfold."""
    for c in _code_cells(page):
        if "glue(" in c.source:
            assert not set(c.metadata.get("tags", [])) & HIDDEN, c.source[:200]
