"""Write tests/snapshots/glued.json: every value the built notebooks glue into the prose.

    make book && .venv/bin/python scripts/update_glue_snapshot.py && git diff tests/snapshots

The snapshot is reviewed like code: a number that moves (new data, a changed method) shows
up as a diff in review, and tests/test_glue_snapshot.py fails until the snapshot is updated.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import executed, glued, is_notebook, toc_pages  # noqa: E402

SNAPSHOT = ROOT / "tests" / "snapshots" / "glued.json"


def current() -> dict:
    return {page: glued(executed(page)) for page in toc_pages() if is_notebook(page)}


if __name__ == "__main__":
    values = current()
    SNAPSHOT.write_text(json.dumps(values, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}: "
          f"{sum(len(v) for v in values.values())} values from {len(values)} notebooks")
