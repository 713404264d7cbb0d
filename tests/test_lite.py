"""Run in the browser: each chapter opens as a live notebook (JupyterLite on Pyodide) served by
the built site alone. The browser tests serve the site on 127.0.0.1, block every other request
(Playwright route plus a refusing proxy for anything the browser tries on its own), open a
chapter from its page, run all, wait for the charts and compare a glued key number printed in
the live notebook with the one on the static page. ``CFR_HTML_DIR`` points the tests at another
build (default ``_build/html``)."""
from __future__ import annotations

import importlib.util
import json
import math
import os
import re
from pathlib import Path

import nbformat
import pytest

from conftest import CHROMIUM, HTML, ROOT, glued

pytestmark = [pytest.mark.build]

SITE = Path(os.environ.get("CFR_HTML_DIR", HTML))
EXECUTED = SITE.parent / "jupyter_execute"
LIVE_PAGES = ["intro", "chapters/donors", "chapters/powers", "chapters/borders", "chapters/un",
              "chapters/mekong"]
# At least two chapters are run live in the browser (donors first: the example).
RUN_LIVE = ["chapters/donors", "chapters/mekong"]
# A reader's change: a new cell with another chart of a book table (the book's renderer
# wants a finished chart: title, subtitle, table, text alternative).
READER_EDIT = """import plotly.graph_objects as go
from cfr import charts, load
table = load("donors_oda_gni")
fig = go.Figure(go.Bar(x=table.year, y=table.oda_pct_gni))
charts.finish(fig, title="My chart", subtitle="Net ODA, % of GNI", table="donors_oda_gni",
              alt="Bars of net ODA as a share of gross national income, by year")
fig.show()"""
LINK_TEXT = "Run this chapter in your browser"


def _module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def lite_dir() -> Path:
    out = SITE / "lite"
    if not (out / "notebooks" / "index.html").exists():
        pytest.fail(f"{out} is not built: run `make book` (make test does it first)")
    return out


def built_pages() -> list[str]:
    return [p for p in LIVE_PAGES if (SITE / f"{p}.html").exists()]


# --- the built site ------------------------------------------------------------------------
@pytest.mark.parametrize("page", LIVE_PAGES)
def test_page_links_its_live_notebook(lite_dir, page):
    html_path = SITE / f"{page}.html"
    assert html_path.exists(), f"{page} is not in this build"
    html = html_path.read_text()
    links = re.findall(r'<a [^>]*href="([^"]+)"[^>]*>' + LINK_TEXT + "</a>", html)
    assert len(links) == 1, f"{page}: expected one '{LINK_TEXT}' link, found {links}"
    href = links[0]
    assert href == "../" * page.count("/") + f"lite/notebooks/index.html?path={page}.ipynb"
    nb = nbformat.reads((lite_dir / "files" / f"{page}.ipynb").read_text(), as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python", "a kernel name that asks for a dialog"
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "myst_nb" not in code, "MyST-NB does not run in the browser"
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_reading_pages_load_nothing_of_the_live_notebook():
    """The reading pages get a link, not JupyterLite's script, stylesheet or web font."""
    pages = [p for p in SITE.rglob("*.html") if "lite" not in p.relative_to(SITE).parts[:1]]
    assert pages
    for page in pages:
        text = page.read_text()
        for needle in ("jupyterlite_sphinx", "fonts.googleapis.com", "/lite/static/"):
            assert needle not in text, f"{page.relative_to(SITE)} loads {needle}"
    assert not (SITE / "_static" / "jupyterlite_sphinx.js").exists()


def test_nothing_named_off_site(lite_dir):
    lite = _module(ROOT / "cfr" / "lite.py", "cfr_lite_check")
    assert lite.offsite_in_pages(SITE) == []
    assert lite.offsite_in_lite(lite_dir) == []


def test_offsite_check_catches_a_cdn(tmp_path):
    lite = _module(ROOT / "cfr" / "lite.py", "cfr_lite_check")
    (tmp_path / "a.html").write_text('<link rel="stylesheet" href="https://fonts.googleapis.com/x">')
    (tmp_path / "jupyter-lite.json").write_text(json.dumps({"jupyter-config-data": {
        "pyodideUrl": "https://cdn.jsdelivr.net/pyodide/v0.27.7/full/pyodide.js"}}))
    (tmp_path / "b.css").write_text("@import url(//fonts.example.org/f.css);")
    assert len(lite.offsite_in_lite(tmp_path)) == 3


def test_every_pyodide_file_matches_its_pin(lite_dir):
    dist = _module(ROOT / "scripts" / "lite_dist.py", "lite_dist_check")
    served = lite_dir / "static" / "pyodide"
    lock = json.loads((served / "pyodide-lock.json").read_text())
    assert dist.verify(served, extra_files={"cfr": lock["packages"]["cfr"]["sha256"]}) == []
    conf = json.loads((lite_dir / "jupyter-lite.json").read_text())["jupyter-config-data"]
    kernel = conf["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["pyodideUrl"].startswith("./static/pyodide/")
    assert kernel["disablePyPIFallback"] is True


def test_verify_catches_a_changed_wheel(lite_dir, tmp_path):
    import shutil

    dist = _module(ROOT / "scripts" / "lite_dist.py", "lite_dist_check")
    copy = tmp_path / "pyodide"
    shutil.copytree(lite_dir / "static" / "pyodide", copy)
    lock = json.loads((copy / "pyodide-lock.json").read_text())
    numpy = copy / lock["packages"]["numpy"]["file_name"]
    numpy.write_bytes(numpy.read_bytes() + b"\0")
    problems = dist.verify(copy, extra_files={"cfr": lock["packages"]["cfr"]["sha256"]})
    assert any("numpy" in p for p in problems)


# --- what the chapters import, without the build's packages (as in Pyodide) --------------
def test_glue_shows_the_value_where_myst_nb_is_missing(monkeypatch):
    import sys

    import IPython.display

    from cfr import glue

    shown = []
    monkeypatch.setitem(sys.modules, "myst_nb", None)  # import fails, as in the browser
    monkeypatch.setattr(IPython.display, "display",
                        lambda obj, **kw: shown.append((obj, kw.get("metadata"))))
    glue("western_share_last", 26.5)
    assert shown == [({"text/plain": "western_share_last = 26.5"},
                      {"cfr_glue": "western_share_last"})]


def test_tables_read_without_frictionless_equal_the_validated_ones(monkeypatch):
    import pandas as pd

    import cfr.data

    names = [r["name"] for r in cfr.data.package()["resources"] if r["path"].endswith(".csv")]
    validated = {n: cfr.data.load(n) for n in names}
    monkeypatch.setattr(cfr.data, "Package", None)
    monkeypatch.delenv("CFR_BOOK_BUILD", raising=False)
    cfr.data._load_cached.cache_clear()
    try:
        for name in names:
            pd.testing.assert_frame_equal(cfr.data.load(name), validated[name])
        monkeypatch.setenv("CFR_BOOK_BUILD", "1")  # the build never skips validation
        cfr.data._load_cached.cache_clear()
        with pytest.raises(cfr.data.DataError, match="frictionless"):
            cfr.data.load(names[0])
    finally:
        cfr.data._load_cached.cache_clear()


# --- the live notebook in the browser --------------------------------------------------------
LITE_RUN = _module(ROOT / "scripts" / "lite_run.py", "lite_run")


@pytest.fixture(scope="module")
def live_site(lite_dir):
    server, base = LITE_RUN.serve_site(SITE)
    yield base
    server.shutdown()


def number(text) -> float | None:
    """A glued value's text as a number: '42.5', 'np.float64(42.5)', 'np.int64(7)'."""
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text)
    m = re.fullmatch(r"\s*(?:np\.\w+\()?\s*([-+0-9.eE]+|nan)\s*\)?\s*", str(text))
    return float(m.group(1)) if m else None


def static_glue(page: str) -> dict:
    """The values the build glued for the page's prose: {name: text/plain}. MyST-NB keeps
    them in ``<page>.glue.json`` next to the executed notebook (else in its outputs)."""
    store = EXECUTED / f"{page}.glue.json"
    if store.exists():
        return {name: out["data"].get("text/plain")
                for name, out in json.loads(store.read_text()).items()}
    return glued(nbformat.read(EXECUTED / f"{page}.ipynb", as_version=4))


def key_number(page: str) -> tuple[str, str, float]:
    """The first glued number the chapter's prose pastes with a format (a key finding):
    (name, format spec, value the build glued into the static page)."""
    values = static_glue(page)
    source = (ROOT / f"{page}.md").read_text()
    for name, spec in re.findall(r"\{glue:text\}`([^`:]+):([^`]+)`", source):
        value = number(values.get(name))
        if value is not None and not math.isnan(value):
            return name, spec, value
    pytest.fail(f"{page}: no formatted glued number in the prose")


@pytest.mark.browser
@pytest.mark.parametrize("page", RUN_LIVE)
def test_chapter_runs_live_offline_with_the_same_numbers(live_site, page, tmp_path_factory):
    assert CHROMIUM, "no chromium on PATH: run `make test` (it installs Debian's chromium)"
    from playwright.sync_api import sync_playwright

    name, spec, static_value = key_number(page)
    shot = tmp_path_factory.mktemp("lite") / f"{page.replace('/', '_')}-live.png"
    with sync_playwright() as p:
        seen = LITE_RUN.run_live(p, live_site, page, shot,
                                 edit=READER_EDIT if page == RUN_LIVE[0] else None)

    assert seen["blocked"] == [], f"requests left the site: {seen['blocked']}"
    # The proxy sees only what Chromium itself calls (a request of the site is aborted first).
    assert set(seen["browser_own"]) <= LITE_RUN.CHROMIUM_SERVICES, seen["browser_own"]
    assert seen["dialogs"] == 0, "a dialog opened with the notebook"
    errors = [o for outs in seen["outputs"] for o in outs if o["output_type"] == "error"]
    assert not errors, f"{page}: a cell failed live: {errors[0]['ename']}: {errors[0]['evalue']}"
    static_html = (SITE / f"{page}.html").read_text()
    n_charts = static_html.count('class="plotly-graph-div')
    assert n_charts and seen["plots"] == n_charts, (
        f"{page}: {seen['plots']} charts drawn live, {n_charts} on the static page")

    live = {}
    for outs in seen["outputs"]:
        for o in outs:
            key = o.get("metadata", {}).get("cfr_glue")
            if key and "text/plain" in o.get("data", {}):
                text = o["data"]["text/plain"]
                text = "".join(text) if isinstance(text, list) else text
                live[key] = text.split(" = ", 1)[1]
    assert name in live, f"{page}: {name} not printed in the live notebook"
    live_value = number(live[name])
    assert math.isclose(live_value, static_value, rel_tol=1e-9, abs_tol=1e-12), (
        f"{page}: {name} is {live_value} live, {static_value} on the static page")
    pasted = re.findall(r'<span class="pasted-text">([^<]*)</span>', static_html)
    assert format(static_value, spec) in pasted, f"{page}: {name} not on the static page"
    assert format(live_value, spec) == format(static_value, spec)
    # The page tells the reader what the first use costs: keep that figure true.
    stated = _module(ROOT / "cfr" / "lite.py", "cfr_lite_check").FIRST_USE_MB
    assert abs(seen["live_mb"] - stated) <= 0.15 * stated, (
        f"first use loads {seen['live_mb']} MB; the page says about {stated} MB")
    if seen["edited"] is not None:
        assert not [o for o in seen["edited"] if o["output_type"] == "error"], seen["edited"]
        assert seen["plots_after_edit"] == seen["plots"] + 1, "the reader's new chart is missing"
    print(f"{page}: kernel ready {seen['kernel_ready_s']} s, run all {seen['run_all_s']} s, "
          f"{seen['live_mb']} MB, {seen['plots']} charts, {name} = {format(live_value, spec)}")
