import sys
from playwright.sync_api import sync_playwright
url, out = sys.argv[1], sys.argv[2]
width = int(sys.argv[3]) if len(sys.argv) > 3 else 1280
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless","--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--no-first-run"])
    pg = b.new_page(viewport={"width": width, "height": 900})
    msgs, ext = [], []
    pg.on("console", lambda m: msgs.append(f"{m.type}: {m.text}"))
    pg.on("pageerror", lambda e: msgs.append(f"pageerror: {e}"))
    pg.on("request", lambda r: ext.append(r.url) if not r.url.startswith(("file:", "http://127.0.0.1", "http://localhost", "data:")) else None)
    pg.goto(url); pg.wait_for_timeout(1500)
    print("charts:", pg.locator(".plotly-graph-div .main-svg").count(), "console:", msgs, "external:", ext)
    pg.screenshot(path=out, full_page=True)
    b.close()
