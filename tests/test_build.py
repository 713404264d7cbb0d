"""The build itself: honest about changed data (a notebook reruns when what it reads changes,
and only then), and the system-package set-up. No build runs here: these tests call the
build's own functions; `make bench` measures real cold and incremental builds."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from cfr import notebook_inputs, sphinx_ext
from conftest import ROOT

pytestmark = pytest.mark.build



def _data_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def _edit(csv: Path) -> None:
    """Change one value in a table (its last line) as a corrected source would."""
    lines = csv.read_text().splitlines()
    lines[-1] = lines[-1] + " "
    csv.write_text("\n".join(lines) + "\n")


def _cache(book: Path):
    """The book's jupyter-cache (where MyST-NB keeps executed notebooks)."""
    from jupyter_cache import get_cache

    return get_cache(str(book / "_build" / ".jupyter_cache"))


def _cache_outputs(book: Path, page: str, code: str) -> None:
    """Put outputs for ``chapters/<page>.md`` in the cache, as an earlier build would have."""
    import nbformat
    from jupyter_cache.base import CacheBundleIn

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    _cache(book).cache_notebook_bundle(CacheBundleIn(nb, str(book / "chapters" / f"{page}.md")),
                                       check_validity=False)


def test_a_notebook_depends_on_the_tables_it_reads_and_no_other(tmp_path):
    """The fingerprint behind the execution cache (jupyter-book #1633) moves when a table the
    notebook reads changes, and stays put when an unrelated table changes."""
    data = _data_copy(tmp_path)
    page = ROOT / "chapters" / "timeline.md"
    assert "timeline" in notebook_inputs.inputs(page, data)["tables"]
    before = notebook_inputs.fingerprint(page, data)
    _edit(data / "mekong_fish_catch.csv")
    assert notebook_inputs.fingerprint(page, data) == before
    _edit(data / "timeline.csv")
    assert notebook_inputs.fingerprint(page, data) != before


def test_tables_read_through_cfr_modules_count():
    """A table read inside a cfr helper (cfr.partners) is an input of the notebook using it."""
    inputs = notebook_inputs.inputs(ROOT / "intro.md", ROOT / "data")
    assert "partners" in inputs["modules"]
    assert "powers_unga_agreement" in inputs["tables"]


BUILD_ONLY_MODULES = {"appendix", "sphinx_ext", "figures", "lite", "lineage"}


@pytest.mark.parametrize("page", ["intro.md", *sorted(
    p.relative_to(ROOT).as_posix() for p in (ROOT / "chapters").glob("*.md"))])
def test_no_notebook_depends_on_the_build_only_modules(page):
    """Editing the Sphinx directives (cfr/appendix.py) or the build extension reruns no
    notebook: no page's code imports them, directly or through another cfr module."""
    modules = set(notebook_inputs.inputs(ROOT / page, ROOT / "data")["modules"])
    assert modules.isdisjoint(BUILD_ONLY_MODULES), sorted(modules & BUILD_ONLY_MODULES)


class _Env:
    def __init__(self, srcdir: Path, docs: list[str]):
        self.srcdir, self.found_docs = srcdir, set(docs)

    def doc2path(self, doc):
        return str(self.srcdir / f"{doc}.md")


class _App:
    def __init__(self, srcdir: Path, outdir: Path):
        self.srcdir, self.outdir = str(srcdir), str(outdir)
        self.config = {"nb_execution_mode": "cache", "nb_execution_cache_path": ""}


def test_only_the_stale_notebook_loses_its_cached_outputs(tmp_path):
    """When one table changes, the notebook that reads it is re-read and loses its cached
    outputs; the others keep theirs (no full rerun)."""
    book = tmp_path / "book"
    (book / "chapters").mkdir(parents=True)
    for page in ("timeline", "claims"):
        shutil.copy(ROOT / "chapters" / f"{page}.md", book / "chapters" / f"{page}.md")
    data = _data_copy(book)
    app = _App(book, book / "_build" / "html")
    env = _Env(book, ["chapters/timeline", "chapters/claims"])
    assert sphinx_ext._stale_notebooks(app, env, set(), set(), set()) == []  # records inputs
    for i, page in enumerate(("timeline", "claims")):
        _cache_outputs(book, page, f"x = {i}")
    assert sphinx_ext._stale_notebooks(app, env, set(), set(), set()) == []
    _edit(data / "timeline.csv")
    assert sphinx_ext._stale_notebooks(app, env, set(), set(), set()) == ["chapters/timeline"]
    left = {Path(r.uri).stem for r in _cache(book).list_cache_records()}
    assert left == {"claims"}
    assert sphinx_ext._stale_notebooks(app, env, set(), set(), set()) == []


def test_non_root_user_without_system_packages_gets_the_apt_line(tmp_path):
    env = {**os.environ, "CFR_EXTRA_SYSTEM_PACKAGES": "cfr-no-such-package"}
    # The script goes in on standard input: a checkout in a folder only root may enter (mktemp
    # -d makes those) would otherwise refuse the unprivileged user the file itself.
    script = (ROOT / "scripts" / "setup-system.sh").read_text()
    run = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                          "bash", "-s", "book"], input=script,
                         capture_output=True, text=True, env=env, cwd=tmp_path)
    assert run.returncode == 1
    assert "Missing system packages: cfr-no-such-package" in run.stderr
    assert "apt-get install -y --no-install-recommends cfr-no-such-package" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout


def test_setup_script_is_quiet_when_everything_is_installed():
    run = subprocess.run(["bash", str(ROOT / "scripts" / "setup-system.sh"), "test"],
                         capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout == ""


def _tiny_notebook(path: Path, code: str) -> None:
    path.write_text("---\njupytext:\n  text_representation:\n    extension: .md\n"
                    "    format_name: myst\nkernelspec:\n  name: python3\n"
                    "  display_name: Python 3\n---\n\n# A page\n\n"
                    f"```{{code-cell}} ipython3\n{code}\n```\n")


def test_notebooks_execute_in_workers_while_plain_pages_are_read_first(tmp_path):
    """A cold build hands the notebooks to worker processes, longest first (the one with a
    chart before a longer one without); Sphinx reads the pages without code first, then each
    notebook once its outputs are in the cache. A notebook that fails in a worker is left for
    MyST-NB (which reports the error)."""
    from cfr import parallel_execution

    book = tmp_path / "book"
    book.mkdir()
    _tiny_notebook(book / "chart.md", "class Fig:\n    def show(self):\n        return 2\n"
                                      "Fig().show()")
    _tiny_notebook(book / "long.md", "# a longer notebook\n" * 20 + "2 + 2")
    _tiny_notebook(book / "broken.md", "1 / 0")
    (book / "plain.md").write_text("# No code here\n")
    app = _App(book, book / "_build" / "html")
    app.config["nb_execution_timeout"] = 120
    env = _Env(book, ["broken", "chart", "long", "plain"])
    docnames = sorted(env.found_docs)
    cache = _cache(book)

    def cached() -> set[str]:
        return {Path(r.uri).stem for r in cache.list_cache_records()}

    parallel_execution._start(app, env, docnames)
    try:
        assert docnames == ["plain", "chart", "long", "broken"]
        for doc in docnames:
            parallel_execution._wait_for_outputs(app, doc, [""])
            assert (doc in cached()) is (doc in {"chart", "long"}), doc
    finally:
        parallel_execution._stop(app, None)
    chart = next(r for r in cache.list_cache_records() if Path(r.uri).stem == "chart")
    outputs = cache.get_cache_bundle(chart.pk).nb.cells[0].outputs
    assert outputs[0]["data"]["text/plain"] == "2"


def test_an_edit_to_the_build_code_rereads_every_page_and_reruns_no_notebook(tmp_path,
                                                                               monkeypatch):
    """Sphinx does not track an extension's code: after an edit to cfr/appendix.py (the data
    catalogue's directive) every page is read again, so the catalogue is remade; the
    notebooks' cached outputs stay (their inputs did not change)."""
    package = tmp_path / "cfr"
    shutil.copytree(ROOT / "cfr", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(sphinx_ext, "PACKAGE_DIR", package)
    book = tmp_path / "book"
    (book / "chapters").mkdir(parents=True)
    shutil.copy(ROOT / "chapters" / "timeline.md", book / "chapters" / "timeline.md")
    (book / "chapters" / "data-catalogue.md").write_text("# Data\n")
    _data_copy(book)
    app = _App(book, book / "_build" / "html")
    env = _Env(book, ["chapters/timeline", "chapters/data-catalogue"])
    for _ in range(2):
        sphinx_ext._look_changed(app, None)
        assert sphinx_ext._stale_notebooks(app, env, set(), set(), set()) == []
    _cache_outputs(book, "timeline", "x = 1")
    (package / "appendix.py").write_text((package / "appendix.py").read_text() + "# edit\n")
    sphinx_ext._look_changed(app, None)
    assert sphinx_ext._stale_notebooks(app, env, set(), set(), set()) == [
        "chapters/data-catalogue", "chapters/timeline"]
    assert len(_cache(book).list_cache_records()) == 1  # the notebook keeps its outputs
