"""Shared fixtures: the book's pages, executed notebooks, glued numbers, built HTML."""
from __future__ import annotations

import ast
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import jupytext
import nbclient
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
# An async function (element) -> arrival time: scroll to it a screen at a time, as a reader does.
READER_SCROLL = (ROOT / "scripts" / "reader_scroll.js").read_text(encoding="utf-8")
# The build the tests read: `make book`'s, or a scratch build's (its --path-output + "/_build").
BUILD = Path(os.environ.get("CFR_TEST_BUILD", ROOT / "_build"))
HTML = BUILD / "html"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Headless Chromium as root, with none of its own background traffic (closed network here).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def toc_pages() -> list[str]:
    """Every page in _toc.yml, as source paths without suffix (e.g. 'chapters/donors')."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    pages = [toc["root"]]
    for part in toc.get("parts", [{"chapters": toc.get("chapters", [])}]):
        pages += [c["file"] for c in part["chapters"]]
    return pages


THEME_CHAPTERS = ["chapters/donors", "chapters/powers", "chapters/borders", "chapters/un",
                  "chapters/mekong"]


def source_of(page: str) -> Path:
    return ROOT / f"{page}.md"


def is_notebook(page: str) -> bool:
    return source_of(page).read_text().startswith("---\njupytext:")


CACHE = ROOT / "_build" / ".jupyter_cache"


@functools.lru_cache(maxsize=None)
def executed(page: str):
    """The notebook as the book build executed it (outputs and glued values from the build's
    execution cache, written by ``make book``): the tests start no build of their own."""
    from cfr.sphinx_ext import executed_notebook

    if not CACHE.exists():
        pytest.fail(f"{CACHE} is missing: run `make book` first (make test does)")
    try:
        return executed_notebook(CACHE, source_of(page))
    except KeyError:
        pytest.fail(f"the build has not executed the current {page}.md: run `make book`")


def run_fresh(path: Path, env: dict | None = None):
    """Run a notebook (``.md`` or ``.ipynb``) top to bottom in a fresh kernel from its own
    folder, as a reader would in Jupyter. ``env`` replaces the kernel's environment."""
    nb = jupytext.read(path)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute(**({"env": env} if env is not None else {}))
    return nb


def values(trace: dict, key: str) -> list:
    """A trace's array ``key`` as a flat Python list, decoding Plotly 7's binary arrays
    (``{"dtype": "f8", "bdata": "<base64>", "shape": "r, c"}``); NaN stays NaN."""
    import base64

    import numpy as np

    v = trace.get(key)
    if v is None:
        return []
    if isinstance(v, dict) and "bdata" in v:
        arr = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
        return arr.astype(float).ravel().tolist()
    if isinstance(v, dict) and "_inputArray" in v:
        v = v["_inputArray"]
    flat = []
    for item in v:
        flat.extend(item if isinstance(item, list) else [item])
    return flat


def has_data(trace: dict, key: str) -> bool:
    """True when array ``key`` has at least one value that is not None or NaN."""
    import math

    return any(x is not None and not (isinstance(x, float) and math.isnan(x))
               for x in values(trace, key))


def glued(nb) -> dict:
    """Values glued with myst_nb.glue in an executed notebook: {name: python value}."""
    out = {}
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            name = o.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                text = o["data"].get("application/papermill.record/text/plain")
                try:
                    out[name] = ast.literal_eval(text)
                except (ValueError, SyntaxError):
                    out[name] = text
    return out


def figures(nb) -> list[dict]:
    """The Plotly figures (JSON) a notebook displayed through the book's renderer."""
    return [o["data"]["application/vnd.plotly.v1+json"]
            for cell in nb.cells for o in cell.get("outputs", [])
            if "application/vnd.plotly.v1+json" in o.get("data", {})]


@pytest.fixture(scope="session")
def html_dir() -> Path:
    if not (HTML / "intro.html").exists():
        pytest.fail("the HTML book is not built: run `make book` (make test does it first)")
    return HTML


def pytest_configure(config):
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")


# --- shared by the chapter tests (tests/test_chapter_*.py set PAGE = "chapters/<name>") ---
@pytest.fixture(scope="module")
def nb(request):
    """The chapter's notebook, executed in a fresh kernel."""
    return executed(request.module.PAGE)


@pytest.fixture(scope="module")
def g(nb):
    """The chapter's glued values."""
    return glued(nb)


def close(a, b, tol=1e-9) -> bool:
    """A glued number equals its recomputation (to floating-point noise)."""
    import math

    return math.isclose(float(a), float(b), rel_tol=tol, abs_tol=tol)


# --- the built site in headless Chromium (test_browser.py, test_figures.py) ----------------
class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(html_dir):
    """The built site served on 127.0.0.1 (a free port) for the module's tests."""
    handler = functools.partial(_QuietHandler, directory=str(html_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium (found on PATH) driven by Playwright."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "no chromium on PATH: run `make test` (it installs Debian's chromium)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
