"""What each notebook's outputs depend on, besides its own code: the tables it reads and the
``cfr`` modules it imports. The build reruns a notebook only when one of these changed.

MyST-NB's execution cache keys on a notebook's code cells only (jupyter-book #1633): an edited
CSV or helper would leave old numbers on the page. :func:`inputs` lists, for one notebook,

- the ``cfr`` modules it imports, with the modules those import in turn (``cfr.partners``
  imports ``cfr.data``), read from the source with :mod:`ast`;
- every table named by a string literal in its code or in those modules (``load("x")``,
  ``table=["x", "y"]``, lists of names), and the facts tables when it reads facts;
  a table's file and its entry in ``data/datapackage.json`` both count.

:func:`fingerprint` hashes all of that, so a notebook is rerun exactly when something it reads
changed. The analysis is deliberately generous: a table name that only appears in a comment
still counts, so a change can cause an unneeded rerun but never a stale page.
"""
from __future__ import annotations

import ast
import functools
import hashlib
import json
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
FACT_NAMES = {"fact", "fact_row", "facts"}


def _code_of(notebook: Path) -> str:
    """The code cells of a MyST Markdown notebook (or a .py module) as one string."""
    text = notebook.read_text(encoding="utf-8")
    if notebook.suffix != ".md":
        return text
    cells = re.findall(r"^```\{code-cell\}[^\n]*\n(.*?)^```", text, flags=re.M | re.S)
    # Cell options (":tags: [...]") are not Python.
    return "\n".join(re.sub(r"^:\w[\w-]*:.*$", "", c, flags=re.M) for c in cells)


def _imports(code: str) -> tuple[set[str], set[str]]:
    """(cfr modules imported, names imported from the cfr package itself)."""
    modules, names = _imports_of(code)
    return set(modules), set(names)


@functools.lru_cache(maxsize=None)
def _imports_of(code: str) -> tuple[frozenset[str], frozenset[str]]:
    # every notebook imports the same modules: each module's source is parsed once per build
    modules, names = set(), set()
    try:
        tree = ast.parse(code)
    except SyntaxError:  # IPython magics: fall back to a plain scan
        return frozenset(re.findall(r"\bcfr\.(\w+)", code)), frozenset()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "cfr":
            if node.module == "cfr":
                for alias in node.names:
                    if (PACKAGE / f"{alias.name}.py").exists():
                        modules.add(alias.name)
                    else:
                        names.add(alias.name)
            else:
                modules.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "cfr" and len(parts) > 1:
                    modules.add(parts[1])
    return frozenset(modules), frozenset(names)


def _package_exports() -> dict[str, str]:
    """{name: module} for the names ``cfr/__init__.py`` re-exports (``load`` -> ``data``)."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    out = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cfr."):
            for alias in node.names:
                out[alias.asname or alias.name] = node.module.split(".")[1]
    return out


def modules_used(code: str) -> set[str]:
    """Every cfr module the code depends on, following imports inside the package."""
    modules, names = _imports(code)
    exports = _package_exports()
    modules |= {exports[n] for n in names if n in exports}
    modules.add("__init__")  # importing anything from cfr runs the package's __init__
    modules |= set(exports.values())
    todo = list(modules)
    while todo:
        path = PACKAGE / f"{todo.pop()}.py"
        if path.exists():
            for m in _imports(path.read_text(encoding="utf-8"))[0] - modules:
                modules.add(m)
                todo.append(m)
    return {m for m in modules if (PACKAGE / f"{m}.py").exists()}


# Modules that read tables only by a name the caller passes (load, fact, the package itself).
NAME_PASSING = {"__init__", "data", "facts", "notebook_inputs", "sphinx_ext"}


def tables_used(code: str, modules: set[str], resources: dict) -> set[str]:
    """Tables named by a string literal in the code or in the modules it uses."""
    texts = [code] + [(PACKAGE / f"{m}.py").read_text(encoding="utf-8")
                      for m in sorted(modules - NAME_PASSING)]
    literals = set()
    for text in texts:
        literals |= _string_literals(text)
    used = {name for name in resources if name in literals}
    if any(re.search(rf"\b{n}\(", t) for n in FACT_NAMES for t in texts):
        from cfr.facts import FACT_TABLES

        used |= {t for t in FACT_TABLES if t in resources}
    return used


@functools.lru_cache(maxsize=None)
def _string_literals(code: str) -> frozenset[str]:
    """String constants in the code, docstrings left out (they name tables in examples)."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return frozenset(re.findall(r"""["']([A-Za-z_]\w*)["']""", code))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return frozenset(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
                     and isinstance(n.value, str) and id(n) not in docstrings)


def inputs(notebook: Path, data: Path) -> dict:
    """{"modules": [...], "tables": [...]} that notebook ``notebook`` reads."""
    code = _code_of(Path(notebook))
    resources = {r["name"]: r for r in
                 json.loads((Path(data) / "datapackage.json").read_text())["resources"]}
    modules = modules_used(code)
    return {"modules": sorted(modules), "tables": sorted(tables_used(code, modules, resources))}


def fingerprint(notebook: Path, data: Path) -> str:
    """A hash of everything ``notebook`` reads besides its own code cells."""
    data = Path(data)
    resources = {r["name"]: r for r in
                 json.loads((data / "datapackage.json").read_text())["resources"]}
    need = inputs(notebook, data)
    digest = hashlib.sha256()
    for m in need["modules"]:
        digest.update(f"module {m}\n".encode())
        digest.update((PACKAGE / f"{m}.py").read_bytes())
    for t in need["tables"]:
        res = resources[t]
        digest.update(f"table {t}\n".encode())
        digest.update(json.dumps(res, sort_keys=True).encode())
        path = data / res["path"]
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
    return digest.hexdigest()
