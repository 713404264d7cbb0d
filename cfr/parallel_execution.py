"""Both cores for a cold build: the notebooks execute in worker processes while Sphinx goes on.

MyST-NB executes a notebook when Sphinx reads it, one after another. Instead, when Sphinx has
listed the pages it will read (``env-before-read-docs``), this extension

1. hands every notebook without cached outputs to a pool of worker processes (one per core),
   the longest first (its number of charts stands in for its running time: a cold build has
   no earlier timing), each worker taking the next notebook as soon as it is free;
2. reorders the reading: pages that run no code first (Sphinx reads them while the notebooks
   execute), then the notebooks in the order they were handed out;
3. holds the reading of each notebook (``source-read``) until its worker has put its outputs in
   jupyter-cache, where MyST-NB then finds them.

A notebook that fails in a worker is simply executed again by MyST-NB, which reports the error
as usual. ``CFR_SERIAL_EXECUTION=1`` turns this off (``make bench`` times both ways).
"""
from __future__ import annotations

import multiprocessing
import os
import re
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)
SERIAL_ENV = "CFR_SERIAL_EXECUTION"
CHART_SHOWN = re.compile(r"\.show\(\)")


def notebook_docs(env) -> dict[str, Path]:
    """{docname: source path} of the pages that are notebooks (MyST Markdown with a kernel)."""
    out = {}
    for doc in sorted(env.found_docs):
        path = Path(env.doc2path(doc))
        if path.suffix == ".md" and path.read_text(encoding="utf-8").startswith("---\njupytext:"):
            out[doc] = path
    return out


def expected_cost(source: Path) -> tuple[int, int]:
    """What orders the notebooks, longest first, before any has run: its charts (each is drawn
    twice, for the page and as the PDF's image; a notebook's start costs about as much as
    three), then its size."""
    text = source.read_text(encoding="utf-8")
    return 3 + len(CHART_SHOWN.findall(text)), len(text)


def cache_dir(app) -> Path:
    return Path(app.config["nb_execution_cache_path"]
                or Path(app.outdir).parent / ".jupyter_cache")


def _start(app, env, docnames):
    if app.config["nb_execution_mode"] != "cache" or os.environ.get(SERIAL_ENV):
        return
    paths = {doc: path for doc, path in notebook_docs(env).items() if doc in docnames}
    if len(paths) < 2:
        return
    from jupyter_cache import get_cache
    from jupyter_cache.executors.basic import ExecutionWorkerLocalMProc, ProcessData

    cache = get_cache(str(cache_dir(app)))
    doc_of = {str(path): doc for doc, path in paths.items()}
    for uri in sorted(doc_of):
        cache.add_nb_to_project(uri, read_data={"name": "myst_nb_md", "type": "plugin"})
    todo = [r for r in cache.list_unexecuted() if r.uri in doc_of]
    if len(todo) < 2:
        return
    todo.sort(key=lambda r: expected_cost(Path(r.uri)), reverse=True)
    logger.info(f"[cfr] executing {len(todo)} notebooks in parallel")
    pool = multiprocessing.Pool(min(len(todo), os.cpu_count() or 1))
    worker = ExecutionWorkerLocalMProc()
    timeout = app.config["nb_execution_timeout"]
    app.cfr_executing = {
        doc_of[r.uri]: pool.apply_async(worker, (ProcessData(r.pk, r.uri, cache, timeout, False),))
        for r in todo}
    app.cfr_pool = pool
    pool.close()  # no more work: the workers exit when the last notebook is done
    rank = {doc: i for i, doc in enumerate(app.cfr_executing, start=1)}
    docnames.sort(key=lambda doc: rank.get(doc, 0))


def _wait_for_outputs(app, docname, source):
    """Before MyST-NB reads a notebook, wait until its worker has cached the outputs."""
    running = getattr(app, "cfr_executing", {}).pop(docname, None)
    if running is None:
        return
    status, _uri = running.get()
    if status:
        logger.info(f"[cfr] {docname} failed in parallel; MyST-NB executes it again")
    if not app.cfr_executing:
        app.cfr_pool.join()


def _stop(app, exception):
    """A build that stops early leaves no worker running."""
    pool = getattr(app, "cfr_pool", None)
    if pool is not None and getattr(app, "cfr_executing", None):
        pool.terminate()


def setup(app):
    # Before other listeners of this event, cfr.lite's among them: the workers are forked
    # while this process has no other thread running.
    app.connect("env-before-read-docs", _start, priority=400)
    app.connect("source-read", _wait_for_outputs)
    app.connect("build-finished", _stop)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
