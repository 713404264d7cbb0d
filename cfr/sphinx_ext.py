"""A small Sphinx extension: serve plotly.js and the data files with the book, offline.

- ``plotly.min.js`` is copied from the installed plotly package into ``_static/`` at build
  time (never committed, never from a CDN) and loaded only on pages that hold a chart.
- ``data/`` (CSV tables, GeoJSON, datapackage.json) is copied into the built site, so each
  chart's "Download the data" link works on the web and from ``file://``.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import plotly
from sphinx.util import logging

from cfr.charts import BOOK_BUILD_ENV, DATA_LINK_PREFIX

logger = logging.getLogger(__name__)

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
# The partial bundle (installed by `make book` with npm from package-lock.json): a third of
# the size, for pages whose charts use only the trace types it contains.
CARTESIAN_JS = Path("node_modules") / "plotly.js-cartesian-dist-min" / "plotly-cartesian.min.js"
CARTESIAN_TRACES = {"bar", "box", "contour", "heatmap", "histogram", "histogram2d",
                    "histogram2dcontour", "image", "pie", "scatter", "scatterternary", "violin"}
TRACES_ATTR = re.compile(r'data-cfr-traces="([^"]*)"')
PACKAGE_DIR = Path(__file__).resolve().parent
STAMP_NAME = "cfr-inputs.sha256"


def inputs_hash(srcdir: Path) -> str:
    """Hash of everything a notebook's outputs depend on besides its own code cells:
    the tables in ``data/`` and the shared package."""
    return _hash_folders([Path(srcdir) / "data", PACKAGE_DIR])


def _hash_folders(folders) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder.parent).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _invalidate_stale_cache(app, config):
    """MyST-NB's execution cache keys on code cells only (jupyter-book #1633): an edited CSV
    or helper would leave old numbers on the page. When ``data/`` or ``cfr/`` change, clear
    the cache and make Sphinx re-read every page, so notebooks run again."""
    app.cfr_inputs_changed = False
    # Sphinx skips writing (and copying _static/) when no page is out of date, so an edited
    # stylesheet or template would never reach the site: re-write every page when they change.
    look = _hash_folders([Path(app.srcdir) / "_static", Path(app.srcdir) / "_templates"])
    look_stamp = Path(app.outdir).parent / f"cfr-look-{Path(app.outdir).name}.sha256"
    if not look_stamp.exists() or look_stamp.read_text() != look:
        app.cfr_inputs_changed = look_stamp.exists()
        look_stamp.parent.mkdir(parents=True, exist_ok=True)
        look_stamp.write_text(look)
    if config["nb_execution_mode"] != "cache":
        return
    cache = Path(config["nb_execution_cache_path"] or Path(app.outdir).parent / ".jupyter_cache")
    stamp = cache.parent / STAMP_NAME
    now = inputs_hash(Path(app.srcdir))
    if stamp.exists() and stamp.read_text() == now:
        return
    app.cfr_inputs_changed |= stamp.exists() or cache.exists()
    if cache.exists():
        shutil.rmtree(cache)
        logger.info(f"[cfr] data/ or cfr/ changed: cleared the execution cache {cache}")
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(now)


def _outdated(app, env, added, changed, removed):
    """Re-read every page after the inputs or the look changed (see _invalidate_stale_cache)."""
    return sorted(env.found_docs) if getattr(app, "cfr_inputs_changed", False) else []


def _is_thebe(asset) -> bool:
    text = f"{getattr(asset, 'filename', '') or ''} {getattr(asset, 'attributes', {}).get('body', '')} {asset}"
    return "thebe" in text.lower()


def _page_context(app, pagename, templatename, context, doctree):
    # sphinx-thebe (always loaded by Jupyter Book) declares THEBE_JS_URL twice per page, a
    # console error, and names a CDN. The book has no live kernels: drop its assets.
    body = context.get("body", "")
    if "plotly-graph-div" in body:
        # Page-specific script, in <head> before the inline Plotly.newPlot calls: the partial
        # bundle when it covers every trace type on the page, else the full one.
        types = {t for attr in TRACES_ATTR.findall(body) for t in attr.split()}
        partial = getattr(app, "cfr_partial_bundle", False) and types <= CARTESIAN_TRACES
        app.add_js_file("plotly-cartesian.min.js" if partial else "plotly.min.js", priority=200)
    # Chart data links are written as "cfr-data:<path>" by cfr.charts.csv_href: make them
    # relative to this page, wherever the page sits in the site.
    if "body" in context and DATA_LINK_PREFIX in context["body"]:
        root = context["pathto"]("data/", 1)
        context["body"] = context["body"].replace(f'href="{DATA_LINK_PREFIX}', f'href="{root}')
    # docutils marks bibliography entries with the deprecated ARIA role doc-biblioentry inside
    # a role="list" container (axe: aria-deprecated-role, aria-required-children).
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')
    for key in ("script_files", "css_files"):
        if key in context:
            context[key][:] = [a for a in context[key] if not _is_thebe(a)]


def _offer_notebook(app, pagename, templatename, context, doctree):
    """Offer the executed notebook (.ipynb with outputs) in the page's download menu.

    The theme does this only when launch buttons are configured; the book has none. Runs
    before the theme builds its buttons (priority 501). The copy keeps Plotly's JSON (drawn by
    JupyterLab and VS Code) and the static PNG, and drops the book's HTML div, which needs the
    site's plotly.js and would show as a blank box in Jupyter."""
    if app.builder.format != "html":
        return
    executed = Path(app.outdir).parent / "jupyter_execute" / f"{pagename}.ipynb"
    if not executed.exists() or not context.get("sourcename", "").endswith((".md", ".md.txt")):
        return
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "application/vnd.plotly.v1+json" in data:
                data.pop("text/html", None)
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    context["ipynb_source"] = f"{pagename}.ipynb"


def _copy_plotly(app):
    """Before any page is written, so Sphinx can version its URL (?v=<checksum>) and a host
    can let browsers cache it for good."""
    if app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    shutil.copy2(PLOTLY_JS, static / "plotly.min.js")
    partial = Path(app.srcdir) / CARTESIAN_JS
    app.cfr_partial_bundle = partial.exists() and _js_version(partial) == _js_version(PLOTLY_JS)
    if app.cfr_partial_bundle:
        shutil.copy2(partial, static / "plotly-cartesian.min.js")
    else:
        logger.info(f"[cfr] no partial plotly.js bundle matching plotly.py's ({partial}): "
                    "every chart page loads the full plotly.min.js")


def _js_version(path: Path) -> str | None:
    """The plotly.js version in a bundle's header comment ('v4.1.1')."""
    with path.open(encoding="utf-8") as f:
        m = re.search(r"\bv(\d+\.\d+\.\d+)\b", f.read(400))
    return m.group(1) if m else None


def _copy_assets(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    src = Path(app.srcdir) / "data"
    if src.is_dir():
        shutil.copytree(src, out / "data", dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("*.py", "__pycache__"))


def setup(app):
    # Kernels started by MyST-NB inherit this: the charts renderer adds the HTML div and the
    # static PNG only in the book build (cfr.charts.in_book_build).
    os.environ[BOOK_BUILD_ENV] = "1"
    app.connect("config-inited", _invalidate_stale_cache, priority=100)
    app.connect("env-get-outdated", _outdated)
    app.connect("html-page-context", _page_context)
    app.connect("html-page-context", _offer_notebook, priority=400)
    app.connect("builder-inited", _copy_plotly)
    app.connect("build-finished", _copy_assets)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


class PlotlyJsonMime:
    """MyST-NB mime plugin: Plotly's own JSON is for JupyterLab; the book shows the chart
    through the bundle's ``text/html`` (web) and ``image/png`` (PDF), so render it as nothing.
    Registered as entry point ``myst_nb.mime_renderers: plotly_json`` in pyproject.toml."""

    mime_priority_overrides = ()

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type == "application/vnd.plotly.v1+json":
            return []
        return None
