"""`make data` rebuilds every file of data/ from sources/ alone, byte for byte.

The pipeline runs in a scratch copy of the repository (scripts/, sources/, data/, Makefile and
_toc.yml, which scripts/curate/corrections.py reads) in
a temporary folder with no ``../shared`` beside it, as a fresh clone would. Every file of the
scratch data/ must then equal the checkout's; each one that differs is named in the failure.
A hand-edited CSV in data/ therefore fails here: rerun the curation script instead.

Set CFR_REPO_ROOT to check another checkout (e.g. a copy with a deliberately edited CSV).
"""
from __future__ import annotations

import ast
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(os.environ.get("CFR_REPO_ROOT") or Path(__file__).resolve().parents[1])
SELF = Path(__file__).resolve()
COPY = ["scripts", "sources", "data", "Makefile", "_toc.yml"]


def scratch_copy(src: Path, dest: Path) -> Path:
    """scripts/, sources/, data/ and the Makefile of ``src`` copied to ``dest/repo``."""
    repo = dest / "repo"
    repo.mkdir(parents=True)
    for name in COPY:
        if (src / name).is_dir():
            shutil.copytree(src / name, repo / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src / name, repo / name)
    return repo


def make_data(repo: Path) -> subprocess.CompletedProcess:
    proc = subprocess.run(["make", "--no-print-directory", "data", f"PY={sys.executable}"],
                          cwd=repo, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"make data failed in {repo}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def files(repo: Path) -> dict[str, bytes]:
    data = repo / "data"
    return {p.relative_to(repo).as_posix(): p.read_bytes()
            for p in sorted(data.rglob("*")) if p.is_file()}


def differences(expected: Path, rebuilt: Path) -> list[str]:
    """One line per file of data/ that differs between two checkouts (with its first change)."""
    a, b = files(expected), files(rebuilt)
    out = []
    for name in sorted(set(a) | set(b)):
        if name not in b:
            out.append(f"{name}: in the checkout but not made by make data")
        elif name not in a:
            out.append(f"{name}: made by make data but not in the checkout")
        elif a[name] != b[name]:
            old = a[name].decode("utf-8", "replace").splitlines()
            new = b[name].decode("utf-8", "replace").splitlines()
            diff = [line for line in difflib.unified_diff(old, new, "checkout", "make data", n=0,
                                                          lineterm="")
                    if line[:1] in "+-" and not line.startswith(("+++", "---"))][:2]
            out.append(f"{name}: differs ({len(a[name])} vs {len(b[name])} bytes) "
                       + " | ".join(d[:140] for d in diff))
    return out


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    repo = scratch_copy(ROOT, tmp_path_factory.mktemp("clone"))
    make_data(repo)
    return repo


def test_scratch_copy_has_no_shared_folder_beside_it(rebuilt):
    assert not (rebuilt.parent / "shared").exists()
    assert not (rebuilt.parent.parent / "shared").exists()


def test_make_data_reproduces_data_byte_for_byte(rebuilt):
    diffs = differences(ROOT, rebuilt)
    assert not diffs, ("make data does not reproduce data/ (rerun `make data` and commit its "
                       "output; never edit a table by hand):\n  " + "\n  ".join(diffs))


def test_make_data_is_deterministic(rebuilt):
    first = files(rebuilt)
    make_data(rebuilt)
    again = files(rebuilt)
    assert first.keys() == again.keys()
    changed = [name for name in first if first[name] != again[name]]
    assert not changed, f"a second make data changed: {changed}"


def test_a_hand_edited_csv_is_named(rebuilt, tmp_path):
    """The check itself: in a copy whose data/ is current (the rebuilt scratch copy), edit one
    CSV by hand, rebuild in a second copy, and the comparison names that CSV and nothing else."""
    edited = scratch_copy(rebuilt, tmp_path / "edited")
    table = edited / "data" / "countries.csv"
    table.write_text(table.read_text().replace("Cambodia", "Kampuchea", 1))
    rebuilt = scratch_copy(edited, tmp_path / "rebuilt")
    make_data(rebuilt)
    diffs = differences(edited, rebuilt)
    assert [d.split(":")[0] for d in diffs] == ["data/countries.csv"], diffs
    assert "Kampuchea" in diffs[0] and "Cambodia" in diffs[0]


SHARED_PATH = re.compile(r"(^|/|\.\./)shared(/|$)")


def shared_strings(path: Path) -> list[str]:
    """String literals in a Python file's code (not docstrings) that name a shared/ folder."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and SHARED_PATH.search(node.value)]


def test_nothing_reads_the_shared_folder():
    """No script, test or book module names a path in a shared/ folder beside the checkout,
    and no Makefile rule does: everything is read from sources/."""
    hits = []
    for folder in ["scripts", "cfr", "tests"]:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "__pycache__" not in path.parts and path.resolve() != SELF:
                hits += shared_strings(path)
    for n, line in enumerate((ROOT / "Makefile").read_text().splitlines(), 1):
        if "../shared" in line:
            hits.append(f"Makefile:{n}: {line.strip()}")
    assert not hits, "paths into a shared/ folder outside the repository (read from sources/ " \
        "instead):\n  " + "\n  ".join(hits)


def test_lineage_is_current_and_covers_every_resource():
    lineage = json.loads((ROOT / "data" / "lineage.json").read_text(encoding="utf-8"))
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    outputs = lineage["outputs"]
    for res in package["resources"]:
        path = f"data/{res['path']}"
        assert path in outputs, f"{res['name']} ({path}) is made by no curation script"
        assert outputs[path]["resource"] == res["name"]
        assert outputs[path]["reads"], f"{path} is made from nothing"
    import hashlib
    stale = [p for p, info in outputs.items()
             if hashlib.sha256((ROOT / p).read_bytes()).hexdigest() != info["sha256"]]
    assert not stale, f"data/lineage.json is older than these tables (run make data): {stale}"
    for src, info in lineage["sources"].items():
        assert (ROOT / src).is_file(), src
        assert info["read_by"], src


def test_every_raw_file_is_read_and_described():
    """Each raw file in sources/ is read by a curation script and named in its folder's README."""
    lineage = json.loads((ROOT / "data" / "lineage.json").read_text(encoding="utf-8"))
    assert not lineage["unused_sources"], (
        "raw files no curation script reads (delete them, or read them): "
        + ", ".join(lineage["unused_sources"]))
    missing = []
    for src in lineage["sources"]:
        path = ROOT / src
        readmes = [path.parent / "README.md", path.parent / "ADDED.md"]
        text = "".join(r.read_text(encoding="utf-8") for r in readmes if r.exists())
        if path.name not in text:
            missing.append(src)
    assert not missing, f"raw files their folder's README does not describe: {missing}"


def test_pages_that_read_a_table_are_found_in_their_source():
    """The catalogue's "used in": direct loads, cfr helpers that load tables, facts by key."""
    from cfr.lineage import helper_tables, tables_used

    source = ('oda = cfr.load("donors_oda")\ngeo = load_geojson("geo_countries")\n'
              'x = partners.net_oda(2010, 2021)\ny = fact("some_key")\n')
    used = tables_used(source, {"some_key": "borders_facts"})
    assert used == {"donors_oda", "geo_countries", "donors_by_donor", "borders_facts"}
    # a helper that calls other helpers is credited with what they load
    assert helper_tables()[("partners", "cross_theme")] >= {"donors_by_donor", "powers_trade"}
