"""Edit the book's shared files safely when several people work at once (file lock).

    python scripts/shared_edit.py resources FILE.json   # upsert data-package resources by name
    python scripts/shared_edit.py glossary TERM "Definition."   # add/replace a glossary term
    python scripts/shared_edit.py bib FILE.bib          # append BibTeX entries (new keys only)
"""
import fcntl
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "_build" / ".shared_edit.lock"


def resources(path: str) -> None:
    new = json.loads(Path(path).read_text())
    new = new if isinstance(new, list) else [new]
    dp_path = ROOT / "data" / "datapackage.json"
    dp = json.loads(dp_path.read_text())
    names = {r["name"]: i for i, r in enumerate(dp["resources"])}
    for res in new:
        if res["name"] in names:
            dp["resources"][names[res["name"]]] = res
        else:
            dp["resources"].append(res)
    dp_path.write_text(json.dumps(dp, indent=2, ensure_ascii=False) + "\n")
    print("upserted:", ", ".join(r["name"] for r in new))


def glossary(term: str, definition: str) -> None:
    path = ROOT / "chapters" / "glossary.md"
    text = path.read_text()
    head, body = text.split("```{glossary}\n", 1)
    body, tail = body.split("\n```", 1)
    entries = {}
    for block in re.split(r"\n(?=\S)", body.strip("\n")):
        lines = block.split("\n")
        entries[lines[0].strip()] = "\n".join(lines[1:])
    entries[term] = "  " + definition.strip()
    out = "\n\n".join(f"{k}\n{v.strip(chr(10))}"
                       for k, v in sorted(entries.items(), key=lambda kv: kv[0].lower()))
    path.write_text(head + "```{glossary}\n" + out + "\n```" + tail)
    print("glossary:", term)


def bib(path: str) -> None:
    bib_path = ROOT / "references.bib"
    have = set(re.findall(r"@\w+\{([^,]+),", bib_path.read_text()))
    new = Path(path).read_text()
    added = []
    for entry in re.split(r"\n(?=@)", new.strip()):
        key = re.match(r"@\w+\{([^,]+),", entry.strip())
        if key and key.group(1) not in have:
            bib_path.write_text(bib_path.read_text().rstrip("\n") + "\n\n" + entry.strip() + "\n")
            added.append(key.group(1))
    print("bib added:", ", ".join(added) or "nothing new")


if __name__ == "__main__":
    LOCK.parent.mkdir(exist_ok=True)
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        {"resources": resources, "glossary": glossary, "bib": bib}[sys.argv[1]](*sys.argv[2:])
