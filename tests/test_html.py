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
