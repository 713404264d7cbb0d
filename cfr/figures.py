"""Every chart a citable, checkable object (issue 19): numbered figure, permalink, table view,
its own CSV, citation, sharing metadata and the list of figures. A part of the book's Sphinx
extension (:mod:`cfr.sphinx_ext` calls :func:`setup`).

How a chart becomes a figure:

1. Reading a page (any builder): :class:`ChartFigures` finds each chart output of the book's
   renderer (the ``text/html`` of :class:`cfr.charts.BookRenderer`, with the figure's Plotly
   JSON inside), and wraps the output in a ``figure`` node whose id and label are
   ``fig-<page>-<name>`` (``name`` from ``charts.finish(..., name=...)``) and whose caption
   is the chart's title. Sphinx numbers it (``numfig``, by chapter: "Figure 3.2"),
   ``{numref}`fig-mekong-dam-map``` refers to it, and LaTeX writes it as a
   ``figure`` with ``\\caption`` and ``\\label``, so the PDF numbers the same figures the
   same way and lists them (``\\listoffigures``). The values the chart draws are read from
   its JSON (:func:`cfr.chart_table.tidy`) and kept in the environment with its metadata.
2. Writing an HTML page: :class:`HtmlChartFigures` turns each figure into the renderer's
   ``<figure class="cfr-chart">`` with the number and a permalink in its title line, a
   "Table" view (an HTML table of exactly the drawn values), a link to the chart's own CSV
   (``_charts/<page>/<name>.csv``, written here with title, source and licence lines), a
   "Cite" box and a "Copy link" button (``_static/cfr-figures.js``). The static PNG goes to
   ``_charts/<page>/<name>.png`` for the list of figures and for link previews.
3. Every HTML page gets Open Graph / Twitter metadata (title, description, the page's first
   chart as image) and a "Cite this chapter / the report" box; ``{cfr-figure-list}`` (the
   Figures appendix) lists every chart of the book with thumbnail, number, title and chapter.

Links in citations and link previews are absolute when ``html.baseurl`` is set in
``_config.yml``; without it they are relative (the browser shows the page's own address in
the citation; ``cfr-figures.js`` fills it in).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
import shutil
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from cfr.chart_table import csv_text, is_year_column, number_text, tidy

logger = logging.getLogger(__name__)

CHART_MARK = 'class="cfr-chart'
JSON_SCRIPT = re.compile(r'<script type="application/json" data-cfr-for="[^"]+">(.*?)</script>',
                         re.S)
CHARTS_DIR = "_charts"
MAX_TABLE_ROWS = 400  # shown in the page; the chart's CSV has every row


def anchor(docname: str, name: str) -> str:
    """The chart's id and label: ``fig-<page>-<name>`` (``page``: the file name)."""
    return f"fig-{docname.rsplit('/', 1)[-1]}-{name}"


DATA_SCRIPT = re.compile(r'<script type="application/json" data-cfr-for="([^"]+)" '
                         r'data-src="([^"?]+)(?:\?v=[0-9a-f]+)?"></script>')
DATA_CALL = re.compile(r'^window\.cfrChartData\("[^"]+", (.*)\);\s*$', re.S)


def chart_spec(raw_html: str, page_file: Path | None = None) -> dict | None:
    """The Plotly JSON a chart draws: inline in the notebook's output, or, in a built page, in
    the chart's data file beside it (``page_file``: the page, to resolve the file's URL)."""
    m = JSON_SCRIPT.search(raw_html)
    if m:
        return json.loads(m.group(1).replace("<\\/", "</"))
    m = DATA_SCRIPT.search(raw_html)
    if m and page_file is not None:
        text = (page_file.parent / m.group(2)).read_text(encoding="utf-8")
        return json.loads(DATA_CALL.match(text).group(1))
    return None


def externalise_data(text: str, folder: Path, name: str, href: str) -> str:
    """Move the figure's JSON out of the page into ``<folder>/<name>.js`` (a script that hands
    it to cfr-charts.js), fetched only when the chart is drawn: the page's HTML is what a
    reader waits for, and most charts are far below the fold. A script, not a .json fetch, so
    the charts also draw from a copy of the site opened from disk (file://)."""
    m = JSON_SCRIPT.search(text)
    if not m:
        return text
    ident = re.search(r'data-cfr-for="([^"]+)"', m.group(0)).group(1)
    body = f'window.cfrChartData("{ident}", {m.group(1)});\n'
    (folder / f"{name}.js").write_text(body, encoding="utf-8")
    version = hashlib.sha256(body.encode()).hexdigest()[:8]
    tag = (f'<script type="application/json" data-cfr-for="{ident}" '
           f'data-src="{html.escape(href)}?v={version}"></script>')
    return text[:m.start()] + tag + text[m.end():]


def _chart_bundles(document):
    """(mime_bundle node, its text/html) for each chart output on a page."""
    def is_bundle(n):
        return isinstance(n, nodes.container) and n.get("nb_element") == "mime_bundle"

    for bundle in list(document.findall(is_bundle)):
        for mime in bundle.children:
            if mime.get("mime_type") == "text/html":
                text = "".join(r.astext() for r in mime.findall(nodes.raw))
                if CHART_MARK in text and "data-cfr-for=" in text:
                    yield bundle, text


def _png_path(bundle, srcdir: str) -> str:
    for mime in bundle.children:
        if mime.get("mime_type") == "image/png":
            for img in mime.findall(nodes.image):
                uri = img.get("original_uri") or img["uri"]
                return str((Path(srcdir) / uri.lstrip("/")).resolve())
    return ""


class ChartFigures(SphinxTransform):
    """Read phase: wrap each chart output in a numbered, labelled ``figure`` (see module)."""

    default_priority = 200

    def apply(self, **kwargs):
        docname = self.env.docname
        charts = []
        for bundle, text in _chart_bundles(self.document):
            spec = chart_spec(text)
            meta = (spec or {}).get("layout", {}).get("meta", {}) or {}
            if "cfr_title" not in meta:
                continue
            from cfr.charts import slug

            name = meta.get("cfr_name") or slug(meta["cfr_title"])
            ident = anchor(docname, name)
            if any(c["anchor"] == ident for c in charts):
                logger.warning(f"two charts on {docname} are named {name!r}: give each its own "
                               "charts.finish(..., name=...)", location=bundle)
                continue
            figure = nodes.figure(classes=["cfr-figure"])
            figure["ids"], figure["names"] = [ident], [ident]
            bundle.replace_self(figure)
            figure += bundle
            figure += nodes.caption("", meta["cfr_title"])
            figure.source, figure.line = bundle.source, bundle.line
            self.document.note_explicit_target(figure)
            charts.append(dict(
                anchor=ident, name=name, title=meta["cfr_title"],
                subtitle=meta.get("cfr_subtitle", ""), source=meta.get("cfr_source", ""),
                note=meta.get("cfr_note", ""), alt=meta.get("cfr_alt", ""),
                tables=list(meta.get("cfr_tables", [])), png=_png_path(bundle, self.env.srcdir),
                table=tidy(spec)))
        if not hasattr(self.env, "cfr_charts"):
            self.env.cfr_charts = {}
        self.env.cfr_charts[docname] = charts


def _purge(app, env, docname):
    getattr(env, "cfr_charts", {}).pop(docname, None)
    getattr(env, "cfr_figure_lists", set()).discard(docname)


def _merge(app, env, docnames, other):
    env.cfr_charts = getattr(env, "cfr_charts", {})
    env.cfr_charts.update({d: c for d, c in getattr(other, "cfr_charts", {}).items()
                           if d in docnames})
    env.cfr_figure_lists = getattr(env, "cfr_figure_lists", set()) | \
        (getattr(other, "cfr_figure_lists", set()) & set(docnames))


def figure_number(env, config, docname: str, ident: str) -> str:
    """'Figure 3.2' as Sphinx numbers it (the same as LaTeX: by chapter, none in the intro)."""
    num = env.toc_fignumbers.get(docname, {}).get("figure", {}).get(ident)
    if not num:
        return ""
    return config.numfig_format["figure"] % ".".join(map(str, num))


# --- citation -------------------------------------------------------------------------------
def report_title(config) -> str:
    """The book's title from _config.yml (Jupyter Book passes it as ``html_title``)."""
    return config.html_title or config.project


def licence_text(tables: list[str]) -> str:
    """The licence lines of the chart's tables in data/datapackage.json (the package's own
    licence for tables that name none)."""
    from cfr.data import package, resource_info

    default = [lic.get("title") or lic.get("name") for lic in package().get("licenses", [])]
    out = []
    for table in tables:
        try:
            lic = [x.get("title") or x.get("name") for x in resource_info(table).get("licenses", [])]
        except Exception:  # a table missing from the package: say where to look
            lic = []
        out.append(f"{table}: {'; '.join(lic or default) or 'see data/datapackage.json'}")
    return " | ".join(out)


def cite_parts(config) -> dict:
    today = dt.date.today()
    return dict(author=config.author, report=report_title(config), version=config.release,
                year=str(config.copyright).split(",")[0].strip()[-4:] or str(today.year),
                date=today.isoformat(), date_text=f"{today.day} {today:%B %Y}")


def page_url(app, docname: str, fragment: str = "") -> str:
    """Absolute URL when ``html_baseurl`` is set, else the page's path in the site."""
    path = app.builder.get_target_uri(docname) if hasattr(app.builder, "get_target_uri") \
        else f"{docname}.html"
    base = (app.config.html_baseurl or "").rstrip("/")
    url = f"{base}/{path}" if base else path
    return url + (f"#{fragment}" if fragment else "")


def _url_span(url: str, from_uri: str) -> str:
    """The URL in a citation; a relative one is made absolute in the reader's browser."""
    if re.match(r"^https?://", url):
        return f'<span class="cfr-url">{html.escape(url)}</span>'
    path, _, fragment = url.partition("#")
    rel = (relative_uri(from_uri, path) or path.rsplit("/", 1)[-1]) + \
        (f"#{fragment}" if fragment else "")
    return f'<span class="cfr-url" data-cfr-href="{html.escape(rel)}">{html.escape(url)}</span>'


def citation_html(parts: dict, title: str, url: str, from_uri: str, key: str,
                  kind: str) -> str:
    """A citation as text and as BibTeX (``kind``: the thing cited, e.g. 'this chart')."""
    esc = html.escape
    in_report = f". In <cite>{esc(parts['report'])}</cite>" if title != parts["report"] else ""
    text = (f"{esc(parts['author'])} ({esc(parts['year'])}). “{esc(title)}”{in_report}, "
            f"version {esc(parts['version'])}, {esc(parts['date_text'])}. "
            f"{_url_span(url, from_uri)}")
    howpub = (f"  howpublished = {{In \\emph{{{_bib(parts['report'])}}}, version "
              f"{_bib(parts['version'])}}},\n" if in_report else
              f"  version = {{{_bib(parts['version'])}}},\n")
    bib = (f"@misc{{{key},\n  author = {{{{{_bib(parts['author'])}}}}},\n"
           f"  title = {{{{{_bib(title)}}}}},\n{howpub}"
           f"  year = {{{parts['year']}}},\n  date = {{{parts['date']}}},\n"
           f"  url = {{{_url_span(url, from_uri)}}}\n}}")
    return (f'<div class="cfr-cite" data-cfr-cite="{esc(kind)}">'
            f'<p class="cfr-cite-text">{text}</p>'
            f'<p class="cfr-cite-label">BibTeX:</p><pre class="cfr-cite-bibtex">{bib}</pre></div>')


def _bib(text: str) -> str:
    return html.escape(re.sub(r"([&%$#_])", r"\\\1", str(text)), quote=False)


# --- the chart's table and CSV --------------------------------------------------------------
def table_html(table: dict, number: str, title: str) -> str:
    esc = html.escape
    rows = table["rows"]
    shown = rows[:MAX_TABLE_ROWS]
    numeric = [all(isinstance(r[j], (int, float)) for r in rows) and bool(rows)
               for j in range(len(table["columns"]))]
    head = "".join(
        f'<th scope="col"{" class=cfr-num" if numeric[j] else ""}>'
        f'<button type="button" class="cfr-sort" data-col="{j}">{esc(c)}</button></th>'
        for j, c in enumerate(table["columns"]))
    years = [is_year_column(c) for c in table["columns"]]
    body = []
    for r, trace in zip(shown, table["traces"]):
        cells = "".join(
            f'<td class="cfr-num" data-v="{esc(repr(v))}">'
            f'{esc(number_text(v, grouping=not years[j]))}</td>'
            if numeric[j] else f'<td class="cfr-text">{esc(str(v))}</td>' for j, v in enumerate(r))
        body.append(f'<tr data-trace="{trace}">{cells}</tr>')
    more = (f'<p class="cfr-table-more">The first {len(shown):,} of {len(rows):,} rows; the '
            "chart's CSV has them all.</p>" if len(rows) > len(shown) else "")
    caption = f"Values drawn in {number or 'the chart'}: {title}"
    return (f'<div class="cfr-table-wrap"><table class="cfr-data-table">'
            f'<caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>{more}')


def csv_header(chart: dict, number: str, url: str, parts: dict) -> list[str]:
    return [f"{number}: {chart['title']}" if number else chart["title"],
            chart["subtitle"], chart["source"]] + ([chart["note"]] if chart["note"] else []) + [
        f"From: {parts['report']}, version {parts['version']} ({parts['date']}), {url}",
        f"Licence of the data drawn: {licence_text(chart['tables'])}",
        "The values exactly as the chart draws them; the full source tables are in data/."]


class HtmlChartFigures(SphinxPostTransform):
    """Write phase, HTML: the figure becomes the chart's page furniture (see module)."""

    default_priority = 20  # after MyST-NB has chosen text/html (SelectMimeType, 4)
    formats = ("html",)

    def run(self, **kwargs):
        docname = self.env.docname
        charts = {c["anchor"]: c for c in getattr(self.env, "cfr_charts", {}).get(docname, [])}
        outdir = Path(self.app.outdir)
        from_uri = self.app.builder.get_target_uri(docname)
        parts = cite_parts(self.config)
        for figure in list(self.document.findall(nodes.figure)):
            if "cfr-figure" not in figure["classes"] or not figure["ids"]:
                continue
            chart = charts.get(figure["ids"][0])
            raws = [r for r in figure.findall(nodes.raw) if CHART_MARK in r.astext()]
            if chart is None or not raws:
                continue
            raw = nodes.raw("", self.chart_html(raws[0].astext(), chart, docname, from_uri,
                                                parts, outdir), format="html")
            figure.replace_self(raw)
            # replace_self copies the figure's id onto the raw node (a wrapper <div> with the
            # same id): the id belongs to the <figure> in the HTML only.
            raw["ids"], raw["names"], raw["classes"] = [], [], []

    def chart_html(self, text, chart, docname, from_uri, parts, outdir) -> str:
        esc = html.escape
        ident, page = chart["anchor"], docname.rsplit("/", 1)[-1]
        number = figure_number(self.env, self.config, docname, ident)
        folder = outdir / CHARTS_DIR / page
        folder.mkdir(parents=True, exist_ok=True)
        url = page_url(self.app, docname, ident)
        csv_name = f"{chart['name']}.csv"
        (folder / csv_name).write_text(
            csv_text(chart["table"], csv_header(chart, number, url, parts)), encoding="utf-8")
        if chart["png"] and Path(chart["png"]).exists():
            shutil.copy2(chart["png"], folder / f"{chart['name']}.png")
        csv_href = relative_uri(from_uri, f"{CHARTS_DIR}/{page}/{csv_name}")
        text = text.replace(f"<figure {CHART_MARK}",
                            f'<figure id="{ident}" data-cfr-number="{esc(number)}" {CHART_MARK}', 1)
        label = f'<span class="cfr-fignum">{esc(number)}</span> ' if number else ""
        text = re.sub(
            r'<p class="cfr-chart-title">(.*?)</p>',
            lambda m: (f'<p class="cfr-chart-title">{label}{m.group(1)}'
                       f'<a class="headerlink" href="#{ident}" title="Link to this chart">#</a></p>'),
            text, count=1, flags=re.S)
        text = text.replace('<p class="cfr-chart-data">Data (CSV): ',
                            '<p class="cfr-chart-data">Data (CSV): this chart\'s values '
                            f'<a class="cfr-chart-csv" href="{esc(csv_href)}" download>'
                            f'{esc(csv_name)}</a> · full table'
                            f'{"s" if len(chart["tables"]) > 1 else ""}: ', 1)
        cite = citation_html(parts, f"{number}: {chart['title']}" if number else chart["title"],
                             url, from_uri, ident, "this chart")
        tools = (
            '<div class="cfr-chart-tools">'
            f'<details class="cfr-chart-table"><summary>Table</summary>'
            f'{table_html(chart["table"], number, chart["title"])}</details>'
            f'<details class="cfr-chart-cite"><summary>Cite</summary>{cite}</details>'
            f'<button type="button" class="cfr-copy-link" data-cfr-anchor="{ident}" hidden>'
            'Copy link</button><span class="cfr-copy-status" role="status"></span></div>')
        text = externalise_data(text, folder, chart["name"],
                                relative_uri(from_uri, f"{CHARTS_DIR}/{page}/{chart['name']}.js"))
        return text.replace("</figcaption></figure>", tools + "</figcaption></figure>", 1)


# --- the list of figures ----------------------------------------------------------------------
class figure_list(nodes.General, nodes.Element):
    """Placeholder for ``{cfr-figure-list}``, filled once every page is read."""


class FigureList(Directive):
    """``{cfr-figure-list}``: every chart of the book, in reading order, with thumbnail,
    number, title and chapter (HTML); in the PDF, a pointer to its list of figures."""

    def run(self):
        env = self.state.document.settings.env
        if not hasattr(env, "cfr_figure_lists"):
            env.cfr_figure_lists = set()
        env.cfr_figure_lists.add(env.docname)
        return [figure_list("")]


def reading_order(env, root: str) -> list[str]:
    out, seen = [], set()

    def walk(doc):
        if doc in seen:
            return
        seen.add(doc)
        out.append(doc)
        for child in env.toctree_includes.get(doc, []):
            walk(child)

    walk(root)
    return out


def _fill_figure_list(app, doctree, fromdoc):
    for node in list(doctree.findall(figure_list)):
        env = app.env
        charts = getattr(env, "cfr_charts", {})
        docs = [d for d in reading_order(env, app.config.root_doc) if charts.get(d)]
        if app.builder.format != "html":
            node.replace_self(nodes.paragraph(
                "", "The list of figures is at the front of this PDF, after the contents."))
            continue
        from_uri = app.builder.get_target_uri(fromdoc)
        esc = html.escape
        parts, total = [], 0
        for doc in docs:
            title = "Introduction" if doc == app.config.root_doc else \
                env.titles[doc].astext() if doc in env.titles else doc
            secnum = env.toc_secnumbers.get(doc, {}).get("")
            if secnum:
                title = f"{'.'.join(map(str, secnum))}. {title}"
            items = []
            for c in charts[doc]:
                total += 1
                number = figure_number(env, app.config, doc, c["anchor"])
                href = app.builder.get_relative_uri(fromdoc, doc) + "#" + c["anchor"]
                page = doc.rsplit("/", 1)[-1]
                img = relative_uri(from_uri, f"{CHARTS_DIR}/{page}/{c['name']}.png")
                items.append(
                    f'<li class="cfr-figure-item"><a href="{esc(href)}" tabindex="-1" '
                    f'aria-hidden="true"><img src="{esc(img)}" alt="" loading="lazy" '
                    f'width="300" height="{_thumb_height(c["png"])}"></a>'
                    f'<p><a href="{esc(href)}"><span class="cfr-fignum">{esc(number)}</span> '
                    f'{esc(c["title"])}</a></p></li>')
            parts.append(f'<section class="cfr-figure-chapter" aria-label="{esc(title)}">'
                         f'<h2>{esc(title)}</h2><ul class="cfr-figure-grid">{"".join(items)}</ul>'
                         '</section>')
        intro = (f'<p class="cfr-figure-count">{total} charts in {len(docs)} pages; each '
                 "links to the chart in its chapter.</p>")
        node.replace_self(nodes.raw("", intro + "".join(parts), format="html"))


def _list_pages_outdated(app, env, added, changed, removed):
    """The list of figures shows other pages' charts: rewrite it when any page changes."""
    lists = getattr(env, "cfr_figure_lists", set())
    return sorted(lists) if (added or changed or removed) and lists else []


# --- per-page metadata: link previews and "cite this chapter" -------------------------------
def _thumb_height(path: str, width: int = 300) -> int:
    """The height of a ``width``-px thumbnail of a chart's PNG (its aspect ratio)."""
    size = dict(_png_size(path))
    if not size:
        return round(width * 1040 / 1800)
    return round(width * int(size["og:image:height"]) / int(size["og:image:width"]))


def _png_size(path: str) -> list[tuple[str, str]]:
    """og:image:width and og:image:height of a PNG (read from its header; none if unreadable):
    static images are as tall as their chart and its title and source lines need."""
    try:
        head = Path(path).read_bytes()[:24]
    except OSError:
        return []
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return []
    return [("og:image:width", str(int.from_bytes(head[16:20], "big"))),
            ("og:image:height", str(int.from_bytes(head[20:24], "big")))]


def _page_meta(app, pagename, templatename, context, doctree):
    if app.builder.format != "html" or doctree is None:
        return
    env, esc = app.env, html.escape
    title = env.titles[pagename].astext() if pagename in env.titles else report_title(app.config)
    report = report_title(app.config)
    charts = getattr(env, "cfr_charts", {}).get(pagename, [])
    base = (app.config.html_baseurl or "").rstrip("/")
    from_uri = app.builder.get_target_uri(pagename)
    tags = [("og:title", title if pagename == app.config.root_doc else f"{title} · {report}"),
            ("og:type", "article"), ("og:site_name", report),
            ("og:description", context.get("cfr_description", ""))]
    if base:
        tags.append(("og:url", page_url(app, pagename)))
    if charts:
        page = pagename.rsplit("/", 1)[-1]
        path = f"{CHARTS_DIR}/{page}/{charts[0]['name']}.png"
        tags += [("og:image", f"{base}/{path}" if base else relative_uri(from_uri, path)),
                 ("og:image:type", "image/png"), *_png_size(charts[0]["png"]),
                 ("og:image:alt", charts[0]["alt"])]
    tags += [("twitter:card", "summary_large_image" if charts else "summary"),
             ("twitter:title", dict(tags)["og:title"]),
             ("twitter:description", context.get("cfr_description", ""))]
    if charts:
        tags.append(("twitter:image", dict(tags)["og:image"]))
    meta = "".join(
        f'<meta {"name" if k.startswith("twitter:") else "property"}="{k}" content="{esc(v)}" />\n'
        for k, v in tags if v)
    context["metatags"] = context.get("metatags", "") + meta
    if "body" not in context or pagename in ("search", "genindex"):
        return
    parts = cite_parts(app.config)
    blocks = []
    if pagename != app.config.root_doc:
        blocks.append("<h3>This chapter</h3>" + citation_html(
            parts, title, page_url(app, pagename), from_uri, f"cfr-{pagename.rsplit('/', 1)[-1]}",
            "this chapter"))
    blocks.append("<h3>The report</h3>" + citation_html(
        parts, report, page_url(app, app.config.root_doc), from_uri, "cfr-report", "the report"))
    summary = "Cite this chapter or the report" if len(blocks) > 1 else "Cite the report"
    context["body"] += (f'<details class="cfr-cite-page"><summary>{summary}</summary>'
                        f'{"".join(blocks)}<p class="cfr-cite-cff">The repository has a '
                        "CITATION.cff with the same details.</p></details>")


def setup(app):
    app.add_transform(ChartFigures)
    app.add_post_transform(HtmlChartFigures)
    app.add_node(figure_list)
    app.add_directive("cfr-figure-list", FigureList)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _list_pages_outdated)
    app.connect("doctree-resolved", _fill_figure_list)
    app.connect("html-page-context", _page_meta, priority=600)
    app.add_js_file("cfr-figures.js", loading_method="defer")
