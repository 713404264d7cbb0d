"""The PDF export: title page, every chapter, every chart as a sharp image, fonts embedded,
no line running off the page, and a link to it from the HTML book."""
from __future__ import annotations

import re
import subprocess

import pytest

from conftest import ROOT, executed, figures, is_notebook, toc_pages

pytestmark = pytest.mark.pdf

PDF = ROOT / "_build" / "pdf" / "cambodia-foreign-relations.pdf"
LOG = ROOT / "_build" / "latex" / "cambodia-foreign-relations.log"
CHAPTER_TITLES = ["Donor dependency", "Great-power balancing", "Borders", "UN reform", "Mekong",
                  "Claims register", "Data catalogue", "Glossary", "References"]


@pytest.fixture(scope="module")
def pdf():
    if not PDF.exists():
        pytest.fail("no PDF: run `make pdf` (make test does it first)")
    return PDF


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_title_page_and_contents(pdf):
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "2", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert "Cambodia's Foreign Relations" in first.replace("’", "'")
    assert re.search(r"Version \d+\.\d+\.\d+", first)
    assert "CONTENTS" in first.upper()


def test_every_chapter_and_appendix_is_in_the_text(pdf):
    text = _text(pdf)
    for title in CHAPTER_TITLES:
        assert title.lower() in text.lower(), title


def test_every_chart_is_an_image_at_print_resolution(pdf):
    n_charts = sum(len(figures(executed(p))) for p in toc_pages() if is_notebook(p))
    rows = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    images = [r.split() for r in rows if r.split()[2] == "image"]
    assert len(images) >= n_charts
    for img in images:
        x_ppi, y_ppi = int(img[12]), int(img[13])
        assert min(x_ppi, y_ppi) >= 150, img


def test_fonts_are_embedded(pdf):
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        assert re.search(r"\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row), row


def test_no_line_runs_off_the_page():
    log = LOG.read_text(errors="replace")
    overfull = [float(m) for m in re.findall(r"Overfull \\hbox \((\d+\.\d+)pt too wide\)", log)]
    # A few points of overhang are invisible; anything wider would run into the margin.
    assert all(w < 20 for w in overfull), sorted(overfull)[-5:]


def test_html_book_links_the_pdf(html_dir):
    assert (html_dir / "cambodia-foreign-relations.pdf").exists()
    assert 'href="../cambodia-foreign-relations.pdf"' in (html_dir / "chapters" / "glossary.html").read_text()
    assert 'href="cambodia-foreign-relations.pdf"' in (html_dir / "intro.html").read_text()
