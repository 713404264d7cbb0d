"""The data layer: every table validates, is described, and bad data fails loudly."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from frictionless import Package

import cfr
from cfr.data import DataError, _load_cached, _descriptor
from conftest import ROOT

DATA = ROOT / "data"


def tables() -> list[str]:
    return [r["name"] for r in cfr.package()["resources"] if r["path"].endswith(".csv")]


def test_whole_package_validates_with_frictionless():
    report = Package(str(DATA / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_every_data_file_is_a_described_resource():
    described = {r["path"] for r in cfr.package()["resources"]}
    on_disk = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*")
               if p.is_file() and p.suffix in {".csv", ".geojson", ".json"}
               # the package's own metadata: the descriptor, and the lineage graph that
               # `make data` writes (scripts/curate/run_all.py, cfr/lineage.py)
               and p.name not in {"datapackage.json", "lineage.json"}}
    assert on_disk - described == set(), "files in data/ without a resource"
    assert described - on_disk == set(), "resources whose file is missing"


@pytest.mark.parametrize("res", cfr.package()["resources"], ids=lambda r: r["name"])
def test_every_resource_names_its_source_and_licence(res):
    assert res.get("title") and res.get("description")
    assert res.get("licenses") or cfr.package().get("licenses")
    assert res.get("sources"), f"{res['name']} has no sources"
    for src in res["sources"]:
        assert src.get("title"), res["name"]
        assert src.get("path") or src.get("publisher"), f"{res['name']}: source without URL/publisher"
    if res["path"].endswith(".csv"):
        assert res["schema"]["fields"], res["name"]


@pytest.mark.parametrize("name", tables())
def test_every_table_loads_non_empty(name):
    df = cfr.load(name)
    assert len(df) > 0
    fields = [f["name"] for f in cfr.resource_info(name)["schema"]["fields"]]
    assert list(df.columns) == fields


def test_types_follow_the_schema():
    df = cfr.load("donors_oda_gni")
    assert str(df["year"].dtype) == "Int64"
    assert str(df["oda_pct_gni"].dtype) == "float64"


def test_unknown_table_name_is_a_clear_error():
    with pytest.raises(DataError, match="no table named 'nope'"):
        cfr.load("nope")


# --- bad data: each case stops with file, row and field named ---------------------------
@pytest.fixture()
def scratch(tmp_path, monkeypatch):
    """A copy of data/ that a test may break; cfr reads it through $CFR_DATA_DIR."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setenv("CFR_DATA_DIR", str(copy))
    _load_cached.cache_clear()
    _descriptor.cache_clear()
    yield copy
    _load_cached.cache_clear()
    _descriptor.cache_clear()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1))


def test_wrong_type(scratch):
    _edit(scratch / "donors_oda_gni.csv", "KHM,1995,14.95606", "KHM,1995,fifteen")
    with pytest.raises(DataError) as err:
        cfr.load("donors_oda_gni")
    msg = str(err.value)
    assert "data/donors_oda_gni.csv" in msg and "row 12" in msg and "'oda_pct_gni'" in msg
    assert "type-error" in msg


def test_value_out_of_range(scratch):
    _edit(scratch / "donors_oda_gni.csv", "KHM,1995,14.95606", "KHM,1995,149.5606")
    with pytest.raises(DataError, match=r"row 12, field 'oda_pct_gni': constraint-error"):
        cfr.load("donors_oda_gni")


def test_missing_column(scratch):
    path = scratch / "borders_boundary_lengths.csv"
    rows = [line.rsplit(",", 1)[0] for line in path.read_text().splitlines()]
    path.write_text("\n".join(rows) + "\n")
    with pytest.raises(DataError, match=r"data/borders_boundary_lengths.csv, header, field 'length_km'"):
        cfr.load("borders_boundary_lengths")


def test_duplicate_key(scratch):
    path = scratch / "donors_oda_gni.csv"
    path.write_text(path.read_text() + "KHM,1995,14.95606\n")
    with pytest.raises(DataError, match=r"row \d+.*primary-key"):
        cfr.load("donors_oda_gni")


def test_unknown_country_code(scratch):
    _edit(scratch / "donors_oda_gni.csv", "KHM,1995,14.95606", "KHX,1995,14.95606")
    with pytest.raises(DataError, match=r"row 12.*'iso3'.*foreign-key"):
        cfr.load("donors_oda_gni")


def test_unreadable_file(scratch):
    (scratch / "donors_oda_gni.csv").write_bytes(b"\xff\xfe\x00\x00garbage\x00\x81")
    with pytest.raises(DataError, match=r"data/donors_oda_gni.csv"):
        cfr.load("donors_oda_gni")


def test_missing_file(scratch):
    (scratch / "donors_oda_gni.csv").unlink()
    with pytest.raises(DataError, match=r"data/donors_oda_gni.csv: file not found"):
        cfr.load("donors_oda_gni")


def test_loading_never_writes_to_data(scratch):
    before = {p: p.stat().st_mtime for p in scratch.rglob("*")}
    for name in tables():
        cfr.load(name)
    assert {p: p.stat().st_mtime for p in scratch.rglob("*")} == before


def test_geojson_loads():
    geo = cfr.load_geojson("geo_countries")
    codes = {f["properties"]["ADM0_A3"] for f in geo["features"]}
    assert {"KHM", "THA", "VNM", "LAO"} <= codes
