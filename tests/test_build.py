"""The build itself: strict, cached, and honest about changed data."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.build

JB = ROOT / ".venv" / "bin" / "jupyter-book"


def _tracked_copy(dest: Path) -> Path:
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split()
    for f in files:
        if (ROOT / f).is_file():
            (dest / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / f, dest / f)
    return dest


def _build(book: Path) -> tuple[float, str]:
    start = time.monotonic()
    run = subprocess.run([str(JB), "build", ".", "--toc", "_toc_small.yml", "-W", "-n",
                          "--keep-going"], cwd=book, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return time.monotonic() - start, run.stdout + run.stderr


@pytest.fixture(scope="module")
def small_book(tmp_path_factory):
    """A copy of the book with only the timeline page, built once (cold)."""
    book = _tracked_copy(tmp_path_factory.mktemp("book"))
    (book / "_toc_small.yml").write_text("format: jb-book\nroot: chapters/timeline\n")
    cold, _ = _build(book)
    return book, cold


def test_unchanged_rebuild_does_not_execute_again(small_book):
    book, _ = small_book
    _, log = _build(book)
    # What is checked is what the build did, not how long it took (timings: `make bench`).
    assert "Executing" not in log and "no targets are out of date" in log


def test_an_edited_table_value_reaches_the_page(small_book):
    """MyST-NB's cache keys on code only (jupyter-book #1633); cfr.sphinx_ext clears it when
    data/ changes, so a corrected number shows up after the next build."""
    book, _ = small_book
    page = book / "_build" / "html" / "chapters" / "timeline.html"
    old = "Franco-Siamese treaty: the Dangrek frontier is to follow the watershed line"
    assert old in page.read_text()
    csv = book / "data" / "timeline.csv"
    csv.write_text(csv.read_text().replace(old, "Corrected event text for the cache test"))
    _, log = _build(book)
    assert "cleared the execution cache" in log
    assert "Corrected event text for the cache test" in page.read_text()
    assert old not in page.read_text()


def test_non_root_user_without_system_packages_gets_the_apt_line(tmp_path):
    env = {**os.environ, "CFR_EXTRA_SYSTEM_PACKAGES": "cfr-no-such-package"}
    run = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                          "bash", str(ROOT / "scripts" / "setup-system.sh"), "book"],
                         capture_output=True, text=True, env=env, cwd=tmp_path)
    assert run.returncode == 1
    assert "Missing system packages: cfr-no-such-package" in run.stderr
    assert "apt-get install -y --no-install-recommends cfr-no-such-package" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout


def test_setup_script_is_quiet_when_everything_is_installed():
    run = subprocess.run(["bash", str(ROOT / "scripts" / "setup-system.sh"), "test"],
                         capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout == ""
