"""`make refresh` (scripts/refresh.py), offline: recorded World Bank API responses stand in for
the network (tests/recorded/, see its README). Every run works on a scratch copy of the
repository, never on this checkout's sources/ or data/.

A good response replaces the raw file, reruns `make data` and reports the table that changed;
a failed download, an API error body, a truncated body and a response missing a country are
refused, leave sources/ and data/ byte for byte as they were, and say what failed.
"""
from __future__ import annotations

import importlib.util
import json
import sys
import urllib.error
from pathlib import Path

import pytest

from test_data_pipeline import ROOT, files, scratch_copy

RECORDED = Path(__file__).resolve().parent / "recorded"
WDI_AID = "wdi:donors/wdi_aid.csv"


def _load_refresh():
    spec = importlib.util.spec_from_file_location("refresh", ROOT / "scripts" / "refresh.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["refresh"] = module
    spec.loader.exec_module(module)
    return module


refresh = _load_refresh()


def serve(name: str, calls: list | None = None):
    """A fetcher that answers every URL with one recorded response."""
    def get(url: str) -> bytes:
        if calls is not None:
            calls.append(url)
        return (RECORDED / name).read_bytes()
    return get


def state(repo: Path) -> dict[str, bytes]:
    return {**files(repo), **{p.relative_to(repo).as_posix(): p.read_bytes()
                              for p in sorted((repo / "sources").rglob("*")) if p.is_file()}}


@pytest.fixture
def repo(tmp_path) -> Path:
    return scratch_copy(ROOT, tmp_path)


def test_the_request_is_the_documented_api_call(repo):
    calls = []
    refresh.refresh([WDI_AID], root=repo, get=serve("wdi_DT.ODA.ODAT.GN.ZS.json", calls),
                    dry_run=True)
    assert calls == ["https://api.worldbank.org/v2/country/KHM;LAO;VNM/indicator/"
                     "DT.ODA.ODAT.GN.ZS?format=json&per_page=20000&page=1"]


def test_unchanged_values_rewrite_the_file_byte_for_byte(repo):
    """Each WDI file, rebuilt from an API answer holding exactly its own values, is unchanged:
    the writer keeps the columns, order, names, number text and line endings."""
    wdi = {n: r for n, r in refresh.REFRESHERS.items() if isinstance(r, refresh.WDIFile)}
    assert len(wdi) == 6
    for name, r in wdi.items():
        old = (repo / "sources" / r.path).read_bytes().decode("utf-8")
        _, rows, _ = refresh.read_csv(old)

        def get(url, r=r, rows=rows):
            code = url.split("/indicator/")[1].split("?")[0]
            isos = url.split("/country/")[1].split("/")[0].split(";")
            obs = [{"indicator": {"id": code, "value": ""}, "country": {"id": "", "value": ""},
                    "countryiso3code": row[r.iso3] if r.iso3 else r.country,
                    "date": row[r.year], "value": json.loads(row[r.value]), "unit": "",
                    "obs_status": "", "decimal": 0}
                    for row in rows if row[r.indicator] == code
                    and (row[r.iso3] if r.iso3 else r.country) in isos]
            meta = {"page": 1, "pages": 1, "per_page": 20000, "total": len(obs)}
            return json.dumps([meta, obs]).encode()

        assert r.fetch(old, get) == old, name


def test_a_good_response_replaces_the_file_and_reports_the_change(repo):
    before = state(repo)
    report = refresh.refresh([WDI_AID], root=repo, get=serve("wdi_DT.ODA.ODAT.GN.ZS.json"))
    text = report.text()
    assert report.ok, text
    new = (repo / "sources/donors/wdi_aid.csv").read_bytes()
    assert new != before["sources/donors/wdi_aid.csv"]
    assert b"KHM,Cambodia,2024,DT.ODA.ODAT.GN.ZS,Net ODA received (% of GNI),2.98765\r\n" in new
    assert b",2023,DT.ODA.ODAT.GN.ZS,Net ODA received (% of GNI),3.51234\r\n" in new
    # the raw file: one year added, one value changed (nothing removed)
    assert ("sources/donors/wdi_aid.csv: 1 rows added [KHM DT.ODA.ODAT.GN.ZS 2024], 0 removed, "
            "1 changed [KHM DT.ODA.ODAT.GN.ZS 2023]") in text
    # the table made from it, matched on its primary key (iso3, year)
    change = report.tables["data/donors_oda_gni.csv"]
    assert change["added"] == [("KHM", "2024")]
    assert change["changed"] == [("KHM", "2023")]
    assert not change["removed"]
    assert "data/donors_oda_gni.csv: 1 rows added [KHM 2024], 0 removed, 1 changed [KHM 2023]" in text
    assert "Glued numbers: not measured" in text
    # the rebuilt data/ is what make data makes from the new sources (lineage updated too)
    lineage = json.loads((repo / "data/lineage.json").read_text())
    import hashlib
    assert lineage["sources"]["sources/donors/wdi_aid.csv"]["sha256"] == hashlib.sha256(new).hexdigest()


def refused(repo, get, expect: str):
    before = state(repo)
    report = refresh.refresh([WDI_AID], root=repo, get=get)
    text = report.text()
    assert not report.ok
    assert "REFRESH FAILED: nothing replaced" in text
    assert expect in text, text
    assert state(repo) == before, "sources/ or data/ changed after a failed refresh"
    return text


def test_a_failed_download_changes_nothing(repo, monkeypatch):
    def down(*args, **kwargs):
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")
    monkeypatch.setattr(refresh.urllib.request, "urlopen", down)
    text = refused(repo, refresh.http_get, "download failed: https://api.worldbank.org/v2/country/")
    assert "Temporary failure in name resolution" in text and WDI_AID in text


def test_an_api_error_body_changes_nothing(repo):
    refused(repo, serve("wdi_error_120.json"),
            "the API refused https://api.worldbank.org/v2/country/KHM;LAO;VNM/indicator/"
            "DT.ODA.ODAT.GN.ZS?format=json&per_page=20000&page=1: Invalid value: "
            "The provided parameter value is not valid")


def test_a_truncated_body_changes_nothing(repo):
    refused(repo, serve("wdi_DT.ODA.ODAT.GN.ZS_truncated.json"), "malformed response (not JSON)")


def test_a_missing_country_changes_nothing(repo):
    refused(repo, serve("wdi_DT.ODA.ODAT.GN.ZS_no_VNM.json"),
            "the API returned no values for VNM DT.ODA.ODAT.GN.ZS")


def test_a_failed_rebuild_puts_sources_back(repo):
    """If make data fails on the new extracts, the old raw file and data/ come back."""
    (repo / "scripts/curate/intro.py").write_text("raise SystemExit('broken on purpose')\n")
    refused(repo, serve("wdi_DT.ODA.ODAT.GN.ZS.json"), "make data failed on the new extracts")


def test_glued_numbers_that_move_are_reported(tmp_path):
    def notebook(value):
        out = {"output_type": "display_data", "metadata": {"scrapbook": {"name": "oda_share"}},
               "data": {"application/papermill.record/text/plain": repr(value)}}
        return {"cells": [{"cell_type": "code", "outputs": [out]}]}
    for name, value in [("before", 3.82), ("after", 3.51)]:
        nb = tmp_path / name / "jupyter_execute" / "chapters" / "donors.ipynb"
        nb.parent.mkdir(parents=True)
        nb.write_text(json.dumps(notebook(value)))
    moves = refresh.glue_moves(refresh.glued_values(tmp_path / "before"),
                               refresh.glued_values(tmp_path / "after"))
    assert moves == ["chapters/donors: oda_share 3.82 -> 3.51, by -0.31 (-8.12%)"]


def test_natural_earth_without_shapely_is_refused_cleanly(repo, monkeypatch):
    """The Natural Earth refresher cuts the layers with shapely (scripts/geo_clip.py), a
    maintainer's install; without it the refresh stops before any download and says why.
    (With shapely installed, geo_clip.py --check on the Natural Earth v4.0 files reproduces
    sources/geo/ byte for byte: see sources/geo/README.md.) Where shapely is installed, it is
    hidden for this test (None in sys.modules makes its import fail), so the test runs on
    every machine instead of skipping."""
    monkeypatch.setitem(sys.modules, "shapely", None)
    calls = []
    before = state(repo)
    report = refresh.refresh(["naturalearth"], root=repo, get=serve("wdi_error_120.json", calls))
    assert not report.ok
    assert "naturalearth: Natural Earth needs shapely" in report.text()
    assert calls == [] and state(repo) == before
