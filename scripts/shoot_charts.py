"""Screenshot each chart of a built page, and the top of the page, for a reader's check.

    .venv/bin/python scripts/shoot_charts.py _build/html/chapters/mekong.html /tmp/mekong
"""
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
page_path, prefix = Path(sys.argv[1]).resolve(), sys.argv[2]
width = int(sys.argv[3]) if len(sys.argv) > 3 else 1280
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
    page = browser.new_page(viewport={"width": width, "height": 1000})
    page.goto(page_path.as_uri())
    page.wait_for_timeout(2000)
    page.screenshot(path=f"{prefix}-top.png")
    for i, fig in enumerate(page.query_selector_all("figure.cfr-chart")):
        fig.screenshot(path=f"{prefix}-chart{i}.png")
    print(f"{prefix}-top.png and {i + 1} charts")
    browser.close()
