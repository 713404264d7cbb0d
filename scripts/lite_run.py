"""Open a chapter of the built book as a live notebook in headless Chromium and run it all,
with every request that does not go to the local site blocked (used by tests/test_lite.py and
scripts/bench.py).

    .venv/bin/python scripts/lite_run.py _build/html chapters/donors [more pages]

prints, per page: kernel-ready and run-all seconds, charts drawn, MB served, and any request
that tried to leave the site. Blocking is done twice: Playwright aborts (and records) every
request of the pages and their workers not addressed to the local server, and anything else
the browser tries (Chromium's own services) goes to a proxy that records and refuses it; host
names resolve to nothing but 127.0.0.1.
"""
from __future__ import annotations

import functools
import http.server
import json
import shutil
import sys
import threading
import time
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
# Chromium's own services (autofill hints, sign-in, updates) off: they are the browser's
# traffic, not the site's, and would otherwise reach the refusing proxy.
QUIET = ["--disable-sync", "--disable-domain-reliability", "--no-default-browser-check",
         "--disable-client-side-phishing-detection", "--disable-default-apps",
         "--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,"
         "Translate,AccountConsistency,SigninInterception,ChromeWhatsNewUI"]
LINK_TEXT = "Run this chapter in your browser"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """A static host for the built site that counts the bytes it sends."""
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript",
                      ".js": "text/javascript", ".json": "application/json"}
    sent = [0]

    def copyfile(self, source, outputfile):
        data = source.read()
        SiteHandler.sent[0] += len(data)
        outputfile.write(data)

    def log_message(self, *args):
        pass


class Refuser(http.server.BaseHTTPRequestHandler):
    """A proxy that records whatever the browser tries to reach outside the site and refuses."""
    seen: list = []

    def _refuse(self):
        Refuser.seen.append(f"{self.command} {self.path}")
        self.send_response(403)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_CONNECT = do_HEAD = do_OPTIONS = _refuse

    def log_message(self, *args):
        pass


def _host(request_line: str) -> str:
    """'CONNECT host:443' or 'GET http://host/path' -> host."""
    target = request_line.split(" ", 1)[1]
    return target.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]


#: What Chromium itself calls whatever page it shows (updates, clock, sign-in, autofill): the
#: refusing proxy sees these; a request from the site never reaches it (the route aborts it).
CHROMIUM_SERVICES = {"update.googleapis.com", "clients2.google.com", "accounts.google.com",
                     "content-autofill.googleapis.com", "optimizationguide-pa.googleapis.com",
                     "safebrowsing.googleapis.com", "redirector.gvt1.com"}


def serve(handler) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve_site(html_dir: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = serve(functools.partial(SiteHandler, directory=str(html_dir)))
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def run_live(playwright, base: str, page_name: str, screenshot: Path | None = None,
             edit: str | None = None) -> dict:
    """Open ``page_name``'s static page, click its live-notebook link, run all cells, wait
    until every code cell has run and the kernel is idle. Returns the code cells' outputs, the
    charts drawn, the blocked requests, page errors, and kernel-ready / run-all seconds
    (kernel ready: from the click to a first statement executed). ``edit``: code a reader
    puts into a new cell at the end and runs (its outputs are ``edited``)."""
    proxy = serve(Refuser)
    Refuser.seen.clear()
    SiteHandler.sent[0] = 0
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
        *ARGS, *QUIET, f"--proxy-server=http://127.0.0.1:{proxy.server_address[1]}",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])
    blocked, errors = [], []
    context = browser.new_context(viewport={"width": 1280, "height": 1000})

    def route(r):
        url = r.request.url
        if url.startswith((base + "/", "data:", "blob:")):
            return r.continue_()
        blocked.append(url)
        return r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    dialogs = 0
    try:
        page.goto(f"{base}/{page_name}.html", wait_until="load")
        static_bytes = SiteHandler.sent[0]
        t0 = time.monotonic()
        page.get_by_role("link", name=LINK_TEXT).click()
        page.wait_for_function("window.jupyterapp && jupyterapp.shell.currentWidget"
                               " && jupyterapp.shell.currentWidget.sessionContext",
                               timeout=120_000)
        page.evaluate("""async () => {
            const sc = jupyterapp.shell.currentWidget.sessionContext;
            await sc.ready;
            const f = sc.session.kernel.requestExecute({code: '1'});
            await f.done; }""")
        kernel_ready = time.monotonic() - t0
        dialogs = page.locator(".jp-Dialog").count()
        t1 = time.monotonic()
        page.evaluate("async () => { await jupyterapp.commands.execute('notebook:run-all-cells'); }")
        page.wait_for_function("""() => {
            const w = jupyterapp.shell.currentWidget;
            return w.sessionContext.session.kernel.status === 'idle'
                && [...w.content.widgets].every(c => c.model.type !== 'code'
                    || c.model.sharedModel.source.trim() === '' || c.model.executionCount); }""",
                               timeout=600_000)
        run_all = time.monotonic() - t1
        page.wait_for_timeout(1000)
        outputs = page.evaluate("""() => [...jupyterapp.shell.currentWidget.content.widgets]
            .filter(c => c.model.type === 'code').map(c => c.model.outputs.toJSON())""")
        plots = page.locator(".js-plotly-plot").count()
        edited, plots_after_edit = None, plots
        if edit is not None:
            # As a reader would: a new cell at the end, the code in it, Shift+Enter.
            page.evaluate("""async (code) => { const nb = jupyterapp.shell.currentWidget.content;
                nb.activeCellIndex = nb.widgets.length - 1;
                await jupyterapp.commands.execute('notebook:insert-cell-below');
                nb.activeCell.model.sharedModel.setSource(code);
                await jupyterapp.commands.execute('notebook:run-cell'); }""", edit)
            page.wait_for_function("""() => {
                const w = jupyterapp.shell.currentWidget, cells = [...w.content.widgets];
                return w.sessionContext.session.kernel.status === 'idle' && cells.some(c =>
                    c.model.type === 'code' && c.model.executionCount
                    && c.model.sharedModel.source.startsWith(%s)); }""" % json.dumps(edit[:20]),
                                   timeout=120_000)
            edited = page.evaluate("""(start) => [...jupyterapp.shell.currentWidget.content.widgets]
                .filter(c => c.model.sharedModel.source.startsWith(start))
                .map(c => c.model.outputs.toJSON())[0]""", edit[:20])
            page.wait_for_timeout(1000)
            plots_after_edit = page.locator(".js-plotly-plot").count()
        if screenshot:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot))
    finally:
        browser.close()
        proxy.shutdown()
    return {"outputs": outputs, "plots": plots, "edited": edited,
            "plots_after_edit": plots_after_edit, "blocked": blocked,
            "browser_own": sorted({_host(r) for r in Refuser.seen}),
            "errors": errors, "dialogs": dialogs, "kernel_ready_s": round(kernel_ready, 1),
            "run_all_s": round(run_all, 1),
            "live_mb": round((SiteHandler.sent[0] - static_bytes) / 1e6, 1)}


def main() -> None:
    from playwright.sync_api import sync_playwright

    html_dir, pages = Path(sys.argv[1]), sys.argv[2:] or ["chapters/donors"]
    server, base = serve_site(html_dir)
    try:
        with sync_playwright() as p:
            for name in pages:
                r = run_live(p, base, name, Path("/tmp/cfr-lite-shots") / f"{Path(name).name}.png")
                failed = [o for outs in r["outputs"] for o in outs if o["output_type"] == "error"]
                print(json.dumps({"page": name, **{k: v for k, v in r.items() if k != "outputs"},
                                  "failed_cells": [f"{o['ename']}: {o['evalue']}" for o in failed]}))
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
