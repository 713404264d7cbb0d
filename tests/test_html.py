"""The built HTML book: every page, every chart, nothing off-site, a working search index."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import executed, figures, is_notebook, toc_pages

pytestmark = pytest.mark.build

# Words a reader would search for, per page (stemmed by Sphinx; we check the stems' sources).
SEARCH_WORDS = {
    "intro": ["cambodia", "aid"],
    "chapters/donors": ["donor", "japan"],
    "chapters/powers": ["china", "vote"],
    "chapters/borders": ["preah", "vihear"],
    "chapters/un": ["security", "council"],
    "chapters/mekong": ["mekong", "dam"],
    "chapters/claims": ["verdict"],
    "chapters/data-catalogue": ["licence"],
}


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") in ("stylesheet", "icon", "preload", "shortcut icon"):
            self.urls.append(a["href"])
        if tag in ("img", "iframe") and a.get("src"):
            self.urls.append(a["src"])


def page_html(html_dir: Path, page: str) -> str:
    path = html_dir / f"{page}.html"
    assert path.exists(), f"missing page {path}"
    return path.read_text()


@pytest.mark.parametrize("page", toc_pages())
def test_page_exists_and_loads_nothing_off_site(html_dir, page):
    text = page_html(html_dir, page)
    parser = Assets()
    parser.feed(text)
    off = [u for u in parser.urls if re.match(r"^(https?:)?//", u)]
    assert off == [], f"{page} loads {off}"
    assert "cdn.plot.ly" not in text and "unpkg.com" not in text and "require.min.js" not in text


@pytest.mark.parametrize("page", [p for p in toc_pages() if is_notebook(p)])
def test_every_chart_is_on_its_page_with_its_data_link(html_dir, page):
    text = page_html(html_dir, page)
    n = len(figures(executed(page)))
    assert len(re.findall(r'<div id="[^"]+" class="plotly-graph-div cfr-plot"', text)) == n
    assert len(re.findall(r'<figure [^>]*class="cfr-chart[ "]', text)) == n
    for href in re.findall(r'class="cfr-chart-data">Data \(CSV\): (.*?)</p>', text):
        for link in re.findall(r'href="([^"]+)"', href):
            assert (html_dir / Path(page).parent / link).resolve().is_file(), link


# Charts are drawn when seen: the page names its bundle on the loader's script tag
# (data-plotly), and cfr-charts.js fetches it only when a chart nears the viewport.
BUNDLE = re.compile(r'data-plotly="(?:\.\./)?_static/(plotly(?:-cartesian)?\.min\.js)\?v=')


def test_plotly_js_is_served_once_and_never_inlined(html_dir):
    full, partial = html_dir / "_static" / "plotly.min.js", html_dir / "_static" / "plotly-cartesian.min.js"
    assert full.stat().st_size > 1_000_000
    # the partial bundle is the same plotly.js release as the one plotly.py draws with
    version = re.compile(rb"v(\d+\.\d+\.\d+)")
    assert version.search(partial.read_bytes()[:400]).group(1) == \
        version.search(full.read_bytes()[:400]).group(1)
    for page in toc_pages():
        text = page_html(html_dir, page)
        bundles = BUNDLE.findall(text)
        assert len(bundles) == (1 if "cfr-plot" in text else 0), page
        assert "Plotly.register" not in text  # the bundle's own code is never in the page


def test_chart_pages_load_the_smaller_bundle_when_it_covers_their_traces(html_dir):
    from cfr.sphinx_ext import CARTESIAN_TRACES
    for page in toc_pages():
        text = page_html(html_dir, page)
        types = {t for a in re.findall(r'data-cfr-traces="([^"]*)"', text) for t in a.split()}
        if types:
            expected = "plotly-cartesian.min.js" if types <= CARTESIAN_TRACES else "plotly.min.js"
            assert BUNDLE.findall(text) == [expected], page


def test_favicon(html_dir):
    text = page_html(html_dir, "intro")
    assert re.search(r'rel="icon" href="_static/favicon.png', text)
    assert (html_dir / "_static" / "favicon.png").exists()


def _search_index(html_dir: Path) -> dict:
    text = (html_dir / "searchindex.js").read_text()
    return json.loads(text[text.index("(") + 1: text.rindex(")")])


@pytest.mark.parametrize("page", list(SEARCH_WORDS))
def test_search_index_holds_the_chapters_words(html_dir, page):
    index = _search_index(html_dir)
    doc = index["docnames"].index(page)
    for word in SEARCH_WORDS[page]:
        docs = set()
        for terms in (index["terms"], index["titleterms"]):
            for t, v in terms.items():
                if t.startswith(word) or (len(t) >= 4 and word.startswith(t)):
                    docs |= set(v if isinstance(v, list) else [v])
        assert doc in docs, f"search for {word!r} does not find {page}"


def test_data_files_are_published(html_dir):
    assert (html_dir / "data" / "datapackage.json").exists()
    assert (html_dir / "data" / "donors_oda_gni.csv").read_text().startswith("iso3,year")


@pytest.mark.parametrize("page", [p for p in toc_pages() if is_notebook(p)])
def test_chart_figures_wait_outside_the_page_until_drawn(html_dir, page):
    """The page carries no figure JSON (it would delay the text a reader waits for): each
    chart's figure sits in its own script beside the page, the one the notebook drew."""
    from cfr.figures import chart_spec

    text = page_html(html_dir, page)
    tags = re.findall(r'<script type="application/json" data-cfr-for="[^"]+"[^>]*>(.*?)</script>',
                      text, flags=re.S)
    drawn = figures(executed(page))
    assert len(tags) == len(drawn) and all(body == "" for body in tags), page
    for fig_html, spec in zip(re.findall(r'<figure [^>]*class="cfr-chart.*?</figure>', text,
                                         flags=re.S), drawn):
        got = chart_spec(fig_html, html_dir / f"{page}.html")
        assert got is not None, page
        assert [t.get("type") for t in got["data"]] == [t.get("type") for t in spec["data"]]
        assert got["layout"].get("meta") == spec["layout"].get("meta")


def test_nothing_but_three_stylesheets_holds_the_first_paint(html_dir):
    """Every script file the page names runs deferred or async (documentation_options.js is
    written into the page), and the page links three stylesheets: the theme's, pygments.css
    (rewritten by the theme when the build ends) and the extensions' and the book's own, in
    the theme's order, with the theme's icon-font glyph rules left out."""
    for page in toc_pages():
        head = page_html(html_dir, page).split("</head>", 1)[0]
        blocking = [src for attrs, src in re.findall(r"<script([^>]*)src=\"([^\"]+)\"", head)
                    if "defer" not in attrs and "async" not in attrs]
        assert blocking == [], (page, blocking)
        assert "DOCUMENTATION_OPTIONS" in head, page
        sheets = [h.split("?")[0] for h in re.findall(
            r'<link rel="stylesheet"[^>]*href="([^"]+)"', head)]
        assert len(sheets) == 3 and sheets[1].endswith("_static/pygments.css"), (page, sheets)
        first, last = ((html_dir / Path(page).parent / h).resolve().read_text()
                       for h in (sheets[0], sheets[2]))
        assert first.index("/* basic.css */") < first.index("/* styles/pydata-sphinx-theme.css */")
        assert "/* cfr.css */" in last and ".cfr-pdf-link" in last, page
        if is_notebook(page):
            assert "/* mystnb." in last, page
        assert not re.search(r'\.fa-bars:before\{content:', first)
    # the pygments.css linked is the theme's (light and dark), not Sphinx's default
    assert 'html[data-theme="dark"] .highlight' in (html_dir / "_static" / "pygments.css").read_text()


def test_year_columns_of_chart_tables_have_no_thousands_separator(html_dir):
    """A chart table's Year column reads 1978, not 1,978."""
    seen = 0
    for page in [p for p in toc_pages() if is_notebook(p)]:
        for table in re.findall(r'<table class="cfr-data-table">(.*?)</table>', page_html(
                html_dir, page), flags=re.S):
            heads = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<th[^>]*>(.*?)</th>", table)]
            cols = [j for j, h in enumerate(heads) if re.search(r"\byears?\b", h, re.I)]
            for row in re.findall(r"<tr data-trace[^>]*>(.*?)</tr>", table, flags=re.S):
                cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
                for j in cols:
                    seen += 1
                    assert "," not in cells[j], (page, heads[j], cells[j])
    assert seen > 100


def test_code_tokens_drawn_in_the_text_colour_carry_no_span(html_dir):
    """Names, punctuation and spaces are drawn in the code block's own colour in both colour
    modes, so the build leaves them unwrapped (fewer elements to lay out, same look)."""
    css = (html_dir / "_static" / "pygments.css").read_text()
    for mode in ("light", "dark"):
        base = re.search(rf'html\[data-theme="{mode}"\] \.highlight \{{[^}}]*color: (#\w+)', css)
        for token in ("n", "p", "w"):
            colour = re.search(rf'html\[data-theme="{mode}"\] \.highlight \.{token} \{{ color: '
                               rf'(#\w+)', css)
            assert colour and colour.group(1).lower() == base.group(1).lower(), (mode, token)
    for page in [p for p in toc_pages() if is_notebook(p)]:
        text = page_html(html_dir, page)
        assert '<div class="highlight"><pre tabindex="0">' in text
        assert not re.search(r'<span class="(?:n|p|w)">', text), page


def test_the_theme_measures_only_rendered_code_blocks(html_dir):
    """The theme's tab-stop code is patched to skip blocks in sections not rendered yet
    (content-visibility: auto); those keep a tab stop until their section shows, when the
    page's own listener measures them."""
    from cfr.sphinx_ext import THEME_TAB_STOPS_PATCHED

    theme_js = (html_dir / "_static" / "scripts" / "pydata-sphinx-theme.js").read_text()
    assert theme_js.count(THEME_TAB_STOPS_PATCHED) == 1
    head = page_html(html_dir, "chapters/donors").split("</head>", 1)[0]
    assert "contentvisibilityautostatechange" in head
