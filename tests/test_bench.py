"""Speed budgets, measured by scripts/bench.py (the same script as `make bench`)."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def bench(html_dir):
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py")], cwd=ROOT,
                         capture_output=True, text=True, timeout=3600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    print(run.stdout)
    return json.loads((ROOT / "_build" / "bench.json").read_text())


def test_unchanged_rebuild_is_under_a_tenth_of_a_cold_build(bench):
    assert bench["unchanged_rebuild_s"] < 0.10 * bench["cold_build_s"], bench


def test_rebuild_and_pdf_reuse_the_execution_cache(bench):
    ran = bench["notebooks_executed"]
    assert ran["cold_build"] >= 6, ran  # intro, five chapters, claims register
    assert ran["unchanged_rebuild"] == 0 and ran["pdf_build"] == 0, ran


def test_each_page_html_is_under_400_kb(bench):
    for page, m in bench["pages"].items():
        assert m["html_kb"] < 400, (page, m)


def test_plotly_js_is_fetched_once_per_visit(bench, html_dir):
    """Two chart pages in one visit fetch plotly.js once: its URL carries a content hash, so
    a host may cache it for good (the bench's server does, as a static host should)."""
    assert bench["plotly_js_from_network"] == 1, bench
    assert re.search(r'src="_static/plotly(-cartesian)?\.min\.js\?v=[0-9a-f]+"',
                     (html_dir / "intro.html").read_text())


def test_all_charts_drawn_within_two_seconds(bench):
    for page, m in bench["pages"].items():
        if m["charts"]:
            assert m["charts_drawn_ms"] < 2000, (page, m)
