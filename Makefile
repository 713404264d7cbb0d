# Two commands do everything on a fresh Debian machine (as root): `make book`, `make test`.
SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
JB    := $(VENV)/bin/jupyter-book
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
# The Pyodide copy served with the book for "Run this chapter in your browser" (see README).
LITE_DIST := lite/static/pyodide/pyodide-lock.json
# Where builds go: $(OUT)/_build/{html,latex,.jupyter_cache}. Override for a scratch build.
OUT   ?= .
STRICT := -W -n --keep-going
PDF   := $(OUT)/_build/pdf/cambodia-foreign-relations.pdf
PORT  ?= 8000

.PHONY: book html pdf test serve clean system-book system-test bench lock

# The book is the website and its PDF: every page links the PDF, so both are built.
book: html pdf
	@echo "HTML book: $(OUT)/_build/html/index.html (with the PDF)"

# The website alone (quicker while editing; its "Download the report (PDF)" link needs `make pdf`).
html: system-book $(STAMP) $(NODE_STAMP) $(LITE_DIST)
	$(JB) build . --path-output $(OUT) $(STRICT)

pdf: system-test $(STAMP) $(NODE_STAMP) html
	$(JB) build . --path-output $(OUT) --builder pdflatex $(STRICT)
	mkdir -p $(dir $(PDF))
	cp $(OUT)/_build/latex/cambodia-foreign-relations.pdf $(PDF)
	mkdir -p $(OUT)/_build/html && cp $(PDF) $(OUT)/_build/html/
	@echo "PDF: $(PDF)"

# One build per test run: the tests read what `make book` made and start no full build.
test: book
	$(PY) -m pytest

serve: book
	$(PY) -m http.server --directory $(OUT)/_build/html $(PORT)

bench: book
	$(PY) scripts/bench.py

clean:
	rm -rf _build

system-book:
	@bash scripts/setup-system.sh book

system-test:
	@bash scripts/setup-system.sh test

# Regenerate the lock from the direct dependencies (keeps existing pins unless an .in changes).
lock: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check pip-tools
	cd requirements && CUSTOM_COMPILE_COMMAND="make lock" ../$(PY) -m piptools compile --quiet --strip-extras --no-emit-index-url \
	  --no-emit-find-links --output-file=../requirements.txt test.in

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# The partial plotly.js bundle and Pyodide's core, exactly as pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The live notebooks' Pyodide: core from npm, every package file checked by sha256 against the
# official pyodide-lock.json or lite/packages.toml (scripts/lite_dist.py; the build checks again).
.PHONY: lite
lite: $(LITE_DIST)
$(LITE_DIST): lite/packages.toml package-lock.json scripts/lite_dist.py | $(STAMP) $(NODE_STAMP)
	$(PY) scripts/lite_dist.py

# Every table and map layer in data/ rebuilt from the raw extracts in sources/ (no network):
# the curation scripts in a fixed order, the lineage graph in data/lineage.json. See README.
.PHONY: data refresh
data:
	$(PY) scripts/curate/run_all.py

# Maintainers with internet: fetch the newest public extracts into a staging folder, validate
# them, replace the files in sources/, rerun `make data` and print what changed.
# `make refresh ARGS="--only wdi --book"` (see scripts/refresh.py --help).
refresh:
	$(PY) scripts/refresh.py $(ARGS)
