"""``glue(name, value, display=False)``: the number a sentence quotes, wherever the notebook runs.

In the book build (and any Jupyter with MyST-NB installed) this is ``myst_nb.glue``: the value
is stored in the cell's output under ``name`` and the prose pastes it with
``{glue:text}`name```. Where MyST-NB is not installed (the live notebook in the reader's
browser, a plain Jupyter), the value is shown under the cell instead, as ``name = value``, so
the reader sees the number the sentence quotes; ``display=True`` values (a chart, a table) are
shown as themselves.
"""
from __future__ import annotations

from typing import Any

#: Output metadata key naming the glued value when MyST-NB is absent (read by the tests).
GLUE_KEY = "cfr_glue"


def glue(name: str, value: Any, display: bool = False) -> None:
    """Store ``value`` under ``name`` for the prose (MyST-NB), or show it (elsewhere)."""
    try:  # the book build (imported here: MyST-NB pulls in Sphinx)
        from myst_nb import glue as myst_glue
    except ImportError:  # the browser (Pyodide) or a Jupyter without MyST-NB
        myst_glue = None
    if myst_glue is not None:
        myst_glue(name, value, display=display)
        return
    from IPython.display import display as show

    if display:
        show(value, metadata={GLUE_KEY: name})
    else:
        show({"text/plain": f"{name} = {value}"}, raw=True, metadata={GLUE_KEY: name})
