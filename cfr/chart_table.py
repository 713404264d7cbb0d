"""The values a chart draws, as a tidy table: what its "Table" view and its own CSV show.

Used at build time by :mod:`cfr.figures` on the Plotly JSON the renderer embeds in the page,
so the table is made from the figure itself (never from a second copy of the chapter's code)
and holds exactly what is drawn:

- bars, lines and markers: one row per drawn point: series (the trace's name), the category
  or x value, the value, and the point's label when the chart writes one (text or hover);
- heatmaps: one row per filled cell: row, column, value;
- maps drawn on hidden axes (:mod:`cfr.maps`): the named points only (dams, places), with
  longitude and latitude; outlines of countries, rivers and borders are geometry, not data.

Traces a chart draws only as decoration (hover switched off: error ranges, reference lines,
map outlines) and filled areas are left out. Each row remembers its trace (``trace``) so a
test can compare the table with what plotly.js drew.
"""
from __future__ import annotations

import base64
import html
import math
import re

YEAR_RANGE = (1800, 2100)
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?([ T][\d:.]+)?$")


def decode(value):
    """A Plotly array as a flat list (Plotly 7 writes numbers as base64 typed arrays)."""
    if value is None:
        return []
    if isinstance(value, dict) and "bdata" in value:
        import numpy as np

        arr = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        if value.get("shape"):
            arr = arr.reshape([int(n) for n in str(value["shape"]).split(",")])
        return arr.tolist()
    if isinstance(value, dict) and "_inputArray" in value:
        return list(value["_inputArray"].values()) if isinstance(value["_inputArray"], dict) \
            else list(value["_inputArray"])
    if isinstance(value, (str, int, float)):
        return [value]
    return list(value)


def plain(text) -> str:
    """Hover or label text without Plotly's HTML: tags dropped, <br> as a separator."""
    if text is None:
        return ""
    if isinstance(text, (list, tuple)):
        return "; ".join(plain(t) for t in text if plain(t))
    text = re.sub(r"<br\s*/?>", " · ", str(text), flags=re.I)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return " ".join(text.split())


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def _axis(layout: dict, ref: str | None, letter: str) -> dict:
    """The layout axis a trace uses ('x2' -> layout['xaxis2'])."""
    ref = ref or letter
    return layout.get(f"{letter}axis{ref[1:]}", {}) or {}


def _title(axis: dict) -> str:
    t = axis.get("title")
    if isinstance(t, dict):
        t = t.get("text")
    return plain(t or "")


def _kind(values) -> str:
    vals = [v for v in values if not _missing(v)]
    if vals and all(isinstance(v, (int, float)) and float(v).is_integer()
                    and YEAR_RANGE[0] <= v <= YEAR_RANGE[1] for v in vals):
        return "year"
    if vals and all(isinstance(v, str) and DATE_RE.match(v) for v in vals):
        return "date"
    if vals and all(isinstance(v, (int, float)) for v in vals):
        return "number"
    return "category"


def _skip(trace: dict, layout: dict) -> bool:
    if trace.get("visible") in (False, "legendonly"):
        return True
    if str(trace.get("hoverinfo", "")) in ("skip", "none"):
        return True
    if trace.get("type", "scatter") == "scatter":
        if trace.get("fill") in ("toself", "tonext", "tozerox", "tozeroy"):
            return True
        on_map = _axis(layout, trace.get("xaxis"), "x").get("visible") is False
        if on_map and "markers" not in str(trace.get("mode", "")):
            return True  # outlines and rivers of a map: geometry, not data
    return False


def _labels(trace: dict, n: int) -> list[str]:
    """Per point, the words the chart shows or the hover gives for it."""
    for key in ("text", "hovertext", "customdata"):
        vals = trace.get(key)
        if vals is None or isinstance(vals, str):
            continue
        vals = decode(vals)
        if len(vals) == n and any(isinstance(v, (str, list)) for v in vals):
            return [plain(v) for v in vals]
    return [""] * n


def tidy(fig: dict) -> dict:
    """``{"columns": [...], "rows": [[...], ...], "traces": [i, ...]}`` for a Plotly figure
    (its JSON as a dict). Values are Python numbers or strings, unrounded. Columns with
    nothing in them (no series names, no panels, no labels) are dropped."""
    layout = fig.get("layout", {}) or {}
    data = fig.get("data", []) or []
    if any(t.get("type") == "heatmap" for t in data):
        return _tidy_heatmap(data, layout)
    axes = {tr.get("xaxis") or "x" for tr in data if not _skip(tr, layout)}
    rows, traces, cat_titles, val_titles = [], [], [], []
    on_map = False
    for i, tr in enumerate(data):
        if _skip(tr, layout) or tr.get("type", "scatter") not in ("scatter", "bar", "scattergl"):
            continue
        xs, ys = decode(tr.get("x")), decode(tr.get("y"))
        n = max(len(xs), len(ys))
        xs, ys = xs or list(range(n)), ys or list(range(n))
        xaxis, yaxis = _axis(layout, tr.get("xaxis"), "x"), _axis(layout, tr.get("yaxis"), "y")
        on_map = on_map or xaxis.get("visible") is False
        # Bars drawn sideways and dot plots with a category per row: the category is y.
        horizontal = (tr.get("orientation") == "h" if tr.get("type") == "bar" else
                      not on_map and _kind(ys) == "category" and _kind(xs) != "category")
        cats, vals = (ys, xs) if horizontal else (xs, ys)
        cat_titles.append(_title(yaxis if horizontal else xaxis))
        val_titles.append(_title(xaxis if horizontal else yaxis))
        name = plain(tr.get("name", ""))
        panel = _panel(tr, layout) if len(axes) > 1 else ""
        for c, v, lab in zip(cats, vals, _labels(tr, n)):
            if _missing(v) or _missing(c):
                continue  # a gap in a line is drawn as nothing
            rows.append([name, panel, _clean(c, on_map), _clean(v, on_map), lab])
            traces.append(i)
    if on_map:
        columns = ["Series", "Panel", "Longitude (°E)", "Latitude (°N)", "Label"]
    else:
        default = {"year": "Year", "date": "Date", "number": "Value", "category": "Category"}
        cat_kind = _kind([r[2] for r in rows])
        val_kind = _kind([r[3] for r in rows])
        cat_title = next((t for t in cat_titles if t), "")
        val_title = next((t for t in val_titles if t), "")
        cat_head = cat_title or default[cat_kind]
        if val_kind in ("date", "year", "category"):
            val_head = default[val_kind] + (f" ({val_title})" if val_title else "")
        else:
            val_head = f"Value ({val_title})" if val_title else "Value"
        if cat_head == val_head:
            cat_head = "x"
        columns = ["Series", "Panel", cat_head, val_head, "Label"]
        # A timeline's lane is both its series and its row: say it once.
        if rows and all(r[2] == r[0] for r in rows):
            columns.pop(2)
            rows = [r[:2] + r[3:] for r in rows]
    return _drop_empty({"columns": columns, "rows": rows, "traces": traces})


def _clean(v, on_map: bool):
    if isinstance(v, float) and v.is_integer() and not on_map:
        return int(v)  # years and counts come back from typed arrays as floats
    if isinstance(v, str):
        v = re.sub(r"T00:00:00(\.0+)?$", "", v)  # a date drawn at midnight is a day
        return plain(v).replace(" · ", " ")
    return v


def _panel(trace: dict, layout: dict) -> str:
    """The heading of the small multiple a trace is in: the one annotation placed on its
    axes, or the subplot title above its column."""
    xref = trace.get("xaxis") or "x"
    notes = layout.get("annotations", []) or []
    own = [a for a in notes if a.get("xref") == xref]
    if len(own) == 1:
        return plain(own[0].get("text")).replace(" · ", " ")
    domain = _axis(layout, xref, "x").get("domain") or [0, 1]
    middle = (domain[0] + domain[1]) / 2
    for a in notes:
        if a.get("xref") == "paper" and abs(float(a.get("x", -1)) - middle) < 0.01:
            return plain(a.get("text")).replace(" · ", " ")
    return ""


def _tidy_heatmap(data, layout) -> dict:
    rows, traces = [], []
    unit = ""
    for i, tr in enumerate(data):
        if tr.get("type") != "heatmap" or _skip(tr, layout):
            continue
        z = tr.get("z")
        flat = decode(z)
        xs, ys = decode(tr.get("x")), decode(tr.get("y"))
        if flat and not isinstance(flat[0], list):  # a flat typed array: reshape by x, y
            flat = [flat[r * len(xs):(r + 1) * len(xs)] for r in range(len(ys))]
        bar = (tr.get("colorbar") or {}).get("title") or {}
        unit = unit or plain(bar.get("text") if isinstance(bar, dict) else bar)
        for r, yv in enumerate(ys):
            for c, xv in enumerate(xs):
                v = flat[r][c] if r < len(flat) and c < len(flat[r]) else None
                if not _missing(v):
                    rows.append([_clean(yv, False), _clean(xv, False), v])
                    traces.append(i)
    columns = ["Row", "Column", f"Value ({unit})" if unit else "Value"]
    return {"columns": columns, "rows": rows, "traces": traces}


def _drop_empty(table: dict) -> dict:
    keep = [j for j, col in enumerate(table["columns"])
            if table["columns"][j] not in ("Series", "Panel", "Label") or any(not _missing(r[j]) and r[j] != "" for r in table["rows"])]
    table["columns"] = [table["columns"][j] for j in keep]
    table["rows"] = [[r[j] for j in keep] for r in table["rows"]]
    return table


def is_year_column(name: str) -> bool:
    return bool(re.search(r"\byears?\b", str(name), flags=re.I))


def number_text(v, grouping: bool = True) -> str:
    """A value as the table shows it: whole numbers with thousands separators (none in a
    year column: 1978, not 1,978), others with as many decimals as they need (at most 4)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return str(v)
    if float(v).is_integer():
        return f"{int(v):,}" if grouping else str(int(v))
    for d in range(1, 5):
        if math.isclose(round(v, d), v, rel_tol=1e-12, abs_tol=1e-12):
            return f"{v:,.{d}f}"
    return f"{v:,.4f}"


def csv_text(table: dict, header_lines: list[str]) -> str:
    """The table as CSV with ``#`` comment lines (title, source, licence, link) on top."""
    import csv
    import io

    buf = io.StringIO()
    for line in header_lines:
        buf.write("# " + " ".join(line.split()) + "\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(table["columns"])
    for row in table["rows"]:
        w.writerow([_csv_value(v) for v in row])
    return buf.getvalue()


def _csv_value(v):
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return v
