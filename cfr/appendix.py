"""Sphinx directives that generate the appendix pages from data at build time.

- ``claims-register``: the source article's claims (table ``claims``), one section per theme,
  each claim an entry with its verdict as a text badge, the evidence and the source. Every
  entry gets the label ``claim-c01`` ... ``claim-c77`` in Sphinx's standard domain, so any
  chapter can link to it with ``{ref}`C32 <claim-c32>```. Each theme section is labelled
  ``claims-<theme>`` (e.g. ``claims-borders``).
- ``data-catalogue``: every resource in ``data/datapackage.json`` with its description,
  coverage, lineage (the raw files and curation script it is made from, recorded in
  ``data/lineage.json`` by ``make data``, and the pages that read it, found in their sources),
  fields, sources, licence and a download link. Each table's section is labelled
  ``data-<name>`` with underscores as hyphens (e.g. ``data-oda-gni``).

Both build docutils nodes directly: text from the tables only ever becomes ``nodes.Text``,
so a cell holding ``<script>`` or a Markdown link is shown as text, never run or linked.
Nothing here is HTML-only: the same nodes go to the LaTeX builder (long tables use
``longtable`` with set column widths, so they break across pages).
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cfr.data import DataError, data_dir, load, load_geojson, package
from cfr.claim_labels import THEMES, VERDICT_MEANING, VERDICTS
from cfr.lineage import LINEAGE, fact_tables, lineage, made_from, tables_used

logger = logging.getLogger(__name__)

_URL = re.compile(r"^https?://[^\s<>\"']+$")


# --- small node helpers -------------------------------------------------------------------
def text(value) -> nodes.Text:
    """Table text as a docutils Text node (escaped by every writer)."""
    return nodes.Text("" if value is None or (isinstance(value, float) and pd.isna(value))
                      else str(value))


def para(*children, classes: Iterable[str] = ()) -> nodes.paragraph:
    p = nodes.paragraph(classes=list(classes))
    for child in children:
        p += text(child) if isinstance(child, (str, int, float)) else child
    return p


def strong(value: str) -> nodes.strong:
    node = nodes.strong()
    node += text(value)
    return node


def link(url, label) -> nodes.Node:
    """A link to an external page, only for plain http(s) URLs; anything else stays text."""
    url = "" if url is None or (isinstance(url, float) and pd.isna(url)) else str(url).strip()
    label = label if label not in (None, "") else url
    if not _URL.match(url):
        return text(label)
    ref = nodes.reference(refuri=url, internal=False)
    ref += text(label)
    return ref


def ref(label: str, caption: str) -> addnodes.pending_xref:
    """A cross-reference to a label in the standard domain (works in HTML and LaTeX)."""
    node = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=label,
                                 refexplicit=True, refwarn=True)
    node += nodes.inline("", caption, classes=["std", "std-ref"])
    return node


def badge(verdict: str) -> nodes.Node:
    """The verdict as a word (colour is decoration only)."""
    node = nodes.inline(classes=["cfr-verdict", f"cfr-verdict-{verdict}"])
    node += strong(VERDICTS.get(verdict, verdict))
    return node


def table(header: list[str], rows: list[list], widths: list[int], *,
          classes: Iterable[str] = (), longtable: bool = False) -> nodes.table:
    """A table whose cells are strings (made Text) or lists of nodes."""
    tbl = nodes.table(classes=["colwidths-given", *classes] + (["longtable"] if longtable else []))
    group = nodes.tgroup(cols=len(header))
    tbl += group
    for w in widths:
        group += nodes.colspec(colwidth=w)

    def row_of(cells):
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            if isinstance(cell, nodes.Node):
                entry += cell if isinstance(cell, nodes.paragraph) else para(cell)
            elif isinstance(cell, list):
                entry += para(*cell)
            else:
                entry += para(cell)
            row += entry
        return row

    thead = nodes.thead()
    thead += row_of(header)
    group += thead
    tbody = nodes.tbody()
    for r in rows:
        tbody += row_of(r)
    group += tbody
    return tbl


def section(title: str, node_id: str, classes: Iterable[str] = ()) -> nodes.section:
    sec = nodes.section(ids=[node_id], classes=list(classes))
    sec += nodes.title("", title)
    return sec


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def verdict_summary(df: pd.DataFrame) -> str:
    counts = df.verdict.value_counts()
    parts = [_plural(counts[v], v) if v == "opinion" else f"{counts[v]} {v}"
             for v in VERDICTS if counts.get(v, 0)]
    return f"{_plural(len(df), 'claim')}: " + ", ".join(parts) + "."


# --- the claims register ------------------------------------------------------------------
def claim_label(claim_id: str) -> str:
    return f"claim-{claim_id.lower()}"


def theme_label(theme: str) -> str:
    return f"claims-{theme}"


def claim_entry(row) -> list[nodes.Node]:
    """One claim: a target (label) and a container with head, evidence and source."""
    label = claim_label(row["id"])
    target = nodes.target("", "", ids=[label])  # ids move to the container (PropagateTargets)
    box = nodes.container(classes=["cfr-claim", f"cfr-claim-{row['verdict']}"])
    box += para(strong(row["id"]), " ", badge(row["verdict"]), " ", text(row["claim"]),
                classes=["cfr-claim-head"])
    box += para(strong("The article: "), "\u201c", text(row["seed_quote"]), "\u201d",
                classes=["cfr-claim-seed"])
    box += para(strong("Evidence: "), text(row["evidence"]), classes=["cfr-claim-evidence"])
    if str(row.get("source_title") or "").strip():
        src = para(strong("Source: "), link(row.get("source_url"), row["source_title"]),
                   classes=["cfr-claim-source"])
        grade = row.get("source_grade")
        if isinstance(grade, str) and grade.strip():  # the source's grade (Methods page)
            src += text(f" [{grade}]")
        if str(row.get("source_quote") or "").strip():
            src += text(": \u201c")
            src += text(row["source_quote"])
            src += text("\u201d")
        box += src
    else:
        box += para(strong("Source: "), "none found.", classes=["cfr-claim-source"])
    return [target, box]


def claims_nodes(df: pd.DataFrame) -> tuple[list[nodes.Node], dict[str, tuple[str, str]]]:
    """The register's nodes and the labels it defines: {label: (node id, title)}."""
    labels: dict[str, tuple[str, str]] = {}
    out: list[nodes.Node] = []
    themes = [t for t in THEMES if t in set(df.theme)] + sorted(set(df.theme) - set(THEMES))

    # Counts by theme and verdict, with links to the theme sections.
    sec = section("Counts by theme and verdict", "claims-counts")
    labels["claims-counts"] = ("claims-counts", "Counts by theme and verdict")
    rows = []
    for t in themes:
        part = df[df.theme == t]
        rows.append([ref(theme_label(t), THEMES.get(t, t))]
                    + [str(int((part.verdict == v).sum())) for v in VERDICTS] + [str(len(part))])
    rows.append([strong("All themes")] + [str(int((df.verdict == v).sum())) for v in VERDICTS]
                + [str(len(df))])
    sec += table(["Theme", *VERDICTS.values(), "Total"], rows,
                 [25, 11, 11, 10, 10, 13, 10, 10], classes=["cfr-claims-counts"])
    out.append(sec)

    # Find a claim by verdict: the ids under each verdict, each a link to its entry.
    sec = section("Claims by verdict", "claims-by-verdict")
    labels["claims-by-verdict"] = ("claims-by-verdict", "Claims by verdict")
    items = nodes.bullet_list(classes=["cfr-verdict-index"])
    for v in VERDICTS:
        ids = df[df.verdict == v].id.tolist()
        p = para(badge(v), f" ({len(ids)}), {VERDICT_MEANING[v]}: ")
        for i, cid in enumerate(ids):
            if i:
                p += text(", ")
            p += ref(claim_label(cid), cid)
        if not ids:
            p += text("none.")
        item = nodes.list_item()
        item += p
        items += item
    sec += items
    out.append(sec)

    # One section per theme, claims in article order.
    for t in themes:
        part = df[df.theme == t].sort_values("id")
        title = THEMES.get(t, t)
        sec = section(title, theme_label(t))
        labels[theme_label(t)] = (theme_label(t), title)
        sec += para(verdict_summary(part), classes=["cfr-claims-summary"])
        for row in part.to_dict("records"):
            sec.extend(claim_entry(row))
            labels[claim_label(row["id"])] = (claim_label(row["id"]), f"Claim {row['id']}")
        out.append(sec)
    return out, labels


def register_labels(env, labels: dict[str, tuple[str, str]]) -> None:
    """Make labels resolvable from any page ({ref}`C32 <claim-c32>`)."""
    std = env.get_domain("std")
    for label, (node_id, title) in labels.items():
        std.labels[label] = (env.docname, node_id, title)
        std.anonlabels[label] = (env.docname, node_id)


class ClaimsRegister(SphinxDirective):
    """``claims-register``: the claims table as grouped, labelled entries."""

    has_content = False
    option_spec = {"table": str}

    def run(self):
        name = self.options.get("table", "claims")
        try:
            df = load(name)
            self.env.note_dependency(str(data_dir() / "datapackage.json"))
            self.env.note_dependency(str(data_dir() / df.attrs["path"]))
        except DataError as exc:
            raise self.error(f"claims-register: {exc}") from exc
        out, labels = claims_nodes(df)
        for label in labels:
            if label in self.state.document.ids:
                raise self.error(f"claims-register: duplicate id {label!r}")
        register_labels(self.env, labels)
        return out


# --- the data catalogue -------------------------------------------------------------------
def resource_label(name: str) -> str:
    return nodes.make_id(f"data-{name}")


def _fmt_num(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def constraints_text(field: dict) -> str:
    c = field.get("constraints", {})
    parts = []
    if c.get("required"):
        parts.append("required")
    if c.get("unique"):
        parts.append("unique")
    if "minimum" in c:
        parts.append(f"min {_fmt_num(c['minimum'])}")
    if "maximum" in c:
        parts.append(f"max {_fmt_num(c['maximum'])}")
    if "enum" in c:
        parts.append("one of: " + ", ".join(str(x) for x in c["enum"]))
    if "pattern" in c:
        parts.append(f"pattern {c['pattern']}")
    return "; ".join(parts) or "\u2014"


def country_columns(res: dict) -> list[str]:
    """Columns holding country codes: foreign keys to ``countries``, or named *iso3."""
    cols = []
    for fk in res.get("schema", {}).get("foreignKeys", []):
        if fk.get("reference", {}).get("resource") == "countries":
            fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
            cols += fields
    for f in res.get("schema", {}).get("fields", []):
        if f["name"] == "iso3" or f["name"].endswith("_iso3"):
            cols.append(f["name"])
    return list(dict.fromkeys(cols))


def coverage(res: dict, names: dict[str, str]) -> list[str]:
    """Rows, year and date ranges and countries of a resource, as short phrases."""
    fmt = res.get("format", "")
    if fmt == "geojson" or res["path"].endswith(".geojson"):
        geo = load_geojson(res["name"])
        return [_plural(len(geo.get("features", [])), "feature")]
    df = load(res["name"])
    out = [_plural(len(df), "row")]
    fields = res.get("schema", {}).get("fields", [])
    for f in fields:
        col = df[f["name"]].dropna()
        if not len(col):
            continue
        if f.get("type") == "year" or (f["name"] == "year" and f.get("type") == "integer"):
            lo, hi = int(col.min()), int(col.max())
            out.append(f"years {lo}" if lo == hi else f"years {lo}-{hi}")
        elif f.get("type") in ("date", "datetime"):
            lo, hi = col.min(), col.max()
            out.append(f"{f['name']} {lo:%Y-%m-%d} to {hi:%Y-%m-%d}")
    for col in country_columns(res):
        if col in df:
            codes = sorted(set(df[col].dropna().astype(str)) - {""})
            if codes:
                label = "countries" if col == "iso3" else f"countries ({col})"
                out.append(f"{label}: " + ", ".join(f"{names.get(c, c)} ({c})" for c in codes))
    if "source_grade" in df:  # the mix of source grades, strongest first (Methods page)
        counts = df.source_grade.dropna().astype(str).value_counts()
        scale = [g["name"] for g in package().get("source_grades", {}).get("grades", [])]
        mix = [f"{g} {counts[g]}" for g in scale if g in counts]
        if mix:
            out.append("source grades: " + ", ".join(mix))
    return out


def download_nodes(res: dict, docname: str) -> list[nodes.Node]:
    """A download link relative to the page in HTML (data/ is copied beside the pages);
    the file's path as text in the PDF."""
    path = f"data/{res['path']}"
    href = posixpath.relpath(path, posixpath.dirname(docname) or ".")
    html = addnodes.only(expr="html")
    ref_ = nodes.reference(refuri=href, internal=False, classes=["cfr-download"])
    ref_ += text(path)
    html += para(strong("Download: "), ref_, classes=["cfr-catalogue-download"])
    other = addnodes.only(expr="not html")
    other += para(strong("File: "), nodes.literal("", path),
                  " (download it from the online book)", classes=["cfr-catalogue-download"])
    return [html, other]


def source_item(src: dict) -> nodes.list_item:
    item = nodes.list_item()
    p = para(link(src.get("path"), src.get("title") or src.get("path")))
    if src.get("publisher"):
        p += text(f" \u2014 {src['publisher']}")
    path = str(src.get("path") or "")
    if path and not _URL.match(path):
        p += text(f"; location: {path}")
    if src.get("version"):
        p += text(f"; version: {src['version']}")
    if src.get("retrieved"):
        p += text(f"; retrieved {src['retrieved']}")
    item += p
    return item


def licence_nodes(licences: list[dict]) -> nodes.paragraph:
    p = para(strong("Licence: "))
    for i, lic in enumerate(licences):
        if i:
            p += text("; ")
        label = lic.get("title") or lic.get("name")
        if lic.get("title") and lic.get("name") and lic["name"] not in lic["title"]:
            label = f"{lic['title']} ({lic['name']})"
        p += link(lic.get("path"), label)
    if not licences:
        p += text("not stated")
    return p


def doc_ref(docname: str) -> addnodes.pending_xref:
    """A link to a page, shown with the page's title."""
    xref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget="/" + docname,
                                 refexplicit=False, refwarn=True)
    xref += nodes.inline("", docname)
    return xref


def lineage_nodes(res: dict, graph: dict, used_in: list[str]) -> nodes.paragraph:
    """"Made by <script> from <files>; used in <pages>." for one resource. The files are
    those the script had read before it wrote the table (data/lineage.json)."""
    p = para(strong("Lineage: "), classes=["cfr-catalogue-lineage"])
    script, reads = made_from(res["path"], graph)
    if script:
        p += text("made by ")
        p += nodes.literal("", script)
        p += text(" from ")
        for i, path in enumerate(reads):
            if i:
                p += text(", ")
            p += nodes.literal("", path)
    else:
        p += text("not recorded (make data writes it to data/lineage.json)")
    if used_in:
        p += text("; used in ")
        for i, doc in enumerate(used_in):
            if i:
                p += text(", ")
            p += doc_ref(doc)
    else:
        p += text("; no page reads it directly")
    p += text(".")
    return p


def resource_section(res: dict, pkg: dict, cover: list[str], docname: str,
                     lineage_para: nodes.Node | None = None) -> nodes.section:
    sec = section(res.get("title") or res["name"], resource_label(res["name"]),
                  classes=["cfr-catalogue-entry"])
    sec += para(strong("Table: "), nodes.literal("", res["name"]), " \u00b7 ",
                strong("Format: "), res.get("format", ""), classes=["cfr-catalogue-meta"])
    sec += para(text(res.get("description", "")))
    sec += para(strong("Coverage: "), "; ".join(cover) + ".")
    if lineage_para is not None:
        sec += lineage_para
    sec.extend(download_nodes(res, docname))
    schema = res.get("schema")
    if schema and schema.get("fields"):
        rows = []
        for f in schema["fields"]:
            desc = f.get("description", "")
            if f.get("unit"):
                desc = f"{desc} (unit: {f['unit']})"
            rows.append([nodes.literal("", f["name"]), f.get("type", "string"), desc,
                         constraints_text(f)])
        sec += para(strong("Fields"), classes=["cfr-catalogue-fields-title"])
        sec += table(["Field", "Type", "Description and unit", "Constraints"], rows,
                     [22, 11, 41, 26], classes=["cfr-catalogue-fields"], longtable=True)
        keys = []
        if schema.get("primaryKey"):
            pk = schema["primaryKey"]
            keys.append("primary key: " + ", ".join(pk if isinstance(pk, list) else [pk]))
        for fk in schema.get("foreignKeys", []):
            fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
            ref_fields = fk["reference"]["fields"]
            ref_fields = ref_fields if isinstance(ref_fields, list) else [ref_fields]
            keys.append(f"{', '.join(fields)} must appear in "
                        f"{fk['reference'].get('resource') or res['name']}."
                        f"{', '.join(ref_fields)}")
        if keys:
            sec += para(strong("Keys: "), "; ".join(keys) + ".")
    sources = nodes.bullet_list(classes=["cfr-catalogue-sources"])
    for src in res.get("sources", []) or pkg.get("sources", []):
        sources += source_item(src)
    sec += para(strong("Sources"))
    if len(sources):
        sec += sources
    else:
        sec += para("Not stated.")
    sec += licence_nodes(res.get("licenses") or pkg.get("licenses", []))
    return sec


def catalogue_nodes(pkg: dict, docname: str, graph: dict | None = None,
                    usage: dict[str, list[str]] | None = None,
                    ) -> tuple[list[nodes.Node], dict[str, tuple[str, str]]]:
    """The catalogue's nodes and labels: an index table, then one section per resource.
    With ``graph`` (data/lineage.json) and ``usage`` ({table: pages}), each section says what
    the table is made from and where it is used."""
    try:
        countries = load("countries")
        names = dict(zip(countries.iso3, countries.name))
    except DataError:
        names = {}
    resources = pkg.get("resources", [])
    labels = {}
    out: list[nodes.Node] = []
    rows, cover = [], {}
    for res in resources:
        cover[res["name"]] = coverage(res, names)
        rows.append([ref(resource_label(res["name"]), res.get("title") or res["name"]),
                     nodes.literal("", res["name"]), cover[res["name"]][0]])
    intro = para(f"{_plural(len(resources), 'table')} and map layer"
                 f"{'' if len(resources) == 1 else 's'} in the data package ",
                 nodes.literal("", "data/datapackage.json"), ". Package licence: ")
    for i, lic in enumerate(pkg.get("licenses", [])):
        if i:
            intro += text("; ")
        intro += link(lic.get("path"), lic.get("title") or lic.get("name"))
    intro += text(" unless a table says otherwise.")
    out.append(intro)
    out.append(table(["Table", "Name", "Size"], rows, [46, 38, 16],
                     classes=["cfr-catalogue-index"], longtable=True))
    for res in resources:
        lin = (lineage_nodes(res, graph, (usage or {}).get(res["name"], []))
               if graph is not None else None)
        out.append(resource_section(res, pkg, cover[res["name"]], docname, lin))
        labels[resource_label(res["name"])] = (resource_label(res["name"]),
                                               res.get("title") or res["name"])
    return out, labels


class DataCatalogue(SphinxDirective):
    """``data-catalogue``: every resource of ``data/datapackage.json``, generated."""

    has_content = False

    def run(self):
        try:
            pkg = package()
            folder = data_dir()
            self.env.note_dependency(str(folder / "datapackage.json"))
            for res in pkg.get("resources", []):
                self.env.note_dependency(str(folder / res["path"]))
            if (folder / LINEAGE).exists():
                self.env.note_dependency(str(folder / LINEAGE))
            out, labels = catalogue_nodes(pkg, self.env.docname, lineage(), self.usage())
        except DataError as exc:
            raise self.error(f"data-catalogue: {exc}") from exc
        register_labels(self.env, labels)
        return out

    def pages(self) -> list[str]:
        """The book's pages in table-of-contents order (every found page if no _toc.yml)."""
        toc = Path(self.env.srcdir) / "_toc.yml"
        if toc.exists():
            names = re.findall(r"^\s*(?:-\s*)?(?:root|file):\s*(\S+)\s*$",
                               toc.read_text(encoding="utf-8"), flags=re.M)
            docs = [n.removesuffix(".md").removesuffix(".ipynb") for n in names]
            return [d for d in docs if d in self.env.found_docs]
        return sorted(self.env.found_docs)

    def usage(self) -> dict[str, list[str]]:
        """{table: pages whose source reads it}, from the pages' sources."""
        keys = fact_tables()
        usage: dict[str, list[str]] = {}
        for doc in self.pages():
            if doc == self.env.docname:
                continue
            path = Path(self.env.doc2path(doc))
            if not path.exists():
                continue
            self.env.note_dependency(str(path))
            for table in sorted(tables_used(path.read_text(encoding="utf-8"), keys)):
                usage.setdefault(table, []).append(doc)
        return usage


def setup(app):
    app.add_directive("claims-register", ClaimsRegister)
    app.add_directive("data-catalogue", DataCatalogue)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
