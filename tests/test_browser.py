"""The book in a real browser: Debian's Chromium driven by Playwright, network blocked.
Every chart drawn, no console errors, search works, no accessibility violations."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from conftest import CHROMIUM, executed, figures, is_notebook, toc_pages

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def site(html_dir):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(html_dir))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "Chromium missing: run `make test` (it installs chromium)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Visit:
    """A page load with every non-local request blocked and recorded."""

    def __init__(self, browser, url, width=1280):
        self.context = browser.new_context(viewport={"width": width, "height": 900})
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


PAGES = toc_pages()


@pytest.mark.parametrize("page", PAGES)
def test_page_draws_every_chart_offline_without_errors(browser, site, page):
    n = len(figures(executed(page))) if is_notebook(page) else 0
    v = Visit(browser, f"{site}/{page}.html")
    try:
        if n:
            v.page.wait_for_function(
                f"document.querySelectorAll('.plotly-graph-div .main-svg').length >= {2 * n}",
                timeout=10_000)
        drawn = v.page.evaluate(
            "[...document.querySelectorAll('.plotly-graph-div')]"
            ".filter(d => d.querySelector('.main-svg') && d._fullData && d._fullData.length).length")
        assert drawn == n
        assert v.blocked == [], f"requests off the machine: {v.blocked}"
        assert v.errors == [], f"console errors: {v.errors}"
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
        v.page.wait_for_selector(".plotly-graph-div .main-svg")
        text = v.page.evaluate("document.querySelector('.plotly-graph-div')._fullData[0].hovertemplate")
        assert "% of GNI" in text
    finally:
        v.close()
