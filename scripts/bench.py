"""Measure the book on this machine and write _build/bench.json (run by `make bench`).

- cold builds (fresh copy, empty cache), notebooks executed serially and in parallel,
  alternately (the fastest of each counts); unchanged and one-edit rebuilds, PDF (warm cache)
- the size of each page's own HTML, and of everything a reader downloads for the first chapter
- requests for plotly.js over a visit of two chart pages (served once, then cached)
- time from navigation to every chart drawn, per page, in headless Chromium (network blocked)
- the live notebook ("Run this chapter in your browser", first chapter): seconds from the click
  to a kernel that runs code, seconds to run all cells, MB loaded on first use (reported only,
  no budget: they depend on the machine's load)

Then it checks each budget in ``BUDGETS`` and prints measured / budget / ratio side by side; it
exits non-zero when a budget is blown. Timings depend on the machine's load, so they live here,
never in ``make test``.
"""
from __future__ import annotations

import gzip
import os
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from static_host import StaticHost, serve  # noqa: E402  (the same host Lighthouse is served by)

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
JB = str(ROOT / ".venv" / "bin" / "jupyter-book")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
FIRST_CHAPTER = "chapters/donors"
READER_SCROLL = (ROOT / "scripts" / "reader_scroll.js").read_text(encoding="utf-8")
# A table one chapter reads (and no other page): editing it must rerun that chapter only.
EDITED_TABLE = "un_peacekeeping_totals.csv"
LIGHTHOUSE_PAGES = ["intro", "chapters/donors", "chapters/powers", "chapters/borders",
                    "chapters/un", "chapters/mekong"]
STRICT = ["-W", "-n", "--keep-going"]
PLOTLY_JS = re.compile(r"/_static/plotly(-cartesian)?\.min\.js")


def timed(cmd, cwd, env=None) -> tuple[float, int]:
    """Seconds taken, and how many notebooks the build executed (in parallel or by MyST-NB)."""
    env = _own_package(Path(cwd), env)
    start = time.monotonic()
    run = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    if run.returncode:
        sys.exit(f"failed: {' '.join(cmd)}\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    log = run.stdout + run.stderr
    parallel = sum(int(n) for n in re.findall(r"\[cfr\] executing (\d+) notebooks in parallel", log))
    return round(time.monotonic() - start, 2), parallel + log.count("Executing notebook")


def _copy_book(book: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split()
    for f in files:
        if (ROOT / f).is_file():
            (book / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / f, book / f)
    # Installed or downloaded, not in git: shared with the checkout (read only).
    for folder in ("node_modules", "lite/static"):
        if (ROOT / folder).is_dir():
            os.symlink(ROOT / folder, book / folder)


def _own_package(book: Path, env: dict | None = None) -> dict:
    """The copy's own cfr (and so its own data/), not the checkout's editable install: an
    edit in the copy must reach the build and the kernels, as it would in a checkout."""
    env = dict(env or os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(book), env.get("PYTHONPATH")]))
    return env


def _edit_table(path: Path) -> None:
    """Change one value as a corrected source would, keeping the table valid: the last row's
    first text field gets a few more words."""
    import csv

    fields = next(r for r in json.loads((path.parent / "datapackage.json").read_text())
                  ["resources"] if r["path"] == path.name)["schema"]["fields"]
    text = next(i for i, f in enumerate(fields) if f.get("type", "string") == "string")
    with path.open(newline="") as f:
        rows = list(csv.reader(f))
    rows[-1][text] += " (edited)"
    with path.open("w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def _edit_last_line(path: Path, extra: str = " ") -> None:
    lines = path.read_text().splitlines()
    lines[-1] += extra
    path.write_text("\n".join(lines) + "\n")


# Cold builds alternate serial / parallel this many times; each way's fastest run counts (a
# busy moment only ever adds time, so the fastest run is the one least disturbed by it).
COLD_ROUNDS = 2


def _cold_build(book: Path, serial: bool) -> tuple[float, int]:
    _copy_book(book)
    env = {**os.environ, "CFR_SERIAL_EXECUTION": "1"} if serial else None
    return timed([JB, "build", ".", *STRICT], book, env)


def builds() -> dict:
    """Cold builds, serial and parallel execution alternately, each in a fresh copy; then, in
    the last parallel copy: an unchanged rebuild, a rebuild after editing one table that one
    chapter reads, a rebuild after editing cfr/appendix.py (no notebook reads it), the PDF."""
    out = {"cold_builds_serial_s": [], "cold_builds_s": []}
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(COLD_ROUNDS):
            seconds, _ = _cold_build(Path(tmp) / f"serial{n}", serial=True)
            out["cold_builds_serial_s"].append(seconds)
            shutil.rmtree(Path(tmp) / f"serial{n}")
            book = Path(tmp) / f"parallel{n}"
            seconds, cold_ran = _cold_build(book, serial=False)
            out["cold_builds_s"].append(seconds)
            print(f"cold build {n + 1}/{COLD_ROUNDS}: serial {out['cold_builds_serial_s'][-1]} s,"
                  f" parallel {seconds} s", flush=True)
            if n + 1 < COLD_ROUNDS:
                shutil.rmtree(book)
        cold, serial = min(out["cold_builds_s"]), min(out["cold_builds_serial_s"])
        warm, warm_ran = timed([JB, "build", ".", *STRICT], book)
        _edit_table(book / "data" / EDITED_TABLE)
        one, one_ran = timed([JB, "build", ".", *STRICT], book)
        _edit_last_line(book / "cfr" / "appendix.py", "  # bench edit")
        app_s, app_ran = timed([JB, "build", ".", *STRICT], book)
        pdf, pdf_ran = timed([JB, "build", ".", "--builder", "pdflatex", *STRICT], book)
    out.update({
        "cold_build_serial_s": serial, "cold_build_s": cold, "unchanged_rebuild_s": warm,
        "pdf_build_s": pdf, "one_table_rebuild_s": one, "appendix_edit_rebuild_s": app_s,
        "rebuild_over_cold": round(warm / cold, 3),
        "one_table_over_cold": round(one / cold, 3),
        "parallel_over_serial": round(cold / serial, 3),
        "notebooks_executed": {"cold_build": cold_ran, "unchanged_rebuild": warm_ran,
                               f"after editing {EDITED_TABLE}": one_ran,
                               "after editing cfr/appendix.py": app_ran, "pdf_build": pdf_ran}})
    return out


def pages() -> list[str]:
    """The pages in the table of contents."""
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]


def time_to_charts(browser, url: str, n: int) -> float:
    """Milliseconds from navigation start until all ``n`` charts on the page are drawn,
    scrolling each into view as a reader would (charts are drawn when seen)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.goto(url, wait_until="domcontentloaded")
    pg.evaluate("window.cfrDrawAll && window.cfrDrawAll()")
    pg.wait_for_function(
        f"document.querySelectorAll('.cfr-plot[data-cfr-drawn]').length === {n}", timeout=30_000)
    ms = pg.evaluate("performance.now()")
    ctx.close()
    return ms


def scrolled_chart_ms(browser, url: str) -> list[float]:
    """For each chart after the first: milliseconds from scrolling it into view to drawn
    (plotly.js already loaded by the first, as for a reader reading down the page)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.goto(url, wait_until="load")
    n = pg.evaluate("document.querySelectorAll('.cfr-plot').length")
    times = []
    for i in range(n):
        # paged down to, as a reader would; timed from the moment it is in the window
        arrived = pg.locator(".cfr-plot").nth(i).evaluate(READER_SCROLL)
        ms = pg.evaluate(f"""new Promise(done => {{
            const box = document.querySelectorAll('.cfr-plot')[{i}];
            const check = () => box.hasAttribute('data-cfr-drawn')
                ? done(Math.max(0, performance.now() - {arrived})) : requestAnimationFrame(check);
            check(); }})""")
        if i:
            times.append(round(ms))
    ctx.close()
    return times


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
                scrolled = scrolled_chart_ms(browser, f"{base}/{page_name}.html") if n > 1 else []
                out["pages"][page_name] = {
                    "scrolled_chart_drawn_ms_max": max(scrolled) if scrolled else None,
                    "html_kb": round((HTML / f"{page_name}.html").stat().st_size / 1024, 1),
                    "html_gzip_kb": round(len(gzip.compress(
                        (HTML / f"{page_name}.html").read_bytes(), 6)) / 1024, 1),
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
            StaticHost.served.clear()
            for visited in ("intro", FIRST_CHAPTER):
                pg.goto(f"{base}/{visited}.html", wait_until="load")
                pg.evaluate("window.cfrDrawAll ? window.cfrDrawAll() : null")
                pg.wait_for_load_state("networkidle")
            out["plotly_js_requests_per_visit"] = len(asked)
            out["plotly_js_from_network"] = sum(bool(PLOTLY_JS.search(p))
                                                for p in StaticHost.served)
            ctx.close()
            browser.close()
    finally:
        server.shutdown()
    return out


def live_notebook_measures() -> dict:
    """Kernel-ready and run-all times of the first chapter's live notebook (JupyterLite)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("lite_run", ROOT / "scripts" / "lite_run.py")
    lite_run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lite_run)
    server, base = lite_run.serve_site(HTML)
    try:
        with sync_playwright() as p:
            r = lite_run.run_live(p, base, FIRST_CHAPTER)
    finally:
        server.shutdown()
    failed = sum(o["output_type"] == "error" for outs in r["outputs"] for o in outs)
    return {"page": FIRST_CHAPTER, "kernel_ready_s": r["kernel_ready_s"],
            "run_all_s": r["run_all_s"], "first_use_mb": r["live_mb"], "charts": r["plots"],
            "failed_cells": failed, "requests_off_site": len(r["blocked"])}


# name: (how to read the measure from the results, budget, "max" or "min", unit)
def _lighthouse(results, key, worst):
    pages = results.get("lighthouse", {})
    return worst(p[key] for p in pages.values()) if pages else None


def _notebooks(results, key):
    return results.get("notebooks_executed", {}).get(key)


def _scrolled(results):
    values = [m["scrolled_chart_drawn_ms_max"] for m in results["pages"].values()
              if m.get("scrolled_chart_drawn_ms_max") is not None]
    return max(values) if values else None


# name: (how to read the measure from the results, budget, "max" or "min", unit)
BUDGETS = {
    "Lighthouse performance, worst page": (lambda r: _lighthouse(r, "performance", min), 90,
                                           "min", ""),
    "Lighthouse LCP, worst page": (lambda r: _lighthouse(r, "lcp_ms", max), 2500, "max", "ms"),
    "Lighthouse total blocking time, worst": (lambda r: _lighthouse(r, "tbt_ms", max), 200, "max",
                                              "ms"),
    "Lighthouse CLS, worst page": (lambda r: _lighthouse(r, "cls", max), 0.1, "max", ""),
    "Lighthouse accessibility, worst page": (lambda r: _lighthouse(r, "accessibility", min), 100,
                                             "min", ""),
    "Lighthouse SEO, worst page": (lambda r: _lighthouse(r, "seo", min), 95, "min", ""),
    "first visit to a chapter, compressed": (lambda r: _lighthouse(r, "transfer_kb", max), 700,
                                             "max", "KB"),
    "chart scrolled into view, drawn (max)": (_scrolled, 300, "max", "ms"),
    "unchanged rebuild / cold build": (lambda r: r.get("rebuild_over_cold"), 0.10, "max", ""),
    "one-table edit rebuild / cold build": (lambda r: r.get("one_table_over_cold"), 0.35, "max",
                                            ""),
    f"notebooks rerun after editing {EDITED_TABLE}": (
        lambda r: _notebooks(r, f"after editing {EDITED_TABLE}"), 1, "max", ""),
    "notebooks rerun after editing cfr/appendix.py": (
        lambda r: _notebooks(r, "after editing cfr/appendix.py"), 0, "max", ""),
    "cold build, parallel / serial": (lambda r: r.get("parallel_over_serial"), 0.65, "max", ""),
    "notebooks executed, unchanged rebuild": (lambda r: _notebooks(r, "unchanged_rebuild"), 0,
                                              "max", ""),
    "notebooks executed, PDF after HTML": (lambda r: _notebooks(r, "pdf_build"), 0, "max", ""),
    # What a reader waits for before the text shows: the page itself, as a host sends it.
    "largest page HTML, compressed": (
        lambda r: max(m["html_gzip_kb"] for m in r["pages"].values()), 150, "max", "KB"),
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
    if "--no-lighthouse" not in sys.argv:
        from lighthouse_audit import audit_pages

        results["lighthouse"] = audit_pages(HTML, LIGHTHOUSE_PAGES)
        print(f"{'Lighthouse (mobile), median of 3':32} {'perf':>5} {'LCP ms':>7} {'TBT ms':>7} "
              f"{'CLS':>6} {'a11y':>5} {'SEO':>4} {'KB':>7}  runs")
        for name, m in results["lighthouse"].items():
            print(f"{name:32} {m['performance']:>5} {m['lcp_ms']:>7} {m['tbt_ms']:>7} "
                  f"{m['cls']:>6} {m['accessibility']:>5} {m['seo']:>4} {m['transfer_kb']:>7}  "
                  f"{m.get('performance_runs')}")
    if (HTML / "lite" / "notebooks" / "index.html").exists():
        results["live_notebook"] = live_notebook_measures()
    first = results["pages"].get(FIRST_CHAPTER, {})
    results["first_chapter_download_kb"] = first.get("download_kb")
    print(f"{'page':32} {'html KB':>8} {'gzip KB':>8} {'download KB':>12} {'charts':>7} "
          f"{'drawn ms':>9}")
    for name, m in results["pages"].items():
        print(f"{name:32} {m['html_kb']:>8} {m['html_gzip_kb']:>8} {m['download_kb']:>12} "
              f"{m['charts']:>7} "
              f"{m['charts_drawn_ms']:>9}")
    for key in ("cold_builds_serial_s", "cold_builds_s", "cold_build_serial_s", "cold_build_s",
                "unchanged_rebuild_s",
                "one_table_rebuild_s", "appendix_edit_rebuild_s", "pdf_build_s",
                "rebuild_over_cold", "one_table_over_cold", "parallel_over_serial",
                "plotly_js_requests_per_visit", "plotly_js_from_network"):
        if key in results:
            print(f"{key:32} {results[key]}")
    for key, value in results.get("live_notebook", {}).items():
        print(f"{'live notebook ' + key:32} {value}")
    blown = check_budgets(results)
    (ROOT / "_build" / "bench.json").write_text(json.dumps(results, indent=2))
    print("wrote _build/bench.json")
    if blown:
        sys.exit(f"budgets blown: {', '.join(blown)}")


if __name__ == "__main__":
    main()
