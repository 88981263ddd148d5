# The two commands of a fresh machine: `make run` and `make test`.
# Everything else here is what they need; each step is skipped when done.

PYTHON ?= $(shell tools/find-python)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= 3
DEMO_MEMBERS ?= 2000

.PHONY: run test setup test-deps assets chromium jemalloc neo4j-launcher clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

setup: $(STAMP)

## Serve the app on the embedded graph, with reference data and a demo network.
run: setup assets jemalloc
	$(BIN)/coopol init
	$(BIN)/coopol seed --if-empty --members $(DEMO_MEMBERS) --seed 1
	$(BIN)/coopol serve --host $(HOST) --port $(PORT) --workers $(WORKERS)

## Run every test (store contract on both engines, web, browser, Cypher lint).
test: setup test-deps assets jemalloc
	$(BIN)/python -m pytest

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## Browser libraries the pages serve themselves (no CDN): copied from node_modules into webapp/static/vendor/.
assets: webapp/static/vendor/cytoscape.min.js

webapp/static/vendor/cytoscape.min.js: node_modules/.installed
	mkdir -p $(@D)
	cp node_modules/cytoscape/dist/cytoscape.min.js $@

chromium:
	tools/ensure-chromium

## jemalloc for the embedded graph server (graphsvc/store/embedded.py preloads it when installed).
jemalloc:
	tools/ensure-jemalloc

## The Neo4j launcher of the tests (Java 17 + Maven; the first build downloads Neo4j's jars).
neo4j-launcher: setup
	$(BIN)/python -c "from graphsvc.neo4jserver import ensure_built; ensure_built()"

test-deps: node_modules/.installed chromium neo4j-launcher

clean:
	rm -rf $(VENV) node_modules
