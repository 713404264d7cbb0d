"""Lighthouse (npm, pinned in scripts/lighthouse/package.json) on pages of the built site,
served compressed on localhost, driving Debian's Chromium; mobile preset (simulated slow 4G,
4x slower CPU). Each page is audited three times and the median run kept: Lighthouse scales
the main-thread time it observes, so one run on a busy machine can be far off. Used by
`make bench`; by hand (``CFR_HTML`` names another build's html folder):

    .venv/bin/python scripts/lighthouse_audit.py chapters/donors intro
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from static_host import serve  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "scripts" / "lighthouse"
CLI = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
         "--disable-component-update --no-first-run --disable-dev-shm-usage")


def install() -> None:
    if not CLI.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=TOOLS,
                       check=True)


def audit(url: str) -> dict:
    """Scores (0-100) and metrics (ms, CLS unitless, bytes) of one Lighthouse run."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or ""}
        run = subprocess.run(
            ["node", str(CLI), url, "--output=json", f"--output-path={out}", "--quiet",
             f"--chrome-flags={FLAGS}", "--only-categories=performance,accessibility,seo",
             "--max-wait-for-load=60000"],
            capture_output=True, text=True, env=env, timeout=600)
        if run.returncode or not out.exists():
            raise RuntimeError(f"lighthouse failed on {url}: {run.stderr[-1500:]}")
        report = json.loads(out.read_text())
    audits, cats = report["audits"], report["categories"]
    return {
        "performance": round(cats["performance"]["score"] * 100),
        "accessibility": round(cats["accessibility"]["score"] * 100),
        "seo": round(cats["seo"]["score"] * 100),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "transfer_kb": round(audits["total-byte-weight"]["numericValue"] / 1024, 1),
        "failed_seo": [k for k, a in audits.items() if a.get("score") == 0 and
                       k in {r["id"] for r in cats["seo"]["auditRefs"]}],
    }


RUNS = 3  # Lighthouse's own advice: one run varies; report the median of several


def median_run(url: str, runs: int = RUNS) -> dict:
    """The run with the median performance score, and every run's score beside it."""
    results = sorted((audit(url) for _ in range(runs)), key=lambda r: r["performance"])
    median = dict(results[len(results) // 2])
    median["performance_runs"] = [r["performance"] for r in results]
    return median


def audit_pages(html: Path, pages: list[str], runs: int = RUNS) -> dict:
    install()
    server, base = serve(html)
    try:
        return {page: median_run(f"{base}/{page}.html", runs) for page in pages}
    finally:
        server.shutdown()


if __name__ == "__main__":
    html = Path(os.environ.get("CFR_HTML", ROOT / "_build" / "html"))
    print(json.dumps(audit_pages(html, sys.argv[1:] or ["chapters/donors"]), indent=1))
