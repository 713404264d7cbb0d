"""A reader can download a chapter as an executed notebook and rerun it in a plain Jupyter:
no Chromium, no book build, data found wherever the notebook is saved."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import nbformat
import pytest

from conftest import ROOT, THEME_CHAPTERS, run_fresh

pytestmark = pytest.mark.build


@pytest.mark.parametrize("page", THEME_CHAPTERS + ["intro"])
def test_page_offers_its_executed_notebook(html_dir, page):
    html = (html_dir / f"{page}.html").read_text()
    name = page.split("/")[-1]
    assert f'_sources/{page}.ipynb"' in html or f"_sources/{page}.ipynb'" in html, \
        f"{page}: no .ipynb in the download menu"
    nb = nbformat.read(html_dir / "_sources" / f"{page}.ipynb", as_version=4)
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert any("application/vnd.plotly.v1+json" in o.get("data", {}) for o in outputs), name
    # The site's chart <div> needs the site's plotly.js: it is not in the download.
    assert not any("cfr-chart" in str(o.get("data", {}).get("text/html", "")) for o in outputs)


def _path_without_chromium() -> str:
    keep = []
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if not any(os.path.exists(os.path.join(folder, b))
                   for b in ("chromium", "chromium-browser", "google-chrome")):
            keep.append(folder)
    return os.pathsep.join(keep)


def test_downloaded_notebook_runs_without_chromium(html_dir, tmp_path):
    """The donors chapter, downloaded from the site into an empty folder, runs top to bottom
    in a fresh kernel with Chromium hidden from PATH and outside the book build."""
    nb_path = tmp_path / "donors.ipynb"
    shutil.copy(html_dir / "_sources" / "chapters" / "donors.ipynb", nb_path)
    env = {k: v for k, v in os.environ.items() if k not in ("CFR_BOOK_BUILD", "CFR_DATA_DIR")}
    env["PATH"] = _path_without_chromium()
    assert shutil.which("chromium", path=env["PATH"]) is None
    nb = run_fresh(nb_path, env=env)
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    charts = [o for o in outputs if "application/vnd.plotly.v1+json" in o.get("data", {})]
    assert len(charts) >= 4
    # Outside the build no static image is made (that would need Chromium).
    assert not any("image/png" in o["data"] for o in charts)


def test_importing_cfr_changes_no_plotly_default():
    code = ("import plotly.io as pio; t, r = pio.templates.default, pio.renderers.default; "
            "import cfr.charts, cfr.maps, cfr.partners; "
            "assert (pio.templates.default, pio.renderers.default) == (t, r), 'changed on import'; "
            "cfr.charts.setup(); assert pio.renderers.default == 'cfr'; "
            "assert pio.templates.default == 'plotly_white+cfr'")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
