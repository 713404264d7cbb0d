"""``make data``: rebuild every table in ``data/`` from the raw extracts in ``sources/``.

Runs the curation scripts one by one in ``ORDER`` (each in its own Python process, from
``scripts/curate/`` as a maintainer would), and records what each one reads and writes with
an audit hook on ``open`` (so the scripts need not declare anything). Then it checks that

- no script reads a file beside this repository (a sibling folder of the checkout, such as
  the shared extracts the sources were first copied from): a clone must rebuild ``data/``
  on its own;
- every file a script reads in ``data/`` was written by a script that ran before it;
- no file in ``data/`` is written by two scripts, and every table and map layer in ``data/``
  is written by one (``datapackage.json`` and ``lineage.json`` excepted);

and writes the dependency graph to ``data/lineage.json``: for each step the files it read
and the files it wrote; for each output its bytes and SHA-256, the script that made it, the
files that script had read before it last wrote the output (a file opened afterwards cannot
have gone into it, so this is a tight upper bound, not a guess) and the raw files behind it
(followed through tables made by earlier steps); for each raw file its bytes, SHA-256 and the
tables made from it. Paths are relative to the repository and sorted, so two runs on the same
inputs give the same bytes.

    .venv/bin/python scripts/curate/run_all.py          # all steps
    .venv/bin/python scripts/curate/run_all.py --check  # rebuild, name the changed files, put data/ back

``data/datapackage.json`` is written by people (titles, descriptions, sources, schemas): this
runner never touches it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT / "data"
SOURCES = ROOT / "sources"
LINEAGE = "lineage.json"
NOT_MADE = {"datapackage.json", LINEAGE}

# The order matters only where a script reads another's output: the cross-chapter scripts
# (timeline, claims, corrections) come after the chapter scripts whose tables they read.
ORDER = [
    "countries.py",    # countries.csv (the foreign-key list every other table refers to)
    "geo.py",          # data/geo/*.geojson
    "intro.py",        # donors_oda_gni, borders_boundary_lengths
    "donors.py",
    "powers.py",
    "borders.py",
    "un.py",
    "mekong.py",
    "timeline.py",     # reads the chapters' *_timeline tables
    "claims.py",
    "corrections.py",
]
# Modules the scripts import, not steps of their own.
NOT_STEPS = {"common.py", "run_all.py", "grading.py"}

# Runs inside each step's process: note every file opened, then run the script as __main__.
_TRACE = r"""
import json, os, runpy, sys
_log = []
def _hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        path, mode, flags = (list(args) + [None, None])[:3]
        write = bool(mode and any(c in str(mode) for c in "wax+")) or (
            mode is None and isinstance(flags, int) and bool(flags & (os.O_WRONLY | os.O_RDWR)))
        _log.append((os.path.abspath(os.fsdecode(path)), write))
sys.addaudithook(_hook)
script = sys.argv[1]
sys.argv = [script]
try:
    runpy.run_path(script, run_name="__main__")
finally:
    with open(os.environ["CFR_TRACE_FILE"], "w") as fh:
        json.dump(_log, fh)
"""


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def digest(path: Path) -> dict:
    data = path.read_bytes()
    return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def steps() -> list[Path]:
    """The scripts to run, in order; an error if a script in the folder is not in ORDER."""
    present = {p.name for p in HERE.glob("*.py")} - NOT_STEPS
    unplaced = sorted(present - set(ORDER))
    if unplaced:
        raise SystemExit(f"run_all.py: add {', '.join(unplaced)} to ORDER in "
                         f"scripts/curate/run_all.py (after the scripts whose tables it reads)")
    return [HERE / name for name in ORDER if name in present]


def run_step(script: Path) -> tuple[list[Path], dict[Path, list[Path]], set[Path]]:
    """Run one script; return (files read, {file written: files read before its last write},
    files read outside the repository). A file read after an output was last written cannot
    have gone into it, so each output is credited only with the reads that came before."""
    with tempfile.TemporaryDirectory() as tmp:
        trace = Path(tmp) / "trace.json"
        env = {**os.environ, "CFR_TRACE_FILE": str(trace), "PYTHONHASHSEED": "0",
               "PYTHONDONTWRITEBYTECODE": "1"}
        proc = subprocess.run([sys.executable, "-c", _TRACE, script.name], cwd=HERE, env=env,
                              capture_output=True, text=True)
        if proc.returncode:
            sys.stderr.write(proc.stdout + proc.stderr)
            raise SystemExit(f"run_all.py: {rel(script)} failed (exit {proc.returncode})")
        log = json.loads(trace.read_text())
    events, outside = [], set()   # (path, write) in the order the script opened them
    prefixes = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    for name, write in log:
        path = Path(name).resolve()
        if path.is_relative_to(ROOT):
            if path.is_relative_to(DATA) or path.is_relative_to(SOURCES) or write:
                events.append((path, write))   # a write outside data/ is refused in build()
            elif (path.suffix not in (".py", ".pyc") and ".venv" not in path.parts
                  and "node_modules" not in path.parts and path.is_file()
                  and not any(part.endswith(".egg-info") for part in path.parts)):
                events.append((path, False))   # another input in the checkout, e.g. _toc.yml
        elif (path.is_relative_to(ROOT.parent) and not write
              and not any(path.is_relative_to(p) for p in prefixes)):
            outside.add(path)   # a sibling folder of the checkout
    written = {p for p, w in events if w}
    reads = list(dict.fromkeys(p for p, w in events if not w and p not in written))
    last_write = {p: i for i, (p, w) in enumerate(events) if w}
    writes = {p: sorted({q for q, w in events[:i] if not w and q not in written}, key=rel)
              for p, i in last_write.items()}
    return reads, writes, outside


def build() -> dict:
    steps_out, made_by, problems = [], {}, []
    for script in steps():
        reads, writes, outside = run_step(script)
        name = rel(script)
        for path in sorted(outside):
            problems.append(f"{name} reads {path}, outside the repository: copy the file into "
                            "sources/ and read it from there")
        for path in sorted(writes):
            if not path.is_relative_to(DATA):
                problems.append(f"{name} writes {rel(path)}: curation scripts write only data/")
            elif path in made_by:
                problems.append(f"{rel(path)} is written by both {made_by[path]} and {name}")
            made_by[path] = name
        for path in sorted(reads):
            if path.is_relative_to(DATA) and path.name not in NOT_MADE and path not in made_by:
                problems.append(f"{name} reads {rel(path)}, which no earlier step writes: "
                                "move it after the step that makes that table in ORDER")
        steps_out.append({"script": name, "reads": sorted(rel(p) for p in reads),
                          "writes": sorted(rel(p) for p in writes),
                          "reads_before": {rel(p): [rel(q) for q in before]
                                           for p, before in sorted(writes.items())}})
        print(f"{name}: read {len(reads)} files, wrote {len(writes)}")
    made = {p for p in made_by}
    for path in sorted(DATA.rglob("*")):
        if path.is_file() and path.name not in NOT_MADE and path not in made:
            problems.append(f"{rel(path)} is written by no curation script: make it from "
                            "sources/ in a script, or delete it")
    if problems:
        raise SystemExit("run_all.py: the data build is not self-contained:\n  "
                         + "\n  ".join(problems))
    return lineage(steps_out)


def lineage(steps_out: list[dict]) -> dict:
    """The graph from the recorded steps: tables (with their raw sources) and raw files."""
    resources = {}
    package = DATA / "datapackage.json"
    if package.exists():
        for res in json.loads(package.read_text(encoding="utf-8")).get("resources", []):
            resources[f"data/{res['path']}"] = res["name"]
    script_of = {out: s["script"] for s in steps_out for out in s["writes"]}
    reads_of = {out: reads for s in steps_out for out, reads in s["reads_before"].items()}

    def raw_of(output: str, seen=()) -> set[str]:
        found = set()
        for src in reads_of[output]:
            if src.startswith("sources/"):
                found.add(src)
            elif src in script_of and src not in seen:
                found |= raw_of(src, seen + (output,))
        return found

    outputs = {}
    for out in sorted(script_of):
        reads = reads_of[out]
        outputs[out] = {"resource": resources.get(out), "script": script_of[out],
                        "reads": [r for r in reads if r != out],
                        "raw_sources": sorted(raw_of(out)), **digest(ROOT / out)}
    raw = {}
    for s in steps_out:
        for src in s["reads"]:
            if src.startswith("sources/"):
                raw.setdefault(src, {"read_by": set(), "made_into": set()})
                raw[src]["read_by"].add(s["script"])
    for out, info in outputs.items():
        for src in info["raw_sources"]:
            raw[src]["made_into"].add(out)
    raw_out = {src: {**digest(ROOT / src), "read_by": sorted(v["read_by"]),
                     "made_into": sorted(v["made_into"])} for src, v in sorted(raw.items())}
    unused = sorted(rel(p) for p in SOURCES.rglob("*") if p.is_file()
                    and p.suffix != ".md" and rel(p) not in raw_out)
    return {
        "about": ("Which raw file in sources/ feeds which table in data/, recorded by "
                  "scripts/curate/run_all.py (make data) from the files each curation script "
                  "opened, in order. A table's reads are the files its script had opened "
                  "before it last wrote the table (an upper bound: a file opened later cannot "
                  "have gone into it). raw_sources follows tables read by later steps back "
                  "to sources/."),
        "steps": [{k: v for k, v in s.items() if k != "reads_before"} for s in steps_out],
        "outputs": outputs,
        "sources": raw_out,
        "unused_sources": unused,
    }


def snapshot() -> dict[str, bytes]:
    return {rel(p): p.read_bytes() for p in sorted(DATA.rglob("*")) if p.is_file()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="rebuild, report which data/ files changed, then put data/ back")
    args = ap.parse_args(argv)
    before = snapshot()
    try:
        graph = build()
        text = json.dumps(graph, indent=1, sort_keys=False, ensure_ascii=False) + "\n"
        (DATA / LINEAGE).write_text(text, encoding="utf-8")
        after = snapshot()
    except BaseException:
        if args.check:
            restore(before)
        raise
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    if graph["unused_sources"]:
        print("raw files no script reads: " + ", ".join(graph["unused_sources"]))
    print(f"data/: {len(after)} files, {len(changed)} changed"
          + (": " + ", ".join(changed) if changed else ""))
    if args.check:
        restore(before)
        return 1 if changed else 0
    return 0


def restore(files: dict[str, bytes]) -> None:
    for path in DATA.rglob("*"):
        if path.is_file() and rel(path) not in files:
            path.unlink()
    for name, data in files.items():
        (ROOT / name).write_bytes(data)


if __name__ == "__main__":
    sys.exit(main())
