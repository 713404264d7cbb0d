"""Where each table comes from and where the book uses it (for the data catalogue).

- Upstream: ``data/lineage.json``, written by ``make data`` (``scripts/curate/run_all.py``),
  records for every file in ``data/`` the curation script that wrote it and the files that
  script read (raw extracts in ``sources/``, or tables of ``data/`` made by an earlier step).
- Downstream: :func:`tables_used` reads a page's source and finds the tables it loads:
  ``load("name")`` and ``load_geojson("name")`` calls, facts read with ``fact("key")`` or
  ``fact_row("key")`` (resolved to the facts table holding the key), and helpers of the
  ``cfr`` modules it calls (e.g. ``partners.net_oda(...)``) that load tables themselves.
  A name built at run time (an f-string) is not seen.
"""
from __future__ import annotations

import ast
import functools
import json
import re
from pathlib import Path

from cfr.data import DataError, data_dir

LINEAGE = "lineage.json"
_LOAD = re.compile(r"\b(?:load|load_geojson)\(\s*[\"']([A-Za-z0-9_]+)[\"']")
_FACT = re.compile(r"\bfact(?:_row)?\(\s*[\"']([A-Za-z0-9_]+)[\"']")
_HELPER = re.compile(r"\b([a-z_]+)\.([a-z_][a-z0-9_]*)\(")
_NOT_HELPERS = {"data", "appendix", "facts", "sphinx_ext", "lineage", "__init__"}


def lineage() -> dict:
    """The recorded graph (empty if ``make data`` has not written it)."""
    path = data_dir() / LINEAGE
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"{path}: cannot read the lineage graph: {exc}") from exc


def made_from(resource_path: str, graph: dict | None = None) -> tuple[str | None, list[str]]:
    """(script, files it read) for a file of the data package (path relative to data/)."""
    graph = lineage() if graph is None else graph
    info = graph.get("outputs", {}).get(f"data/{resource_path}")
    if not info:
        return None, []
    return info["script"], list(info["reads"])


@functools.lru_cache(maxsize=1)
def helper_tables() -> dict[tuple[str, str], frozenset[str]]:
    """{(module, function): tables it loads, directly or through the module's other functions}."""
    out: dict[tuple[str, str], set[str]] = {}
    for path in sorted(Path(__file__).parent.glob("*.py")):
        if path.stem in _NOT_HELPERS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
        direct, calls = {}, {}
        for name, fn in funcs.items():
            direct[name], calls[name] = set(), set()
            for node in ast.walk(fn):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                    if (node.func.id in ("load", "load_geojson") and node.args
                            and isinstance(node.args[0], ast.Constant)):
                        direct[name].add(node.args[0].value)
                    elif node.func.id in funcs:
                        calls[name].add(node.func.id)

        def closure(name, seen=()):
            found = set(direct[name])
            for callee in calls[name] - set(seen):
                found |= closure(callee, seen + (name,))
            return found
        for name in funcs:
            out[(path.stem, name)] = closure(name)
    return {k: frozenset(v) for k, v in out.items()}


def tables_used(source: str, fact_tables: dict[str, str] | None = None) -> set[str]:
    """The tables a page's source (MyST Markdown or Python) reads."""
    used = set(_LOAD.findall(source))
    if fact_tables:
        used |= {fact_tables[k] for k in _FACT.findall(source) if k in fact_tables}
    helpers = helper_tables()
    for module, func in _HELPER.findall(source):
        used |= helpers.get((module, func), frozenset())
    return used


def fact_tables() -> dict[str, str]:
    """{fact key: the facts table that holds it}, or {} if the facts tables cannot be read."""
    try:
        from cfr.facts import facts
        return facts()["table"].to_dict()
    except (DataError, KeyError, ValueError):
        return {}
