# kgpub — make help lists the targets. Every target installs what it needs first.
SHELL := /bin/bash
PY    ?= python3
VENV  := .venv
BIN   := $(VENV)/bin
HOST  ?= 127.0.0.1
PORT  ?= 5000
SHARED ?= ../shared
DEB_PACKAGES := libvoikko1 voikko-fi chromium chromium-driver virtuoso-opensource nginx
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install system-deps build serve test lint typecheck fmt unit bench soak fuzz eval export screenshots clean

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

system-deps: ## Debian packages: Voikko (Finnish analyser), Chromium + driver (browser tests), Virtuoso + nginx (remote-backend, replica tests)
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(STAMP): pyproject.toml
	$(MAKE) system-deps
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@if [ -f package.json ]; then npm ci --no-audit --no-fund --loglevel=error && $(BIN)/python -m kgpub.web.assets; fi
	touch $@

install: $(STAMP) ## make the virtual environment .venv/ with the kgpub command and every dependency

# The base IRI is baked into a build: `make build`/`make serve` build for http://$(HOST):$(PORT)/ so that
# `make serve PORT=8080` publishes IRIs on the port it serves (`build --if-stale` rebuilds when the base
# changes). A KGPUB_BASE_IRI or KGPUB_PUBLIC_BASE of your own (a proxy, a domain) is left alone.
BASE_HOST := $(if $(filter 0.0.0.0 ::,$(HOST)),127.0.0.1,$(if $(findstring :,$(HOST)),[$(HOST)],$(HOST)))
BASE_ENV := $(if $(or $(KGPUB_BASE_IRI),$(KGPUB_PUBLIC_BASE)),,KGPUB_BASE_IRI=http://$(BASE_HOST):$(PORT)/)

build: install ## build, reason, validate and publish the dataset from data/ into var/
	$(BASE_ENV) $(BIN)/kgpub build

export: install ## print the published graph as Turtle
	$(BIN)/kgpub export --format ttl

serve: install ## build if missing or stale, then serve on http://$(HOST):$(PORT)/
	$(BASE_ENV) $(BIN)/kgpub build --if-stale
	$(BASE_ENV) $(BIN)/kgpub serve --host $(HOST) --port $(PORT)

lint: install ## ruff check and format check
	$(BIN)/ruff check kgpub tests
	$(BIN)/ruff format --check kgpub tests

typecheck: install ## mypy --strict on the package
	$(BIN)/mypy

unit: install ## the pytest suite only
	$(BIN)/pytest -q

test: lint typecheck unit ## lint, types, then every test (unit, integration, conformance, browser)

screenshots: install ## re-render the README screenshots (docs/screenshots/) from the browser tests
	KGPUB_UPDATE_SCREENSHOTS=1 $(BIN)/pytest -q tests/browser/test_pages_browser.py tests/browser/test_languages_browser.py \
	  tests/browser/test_search_browser.py

fmt: install ## format the code
	$(BIN)/ruff format kgpub tests
	$(BIN)/ruff check --fix kgpub tests

bench: install ## benchmarks: store (docs/benchmarks.md), 1 MB extraction (docs/benchmarks-extraction.md), search (docs/benchmarks-search.md), dereference (docs/benchmarks-deref.md), SPARQL vs peers (docs/benchmarks-sparql.md), build 10k-1M triples (docs/benchmarks-build.md)
	$(BIN)/python -m kgpub.bench --out docs/benchmarks.md
	$(BIN)/python -m kgpub.bench_extract --shared $(SHARED) --out docs/benchmarks-extraction.md
	$(BIN)/python -m kgpub.search_bench --out docs/benchmarks-search.md
	$(BIN)/python -m kgpub.bench_deref --municipalities 62 --out docs/benchmarks-deref.md
	$(BIN)/python -m kgpub.bench_sparql --municipalities 6 --out docs/benchmarks-sparql.md
	$(BIN)/python -m kgpub.build_bench --out docs/benchmarks-build.md

soak: install ## load (50 clients x 60 s, twice; then 4 hogs) and faults on a scratch copy → docs/reliability.md
	$(BIN)/python -m kgpub.soak --out docs/reliability.md

FUZZ_EXAMPLES ?= 1000
PROPERTY_TESTS := tests/extract/test_fuzz.py tests/text/test_offsets_props.py tests/test_iris_props.py \
  tests/test_export_props.py tests/web/test_negotiate_props.py
fuzz: install ## the property tests and the extractor fuzz target, FUZZ_EXAMPLES (1000) examples each
	HYPOTHESIS_PROFILE=long KGPUB_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -q $(PROPERTY_TESTS)

eval: install ## extraction quality on the seeds and ../shared/devset (docs/extraction.md)
	$(BIN)/python -m kgpub.evaluate --shared $(SHARED) --out docs/extraction.md --baseline docs/extraction-v2-blind.json --confidence kgpub/extract/confidence.json

clean: ## remove build output (var/) and caches; keeps .venv
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
