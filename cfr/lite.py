"""Sphinx extension: "Run this chapter in your browser" (JupyterLite, served by the site).

Loaded after ``jupyterlite_sphinx`` (see ``_config.yml``). For each chapter that is a notebook
(the intro and the theme chapters) it

- writes a live copy ``chapters/<name>.ipynb`` for JupyterLite: the chapter's cells, the
  kernel Pyodide's (no "Select Kernel" dialog), ``from myst_nb import glue`` read as
  ``from cfr import glue`` (MyST-NB does not run in the browser), no outputs (the reader runs
  it); next to it ``data/`` (every table and ``datapackage.json``);
- gives the served Pyodide (``lite/static/pyodide/``, made by ``scripts/lite_dist.py``) the
  book's own ``cfr`` package as a wheel, so ``from cfr import ...`` loads it without a dialog;
  checks every file of that folder against the official ``pyodide-lock.json`` or the pins in
  ``lite/packages.toml`` and fails the build on any mismatch;
- puts a plain link "Run this chapter in your browser" under the chapter's title: nothing is
  loaded until the reader clicks it, and the reading page gets no script or stylesheet (the
  ones ``jupyterlite_sphinx`` adds to every page, and its Google Fonts stylesheet, are
  removed);
- fails the build if a page or a JupyterLite asset names an off-site script, stylesheet,
  font, iframe, image, Pyodide or package URL: the live notebook loads only from the site.

It runs ``jupyterlite_sphinx``'s JupyterLite build itself, between its own preparation and
checks, and only when what that build reads has changed (a fingerprint next to the output):
an unchanged rebuild skips it. Everything per build (JupyterLite's folder, the notebooks)
goes under the build's output folder (``_build/lite-work``), so builds can run side by side.
"""
from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import re
import shutil
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

LOG = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[1]
LITE_SRC = ROOT / "lite"
LITE_OUT = "lite"  # jupyterlite_sphinx writes the JupyterLite site to <html>/lite
#: pages that get a live notebook: the intro and the theme chapters
PAGES = ["intro", "chapters/donors", "chapters/powers", "chapters/borders", "chapters/un",
         "chapters/mekong"]
#: cfr modules that import Sphinx or docutils are the build's own: not shipped to the browser
_BUILD_ONLY = re.compile(r"^\s*(?:from|import)\s+(?:sphinx|docutils)\b", re.M)
KERNEL = {"name": "python", "display_name": "Python (Pyodide)", "language": "python"}
LINK_TEXT = "Run this chapter in your browser"
#: measured by tests/test_lite.py and `make bench` (live_notebook.first_use_mb)
FIRST_USE_MB = 56

_GLUE_IMPORT = re.compile(r"^(\s*)from myst_nb import glue\b", re.M)
_GLUE_ROLE = re.compile(r"\{glue(?::\w+)?\}`([^`:]+)(?::[^`]*)?`")
_CITE_ROLE = re.compile(r"\{cite(?::\w+)?\}`([^`]+)`")
_LABEL = re.compile(r"^\(\S+\)=[ \t]*\n?", re.M)  # MyST target "(name)=": not for readers
_FENCE_OPEN = re.compile(r"^:{3,}\{\w+\}[ \t]*(.*)\n(?::\w+:.*\n)*", re.M)  # ":::{note} T"
_FENCE_CLOSE = re.compile(r"^:{3,}[ \t]*$\n?", re.M)
_OTHER_ROLE = re.compile(r"\{(?:ref|doc|numref|term|abbr)\}`([^`<]+?)\s*(?:<[^`]*>)?`")
_OFFSITE_CSS = re.compile(r"(?:@import\s+|url\(\s*)[\"']?((?:https?:)?//[^\"')\s]+)", re.I)
_OFFSITE_STR = re.compile(r"^(?:https?:)?//")


def _lite_dist():
    """scripts/lite_dist.py as a module (pins, sha256 checks)."""
    spec = importlib.util.spec_from_file_location("lite_dist", ROOT / "scripts" / "lite_dist.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _work(app) -> Path:
    """This build's scratch folder for JupyterLite (next to the html output)."""
    return Path(app.outdir).parent / "lite-work"


# --- configuration (before jupyterlite_sphinx reads it) ---------------------------------------
def _configure(app, config) -> None:
    work = _work(app)
    lite_dir = work / "lite-dir"
    contents = work / "contents"
    shutil.rmtree(work, ignore_errors=True)
    lite_dir.mkdir(parents=True)
    for name in ("jupyter-lite.json", "overrides.json"):
        shutil.copy2(LITE_SRC / name, lite_dir / name)
    # Only the two front-end extensions the notebooks need (not every one in the venv).
    lab = Path(sys.prefix) / "share" / "jupyter" / "labextensions"
    conf = json.loads((LITE_SRC / "jupyter_lite_config.json").read_text())
    conf["LiteBuildConfig"]["federated_extensions"] = [
        str(lab / "@jupyterlite" / "pyodide-kernel-extension"), str(lab / "jupyterlab-plotly")]
    (lite_dir / "jupyter_lite_config.json").write_text(json.dumps(conf, indent=1))
    config.jupyterlite_dir = str(lite_dir)
    config.jupyterlite_config = str(lite_dir / "jupyter_lite_config.json")
    config.jupyterlite_overrides = str(lite_dir / "overrides.json")
    config.jupyterlite_content_dir = str(contents)  # an absolute path stays absolute
    config.jupyterlite_contents = []
    config.jupyterlite_bind_ipynb_suffix = False


def _drop_page_assets(app) -> None:
    """No JupyterLite script, stylesheet or web font on the reading pages."""
    def keep(filename) -> bool:
        name = str(getattr(filename, "filename", filename))
        return "jupyterlite_sphinx" not in name and "fonts.googleapis.com" not in name

    app.registry.css_files[:] = [(f, a) for f, a in app.registry.css_files if keep(f)]
    app.registry.js_files[:] = [(f, a) for f, a in app.registry.js_files if keep(f)]
    for attr in ("_css_files", "_js_files"):
        files = getattr(app.builder, attr, None)
        if files is not None:
            files[:] = [f for f in files if keep(f)]


# --- the launch link -------------------------------------------------------------------------
def _add_link(app, doctree, docname) -> None:
    if app.builder.format != "html" or docname not in PAGES:
        return
    href = "../" * docname.count("/") + f"{LITE_OUT}/notebooks/index.html?path={docname}.ipynb"
    html = (f'<p class="cfr-run-live"><a class="btn btn-sm btn-outline-primary" href="{href}">'
            f'{LINK_TEXT}</a> <small>This page\'s code as a live notebook: Python runs inside '
            'your browser, with nothing to install and no server. The first use loads about '
            f'{FIRST_USE_MB} MB from this site.</small></p>')
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    title = next(iter(section.findall(nodes.title)), None)
    index = section.index(title) + 1 if title is not None else 0
    section.insert(index, nodes.raw("", html, format="html"))


# --- the live notebooks and what they need ---------------------------------------------------
def live_notebook(source: Path):
    """The chapter as the notebook a reader runs in JupyterLite (see the module docstring)."""
    import jupytext

    nb = jupytext.read(source)
    nb.metadata["kernelspec"] = dict(KERNEL)
    nb.metadata.pop("jupytext", None)
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"  # stable ids: the same chapter makes the same notebook
        if cell.cell_type == "code":
            cell.source = _GLUE_IMPORT.sub(r"\1from cfr import glue", cell.source)
            cell.outputs, cell.execution_count = [], None
        elif cell.cell_type == "markdown":
            # A pasted number reads as its name: run the notebook to see the value.
            text = _GLUE_ROLE.sub(lambda m: f"`{m.group(1)}`", cell.source)
            text = _CITE_ROLE.sub(lambda m: f"[{m.group(1)}]", text)
            text = _OTHER_ROLE.sub(lambda m: m.group(1), text)
            text = _FENCE_OPEN.sub(lambda m: f"**{m.group(1).strip()}**\n\n" if m.group(1).strip()
                                   else "", _LABEL.sub("", text))
            cell.source = _FENCE_CLOSE.sub("", text).strip()
    return nb


def cfr_wheel(dest: Path) -> tuple[str, str]:
    """The ``cfr`` package (without its Sphinx modules) as a wheel in ``dest``:
    (file name, sha256). Reproducible (fixed timestamps, sorted entries); its version carries
    a digest of the code, so a browser never reuses a cached wheel of older code."""
    code = {f"cfr/{p.name}": p.read_bytes() for p in sorted((ROOT / "cfr").glob("*.py"))
            if not _BUILD_ONLY.search(p.read_text(encoding="utf-8"))}
    digest = hashlib.sha256(b"".join(k.encode() + v for k, v in code.items())).hexdigest()
    version = f"0.1.0+{digest[:12]}"
    name = f"cfr-{version}-py3-none-any.whl"
    info = f"cfr-{version}.dist-info"
    files = dict(code)
    files[f"{info}/METADATA"] = (f"Metadata-Version: 2.1\nName: cfr\nVersion: {version}\n"
                                 "Requires-Dist: pandas\nRequires-Dist: plotly\n").encode()
    files[f"{info}/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: cfr.lite\nRoot-Is-Purelib: true\n"
                              b"Tag: py3-none-any\n")
    record = []
    for path, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{info}/RECORD,,")
    files[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
    path = dest / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for arc, data in sorted(files.items()):
            zi = zipfile.ZipInfo(arc, date_time=(2020, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(zi, data)
    return name, hashlib.sha256(path.read_bytes()).hexdigest()


def _prepare(app) -> None:
    """Live notebooks, data and the checked Pyodide copy, before JupyterLite is built."""
    work = _work(app)
    contents = Path(app.config.jupyterlite_content_dir)
    contents.mkdir(parents=True, exist_ok=True)
    import nbformat

    for page in PAGES:
        source = Path(app.srcdir) / f"{page}.md"
        if page not in app.env.found_docs or not source.exists():
            continue
        target = contents / f"{page}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(live_notebook(source), target)
    data = Path(app.srcdir) / "data"
    shutil.copytree(data, contents / "data", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("*.md", "lineage.json"))

    dist = _lite_dist()
    served = work / "lite-dir" / "static" / "pyodide"
    if not (dist.OUT / "pyodide-lock.json").exists():
        raise RuntimeError(f"{dist.OUT} is missing: run `make lite` (scripts/lite_dist.py)")
    shutil.rmtree(served, ignore_errors=True)
    shutil.copytree(dist.OUT, served)
    wheel, sha = cfr_wheel(served)
    version = wheel.split("-")[1]
    lock_path = served / "pyodide-lock.json"
    lock = json.loads(lock_path.read_text())
    lock["packages"]["cfr"] = {
        "name": "cfr", "version": version, "file_name": wheel, "install_dir": "site",
        "sha256": sha, "package_type": "package", "imports": ["cfr"],
        "depends": ["pandas", "plotly"], "unvendored_tests": False, "shared_library": False}
    lock_path.write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")
    problems = dist.verify(served, extra_files={"cfr": sha})
    if problems:
        raise RuntimeError("the Pyodide copy does not match its pins:\n  "
                           + "\n  ".join(problems))


def _fingerprint(app) -> str:
    """Everything the JupyterLite build reads: its folder (configuration, Pyodide copy, cfr
    wheel), the notebooks and data, and the versions of the JupyterLite packages."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    for pkg in ("jupyterlite-core", "jupyterlite-sphinx", "jupyterlite-pyodide-kernel", "plotly"):
        digest.update(f"{pkg}=={version(pkg)}\n".encode())
    work = _work(app)
    for path in sorted(p for p in work.rglob("*") if p.is_file()):
        digest.update(path.relative_to(work).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _make_lite(app) -> str:
    """Prepare and build JupyterLite (only when its inputs changed: a rebuild of unchanged
    sources costs seconds, not a minute); the inputs' fingerprint."""
    _prepare(app)
    out = Path(app.outdir) / LITE_OUT
    stamp = _stamp(app)
    now = _fingerprint(app)
    if out.joinpath("notebooks", "index.html").exists() and stamp.exists() \
            and stamp.read_text() == now:
        LOG.info("[cfr.lite] live notebooks unchanged: JupyterLite build skipped")
    else:
        from jupyterlite_sphinx.jupyterlite_sphinx import jupyterlite_build

        stamp.unlink(missing_ok=True)
        shutil.rmtree(out, ignore_errors=True)  # no stale file (an older cfr wheel) survives
        jupyterlite_build(app, None)
    return now


def _stamp(app) -> Path:
    return Path(app.outdir).parent / f"cfr-lite-{Path(app.outdir).name}.sha256"


def _start_lite(app, env) -> None:
    """JupyterLite reads the sources, not the built pages, so it builds in a background thread
    while Sphinx reads or writes the pages (once a build, from whichever event comes first)."""
    if app.builder.format == "html" and getattr(app, "cfr_lite", None) is None:
        app.cfr_lite = ThreadPoolExecutor(1, thread_name_prefix="cfr-lite").submit(_make_lite, app)


def _start_lite_with_reading(app, env, docnames) -> None:
    """From the start of the reading, unless notebooks execute on every core
    (``cfr.parallel_execution``): then from env-updated, once every page is read, on the core
    Sphinx's writing leaves free."""
    if not getattr(app, "cfr_executing", None):
        _start_lite(app, env)


def _build_lite(app, exc) -> None:
    """Wait for the JupyterLite build, then check the pages and what it made."""
    if app.builder.format != "html":
        return
    running = getattr(app, "cfr_lite", None)
    if exc:
        if running is not None:
            running.cancel()
        return
    now = running.result() if running is not None else _make_lite(app)
    bad = offsite_in_pages(Path(app.outdir))
    if bad:
        raise RuntimeError("off-site resources in built pages:\n  " + "\n  ".join(bad))
    out = Path(app.outdir) / LITE_OUT
    stamp = _stamp(app)
    bad = offsite_in_lite(out)
    if bad:
        raise RuntimeError("off-site URLs in the live-notebook assets:\n  " + "\n  ".join(bad))
    dist = _lite_dist()
    served = out / "static" / "pyodide"
    lock = json.loads((served / "pyodide-lock.json").read_text())
    problems = dist.verify(served, extra_files={"cfr": lock["packages"]["cfr"]["sha256"]})
    if problems:
        raise RuntimeError("served Pyodide files do not match their pins:\n  "
                           + "\n  ".join(problems))
    stamp.write_text(now)
    # jupyterlite_sphinx copies its page assets into _static; no page uses them.
    for name in ("jupyterlite_sphinx.css", "jupyterlite_sphinx.js"):
        (Path(app.outdir) / "_static" / name).unlink(missing_ok=True)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    LOG.info(f"[cfr.lite] live notebooks: {out} ({size / 1e6:.1f} MB, checked)")


# --- the off-site check ----------------------------------------------------------------------
class _Loads(HTMLParser):
    """What a page makes the browser fetch: scripts, stylesheets, icons, preloads, frames,
    images, media (not links a person follows, nor ``rel="canonical"`` addresses)."""
    FETCHING_RELS = {"stylesheet", "icon", "shortcut", "preload", "modulepreload", "prefetch",
                     "manifest", "apple-touch-icon"}

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and set((a.get("rel") or "").lower().split()) & self.FETCHING_RELS:
            self.urls.append(a.get("href") or "")
        elif tag in ("script", "iframe", "img", "source", "audio", "video", "embed", "track"):
            self.urls.append(a.get("src") or "")
        elif tag == "object":
            self.urls.append(a.get("data") or "")


# A tag that loads something (the _Loads tags) naming a scheme-relative or http(s) address: only
# pages with one are parsed (most have none, and parsing every page costs a second a build).
_MAYBE_OFFSITE = re.compile(r"<(?:link|script|iframe|img|source|audio|video|embed|track|object)"
                            r"\b[^>]*=\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)


def _offsite_tags(text: str) -> list[str]:
    if not _MAYBE_OFFSITE.search(text):
        return []
    parser = _Loads()
    parser.feed(text)
    return [u for u in parser.urls if _OFFSITE_STR.match(u.strip())]


def offsite_in_pages(html_dir: Path) -> list[str]:
    """Off-site scripts, stylesheets, fonts, frames and images named by the book's pages."""
    bad = []
    for page in sorted(html_dir.rglob("*.html")):
        if LITE_OUT in page.relative_to(html_dir).parts[:1]:
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        bad += [f"{page.relative_to(html_dir)}: {u}" for u in _offsite_tags(text)]
    for css in sorted((html_dir / "_static").rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        bad += [f"{css.relative_to(html_dir)}: {u}" for u in _OFFSITE_CSS.findall(text)]
    return bad


def offsite_in_lite(lite_dir: Path) -> list[str]:
    """Off-site URLs in what JupyterLite loads: its pages' tags, stylesheets (fonts), every
    string in its configuration (jupyter-lite.json: Pyodide URL, extensions, ...), the
    package index of the kernel and the served Pyodide lock."""
    bad = []
    for page in sorted(lite_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8", errors="replace")
        bad += [f"{page.relative_to(lite_dir)}: {u}" for u in _offsite_tags(text)]
    for css in sorted(lite_dir.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        bad += [f"{css.relative_to(lite_dir)}: {u}" for u in _OFFSITE_CSS.findall(text)]

    def strings(obj, where):
        if isinstance(obj, dict):
            for k, v in obj.items():
                yield from strings(v, f"{where}.{k}")
        elif isinstance(obj, list):
            for i, v in enumerate(obj):
                yield from strings(v, f"{where}[{i}]")
        elif isinstance(obj, str):
            yield where, obj

    configs = [*lite_dir.rglob("jupyter-lite.json"), *lite_dir.rglob("all.json"),
               *lite_dir.rglob("pyodide-lock.json")]
    for conf in sorted(configs):
        data = json.loads(conf.read_text())
        for where, value in strings(data, ""):
            if _OFFSITE_STR.match(value) and not _is_harmless(where):
                bad.append(f"{conf.relative_to(lite_dir)}{where}: {value}")
    return bad


def _is_harmless(where: str) -> bool:
    """Strings that are links for a person to follow, never fetched by the page."""
    return bool(re.search(r"\.(homepage|repository|bugs|url_docs|licenses?|author|"
                          r"description|\$schema|\$id)$|\.(repository|bugs)\.url$", where))


def setup(app):
    app.setup_extension("jupyterlite_sphinx")
    app.connect("config-inited", _configure, priority=400)  # before jupyterlite_sphinx (500)
    app.connect("builder-inited", _drop_page_assets, priority=900)
    app.connect("doctree-resolved", _add_link)
    # jupyterlite_sphinx would rebuild JupyterLite after every build: cfr.lite runs it itself,
    # between its own preparation and checks, and only when its inputs changed.
    from jupyterlite_sphinx.jupyterlite_sphinx import jupyterlite_build

    for listener in list(app.events.listeners["build-finished"]):
        if listener.handler is jupyterlite_build:
            app.disconnect(listener.id)
    # After cfr.parallel_execution's listener (400), which forks its workers first.
    app.connect("env-before-read-docs", _start_lite_with_reading, priority=600)
    app.connect("env-updated", _start_lite)
    app.connect("build-finished", _build_lite)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
