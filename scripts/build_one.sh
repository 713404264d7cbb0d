#!/usr/bin/env bash
# Build the book with only some chapters (plus intro and the appendices), into its own
# folder, so several people can check their chapter at once without touching _build/.
#   scripts/build_one.sh chapters/donors.md [more pages...]   -> /tmp/cfr-build-donors/_build/html
set -euo pipefail
cd "$(dirname "$0")/.."
name=$(basename "${1%.md}")
out=/tmp/cfr-build-$name
mkdir -p "$out"
{
  echo "format: jb-book"; echo "root: intro"; echo "chapters:"
  for page in "$@"; do echo "  - file: ${page%.md}"; done
  for page in claims data-catalogue glossary references; do
    [[ " $* " == *" chapters/$page.md "* ]] || echo "  - file: chapters/$page"
  done
} > "$out/_toc.yml"
.venv/bin/jupyter-book build . --toc "$out/_toc.yml" --path-output "$out" -W -n --keep-going
echo "built: $out/_build/html/$(dirname "$1")/$name.html"
