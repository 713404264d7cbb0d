"""``make refresh``: fetch the newest public extracts, validate them, rebuild data/, report.

For maintainers with internet. For each raw file in ``sources/`` that has a documented public
API or stable URL (``REFRESHERS`` below), the new version is downloaded into a staging folder
and validated against the file it would replace: the format, the expected columns, no empty
series, the same countries and series, no lost recent years. Only when **every** requested
file passes are the files in ``sources/`` replaced; then ``make data``
(``scripts/curate/run_all.py``) rebuilds ``data/``. If a download fails, a response is
malformed, a check fails or the rebuild fails, ``sources/`` and ``data/`` are left (or put
back) exactly as they were, and the report says what failed.

The change report lists, for each raw file and each table of ``data/`` that changed, the rows
added, removed and changed (rows matched on the table's primary key), and the glued numbers of
the book that move, comparing the executed notebooks in ``_build/jupyter_execute/`` before and
after (only with ``--book``, which rebuilds the HTML book after the data; otherwise the report
says the glued numbers were not measured).

What is refreshed (see ``--list``):

- World Bank WDI series (``wdi:*``), through the documented Indicators API v2,
  ``https://api.worldbank.org/v2/country/<ISO3;ISO3>/indicator/<CODE>?format=json``: the six
  WDI files of ``sources/donors/`` and ``sources/mekong/``. Country names, indicator names and
  units are kept from the file being replaced; values are written as the API gives them. The
  current files come from a mirror that rounded values to 5 decimals, so the first refresh
  will report most rows as changed in the last digits: read the report's tables, not counts.
- Natural Earth (``naturalearth``): the five source layers, as GeoJSON from the official
  repository ``https://raw.githubusercontent.com/nvkelso/natural-earth-vector/master/geojson/``,
  cut with the recipe of ``scripts/geo_clip.py`` (needs shapely, a maintainer's install:
  ``pip install shapely==2.1.2``); checked: same number of features, same properties, none
  emptied (a renamed property in a new release is refused).
- Not refreshed (no public API or stable URL with the same content; update by hand as their
  README says): UNGA votes (Voeten's Dataverse release, read from R ``.rda`` files), SIPRI
  (the extract comes from a third-party repository's 2022 tables), and every file of facts
  quoted from web pages.

    .venv/bin/python scripts/refresh.py                 # all, then make data, then report
    .venv/bin/python scripts/refresh.py --only wdi:donors/wdi_aid.csv
    .venv/bin/python scripts/refresh.py --dry-run       # fetch and validate only
    .venv/bin/python scripts/refresh.py --book          # also rebuild the book, compare glue
"""
from __future__ import annotations

import argparse
import ast
import csv
import importlib.util
import io
import json
import math
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WDI_API = "https://api.worldbank.org/v2/country/{countries}/indicator/{code}?format=json&per_page=20000&page={page}"
USER_AGENT = "cambodia-foreign-relations-refresh/1.0 (+make refresh)"


class RefreshError(Exception):
    """A download, a response or a check failed: nothing is replaced."""


def http_get(url: str, timeout: float = 60) -> bytes:
    """GET ``url`` and return the body (tests replace this function: no network in tests)."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.read()
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise RefreshError(f"download failed: {url}: {exc}") from exc


# --- World Bank WDI ----------------------------------------------------------------------------
@dataclass
class WDIFile:
    """A WDI extract in sources/: one row per country, indicator and year."""
    path: str                 # relative to sources/
    year: str = "year"
    value: str = "value"
    indicator: str = "indicator_code"
    iso3: str | None = "iso3"  # None: one country for the whole file (``country``)
    country: str | None = None
    lose_at_most: float = 0.1  # a series may lose at most this share of its years...
    keep_since: int = 2000     # ...and none from this year on

    @property
    def name(self) -> str:
        return f"wdi:{self.path}"

    @property
    def paths(self) -> list[str]:
        return [self.path]

    def fetch_all(self, olds: dict[str, str], get, staging: Path) -> dict[str, str]:
        """The new file, checked: same columns, same countries (as the file it replaces)."""
        old = olds[self.path]
        new = self.fetch(old, get)
        header_old, rows_old, _ = read_csv(old)
        header_new, rows_new, _ = read_csv(new)
        if header_new != header_old:
            raise RefreshError(f"{self.path}: columns {header_new} != {header_old}")
        if self.iso3:
            old_c = {row[self.iso3] for row in rows_old}
            new_c = {row[self.iso3] for row in rows_new}
            if old_c != new_c:
                raise RefreshError(f"{self.path}: countries {sorted(new_c)} != {sorted(old_c)}")
        return {self.path: new}

    @property
    def key(self) -> list[str]:
        """The columns that identify a row: country (if a column), indicator, year."""
        return ([self.iso3] if self.iso3 else []) + [self.indicator, self.year]

    def describe(self) -> str:
        return f"World Bank WDI API -> sources/{self.path}"

    def series(self, rows: list[dict]) -> list[tuple[str, str]]:
        """(iso3, indicator) pairs in the order the file has them."""
        out = []
        for r in rows:
            key = (r[self.iso3] if self.iso3 else self.country, r[self.indicator])
            if key not in out:
                out.append(key)
        return out

    def fetch(self, old_text: str, get) -> str:
        header, rows, newline = read_csv(old_text)
        for col in [self.year, self.value, self.indicator] + ([self.iso3] if self.iso3 else []):
            if col not in header:
                raise RefreshError(f"{self.path}: column {col!r} missing from the current file")
        series = self.series(rows)
        constant = {}   # per series, the columns that do not change with the year
        for r in rows:
            key = (r[self.iso3] if self.iso3 else self.country, r[self.indicator])
            constant.setdefault(key, {c: v for c, v in r.items() if c not in (self.year, self.value)})
        by_code: dict[str, list[str]] = {}
        for iso, code in series:
            by_code.setdefault(code, []).append(iso)
        fetched: dict[tuple[str, str], dict[int, str]] = {}
        for code, isos in by_code.items():
            for (iso, year), value in wdi_observations(code, isos, get).items():
                fetched.setdefault((iso, code), {})[year] = value
        out = []
        for key in series:
            new = fetched.get(key, {})
            if not new:
                raise RefreshError(f"{self.path}: the API returned no values for {key[0]} {key[1]}")
            old_years = {int(r[self.year]) for r in rows
                         if (r[self.iso3] if self.iso3 else self.country, r[self.indicator]) == key}
            lost = sorted(old_years - set(new))
            recent = [y for y in lost if y >= self.keep_since]
            if recent or len(lost) > self.lose_at_most * len(old_years):
                raise RefreshError(f"{self.path}: {key[0]} {key[1]} would lose {len(lost)} of "
                                   f"{len(old_years)} years ({', '.join(map(str, lost[:12]))})")
            for year in sorted(new):
                row = dict(constant[key])
                row[self.year], row[self.value] = str(year), new[year]
                out.append(row)
        return write_csv(header, out, newline)


def wdi_observations(code: str, isos: list[str], get) -> dict[tuple[str, int], str]:
    """{(iso3, year): value as text} for one indicator, all pages, null values left out."""
    out, page, pages = {}, 1, 1
    while page <= pages:
        url = WDI_API.format(countries=";".join(isos), code=code, page=page)
        body = get(url)
        try:
            doc = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise RefreshError(f"malformed response (not JSON) from {url}: {exc}") from exc
        if (isinstance(doc, list) and doc and isinstance(doc[0], dict) and "message" in doc[0]):
            msgs = "; ".join(f"{m.get('key', '')}: {m.get('value', '')}" for m in doc[0]["message"])
            raise RefreshError(f"the API refused {url}: {msgs}")
        if not (isinstance(doc, list) and len(doc) == 2 and isinstance(doc[0], dict)
                and "pages" in doc[0] and isinstance(doc[1], list)):
            raise RefreshError(f"malformed response from {url}: expected [metadata, observations]")
        pages = int(doc[0]["pages"])
        for obs in doc[1]:
            try:
                got_code, iso, date, value = (obs["indicator"]["id"], obs["countryiso3code"],
                                              obs["date"], obs["value"])
            except (KeyError, TypeError) as exc:
                raise RefreshError(f"malformed observation from {url}: {obs!r}") from exc
            if got_code.upper() != code.upper():
                raise RefreshError(f"{url}: observation of {got_code}, asked for {code}")
            if iso not in isos:
                raise RefreshError(f"{url}: observation for {iso!r}, asked for {', '.join(isos)}")
            if not (isinstance(date, str) and len(date) == 4 and date.isdigit()):
                raise RefreshError(f"{url}: date {date!r} is not a year")
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise RefreshError(f"{url}: value {value!r} for {iso} {date} is not a number")
            out[(iso, int(date))] = number_text(value)
        page += 1
    return out


def number_text(value: float | int) -> str:
    """A number as the API gives it: integers without '.0', floats as Python writes them."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return repr(float(value))


# --- Natural Earth -----------------------------------------------------------------------------
NE_URL = "https://raw.githubusercontent.com/nvkelso/natural-earth-vector/master/geojson/{layer}.geojson"


@dataclass
class NaturalEarth:
    """The five map layers of sources/geo/, cut from the newest Natural Earth release (the
    official repository ``nvkelso/natural-earth-vector``, folder ``geojson/``) with the recipe
    of ``scripts/geo_clip.py``, which needs shapely (a maintainer's install)."""
    name: str = "naturalearth"
    key: list | None = None

    @property
    def paths(self) -> list[str]:
        return [f"geo/{name}" for name in self._clip().LAYERS]

    def describe(self) -> str:
        return ("Natural Earth (nvkelso/natural-earth-vector, geojson/) -> sources/geo/*.geojson"
                + ("" if self.available() else " [needs shapely: not installed here]"))

    @staticmethod
    def available() -> bool:
        return importlib.util.find_spec("shapely") is not None

    @staticmethod
    def _clip():
        spec = importlib.util.spec_from_file_location("geo_clip", Path(__file__).with_name("geo_clip.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    def fetch_all(self, olds: dict[str, str], get, staging: Path) -> dict[str, str]:
        clip = self._clip()
        try:
            import shapely  # noqa: F401
        except ImportError as exc:
            raise RefreshError("Natural Earth needs shapely to cut the layers: "
                               ".venv/bin/pip install shapely==2.1.2") from exc
        folder = staging / "naturalearth"
        folder.mkdir(parents=True, exist_ok=True)
        for layer, *_ in clip.LAYERS.values():
            url = NE_URL.format(layer=layer)
            body = get(url)
            try:
                doc = json.loads(body)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise RefreshError(f"malformed response (not JSON) from {url}: {exc}") from exc
            if not (isinstance(doc, dict) and doc.get("type") == "FeatureCollection"
                    and isinstance(doc.get("features"), list) and doc["features"]):
                raise RefreshError(f"malformed response from {url}: not a FeatureCollection")
            (folder / f"{layer}.geojson").write_bytes(body)
        try:
            news = {f"geo/{name}": text for name, text in clip.cut_all(folder).items()}
        except (KeyError, TypeError, ValueError) as exc:
            raise RefreshError(f"cannot cut the layers: {exc!r}") from exc
        for path, new in news.items():
            old, fresh = json.loads(olds[path])["features"], json.loads(new)["features"]
            if len(fresh) != len(old):
                raise RefreshError(f"{path}: {len(fresh)} features, the current file has {len(old)}")
            for f_old, f_new in zip(old, fresh):
                if set(f_new["properties"]) != set(f_old["properties"]):
                    raise RefreshError(f"{path}: properties {sorted(f_new['properties'])}")
                lost = [k for k, v in f_old["properties"].items()
                        if v is not None and f_new["properties"][k] is None]
                if lost:
                    raise RefreshError(f"{path}: {', '.join(lost)} empty in the new release "
                                       "(renamed property?)")
        return news


REFRESHERS = {r.name: r for r in [
    WDIFile("donors/wdi_aid.csv"),
    WDIFile("donors/wdi_aid_more.csv"),
    WDIFile("donors/wdi_aid_budget_gni.csv"),
    WDIFile("donors/wdi_official_loans_net.csv"),
    WDIFile("donors/oda_by_donor_wdi.csv", value="value_usd_current", indicator="donor_code",
            iso3=None, country="KHM"),
    WDIFile("mekong/capture_fisheries_production_wdi.csv",
            value="capture_fisheries_production_tonnes"),
    NaturalEarth(),
]}


# --- CSV helpers ---------------------------------------------------------------------------
def read_csv(text: str) -> tuple[list[str], list[dict], str]:
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    if not reader.fieldnames or not rows:
        raise RefreshError("empty CSV")
    return list(reader.fieldnames), rows, newline


def write_csv(header: list[str], rows: list[dict], newline: str) -> str:
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=header, lineterminator=newline)
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def row_changes(old: str, new: str, key: list[str] | None) -> dict:
    """Rows added, removed and changed between two CSV texts (matched on ``key`` if given);
    for GeoJSON, features instead of rows (changed = same position, different feature)."""
    if old.lstrip().startswith("{") or new.lstrip().startswith("{"):
        a = json.loads(old)["features"] if old else []
        b = json.loads(new)["features"] if new else []
        n = min(len(a), len(b))
        return {"key": ["feature"], "added": [str(i) for i in range(n, len(b))],
                "removed": [str(i) for i in range(n, len(a))],
                "changed": [str(i) for i in range(n) if a[i] != b[i]], "columns": False}
    def parse(text):
        if not text:
            return [], []
        reader = csv.DictReader(io.StringIO(text, newline=""))
        return list(reader.fieldnames or []), list(reader)
    h0, r0 = parse(old)
    h1, r1 = parse(new)
    if key and all(k in h0 and k in h1 for k in key):
        a = {tuple(r[k] for k in key): r for r in r0}
        b = {tuple(r[k] for k in key): r for r in r1}
        added = [k for k in b if k not in a]
        removed = [k for k in a if k not in b]
        changed = [k for k in a if k in b and a[k] != b[k]]
        return {"key": key, "added": added, "removed": removed, "changed": changed,
                "columns": h0 != h1}
    a = [tuple(r.values()) for r in r0]
    b = [tuple(r.values()) for r in r1]
    return {"key": None, "added": [r for r in b if r not in set(a)],
            "removed": [r for r in a if r not in set(b)], "changed": [], "columns": h0 != h1}


# --- glued numbers ----------------------------------------------------------------------------
def glued_values(build: Path) -> dict[str, dict]:
    """{page: {name: value}} for every notebook the last book build executed."""
    out = {}
    folder = build / "jupyter_execute"
    for nb_path in sorted(folder.rglob("*.ipynb")) if folder.exists() else []:
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        values = {}
        for cell in nb.get("cells", []):
            for o in cell.get("outputs", []):
                name = o.get("metadata", {}).get("scrapbook", {}).get("name")
                if name:
                    text = o.get("data", {}).get("application/papermill.record/text/plain")
                    try:
                        values[name] = ast.literal_eval(text)
                    except (ValueError, SyntaxError):
                        values[name] = text
        out[nb_path.relative_to(folder).with_suffix("").as_posix()] = values
    return out


def glue_moves(before: dict, after: dict) -> list[str]:
    lines = []
    for page in sorted(set(before) | set(after)):
        a, b = before.get(page, {}), after.get(page, {})
        for name in sorted(set(a) | set(b)):
            x, y = a.get(name), b.get(name)
            if x == y or (isinstance(x, float) and isinstance(y, float) and x != x and y != y):
                continue
            if (isinstance(x, (int, float)) and isinstance(y, (int, float))
                    and not isinstance(x, bool) and not isinstance(y, bool)):
                pct = f" ({(y - x) / abs(x) * 100:+.2f}%)" if x else ""
                lines.append(f"{page}: {name} {x!r} -> {y!r}, by {y - x:+.6g}{pct}")
            else:
                lines.append(f"{page}: {name} {x!r} -> {y!r}")
    return lines


# --- the routine ---------------------------------------------------------------------------
@dataclass
class Report:
    ok: bool = True
    failed: list[str] = field(default_factory=list)
    sources: dict = field(default_factory=dict)
    tables: dict = field(default_factory=dict)
    glue: list[str] | None = None
    glue_note: str = ""

    def text(self) -> str:
        out = []
        if not self.ok:
            out.append("REFRESH FAILED: nothing replaced; sources/ and data/ are as they were.")
            out += [f"  - {f}" for f in self.failed]
            return "\n".join(out)
        out.append("Raw files replaced in sources/:" if self.sources else
                   "No raw file changed: sources/ and data/ are as they were.")
        out += [f"  {p}: {summary(c)}" for p, c in self.sources.items()]
        if self.sources:
            out.append("Tables changed in data/:" if self.tables else "No table in data/ changed.")
            out += [f"  {p}: {summary(c)}" for p, c in self.tables.items()]
            if self.glue is None:
                out.append(f"Glued numbers: not measured ({self.glue_note}).")
            elif not self.glue:
                out.append("Glued numbers: none moved.")
            else:
                out.append("Glued numbers that move:")
                out += [f"  {line}" for line in self.glue]
        return "\n".join(out)


def summary(change: dict) -> str:
    def fmt(keys):
        keys = [" ".join(k) if isinstance(k, tuple) else str(k) for k in keys]
        return ", ".join(keys[:6]) + (f", ... ({len(keys)})" if len(keys) > 6 else "")
    parts = [f"{len(change['added'])} rows added" + (f" [{fmt(change['added'])}]" if change["added"] else ""),
             f"{len(change['removed'])} removed" + (f" [{fmt(change['removed'])}]" if change["removed"] else "")]
    if change["key"]:
        parts.append(f"{len(change['changed'])} changed" + (f" [{fmt(change['changed'])}]" if change["changed"] else ""))
    if change["columns"]:
        parts.append("columns changed")
    return ", ".join(parts)


def primary_keys(root: Path) -> dict[str, list[str]]:
    keys = {}
    pkg = root / "data" / "datapackage.json"
    if pkg.exists():
        for res in json.loads(pkg.read_text(encoding="utf-8")).get("resources", []):
            pk = res.get("schema", {}).get("primaryKey")
            if pk:
                keys[f"data/{res['path']}"] = pk if isinstance(pk, list) else [pk]
    return keys


def snapshot(folder: Path, root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def restore(folder: Path, root: Path, files: dict[str, bytes]) -> None:
    for p in folder.rglob("*"):
        if p.is_file() and p.relative_to(root).as_posix() not in files:
            p.unlink()
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)


def expand(names: list[str] | None) -> list[str]:
    """Refresher names; a group prefix such as ``wdi`` stands for all ``wdi:*``."""
    if not names:   # all that can run here (Natural Earth needs shapely)
        return [n for n, r in REFRESHERS.items() if getattr(r, "available", lambda: True)()]
    out = []
    for n in names:
        group = [k for k in REFRESHERS if k.startswith(n + ":")]
        if n not in REFRESHERS and not group:
            raise SystemExit(f"refresh.py: unknown source {n!r} (see --list)")
        out += [n] if n in REFRESHERS else group
    return list(dict.fromkeys(out))


def refresh(names: list[str] | None = None, *, root: Path = ROOT, get=None, staging: Path | None = None,
            dry_run: bool = False, book: bool = False, python: str = sys.executable) -> Report:
    get = get or http_get
    report = Report()
    chosen = [REFRESHERS[n] for n in expand(names)]
    sources = root / "sources"
    tmp = None
    if staging is None:
        tmp = tempfile.TemporaryDirectory(prefix="cfr-refresh-")
        staging = Path(tmp.name)
    try:
        staged = {}
        for r in chosen:   # 1. fetch everything into staging and validate it
            # read bytes: keep CRLF line endings where a file has them
            olds = {p: (sources / p).read_bytes().decode("utf-8") for p in r.paths}
            try:
                news = r.fetch_all(olds, get, staging)
            except RefreshError as exc:
                report.failed.append(f"{r.name}: {exc}")
                continue
            for path, new in news.items():
                dest = staging / "sources" / path
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_text(new, encoding="utf-8", newline="")
                if new != olds[path]:
                    staged[path] = (olds[path], new, r.key)
        if report.failed:
            report.ok = False
            return report
        if dry_run or not staged:
            report.sources = {f"sources/{p}": row_changes(o, n, k) for p, (o, n, k) in staged.items()}
            return report
        # 2. replace, rebuild, compare; put everything back if the rebuild fails
        build = root / "_build"
        glue_before = glued_values(build) if book else None
        data_before = snapshot(root / "data", root)
        src_before = {p: (sources / p).read_bytes() for p in staged}
        for p in staged:
            shutil.copyfile(staging / "sources" / p, sources / p)
        proc = subprocess.run([python, str(root / "scripts/curate/run_all.py")], cwd=root,
                              capture_output=True, text=True)
        if proc.returncode:
            for p, data in src_before.items():
                (sources / p).write_bytes(data)
            restore(root / "data", root, data_before)
            report.ok = False
            tail = (proc.stdout + proc.stderr).strip().splitlines()[-8:]
            report.failed.append("make data failed on the new extracts:\n      " + "\n      ".join(tail))
            return report
        keys = primary_keys(root)
        report.sources = {f"sources/{p}": row_changes(o, n, k) for p, (o, n, k) in staged.items()}
        data_after = snapshot(root / "data", root)
        for name in sorted(set(data_before) | set(data_after)):
            if (name.endswith((".csv", ".geojson"))
                    and data_before.get(name) != data_after.get(name)):
                report.tables[name] = row_changes(data_before.get(name, b"").decode("utf-8"),
                                                  data_after.get(name, b"").decode("utf-8"),
                                                  keys.get(name))
        if book and glue_before is not None:
            if not glue_before:
                report.glue_note = "the book had not been built before the refresh"
            else:
                proc = subprocess.run(["make", "html"], cwd=root, capture_output=True, text=True)
                if proc.returncode:
                    report.glue_note = "the book build after the refresh failed"
                else:
                    report.glue = glue_moves(glue_before, glued_values(build))
        else:
            report.glue_note = ("the book was not rebuilt; rerun with --book, or build the book "
                                "and compare tests/snapshots/glued.json")
        return report
    finally:
        if tmp is not None:
            tmp.cleanup()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", action="append",
                    help="a source name or group, e.g. wdi or wdi:donors/wdi_aid.csv (see --list); repeatable")
    ap.add_argument("--list", action="store_true", help="list what can be refreshed")
    ap.add_argument("--dry-run", action="store_true", help="fetch and validate, replace nothing")
    ap.add_argument("--staging", type=Path, help="keep the downloaded files in this folder")
    ap.add_argument("--book", action="store_true",
                    help="rebuild the HTML book after the data and report the glued numbers that move")
    args = ap.parse_args(argv)
    if args.list:
        for name, r in REFRESHERS.items():
            print(f"{name}\t{r.describe()}")
        return 0
    if args.staging:
        args.staging.mkdir(parents=True, exist_ok=True)
    skipped = [n for n, r in REFRESHERS.items()
               if not args.only and not getattr(r, "available", lambda: True)()]
    if skipped:
        print(f"skipped (needs shapely: pip install shapely==2.1.2): {', '.join(skipped)}")
    report = refresh(args.only, staging=args.staging, dry_run=args.dry_run, book=args.book)
    print(report.text())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
