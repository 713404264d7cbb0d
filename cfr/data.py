"""Load the book's tables, validated against ``data/datapackage.json`` with frictionless.

``load("donors_oda_gni")`` returns a pandas DataFrame. Before it does, frictionless checks the CSV
against the schema in the data package: types, required columns, ranges, allowed values,
primary keys and foreign keys (country codes must exist in ``countries.csv``). Any problem
raises :class:`DataError` with a message naming the file, the row and the field, so a bad
table stops the build instead of drawing a wrong chart.

Where frictionless is not installed (the live notebook in the reader's browser, which runs on
Pyodide), the table is read with pandas and the schema's types only: the same DataFrame, not
validated again (the book build validated every table before the site was made).
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pandas as pd

try:
    from frictionless import Package, system
except ImportError:  # Pyodide: read with the schema's types, without validation
    Package = system = None

DATA_ENV = "CFR_DATA_DIR"


class DataError(ValueError):
    """A table in ``data/`` is missing, unreadable or does not match its schema."""


def data_dir() -> Path:
    """The folder that holds ``datapackage.json``: $CFR_DATA_DIR if set (tests), else the
    ``data/`` of the checkout this package is installed from (``pip install -e .``), else the
    first ``data/`` found above the current folder. The answer does not depend on the folder
    a notebook is run from when the package is installed from a checkout."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV]).resolve()
    here = Path(__file__).resolve().parent.parent / "data"
    if (here / "datapackage.json").exists():
        return here
    for parent in [Path.cwd(), *Path.cwd().parents]:
        if (parent / "data" / "datapackage.json").exists():
            return parent / "data"
    raise DataError("cannot find data/datapackage.json next to the cfr package or above "
                    + str(Path.cwd()))


@functools.lru_cache(maxsize=4)
def _descriptor(folder: Path) -> dict:
    path = folder / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"{path}: cannot read the data package: {exc}") from exc


def package() -> dict:
    """The data package descriptor (a plain dict), e.g. for the data catalogue page."""
    return _descriptor(data_dir())


def resource_info(name: str) -> dict:
    """The descriptor of one resource: title, path, sources, licence, schema."""
    for res in package().get("resources", []):
        if res.get("name") == name:
            return res
    known = ", ".join(sorted(r["name"] for r in package().get("resources", [])))
    raise DataError(f"no table named {name!r} in datapackage.json (known: {known})")


def _problems(report, path: str) -> list[str]:
    lines = []
    for task in report.tasks:
        for err in task.errors:
            row = getattr(err, "row_number", None)
            field = getattr(err, "field_name", None) or ", ".join(getattr(err, "field_names", []))
            where = [path]
            where.append(f"row {row}" if row else "header" if field else "file")
            if field:
                where.append(f"field {field!r}")
            lines.append(f"{', '.join(where)}: {err.type}: {err.note}")
    return lines


@functools.lru_cache(maxsize=4)
def _frictionless_package(folder: Path):
    """The data package as a frictionless ``Package``, its metadata checked once per process
    (checking it costs a third of a second: once per table read, it was most of a load)."""
    with system.use_context(trusted=True):
        return Package(_descriptor(folder), basepath=str(folder))


_PANDAS_TYPES = {"integer": "Int64", "number": "float64", "string": "string", "boolean": "boolean"}


@functools.lru_cache(maxsize=64)
def _load_cached(folder: Path, name: str, mtime: float) -> pd.DataFrame:
    desc = _descriptor(folder)
    res_desc = next((r for r in desc.get("resources", []) if r.get("name") == name), None)
    if res_desc is None:
        raise DataError(f"no table named {name!r} in {folder / 'datapackage.json'}")
    path = folder / res_desc["path"]
    rel = f"data/{res_desc['path']}"
    if not path.is_file():
        raise DataError(f"{rel}: file not found (table {name!r})")
    # Validate the resource inside its package so foreign keys (country codes) are checked.
    report = None
    if Package is None and os.environ.get("CFR_BOOK_BUILD") == "1":
        raise DataError("the book build validates every table: install frictionless")
    if Package is not None:
        with system.use_context(trusted=True):
            report = _frictionless_package(folder).get_resource(name).validate()
    if report is not None and not report.valid:
        problems = _problems(report, rel)
        shown = "\n  ".join(problems[:10])
        more = f"\n  ... and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise DataError(f"table {name!r} failed validation:\n  {shown}{more}")
    fields = res_desc["schema"]["fields"]
    dtypes = {f["name"]: _PANDAS_TYPES[f.get("type", "string")]
              for f in fields if f.get("type", "string") in _PANDAS_TYPES}
    dates = [f["name"] for f in fields if f.get("type") in ("date", "datetime")]
    df = pd.read_csv(path, dtype=dtypes, keep_default_na=False,
                     na_values=res_desc["schema"].get("missingValues", [""]))
    for col in dates:
        df[col] = pd.to_datetime(df[col])
    df.attrs["name"] = name
    df.attrs["path"] = res_desc["path"]
    return df


def load(name: str) -> pd.DataFrame:
    """Return table ``name`` from ``data/datapackage.json`` as a validated DataFrame.

    Raises :class:`DataError` naming the file, row and field of the first problems found.
    """
    folder = data_dir()
    res = resource_info(name)
    path = folder / res["path"]
    mtime = path.stat().st_mtime if path.exists() else 0.0
    return _load_cached(folder, name, mtime).copy()


def load_geojson(name: str) -> dict:
    """Return a GeoJSON resource (``format: geojson`` in the data package) as a dict."""
    folder = data_dir()
    res = resource_info(name)
    path = folder / res["path"]
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"data/{res['path']}: cannot read GeoJSON: {exc}") from exc
