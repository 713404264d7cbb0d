# Two commands do everything on a fresh Debian machine (as root): `make book`, `make test`.
SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
JB    := $(VENV)/bin/jupyter-book
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
# Where builds go: $(OUT)/_build/{html,latex,.jupyter_cache}. Override for a scratch build.
OUT   ?= .
STRICT := -W -n --keep-going
PDF   := $(OUT)/_build/pdf/cambodia-foreign-relations.pdf
PORT  ?= 8000

.PHONY: book pdf test serve clean system-book system-test bench

book: system-book $(STAMP) $(NODE_STAMP)
	$(JB) build . --path-output $(OUT) $(STRICT)
	@echo "HTML book: $(OUT)/_build/html/index.html"

pdf: system-test $(STAMP) $(NODE_STAMP)
	$(JB) build . --path-output $(OUT) --builder pdflatex $(STRICT)
	mkdir -p $(dir $(PDF))
	cp $(OUT)/_build/latex/cambodia-foreign-relations.pdf $(PDF)
	mkdir -p $(OUT)/_build/html && cp $(PDF) $(OUT)/_build/html/
	@echo "PDF: $(PDF)"

test: system-test $(STAMP) $(NODE_STAMP)
	$(MAKE) book
	$(MAKE) pdf
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

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# The partial plotly.js bundle, exactly as pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@
