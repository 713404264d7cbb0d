"""The appendices: the claims register (table and page) and the data catalogue."""
from __future__ import annotations

import html
import json
import re
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from frictionless import Package

import cfr

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts" / "curate"))
import grading  # noqa: E402
from cfr import appendix
from cfr.data import _descriptor, _load_cached
from conftest import ROOT

DATA = ROOT / "data"
SOURCE_CLAIMS = ROOT / "sources" / "claims" / "claims.csv"
EVIL = {"claim": "<script>alert(1)</script> says [x](http://evil)",
        "evidence": "**bold** and <b>tag</b> and [y](http://evil2)",
        "source_title": "[z](http://evil3) <img src=x onerror=alert(2)>"}


# --- the claims table -----------------------------------------------------------------------
def test_claims_table_validates():
    pkg = Package(str(DATA / "datapackage.json"))
    report = pkg.get_resource("claims").validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    df = cfr.load("claims")
    assert df.id.tolist() == [f"C{i:02d}" for i in range(1, 78)]
    assert set(df.theme) == set(appendix.THEMES)
    assert set(df.verdict) <= set(appendix.VERDICTS)


def test_claims_schema_constrains_ids_themes_and_verdicts():
    fields = {f["name"]: f for f in cfr.resource_info("claims")["schema"]["fields"]}
    assert cfr.resource_info("claims")["schema"]["primaryKey"] == ["id"]
    assert set(fields["theme"]["constraints"]["enum"]) == set(appendix.THEMES)
    assert set(fields["verdict"]["constraints"]["enum"]) == set(appendix.VERDICTS)
    pattern = re.compile(fields["id"]["constraints"]["pattern"])
    assert pattern.fullmatch("C77") and not pattern.fullmatch("C78") and not pattern.fullmatch("C00")


def test_verdict_counts_match_the_source_file():
    df = cfr.load("claims")
    assert len(df) == 77
    if SOURCE_CLAIMS.exists():
        src = pd.read_csv(SOURCE_CLAIMS, dtype=str, keep_default_na=False)
        assert df.verdict.value_counts().to_dict() == src.verdict.value_counts().to_dict()
        assert df.set_index("id").verdict.to_dict() == src.set_index("id").verdict.to_dict()
        assert df.set_index("id").theme.to_dict() == src.set_index("id").theme.to_dict()
    # The counts the claims README publishes.
    assert df.verdict.value_counts().to_dict() == {
        "confirmed": 36, "opinion": 14, "corrected": 11, "outdated": 8,
        "unverifiable": 6, "disputed": 2}


def test_claims_are_rewritten_and_quotes_kept_verbatim():
    df = cfr.load("claims").fillna("")
    assert (df.seed_quote.str.split().str.len() <= 15).all()
    assert (df.source_quote.str.split().str.len() <= 25).all()
    if SOURCE_CLAIMS.exists():
        src = pd.read_csv(SOURCE_CLAIMS, dtype=str, keep_default_na=False)
        # Weak sources replaced centrally (sources/editorial/source_replacements.csv) change
        # a claim's source and quote, never its seed quote.
        src = grading.replace(src, "claims").set_index("id")
        mine = df.set_index("id")
        assert (mine.seed_quote == src.seed_quote).all()
        assert (mine.source_quote == src.source_quote).all()
        assert (mine.source_url == src.source_url).all()
        # Our own words: no claim or evidence is a copy of the source's sentences.
        assert (mine.claim != src.claim).mean() > 0.9
        assert not any(e and e in src.loc[i, "correction"] + src.loc[i, "note"]
                       for i, e in mine.evidence.items())


# --- a tiny Sphinx project: labels, escaping, LaTeX -----------------------------------------
@pytest.fixture()
def evil_data(tmp_path, monkeypatch):
    """A copy of data/ whose claims table holds HTML and Markdown in its cells."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    df = pd.read_csv(copy / "claims.csv", dtype=str, keep_default_na=False)
    for col, value in EVIL.items():
        df.loc[df.id == "C01", col] = value
    df.loc[df.id == "C01", "source_url"] = "javascript:alert(3)"
    df.to_csv(copy / "claims.csv", index=False)
    # The URL pattern would reject javascript:, so the directive's own guard is tested too.
    desc = json.loads((copy / "datapackage.json").read_text())
    for res in desc["resources"]:
        if res["name"] == "claims":
            for f in res["schema"]["fields"]:
                if f["name"] == "source_url":
                    f.pop("constraints", None)
    (copy / "datapackage.json").write_text(json.dumps(desc))
    monkeypatch.setenv("CFR_DATA_DIR", str(copy))
    _load_cached.cache_clear()
    _descriptor.cache_clear()
    yield copy
    _load_cached.cache_clear()
    _descriptor.cache_clear()


def sphinx_build(src: Path, out: Path, builder: str = "html") -> str:
    """Build a Sphinx project; return its warnings (there must be none)."""
    import io

    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    warnings = io.StringIO()
    with docutils_namespace():
        app = Sphinx(str(src), str(src), str(out), str(out / ".doctrees"), builder,
                     status=None, warning=warnings, freshenv=True)
        app.build()
    assert warnings.getvalue() == "", warnings.getvalue()
    return warnings.getvalue()


def make_project(tmp_path: Path) -> Path:
    src = tmp_path / "site"
    (src / "chapters").mkdir(parents=True)
    (src / "conf.py").write_text(
        "extensions = ['cfr.appendix']\n"
        "project = 't'\nsmartquotes = False\nlatex_documents = [('index', 't.tex', 't', 'a', 'manual')]\n")
    (src / "index.rst").write_text(
        "Home\n====\n\nSee :ref:`C32 <claim-c32>` and :ref:`the ODA table <data-donors-oda-gni>`.\n\n"
        ".. toctree::\n\n   chapters/claims\n   chapters/data-catalogue\n")
    (src / "chapters" / "claims.rst").write_text(
        "Claims register\n===============\n\nThe register\n------------\n\n.. claims-register::\n")
    (src / "chapters" / "data-catalogue.rst").write_text(
        "Data catalogue\n==============\n\n.. data-catalogue::\n")
    return src


@pytest.fixture()
def built(tmp_path, evil_data):
    src = make_project(tmp_path)
    sphinx_build(src, tmp_path / "html")
    return tmp_path / "html"


def test_every_claim_has_a_label_that_resolves(built):
    page = (built / "chapters" / "claims.html").read_text()
    for i in range(1, 78):
        assert f'id="claim-c{i:02d}"' in page, i
    index = (built / "index.html").read_text()
    assert 'href="chapters/claims.html#claim-c32"' in index
    assert 'href="chapters/data-catalogue.html#data-donors-oda-gni"' in index


def test_table_text_is_escaped_never_run_or_linked(built):
    page = (built / "chapters" / "claims.html").read_text()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[x](http://evil)" in page and 'href="http://evil"' not in page
    assert 'href="http://evil2"' not in page and "<b>tag</b>" not in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "javascript:" not in page.split("<body")[1].replace("javascript:alert(3)", "")
    assert 'href="javascript:alert(3)"' not in page


def test_register_groups_by_theme_with_verdict_badges_and_counts(built):
    page = (built / "chapters" / "claims.html").read_text()
    df = cfr.load("claims")
    for theme in appendix.THEMES:
        assert f'id="claims-{theme}"' in page
    for verdict, label in appendix.VERDICTS.items():
        n = int((df.verdict == verdict).sum())
        # One badge per claim, plus one in the index by verdict; the word is in the badge.
        assert page.count(f'class="cfr-verdict cfr-verdict-{verdict}"><strong>{label}</strong>') == n + 1
    assert "All themes" in page


def test_real_register_page_has_every_label(html_dir):
    """The register page of the built book has an anchor for every claim."""
    text = (html_dir / "chapters" / "claims.html").read_text()
    missing = [i for i in range(1, 78) if f'id="claim-c{i:02d}"' not in text]
    assert missing == [], f"no label for {missing}"


def test_catalogue_lists_every_resource_with_download_link(tmp_path, monkeypatch):
    monkeypatch.delenv("CFR_DATA_DIR", raising=False)
    src = make_project(tmp_path)
    sphinx_build(src, tmp_path / "html")
    page = (tmp_path / "html" / "chapters" / "data-catalogue.html").read_text()
    for res in cfr.package()["resources"]:
        anchor = appendix.resource_label(res["name"])
        assert f'id="{anchor}"' in page, res["name"]
        assert f'href="../data/{res["path"]}"' in page, res["name"]
        assert html.escape(res["title"], quote=False) in page, res["name"]


def test_catalogue_coverage_rows_years_and_countries():
    names = dict(zip(cfr.load("countries").iso3, cfr.load("countries").name))
    oda = cfr.load("donors_oda_gni")
    cover = appendix.coverage(cfr.resource_info("donors_oda_gni"), names)
    assert cover[0] == f"{len(oda)} rows"
    assert f"years {oda.year.min()}-{oda.year.max()}" in cover
    assert any(c.startswith("countries:") and "Cambodia (KHM)" in c for c in cover)


def test_both_directives_work_in_the_latex_builder(tmp_path, evil_data):
    src = make_project(tmp_path)
    sphinx_build(src, tmp_path / "latex", "latex")
    tex = (tmp_path / "latex" / "t.tex").read_text()
    assert r"\label{\detokenize{chapters/claims:claim-c32}}" in tex
    assert r"\begin{longtable}" in tex
    assert r"\textless{}script\textgreater{}alert(1)" in tex
    assert "../data/" not in tex  # no links that only work in the HTML site


# --- the claims page notebook ---------------------------------------------------------------
def test_claims_page_charts_and_glued_numbers():
    from conftest import executed, figures, has_data

    from test_report import page_glue

    nb = executed("chapters/claims")
    figs = figures(nb)
    assert len(figs) >= 2
    for fig in figs:
        assert fig["data"] and any(has_data(t, k) for t in fig["data"] for k in ("x", "y", "z"))
    g = page_glue("chapters/claims")
    df = cfr.load("claims")
    counts = df.verdict.value_counts()
    assert g["n_claims"] == len(df) == 77
    for v in appendix.VERDICTS:
        assert g[f"n_{v}"] == counts.get(v, 0)
    factual = df[df.verdict != "opinion"]
    assert g["n_factual"] == len(factual)
    assert g["pct_confirmed_factual"] == pytest.approx(
        100 * (factual.verdict == "confirmed").sum() / len(factual))
    assert g["pct_wrong_factual"] == pytest.approx(
        100 * factual.verdict.isin(["corrected", "outdated"]).sum() / len(factual))
    assert g["n_themes"] == df.theme.nunique()
    cell = lambda t, v: int(((df.theme == t) & (df.verdict == v)).sum())  # noqa: E731
    assert g["n_corrected_history"] == cell("history", "corrected")
    assert g["n_corrected_multilateral"] == cell("multilateral", "corrected")
    assert g["n_outdated_borders"] == cell("borders", "outdated")
    assert g["n_outdated_donors"] == cell("donor-dependency", "outdated")
    assert g["n_opinion_powers"] == cell("great-power-balancing", "opinion")


# --- numbers in the register come from the tables ---------------------------------------------
def _evidence(claim_id: str) -> str:
    return cfr.load("claims").set_index("id").evidence[claim_id]


def test_register_numbers_are_read_from_the_tables():
    gni = cfr.load("donors_oda_gni").query("iso3 == 'KHM'").set_index("year").oda_pct_gni
    c05 = _evidence("C05")
    assert f"{gni[2018]:.1f}% of GNI" in c05 and "3.9%" not in c05
    assert f"{gni[gni.index.max()]:.1f}% in {gni.index.max()}" in c05
    expense = cfr.load("donors_oda_expense").query("iso3 == 'KHM'").set_index("year")
    last_half = expense[expense.oda_pct_expense >= 50].index.max()
    assert f"last in {last_half}" in _evidence("C04")
    c15 = _evidence("C15")
    assert f"{cfr.fact('stimson_china_dams'):.0f} Chinese dams" in c15
    assert f"{cfr.fact('stimson_china_mw'):,.0f} MW" in c15
    assert "completed in 2014" not in c15
    dams = cfr.load("mekong_dams")
    building = dams[(dams.iso3 == "CHN") & (dams.status == "under construction")].dam
    assert all(name in c15 for name in building)
    assert f"{cfr.fact('vnm_last_troops_1989'):,.0f}" in _evidence("C47")


def test_register_has_no_unfilled_fields():
    df = cfr.load("claims")
    assert not df.evidence.str.contains(r"\{[a-z_0-9]+\}").any()


def test_register_says_half_the_budget_the_same_way_as_the_front_page():
    import re as _re
    intro = (ROOT / "intro.md").read_text()
    assert "{glue:text}`half_last_year`" in intro and "about 2010" not in intro
    assert not _re.search(r"about 20(10|12)", cfr.load("claims").evidence.str.cat(sep=" "))


# --- the corrections record -----------------------------------------------------------------
def test_every_correction_has_was_now_why_and_a_page_of_the_book():
    from conftest import toc_pages
    pages = {p.split("/")[-1] for p in toc_pages()}
    df = cfr.load("corrections").fillna("")
    assert len(df) > 0
    for col in ("was", "now", "why"):
        assert (df[col].str.strip() != "").all(), col
    assert set(df.chapter) <= pages, set(df.chapter) - pages
    assert (df.was != df.now).all()


def test_corrections_table_is_the_curation_output_sorted_by_book_order(tmp_path):
    import sys
    sys.path.insert(0, str(ROOT / "scripts" / "curate"))
    import corrections  # noqa: E402

    made = corrections.corrections()
    table = cfr.load("corrections").fillna("")
    assert made[["chapter", "location", "was"]].values.tolist() == \
        table[["chapter", "location", "was"]].values.tolist()
    order = [corrections.book_pages().index(c) for c in table.chapter]
    assert order == sorted(order)
    # no folder, or no files: an empty table, not an error
    assert corrections.corrections(tmp_path / "none").empty
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "corrections_x.csv").write_text("chapter,location,was,now,why,evidence\n"
                                           "nowhere,a,b,c,d,e\n")
    with pytest.raises(SystemExit):
        corrections.corrections(bad)


def test_corrections_page_shows_every_correction(html_dir):
    page = (html_dir / "chapters" / "corrections.html").read_text()
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    text = text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    for row in cfr.load("corrections").itertuples():
        why = row.why.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
        assert " ".join(why.split()) in " ".join(text.split()), row.why[:60]


def test_corrections_page_has_a_section_for_every_page_with_corrections():
    source = (ROOT / "chapters" / "corrections.md").read_text()
    shown = set(re.findall(r'corrections_table\("([a-z-]+)"\)', source))
    assert set(cfr.load("corrections").chapter) <= shown
