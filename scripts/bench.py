"""Measure the book on this machine and write _build/bench.json (run by `make bench`).

- cold build (fresh copy, empty cache), unchanged rebuild, PDF build (warm cache)
- the size of each page's own HTML, and of everything a reader downloads for the first chapter
- requests for plotly.js over a visit of two chart pages (served once, then cached)
- time from navigation to every chart drawn, per page, in headless Chromium (network blocked)

Then it checks each budget in ``BUDGETS`` and prints measured / budget / ratio side by side; it
exits non-zero when a budget is blown. Timings depend on the machine's load, so they live here,
never in ``make test``.
"""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
JB = str(ROOT / ".venv" / "bin" / "jupyter-book")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host should: Sphinx versions every asset URL (?v=<hash>),
    so those may be cached for good; pages themselves are revalidated."""

    served = []  # every path the server actually sent (cache hits never reach it)

    def do_GET(self):
        QuietHandler.served.append(self.path)
        super().do_GET()

    def end_headers(self):
        if "?v=" in self.path or "?digest=" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        super().end_headers()

    def log_message(self, *args):
        pass


ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
FIRST_CHAPTER = "chapters/donors"
PLOTLY_JS = re.compile(r"/_static/plotly(-cartesian)?\.min\.js")


def timed(cmd, cwd) -> tuple[float, int]:
    """Seconds taken, and how many notebooks the build executed."""
    start = time.monotonic()
    run = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if run.returncode:
        sys.exit(f"failed: {' '.join(cmd)}\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    executed = (run.stdout + run.stderr).count("Executing notebook")
    return round(time.monotonic() - start, 2), executed


def builds() -> dict:
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split()
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp)
        for f in files:
            if (ROOT / f).is_file():
                (book / f).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / f, book / f)
        strict = ["-W", "-n", "--keep-going"]
        cold, cold_ran = timed([JB, "build", ".", *strict], book)
        warm, warm_ran = timed([JB, "build", ".", *strict], book)
        pdf, pdf_ran = timed([JB, "build", ".", "--builder", "pdflatex", *strict], book)
    return {"cold_build_s": cold, "unchanged_rebuild_s": warm, "pdf_build_s": pdf,
            "rebuild_over_cold": round(warm / cold, 3), "notebooks_executed": {
                "cold_build": cold_ran, "unchanged_rebuild": warm_ran, "pdf_build": pdf_ran}}


def serve(folder: Path):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def pages() -> list[str]:
    """The pages in the table of contents."""
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]


def time_to_charts(browser, url: str, n: int) -> float:
    """Milliseconds from navigation start until all ``n`` charts on the page are drawn."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.goto(url, wait_until="domcontentloaded")
    pg.wait_for_function(
        f"(() => {{ const d = [...document.querySelectorAll('.plotly-graph-div')];"
        f" return d.length === {n} && d.every(x => x.querySelector('.main-svg') && x._fullLayout);"
        f" }})()", timeout=30_000)
    ms = pg.evaluate("performance.now()")
    pg.wait_for_load_state("networkidle")
    ctx.close()
    return ms


def browser_measures() -> dict:
    server, base = serve(HTML)
    out = {"pages": {}}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for page_name in pages():
                ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base)
                          else r.abort())
                sizes = {}
                pg = ctx.new_page()
                pg.on("response", lambda r: sizes.__setitem__(r.url, len(r.body()))
                      if r.status == 200 else None)
                pg.goto(f"{base}/{page_name}.html", wait_until="load")
                n = pg.evaluate("document.querySelectorAll('.plotly-graph-div').length")
                pg.wait_for_load_state("networkidle")
                download_kb = round(sum(sizes.values()) / 1024, 1)
                ctx.close()
                # Time from navigation to every chart drawn: the median of three fresh loads
                # (one load on a busy 2-core machine varies by a few hundred ms).
                drawn = [time_to_charts(browser, f"{base}/{page_name}.html", n) for _ in range(3)] \
                    if n else [0]
                out["pages"][page_name] = {
                    "html_kb": round((HTML / f"{page_name}.html").stat().st_size / 1024, 1),
                    "charts": n,
                    "charts_drawn_ms": round(statistics.median(drawn)),
                    "charts_drawn_ms_runs": [round(d) for d in drawn],
                    "download_kb": download_kb,
                }
            # One visit across two chart pages: how often is plotly.js fetched from the server?
            ctx = browser.new_context()
            asked = []
            pg = ctx.new_page()
            pg.on("request", lambda r: PLOTLY_JS.search(r.url) and asked.append(r.url))
            QuietHandler.served.clear()
            pg.goto(f"{base}/intro.html", wait_until="load")
            pg.goto(f"{base}/{FIRST_CHAPTER}.html", wait_until="load")
            out["plotly_js_requests_per_visit"] = len(asked)
            out["plotly_js_from_network"] = sum(bool(PLOTLY_JS.search(p)) for p in QuietHandler.served)
            ctx.close()
            browser.close()
    finally:
        server.shutdown()
    return out


# name: (how to read the measure from the results, budget, "max" or "min", unit)
BUDGETS = {
    "unchanged rebuild / cold build": (lambda r: r.get("rebuild_over_cold"), 0.10, "max", ""),
    "notebooks executed, unchanged rebuild": (
        lambda r: r.get("notebooks_executed", {}).get("unchanged_rebuild"), 0, "max", ""),
    "notebooks executed, PDF after HTML": (
        lambda r: r.get("notebooks_executed", {}).get("pdf_build"), 0, "max", ""),
    "largest page HTML": (lambda r: max(m["html_kb"] for m in r["pages"].values()), 400, "max",
                          "KB"),
    "slowest page, all charts drawn": (
        lambda r: max(m["charts_drawn_ms"] for m in r["pages"].values()), 2000, "max", "ms"),
    "plotly.js fetched per two-page visit": (lambda r: r.get("plotly_js_from_network"), 1, "max",
                                             ""),
}


def check_budgets(results: dict) -> list[str]:
    """Print measured / budget / ratio for each budget; return the names of blown ones."""
    blown = []
    print(f"\n{'budget':40} {'measured':>10} {'budget':>8} {'ratio':>6}  verdict")
    for label, (read, limit, kind, unit) in BUDGETS.items():
        value = read(results)
        if value is None:
            print(f"{label:40} {'not run':>10} {limit:>8}")
            continue
        ok = value <= limit if kind == "max" else value >= limit
        ratio = f"{value / limit:.2f}" if limit else "-"
        print(f"{label:40} {value:>10} {str(limit) + unit:>8} {ratio:>6}  {'ok' if ok else 'BLOWN'}")
        results.setdefault("budgets", {})[label] = {"measured": value, "budget": limit,
                                                    "kind": kind, "ok": ok}
        blown += [] if ok else [label]
    return blown


def main() -> None:
    results = {"machine": {"cores": __import__("os").cpu_count()}}
    if "--no-builds" not in sys.argv:
        results.update(builds())
    results.update(browser_measures())
    first = results["pages"].get(FIRST_CHAPTER, {})
    results["first_chapter_download_kb"] = first.get("download_kb")
    print(f"{'page':32} {'html KB':>8} {'download KB':>12} {'charts':>7} {'drawn ms':>9}")
    for name, m in results["pages"].items():
        print(f"{name:32} {m['html_kb']:>8} {m['download_kb']:>12} {m['charts']:>7} "
              f"{m['charts_drawn_ms']:>9}")
    for key in ("cold_build_s", "unchanged_rebuild_s", "pdf_build_s", "rebuild_over_cold",
                "plotly_js_requests_per_visit", "plotly_js_from_network"):
        if key in results:
            print(f"{key:32} {results[key]}")
    blown = check_budgets(results)
    (ROOT / "_build" / "bench.json").write_text(json.dumps(results, indent=2))
    print("wrote _build/bench.json")
    if blown:
        sys.exit(f"budgets blown: {', '.join(blown)}")


if __name__ == "__main__":
    main()
