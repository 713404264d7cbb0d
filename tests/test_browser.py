"""The book in a real browser: Debian's Chromium driven by Playwright, network blocked.
Every chart drawn, no console errors, search works, no accessibility violations."""
from __future__ import annotations

import re

import pytest
from conftest import READER_SCROLL, executed, figures, is_notebook, toc_pages

pytestmark = [pytest.mark.browser, pytest.mark.build]


class Visit:
    """A page load with every non-local request blocked and recorded."""

    def __init__(self, browser, url, width=1280, height=900):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.blocked, self.errors, self.requests = [], [], []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url, wait_until="load")

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def close(self):
        self.context.close()

    def scroll_through_charts(self, timeout=20_000) -> int:
        """Scroll each chart into view, as a reader would, and wait until every chart on
        the page is drawn (charts are drawn when seen). Returns how many were drawn."""
        n = self.page.evaluate("document.querySelectorAll('.cfr-plot').length")
        for i in range(n):
            self.page.locator(".cfr-plot").nth(i).evaluate(READER_SCROLL)
            self.page.wait_for_function(
                f"document.querySelectorAll('.cfr-plot')[{i}].hasAttribute('data-cfr-drawn')",
                timeout=timeout)
        return n


PAGES = toc_pages()


@pytest.mark.parametrize("page", PAGES)
def test_page_draws_every_chart_offline_without_errors(browser, site, page):
    n = len(figures(executed(page))) if is_notebook(page) else 0
    v = Visit(browser, f"{site}/{page}.html")
    try:
        assert v.scroll_through_charts() == n
        drawn = v.page.evaluate(
            "[...document.querySelectorAll('.plotly-graph-div')]"
            ".filter(d => d.querySelector('.main-svg') && d._fullData && d._fullData.length).length")
        assert drawn == n
        assert v.blocked == [], f"requests off the machine: {v.blocked}"
        assert v.errors == [], f"console errors: {v.errors}"
    finally:
        v.close()


@pytest.mark.parametrize("page", PAGES)
def test_text_first_plotly_only_when_a_chart_is_near(browser, site, html_dir, page):
    """plotly.js is not in the page's head: it is fetched only when a chart box comes within
    400 px of the viewport, and never on a page without charts. Each box holds its chart's
    height before drawing, so nothing jumps when it is drawn."""
    v = Visit(browser, f"{site}/{page}.html")
    try:
        v.page.wait_for_timeout(500)
        near = v.page.evaluate("[...document.querySelectorAll('.cfr-plot')].some("
                               "b => b.getBoundingClientRect().top < innerHeight + 400)")
        fetched = any("/_static/plotly" in u for u in v.requests)
        assert fetched == near, (near, fetched)
        head = (html_dir / f"{page}.html").read_text().split("</head>")[0]
        assert "plotly" not in re.sub(r"<script[^>]*cfr-charts[^>]*>", "", head), \
            "plotly.js is named in the page's head"
        boxes = v.page.evaluate("[...document.querySelectorAll('.cfr-plot')]"
                                ".map(b => [b.getBoundingClientRect().height, b.style.height])")
        assert all(h >= 250 and style.endswith("px") for h, style in boxes), boxes
    finally:
        v.close()


@pytest.mark.parametrize("word,page", [("Preah Vihear", "borders"), ("Mekong", "mekong"),
                                       ("donor", "donors"), ("Security Council", "un")])
def test_search_finds_chapter_words(browser, site, word, page):
    v = Visit(browser, f"{site}/search.html?q={word.replace(' ', '+')}")
    try:
        v.page.wait_for_selector("#search-results ul.search li", timeout=10_000)
        links = v.page.eval_on_selector_all("#search-results ul.search li a",
                                            "els => els.map(e => e.getAttribute('href'))")
        assert any(f"chapters/{page}.html" in (h or "") for h in links), links
        assert v.errors == []
    finally:
        v.close()


def test_hover_shows_values_with_units(browser, site):
    v = Visit(browser, f"{site}/intro.html")
    try:
        v.scroll_through_charts()
        text = v.page.evaluate(
            "[...document.querySelectorAll('.plotly-graph-div')]"
            ".find(d => d.layout.meta.cfr_tables.includes('donors_oda_gni'))._fullData[0].hovertemplate")
        assert "% of GNI" in text
    finally:
        v.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES)
def test_no_accessibility_violations(browser, site, page, scheme):
    """axe-core (the npm build bundled in axe-playwright-python) finds nothing: contrast
    (WCAG AA), landmarks, heading order, names for links and images, in both colour modes."""
    from axe_playwright_python.sync_playwright import Axe

    v = Visit(browser, f"{site}/{page}.html")
    v.page.emulate_media(color_scheme=scheme)
    try:
        v.page.wait_for_timeout(300)
        # Sections off screen are not laid out until near the window (content-visibility:
        # auto), and axe would judge their text against no background at all: lay the whole
        # page out, as the page itself does when a reader follows a link into it.
        v.page.evaluate("document.documentElement.classList.add('cfr-full-layout')")
        result = Axe().run(v.page, options={"resultTypes": ["violations"],
                                            "runOnly": {"type": "tag", "values": [
                                                "wcag2a", "wcag2aa", "wcag21aa", "best-practice"]}})
        found = [(x["id"], x["help"], [n["target"] for n in x["nodes"][:3]])
                 for x in result.response["violations"]]
        assert found == []
    finally:
        v.close()


@pytest.mark.parametrize("page", PAGES)
def test_phone_width_no_sideways_scroll_and_charts_fit(browser, site, page):
    v = Visit(browser, f"{site}/{page}.html", width=390)
    try:
        v.scroll_through_charts()
        assert v.page.evaluate("document.documentElement.scrollWidth") <= 390
        # Every chart fits the screen, or (heatmaps, small multiples) keeps a legible width
        # inside its own scrolling box, which itself fits the screen.
        charts = v.page.evaluate("""[...document.querySelectorAll('figure.cfr-chart')].map(f => {
            const box = f.querySelector('.cfr-chart-plot'), svg = f.querySelector('.main-svg');
            return {wide: f.classList.contains('cfr-chart-wide'),
                    figure: f.getBoundingClientRect().right,
                    svg: svg.getBoundingClientRect().right,
                    scrolls: box.scrollWidth > box.clientWidth &&
                             getComputedStyle(box).overflowX === 'auto'}; })""")
        for c in charts:
            assert c["figure"] <= 390, c
            assert c["svg"] <= 390 or (c["wide"] and c["scrolls"]), c
    finally:
        v.close()


def test_charts_stay_on_white_in_dark_mode(browser, site):
    v = Visit(browser, f"{site}/intro.html")
    v.page.emulate_media(color_scheme="dark")
    try:
        v.page.wait_for_timeout(300)
        assert v.page.evaluate("document.documentElement.dataset.theme") == "dark"
        bg = v.page.evaluate("getComputedStyle(document.querySelector('figure.cfr-chart')).backgroundColor")
        assert bg == "rgb(255, 255, 255)"
    finally:
        v.close()


@pytest.mark.parametrize("height", [900, 700])
@pytest.mark.parametrize("page", ["intro", "chapters/donors", "chapters/glossary"])
def test_pdf_link_is_in_view_at_1280_wide(browser, site, page, height):
    """The sidebar's "Download the report (PDF)" is fully visible without scrolling the
    sidebar, however long the contents list gets (in a short window the theme scrolls the
    sidebar to the current chapter: the link stays on top), and the PDF it names exists."""
    v = Visit(browser, f"{site}/{page}.html", height=height)
    try:
        box = v.page.evaluate("(() => { const r = document.querySelector('.cfr-pdf-link a')"
                              ".getBoundingClientRect(); return [r.top, r.bottom, r.width]; })()")
        assert box[2] > 0 and box[0] >= 0 and box[1] <= height, box
        href = v.page.evaluate("document.querySelector('.cfr-pdf-link a').href")
        assert v.page.request.get(href).status == 200, href
    finally:
        v.close()
