"""The book's chart style and the renderer that makes charts work offline and in the PDF.

Use in a notebook::

    from cfr import charts, load
    df = load("donors_oda_gni")
    fig = charts.line(df, x="year", y="value", entity="iso3", unit="% of GNI")
    charts.finish(fig, title="Aid fell from a fifth of income to under 3%",
                  subtitle="Net ODA received, % of GNI", table="donors_oda_gni",
                  alt="Line chart of ...")
    fig.show()

Importing this module changes nothing global. ``charts.setup()`` (first cell of every
chapter) makes the ``cfr`` template Plotly's default and installs the book's renderer. What
the renderer outputs depends on where the notebook runs:

- in a reader's Jupyter (JupyterLab, VS Code, the browser): Plotly's own JSON
  (``application/vnd.plotly.v1+json``), which those front ends draw interactively, and a
  plain-text stand-in. No Chromium, no kaleido, no network.
- in the book build (the Sphinx extension sets ``CFR_BOOK_BUILD=1`` for the kernels it
  starts), also ``text/html``: the chart as a ``<div>`` that draws with the ``plotly.js`` the
  book serves from ``_static/``, with its furniture and a link to the CSV; and ``image/png``:
  a static image made by kaleido with Debian's Chromium, for the PDF.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import numbers
import os
import re
import warnings

import plotly.graph_objects as go
import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer

from cfr.data import resource_info

# --- colours --------------------------------------------------------------------------------
# One colour per actor across the whole book. Okabe-Ito first (colour-blind safe), then
# Paul Tol's muted set for actors that rarely share a chart with the first eight.
COUNTRY_COLOURS = {
    "KHM": "#0072B2",  # Cambodia: blue
    "CHN": "#D55E00",  # China: vermilion
    "VNM": "#009E73",  # Viet Nam: bluish green
    "USA": "#CC79A7",  # United States: reddish purple
    "JPN": "#E69F00",  # Japan: orange
    "THA": "#56B4E9",  # Thailand: sky blue
    "LAO": "#999933",  # Laos: olive
    "MMR": "#882255",  # Myanmar: wine
    "EUU": "#332288",  # European Union: indigo
    "RUS": "#AA4499",  # Russia: purple
    "FRA": "#44AA99",  # France: teal
    "IND": "#997700",  # India: ochre
    "KOR": "#6699CC",  # Korea: steel blue
    "AUS": "#117733",  # Australia: green
    "DEU": "#555555",  # Germany: dark grey
    "GBR": "#8C6D31",  # United Kingdom: brown
    "SWE": "#4B6B8A",  # Sweden: slate
    "ASEAN": "#2E5E4E",  # ASEAN: dark teal
}
OTHER_COLOUR = "#8A8A8A"
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#999933", "#882255"]

# Names as the book writes them (short forms on charts).
COUNTRY_NAMES = {
    "KHM": "Cambodia", "CHN": "China", "VNM": "Vietnam", "USA": "United States",
    "JPN": "Japan", "THA": "Thailand", "LAO": "Laos", "MMR": "Myanmar", "EUU": "EU",
    "RUS": "Russia", "FRA": "France", "IND": "India", "KOR": "South Korea",
    "AUS": "Australia", "DEU": "Germany", "GBR": "United Kingdom", "SWE": "Sweden",
    "ASEAN": "ASEAN",
}

FONT = "Helvetica Neue, Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif"
TEXT = "#333333"
MUTED = "#5E5E5E"  # passes WCAG AA on white (6.4:1)

WIDTH, HEIGHT, SCALE = 900, 520, 2  # static image: 1800 px wide, sharp in print
WEB_TOP = 20  # the web page's top margin (the title is text above the chart)


def colour(code: str) -> str:
    """The book's colour for a country or group code (grey for anything else)."""
    return COUNTRY_COLOURS.get(code, OTHER_COLOUR)


def name(code: str) -> str:
    """The book's short name for a country or group code."""
    return COUNTRY_NAMES.get(code, code)


# --- template -------------------------------------------------------------------------------
pio.templates["cfr"] = go.layout.Template(
    layout=dict(
        font=dict(family=FONT, size=14, color=TEXT),
        title=dict(x=0, xanchor="left", xref="paper", font=dict(size=19, color="#111111"),
                   subtitle=dict(font=dict(size=14, color=MUTED))),
        colorway=PALETTE,
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin=dict(l=60, r=30, t=90, b=60),
        hoverlabel=dict(font=dict(family=FONT, size=13)),
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.12, yanchor="top",
                    title=dict(text="")),
        xaxis=dict(showgrid=False, showline=True, linecolor="#999999", ticks="outside",
                   tickcolor="#999999", zeroline=False, automargin=True),
        yaxis=dict(gridcolor="#E5E5E5", zeroline=False, showline=False, automargin=True),
    )
)
BOOK_BUILD_ENV = "CFR_BOOK_BUILD"


def in_book_build() -> bool:
    """True in a kernel started by the book build (see :mod:`cfr.sphinx_ext`)."""
    return os.environ.get(BOOK_BUILD_ENV) == "1"


def setup() -> None:
    """Switch on the book's look for this session: the ``cfr`` template becomes Plotly's
    default and ``fig.show()`` goes through the book's renderer (see the module docstring).
    Call it once, in a chapter's first cell; nothing happens on import."""
    pio.templates.default = "plotly_white+cfr"
    pio.renderers.default = "cfr"


# --- finishing a chart ----------------------------------------------------------------------
def source_note(table: str) -> str:
    """'Source: publisher, dataset (date)' for a table, from its sources in datapackage.json."""
    res = resource_info(table)
    parts = []
    for src in res.get("sources", []):
        text = src.get("title", "")
        if src.get("publisher") and src["publisher"] not in text:
            text = f"{src['publisher']}, {text}"
        parts.append(text)
    return "Source: " + "; ".join(parts) if parts else "Source: see the data catalogue"


DATA_LINK_PREFIX = "cfr-data:"


def csv_href(table: str) -> str:
    """A link to the table's CSV in the built site: ``cfr-data:<path>``, which the Sphinx
    extension rewrites into a link relative to the page (``../data/<path>``). It does not
    depend on the folder the notebook runs from."""
    return DATA_LINK_PREFIX + resource_info(table)["path"]


NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug(text: str, words: int = 6) -> str:
    """A short lower-case slug of a text's first words ('aid-once-equalled-a-seventh')."""
    parts = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(parts[:words]) or "chart"


def finish(fig: go.Figure, *, title: str, subtitle: str, table: str | list[str], alt: str,
           note: str | None = None, name: str | None = None) -> go.Figure:
    """Give a chart the book's furniture: a title that states the finding, a subtitle with
    the measure and unit, the source note under it, the CSV link and a text alternative.

    ``table`` names the data-package table(s) the chart is drawn from; ``alt`` is a one- or
    two-sentence description for screen readers and the page text; ``note`` adds a
    processing note. The static image carries all of it inside the picture; the web page
    shows title, subtitle and source as text around the interactive chart (they wrap on
    phones and can be read aloud and copied).

    ``name`` is the chart's stable short name on its page (``dam-map``: lower-case words
    joined by hyphens); the book build makes it the chart's anchor ``fig-<page>-<name>``,
    its label for ``{numref}`` cross-references and the name of its own CSV. Give one: the
    default (the first words of the title) changes when the title does, and links with it.
    """
    if name is not None and not NAME_RE.match(name):
        raise ValueError(f"chart name {name!r}: use lower-case words joined by hyphens")
    tables = [table] if isinstance(table, str) else list(table)
    notes = dict.fromkeys(source_note(t).removeprefix("Source: ") for t in tables)
    source = "Source: " + "; ".join(notes)
    meta = dict(cfr_tables=tables, cfr_alt=alt, cfr_title=title, cfr_subtitle=subtitle,
                cfr_source=source, cfr_note=note or "")
    if name:  # absent: the build names the chart from its title (cfr.charts.slug)
        meta["cfr_name"] = name
    fig.update_layout(meta=meta)
    return fig


def _with_furniture(fig: go.Figure) -> go.Figure:
    """A copy of a finished chart with title, subtitle and source note drawn inside it
    (for the static image). The image grows by the furniture's height: its plot area is as
    tall as on the web page, so labels placed in pixels (line ends, event marks, a map's
    leader lines) keep the room they have there."""
    meta = fig.layout.meta
    fig = go.Figure(fig)
    footer = "<br>".join(_wrap(t, 115) for t in (meta["cfr_source"], meta["cfr_note"]) if t)
    footer_px = 16 * (footer.count("<br>") + 1) + 10
    legend_px = _legend_under_plot_px(fig)
    bottom = (fig.layout.margin.b or 60) + legend_px + footer_px
    title, subtitle = _wrap(meta["cfr_title"], 76), _wrap(meta["cfr_subtitle"], 105)
    t_lines, s_lines = title.count("<br>") + 1, subtitle.count("<br>") + 1
    top = max(40 + 24 * t_lines + 19 * s_lines + 20, fig.layout.margin.t or 0)
    # The web page draws the chart WEB_TOP px below its own title (BookRenderer).
    plot = (fig.layout.height or HEIGHT - 70) - WEB_TOP - (fig.layout.margin.b or 60)
    height = plot + top + bottom
    # Plotly grows a multi-line title upwards from its anchor: push the anchor down by the
    # extra lines so the first line stays inside the image.
    y_top = 1 - (10 + 24 * (t_lines - 1)) / height
    fig.update_layout(
        title=dict(text=f"<b>{title}</b>", subtitle=dict(text=subtitle), x=0.015,
                   xref="container", xanchor="left", y=y_top, yanchor="top", yref="container"),
        margin=dict(b=bottom, t=top), height=height,
    )
    if legend_px:
        # placed by a fraction of the plot's height, it would print over the source lines:
        # in the image it sits just above them, in rows of its own
        fig.update_layout(legend=dict(yref="container", y=(footer_px + 6) / height,
                                      yanchor="bottom"))
    fig.add_annotation(text=footer, showarrow=False, xref="paper", yref="paper", x=0,
                       xanchor="left", y=0, yanchor="bottom", yshift=-(bottom - 8),
                       align="left", font=dict(size=11, color=MUTED))
    return fig


def _legend_under_plot_px(fig: go.Figure) -> int:
    """The height of a legend drawn under the plot (the house style), in rows estimated at
    the chart's width: a symbol and gap (40 px) and ~7 px a character per entry; 0 if the
    chart has no such legend."""
    legend, house = fig.layout.legend, fig.layout.template.layout.legend
    orientation = legend.orientation or house.orientation
    y = legend.y if legend.y is not None else house.y
    shown = [t for t in fig.data if t.showlegend is not False and t.name
             and (t.showlegend or len(fig.data) > 1)]
    if fig.layout.showlegend is False or not shown or orientation != "h" or y is None or y >= 0:
        return 0
    width = (fig.layout.width or WIDTH) - 60
    rows, used = 1, 0
    for t in shown:
        item = 40 + 7 * len(str(t.name))
        if used and used + item > width:
            rows, used = rows + 1, 0
        used += item
    return 22 * rows + 8


def _wrap(text: str, width: int) -> str:
    words, lines, cur = html.escape(text, quote=False).split(), [], ""
    for w in words:
        if cur and len(cur) + len(w) + 1 > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    lines.append(cur)
    return "<br>".join(lines)


# --- common chart shapes --------------------------------------------------------------------
def line(df, *, x: str, y: str, entity: str, unit: str, label_ends: bool = True,
         hover_fmt: str = ",.1f") -> go.Figure:
    """One line per entity (country code column ``entity``), coloured by country, with
    direct labels at line ends so colour is never the only key."""
    fig, ends = go.Figure(), []
    for code, part in df.sort_values(x).groupby(entity, sort=False):
        part = part.dropna(subset=[y])
        if len(part) and str(part[x].dtype).lower().startswith("int"):
            # Years missing from the source stay a gap in the line, not a straight bridge.
            years = range(int(part[x].min()), int(part[x].max()) + 1)
            part = part.set_index(x).reindex(years).rename_axis(x).reset_index()
        fig.add_trace(go.Scatter(
            x=part[x], y=part[y], mode="lines", name=name(code),
            line=dict(color=colour(code), width=3 if code == "KHM" else 2),
            hovertemplate=f"{name(code)}, %{{x}}: %{{y:{hover_fmt}}} {unit}<extra></extra>",
        ))
        if label_ends and len(part):
            ends.append((part.iloc[-1][x], float(part.iloc[-1][y]), code))
    for xe, ye, code in spread_labels(ends, df[y].max() - df[y].min()):
        fig.add_annotation(x=xe, y=ye, text=name(code), showarrow=False, xanchor="left",
                           xshift=6, font=dict(color=colour(code), size=13))
    fig.update_layout(showlegend=not label_ends, margin=dict(r=110))
    fig.update_yaxes(title=dict(text=unit))
    return fig


def spread_labels(ends, span, gap=0.06):
    """Nudge line-end labels apart vertically so they do not overprint each other.

    ``ends``: (x, y, code) per label; ``span``: the y range of the chart."""
    ends = sorted(ends, key=lambda e: e[1])
    min_gap = gap * (span or 1)
    out = []
    for xe, ye, code in ends:
        if out and ye - out[-1][1] < min_gap:
            ye = out[-1][1] + min_gap
        out.append((xe, ye, code))
    return out


def bar(df, *, x: str, y: str, unit: str, entity: str | None = None, orientation: str = "v",
        hover_fmt: str = ",.0f", text_fmt: str | None = None) -> go.Figure:
    """A bar chart; bars take the country colour when ``entity`` holds country codes."""
    colours = [colour(c) for c in df[entity]] if entity else PALETTE[0]
    xs, ys = (df[x], df[y]) if orientation == "v" else (df[y], df[x])
    value_axis = "y" if orientation == "v" else "x"
    fig = go.Figure(go.Bar(
        x=xs, y=ys, orientation=orientation, marker_color=colours,
        hovertemplate=f"%{{{'x' if orientation == 'v' else 'y'}}}: "
                      f"%{{{value_axis}:{hover_fmt}}} {unit}<extra></extra>",
        texttemplate=f"%{{{value_axis}:{text_fmt}}}" if text_fmt else None,
        textposition="outside" if text_fmt else None, cliponaxis=False,
    ))
    fig.update_layout(showlegend=False)
    (fig.update_yaxes if orientation == "v" else fig.update_xaxes)(title=dict(text=unit))
    return fig


def mark_events(fig: go.Figure, events, *, x: str = "year", label: str = "label") -> go.Figure:
    """Dotted vertical lines with short labels for the events that explain a change.

    ``events``: a DataFrame (or list of dicts) with an x position and a short label.
    """
    rows = events.to_dict("records") if hasattr(events, "to_dict") else list(events)
    for i, ev in enumerate(rows):
        fig.add_vline(x=ev[x], line=dict(color="#AAAAAA", width=1, dash="dot"))
        fig.add_annotation(x=ev[x], y=1.0 - 0.07 * (i % 3), yref="paper", text=ev[label],
                           showarrow=False, xanchor="left", xshift=3, yanchor="top",
                           font=dict(size=11, color=MUTED), bgcolor="rgba(255,255,255,0.8)")
    return fig


_DATE_FORMATS = {"day": "%d %b %Y", "month": "%b %Y", "year": "%Y"}


def date_label(dates, precision=None):
    """Dates as the book writes them ('5 Oct 2019', 'Oct 2019', '2019'), at the precision
    the source gives (a ``date_precision`` value per row: day, month or year)."""
    import pandas as pd

    dates = pd.to_datetime(pd.Series(dates).reset_index(drop=True))
    prec = pd.Series(precision if precision is not None else ["day"] * len(dates)).reset_index(drop=True)
    return [d.strftime(_DATE_FORMATS.get(p, "%d %b %Y")).lstrip("0") for d, p in zip(dates, prec)]


def timeline(df, *, start: str = "date", label: str = "event", lane: str = "actor",
             lanes_colour: dict | None = None, detail: str | None = None,
             precision: str | None = "date_precision") -> go.Figure:
    """A dated timeline: one marker per event on a horizontal lane per actor or theme.

    ``df`` needs a date column ``start``, a short ``label`` and a ``lane`` (country code or
    theme). Hover shows the date (at the precision in column ``precision`` if the table has
    it), the label and ``detail`` if given.
    """
    df = df.sort_values(start)
    lanes = list(dict.fromkeys(df[lane]))
    fig = go.Figure()
    for i, ln in enumerate(lanes):
        part = df[df[lane] == ln]
        col = (lanes_colour or {}).get(ln) or COUNTRY_COLOURS.get(ln) or PALETTE[i % len(PALETTE)]
        when = date_label(part[start], part[precision] if precision in part else None)
        hover = [f"{w}<br>{_wrap(str(t), 60)}" for w, t in zip(when, part[label])]
        if detail:
            hover = [f"{h}<br>{_wrap(str(d), 60)}" for h, d in zip(hover, part[detail].fillna(""))]
        fig.add_trace(go.Scatter(
            x=part[start], y=[name(ln)] * len(part), mode="markers", name=name(ln),
            marker=dict(size=11, color=col, symbol="diamond", line=dict(color="white", width=1)),
            customdata=hover, hovertemplate="%{customdata}<extra></extra>",
        ))
    fig.update_layout(showlegend=False, hovermode="closest")
    fig.update_yaxes(categoryorder="array", categoryarray=[name(x) for x in lanes][::-1],
                     showgrid=True, gridcolor="#EEEEEE")
    fig.update_xaxes(type="date", showgrid=True, gridcolor="#F2F2F2")
    return fig


# --- the renderer ---------------------------------------------------------------------------
class BookRenderer(MimetypeRenderer):
    """Plotly JSON everywhere; in the book build also the HTML div (plotly.js served by the
    book) and a static PNG."""

    def to_mimebundle(self, fig_dict):
        fig = go.Figure(fig_dict)
        meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
        if "cfr_title" not in meta:
            raise ValueError("call cfr.charts.finish(fig, title=..., subtitle=..., table=..., "
                             "alt=...) before fig.show(): every chart needs its source")
        fit_x_to_data(fig)
        bundle = {
            "application/vnd.plotly.v1+json": json.loads(pio.to_json(fig, validate=False)),
            "text/plain": f"<Figure: {meta['cfr_title']}>",
        }
        if not in_book_build():
            return bundle
        web = go.Figure(fig).update_layout(margin=dict(t=WEB_TOP))
        esc = html.escape
        key = hashlib.sha1(meta["cfr_title"].encode()).hexdigest()[:10]
        alt_id = "cfr-alt-" + key
        div = lazy_chart_div(web, "cfr-fig-" + key)
        links = " · ".join(
            f'<a href="{esc(csv_href(t))}" download>{esc(resource_info(t)["path"])}</a>'
            for t in meta["cfr_tables"]
        )
        note = f'<p class="cfr-chart-note">{esc(meta["cfr_note"])}</p>' if meta["cfr_note"] else ""
        kinds = {t.type for t in fig.data}
        traces = " ".join(sorted(kinds))
        # Heatmaps and small multiples need width to stay legible: on phones they keep a
        # minimum width and scroll inside their own box (see cfr.css).
        wide = "heatmap" in kinds or "xaxis2" in fig.to_plotly_json()["layout"]
        page = (
            f'<figure class="cfr-chart{" cfr-chart-wide" if wide else ""}" '
            f'data-cfr-traces="{esc(traces)}" data-cfr-name="{esc(_name(meta))}">'
            f'<p class="cfr-chart-title">{esc(meta["cfr_title"])}</p>'
            f'<p class="cfr-chart-subtitle">{esc(meta["cfr_subtitle"])}</p>'
            f'<div class="cfr-chart-plot" aria-describedby="{alt_id}">{div}</div>'
            f'<figcaption class="cfr-chart-caption"><p class="cfr-chart-source">'
            f'{esc(meta["cfr_source"])}</p>{note}'
            f'<p class="cfr-chart-data">Data (CSV): {links}</p>'
            f'<p class="cfr-alt" id="{alt_id}">{esc(meta["cfr_alt"])}</p></figcaption></figure>'
        )
        bundle["text/html"] = page
        bundle["image/png"] = base64.b64encode(static_png(_with_furniture(fig))).decode()
        return bundle


PAD = 0.02


def fit_x_to_data(fig: go.Figure) -> go.Figure:
    """plotly.js widens an autoranged axis so that text annotations placed on it fit inside
    the plot: on a phone, line-end labels and event marks stretch a 1990-2023 axis to 2040. Cap
    each autoranged numeric or date x axis at the data and the annotations' own positions, so
    labels run into the margin (as designed) instead of squeezing the lines."""
    import pandas as pd

    from cfr.chart_table import decode

    layout = fig.layout
    for axis_name in [k for k in fig.to_plotly_json()["layout"] if k.startswith("xaxis")] or ["xaxis"]:
        axis = layout[axis_name]
        if axis.range is not None or axis.autorange is False or axis.visible is False:
            continue
        ref = "x" + axis_name[5:]
        values = [v for t in fig.data if (getattr(t, "xaxis", None) or "x") == ref
                  and t.type in ("scatter", "bar") and t.x is not None
                  and getattr(t, "orientation", None) != "h" for v in decode(t.x)]
        notes = [a.x for a in layout.annotations if (a.xref or "x") == ref and a.x is not None]
        if not notes or not values:
            continue
        points = [v for v in list(values) + notes if v is not None and v == v]
        if all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in points):
            lo, hi = float(min(points)), float(max(points))
            pad = (hi - lo) * PAD  # room for end markers, as autorange would leave
            lo, hi = lo - pad, hi + pad
        else:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    stamps = pd.to_datetime(pd.Series([str(v) for v in points]), format="mixed")
            except (ValueError, TypeError, OverflowError):
                continue  # a category axis: nothing to cap
            pad = (stamps.max() - stamps.min()) * PAD
            lo, hi = (stamps.min() - pad).isoformat(), (stamps.max() + pad).isoformat()
        axis.autorangeoptions = dict(minallowed=lo, maxallowed=hi)
    return fig


def _name(meta: dict) -> str:
    """The chart's name (charts finished before names existed get one from their title)."""
    return meta.get("cfr_name") or slug(meta["cfr_title"])


def lazy_chart_div(fig: go.Figure, div_id: str) -> str:
    """An empty box of the chart's height and the figure as inline JSON. ``_static/cfr-charts.js``
    loads plotly.js and draws the chart when the box nears the viewport, so the page's text
    paints first and charts never seen cost nothing; the box keeps the layout from jumping."""
    height = fig.layout.height or HEIGHT - 70
    spec = json.loads(pio.to_json(fig, validate=False))
    spec["config"] = {"responsive": True, "displaylogo": False}
    payload = json.dumps(spec, separators=(",", ":")).replace("</", "<\\/")
    return (f'<div id="{div_id}" class="plotly-graph-div cfr-plot" '
            f'style="height:{height}px;width:100%"></div>'
            f'<script type="application/json" data-cfr-for="{div_id}">{payload}</script>')


_server_started = False


def static_png(fig: go.Figure) -> bytes:
    """PNG of a chart via kaleido's sync server (one Chromium for the whole notebook)."""
    import kaleido

    global _server_started
    if not _server_started:
        # plotly.js from the installed plotly package, no MathJax: nothing from the network.
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        _server_started = True
    # A chart that sets its own height (a map with a fixed shape) keeps it in print.
    opts = dict(format="png", width=WIDTH, height=fig.layout.height or HEIGHT, scale=SCALE)
    return kaleido.calc_fig_sync(fig.to_dict(), opts)


pio.renderers["cfr"] = BookRenderer()


# --- heatmap (appended by the UN-reform chapter) --------------------------------------------
def heatmap(df, *, x: str, y: str, z: str, unit: str, x_order=None, y_order=None,
            y_label=None, zmin: float | None = None, zmax: float | None = None,
            scale: float = 1.0, text_fmt: str = ".0f", hover_fmt: str = ".1f",
            colorscale: str = "Blues", extra: str | None = None) -> go.Figure:
    """A labelled heatmap: ``x`` and ``y`` categories, ``z`` values written in each cell.

    ``y_label``: function turning a ``y`` value into its display name (e.g. ``name`` for
    country codes); ``scale`` multiplies ``z`` for display (e.g. 100 for shares as per cent);
    ``extra``: a column shown in the hover (e.g. the number of observations). Cells with no
    value stay blank, so a gap is never shown as zero. Values are printed in the cells, so
    colour is never the only carrier of meaning.
    """
    xs = list(x_order) if x_order is not None else list(dict.fromkeys(df[x]))
    ys = list(y_order) if y_order is not None else list(dict.fromkeys(df[y]))
    label = y_label or (lambda v: v)
    cell = {(r[x], r[y]): r for r in df.to_dict("records")}
    zz, hover = [], []
    for yv in ys:
        zrow, hrow = [], []
        for xv in xs:
            r = cell.get((xv, yv))
            val = None if r is None or r[z] is None or r[z] != r[z] else float(r[z]) * scale
            zrow.append(val)
            if val is None:
                hrow.append(f"{html.escape(str(label(yv)))}, {html.escape(str(xv))}: no data")
            else:
                more = f"<br>{html.escape(extra)}: {r[extra]:,}" if extra else ""
                hrow.append(f"{html.escape(str(label(yv)))}, {html.escape(str(xv))}: "
                            f"{val:{hover_fmt}} {unit}{more}")
        zz.append(zrow)
        hover.append(hrow)
    fig = go.Figure(go.Heatmap(
        z=zz, x=xs, y=[label(v) for v in ys], zmin=zmin, zmax=zmax, colorscale=colorscale,
        customdata=hover, hovertemplate="%{customdata}<extra></extra>",
        texttemplate=f"%{{z:{text_fmt}}}", textfont=dict(size=12), xgap=2, ygap=2,
        colorbar=dict(title=dict(text=unit, side="right"), thickness=12),
    ))
    fig.update_yaxes(autorange="reversed", showgrid=False, ticks="")
    fig.update_xaxes(side="top", showline=False, ticks="")
    fig.update_layout(margin=dict(t=110))
    return fig
