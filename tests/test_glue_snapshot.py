"""Every number glued into the prose equals the reviewed snapshot in tests/snapshots/glued.json.

A number that moves is a review decision, not an accident: update the snapshot with
`scripts/update_glue_snapshot.py` and the diff shows exactly which numbers moved and by how much.
"""
from __future__ import annotations

import json
import math

import pytest

from conftest import ROOT, executed, glued, is_notebook, toc_pages

SNAPSHOT = json.loads((ROOT / "tests" / "snapshots" / "glued.json").read_text())
PAGES = [p for p in toc_pages() if is_notebook(p)]
HINT = "review the change, then run scripts/update_glue_snapshot.py"


def same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9) or (a != a and b != b)
    return a == b


@pytest.mark.parametrize("page", PAGES)
def test_glued_values_equal_the_snapshot(page):
    now, then = glued(executed(page)), SNAPSHOT.get(page, {})
    added, gone = sorted(set(now) - set(then)), sorted(set(then) - set(now))
    moved = {k: (then[k], now[k]) for k in set(now) & set(then) if not same(now[k], then[k])}
    assert not (added or gone or moved), (
        f"{page}: glued values differ from the snapshot ({HINT}):\n"
        f"  new: {added}\n  gone: {gone}\n"
        + "\n".join(f"  {k}: {a!r} -> {b!r}" for k, (a, b) in sorted(moved.items())))


def test_snapshot_covers_every_notebook():
    assert set(SNAPSHOT) == set(PAGES), HINT
