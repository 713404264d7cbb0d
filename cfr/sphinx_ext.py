"""A small Sphinx extension: serve plotly.js and the data files with the book, offline.

- ``plotly.min.js`` is copied from the installed plotly package into ``_static/`` at build
  time (never committed, never from a CDN) and loaded only on pages that hold a chart.
- ``data/`` (CSV tables, GeoJSON, datapackage.json) is copied into the built site, so each
  chart's "Download the data" link works on the web and from ``file://``.
"""
from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import shutil
from pathlib import Path

import plotly
from sphinx.builders.html._assets import _JavaScript
from sphinx.util import logging

from cfr import notebook_inputs
from cfr.parallel_execution import cache_dir, notebook_docs
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
STAMP_NAME = "cfr-notebook-inputs.json"


def _hash_folders(folders) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder.parent).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _look_changed(app, config):
    """Sphinx skips writing (and copying _static/) when no page is out of date, so an edited
    stylesheet or template would never reach the site: re-write every page when they change."""
    app.cfr_look_changed = False
    # ... and the cfr code the build runs: the directives (cfr.appendix: the data catalogue,
    # the claims register), the figures, this module. Sphinx does not track an extension's
    # code, so after an edit every page is read again (notebooks from the cache: a notebook
    # reruns only when its own inputs change, see _stale_notebooks) and written again.
    look = _hash_folders([Path(app.srcdir) / "_static", Path(app.srcdir) / "_templates",
                          PACKAGE_DIR])
    look_stamp = Path(app.outdir).parent / f"cfr-look-{Path(app.outdir).name}.sha256"
    if not look_stamp.exists() or look_stamp.read_text() != look:
        app.cfr_look_changed = look_stamp.exists()
        look_stamp.parent.mkdir(parents=True, exist_ok=True)
        look_stamp.write_text(look)


def _stale_notebooks(app, env, added, changed, removed):
    """MyST-NB's execution cache keys on a notebook's code cells only (jupyter-book #1633): an
    edited CSV or helper would leave old numbers on the page. Each notebook's inputs (the
    tables it reads, the cfr modules it imports: cfr.notebook_inputs) are fingerprinted; a
    notebook whose inputs changed loses its cache record and is read again, and only it.
    After a change of stylesheet or template every page is re-written (no notebook reruns)."""
    outdated = set(env.found_docs) if getattr(app, "cfr_look_changed", False) else set()
    if app.config["nb_execution_mode"] != "cache":
        return sorted(outdated)
    folder = cache_dir(app)
    stamp = folder.parent / STAMP_NAME
    old = json.loads(stamp.read_text()) if stamp.exists() else {}
    now = {doc: notebook_inputs.fingerprint(path, Path(app.srcdir) / "data")
           for doc, path in notebook_docs(env).items()}
    # No record of the inputs but a cache (an older build): nothing in it can be trusted.
    stale = set(now) if not old and folder.exists() else \
        {doc for doc in now if doc in old and old[doc] != now[doc]}
    if stale and folder.exists():
        from jupyter_cache import get_cache

        paths = {str(Path(env.doc2path(doc))) for doc in stale}
        records = get_cache(str(folder))
        for record in records.list_cache_records():
            if record.uri in paths:
                records.remove_cache(record.pk)
        logger.info(f"[cfr] inputs changed, notebooks to rerun: {', '.join(sorted(stale))}")
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps(now, indent=1, sort_keys=True))
    return sorted(outdated | stale)


def _is_thebe(asset) -> bool:
    text = f"{getattr(asset, 'filename', '') or ''} {getattr(asset, 'attributes', {}).get('body', '')} {asset}"
    return "thebe" in text.lower()


PRE = re.compile(r'<div class="highlight"><pre>.*?</pre></div>', re.S)
PLAIN_TOKEN = re.compile(r'<span class="(?:n|p|w)">([^<]*)</span>')


def _page_context(app, pagename, templatename, context, doctree):
    # sphinx-thebe (always loaded by Jupyter Book) declares THEBE_JS_URL twice per page, a
    # console error, and names a CDN. The book has no live kernels: drop its assets.
    body = context.get("body", "")
    if "cfr-plot" in body:
        # Charts are drawn when seen (_static/cfr-charts.js): plotly.js is not in <head>; the
        # loader fetches the partial bundle when it covers every trace type on the page, else
        # the full one, by a versioned URL that browsers may cache for good.
        types = {t for attr in TRACES_ATTR.findall(body) for t in attr.split()}
        partial = getattr(app, "cfr_partial_bundle", False) and types <= CARTESIAN_TRACES
        name = "plotly-cartesian.min.js" if partial else "plotly.min.js"
        src = f'{context["pathto"]("_static/" + name, 1)}?v={app.cfr_js_digest[name]}'
        app.add_js_file("cfr-charts.js", loading_method="defer", **{"data-plotly": src})
    context["cfr_description"] = _description(body)
    # Chart data links are written as "cfr-data:<path>" by cfr.charts.csv_href: make them
    # relative to this page, wherever the page sits in the site.
    if "body" in context and DATA_LINK_PREFIX in context["body"]:
        root = context["pathto"]("data/", 1)
        context["body"] = context["body"].replace(f'href="{DATA_LINK_PREFIX}', f'href="{root}')
    # pandas' tables (the analysis cells' outputs) leave the corner and index-name header
    # cells empty (axe: empty-table-header): give them a name screen readers can read.
    if "body" in context and 'class="dataframe' in context["body"]:
        context["body"] = re.sub(
            r'(<table[^>]*class="dataframe[^"]*"[^>]*>.*?</table>)',
            lambda m: m.group(1).replace("<th></th>",
                                         '<th><span class="visually-hidden">row</span></th>')
            # wide tables scroll sideways: keyboard users must be able to reach them
            .replace('class="dataframe"', 'class="dataframe" tabindex="0"', 1),
            context["body"], flags=re.S)
    # Code: Pygments wraps every name, punctuation mark and space in its own <span>, though
    # the book's styles draw those in the block's own colour (tests/test_html.py checks): a
    # third of a chapter's elements. Unwrapped, the page lays out faster and looks the same.
    if "body" in context and '<div class="highlight' in context["body"]:
        context["body"] = PRE.sub(lambda m: PLAIN_TOKEN.sub(r"\1", m.group(0)), context["body"])
        # A tab stop until the theme measures the block (only once it is rendered, see
        # THEME_TAB_STOPS): a block wider than the screen stays reachable by keyboard.
        context["body"] = context["body"].replace('<div class="highlight"><pre>',
                                                  '<div class="highlight"><pre tabindex="0">')
    # docutils marks bibliography entries with the deprecated ARIA role doc-biblioentry inside
    # a role="list" container (axe: aria-deprecated-role, aria-required-children).
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')
    for key in ("script_files", "css_files"):
        if key in context:
            context[key][:] = [a for a in context[key] if not _is_thebe(a)]
    if pagename != "search":  # the theme's search page runs its tools inline, at once
        _defer_scripts(context.get("script_files", []))


def _lighter_head(app, pagename, templatename, context, doctree):
    """Last of the page-context handlers (extensions add their stylesheets in theirs)."""
    if app.builder.format != "html":
        return
    context["cfr_styles"] = _bundle_styles(app, context.get("css_files", []))
    _inline_documentation_options(app, context.get("script_files", []))
    context.get("script_files", []).append(_JavaScript("", body=TAB_STOPS_JS))


# The stylesheets every page links before its text can paint, in the order the theme links
# them: the theme's (basic.css, which theme.css @imports, then pydata-sphinx-theme.css) and
# then Sphinx's css_files (extensions' and the book's own).
THEME_STYLES = ["basic.css", "styles/pydata-sphinx-theme.css"]
CSS_URL = re.compile(r"url\((['\"]?)(?!data:|https?:|/|#)([^)'\"]+)\1\)")
# Font Awesome's glyph rules (".fa-x:before{content:...}"), some 2,000 of them: the book draws
# its few icons from _static/cfr-icons.css and never uses the web font.
FA_GLYPHS = re.compile(r'(?:\.fa-[a-z0-9-]+:(?:before|after),?)+\{content:"[^"]*"\}')


def _rebased(css: str, folder: str) -> str:
    """``css`` from ``_static/<folder>`` with its relative url()s made relative to _static/."""
    if not folder:
        return css
    return CSS_URL.sub(lambda m: f"url({posixpath.normpath(posixpath.join(folder, m.group(2)))})",
                       css)


def _bundle_styles(app, css_files) -> list | None:
    """Three stylesheets instead of a dozen: a phone on a slow network waits for every
    stylesheet in <head> before it paints any text, and fetches at most six at a time. The
    theme's and the extensions' files are joined in their order into two bundles around
    pygments.css, which stays its own file because the theme rewrites it when the build ends.

    Some of those files are written only when the build ends (MyST-NB's stylesheet), so a page
    names each bundle by a placeholder for its list of files; _write_style_bundles joins the
    files then, names each bundle by its content's hash and puts the names in the pages.
    Returns what _templates/layout.html links: placeholder names and the pygments entry."""
    groups, pygments = [[*THEME_STYLES]], None
    for css in css_files:
        name = str(getattr(css, "filename", css) or "")
        if not name or "://" in name or getattr(css, "attributes", {}).get("media"):
            return None  # not a plain local stylesheet: keep the theme's links
        name = name.removeprefix("_static/")
        if name == "pygments.css":
            pygments = css
            groups.append([])
        else:
            groups[-1].append(name)
    if pygments is None or len(groups) != 2:
        return None
    lists = app.__dict__.setdefault("cfr_style_lists", {})
    out = []
    for names in groups:
        key = hashlib.sha256("\n".join(names).encode()).hexdigest()[:10]
        lists[key] = names
        out.append(f"{STYLE_PLACEHOLDER}{key}.css")
    return [out[0], pygments, out[1]]


STYLE_PLACEHOLDER = "cfr-styles-pending-"


def _write_style_bundles(app, exception) -> None:
    """When the build ends (after the theme and MyST-NB have written their stylesheets; this
    handler runs last): write each bundle and give the pages its name."""
    if exception is not None or app.builder.format != "html":
        return
    lists = getattr(app, "cfr_style_lists", {})
    if not lists:
        return
    out = Path(app.outdir)
    names = {key: _write_bundle(out / "_static", files) for key, files in lists.items()}
    missing = [key for key, name in names.items() if name is None]
    if missing:
        logger.warning(f"[cfr] stylesheets missing for bundles {missing}: "
                       f"{[lists[k] for k in missing]}")
        return
    for page in out.rglob("*.html"):
        if "lite" in page.relative_to(out).parts[:1]:
            continue
        text = page.read_text(encoding="utf-8")
        if STYLE_PLACEHOLDER not in text:
            continue
        for key, name in names.items():
            text = text.replace(f"{STYLE_PLACEHOLDER}{key}.css", f"{name}?v={name[11:21]}")
        page.write_text(text, encoding="utf-8")


def _write_bundle(static: Path, names: list[str]) -> str | None:
    parts = []
    for name in names:
        path = static / name
        if not path.is_file():
            return None
        css = _rebased(path.read_text(encoding="utf-8"), posixpath.dirname(name))
        if name == "styles/pydata-sphinx-theme.css":
            css = FA_GLYPHS.sub("", css)
        css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css.replace('@charset "UTF-8";', ""))
        parts.append(f"/* {name} */\n{css}")
    body = "\n".join(parts)
    digest = hashlib.sha256(body.encode()).hexdigest()[:10]
    (static / f"cfr-styles-{digest}.css").write_text(body, encoding="utf-8")
    return f"cfr-styles-{digest}.css"


def _inline_documentation_options(app, scripts) -> None:
    """documentation_options.js (a few hundred bytes the theme's inline scripts need at once)
    written into the page rather than fetched before the first paint."""
    if not hasattr(app, "cfr_documentation_options"):  # read once a build, not once a page
        path = Path(app.outdir) / "_static" / "documentation_options.js"
        app.cfr_documentation_options = (path.read_text(encoding="utf-8").strip()
                                         if path.is_file() else None)
    body = app.cfr_documentation_options
    for i, js in enumerate(scripts):
        if body and str(getattr(js, "filename", "") or "").endswith("documentation_options.js"):
            scripts[i] = _JavaScript("", priority=js.priority, body=body)


def _defer_scripts(scripts) -> None:
    """Scripts in <head> without ``defer`` hold the first paint until each is fetched and run.
    Deferred, they still run in their order, before DOMContentLoaded (when they act). Copies:
    the list's entries are shared with other pages (the search page keeps them as they are)."""
    for i, js in enumerate(scripts):
        attrs = getattr(js, "attributes", None)
        name = str(getattr(js, "filename", "") or "")
        if attrs is None or not name or "async" in attrs or "defer" in attrs:
            continue
        scripts[i] = _JavaScript(js.filename, priority=js.priority, **{**attrs, "defer": "defer"})


def _static_path(app, config):
    config.html_static_path.append(str(PACKAGE_DIR / "static"))


def executed_notebook(cache_dir: Path, source: Path):
    """The notebook ``source`` (MyST Markdown) with the outputs of its execution in the build's
    cache (glued values included). MyST-NB's own copy in ``jupyter_execute/`` has no outputs
    when they came from the cache, and never the glued values (they go to ``.glue.json``).
    Raises KeyError when the cache holds no execution of the notebook's current code."""
    from jupyter_cache import get_cache
    from myst_nb.core.read import myst_nb_reader_plugin

    _, merged = get_cache(str(cache_dir)).merge_match_into_notebook(
        myst_nb_reader_plugin(str(source)))
    return merged


def _offer_notebook(app, pagename, templatename, context, doctree):
    """Offer the executed notebook (.ipynb with outputs) in the page's download menu.

    The theme does this only when launch buttons are configured; the book has none. Runs
    before the theme builds its buttons (priority 501). The copy keeps Plotly's JSON (drawn by
    JupyterLab and VS Code) and the static PNG, and drops the book's HTML div, which needs the
    site's plotly.js and would show as a blank box in Jupyter."""
    if app.builder.format != "html" or not context.get("sourcename", "").endswith((".md", ".md.txt")):
        return
    source = Path(app.env.doc2path(pagename))
    if not source.read_text(encoding="utf-8").startswith("---\njupytext:"):
        return
    import nbformat

    try:
        nb = executed_notebook(cache_dir(app), source)
    except KeyError:
        logger.warning(f"[cfr] no executed notebook in the cache for {pagename}")
        return
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "application/vnd.plotly.v1+json" in data:
                data.pop("text/html", None)
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    context["ipynb_source"] = f"{pagename}.ipynb"


def _description(body: str, limit: int = 155) -> str:
    """The page's first paragraph as plain text, cut at a word: its meta description."""
    import html as html_lib

    for para in re.findall(r"<p>(.*?)</p>", body, flags=re.S):
        text = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", para)).split())
        if len(text) >= 40:
            return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
    return ""


def _copy_plotly(app):
    """Before any page is written, so each page can name it by a versioned URL (?v=<checksum>)
    and a host can let browsers cache it for good."""
    if app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    shutil.copy2(PLOTLY_JS, static / "plotly.min.js")
    app.cfr_js_digest = {"plotly.min.js": _digest(PLOTLY_JS)}
    partial = Path(app.srcdir) / CARTESIAN_JS
    app.cfr_partial_bundle = partial.exists() and _js_version(partial) == _js_version(PLOTLY_JS)
    _write_icons(static / "cfr-icons.css")
    if app.cfr_partial_bundle:
        shutil.copy2(partial, static / "plotly-cartesian.min.js")
        app.cfr_js_digest["plotly-cartesian.min.js"] = _digest(partial)
    else:
        logger.info(f"[cfr] no partial plotly.js bundle matching plotly.py's ({partial}): "
                    "every chart page loads the full plotly.min.js")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


# The theme's Font Awesome script (1.5 MB) turns <i class="fa-solid fa-..."> into SVG on every
# page. The book uses a dozen icons: their SVG paths are taken from that same script at build
# time and served as a small stylesheet of CSS masks (_templates/layout.html drops the script).
ICONS = ["angle-left", "angle-right", "arrow-up", "bars", "circle-half-stroke", "download",
         "expand", "file", "file-pdf", "list", "magnifying-glass", "moon", "outdent", "sun",
         "code", "compress", "xmark", "chevron-down", "chevron-right", "list-ul",
         "up-right-from-square", "copy", "check", "link", "rocket"]
# The theme marks each kind of admonition with a glyph of the same web font (title::after).
ADMONITION_ICONS = {"": "bell", "attention": "circle-exclamation", "caution": "triangle-exclamation",
                    "danger": "triangle-exclamation", "error": "circle-xmark", "hint": "lightbulb",
                    "important": "circle-exclamation", "note": "circle-info", "seealso": "share",
                    "tip": "lightbulb", "todo": "pencil", "warning": "triangle-exclamation"}


def _theme_fontawesome() -> str:
    import pydata_sphinx_theme

    return (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" /
            "static" / "scripts" / "fontawesome.js").read_text(encoding="utf-8")


def solid_icons(names=ICONS) -> dict:
    """{name: (width, height, svg path)} for Font Awesome's solid set, read from the theme's
    bundled fontawesome.js (the solid definitions sit just before its 'fa-solid' call)."""
    js = _theme_fontawesome()
    end = js.index('d("fa-solid",')
    start = js.rindex('d("fa-regular",', 0, end)
    found = {}
    for name in names:
        # The minifier quotes only keys that need it ("file-pdf", but bars).
        key = re.escape(name) if re.fullmatch(r"[a-z]\w*", name) else f'"{re.escape(name)}"'
        m = re.search(r'[{,]%s:\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]+","([^"]+)"\]' % key,
                      js[start:end])
        if m:
            found[name] = (int(m.group(1)), int(m.group(2)), m.group(3))
    return found


def _write_icons(path: Path) -> None:
    from urllib.parse import quote

    rules = [".fa-solid, .fas, .fa { display: inline-block; height: 1em; width: 1em; "
             "vertical-align: -0.125em; background-color: currentColor; "
             "-webkit-mask: var(--cfr-icon) center / contain no-repeat; "
             "mask: var(--cfr-icon) center / contain no-repeat; }",
             ".fa-lg { font-size: 1.25em; line-height: 0.05em; vertical-align: -0.075em; }",
             # The theme's stylesheet would also draw each icon from a 150 KB web font.
             ".fa-solid::before, .fas::before, .fa::before { content: none !important; }"]
    icons = solid_icons([*ICONS, *set(ADMONITION_ICONS.values())])

    def url(name):
        w, h, d = icons[name]
        svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}"><path d="{d}"/></svg>'
        return f'url("data:image/svg+xml,{quote(svg)}")'

    for name in sorted(set(ICONS) & set(icons)):
        w, h, _ = icons[name]
        rules.append(f'.fa-{name} {{ --cfr-icon: {url(name)}; width: {w / h:.4f}em; }}')
    # Admonition titles: the same glyphs as masks, so no page needs the web font.
    title = ".admonition{}>.admonition-title::after, div.admonition{}>.admonition-title::after"
    rules.append(title.format("", "") + " { content: \"\" !important; font: inherit !important; "
                 "background-color: currentColor; -webkit-mask: var(--cfr-icon) center / contain "
                 "no-repeat; mask: var(--cfr-icon) center / contain no-repeat; }")
    for kind, name in ADMONITION_ICONS.items():
        cls = f".{kind}" if kind else ""
        rules.append(f"{title.format(cls, cls)} {{ --cfr-icon: {url(name)}; }}")
    path.write_text("/* Generated by cfr.sphinx_ext from the theme's Font Awesome (solid set, "
                    "CC BY 4.0 icons). */\n" + "\n".join(rules) + "\n", encoding="utf-8")


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
    _patch_theme_tab_stops(out / "_static" / "scripts" / "pydata-sphinx-theme.js")


# The theme gives every scrollable code block or output a tab stop, measuring each one's
# scroll width at load and after any change to the page (a chart drawn): that measures, so lays
# out, the whole chapter, sections off screen included (content-visibility: auto in cfr.css),
# one long task of 0.3 s on a desktop and over a second on a phone. Patched to measure only
# what is rendered; blocks in a section are measured when it comes into view (TAB_STOPS_JS).
THEME_TAB_STOPS = "e.tabIndex=e.scrollWidth>e.clientWidth||e.scrollHeight>e.clientHeight?0:-1"
THEME_TAB_STOPS_PATCHED = ("e.checkVisibility&&!e.checkVisibility({contentVisibilityAuto:!0})||"
                           f"({THEME_TAB_STOPS})")
TAB_STOPS_JS = """document.addEventListener("contentvisibilityautostatechange", function (ev) {
  if (ev.skipped) return;
  ev.target.querySelectorAll("pre, .cell_output > .output").forEach(function (e) {
    e.tabIndex = e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight ? 0 : -1;
  });
}, true);
(function () {
  /* A link to a place in the page (a permalink, a figure reference, the contents): lay out
     the whole chapter first (cfr.css: .cfr-full-layout), so the browser scrolls to where the
     target really is, not to where the sections above it were estimated to end. */
  var root = document.documentElement;
  function full() { root.classList.add("cfr-full-layout"); }
  if (location.hash) full();
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[href*='#']");
    if (a && a.pathname === location.pathname) full();
  }, true);
  window.addEventListener("hashchange", function () {
    full();
    var t = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (t) t.scrollIntoView();
  });
})();"""


def _patch_theme_tab_stops(path: Path) -> None:
    if not path.is_file():
        return
    js = path.read_text(encoding="utf-8")
    if THEME_TAB_STOPS_PATCHED in js:
        return
    if js.count(THEME_TAB_STOPS) != 1:
        logger.warning("[cfr] the theme's tab-stop code changed: pages will measure every "
                       "code block at load (see cfr.sphinx_ext.THEME_TAB_STOPS)")
        return
    path.write_text(js.replace(THEME_TAB_STOPS, THEME_TAB_STOPS_PATCHED), encoding="utf-8")


def setup(app):
    from cfr import figures

    # Kernels started by MyST-NB inherit this: the charts renderer adds the HTML div and the
    # static PNG only in the book build (cfr.charts.in_book_build).
    os.environ[BOOK_BUILD_ENV] = "1"
    app.connect("config-inited", _look_changed, priority=100)
    app.connect("env-get-outdated", _stale_notebooks)
    app.connect("html-page-context", _page_context)
    app.connect("html-page-context", _lighter_head, priority=990)
    app.connect("html-page-context", _offer_notebook, priority=400)
    app.connect("builder-inited", _copy_plotly)
    app.connect("build-finished", _copy_assets)
    app.connect("build-finished", _write_style_bundles, priority=990)
    app.add_css_file("cfr-icons.css")
    # The package's own front-end files (cfr-charts.js); not in the book's _static/, which
    # Jupyter Book would load on every page.
    app.connect("config-inited", _static_path)
    # Charts as numbered, linkable, citable figures with their own table and CSV (issue 19).
    figures.setup(app)
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
