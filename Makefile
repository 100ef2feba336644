# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
INDEX  ?= build
HOST   ?= 127.0.0.1
PORT   ?= 8501
TORCH  := torch==2.13.0

.PHONY: run test install install-test build app lint bench eval browser screenshots clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# torch first, CPU build from this machine's wheel: a bare `torch` pulled in later would be a CUDA build.
$(VENV)/.installed: $(VENV)/bin/python pyproject.toml
	$(PIP) install --quiet $(TORCH)
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PIP) install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

build: install
	$(VENV)/bin/reportgraph build --out $(INDEX) --if-stale

run: build
	@echo "reportgraph: serving on http://$(HOST):$(PORT)"
	$(VENV)/bin/reportgraph app --index $(INDEX) --host $(HOST) --port $(PORT)

# Debian chromium for the browser tests: installed when missing and we are allowed to (root, apt).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "make: could not install chromium; browser tests will be skipped (or fail under CI=true)"; \
	  else echo "make: chromium missing and cannot be installed here; browser tests will be skipped"; fi; \
	fi

test: install-test browser
	$(VENV)/bin/ruff check .
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(PY) -m pytest -q -ra

# the README's screenshots, taken by the browser test in headless Debian chromium
screenshots: install-test browser
	REPORTGRAPH_REFRESH_SCREENSHOTS=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(PY) -m pytest -q tests/test_browser.py

lint: install-test
	$(VENV)/bin/ruff check .

# quality on the bundled reports (the made-up ones live in tests/data/reports)
EVAL_INDEX ?= build-eval
eval: install
	$(VENV)/bin/reportgraph build data/reports tests/data/reports --out $(EVAL_INDEX) --if-stale
	for r in peru:unhcr-arr-2023-peru marovia:unhcr-arr-2025-marovia tavora:unhcr-arr-2024-tavora calderra:unhcr-arr-2022-calderra nyandara:unhcr-arr-2023-nyandara; do \
	  set -e; name=$${r%%:*}; id=$${r#*:}; echo "== $$name"; \
	  $(VENV)/bin/reportgraph eval tests/data/questions-$$name.jsonl --index $(EVAL_INDEX) --report $$id; \
	  $(VENV)/bin/reportgraph eval-search tests/data/questions-$$name.jsonl --index $(EVAL_INDEX) --report $$id; \
	  $(VENV)/bin/reportgraph eval-graph tests/data/gold-$$name.jsonl --index $(EVAL_INDEX) --report $$id; \
	done

bench: install-test
	$(PY) bench/run

clean:
	rm -rf $(INDEX) $(EVAL_INDEX) .pytest_cache
